//! What one instance allows, so a hostile student or a flaky network cannot take the room
//! down: open connections, event streams (in total and per client address), and new
//! server-side session records per client address. Each refusal is a clear answer that
//! says which limit was hit.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The limits in force. `Default` is what `cargo run` uses; the flags of `Config` change it.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Open TCP connections; one more is answered `503` and closed.
    pub max_connections: usize,
    /// A request's headers must arrive within this, and an idle keep-alive connection is
    /// closed after it (hyper starts the same timer while it waits for the next request).
    pub header_read_timeout: Duration,
    /// After Ctrl-C or SIGTERM, open connections get this long to finish; then they are
    /// dropped and the process exits.
    pub shutdown_grace: Duration,
    /// Event streams (followers, presenter and notes windows, live reload) in total.
    pub max_streams: usize,
    /// Event streams from one client address (a learner with a few tabs open).
    pub max_streams_per_client: usize,
    /// New server-side session records one client address may create in a burst…
    pub new_records_burst: u32,
    /// …and per minute after it.
    pub new_records_per_minute: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_connections: 4096,
            header_read_timeout: Duration::from_secs(10),
            shutdown_grace: Duration::from_secs(5),
            max_streams: 2000,
            max_streams_per_client: 8,
            new_records_burst: 20,
            new_records_per_minute: 30,
        }
    }
}

/// The address a request came from: the peer of its connection (`ConnectInfo`), or
/// loopback for a request made in memory (tests with `oneshot`).
pub fn client_ip(extensions: &axum::http::Extensions) -> IpAddr {
    extensions
        .get::<axum::extract::ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::LOCALHOST), |c| c.0.ip())
}

/// Open event streams, counted in total and per client address.
#[derive(Debug)]
pub struct Streams {
    max_total: usize,
    max_per_client: usize,
    open: Mutex<(usize, HashMap<IpAddr, usize>)>,
}

/// Why a stream was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreamRefused {
    Total(usize),
    PerClient(usize),
}

impl std::fmt::Display for StreamRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StreamRefused::Total(n) => write!(
                f,
                "this server already has {n} open event streams, its limit (--max-streams)"
            ),
            StreamRefused::PerClient(n) => write!(
                f,
                "your address already has {n} open event streams, the limit per address (--max-streams-per-client); close a tab"
            ),
        }
    }
}

/// One open stream, counted while it lives.
#[derive(Debug)]
pub struct StreamGuard {
    streams: Arc<Streams>,
    ip: IpAddr,
}

impl Streams {
    pub fn new(limits: &Limits) -> Self {
        Streams {
            max_total: limits.max_streams,
            max_per_client: limits.max_streams_per_client,
            open: Mutex::new((0, HashMap::new())),
        }
    }

    /// Count one more stream from `ip`, or say which limit it would break.
    pub fn open(self: &Arc<Self>, ip: IpAddr) -> Result<StreamGuard, StreamRefused> {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        if open.0 >= self.max_total {
            return Err(StreamRefused::Total(self.max_total));
        }
        let mine = open.1.entry(ip).or_insert(0);
        if *mine >= self.max_per_client {
            return Err(StreamRefused::PerClient(self.max_per_client));
        }
        *mine += 1;
        open.0 += 1;
        Ok(StreamGuard {
            streams: self.clone(),
            ip,
        })
    }

    pub fn count(&self) -> usize {
        self.open.lock().unwrap_or_else(|e| e.into_inner()).0
    }
}

impl Drop for StreamGuard {
    fn drop(&mut self) {
        let mut open = self.streams.open.lock().unwrap_or_else(|e| e.into_inner());
        open.0 = open.0.saturating_sub(1);
        if let Some(n) = open.1.get_mut(&self.ip) {
            *n -= 1;
            if *n == 0 {
                open.1.remove(&self.ip);
            }
        }
    }
}

