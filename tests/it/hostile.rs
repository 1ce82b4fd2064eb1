//! Hostile input at every route: random, truncated, tampered, oversized and validly signed
//! but deeply nested cookies, invalid UTF-8, huge or missing form fields, bad percent
//! escapes, CR/LF and `;` in cookie names and values. Nothing may answer 5xx or panic, and a
//! rejected input gets a 400 that names the field.

use crate::common;

use axum::body::Body;
use axum::http::{Request, header};
use common::mem::send;
use cookie_course::session::{Dict, Value, codec};
use cookie_course::{AppState, app};

/// A small deterministic generator, so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn bytes(&mut self, n: usize, alphabet: &[u8]) -> Vec<u8> {
        (0..n).map(|_| *self.pick(alphabet)).collect()
    }
}

const NASTY: &[u8] =
    b"abcXYZ019 ;=,\"\\%&+./:<>?@[]{}|~'`!#$^*()_-\x7f\xc3\xa9\xd0\xb6\xe0\xa6\x95\xff\xfe";
const GETS: [&str; 15] = [
    "/join",
    "/en/present",
    "/ru/present/cookies?section=%ZZ",
    "/uk/present/cookies/notes",
    "/bn/follow",
    "/classroom/instructor?token=%FF%FE",
    "/",
    "/en/",
    "/bn/lessons/cookies",
    "/uk/lessons/under-the-hood",
    "/ru/decoder",
    "/sandbox/state",
    "/sandbox/state?lang=bn",
    "/xx/lessons/%ZZ",
    "/en/lessons/..%2F..%2Fetc",
];
const POSTS: [&str; 21] = [
    "/api/decode",
    "/sandbox/session/set",
    "/sandbox/session/pop",
    "/sandbox/session/clear",
    "/sandbox/session/permanent",
    "/sandbox/session/store",
    "/sandbox/cookies/set",
    "/sandbox/cookies/delete",
    "/sandbox/demo/cart",
    "/sandbox/demo/login",
    "/sandbox/demo/logout",
    "/sandbox/demo/flashes",
    "/sandbox/demo/grow",
    "/prefs/lang",
    "/prefs/theme",
    "/progress/reset",
    "/en/decoder",
    "/uk/lessons/cookies/quiz",
    "/en/lessons/nope/quiz",
    "/zz/decoder",
    "/classroom/reset",
];
const FIELDS: [&str; 22] = [
    "key",
    "value",
    "name",
    "max_age",
    "expires",
    "path",
    "domain",
    "secure",
    "httponly",
    "samesite",
    "permanent",
    "lifetime",
    "mode",
    "item",
    "mark_modified",
    "username",
    "password",
    "lang",
    "next",
    "cookie",
    "q1",
    "theme",
];

fn nested_cookie(state: &AppState, depth: usize) -> String {
    let json = format!("{{\"a\":{}{}}}", "[".repeat(depth), "]".repeat(depth));
    codec::sign_json(json, &state.keys, state.clock.now() as i64).cookie
}

fn session_cookie(state: &AppState, rng: &mut Rng) -> String {
    let mut d = Dict::new();
    d.insert("k".into(), Value::Str("v".repeat(rng.below(50))));
    let good = codec::dumps(&d, &state.keys, state.clock.now() as i64)
        .unwrap()
        .cookie;
    match rng.below(9) {
        0 => good[..rng.below(good.len())].to_owned(),
        1 => {
            let mut b = good.into_bytes();
            let i = rng.below(b.len());
            b[i] = *rng.pick(b"A_-.=!");
            String::from_utf8_lossy(&b).into_owned()
        }
        2 => nested_cookie(state, 100 + rng.below(20_000)),
        3 => "A".repeat(1 + rng.below(9000)),
        4 => {
            let n = rng.below(300);
            String::from_utf8_lossy(&rng.bytes(n, NASTY)).into_owned()
        }
        5 => format!(
            ".{}.{}.{}",
            "eJ".repeat(rng.below(40)),
            "AAAA",
            "x".repeat(27)
        ),
        6 => codec::sign_json("[1,2".into(), &state.keys, 0).cookie,
        7 => "n0t-a-sid_but-looks-like-one-0123456789abcdef".into(),
        _ => good,
    }
}

