//! The demos of the production lessons: Flask-Login's "remember me" (lesson 13), a stolen
//! copy of a session cookie replayed after logging out (lesson 15), and a real cross-site
//! request that shows which `SameSite` cookies a browser sends (lesson 12).

use crate::content::SandboxAction;
use crate::i18n::Lang;
use crate::security::flask_login::session_identifier;
use crate::session::set_cookie::{CookieSpec, Expires, SameSite};
use crate::session::{Value, codec};
use crate::web::error::AppError;
use crate::web::exchange::Exchange;
use crate::web::sandbox::{SandboxPost, change_session};
use crate::web::state::AppState;
use crate::web::view::{base_context, render, view_context};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// Flask-Login's cookie name and default lifetime (`REMEMBER_COOKIE_DURATION`, 365 days).
pub const REMEMBER_COOKIE: &str = "remember_token";
const REMEMBER_DAYS: i64 = 365;
/// The replay demo's user id and the thief's copy, kept beside the session (a logout
/// clears the session, and the copy stands for another browser).
pub const REPLAY_USER: &str = "replay_user";
pub const REPLAY_COPY: &str = "replay_copy";
/// The four cookies of the cross-site demo: (name, SameSite).
pub const SAMESITE_COOKIES: [(&str, Option<SameSite>); 4] = [
    ("ss_strict", Some(SameSite::Strict)),
    ("ss_lax", Some(SameSite::Lax)),
    ("ss_none", Some(SameSite::None)),
    ("ss_unset", None),
];

fn user_name(form: &crate::web::form::Form) -> Result<String, AppError> {
    let user = form.require("username")?.trim().to_owned();
    if user.is_empty() || user.chars().count() > 64 || user.contains('|') {
        return Err(AppError::field(
            "username",
            "must be 1 to 64 characters, without '|'",
        ));
    }
    Ok(user)
}

/// `POST /sandbox/demo/remember/login` (`username`, `remember`): what
/// `login_user(user, remember=…)` stores, and the `remember_token` cookie it sets.
pub async fn remember_login(
    State(state): State<AppState>,
    headers: HeaderMap,
    extensions: axum::http::Extensions,
    exchange: Exchange,
    SandboxPost { form, reply }: SandboxPost,
) -> Result<Response, AppError> {
    let user = user_name(&form)?;
    let remember = form.flag("remember", false)?;
    let id = identifier(&headers, &extensions);
    change_session(&state, &exchange, |s| {
        s.set("_user_id", Value::Str(user.clone()));
        s.set("_fresh", Value::Bool(true));
        s.set("_id", Value::Str(id));
    })?;
    if remember {
        let mut inner = exchange.lock();
        let now = inner.now;
        let mut spec = CookieSpec::new(REMEMBER_COOKIE, state.remember_key.encode(&user));
        // datetime.utcnow() + duration: Werkzeug writes Expires alone, no Max-Age.
        spec.expires = Some(Expires::At(now as i64 + REMEMBER_DAYS * 86_400));
        spec.httponly = true;
        inner.set_cookie(&spec);
    }
    reply.send(&state, &exchange)
}

/// `POST /sandbox/demo/remember/close`: a closed browser forgets a cookie with no expiry,
/// here the whole session cookie; `remember_token` has an Expires and stays.
pub async fn remember_close(
    State(state): State<AppState>,
    exchange: Exchange,
    SandboxPost { reply, .. }: SandboxPost,
) -> Result<Response, AppError> {
    change_session(&state, &exchange, |s| s.clear())?;
    reply.send(&state, &exchange)
}

