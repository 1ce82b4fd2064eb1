//! The in-process store: a map with per-key expiry, bounded in entries and bytes so memory
//! stays flat whatever learners do. When it is full, records nobody came back for go first
//! (written once and never read again: what a script that loops on "new session" leaves),
//! then the least recently used. It remembers, for a while, which records it let go and why,
//! so the panel can tell a learner their record expired or was evicted.

use super::Gone;
use crate::session::clock::Clock;
use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

pub const MAX_ENTRIES: usize = 20_000;
pub const MAX_BYTES: usize = 64 * 1024 * 1024;
/// How many let-go keys are remembered (a key is about 50 bytes).
const MAX_GONE: usize = 20_000;

#[derive(Debug)]
pub struct Embedded {
    inner: Mutex<Inner>,
    max_entries: usize,
    max_bytes: usize,
    clock: Clock,
}

#[derive(Debug)]
struct Entry {
    value: Vec<u8>,
    /// Unix time (the injected clock's) when the record expires.
    expires: f64,
    /// Reads since the record was first written: zero means nobody came back for it.
    reads: u32,
    /// Use counter at the last read or write: the smallest is the least recently used.
    used: u64,
}

#[derive(Debug, Default)]
struct Inner {
    map: HashMap<String, Entry>,
    bytes: usize,
    tick: u64,
    gone: HashMap<String, Gone>,
    gone_order: VecDeque<String>,
}

impl Default for Embedded {
    fn default() -> Self {
        Embedded::with_limits(MAX_ENTRIES, MAX_BYTES)
    }
}

impl Inner {
    fn remove(&mut self, key: &str, why: Option<Gone>) -> Option<Entry> {
        let entry = self.map.remove(key)?;
        self.bytes -= entry.value.len() + key.len();
        if let Some(why) = why {
            if self.gone_order.len() >= MAX_GONE
                && let Some(old) = self.gone_order.pop_front()
            {
                self.gone.remove(&old);
            }
            if self.gone.insert(key.to_owned(), why).is_none() {
                self.gone_order.push_back(key.to_owned());
            }
        }
        Some(entry)
    }
}

impl Embedded {
    pub fn with_limits(max_entries: usize, max_bytes: usize) -> Self {
        Self::with_clock(Clock::default(), max_entries, max_bytes)
    }

    /// A store whose expiry follows `clock` (tests move it forward).
    pub fn with_clock(clock: Clock, max_entries: usize, max_bytes: usize) -> Self {
        Embedded {
            inner: Mutex::new(Inner::default()),
            max_entries,
            max_bytes,
            clock,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The record, or why there is none.
    pub fn get(&self, key: &str) -> Result<Vec<u8>, Gone> {
        let now = self.clock.now();
        let mut inner = self.lock();
        inner.tick += 1;
        let tick = inner.tick;
        match inner.map.get_mut(key) {
            Some(e) if e.expires > now => {
                e.reads = e.reads.saturating_add(1);
                e.used = tick;
                Ok(e.value.clone())
            }
            Some(_) => {
                inner.remove(key, Some(Gone::Expired));
                Err(Gone::Expired)
            }
            None => Err(inner.gone.get(key).copied().unwrap_or(Gone::Unknown)),
        }
    }

    pub fn ttl(&self, key: &str) -> Option<i64> {
        let now = self.clock.now();
        let inner = self.lock();
        let e = inner.map.get(key)?;
        (e.expires > now).then(|| (e.expires - now).ceil() as i64)
    }

    pub fn set(&self, key: &str, value: &[u8], ttl: i64) {
        let now = self.clock.now();
        let mut inner = self.lock();
        let reads = inner.remove(key, None).map_or(0, |e| e.reads);
        inner.gone.remove(key);
        if inner.map.len() >= self.max_entries
            || inner.bytes + value.len() + key.len() > self.max_bytes
        {
            self.make_room(&mut inner, now, value.len() + key.len());
        }
        inner.tick += 1;
        let used = inner.tick;
        inner.bytes += value.len() + key.len();
        inner.map.insert(
            key.to_owned(),
            Entry {
                value: value.to_vec(),
                expires: now + ttl.max(0) as f64,
                reads,
                used,
            },
        );
    }

    /// Expired records first; then, a batch at a time (so a full store does not scan on every
    /// write), records never read back, then the least recently used.
    fn make_room(&self, inner: &mut Inner, now: f64, incoming: usize) {
        let expired: Vec<String> = inner
            .map
            .iter()
            .filter(|(_, e)| e.expires <= now)
            .map(|(k, _)| k.clone())
            .collect();
        for k in expired {
            inner.remove(&k, Some(Gone::Expired));
        }
        let fits =
            |i: &Inner| i.map.len() < self.max_entries && i.bytes + incoming <= self.max_bytes;
        if fits(inner) {
            return;
        }
        let mut order: Vec<(bool, u64, String)> = inner
            .map
            .iter()
            .map(|(k, e)| (e.reads > 0, e.used, k.clone()))
            .collect();
        order.sort_unstable();
        let batch = (self.max_entries / 100).max(1);
        for (i, (_, _, k)) in order.into_iter().enumerate() {
            if i >= batch && fits(inner) {
                break;
            }
            inner.remove(&k, Some(Gone::Evicted));
        }
    }

    pub fn delete(&self, key: &str) {
        let mut inner = self.lock();
        inner.remove(key, None);
        inner.gone.remove(key);
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
    fn entries_expire_by_the_injected_clock_and_say_so() {
        let clock = Clock::default();
        let s = Embedded::with_clock(clock.clone(), 100, 10_000);
        s.set("a", b"1", 60);
        assert_eq!(s.get("a").as_deref(), Ok(&b"1"[..]));
        assert_eq!(s.ttl("a"), Some(60));
        clock.advance(59.0);
        assert_eq!(s.ttl("a"), Some(1));
        assert!(s.get("a").is_ok());
        clock.advance(1.5);
        assert_eq!(s.ttl("a"), None);
        assert_eq!(s.get("a"), Err(Gone::Expired));
        assert_eq!(s.get("a"), Err(Gone::Expired), "remembered after removal");
        assert_eq!(s.get("never"), Err(Gone::Unknown));
        s.delete("a");
        assert_eq!(s.get("a"), Err(Gone::Unknown), "a deletion is not a loss");
    }

    #[test]
    fn a_full_store_evicts_records_nobody_came_back_for_before_a_learners_record() {
        let s = Embedded::with_limits(100, 1_000_000);
        s.set("learner", b"cart", 600);
        assert!(s.get("learner").is_ok());
        for i in 0..1_000 {
            s.set(&format!("flood{i}"), b"x", 600);
        }
        assert!(s.len() <= 100);
        assert_eq!(
            s.get("learner").as_deref(),
            Ok(&b"cart"[..]),
            "the learner's record survives"
        );
        assert_eq!(s.get("flood0"), Err(Gone::Evicted));
        assert!(s.get("flood999").is_ok(), "the newest write is kept");
    }

    #[test]
    fn the_store_stays_within_its_byte_budget() {
        let s = Embedded::with_limits(1_000, 2_000);
        for i in 0..50 {
            s.set(&format!("k{i}"), &[0u8; 300], 60);
        }
        assert!(s.lock().bytes <= 2_000);
        s.set("big", &[0u8; 900], 60);
        assert!(s.get("big").is_ok());
    }
}
