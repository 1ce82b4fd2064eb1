//! The time every request sees. Tests move it forward to watch sessions expire without
//! sleeping.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Wall-clock time plus an adjustable offset (zero outside tests); or, for a snapshot,
/// a frozen instant that moves only when told.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    offset_ms: Arc<AtomicI64>,
    frozen_at: Option<f64>,
}

impl Clock {
    /// A clock that reads `unix` until `advance` moves it.
    pub fn frozen(unix: f64) -> Self {
        Clock {
            offset_ms: Arc::default(),
            frozen_at: Some(unix),
        }
    }

    /// Unix time in seconds, with the fraction (Flask's `time.time()`).
    pub fn now(&self) -> f64 {
        if let Some(t) = self.frozen_at {
            return t + self.offset_ms.load(Ordering::Relaxed) as f64 / 1000.0;
        }
        let wall = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or(0.0);
        wall + self.offset_ms.load(Ordering::Relaxed) as f64 / 1000.0
    }

    /// Shift the clock by `seconds` (tests only need it, but it is harmless anywhere).
    pub fn advance(&self, seconds: f64) {
        self.offset_ms
            .fetch_add((seconds * 1000.0) as i64, Ordering::Relaxed);
    }
}
