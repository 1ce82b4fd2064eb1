//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod app;
pub mod binary;
pub mod mem;
pub mod peers;
pub mod redis;
pub mod tree;
pub mod typed;

use serde_json::Value as J;

/// `tests/fixtures/flask/vectors.json`: produced by real Flask 3.1.3 (see
/// `tests/fixtures/flask/make_vectors.py`, which `--verify` re-checks against the installed Flask).
pub fn vectors() -> J {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/flask/vectors.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("vectors.json")).expect("valid JSON")
}

/// The cookies a browser holds after a response with `set_cookies`, starting from `jar`
/// (a `Cookie` header value); a cookie set to empty is dropped.
pub fn jar_after(jar: &str, set_cookies: &[String]) -> String {
    let mut pairs: Vec<(String, String)> = jar
        .split("; ")
        .filter(|p| !p.is_empty())
        .filter_map(|p| p.split_once('=').map(|(a, b)| (a.to_owned(), b.to_owned())))
        .collect();
    for h in set_cookies {
        let (name, value) = h.split(';').next().unwrap().split_once('=').unwrap();
        pairs.retain(|(n, _)| n != name);
        if !value.is_empty() {
            pairs.push((name.to_owned(), value.to_owned()));
        }
    }
    pairs
        .into_iter()
        .map(|(a, b)| format!("{a}={b}"))
        .collect::<Vec<_>>()
        .join("; ")
}
