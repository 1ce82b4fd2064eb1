//! Where lessons and locales come from: the copies built into the binary, or a folder on
//! disk (`--content DIR`, the repository's own layout).

use anyhow::Context;
use rust_embed::RustEmbed;
use std::path::{Path, PathBuf};

/// Templates built into the binary.
pub const TEMPLATES: [(&str, &str); 15] = [
    (
        "cross_site.html",
        include_str!("../../templates/cross_site.html"),
    ),
    ("search.html", include_str!("../../templates/search.html")),
    ("error.html", include_str!("../../templates/error.html")),
    ("present.html", include_str!("../../templates/present.html")),
    ("notes.html", include_str!("../../templates/notes.html")),
    ("decoder.html", include_str!("../../templates/decoder.html")),
    ("base.html", include_str!("../../templates/base.html")),
    ("home.html", include_str!("../../templates/home.html")),
    ("lesson.html", include_str!("../../templates/lesson.html")),
    ("sandbox.html", include_str!("../../templates/sandbox.html")),
    // The learner's parts of a page: the fast path renders these alone (`web::lesson_page`).
    (
        "sandbox_panel.html",
        include_str!("../../templates/sandbox_panel.html"),
    ),
    ("quiz.html", include_str!("../../templates/quiz.html")),
    (
        "theme_options.html",
        include_str!("../../templates/theme_options.html"),
    ),
    (
        "classroom_bar.html",
        include_str!("../../templates/classroom_bar.html"),
    ),
    (
        "not_found.html",
        include_str!("../../templates/not_found.html"),
    ),
];

#[derive(RustEmbed)]
#[folder = "content/"]
struct EmbeddedContent;

#[derive(RustEmbed)]
#[folder = "locales/"]
struct EmbeddedLocales;

/// How to fetch one embedded file by name.
type Getter = fn(&str) -> Option<rust_embed::EmbeddedFile>;

/// A tree of text files: `content/…` and `locales/…`.
#[derive(Debug, Clone)]
pub enum Source {
    Embedded,
    Dir(PathBuf),
}

impl Source {
    /// Every file under `top` (`"content"` or `"locales"`), as (path relative to `top` with
    /// `/` separators, text), sorted by path.
    pub fn files(&self, top: &str) -> anyhow::Result<Vec<(String, String)>> {
        let mut out = match self {
            Source::Embedded => {
                let (names, get): (Vec<String>, Getter) = match top {
                    "content" => (
                        EmbeddedContent::iter().map(|c| c.into_owned()).collect(),
                        EmbeddedContent::get,
                    ),
                    _ => (
                        EmbeddedLocales::iter().map(|c| c.into_owned()).collect(),
                        EmbeddedLocales::get,
                    ),
                };
                names
                    .into_iter()
                    .map(|name| {
                        let file = get(&name)
                            .with_context(|| format!("{top}/{name}: missing from the binary"))?;
                        let text = String::from_utf8(file.data.into_owned())
                            .with_context(|| format!("{top}/{name}: not UTF-8"))?;
                        Ok((name, text))
                    })
                    .collect::<anyhow::Result<Vec<_>>>()?
            }
            Source::Dir(dir) => {
                let root = dir.join(top);
                let mut files = Vec::new();
                walk(&root, &root, &mut files)
                    .with_context(|| format!("reading {}", root.display()))?;
                files
            }
        };
        out.sort();
        Ok(out)
    }

    /// The page templates: `DIR/templates/*.html` when a content folder has its own, else the
    /// built-in ones. A folder may override some and keep the rest.
    pub fn templates(&self) -> anyhow::Result<Vec<(String, String)>> {
        let mut out: Vec<(String, String)> = TEMPLATES
            .iter()
            .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
            .collect();
        if let Source::Dir(dir) = self {
            let root = dir.join("templates");
            if root.is_dir() {
                let mut files = Vec::new();
                walk(&root, &root, &mut files)
                    .with_context(|| format!("reading {}", root.display()))?;
                for (name, text) in files.into_iter().filter(|(n, _)| n.ends_with(".html")) {
                    match out.iter_mut().find(|(n, _)| *n == name) {
                        Some(slot) => slot.1 = text,
                        None => out.push((name, text)),
                    }
                }
            }
        }
        Ok(out)
    }

    /// The folders `--watch` watches.
    pub fn watched_dirs(&self) -> Vec<PathBuf> {
        match self {
            Source::Embedded => Vec::new(),
            Source::Dir(dir) => ["content", "locales", "templates"]
                .iter()
                .map(|d| dir.join(d))
                .filter(|d| d.is_dir())
                .collect(),
        }
    }

    /// How to name a file of this source in an error message.
    pub fn display(&self, top: &str, rel: &str) -> String {
        match self {
            Source::Embedded => format!("{top}/{rel}"),
            Source::Dir(d) => d.join(top).join(rel).display().to_string(),
        }
    }
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) -> anyhow::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(root, &path, out)?;
        } else {
            let rel = path
                .strip_prefix(root)?
                .to_string_lossy()
                .replace('\\', "/");
            // Editors' swap and backup files are not content.
            if rel.ends_with('~') || rel.contains("/.") || rel.starts_with('.') {
                continue;
            }
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("{}: not UTF-8 text", path.display()))?;
            out.push((rel, text));
        }
    }
    Ok(())
}
