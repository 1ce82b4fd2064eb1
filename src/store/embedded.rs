//! The in-process store: a map with per-key expiry, bounded in entries and bytes so memory
//! stays flat whatever learners do.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub const MAX_ENTRIES: usize = 20_000;
pub const MAX_BYTES: usize = 64 * 1024 * 1024;

#[derive(Debug)]
pub struct Embedded {
    inner: Mutex<Inner>,
    max_entries: usize,
    max_bytes: usize,
}

#[derive(Debug, Default)]
struct Inner {
    map: HashMap<String, (Vec<u8>, Instant, u64)>,
    bytes: usize,
    /// Insertion counter: the oldest write is evicted first when full.
    clock: u64,
}

impl Default for Embedded {
    fn default() -> Self {
        Embedded::with_limits(MAX_ENTRIES, MAX_BYTES)
    }
}

impl Embedded {
    pub fn with_limits(max_entries: usize, max_bytes: usize) -> Self {
        Embedded {
            inner: Mutex::new(Inner::default()),
            max_entries,
            max_bytes,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn get(&self, key: &str) -> Option<Vec<u8>> {
        let inner = self.lock();
        inner
            .map
            .get(key)
            .filter(|(_, exp, _)| *exp > Instant::now())
            .map(|(v, _, _)| v.clone())
    }

    pub fn ttl(&self, key: &str) -> Option<i64> {
        let inner = self.lock();
        let (_, exp, _) = inner.map.get(key)?;
        exp.checked_duration_since(Instant::now())
            .map(|d| d.as_secs_f64().ceil() as i64)
    }

    pub fn set(&self, key: &str, value: &[u8], ttl: i64) {
        let mut inner = self.lock();
        let now = Instant::now();
        if let Some((old, _, _)) = inner.map.remove(key) {
            inner.bytes -= old.len() + key.len();
        }
        // Make room: expired entries first, then the oldest writes.
        if inner.map.len() >= self.max_entries
            || inner.bytes + value.len() + key.len() > self.max_bytes
        {
            let expired: Vec<String> = inner
                .map
                .iter()
                .filter(|(_, (_, e, _))| *e <= now)
                .map(|(k, _)| k.clone())
                .collect();
            for k in expired {
                if let Some((v, _, _)) = inner.map.remove(&k) {
                    inner.bytes -= v.len() + k.len();
                }
            }
            while inner.map.len() >= self.max_entries
                || inner.bytes + value.len() + key.len() > self.max_bytes
            {
                let Some(oldest) = inner
                    .map
                    .iter()
                    .min_by_key(|(_, (_, _, n))| *n)
                    .map(|(k, _)| k.clone())
                else {
                    break;
                };
                if let Some((v, _, _)) = inner.map.remove(&oldest) {
                    inner.bytes -= v.len() + oldest.len();
                }
            }
        }
        inner.clock += 1;
        let n = inner.clock;
        inner.bytes += value.len() + key.len();
        let expiry = now + Duration::from_secs(ttl.max(0) as u64);
        inner
            .map
            .insert(key.to_owned(), (value.to_vec(), expiry, n));
    }

    pub fn delete(&self, key: &str) {
        let mut inner = self.lock();
        if let Some((v, _, _)) = inner.map.remove(key) {
            inner.bytes -= v.len() + key.len();
        }
    }

    pub fn len(&self) -> usize {
        self.lock().map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_expire_and_the_store_stays_bounded() {
        let s = Embedded::with_limits(3, 1000);
        s.set("a", b"1", 0);
        assert_eq!(s.get("a"), None, "a zero TTL is already expired");
        s.set("b", b"2", 60);
        assert_eq!(s.get("b").as_deref(), Some(&b"2"[..]));
        assert!((59..=60).contains(&s.ttl("b").unwrap()));
        for k in ["c", "d", "e", "f"] {
            s.set(k, b"x", 60);
        }
        assert!(s.len() <= 3);
        assert_eq!(s.get("b"), None, "the oldest write was evicted");
        assert!(s.get("f").is_some());
        s.set("big", &[0u8; 900], 60);
        assert!(s.get("big").is_some());
        s.delete("big");
        assert_eq!(s.get("big"), None);
    }
}
