//! The sandbox API and `/api/decode`, in memory: every route, its error paths, and the
//! headers Flask would send.

use crate::common;

use common::mem::{get, post, post_json};
use cookie_course::session::codec;
use cookie_course::{AppState, app};
use serde_json::json;

fn site() -> (AppState, axum::Router) {
    let state = AppState::with_key(b"sandbox-test-key");
    (state.clone(), app(state))
}

fn cookie_of(session: &str) -> String {
    format!("session={session}")
}

#[tokio::test]
async fn setting_a_session_key_sends_a_flask_cookie_and_vary() {
    let (state, app) = site();
    let r = post_json(
        &app,
        "/sandbox/session/set",
        "key=user&value=%D0%BE%D0%BB%D0%B5%D0%BD%D0%B0",
        None,
    )
    .await;
    assert_eq!(r.status, 200);
    let set = r.set_cookies();
    assert_eq!(set.len(), 1);
    assert!(
        set[0].starts_with("session=") && set[0].ends_with("; HttpOnly; Path=/"),
        "{set:?}"
    );
    assert_eq!(r.header("vary"), Some("Cookie"));
    let doc = r.json();
    assert_eq!(doc["session"]["data"], json!({"user": "олена"}));
    assert_eq!(doc["session"]["valid"], true);
    assert_eq!(doc["set_cookie"], json!(set));
    assert_eq!(doc["store"]["mode"], "cookie");
    let cookie = r.session_cookie().unwrap();
    let data = codec::loads(&cookie, &state.keys, state.clock.now() as i64, None).unwrap();
    assert_eq!(data.len(), 1);
}

#[tokio::test]
async fn form_post_with_next_redirects_back_to_the_lesson_anchor() {
    let (_, app) = site();
    let r = post(
        &app,
        "/sandbox/session/set",
        "key=a&value=1&next=%2Fen%2Flessons%2Fcookies%23sandbox",
        None,
        "text/html",
    )
    .await;
    assert_eq!(r.status, 303);
    // The id of the headers just sent rides along, so the page can show them without JS.
    let location = r.header("location").unwrap();
    assert!(
        location.starts_with("/en/lessons/cookies?sent=") && location.ends_with("#sandbox"),
        "{location}"
    );
    let cookie = r.session_cookie().unwrap();
    let page = get(
        &app,
        location.split('#').next().unwrap(),
        Some(&cookie_of(&cookie)),
    )
    .await;
    assert!(
        page.body.contains("<code>Set-Cookie: session="),
        "the lesson shows the Set-Cookie it was sent"
    );
}

#[tokio::test]
async fn json_wins_over_next() {
    let (_, app) = site();
    let r = post_json(
        &app,
        "/sandbox/session/set",
        "key=a&value=1&next=%2Fen%2F",
        None,
    )
    .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["session"]["data"]["a"], "1");
}

#[tokio::test]
async fn invalid_fields_get_a_400_naming_the_field_and_change_nothing() {
    let (_, app) = site();
    let long_key = "k".repeat(200);
    let cases = [
        ("/sandbox/session/set", "key=&value=x".to_owned(), "key"),
        (
            "/sandbox/session/set",
            format!("key={long_key}&value=x"),
            "key",
        ),
        ("/sandbox/session/set", "value=x".to_owned(), "key"),
        (
            "/sandbox/session/set",
            "key=a&value=x&next=https%3A%2F%2Fevil.example%2F".to_owned(),
            "next",
        ),
        (
            "/sandbox/session/set",
            "key=a&value=x&next=%2F%2Fevil.example".to_owned(),
            "next",
        ),
        ("/sandbox/session/pop", "key=".to_owned(), "key"),
        (
            "/sandbox/session/permanent",
            "permanent=maybe".to_owned(),
            "permanent",
        ),
        (
            "/sandbox/session/permanent",
            "permanent=true&lifetime=5".to_owned(),
            "lifetime",
        ),
        (
            "/sandbox/session/permanent",
            "permanent=true&lifetime=soon".to_owned(),
            "lifetime",
        ),
        (
            "/sandbox/cookies/set",
            "name=a%20b&value=x".to_owned(),
            "name",
        ),
        (
            "/sandbox/cookies/set",
            "name=a%3Bb&value=x".to_owned(),
            "name",
        ),
        (
            "/sandbox/cookies/set",
            "name=theme&value=x&samesite=Sometimes".to_owned(),
            "samesite",
        ),
        // Found by the cookie_attrs fuzzer: Werkzeug writes U+001E unescaped, and no header
        // may carry it.
        (
            "/sandbox/cookies/set",
            "name=a&value=%11qu%1Eend".to_owned(),
            "value",
        ),
        (
            "/sandbox/cookies/set",
            "name=theme&value=x&max_age=ten".to_owned(),
            "max_age",
        ),
        (
            "/sandbox/cookies/set",
            "name=theme&value=x&max_age=99999999999".to_owned(),
            "max_age",
        ),
        (
            "/sandbox/cookies/set",
            "name=theme&value=x&expires=tomorrow".to_owned(),
            "expires",
        ),
        (
            "/sandbox/cookies/set",
            "name=theme&value=x&path=nopath".to_owned(),
            "path",
        ),
        (
            "/sandbox/cookies/set",
            "name=theme&value=x&httponly=sometimes".to_owned(),
            "httponly",
        ),
        ("/sandbox/cookies/delete", "name=".to_owned(), "name"),
        ("/api/decode", "key=abc".to_owned(), "cookie"),
        ("/api/decode", "cookie=abc&max_age=-1".to_owned(), "max_age"),
    ];
    for (path, form, field) in cases {
        let r = post_json(&app, path, &form, None).await;
        assert_eq!(r.status, 400, "{path} {form}: {}", r.body);
        let body = r.json();
        assert_eq!(body["field"], field, "{path} {form}");
        assert!(body["error"].as_str().unwrap().starts_with(field), "{body}");
        assert!(r.set_cookies().is_empty(), "{path} {form} changed cookies");
    }
}