/// `POST /sandbox/demo/remember/visit`: `LoginManager._load_user` on the next request,
/// with the default `session_protection = "basic"`.
pub async fn remember_visit(
    State(state): State<AppState>,
    headers: HeaderMap,
    extensions: axum::http::Extensions,
    exchange: Exchange,
    SandboxPost { reply, .. }: SandboxPost,
) -> Result<Response, AppError> {
    let id = identifier(&headers, &extensions);
    let cookie = exchange.lock().cookie(REMEMBER_COOKIE).map(str::to_owned);
    let key = state.remember_key.clone();
    change_session(&state, &exchange, |s| {
        // Basic protection: another address or browser marks a non-empty session non-fresh.
        if !s.peek().is_empty()
            && s.get("_id") != Some(&Value::Str(id))
            && s.get("_fresh") != Some(&Value::Bool(false))
        {
            s.set("_fresh", Value::Bool(false));
        }
        if s.get("_user_id").is_none()
            && s.get("_remember") != Some(&Value::Str("clear".into()))
            && let Some(user) = cookie.as_deref().and_then(|c| key.decode(c))
        {
            s.set("_user_id", Value::Str(user.to_owned()));
            s.set("_fresh", Value::Bool(false));
        }
    })?;
    reply.send(&state, &exchange)
}

/// `POST /sandbox/demo/remember/logout`: `logout_user()`, which also deletes the remember
/// cookie when the browser sent one.
pub async fn remember_logout(
    State(state): State<AppState>,
    exchange: Exchange,
    SandboxPost { reply, .. }: SandboxPost,
) -> Result<Response, AppError> {
    change_session(&state, &exchange, |s| {
        for key in ["_user_id", "_fresh", "_id", "_remember_seconds"] {
            s.pop(key);
        }
    })?;
    let mut inner = exchange.lock();
    if inner.cookie(REMEMBER_COOKIE).is_some() {
        inner.set_cookie(&CookieSpec::new(REMEMBER_COOKIE, "").deletion());
    }
    drop(inner);
    reply.send(&state, &exchange)
}

/// `_create_identifier()` for this request: X-Forwarded-For's first entry (as Flask-Login
/// reads it), else the peer address, and the User-Agent.
fn identifier(headers: &HeaderMap, extensions: &axum::http::Extensions) -> String {
    let peer = crate::web::limits::client_ip(extensions).to_string();
    let addr = headers
        .get("x-forwarded-for")
        .and_then(|v| v.to_str().ok())
        .map_or(peer, str::to_owned);
    session_identifier(
        Some(&addr),
        headers.get(header::USER_AGENT).map(HeaderValue::as_bytes),
    )
}

fn replay_user(exchange: &Exchange) -> Option<String> {
    exchange
        .lock()
        .cookie(REPLAY_USER)
        .filter(|u| {
            u.len() == 10 && u.starts_with('u') && u[1..].bytes().all(|b| b.is_ascii_hexdigit())
        })
        .map(str::to_owned)
}

fn plain_cookie(name: &str, value: String, httponly: bool) -> CookieSpec {
    let mut spec = CookieSpec::new(name, value);
    spec.max_age = Some(86_400);
    spec.httponly = httponly;
    spec.samesite = Some(SameSite::Lax);
    spec
}

/// Clear the session but keep the site's own language choice, as the login demo does.
fn clear_keeping_lang(s: &mut crate::session::Session) {
    let lang = s.get("lang").cloned();
    s.clear();
    if let Some(l) = lang {
        s.set("lang", l);
    }
}

/// `POST /sandbox/demo/replay/login`: the session holds the user and the version the user
/// is at now.
pub async fn replay_login(
    State(state): State<AppState>,
    exchange: Exchange,
    SandboxPost { reply, .. }: SandboxPost,
) -> Result<Response, AppError> {
    let user =
        replay_user(&exchange).unwrap_or_else(|| format!("u{:09x}", rand::random::<u64>() >> 28));
    let version = state.versions.get(&user);
    change_session(&state, &exchange, |s| {
        s.set("uid", Value::Str(user.clone()));
        s.set("ver", Value::Int(version));
    })?;
    exchange
        .lock()
        .set_cookie(&plain_cookie(REPLAY_USER, user, false));
    reply.send(&state, &exchange)
}

