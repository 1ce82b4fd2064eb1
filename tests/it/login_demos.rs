//! The production lessons' demos in memory: "remember me" as real Flask-Login 0.6.3 does it
//! (byte for byte where Flask-Login is deterministic), a copied cookie replayed after a
//! logout, and the cross-site pages.

use crate::common;

use axum::body::Body;
use axum::http::{Request, header};
use common::mem::{Resp, get, send};
use common::peers::require;
use cookie_course::session::{Keys, codec};
use serde_json::{Value as J, json};
use std::process::Command;

const KEY: &[u8] = b"login-demos-test-key";
const AGENT: &str = "Mozilla/5.0 (X11; Linux) it's a \"test\" é";

fn site() -> (cookie_course::AppState, axum::Router) {
    common::app::TestApp::new(KEY)
        .frozen_at(1_800_000_000.0)
        .build()
}

/// A form post as a browser sends it (with a User-Agent), following nothing.
async fn post_form(app: &axum::Router, path: &str, form: &str, cookie: &str) -> Resp {
    let req = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::USER_AGENT, AGENT)
        .header(header::ACCEPT, "text/html")
        .header(header::COOKIE, cookie)
        .body(Body::from(format!("{form}&next=/en/")))
        .unwrap();
    let r = send(app, req).await;
    assert_eq!(r.status, 303, "{path} {form}: {}", r.body);
    r
}

/// The session a cookie jar holds, decoded (Python's JSON view of it).
fn session_of(jar: &str) -> J {
    let cookie = jar
        .split("; ")
        .find_map(|c| c.strip_prefix("session="))
        .unwrap_or("");
    if cookie.is_empty() {
        return json!({});
    }
    let keys = Keys::new(KEY, &[]);
    let data =
        codec::loads(cookie, &keys, 1_800_000_000, None).expect("the site's session verifies");
    use cookie_course::session::Value;
    J::Object(
        data.iter()
            .filter(|(k, _)| k.starts_with('_'))
            .map(|(k, v)| {
                let v = match v {
                    Value::Str(s) => json!(s),
                    Value::Bool(b) => json!(b),
                    Value::Int(i) => json!(i),
                    other => json!(other.python_repr()),
                };
                (k.clone(), v)
            })
            .collect(),
    )
}

fn cookie_value<'a>(jar: &'a str, name: &str) -> Option<&'a str> {
    jar.split("; ")
        .find_map(|c| c.strip_prefix(&format!("{name}=")))
}

/// Real Flask-Login: log in (remember or not), drop the session cookie, come back.
const FLASK_LOGIN: &str = r#"
import json, sys
from flask import Flask, session
from flask_login import LoginManager, UserMixin, login_user, current_user

app = Flask(__name__)
app.config["SECRET_KEY"] = sys.argv[1]
manager = LoginManager(app)

class User(UserMixin):
    def __init__(self, id):
        self.id = id

@manager.user_loader
def load(user_id):
    return User(user_id)

@app.post("/login")
def login():
    from flask import request
    login_user(User("student"), remember=request.form.get("remember") == "true")
    return "in"

@app.post("/visit")
def visit():
    return str(current_user.is_authenticated)

def decoded(client):
    cookie = client.get_cookie("session")
    if cookie is None:
        return {}
    data = app.session_interface.get_signing_serializer(app).loads(cookie.value)
    return {k: v for k, v in data.items()}

out = {}
client = app.test_client()
client.environ_base["HTTP_USER_AGENT"] = sys.argv[2]
r = client.post("/login", data={"remember": "true"})
remember = [h for h in r.headers.getlist("Set-Cookie") if h.startswith("remember_token=")]
out["remember_header"] = remember[0] if remember else None
out["after_login"] = decoded(client)
client.delete_cookie("session")
client.post("/visit")
out["after_visit"] = decoded(client)
print(json.dumps(out))
"#;

