//! The sandbox API (`docs/http.md`): each route does what a Flask view would do to the
//! learner's real session or cookies, then answers with the state document (JSON) or a
//! redirect back to the lesson (forms).

use crate::i18n::Lang;
use crate::session::Value;
use crate::session::set_cookie::{CookieSpec, Expires, SameSite};
use crate::web::error::AppError;
use crate::web::exchange::Exchange;
use crate::web::form::Form;
use crate::web::state::AppState;
use crate::web::state_doc;
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

pub use crate::web::exchange::lifetime_for;
pub use crate::web::site_cookies::{LIFETIME_COOKIE, MIN_LIFETIME, STORE_COOKIE};
/// Longest session key accepted, in bytes.
pub const MAX_KEY_LEN: usize = 128;
/// Browsers keep a cookie at most 400 days; a year back lets learners delete by date.
const MAX_AGE_RANGE: std::ops::RangeInclusive<i64> = -31_536_000..=34_560_000;

/// How to answer a sandbox request, decided (and `next` and `lang` validated) before
/// anything changes.
pub struct Reply {
    /// A form post's way back to the lesson, unless the client asked for JSON.
    redirect: Option<String>,
    /// The learner's language, for messages in the state document and flashes.
    pub lang: Option<Lang>,
}

impl Reply {
    pub fn new(headers: &HeaderMap, form: &Form) -> Result<Self, AppError> {
        let wants_json = headers
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|a| a.contains("application/json"));
        let next = form.get("next").map(validate_next).transpose()?;
        let lang = match form.optional("lang") {
            None => None,
            Some(code) => Some(Lang::from_code(code).ok_or_else(|| {
                AppError::field("lang", format!("{code:?} is not one of en, ru, uk, bn"))
            })?),
        };
        Ok(Reply {
            redirect: next.filter(|_| !wants_json),
            lang,
        })
    }

    /// A 303 to `next` (carrying the id of the headers just sent), else the state document.
    pub fn send(self, state: &AppState, exchange: &Exchange) -> Result<Response, AppError> {
        // Decide the cookie now, so an oversized session is refused before anything is sent.
        exchange.commit(state)?;
        match self.redirect {
            Some(next) => {
                let sent = exchange.set_cookie_headers(state)?;
                let owner = browser_after(state, exchange)?;
                let next = match owner {
                    Some(owner) if !sent.is_empty() => {
                        crate::web::recent::with_sent(&next, state.recent.put(owner, sent))
                    }
                    _ => next,
                };
                Ok((StatusCode::SEE_OTHER, [(header::LOCATION, next)]).into_response())
            }
            None => Ok(Json(state_doc::build(state, exchange, self.lang)?).into_response()),
        }
    }
}

/// Who the browser is after this response: the session cookie it will hold (the new one if
/// one is sent), else its progress cookie.
fn browser_after(
    state: &AppState,
    exchange: &Exchange,
) -> Result<Option<crate::web::recent::Owner>, AppError> {
    let saved = exchange.commit(state)?;
    let inner = exchange.lock();
    let session = match &saved.cookie {
        Some(new) => Some(new.as_str()),
        None => inner.cookie(&inner.config.cookie_name),
    };
    Ok(crate::web::recent::owner(
        session,
        inner.cookie(crate::web::site_cookies::PROGRESS),
    ))
}

/// The browser a request comes from, as [`browser_after`] named it.
pub fn browser_now(exchange: &Exchange) -> Option<crate::web::recent::Owner> {
    let inner = exchange.lock();
    crate::web::recent::owner(
        inner.cookie(&inner.config.cookie_name),
        inner.cookie(crate::web::site_cookies::PROGRESS),
    )
}

/// A sandbox form post, parsed, with `next` and `lang` already validated: every sandbox
/// route starts from one.
pub struct SandboxPost {
    pub form: Form,
    pub reply: Reply,
}

impl<S: Send + Sync> axum::extract::FromRequest<S> for SandboxPost {
    type Rejection = Response;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Self::Rejection> {
        let headers = req.headers().clone();
        let body = Bytes::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let form = Form::parse(&body);
        let reply = Reply::new(&headers, &form).map_err(IntoResponse::into_response)?;
        Ok(SandboxPost { form, reply })
    }
}

