//! Server-side syntax highlighting with CSS classes (`hl-…`), so one stylesheet carries a
//! light and a dark theme. Fence-info parsing is separate from the syntect call, and an
//! unknown language is an explicit outcome, never a silent guess.

use syntect::highlighting::ThemeSet;
use syntect::html::{ClassStyle, ClassedHTMLGenerator, css_for_theme_with_class_style};
use syntect::parsing::{SyntaxDefinition, SyntaxSet, SyntaxSetBuilder};
use syntect::util::LinesWithEndings;

const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// Raw HTTP messages (request and status lines, headers) are not among syntect's defaults.
const HTTP_SYNTAX: &str = r#"%YAML 1.2
---
name: HTTP
file_extensions: [http]
scope: source.http
contexts:
  main:
    - match: '^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)(\s+)(\S+)(\s+)(HTTP/[0-9.]+)'
      captures:
        1: keyword.control.http
        3: string.unquoted.uri.http
        5: constant.language.http
    - match: '^(HTTP/[0-9.]+)(\s+)([0-9]{3})(.*)$'
      captures:
        1: constant.language.http
        3: constant.numeric.http
        4: string.unquoted.http
    - match: '^([A-Za-z0-9-]+)(:)(.*)$'
      captures:
        1: entity.name.tag.http
        2: punctuation.separator.http
        3: string.unquoted.http
"#;

/// PowerShell, for the Windows commands beside every bash one (not among the defaults).
const POWERSHELL_SYNTAX: &str = r#"%YAML 1.2
---
name: PowerShell
file_extensions: [powershell, ps1, pwsh]
scope: source.powershell
contexts:
  main:
    - match: '#.*$'
      scope: comment.line.powershell
    - match: '"'
      push: double
    - match: "'[^']*'"
      scope: string.quoted.single.powershell
    - match: '\$(env:)?[A-Za-z_][A-Za-z0-9_]*'
      scope: variable.other.powershell
    - match: '\b[A-Z][a-z]+-[A-Z][A-Za-z]+\b'
      scope: support.function.powershell
    - match: '(?<=\s)-[A-Za-z]+\b'
      scope: variable.parameter.powershell
  double:
    - meta_scope: string.quoted.double.powershell
    - match: '\$(env:)?[A-Za-z_][A-Za-z0-9_]*'
      scope: variable.other.powershell
    - match: '"'
      pop: true
"#;

/// `.env`, `.flaskenv` and INI files: comments and `KEY=value` lines.
const INI_SYNTAX: &str = r#"%YAML 1.2
---
name: INI
file_extensions: [ini, env, dotenv, cfg]
scope: source.ini
contexts:
  main:
    - match: '^\s*[#;].*$'
      scope: comment.line.ini
    - match: '^\s*(\[)([^\]]*)(\])'
      captures:
        2: entity.name.section.ini
    - match: '^\s*([A-Za-z0-9_.-]+)\s*(=)(.*)$'
      captures:
        1: variable.other.key.ini
        2: punctuation.separator.ini
        3: string.unquoted.ini
"#;

/// What a fence's info string asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fence {
    /// No language, or `text`/`plain`/`console output`: shown as is.
    Plain,
    /// A language token (`python`, `bash`, `http`, …).
    Lang(String),
}

impl Fence {
    /// The first word of the info string, lowercased.
    pub fn parse(info: &str) -> Fence {
        match info.split_whitespace().next().map(str::to_ascii_lowercase) {
            None => Fence::Plain,
            Some(t) if matches!(t.as_str(), "text" | "plain" | "txt" | "output") => Fence::Plain,
            Some(t) => Fence::Lang(t),
        }
    }
}

/// The outcome of highlighting one block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Highlighted {
    /// Classed HTML spans (without the surrounding `<pre><code>`).
    Html(String),
    /// The language is not known: escaped plain text.
    Unknown { lang: String, html: String },
}

pub struct Highlighter {
    /// syntect's defaults, as shipped (rebuilding them with an extra syntax is slow).
    syntaxes: SyntaxSet,
    /// Syntaxes of our own (HTTP), in a set of their own.
    extra: SyntaxSet,
    /// Blocks already highlighted, by language token and code: the four editions share
    /// most of their code, and highlighting is most of start-up.
    done: std::sync::Mutex<std::collections::HashMap<(String, String), Highlighted>>,
}

