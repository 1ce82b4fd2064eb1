//! HTML pages: the course home, lessons, the language and theme preferences, static assets
//! and the localized 404.

use crate::i18n::Lang;
use crate::session::Value;
use crate::web::error::AppError;
use crate::web::exchange::Exchange;
use crate::web::form::Form;
use crate::web::lesson_page::{Learner, build_skeleton, fill, render_full};
use crate::web::progress::Progress;
use crate::web::sandbox::validate_next;
use crate::web::state::AppState;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{Html, IntoResponse, Response};

/// The plain cookie that remembers the colour theme.
pub use crate::web::site_cookies::THEME as THEME_COOKIE;
use crate::web::view::view_context;
pub use crate::web::view::{
    PageLang, Refusal, base_context, explained, not_found, preferred_lang, render, sandbox_view,
};

/// `GET /`: to the learner's language.
pub async fn root(State(_): State<AppState>, exchange: Exchange, headers: HeaderMap) -> Response {
    let lang = preferred_lang(&exchange, &headers);
    let mut resp = (StatusCode::FOUND, [(header::LOCATION, format!("/{lang}/"))]).into_response();
    resp.headers_mut()
        .append(header::VARY, HeaderValue::from_static("Accept-Language"));
    resp
}

/// `GET /{lang}/`: the course home.
pub async fn home(
    State(state): State<AppState>,
    exchange: Exchange,
    PageLang(lang): PageLang,
    headers: HeaderMap,
) -> Response {
    let version = state.site_cell.version();
    if cookieless(&state, &exchange) {
        return state
            .page_cache
            .get_or_render(version, &format!("/{lang}/"), || {
                render_home(&state, &exchange, lang)
            })
            .map_or_else(IntoResponse::into_response, |p| p.respond(&headers));
    }
    render_home(&state, &exchange, lang)
        .map_or_else(IntoResponse::into_response, |h| Html(h).into_response())
}

fn render_home(state: &AppState, exchange: &Exchange, lang: Lang) -> Result<String, AppError> {
    let site = state.site();
    let lessons = site.library.summaries(lang);
    let mut ctx = base_context(state, exchange, lang, &format!("/{lang}/"), |l| {
        format!("/{l}/")
    });
    let progress = Progress::read(state, exchange);
    let library = &site.library;
    let status: std::collections::BTreeMap<&str, &str> = lessons
        .iter()
        .filter_map(|p| {
            if progress.completed(library, &p.slug) {
                Some((p.slug.as_str(), "done"))
            } else {
                progress
                    .visited
                    .contains(&p.slug)
                    .then_some((p.slug.as_str(), "visited"))
            }
        })
        .collect();
    let passed = |l: &crate::content::Summary| {
        l.exercises
            .iter()
            .filter(|e| progress.exercises.contains(*e))
            .count()
    };
    let view = HomeView {
        passed_in: lessons
            .iter()
            .filter(|l| passed(l) > 0)
            .map(|l| l.slug.as_str())
            .collect(),
        exercises_done: lessons.iter().map(passed).sum(),
        exercises_total: lessons.iter().map(|l| l.exercises.len()).sum(),
        // Lessons 0-10 teach Flask's own session; 11 on build production logins on them.
        parts: [
            (
                "home-part-core",
                lessons.iter().filter(|l| l.order <= 10).collect(),
            ),
            (
                "home-part-production",
                lessons.iter().filter(|l| l.order > 10).collect(),
            ),
        ]
        .into_iter()
        .filter(|(_, list): &(&str, Vec<_>)| !list.is_empty())
        .collect(),
        lessons,
        translated: lessons.iter().filter(|p| p.text_lang == lang).count(),
        done: status.values().filter(|s| **s == "done").count(),
        status,
        visited: progress
            .visited
            .iter()
            .filter(|s| library.lesson(lang, s).is_some())
            .count(),
        last: progress
            .last
            .as_deref()
            .and_then(|s| lessons.iter().find(|l| l.slug == s)),
    };
    ctx.extend(view_context(&view));
    render(state, "home.html", &ctx).map(|h| h.0)
}

/// The course home (`templates/home.html`), beside the base view.
#[derive(Debug, serde::Serialize)]
struct HomeView<'a> {
    lessons: &'a [crate::content::Summary],
    /// How many lessons are written in the page's language.
    translated: usize,
    /// slug → `done` (quiz passed) or `visited`.
    status: std::collections::BTreeMap<&'a str, &'a str>,
    done: usize,
    visited: usize,
    /// Where to continue.
    last: Option<&'a crate::content::Summary>,
    /// The lessons in the course's parts: (Fluent key of the part's heading, lessons).
    parts: Vec<(&'static str, Vec<&'a crate::content::Summary>)>,
    /// Lessons with an exercise the learner passed.
    passed_in: std::collections::BTreeSet<&'a str>,
    exercises_done: usize,
    exercises_total: usize,
}

