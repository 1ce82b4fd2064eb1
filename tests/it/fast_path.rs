//! The returning learner's fast path (a lesson's skeleton filled with the learner's parts)
//! writes exactly what a whole render of the templates writes, plain and gzipped, for
//! learners in every state the site can put them in.

use crate::common::app::TestApp;
use crate::common::jar_after;
use crate::common::mem::{Resp, send, send_raw};
use axum::body::Body;
use axum::http::{Request, header};
use cookie_course::AppState;
use cookie_course::i18n::Lang;
use std::io::Read;
use std::sync::atomic::Ordering;

const KEY: &[u8] = b"fast path test key";
const TOKEN: &str = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

/// Every site these tests compare on: its clock is frozen, because the progress cookie
/// carries its signing second and the two paths' answers are compared byte for byte.
fn frozen_site() -> TestApp {
    TestApp::new(KEY).frozen_at(1_800_000_000.0)
}

/// A browser's GET: its cookies and, when `gzip`, the `Accept-Encoding` a browser sends.
async fn page(app: &axum::Router, path: &str, jar: &str, gzip: bool) -> (Resp, String) {
    let mut req = Request::get(path).header(header::ACCEPT, "text/html");
    if !jar.is_empty() {
        req = req.header(header::COOKIE, jar);
    }
    if gzip {
        req = req.header(header::ACCEPT_ENCODING, "gzip, deflate, br, zstd");
    }
    let (resp, bytes) = send_raw(app, req.body(Body::empty()).unwrap()).await;
    let body = if resp.header("content-encoding") == Some("gzip") {
        let mut text = String::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut text)
            .unwrap_or_else(|e| panic!("{path}: the gzip body does not decode: {e}"));
        text
    } else {
        assert!(
            !gzip || jar.is_empty(),
            "{path}: a browser that takes gzip gets it"
        );
        String::from_utf8(bytes.to_vec()).expect("UTF-8")
    };
    (resp, body)
}

/// A form a browser posts from a lesson's sandbox (no JavaScript): the jar after it, and where
/// it was sent (with its `?sent=`).
async fn act(app: &axum::Router, jar: &str, path: &str, form: &str) -> (String, String) {
    let mut req = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html");
    if !jar.is_empty() {
        req = req.header(header::COOKIE, jar);
    }
    let next = "/en/lessons/session-basics%23sandbox";
    let r = send(
        app,
        req.body(Body::from(format!("{form}&next={next}"))).unwrap(),
    )
    .await;
    assert!(
        r.status.is_redirection(),
        "{path} {form}: {} {}",
        r.status,
        r.body
    );
    let location = r.header("location").unwrap_or_default().to_owned();
    (jar_after(jar, &r.set_cookies()), location)
}

/// Each path's page for `jar` by the fast path (plain and gzipped) and whole; all three the
/// same, with the same status and cookies.
async fn same_both_ways(
    state: &AppState,
    app: &axum::Router,
    what: &str,
    jar: &str,
    paths: &[String],
) {
    for path in paths {
        state.full_render.store(true, Ordering::Relaxed);
        let (full, full_body) = page(app, path, jar, false).await;
        state.full_render.store(false, Ordering::Relaxed);
        let (fast, fast_body) = page(app, path, jar, false).await;
        let (zipped, zipped_body) = page(app, path, jar, true).await;
        assert_eq!(full.status, 200, "{what} {path}: {full_body}");
        for (how, resp, body) in [
            ("plain", &fast, &fast_body),
            ("gzip", &zipped, &zipped_body),
        ] {
            assert_eq!(resp.status, full.status, "{what} {path} ({how})");
            assert_eq!(
                resp.set_cookies(),
                full.set_cookies(),
                "{what} {path} ({how})"
            );
            if body != &full_body {
                let at = body
                    .bytes()
                    .zip(full_body.bytes())
                    .position(|(a, b)| a != b)
                    .unwrap_or(body.len().min(full_body.len()));
                let near = |s: &str| {
                    s.get(at.saturating_sub(80)..(at + 80).min(s.len()))
                        .unwrap_or("")
                        .to_owned()
                };
                panic!(
                    "{what} {path} ({how}): the fast path differs from a whole render at byte {at}:\n fast: {:?}\n full: {:?}",
                    near(body),
                    near(&full_body)
                );
            }
        }
    }
}

/// Every lesson, each in two of the four languages (which two turns with `n`, so every
/// language is seen), plus `?sent=` pages where the state has one.
fn lesson_paths(state: &AppState, n: usize) -> Vec<String> {
    let site = state.site();
    let slugs: Vec<String> = site
        .library
        .lessons(Lang::En)
        .iter()
        .map(|p| p.slug.clone())
        .collect();
    let mut paths = Vec::new();
    for (i, slug) in slugs.iter().enumerate() {
        for k in 0..2 {
            let lang = Lang::ALL[(n + i + 2 * k) % Lang::ALL.len()];
            paths.push(format!("/{lang}/lessons/{slug}"));
        }
    }
    paths
}

