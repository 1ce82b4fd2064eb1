//! Full-text search over the course, one index per language, built with the site (so a
//! `--watch` reload rebuilds it). What is indexed is what a learner reads: each lesson
//! section's text and each quiz question with its choices; speaker notes never.
//!
//! Matching works for each script: text and query are NFKC-normalized (precomposed and
//! decomposed letters, such as the Bengali nukta forms, meet), case-folded, `ё` is `е`, the
//! apostrophes `'` `’` `ʼ` are one, and words are reduced to a stem by stripping common
//! endings (English, Russian, Ukrainian, and Bengali suffixes such as -টি, -এর, -কে), so
//! inflected forms find each other; a query word also matches words it begins.

use crate::content::Library;
use crate::i18n::Lang;
use crate::markdown::Block;
use std::collections::{BTreeSet, HashMap};
use unicode_normalization::UnicodeNormalization;

/// Longest query accepted, in characters.
pub const MAX_QUERY: usize = 200;
/// Results shown for one query.
const MAX_RESULTS: usize = 30;

/// One searchable unit: a section of a lesson, or a lesson's quiz.
#[derive(Debug, Clone)]
struct Doc {
    slug: String,
    lesson_title: String,
    /// The `{#key}` to link to (`quiz` for the quiz, `""` for the introduction).
    key: String,
    section_title: String,
    /// The plain text, as shown.
    text: String,
    /// Each word of `text`: its byte span and its stem.
    words: Vec<(usize, usize, String)>,
    /// The stems of `section_title` (a match there ranks first).
    title_stems: Vec<String>,
}

/// The index of one language.
#[derive(Debug, Default)]
struct LangIndex {
    docs: Vec<Doc>,
    /// stem → documents containing it.
    postings: HashMap<String, Vec<usize>>,
}

/// Every language's index.
#[derive(Debug, Default)]
pub struct SearchIndex {
    by_lang: Vec<(Lang, LangIndex)>,
}

/// One result: where it is and a snippet with the matches marked.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Hit {
    pub slug: String,
    pub lesson_title: String,
    pub key: String,
    pub section_title: String,
    /// The snippet split into runs: `(text, is_match)`, for the template to escape and mark.
    pub snippet: Vec<(String, bool)>,
    pub score: u32,
}

impl SearchIndex {
    /// Index every lesson of every language (the text each language's pages show).
    pub fn build(library: &Library) -> Self {
        // Two threads, two languages each, as the library renders them.
        let (first, second) = Lang::ALL.split_at(Lang::ALL.len() / 2);
        let build = |langs: &[Lang]| -> Vec<(Lang, LangIndex)> {
            langs
                .iter()
                .map(|l| (*l, LangIndex::build(library, *l)))
                .collect()
        };
        let by_lang = std::thread::scope(|scope| {
            let other = scope.spawn(|| build(second));
            let mut by_lang = build(first);
            by_lang.extend(other.join().unwrap_or_else(|_| build(second)));
            by_lang
        });
        SearchIndex { by_lang }
    }
}

impl LangIndex {
    fn build(library: &Library, lang: Lang) -> LangIndex {
        let mut index = LangIndex::default();
        for page in library.lessons(lang) {
            let stem_lang = page.text_lang;
            for section in &page.sections {
                let mut text = String::new();
                for block in &section.blocks {
                    if let Block::Html(html) = block {
                        text.push_str(&plain_text(html));
                        text.push(' ');
                    }
                }
                index.add(
                    Doc {
                        slug: page.slug.clone(),
                        lesson_title: page.title.clone(),
                        key: section.key.clone(),
                        section_title: if section.title.is_empty() {
                            page.title.clone()
                        } else {
                            section.title.clone()
                        },
                        words: Vec::new(),
                        title_stems: Vec::new(),
                        text: collapse_spaces(&text),
                    },
                    stem_lang,
                );
            }
            if let Some(quiz) = &page.quiz {
                let mut text = String::new();
                for q in &quiz.question {
                    text.push_str(&plain_text(&q.prompt));
                    text.push(' ');
                    for c in &q.choice {
                        text.push_str(&plain_text(&c.text));
                        text.push(' ');
                    }
                }
                index.add(
                    Doc {
                        slug: page.slug.clone(),
                        lesson_title: page.title.clone(),
                        key: "quiz".into(),
                        section_title: String::new(),
                        words: Vec::new(),
                        title_stems: Vec::new(),
                        text: collapse_spaces(&text),
                    },
                    stem_lang,
                );
            }
        }
        index
    }
}

