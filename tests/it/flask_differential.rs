//! Differential tests against real Flask 3.x in both directions: the cookies the running
//! site sets load in real Flask, and the cookies real Flask makes load in the site.

use crate::common;

use common::peers::{FlaskPeer, form, http, serve};
use common::typed::{dict, same, typed, value};
use cookie_course::AppState;
use cookie_course::session::{Value, codec};
use serde_json::{Value as J, json};

const KEY: &str = "differential-test-key-ключ-চাবি";

fn state() -> AppState {
    AppState::with_key(KEY.as_bytes())
}

fn now(state: &AppState) -> i64 {
    state.clock.now() as i64
}

/// Sessions covering every tag, nesting, scripts and compression.
fn samples() -> Vec<J> {
    let mut out = vec![
        json!({"lang": "bn", "greeting": "স্বাগতম", "ru": "Привет, мир", "uk": "Ґанок і їжак", "emoji": "🍪😀"}),
        json!({"cart": [{"id": 1, "qty": 2}, {"id": 7, "qty": 1, "tags": ["a", "b"]}], "user": {"name": "Алиса", "roles": ["admin"]}}),
        json!({"t": {"$tuple": [1, "два", {"$tuple": []}]}, "b": {"$bytes": "fbff00"}, "m": {"$markup": "<b>bold</b>"}}),
        json!({"u": {"$uuid": "12345678-1234-5678-1234-567812345678"}, "d": {"$datetime": "2024-02-29T23:59:59+00:00"}}),
        json!({" t": "looks like a tag"}),
        json!({"_flashes": [{"$tuple": ["message", "Добро пожаловать"]}]}),
        json!({"floats": [0.1, 1e16, 1e-5, -0.0, 1.5e300], "big": {"$int": "18446744073709551616"}, "nan": {"$float": "NaN"}}),
        json!({"long": "cookie ".repeat(300)}),
    ];
    // Every vector's session too.
    for case in common::vectors()["encode"].as_array().unwrap() {
        out.push(case["decoded"].clone());
    }
    out
}

#[tokio::test]
async fn cookies_the_site_sets_over_http_load_in_real_flask() {
    let Some(mut flask) = FlaskPeer::start() else {
        return;
    };
    let state = state();
    let addr = serve(state.clone()).await;
    let json_accept = [
        ("Accept", "application/json"),
        ("Content-Type", "application/x-www-form-urlencoded"),
    ];

    let mut cookie = String::new();
    let mut expected = serde_json::Map::new();
    let steps: [(&str, &str); 5] = [
        ("lang", "bn"),
        ("name", "Ольга"),
        ("city", "Київ"),
        ("note", "সেশন 🍪 works"),
        ("filler", &"compress me ".repeat(40)),
    ];
    for (k, v) in steps {
        let header = format!("session={cookie}");
        let mut headers = json_accept.to_vec();
        if !cookie.is_empty() {
            headers.push(("Cookie", &header));
        }
        let resp = http(
            addr,
            "POST",
            "/sandbox/session/set",
            &headers,
            &form(&[("key", k), ("value", v)]),
        )
        .await;
        assert_eq!(resp.status, 200, "{}", resp.body);
        cookie = resp
            .session_cookie()
            .expect("the site set a session cookie");
        expected.insert(k.into(), json!(v));

        let loaded =
            flask.call(json!({"op": "load", "key": KEY, "cookie": cookie, "now": now(&state)}));
        assert_eq!(loaded["status"], 200);
        assert_eq!(
            loaded["session"],
            J::Object(expected.clone()),
            "after setting {k}"
        );
    }
    assert!(cookie.starts_with('.'), "the long session is compressed");

    // Permanent: Flask sees `_permanent` and the site's Expires is 31 days out.
    let header = format!("session={cookie}");
    let resp = http(
        addr,
        "POST",
        "/sandbox/session/permanent",
        &[json_accept[0], json_accept[1], ("Cookie", &header)],
        "permanent=true",
    )
    .await;
    let set = resp
        .all("set-cookie")
        .into_iter()
        .find(|h| h.starts_with("session="))
        .unwrap()
        .to_owned();
    assert!(
        set.contains("; Expires=") && set.ends_with("; HttpOnly; Path=/"),
        "{set}"
    );
    let cookie = resp.session_cookie().unwrap();
    let loaded =
        flask.call(json!({"op": "load", "key": KEY, "cookie": cookie, "now": now(&state)}));
    assert_eq!(loaded["session"]["_permanent"], true);
}