#[tokio::test]
async fn remember_me_sends_what_real_flask_login_sends_and_restores_a_non_fresh_login() {
    let ok = Command::new("python3")
        .args(["-c", "import flask_login"])
        .status()
        .is_ok_and(|s| s.success());
    if !require(
        "python3 with Flask-Login",
        ok,
        "pip install -r tests/requirements.txt",
    ) {
        return;
    }
    let out = Command::new("python3")
        .args(["-c", FLASK_LOGIN, std::str::from_utf8(KEY).unwrap(), AGENT])
        .output()
        .expect("run Flask-Login");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let real: J = serde_json::from_slice(&out.stdout).unwrap();

    let (_, app) = site();
    let r = post_form(
        &app,
        "/sandbox/demo/remember/login",
        "username=student&remember=true",
        "",
    )
    .await;
    let mut jar = common::jar_after("", &r.set_cookies());
    // The remember cookie: the same value and attributes; only the date differs (Flask-Login
    // writes utcnow() + 365 days).
    let ours = r
        .set_cookies()
        .into_iter()
        .find(|h| h.starts_with("remember_token="))
        .expect("a remember cookie");
    let without_date = |h: &str| {
        h.split("; ")
            .filter(|p| !p.starts_with("Expires="))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let theirs = real["remember_header"].as_str().unwrap();
    assert_eq!(without_date(&ours), without_date(theirs));
    assert!(
        ours.contains("; Expires=Sat, 15 Jan 2028 08:00:00 GMT"),
        "{ours}"
    );
    // The session keys login_user() wrote, `_id` included (remote address and User-Agent).
    let session = session_of(&jar);
    for key in ["_user_id", "_fresh", "_id"] {
        assert_eq!(
            session[key], real["after_login"][key],
            "{key} after login_user()"
        );
    }
    // The browser closes: the session cookie goes, remember_token stays.
    let r = post_form(&app, "/sandbox/demo/remember/close", "", &jar).await;
    jar = common::jar_after(&jar, &r.set_cookies());
    assert!(cookie_value(&jar, "session").is_none(), "{jar}");
    assert!(cookie_value(&jar, "remember_token").is_some(), "{jar}");
    let r = post_form(&app, "/sandbox/demo/remember/visit", "", &jar).await;
    jar = common::jar_after(&jar, &r.set_cookies());
    assert_eq!(
        session_of(&jar),
        real["after_visit"],
        "restored from remember_token"
    );
    assert_eq!(session_of(&jar)["_fresh"], json!(false));
    let page = get(&app, "/en/lessons/remember-me", Some(&jar)).await;
    if page.status == 200 {
        assert!(
            page.body.contains("data-demo-status=\"remember\""),
            "the lesson shows the demo"
        );
    }
    // logout_user() deletes the remember cookie it was sent.
    let r = post_form(&app, "/sandbox/demo/remember/logout", "", &jar).await;
    assert!(
        r.set_cookies()
            .iter()
            .any(|h| h.starts_with("remember_token=; Expires=Thu, 01 Jan 1970")),
        "{:?}",
        r.set_cookies()
    );
}

#[tokio::test]
async fn a_forged_remember_cookie_restores_nobody() {
    let (_, app) = site();
    let forged = "remember_token=teacher|00ff";
    let r = post_form(&app, "/sandbox/demo/remember/visit", "", forged).await;
    let jar = common::jar_after(forged, &r.set_cookies());
    assert_eq!(session_of(&jar).get("_user_id"), None, "{jar}");
}

/// The replay demo's verdicts as the lesson page shows them: (without, with).
async fn verdicts(app: &axum::Router, jar: &str) -> (String, String) {
    let page = get(app, "/en/lessons/revocation", Some(jar)).await;
    let body = page.body;
    let verdict = |which: &str| {
        let at = body
            .find(&format!("data-replay=\"{which}\" data-verdict=\""))
            .unwrap_or_else(|| panic!("no {which} verdict on the page"));
        let rest = &body[at + format!("data-replay=\"{which}\" data-verdict=\"").len()..];
        rest[..rest.find('"').unwrap()].to_owned()
    };
    (verdict("without"), verdict("with"))
}

#[tokio::test]
async fn a_copied_cookie_outlives_a_logout_but_not_a_version_bump() {
    let (state, app) = site();
    if state
        .site()
        .library
        .lesson(cookie_course::i18n::Lang::En, "revocation")
        .is_none()
    {
        panic!("the revocation lesson is missing");
    }
    let mut jar = String::new();
    for (path, form) in [
        ("/sandbox/demo/replay/login", ""),
        ("/sandbox/demo/replay/copy", ""),
        ("/sandbox/demo/replay/logout", "everywhere=false"),
    ] {
        let r = post_form(&app, path, form, &jar).await;
        jar = common::jar_after(&jar, &r.set_cookies());
    }
    assert_eq!(
        verdicts(&app, &jar).await,
        ("replay-accepted".into(), "replay-accepted".into()),
        "session.clear() here leaves the copy logged in, with or without a version check"
    );
    for (path, form) in [
        ("/sandbox/demo/replay/login", ""),
        ("/sandbox/demo/replay/copy", ""),
        ("/sandbox/demo/replay/logout", "everywhere=true"),
    ] {
        let r = post_form(&app, path, form, &jar).await;
        jar = common::jar_after(&jar, &r.set_cookies());
    }
    assert_eq!(
        verdicts(&app, &jar).await,
        ("replay-accepted".into(), "replay-refused-version".into()),
        "after the bump only the version check refuses the copy"
    );
    // Copying with no session cookie is a 400 naming the field.
    let r = common::mem::post_json(&app, "/sandbox/demo/replay/copy", "", None).await;
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["field"], "session");
}

