//! Classroom mode over HTTP: the instructor link, the presenter view and its notes window,
//! following the instructor with server-sent events, the demo reset, and the live-reload
//! stream `--watch` uses.
//!
//! Control needs the instructor token, kept in an HttpOnly cookie of its own. It is never a
//! session value: the sandbox lets any learner write anything into their session.

use crate::classroom::{Classroom, Position};
use crate::i18n::{Arg, Lang};
use crate::markdown::{Block, Section};
use crate::session::Value;
use crate::session::set_cookie::CookieSpec;
use crate::web::error::AppError;
use crate::web::exchange::Exchange;
use crate::web::form::Form;
use crate::web::sandbox::validate_next;
use crate::web::state::AppState;
use crate::web::view::{PageLang, base_context, render, view_context};

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use serde_json::json;
use std::convert::Infallible;

/// The cookie that carries the instructor's token (HttpOnly, SameSite=Strict).
pub use crate::web::site_cookies::INSTRUCTOR as INSTRUCTOR_COOKIE;

/// The room, or 404 outside classroom mode.
fn room(state: &AppState) -> Result<&Classroom, AppError> {
    state.classroom.as_ref().ok_or(AppError::NotFound)
}

pub use crate::web::view::is_instructor;

/// The instructor's request, with the page's language: the room exists (else 404) and the
/// token cookie proves it (else the localized 403 page). Every presenter page takes one.
pub struct Instructor(pub Lang);

impl axum::extract::FromRequestParts<AppState> for Instructor {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<Self, Response> {
        if state.classroom.is_none() {
            return Err(AppError::NotFound.into_response());
        }
        let PageLang(lang) = PageLang::from_request_parts(parts, state).await?;
        let exchange = Exchange::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        if is_instructor(state, &exchange) {
            Ok(Instructor(lang))
        } else {
            Err(forbidden(state, &exchange, lang))
        }
    }
}

/// A localized 403 page for anyone without the token.
fn forbidden(state: &AppState, exchange: &Exchange, lang: Lang) -> Response {
    let mut ctx = base_context(state, exchange, lang, &format!("/{lang}/"), |l| {
        format!("/{l}/")
    });
    ctx.insert("message_title", "classroom-forbidden-title");
    ctx.insert("message_body", "classroom-forbidden-body");
    match render(state, "not_found.html", &ctx) {
        Ok(html) => (StatusCode::FORBIDDEN, html).into_response(),
        Err(e) => e.into_response(),
    }
}

#[derive(Debug, Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

/// `GET /classroom/instructor?token=…`: the link printed at start-up. The right token is
/// kept in the instructor cookie and the browser goes to the join slide (the token leaves
/// the address bar); a wrong one gets the 403 page.
pub async fn instructor(
    State(state): State<AppState>,
    exchange: Exchange,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
) -> Result<Response, AppError> {
    let room = room(&state)?;
    let lang = crate::web::view::preferred_lang(&exchange, &headers);
    if !room.is_instructor(Some(&q.token)) {
        return Ok(forbidden(&state, &exchange, lang));
    }
    exchange.lock().add_site_cookie(
        tower_cookies::Cookie::build((INSTRUCTOR_COOKIE, q.token.clone()))
            .path("/")
            .http_only(true)
            .same_site(tower_cookies::cookie::SameSite::Strict)
            .build(),
    );
    Ok(Redirect::to(&format!("/{lang}/present")).into_response())
}

/// `GET /join`: the address students open (the QR code). Their own language, following on.
pub async fn join(
    State(state): State<AppState>,
    exchange: Exchange,
    headers: HeaderMap,
) -> Response {
    let lang = crate::web::view::preferred_lang(&exchange, &headers);
    let to = if state.classroom.is_some() {
        format!("/{lang}/?follow=1")
    } else {
        format!("/{lang}/")
    };
    Redirect::to(&to).into_response()
}

/// Where a learner reading in `lang` finds `position`.
fn follow_href(lang: Lang, position: &Position) -> String {
    if position.section.is_empty() {
        format!("/{lang}/lessons/{}", position.slug)
    } else {
        format!("/{lang}/lessons/{}#{}", position.slug, position.section)
    }
}

/// `GET /{lang}/follow`: without JavaScript, one click to wherever the instructor is.
pub async fn follow(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
) -> Result<Response, AppError> {
    let room = room(&state)?;
    let to = room
        .position()
        .map_or_else(|| format!("/{lang}/"), |p| follow_href(lang, &p));
    Ok(Redirect::to(&to).into_response())
}

