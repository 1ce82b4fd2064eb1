//! The lesson demos and the decoder, in memory: each behaves exactly as the Flask code the
//! lesson shows.

use crate::common;

use common::mem::{get, post, post_json};
use cookie_course::AppState;
use cookie_course::session::{Dict, Keys, Value, codec};
use serde_json::json;

fn site() -> (AppState, axum::Router) {
    crate::common::app::TestApp::new(b"demo-test-key").build()
}

/// Post a form with the given session cookie; return the state and the new session cookie.
async fn step(
    app: &axum::Router,
    path: &str,
    form: &str,
    cookie: &Option<String>,
) -> (serde_json::Value, Option<String>) {
    let header = cookie.as_ref().map(|c| format!("session={c}"));
    let r = post_json(app, path, form, header.as_deref()).await;
    assert_eq!(r.status, 200, "{path} {form}: {}", r.body);
    let doc = r.json();
    (doc, r.session_cookie().or_else(|| cookie.clone()))
}

#[tokio::test]
async fn appending_in_place_is_lost_unless_the_session_is_marked_modified() {
    let (_, app) = site();
    let mut cookie = None;
    let (doc, c) = step(
        &app,
        "/sandbox/demo/cart",
        "item=apple&mark_modified=false",
        &cookie,
    )
    .await;
    cookie = c;
    assert_eq!(
        doc["session"]["data"]["cart"],
        json!(["apple"]),
        "the first add assigns the list"
    );
    let (doc, c) = step(
        &app,
        "/sandbox/demo/cart",
        "item=pear&mark_modified=false",
        &cookie,
    )
    .await;
    assert!(
        doc["set_cookie"].as_array().unwrap().is_empty(),
        "Flask sends nothing: the append went unnoticed"
    );
    assert_eq!(
        doc["session"]["data"]["cart"],
        json!(["apple"]),
        "pear is lost"
    );
    cookie = c;
    let (doc, _) = step(
        &app,
        "/sandbox/demo/cart",
        "item=plum&mark_modified=true",
        &cookie,
    )
    .await;
    assert_eq!(
        doc["session"]["data"]["cart"],
        json!(["apple", "plum"]),
        "session.modified = True saves it"
    );
}

#[tokio::test]
async fn login_flashes_until_shown_and_never_stores_the_password() {
    let (_, app) = site();
    let mut cookie = None;
    let (doc, c) = step(
        &app,
        "/sandbox/demo/login",
        "username=student&password=wrong&lang=ru",
        &cookie,
    )
    .await;
    cookie = c;
    assert_eq!(
        doc["session"]["data"]["_flashes"],
        json!([{" t": ["error", "Неверное имя пользователя или пароль."]}])
    );
    assert!(doc["session"]["data"].get("user").is_none());

    let (doc, c) = step(
        &app,
        "/sandbox/demo/login",
        "username=student&password=cookies&lang=en",
        &cookie,
    )
    .await;
    cookie = c;
    let data = &doc["session"]["data"];
    assert_eq!(data["user"], "student");
    assert_eq!(
        data["_flashes"],
        json!([{" t": ["message", "Logged in as student."]}]),
        "login cleared the old flash"
    );
    assert!(!doc["session"]["cookie"].as_str().unwrap().is_empty());
    let stored = format!("{}{}", doc["session"]["data"], doc["session"]["python"]);
    assert!(
        !stored.contains("cookies"),
        "the password never reaches the session: {stored}"
    );
    assert!(
        doc["session"]["python"]
            .as_str()
            .unwrap()
            .contains("('message', 'Logged in as student.')")
    );

    let (doc, c) = step(&app, "/sandbox/demo/flashes", "", &cookie).await;
    cookie = c;
    assert_eq!(
        doc["flashed"],
        json!([{"category": "message", "message": "Logged in as student."}])
    );
    assert!(
        doc["session"]["data"].get("_flashes").is_none(),
        "shown once, then gone"
    );
    let (doc, c) = step(&app, "/sandbox/demo/flashes", "", &cookie).await;
    assert_eq!(doc["flashed"], json!([]));
    cookie = c;

    let (doc, _) = step(&app, "/sandbox/demo/logout", "lang=uk", &cookie).await;
    assert!(doc["session"]["data"].get("user").is_none());
    assert_eq!(
        doc["session"]["data"]["_flashes"],
        json!([{" t": ["message", "Ви вийшли із системи."]}])
    );
}

#[tokio::test]
async fn login_keeps_the_language_choice_across_the_clear() {
    let (_, app) = site();
    let r = post(&app, "/prefs/lang", "lang=bn&next=%2F", None, "text/html").await;
    let cookie = r.session_cookie();
    let (doc, _) = step(
        &app,
        "/sandbox/demo/login",
        "username=student&password=cookies",
        &cookie,
    )
    .await;
    assert_eq!(doc["session"]["data"]["lang"], "bn");
}

#[tokio::test]
async fn growing_the_session_climbs_until_it_is_refused_with_its_size() {
    let (_, app) = site();
    let mut cookie = None;
    let mut sizes = Vec::new();
    loop {
        let header = cookie.as_ref().map(|c| format!("session={c}"));
        let r = post_json(&app, "/sandbox/demo/grow", "", header.as_deref()).await;
        if r.status == 400 {
            let body = r.json();
            assert_eq!(body["field"], "session");
            assert!(body["size"].as_u64().unwrap() > 4093);
            assert!(
                r.set_cookies().is_empty(),
                "the refused session is not sent"
            );
            break;
        }
        assert_eq!(r.status, 200);
        let doc = r.json();
        sizes.push(doc["session"]["size"].as_u64().unwrap());
        cookie = r.session_cookie();
        assert!(sizes.len() < 40, "never refused: {sizes:?}");
    }
    assert!(
        sizes.windows(2).all(|w| w[1] > w[0]),
        "the cookie climbs: {sizes:?}"
    );
    assert!(*sizes.last().unwrap() <= 4093);
}

