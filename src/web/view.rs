//! What every HTML page shares: the page's language (`PageLang`), the learner's preferred
//! language and theme, the base template context, rendering, the sandbox panel's view, and
//! the localized 404 and refusal pages. Handlers in `pages`, `classroom` and `decoder` build on
//! it; it depends on none of them.

use crate::i18n::{Lang, from_accept_language};
use crate::session::Value;
use crate::web::error::AppError;
use crate::web::exchange::Exchange;
use crate::web::site_cookies::THEME as THEME_COOKIE;
use crate::web::state::AppState;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{Html, IntoResponse, Response};
use serde::Serialize;

/// Is this request the instructor's?
pub fn is_instructor(state: &AppState, exchange: &Exchange) -> bool {
    state
        .classroom
        .as_ref()
        .is_some_and(|room| room.is_instructor(exchange.lock().instructor_token.as_deref()))
}

/// The session's `lang`, if it is one of ours.
fn session_lang(exchange: &Exchange) -> Option<Lang> {
    let mut inner = exchange.lock();
    match inner.session.get("lang") {
        Some(Value::Str(code)) => Lang::from_code(code),
        _ => None,
    }
}

/// Bare URLs: the session's language, then `Accept-Language`, then English.
pub fn preferred_lang(exchange: &Exchange, headers: &HeaderMap) -> Lang {
    session_lang(exchange)
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(from_accept_language)
        })
        .unwrap_or(Lang::En)
}

/// The learner's colour theme: `light`, `dark` or `auto`.
pub fn theme(exchange: &Exchange) -> &'static str {
    match exchange.lock().site_cookie(THEME_COOKIE).as_deref() {
        Some("light") => "light",
        Some("dark") => "dark",
        _ => "auto",
    }
}

/// A language in the switcher: its code and its name in its own language.
#[derive(Debug, Serialize)]
pub struct LangLink {
    pub code: Lang,
    pub name: String,
}

/// The same page in another language (`hreflang`).
#[derive(Debug, Serialize)]
pub struct Alternate {
    pub lang: Lang,
    pub href: String,
}

/// What every page template needs (`templates/base.html`).
#[derive(Debug, Serialize)]
pub struct BaseView<'a> {
    pub lang: Lang,
    pub path: &'a str,
    pub canonical: &'a str,
    /// `light`, `dark` or `auto`.
    pub theme: &'static str,
    pub langs: Vec<LangLink>,
    pub alternates: Vec<Alternate>,
    /// Classroom mode: the follow bar is shown.
    pub classroom: bool,
    /// This browser holds the instructor token.
    pub instructor: bool,
    /// `--watch`: pages carry the live-reload script.
    pub live_reload: bool,
    /// The last failed reload's error, shown at the top of every page until fixed.
    pub live_error: Option<String>,
    /// Where the in-browser Python runtime is served, and its wheels (space-separated);
    /// a page that runs code (`runs_code`) loads the runner with them.
    pub runtime: &'static str,
    pub runtime_wheels: &'static [String],
    pub runs_code: bool,
}

/// A page's own typed view as template context, to extend the base context with.
pub fn view_context<T: Serialize>(view: &T) -> tera::Context {
    // A struct always serializes to a map, which is all `from_serialize` asks.
    tera::Context::from_serialize(view).unwrap_or_default()
}

/// The base view as a template context; each page adds its own fields to it.
pub fn base_context(
    state: &AppState,
    exchange: &Exchange,
    lang: Lang,
    path: &str,
    alternate_path: impl Fn(Lang) -> String,
) -> tera::Context {
    let mut view = shared_base_view(state, lang, path, alternate_path);
    view.theme = theme(exchange);
    view.instructor = is_instructor(state, exchange);
    // A struct always serializes to a map, which is all `from_serialize` asks.
    tera::Context::from_serialize(&view).unwrap_or_default()
}

/// The base view as every learner gets it: the learner's own parts (theme, instructor) at
/// their defaults, to be set or left as holes.
pub fn shared_base_view<'a>(
    state: &AppState,
    lang: Lang,
    path: &'a str,
    alternate_path: impl Fn(Lang) -> String,
) -> BaseView<'a> {
    let loc = &state.site().loc;
    BaseView {
        lang,
        path,
        canonical: path,
        theme: "auto",
        langs: Lang::ALL
            .iter()
            .map(|l| LangLink {
                code: *l,
                name: loc.text(*l, &format!("lang-{l}"), &[]),
            })
            .collect(),
        alternates: Lang::ALL
            .iter()
            .filter(|l| **l != lang)
            .map(|l| Alternate {
                lang: *l,
                href: alternate_path(*l),
            })
            .collect(),
        classroom: state.classroom.is_some(),
        instructor: false,
        live_reload: state.live_reload,
        live_error: state
            .live_reload
            .then(|| state.site_cell.error())
            .flatten()
            .map(|e| e.to_string()),
        runtime: crate::site::runtime::base_url(),
        runtime_wheels: crate::site::runtime::wheels(),
        runs_code: false,
    }
}

pub fn render(
    state: &AppState,
    template: &str,
    ctx: &tera::Context,
) -> Result<Html<String>, AppError> {
    state
        .site()
        .tera
        .render(template, ctx)
        .map(Html)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("rendering {template}: {e:?}")))
}