#[tokio::test]
async fn a_session_that_would_not_fit_is_refused_with_its_size() {
    let (_, app) = site();
    // Incompressible text: a cookie this size cannot be sent.
    let mut x: u64 = 88_172_645_463_325_252;
    let noise: String = (0..6000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            char::from(b'a' + (x % 26) as u8)
        })
        .collect();
    let first = post_json(&app, "/sandbox/session/set", "key=small&value=1", None).await;
    let cookie = cookie_of(&first.session_cookie().unwrap());
    let r = post_json(
        &app,
        "/sandbox/session/set",
        &format!("key=blob&value={noise}"),
        Some(&cookie),
    )
    .await;
    assert_eq!(r.status, 400, "{}", r.body);
    let body = r.json();
    assert_eq!(body["field"], "session");
    assert!(body["size"].as_u64().unwrap() > 4093, "{body}");
    assert!(
        body["error"]
            .as_str()
            .unwrap()
            .contains(&body["size"].to_string())
    );
    assert!(
        r.set_cookies().is_empty(),
        "the browser keeps the cookie it had"
    );
}

#[tokio::test]
async fn pop_and_clear_behave_like_flask() {
    let (_, app) = site();
    let r = post_json(&app, "/sandbox/session/set", "key=a&value=1", None).await;
    let c = cookie_of(&r.session_cookie().unwrap());
    let r = post_json(&app, "/sandbox/session/set", "key=b&value=2", Some(&c)).await;
    let c = cookie_of(&r.session_cookie().unwrap());
    let r = post_json(&app, "/sandbox/session/pop", "key=a", Some(&c)).await;
    assert_eq!(r.json()["session"]["data"], json!({"b": "2"}));
    let c = cookie_of(&r.session_cookie().unwrap());
    // Popping a missing key is still a modification: Flask re-sends the cookie.
    let r = post_json(&app, "/sandbox/session/pop", "key=zzz", Some(&c)).await;
    assert!(r.session_cookie().is_some());
    let r = post_json(&app, "/sandbox/session/clear", "", Some(&c)).await;
    assert_eq!(
        r.set_cookies(),
        vec!["session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/"]
    );
    assert_eq!(r.json()["session"]["cookie"], serde_json::Value::Null);
}