impl std::fmt::Debug for Highlighter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Highlighter").finish_non_exhaustive()
    }
}

impl Default for Highlighter {
    fn default() -> Self {
        Self::new()
    }
}

impl Highlighter {
    pub fn new() -> Self {
        let mut extra = SyntaxSetBuilder::new();
        for (name, syntax) in [
            ("HTTP", HTTP_SYNTAX),
            ("PowerShell", POWERSHELL_SYNTAX),
            ("INI", INI_SYNTAX),
        ] {
            extra.add(
                SyntaxDefinition::load_from_str(syntax, true, None)
                    .unwrap_or_else(|e| panic!("the {name} syntax is valid: {e}")),
            );
        }
        Highlighter {
            syntaxes: SyntaxSet::load_defaults_newlines(),
            extra: extra.build(),
            done: Default::default(),
        }
    }

    /// The set holding `token`'s syntax, and the syntax.
    fn find(&self, token: &str) -> Option<(&SyntaxSet, &syntect::parsing::SyntaxReference)> {
        [&self.syntaxes, &self.extra]
            .into_iter()
            .find_map(|set| set.find_syntax_by_token(token).map(|s| (set, s)))
    }

    /// Whether `fence` names a language this highlighter knows.
    pub fn knows(&self, fence: &Fence) -> bool {
        match fence {
            Fence::Plain => true,
            Fence::Lang(t) => self.find(t).is_some(),
        }
    }

    pub fn highlight(&self, fence: &Fence, code: &str) -> Highlighted {
        let token = match fence {
            Fence::Plain => String::new(),
            Fence::Lang(t) => t.clone(),
        };
        let key = (token, code.to_owned());
        if let Some(html) = self.done().get(&key) {
            return html.clone();
        }
        let html = self.highlight_anew(fence, code);
        self.done().insert(key, html.clone());
        html
    }

    fn done(
        &self,
    ) -> std::sync::MutexGuard<'_, std::collections::HashMap<(String, String), Highlighted>> {
        self.done
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn highlight_anew(&self, fence: &Fence, code: &str) -> Highlighted {
        let (set, syntax) = match fence {
            Fence::Plain => (&self.syntaxes, self.syntaxes.find_syntax_plain_text()),
            Fence::Lang(t) => match self.find(t) {
                Some(found) => found,
                None => {
                    return Highlighted::Unknown {
                        lang: t.clone(),
                        html: escape(code),
                    };
                }
            },
        };
        let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, set, CLASS_STYLE);
        for line in LinesWithEndings::from(code) {
            if generator
                .parse_html_for_line_which_includes_newline(line)
                .is_err()
            {
                return Highlighted::Html(escape(code));
            }
        }
        Highlighted::Html(generator.finalize())
    }
}

/// Light and dark stylesheets from syntect's themes, each confined to its own mode so no
/// rule of one theme leaks into the other: light for `data-theme="light"` (and `auto` on a
/// light system), dark for `data-theme="dark"` (and `auto` on a dark system).
pub fn theme_css() -> String {
    let themes = ThemeSet::load_defaults();
    let light = css_for_theme_with_class_style(&themes.themes["InspiredGitHub"], CLASS_STYLE)
        .unwrap_or_default();
    // InspiredGitHub's grey comments are too faint on white (3:1); this grey passes AA.
    let light = format!("{light}\n.hl-comment {{ color: #5f6368; }}\n");
    let dark = css_for_theme_with_class_style(&themes.themes["base16-ocean.dark"], CLASS_STYLE)
        .unwrap_or_default();
    // The themes' own colours fall below WCAG AA (4.5:1) for some tokens on the site's code
    // backgrounds (`--code-bg` in site.css): darken or lighten each until it passes.
    let light = accessible(&light, (0xf6, 0xf8, 0xfa));
    let dark = accessible(&dark, (0x2b, 0x30, 0x3b));
    format!(
        "{}\n{}\n@media not all and (prefers-color-scheme: dark) {{\n{}\n}}\n@media (prefers-color-scheme: dark) {{\n{}\n}}\n",
        scope_css(&light, ":root[data-theme=light]"),
        scope_css(&dark, ":root[data-theme=dark]"),
        scope_css(&light, ":root[data-theme=auto]"),
        scope_css(&dark, ":root[data-theme=auto]"),
    )
}