/// `POST /sandbox/demo/replay/copy`: keep the session cookie this browser holds, as a thief
/// who copied it would.
pub async fn replay_copy(
    State(state): State<AppState>,
    exchange: Exchange,
    SandboxPost { reply, .. }: SandboxPost,
) -> Result<Response, AppError> {
    {
        let mut inner = exchange.lock();
        let name = inner.config.cookie_name.clone();
        let Some(cookie) = inner.cookie(&name).map(str::to_owned) else {
            return Err(AppError::field(
                "session",
                "this browser has no session cookie to copy: log in first",
            ));
        };
        inner.set_cookie(&plain_cookie(REPLAY_COPY, cookie, true));
    }
    reply.send(&state, &exchange)
}

/// `POST /sandbox/demo/replay/logout` (`everywhere`): `session.clear()` in this browser;
/// with `everywhere=true` the user's session version goes up first.
pub async fn replay_logout(
    State(state): State<AppState>,
    exchange: Exchange,
    SandboxPost { form, reply }: SandboxPost,
) -> Result<Response, AppError> {
    if form.flag("everywhere", false)?
        && let Some(user) = replay_user(&exchange)
    {
        state.versions.bump(&user);
    }
    change_session(&state, &exchange, clear_keeping_lang)?;
    reply.send(&state, &exchange)
}

/// What the sandbox panel shows for the login demos, decided from this request's cookies.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct LoginDemosView {
    /// `remember-status-*` and the user.
    pub remember_status: &'static str,
    pub remember_user: Option<String>,
    pub remember_cookie: Option<String>,
    pub replay_user: Option<String>,
    pub replay_version: i64,
    pub replay_copy: Option<String>,
    /// Without and with a version check: (`replay-*` message, user, copy's version).
    pub replay_without: Option<Verdict>,
    pub replay_with: Option<Verdict>,
}

/// How one check judges the thief's copy: the `replay-*` message and its arguments.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Verdict {
    pub key: &'static str,
    pub user: String,
    pub copy: i64,
    pub current: i64,
}

impl Verdict {
    /// The same refusal from both checks: the copy holds no login, or does not verify.
    fn refused(key: &'static str) -> (Verdict, Verdict) {
        let v = Verdict {
            key,
            ..Verdict::default()
        };
        (v.clone(), v)
    }
}

/// The demos' state for a page whose sandbox offers `actions`; nothing is read (no copy is
/// verified) on the pages without these demos.
pub fn view(state: &AppState, exchange: &Exchange, actions: &[SandboxAction]) -> LoginDemosView {
    let mut view = LoginDemosView {
        remember_status: "remember-status-out",
        ..LoginDemosView::default()
    };
    if actions.contains(&SandboxAction::RememberLogin) {
        let inner = exchange.lock();
        let session = inner.session.peek();
        view.remember_cookie = inner.cookie(REMEMBER_COOKIE).map(str::to_owned);
        if let Some(Value::Str(user)) = session.get("_user_id") {
            view.remember_user = Some(user.clone());
            view.remember_status = if session.get("_fresh") == Some(&Value::Bool(false)) {
                "remember-status-stale"
            } else {
                "remember-status-fresh"
            };
        }
    }
    if !actions.contains(&SandboxAction::Replay) {
        return view;
    }
    view.replay_user = replay_user(exchange);
    if let Some(user) = &view.replay_user {
        view.replay_version = state.versions.get(user);
    }
    let (copy, now, max_age) = {
        let inner = exchange.lock();
        (
            inner.cookie(REPLAY_COPY).map(str::to_owned),
            inner.now as i64,
            inner.config.lifetime,
        )
    };
    if let Some(copy) = &copy {
        let (without, with) = match codec::loads(copy, &state.keys, now, Some(max_age)) {
            Err(_) => Verdict::refused("replay-refused-invalid"),
            Ok(d) => match (d.get("uid"), d.get("ver")) {
                (Some(Value::Str(user)), Some(&Value::Int(copy))) => {
                    let current = state.versions.get(user);
                    let accepted = Verdict {
                        key: "replay-accepted",
                        user: user.clone(),
                        copy,
                        current,
                    };
                    let checked = if copy == current {
                        accepted.clone()
                    } else {
                        Verdict {
                            key: "replay-refused-version",
                            ..accepted.clone()
                        }
                    };
                    (accepted, checked)
                }
                _ => Verdict::refused("replay-refused-anonymous"),
            },
        };
        view.replay_without = Some(without);
        view.replay_with = Some(with);
    }
    view.replay_copy = copy;
    view
}

