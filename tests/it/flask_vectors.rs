//! Every conformance vector produced by real Flask: encoding byte for byte, decoding
//! outcomes, the session's Set-Cookie/Vary decisions and Werkzeug's cookie headers.

use crate::common;

use common::typed::{dict, keys, same, value};
use cookie_course::session::codec::{self, ErrorKind};
use cookie_course::session::set_cookie::{CookieSpec, Expires, SameSite};
use cookie_course::session::{Session, SessionConfig, Value};
use serde_json::Value as J;

#[test]
fn every_encode_vector_is_reproduced_byte_for_byte() {
    let v = common::vectors();
    let cases = v["encode"].as_array().unwrap();
    assert!(cases.len() >= 18);
    for case in cases {
        let id = case["id"].as_str().unwrap();
        let k = keys(case);
        assert_eq!(
            k.derived_key_hex(),
            case["parts"]["derived_key_hex"].as_str().unwrap(),
            "{id}"
        );
        let session = dict(&case["session"]);
        let enc = codec::dumps(&session, &k, case["timestamp"].as_i64().unwrap()).unwrap();
        assert_eq!(
            enc.json,
            case["payload_json"].as_str().unwrap(),
            "{id}: JSON text"
        );
        assert_eq!(
            enc.compressed,
            case["compressed"].as_bool().unwrap(),
            "{id}: compression"
        );
        // Our zlib is the system zlib (flate2's `zlib` feature), so compressed cookies match
        // CPython's byte for byte too.
        assert_eq!(enc.cookie, case["cookie"].as_str().unwrap(), "{id}: cookie");

        let back =
            codec::loads(&enc.cookie, &k, case["timestamp"].as_i64().unwrap(), None).unwrap();
        let want = value(&case["decoded"]);
        assert!(
            same(&Value::Dict(back), &want),
            "{id}: decodes to what Flask reads back"
        );
    }
}

#[test]
fn every_decode_vector_has_the_outcome_flask_reported() {
    let v = common::vectors();
    for case in v["decode"].as_array().unwrap() {
        let id = case["id"].as_str().unwrap();
        let k = keys(case);
        let ins = codec::inspect(
            case["cookie"].as_str().unwrap(),
            Some(&k),
            case["now"].as_i64().unwrap(),
            case["max_age"].as_i64(),
        );
        let outcome = case["outcome"].as_str().unwrap();
        let got = ins.error.as_ref().map_or("ok", |r| r.kind().as_str());
        assert_eq!(got, outcome, "{id}: {:?}", ins.error);
        if outcome == "ok" {
            let data = codec::loads(
                case["cookie"].as_str().unwrap(),
                &k,
                case["now"].as_i64().unwrap(),
                case["max_age"].as_i64(),
            )
            .unwrap();
            assert!(same(&Value::Dict(data), &value(&case["expected"])), "{id}");
        }
        // Where real Flask answered 500 we explain instead; everywhere else we open the same
        // session Flask did.
        if case["flask"]["status"] == 200 {
            let mut s = Session::open(
                Some(case["cookie"].as_str().unwrap()),
                &k,
                &SessionConfig {
                    lifetime: case["max_age"].as_i64().unwrap(),
                    ..SessionConfig::default()
                },
                case["now"].as_i64().unwrap(),
            );
            let _ = s.get("_");
            assert!(
                same(
                    &Value::Dict(s.peek().clone()),
                    &value(&case["flask"]["session"])
                ),
                "{id}"
            );
        } else {
            assert_eq!(
                ins.error.as_ref().map(|r| r.kind()),
                Some(ErrorKind::Malformed),
                "{id}"
            );
        }
    }
}

fn config(c: &J) -> SessionConfig {
    SessionConfig {
        cookie_name: c["SESSION_COOKIE_NAME"].as_str().unwrap().into(),
        domain: c["SESSION_COOKIE_DOMAIN"].as_str().map(Into::into),
        path: c["SESSION_COOKIE_PATH"]
            .as_str()
            .or(c["APPLICATION_ROOT"].as_str())
            .unwrap()
            .into(),
        httponly: c["SESSION_COOKIE_HTTPONLY"].as_bool().unwrap(),
        secure: c["SESSION_COOKIE_SECURE"].as_bool().unwrap(),
        samesite: c["SESSION_COOKIE_SAMESITE"]
            .as_str()
            .and_then(SameSite::parse),
        partitioned: c["SESSION_COOKIE_PARTITIONED"].as_bool().unwrap(),
        lifetime: c["PERMANENT_SESSION_LIFETIME"].as_i64().unwrap(),
        refresh_each_request: c["SESSION_REFRESH_EACH_REQUEST"].as_bool().unwrap(),
        max_cookie_size: c["MAX_COOKIE_SIZE"].as_u64().unwrap() as usize,
    }
}

