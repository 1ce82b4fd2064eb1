//! The four-language site in memory: every page of the contract, negotiation, the language
//! preference in the Flask session, fallbacks for missing and stale translations, and no
//! English in the other interfaces.

use crate::common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::mem::{get, post, send};
use common::tree::{Tree, lesson};
use cookie_course::i18n::{Arg, Lang};
use cookie_course::session::{Value, codec};
use cookie_course::{AppState, app};

fn site() -> (AppState, axum::Router) {
    let state = AppState::with_key(b"pages-test-key");
    (state.clone(), app(state))
}

/// A session cookie holding `lang`.
fn lang_cookie(state: &AppState, lang: &str) -> String {
    let mut d = cookie_course::session::Dict::new();
    d.insert("lang".into(), Value::Str(lang.into()));
    format!(
        "session={}",
        codec::dumps(&d, &state.keys, state.clock.now() as i64)
            .unwrap()
            .cookie
    )
}

async fn root_redirect(app: &axum::Router, cookie: Option<&str>, accept: Option<&str>) -> String {
    let mut req = Request::get("/");
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    if let Some(a) = accept {
        req = req.header(header::ACCEPT_LANGUAGE, a);
    }
    let r = send(app, req.body(Body::empty()).unwrap()).await;
    assert_eq!(r.status, StatusCode::FOUND);
    r.header("location").unwrap().to_owned()
}

#[tokio::test]
async fn root_negotiates_session_then_accept_language_then_english() {
    let (state, app) = site();
    let uk = lang_cookie(&state, "uk");
    let bogus = lang_cookie(&state, "de");
    let cases: [(Option<&str>, Option<&str>, &str); 8] = [
        (None, None, "/en/"),
        (None, Some("ru-RU,ru;q=0.9,en;q=0.8"), "/ru/"),
        (None, Some("bn-BD"), "/bn/"),
        (None, Some("be,kk"), "/en/"),
        (None, Some("en;q=0.2,uk;q=0.9"), "/uk/"),
        (Some(&uk), Some("ru"), "/uk/"),
        (Some(&bogus), Some("bn"), "/bn/"),
        (Some("session=garbage"), Some("uk"), "/uk/"),
    ];
    for (cookie, accept, want) in cases {
        assert_eq!(
            root_redirect(&app, cookie, accept).await,
            want,
            "{cookie:?} {accept:?}"
        );
    }
}

#[tokio::test]
async fn every_page_has_html_lang_alternates_and_canonical() {
    let (state, app) = site();
    for lang in Lang::ALL {
        let mut paths = vec![format!("/{lang}/")];
        paths.extend(
            state
                .site()
                .library
                .lessons(lang)
                .iter()
                .map(|p| format!("/{lang}/lessons/{}", p.slug)),
        );
        for path in paths {
            let r = get(&app, &path, None).await;
            assert_eq!(r.status, 200, "{path}");
            assert!(r.body.contains(&format!("<html lang=\"{lang}\"")), "{path}");
            assert!(
                r.body
                    .contains(&format!("<link rel=\"canonical\" href=\"{path}\">")),
                "{path}"
            );
            for other in Lang::ALL.iter().filter(|l| **l != lang) {
                let alt = path.replacen(&format!("/{lang}/"), &format!("/{other}/"), 1);
                assert!(
                    r.body.contains(&format!(
                        "<link rel=\"alternate\" hreflang=\"{other}\" href=\"{alt}\">"
                    )),
                    "{path} → {other}"
                );
            }
            assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
        }
    }
}

#[tokio::test]
async fn lessons_are_written_in_their_own_script() {
    let (_, app) = site();
    let bengali = |s: &str| {
        s.chars()
            .filter(|c| ('\u{0980}'..='\u{09ff}').contains(c))
            .count()
    };
    let cyrillic = |s: &str| {
        s.chars()
            .filter(|c| ('\u{0400}'..='\u{04ff}').contains(c))
            .count()
    };
    let uk_only = |s: &str| s.chars().filter(|c| "іїєґІЇЄҐ".contains(*c)).count();
    let ru_only = |s: &str| s.chars().filter(|c| "ыэъёЫЭЪЁ".contains(*c)).count();
    for slug in ["why-sessions", "cookies"] {
        let bn = get(&app, &format!("/bn/lessons/{slug}"), None).await.body;
        assert!(bengali(&bn) > 1000, "{slug} in Bengali script");
        let uk = get(&app, &format!("/uk/lessons/{slug}"), None).await.body;
        assert!(
            uk_only(&uk) > 50 && ru_only(&uk) == 0,
            "{slug} is Ukrainian, not Russian"
        );
        let ru = get(&app, &format!("/ru/lessons/{slug}"), None).await.body;
        assert!(
            cyrillic(&ru) > 1000 && ru_only(&ru) > 10,
            "{slug} is Russian"
        );
    }
}

