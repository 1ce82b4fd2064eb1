//! Fluent bundles for the four locales, loaded once and checked: every message of the
//! English locale must exist in every other locale (and nothing else), or start-up fails
//! naming the file and the message id.

use super::Lang;
use anyhow::{Context, bail};
use fluent::concurrent::FluentBundle;
use fluent::{FluentArgs, FluentResource, FluentValue};
use std::collections::BTreeSet;

/// A message argument.
#[derive(Debug, Clone)]
pub enum Arg {
    Num(f64),
    Str(String),
}

pub struct Localizer {
    bundles: Vec<FluentBundle<FluentResource>>,
    ids: BTreeSet<String>,
    /// Per language, every message that takes no argument, formatted once: most of what a
    /// page says, looked up without formatting on every render.
    plain: Vec<std::collections::HashMap<String, String>>,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer")
            .field("messages", &self.ids.len())
            .finish()
    }
}

/// A Fluent number in Bengali digits (`১২৩`), or `None` for anything else.
fn bengali_number<M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(to_bengali_digits(&n.as_string())),
        _ => None,
    }
}

/// `text` with every ASCII digit written as its Bengali counterpart (U+09E6…U+09EF).
pub fn to_bengali_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(0x09E6 + d).unwrap_or(c),
            None => c,
        })
        .collect()
}

impl Localizer {
    /// Build from `(path, text)` of every `.ftl` file of each language.
    pub fn load(
        files: impl Fn(Lang) -> anyhow::Result<Vec<(String, String)>>,
    ) -> anyhow::Result<Self> {
        let mut bundles = Vec::new();
        let mut ids_by_lang: Vec<(Lang, Vec<(String, String)>)> = Vec::new();
        for lang in Lang::ALL {
            let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
            // Unicode isolation marks would end up in the HTML and in test assertions.
            bundle.set_use_isolating(false);
            if lang == Lang::Bn {
                // Bengali prose counts in Bengali digits; code, versions and headers keep
                // theirs because they are text, not Fluent numbers.
                bundle.set_formatter(Some(bengali_number));
            }
            let mut ids = Vec::new();
            let sources = files(lang)?;
            if sources.is_empty() {
                bail!("locales/{lang}/: no .ftl files");
            }
            for (path, text) in sources {
                let resource = FluentResource::try_new(text).map_err(|(_, errs)| {
                    anyhow::anyhow!("{path}: Fluent syntax error: {errs:?}")
                })?;
                for entry in resource.entries() {
                    if let fluent_syntax::ast::Entry::Message(m) = entry {
                        if m.value.is_none() {
                            bail!("{path}: message `{}` has no value", m.id.name);
                        }
                        ids.push((m.id.name.to_owned(), path.clone()));
                    }
                }
                bundle
                    .add_resource(resource)
                    .map_err(|errs| anyhow::anyhow!("{path}: duplicate messages: {errs:?}"))?;
            }
            bundles.push(bundle);
            ids_by_lang.push((lang, ids));
        }
        let english: BTreeSet<String> = ids_by_lang[0].1.iter().map(|(id, _)| id.clone()).collect();
        for (lang, ids) in &ids_by_lang[1..] {
            let have: BTreeSet<String> = ids.iter().map(|(id, _)| id.clone()).collect();
            // Name the English file the message is in: its translation goes beside it.
            if let Some(missing) = english.difference(&have).next() {
                let file = ids_by_lang[0]
                    .1
                    .iter()
                    .find(|(id, _)| id == missing)
                    .map_or_else(String::new, |(_, p)| {
                        p.replace("locales/en/", &format!("locales/{lang}/"))
                    });
                bail!("{file}: message `{missing}` is missing (the English file has it)");
            }
            if let Some(extra) = have.difference(&english).next() {
                let file = ids
                    .iter()
                    .find(|(id, _)| id == extra)
                    .map_or_else(String::new, |(_, p)| p.clone());
                bail!("{file}: message `{extra}` is not in locales/en");
            }
        }
        let mut loc = Localizer {
            bundles,
            ids: english,
            plain: Vec::new(),
        };
        loc.check_formatting()
            .context("checking every message formats")?;
        loc.plain = Lang::ALL
            .iter()
            .map(|lang| {
                loc.ids
                    .iter()
                    .filter_map(|id| {
                        // A message with a placeable reports an error without its argument.
                        let (text, errors) = loc.format(*lang, id, &[]);
                        errors.is_empty().then(|| (id.clone(), text))
                    })
                    .collect()
            })
            .collect();
        Ok(loc)
    }

