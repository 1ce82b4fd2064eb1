//! The in-browser Python runtime (Pyodide and pure-Python wheels of Flask and its
//! dependencies), fetched by `scripts/fetch_runtime.py` into `static/runtime/` and built into
//! the binary with a gzip and a brotli copy of each file made at fetch time, so nothing is
//! compressed at start-up. Served under `/runtime/<hash>/…`, where the hash names the whole runtime (from
//! its manifest of file hashes): the URLs change when any file does, and are immutable.

use rust_embed::RustEmbed;
use std::sync::OnceLock;

#[derive(RustEmbed)]
#[folder = "static/runtime/"]
struct Files;

/// A runtime file: its bytes, gzipped and brotli-compressed if smaller, and its content type.
#[derive(Debug)]
pub struct File {
    pub bytes: std::borrow::Cow<'static, [u8]>,
    pub gzip: Option<std::borrow::Cow<'static, [u8]>>,
    pub brotli: Option<std::borrow::Cow<'static, [u8]>>,
    pub content_type: &'static str,
}

/// The wheels installed into the runtime's site-packages, in install order (listed once:
/// every page that runs code names them).
pub fn wheels() -> &'static [String] {
    static WHEELS: OnceLock<Vec<String>> = OnceLock::new();
    WHEELS.get_or_init(|| {
        let mut names: Vec<String> = Files::iter()
            .filter(|n| n.starts_with("wheels/") && n.ends_with(".whl"))
            .map(|n| n.into_owned())
            .collect();
        names.sort();
        names
    })
}

/// The runtime's version in URLs: the first 12 hex digits of the SHA-1 of its manifest.
pub fn hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| {
        use sha1::Digest;
        let manifest = Files::get("MANIFEST.json")
            .map(|f| f.data)
            .unwrap_or_default();
        let digest = sha1::Sha1::digest(&manifest);
        digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
    })
}

/// The URL prefix the browser loads the runtime from.
pub fn base_url() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| format!("/runtime/{}/", hash()))
}

/// `path` of the runtime, if there is such a file.
pub fn get(path: &str) -> Option<File> {
    if path.ends_with(".gz") || path.ends_with(".br") || path == "MANIFEST.json" {
        return None;
    }
    let file = Files::get(path)?;
    let smaller = |suffix: &str| {
        Files::get(&format!("{path}{suffix}"))
            .map(|g| g.data)
            .filter(|g| g.len() < file.data.len())
    };
    Some(File {
        content_type: content_type(path),
        gzip: smaller(".gz"),
        brotli: smaller(".br"),
        bytes: file.data,
    })
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("mjs") | Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json",
        Some("zip") | Some("whl") => "application/zip",
        _ => "application/octet-stream",
    }
}
