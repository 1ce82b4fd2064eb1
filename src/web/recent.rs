//! The `Set-Cookie` headers of a learner's last sandbox action, kept briefly so a form post
//! (no JavaScript) can show them on the page it redirects to. Bounded in size and age.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::{Duration, Instant};

const CAPACITY: usize = 512;
const TTL: Duration = Duration::from_secs(600);

#[derive(Debug, Default)]
pub struct Recent {
    entries: Mutex<VecDeque<(u64, Instant, Vec<String>)>>,
}

impl Recent {
    /// Keep `headers`; the returned id goes into the redirect URL (`?sent=ID`).
    pub fn put(&self, headers: Vec<String>) -> u64 {
        let id: u64 = rand::random();
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        while entries.len() >= CAPACITY
            || entries
                .front()
                .is_some_and(|(_, t, _)| now.duration_since(*t) > TTL)
        {
            entries.pop_front();
        }
        entries.push_back((id, now, headers));
        id
    }

    pub fn get(&self, id: u64) -> Option<Vec<String>> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries
            .iter()
            .find(|(i, t, _)| *i == id && t.elapsed() <= TTL)
            .map(|(_, _, h)| h.clone())
    }
}

/// `next` with `sent=ID` added to its query, before any `#fragment`.
pub fn with_sent(next: &str, id: u64) -> String {
    let (path, fragment) = next
        .split_once('#')
        .map_or((next, None), |(p, f)| (p, Some(f)));
    let sep = if path.contains('?') { '&' } else { '?' };
    match fragment {
        Some(f) => format!("{path}{sep}sent={id:x}#{f}"),
        None => format!("{path}{sep}sent={id:x}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sent_id_goes_before_the_fragment() {
        assert_eq!(
            with_sent("/en/lessons/cookies#sandbox", 255),
            "/en/lessons/cookies?sent=ff#sandbox"
        );
        assert_eq!(with_sent("/en/?a=1", 1), "/en/?a=1&sent=1");
    }

    #[test]
    fn headers_come_back_by_id() {
        let r = Recent::default();
        let id = r.put(vec!["a=1; Path=/".into()]);
        assert_eq!(r.get(id), Some(vec!["a=1; Path=/".into()]));
        assert_eq!(r.get(id.wrapping_add(1)), None);
    }
}
