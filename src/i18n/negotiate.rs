//! `Accept-Language` → one of our languages. Only what the browser lists can match: a
//! Ukrainian reader never gets Russian, nor a Russian reader Ukrainian, unless the browser
//! asks for it.

use super::Lang;
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use unic_langid::LanguageIdentifier;

/// The best of our languages for this header, if any matches.
pub fn from_accept_language(header: &str) -> Option<Lang> {
    // Order by quality (stable, so equal weights keep the browser's order); q=0 means "not
    // this one". fluent-langneg's own parser ignores weights.
    let mut requested: Vec<(f32, LanguageIdentifier)> = header
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let tag = parts.next()?.trim();
            let q = parts
                .find_map(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .map(|q| q.trim().parse::<f32>().unwrap_or(0.0))
                })
                .unwrap_or(1.0);
            if tag.is_empty() || tag == "*" || q <= 0.0 {
                return None;
            }
            Some((q, tag.parse().ok()?))
        })
        .collect();
    requested.sort_by(|a, b| b.0.total_cmp(&a.0));
    let requested: Vec<LanguageIdentifier> = requested.into_iter().map(|(_, id)| id).collect();
    let available: Vec<LanguageIdentifier> = Lang::ALL.iter().map(|l| l.langid()).collect();
    let matched = negotiate_languages(&requested, &available, None, NegotiationStrategy::Filtering);
    matched
        .first()
        .and_then(|id| Lang::from_code(id.language.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_table() {
        let cases: [(&str, Option<Lang>); 12] = [
            ("ru-RU,ru;q=0.9,en-US;q=0.8", Some(Lang::Ru)),
            ("uk-UA,uk;q=0.9", Some(Lang::Uk)),
            ("bn-BD", Some(Lang::Bn)),
            ("bn-IN,en;q=0.5", Some(Lang::Bn)),
            ("en-GB", Some(Lang::En)),
            ("de-DE,de;q=0.9", None),
            // Belarusian or Kazakh readers get Russian only when they list it.
            ("be", None),
            ("kk,ru;q=0.8", Some(Lang::Ru)),
            // Weights decide, not the order written.
            ("en;q=0.3,uk;q=0.9", Some(Lang::Uk)),
            ("uk;q=0,ru", Some(Lang::Ru)),
            ("*", None),
            ("", None),
        ];
        for (header, want) in cases {
            assert_eq!(from_accept_language(header), want, "{header:?}");
        }
    }
}
