//! The state document (`docs/http.md`): what the browser holds after this response,
//! the session cookie taken apart, and the headers just sent.

use crate::i18n::{Arg, Lang};
use crate::session::Reason;
use crate::session::httpdate::rfc3339;
use crate::session::value::python_float_repr;
use crate::session::{Json, Keys, codec};
use crate::web::error::AppError;
use crate::web::exchange::Exchange;
use crate::web::state::AppState;
use serde_json::{Map, Value as J, json};

/// The payload as stored, tags included; NaN/±Infinity as strings, integers beyond 64 bits
/// as decimal strings (JSON numbers cannot carry them faithfully).
pub fn json_to_serde(j: &Json) -> J {
    match j {
        Json::Null => J::Null,
        Json::Bool(b) => J::Bool(*b),
        Json::Int(i) => json!(i),
        Json::BigInt(s) => s
            .parse::<u64>()
            .map_or_else(|_| J::String(s.clone()), |u| json!(u)),
        Json::Float(f) if f.is_finite() => json!(f),
        Json::Float(f) => J::String(python_float_repr(*f, "NaN", "Infinity")),
        Json::Str(s) => J::String(s.clone()),
        Json::Array(items) => J::Array(items.iter().map(json_to_serde).collect()),
        Json::Object(entries) => J::Object(
            entries
                .iter()
                .map(|(k, v)| (k.clone(), json_to_serde(v)))
                .collect::<Map<_, _>>(),
        ),
    }
}

/// The `session` object for `cookie` under `keys` at `now`, checked against `max_age`.
pub fn describe(cookie: Option<&str>, keys: Option<&Keys>, now: i64, max_age: Option<i64>) -> J {
    let Some(cookie) = cookie.filter(|c| !c.is_empty()) else {
        return json!({
            "cookie": null, "valid": false, "error": null, "reason": null, "explanation": null,
            "data": null, "python": null, "compressed": false, "signed_at": null,
            "permanent": false, "expires": null, "parts": null, "size": 0,
        });
    };
    let ins = codec::inspect(cookie, keys, now, max_age);
    let permanent = match &ins.value {
        Some(crate::session::Value::Dict(d)) => d.get("_permanent").is_some_and(|v| v.is_truthy()),
        _ => false,
    };
    let signed_at = ins.signed_at.and_then(|t| i64::try_from(t).ok());
    let expires = match (signed_at, max_age) {
        (Some(t), Some(m)) => t.checked_add(m).and_then(rfc3339),
        _ => None,
    };
    json!({
        "cookie": cookie,
        "valid": ins.is_valid(),
        "error": ins.error.as_ref().map(|r| r.kind().as_str()),
        "reason": ins.error.as_ref().map(|r| r.code()),
        "explanation": ins.error.as_ref().map(|r| r.to_string()),
        "data": ins.json.as_ref().map(json_to_serde),
        "python": ins.value.as_ref().map(|v| v.python_repr()),
        "compressed": ins.compressed,
        "signed_at": signed_at.and_then(rfc3339),
        "permanent": permanent,
        "expires": expires,
        "parts": {"payload": ins.payload, "timestamp": ins.timestamp, "signature": ins.signature},
        "key_index": ins.key_index,
        "size": cookie.len(),
    })
}

/// The state document for this exchange, after the handler ran. With `lang`, it also
/// carries the panel's messages in that language.
pub fn build(state: &AppState, exchange: &Exchange, lang: Option<Lang>) -> Result<J, AppError> {
    let set_cookie = exchange.set_cookie_headers(state)?;
    let saved = exchange.commit(state)?;
    let inner = exchange.lock();
    let mut cookies = Map::new();
    for (name, value) in &inner.cookies {
        cookies
            .entry(name.clone())
            .or_insert_with(|| J::String(value.clone()));
    }
    // The cookie the browser holds after this response: the new one if one was sent.
    let cookie = match &saved.cookie {
        Some(new) => Some(new.as_str()),
        None => inner.cookie(&inner.config.cookie_name),
    };
    if let Some(server) = &inner.server {
        return Ok(server_side_doc(
            state, &inner, server, &saved, set_cookie, lang,
        ));
    }
    let mut session = describe(
        cookie,
        Some(&state.keys),
        inner.now as i64,
        Some(inner.config.lifetime),
    );
    if let Some(reason) = inner
        .session
        .open_error()
        .filter(|_| saved.cookie.is_none())
    {
        session["opened_with"] = json!({"error": reason.kind().as_str(), "reason": reason.code()});
    }
    session["lifetime"] = json!(inner.config.lifetime);
    if let Some(lang) = lang {
        let now = inner.now as i64;
        let reason = cookie.and_then(|c| {
            codec::inspect(c, Some(&state.keys), now, Some(inner.config.lifetime)).error
        });
        session["reason_text"] = json!(reason.map(|r| reason_text(state, lang, &r)));
    }
    Ok(json!({
        "cookies": cookies,
        "cookie_header": inner.cookie_header,
        "session": session,
        "set_cookie": set_cookie,
        "store": {"mode": "cookie", "key": null, "ttl": null},
        "flashed": inner.flashed.as_ref().map(|f| f.iter().map(|(c, m)| json!({"category": c, "message": m})).collect::<Vec<_>>()),
        "now": rfc3339(inner.now as i64),
    }))
}