/// The language that starts a page's path (`/{lang}/…`). Any other prefix is answered with
/// the localized 404 before the handler runs.
pub struct PageLang(pub Lang);

impl axum::extract::FromRequestParts<AppState> for PageLang {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<Self, Response> {
        let code = parts
            .uri
            .path()
            .trim_start_matches('/')
            .split('/')
            .next()
            .unwrap_or("");
        if let Some(lang) = Lang::from_code(code) {
            return Ok(PageLang(lang));
        }
        let exchange = Exchange::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        Err(not_found(
            State(state.clone()),
            exchange,
            parts.uri.clone(),
            parts.headers.clone(),
        )
        .await)
    }
}

/// The sandbox panel's server-side view of this request.
pub fn sandbox_view(
    state: &AppState,
    exchange: &Exchange,
    lang: Lang,
    sent: Option<Vec<String>>,
) -> Option<SandboxView> {
    // The same state document the JSON API gives, so both views tell the same story.
    let doc = crate::web::state_doc::build(state, exchange, Some(lang)).ok()?;
    Some(SandboxView {
        signed_at_text: doc
            .session
            .signed_at
            .as_deref()
            .and_then(|t| date_text(state, lang, t)),
        expires_text: doc
            .session
            .expires
            .as_deref()
            .and_then(|t| date_text(state, lang, t)),
        cookie_header: doc.cookie_header,
        reason_text: doc.session.reason_text.clone(),
        session: doc.session,
        store: doc.store,
        // A redirect's action headers, else what this very response sends (a permanent
        // session is refreshed on every page).
        sent: sent.unwrap_or(doc.set_cookie),
        flashed: doc.flashed,
    })
}

/// An RFC 3339 instant as the page's language writes it (`14 ноября 2023 г., 22:13:20 UTC`),
/// Bengali pages in Bengali digits. What a learner without JavaScript reads; with it, the
/// panel formats the same instant with `Intl` in the same language.
pub fn date_text(state: &AppState, lang: Lang, rfc3339: &str) -> Option<String> {
    use crate::i18n::Arg;
    let t = time::OffsetDateTime::parse(rfc3339, &time::format_description::well_known::Rfc3339)
        .ok()?
        .to_offset(time::UtcOffset::UTC);
    let loc = &state.site().loc;
    let mut clock = format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second());
    if lang == Lang::Bn {
        clock = crate::i18n::to_bengali_digits(&clock);
    }
    let month = loc.text(lang, &format!("month-{}", u8::from(t.month())), &[]);
    Some(loc.text(
        lang,
        "date-time",
        &[
            ("day", Arg::Num(f64::from(t.day()))),
            ("month", Arg::Str(month)),
            ("year", Arg::Num(f64::from(t.year()))),
            ("time", Arg::Str(clock)),
        ],
    ))
}

/// The sandbox panel as the server renders it (`templates/sandbox.html`, `sb`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct SandboxView {
    /// `session.signed_at` and `session.expires` in the page's language.
    pub signed_at_text: Option<String>,
    pub expires_text: Option<String>,
    pub cookie_header: Option<String>,
    pub session: crate::web::state_doc::SessionView,
    pub reason_text: Option<String>,
    pub store: crate::web::state_doc::StoreView,
    pub sent: Vec<String>,
    pub flashed: Option<Vec<crate::web::state_doc::Flash>>,
}

/// What [`explained`] answers with: the status, the page's title message, and the JSON for
/// a caller that is not a browser.
#[derive(Debug)]
pub struct Refusal {
    pub status: StatusCode,
    pub title_key: &'static str,
    pub json: serde_json::Value,
}

/// A refusal explained: for a browser (its `Accept` names HTML) a page in the learner's
/// language with `title_key` and `text`; for anyone else `json` (which says the same in
/// English, with the figures).
pub fn explained(
    state: &AppState,
    exchange: &Exchange,
    headers: &HeaderMap,
    path: &str,
    refusal: Refusal,
    text: impl FnOnce(Lang) -> String,
) -> Response {
    let Refusal {
        status,
        title_key,
        json,
    } = refusal;
    let wants_html = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("text/html"));
    if !wants_html {
        return (status, axum::Json(json)).into_response();
    }
    let prefix = path.trim_start_matches('/').split('/').next().unwrap_or("");
    let lang = Lang::from_code(prefix).unwrap_or_else(|| preferred_lang(exchange, headers));
    let mut ctx = base_context(state, exchange, lang, &format!("/{lang}/"), |l| {
        format!("/{l}/")
    });
    ctx.insert("message_title", title_key);
    ctx.insert("message_text", &text(lang));
    match render(state, "not_found.html", &ctx) {
        Ok(html) => (status, html).into_response(),
        Err(e) => e.into_response(),
    }
}

/// Any unknown page: 404, in the language of the URL prefix if it has one, else the
/// learner's.
pub async fn not_found(
    State(state): State<AppState>,
    exchange: Exchange,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let prefix = uri
        .path()
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or("");
    let lang = Lang::from_code(prefix).unwrap_or_else(|| preferred_lang(&exchange, &headers));
    let ctx = base_context(&state, &exchange, lang, &format!("/{lang}/"), |l| {
        format!("/{l}/")
    });
    match render(&state, "not_found.html", &ctx) {
        Ok(html) => (StatusCode::NOT_FOUND, html).into_response(),
        Err(e) => e.into_response(),
    }
}
