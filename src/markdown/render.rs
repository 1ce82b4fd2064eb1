//! pulldown-cmark with fences intercepted for highlighting and headings given anchors.

use super::directives::{Directive, split_directives};
use crate::markdown::highlight::{Fence, Highlighted, Highlighter, escape};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use std::collections::HashMap;

/// What the renderer needs from the outside world.
pub trait Directives {
    /// A UI label in the page's language (`callout-note`, `example-caption`, …).
    fn label(&self, id: &str, path: Option<&str>) -> String;
    /// The source of `content/examples/PATH`.
    fn example(&self, path: &str) -> Option<String>;
    /// The HTML of diagram `name` in the page's language.
    fn diagram(&self, name: &str) -> Option<String>;
    /// The files of exercise `id` (`content/exercises/ID/`).
    fn exercise(&self, id: &str) -> Option<ExerciseFiles>;
    fn highlighter(&self) -> &Highlighter;
}

/// A graded exercise: the broken app, the reference fix and the hidden assertions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExerciseFiles {
    pub start: String,
    pub solution: String,
    pub check: String,
}

impl ExerciseFiles {
    /// The message ids `check.py` can report: every `"ID-…"` literal on an `expect(` line,
    /// in order, once each.
    pub fn assertions(&self, id: &str) -> Vec<String> {
        let prefix = format!("{id}-");
        let mut out: Vec<String> = Vec::new();
        for line in self.check.lines().filter(|l| l.contains("expect(")) {
            for quote in ['"', '\''] {
                for (i, piece) in line.split(quote).enumerate() {
                    if i % 2 == 1
                        && piece.starts_with(&prefix)
                        && piece
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                        && !out.iter().any(|o| o == piece)
                    {
                        out.push(piece.to_owned());
                    }
                }
            }
        }
        out
    }
}

/// A piece of a rendered lesson.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", content = "html", rename_all = "lowercase")]
pub enum Block {
    Html(String),
    /// The live sandbox widget, filled in per request.
    Sandbox,
}

/// One `##` section of a lesson (the first is the introduction, with an empty key): what the
/// presenter view projects at a time, and the unit followers follow.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Section {
    /// The heading's id (`{#key}` in the source, shared by every language), or `""`.
    pub key: String,
    /// The heading's text (empty for the introduction).
    pub title: String,
    pub blocks: Vec<Block>,
    /// Speaker notes written in this section, as HTML.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The whole lesson as learners see it (no notes).
    pub blocks: Vec<Block>,
    /// The same blocks cut at every `##`, with their notes.
    pub sections: Vec<Section>,
    /// Every fence language used, with whether it resolved.
    pub fences: Vec<(Fence, bool)>,
    /// Words of prose (code excluded), for the reading time.
    pub words: usize,
    /// Every `##` heading: (id, text), in order.
    pub headings: Vec<(String, String)>,
    /// The ids of the lesson's exercises, in order.
    pub exercises: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RenderError {
    #[error("line {0}: {1}")]
    Directive(usize, String),
    #[error("example {0:?} does not exist in content/examples/")]
    UnknownExample(String),
    #[error("diagram {0:?} is unknown")]
    UnknownDiagram(String),
    #[error("exercise {0:?} needs content/exercises/{0}/start.py, solution.py and check.py")]
    UnknownExercise(String),
    #[error("exercise {0:?}: check.py reports no `expect(…, \"{0}-…\")` message")]
    ExerciseWithoutAssertions(String),
}

const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_HEADING_ATTRIBUTES);

/// Marks a directive's place in the markdown: a paragraph of its own holding
/// `MARK index MARK`. A private-use character cannot come from a lesson by accident.
const MARK: char = '\u{e000}';

/// Where a `##` section starts in the rendered HTML; cut out before anyone sees it.
const SECTION_MARK: &str = "\u{e001}section\u{e001}";

/// What a directive marker stands for.
enum Slot {
    Html(String),
    Sandbox,
    /// Speaker notes, already HTML.
    Notes(String),
}