/// A path on this site: `/…`, not `//host` or `/\host`, no control characters.
pub fn validate_next(next: &str) -> Result<String, AppError> {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && next.len() <= 2048
        && !next.chars().any(|c| c.is_control() || c == '\\');
    if ok {
        Ok(next.to_owned())
    } else {
        Err(AppError::field(
            "next",
            "must be a path on this site, starting with one '/'",
        ))
    }
}

pub fn session_key(form: &Form) -> Result<String, AppError> {
    let key = form.require("key")?;
    if key.is_empty() {
        return Err(AppError::field("key", "must not be empty"));
    }
    if key.len() > MAX_KEY_LEN {
        return Err(AppError::field(
            "key",
            format!("{} bytes is longer than {MAX_KEY_LEN}", key.len()),
        ));
    }
    Ok(key.to_owned())
}

/// Apply `change` to a copy of the session; keep it only if the cookie still fits.
pub fn change_session(
    state: &AppState,
    exchange: &Exchange,
    change: impl FnOnce(&mut crate::session::Session),
) -> Result<(), AppError> {
    let mut inner = exchange.lock();
    let before = inner.session.clone();
    change(inner.session_mut());
    let result = inner.session.save(&state.keys, &inner.config, inner.now);
    if let Err(too_large) = result {
        // Nothing changes: the browser keeps the cookie it has.
        *inner.session_mut() = before;
        return Err(too_large.into());
    }
    Ok(())
}

/// `GET /sandbox/state[?lang=…]`.
pub async fn state(
    State(state): State<AppState>,
    exchange: Exchange,
    uri: axum::http::Uri,
) -> Result<Json<state_doc::StateDoc>, AppError> {
    let query = Form::parse(uri.query().unwrap_or("").as_bytes());
    let lang = query.optional("lang").and_then(Lang::from_code);
    Ok(Json(state_doc::build(&state, &exchange, lang)?))
}

pub async fn session_set(
    State(state): State<AppState>,
    exchange: Exchange,
    SandboxPost { form, reply }: SandboxPost,
) -> Result<Response, AppError> {
    let key = session_key(&form)?;
    let value = form.require("value")?.to_owned();
    change_session(&state, &exchange, |s| s.set(key, Value::Str(value)))?;
    reply.send(&state, &exchange)
}

pub async fn session_pop(
    State(state): State<AppState>,
    exchange: Exchange,
    SandboxPost { form, reply }: SandboxPost,
) -> Result<Response, AppError> {
    let key = session_key(&form)?;
    change_session(&state, &exchange, |s| {
        s.pop(&key);
    })?;
    reply.send(&state, &exchange)
}

pub async fn session_clear(
    State(state): State<AppState>,
    exchange: Exchange,
    SandboxPost { reply, .. }: SandboxPost,
) -> Result<Response, AppError> {
    change_session(&state, &exchange, crate::session::Session::clear)?;
    reply.send(&state, &exchange)
}

pub async fn session_permanent(
    State(state): State<AppState>,
    exchange: Exchange,
    SandboxPost { form, reply }: SandboxPost,
) -> Result<Response, AppError> {
    let permanent = match form.require("permanent")?.trim() {
        "true" | "on" | "1" => true,
        "false" | "off" | "0" => false,
        other => {
            return Err(AppError::field(
                "permanent",
                format!("{other:?} is not true or false"),
            ));
        }
    };
    let lifetime = form.int_in("lifetime", MIN_LIFETIME..=state.session_config.lifetime)?;
    {
        let mut inner = exchange.lock();
        if let Some(l) = lifetime {
            inner.config.lifetime = l;
            let mut spec = CookieSpec::new(LIFETIME_COOKIE, l.to_string());
            spec.max_age = Some(state.session_config.lifetime);
            spec.samesite = Some(SameSite::Lax);
            inner.set_cookie(&spec);
        }
    }
    change_session(&state, &exchange, |s| s.set_permanent(permanent))?;
    reply.send(&state, &exchange)
}

/// RFC 6265 `token`: visible ASCII except separators.
pub fn is_token(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| (0x21..0x7f).contains(&b) && !b"()<>@,;:\\\"/[]?={}".contains(&b))
}