/// The student address shown on the join slide: the one announced at start-up, else the
/// host this request came in on.
fn join_url(room: &Classroom, headers: &HeaderMap) -> String {
    if let Some(url) = room.join_url() {
        return url.to_owned();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    format!("http://{host}/join")
}

/// `GET /{lang}/present`: the join slide — the address and its QR code, the follower count
/// and the lessons to start from.
pub async fn present_home(
    State(state): State<AppState>,
    Instructor(lang): Instructor,
    exchange: Exchange,
    Query(q): Query<SectionQuery>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let room = room(&state)?;
    let site = state.site();
    let path = format!("/{lang}/present");
    let mut ctx = base_context(&state, &exchange, lang, &path, |l| format!("/{l}/present"));
    let url = join_url(room, &headers);
    ctx.extend(view_context(&PresentView {
        view: "join",
        qr: crate::classroom::qr_svg(&url).unwrap_or_default(),
        join_url: url,
        lessons: site.library.summaries(lang),
        followers_text: followers_text(&state, lang, room.followers()),
        reset_count: q.reset,
        ..PresentView::default()
    }));
    Ok(render(&state, "present.html", &ctx)?.into_response())
}

#[derive(Debug, Deserialize)]
pub struct SectionQuery {
    section: Option<String>,
    reset: Option<usize>,
}

/// A section as the projector shows it: no speaker notes.
#[derive(Debug, serde::Serialize)]
struct Projected<'a> {
    key: &'a str,
    title: &'a str,
    blocks: &'a [Block],
}

fn projected(section: &Section) -> Projected<'_> {
    Projected {
        key: &section.key,
        title: &section.title,
        blocks: &section.blocks,
    }
}

/// The presenter view (`templates/present.html`): the join slide or one section.
#[derive(Debug, Default, serde::Serialize)]
struct PresentView<'a> {
    /// `join` or `section`.
    view: &'static str,
    join_url: String,
    /// The join address as an SVG QR code.
    qr: String,
    lessons: &'a [crate::content::Summary],
    page: Option<&'a crate::content::Page>,
    section: Option<Projected<'a>>,
    /// 1-based section number, of how many; the lesson's number in the course.
    number: usize,
    sections: usize,
    lesson_number: usize,
    prev: Option<String>,
    next: Option<String>,
    has_sandbox: bool,
    sb: Option<crate::web::view::SandboxView>,
    /// The remember-me and replay demos' state, beside the panel.
    demos: crate::web::login_demos::LoginDemosView,
    followers_text: String,
    /// After a reset: how many cookies it cleared.
    reset_count: Option<usize>,
}

/// The speaker-notes window (`templates/notes.html`).
#[derive(Debug, serde::Serialize)]
struct NotesView<'a> {
    page: &'a crate::content::Page,
    note_sections: Vec<NoteSection<'a>>,
    /// The presenter's current section key.
    current: &'a str,
}

#[derive(Debug, serde::Serialize)]
struct NoteSection<'a> {
    key: &'a str,
    title: &'a str,
    notes: &'a [String],
}

/// `GET /{lang}/present/{slug}?section=KEY`: one section at projector size. Opening it moves
/// the room there: followers and the notes window follow.
pub async fn present(
    State(state): State<AppState>,
    Instructor(lang): Instructor,
    exchange: Exchange,
    Path((_, slug)): Path<(String, String)>,
    Query(q): Query<SectionQuery>,
    headers: HeaderMap,
    uri: Uri,
) -> Result<Response, AppError> {
    let room = room(&state)?;
    let site = state.site();
    let Some(page) = site.library.lesson(lang, &slug) else {
        return Ok(crate::web::view::not_found(State(state.clone()), exchange, uri, headers).await);
    };
    let index = q
        .section
        .as_deref()
        .and_then(|k| page.sections.iter().position(|s| s.key == k))
        .unwrap_or(0);
    let Some(section) = page.sections.get(index) else {
        return Err(AppError::NotFound);
    };
    room.present(lang, &slug, &section.key);

    let lessons = site.library.lessons(lang);
    let at = lessons.iter().position(|p| p.slug == slug).unwrap_or(0);
    let section_href = |p: &crate::content::Page, i: usize| {
        let key = p.sections.get(i).map_or("", |s| s.key.as_str());
        if key.is_empty() {
            format!("/{lang}/present/{}", p.slug)
        } else {
            format!("/{lang}/present/{}?section={key}", p.slug)
        }
    };
    // Past the last section is the next lesson; before the first, the previous one's last.
    let prev = if index > 0 {
        Some(section_href(page, index - 1))
    } else {
        at.checked_sub(1)
            .and_then(|i| lessons.get(i))
            .map(|p| section_href(p, p.sections.len().saturating_sub(1)))
    };
    let next = if index + 1 < page.sections.len() {
        Some(section_href(page, index + 1))
    } else {
        lessons.get(at + 1).map(|p| section_href(p, 0))
    };
    let here = section_href(page, index);
    let mut ctx = base_context(&state, &exchange, lang, &here, |l| {
        format!("/{l}/present/{slug}")
    });
    ctx.extend(view_context(&PresentView {
        view: "section",
        page: Some(page),
        section: Some(projected(section)),
        number: index + 1,
        sections: page.sections.len(),
        lesson_number: at + 1,
        prev,
        next,
        has_sandbox: section.blocks.iter().any(|b| matches!(b, Block::Sandbox)),
        sb: crate::web::view::sandbox_view(&state, &exchange, lang, None),
        demos: crate::web::login_demos::view(&state, &exchange, &page.sandbox),
        followers_text: followers_text(&state, lang, room.followers()),
        reset_count: q.reset,
        ..PresentView::default()
    }));
    Ok(render(&state, "present.html", &ctx)?.into_response())
}