/// Render a lesson body. Directives become marker paragraphs so the whole lesson is parsed
/// as one markdown document (footnotes and references work across callouts).
pub fn render(src: &str, ctx: &dyn Directives) -> Result<Rendered, RenderError> {
    let parts = split_directives(src).map_err(|(line, msg)| RenderError::Directive(line, msg))?;
    let mut out = Rendered::default();
    let mut doc = String::new();
    let mut slots: Vec<Slot> = Vec::new();
    let mut mark = |doc: &mut String, slot: Slot| {
        doc.push_str(&format!("\n\n{MARK}{}{MARK}\n\n", slots.len()));
        slots.push(slot);
    };
    for part in parts {
        match part {
            Directive::Markdown(md) => doc.push_str(&md),
            Directive::Sandbox => mark(&mut doc, Slot::Sandbox),
            Directive::Example(path) => {
                let code = ctx
                    .example(path)
                    .ok_or_else(|| RenderError::UnknownExample(path.to_owned()))?;
                let fence = Fence::Lang(
                    if path.ends_with(".py") {
                        "python"
                    } else {
                        "text"
                    }
                    .into(),
                );
                // The runner (static/runner.js) shows itself where JavaScript and WebAssembly
                // work; the textarea holds the learner's editable copy of the app.
                let runner = if path.ends_with(".py") && runs_in_browser(&code) {
                    format!(
                        "{}<p class=\"runner-note\" data-runner-note>{}</p>",
                        runner_html(ctx, &code, "", ""),
                        escape(&ctx.label("runner-nojs", None))
                    )
                } else {
                    String::new()
                };
                let html = format!(
                    "<figure class=\"example\"><figcaption>{}</figcaption>{}{runner}<p class=\"example-run\">{}</p><pre class=\"code\" tabindex=\"0\"><code>flask --app app run</code></pre></figure>\n",
                    escape(&ctx.label("example-caption", Some(path))),
                    code_block(ctx, &fence, &code, &mut out),
                    escape(&ctx.label("example-run", None)),
                );
                mark(&mut doc, Slot::Html(html));
            }
            Directive::Diagram(name) => {
                let svg = ctx
                    .diagram(name)
                    .ok_or_else(|| RenderError::UnknownDiagram(name.to_owned()))?;
                mark(&mut doc, Slot::Html(svg));
            }
            Directive::Callout { kind, body } => {
                let open = format!(
                    "<div class=\"callout callout-{kind}\" role=\"note\"><p class=\"callout-label\">{}</p>\n",
                    escape(&ctx.label(&format!("callout-{kind}"), None))
                );
                mark(&mut doc, Slot::Html(open));
                doc.push_str(&body);
                mark(&mut doc, Slot::Html("</div>\n".into()));
            }
            Directive::Notes(body) => mark(&mut doc, Slot::Notes(notes_html(&body))),
            Directive::Exercise { id, body } => {
                let files = ctx
                    .exercise(id)
                    .ok_or_else(|| RenderError::UnknownExercise(id.to_owned()))?;
                let assertions = files.assertions(id);
                if assertions.is_empty() {
                    return Err(RenderError::ExerciseWithoutAssertions(id.to_owned()));
                }
                let l = |key: &str| escape(&ctx.label(key, None));
                let messages: String = assertions
                    .iter()
                    .map(|m| format!("<li data-id=\"{}\">{}</li>", escape(m), l(m)))
                    .collect();
                // The exercise's own controls, the hidden assertions and the reference fix
                // travel with the runner; only the learner's browser runs them.
                let buttons = format!(
                    "<button type=\"button\" data-check>{}</button><button type=\"button\" data-solution>{}</button>",
                    l("exercise-check"),
                    l("exercise-solution"),
                );
                let results = format!(
                    "<p class=\"check-result\" data-check-result role=\"status\" data-msg-passed=\"{}\" data-msg-failed=\"{}\" data-msg-hint=\"{}\"></p>\
                     <ul class=\"check-list\" data-check-list hidden></ul>\
                     <ul hidden data-check-messages>{messages}</ul>\
                     <template data-solution-code>{}</template><template data-check-code>{}</template>",
                    l("exercise-passed"),
                    l("exercise-failed"),
                    l(&format!("{id}-hint")),
                    escape(&files.solution),
                    escape(&files.check),
                );
                let open = format!(
                    "<section class=\"exercise\" data-exercise=\"{id}\" aria-labelledby=\"exercise-{id}\">\
                     <h3 id=\"exercise-{id}\"><span class=\"exercise-label\">{}</span> {}</h3>\n",
                    l("exercise-label"),
                    l(&format!("{id}-title")),
                );
                let close = format!(
                    "<div data-static-code>{}</div>{}<p class=\"runner-note\" data-runner-note>{}</p></section>\n",
                    code_block(ctx, &Fence::Lang("python".into()), &files.start, &mut out),
                    runner_html(ctx, &files.start, &buttons, &results),
                    l("exercise-nojs"),
                );
                out.exercises.push(id.to_owned());
                mark(&mut doc, Slot::Html(open));
                doc.push_str(&body);
                mark(&mut doc, Slot::Html(close));
            }
        }
    }
    let notes = markdown(&doc, ctx, &mut slots, &mut out);
    cut_sections(&mut out, notes);
    Ok(out)
}

