//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod mem;
pub mod peers;
pub mod redis;
pub mod tree;
pub mod typed;

use serde_json::Value as J;

/// `tests/fixtures/flask/vectors.json`: produced by real Flask 3.1.3 (see
/// `shared/flask-session/make_vectors.py`).
pub fn vectors() -> J {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/flask/vectors.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("vectors.json")).expect("valid JSON")
}