/// Why a session cookie was refused, in the learner's language.
pub fn reason_text(state: &AppState, lang: Lang, reason: &Reason) -> String {
    let loc = &state.site().loc;
    let args: Vec<(&str, Arg)> = match reason {
        Reason::TooOld { age, max_age } => vec![
            ("age", Arg::Num(*age as f64)),
            ("max", Arg::Num(*max_age as f64)),
        ],
        Reason::FromTheFuture { ahead } => vec![("ahead", Arg::Num(*ahead as f64))],
        _ => vec![],
    };
    let why = loc.text(lang, &format!("reason-{}", reason.code()), &args);
    loc.text(
        lang,
        "sandbox-session-invalid",
        &[("reason", Arg::Str(why))],
    )
}

/// The state document of a server-side session: the opaque id in the cookie, the stored
/// record beside it, its store key and TTL.
fn server_side_doc(
    state: &AppState,
    inner: &crate::web::exchange::Inner,
    server: &crate::web::exchange::ServerSide,
    saved: &crate::session::flask::Saved,
    set_cookie: Vec<String>,
    lang: Option<Lang>,
) -> J {
    use crate::session::flask::StoreOp;
    let mut cookies = Map::new();
    for (name, value) in &inner.cookies {
        cookies
            .entry(name.clone())
            .or_insert_with(|| J::String(value.clone()));
    }
    let data = inner.session.peek();
    let (ttl, size, stored) = match &saved.store {
        Some(StoreOp::Set { ttl, value, .. }) => (Some(*ttl), value.len(), true),
        Some(StoreOp::Delete(_)) => (None, 0, false),
        None => (
            server.ttl_at_open,
            crate::session::msgpack::encode(data).map_or(0, |b| b.len()),
            server.found,
        ),
    };
    let cookie = match &saved.cookie {
        Some(c) if c.is_empty() => None,
        Some(c) => Some(c.clone()),
        None => inner.cookie(&inner.config.cookie_name).map(str::to_owned),
    };
    let record = crate::session::tagged::tag_dict(data)
        .map(|j| json_to_serde(&j))
        .unwrap_or(J::Null);
    let permanent = data.get("_permanent").is_some_and(|v| v.is_truthy());
    let now = inner.now as i64;
    // The cookie named a record the store no longer has: say so, instead of looking like a
    // learner who never had a session.
    let lost = server.lost.filter(|_| !stored);
    let lost_text = lost.zip(lang).map(|(gone, lang)| {
        state
            .site()
            .loc
            .text(lang, &format!("sandbox-store-lost-{}", gone.as_str()), &[])
    });
    json!({
        "cookies": cookies,
        "cookie_header": inner.cookie_header,
        "session": {
            "cookie": cookie,
            "valid": stored,
            "error": null,
            "reason": null,
            "explanation": null,
            "data": if stored { record.clone() } else { J::Null },
            "python": crate::session::Value::Dict(data.clone()).python_repr(),
            "compressed": false,
            "signed_at": null,
            "permanent": permanent,
            "expires": ttl.and_then(|t| rfc3339(now + t)),
            "parts": null,
            "size": cookie.as_ref().map_or(0, String::len),
            "lifetime": inner.config.lifetime,
            "reason_text": lost_text,
        },
        "set_cookie": set_cookie,
        "store": {
            "mode": "server",
            "backend": state.store.kind(),
            "key": server.key,
            "ttl": ttl,
            "record": if stored { record } else { J::Null },
            "record_size": size,
            "lost": lost.map(crate::store::Gone::as_str),
        },
        "flashed": inner.flashed.as_ref().map(|f| f.iter().map(|(c, m)| json!({"category": c, "message": m})).collect::<Vec<_>>()),
        "now": rfc3339(now),
    })
}