/// The search page (`templates/search.html`), beside the base view.
#[derive(Debug, serde::Serialize)]
struct SearchView<'a> {
    query: &'a str,
    hits: &'a [crate::content::search::Hit],
    count: usize,
}

/// Does this request carry no cookie at all (and no per-request view), so that the page is
/// the one every first-time visitor gets?
fn cookieless(state: &AppState, exchange: &Exchange) -> bool {
    exchange.lock().cookies.is_empty() && !live_error_shown(state)
}

/// `GET /{lang}/lessons/{slug}`.
pub async fn lesson(
    State(state): State<AppState>,
    exchange: Exchange,
    PageLang(lang): PageLang,
    Path((_, slug)): Path<(String, String)>,
    headers: HeaderMap,
    uri: Uri,
) -> Response {
    let version = state.site_cell.version();
    let site = state.site();
    let Some(page) = site.library.lesson(lang, &slug) else {
        return not_found(State(state), exchange, uri, headers).await;
    };
    let sent = Form::parse(uri.query().unwrap_or("").as_bytes())
        .get("sent")
        .and_then(|id| u64::from_str_radix(id, 16).ok())
        .and_then(|id| {
            state
                .recent
                .get(id, crate::web::sandbox::browser_now(&exchange))
        });
    let path = format!("/{lang}/lessons/{slug}");
    let mut progress = Progress::read(&state, &exchange);
    let read = |sent| Learner::read(&state, &site, &exchange, lang, page, sent, &progress);
    let response = if sent.is_none() && cookieless(&state, &exchange) {
        state
            .page_cache
            .get_or_render(version, &path, || {
                render_full(&state, &site, lang, page, &path, &read(None))
            })
            .map_or_else(IntoResponse::into_response, |p| p.respond(&headers))
    } else if state.full_render.load(std::sync::atomic::Ordering::Relaxed)
        || live_error_shown(&state)
    {
        render_full(&state, &site, lang, page, &path, &read(sent))
            .map_or_else(IntoResponse::into_response, |h| Html(h).into_response())
    } else {
        let learner = read(sent);
        let gzip = crate::web::page_cache::accepts_gzip(&headers);
        state
            .skeletons
            .get_or_build(version, &path, || {
                build_skeleton(&state, &site, lang, page, &path)
            })
            .and_then(|skeleton| fill(&skeleton, &site, lang, page, &learner, gzip))
            .map_or_else(IntoResponse::into_response, |body| {
                personal_page(body, gzip)
            })
    };
    let mut response = response;
    if page.runnable {
        response.headers_mut().insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(crate::web::CSP_RUNS_CODE),
        );
    }
    if progress.visited.insert(slug.clone()) | (progress.last.as_deref() != Some(slug.as_str())) {
        progress.last = Some(slug.clone());
        progress.write(&state, &exchange);
    }
    response
}