/// A token bucket per client address for creating server-side records: a burst, then a
/// steady rate. Bounded: full buckets are forgotten when the table grows.
#[derive(Debug)]
pub struct RecordRate {
    burst: f64,
    per_second: f64,
    buckets: Mutex<HashMap<IpAddr, (f64, f64)>>,
}

/// Refused: how long until the next record may be created.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateRefused {
    pub retry_after: u64,
    pub per_minute: u32,
}

impl RecordRate {
    pub fn new(limits: &Limits) -> Self {
        RecordRate {
            burst: f64::from(limits.new_records_burst.max(1)),
            per_second: f64::from(limits.new_records_per_minute.max(1)) / 60.0,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Take one token for `ip` at `now` (Unix seconds).
    pub fn take(&self, ip: IpAddr, now: f64) -> Result<(), RateRefused> {
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() > 10_000 {
            let (burst, rate) = (self.burst, self.per_second);
            buckets.retain(|_, (tokens, at)| *tokens + (now - *at) * rate < burst);
        }
        let (tokens, at) = buckets.entry(ip).or_insert((self.burst, now));
        *tokens = (*tokens + (now - *at).max(0.0) * self.per_second).min(self.burst);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Ok(())
        } else {
            Err(RateRefused {
                retry_after: ((1.0 - *tokens) / self.per_second).ceil() as u64,
                per_minute: (self.per_second * 60.0).round() as u32,
            })
        }
    }
}

/// Raise the soft open-file limit as far as the hard limit allows, and fit the connection
/// cap under it (each connection is a descriptor; keep some for files and Redis).
pub fn fit_open_files(limits: &mut crate::web::limits::Limits) {
    match rlimit::increase_nofile_limit(u64::MAX) {
        Ok(soft) => {
            let fits = usize::try_from(soft.saturating_sub(64)).unwrap_or(usize::MAX);
            if fits < limits.max_connections {
                tracing::warn!(
                    open_files = soft,
                    max_connections = fits,
                    "the open-file limit caps connections; raise it with `ulimit -n`"
                );
                limits.max_connections = fits.max(1);
            } else {
                tracing::info!(
                    open_files = soft,
                    max_connections = limits.max_connections,
                    "limits"
                );
            }
        }
        Err(e) => tracing::warn!(error = %e, "could not read or raise the open-file limit"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_capped_per_address_and_in_total_and_freed_on_drop() {
        let limits = Limits {
            max_streams: 3,
            max_streams_per_client: 2,
            ..Limits::default()
        };
        let s = Arc::new(Streams::new(&limits));
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let b: IpAddr = "10.0.0.2".parse().unwrap();
        let a1 = s.open(a).unwrap();
        let _a2 = s.open(a).unwrap();
        assert_eq!(s.open(a).unwrap_err(), StreamRefused::PerClient(2));
        let _b1 = s.open(b).unwrap();
        assert_eq!(s.open(b).unwrap_err(), StreamRefused::Total(3));
        drop(a1);
        assert_eq!(s.count(), 2);
        assert!(s.open(b).is_ok());
    }

    #[test]
    fn new_records_come_in_a_burst_then_at_the_steady_rate() {
        let limits = Limits {
            new_records_burst: 3,
            new_records_per_minute: 60,
            ..Limits::default()
        };
        let r = RecordRate::new(&limits);
        let ip: IpAddr = "10.0.0.1".parse().unwrap();
        for _ in 0..3 {
            r.take(ip, 1000.0).unwrap();
        }
        let refused = r.take(ip, 1000.0).unwrap_err();
        assert_eq!((refused.retry_after, refused.per_minute), (1, 60));
        assert!(
            r.take("10.0.0.2".parse().unwrap(), 1000.0).is_ok(),
            "another learner is not affected"
        );
        assert!(r.take(ip, 1001.0).is_ok(), "one more a second later");
        assert!(r.take(ip, 1001.0).is_err());
    }
}
