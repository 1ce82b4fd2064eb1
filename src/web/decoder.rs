//! `/{lang}/decoder`: paste any Flask session cookie and take it apart. Works as a plain form
//! (the result is rendered by the server), with an optional key check, a tamper button and a
//! weak-key check.

use crate::i18n::{Arg, Lang};
use crate::session::{Keys, codec};
use crate::web::error::AppError;
use crate::web::exchange::Exchange;
use crate::web::form::Form;
use crate::web::state::AppState;
use crate::web::state_doc::{describe, reason_text};
use crate::web::view::{PageLang, base_context, render};
use axum::body::Bytes;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use std::time::Instant;

/// A pasted cookie longer than this is not a cookie any browser would keep.
const MAX_COOKIE: usize = 8192;
/// Keys tried for one cookie: the key and its fallbacks (Flask apps keep a handful). Each
/// key costs two HMACs per check, so the list is bounded.
pub const MAX_KEYS: usize = 32;
/// How long a weak-key search waits for the one search slot before answering "busy".
const CRACK_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// A cookie taken apart for the decoder page: the state document's `session` object and a
/// one-line verdict in the page's language.
#[derive(Debug, serde::Serialize)]
struct Decoded {
    #[serde(flatten)]
    session: crate::web::state_doc::SessionView,
    status_text: String,
    /// `signed_at` in the page's language.
    signed_at_text: Option<String>,
}

/// The decoder page (`templates/decoder.html`), beside the base view.
#[derive(Debug, serde::Serialize)]
struct DecoderView<'a> {
    /// The pasted cookie taken apart.
    result: Option<Decoded>,
    /// "Tamper": the same cookie with a changed payload, and how it fails.
    tampered: Option<Tampered>,
    /// "Try common weak keys": what the search found.
    crack: Option<Crack>,
    /// What the learner typed, kept in the form.
    form: DecoderForm<'a>,
    /// The learner has a session cookie of their own to decode.
    has_own: bool,
}

#[derive(Debug, serde::Serialize)]
struct DecoderForm<'a> {
    cookie: &'a str,
    keys: &'a str,
    max_age: Option<i64>,
}

#[derive(Debug, serde::Serialize)]
struct Tampered {
    cookie: String,
    result: Decoded,
}

#[derive(Debug, serde::Serialize)]
struct Crack {
    found: Option<&'static str>,
    text: String,
}

