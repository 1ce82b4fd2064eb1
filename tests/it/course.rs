//! The full course: all seventeen lessons in four languages with their quizzes and
//! exercises, graded by the server (quizzes) or the learner's browser (exercises), and
//! progress kept in its own signed cookie.

use crate::common;

use common::mem::{get, post, post_json};
use cookie_course::AppState;
use cookie_course::i18n::{Arg, Lang};

/// In course order: lesson 0, the ten on Flask's own session, then the production lessons.
const SLUGS: [&str; 17] = [
    "getting-ready",
    "why-sessions",
    "cookies",
    "secret-key",
    "session-basics",
    "permanent-sessions",
    "mutable-values",
    "login-flow",
    "under-the-hood",
    "server-side-sessions",
    "security-checklist",
    "cookie-scope",
    "csrf-samesite",
    "remember-me",
    "testing-sessions",
    "revocation",
    "tokens",
];

/// The lessons the course's graded exercises started with: each has at least one.
const WITH_EXERCISES: [&str; 9] = [
    "cookies",
    "secret-key",
    "session-basics",
    "permanent-sessions",
    "mutable-values",
    "login-flow",
    "under-the-hood",
    "security-checklist",
    "testing-sessions",
];

fn site() -> (AppState, axum::Router) {
    crate::common::app::TestApp::new(b"course-test-key").build()
}