fn cookie_name(form: &Form) -> Result<String, AppError> {
    let name = form.require("name")?;
    if crate::web::site_cookies::is_reserved(name) {
        return Err(AppError::field(
            "name",
            format!(
                "{name:?} is one of this site's own cookies ({}); the sandbox cannot set, delete or shadow it, so choose another name",
                crate::web::site_cookies::RESERVED.join(", ")
            ),
        ));
    }
    if !is_token(name) {
        return Err(AppError::field(
            "name",
            "a cookie name must be letters, digits and !#$%&'*+-.^_`|~ only (an RFC 6265 token)",
        ));
    }
    if name.len() > 256 {
        return Err(AppError::field("name", "is longer than 256 bytes"));
    }
    Ok(name.to_owned())
}

/// `POST /sandbox/cookies/set`'s fields as the cookie to set: every attribute validated, the
/// first bad field named. Pure, so the fuzzer drives it directly.
pub fn cookie_from_form(form: &Form) -> Result<CookieSpec, AppError> {
    let name = cookie_name(form)?;
    let value = form.require("value")?.to_owned();
    // Werkzeug escapes control characters up to U+0019 and U+007F, but writes U+001A–U+001F
    // as they are, and no HTTP header may carry them: refuse instead of sending a header the
    // server would have to drop.
    if let Some(c) = value.chars().find(|c| ('\u{1a}'..='\u{1f}').contains(c)) {
        return Err(AppError::field(
            "value",
            format!(
                "contains the control character U+{:04X}, which Werkzeug leaves unescaped and no Set-Cookie header may carry",
                c as u32
            ),
        ));
    }
    let mut spec = cookie_spec(form, name, value)?;
    spec.max_age = form.int_in("max_age", MAX_AGE_RANGE)?;
    spec.expires = form
        .optional("expires")
        .map(parse_expires)
        .transpose()?
        .map(Expires::At);
    Ok(spec)
}

fn parse_expires(raw: &str) -> Result<i64, AppError> {
    let bad = || {
        AppError::field(
            "expires",
            format!("{raw:?} is not a date (use 2030-01-31T12:00, Unix seconds or an HTTP date)"),
        )
    };
    let t = if let Ok(n) = raw.parse::<i64>() {
        n
    } else if let Some(dt) = parse_iso_utc(raw) {
        dt
    } else {
        crate::session::httpdate::parse_rfc2822(raw)
            .map(|d| d.unix)
            .ok_or_else(bad)?
    };
    // Browsers and Werkzeug both handle 1970 … 9999.
    if !(0..=crate::session::httpdate::MAX_UNIX).contains(&t) {
        return Err(AppError::field(
            "expires",
            format!("{raw:?} is outside 1970–9999"),
        ));
    }
    Ok(t)
}

/// `YYYY-MM-DDTHH:MM[:SS][Z]`, as `<input type="datetime-local">` sends it, read as UTC.
fn parse_iso_utc(raw: &str) -> Option<i64> {
    let raw = raw.trim_end_matches('Z');
    let (date, time) = raw.split_once(['T', ' '])?;
    let d: Vec<&str> = date.split('-').collect();
    let t: Vec<&str> = time.split(':').collect();
    if d.len() != 3 || !(2..=3).contains(&t.len()) {
        return None;
    }
    let num = |s: &str, max: u32| s.parse::<u32>().ok().filter(|n| *n <= max);
    let (y, m, day) = (d[0].parse::<i64>().ok()?, num(d[1], 12)?, num(d[2], 31)?);
    let (hh, mm) = (num(t[0], 23)?, num(t[1], 59)?);
    let ss = t.get(2).map_or(Some(0), |s| num(s, 59))?;
    if m == 0 || day == 0 {
        return None;
    }
    Some(
        crate::session::httpdate::days_from_civil(y, m, day)? * 86_400
            + i64::from(hh * 3600 + mm * 60 + ss),
    )
}

