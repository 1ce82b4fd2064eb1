//! Classroom mode: the instructor token guards every control, the presenter moves the room,
//! followers receive the moves over server-sent events on a real socket, the notes window
//! shows notes learners never see, and the demo reset clears the instructor's cookies.

use crate::common;

use crate::common::app::TestApp;
use axum::http::StatusCode;
use common::mem::{get, post};
use common::peers::serve;
use common::tree::Tree;
use cookie_course::AppState;
use cookie_course::i18n::Lang;
use cookie_course::session::{Keys, Value, loads};
use cookie_course::site::source::Source;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const KEY: &[u8] = b"classroom test key";
const TOKEN: &str = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
const INSTRUCTOR: &str = "classroom_instructor=0f1e2d3c4b5a69788796a5b4c3d2e1f0";

fn room(source: &Source) -> AppState {
    TestApp::new(KEY)
        .source(source.clone())
        .classroom(TOKEN)
        .state()
}

fn position(state: &AppState) -> Option<(Lang, String, String)> {
    state
        .classroom
        .as_ref()
        .unwrap()
        .position()
        .map(|p| (p.lang, p.slug, p.section))
}

#[tokio::test]
async fn the_instructor_link_sets_an_httponly_token_cookie_and_a_wrong_token_is_refused() {
    let state = room(&Source::Embedded);
    let app = cookie_course::app(state.clone());

    let wrong = get(
        &app,
        "/classroom/instructor?token=0f1e2d3c4b5a69788796a5b4c3d2e1f1",
        None,
    )
    .await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    assert!(wrong.set_cookies().is_empty(), "{:?}", wrong.set_cookies());
    assert!(wrong.body.contains("For the instructor only"));

    let right = get(&app, &format!("/classroom/instructor?token={TOKEN}"), None).await;
    assert_eq!(right.status, StatusCode::SEE_OTHER);
    assert_eq!(right.header("location"), Some("/en/present"));
    let cookie = right
        .set_cookies()
        .into_iter()
        .find(|c| c.starts_with("classroom_instructor="))
        .expect("the token cookie");
    let cookie = cookie::Cookie::parse(cookie).unwrap();
    assert_eq!(
        (cookie.name(), cookie.value()),
        ("classroom_instructor", TOKEN)
    );
    assert_eq!(cookie.http_only(), Some(true), "JavaScript never reads it");
    assert_eq!(cookie.same_site(), Some(cookie::SameSite::Strict));
    assert_eq!(cookie.path(), Some("/"));
    assert_eq!(cookie.max_age(), None, "it ends with the browser session");
}

#[tokio::test]
async fn without_the_token_no_page_or_control_of_the_room_is_reachable() {
    let state = room(&Source::Embedded);
    let app = cookie_course::app(state.clone());
    // A learner can write anything into their own session with the sandbox, and any plain
    // cookie: neither makes them the instructor.
    let forged = post(
        &app,
        "/sandbox/session/set",
        "key=classroom_instructor&value=0f1e2d3c4b5a69788796a5b4c3d2e1f0",
        None,
        "application/json",
    )
    .await;
    let session = forged.session_cookie().unwrap();
    let attempts = [
        None,
        Some(format!("session={session}")),
        Some("classroom_instructor=guess".to_owned()),
        Some(format!("classroom_instructor={}", TOKEN.to_uppercase())),
    ];
    for cookie in &attempts {
        for path in [
            "/en/present",
            "/ru/present/cookies",
            "/uk/present/cookies/notes",
        ] {
            let r = get(&app, path, cookie.as_deref()).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{path} with {cookie:?}");
        }
        let reset = post(
            &app,
            "/classroom/reset",
            "next=/",
            cookie.as_deref(),
            "text/html",
        )
        .await;
        assert_eq!(reset.status, StatusCode::FORBIDDEN);
        assert!(reset.set_cookies().is_empty());
    }
    assert_eq!(position(&state), None, "nobody moved the room");
    let ru = get(&app, "/ru/present", None).await;
    assert!(
        ru.body.contains("Только для преподавателя"),
        "localized 403"
    );
}

