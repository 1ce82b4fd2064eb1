//! The one error type at the HTTP edge. It picks the status, answers in JSON (`{"error": …,
//! "field": …}`), logs internals and never shows them. Each answer also carries an
//! [`Explained`] extension: for a browser (a page, or a form posted without JavaScript) the
//! `explain_errors` middleware turns it into a page in the learner's language that names the
//! field, keeps what they typed and links back.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// A form field that is missing or invalid: 400 naming it.
    #[error("{field}: {message}")]
    BadField {
        field: &'static str,
        message: String,
    },
    /// A cookie (or a server-side record) would not fit: 400 naming the field, with the size
    /// it would have had. `subject` says what: "the session cookie", "the cookie `a`".
    #[error("{subject} would be {size} bytes, over the {limit}-byte limit")]
    TooLarge {
        field: &'static str,
        subject: String,
        size: usize,
        limit: usize,
    },
    #[error("not found")]
    NotFound,
    /// Only the instructor may do this: 403 saying what is missing.
    #[error("{0}")]
    Forbidden(String),
    /// A limit of this instance was reached (event streams): 503 saying which.
    #[error("{0}")]
    Busy(String),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    pub fn field(field: &'static str, message: impl Into<String>) -> Self {
        AppError::BadField {
            field,
            message: message.into(),
        }
    }
}

impl From<crate::session::flask::TooLarge> for AppError {
    fn from(t: crate::session::flask::TooLarge) -> Self {
        let subject = if t.limit == crate::session::flask::MAX_RECORD {
            "the server-side session record"
        } else {
            "the session cookie"
        };
        AppError::TooLarge {
            field: "session",
            subject: subject.into(),
            size: t.size,
            limit: t.limit,
        }
    }
}

/// What a browser's page needs to explain an error: kept on the JSON response for the
/// `explain_errors` middleware.
#[derive(Debug, Clone)]
pub struct Explained {
    pub status: StatusCode,
    /// The form field at fault, if one is.
    pub field: Option<&'static str>,
    /// The English detail (the JSON `error`), shown under the localized heading.
    pub detail: String,
}

impl AppError {
    fn explained(&self) -> Option<Explained> {
        let (status, field) = match self {
            AppError::BadField { field, .. } => (StatusCode::BAD_REQUEST, Some(*field)),
            AppError::TooLarge { field, .. } => (StatusCode::BAD_REQUEST, Some(*field)),
            AppError::Forbidden(_) => (StatusCode::FORBIDDEN, None),
            AppError::Busy(_) => (StatusCode::SERVICE_UNAVAILABLE, None),
            AppError::NotFound | AppError::Internal(_) => return None,
        };
        let detail = match self {
            AppError::BadField { message, .. } => message.clone(),
            other => other.to_string(),
        };
        Some(Explained {
            status,
            field,
            detail,
        })
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let explained = self.explained();
        let mut response = self.json_response();
        if let Some(e) = explained {
            response.extensions_mut().insert(e);
        }
        response
    }
}

impl AppError {
    fn json_response(&self) -> Response {
        match self {
            AppError::BadField { field, message } => (
                StatusCode::BAD_REQUEST,
                Json(json!({"error": format!("{field}: {message}"), "field": field})),
            )
                .into_response(),
            AppError::TooLarge {
                field, size, limit, ..
            } => (
                StatusCode::BAD_REQUEST,
                Json(json!({"error": self.to_string(), "field": field, "size": size, "limit": limit})),
            )
                .into_response(),
            AppError::NotFound => (StatusCode::NOT_FOUND, Json(json!({"error": "not found"}))).into_response(),
            AppError::Forbidden(why) => (StatusCode::FORBIDDEN, Json(json!({"error": why}))).into_response(),
            AppError::Busy(why) => {
                tracing::warn!(why, "refused: limit reached");
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    [(axum::http::header::RETRY_AFTER, "10")],
                    Json(json!({"error": why})),
                )
                    .into_response()
            }
            AppError::Internal(e) => {
                tracing::error!(error = %e, "internal error");
                (StatusCode::INTERNAL_SERVER_ERROR, Json(json!({"error": "internal error"}))).into_response()
            }
        }
    }
}