#[tokio::test]
async fn a_short_permanent_lifetime_expires_live_and_a_replayed_cookie_is_rejected() {
    let (state, app) = site();
    let r = post_json(&app, "/sandbox/session/set", "key=user&value=ana", None).await;
    let c = cookie_of(&r.session_cookie().unwrap());
    let r = post_json(
        &app,
        "/sandbox/session/permanent",
        "permanent=true&lifetime=30",
        Some(&c),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let set = r.set_cookies();
    assert!(
        set[0].starts_with("sandbox_lifetime=30; Expires="),
        "{set:?}"
    );
    assert!(
        set[1].contains("; Expires=") && !set[1].contains("Max-Age"),
        "{set:?}"
    );
    let doc = r.json();
    assert_eq!(doc["session"]["permanent"], true);
    assert_eq!(doc["session"]["lifetime"], 30);
    let session = r.session_cookie().unwrap();
    let both = format!("sandbox_lifetime=30; session={session}");

    state.clock.advance(20.0);
    let r = get(&app, "/sandbox/state", Some(&both)).await;
    assert_eq!(r.json()["session"]["valid"], true);
    assert!(
        r.session_cookie().is_some(),
        "a permanent session is refreshed on every request"
    );

    // Replay the old cookie 31 s after it was signed: past max_age, so it is refused.
    state.clock.advance(11.0);
    let r = get(&app, "/sandbox/state", Some(&both)).await;
    let doc = r.json();
    assert_eq!(doc["session"]["valid"], false);
    assert_eq!(doc["session"]["error"], "expired");
    assert_eq!(doc["session"]["reason"], "too-old");
}

#[tokio::test]
async fn plain_cookies_get_werkzeug_exact_headers() {
    let (_, app) = site();
    let form = "name=theme&value=dark+mode&max_age=3600&path=%2Fen&domain=localhost&secure=on&httponly=on&samesite=lax";
    let r = post_json(&app, "/sandbox/cookies/set", form, None).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let set = &r.set_cookies()[0];
    let re_date = set.split("; ").find(|p| p.starts_with("Expires=")).unwrap();
    assert_eq!(
        set,
        &format!(
            "theme=\"dark mode\"; Domain=localhost; {re_date}; Max-Age=3600; Secure; HttpOnly; Path=/en; SameSite=Lax"
        )
    );
    let r = post_json(
        &app,
        "/sandbox/cookies/set",
        "name=when&value=1&expires=2030-01-02T03%3A04%3A05",
        None,
    )
    .await;
    assert_eq!(
        r.set_cookies()[0],
        "when=1; Expires=Wed, 02 Jan 2030 03:04:05 GMT; Path=/"
    );
    let r = post_json(&app, "/sandbox/cookies/delete", "name=theme", None).await;
    assert_eq!(
        r.set_cookies()[0],
        "theme=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/"
    );
}

#[tokio::test]
async fn state_reports_the_cookies_the_request_carried() {
    let (_, app) = site();
    let r = get(
        &app,
        "/sandbox/state",
        Some("theme=dark; seen=1; theme=light"),
    )
    .await;
    let doc = r.json();
    assert_eq!(
        doc["cookies"],
        json!({"theme": "dark", "seen": "1"}),
        "the first of a name wins, as in Werkzeug"
    );
    assert_eq!(doc["cookie_header"], "theme=dark; seen=1; theme=light");
    assert_eq!(doc["session"]["cookie"], serde_json::Value::Null);
}

#[tokio::test]
async fn garbage_session_cookies_are_explained_never_a_5xx() {
    let (state, app) = site();
    let signed_garbage =
        codec::sign_json("[1,2".into(), &state.keys, state.clock.now() as i64).cookie;
    for (cookie, error) in [
        ("nodots", "bad_signature"),
        ("a.b.c", "bad_signature"),
        ("....", "bad_signature"),
        ("%FF%FE.~!.x", "bad_signature"),
        ("\"quoted.value\"", "bad_signature"),
        (signed_garbage.as_str(), "malformed"),
    ] {
        let r = get(&app, "/sandbox/state", Some(&cookie_of(cookie))).await;
        assert_eq!(r.status, 200, "{cookie}");
        assert_eq!(r.json()["session"]["error"], error, "{cookie}");
    }
}

#[tokio::test]
async fn decode_reads_without_a_key_and_verifies_with_fallbacks() {
    let (state, app) = site();
    let old = cookie_course::session::Keys::new(b"old-key", &[]);
    let mut d = cookie_course::session::Dict::new();
    d.insert(
        "user".into(),
        cookie_course::session::Value::Str("ana".into()),
    );
    let now = state.clock.now() as i64;
    let cookie = codec::dumps(&d, &old, now - 100).unwrap().cookie;

    let r = post_json(&app, "/api/decode", &format!("cookie={cookie}"), None).await;
    let s = r.json();
    assert_eq!(
        (
            s["valid"].clone(),
            s["error"].clone(),
            s["data"]["user"].clone()
        ),
        (json!(false), json!("no_key"), json!("ana"))
    );
    assert_eq!(s["parts"]["signature"].as_str().unwrap().len(), 27);

    let r = post_json(
        &app,
        "/api/decode",
        &format!("cookie={cookie}&key=new-key"),
        None,
    )
    .await;
    assert_eq!(r.json()["error"], "bad_signature");
    let r = post_json(
        &app,
        "/api/decode",
        &format!("cookie=session%3D{cookie}&key=new-key&key=old-key"),
        None,
    )
    .await;
    let s = r.json();
    assert_eq!(
        (s["valid"].clone(), s["key_index"].clone()),
        (json!(true), json!(1))
    );
    let r = post_json(
        &app,
        "/api/decode",
        &format!("cookie={cookie}&key=old-key&max_age=60"),
        None,
    )
    .await;
    assert_eq!(r.json()["error"], "expired");
}

/// A value of `n` letters and digits that zlib cannot shrink enough to be worth it.
fn noise(n: usize, seed: u64) -> String {
    let mut x = seed | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"[(x % 62) as usize]
                as char
        })
        .collect()
}

