//! The session codec on arbitrary input: taking a cookie apart never panics, and a cookie
//! that verifies decodes to a value that encodes and decodes to itself.
//!
//! Shared by the fuzz target and by `cargo test`, which replays the corpus in
//! `fuzz/corpus/codec/`.

use cookie_course::session::{Keys, dumps, inspect, loads};

const NOW: i64 = 1_700_000_000;

/// Panics on a finding.
pub fn check(data: &[u8]) {
    let keys = Keys::new(b"fuzz secret", &[b"old fuzz secret".to_vec()]);
    let text = String::from_utf8_lossy(data);
    // Without a key, with a key, with an age limit: the teaching view of any string.
    let _ = inspect(&text, None, NOW, None);
    let _ = inspect(&text, Some(&keys), NOW, Some(60));
    if let Ok(data) = loads(&text, &keys, NOW, None) {
        let again = dumps(&data, &keys, NOW).expect("a decoded session encodes");
        let back = loads(&again.cookie, &keys, NOW, None).expect("our own cookie verifies");
        assert_eq!(format!("{back:?}"), format!("{data:?}"));
    }
    // The same bytes as the payload of a validly signed cookie (what a key holder could
    // send): decoding must fail cleanly or succeed, never panic or loop.
    if let Ok(json) = std::str::from_utf8(data) {
        let signed = cookie_course::session::codec::sign_json(json.to_owned(), &keys, NOW);
        let _ = inspect(&signed.cookie, Some(&keys), NOW, None);
    }
}
