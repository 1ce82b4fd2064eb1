//! The session version each user is at: what a per-user version check compares a session's
//! `ver` with (lesson 15's demo). A log-out-everywhere raises it, so every copy of an older
//! session cookie stops counting.

use std::collections::HashMap;
use std::sync::Mutex;

/// The replay demo's users: the session version each is at. Bounded: a demo, not a
/// database; when full it starts over.
#[derive(Debug, Default)]
pub struct Versions(Mutex<HashMap<String, i64>>);

const MAX_USERS: usize = 50_000;

impl Versions {
    pub fn get(&self, user: &str) -> i64 {
        let map = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        map.get(user).copied().unwrap_or(1)
    }

    pub fn bump(&self, user: &str) -> i64 {
        let mut map = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if map.len() >= MAX_USERS && !map.contains_key(user) {
            map.clear();
        }
        let v = map.entry(user.to_owned()).or_insert(1);
        *v += 1;
        *v
    }
}