#[tokio::test]
async fn no_english_ui_text_leaks_into_other_languages() {
    let (state, app) = site();
    let loc = &state.site().loc;
    for lang in [Lang::Ru, Lang::Uk, Lang::Bn] {
        for path in [
            format!("/{lang}/"),
            format!("/{lang}/lessons/cookies"),
            format!("/{lang}/decoder"),
            format!("/{lang}/nowhere"),
        ] {
            let body = visible_text(&get(&app, &path, None).await.body);
            for id in loc.ids().filter(|id| !id.starts_with("lang-")) {
                let english = loc.text(Lang::En, id, &[]);
                let native = loc.text(lang, id, &[]);
                // Technical words (HttpOnly, Path…) are the same in every language.
                if english == native || english.len() < 6 || english.contains('{') {
                    continue;
                }
                let escaped = english
                    .replace('&', "&amp;")
                    .replace('\'', "&#39;")
                    .replace('"', "&quot;");
                assert!(
                    !contains_words(&body, &english) && !contains_words(&body, &escaped),
                    "{path}: English `{id}` leaks: {english:?}"
                );
            }
        }
    }
}

/// The text a reader sees: tags, attributes and code removed (code is code in any language).
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        out.push(' ');
        let after = &rest[lt..];
        let skip_to = [
            "<code",
            "<pre",
            "<script",
            "<style",
            "<textarea",
            "<template",
        ]
        .iter()
        .find(|t| after.starts_with(**t))
        .map(|t| format!("</{}>", &t[1..]));
        // Attributes a reader or a screen reader meets count as text too.
        let tag = &after[..after.find('>').unwrap_or(after.len())];
        for attr in [
            "aria-label=\"",
            "title=\"",
            "placeholder=\"",
            "alt=\"",
            "content=\"",
            "data-empty=\"",
            "data-msg-",
        ] {
            for (i, _) in tag.match_indices(attr) {
                let value = &tag[i..];
                let Some(open) = value.find('"') else {
                    continue;
                };
                let value = &value[open + 1..];
                out.push(' ');
                out.push_str(&value[..value.find('"').unwrap_or(value.len())]);
                out.push(' ');
            }
        }
        rest = match skip_to {
            Some(close) => after.find(&close).map_or("", |i| &after[i + close.len()..]),
            None => after.find('>').map_or("", |i| &after[i + 1..]),
        };
    }
    out.push_str(rest);
    out
}