impl SearchIndex {
    /// The best matches for `query` in `lang`: every query word must match.
    pub fn search(&self, lang: Lang, query: &str) -> Vec<Hit> {
        let Some((_, index)) = self.by_lang.iter().find(|(l, _)| *l == lang) else {
            return Vec::new();
        };
        let terms: Vec<String> = words(query)
            .into_iter()
            .map(|(s, e)| stem(&normalize(&query[s..e]), lang))
            .filter(|t| !t.is_empty())
            .collect();
        if terms.is_empty() {
            return Vec::new();
        }
        // The documents holding a word each term matches (through the postings), then only
        // those are scored.
        let mut candidates: Option<BTreeSet<usize>> = None;
        for term in &terms {
            let docs: BTreeSet<usize> = index
                .postings
                .iter()
                .filter(|(word, _)| matches(word, term))
                .flat_map(|(_, docs)| docs.iter().copied())
                .collect();
            candidates = Some(match candidates {
                None => docs,
                Some(c) => c.intersection(&docs).copied().collect(),
            });
        }
        let mut hits = Vec::new();
        for doc in candidates
            .unwrap_or_default()
            .into_iter()
            .map(|i| &index.docs[i])
        {
            let mut score = 0;
            let mut marks = Vec::new();
            for term in &terms {
                for (s, e, w) in &doc.words {
                    if matches(w, term) {
                        score += if w == term { 2 } else { 1 };
                        marks.push((*s, *e));
                    }
                }
                // A match in the section's title counts most.
                if doc.title_stems.iter().any(|w| matches(w, term)) {
                    score += 10;
                }
            }
            hits.push(Hit {
                slug: doc.slug.clone(),
                lesson_title: doc.lesson_title.clone(),
                key: doc.key.clone(),
                section_title: doc.section_title.clone(),
                snippet: snippet(&doc.text, &marks),
                score,
            });
        }
        hits.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.slug.cmp(&b.slug)));
        hits.truncate(MAX_RESULTS);
        hits
    }
}

impl LangIndex {
    fn add(&mut self, mut doc: Doc, lang: Lang) {
        let n = self.docs.len();
        // Spans are taken on the shown text; stems on its normalized form, word by word.
        doc.words = words(&doc.text)
            .into_iter()
            .map(|(s, e)| (s, e, stem(&normalize(&doc.text[s..e]), lang)))
            .filter(|(_, _, w)| !w.is_empty())
            .collect();
        let title = normalize(&doc.section_title);
        doc.title_stems = words(&title)
            .into_iter()
            .map(|(s, e)| stem(&title[s..e], lang))
            .collect();
        for (_, _, w) in &doc.words {
            let list = self.postings.entry(w.clone()).or_default();
            if list.last() != Some(&n) {
                list.push(n);
            }
        }
        self.docs.push(doc);
    }
}

/// A word of the text matches a query term: the same stem, or the term begins it (for a
/// term of three letters or more).
fn matches(word: &str, term: &str) -> bool {
    word == term || (term.chars().count() >= 3 && word.starts_with(term))
}

/// NFKC, lower case, `ё` → `е`, every apostrophe → `'`.
pub fn normalize(text: &str) -> String {
    text.nfkc()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ё' => 'е',
            '\u{2019}' | '\u{02bc}' | '\u{2018}' => '\'',
            c => c,
        })
        .collect::<String>()
        .nfkc()
        .collect()
}

/// Part of a word: letters, digits, combining marks (Bengali vowel signs and virama),
/// joiners, and an apostrophe inside a word.
fn word_char(c: char) -> bool {
    c.is_alphanumeric()
        || ('\u{0300}'..='\u{036f}').contains(&c)
        || ('\u{0980}'..='\u{09ff}').contains(&c)
        || matches!(
            c,
            '\u{200c}' | '\u{200d}' | '\'' | '\u{2019}' | '\u{02bc}' | '_'
        )
}

/// Byte spans of the words of `text`.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    // An apostrophe at either end belongs to the punctuation, not the word.
    out.into_iter()
        .filter_map(|(s, e)| {
            let w = &text[s..e];
            let trimmed = w.trim_matches(['\'', '\u{2019}', '\u{02bc}']);
            (!trimmed.is_empty()).then(|| {
                let offset = w.find(trimmed).unwrap_or(0);
                (s + offset, s + offset + trimmed.len())
            })
        })
        .collect()
}