/// `POST /sandbox/demo/samesite/set`: four cookies that differ only in `SameSite`.
pub async fn samesite_set(
    State(state): State<AppState>,
    exchange: Exchange,
    SandboxPost { reply, .. }: SandboxPost,
) -> Result<Response, AppError> {
    {
        let mut inner = exchange.lock();
        let stamp = format!("{}", inner.now as i64);
        for (name, samesite) in SAMESITE_COOKIES {
            let mut spec = CookieSpec::new(name, stamp.clone());
            spec.samesite = samesite;
            // Browsers refuse SameSite=None without Secure (Chromium and Firefox accept a
            // Secure cookie from http://127.0.0.1 and http://localhost).
            spec.secure = samesite == Some(SameSite::None);
            inner.set_cookie(&spec);
        }
    }
    reply.send(&state, &exchange)
}

/// The other name of this machine, if the page was reached by one of the two names a
/// loopback server always has: 127.0.0.1 ⇄ localhost (different sites for cookies).
pub fn other_site(host: &str) -> Option<String> {
    let (name, port) = match host.rsplit_once(':') {
        Some((n, p)) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => (n, Some(p)),
        _ => (host, None),
    };
    let other = match name {
        "127.0.0.1" => "localhost",
        "localhost" => "127.0.0.1",
        _ => return None,
    };
    Some(match port {
        Some(p) => format!("{other}:{p}"),
        None => other.to_owned(),
    })
}

fn host(headers: &HeaderMap) -> String {
    headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("")
        .to_owned()
}

/// What Chromium did when the course's browser test ran the demo, for a deployment with no
/// second site name (the test checks this record against a live run).
pub const RECORDED: &str = include_str!("../../data/cross-site-chromium.json");

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct Recorded {
    pub chromium: String,
    pub rows: Vec<RecordedRow>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct RecordedRow {
    /// `link` or `form`.
    pub via: String,
    pub method: String,
    pub fetch_site: String,
    /// Cookie names the browser sent, in [`SAMESITE_COOKIES`] order.
    pub sent: Vec<String>,
}

/// The cross-site pages (`templates/cross_site.html`), beside the base view.
#[derive(Debug, serde::Serialize)]
struct CrossSiteView {
    /// `other` (a page on the second site), `report` or `none` (no second site here).
    mode: &'static str,
    host: String,
    /// Where the page sends its requests (`other`), or the second site (`report`).
    target: Option<String>,
    method: String,
    fetch_site: String,
    via: String,
    /// (cookie, its SameSite as written, sent?)
    rows: Vec<(&'static str, &'static str, bool)>,
    /// The demo's cookie names, in order (the recorded table's rows).
    names: Vec<&'static str>,
    recorded: Option<Recorded>,
}

fn samesite_text(s: Option<SameSite>) -> &'static str {
    match s {
        Some(SameSite::Strict) => "Strict",
        Some(SameSite::Lax) => "Lax",
        Some(SameSite::None) => "None",
        None => "",
    }
}