/// `needle` in `hay` as whole words (so `Warning` is not found inside `UserWarning`).
fn contains_words(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| {
        let before = hay[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = hay[i + needle.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        before && after
    })
}

#[test]
fn plurals_follow_cldr_in_every_language() {
    let state = AppState::with_key(b"k");
    let n = |lang, count: f64| {
        state
            .site()
            .loc
            .text(lang, "lessons-count", &[("count", Arg::Num(count))])
    };
    assert_eq!(
        [
            n(Lang::Ru, 1.0),
            n(Lang::Ru, 3.0),
            n(Lang::Ru, 5.0),
            n(Lang::Ru, 21.0)
        ],
        ["1 урок", "3 урока", "5 уроков", "21 урок"]
    );
    assert_eq!(
        [
            n(Lang::Uk, 1.0),
            n(Lang::Uk, 3.0),
            n(Lang::Uk, 5.0),
            n(Lang::Uk, 22.0)
        ],
        ["1 урок", "3 уроки", "5 уроків", "22 уроки"]
    );
    assert_eq!(
        [n(Lang::En, 1.0), n(Lang::En, 2.0)],
        ["1 lesson", "2 lessons"]
    );
    // Bengali counts in Bengali digits.
    assert!(n(Lang::Bn, 1.0).starts_with('১') && n(Lang::Bn, 5.0).starts_with('৫'));
    assert!(n(Lang::Bn, 5.0).contains("পাঠ"), "{}", n(Lang::Bn, 5.0));
}

#[tokio::test]
async fn the_home_page_counts_lessons_with_plural_forms() {
    let (state, app) = site();
    let count = state.site().library.lessons(Lang::Ru).len() as f64;
    let want = state
        .site()
        .loc
        .text(Lang::Ru, "lessons-count", &[("count", Arg::Num(count))]);
    assert!(get(&app, "/ru/", None).await.body.contains(&want), "{want}");
}

#[tokio::test]
async fn language_switch_stores_lang_in_the_flask_session_and_keeps_the_lesson() {
    let (state, app) = site();
    let r = post(
        &app,
        "/prefs/lang",
        "lang=uk&next=%2Fru%2Flessons%2Fcookies%23sandbox",
        None,
        "text/html",
    )
    .await;
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location"), Some("/uk/lessons/cookies#sandbox"));
    let cookie = r.session_cookie().expect("the choice lives in the session");
    let data = codec::loads(&cookie, &state.keys, state.clock.now() as i64, None).unwrap();
    assert_eq!(data.get("lang"), Some(&Value::Str("uk".into())));
    // Bare URLs now follow the session, whatever the browser prefers.
    assert_eq!(
        root_redirect(&app, Some(&format!("session={cookie}")), Some("bn")).await,
        "/uk/"
    );
}

#[tokio::test]
async fn language_switch_rejects_unknown_languages_and_foreign_next() {
    let (_, app) = site();
    for (form, field) in [
        ("lang=de&next=%2F", "lang"),
        ("lang=ru-RU&next=%2F", "lang"),
        ("lang=ru&next=https%3A%2F%2Fevil.example", "next"),
        ("lang=ru&next=%2F%2Fevil.example", "next"),
    ] {
        let r = post(&app, "/prefs/lang", form, None, "text/html").await;
        assert_eq!(r.status, 400, "{form}");
        assert_eq!(r.page_field(), field);
        assert!(r.session_cookie().is_none());
    }
}

#[tokio::test]
async fn unknown_pages_are_a_localized_404() {
    let (state, app) = site();
    let cases = [
        ("/ru/lessons/nope", None, "ru"),
        ("/xx/", None, "en"),
        ("/nope", Some(lang_cookie(&state, "bn")), "bn"),
        ("/uk/nowhere/at/all", None, "uk"),
    ];
    for (path, cookie, lang) in cases {
        let r = get(&app, path, cookie.as_deref()).await;
        assert_eq!(r.status, 404, "{path}");
        assert!(r.body.contains(&format!("<html lang=\"{lang}\"")), "{path}");
        let title = state
            .site()
            .loc
            .text(Lang::from_code(lang).unwrap(), "not-found-title", &[]);
        assert!(r.body.contains(&title), "{path}");
    }
}

#[tokio::test]
async fn theme_choice_is_a_remembered_cookie() {
    let (_, app) = site();
    let r = post(
        &app,
        "/prefs/theme",
        "theme=dark&next=%2Fen%2F",
        None,
        "text/html",
    )
    .await;
    assert_eq!(r.status, 303);
    let set = cookie::Cookie::parse(r.set_cookies()[0].clone()).unwrap();
    assert_eq!(
        (set.name(), set.value(), set.path()),
        ("site_theme", "dark", Some("/"))
    );
    assert_eq!(set.max_age(), Some(cookie::time::Duration::days(365)));
    assert_eq!(set.same_site(), Some(cookie::SameSite::Lax));
    let page = get(&app, "/en/", Some("site_theme=dark")).await;
    assert!(page.body.contains("data-theme=\"dark\""));
    let r = post(
        &app,
        "/prefs/theme",
        "theme=auto&next=%2Fen%2F",
        Some("site_theme=dark"),
        "text/html",
    )
    .await;
    let gone = cookie::Cookie::parse(r.set_cookies()[0].clone()).unwrap();
    assert_eq!((gone.name(), gone.value()), ("site_theme", ""));
    assert_eq!(gone.max_age(), Some(cookie::time::Duration::ZERO));
    let r = post(&app, "/prefs/theme", "theme=neon", None, "text/html").await;
    assert_eq!(r.status, 400);
}

#[tokio::test]
async fn assets_have_hashed_names_long_cache_and_no_third_party_urls() {
    let (state, app) = site();
    let page = get(&app, "/en/lessons/cookies", None).await.body;
    let css = state.site().assets.url("site.css").unwrap().to_owned();
    assert!(page.contains(&css));
    let r = get(&app, &css, None).await;
    assert_eq!(r.status, 200);
    assert_eq!(
        r.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    assert!(
        r.body.contains("url(/static/NotoSansBengali-Regular."),
        "font URLs are rewritten to hashed names"
    );
    for url in [
        "site.js",
        "highlight.css",
        "print.css",
        "fonts/NotoSans-Regular.woff2",
    ] {
        let u = state
            .site()
            .assets
            .url(url)
            .unwrap_or_else(|| panic!("{url}"))
            .to_owned();
        assert_eq!(get(&app, &u, None).await.status, 200, "{url}");
    }
    assert_eq!(get(&app, "/static/site.css", None).await.status, 404);
    // Nothing is loaded from another host: no remote scripts, images, stylesheets or fonts.
    for text in [page.as_str(), r.body.as_str()] {
        for bad in ["src=\"http", "src=\"//", "url(http", "url(//", "@import"] {
            assert!(!text.contains(bad), "third-party resource: {bad}");
        }
        assert!(
            !text
                .lines()
                .any(|l| l.contains("<link") && l.contains("href=\"http")),
            "remote <link>"
        );
    }
    assert!(
        !page.contains("<script>") && !page.contains(" onclick="),
        "no inline script"
    );
}

#[tokio::test]
async fn a_missing_translation_shows_english_in_the_local_interface_and_a_stale_one_says_so() {
    let tree = Tree::new("fallback");
    let alpha = "Alpha body in English.\n";
    tree.write("content/en/alpha.md", &lesson("Alpha", 1, None, alpha));
    tree.write(
        "content/en/beta.md",
        &lesson("Beta", 2, None, "Beta body in English.\n"),
    );
    tree.write(
        "content/ru/alpha.md",
        &lesson("Альфа", 1, Some("000000000000"), "Текст альфы.\n"),
    );
    tree.write(
        "content/uk/alpha.md",
        &lesson(
            "Альфа",
            1,
            Some(&cookie_course::content::source_hash(alpha)),
            "Текст альфи.\n",
        ),
    );
    let state = AppState::build(b"k", &tree.source()).unwrap();
    let app = app(state.clone());
    let loc = &state.site().loc;

    let beta = get(&app, "/bn/lessons/beta", None).await.body;
    assert!(
        beta.contains("<html lang=\"bn\"")
            && beta.contains("<article class=\"lesson\" lang=\"en\">")
    );
    assert!(beta.contains("Beta body in English."));
    assert!(beta.contains(&loc.text(Lang::Bn, "notice-untranslated", &[])));
    assert!(beta.contains("<link rel=\"canonical\" href=\"/en/lessons/beta\">"));

    let stale = get(&app, "/ru/lessons/alpha", None).await.body;
    assert!(stale.contains("Текст альфы."));
    assert!(stale.contains(&loc.text(Lang::Ru, "notice-stale", &[])));
    assert!(stale.contains("<a href=\"/en/lessons/alpha\" hreflang=\"en\">"));

    let current = get(&app, "/uk/lessons/alpha", None).await.body;
    assert!(!current.contains(&loc.text(Lang::Uk, "notice-stale", &[])));
    assert!(!current.contains(&loc.text(Lang::Uk, "notice-untranslated", &[])));

    let home = get(&app, "/bn/", None).await.body;
    assert!(home.contains(&loc.text(
        Lang::Bn,
        "home-translated",
        &[("translated", Arg::Num(0.0)), ("total", Arg::Num(2.0))]
    )));
}

#[tokio::test]
async fn the_sandbox_panel_shows_the_session_and_escapes_what_the_learner_typed() {
    let (state, app) = site();
    let mut d = cookie_course::session::Dict::new();
    d.insert(
        "note".into(),
        Value::Str("<img src=x onerror=alert(1)>".into()),
    );
    let cookie = codec::dumps(&d, &state.keys, state.clock.now() as i64)
        .unwrap()
        .cookie;
    let body = get(
        &app,
        "/en/lessons/cookies",
        Some(&format!("session={cookie}; a=<b>")),
    )
    .await
    .body;
    assert!(
        !body.contains("<img src=x"),
        "stored markup is never rendered as HTML"
    );
    assert!(body.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(body.contains("Cookie: session=") && body.contains("a=&lt;b&gt;"));
    assert!(
        body.contains(
            &state
                .site()
                .loc
                .text(Lang::En, "sandbox-session-valid", &[])
        )
    );
    let tampered = format!("session=x{cookie}");
    let body = get(&app, "/uk/lessons/cookies", Some(&tampered)).await.body;
    let why = state
        .site()
        .loc
        .text(Lang::Uk, "reason-signature-mismatch", &[]);
    assert!(
        body.contains(&why.replace('\'', "&#39;")),
        "the reason is explained in the page's language"
    );
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let (_, app) = site();
    for path in [
        "/en/",
        "/en/lessons/cookies",
        "/sandbox/state",
        "/nope",
        "/",
    ] {
        let r = get(&app, path, None).await;
        let csp = r
            .header("content-security-policy")
            .unwrap_or_else(|| panic!("{path}: no CSP"));
        assert!(
            csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"),
            "{path}: {csp}"
        );
        assert!(
            !csp.contains("'unsafe-inline'") && !csp.contains("'unsafe-eval'"),
            "{path}: {csp}"
        );
        // Only a page whose examples run Python in the browser may compile WebAssembly.
        assert_eq!(
            csp.contains("'wasm-unsafe-eval'") && csp.contains("worker-src 'self'"),
            path == "/en/lessons/cookies",
            "{path}: {csp}"
        );
        assert_eq!(
            r.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(r.header("referrer-policy"), Some("same-origin"), "{path}");
        assert!(r.header("permissions-policy").is_some(), "{path}");
    }
}

#[tokio::test]
async fn assets_are_served_gzipped_when_accepted_and_revalidate_with_304() {
    use axum::body::Body;
    use axum::http::{Request, header};
    let (state, app) = site();
    let url = state.site().assets.url("site.css").unwrap().to_owned();
    let plain = get(&app, &url, None).await;
    let etag = plain.header("etag").unwrap().to_owned();
    let (headers, wire, unzipped) = common::mem::get_encoded(&app, &url, "br, gzip").await;
    assert_eq!(headers["content-encoding"], "gzip");
    assert_eq!(unzipped, plain.body);
    assert!(wire * 3 < plain.body.len(), "gzip saves most of the CSS");
    let req = Request::get(&url)
        .header(header::IF_NONE_MATCH, &etag)
        .body(Body::empty())
        .unwrap();
    let r = common::mem::send(&app, req).await;
    assert_eq!(r.status, 304);
    assert!(r.body.is_empty());
}

#[tokio::test]
async fn a_first_visit_is_served_from_the_page_cache_with_an_etag_and_gzip() {
    let app = cookie_course::app(AppState::with_key(b"page cache key"));
    let first = get(&app, "/uk/lessons/cookies", None).await;
    let again = get(&app, "/uk/lessons/cookies", None).await;
    assert_eq!(
        first.body, again.body,
        "every first-time visitor gets the same page"
    );
    let etag = first.header("etag").expect("an ETag").to_owned();
    assert_eq!(first.header("cache-control"), Some("no-cache"));
    // A first visit still records progress.
    assert!(
        first
            .set_cookies()
            .iter()
            .any(|c| c.starts_with("progress="))
    );

    let mut req = axum::http::Request::get("/uk/lessons/cookies");
    req = req.header("if-none-match", &etag);
    let revalidated = common::mem::send(&app, req.body(axum::body::Body::empty()).unwrap()).await;
    assert_eq!(revalidated.status, 304);

    let (headers, _, html) =
        common::mem::get_encoded(&app, "/uk/lessons/cookies", "br;q=1.0, gzip;q=0.8").await;
    assert_eq!(headers["content-encoding"], "gzip");
    assert_eq!(html, first.body);
    let (headers, _, _) =
        common::mem::get_encoded(&app, "/uk/lessons/cookies", "gzip;q=0, identity").await;
    assert!(headers.get("content-encoding").is_none());

    // With any cookie the page is the learner's own: rendered for them, never cached.
    let own = get(&app, "/uk/lessons/cookies", Some("site_theme=dark")).await;
    assert!(own.header("etag").is_none());
    assert!(own.body.contains("data-theme=\"dark\""));
    assert_eq!(own.header("cache-control"), Some("no-store"));
}

#[tokio::test]
async fn a_sandbox_mistake_without_javascript_is_a_page_in_the_learners_language_that_keeps_the_input()
 {
    let (_, app) = site();
    let form =
        "name=bad+name&value=%3Cb%3Eoat%3C%2Fb%3E&next=%2Fru%2Flessons%2Fcookies%23sandbox&lang=ru";
    let r = post(
        &app,
        "/sandbox/cookies/set",
        form,
        None,
        "text/html,application/xhtml+xml,*/*;q=0.8",
    )
    .await;
    assert_eq!(r.status, 400);
    assert_eq!(r.page_field(), "name");
    assert!(
        r.body.contains("<html lang=\"ru\""),
        "in the learner's language"
    );
    assert!(
        r.body.contains("Проверьте поле «name»"),
        "the field is named"
    );
    assert!(
        r.body.contains(r#"name="name" value="bad name""#),
        "the name is kept"
    );
    assert!(
        r.body.contains("&lt;b&gt;oat") && !r.body.contains("<b>oat"),
        "escaped"
    );
    assert!(
        r.body.contains(r#"href="/ru/lessons/cookies#sandbox""#),
        "a way back to the lesson"
    );
    assert!(r.set_cookies().is_empty(), "nothing changed");
    // The same mistake from JavaScript (or curl) is JSON naming the field.
    let r = post(&app, "/sandbox/cookies/set", form, None, "application/json").await;
    assert_eq!(
        (r.status.as_u16(), r.json()["field"].as_str()),
        (400, Some("name"))
    );
    // A plain cookie too large for a browser names its own field, not the session.
    let big = format!("name=big&value={}", "x".repeat(4100));
    let r = post(&app, "/sandbox/cookies/set", &big, None, "application/json").await;
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["field"], "value");
    assert!(
        r.json()["error"]
            .as_str()
            .unwrap()
            .starts_with("the cookie \"big\" would be")
    );
}

#[tokio::test]
async fn bengali_counts_are_written_in_bengali_digits_and_other_languages_keep_theirs() {
    let (state, app) = site();
    let loc = &state.site().loc;
    let args = [("done", Arg::Num(0.0)), ("total", Arg::Num(17.0))];
    let bn = loc.text(Lang::Bn, "progress-summary", &args);
    assert!(bn.contains('০') && bn.contains("১৭"), "{bn}");
    assert!(
        !bn.chars().any(|c| c.is_ascii_digit()),
        "no Western digit: {bn}"
    );
    let en = loc.text(Lang::En, "progress-summary", &args);
    assert!(en.contains("17") && !en.contains('১'), "{en}");
    // A Bengali page's counts, as a learner sees them.
    let home = get(&app, "/bn/", None).await.body;
    assert!(
        home.contains(&bn),
        "the home page uses the same words and digits"
    );
}

#[tokio::test]
async fn the_favicon_and_the_logo_are_the_sites_own_svg_with_no_emoji_font_needed() {
    let (_, app) = site();
    let page = get(&app, "/en/", None).await.body;
    assert!(!page.contains('🍪'), "no emoji glyph in the header");
    let logo = page
        .split("rel=\"icon\" href=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("a link to the icon")
        .to_owned();
    assert!(
        page.contains(&format!("class=\"brand-mark\" src=\"{logo}\"")),
        "the header shows the same logo"
    );
    let r = get(&app, "/favicon.ico", None).await;
    assert_eq!(r.status, StatusCode::MOVED_PERMANENTLY);
    assert_eq!(r.header("location"), Some(logo.as_str()));
    let svg = get(&app, &logo, None).await;
    assert_eq!(svg.status, StatusCode::OK);
    assert_eq!(svg.header("content-type"), Some("image/svg+xml"));
    assert!(svg.body.starts_with("<svg"));
}

#[tokio::test]
async fn without_javascript_the_panel_writes_signing_and_expiry_times_in_the_pages_language() {
    let (_, app) = crate::common::app::TestApp::new(b"dates key")
        .frozen_at(1_700_000_000.0)
        .build();
    let set = post(
        &app,
        "/sandbox/session/permanent",
        "permanent=true",
        None,
        "application/json",
    )
    .await;
    let jar = format!("session={}", set.session_cookie().unwrap());
    for (lang, signed, expires) in [
        (
            "en",
            "14 November 2023, 22:13:20 UTC",
            "15 December 2023, 22:13:20 UTC",
        ),
        (
            "ru",
            "14 ноября 2023 г., 22:13:20 UTC",
            "15 декабря 2023 г., 22:13:20 UTC",
        ),
        (
            "uk",
            "14 листопада 2023 р., 22:13:20 UTC",
            "15 грудня 2023 р., 22:13:20 UTC",
        ),
        (
            "bn",
            "১৪ নভেম্বর ২০২৩, ২২:১৩:২০ UTC",
            "১৫ ডিসেম্বর ২০২৩, ২২:১৩:২০ UTC",
        ),
    ] {
        let page = get(&app, &format!("/{lang}/lessons/session-basics"), Some(&jar))
            .await
            .body;
        assert!(
            page.contains(&format!(
                "datetime=\"2023-11-14T22:13:20Z\">{signed}</time>"
            )),
            "{lang}: {signed}"
        );
        assert!(
            page.contains(&format!(">{expires}</time>")),
            "{lang}: {expires}"
        );
    }
}

#[tokio::test]
async fn the_python_runtime_costs_a_learner_at_most_eight_megabytes_on_the_wire() {
    let (_, app) = site();
    let base = cookie_course::site::runtime::base_url();
    let mut files: Vec<String> = [
        "pyodide.mjs",
        "pyodide.asm.mjs",
        "pyodide.asm.wasm",
        "python_stdlib.zip",
        "pyodide-lock.json",
    ]
    .iter()
    .map(|f| f.to_string())
    .collect();
    files.extend(cookie_course::site::runtime::wheels().iter().cloned());
    assert!(files.iter().any(|f| f.contains("flask-3.1.3")), "{files:?}");
    let mut wire = 0;
    for file in files {
        use http_body_util::BodyExt;
        use tower::ServiceExt;
        let req = Request::get(format!("{base}{file}"))
            .header(header::ACCEPT_ENCODING, "gzip, deflate, br, zstd")
            .body(Body::empty())
            .unwrap();
        let r = app.clone().oneshot(req).await.unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{file}");
        assert_eq!(
            r.headers()[header::CACHE_CONTROL],
            "public, max-age=31536000, immutable",
            "{file}"
        );
        assert_eq!(r.headers()[header::CONTENT_ENCODING], "br", "{file}");
        let br = r.into_body().collect().await.unwrap().to_bytes();
        wire += br.len();
        // The same bytes whatever the browser accepts: gzip, or nothing at all.
        let mut plain = Vec::new();
        std::io::Read::read_to_end(
            &mut brotli_decompressor::Decompressor::new(&br[..], 4096),
            &mut plain,
        )
        .unwrap();
        for accept in ["gzip", "identity"] {
            let req = Request::get(format!("{base}{file}"))
                .header(header::ACCEPT_ENCODING, accept)
                .body(Body::empty())
                .unwrap();
            let r = app.clone().oneshot(req).await.unwrap();
            let gzipped = r.headers().get(header::CONTENT_ENCODING).is_some();
            let body = r.into_body().collect().await.unwrap().to_bytes();
            let body = if gzipped {
                let mut out = Vec::new();
                std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&body[..]), &mut out)
                    .unwrap();
                out
            } else {
                body.to_vec()
            };
            assert!(body == plain, "{file} with Accept-Encoding: {accept}");
        }
    }
    println!("runtime on the wire (brotli): {wire} bytes");
    assert!(wire <= 8 * 1024 * 1024, "{wire} bytes on the wire");
}

#[test]
fn every_script_the_site_ships_parses() {
    // A syntax error in a script shows up only in a browser, as a feature that silently does
    // nothing; node's parser finds it here.
    let node = std::process::Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !crate::common::peers::require("node", node, "apt-get install nodejs") {
        return;
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("static");
    let tmp = std::env::temp_dir().join(format!("cookie-course-js-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "js") {
            continue;
        }
        // The runner's worker is a module; node reads a `.mjs` file as one.
        let copy = tmp.join(path.file_name().unwrap()).with_extension("mjs");
        std::fs::copy(&path, &copy).unwrap();
        let target = if path.ends_with("runner-worker.js") {
            &copy
        } else {
            &path
        };
        let out = std::process::Command::new("node")
            .arg("--check")
            .arg(target)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}: {}",
            path.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        checked += 1;
    }
    let _ = std::fs::remove_dir_all(&tmp);
    assert!(checked >= 6, "{checked} scripts");
}
