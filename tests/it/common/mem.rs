//! In-memory HTTP: the whole router driven with `oneshot`, no socket.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::Value as J;
use tower::ServiceExt;

pub struct Resp {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Resp {
    pub fn json(&self) -> J {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    pub fn set_cookies(&self) -> Vec<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
            .collect()
    }

    /// The new `session` cookie value, if this response set one.
    pub fn session_cookie(&self) -> Option<String> {
        self.set_cookies().iter().find_map(|h| {
            h.strip_prefix("session=")
                .map(|r| r.split(';').next().unwrap().to_owned())
        })
    }

    /// The field a browser's error page names (`data-error-field`), for a form posted
    /// without JavaScript.
    pub fn page_field(&self) -> &str {
        assert!(
            self.body.starts_with("<!doctype html>"),
            "a browser gets a page, not: {}",
            self.body
        );
        self.body
            .split_once("data-error-field=\"")
            .and_then(|(_, rest)| rest.split_once('"'))
            .map_or("", |(field, _)| field)
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

pub async fn send(app: &axum::Router, req: Request<Body>) -> Resp {
    send_raw(app, req).await.0
}

/// The response, and its body's bytes as they came (gzipped, say).
pub async fn send_raw(app: &axum::Router, req: Request<Body>) -> (Resp, axum::body::Bytes) {
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    let resp = Resp {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    };
    (resp, bytes)
}

pub async fn get(app: &axum::Router, path: &str, cookie: Option<&str>) -> Resp {
    let mut req = Request::get(path);
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    send(app, req.body(Body::empty()).unwrap()).await
}

/// A form post asking for JSON (the state document).
pub async fn post_json(app: &axum::Router, path: &str, form: &str, cookie: Option<&str>) -> Resp {
    post(app, path, form, cookie, "application/json").await
}

pub async fn post(
    app: &axum::Router,
    path: &str,
    form: &str,
    cookie: Option<&str>,
    accept: &str,
) -> Resp {
    let mut req = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, accept);
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    send(app, req.body(Body::from(form.to_owned())).unwrap()).await
}

/// A GET sending `Accept-Encoding`: the response headers, the size on the wire, and the body
/// (gunzipped when it came gzipped).
pub async fn get_encoded(
    app: &axum::Router,
    path: &str,
    accept_encoding: &str,
) -> (axum::http::HeaderMap, usize, String) {
    use std::io::Read;
    let req = Request::get(path)
        .header(header::ACCEPT_ENCODING, accept_encoding)
        .body(Body::empty())
        .unwrap();
    let resp = app.clone().oneshot(req).await.unwrap();
    let headers = resp.headers().clone();
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    let mut text = String::new();
    if headers
        .get(header::CONTENT_ENCODING)
        .is_some_and(|e| e == "gzip")
    {
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut text)
            .unwrap();
    } else {
        text = String::from_utf8_lossy(&bytes).into_owned();
    }
    (headers, bytes.len(), text)
}
