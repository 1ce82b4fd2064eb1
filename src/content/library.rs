//! Loading, validating and rendering every lesson in every language.

use super::front_matter::{FrontMatter, SandboxAction, split_front_matter};
use crate::i18n::{Arg, Lang, Localizer};
use crate::markdown::highlight::{Fence, Highlighter};
use crate::markdown::{Block, Directives, ExerciseFiles, render};
use crate::site::source::Source;
use anyhow::{Context, bail};
use sha1::{Digest, Sha1};
use std::collections::BTreeMap;

/// One lesson as a page in one language.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Page {
    pub slug: String,
    pub order: u32,
    pub title: String,
    pub summary: String,
    pub sandbox: Vec<SandboxAction>,
    pub blocks: Vec<Block>,
    /// The blocks cut at every `##`, with speaker notes; only the presenter view uses them.
    #[serde(skip)]
    pub sections: Vec<crate::markdown::Section>,
    pub reading_minutes: u32,
    /// The language the text is written in: the page's, or English when not translated.
    pub text_lang: Lang,
    /// A translation made from an older English text.
    pub stale: bool,
    /// "Check your understanding", in the page's language if translated, else English.
    pub quiz: Option<super::Quiz>,
    /// An example of the lesson runs in the browser (its page loads the runner and allows
    /// WebAssembly); decided once, when the lesson is rendered.
    pub runnable: bool,
    /// The ids of the lesson's graded exercises (`content/exercises/ID/`), in order.
    pub exercises: Vec<String>,
}

/// What lists of lessons show (home, contents, prev/next): no body, so templates do not
/// copy every lesson's HTML on every request.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Summary {
    pub slug: String,
    pub order: u32,
    pub title: String,
    pub summary: String,
    pub reading_minutes: u32,
    pub text_lang: Lang,
    pub exercises: Vec<String>,
}

impl From<&Page> for Summary {
    fn from(p: &Page) -> Self {
        Summary {
            slug: p.slug.clone(),
            order: p.order,
            title: p.title.clone(),
            summary: p.summary.clone(),
            reading_minutes: p.reading_minutes,
            text_lang: p.text_lang,
            exercises: p.exercises.clone(),
        }
    }
}

#[derive(Debug)]
pub struct Library {
    /// `summaries[lang]`: the same lessons, without their bodies.
    summaries: Vec<Vec<Summary>>,
    /// `pages[lang]`: every lesson in course order.
    pages: Vec<Vec<Page>>,
    /// Fence languages that did not resolve, with the file they are in.
    unknown_fences: Vec<(String, String)>,
    /// Translations whose English source changed: (file, recorded hash, current hash).
    stale: Vec<(String, String, String)>,
}

/// One language's pages, with the fence languages that did not resolve (file, language).
type LangPages = (Vec<Page>, Vec<(String, String)>);

struct LessonFile {
    path: String,
    front: FrontMatter,
    body: String,
}

/// The hash a translation records: SHA-1 of the English markdown body, first 12 hex digits.
pub fn source_hash(english_body: &str) -> String {
    let digest = Sha1::digest(english_body.as_bytes());
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}

struct Ctx<'a> {
    lang: Lang,
    loc: &'a Localizer,
    examples: &'a BTreeMap<String, String>,
    /// `content/exercises/` by path below it (`ID/start.py`).
    exercises: &'a BTreeMap<String, String>,
    highlighter: &'a Highlighter,
}

impl Directives for Ctx<'_> {
    fn label(&self, id: &str, path: Option<&str>) -> String {
        let args: Vec<(&str, Arg)> = path
            .map(|p| vec![("path", Arg::Str(p.to_owned()))])
            .unwrap_or_default();
        self.loc.text(self.lang, id, &args)
    }
    fn example(&self, path: &str) -> Option<String> {
        self.examples.get(path).cloned()
    }
    fn exercise(&self, id: &str) -> Option<ExerciseFiles> {
        let file = |name: &str| self.exercises.get(&format!("{id}/{name}")).cloned();
        Some(ExerciseFiles {
            start: file("start.py")?,
            solution: file("solution.py")?,
            check: file("check.py")?,
        })
    }
    fn diagram(&self, name: &str) -> Option<String> {
        crate::markdown::diagrams::render(name, &|id| self.loc.text(self.lang, id, &[]))
    }
    fn highlighter(&self) -> &Highlighter {
        self.highlighter
    }
}