/// `GET /{lang}/present/{slug}/notes`: the speaker notes of every section, the presenter's
/// current one marked; with JavaScript it follows the presenter from lesson to lesson.
pub async fn notes(
    State(state): State<AppState>,
    Instructor(lang): Instructor,
    exchange: Exchange,
    Path((_, slug)): Path<(String, String)>,
    headers: HeaderMap,
    uri: Uri,
) -> Result<Response, AppError> {
    let room = room(&state)?;
    let site = state.site();
    let Some(page) = site.library.lesson(lang, &slug) else {
        return Ok(crate::web::view::not_found(State(state.clone()), exchange, uri, headers).await);
    };
    let current = room
        .position()
        .filter(|p| p.slug == slug && p.lang == lang)
        .map(|p| p.section)
        .unwrap_or_default();
    let path = format!("/{lang}/present/{slug}/notes");
    let mut ctx = base_context(&state, &exchange, lang, &path, |l| {
        format!("/{l}/present/{slug}/notes")
    });
    ctx.extend(view_context(&NotesView {
        page,
        note_sections: page
            .sections
            .iter()
            .map(|s| NoteSection {
                key: &s.key,
                title: &s.title,
                notes: &s.notes,
            })
            .collect(),
        current: &current,
    }));
    Ok(render(&state, "notes.html", &ctx)?.into_response())
}

/// `POST /classroom/reset` (`next`): before the next class, clear every sandbox cookie this
/// (instructor's) browser sent, its session (keeping only its language) wherever it lives,
/// and its quiz progress. The instructor cookie and the colour theme stay.
pub async fn reset(
    State(state): State<AppState>,
    exchange: Exchange,
    body: Bytes,
) -> Result<Response, AppError> {
    room(&state)?;
    if !is_instructor(&state, &exchange) {
        return Err(AppError::Forbidden(
            "resetting the demo needs the instructor link".into(),
        ));
    }
    let form = Form::parse(&body);
    let next = form
        .get("next")
        .map(validate_next)
        .transpose()?
        .unwrap_or_else(|| "/".into());
    let mut inner = exchange.lock();
    let lang = match inner.session.get("lang") {
        Some(Value::Str(code)) => Lang::from_code(code),
        _ => None,
    };
    let session_cookie = inner.config.cookie_name.clone();
    let keep = [
        INSTRUCTOR_COOKIE,
        crate::web::site_cookies::THEME,
        session_cookie.as_str(),
    ];
    let mut cleared = 0;
    for (name, _) in inner.cookies.clone() {
        if keep.contains(&name.as_str()) {
            continue;
        }
        if name == crate::web::site_cookies::PROGRESS {
            // The site's own cookie goes the way it came: through tower-cookies.
            inner.remove_site_cookie(crate::web::site_cookies::PROGRESS);
            cleared += 1;
        } else if inner.set_cookie(&CookieSpec::new(name, "").deletion()) {
            cleared += 1;
        }
    }
    // Cookies the demo set with a narrower Path or a Domain were not sent here: delete each
    // with the scope it was set with.
    for scoped in state.classroom.iter().flat_map(|room| room.take_scoped()) {
        let mut spec = CookieSpec::new(scoped.name, "").deletion();
        spec.path = scoped.path;
        spec.domain = scoped.domain;
        if inner.set_cookie(&spec) {
            cleared += 1;
        }
    }
    // A server-side session's record goes too; the new session is an ordinary cookie one.
    inner.pending_delete = inner.server.take().map(|s| s.key);
    let mut fresh = crate::session::Session::default();
    if let Some(lang) = lang {
        fresh.set("lang", Value::Str(lang.code().into()));
    }
    fresh.mark_modified();
    if inner.cookies.iter().any(|(n, _)| *n == session_cookie) {
        cleared += 1;
    }
    inner.config = state.session_config.clone();
    *inner.session_mut() = fresh;
    drop(inner);
    let (path, fragment) = next
        .split_once('#')
        .map_or((next.as_str(), ""), |(p, f)| (p, f));
    let sep = if path.contains('?') { '&' } else { '?' };
    let fragment = if fragment.is_empty() {
        String::new()
    } else {
        format!("#{fragment}")
    };
    Ok(Redirect::to(&format!("{path}{sep}reset={cleared}{fragment}")).into_response())
}

