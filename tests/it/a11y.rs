//! Accessible by measurement: axe-core (from npm, `tests/a11y/`) runs in real Chromium on
//! the home page, lessons with their sandbox, an exercise and the demos, the cross-site page,
//! the decoder and search, in all four languages,
//! light and dark, at desktop and phone widths, and reports no WCAG 2.2 A/AA violation and
//! no best-practice one.

use crate::browser::browser;
use crate::common::peers::{require, serve};
use serde_json::{Value as J, json};

fn axe_source() -> Option<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/a11y/node_modules/axe-core/axe.min.js"
    );
    let found = std::fs::read_to_string(path).ok();
    if !require("axe-core", found.is_some(), "cd tests/a11y && npm ci") {
        return None;
    }
    found
}

/// `(rule id, impact, how many nodes, first target)` for each violation on the page.
async fn violations(c: &fantoccini::Client, axe: &str) -> Vec<(String, String, usize, String)> {
    c.execute(axe, vec![]).await.expect("axe-core loads");
    let result: J = c
        .execute_async(
            "var done = arguments[0];
             axe.run(document, {runOnly: {type: 'tag', values:
               ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})
               .then(function (r) { done(r.violations.map(function (v) {
                 return [v.id, v.impact || '', v.nodes.length,
                         JSON.stringify(v.nodes[0] && v.nodes[0].target)]; })); },
                     function (e) { done([['axe-error', String(e), 0, '']]); });",
            vec![],
        )
        .await
        .expect("axe runs");
    result
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v[0].as_str().unwrap_or("").to_owned(),
                v[1].as_str().unwrap_or("").to_owned(),
                v[2].as_u64().unwrap_or(0) as usize,
                v[3].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn axe_finds_no_violation_on_any_page_language_theme_or_width() {
    let Some(axe) = axe_source() else { return };
    let Some(b) = browser(true).await else { return };
    let c = &b.client;
    let state = crate::common::app::TestApp::new(b"a11y key").state();
    let base = format!("http://{}", serve(state).await);
    let mut found = Vec::new();
    for (width, height) in [(1280u32, 900u32), (390, 844)] {
        c.set_window_size(width, height).await.unwrap();
        for theme in ["light", "dark"] {
            c.goto(&format!("{base}/en/")).await.unwrap();
            c.execute(
                &format!("document.cookie = 'site_theme={theme}; path=/'"),
                vec![],
            )
            .await
            .unwrap();
            for lang in ["en", "ru", "uk", "bn"] {
                for page in [
                    format!("/{lang}/"),
                    format!("/{lang}/lessons/session-basics"),
                    // An exercise, and the production lessons' demo widgets.
                    format!("/{lang}/lessons/mutable-values"),
                    format!("/{lang}/lessons/csrf-samesite"),
                    format!("/{lang}/lessons/remember-me"),
                    format!("/{lang}/lessons/revocation"),
                    format!("/{lang}/cross-site"),
                    format!("/{lang}/decoder"),
                    format!("/{lang}/search?q=cookie"),
                ] {
                    c.goto(&format!("{base}{page}")).await.unwrap();
                    for (rule, impact, nodes, target) in violations(c, &axe).await {
                        found.push(format!(
                            "{page} ({theme}, {width}px): {rule} [{impact}] ×{nodes} e.g. {target}"
                        ));
                    }
                }
            }
        }
    }
    let _ = json!(null);
    b.client.close().await.unwrap();
    assert!(
        found.is_empty(),
        "{} violations:\n{}",
        found.len(),
        found.join("\n")
    );
}