/// Packages the browser's runtime does not have (C extensions, servers): an example that
/// imports one is shown without a Run button.
const NOT_IN_BROWSER: [&str; 9] = [
    "cryptography",
    "flask_session",
    "redis",
    "flask_sqlalchemy",
    "sqlalchemy",
    "pytest",
    "cachelib",
    "msgspec",
    "psycopg",
];

fn runs_in_browser(code: &str) -> bool {
    !code.lines().any(|line| {
        let line = line.trim_start();
        let module = line
            .strip_prefix("import ")
            .or_else(|| line.strip_prefix("from "))
            .and_then(|rest| {
                rest.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .next()
            });
        module.is_some_and(|m| NOT_IN_BROWSER.contains(&m))
    })
}

/// The runnable copy of `code`: editor, request bar, buttons (`extra` adds an exercise's) and
/// output. Hidden until static/runner.js finds JavaScript and WebAssembly.
fn runner_html(ctx: &dyn Directives, code: &str, buttons: &str, results: &str) -> String {
    let l = |key: &str| escape(&ctx.label(key, None));
    format!(
        "<div class=\"runner\" data-runner hidden data-msg-loading=\"{}\" data-msg-error=\"{}\" data-msg-jar=\"{}\" data-msg-session=\"{}\" data-msg-invalid=\"{}\" data-msg-valid=\"{}\" data-msg-parts=\"{}|{}|{}\">\
         <label class=\"runner-code\">{}<textarea data-code rows=\"{}\" spellcheck=\"false\" autocomplete=\"off\">{}</textarea></label>\
         <div class=\"runner-bar\"><label>{}<select data-method><option>GET</option><option>POST</option></select></label>\
         <label>{}<input data-path value=\"/\" spellcheck=\"false\" autocomplete=\"off\"></label>\
         <label>{}<input data-form placeholder=\"item=tea\" spellcheck=\"false\" autocomplete=\"off\"></label>\
         <button type=\"button\" data-run>{}</button><button type=\"button\" data-reset>{}</button>{buttons}</div>{results}\
         <pre class=\"runner-output\" data-run-output tabindex=\"0\" aria-live=\"polite\"></pre></div>",
        l("runner-loading"),
        l("runner-error"),
        l("runner-jar"),
        l("runner-session"),
        l("runner-invalid"),
        l("sandbox-session-valid"),
        l("sandbox-part-payload"),
        l("sandbox-part-timestamp"),
        l("sandbox-part-signature"),
        l("runner-code"),
        code.lines().count().clamp(4, 30),
        escape(code),
        l("runner-method"),
        l("runner-path"),
        l("runner-form"),
        l("runner-run"),
        l("runner-reset"),
    )
}

/// A wide table scrolls sideways on a phone; a keyboard must reach it to scroll it
/// (WCAG 2.1.1). Lesson HTML is escaped, so every `<table>` here is a markdown table.
fn focusable_tables(html: &str) -> String {
    html.replace("<table>", "<table tabindex=\"0\">")
}

