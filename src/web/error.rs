//! The one error type at the HTTP edge. It picks the status, answers in JSON the way the
//! contract says (`{"error": …}` naming the field), logs internals and never shows them.

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
    /// The session would not fit in a browser cookie: 400 with the size it would have had.
    #[error("the session cookie would be {size} bytes, over the {limit}-byte limit")]
    TooLarge { size: usize, limit: usize },
    #[error("not found")]
    NotFound,
    /// Only the instructor may do this: 403 saying what is missing.
    #[error("{0}")]
    Forbidden(String),
    /// A backing service (the session store) failed: 503, nothing half-done.
    #[error("the session store is unavailable")]
    Unavailable(String),
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
        AppError::TooLarge {
            size: t.size,
            limit: t.limit,
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match &self {
            AppError::BadField { field, message } => (
                StatusCode::BAD_REQUEST,
                Json(json!({"error": format!("{field}: {message}"), "field": field})),
            )
                .into_response(),
            AppError::TooLarge { size, limit } => (
                StatusCode::BAD_REQUEST,
                Json(json!({"error": self.to_string(), "field": "session", "size": size, "limit": limit})),
            )
                .into_response(),
            AppError::NotFound => (StatusCode::NOT_FOUND, Json(json!({"error": "not found"}))).into_response(),
            AppError::Forbidden(why) => (StatusCode::FORBIDDEN, Json(json!({"error": why}))).into_response(),
            AppError::Unavailable(detail) => {
                tracing::error!(detail, "service unavailable");
                (StatusCode::SERVICE_UNAVAILABLE, Json(json!({"error": self.to_string()}))).into_response()
            }
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
