//! The learner's progress through the course — lessons visited, quiz answers, the last
//! lesson read — in its own signed cookie, apart from the demo session, so a sandbox
//! `session.clear()` does not erase it.

use crate::content::Library;
use crate::i18n::Lang;
use crate::session::{Dict, Value, codec};
use crate::web::exchange::Exchange;
use crate::web::state::AppState;
use std::collections::{BTreeMap, BTreeSet};

pub use crate::web::site_cookies::PROGRESS as COOKIE;
pub use crate::web::site_cookies::PROGRESS_SALT as SALT;
const MAX_AGE: i64 = 365 * 24 * 3600;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    pub visited: BTreeSet<String>,
    /// slug → question id → chosen choice id.
    pub answers: BTreeMap<String, BTreeMap<String, String>>,
    pub last: Option<String>,
    /// Exercises the learner's browser reported passed (`content/exercises/ID`).
    pub exercises: BTreeSet<String>,
}

impl Progress {
    /// The progress this request carried; a missing, tampered or stale cookie is no progress.
    pub fn read(state: &AppState, exchange: &Exchange) -> Progress {
        let inner = exchange.lock();
        let Some(cookie) = inner.site_cookie(COOKIE) else {
            return Progress::default();
        };
        let Ok(d) = codec::loads(
            &cookie,
            &state.progress_keys,
            inner.now as i64,
            Some(MAX_AGE),
        ) else {
            return Progress::default();
        };
        let strings = |v: Option<&Value>| match v {
            Some(Value::List(items)) => items
                .iter()
                .filter_map(|i| {
                    if let Value::Str(s) = i {
                        Some(s.clone())
                    } else {
                        None
                    }
                })
                .collect(),
            _ => BTreeSet::new(),
        };
        let mut answers = BTreeMap::new();
        if let Some(Value::Dict(lessons)) = d.get("a") {
            for (slug, v) in lessons {
                if let Value::Dict(qs) = v {
                    let chosen = qs.iter().filter_map(|(q, c)| {
                        if let Value::Str(c) = c {
                            Some((q.clone(), c.clone()))
                        } else {
                            None
                        }
                    });
                    answers.insert(slug.clone(), chosen.collect());
                }
            }
        }
        Progress {
            visited: strings(d.get("v")),
            answers,
            last: match d.get("l") {
                Some(Value::Str(s)) => Some(s.clone()),
                _ => None,
            },
            exercises: strings(d.get("x")),
        }
    }

    /// Send the progress cookie with this response.
    pub fn write(&self, state: &AppState, exchange: &Exchange) {
        let mut d = Dict::new();
        d.insert(
            "v".into(),
            Value::List(self.visited.iter().cloned().map(Value::Str).collect()),
        );
        let answers = self
            .answers
            .iter()
            .map(|(slug, qs)| {
                (
                    slug.clone(),
                    Value::Dict(
                        qs.iter()
                            .map(|(q, c)| (q.clone(), Value::Str(c.clone())))
                            .collect(),
                    ),
                )
            })
            .collect();
        d.insert("a".into(), Value::Dict(answers));
        if let Some(l) = &self.last {
            d.insert("l".into(), Value::Str(l.clone()));
        }
        // Old cookies have no "x"; an empty list is left out so they stay byte-identical.
        if !self.exercises.is_empty() {
            d.insert(
                "x".into(),
                Value::List(self.exercises.iter().cloned().map(Value::Str).collect()),
            );
        }
        let mut inner = exchange.lock();
        let Ok(encoded) = codec::dumps(&d, &state.progress_keys, inner.now as i64) else {
            return;
        };
        inner.add_site_cookie(
            tower_cookies::Cookie::build((COOKIE, encoded.cookie))
                .path("/")
                .max_age(tower_cookies::cookie::time::Duration::seconds(MAX_AGE))
                .http_only(true)
                .same_site(tower_cookies::cookie::SameSite::Lax)
                .build(),
        );
    }

    /// Forget everything: the deletion cookie.
    pub fn reset(exchange: &Exchange) {
        exchange.lock().remove_site_cookie(COOKIE);
    }

    /// A lesson is completed when every question of its quiz is answered correctly.
    pub fn completed(&self, library: &Library, slug: &str) -> bool {
        let Some(page) = library.lesson(Lang::En, slug) else {
            return false;
        };
        let Some(quiz) = &page.quiz else { return false };
        let answers = self.answers.get(slug);
        quiz.all_correct(|q| answers.and_then(|a| a.get(q)).map(String::as_str))
    }
}
