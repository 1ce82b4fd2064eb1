//! The `Set-Cookie` headers of a learner's last sandbox action, kept briefly so a form post
//! (no JavaScript) can show them on the page it redirects to. Bounded in size and age.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::{Duration, Instant};

const CAPACITY: usize = 512;
const TTL: Duration = Duration::from_secs(600);

/// Who may see an entry: a digest of the cookie that identifies the browser after the
/// action (see [`owner`]).
pub type Owner = [u8; 20];

/// Id, when it was kept, whose it is, the headers.
type Entry = (u64, Instant, Owner, Vec<String>);

#[derive(Debug, Default)]
pub struct Recent {
    entries: Mutex<VecDeque<Entry>>,
}

/// The digest that identifies a browser: its session cookie after the action, else its
/// progress cookie; `None` when it holds neither (nothing is kept for it then).
pub fn owner(session_cookie: Option<&str>, progress_cookie: Option<&str>) -> Option<Owner> {
    use sha1::Digest;
    let (tag, value) = match (session_cookie.filter(|c| !c.is_empty()), progress_cookie) {
        (Some(s), _) => ("session", s),
        (None, Some(p)) if !p.is_empty() => ("progress", p),
        _ => return None,
    };
    let mut h = sha1::Sha1::new();
    h.update(tag.as_bytes());
    h.update([0]);
    h.update(value.as_bytes());
    Some(h.finalize().into())
}

impl Recent {
    /// Keep `headers` for `owner`; the returned id goes into the redirect URL (`?sent=ID`).
    pub fn put(&self, owner: Owner, headers: Vec<String>) -> u64 {
        let id: u64 = rand::random();
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        while entries.len() >= CAPACITY
            || entries
                .front()
                .is_some_and(|(_, t, _, _)| now.duration_since(*t) > TTL)
        {
            entries.pop_front();
        }
        entries.push_back((id, now, owner, headers));
        id
    }

    /// The headers kept under `id`, if `owner` is the browser that made them.
    pub fn get(&self, id: u64, owner: Option<Owner>) -> Option<Vec<String>> {
        let owner = owner?;
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries
            .iter()
            .find(|(i, t, o, _)| *i == id && t.elapsed() <= TTL && *o == owner)
            .map(|(_, _, _, h)| h.clone())
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
    fn headers_come_back_by_id_only_to_their_owner() {
        let r = Recent::default();
        let me = owner(Some("eyJ4IjoxfQ.abc.def"), None);
        let id = r.put(me.unwrap(), vec!["a=1; Path=/".into()]);
        assert_eq!(r.get(id, me), Some(vec!["a=1; Path=/".into()]));
        assert_eq!(r.get(id.wrapping_add(1), me), None);
        assert_eq!(r.get(id, owner(Some("someone-else"), None)), None);
        assert_eq!(r.get(id, None), None);
        assert_ne!(owner(None, Some("x")), owner(Some("x"), None));
    }
}
