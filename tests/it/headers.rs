//! Every route, with every representative answer it gives (200, 303, 304, 400, 403, 404,
//! 413, 429, 503, a static asset, an event stream), carries the security headers: the
//! policy is applied by one outer layer, whatever answered.

use crate::common;

use axum::body::Body;
use axum::http::{Request, header};
use common::app::TestApp;
use cookie_course::web::limits::Limits;
use tower::ServiceExt;

const TOKEN: &str = "00112233445566778899aabbccddeeff";

/// (method, path, form body, cookie, accept, expected status)
type Case = (
    &'static str,
    String,
    String,
    Option<String>,
    &'static str,
    u16,
);

fn check(response: &axum::response::Response, what: &str) {
    let h = response.headers();
    let get = |n: &str| h.get(n).and_then(|v| v.to_str().ok()).unwrap_or("");
    assert!(
        get("content-security-policy").contains("default-src 'self'"),
        "{what}: CSP"
    );
    assert!(
        get("content-security-policy").contains("frame-ancestors 'none'"),
        "{what}: CSP frames"
    );
    assert_eq!(get("x-frame-options"), "DENY", "{what}");
    assert_eq!(get("x-content-type-options"), "nosniff", "{what}");
    assert_eq!(get("referrer-policy"), "same-origin", "{what}");
    assert!(get("permissions-policy").contains("camera=()"), "{what}");
    assert!(!get("x-request-id").is_empty(), "{what}: request id");
}