impl Library {
    /// Load `content/` from `source`, validate it and render every page.
    pub fn load(
        source: &Source,
        loc: &Localizer,
        highlighter: &Highlighter,
    ) -> anyhow::Result<Self> {
        let mut lessons: BTreeMap<Lang, BTreeMap<String, LessonFile>> = BTreeMap::new();
        let mut quizzes: BTreeMap<(Lang, String), (String, super::Quiz)> = BTreeMap::new();
        let mut examples = BTreeMap::new();
        let mut exercises = BTreeMap::new();
        for (rel, text) in source.files("content")? {
            let path = source.display("content", &rel);
            let Some((top, name)) = rel.split_once('/') else {
                bail!(
                    "{path}: files belong in content/<lang>/, content/examples/ or content/exercises/"
                );
            };
            if top == "examples" {
                examples.insert(name.to_owned(), text);
                continue;
            }
            if top == "exercises" {
                exercises.insert(name.to_owned(), text);
                continue;
            }
            let Some(lang) = Lang::from_code(top) else {
                bail!("{path}: unknown language {top:?} (expected one of en, ru, uk, bn)");
            };
            if let Some(slug) = name.strip_suffix(".quiz.toml").filter(|s| is_slug(s)) {
                let quiz = super::Quiz::parse(&text).map_err(|e| anyhow::anyhow!("{path}: {e}"))?;
                quizzes.insert((lang, slug.to_owned()), (path, quiz));
                continue;
            }
            let Some(slug) = name.strip_suffix(".md").filter(|s| is_slug(s)) else {
                bail!(
                    "{path}: a lesson file is named <slug>.md (or <slug>.quiz.toml) with a lowercase slug (a-z, 0-9, -)"
                );
            };
            let (front, body) =
                split_front_matter(&text).map_err(|e| anyhow::anyhow!("{path}: {e}"))?;
            let front: FrontMatter =
                toml::from_str(front).with_context(|| format!("{path}: invalid front matter"))?;
            lessons.entry(lang).or_default().insert(
                slug.to_owned(),
                LessonFile {
                    path,
                    front,
                    body: body.to_owned(),
                },
            );
        }
        let english = lessons.remove(&Lang::En).unwrap_or_default();
        if english.is_empty() {
            bail!(
                "{}: no English lessons (English is the source of every lesson)",
                source.display("content", "en/")
            );
        }
        let mut orders = BTreeMap::new();
        for (slug, l) in &english {
            if l.front.source_hash.is_some() {
                bail!(
                    "{}: English lessons are the source and have no source_hash",
                    l.path
                );
            }
            if let Some(other) = orders.insert(l.front.order, slug) {
                bail!(
                    "{}: order {} is also used by {other}.md",
                    l.path,
                    l.front.order
                );
            }
        }
        let mut stale = Vec::new();
        for (lang, translated) in &lessons {
            for (slug, t) in translated {
                let Some(en) = english.get(slug) else {
                    bail!(
                        "{}: there is no English lesson {slug}.md to translate",
                        t.path
                    );
                };
                let Some(recorded) = &t.front.source_hash else {
                    bail!(
                        "{}: a translation needs source_hash = \"{}\" (the English text it was made from)",
                        t.path,
                        source_hash(&en.body)
                    );
                };
                if t.front.order != en.front.order || t.front.sandbox != en.front.sandbox {
                    bail!(
                        "{}: order and sandbox must match the English lesson ({lang} vs en)",
                        t.path
                    );
                }
                let current = source_hash(&en.body);
                if *recorded != current {
                    stale.push((t.path.clone(), recorded.clone(), current));
                }
            }
        }

        // Every language's quiz asks the same questions with the same answer key.
        for ((lang, slug), (path, quiz)) in &quizzes {
            if !english.contains_key(slug) {
                bail!("{path}: there is no English lesson {slug}.md for this quiz");
            }
            if *lang != Lang::En {
                let Some((_, en)) = quizzes.get(&(Lang::En, slug.clone())) else {
                    bail!("{path}: there is no English quiz {slug}.quiz.toml to translate");
                };
                let same_choices = |a: &super::Quiz, b: &super::Quiz| {
                    a.question.iter().zip(&b.question).all(|(x, y)| {
                        x.choice
                            .iter()
                            .map(|c| &c.id)
                            .eq(y.choice.iter().map(|c| &c.id))
                    })
                };
                if quiz.key() != en.key() || !same_choices(quiz, en) {
                    bail!("{path}: questions, choices and answers must match the English quiz");
                }
            }
        }

        let mut by_order: Vec<(&String, &LessonFile)> = english.iter().collect();
        by_order.sort_by_key(|(_, l)| l.front.order);
        // Two threads, two languages each (highlighting is most of start-up, and the machine
        // this runs on has two cores; more threads only add malloc arenas). Results come back
        // in `Lang::ALL` order.
        let render_lang = |lang: Lang| -> anyhow::Result<LangPages> {
            let ctx = Ctx {
                lang,
                loc,
                examples: &examples,
                exercises: &exercises,
                highlighter,
            };
            let mut list = Vec::new();
            let mut unknown = Vec::new();
            for (slug, en) in &by_order {
                let (src, text_lang) = match lessons.get(&lang).and_then(|m| m.get(*slug)) {
                    Some(t) => (t, lang),
                    None => (*en, Lang::En),
                };
                let rendered = render(&src.body, &ctx).with_context(|| src.path.clone())?;
                // An exercise speaks the learner's language: its title, hint and every
                // message its check can report are Fluent messages.
                for id in &rendered.exercises {
                    let files = ctx.exercise(id).unwrap_or_else(|| unreachable!("rendered"));
                    let needed = [format!("{id}-title"), format!("{id}-hint")]
                        .into_iter()
                        .chain(files.assertions(id));
                    for message in needed {
                        if !loc.has(&message) {
                            bail!(
                                "{}: exercise {id} needs the message `{message}` in locales/<lang>/exercises/{id}.ftl",
                                src.path
                            );
                        }
                    }
                }
                for (fence, known) in &rendered.fences {
                    if let (Fence::Lang(l), false) = (fence, known) {
                        unknown.push((src.path.clone(), l.clone()));
                    }
                }
                let stale_here = stale.iter().any(|(p, _, _)| *p == src.path);
                let runnable = rendered.blocks.iter().any(|b| {
                    matches!(b, crate::markdown::Block::Html(html) if html.contains("data-runner"))
                });
                list.push(Page {
                    runnable,
                    exercises: rendered.exercises,
                    slug: (*slug).clone(),
                    order: en.front.order,
                    title: src.front.title.clone(),
                    summary: src.front.summary.clone(),
                    sandbox: en.front.sandbox.clone(),
                    blocks: rendered.blocks,
                    sections: rendered.sections,
                    reading_minutes: (rendered.words as u32).div_ceil(200).max(1),
                    text_lang,
                    stale: stale_here,
                    quiz: quizzes
                        .get(&(lang, (*slug).clone()))
                        .or_else(|| quizzes.get(&(Lang::En, (*slug).clone())))
                        .map(|(_, q)| render_quiz(q)),
                });
            }
            Ok((list, unknown))
        };
        let results: Vec<anyhow::Result<_>> = std::thread::scope(|scope| {
            let (first, second) = Lang::ALL.split_at(Lang::ALL.len() / 2);
            let other = scope.spawn(|| second.iter().map(|l| render_lang(*l)).collect::<Vec<_>>());
            let mut out: Vec<_> = first.iter().map(|l| render_lang(*l)).collect();
            out.extend(
                other
                    .join()
                    .unwrap_or_else(|_| vec![Err(anyhow::anyhow!("rendering panicked"))]),
            );
            out
        });
        let mut pages = Vec::new();
        let mut unknown_fences = Vec::new();
        for result in results {
            let (list, unknown) = result?;
            pages.push(list);
            unknown_fences.extend(unknown);
        }
        unknown_fences.sort();
        unknown_fences.dedup();
        for (path, lang) in &unknown_fences {
            tracing::warn!(
                path,
                lang,
                "code fence language is unknown; shown without highlighting"
            );
        }
        for (path, recorded, current) in &stale {
            tracing::info!(
                path,
                recorded,
                current,
                "translation is older than its English source"
            );
        }
        let summaries = pages
            .iter()
            .map(|list| list.iter().map(Summary::from).collect())
            .collect();
        Ok(Library {
            summaries,
            pages,
            unknown_fences,
            stale,
        })
    }

    /// Every lesson in course order, as pages in `lang`.
    pub fn lessons(&self, lang: Lang) -> &[Page] {
        &self.pages[lang.index()]
    }

    /// Every lesson in course order, without bodies.
    pub fn summaries(&self, lang: Lang) -> &[Summary] {
        &self.summaries[lang.index()]
    }

    pub fn lesson(&self, lang: Lang, slug: &str) -> Option<&Page> {
        self.lessons(lang).iter().find(|p| p.slug == slug)
    }

    /// Fence languages the highlighter did not know, as (file, language).
    pub fn unknown_fences(&self) -> &[(String, String)] {
        &self.unknown_fences
    }

    /// Stale translations: (file, recorded hash, current English hash).
    pub fn stale(&self) -> &[(String, String, String)] {
        &self.stale
    }
}

/// Quiz texts may use inline markdown (`code`, *emphasis*): render it once, safely.
fn render_quiz(quiz: &super::Quiz) -> super::Quiz {
    let mut q = quiz.clone();
    for question in &mut q.question {
        question.prompt = crate::markdown::inline(&question.prompt);
        for c in &mut question.choice {
            c.text = crate::markdown::inline(&c.text);
            c.explain = crate::markdown::inline(&c.explain);
        }
    }
    q
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
