//! `POST /api/decode`: any Flask session cookie, taken apart and checked under the given
//! keys.

use crate::session::Keys;
use crate::web::error::AppError;
use crate::web::form::Form;
use crate::web::state::AppState;
use crate::web::state_doc::describe;
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;

/// Longest accepted cookie: browsers keep about 4 KB; twice that covers pasted headers.
const MAX_COOKIE: usize = 8192;

pub async fn decode(
    State(state): State<AppState>,
    body: Bytes,
) -> Result<Json<crate::web::state_doc::SessionView>, AppError> {
    let form = Form::parse(&body);
    let cookie = form.require("cookie")?.trim();
    // Accept a pasted `session=…` too: learners copy it from devtools that way.
    let cookie = cookie.strip_prefix("session=").unwrap_or(cookie);
    if cookie.len() > MAX_COOKIE {
        return Err(AppError::field(
            "cookie",
            format!("{} bytes is longer than any browser keeps", cookie.len()),
        ));
    }
    let keys: Vec<&str> = form
        .all("key")
        .into_iter()
        .filter(|k| !k.is_empty())
        .collect();
    if keys.len() > crate::web::decoder::MAX_KEYS {
        return Err(AppError::field(
            "key",
            format!(
                "{} keys is more than {}; a Flask app has one key and a few fallbacks",
                keys.len(),
                crate::web::decoder::MAX_KEYS
            ),
        ));
    }
    let max_age = form.int_in("max_age", 0..=i64::from(u32::MAX))?;
    let keys = keys.split_first().map(|(first, rest)| {
        // The form lists fallbacks in the order to try them; `Keys::new` takes Flask's
        // oldest-first list and tries it from the end.
        let fallbacks: Vec<Vec<u8>> = rest.iter().rev().map(|k| k.as_bytes().to_vec()).collect();
        Keys::new(first.as_bytes(), &fallbacks)
    });
    let now = state.clock.now() as i64;
    Ok(Json(describe(Some(cookie), keys.as_ref(), now, max_age)))
}
