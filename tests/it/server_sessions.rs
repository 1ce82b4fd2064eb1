//! Server-side sessions in the sandbox, as Flask-Session 0.8 keeps them: the cookie becomes
//! an opaque id, the data sits in a store. Checked against real Flask-Session and a real
//! Redis in both directions, and across two instances sharing one Redis.

use crate::common;

use common::jar_after;
use common::mem::{get, post_json};
use common::peers::{FlaskPeer, form, http, serve};
use common::redis::Redis;
use common::typed::dict;
use cookie_course::session::{Value, msgpack};
use cookie_course::site::source::Source;
use cookie_course::store::Store;
use cookie_course::{AppState, app};
use serde_json::json;

const KEY: &str = "server-side-test-key";

fn embedded_site() -> (AppState, axum::Router) {
    let state = AppState::with_key(KEY.as_bytes());
    (state.clone(), app(state))
}

async fn redis_state(redis: &Redis) -> AppState {
    let store = Store::from_env(Some(&redis.url()), &Default::default())
        .await
        .unwrap();
    AppState::build_with(KEY.as_bytes(), &Source::Embedded, store).unwrap()
}

#[tokio::test]
async fn the_session_moves_to_the_store_and_back() {
    let (state, app) = embedded_site();
    let r = post_json(
        &app,
        "/sandbox/session/set",
        "key=user&value=%D0%BE%D0%BB%D0%B5%D0%BD%D0%B0",
        None,
    )
    .await;
    let jar = jar_after("", &r.set_cookies());

    let r = post_json(&app, "/sandbox/session/store", "mode=server", Some(&jar)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let doc = r.json();
    let sid = doc["session"]["cookie"].as_str().unwrap().to_owned();
    assert_eq!(sid.len(), 43, "secrets.token_urlsafe(32)");
    assert_eq!(doc["store"]["mode"], "server");
    assert_eq!(doc["store"]["key"], format!("session:{sid}"));
    assert_eq!(doc["store"]["ttl"], 2_678_400);
    assert_eq!(
        doc["store"]["record"],
        json!({"_permanent": true, "user": "олена"})
    );
    let set = r.set_cookies();
    assert!(set.iter().any(|h| h.starts_with("sandbox_store=server")));
    assert!(
        set.iter()
            .any(|h| h.starts_with(&format!("session={sid}; Expires="))
                && h.ends_with("; HttpOnly; Path=/")),
        "{set:?}"
    );
    let jar = jar_after(&jar, &set);

    // The record is in the store, msgpack as Flask-Session writes it.
    let bytes = state
        .store
        .get(&format!("session:{sid}"))
        .await
        .unwrap()
        .found()
        .unwrap();
    assert_eq!(
        msgpack::decode(&bytes).unwrap().get("user"),
        Some(&Value::Str("олена".into()))
    );

    // Further changes go to the store; the cookie stays an opaque id.
    let r = post_json(
        &app,
        "/sandbox/session/set",
        "key=cart&value=tea",
        Some(&jar),
    )
    .await;
    let doc = r.json();
    assert_eq!(doc["session"]["cookie"], sid);
    assert_eq!(doc["store"]["record"]["cart"], "tea");
    let jar = jar_after(&jar, &r.set_cookies());
    let r = get(&app, "/sandbox/state", Some(&jar)).await;
    assert_eq!(r.json()["store"]["record"]["cart"], "tea");

    // Back into a signed cookie: the data travels again, the record is deleted.
    let r = post_json(&app, "/sandbox/session/store", "mode=cookie", Some(&jar)).await;
    let doc = r.json();
    assert_eq!(doc["store"]["mode"], "cookie");
    assert_eq!(doc["session"]["valid"], true);
    assert_eq!(doc["session"]["data"]["cart"], "tea");
    assert!(
        state
            .store
            .get(&format!("session:{sid}"))
            .await
            .unwrap()
            .found()
            .is_none()
    );
    assert!(
        r.set_cookies()
            .iter()
            .any(|h| h.starts_with("sandbox_store=; Expires=Thu, 01 Jan 1970"))
    );
}

#[tokio::test]
async fn an_unknown_or_forged_id_starts_a_new_empty_session() {
    let (_, app) = embedded_site();
    for sid in [
        "x",
        "not-a-real-session-id-but-plausible-0123456789",
        "<script>",
    ] {
        let r = get(
            &app,
            "/sandbox/state",
            Some(&format!("sandbox_store=server; session={sid}")),
        )
        .await;
        assert_eq!(r.status, 200);
        let doc = r.json();
        assert_eq!(doc["session"]["valid"], false);
        assert_ne!(doc["store"]["key"], format!("session:{sid}"));
    }
    let r = post_json(&app, "/sandbox/session/store", "mode=disk", None).await;
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["field"], "mode");
}

