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
    /// Full-text search over what each language's pages show (never speaker notes), built
    /// off the start-up path: see [`Site::search`].
    search: std::sync::OnceLock<crate::content::search::SearchIndex>,
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
        let started = std::time::Instant::now();
        let highlighter = Highlighter::new();
        let library = Library::load(source, &loc, &highlighter)?;
        let rendered = started.elapsed();
        let assets = Arc::new(Assets::load(&[("highlight.css", theme_css())]));
        let mut tera = tera::Tera::default();
        let mut templates = source.templates()?;
        // The learner's parts are rendered on every request for a returning learner; their
        // copies per language have every argument-less message already written in.
        let localized: Vec<(String, String)> = templates
            .iter()
            .filter(|(name, _)| PER_REQUEST.contains(&name.as_str()))
            .flat_map(|(name, text)| {
                Lang::ALL.iter().map(|lang| {
                    (
                        localized_name(name, *lang),
                        inline_messages(text, *lang, &loc),
                    )
                })
            })
            .collect();
        templates.extend(localized);
        tera.add_raw_templates(templates)
            .map_err(|e| anyhow::anyhow!("templates: {}", tera_chain(&e)))?;
        tera.autoescape_on(vec![".html"]);
        // Tera's default also escapes `/`, which turns every URL into `&#x2F;` soup.
        tera.set_escape_fn(crate::markdown::highlight::escape);
        tera.register_function("t", Translate(loc.clone()));
        tera.register_function("asset", AssetUrl(assets.clone()));
        tracing::debug!(render_ms = rendered.as_millis(), "site loaded");
        Ok(Site {
            loc,
            search: std::sync::OnceLock::new(),
            library,
            tera,
            assets,
        })
    }

    /// The search index. It is built once, by whichever comes first: the thread
    /// [`SiteCell::index_in_background`] starts, or a search (which then waits for it).
    /// Pages are served before it exists.
    pub fn search(&self) -> &crate::content::search::SearchIndex {
        self.search
            .get_or_init(|| crate::content::search::SearchIndex::build(&self.library))
    }
}

/// Templates rendered alone on every request for a returning learner (`web::lesson_page`).
pub const PER_REQUEST: [&str; 2] = ["sandbox_panel.html", "quiz.html"];

/// The name of `template`'s copy for `lang` (see [`inline_messages`]): `quiz.ru.html`. It
/// still ends in `.html`, so Tera escapes what it writes.
pub fn localized_name(template: &str, lang: Lang) -> String {
    let stem = template.strip_suffix(".html").unwrap_or(template);
    format!("{stem}.{lang}.html")
}

/// `text` with each `{{ t(key="…", lang=lang) }}` of a message that takes no argument
/// replaced by the message in `lang`, escaped as the template would escape it. Anything
/// else is left for the render.
pub fn inline_messages(text: &str, lang: Lang, loc: &Localizer) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("{{ t(key=") {
        out.push_str(&rest[..at]);
        let call = &rest[at..];
        let inlined = (|| {
            let quote = call[9..]
                .chars()
                .next()
                .filter(|q| *q == '"' || *q == '\'')?;
            let key_end = call[10..].find(quote)? + 10;
            let key = &call[10..key_end];
            let tail = ", lang=lang) }}";
            call[key_end + 1..].starts_with(tail).then_some(())?;
            let message = crate::markdown::highlight::escape(loc.plain(lang, key)?);
            // A message must not become template syntax.
            (!message.contains('{')).then_some((message, key_end + 1 + tail.len()))
        })();
        match inlined {
            Some((message, len)) => {
                out.push_str(&message);
                rest = &call[len..];
            }
            None => {
                out.push_str("{{ t(key=");
                rest = &call["{{ t(key=".len()..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Build `site`'s search index on a thread of its own.
fn index_in_background(site: Arc<Site>) {
    let spawned = std::thread::Builder::new()
        .name("search-index".into())
        .spawn(move || {
            site.search();
        });
    if let Err(e) = spawned {
        // The first search builds it instead.
        tracing::warn!(error = %e, "could not start the search index thread");
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
    /// Build each site's search index as soon as it is served (the server does; a test
    /// builds it at its first search).
    index_eagerly: std::sync::atomic::AtomicBool,
}

impl SiteCell {
    pub fn new(site: Site) -> Self {
        SiteCell {
            current: RwLock::new(Arc::new(site)),
            index_eagerly: Default::default(),
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
                let site = Arc::new(site);
                if self
                    .index_eagerly
                    .load(std::sync::atomic::Ordering::Relaxed)
                {
                    index_in_background(site.clone());
                }
                *self
                    .current
                    .write()
                    .unwrap_or_else(std::sync::PoisonError::into_inner) = site;
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

    /// From now on, build every site's search index on a thread of its own as soon as the
    /// site is served, starting with this one.
    pub fn index_in_background(&self) {
        self.index_eagerly
            .store(true, std::sync::atomic::Ordering::Relaxed);
        index_in_background(self.get());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_argument_less_messages_are_written_into_a_localized_template() {
        let loc = Localizer::load(|lang| {
            let text = match lang {
                Lang::Ru => "plain = Сессия <подписана> & \"всё\"\nsized = { $size } байт\n",
                _ => "plain = Signed <session> & \"all\"\nsized = { $size } bytes\n",
            };
            Ok(vec![(format!("locales/{lang}/x.ftl"), text.to_owned())])
        })
        .unwrap();
        let template = "<p>{{ t(key=\"plain\", lang=lang) }}</p><p title=\"{{ t(key='plain', lang=lang) }}\">\
                        {{ t(key=\"sized\", lang=lang, size=3) }}{{ t(key=\"sized\", lang=lang) }}{{ t(key=\"plain\", lang=\"en\") }}</p>";
        assert_eq!(
            inline_messages(template, Lang::Ru, &loc),
            "<p>Сессия &lt;подписана&gt; &amp; &quot;всё&quot;</p><p title=\"Сессия &lt;подписана&gt; &amp; &quot;всё&quot;\">\
             {{ t(key=\"sized\", lang=lang, size=3) }}{{ t(key=\"sized\", lang=lang) }}{{ t(key=\"plain\", lang=\"en\") }}</p>"
        );
    }
}