#[tokio::test]
async fn outside_classroom_mode_there_is_no_room() {
    let app = cookie_course::app(AppState::with_key(KEY));
    for path in [
        "/classroom/events",
        "/classroom/instructor?token=x",
        "/en/present",
        "/en/present/cookies",
        "/en/follow",
        "/_live/events",
    ] {
        assert_eq!(
            get(&app, path, None).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let page = get(&app, "/en/lessons/cookies", None).await;
    assert!(!page.body.contains("classroom-bar"));
    assert!(!page.body.contains("classroom."), "no classroom script");
    let join = get(&app, "/join", None).await;
    assert_eq!(join.header("location"), Some("/en/"));
}

#[tokio::test]
async fn the_presenter_view_projects_one_section_and_moves_the_room_there() {
    let state = room(&Source::Embedded);
    let app = cookie_course::app(state.clone());
    let page = get(
        &app,
        "/en/present/cookies?section=setting-a-cookie",
        Some(INSTRUCTOR),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        position(&state),
        Some((Lang::En, "cookies".into(), "setting-a-cookie".into()))
    );
    let body = &page.body;
    assert!(body.contains("class=\"presenter\""));
    assert!(body.contains("id=\"setting-a-cookie\""));
    assert!(
        !body.contains("id=\"reading-a-cookie\""),
        "one section at a time"
    );
    assert!(
        !body.contains("site-header"),
        "no site navigation on the projector"
    );
    assert!(body.contains("rel=\"next\" href=\"/en/present/cookies?section=reading-a-cookie\""));
    assert!(body.contains("rel=\"prev\" href=\"/en/present/cookies\""));
    assert!(body.contains("Section 2 of"));

    // The section with the sandbox projects the sandbox and its state panel.
    let sandbox = get(
        &app,
        "/en/present/cookies?section=try-it-in-the-sandbox",
        Some(INSTRUCTOR),
    )
    .await;
    assert!(sandbox.body.contains("with-sandbox"));
    assert!(sandbox.body.contains("data-sandbox"));
    assert!(sandbox.body.contains("class=\"panel\""));

    // The last section leads on to the next lesson's introduction.
    let lessons = state.site().library.lessons(Lang::En).len();
    assert!(lessons > 1);
    let last = state
        .site()
        .library
        .lesson(Lang::En, "cookies")
        .unwrap()
        .sections
        .last()
        .unwrap()
        .key
        .clone();
    let end = get(
        &app,
        &format!("/en/present/cookies?section={last}"),
        Some(INSTRUCTOR),
    )
    .await;
    let site = state.site();
    let lessons = site.library.lessons(Lang::En);
    let at = lessons.iter().position(|p| p.slug == "cookies").unwrap();
    let next_slug = lessons[at + 1].slug.clone();
    assert!(
        end.body
            .contains(&format!("rel=\"next\" href=\"/en/present/{next_slug}\""))
    );

    // The join slide shows the students' address as text and as a QR code.
    let join = get(&app, "/en/present", Some(INSTRUCTOR)).await;
    assert!(join.body.contains("/join</code>"));
    assert!(join.body.contains("<svg"));
}

#[tokio::test]
async fn learners_follow_in_their_own_language_with_or_without_javascript() {
    let state = room(&Source::Embedded);
    let app = cookie_course::app(state.clone());
    let before = get(&app, "/uk/follow", None).await;
    assert_eq!(before.header("location"), Some("/uk/"));
    get(
        &app,
        "/ru/present/cookies?section=deleting-a-cookie",
        Some(INSTRUCTOR),
    )
    .await;
    let after = get(&app, "/uk/follow", None).await;
    assert_eq!(
        after.header("location"),
        Some("/uk/lessons/cookies#deleting-a-cookie")
    );
    // The Ukrainian page has the section the Russian presenter is on.
    let uk = get(&app, "/uk/lessons/cookies", None).await;
    assert!(uk.body.contains("id=\"deleting-a-cookie\""));
    assert!(uk.body.contains("classroom-bar") && uk.body.contains("data-follow"));

    let mut req = axum::http::Request::get("/join");
    req = req.header("accept-language", "bn-BD,bn;q=0.9,en;q=0.5");
    let join = common::mem::send(&app, req.body(axum::body::Body::empty()).unwrap()).await;
    assert_eq!(join.header("location"), Some("/bn/?follow=1"));
}

/// A lesson with speaker notes in two sections and the introduction.
fn noted_tree() -> Tree {
    let tree = Tree::new("notes");
    tree.write(
        "content/en/noted.md",
        &common::tree::lesson(
            "Noted",
            1,
            None,
            "Intro text.\n\n:::notes\n- INTRO-NOTE: greet the room\n:::\n\n## First {#first}\n\nFirst text.\n\n:::notes\n- FIRST-NOTE: ask *why*\n:::\n\n## Second {#second}\n\nSecond text.\n\n:::notes\n- SECOND-NOTE <b>not html</b>\n:::\n",
        ),
    );
    tree
}

#[tokio::test]
async fn speaker_notes_reach_the_notes_window_and_never_a_learners_page() {
    let tree = noted_tree();
    let state = room(&tree.source());
    let app = cookie_course::app(state.clone());
    for lang in ["en", "ru", "uk", "bn"] {
        let page = get(&app, &format!("/{lang}/lessons/noted"), None).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("First text."));
        assert!(
            !page.body.contains("NOTE"),
            "{lang}: notes leaked to learners"
        );
    }
    let projected = get(&app, "/en/present/noted?section=first", Some(INSTRUCTOR)).await;
    assert!(projected.body.contains("First text."));
    assert!(
        !projected.body.contains("FIRST-NOTE"),
        "notes are not projected"
    );

    let notes = get(&app, "/en/present/noted/notes", Some(INSTRUCTOR)).await;
    assert_eq!(notes.status, StatusCode::OK);
    let body = &notes.body;
    for note in [
        "INTRO-NOTE",
        "FIRST-NOTE: ask <em>why</em>",
        "SECOND-NOTE &lt;b&gt;not html&lt;/b&gt;",
    ] {
        assert!(body.contains(note), "{note} in {body}");
    }
    // The presenter's section is the current one.
    let current = body
        .find("aria-current=\"step\"")
        .expect("a current section");
    let first = body.find("data-section=\"first\"").unwrap();
    assert!(current > first && current < body.find("data-section=\"second\"").unwrap());
}

/// An event-stream connection on a real socket.
struct Stream {
    socket: tokio::net::TcpStream,
    seen: String,
}

impl Stream {
    async fn open(addr: std::net::SocketAddr, path: &str) -> Stream {
        let mut socket = tokio::net::TcpStream::connect(addr).await.unwrap();
        let req = format!("GET {path} HTTP/1.1\r\nHost: room\r\nAccept: text/event-stream\r\n\r\n");
        socket.write_all(req.as_bytes()).await.unwrap();
        Stream {
            socket,
            seen: String::new(),
        }
    }

    /// Read until `needle` has arrived (5 s at most); what came before it is consumed.
    async fn until(&mut self, needle: &str) -> String {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
        loop {
            if let Some(at) = self.seen.find(needle) {
                let upto = at + needle.len();
                let before = self.seen[..upto].to_owned();
                self.seen.drain(..upto);
                return before;
            }
            let mut buf = [0u8; 4096];
            let n = tokio::time::timeout_at(deadline, self.socket.read(&mut buf))
                .await
                .unwrap_or_else(|_| panic!("no {needle:?} within 5 s; got {:?}", self.seen))
                .unwrap();
            assert!(n > 0, "stream closed before {needle:?}: {:?}", self.seen);
            self.seen.push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    }
}

#[tokio::test]
async fn every_follower_receives_the_moves_and_the_instructor_sees_the_count() {
    let state = room(&Source::Embedded);
    let addr = serve(state.clone()).await;
    let app = cookie_course::app(state.clone());

    let mut instructor = Stream::open(addr, "/classroom/events?lang=ru").await;
    let head = instructor.until("\r\n\r\n").await;
    assert!(head.starts_with("HTTP/1.1 200"));
    assert!(
        head.to_ascii_lowercase()
            .contains("content-type: text/event-stream")
    );
    instructor.until("data: null").await;
    instructor.until("Пока никто не следует").await;

    let mut followers = Vec::new();
    for _ in 0..3 {
        let mut f = Stream::open(addr, "/classroom/events?follow=1").await;
        f.until("data: null").await;
        followers.push(f);
    }
    instructor
        .until("\"count\":3,\"text\":\"Следуют 3 студента\"")
        .await;

    get(
        &app,
        "/ru/present/session-basics?section=the-example-app",
        Some(INSTRUCTOR),
    )
    .await;
    for f in &mut followers {
        f.until("event: position").await;
        let data = f.until("\n\n").await;
        assert!(
            data.contains(
                "\"lang\":\"ru\",\"slug\":\"session-basics\",\"section\":\"the-example-app\""
            ),
            "{data}"
        );
    }
    instructor.until("\"slug\":\"session-basics\"").await;
    // Followers only get moves, not counts.
    get(&app, "/ru/present/session-basics", Some(INSTRUCTOR)).await;
    for f in &mut followers {
        let before = f.until("\"section\":\"\"").await;
        assert!(!before.contains("followers"), "{before}");
    }

    // One learner leaves (closes the page): the instructor sees it.
    drop(followers.pop());
    instructor.until("\"count\":2").await;
    assert_eq!(state.classroom.as_ref().unwrap().followers(), 2);
}

#[tokio::test]
async fn reset_demo_clears_the_instructors_sandbox_cookies_but_keeps_the_token_and_language() {
    let state = room(&Source::Embedded);
    let app = cookie_course::app(state.clone());
    let set = post(
        &app,
        "/sandbox/session/set",
        "key=cart&value=apples",
        Some(INSTRUCTOR),
        "application/json",
    )
    .await;
    let session = set.session_cookie().unwrap();
    let jar = format!(
        "{INSTRUCTOR}; session={session}; site_theme=dark; flavour=oatmeal; progress=abc; sandbox_lifetime=60"
    );
    let lang = post(
        &app,
        "/prefs/lang",
        "lang=uk&next=/",
        Some(&jar),
        "text/html",
    )
    .await;
    let jar = common::jar_after(&jar, &lang.set_cookies());

    let reset = post(
        &app,
        "/classroom/reset",
        "next=/uk/present/cookies?section=deleting-a-cookie#sandbox",
        Some(&jar),
        "text/html",
    )
    .await;
    assert_eq!(reset.status, StatusCode::SEE_OTHER);
    assert_eq!(
        reset.header("location"),
        Some("/uk/present/cookies?section=deleting-a-cookie&reset=4#sandbox")
    );
    let cookies = reset.set_cookies();
    for gone in ["flavour", "progress", "sandbox_lifetime"] {
        assert!(
            cookies
                .iter()
                .any(|c| c.starts_with(&format!("{gone}=;")) && c.contains("Max-Age=0")),
            "{gone} deleted: {cookies:?}"
        );
    }
    for kept in ["classroom_instructor", "site_theme"] {
        assert!(
            !cookies.iter().any(|c| c.starts_with(&format!("{kept}="))),
            "{kept} kept: {cookies:?}"
        );
    }
    let fresh = reset.session_cookie().expect("a new session cookie");
    let data = loads(&fresh, &Keys::new(KEY, &[]), 0, None).unwrap();
    assert_eq!(data.len(), 1, "{data:?}");
    assert_eq!(data.get("lang"), Some(&Value::Str("uk".into())));
}