#[tokio::test]
async fn every_route_and_every_kind_of_answer_carries_the_security_headers() {
    let limits = Limits {
        max_streams: 1,
        new_records_burst: 1,
        ..Limits::default()
    };
    let (state, app) = TestApp::new(b"headers key")
        .classroom(TOKEN)
        .limits(limits)
        .build();
    let instructor = format!("classroom_instructor={TOKEN}");
    let home = app
        .clone()
        .oneshot(Request::get("/en/").body(Body::empty()).unwrap())
        .await
        .unwrap();
    let etag = home.headers()[header::ETAG].to_str().unwrap().to_owned();
    let css = state
        .site()
        .assets
        .url("site.css")
        .expect("a hashed asset url")
        .to_owned();
    let set =
        common::mem::post_json(&app, "/sandbox/session/set", "key=cart&value=tea", None).await;
    let session = format!("session={}", set.session_cookie().unwrap());
    let s = |x: &str| x.to_owned();
    let cases: Vec<Case> = vec![
        ("GET", s("/"), s(""), None, "text/html", 302),
        ("GET", s("/en/"), s(""), None, "text/html", 200),
        (
            "GET",
            s("/en/lessons/cookies"),
            s(""),
            Some(session.clone()),
            "text/html",
            200,
        ),
        (
            "POST",
            s("/en/lessons/cookies/quiz"),
            s("q1=a"),
            None,
            "text/html",
            303,
        ),
        (
            "POST",
            s("/en/lessons/cookies/quiz"),
            s("q1=z"),
            None,
            "text/html",
            400,
        ),
        (
            "POST",
            s("/en/lessons/cookies/quiz"),
            s("q1=z"),
            None,
            "application/json",
            400,
        ),
        (
            "POST",
            s("/progress/reset"),
            s("next=%2Fen%2F"),
            None,
            "text/html",
            303,
        ),
        ("GET", s("/en/decoder"), s(""), None, "text/html", 200),
        (
            "GET",
            s("/en/search?q=cookie"),
            s(""),
            None,
            "text/html",
            200,
        ),
        (
            "GET",
            format!("/en/search?q={}", "a".repeat(300)),
            s(""),
            None,
            "application/json",
            400,
        ),
        (
            "POST",
            s("/en/decoder"),
            s("cookie=a.b.c&action=crack"),
            None,
            "text/html",
            200,
        ),
        (
            "POST",
            s("/prefs/lang"),
            s("lang=uk&next=%2F"),
            None,
            "text/html",
            303,
        ),
        (
            "POST",
            s("/prefs/theme"),
            s("theme=dark&next=%2F"),
            None,
            "text/html",
            303,
        ),
        ("GET", css, s(""), None, "text/css", 200),
        ("GET", s("/static/nope.css"), s(""), None, "text/css", 404),
        ("GET", s("/favicon.ico"), s(""), None, "image/*", 301),
        (
            "GET",
            format!(
                "/runtime/{}/pyodide.mjs",
                cookie_course::site::runtime::hash()
            ),
            s(""),
            None,
            "*/*",
            200,
        ),
        (
            "GET",
            s("/runtime/0000/pyodide.mjs"),
            s(""),
            None,
            "*/*",
            404,
        ),
        (
            "POST",
            s("/api/decode"),
            s("cookie=a.b.c"),
            None,
            "application/json",
            200,
        ),
        (
            "POST",
            s("/api/decode"),
            format!("cookie={}", "a".repeat(70_000)),
            None,
            "application/json",
            413,
        ),
        (
            "GET",
            s("/sandbox/state"),
            s(""),
            None,
            "application/json",
            200,
        ),
        (
            "POST",
            s("/sandbox/session/set"),
            s("key=a&value=b"),
            None,
            "application/json",
            200,
        ),
        (
            "POST",
            s("/sandbox/session/set"),
            s("key=&value=b"),
            None,
            "application/json",
            400,
        ),
        (
            "POST",
            s("/sandbox/session/set"),
            s("key=a&value=b&next=%2Fen%2F"),
            None,
            "text/html",
            303,
        ),
        (
            "POST",
            s("/sandbox/session/pop"),
            s("key=a"),
            None,
            "application/json",
            200,
        ),
        (
            "POST",
            s("/sandbox/session/clear"),
            s(""),
            None,
            "application/json",
            200,
        ),
        (
            "POST",
            s("/sandbox/session/permanent"),
            s("permanent=true&lifetime=60"),
            None,
            "application/json",
            200,
        ),
        (
            "POST",
            s("/sandbox/session/store"),
            s("mode=server"),
            Some(session.clone()),
            "application/json",
            200,
        ),
        (
            "POST",
            s("/sandbox/session/store"),
            s("mode=server"),
            Some(session.clone()),
            "application/json",
            429,
        ),
        (
            "POST",
            s("/sandbox/cookies/set"),
            s("name=a&value=b"),
            None,
            "application/json",
            200,
        ),
        (
            "POST",
            s("/sandbox/cookies/set"),
            s("name=progress&value=b"),
            None,
            "text/html",
            400,
        ),
        (
            "POST",
            s("/sandbox/cookies/delete"),
            s("name=a"),
            None,
            "application/json",
            200,
        ),
        (
            "POST",
            s("/sandbox/demo/cart"),
            s("item=tea"),
            None,
            "application/json",
            200,
        ),
        (
            "POST",
            s("/sandbox/demo/login"),
            s("username=student&password=cookies"),
            None,
            "application/json",
            200,
        ),
        (
            "POST",
            s("/sandbox/demo/logout"),
            s(""),
            None,
            "application/json",
            200,
        ),
        (
            "POST",
            s("/sandbox/demo/flashes"),
            s(""),
            None,
            "application/json",
            200,
        ),
        (
            "POST",
            s("/sandbox/demo/grow"),
            s(""),
            None,
            "application/json",
            200,
        ),
        (
            "POST",
            s("/sandbox/demo/remember/login"),
            s("username=student&remember=true"),
            None,
            "application/json",
            200,
        ),
        (
            "POST",
            s("/sandbox/demo/remember/close"),
            s(""),
            None,
            "application/json",
            200,
        ),
        (
            "POST",
            s("/sandbox/demo/remember/visit"),
            s(""),
            None,
            "application/json",
            200,
        ),
        (
            "POST",
            s("/sandbox/demo/remember/logout"),
            s(""),
            None,
            "application/json",
            200,
        ),
        (
            "POST",
            s("/sandbox/demo/replay/login"),
            s(""),
            None,
            "application/json",
            200,
        ),
        (
            "POST",
            s("/sandbox/demo/replay/logout"),
            s("everywhere=true"),
            None,
            "application/json",
            200,
        ),
        (
            "POST",
            s("/sandbox/demo/samesite/set"),
            s(""),
            None,
            "application/json",
            200,
        ),
        (
            "POST",
            s("/sandbox/demo/replay/copy"),
            s(""),
            None,
            "application/json",
            400,
        ),
        ("GET", s("/en/cross-site"), s(""), None, "text/html", 200),
        (
            "GET",
            s("/en/cross-site/other"),
            s(""),
            None,
            "text/html",
            303,
        ),
        (
            "GET",
            s("/en/cross-site/report?via=link"),
            s(""),
            None,
            "text/html",
            200,
        ),
        (
            "POST",
            s("/en/cross-site/report?via=form"),
            s("note=x"),
            None,
            "text/html",
            200,
        ),
        (
            "POST",
            s("/progress/exercise"),
            s("exercise=mutable-values-cart"),
            None,
            "*/*",
            204,
        ),
        (
            "POST",
            s("/progress/exercise"),
            s("exercise=nope"),
            None,
            "application/json",
            400,
        ),
        ("GET", s("/join"), s(""), None, "text/html", 303),
        (
            "GET",
            format!("/classroom/instructor?token={TOKEN}"),
            s(""),
            None,
            "text/html",
            303,
        ),
        (
            "GET",
            s("/classroom/instructor?token=wrong"),
            s(""),
            None,
            "text/html",
            403,
        ),
        (
            "POST",
            s("/classroom/reset"),
            s("next=%2Fen%2F"),
            None,
            "application/json",
            403,
        ),
        (
            "POST",
            s("/classroom/reset"),
            s("next=%2Fen%2F"),
            Some(instructor.clone()),
            "text/html",
            303,
        ),
        ("GET", s("/en/follow"), s(""), None, "text/html", 303),
        ("GET", s("/en/present"), s(""), None, "text/html", 403),
        (
            "GET",
            s("/en/present"),
            s(""),
            Some(instructor.clone()),
            "text/html",
            200,
        ),
        (
            "GET",
            s("/en/present/cookies"),
            s(""),
            Some(instructor.clone()),
            "text/html",
            200,
        ),
        (
            "GET",
            s("/en/present/cookies/notes"),
            s(""),
            Some(instructor.clone()),
            "text/html",
            200,
        ),
        (
            "GET",
            s("/_live/events"),
            s(""),
            None,
            "text/event-stream",
            404,
        ),
        ("GET", s("/nowhere"), s(""), None, "text/html", 404),
        (
            "GET",
            s("/classroom/events"),
            s(""),
            None,
            "text/event-stream",
            200,
        ),
        // The one stream slot is taken by the stream above, still open: refused.
        (
            "GET",
            s("/classroom/events?follow=1"),
            s(""),
            None,
            "text/event-stream",
            503,
        ),
    ];
    let mut open_streams = Vec::new();
    let mut visited = Vec::new();
    for (method, path, body, cookie, accept, status) in cases {
        visited.push(path.clone());
        let what = format!("{method} {path} ({accept})");
        let mut req = Request::builder()
            .method(method)
            .uri(&path)
            .header(header::ACCEPT, accept)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some(c) = &cookie {
            req = req.header(header::COOKIE, c);
        }
        let response = app
            .clone()
            .oneshot(req.body(Body::from(body)).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), status, "{what}");
        check(&response, &what);
        if status == 200 && accept == "text/event-stream" {
            open_streams.push(response);
        }
    }
    // A revalidated first-visit page: 304, with the headers too.
    let not_modified = app
        .clone()
        .oneshot(
            Request::get("/en/")
                .header(header::IF_NONE_MATCH, etag)
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(not_modified.status(), 304);
    check(&not_modified, "GET /en/ revalidated");
    // Every route of the router was visited above.
    let src =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/web/mod.rs")).unwrap();
    let routes: Vec<&str> = src
        .split(".route(")
        .skip(1)
        .filter_map(|r| r.trim_start().strip_prefix('"')?.split('"').next())
        .collect();
    assert!(routes.len() >= 30, "{routes:?}");
    let matches = |template: &str, path: &str| {
        let path = path.split('?').next().unwrap();
        let (t, p): (Vec<_>, Vec<_>) = (template.split('/').collect(), path.split('/').collect());
        t.len() == p.len()
            && t.iter()
                .zip(&p)
                .all(|(t, p)| t.starts_with('{') && !p.is_empty() || t == p)
    };
    for route in routes {
        assert!(
            visited.iter().any(|p| matches(route, p)),
            "{route} has no case above: give it one"
        );
    }
}