    /// Every message id (the English set, which every locale matches).
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.ids.iter().map(String::as_str)
    }

    // Format every message in every locale with sample arguments: a misspelt variable or a
    // broken selector fails start-up instead of showing `{$cuont}` to a learner.
    fn check_formatting(&self) -> anyhow::Result<()> {
        let sample = [
            ("count", Arg::Num(3.0)),
            ("minutes", Arg::Num(5.0)),
            ("number", Arg::Num(1.0)),
            ("total", Arg::Num(10.0)),
            ("translated", Arg::Num(2.0)),
            ("age", Arg::Num(45.0)),
            ("max", Arg::Num(30.0)),
            ("ahead", Arg::Num(5.0)),
            ("path", Arg::Str("app.py".into())),
            ("reason", Arg::Str("…".into())),
            ("language", Arg::Str("…".into())),
            ("user", Arg::Str("student".into())),
            ("key", Arg::Str("secret".into())),
            ("tried", Arg::Num(42.0)),
            ("ms", Arg::Str("1.5".into())),
            ("day", Arg::Num(14.0)),
            ("month", Arg::Str("…".into())),
            ("year", Arg::Num(2023.0)),
            ("time", Arg::Str("22:13:20".into())),
            ("index", Arg::Num(1.0)),
            ("per_minute", Arg::Num(30.0)),
            ("retry", Arg::Num(2.0)),
            ("field", Arg::Str("key".into())),
            ("size", Arg::Num(4100.0)),
            ("limit", Arg::Num(4093.0)),
            ("correct", Arg::Num(2.0)),
            ("done", Arg::Num(4.0)),
            ("ttl", Arg::Num(60.0)),
            ("url", Arg::Str("http://192.168.1.20:3000/join".into())),
            ("site", Arg::Str("localhost:3000".into())),
            ("host", Arg::Str("192.168.1.20:3000".into())),
            ("target", Arg::Str("127.0.0.1:3000".into())),
            ("method", Arg::Str("POST".into())),
            ("fetch_site", Arg::Str("cross-site".into())),
            ("version", Arg::Str("156".into())),
            ("value", Arg::Str("student|3f…".into())),
            ("outcome", Arg::Str("…".into())),
            ("copy", Arg::Num(1.0)),
            ("current", Arg::Num(2.0)),
        ];
        for lang in Lang::ALL {
            for id in &self.ids {
                let (_, errors) = self.format(lang, id, &sample);
                if let Some(e) = errors.first() {
                    bail!("locales/{lang}: message `{id}` does not format: {e:?}");
                }
            }
        }
        Ok(())
    }

    fn format(
        &self,
        lang: Lang,
        id: &str,
        args: &[(&str, Arg)],
    ) -> (String, Vec<fluent::FluentError>) {
        let bundle = &self.bundles[lang.index()];
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return (id.to_owned(), vec![]);
        };
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            match v {
                Arg::Num(n) => fargs.set(*k, FluentValue::from(*n)),
                Arg::Str(s) => fargs.set(*k, FluentValue::from(s.clone())),
            }
        }
        let mut errors = vec![];
        let text = bundle
            .format_pattern(pattern, Some(&fargs), &mut errors)
            .into_owned();
        (text, errors)
    }

    /// The message in `lang`. An unknown id returns the id itself (templates are checked by
    /// tests, so this never reaches a learner).
    pub fn text(&self, lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
        if args.is_empty()
            && let Some(text) = self.plain.get(lang.index()).and_then(|p| p.get(id))
        {
            return text.clone();
        }
        if !self.ids.contains(id) {
            tracing::warn!(id, "unknown Fluent message");
        }
        self.format(lang, id, args).0
    }

    /// The message in `lang` if it takes no argument (formatted once, at load).
    pub fn plain(&self, lang: Lang, id: &str) -> Option<&str> {
        self.plain
            .get(lang.index())
            .and_then(|p| p.get(id))
            .map(String::as_str)
    }

    pub fn has(&self, id: &str) -> bool {
        self.plain.first().is_some_and(|p| p.contains_key(id)) || self.ids.contains(id)
    }
}
