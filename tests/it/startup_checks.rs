//! Start-up refuses a broken locale or lesson with a message naming the file, and accepts
//! the real `content/` and `locales/` with every check passing.

use crate::common;

use common::tree::{Tree, lesson};
use cookie_course::AppState;
use cookie_course::content::source_hash;
use cookie_course::i18n::Lang;

fn load_error(tree: &Tree) -> String {
    match AppState::build(b"k", &tree.source()) {
        Ok(_) => panic!("start-up accepted a broken tree"),
        Err(e) => format!("{e:#}"),
    }
}

#[test]
fn the_real_content_and_locales_pass_every_start_up_check() {
    let state = AppState::with_key(b"k");
    let library = &state.site().library;
    assert!(
        library.unknown_fences().is_empty(),
        "unknown fence languages: {:?}",
        library.unknown_fences()
    );
    assert!(
        library.stale().is_empty(),
        "stale translations: {:?}",
        library.stale()
    );
    let slugs: Vec<&str> = library
        .lessons(Lang::En)
        .iter()
        .map(|p| p.slug.as_str())
        .collect();
    assert!(
        slugs.starts_with(&["getting-ready", "why-sessions", "cookies"]),
        "{slugs:?}"
    );
    for lang in Lang::ALL {
        for page in library.lessons(lang) {
            assert_eq!(
                page.text_lang, lang,
                "{lang}/{} is not translated",
                page.slug
            );
        }
    }
}

#[test]
fn a_message_missing_in_one_locale_fails_naming_file_and_id() {
    let tree = Tree::new("missing-msg");
    tree.write("content/en/a.md", &lesson("A", 1, None, "Hello\n"));
    let ftl = std::fs::read_to_string(tree.0.join("locales/uk/main.ftl")).unwrap();
    let without: String = ftl
        .lines()
        .filter(|l| !l.starts_with("nav-course"))
        .map(|l| format!("{l}\n"))
        .collect();
    tree.write("locales/uk/main.ftl", &without);
    let err = load_error(&tree);
    assert!(
        err.contains("locales/uk/main.ftl") && err.contains("`nav-course` is missing"),
        "{err}"
    );
}

#[test]
fn a_message_with_a_misspelt_variable_fails_start_up() {
    let tree = Tree::new("bad-var");
    tree.write("content/en/a.md", &lesson("A", 1, None, "Hello\n"));
    let ftl = std::fs::read_to_string(tree.0.join("locales/ru/main.ftl")).unwrap();
    tree.write("locales/ru/main.ftl", &ftl.replace("{ $path }", "{ $pth }"));
    let err = load_error(&tree);
    assert!(
        err.contains("locales/ru") && err.contains("example-caption"),
        "{err}"
    );
}

#[test]
fn broken_lessons_fail_start_up_with_their_path() {
    let cases: [(&str, String, &str); 6] = [
        (
            "content/en/a.md",
            "+++\ntitle = \"A\"\norder = 1\nsummary = \"s\"\nauthor = \"me\"\n+++\nx\n".into(),
            "unknown field `author`",
        ),
        (
            "content/de/a.md",
            lesson("A", 1, Some("x"), "x\n"),
            "unknown language \"de\"",
        ),
        (
            "content/ru/zzz.md",
            lesson("Z", 1, Some("x"), "x\n"),
            "no English lesson zzz.md",
        ),
        (
            "content/ru/a.md",
            lesson("A", 1, None, "x\n"),
            "needs source_hash",
        ),
        (
            "content/en/b.md",
            lesson("B", 1, None, "x\n"),
            "order 1 is also used",
        ),
        (
            "content/en/a.md",
            lesson("A", 1, None, "x\n\n:::carousel\n"),
            "line 3: unknown directive",
        ),
    ];
    for (rel, text, want) in cases {
        let tree = Tree::new("broken");
        tree.write("content/en/a.md", &lesson("A", 1, None, "Hello\n"));
        tree.write(rel, &text);
        let err = load_error(&tree);
        assert!(
            err.contains(rel.rsplit('/').next().unwrap()) && err.contains(want),
            "{rel}: {err}"
        );
    }
}

#[test]
fn an_unknown_fence_language_is_reported_not_guessed() {
    let tree = Tree::new("fence");
    tree.write(
        "content/en/a.md",
        &lesson("A", 1, None, "```cobol\nDISPLAY 'HI'.\n```\n"),
    );
    let state = AppState::build(b"k", &tree.source()).unwrap();
    assert_eq!(
        state.site().library.unknown_fences(),
        [(
            tree.0.join("content/en/a.md").display().to_string(),
            "cobol".to_owned()
        )]
    );
}

#[test]
fn source_hash_is_stable() {
    assert_eq!(source_hash("Hello\n"), "1d229271928d");
}

#[test]
fn a_translated_quiz_whose_answer_key_differs_from_english_stops_start_up() {
    let quiz = |right: &str| {
        let mut q = String::new();
        for id in ["q1", "q2"] {
            q.push_str(&format!("[[question]]\nid = \"{id}\"\nprompt = \"P\"\n"));
            for c in ["a", "b"] {
                let correct = if c == right { "correct = true\n" } else { "" };
                q.push_str(&format!(
                    "[[question.choice]]\nid = \"{c}\"\ntext = \"{c}\"\n{correct}explain = \"e\"\n"
                ));
            }
        }
        q
    };
    let tree = Tree::new("quiz-key");
    tree.write("content/en/a.md", &lesson("A", 1, None, "Hello\n"));
    tree.write("content/en/a.quiz.toml", &quiz("a"));
    let hash = source_hash("Hello\n");
    tree.write("content/ru/a.md", &lesson("А", 1, Some(&hash), "Привет\n"));
    // Control: the same key in Russian loads.
    tree.write("content/ru/a.quiz.toml", &quiz("a"));
    assert!(
        AppState::build(b"k", &tree.source()).is_ok(),
        "the same key loads"
    );
    // Another right answer in Russian would grade a class differently: refused.
    tree.write("content/ru/a.quiz.toml", &quiz("b"));
    let err = load_error(&tree);
    assert!(
        err.contains("ru/a.quiz.toml") && err.contains("must match the English quiz"),
        "{err}"
    );
}