/// Speaker notes: their own small markdown document (raw HTML shown as text).
fn notes_html(md: &str) -> String {
    let events = Parser::new_ext(md, OPTIONS).map(|e| match e {
        Event::Html(t) | Event::InlineHtml(t) => Event::Text(t),
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
}

/// Split the blocks at the section marks into `out.sections`, give each its notes, and take
/// the marks out of the learners' blocks.
fn cut_sections(out: &mut Rendered, notes: Vec<(usize, String)>) {
    let mut sections = vec![Section::default()];
    for block in &mut out.blocks {
        match block {
            Block::Sandbox => {
                if let Some(last) = sections.last_mut() {
                    last.blocks.push(Block::Sandbox);
                }
            }
            Block::Html(html) => {
                let mut pieces = html.split(SECTION_MARK);
                if let Some(first) = pieces.next()
                    && !first.trim().is_empty()
                    && let Some(last) = sections.last_mut()
                {
                    last.blocks.push(Block::Html(first.to_owned()));
                }
                for piece in pieces {
                    sections.push(Section {
                        blocks: vec![Block::Html(piece.to_owned())],
                        ..Section::default()
                    });
                }
                *html = html.replace(SECTION_MARK, "");
            }
        }
    }
    for (section, heading) in sections.iter_mut().skip(1).zip(&out.headings) {
        section.key.clone_from(&heading.0);
        section.title.clone_from(&heading.1);
    }
    for (index, html) in notes {
        if let Some(section) = sections.get_mut(index) {
            section.notes.push(html);
        }
    }
    out.sections = sections;
}

fn code_block(ctx: &dyn Directives, fence: &Fence, code: &str, out: &mut Rendered) -> String {
    let known = ctx.highlighter().knows(fence);
    out.fences.push((fence.clone(), known));
    let (class, inner) = match ctx.highlighter().highlight(fence, code) {
        Highlighted::Html(h) => (
            match fence {
                Fence::Lang(l) => format!(" data-lang=\"{}\"", escape(l)),
                Fence::Plain => String::new(),
            },
            h,
        ),
        Highlighted::Unknown { lang, html } => (
            format!(" data-lang=\"{}\" data-unknown", escape(&lang)),
            html,
        ),
    };
    // Focusable, so a keyboard can scroll a wide block (WCAG 2.1.1).
    format!("<pre class=\"code\"{class} tabindex=\"0\"><code>{inner}</code></pre>")
}

/// The slot index of a marker paragraph's text, if it is one.
fn marker(text: &str) -> Option<usize> {
    text.strip_prefix(MARK)?.strip_suffix(MARK)?.parse().ok()
}

/// Render the marked-up document into `out.blocks`; returns the speaker notes with the index
/// of the section they were written in (0 is the introduction).
fn markdown(
    md: &str,
    ctx: &dyn Directives,
    slots: &mut [Slot],
    out: &mut Rendered,
) -> Vec<(usize, String)> {
    let mut notes = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut events: Vec<Event> = Vec::new();
    let mut code: Option<(Fence, String)> = None;
    let mut heading: Option<(HeadingLevel, Option<String>, Vec<Event>)> = None;
    let mut html = String::new();
    let parser: Vec<Event> = Parser::new_ext(md, OPTIONS).collect();
    let mut i = 0;
    while i < parser.len() {
        let event = parser[i].clone();
        i += 1;
        // A directive marker: `Start(Paragraph) Text(MARK n MARK) End(Paragraph)`.
        if let (
            Event::Start(Tag::Paragraph),
            Some(Event::Text(t)),
            Some(Event::End(TagEnd::Paragraph)),
        ) = (&event, parser.get(i), parser.get(i + 1))
            && let Some(n) = marker(t)
            && code.is_none()
            && heading.is_none()
        {
            i += 2;
            match slots.get_mut(n) {
                Some(Slot::Html(h)) => events.push(Event::Html(std::mem::take(h).into())),
                Some(Slot::Sandbox) => {
                    html::push_html(&mut html, events.drain(..));
                    if !html.is_empty() {
                        out.blocks
                            .push(Block::Html(focusable_tables(&std::mem::take(&mut html))));
                    }
                    out.blocks.push(Block::Sandbox);
                }
                Some(Slot::Notes(h)) => notes.push((out.headings.len(), std::mem::take(h))),
                None => {}
            }
            continue;
        }
        if let Some((_, buf)) = &mut code {
            match event {
                Event::Text(t) => buf.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    let (fence, buf) = code.take().expect("inside a code block");
                    events.push(Event::Html(code_block(ctx, &fence, &buf, out).into()));
                }
                _ => {}
            }
            continue;
        }
        if let Some((level, id, inner)) = &mut heading {
            if let Event::End(TagEnd::Heading(_)) = event {
                let mut text = String::new();
                for e in inner.iter() {
                    if let Event::Text(t) | Event::Code(t) = e {
                        text.push_str(t);
                    }
                }
                out.words += text.split_whitespace().count();
                let base = id.clone().unwrap_or_else(|| slugify(&text));
                let n = ids.entry(base.clone()).or_insert(0);
                *n += 1;
                let id = if *n == 1 { base } else { format!("{base}-{n}") };
                let mut inner_html = String::new();
                html::push_html(&mut inner_html, inner.drain(..));
                if *level == HeadingLevel::H2 {
                    events.push(Event::Html(SECTION_MARK.into()));
                    out.headings.push((id.clone(), text.clone()));
                }
                let tag = match level {
                    HeadingLevel::H1 => "h1",
                    HeadingLevel::H2 => "h2",
                    HeadingLevel::H3 => "h3",
                    HeadingLevel::H4 => "h4",
                    HeadingLevel::H5 => "h5",
                    HeadingLevel::H6 => "h6",
                };
                events.push(Event::Html(
                    format!(
                        "<{tag} id=\"{id}\">{inner_html} <a class=\"anchor\" href=\"#{id}\" aria-label=\"{}\">#</a></{tag}>\n",
                        escape(&ctx.label("heading-anchor", None)),
                        id = escape(&id)
                    )
                    .into(),
                ));
                heading = None;
            } else {
                inner.push(event);
            }
            continue;
        }
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let fence = match kind {
                    CodeBlockKind::Fenced(info) => Fence::parse(&info),
                    CodeBlockKind::Indented => Fence::Plain,
                };
                code = Some((fence, String::new()));
            }
            Event::Start(Tag::Heading { level, id, .. }) => {
                heading = Some((level, id.map(|i| i.to_string()), Vec::new()));
            }
            Event::Text(ref t) => {
                out.words += t.split_whitespace().count();
                events.push(event);
            }
            // Raw HTML written in a lesson is shown as text: lessons are content, not markup.
            Event::Html(t) | Event::InlineHtml(t) => events.push(Event::Text(t)),
            other => events.push(other),
        }
    }
    html::push_html(&mut html, events.into_iter());
    if !html.is_empty() {
        out.blocks.push(Block::Html(focusable_tables(&html)));
    }
    notes
}