/// Prose only: fenced code, directives, speaker notes and front matter removed.
fn prose(path: &str) -> usize {
    let text =
        std::fs::read_to_string(format!("{}/content/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let body = text.splitn(3, "+++").nth(2).unwrap();
    let mut in_code = false;
    let mut in_notes = false;
    body.lines()
        .filter(|l| {
            let t = l.trim();
            if t.starts_with("```") {
                in_code = !in_code;
                return false;
            }
            if !in_code && t == ":::notes" {
                in_notes = true;
            } else if in_notes && t == ":::" {
                in_notes = false;
                return false;
            }
            !in_code && !in_notes && !t.starts_with(":::")
        })
        .map(|l| l.chars().count())
        .sum()
}

#[test]
fn all_seventeen_lessons_exist_in_every_language_with_a_quiz_of_their_own() {
    let (state, _) = site();
    let library = &state.site().library;
    for lang in Lang::ALL {
        let slugs: Vec<&str> = library
            .lessons(lang)
            .iter()
            .map(|p| p.slug.as_str())
            .collect();
        assert_eq!(slugs, SLUGS, "{lang}: the curriculum's lessons, in order");
        for page in library.lessons(lang) {
            assert_eq!(page.text_lang, lang, "{lang}/{} is translated", page.slug);
            let quiz = page
                .quiz
                .as_ref()
                .unwrap_or_else(|| panic!("{lang}/{} has a quiz", page.slug));
            assert!((2..=4).contains(&quiz.question.len()));
            // The production lessons and lesson 0 were written with at least three.
            if page.order == 0 || page.order > 10 {
                assert!(
                    quiz.question.len() >= 3,
                    "{lang}/{}: three questions",
                    page.slug
                );
            }
        }
    }
}

#[test]
fn every_section_has_speaker_notes_and_every_translation_has_the_english_sections_in_order() {
    let (state, _) = site();
    let library = &state.site().library;
    for lang in Lang::ALL {
        for page in library.lessons(lang) {
            let english = library.lesson(Lang::En, &page.slug).unwrap();
            let english_keys: Vec<&str> = english.sections.iter().map(|s| s.key.as_str()).collect();
            for section in &page.sections {
                let name = format!("{lang}/{}#{}", page.slug, section.key);
                assert!(!section.notes.is_empty(), "{name} has no speaker notes");
                assert!(
                    section.notes.iter().all(|n| n.len() > 40),
                    "{name}: notes worth reading"
                );
                // Explicit ASCII keys: a follower reading another language lands on the
                // same section.
                assert!(
                    section
                        .key
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                    "{name}: give the heading an explicit {{#key}}"
                );
            }
            // One course: exactly the English sections, same keys, same order.
            let keys: Vec<&str> = page.sections.iter().map(|s| s.key.as_str()).collect();
            assert_eq!(
                keys, english_keys,
                "{lang}/{}: the ## sections must be the English ones, in order",
                page.slug
            );
        }
    }
}

#[tokio::test]
async fn a_follower_in_any_language_lands_on_every_section_the_presenter_opens() {
    let (state, app) = site();
    let library = &state.site().library;
    for english in library.lessons(Lang::En) {
        for lang in Lang::ALL {
            let page = get(&app, &format!("/{lang}/lessons/{}", english.slug), None)
                .await
                .body;
            for section in english.sections.iter().filter(|s| !s.key.is_empty()) {
                assert!(
                    page.contains(&format!("id=\"{}\"", section.key)),
                    "{lang}/{}#{}: a follower would not move",
                    english.slug,
                    section.key
                );
            }
        }
    }
}

#[test]
fn every_lesson_is_deep_in_every_language() {
    for slug in SLUGS {
        let english = prose(&format!("en/{slug}.md"));
        assert!(english >= 2500, "en/{slug}: {english} characters of prose");
        for lang in ["ru", "uk", "bn"] {
            let n = prose(&format!("{lang}/{slug}.md"));
            assert!(
                n * 10 >= english * 6,
                "{lang}/{slug}: {n} characters against English {english}"
            );
        }
    }
}

/// The correct choice of every question, read from the English quiz.
fn key(state: &AppState, slug: &str) -> Vec<(String, String)> {
    let site = state.site();
    let page = site.library.lesson(Lang::En, slug).unwrap();
    page.quiz
        .as_ref()
        .unwrap()
        .key()
        .into_iter()
        .map(|(q, c)| (q.to_owned(), c.to_owned()))
        .collect()
}

#[tokio::test]
async fn quiz_answers_are_graded_with_explanations_and_complete_the_lesson() {
    let (state, app) = site();
    let answers = key(&state, "cookies");
    // One wrong answer first.
    let wrong: Vec<String> = answers
        .iter()
        .enumerate()
        .map(|(i, (q, c))| format!("{q}={}", if i == 0 { "b" } else { c }))
        .collect();
    let r = post(
        &app,
        "/uk/lessons/cookies/quiz",
        &wrong.join("&"),
        None,
        "text/html",
    )
    .await;
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location"), Some("/uk/lessons/cookies#quiz"));
    let progress = common::jar_after("", &r.set_cookies());
    assert!(progress.starts_with("progress="), "{progress}");
    assert!(
        r.session_cookie().is_none(),
        "the quiz never touches the demo session"
    );

    let page = get(&app, "/uk/lessons/cookies", Some(&progress)).await.body;
    let loc = &state.site().loc;
    let total = answers.len() as f64;
    let score = loc.text(
        Lang::Uk,
        "quiz-score",
        &[
            ("correct", Arg::Num(total - 1.0)),
            ("total", Arg::Num(total)),
        ],
    );
    assert!(page.contains(&score), "{score}");
    assert!(page.contains(&loc.text(Lang::Uk, "quiz-wrong", &[])));
    assert!(page.contains(&loc.text(Lang::Uk, "quiz-correct-answer", &[])));
    assert!(!page.contains(&loc.text(Lang::Uk, "quiz-completed", &[])));

    let right: Vec<String> = answers.iter().map(|(q, c)| format!("{q}={c}")).collect();
    let r = post(
        &app,
        "/uk/lessons/cookies/quiz",
        &right.join("&"),
        Some(&progress),
        "text/html",
    )
    .await;
    let progress = common::jar_after("", &r.set_cookies());
    let page = get(&app, "/uk/lessons/cookies", Some(&progress)).await.body;
    assert!(page.contains(&loc.text(Lang::Uk, "quiz-completed", &[])));
    let home = get(&app, "/ru/", Some(&progress)).await.body;
    let summary = loc.text(
        Lang::Ru,
        "progress-summary",
        &[
            ("done", Arg::Num(1.0)),
            ("total", Arg::Num(SLUGS.len() as f64)),
        ],
    );
    assert!(home.contains(&summary), "{summary}");
}

#[tokio::test]
async fn an_unknown_answer_is_a_400_and_changes_nothing() {
    let (_, app) = site();
    let r = post(&app, "/en/lessons/cookies/quiz", "q1=z", None, "text/html").await;
    assert_eq!(r.status, 400);
    assert_eq!(r.page_field(), "answer");
    assert!(
        r.body.contains(r#"name="q1" value="z""#),
        "what was typed is kept"
    );
    assert!(r.set_cookies().is_empty());
    assert_eq!(
        post(&app, "/en/lessons/nope/quiz", "q1=a", None, "text/html")
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn progress_survives_a_sandbox_clear_and_can_be_reset() {
    let (state, app) = site();
    let r = get(&app, "/en/lessons/secret-key", None).await;
    let progress = common::jar_after("", &r.set_cookies());
    assert!(
        progress.starts_with("progress="),
        "visiting records progress: {progress}"
    );

    // Clearing the demo session sends only the session's deletion cookie.
    let r = post_json(
        &app,
        "/sandbox/session/set",
        "key=a&value=1",
        Some(&progress),
    )
    .await;
    let both = format!("{progress}; session={}", r.session_cookie().unwrap());
    let r = post_json(&app, "/sandbox/session/clear", "", Some(&both)).await;
    assert!(r.set_cookies().iter().all(|h| !h.starts_with("progress=")));

    let home = get(&app, "/bn/", Some(&progress)).await.body;
    let visited = state
        .site()
        .loc
        .text(Lang::Bn, "progress-visited", &[("count", Arg::Num(1.0))]);
    assert!(home.contains(&visited), "{visited}");
    assert!(
        home.contains("href=\"/bn/lessons/secret-key\""),
        "continue where you left off"
    );

    let r = post(
        &app,
        "/progress/reset",
        "next=%2Fbn%2F",
        Some(&progress),
        "text/html",
    )
    .await;
    assert_eq!(r.status, 303);
    let gone = cookie::Cookie::parse(r.set_cookies()[0].clone()).unwrap();
    assert_eq!(
        (gone.name(), gone.value(), gone.path()),
        ("progress", "", Some("/"))
    );
    assert_eq!(
        gone.max_age(),
        Some(cookie::time::Duration::ZERO),
        "deleted now"
    );
}

/// A progress cookie that claims every lesson was visited, signed with `keys`.
fn claiming_everything(keys: &cookie_course::session::Keys, now: i64) -> String {
    use cookie_course::session::{Dict, Value, codec};
    let mut d = Dict::new();
    d.insert(
        "v".into(),
        Value::List(SLUGS.iter().map(|s| Value::Str((*s).into())).collect()),
    );
    d.insert("a".into(), Value::Dict(Dict::new()));
    codec::dumps(&d, keys, now).unwrap().cookie
}

fn visited_text(state: &AppState, n: usize) -> String {
    state.site().loc.text(
        Lang::En,
        "progress-visited",
        &[("count", Arg::Num(n as f64))],
    )
}

#[tokio::test]
async fn a_progress_cookie_is_believed_only_under_its_own_signature_and_salt() {
    let (state, app) = site();
    // Control: signed as the site signs progress, the claim counts.
    let now = state.clock.now() as i64;
    let genuine = claiming_everything(&state.progress_keys, now);
    let home = get(&app, "/en/", Some(&format!("progress={genuine}")))
        .await
        .body;
    assert!(
        home.contains(&visited_text(&state, SLUGS.len())),
        "a genuine claim counts"
    );

    // A real progress cookie from a first visit, its payload swapped for the claim: the
    // old signature does not cover it.
    let first = get(&app, "/en/lessons/cookies", None).await;
    let real = first
        .set_cookies()
        .into_iter()
        .find_map(|c| {
            c.strip_prefix("progress=")
                .map(|r| r.split(';').next().unwrap().to_owned())
        })
        .expect("a first visit records progress");
    let (_, signed_tail) = real.split_once('.').unwrap();
    let (claim, _) = genuine.split_once('.').unwrap();
    let forged = format!("{claim}.{signed_tail}");
    let home = get(&app, "/en/", Some(&format!("progress={forged}")))
        .await
        .body;
    assert!(
        home.contains(&visited_text(&state, 0)),
        "a swapped payload counts nothing"
    );

    // The same claim signed with the session's salt (what the sandbox lets anyone make):
    // a valid Flask session, but not progress.
    let session_salted = claiming_everything(&state.keys, now);
    let home = get(&app, "/en/", Some(&format!("progress={session_salted}")))
        .await
        .body;
    assert!(
        home.contains(&visited_text(&state, 0)),
        "the session's salt is not progress's"
    );

    // A quiz answer posted with the forged cookie starts from nothing: the new cookie holds
    // this answer and nothing the forgery claimed.
    let r = post(
        &app,
        "/en/lessons/cookies/quiz",
        "q1=a",
        Some(&format!("progress={forged}")),
        "text/html",
    )
    .await;
    assert_eq!(r.status, 303);
    let written = r
        .set_cookies()
        .into_iter()
        .find_map(|c| {
            c.strip_prefix("progress=")
                .map(|r| r.split(';').next().unwrap().to_owned())
        })
        .unwrap();
    let d =
        cookie_course::session::codec::loads(&written, &state.progress_keys, now, None).unwrap();
    let visited = match d.get("v") {
        Some(cookie_course::session::Value::List(v)) => v.len(),
        _ => 0,
    };
    assert!(
        visited <= 1,
        "the forged visits were not carried over: {d:?}"
    );
    assert!(
        matches!(d.get("a"), Some(cookie_course::session::Value::Dict(a)) if a.len() == 1 && a.contains_key("cookies")),
        "only this answer: {d:?}"
    );
}

#[test]
fn the_check_command_is_clean_on_the_real_content() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cookie-course"))
        .arg("check")
        .env("SECRET_KEY", "check")
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("17 lessons in 4 languages"), "{stdout}");
}

#[tokio::test]
async fn the_diagrams_are_inline_svg_labelled_in_the_page_language() {
    let (state, app) = site();
    let cases = [
        ("why-sessions", "diagram-exchange-title"),
        ("under-the-hood", "diagram-anatomy-title"),
        ("server-side-sessions", "diagram-store-title"),
        ("permanent-sessions", "diagram-timeline-title"),
    ];
    for lang in Lang::ALL {
        for (slug, title) in cases {
            let body = get(&app, &format!("/{lang}/lessons/{slug}"), None)
                .await
                .body;
            assert!(
                body.contains("<figure class=\"diagram\"><svg"),
                "{lang}/{slug}"
            );
            let label = state.site().loc.text(lang, title, &[]);
            assert!(
                body.contains(&format!(
                    "<figcaption>{}</figcaption>",
                    label.replace('\'', "&#39;")
                )),
                "{lang}/{slug}: {label}"
            );
        }
    }
}

#[tokio::test]
async fn every_quiz_in_every_language_grades_its_own_key_right_and_a_wrong_answer_wrong() {
    let (state, app) = site();
    let loc = &state.site().loc;
    for lang in Lang::ALL {
        for slug in SLUGS {
            let answers = key(&state, slug);
            let total = answers.len() as f64;
            for wrong_at in [None, Some(answers.len() - 1)] {
                let form: Vec<String> = answers
                    .iter()
                    .enumerate()
                    .map(|(i, (q, c))| {
                        // A wrong choice: any id that is not the right one.
                        let pick = if Some(i) == wrong_at {
                            if c == "a" { "b" } else { "a" }
                        } else {
                            c.as_str()
                        };
                        format!("{q}={pick}")
                    })
                    .collect();
                let r = post(
                    &app,
                    &format!("/{lang}/lessons/{slug}/quiz"),
                    &form.join("&"),
                    None,
                    "text/html",
                )
                .await;
                assert_eq!(r.status, 303, "{lang} {slug}");
                let progress = common::jar_after("", &r.set_cookies());
                let page = get(&app, &format!("/{lang}/lessons/{slug}"), Some(&progress))
                    .await
                    .body;
                let right = if wrong_at.is_some() {
                    total - 1.0
                } else {
                    total
                };
                let score = loc.text(
                    lang,
                    "quiz-score",
                    &[("correct", Arg::Num(right)), ("total", Arg::Num(total))],
                );
                assert!(page.contains(&score), "{lang} {slug}: {score}");
                assert_eq!(
                    page.contains(&loc.text(lang, "quiz-completed", &[])),
                    wrong_at.is_none(),
                    "{lang} {slug}: completed only when all are right"
                );
            }
        }
    }
}

#[test]
fn bengali_prose_writes_numbers_in_bengali_digits() {
    // Western digits stay only where they are not prose: code, identifiers and names
    // (base64, SHA-1, Windows 10), versions and CVE ids, HTTP status codes, byte figures.
    let allowed = |before: &str, number: &str, after: &str| {
        let latin_next = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic() || c == '-');
        latin_next(before.chars().next_back())
            || latin_next(after.chars().next())
            || number.contains('.')
                && number
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_ascii_digit())
            || before.ends_with("Windows ")
            || before.ends_with("Flask ")
            || before.ends_with("Flask-Session ")
            || before.ends_with("Python ")
            || before.ends_with("SQLAlchemy ")
            || (number.len() == 3 && ('1'..='5').contains(&number.chars().next().unwrap()))
            || after.starts_with(" KB")
            || after.starts_with(" বাইট")
            || after.starts_with("-এর")
    };
    for slug in SLUGS {
        let path = format!("{}/content/bn/{slug}.md", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap();
        let body = text.splitn(3, "+++").nth(2).unwrap();
        let mut in_code = false;
        let mut in_notes = false;
        for (n, line) in body.lines().enumerate() {
            let t = line.trim_start();
            if t.starts_with("```") {
                in_code = !in_code;
                continue;
            }
            if t.starts_with(":::notes") {
                in_notes = true;
            } else if t == ":::" {
                in_notes = false;
            }
            if in_code || in_notes || t.starts_with(":::") {
                continue;
            }
            // Inline code and heading keys are not prose; a list marker is markdown.
            let mut prose = String::new();
            for (i, part) in t.split('`').enumerate() {
                if i % 2 == 0 {
                    prose.push_str(part);
                    prose.push(' ');
                }
            }
            let prose = prose.split("{#").next().unwrap_or("").to_owned();
            let prose = prose.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
            let mut chars = prose.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                if !c.is_ascii_digit() {
                    continue;
                }
                let mut end = i + 1;
                while let Some((j, d)) = chars.peek().copied() {
                    if d.is_ascii_digit() || d == '.' || d == ',' || d == ':' {
                        end = j + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                let number = prose[i..end].trim_end_matches([',', '.', ':']);
                assert!(
                    allowed(&prose[..i], number, &prose[i + number.len()..]),
                    "content/bn/{slug}.md:{}: «{number}» in prose: write it in Bengali digits\n{line}",
                    n + 1
                );
            }
        }
    }
}

#[test]
fn no_quiz_gives_its_answer_away_by_being_the_longest_choice() {
    let (state, _) = site();
    let library = &state.site().library;
    for lang in Lang::ALL {
        for page in library.lessons(lang) {
            let quiz = page.quiz.as_ref().unwrap();
            for q in &quiz.question {
                // What the learner reads: the rendered text without its tags.
                let len = |t: &str| {
                    let mut n = 0;
                    let mut in_tag = false;
                    for c in t.chars() {
                        match c {
                            '<' => in_tag = true,
                            '>' => in_tag = false,
                            _ if !in_tag => n += 1,
                            _ => {}
                        }
                    }
                    n
                };
                let right = q.choice.iter().find(|c| c.correct).unwrap();
                let longest_wrong = q
                    .choice
                    .iter()
                    .filter(|c| !c.correct)
                    .map(|c| len(&c.text))
                    .max()
                    .unwrap();
                assert!(
                    len(&right.text) <= longest_wrong,
                    "{lang}/{} {}: the right answer is the longest choice",
                    page.slug,
                    q.id
                );
            }
        }
    }
}

#[test]
fn every_language_has_the_same_exercises_in_the_same_sections() {
    let (state, _) = site();
    let library = &state.site().library;
    // Where each exercise sits: (section key, exercise id), read from the rendered sections.
    let places = |page: &cookie_course::content::Page| -> Vec<(String, String)> {
        let mut out = Vec::new();
        for section in &page.sections {
            for block in &section.blocks {
                if let cookie_course::markdown::Block::Html(html) = block {
                    for piece in html.split("data-exercise=\"").skip(1) {
                        let id = &piece[..piece.find('"').unwrap()];
                        out.push((section.key.clone(), id.to_owned()));
                    }
                }
            }
        }
        out
    };
    for english in library.lessons(Lang::En) {
        let here = places(english);
        assert_eq!(
            here.len(),
            english.exercises.len(),
            "{}: every exercise sits in a section",
            english.slug
        );
        if WITH_EXERCISES.contains(&english.slug.as_str()) {
            assert!(!here.is_empty(), "{} has a graded exercise", english.slug);
        }
        for lang in [Lang::Ru, Lang::Uk, Lang::Bn] {
            let page = library.lesson(lang, &english.slug).unwrap();
            assert_eq!(page.text_lang, lang);
            assert_eq!(
                places(page),
                here,
                "{lang}/{}: the English exercises, in the same sections",
                english.slug
            );
        }
    }
}

#[tokio::test]
async fn a_passed_exercise_is_kept_in_the_progress_cookie_and_counted_on_the_home_page() {
    let (_, app) = site();
    let home = get(&app, "/ru/", None).await;
    assert!(
        home.body.contains("data-exercises-passed=\"0\""),
        "none passed yet"
    );
    let r = post(
        &app,
        "/progress/exercise",
        "exercise=mutable-values-cart",
        None,
        "*/*",
    )
    .await;
    assert_eq!(r.status, 204);
    let cookie = r
        .set_cookies()
        .into_iter()
        .find(|h| h.starts_with("progress="))
        .expect("the progress cookie");
    let jar = cookie.split(';').next().unwrap().to_owned();
    let home = get(&app, "/ru/", Some(&jar)).await;
    assert!(
        home.body.contains("data-exercises-passed=\"1\""),
        "one passed"
    );
    assert!(home.body.contains("data-exercise-badge=\"mutable-values\""));
    // An exercise the course does not have is a 400 naming the field, and nothing is kept.
    let r = post_json(&app, "/progress/exercise", "exercise=nope", Some(&jar)).await;
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["field"], "exercise");
    assert!(r.set_cookies().is_empty());
}