#[tokio::test]
async fn codec_cookies_with_every_tag_load_in_real_flask() {
    let Some(mut flask) = FlaskPeer::start() else {
        return;
    };
    let state = state();
    for sample in samples() {
        let session = dict(&sample);
        let cookie = codec::dumps(&session, &state.keys, now(&state))
            .unwrap()
            .cookie;
        let loaded =
            flask.call(json!({"op": "load", "key": KEY, "cookie": cookie, "now": now(&state)}));
        assert_eq!(loaded["status"], 200, "{sample}");
        // Compare what Flask decoded with what our own decoder reads back (datetimes and
        // `" di"` keys come back the same way on both sides).
        let ours = codec::loads(&cookie, &state.keys, now(&state), None).unwrap();
        assert!(
            same(&value(&loaded["session"]), &Value::Dict(ours)),
            "{sample}\nflask: {}",
            loaded["session"]
        );
    }
}

#[tokio::test]
async fn cookies_real_flask_makes_load_in_the_site() {
    let Some(mut flask) = FlaskPeer::start() else {
        return;
    };
    let state = state();
    let addr = serve(state.clone()).await;
    for sample in samples() {
        let made = flask.call(json!({"op": "make", "key": KEY, "session": sample, "now": now(&state), "permanent": false}));
        let cookie = made["cookie"].as_str().unwrap_or_default();
        if cookie.is_empty() {
            assert_eq!(
                sample,
                json!({}),
                "Flask deletes the cookie only for an empty session"
            );
            continue;
        }

        // Through the library: the same values, every tag restored.
        let ours = codec::loads(cookie, &state.keys, now(&state), Some(2_678_400)).unwrap();
        let theirs =
            flask.call(json!({"op": "load", "key": KEY, "cookie": cookie, "now": now(&state)}));
        assert!(
            same(&Value::Dict(ours.clone()), &value(&theirs["session"])),
            "{sample}"
        );
        assert_eq!(typed(&Value::Dict(ours)), theirs["session"], "{sample}");

        // Through the running site: the state panel reports a valid session whose stored
        // payload is Flask's JSON.
        let header = format!("session={cookie}");
        let resp = http(addr, "GET", "/sandbox/state", &[("Cookie", &header)], "").await;
        assert_eq!(resp.status, 200);
        let doc = resp.json();
        assert_eq!(
            doc["session"]["valid"], true,
            "{sample}: {made}: {}",
            doc["session"]
        );
        // The document describes the cookie the browser holds after the response: Flask's,
        // or for a permanent session the refreshed one the site just sent.
        let held = resp.session_cookie().unwrap_or_else(|| cookie.to_owned());
        assert_eq!(doc["session"]["cookie"], held);
        // JSON numbers cannot carry NaN or integers past 64 bits; the document spells those
        // as strings, so compare the rest.
        let text = made["payload_json"].as_str().unwrap();
        let long_int = text
            .as_bytes()
            .windows(19)
            .any(|w| w.iter().all(u8::is_ascii_digit));
        if !text.contains("NaN") && !long_int {
            let payload: J = serde_json::from_str(made["payload_json"].as_str().unwrap()).unwrap();
            assert_eq!(doc["session"]["data"], payload, "{sample}");
        }
        // Reading a session sends nothing, unless it is permanent (refreshed on every request).
        let refreshed = resp.session_cookie().is_some();
        assert_eq!(refreshed, sample["_permanent"] == true, "{sample}");
    }
}