fn cross_site_page(
    state: &AppState,
    exchange: &Exchange,
    lang: Lang,
    path: &str,
    view: &CrossSiteView,
    csp: Option<String>,
) -> Result<Response, AppError> {
    let mut ctx = base_context(state, exchange, lang, path, |l| {
        path.replacen(&format!("/{lang}/"), &format!("/{l}/"), 1)
    });
    ctx.extend(view_context(view));
    let mut response = render(state, "cross_site.html", &ctx)?.into_response();
    if let Some(csp) = csp.and_then(|c| HeaderValue::from_str(&c).ok()) {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    Ok(response)
}

fn lang_of(code: &str) -> Result<Lang, AppError> {
    Lang::from_code(code).ok_or(AppError::NotFound)
}

/// `GET /{lang}/cross-site`: from the lesson to a page of the second site, or, with no
/// second site, the recorded outcome and why.
pub async fn cross_site_go(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    headers: HeaderMap,
    exchange: Exchange,
) -> Result<Response, AppError> {
    let lang = lang_of(&lang)?;
    let here = host(&headers);
    if let Some(other) = other_site(&here) {
        let to = format!("http://{other}/{lang}/cross-site/other");
        return Ok((StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response());
    }
    let recorded: Recorded =
        serde_json::from_str(RECORDED).map_err(|e| AppError::Internal(e.into()))?;
    let view = CrossSiteView {
        mode: "none",
        host: here,
        target: None,
        method: String::new(),
        fetch_site: String::new(),
        via: String::new(),
        rows: Vec::new(),
        names: SAMESITE_COOKIES.iter().map(|(n, _)| *n).collect(),
        recorded: Some(recorded),
    };
    cross_site_page(
        &state,
        &exchange,
        lang,
        &format!("/{lang}/cross-site"),
        &view,
        None,
    )
}

/// `GET /{lang}/cross-site/other`: a page on the second site that sends a request to the
/// first by a link and by a form.
pub async fn cross_site_other(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    headers: HeaderMap,
    exchange: Exchange,
) -> Result<Response, AppError> {
    let lang = lang_of(&lang)?;
    let here = host(&headers);
    let Some(target) = other_site(&here) else {
        let to = format!("/{lang}/cross-site");
        return Ok((StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response());
    };
    // This page's form posts to the other site: the one origin its policy adds.
    let csp = crate::web::SECURITY_CSP.replace(
        "form-action 'self'",
        &format!("form-action 'self' http://{target}"),
    );
    let view = CrossSiteView {
        mode: "other",
        host: here,
        target: Some(target),
        method: String::new(),
        fetch_site: String::new(),
        via: String::new(),
        rows: Vec::new(),
        names: Vec::new(),
        recorded: None,
    };
    cross_site_page(
        &state,
        &exchange,
        lang,
        &format!("/{lang}/cross-site/other"),
        &view,
        Some(csp),
    )
}

/// `GET|POST /{lang}/cross-site/report?via=…`: which of the four cookies this request
/// carried.
pub async fn cross_site_report(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    method: Method,
    headers: HeaderMap,
    uri: axum::http::Uri,
    exchange: Exchange,
) -> Result<Response, AppError> {
    let lang = lang_of(&lang)?;
    let query = crate::web::form::Form::parse(uri.query().unwrap_or("").as_bytes());
    let via = match query.optional("via") {
        Some("form") => "form",
        _ => "link",
    };
    let rows = {
        let inner = exchange.lock();
        SAMESITE_COOKIES
            .iter()
            .map(|(name, s)| (*name, samesite_text(*s), inner.cookie(name).is_some()))
            .collect()
    };
    let here = host(&headers);
    let view = CrossSiteView {
        mode: "report",
        target: other_site(&here),
        host: here,
        method: method.to_string(),
        fetch_site: headers
            .get("sec-fetch-site")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("—")
            .to_owned(),
        via: via.to_owned(),
        rows,
        names: Vec::new(),
        recorded: None,
    };
    cross_site_page(
        &state,
        &exchange,
        lang,
        &format!("/{lang}/cross-site/report"),
        &view,
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_loopback_names_are_each_others_second_site() {
        assert_eq!(
            other_site("127.0.0.1:3000").as_deref(),
            Some("localhost:3000")
        );
        assert_eq!(
            other_site("localhost:8080").as_deref(),
            Some("127.0.0.1:8080")
        );
        assert_eq!(other_site("localhost").as_deref(), Some("127.0.0.1"));
        assert_eq!(other_site("192.168.1.20:3000"), None);
        assert_eq!(other_site("[::1]:3000"), None);
        assert_eq!(other_site("course.example"), None);
    }

    #[test]
    fn the_recorded_outcome_parses_and_names_only_the_demo_cookies() {
        let r: Recorded = serde_json::from_str(RECORDED).unwrap();
        assert_eq!(r.rows.len(), 2);
        for row in &r.rows {
            assert!(
                row.sent
                    .iter()
                    .all(|c| SAMESITE_COOKIES.iter().any(|(n, _)| n == c))
            );
        }
    }
}
