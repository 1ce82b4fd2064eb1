//! Snapshots of the markdown pipeline and of the highlighter: long HTML is reviewed as a
//! whole, changes show up as diffs.

use cookie_course::markdown::highlight::{Fence, Highlighted, Highlighter};
use cookie_course::markdown::{Block, Directives, render};

struct Labels(Highlighter);

impl Directives for Labels {
    fn label(&self, id: &str, path: Option<&str>) -> String {
        format!(
            "{{{id}{}}}",
            path.map(|p| format!(" {p}")).unwrap_or_default()
        )
    }
    fn example(&self, _: &str) -> Option<String> {
        None
    }
    fn diagram(&self, _: &str) -> Option<String> {
        None
    }
    fn exercise(&self, _: &str) -> Option<cookie_course::markdown::ExerciseFiles> {
        None
    }
    fn highlighter(&self) -> &Highlighter {
        &self.0
    }
}

#[test]
fn sample_lesson_renders_to_the_reviewed_html() {
    let src = include_str!("../fixtures/markdown/sample.md");
    let rendered = render(src, &Labels(Highlighter::new())).unwrap();
    let [Block::Html(html)] = rendered.blocks.as_slice() else {
        panic!("one block: {:?}", rendered.blocks)
    };
    insta::assert_snapshot!("sample_lesson", html);
}

#[test]
fn python_and_http_highlight_to_the_reviewed_spans() {
    let h = Highlighter::new();
    let Highlighted::Html(python) = h.highlight(
        &Fence::Lang("python".into()),
        "response.set_cookie(\"theme\", \"dark\", max_age=3600)\n",
    ) else {
        panic!("python is known")
    };
    insta::assert_snapshot!("python_set_cookie", python);
    let Highlighted::Html(http) = h.highlight(
        &Fence::Lang("http".into()),
        "GET / HTTP/1.1\nCookie: theme=dark\n",
    ) else {
        panic!("http is known")
    };
    insta::assert_snapshot!("http_request", http);
}

#[test]
fn generated_theme_css_covers_light_and_dark() {
    let css = cookie_course::markdown::highlight::theme_css();
    assert!(css.contains(":root[data-theme=light] .hl-"));
    assert!(css.contains(":root[data-theme=dark] .hl-"));
    assert!(css.contains("@media (prefers-color-scheme: dark)"));
    // No unscoped rule: a light colour must never apply in dark mode, nor the reverse.
    for rule in css.split('}').filter(|r| r.contains('{')) {
        let selectors = rule
            .split('{')
            .next()
            .unwrap()
            .trim()
            .trim_start_matches(['@', '\n']);
        if selectors.starts_with("media") {
            continue;
        }
        for sel in selectors.split(',') {
            let sel = sel.trim().rsplit('\n').next().unwrap().trim();
            assert!(
                sel.starts_with(":root[data-theme="),
                "unscoped selector {sel:?}"
            );
        }
    }
}

#[tokio::test]
async fn the_state_document_keeps_its_shape() {
    // 2023-11-14T22:13:20Z, a fixed key: the same bytes on every run.
    let (_, app) = crate::common::app::TestApp::new(b"snapshot key")
        .frozen_at(1_700_000_000.0)
        .build();
    let r = crate::common::mem::post_json(
        &app,
        "/sandbox/session/set",
        "key=lang&value=%D1%83%D0%BA&lang=uk",
        Some("theme=dark; session=tampered.cookie.value"),
    )
    .await;
    assert_eq!(r.status, 200);
    insta::assert_snapshot!(
        "state_document",
        serde_json::to_string_pretty(&r.json()).unwrap()
    );
}

#[tokio::test]
async fn the_anatomy_diagram_shows_a_cookie_real_flask_signed() {
    // Made by Flask 3.1.3: SECRET_KEY "change-me", session {"user": "ada"}, signed at
    // 1700000000 (itsdangerous' TimestampSigner.get_timestamp patched).
    const FLASK: &str = "eyJ1c2VyIjoiYWRhIn0.ZVPxAA.OFMOcBy6gvgICzdHlWGYI8u01xs";
    let (_, app) = crate::common::app::TestApp::new(b"any key").build();
    for lang in ["en", "ru", "bn"] {
        let page =
            crate::common::mem::get(&app, &format!("/{lang}/lessons/under-the-hood"), None).await;
        assert!(
            page.body.contains(&format!("session={FLASK}")),
            "{lang}: the whole cookie"
        );
        for part in FLASK.split('.') {
            assert!(
                page.body.contains(&format!(">{part}</text>")),
                "{lang}: {part} labelled"
            );
        }
    }
}
