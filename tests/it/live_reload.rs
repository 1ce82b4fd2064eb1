//! `--content DIR --watch`: an edited lesson, locale or template is re-rendered in every
//! language while the server runs; an edit that does not load keeps the last good site and
//! shows its error in the page; open pages hear a `reload` event.

use crate::common;

use axum::http::StatusCode;
use common::mem::get;
use common::peers::serve;
use common::tree::{Tree, lesson};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Poll `path` until its body passes `check` (10 s at most); returns that body.
async fn until(app: &axum::Router, path: &str, check: impl Fn(&str) -> bool) -> String {
    let mut last = String::new();
    for _ in 0..200 {
        let r = get(app, path, None).await;
        if check(&r.body) {
            return r.body;
        }
        last = r.body;
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{path} never changed as expected; last body:\n{last}");
}

#[tokio::test]
async fn edits_are_re_rendered_in_every_language_and_a_broken_edit_keeps_the_last_good_site() {
    let tree = Tree::new("watch");
    tree.write(
        "content/en/live.md",
        &lesson(
            "Live",
            1,
            None,
            "FIRST-VERSION of the text.\n\n## Part {#part}\n\nMore.\n",
        ),
    );
    let state = crate::common::app::TestApp::new(b"watch test key")
        .source(tree.source())
        .live_reload()
        .state();
    let _watching = cookie_course::site::watch::spawn(tree.source(), state.site_cell.clone())
        .expect("watching");
    let app = cookie_course::app(state.clone());
    let addr = serve(state.clone()).await;

    let page = get(&app, "/en/lessons/live", None).await;
    assert!(page.body.contains("FIRST-VERSION"));
    assert!(
        page.body.contains("live."),
        "pages carry the live-reload script"
    );

    // An open page listens for reloads.
    let mut events = tokio::net::TcpStream::connect(addr).await.unwrap();
    events
        .write_all(b"GET /_live/events HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    // The stream's head means the handler ran and subscribed: an edit from now on is heard.
    let mut head = [0u8; 512];
    let n = tokio::time::timeout(Duration::from_secs(5), events.read(&mut head))
        .await
        .expect("the event stream answers")
        .unwrap();
    assert!(
        head[..n].starts_with(b"HTTP/1.1 200"),
        "{}",
        String::from_utf8_lossy(&head[..n])
    );

    // A lesson edit: every language shows it (the untranslated pages show the English text).
    tree.write(
        "content/en/live.md",
        &lesson(
            "Live",
            1,
            None,
            "SECOND-VERSION of the text.\n\n## Part {#part}\n\nMore.\n",
        ),
    );
    for lang in ["en", "ru", "uk", "bn"] {
        until(&app, &format!("/{lang}/lessons/live"), |b| {
            b.contains("SECOND-VERSION")
        })
        .await;
    }
    let mut seen = String::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while !seen.contains("event: reload") {
        let mut buf = [0u8; 1024];
        let n = tokio::time::timeout_at(deadline, events.read(&mut buf))
            .await
            .expect("a reload event")
            .unwrap();
        assert!(n > 0, "stream closed: {seen}");
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }

    // A locale edit and a template edit.
    let ftl = std::fs::read_to_string(tree.0.join("locales/uk/main.ftl")).unwrap();
    let edited: String = ftl
        .lines()
        .map(|l| {
            if l.starts_with("nav-course =") {
                "nav-course = КУРС-ЗМІНЕНО".to_owned()
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    tree.write("locales/uk/main.ftl", &edited);
    until(&app, "/uk/lessons/live", |b| b.contains("КУРС-ЗМІНЕНО")).await;
    let not_found = cookie_course::site::TEMPLATES
        .iter()
        .find(|(n, _)| *n == "not_found.html")
        .unwrap()
        .1
        .replace(
            "<section class=\"not-found\">",
            "<section class=\"not-found\">TEMPLATE-EDITED",
        );
    tree.write("templates/not_found.html", &not_found);
    let missing = until(&app, "/en/nowhere", |b| b.contains("TEMPLATE-EDITED")).await;
    assert!(missing.contains("lang=\"en\""));

    // A broken edit: the last good site stays, and the page says what is wrong and where.
    tree.write(
        "content/en/live.md",
        &lesson("Live", 1, None, "THIRD-VERSION\n\n:::nonsense\n"),
    );
    let broken = until(&app, "/en/lessons/live", |b| b.contains("live-error")).await;
    assert!(
        broken.contains("SECOND-VERSION"),
        "the last good text is still served"
    );
    assert!(!broken.contains("THIRD-VERSION"));
    assert!(broken.contains("live.md"), "the error names the file");
    assert!(broken.contains("unknown directive"));
    assert_eq!(
        get(&app, "/en/lessons/live", None).await.status,
        StatusCode::OK
    );

    // Fixed again: the error goes away.
    tree.write(
        "content/en/live.md",
        &lesson("Live", 1, None, "FOURTH-VERSION\n"),
    );
    let fixed = until(&app, "/en/lessons/live", |b| b.contains("FOURTH-VERSION")).await;
    assert!(!fixed.contains("live-error"));
}