fn cookie_spec(form: &Form, name: String, value: String) -> Result<CookieSpec, AppError> {
    let mut spec = CookieSpec::new(name, value);
    if let Some(path) = form.optional("path") {
        if !path.starts_with('/') || path.len() > 256 || path.chars().any(char::is_control) {
            return Err(AppError::field(
                "path",
                "must start with '/' (at most 256 characters)",
            ));
        }
        spec.path = Some(path.to_owned());
    }
    if let Some(domain) = form.optional("domain") {
        let ok = domain.len() <= 253
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
        if !ok {
            return Err(AppError::field(
                "domain",
                "must be a host name such as example.com",
            ));
        }
        spec.domain = Some(domain.to_owned());
    }
    spec.secure = form.flag("secure", false)?;
    spec.httponly = form.flag("httponly", false)?;
    spec.samesite = match form.optional("samesite") {
        None => None,
        Some(s) => Some(SameSite::parse(s).ok_or_else(|| {
            AppError::field("samesite", format!("{s:?} is not Lax, Strict or None"))
        })?),
    };
    Ok(spec)
}

pub async fn cookies_set(
    State(state): State<AppState>,
    exchange: Exchange,
    SandboxPost { form, reply }: SandboxPost,
) -> Result<Response, AppError> {
    let spec = cookie_from_form(&form)?;
    {
        let mut inner = exchange.lock();
        let header = spec
            .to_header(inner.now)
            .ok_or_else(|| AppError::field("expires", "is out of range"))?;
        let limit = inner.config.max_cookie_size;
        if header.len() > limit {
            return Err(AppError::TooLarge {
                field: "value",
                subject: format!("the cookie {:?}", spec.name),
                size: header.len(),
                limit,
            });
        }
        inner.extra_set_cookies.push(header);
    }
    // The instructor's demo cookie with a narrower scope is not sent to the reset: remember
    // its scope so the reset can delete it.
    let narrower = spec.path.as_deref().is_some_and(|p| p != "/") || spec.domain.is_some();
    if narrower
        && let Some(room) = &state.classroom
        && crate::web::view::is_instructor(&state, &exchange)
    {
        room.remember_scoped(crate::classroom::Scoped {
            name: spec.name.clone(),
            path: spec.path.clone(),
            domain: spec.domain.clone(),
        });
    }
    reply.send(&state, &exchange)
}

pub async fn cookies_delete(
    State(state): State<AppState>,
    exchange: Exchange,
    SandboxPost { form, reply }: SandboxPost,
) -> Result<Response, AppError> {
    let name = cookie_name(&form)?;
    let spec = cookie_spec(&form, name, String::new())?.deletion();
    exchange.lock().set_cookie(&spec);
    reply.send(&state, &exchange)
}

/// `POST /sandbox/session/store` (`mode` = `cookie` or `server`): move this learner's demo
/// session between Flask's signed cookie and the server-side store, as Flask-Session keeps
/// it (the cookie then carries only the session id).
pub async fn session_store(
    State(state): State<AppState>,
    exchange: Exchange,
    SandboxPost { form, reply }: SandboxPost,
) -> Result<Response, AppError> {
    let mode = form.require("mode")?;
    if !matches!(mode, "cookie" | "server") {
        return Err(AppError::field(
            "mode",
            format!("{mode:?} is not cookie or server"),
        ));
    }
    {
        let mut inner = exchange.lock();
        let data = inner.session.peek().clone();
        let mut marker = CookieSpec::new(STORE_COOKIE, "server");
        marker.samesite = Some(SameSite::Lax);
        match (mode, inner.server.is_some()) {
            ("server", false) => {
                let sid = crate::store::new_sid();
                let session = carried(crate::session::Session::server_side(None), data);
                inner.server = Some(crate::web::exchange::ServerSide {
                    key: format!("{}{sid}", crate::store::KEY_PREFIX),
                    sid,
                    found: false,
                    ttl_at_open: None,
                    lost: None,
                });
                *inner.session_mut() = session;
                marker.max_age = Some(state.session_config.lifetime);
            }
            ("cookie", true) => {
                let old = inner.server.take().map(|s| s.key);
                inner.pending_delete = old;
                let session = carried(crate::session::Session::default(), data);
                *inner.session_mut() = session;
                marker = marker.deletion();
            }
            // Already there: nothing moves.
            _ => return reply.send(&state, &exchange),
        }
        inner.set_cookie(&marker);
    }
    reply.send(&state, &exchange)
}

/// `session` with `data` written into it: a change, so it is saved where it now lives.
fn carried(
    mut session: crate::session::Session,
    data: crate::session::Dict,
) -> crate::session::Session {
    for (k, v) in data {
        session.set(k, v);
    }
    session.mark_modified();
    session
}
