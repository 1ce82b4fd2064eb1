//! The rendered site: Fluent messages, the lesson library, templates and assets, loaded and
//! checked once at start-up.

use crate::assets::Assets;
use crate::content::Library;
use crate::highlight::{Highlighter, theme_css};
use crate::i18n::{Arg, Lang, Localizer};
use crate::source::Source;
use anyhow::Context;
use std::collections::HashMap;
use std::sync::Arc;

/// Templates built into the binary.
const TEMPLATES: [(&str, &str); 6] = [
    ("decoder.html", include_str!("../templates/decoder.html")),
    ("base.html", include_str!("../templates/base.html")),
    ("home.html", include_str!("../templates/home.html")),
    ("lesson.html", include_str!("../templates/lesson.html")),
    ("sandbox.html", include_str!("../templates/sandbox.html")),
    (
        "not_found.html",
        include_str!("../templates/not_found.html"),
    ),
];

#[derive(Debug)]
pub struct Site {
    pub loc: Arc<Localizer>,
    pub library: Library,
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
        tera.add_raw_templates(TEMPLATES).context("templates")?;
        tera.autoescape_on(vec![".html"]);
        // Tera's default also escapes `/`, which turns every URL into `&#x2F;` soup.
        tera.set_escape_fn(crate::highlight::escape);
        tera.register_function("t", Translate(loc.clone()));
        tera.register_function("asset", AssetUrl(assets.clone()));
        Ok(Site {
            loc,
            library,
            tera,
            assets,
        })
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
