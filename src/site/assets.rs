//! Static files (CSS, JS, fonts) built into the binary and served under content-hashed
//! names, so they can be cached for a year and never go stale. Nothing is fetched from
//! anywhere else.

use rust_embed::RustEmbed;
use sha1::{Digest, Sha1};
use std::collections::HashMap;

#[derive(RustEmbed)]
#[folder = "static/"]
// The Python runtime is served on its own, precompressed (`site::runtime`).
#[exclude = "runtime/*"]
struct Embedded;

#[derive(Debug, Clone)]
pub struct Asset {
    pub bytes: Vec<u8>,
    /// The same bytes gzip-compressed once at start-up, when that saves something.
    pub gzip: Option<Vec<u8>>,
    pub content_type: &'static str,
    /// A strong validator: the content hash in quotes.
    pub etag: String,
}

#[derive(Debug, Default)]
pub struct Assets {
    /// Logical name (`site.css`) → hashed URL (`/static/site.3f2a9c1b.css`).
    urls: HashMap<String, String>,
    /// Hashed file name → the file.
    files: HashMap<String, Asset>,
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("woff2") => "font/woff2",
        Some("svg") => "image/svg+xml",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Fonts are already compressed; text shrinks by two thirds or more.
fn gzip(bytes: &[u8]) -> Option<Vec<u8>> {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).ok()?;
    enc.finish().ok()
}

// Served flat under `/static/`: the folder is dropped, the content hash keeps names unique.
fn hashed_name(name: &str, bytes: &[u8]) -> String {
    let digest = Sha1::digest(bytes);
    let hash: String = digest.iter().take(5).map(|b| format!("{b:02x}")).collect();
    let name = name.rsplit('/').next().unwrap_or(name);
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
        None => format!("{name}.{hash}"),
    }
}

impl Assets {
    /// Every embedded file plus the generated ones (`highlight.css`). CSS is rewritten so
    /// its `url(fonts/…)` references point at the hashed font names.
    pub fn load(generated: &[(&str, String)]) -> Self {
        let mut assets = Assets::default();
        let mut css: Vec<(String, Vec<u8>)> = generated
            .iter()
            .map(|(n, t)| ((*n).to_owned(), t.clone().into_bytes()))
            .collect();
        for name in Embedded::iter() {
            let Some(file) = Embedded::get(&name) else {
                continue;
            };
            if name.ends_with(".css") {
                css.push((name.into_owned(), file.data.into_owned()));
            } else {
                assets.add(&name, file.data.into_owned());
            }
        }
        // Fonts first, then the stylesheets that name them.
        for (name, bytes) in css {
            let mut text = String::from_utf8_lossy(&bytes).into_owned();
            for (logical, url) in &assets.urls {
                text = text.replace(&format!("url({logical})"), &format!("url({url})"));
            }
            assets.add(&name, text.into_bytes());
        }
        assets
    }

    fn add(&mut self, name: &str, bytes: Vec<u8>) {
        let hashed = hashed_name(name, &bytes);
        self.urls
            .insert(name.to_owned(), format!("/static/{hashed}"));
        let etag = format!("\"{}\"", hashed.rsplit('.').nth(1).unwrap_or(&hashed));
        // woff2 is compressed already.
        let gzip = (!name.ends_with(".woff2"))
            .then(|| gzip(&bytes))
            .flatten()
            .filter(|z| z.len() * 10 < bytes.len() * 9);
        self.files.insert(
            hashed,
            Asset {
                content_type: content_type(name),
                bytes,
                gzip,
                etag,
            },
        );
    }

    /// The URL of logical asset `name`.
    pub fn url(&self, name: &str) -> Option<&str> {
        self.urls.get(name).map(String::as_str)
    }

    /// The file behind a hashed name (the last path segment of its URL).
    pub fn get(&self, hashed: &str) -> Option<&Asset> {
        self.files.get(hashed)
    }
}