/// The jar after answering every question of the quiz at `path` (`/{lang}/lessons/{slug}`),
/// the first `right` of them correctly.
async fn answer(
    state: &AppState,
    app: &axum::Router,
    jar: &str,
    path: &str,
    right: usize,
) -> String {
    let slug = path.rsplit('/').next().unwrap();
    let site = state.site();
    let quiz = site
        .library
        .lesson(Lang::En, slug)
        .unwrap()
        .quiz
        .as_ref()
        .unwrap();
    let form = quiz
        .question
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let choice = q.choice.iter().find(|c| c.correct == (i < right)).unwrap();
            format!("{}={}", q.id, choice.id)
        })
        .collect::<Vec<_>>()
        .join("&");
    let url = format!("{path}/quiz");
    let r = crate::common::mem::post(app, &url, &form, Some(jar), "text/html").await;
    assert!(r.status.is_redirection(), "{url}: {}", r.status);
    jar_after(jar, &r.set_cookies())
}

#[tokio::test]
async fn a_returning_learners_lesson_page_is_byte_for_byte_a_whole_render_in_every_state() {
    let (state, app) = frozen_site().build();
    let mut states: Vec<(&str, String, Vec<String>)> = Vec::new();
    let mut add = |what, jar: &str, extra: Vec<String>| states.push((what, jar.to_owned(), extra));

    add("no cookie at all", "", vec![]);
    add("a light theme only", "theme=light", vec![]);
    let first = page(&app, "/ru/lessons/cookies", "theme=dark", false)
        .await
        .0;
    let visited = jar_after("theme=dark", &first.set_cookies());
    add("a dark theme and progress", &visited, vec![]);
    let (jar, sent) = act(&app, &visited, "/sandbox/session/set", "key=user&value=ada").await;
    add("a session key, and the redirect's ?sent=", &jar, vec![sent]);
    let (hostile, _) = act(
        &app,
        &jar,
        "/sandbox/session/set",
        "key=%3Cscript%3E&value=%3C%2Fpre%3E%22%27%26amp%3B%7B%7B+x+%7D%7D",
    )
    .await;
    add(
        "markup and template syntax typed into the session",
        &hostile,
        vec![],
    );
    let (cookie, _) = act(
        &app,
        &hostile,
        "/sandbox/cookies/set",
        "name=colour&value=%3Cb%3Eblue%3C%2Fb%3E&samesite=Lax",
    )
    .await;
    add("a cookie of the learner's own", &cookie, vec![]);
    let (flashed, sent) = act(
        &app,
        &visited,
        "/sandbox/demo/login",
        "username=student&password=wrong",
    )
    .await;
    add("a flashed message waiting", &flashed, vec![sent]);
    let (permanent, _) = act(
        &app,
        &jar,
        "/sandbox/session/permanent",
        "permanent=true&lifetime=120",
    )
    .await;
    add("a permanent session", &permanent, vec![]);
    let (server, _) = act(&app, &jar, "/sandbox/session/store", "mode=server").await;
    add("a server-side session", &server, vec![]);
    let tampered = jar.replace("session=", "session=x");
    add("a tampered session cookie", &tampered, vec![]);
    let answered = answer(&state, &app, &jar, "/uk/lessons/cookies", 1).await;
    let completed = answer(&state, &app, &answered, "/bn/lessons/session-basics", 99).await;
    add(
        "one quiz half right, another passed",
        &completed,
        vec![
            "/uk/lessons/cookies".into(),
            "/en/lessons/cookies".into(),
            "/bn/lessons/session-basics".into(),
            "/ru/lessons/session-basics".into(),
        ],
    );
    let (remembered, _) = act(
        &app,
        &visited,
        "/sandbox/demo/remember/login",
        "username=student&remember=true",
    )
    .await;
    let (closed, _) = act(&app, &remembered, "/sandbox/demo/remember/close", "").await;
    add(
        "the remember-me demo after closing the browser",
        &closed,
        vec![],
    );
    let (replay, _) = act(&app, &visited, "/sandbox/demo/replay/login", "").await;
    let (copied, _) = act(&app, &replay, "/sandbox/demo/replay/copy", "").await;
    let (bumped, _) = act(
        &app,
        &copied,
        "/sandbox/demo/replay/logout",
        "everywhere=true",
    )
    .await;
    add(
        "the replay demo with a copied cookie, after logging out everywhere",
        &bumped,
        vec![],
    );

    for (n, (what, jar, extra)) in states.iter().enumerate() {
        let mut paths = lesson_paths(&state, n);
        paths.extend(extra.iter().cloned());
        same_both_ways(&state, &app, what, jar, &paths).await;
    }
}