fn form_body(rng: &mut Rng) -> Vec<u8> {
    let mut body = Vec::new();
    for i in 0..rng.below(8) {
        if i > 0 {
            body.push(b'&');
        }
        let field = *rng.pick(&FIELDS);
        body.extend(field.as_bytes());
        body.push(b'=');
        let value: Vec<u8> = match rng.below(10) {
            0 => b"%ZZ%".to_vec(),
            1 => b"a%0D%0ASet-Cookie:%20evil=1".to_vec(),
            2 => b"x%3By%3Dz".to_vec(),
            3 => vec![b'v'; rng.below(70_000)],
            4 => vec![0xff, 0xfe, 0xc3],
            5 => b"-99999999999999999999".to_vec(),
            6 => b"/%2F%2Fevil.example".to_vec(),
            7 => b"true".to_vec(),
            8 => Vec::new(),
            _ => {
                let n = rng.below(40);
                rng.bytes(n, NASTY)
            }
        };
        body.extend(value);
    }
    body
}

fn header_value(s: &str) -> Option<axum::http::HeaderValue> {
    axum::http::HeaderValue::from_bytes(s.as_bytes()).ok()
}

#[tokio::test]
async fn ten_thousand_hostile_requests_get_no_5xx_and_clear_400s() {
    let state = crate::common::app::TestApp::new(b"hostile-test-key")
        .classroom(cookie_course::classroom::Classroom::random().token())
        .state();
    let app = app(state.clone());
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut statuses = std::collections::BTreeMap::new();
    for i in 0..10_000 {
        let is_get = rng.below(6) == 0;
        let mut req = if is_get {
            Request::get(*rng.pick(&GETS))
        } else {
            Request::post(*rng.pick(&POSTS))
        };
        let mut cookie = String::new();
        for _ in 0..rng.below(4) {
            let name = match rng.below(6) {
                0 => "bad name",
                1 => "a;b",
                2 => "sandbox_store",
                3 => "progress",
                4 => "sandbox_lifetime",
                _ => "session",
            };
            let value = if name == "sandbox_store" {
                "server".to_owned()
            } else {
                session_cookie(&state, &mut rng)
            };
            cookie.push_str(&format!("{name}={value}; "));
        }
        if let Some(v) = header_value(&cookie) {
            req = req.header(header::COOKIE, v);
        }
        if rng.below(2) == 0 {
            req = req.header(header::ACCEPT, "application/json");
        }
        req = req.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if rng.below(10) == 0 {
            req = req.header(
                header::ACCEPT_LANGUAGE,
                String::from_utf8_lossy(&rng.bytes(30, b"abcdefuknr-;q=0.,*")).into_owned(),
            );
        }
        let body = if is_get {
            Vec::new()
        } else {
            form_body(&mut rng)
        };
        let r = send(&app, req.body(Body::from(body)).unwrap()).await;
        let code = r.status.as_u16();
        *statuses.entry(code).or_insert(0) += 1;
        assert!(code < 500, "request {i} got {code}: {}", r.body);
        if code == 400 {
            let j = r.json();
            assert!(
                j["field"].is_string() && j["error"].is_string(),
                "request {i}: a 400 names the field: {}",
                r.body
            );
        }
    }
    // The mix really exercised both acceptance and rejection.
    assert!(
        statuses.get(&400).copied().unwrap_or(0) > 500,
        "{statuses:?}"
    );
    assert!(
        statuses.get(&200).copied().unwrap_or(0) > 500,
        "{statuses:?}"
    );
}

#[tokio::test]
async fn deeply_nested_signed_payloads_are_explained_not_a_stack_overflow() {
    let state = AppState::with_key(b"hostile-test-key");
    let app = app(state.clone());
    for depth in [511, 513, 100_000] {
        let cookie = nested_cookie(&state, depth);
        let r = send(
            &app,
            Request::get("/sandbox/state")
                .header(header::COOKIE, format!("session={cookie}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(r.status, 200, "depth {depth}");
        // (The document itself nests too deep for serde_json's reader, so look at the text.)
        let want = if depth < 512 {
            "\"error\":null"
        } else {
            "\"error\":\"malformed\""
        };
        assert!(r.body.contains(want), "depth {depth}");
    }
}
