//! One vocabulary per language: `locales/<lang>/glossary.toml` names the chosen term for each
//! recurring concept and the variants it rejects; no rejected variant may appear in that
//! language's lessons, quizzes, speaker notes or UI strings.

use std::path::Path;

#[derive(serde::Deserialize)]
struct Glossary {
    term: Vec<Term>,
}

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct Term {
    concept: String,
    #[serde(rename = "use")]
    chosen: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    reject: Vec<String>,
}

/// A letter of a word: letters and digits, combining marks, Bengali signs, joiners, and `_`
/// (so `SECRET_KEY_FALLBACKS` is one word, not a use of "fallbacks").
fn in_word(c: char) -> bool {
    c == '_'
        || c.is_alphanumeric()
        || ('\u{0300}'..='\u{036f}').contains(&c)
        || ('\u{0980}'..='\u{09ff}').contains(&c)
        || matches!(c, '\u{200c}' | '\u{200d}' | '\u{2019}' | '\'')
}

/// Case-insensitive occurrences of `word` in `text` that start a word (and, unless
/// `inflected`, end one), with their lines. Bengali attaches suffixes to the word itself
/// (`সিগনেচারটি`, `সিগনেচারের`), so there a variant is found with any ending; Russian and
/// Ukrainian glossaries list their inflected forms.
fn occurrences(text: &str, word: &str, inflected: bool) -> Vec<usize> {
    let (text, word) = (text.to_lowercase(), word.to_lowercase());
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find(&word) {
        let start = from + at;
        let end = start + word.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if !before.is_some_and(in_word) && (inflected || !after.is_some_and(in_word)) {
            found.push(text[..start].matches('\n').count() + 1);
        }
        from = end;
    }
    found
}

/// Every file a learner or instructor reads in `lang`: lessons, quizzes, UI strings.
fn texts(root: &Path, lang: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(root.join("content").join(lang)).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md" || e == "toml") {
            out.push((
                path.display().to_string(),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
    let ftl = root.join("locales").join(lang).join("main.ftl");
    out.push((
        ftl.display().to_string(),
        std::fs::read_to_string(&ftl).unwrap(),
    ));
    out
}

#[test]
fn no_language_uses_a_variant_its_glossary_rejects() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for lang in ["en", "ru", "uk", "bn"] {
        let path = root.join("locales").join(lang).join("glossary.toml");
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let glossary: Glossary =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            glossary.term.len() >= 8,
            "{lang}: a glossary of the recurring concepts"
        );
        let files = texts(root, lang);
        let mut found = Vec::new();
        for term in &glossary.term {
            assert!(
                !term.chosen.is_empty(),
                "{lang}: {} has a chosen term",
                term.concept
            );
            for variant in &term.reject {
                for (file, body) in &files {
                    for line in occurrences(body, variant, lang == "bn") {
                        found.push(format!(
                            "{file}:{line}: «{variant}» (use «{}» for {})",
                            term.chosen, term.concept
                        ));
                    }
                }
            }
        }
        assert!(
            found.is_empty(),
            "rejected variants in {lang}:\n{}",
            found.join("\n")
        );
    }
}

#[test]
fn whole_word_matching_knows_cyrillic_and_bengali_words() {
    assert_eq!(occurrences("Ця кука. Кука!", "кука", false), vec![1, 1]);
    assert!(
        occurrences("кукі", "кук", false).is_empty(),
        "not inside a longer word"
    );
    assert!(occurrences("ожидание", "дани", false).is_empty());
    assert_eq!(
        occurrences("x\nসিগনেচারটি", "সিগনেচার", true),
        vec![2],
        "with its suffix"
    );
    assert!(
        occurrences("অসই", "সই", true).is_empty(),
        "not from the middle of a word"
    );
}
