//! Errors explained to a browser. An API caller gets the JSON `AppError` wrote; a browser
//! (its `Accept` names HTML, not JSON) gets a page in the learner's language that names the
//! field, shows what went wrong, keeps everything the learner typed in a form that sends it
//! again, and links back to where they were. Works without JavaScript.

use crate::web::error::Explained;
use crate::web::exchange::Exchange;
use crate::web::form::Form;
use crate::web::state::AppState;
use crate::web::view::{base_context, preferred_lang, render};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// Form fields that steer a request rather than hold what the learner typed.
const STEERING: [&str; 3] = ["next", "lang", "action"];

#[derive(Serialize)]
struct Field<'a> {
    name: &'a str,
    value: &'a str,
    hidden: bool,
    multiline: bool,
}

/// The explained error (`templates/error.html`), beside the base view.
#[derive(Serialize)]
struct ErrorView<'a> {
    /// The form field at fault, if one is.
    field: Option<&'static str>,
    detail: &'a str,
    /// Where "back" leads.
    back: &'a str,
    /// What the learner sent, to send again.
    resend: Option<Resend<'a>>,
}

#[derive(Serialize)]
struct Resend<'a> {
    action: &'a str,
    fields: Vec<Field<'a>>,
}

fn wants_html(headers: &HeaderMap) -> bool {
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    accept.contains("text/html") && !accept.contains("application/json")
}

/// The path of a same-origin `Referer`, if the request has one.
fn referer_path(headers: &HeaderMap) -> Option<String> {
    let host = headers.get(header::HOST)?.to_str().ok()?;
    let referer = headers.get(header::REFERER)?.to_str().ok()?;
    let rest = referer
        .strip_prefix("http://")
        .or_else(|| referer.strip_prefix("https://"))?;
    let path = rest.strip_prefix(host)?;
    crate::web::sandbox::validate_next(if path.is_empty() { "/" } else { path }).ok()
}

pub async fn explain_errors(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if !wants_html(req.headers()) {
        return next.run(req).await;
    }
    let headers = req.headers().clone();
    let path = req.uri().path().to_owned();
    let exchange = req.extensions().get::<Exchange>().cloned();
    let is_form = req.method() == Method::POST
        && headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|c| c.starts_with("application/x-www-form-urlencoded"));
    let (req, form) = if is_form {
        let (parts, body) = req.into_parts();
        match axum::body::to_bytes(body, crate::web::MAX_BODY).await {
            Ok(bytes) => {
                let form = Form::parse(&bytes);
                (Request::from_parts(parts, Body::from(bytes)), Some(form))
            }
            Err(_) => {
                let explained = Explained {
                    status: StatusCode::PAYLOAD_TOO_LARGE,
                    field: None,
                    detail: format!(
                        "the form is larger than {} bytes, the limit",
                        crate::web::MAX_BODY
                    ),
                };
                return match exchange {
                    Some(e) => page(&state, &e, &headers, &path, None, &explained),
                    None => (explained.status, explained.detail).into_response(),
                };
            }
        }
    } else {
        (req, None)
    };
    let response = next.run(req).await;
    let (Some(explained), Some(exchange)) =
        (response.extensions().get::<Explained>().cloned(), exchange)
    else {
        return response;
    };
    let mut page = page(
        &state,
        &exchange,
        &headers,
        &path,
        form.as_ref(),
        &explained,
    );
    // Keep what the JSON answer carried for the client (Retry-After, say).
    if let Some(v) = response.headers().get(header::RETRY_AFTER) {
        page.headers_mut().insert(header::RETRY_AFTER, v.clone());
    }
    page
}

fn page(
    state: &AppState,
    exchange: &Exchange,
    headers: &HeaderMap,
    path: &str,
    form: Option<&Form>,
    explained: &Explained,
) -> Response {
    let prefix = path.trim_start_matches('/').split('/').next().unwrap_or("");
    let lang = crate::i18n::Lang::from_code(prefix).unwrap_or_else(|| {
        form.and_then(|f| f.get("lang"))
            .and_then(crate::i18n::Lang::from_code)
            .unwrap_or_else(|| preferred_lang(exchange, headers))
    });
    let back = form
        .and_then(|f| f.get("next"))
        .and_then(|n| crate::web::sandbox::validate_next(n).ok())
        .or_else(|| referer_path(headers))
        .unwrap_or_else(|| format!("/{lang}/"));
    let mut ctx = base_context(state, exchange, lang, &back, |l| format!("/{l}/"));
    let resend = form.filter(|f| !f.pairs().is_empty()).map(|f| Resend {
        action: path,
        fields: f
            .pairs()
            .iter()
            .map(|(name, value)| Field {
                name,
                value,
                hidden: STEERING.contains(&name.as_str()),
                multiline: value.contains('\n'),
            })
            .collect(),
    });
    ctx.extend(crate::web::view::view_context(&ErrorView {
        field: explained.field,
        detail: &explained.detail,
        back: &back,
        resend,
    }));
    match render(state, "error.html", &ctx) {
        Ok(html) => (explained.status, html).into_response(),
        Err(e) => e.into_response(),
    }
}
