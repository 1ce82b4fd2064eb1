//! Pages as a first-time visitor sees them. A request without any cookie gets the same bytes
//! as every other cookieless request for that URL, so those bytes are rendered once per site
//! version, gzipped once, and served with an ETag (a revalidation is a 304). Anyone with a
//! cookie — a session, progress, a theme — gets a page rendered for them.

use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, RwLock};

#[derive(Debug)]
pub struct Cached {
    html: Bytes,
    gzip: Bytes,
    etag: HeaderValue,
}

impl Cached {
    fn new(html: String) -> Self {
        let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
        let gzip = z
            .write_all(html.as_bytes())
            .and_then(|()| z.finish())
            .unwrap_or_default();
        let digest = <sha1::Sha1 as sha1::Digest>::digest(html.as_bytes());
        let hex: String = digest.iter().take(10).map(|b| format!("{b:02x}")).collect();
        Cached {
            etag: HeaderValue::from_str(&format!("\"{hex}\""))
                .unwrap_or(HeaderValue::from_static("\"page\"")),
            html: Bytes::from(html),
            gzip: Bytes::from(gzip),
        }
    }

    /// The page for this request: 304 when the browser has it, gzip when it takes gzip.
    pub fn respond(&self, request: &HeaderMap) -> Response {
        let mut out = HeaderMap::new();
        out.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        out.insert(header::ETAG, self.etag.clone());
        // Revalidate every time: the same URL is personal once the browser holds a cookie.
        out.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        out.append(header::VARY, HeaderValue::from_static("Cookie"));
        out.append(header::VARY, HeaderValue::from_static("Accept-Encoding"));
        if etag_matches(request, self.etag.to_str().unwrap_or("")) {
            return (StatusCode::NOT_MODIFIED, out).into_response();
        }
        if accepts_gzip(request) && !self.gzip.is_empty() {
            out.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            return (out, self.gzip.clone()).into_response();
        }
        (out, self.html.clone()).into_response()
    }
}

/// Cached pages by path, for one version of the site (a `--watch` reload empties it).
pub type PageCache = Versioned<Cached>;

/// Values built from one version of the site, by key; the first lookup after a `--watch`
/// reload starts afresh, so nothing built from an older site is served.
#[derive(Debug)]
pub struct Versioned<T>(RwLock<(u64, HashMap<String, Arc<T>>)>);

impl<T> Default for Versioned<T> {
    fn default() -> Self {
        Versioned(RwLock::new((0, HashMap::new())))
    }
}

impl<T> Versioned<T> {
    /// The value at `key` for site `version`, building it with `build` the first time.
    pub fn get_or_build<E>(
        &self,
        version: u64,
        key: &str,
        build: impl FnOnce() -> Result<T, E>,
    ) -> Result<Arc<T>, E> {
        {
            let guard = self
                .0
                .read()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if guard.0 == version
                && let Some(value) = guard.1.get(key)
            {
                return Ok(value.clone());
            }
        }
        let value = Arc::new(build()?);
        let mut guard = self
            .0
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // A build for an older site can finish after a reload (a slow request, or the
        // pre-render racing a `--watch` edit): it serves its own request but keeps nothing,
        // so it never empties what the newer site has built.
        if version > guard.0 {
            *guard = (version, HashMap::new());
        }
        if version == guard.0 {
            guard.1.insert(key.to_owned(), value.clone());
        }
        Ok(value)
    }
}

impl Versioned<Cached> {
    /// The page at `path` for site `version`, rendering it with `render` the first time.
    pub fn get_or_render<E>(
        &self,
        version: u64,
        path: &str,
        render: impl FnOnce() -> Result<String, E>,
    ) -> Result<Arc<Cached>, E> {
        self.get_or_build(version, path, || render().map(Cached::new))
    }
}

/// Does `If-None-Match` name `etag` (or `*`)?
pub fn etag_matches(request: &HeaderMap, etag: &str) -> bool {
    request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|t| t.trim().trim_start_matches("W/") == etag || t.trim() == "*")
        })
}

/// Does `Accept-Encoding` take gzip (and not refuse it with `q=0`)?
pub fn accepts_gzip(request: &HeaderMap) -> bool {
    accepts(request, "gzip")
}

/// The request's `Accept-Encoding` allows `coding` (by name or `*`, not with `q=0`).
pub fn accepts(request: &HeaderMap, coding_wanted: &str) -> bool {
    request
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',').any(|e| {
                let mut parts = e.split(';');
                let coding = parts.next().unwrap_or("").trim();
                let refused = parts.any(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.trim().parse::<f32>().ok())
                        == Some(0.0)
                });
                (coding.eq_ignore_ascii_case(coding_wanted) || coding == "*") && !refused
            })
        })
}

#[cfg(test)]
mod tests {
    use super::Versioned;
    use std::convert::Infallible;

    fn built(cache: &Versioned<String>, version: u64, key: &str, text: &str) -> String {
        cache
            .get_or_build(version, key, || Ok::<_, Infallible>(text.to_owned()))
            .unwrap()
            .to_string()
    }

    #[test]
    fn a_newer_version_starts_afresh_and_an_older_build_empties_nothing() {
        let cache = Versioned::default();
        assert_eq!(built(&cache, 0, "a", "a0"), "a0");
        assert_eq!(
            built(&cache, 0, "a", "again"),
            "a0",
            "built once per version"
        );
        assert_eq!(built(&cache, 1, "a", "a1"), "a1", "a reload builds afresh");
        assert_eq!(built(&cache, 1, "b", "b1"), "b1");
        // A request that read version 0 before the reload still gets its own value...
        assert_eq!(built(&cache, 0, "b", "b0"), "b0");
        // ...and version 1's values are all still there.
        assert_eq!(built(&cache, 1, "a", "rebuilt"), "a1");
        assert_eq!(built(&cache, 1, "b", "rebuilt"), "b1");
    }
}