/// `css` with every text `color: #rrggbb` moved toward black (on a light `background`) or
/// white (on a dark one) until it has a contrast ratio of at least 4.6 with it.
fn accessible(css: &str, background: (u8, u8, u8)) -> String {
    let bg = luminance(background);
    let toward_dark = bg > 0.18;
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(at) = rest.find("color: #") {
        // `background-color:` keeps its value.
        let is_text = !rest[..at].ends_with("background-");
        let hex_start = at + "color: #".len();
        out.push_str(&rest[..hex_start]);
        let hex: String = rest[hex_start..]
            .chars()
            .take_while(char::is_ascii_hexdigit)
            .collect();
        let rgb = (hex.len() == 6).then(|| {
            let v = u32::from_str_radix(&hex, 16).unwrap_or(0);
            ((v >> 16) as u8, (v >> 8) as u8, v as u8)
        });
        match rgb.filter(|_| is_text) {
            Some(mut c) => {
                for _ in 0..64 {
                    if contrast(luminance(c), bg) >= 4.6 {
                        break;
                    }
                    let step = |x: u8| {
                        if toward_dark {
                            x.saturating_sub(8)
                        } else {
                            x.saturating_add(8)
                        }
                    };
                    c = (step(c.0), step(c.1), step(c.2));
                }
                out.push_str(&format!("{:02x}{:02x}{:02x}", c.0, c.1, c.2));
            }
            None => out.push_str(&hex),
        }
        rest = &rest[hex_start + hex.len()..];
    }
    out.push_str(rest);
    out
}

/// WCAG relative luminance of an sRGB colour.
fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

fn contrast(a: f64, b: f64) -> f64 {
    let (hi, lo) = if a > b { (a, b) } else { (b, a) };
    (hi + 0.05) / (lo + 0.05)
}

/// Prefix every selector of every rule with `scope` (comments dropped).
fn scope_css(css: &str, scope: &str) -> String {
    let mut out = String::with_capacity(css.len() * 2);
    let mut rest = css;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        let mut selectors = &rest[..open];
        // Drop comments before the selector.
        while let Some(c) = selectors.find("/*") {
            let end = selectors[c..]
                .find("*/")
                .map_or(selectors.len(), |e| c + e + 2);
            selectors = &selectors[end..];
        }
        let scoped: Vec<String> = selectors
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| format!("{scope} {s}"))
            .collect();
        if !scoped.is_empty() {
            out.push_str(&scoped.join(", "));
            out.push_str(&rest[open..=close]);
            out.push('\n');
        }
        rest = &rest[close + 1..];
    }
    out
}

/// HTML-escape text for element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scoping_prefixes_each_selector_once() {
        let css = "/* c */ .hl-a.hl-b .hl-c, .hl-d { color: red; }\n.hl-e { x: y; }";
        assert_eq!(
            scope_css(css, ":root[data-theme=dark]"),
            ":root[data-theme=dark] .hl-a.hl-b .hl-c, :root[data-theme=dark] .hl-d{ color: red; }\n:root[data-theme=dark] .hl-e{ x: y; }\n"
        );
    }

    #[test]
    fn fence_info_takes_the_first_word() {
        assert_eq!(
            Fence::parse("python title=app.py"),
            Fence::Lang("python".into())
        );
        assert_eq!(Fence::parse(""), Fence::Plain);
        assert_eq!(Fence::parse("text"), Fence::Plain);
    }

    #[test]
    fn unknown_language_is_an_explicit_outcome() {
        let h = Highlighter::new();
        assert_eq!(
            h.highlight(&Fence::Lang("klingon".into()), "<x>"),
            Highlighted::Unknown {
                lang: "klingon".into(),
                html: "&lt;x&gt;".into()
            }
        );
        assert!(h.knows(&Fence::Lang("http".into())));
        assert!(h.knows(&Fence::Lang("python".into())));
    }
}
