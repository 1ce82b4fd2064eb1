//! The lesson demos, each doing exactly what the Flask code shown in the lesson does:
//! a cart that loses in-place appends unless `session.modified` is set, a login with
//! `flash()` messages kept in `_flashes` until shown, and a session that grows past the
//! cookie size limit.

use crate::i18n::{Arg, Lang};
use crate::security::password::check_password_hash;
use crate::session::{Session, Value};
use crate::web::error::AppError;
use crate::web::exchange::Exchange;
use crate::web::sandbox::{SandboxPost, change_session};
use crate::web::state::AppState;
use axum::extract::State;
use axum::response::Response;

/// The demo account: user `student`, password `cookies`. Only its Werkzeug hash is kept
/// (`generate_password_hash("cookies", method="pbkdf2:sha1:20000")`).
pub const DEMO_USER: &str = "student";
const DEMO_HASH: &str =
    "pbkdf2:sha1:20000$O6TZzdcYQU7UG5yu$04268939d095fea0168d640385ac86e0093cc577";

/// Longest cart item name accepted.
const MAX_ITEM: usize = 64;

/// `flash(message, category)`: `_flashes` is read, appended to and assigned back, so Flask
/// notices the change.
fn flash(session: &mut Session, category: &str, message: String) {
    let mut flashes = match session.get("_flashes") {
        Some(Value::List(items)) => items.clone(),
        _ => Vec::new(),
    };
    flashes.push(Value::Tuple(vec![
        Value::Str(category.into()),
        Value::Str(message),
    ]));
    session.set("_flashes", Value::List(flashes));
}

fn text(state: &AppState, lang: Option<Lang>, id: &str, args: &[(&str, Arg)]) -> String {
    state.site().loc.text(lang.unwrap_or(Lang::En), id, args)
}

/// `POST /sandbox/demo/cart` (`item`, `mark_modified`):
/// ```python
/// cart = session.get("cart")
/// if cart is None:
///     session["cart"] = [item]      # assignment: saved
/// else:
///     cart.append(item)             # in place: lost…
///     if mark_modified:
///         session.modified = True   # …unless Flask is told
/// ```
pub async fn cart_add(
    State(state): State<AppState>,
    exchange: Exchange,
    SandboxPost { form, reply }: SandboxPost,
) -> Result<Response, AppError> {
    let item = form.require("item")?.trim().to_owned();
    if item.is_empty() || item.chars().count() > MAX_ITEM {
        return Err(AppError::field(
            "item",
            format!("must be 1 to {MAX_ITEM} characters"),
        ));
    }
    let mark_modified = form.flag("mark_modified", false)?;
    change_session(&state, &exchange, |s| match s.get_mut_untracked("cart") {
        Some(Value::List(cart)) => {
            cart.push(Value::Str(item));
            if mark_modified {
                s.mark_modified();
            }
        }
        _ => s.set("cart", Value::List(vec![Value::Str(item)])),
    })?;
    reply.send(&state, &exchange)
}

/// `POST /sandbox/demo/login` (`username`, `password`): check the hash, clear the session
/// against fixation, remember the user, flash the outcome.
pub async fn login(
    State(state): State<AppState>,
    exchange: Exchange,
    SandboxPost { form, reply }: SandboxPost,
) -> Result<Response, AppError> {
    let username = form.require("username")?.trim().to_owned();
    let password = form.require("password")?.to_owned();
    if username.chars().count() > 64 {
        return Err(AppError::field("username", "is longer than 64 characters"));
    }
    if password.len() > 256 {
        return Err(AppError::field("password", "is longer than 256 bytes"));
    }
    let ok = username == DEMO_USER && check_password_hash(DEMO_HASH, &password);
    let lang = reply.lang;
    change_session(&state, &exchange, |s| {
        if ok {
            // A careful app keeps harmless preferences across the clear; the site's own
            // language choice lives in this same session.
            let keep_lang = s.get("lang").cloned();
            s.clear();
            if let Some(l) = keep_lang {
                s.set("lang", l);
            }
            s.set("user", Value::Str(username.clone()));
            flash(
                s,
                "message",
                text(
                    &state,
                    lang,
                    "flash-logged-in",
                    &[("user", Arg::Str(username.clone()))],
                ),
            );
        } else {
            flash(s, "error", text(&state, lang, "flash-login-failed", &[]));
        }
    })?;
    reply.send(&state, &exchange)
}

/// `POST /sandbox/demo/logout`: `session.pop("user", None)`, then a flash.
pub async fn logout(
    State(state): State<AppState>,
    exchange: Exchange,
    SandboxPost { reply, .. }: SandboxPost,
) -> Result<Response, AppError> {
    let lang = reply.lang;
    change_session(&state, &exchange, |s| {
        s.pop("user");
        flash(s, "message", text(&state, lang, "flash-logged-out", &[]));
    })?;
    reply.send(&state, &exchange)
}

/// `POST /sandbox/demo/flashes`: `get_flashed_messages(with_categories=True)`, which pops
/// `_flashes`, so each message is shown once.
pub async fn show_flashes(
    State(state): State<AppState>,
    exchange: Exchange,
    SandboxPost { reply, .. }: SandboxPost,
) -> Result<Response, AppError> {
    let mut shown = Vec::new();
    change_session(&state, &exchange, |s| {
        if s.contains("_flashes")
            && let Some(Value::List(items)) = s.pop("_flashes")
        {
            for item in items {
                if let Value::Tuple(pair) | Value::List(pair) = item
                    && let [Value::Str(c), Value::Str(m)] = pair.as_slice()
                {
                    shown.push((c.clone(), m.clone()));
                }
            }
        }
    })?;
    exchange.lock().flashed = Some(shown);
    reply.send(&state, &exchange)
}

/// `POST /sandbox/demo/grow`: add 256 random characters to `session["blob"]`. Random text
/// does not compress, so the cookie climbs until it no longer fits and is refused.
pub async fn grow(
    State(state): State<AppState>,
    exchange: Exchange,
    SandboxPost { reply, .. }: SandboxPost,
) -> Result<Response, AppError> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let chunk: String = (0..256)
        .map(|_| ALPHABET[rand::random_range(0..ALPHABET.len())] as char)
        .collect();
    change_session(&state, &exchange, |s| {
        let mut blob = match s.get("blob") {
            Some(Value::Str(b)) => b.clone(),
            _ => String::new(),
        };
        blob.push_str(&chunk);
        s.set("blob", Value::Str(blob));
    })?;
    reply.send(&state, &exchange)
}