#[tokio::test]
async fn a_session_cookie_of_4093_bytes_is_sent_and_one_of_4094_is_refused_with_its_size() {
    use cookie_course::session::{Keys, Session, SessionConfig, Value};
    let (state, app) = crate::common::app::TestApp::new(b"boundary key")
        .frozen_at(1_700_000_000.0)
        .build();
    // Find, with the codec, a session whose Set-Cookie is exactly `want` bytes.
    let find = |want: usize| {
        let keys = Keys::new(b"boundary key", &[]);
        let config = SessionConfig::default();
        for permanent in [false, true] {
            for k in 1..=4 {
                for n in 2800..4400 {
                    let (key, value) = ("k".repeat(k), noise(n, n as u64));
                    let mut s = Session::default();
                    if permanent {
                        s.set_permanent(true);
                    }
                    s.set(key.clone(), Value::Str(value.clone()));
                    let size = match s.save(&keys, &config, 1_700_000_000.0) {
                        Ok(saved) => saved.set_cookie.unwrap().len(),
                        Err(too_large) => too_large.size,
                    };
                    if size == want {
                        return (permanent, key, value);
                    }
                }
            }
        }
        panic!("no session of exactly {want} bytes in the search space");
    };
    for (want, accepted) in [(4093, true), (4094, false)] {
        let (permanent, key, value) = find(want);
        let mut jar = String::new();
        if permanent {
            let r = post_json(&app, "/sandbox/session/permanent", "permanent=true", None).await;
            jar = format!("session={}", r.session_cookie().unwrap());
        }
        let body = form_urlencoded::Serializer::new(String::new())
            .append_pair("key", &key)
            .append_pair("value", &value)
            .finish();
        let cookie = (!jar.is_empty()).then_some(jar.as_str());
        let r = post_json(&app, "/sandbox/session/set", &body, cookie).await;
        if accepted {
            assert_eq!(r.status, 200, "{want} bytes: {}", r.body);
            let header = r
                .set_cookies()
                .into_iter()
                .find(|h| h.starts_with("session="))
                .unwrap();
            assert_eq!(header.len(), 4093);
        } else {
            assert_eq!(r.status, 400, "{want} bytes");
            let doc = r.json();
            assert_eq!(
                (
                    doc["field"].as_str(),
                    doc["size"].as_u64(),
                    doc["limit"].as_u64()
                ),
                (Some("session"), Some(4094), Some(4093))
            );
            assert!(
                r.set_cookies().is_empty(),
                "the browser keeps the cookie it had"
            );
        }
    }
    let _ = state;
}

#[tokio::test]
async fn a_plain_cookie_of_4093_bytes_is_sent_and_one_of_4094_is_refused_naming_its_value() {
    let app = cookie_course::app(AppState::with_key(b"plain boundary key"));
    // `a=<value>; Path=/`: ten bytes around the value.
    for (len, status) in [(4083, 200), (4084, 400)] {
        let r = post_json(
            &app,
            "/sandbox/cookies/set",
            &format!("name=a&value={}", "v".repeat(len)),
            None,
        )
        .await;
        assert_eq!(r.status, status, "value of {len}");
        if status == 200 {
            let header = r
                .set_cookies()
                .into_iter()
                .find(|h| h.starts_with("a="))
                .unwrap();
            assert_eq!(header.len(), 4093, "{header}");
        } else {
            let doc = r.json();
            assert_eq!(
                (doc["field"].as_str(), doc["size"].as_u64()),
                (Some("value"), Some(4094))
            );
        }
    }
}