/// A page rendered for one learner: never cached by anyone, gzipped when `gzip`.
fn personal_page(body: Bytes, gzip: bool) -> Response {
    let mut response = ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response();
    let out = response.headers_mut();
    out.append(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    if gzip {
        out.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    response
}

/// `--watch` shows the last failed reload's error on every page (a whole render).
fn live_error_shown(state: &AppState) -> bool {
    state.live_reload && state.site_cell.error().is_some()
}

/// `POST /{lang}/lessons/{slug}/quiz` (`q1=a&q2=c…`): grade, remember in the progress
/// cookie, and go back to the quiz.
pub async fn quiz_submit(
    State(state): State<AppState>,
    exchange: Exchange,
    Path((code, slug)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, AppError> {
    let lang = Lang::from_code(&code).ok_or(AppError::NotFound)?;
    let site = state.site();
    let quiz = site
        .library
        .lesson(lang, &slug)
        .and_then(|p| p.quiz.as_ref())
        .ok_or(AppError::NotFound)?;
    let form = Form::parse(&body);
    let mut answers = std::collections::BTreeMap::new();
    for q in &quiz.question {
        if let Some(choice) = form.get(&q.id) {
            if !q.choice.iter().any(|c| c.id == choice) {
                return Err(AppError::field(
                    "answer",
                    format!("{choice:?} is not a choice of question {}", q.id),
                ));
            }
            answers.insert(q.id.clone(), choice.to_owned());
        }
    }
    let mut progress = Progress::read(&state, &exchange);
    progress.visited.insert(slug.clone());
    progress.answers.insert(slug.clone(), answers);
    progress.write(&state, &exchange);
    Ok((
        StatusCode::SEE_OTHER,
        [(header::LOCATION, format!("/{lang}/lessons/{slug}#quiz"))],
    )
        .into_response())
}

/// `POST /progress/reset` (`next`): forget visits and answers.
pub async fn progress_reset(
    State(_): State<AppState>,
    exchange: Exchange,
    body: Bytes,
) -> Result<Response, AppError> {
    let form = Form::parse(&body);
    let next = form
        .get("next")
        .map(validate_next)
        .transpose()?
        .unwrap_or_else(|| "/".into());
    Progress::reset(&exchange);
    Ok((StatusCode::SEE_OTHER, [(header::LOCATION, next)]).into_response())
}

/// `POST /progress/exercise` (`exercise`): the learner's browser ran the exercise's hidden
/// assertions and they all held. The code ran only in that browser, so this is the learner's
/// word, like a ticked box; it is kept in the progress cookie and shown on the home page.
pub async fn progress_exercise(
    State(state): State<AppState>,
    exchange: Exchange,
    body: Bytes,
) -> Result<Response, AppError> {
    let form = Form::parse(&body);
    let id = form.require("exercise")?;
    let site = state.site();
    let known = site
        .library
        .lessons(Lang::En)
        .iter()
        .any(|p| p.exercises.iter().any(|e| e == id));
    if !known {
        return Err(AppError::field(
            "exercise",
            format!("{id:?} is not an exercise of this course"),
        ));
    }
    let mut progress = Progress::read(&state, &exchange);
    if progress.exercises.insert(id.to_owned()) {
        progress.write(&state, &exchange);
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `POST /prefs/lang` (`lang`, `next`): keep the choice in the Flask session and go back to
/// the same page in the new language.
pub async fn prefs_lang(
    State(_): State<AppState>,
    exchange: Exchange,
    body: Bytes,
) -> Result<Response, AppError> {
    let form = Form::parse(&body);
    let code = form.require("lang")?;
    let lang = Lang::from_code(code)
        .ok_or_else(|| AppError::field("lang", format!("{code:?} is not one of en, ru, uk, bn")))?;
    let next = form
        .get("next")
        .map(validate_next)
        .transpose()?
        .unwrap_or_else(|| "/".into());
    exchange
        .lock()
        .session_mut()
        .set("lang", Value::Str(lang.code().into()));
    Ok((
        StatusCode::SEE_OTHER,
        [(header::LOCATION, rewrite_lang(&next, lang))],
    )
        .into_response())
}

/// `/ru/lessons/x#y` → `/uk/lessons/x#y`; `/` → `/uk/`; other paths stay.
pub fn rewrite_lang(next: &str, lang: Lang) -> String {
    if next == "/" || next.starts_with("/?") || next.starts_with("/#") {
        return format!("/{lang}{next}");
    }
    let rest = &next[1..];
    let (first, tail) = rest.split_at(rest.find(['/', '?', '#']).unwrap_or(rest.len()));
    match Lang::from_code(first) {
        Some(_) => format!("/{lang}{}", if tail.is_empty() { "/" } else { tail }),
        None => next.to_owned(),
    }
}

/// `POST /prefs/theme` (`theme` = `auto`, `light` or `dark`, `next`): a plain cookie.
pub async fn prefs_theme(
    State(_): State<AppState>,
    exchange: Exchange,
    body: Bytes,
) -> Result<Response, AppError> {
    let form = Form::parse(&body);
    let theme = form.require("theme")?;
    if !matches!(theme, "auto" | "light" | "dark") {
        return Err(AppError::field(
            "theme",
            format!("{theme:?} is not auto, light or dark"),
        ));
    }
    let next = form
        .get("next")
        .map(validate_next)
        .transpose()?
        .unwrap_or_else(|| "/".into());
    let mut inner = exchange.lock();
    if theme == "auto" {
        inner.remove_site_cookie(THEME_COOKIE);
    } else {
        inner.add_site_cookie(
            tower_cookies::Cookie::build((THEME_COOKIE, theme.to_owned()))
                .path("/")
                .max_age(tower_cookies::cookie::time::Duration::days(365))
                .same_site(tower_cookies::cookie::SameSite::Lax)
                .build(),
        );
    }
    Ok((StatusCode::SEE_OTHER, [(header::LOCATION, next)]).into_response())
}

/// `GET /static/{name}`: hashed names never change, so they are cached for a year; the
/// gzip form is made once at start-up, and a revalidation gets a 304.
pub async fn asset(
    State(state): State<AppState>,
    Path(name): Path<String>,
    headers: HeaderMap,
) -> Response {
    let site = state.site();
    let Some(a) = site.assets.get(&name) else {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    };
    let mut out = HeaderMap::new();
    out.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(a.content_type),
    );
    out.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    if let Ok(v) = HeaderValue::from_str(&a.etag) {
        out.insert(header::ETAG, v);
    }
    out.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    // A worker's policy is its own script's: the runner's worker compiles WebAssembly.
    if name.starts_with("runner-worker.") {
        out.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(crate::web::CSP_RUNS_CODE),
        );
    }
    if crate::web::page_cache::etag_matches(&headers, &a.etag) {
        return (StatusCode::NOT_MODIFIED, out).into_response();
    }
    match (&a.gzip, crate::web::page_cache::accepts_gzip(&headers)) {
        (Some(z), true) => {
            out.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            (out, z.clone()).into_response()
        }
        _ => (out, a.bytes.clone()).into_response(),
    }
}

/// `GET /{lang}/search?q=…`: what the course says about `q`, in the page's language, each
/// result linking to its section. A plain form in every page's header; works without
/// JavaScript. An empty query shows the form; an over-long one is a 400 naming `q`.
pub async fn search(
    State(state): State<AppState>,
    exchange: Exchange,
    PageLang(lang): PageLang,
    uri: Uri,
) -> Result<Response, AppError> {
    let query = Form::parse(uri.query().unwrap_or("").as_bytes())
        .get("q")
        .unwrap_or("")
        .trim()
        .to_owned();
    let max = crate::content::search::MAX_QUERY;
    if query.chars().count() > max {
        return Err(AppError::field(
            "q",
            format!("a search is at most {max} characters"),
        ));
    }
    let site = state.site();
    let hits = if query.is_empty() {
        Vec::new()
    } else {
        site.search().search(lang, &query)
    };
    let path = format!("/{lang}/search");
    let mut ctx = base_context(&state, &exchange, lang, &path, |l| format!("/{l}/search"));
    ctx.extend(view_context(&SearchView {
        query: &query,
        hits: &hits,
        count: hits.len(),
    }));
    Ok(render(&state, "search.html", &ctx)?.into_response())
}

/// `GET /runtime/{hash}/{path}`: the in-browser Python runtime, brotli-compressed where the
/// browser accepts it, else gzipped, else as is (every form is made at fetch time), cached
/// for good: the hash in the URL changes with the runtime.
pub async fn runtime(Path((hash, path)): Path<(String, String)>, headers: HeaderMap) -> Response {
    let Some(file) = (hash == crate::site::runtime::hash())
        .then(|| crate::site::runtime::get(&path))
        .flatten()
    else {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    };
    let mut out = HeaderMap::new();
    out.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(file.content_type),
    );
    out.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    out.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    use crate::web::page_cache::{accepts, accepts_gzip};
    // The smallest form the browser accepts, each made at fetch time.
    let (encoding, body) = match (file.brotli, file.gzip) {
        (Some(br), _) if accepts(&headers, "br") => (Some("br"), br),
        (_, Some(z)) if accepts_gzip(&headers) => (Some("gzip"), z),
        _ => (None, file.bytes),
    };
    if let Some(encoding) = encoding {
        out.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
    }
    // The built-in files are served from the binary as they are, not copied per request.
    let body = match body {
        std::borrow::Cow::Borrowed(b) => axum::body::Bytes::from_static(b),
        std::borrow::Cow::Owned(v) => axum::body::Bytes::from(v),
    };
    (out, body).into_response()
}

/// `GET /favicon.ico`: browsers ask for it on their own; the logo answers (SVG), so no page
/// load ends in a 404.
pub async fn favicon(State(state): State<AppState>) -> Response {
    match state.site().assets.url("logo.svg") {
        Some(url) => (
            StatusCode::MOVED_PERMANENTLY,
            [(header::LOCATION, url.to_owned())],
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_is_rewritten_to_the_chosen_language() {
        assert_eq!(
            rewrite_lang("/ru/lessons/cookies#sandbox", Lang::Uk),
            "/uk/lessons/cookies#sandbox"
        );
        assert_eq!(rewrite_lang("/bn/", Lang::En), "/en/");
        assert_eq!(rewrite_lang("/bn", Lang::En), "/en/");
        assert_eq!(rewrite_lang("/", Lang::Ru), "/ru/");
        assert_eq!(rewrite_lang("/sandbox/state", Lang::Ru), "/sandbox/state");
        assert_eq!(rewrite_lang("/english/x", Lang::Ru), "/english/x");
    }
}