#[tokio::test]
async fn clearing_a_server_side_session_deletes_the_record_and_the_cookie() {
    let (state, app) = embedded_site();
    let r = post_json(&app, "/sandbox/session/store", "mode=server", None).await;
    let jar = jar_after("", &r.set_cookies());
    let r = post_json(&app, "/sandbox/session/set", "key=a&value=1", Some(&jar)).await;
    let jar = jar_after(&jar, &r.set_cookies());
    let key = r.json()["store"]["key"].as_str().unwrap().to_owned();
    assert!(state.store.get(&key).await.unwrap().found().is_some());
    let r = post_json(&app, "/sandbox/session/clear", "", Some(&jar)).await;
    // Flask-Session: clear() keeps `_permanent`, the session counts as empty, the record
    // goes and the cookie is deleted with name, domain and path only.
    assert!(
        r.set_cookies().contains(
            &"session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/".to_owned()
        ),
        "{:?}",
        r.set_cookies()
    );
    assert!(state.store.get(&key).await.unwrap().found().is_none());
}

#[test]
fn msgpack_matches_msgspec_byte_for_byte() {
    let Some(mut flask) = FlaskPeer::start() else {
        return;
    };
    let samples = [
        json!({"user": "ada", "n": 42, "neg": -70000, "big": 1_099_511_627_776u64, "pi": 3.5}),
        json!({"cart": ["tea", "мёд", "মধু"], "ok": true, "none": null, "b": {"$bytes": "00ff"}}),
        json!({"when": {"$datetime": "2024-01-01T00:00:00+00:00"}, "t": {"$tuple": [1, 2]}, "long": "x".repeat(300)}),
    ];
    for sample in samples {
        let ours = msgpack::encode(&dict(&sample)).unwrap();
        let theirs = flask.call(json!({"op": "msgpack", "session": sample}));
        let hex: String = ours.iter().map(|b| format!("{b:02x}")).collect();
        // msgspec keeps insertion order; ours is sorted, and the samples are written sorted.
        assert_eq!(hex, theirs["hex"], "{sample}");
    }
}

#[tokio::test]
async fn real_flask_session_reads_what_the_site_wrote_to_redis_and_the_other_way_round() {
    let Some(mut flask) = FlaskPeer::start() else {
        return;
    };
    let Some(redis) = Redis::start() else { return };
    let addr = serve(redis_state(&redis).await).await;
    let json = [
        ("Accept", "application/json"),
        ("Content-Type", "application/x-www-form-urlencoded"),
    ];

    // Site → Flask-Session.
    let r = http(addr, "POST", "/sandbox/session/store", &json, "mode=server").await;
    let jar = jar_after("", &r.set_cookies());
    let jar_header = jar.clone();
    let r = http(
        addr,
        "POST",
        "/sandbox/session/set",
        &[json[0], json[1], ("Cookie", &jar_header)],
        &form(&[("key", "lang"), ("value", "ক্স")]),
    )
    .await;
    let sid = r.json()["session"]["cookie"].as_str().unwrap().to_owned();
    let theirs = flask.call(json!({"op": "fs_load", "key": KEY, "redis": redis.url(), "sid": sid}));
    assert_eq!(theirs["session"], json!({"_permanent": true, "lang": "ক্স"}));

    // Flask-Session → site.
    let made = flask.call(json!({"op": "fs_make", "key": KEY, "redis": redis.url(), "session": {"user": "олена", "cart": ["tea"], "n": 3}}));
    let sid = made["sid"].as_str().unwrap();
    assert!(
        made["set_cookie"][0]
            .as_str()
            .unwrap()
            .contains("; Expires="),
        "Flask-Session sessions are permanent by default"
    );
    let cookie = format!("sandbox_store=server; session={sid}");
    let r = http(addr, "GET", "/sandbox/state", &[("Cookie", &cookie)], "").await;
    let doc = r.json();
    assert_eq!(doc["session"]["valid"], true, "{doc}");
    assert_eq!(
        doc["store"]["record"],
        json!({"_permanent": true, "cart": ["tea"], "n": 3, "user": "олена"})
    );
    assert!(doc["store"]["ttl"].as_i64().unwrap() > 2_678_000);
}