/// "N students follow", with the plural rules of `lang`.
fn followers_text(state: &AppState, lang: Lang, count: usize) -> String {
    state.site().loc.text(
        lang,
        "present-followers",
        &[("count", Arg::Num(count as f64))],
    )
}

#[derive(Debug, Deserialize)]
pub struct EventsQuery {
    /// `1`: count this connection as a follower.
    #[serde(default)]
    follow: Option<String>,
    /// The language follower counts are written in (the presenter's).
    #[serde(default)]
    lang: Option<String>,
}

/// `GET /classroom/events`: server-sent events. `position` (JSON: lang, slug, section, seq;
/// `null` before the presenter starts) on every move; for a connection that does not follow,
/// also `followers` (JSON: count and its localized text). `?follow=1` counts the connection
/// as a follower for as long as it stays open.
pub async fn events(
    State(state): State<AppState>,
    Query(q): Query<EventsQuery>,
    extensions: axum::http::Extensions,
) -> Result<Response, AppError> {
    let room = room(&state)?;
    let stream_guard = open_stream(&state, &extensions)?;
    let following = q.follow.as_deref() == Some("1");
    let lang = q
        .lang
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or(Lang::En);
    let follower = following.then(|| room.follow());
    let streams = (
        room.watch_position(),
        room.watch_followers(),
        state.closing.subscribe(),
        (follower, stream_guard),
    );
    let stream =
        futures_util::stream::unfold(streams, move |(mut pos, mut count, mut closing, f)| {
            let state = state.clone();
            async move {
                if *closing.borrow() {
                    return None;
                }
                let event = tokio::select! {
                    biased;
                    _ = closing.changed() => return None,
                    changed = pos.changed() => {
                        changed.ok()?;
                        let p = pos.borrow_and_update().clone();
                        Event::default().event("position").json_data(&p).ok()?
                    }
                    changed = count.changed(), if !following => {
                        changed.ok()?;
                        let n = *count.borrow_and_update();
                        Event::default()
                            .event("followers")
                            .json_data(json!({"count": n, "text": followers_text(&state, lang, n)}))
                            .ok()?
                    }
                };
                Some((Ok::<_, Infallible>(event), (pos, count, closing, f)))
            }
        });
    Ok(Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response())
}

/// Count one more event stream from this client, or refuse it with a 503 that names the
/// limit (an `EventSource` then stops retrying; the page keeps working without it).
fn open_stream(
    state: &AppState,
    extensions: &axum::http::Extensions,
) -> Result<crate::web::limits::StreamGuard, AppError> {
    state
        .streams
        .open(crate::web::limits::client_ip(extensions))
        .map_err(|refused| AppError::Busy(refused.to_string()))
}

/// `GET /_live/events` (`--watch` only): a `reload` event whenever the content was
/// re-rendered or failed to; open pages reload and show the new page or the error.
pub async fn live_events(
    State(state): State<AppState>,
    extensions: axum::http::Extensions,
) -> Result<Response, AppError> {
    if !state.live_reload {
        return Err(AppError::NotFound);
    }
    let guard = open_stream(&state, &extensions)?;
    let streams = (
        state.site_cell.watch_version(),
        state.closing.subscribe(),
        guard,
    );
    let stream = futures_util::stream::unfold(
        streams,
        |(mut version, mut closing, guard)| async move {
            if *closing.borrow() {
                return None;
            }
            tokio::select! {
                biased;
                _ = closing.changed() => None,
                changed = version.changed() => {
                    changed.ok()?;
                    let v = *version.borrow_and_update();
                    Some((Ok::<_, Infallible>(Event::default().event("reload").data(v.to_string())), (version, closing, guard)))
                }
            }
        },
    );
    Ok(Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response())
}