/// The outcome of a weak-key search: the key found, how many were tried, in how long.
type Cracked = (Option<&'static str>, usize, f64);

/// `GET /{lang}/decoder`.
pub async fn page(
    State(state): State<AppState>,
    exchange: Exchange,
    PageLang(lang): PageLang,
) -> Response {
    show(&state, &exchange, lang, &Form::default(), None).into_response()
}

/// `POST /{lang}/decoder`: the same page with the pasted cookie taken apart. The weak-key
/// search (thousands of HMACs) runs off the request threads, one search at a time, so a
/// class pressing "crack" together cannot slow anyone's lesson page.
pub async fn submit(
    State(state): State<AppState>,
    exchange: Exchange,
    PageLang(lang): PageLang,
    body: Bytes,
) -> Response {
    let form = Form::parse(&body);
    let cracked = match form.get("action") {
        Some("crack") => match crack(&state, &form).await {
            Ok(c) => c,
            Err(e) => return e.into_response(),
        },
        _ => None,
    };
    show(&state, &exchange, lang, &form, cracked).into_response()
}

/// Run the weak-key search for the form's cookie (or the learner's own), if there is one.
async fn crack(state: &AppState, form: &Form) -> Result<Option<Cracked>, AppError> {
    let cookie = match form.get("cookie").map(str::trim) {
        Some(c) if !c.is_empty() => c.to_owned(),
        _ => return Ok(None),
    };
    let cookie = cookie
        .strip_prefix("session=")
        .unwrap_or(&cookie)
        .to_owned();
    if cookie.len() > MAX_COOKIE {
        return Ok(None); // `show` names the field.
    }
    let _slot = tokio::time::timeout(CRACK_WAIT, state.crack_slot.acquire())
        .await
        .map_err(|_| {
            AppError::Busy(format!(
                "the weak-key check is busy for everyone; try again in a few seconds (waited {} s)",
                CRACK_WAIT.as_secs()
            ))
        })?
        .map_err(|e| AppError::Internal(e.into()))?;
    tokio::task::spawn_blocking(move || {
        let started = Instant::now();
        let (found, tried) = codec::guess_key(&cookie, crate::security::weak_keys::candidates());
        Some((found, tried, started.elapsed().as_secs_f64()))
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))
}

fn show(
    state: &AppState,
    exchange: &Exchange,
    lang: Lang,
    form: &Form,
    cracked: Option<Cracked>,
) -> Result<Response, AppError> {
    let path = format!("/{lang}/decoder");
    let mut ctx = base_context(state, exchange, lang, &path, |l| format!("/{l}/decoder"));
    let own = {
        let inner = exchange.lock();
        inner.cookie(&inner.config.cookie_name).map(str::to_owned)
    };
    let action = form.get("action").unwrap_or("decode");
    let mut cookie = form.get("cookie").map(str::trim).unwrap_or("").to_owned();
    if action == "mine" {
        cookie = own.clone().unwrap_or_default();
    }
    let cookie = cookie
        .strip_prefix("session=")
        .unwrap_or(&cookie)
        .to_owned();
    if cookie.len() > MAX_COOKIE {
        return Err(AppError::field(
            "cookie",
            format!("{} bytes is longer than any browser keeps", cookie.len()),
        ));
    }
    let keys_text = form.get("keys").unwrap_or("");
    let max_age = form.int_in("max_age", 0..=i64::from(u32::MAX))?;
    let keys: Vec<&str> = keys_text
        .lines()
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .collect();
    if keys.len() > MAX_KEYS {
        return Err(AppError::field(
            "keys",
            format!(
                "{} keys is more than {MAX_KEYS}; a Flask app has one key and a few fallbacks",
                keys.len()
            ),
        ));
    }
    let keys = keys.split_first().map(|(first, rest)| {
        let fallbacks: Vec<Vec<u8>> = rest.iter().rev().map(|k| k.as_bytes().to_vec()).collect();
        Keys::new(first.as_bytes(), &fallbacks)
    });
    let now = exchange.lock().now as i64;
    let loc = &state.site().loc;
    let analyse = |c: &str| {
        let session = describe(Some(c), keys.as_ref(), now, max_age);
        let ins = codec::inspect(c, keys.as_ref(), now, max_age);
        let status_text = match (&ins.error, ins.key_index) {
            (None, Some(i)) => loc.text(
                lang,
                "decoder-verified",
                &[("index", Arg::Num((i + 1) as f64))],
            ),
            (Some(crate::session::Reason::NoKey), _) => loc.text(lang, "decoder-no-key", &[]),
            (Some(r), _) => reason_text(state, lang, r),
            (None, None) => String::new(),
        };
        Decoded {
            signed_at_text: session
                .signed_at
                .as_deref()
                .and_then(|t| crate::web::view::date_text(state, lang, t)),
            session,
            status_text,
        }
    };
    let mut view = DecoderView {
        result: None,
        tampered: None,
        crack: None,
        form: DecoderForm {
            cookie: &cookie,
            keys: keys_text,
            max_age,
        },
        has_own: own.is_some(),
    };
    if !cookie.is_empty() {
        view.result = Some(analyse(&cookie));
        match action {
            "tamper" => {
                let tampered = codec::tamper(&cookie);
                view.tampered = Some(Tampered {
                    result: analyse(&tampered),
                    cookie: tampered,
                });
            }
            "crack" => {
                // `submit` ran the search; nothing else reaches here with a cookie.
                if let Some((found, tried, seconds)) = cracked {
                    let ms = format!("{:.1}", seconds * 1000.0);
                    let args = |k: Option<&str>| {
                        let mut a = vec![
                            ("tried", Arg::Num(tried as f64)),
                            ("ms", Arg::Str(ms.clone())),
                        ];
                        if let Some(k) = k {
                            a.push(("key", Arg::Str(k.to_owned())));
                        }
                        a
                    };
                    let text = match found {
                        Some(k) => loc.text(lang, "decoder-crack-found", &args(Some(k))),
                        None => loc.text(lang, "decoder-crack-none", &args(None)),
                    };
                    view.crack = Some(Crack { found, text });
                }
            }
            _ => {}
        }
    }
    ctx.extend(crate::web::view::view_context(&view));
    Ok(render(state, "decoder.html", &ctx)?.into_response())
}
