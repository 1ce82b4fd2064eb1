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
use serde::Serialize;
use serde_json::{Map, Value as J, json};
use std::collections::BTreeMap;

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

/// The three parts of a signed cookie, as they travel.
#[derive(Debug, Clone, Serialize)]
pub struct Parts {
    pub payload: String,
    pub timestamp: String,
    pub signature: String,
}

/// Why the session the request carried was dropped when it was opened.
#[derive(Debug, Clone, Serialize)]
pub struct OpenedWith {
    pub error: &'static str,
    pub reason: &'static str,
}

/// The `session` object of the state document (and of `POST /api/decode`): one cookie taken
/// apart and checked.
#[derive(Debug, Clone, Serialize)]
pub struct SessionView {
    pub cookie: Option<String>,
    /// The signature verifies, the age is within `max_age`, and the payload decodes.
    pub valid: bool,
    /// `bad_signature`, `expired`, `malformed` or `no_key`.
    pub error: Option<&'static str>,
    /// The precise reason code (`reason-…` messages in the locales).
    pub reason: Option<&'static str>,
    /// The reason in English.
    pub explanation: Option<String>,
    /// The payload JSON exactly as stored, tags included.
    pub data: Option<J>,
    /// The payload as Python's `repr` prints it.
    pub python: Option<String>,
    pub compressed: bool,
    pub signed_at: Option<String>,
    pub permanent: bool,
    pub expires: Option<String>,
    pub parts: Option<Parts>,
    /// Which key verified it: 0 the current one, then the fallbacks.
    pub key_index: Option<usize>,
    /// Bytes of the cookie value.
    pub size: usize,
    /// The `PERMANENT_SESSION_LIFETIME` in force (state documents only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lifetime: Option<i64>,
    /// Why it is not valid, in the learner's language (with `lang`).
    pub reason_text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opened_with: Option<OpenedWith>,
}