/// The stem of a normalized word: common endings stripped, keeping at least three letters.
pub fn stem(word: &str, lang: Lang) -> String {
    const EN: &[&str] = &["ingly", "edly", "ings", "ing", "ed", "'s", "s"];
    const RU_UK: &[&str] = &[
        "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ией", "ией", "ией", "ах",
        "ях", "ов", "ев", "ей", "ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ом", "ем",
        "ям", "ам", "ую", "юю", "ию", "ия", "ии", "ів", "ів", "ом", "ою", "ею", "ам", "ах", "ів",
        "ий", "ій", "ої", "ої", "им", "их", "ів", "ть", "ти", "ся", "ью", "ії", "ія", "ію", "ею",
        "єю", "а", "я", "о", "е", "ы", "и", "у", "ю", "й", "ь", "і", "ї", "є",
    ];
    const BN: &[&str] = &[
        "গুলোর",
        "গুলির",
        "গুলোকে",
        "গুলো",
        "গুলি",
        "দের",
        "টির",
        "টাকে",
        "টিকে",
        "টা",
        "টি",
        "কে",
        "তে",
        "এর",
        "ের",
        "ে",
        "র",
    ];
    let mut list: Vec<&str> = match lang {
        Lang::En => EN,
        Lang::Ru | Lang::Uk => RU_UK,
        Lang::Bn => BN,
    }
    .to_vec();
    // The longest ending that leaves a stem wins.
    list.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    let chars = word.chars().count();
    let mut best = word;
    for suffix in list {
        if let Some(stem) = word.strip_suffix(suffix)
            && stem.chars().count() >= 3
            && chars > suffix.chars().count()
        {
            best = stem;
            break;
        }
    }
    best.to_owned()
}

/// The text of an HTML fragment: tags dropped (an inline SVG's labels too), entities decoded.
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut in_svg = 0usize;
    while let Some(lt) = rest.find('<') {
        if in_svg == 0 {
            out.push_str(&decode_entities(&rest[..lt]));
        }
        let Some(gt) = rest[lt..].find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        if tag.starts_with("svg") {
            in_svg += 1;
        } else if tag.starts_with("/svg") {
            in_svg = in_svg.saturating_sub(1);
        } else if tag.starts_with("a class=\"anchor\"") {
            // A heading's `#` permalink is not text: skip to the end of the link.
            let after = &rest[lt + gt + 1..];
            let end = after.find("</a>").map_or(0, |e| e + "</a>".len());
            out.push(' ');
            rest = &after[end..];
            continue;
        }
        // Block-level tags separate words.
        out.push(' ');
        rest = &rest[lt + gt + 1..];
    }
    if in_svg == 0 {
        out.push_str(&decode_entities(rest));
    }
    out
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let end = after.find(';').filter(|e| *e <= 10);
        let decoded = end.and_then(|e| {
            let name = &after[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            }?;
            Some((c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// About 160 characters around the first match, split into marked and unmarked runs.
fn snippet(text: &str, marks: &[(usize, usize)]) -> Vec<(String, bool)> {
    let mut marks = marks.to_vec();
    marks.sort_unstable();
    marks.dedup();
    let first = marks.first().map_or(0, |m| m.0);
    let mut start = first.saturating_sub(60);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (first + 100).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let mut runs = Vec::new();
    let mut at = start;
    if start > 0 {
        runs.push(("…".to_owned(), false));
    }
    for (s, e) in marks {
        if s < at || e > end {
            continue;
        }
        if s > at {
            runs.push((text[at..s].to_owned(), false));
        }
        runs.push((text[s..e].to_owned(), true));
        at = e;
    }
    if at < end {
        runs.push((text[at..end].to_owned(), false));
    }
    if end < text.len() {
        runs.push(("…".to_owned(), false));
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_forms_share_a_stem() {
        let same = |a: &str, b: &str, lang: Lang| {
            assert_eq!(
                stem(&normalize(a), lang),
                stem(&normalize(b), lang),
                "{a} / {b}"
            );
        };
        same("cookies", "cookie", Lang::En);
        same("signed", "sign", Lang::En);
        same("сессии", "сессия", Lang::Ru);
        same("подписью", "подпись", Lang::Ru);
        same("сесії", "сесія", Lang::Uk);
        same("কুকিটি", "কুকি", Lang::Bn);
        same("সেশনের", "সেশন", Lang::Bn);
    }

    #[test]
    fn normalization_meets_every_spelling_of_a_letter() {
        assert_eq!(normalize("Ёлка"), normalize("елка"));
        assert_eq!(normalize("пам’ять"), normalize("пам'ять"));
        assert_eq!(normalize("пам\u{02bc}ять"), normalize("пам'ять"));
        // Bengali ড় precomposed (U+09DC) and decomposed (ড + nukta).
        assert_eq!(normalize("\u{09dc}"), normalize("\u{09a1}\u{09bc}"));
    }

    #[test]
    fn html_becomes_the_text_a_learner_reads() {
        assert_eq!(
            collapse_spaces(&plain_text(
                "<p>A <code>Set-Cookie</code> &amp; more</p><svg><text>label</text></svg><p>end</p>"
            )),
            "A Set-Cookie & more end"
        );
    }
}