#[tokio::test]
async fn the_classroom_bar_of_the_instructor_and_of_a_student_is_the_same_both_ways() {
    let (state, app) = frozen_site().classroom(TOKEN).build();
    let instructor = format!("classroom_instructor={TOKEN}; theme=dark");
    let student = "theme=auto; classroom_instructor=0000";
    let paths = lesson_paths(&state, 3);
    same_both_ways(&state, &app, "the instructor", &instructor, &paths).await;
    same_both_ways(&state, &app, "a student", student, &paths).await;
    let (fast, body) = page(&app, "/en/lessons/cookies", &instructor, true).await;
    assert_eq!(fast.header("content-encoding"), Some("gzip"));
    assert!(
        body.contains("href=\"/en/present\""),
        "the instructor's bar links to the presenter view"
    );
}

#[tokio::test]
async fn every_lesson_is_prerendered_and_a_revisit_re_signs_no_progress_cookie() {
    let (state, app) = frozen_site().build();
    let built = cookie_course::web::lesson_page::prerender(&state).unwrap();
    assert_eq!(
        built,
        Lang::ALL.len() * state.site().library.lessons(Lang::En).len()
    );
    let first = page(&app, "/en/lessons/cookies", "", false).await.0;
    let jar = jar_after("", &first.set_cookies());
    assert!(
        jar.contains("progress="),
        "a first visit is remembered: {jar}"
    );
    let again = page(&app, "/en/lessons/cookies", &jar, true).await.0;
    assert_eq!(
        again.set_cookies(),
        Vec::<String>::new(),
        "nothing changed, nothing is re-signed"
    );
    let next = page(&app, "/en/lessons/session-basics", &jar, true).await.0;
    assert!(
        next.set_cookies()
            .iter()
            .any(|c| c.starts_with("progress=")),
        "a new lesson visited changes the progress cookie"
    );
}

#[tokio::test]
async fn a_lesson_without_a_quiz_or_a_sandbox_is_the_same_both_ways() {
    let tree = crate::common::tree::Tree::new("fast-path-site");
    tree.write(
        "content/en/lab.md",
        "+++\ntitle = \"Lab\"\norder = 1\nsummary = \"No quiz\"\nsandbox = [\"set-key\", \"show-session\"]\n+++\nTry it.\n\n:::sandbox\n",
    );
    tree.write(
        "content/en/plain.md",
        "+++\ntitle = \"Plain\"\norder = 2\nsummary = \"Nothing to do\"\n+++\nJust text.\n",
    );
    let (state, app) = frozen_site().source(tree.source()).build();
    let (jar, sent) = act(
        &app,
        "theme=light",
        "/sandbox/session/set",
        "key=user&value=ada",
    )
    .await;
    // The action came back to a lesson this site does not have; its `?sent=` is the browser's.
    let sent = sent.replace("session-basics", "lab");
    let paths: Vec<String> = [
        "/en/lessons/lab",
        "/ru/lessons/lab",
        "/en/lessons/plain",
        &sent,
    ]
    .map(String::from)
    .to_vec();
    same_both_ways(&state, &app, "a lesson without a quiz", &jar, &paths).await;
}

#[tokio::test]
async fn an_edited_lesson_reaches_a_returning_learner_through_a_new_skeleton() {
    let tree = crate::common::tree::Tree::new("fast-path-watch");
    let text = |version: &str| {
        crate::common::tree::lesson(
            "Live",
            1,
            None,
            &format!("{version} of the text.\n\n:::sandbox\n"),
        )
    };
    tree.write("content/en/live.md", &text("FIRST-VERSION"));
    let (state, app) = frozen_site().source(tree.source()).build();
    let _watching = cookie_course::site::watch::spawn(tree.source(), state.site_cell.clone())
        .expect("watching");
    let jar = "theme=dark";
    assert!(
        page(&app, "/ru/lessons/live", jar, true)
            .await
            .1
            .contains("FIRST-VERSION")
    );
    cookie_course::web::lesson_page::prerender(&state).unwrap();

    tree.write("content/en/live.md", &text("SECOND-VERSION"));
    let mut seen = String::new();
    for _ in 0..200 {
        seen = page(&app, "/ru/lessons/live", jar, true).await.1;
        if seen.contains("SECOND-VERSION") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(
        seen.contains("SECOND-VERSION"),
        "the returning learner never saw the edit:\n{seen}"
    );
    assert!(!seen.contains("FIRST-VERSION"));
    let paths = ["/en/lessons/live".to_owned(), "/ru/lessons/live".to_owned()];
    same_both_ways(&state, &app, "after a reload", jar, &paths).await;
}