#[test]
fn every_session_header_vector_sends_what_flask_sent() {
    let v = common::vectors();
    for case in v["session_headers"].as_array().unwrap() {
        let id = case["id"].as_str().unwrap();
        let k = keys(case);
        let cfg = config(&case["config"]);
        let now = case["now"].as_f64().unwrap();
        let mut s = Session::open(case["request_cookie"].as_str(), &k, &cfg, now as i64);
        let ops = case["ops"].as_array().unwrap();
        if !ops.is_empty() {
            assert!(
                same(
                    &Value::Dict(s.peek().clone()),
                    &value(&case["expected"]["opened_session"])
                ),
                "{id}"
            );
        }
        for op in ops {
            let key = op["key"].as_str().unwrap_or_default();
            match op["op"].as_str().unwrap() {
                "set" => s.set(key, value(&op["value"])),
                "delete" | "pop" => {
                    s.pop(key);
                }
                "clear" => s.clear(),
                "permanent" => s.set_permanent(op["value"].as_bool().unwrap()),
                "read" => {
                    s.get(key);
                }
                "append" => {
                    if let Some(Value::List(items)) = s.get_mut_untracked(key) {
                        items.push(value(&op["value"]));
                    }
                }
                "mark_modified" => s.mark_modified(),
                other => panic!("{id}: unknown op {other}"),
            }
        }
        let saved = s.save(&k, &cfg, now).unwrap();
        let want: Vec<&str> = case["expected"]["set_cookie"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap())
            .collect();
        let got: Vec<&str> = saved.set_cookie.iter().map(String::as_str).collect();
        assert_eq!(got, want, "{id}");
        assert_eq!(
            saved.vary_cookie,
            case["expected"]["vary"] == "Cookie",
            "{id}: Vary"
        );
        if !ops.is_empty() {
            assert!(
                same(
                    &Value::Dict(s.peek().clone()),
                    &value(&case["expected"]["final_session"])
                ),
                "{id}"
            );
        }
    }
}

#[test]
fn every_set_cookie_vector_matches_werkzeug() {
    let v = common::vectors();
    for case in v["set_cookie_headers"].as_array().unwrap() {
        let id = case["id"].as_str().unwrap();
        let a = &case["args"];
        let mut spec = CookieSpec::new(
            a["key"].as_str().unwrap(),
            a["value"].as_str().unwrap_or(""),
        );
        spec.path = a["path"].as_str().map(Into::into);
        spec.domain = a["domain"].as_str().map(Into::into);
        spec.secure = a["secure"].as_bool().unwrap_or(false);
        spec.httponly = a["httponly"].as_bool().unwrap_or(false);
        spec.samesite = a["samesite"].as_str().map(|s| SameSite::parse(s).unwrap());
        spec.partitioned = a["partitioned"].as_bool().unwrap_or(false);
        spec.max_age = match &a["max_age"] {
            J::Null => None,
            J::Number(n) => n.as_i64(),
            J::Object(o) => Some(o["timedelta_seconds"].as_f64().unwrap().trunc() as i64),
            other => panic!("{id}: {other}"),
        };
        spec.expires = match &a["expires"] {
            J::Null => None,
            J::Object(o) if o.contains_key("unix") => {
                Some(Expires::At(o["unix"].as_i64().unwrap()))
            }
            J::Object(o) if o.contains_key("datetime") => {
                match value(&serde_json::json!({"$datetime": o["datetime"]})) {
                    Value::DateTime(dt) => Some(Expires::At(dt.unix)),
                    other => panic!("{id}: {other:?}"),
                }
            }
            J::Object(o) if o.contains_key("string") => {
                Some(Expires::Verbatim(o["string"].as_str().unwrap().into()))
            }
            other => panic!("{id}: unsupported expires {other}"),
        };
        if case["call"] == "delete_cookie" {
            spec = spec.deletion();
        }
        let header = spec.to_header(case["now"].as_f64().unwrap()).unwrap();
        // Werkzeug's header string shows each UTF-8 byte of a name as one Latin-1 char.
        let want: Vec<u8> = case["expected"]["set_cookie"]
            .as_str()
            .unwrap()
            .chars()
            .map(|c| c as u32 as u8)
            .collect();
        assert_eq!(header.as_bytes(), want.as_slice(), "{id}");
        assert_eq!(
            header.len() as u64,
            case["expected"]["length"].as_u64().unwrap(),
            "{id}"
        );
        assert_eq!(
            header.len() > case["max_cookie_size"].as_u64().unwrap() as usize,
            case["expected"]["size_warning"].as_bool().unwrap(),
            "{id}"
        );
    }
}

#[test]
fn the_vectors_still_match_the_installed_flask() {
    let has_flask = std::process::Command::new("python3")
        .args(["-c", "import flask"])
        .status()
        .is_ok_and(|s| s.success());
    if !crate::common::peers::require(
        "python3 with Flask",
        has_flask,
        "pip install -r tests/requirements.txt",
    ) {
        return;
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/flask");
    let out = std::process::Command::new("python3")
        .arg(format!("{dir}/make_vectors.py"))
        .args(["--verify", &format!("{dir}/vectors.json")])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("verified 48 vectors"), "{text}");
}