#[tokio::test]
async fn state_explains_an_invalid_cookie_in_the_requested_language() {
    let (_, app) = site();
    let r = get(&app, "/sandbox/state?lang=uk", Some("session=abc.def.ghi")).await;
    let text = r.json()["session"]["reason_text"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(text.contains("підпис") || text.contains("Підпис"), "{text}");
}

fn weak_cookie() -> String {
    let mut d = Dict::new();
    d.insert("user".into(), Value::Str("admin".into()));
    codec::dumps(&d, &Keys::new(b"supersecretkey", &[]), 1_700_000_000)
        .unwrap()
        .cookie
}

#[tokio::test]
async fn decoder_reads_without_a_key_verifies_with_one_and_finds_weak_keys() {
    let (_, app) = site();
    let cookie = weak_cookie();
    let page = get(&app, "/ru/decoder", None).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<html lang=\"ru\""));

    let r = post(
        &app,
        "/en/decoder",
        &format!("cookie={cookie}&action=decode"),
        None,
        "text/html",
    )
    .await;
    assert_eq!(r.status, 200);
    assert!(
        r.body.contains("{&#39;user&#39;: &#39;admin&#39;}"),
        "payload readable without a key"
    );

    let r = post(
        &app,
        "/en/decoder",
        &format!("cookie={cookie}&keys=wrong%0Asupersecretkey&action=decode"),
        None,
        "text/html",
    )
    .await;
    assert!(r.body.contains("status ok"), "verified by the fallback");
    assert!(r.body.contains("key number 2"));

    let r = post(
        &app,
        "/en/decoder",
        &format!("cookie={cookie}&action=crack"),
        None,
        "text/html",
    )
    .await;
    assert!(
        r.body.contains("Weak key found: “supersecretkey”"),
        "{}",
        r.body
    );

    let r = post(
        &app,
        "/uk/decoder",
        &format!("cookie={cookie}&keys=supersecretkey&action=tamper"),
        None,
        "text/html",
    )
    .await;
    let tampered = codec::tamper(&cookie);
    assert!(r.body.contains(&tampered[..20]));
    assert!(
        r.body.contains("&#39;admin&#39;: True"),
        "the tampered payload shows admin = True"
    );
    assert!(r.body.contains("status bad"), "and fails verification");
}

#[tokio::test]
async fn decoder_refuses_an_oversized_paste_with_a_400() {
    let (_, app) = site();
    let r = post(
        &app,
        "/en/decoder",
        &format!("cookie={}", "a".repeat(9000)),
        None,
        "text/html",
    )
    .await;
    assert_eq!(r.status, 400);
    assert_eq!(r.page_field(), "cookie");
    assert!(
        r.body.contains(&"a".repeat(9000)),
        "the paste is kept to fix"
    );
}

#[tokio::test]
async fn decoder_uses_the_learners_own_session_cookie() {
    let (_, app) = site();
    let r = post_json(&app, "/sandbox/session/set", "key=note&value=mine", None).await;
    let cookie = r.session_cookie().unwrap();
    let r = post(
        &app,
        "/en/decoder",
        "action=mine",
        Some(&format!("session={cookie}")),
        "text/html",
    )
    .await;
    assert!(r.body.contains("&#39;note&#39;: &#39;mine&#39;"));
}

#[test]
fn tampering_never_verifies_and_weak_keys_are_found() {
    let cookie = weak_cookie();
    let keys = Keys::new(b"supersecretkey", &[]);
    assert!(codec::loads(&cookie, &keys, 1_700_000_000, None).is_ok());
    let tampered = codec::tamper(&cookie);
    assert_ne!(tampered, cookie);
    assert!(codec::loads(&tampered, &keys, 1_700_000_000, None).is_err());
    let (found, tried) =
        codec::guess_key(&cookie, cookie_course::security::weak_keys::candidates());
    assert_eq!(found, Some("supersecretkey"));
    assert!(tried < 10);
    let strong = codec::dumps(&Dict::new(), &Keys::new(&[7u8; 32], &[]), 1)
        .unwrap()
        .cookie;
    assert_eq!(
        codec::guess_key(&strong, cookie_course::security::weak_keys::candidates()).0,
        None
    );
}

#[test]
fn the_weak_key_search_tries_every_key_when_none_matches_and_finds_the_last_one() {
    let candidates: Vec<&str> = cookie_course::security::weak_keys::candidates().collect();
    let strong = codec::dumps(&Dict::new(), &Keys::new(&[7u8; 32], &[]), 1)
        .unwrap()
        .cookie;
    let (found, tried) = codec::guess_key(&strong, candidates.iter().copied());
    assert_eq!(
        (found, tried),
        (None, candidates.len()),
        "every key tried, none found"
    );
    let last = *candidates.last().unwrap();
    let weak = codec::dumps(&Dict::new(), &Keys::new(last.as_bytes(), &[]), 1)
        .unwrap()
        .cookie;
    assert_eq!(
        codec::guess_key(&weak, candidates.iter().copied()),
        (Some(last), candidates.len()),
        "the last key is found, after trying them all"
    );
}