async fn get_host(app: &axum::Router, path: &str, host: &str, cookie: &str) -> Resp {
    let req = Request::get(path)
        .header(header::HOST, host)
        .header(header::COOKIE, cookie)
        .header("sec-fetch-site", "cross-site")
        .body(Body::empty())
        .unwrap();
    send(app, req).await
}

#[tokio::test]
async fn the_cross_site_demo_goes_to_the_other_loopback_name_or_explains_why_it_cannot() {
    let (_, app) = site();
    let r = get_host(&app, "/en/cross-site", "127.0.0.1:3000", "").await;
    assert_eq!(r.status, 303);
    assert_eq!(
        r.header("location"),
        Some("http://localhost:3000/en/cross-site/other")
    );
    let r = get_host(&app, "/ru/cross-site/other", "localhost:3000", "").await;
    assert_eq!(r.status, 200);
    assert!(
        r.body
            .contains("action=\"http://127.0.0.1:3000/ru/cross-site/report?via=form\"")
    );
    assert!(
        r.header("content-security-policy")
            .unwrap()
            .contains("form-action 'self' http://127.0.0.1:3000;"),
        "its form may post to the other site, and only there"
    );
    let r = get_host(
        &app,
        "/en/cross-site/report?via=link",
        "127.0.0.1:3000",
        "ss_lax=1; ss_unset=1",
    )
    .await;
    assert_eq!(r.status, 200);
    for (cookie, sent) in [
        ("ss_strict", "no"),
        ("ss_lax", "yes"),
        ("ss_none", "no"),
        ("ss_unset", "yes"),
    ] {
        assert!(
            r.body
                .contains(&format!("data-cookie=\"{cookie}\" data-sent=\"{sent}\"")),
            "{cookie}: {sent}"
        );
    }
    let r = get_host(&app, "/bn/cross-site", "192.168.1.20:3000", "").await;
    assert_eq!(r.status, 200, "no second site: the recorded outcome");
    assert!(r.body.contains("192.168.1.20:3000"));
    let r = common::mem::post_json(&app, "/sandbox/demo/samesite/set", "", None).await;
    let set = r.set_cookies();
    assert_eq!(set.len(), 4, "{set:?}");
    assert!(
        set.iter()
            .any(|h| h.contains("ss_none=") && h.contains("Secure") && h.contains("SameSite=None"))
    );
    assert!(
        set.iter()
            .any(|h| h.starts_with("ss_unset=") && !h.contains("SameSite"))
    );
}