#[tokio::test]
async fn tampered_expired_and_signed_garbage_cookies_are_explained_never_a_5xx() {
    let Some(mut flask) = FlaskPeer::start() else {
        return;
    };
    let state = state();
    let addr = serve(state.clone()).await;
    let t = now(&state);
    let made = flask.call(
        json!({"op": "make", "key": KEY, "session": {"user": "олена", "admin": false}, "now": t}),
    );
    let good = made["cookie"].as_str().unwrap().to_owned();

    // Tampered: flip one payload character.
    let mut bytes = good.clone().into_bytes();
    bytes[3] = if bytes[3] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(bytes).unwrap();
    // Expired: signed 32 days ago, past the 31-day default lifetime.
    let old = flask.call(
        json!({"op": "make", "key": KEY, "session": {"user": "bob"}, "now": t - 32 * 86_400}),
    );
    let expired = old["cookie"].as_str().unwrap().to_owned();
    // Signed garbage: a valid signature over a payload that is not JSON.
    let garbage = codec::sign_json("not json at all".into(), &state.keys, t).cookie;

    for (cookie, error, flask_status) in [
        (&tampered, "bad_signature", 200),
        (&expired, "expired", 200),
        (&garbage, "malformed", 500),
    ] {
        let theirs = flask.call(json!({"op": "load", "key": KEY, "cookie": cookie, "now": t}));
        assert_eq!(theirs["status"], flask_status, "real Flask on {error}");
        if flask_status == 200 {
            assert_eq!(
                theirs["session"],
                json!({}),
                "Flask silently starts empty on {error}"
            );
        }
        let header = format!("session={cookie}");
        let resp = http(addr, "GET", "/sandbox/state", &[("Cookie", &header)], "").await;
        assert_eq!(
            resp.status, 200,
            "the site explains {error} instead of failing"
        );
        let s = &resp.json()["session"];
        assert_eq!(s["valid"], false);
        assert_eq!(s["error"], error);
        assert!(s["explanation"].as_str().unwrap().len() > 20);

        // And a write on top of it starts from an empty session, exactly as Flask does.
        let resp = http(
            addr,
            "POST",
            "/sandbox/session/set",
            &[
                ("Cookie", &header),
                ("Accept", "application/json"),
                ("Content-Type", "application/x-www-form-urlencoded"),
            ],
            "key=fresh&value=start",
        )
        .await;
        assert_eq!(resp.status, 200);
        assert_eq!(resp.json()["session"]["data"], json!({"fresh": "start"}));
    }
    // The tampered payload is still readable without the key: signed, not encrypted.
    let resp = http(
        addr,
        "POST",
        "/api/decode",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        &form(&[("cookie", &good)]),
    )
    .await;
    let s = resp.json();
    assert_eq!(
        (s["valid"].clone(), s["error"].clone()),
        (json!(false), json!("no_key"))
    );
    assert_eq!(s["data"]["user"], "олена");
}

#[tokio::test]
async fn the_language_preference_round_trips_through_a_real_flask_session() {
    let Some(mut flask) = FlaskPeer::start() else {
        return;
    };
    let state = state();
    let addr = serve(state.clone()).await;
    // The site stores the choice; real Flask reads it.
    let resp = http(
        addr,
        "POST",
        "/prefs/lang",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        "lang=bn&next=%2Fen%2Flessons%2Fcookies",
    )
    .await;
    assert_eq!(resp.status, 303);
    let cookie = resp.session_cookie().unwrap();
    let theirs =
        flask.call(json!({"op": "load", "key": KEY, "cookie": cookie, "now": now(&state)}));
    assert_eq!(theirs["session"], json!({"lang": "bn"}));
    // Real Flask stores a choice; the site follows it.
    let made = flask
        .call(json!({"op": "make", "key": KEY, "session": {"lang": "uk"}, "now": now(&state)}));
    let header = format!("session={}", made["cookie"].as_str().unwrap());
    let resp = http(
        addr,
        "GET",
        "/",
        &[("Cookie", &header), ("Accept-Language", "ru")],
        "",
    )
    .await;
    assert_eq!(resp.status, 302);
    assert_eq!(resp.all("location"), ["/uk/"]);
}
