//! The rendered site: Fluent messages, the lesson library, templates and assets, loaded and
//! checked once at start-up.

pub mod assets;
pub mod runtime;
pub mod source;
pub mod watch;

use crate::content::Library;
use crate::i18n::{Arg, Lang, Localizer};
use crate::markdown::highlight::{Highlighter, theme_css};
use crate::site::assets::Assets;
use crate::site::source::Source;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use tokio::sync::watch as channel;

pub use crate::site::source::TEMPLATES;

#[derive(Debug)]
pub struct Site {
    pub loc: Arc<Localizer>,
    pub library: Library,
    /// Full-text search over what each language's pages show (never speaker notes).
    pub search: crate::content::search::SearchIndex,
    pub tera: tera::Tera,
    pub assets: Arc<Assets>,
}

impl Site {
    /// Load and check everything; any problem fails with the file it is in.
    pub fn load(source: &Source) -> anyhow::Result<Self> {
        let loc = Arc::new(Localizer::load(|lang| {
            let files = source.files("locales")?;
            Ok(files
                .into_iter()
                .filter(|(rel, _)| rel.starts_with(&format!("{lang}/")) && rel.ends_with(".ftl"))
                .map(|(rel, text)| (source.display("locales", &rel), text))
                .collect())
        })?);
        check_locale_dirs(source)?;
        let highlighter = Highlighter::new();
        let library = Library::load(source, &loc, &highlighter)?;
        let assets = Arc::new(Assets::load(&[("highlight.css", theme_css())]));
        let mut tera = tera::Tera::default();
        tera.add_raw_templates(source.templates()?)
            .map_err(|e| anyhow::anyhow!("templates: {}", tera_chain(&e)))?;
        tera.autoescape_on(vec![".html"]);
        // Tera's default also escapes `/`, which turns every URL into `&#x2F;` soup.
        tera.set_escape_fn(crate::markdown::highlight::escape);
        tera.register_function("t", Translate(loc.clone()));
        tera.register_function("asset", AssetUrl(assets.clone()));
        let search = crate::content::search::SearchIndex::build(&library);
        Ok(Site {
            loc,
            search,
            library,
            tera,
            assets,
        })
    }
}

/// A Tera error with its causes (the parse error itself is in the source chain).
fn tera_chain(e: &tera::Error) -> String {
    let mut out = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        out.push_str(": ");
        out.push_str(&c.to_string());
        cause = c.source();
    }
    out
}

/// The site being served. `--watch` swaps in a re-rendered one; a request keeps the `Arc`
/// it started with, so a swap never changes a page half-way.
#[derive(Debug)]
pub struct SiteCell {
    current: RwLock<Arc<Site>>,
    /// Why the newest edit did not load (the previous site is still served).
    error: RwLock<Option<Arc<str>>>,
    /// Bumped on every reload attempt, good or bad: open pages reload when it changes.
    version: channel::Sender<u64>,
}

impl SiteCell {
    pub fn new(site: Site) -> Self {
        SiteCell {
            current: RwLock::new(Arc::new(site)),
            error: RwLock::new(None),
            version: channel::channel(0).0,
        }
    }

    pub fn get(&self) -> Arc<Site> {
        self.current
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Serve `site` from now on, or keep the current one and remember why `site` failed.
    pub fn replace(&self, site: anyhow::Result<Site>) {
        let error = match site {
            Ok(site) => {
                *self
                    .current
                    .write()
                    .unwrap_or_else(std::sync::PoisonError::into_inner) = Arc::new(site);
                None
            }
            Err(e) => Some(format!("{e:#}").into()),
        };
        *self
            .error
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = error;
        self.version.send_modify(|v| *v += 1);
    }

    pub fn error(&self) -> Option<Arc<str>> {
        self.error
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    pub fn version(&self) -> u64 {
        *self.version.borrow()
    }

    pub fn watch_version(&self) -> channel::Receiver<u64> {
        self.version.subscribe()
    }
}

fn check_locale_dirs(source: &Source) -> anyhow::Result<()> {
    for (rel, _) in source.files("locales")? {
        let top = rel.split('/').next().unwrap_or("");
        if Lang::from_code(top).is_none() {
            anyhow::bail!(
                "{}: unknown language {top:?} (expected one of en, ru, uk, bn)",
                source.display("locales", &rel)
            );
        }
    }
    Ok(())
}

/// `t(key="…", lang=lang, name=value…)`: a Fluent message. Numbers stay numbers, so plural
/// selection works.
struct Translate(Arc<Localizer>);

impl tera::Function for Translate {
    fn call(&self, args: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
        let key = args
            .get("key")
            .and_then(|v| v.as_str())
            .ok_or("t(): `key` is required")?;
        let lang = args
            .get("lang")
            .and_then(|v| v.as_str())
            .and_then(Lang::from_code)
            .ok_or_else(|| format!("t(key={key:?}): `lang` must be one of en, ru, uk, bn"))?;
        if !self.0.has(key) {
            return Err(format!("t(): no Fluent message `{key}`").into());
        }
        let fargs: Vec<(&str, Arg)> = args
            .iter()
            .filter(|(k, _)| *k != "key" && *k != "lang")
            .map(|(k, v)| {
                let arg = match v {
                    tera::Value::Number(n) => Arg::Num(n.as_f64().unwrap_or(0.0)),
                    tera::Value::String(s) => Arg::Str(s.clone()),
                    other => Arg::Str(other.to_string()),
                };
                (k.as_str(), arg)
            })
            .collect();
        Ok(tera::Value::String(self.0.text(lang, key, &fargs)))
    }

    fn is_safe(&self) -> bool {
        false
    }
}

/// `asset(name="site.css")`: the content-hashed URL.
struct AssetUrl(Arc<Assets>);

impl tera::Function for AssetUrl {
    fn call(&self, args: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
        let name = args
            .get("name")
            .and_then(|v| v.as_str())
            .ok_or("asset(): `name` is required")?;
        let url = self
            .0
            .url(name)
            .ok_or_else(|| format!("asset(): no asset {name:?}"))?;
        Ok(tera::Value::String(url.to_owned()))
    }

    fn is_safe(&self) -> bool {
        true
    }
}