/// The `session` object for `cookie` under `keys` at `now`, checked against `max_age`.
pub fn describe(
    cookie: Option<&str>,
    keys: Option<&Keys>,
    now: i64,
    max_age: Option<i64>,
) -> SessionView {
    let Some(cookie) = cookie.filter(|c| !c.is_empty()) else {
        return SessionView {
            cookie: None,
            valid: false,
            error: None,
            reason: None,
            explanation: None,
            data: None,
            python: None,
            compressed: false,
            signed_at: None,
            permanent: false,
            expires: None,
            parts: None,
            key_index: None,
            size: 0,
            lifetime: None,
            reason_text: None,
            opened_with: None,
        };
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
    SessionView {
        cookie: Some(cookie.to_owned()),
        valid: ins.is_valid(),
        error: ins.error.as_ref().map(|r| r.kind().as_str()),
        reason: ins.error.as_ref().map(Reason::code),
        explanation: ins.error.as_ref().map(ToString::to_string),
        data: ins.json.as_ref().map(json_to_serde),
        python: ins.value.as_ref().map(crate::session::Value::python_repr),
        compressed: ins.compressed,
        signed_at: signed_at.and_then(rfc3339),
        permanent,
        expires,
        parts: Some(Parts {
            payload: ins.payload,
            timestamp: ins.timestamp,
            signature: ins.signature,
        }),
        key_index: ins.key_index,
        size: cookie.len(),
        lifetime: None,
        reason_text: None,
        opened_with: None,
    }
}

/// A message `get_flashed_messages(with_categories=True)` returned.
#[derive(Debug, Clone, Serialize)]
pub struct Flash {
    pub category: String,
    pub message: String,
}

/// Where this learner's demo session lives.
#[derive(Debug, Clone, Serialize)]
pub struct StoreView {
    /// `cookie` or `server`.
    pub mode: &'static str,
    /// `embedded` or `redis` (server mode).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backend: Option<&'static str>,
    /// `session:<sid>`, Flask-Session's key.
    pub key: Option<String>,
    /// Seconds before the record expires.
    pub ttl: Option<i64>,
    /// The stored record, tags included (server mode).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<J>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record_size: Option<usize>,
    /// The cookie named a record the store no longer has: `expired`, `evicted`, `unknown`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lost: Option<&'static str>,
}

/// The state document: what the browser holds after this response.
#[derive(Debug, Clone, Serialize)]
pub struct StateDoc {
    /// What this request carried, first of each name (never the instructor token).
    pub cookies: BTreeMap<String, String>,
    /// The `Cookie` header as the browser sent it (never the instructor token).
    pub cookie_header: Option<String>,
    pub session: SessionView,
    /// `Set-Cookie` headers this response sends, in order.
    pub set_cookie: Vec<String>,
    pub store: StoreView,
    /// `get_flashed_messages()` of this request, if the action showed them.
    pub flashed: Option<Vec<Flash>>,
    /// The server's clock, RFC 3339.
    pub now: Option<String>,
}

fn first_cookies(inner: &crate::web::exchange::Inner) -> BTreeMap<String, String> {
    let mut cookies = BTreeMap::new();
    for (name, value) in &inner.cookies {
        cookies.entry(name.clone()).or_insert_with(|| value.clone());
    }
    cookies
}

fn flashes(inner: &crate::web::exchange::Inner) -> Option<Vec<Flash>> {
    inner.flashed.as_ref().map(|f| {
        f.iter()
            .map(|(c, m)| Flash {
                category: c.clone(),
                message: m.clone(),
            })
            .collect()
    })
}

/// The state document for this exchange, after the handler ran. With `lang`, it also
/// carries the panel's messages in that language.
pub fn build(
    state: &AppState,
    exchange: &Exchange,
    lang: Option<Lang>,
) -> Result<StateDoc, AppError> {
    let set_cookie = exchange.set_cookie_headers(state)?;
    let saved = exchange.commit(state)?;
    let inner = exchange.lock();
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
        session.opened_with = Some(OpenedWith {
            error: reason.kind().as_str(),
            reason: reason.code(),
        });
    }
    session.lifetime = Some(inner.config.lifetime);
    if let Some(lang) = lang {
        let now = inner.now as i64;
        let reason = cookie.and_then(|c| {
            codec::inspect(c, Some(&state.keys), now, Some(inner.config.lifetime)).error
        });
        session.reason_text = reason.map(|r| reason_text(state, lang, &r));
    }
    Ok(StateDoc {
        cookies: first_cookies(&inner),
        cookie_header: inner.cookie_header.clone(),
        session,
        set_cookie,
        store: StoreView {
            mode: "cookie",
            backend: None,
            key: None,
            ttl: None,
            record: None,
            record_size: None,
            lost: None,
        },
        flashed: flashes(&inner),
        now: rfc3339(inner.now as i64),
    })
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
) -> StateDoc {
    use crate::session::flask::StoreOp;
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
    StateDoc {
        cookies: first_cookies(inner),
        cookie_header: inner.cookie_header.clone(),
        session: SessionView {
            size: cookie.as_ref().map_or(0, String::len),
            cookie,
            valid: stored,
            error: None,
            reason: None,
            explanation: None,
            data: stored.then(|| record.clone()),
            python: Some(crate::session::Value::Dict(data.clone()).python_repr()),
            compressed: false,
            signed_at: None,
            permanent,
            expires: ttl.and_then(|t| rfc3339(now + t)),
            parts: None,
            key_index: None,
            lifetime: Some(inner.config.lifetime),
            reason_text: lost_text,
            opened_with: None,
        },
        set_cookie,
        store: StoreView {
            mode: "server",
            backend: Some(state.store.kind()),
            key: Some(server.key.clone()),
            ttl,
            record: Some(if stored { record } else { J::Null }),
            record_size: Some(size),
            lost: lost.map(crate::store::Gone::as_str),
        },
        flashed: flashes(inner),
        now: rfc3339(now),
    }
}