/// One line of inline markdown (quiz texts) as HTML without the surrounding `<p>`; raw HTML
/// is shown as text.
pub fn inline(text: &str) -> String {
    let events = Parser::new_ext(text, OPTIONS).map(|e| match e {
        Event::Html(t) | Event::InlineHtml(t) => Event::Text(t),
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    let out = out.trim();
    let out = out
        .strip_prefix("<p>")
        .and_then(|o| o.strip_suffix("</p>"))
        .unwrap_or(out);
    out.to_owned()
}

/// A heading anchor: lowercase letters and digits of any script, words joined by `-`.
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() || is_combining_mark(c) {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() || c == '-' || c == '_' {
            dash = true;
        }
    }
    if out.is_empty() {
        "section".into()
    } else {
        out
    }
}

// Bengali vowel signs and viramas are marks, not letters, but belong in the word.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0980}'..='\u{09ff}' | '\u{0300}'..='\u{036f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Ctx(Highlighter);
    impl Directives for Ctx {
        fn label(&self, id: &str, path: Option<&str>) -> String {
            format!(
                "[{id}{}]",
                path.map(|p| format!(" {p}")).unwrap_or_default()
            )
        }
        fn example(&self, path: &str) -> Option<String> {
            (path == "demo/app.py").then(|| "print('hi')\n".to_owned())
        }
        fn diagram(&self, name: &str) -> Option<String> {
            (name == "d").then(|| "<svg></svg>".to_owned())
        }
        fn exercise(&self, id: &str) -> Option<ExerciseFiles> {
            (id == "ex-fix").then(|| ExerciseFiles {
                start: "app = 1 # <broken>\n".into(),
                solution: "app = 2\n".into(),
                check: "def check(app, expect):\n    expect(app == 2, \"ex-fix-is-two\")\n".into(),
            })
        }
        fn highlighter(&self) -> &Highlighter {
            &self.0
        }
    }

    #[test]
    fn slugs_keep_every_script() {
        assert_eq!(slugify("Why HTTP forgets"), "why-http-forgets");
        assert_eq!(slugify("Що таке кукі?"), "що-таке-кукі");
        assert_eq!(slugify("কুকি কী?"), "কুকি-কী");
        assert_eq!(
            slugify("`set_cookie()` — attributes"),
            "set-cookie-attributes"
        );
    }

    #[test]
    fn lesson_renders_blocks_with_anchors_callouts_and_highlighting() {
        let src = "## Hello world\n\nText with <script>x</script>.\n\n:::warning\nBe *careful*.\n:::\n\n```python\nx = 1\n```\n\n:::sandbox\n\n## Hello world\n\n:::example demo/app.py\n\n:::diagram d\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        let r = render(src, &Ctx(Highlighter::new())).unwrap();
        assert_eq!(r.blocks.len(), 3);
        assert_eq!(r.blocks[1], Block::Sandbox);
        let Block::Html(first) = &r.blocks[0] else {
            panic!()
        };
        assert!(
            first.contains(
                "<h2 id=\"hello-world\">Hello world <a class=\"anchor\" href=\"#hello-world\""
            ),
            "{first}"
        );
        assert!(
            first.contains("&lt;script&gt;"),
            "raw HTML is escaped: {first}"
        );
        assert!(first.contains("<div class=\"callout callout-warning\" role=\"note\"><p class=\"callout-label\">[callout-warning]</p>"));
        assert!(first.contains("<em>careful</em>"));
        assert!(first.contains("<pre class=\"code\" data-lang=\"python\" tabindex=\"0\"><code><span class=\"hl-source hl-python\">"), "{first}");
        let Block::Html(last) = &r.blocks[2] else {
            panic!()
        };
        assert!(last.contains("id=\"hello-world-2\""), "{last}");
        assert!(last.contains("[example-caption demo/app.py]"));
        assert!(last.contains("<svg></svg>"));
        assert!(last.contains("<table tabindex=\"0\">"));
        assert!(r.fences.iter().all(|(_, known)| *known));
    }

    #[test]
    fn unknown_examples_and_diagrams_are_errors() {
        let ctx = Ctx(Highlighter::new());
        assert_eq!(
            render(":::example nope.py\n", &ctx).unwrap_err(),
            RenderError::UnknownExample("nope.py".into())
        );
        assert_eq!(
            render(":::diagram x\n", &ctx).unwrap_err(),
            RenderError::UnknownDiagram("x".into())
        );
    }

    #[test]
    fn an_example_that_needs_a_package_the_browser_lacks_gets_no_run_button() {
        assert!(runs_in_browser("from flask import Flask\nimport jwt\n"));
        assert!(!runs_in_browser("from flask_session import Session\n"));
        assert!(!runs_in_browser("import redis\n"));
        assert!(!runs_in_browser(
            "  from cryptography.fernet import Fernet\n"
        ));
    }

    #[test]
    fn an_exercise_carries_its_task_code_fix_and_assertions_escaped() {
        let ctx = Ctx(Highlighter::new());
        let r = render(
            "## A {#a}\n\n:::exercise ex-fix\nMake it *two*.\n:::\n",
            &ctx,
        )
        .unwrap();
        assert_eq!(r.exercises, ["ex-fix"]);
        let Block::Html(html) = &r.blocks[0] else {
            panic!()
        };
        assert!(
            html.contains("<section class=\"exercise\" data-exercise=\"ex-fix\""),
            "{html}"
        );
        assert!(
            html.contains("[ex-fix-title]") && html.contains("<em>two</em>"),
            "{html}"
        );
        assert!(
            html.contains("<li data-id=\"ex-fix-is-two\">[ex-fix-is-two]</li>"),
            "{html}"
        );
        assert!(
            html.contains("data-check>") && html.contains("data-solution>"),
            "{html}"
        );
        assert!(
            html.contains("&lt;broken&gt;") && !html.contains("<broken>"),
            "{html}"
        );
        assert!(
            html.contains("<template data-solution-code>app = 2\n</template>"),
            "{html}"
        );
        assert_eq!(
            render(":::exercise nope\nx\n:::\n", &ctx).unwrap_err(),
            RenderError::UnknownExercise("nope".into())
        );
    }
}