#[tokio::test]
async fn two_instances_sharing_one_redis_serve_the_same_session() {
    let Some(redis) = Redis::start() else { return };
    let a = serve(redis_state(&redis).await).await;
    let b = serve(redis_state(&redis).await).await;
    assert_ne!(a.port(), b.port());
    let json = [
        ("Accept", "application/json"),
        ("Content-Type", "application/x-www-form-urlencoded"),
    ];
    let r = http(a, "POST", "/sandbox/session/store", &json, "mode=server").await;
    let jar = jar_after("", &r.set_cookies());
    let r = http(
        a,
        "POST",
        "/sandbox/session/set",
        &[json[0], json[1], ("Cookie", &jar)],
        "key=seen_by&value=instance-a",
    )
    .await;
    let jar = jar_after(&jar, &r.set_cookies());

    let r = http(b, "GET", "/sandbox/state", &[("Cookie", &jar)], "").await;
    let doc = r.json();
    assert_eq!(doc["store"]["backend"], "redis");
    assert_eq!(
        doc["store"]["record"]["seen_by"], "instance-a",
        "B reads what A wrote"
    );
    let r = http(
        b,
        "POST",
        "/sandbox/session/set",
        &[json[0], json[1], ("Cookie", &jar)],
        "key=seen_by&value=instance-b",
    )
    .await;
    assert_eq!(r.status, 200);
    let r = http(a, "GET", "/sandbox/state", &[("Cookie", &jar)], "").await;
    assert_eq!(
        r.json()["store"]["record"]["seen_by"],
        "instance-b",
        "and A reads what B wrote"
    );
}

#[tokio::test]
async fn lesson_nine_shows_the_opaque_cookie_and_the_stored_record_side_by_side() {
    let (_, app) = embedded_site();
    let page = get(&app, "/uk/lessons/server-side-sessions", None)
        .await
        .body;
    assert!(
        page.contains("action=\"/sandbox/session/store\""),
        "the lesson offers the switch"
    );
    let r = post_json(&app, "/sandbox/session/store", "mode=server", None).await;
    let jar = jar_after("", &r.set_cookies());
    let r = post_json(
        &app,
        "/sandbox/session/set",
        "key=note&value=%3Cb%3Ehi%3C%2Fb%3E",
        Some(&jar),
    )
    .await;
    let jar = jar_after(&jar, &r.set_cookies());
    let key = r.json()["store"]["key"].as_str().unwrap().to_owned();
    let page = get(&app, "/uk/lessons/server-side-sessions", Some(&jar))
        .await
        .body;
    assert!(page.contains(&key), "the store key is shown");
    assert!(
        page.contains("&quot;note&quot;: &quot;&lt;b&gt;hi&lt;&#x2F;b&gt;&quot;")
            || page.contains("&lt;b&gt;hi&lt;/b&gt;"),
        "the record is shown, escaped"
    );
    assert!(!page.contains("<b>hi</b>"));
}
