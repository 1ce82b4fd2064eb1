//! The HTTP layer: routes, the session middleware and the handlers. Thin adapters over the
//! pure modules.

pub mod api;
pub mod classroom;
pub mod decoder;
pub mod demos;
pub mod error;
pub mod exchange;
pub mod explain;
pub mod form;
pub mod lesson_page;
pub mod limits;
pub mod login_demos;
pub mod page_cache;
pub mod pages;
pub mod progress;
pub mod recent;
pub mod sandbox;
pub mod server;
pub mod site_cookies;
pub mod skeleton;
pub mod state;
pub mod state_doc;
pub mod view;

use crate::web::state::AppState;
use axum::Router;
use axum::extract::{Request, State};
use axum::http::header::{COOKIE, SET_COOKIE, VARY};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use exchange::Exchange;
use tower_http::request_id::{
    MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnFailure, DefaultOnResponse, TraceLayer};

/// The content security policy of every page that sets none of its own.
pub const SECURITY_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; \
     connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

/// Sent with every response.
const SECURITY_HEADERS: [(header::HeaderName, &str); 5] = [
    (header::CONTENT_SECURITY_POLICY, SECURITY_CSP),
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (header::REFERRER_POLICY, "same-origin"),
    (header::X_FRAME_OPTIONS, "DENY"),
    (
        header::HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    ),
];

/// The policy of a page whose examples run in the browser: the same, plus only what
/// WebAssembly needs (compiling it, and a same-origin worker).
pub const CSP_RUNS_CODE: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; \
     connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

/// Form bodies are small; anything bigger is refused before a handler sees it.
pub const MAX_BODY: usize = 64 * 1024;

/// No answer takes longer than this (an event stream's head counts; its events do not).
/// Every slow step has a shorter bound of its own (Redis 2 s, the weak-key queue 5 s).
pub const ANSWER_DEADLINE: std::time::Duration = std::time::Duration::from_secs(30);

/// The whole site as a router, ready for `axum::serve` or `oneshot` in tests.
pub fn app(state: AppState) -> Router {
    let mut router = Router::new()
        .route("/", get(pages::root))
        .route("/{lang}/", get(pages::home))
        .route("/{lang}/lessons/{slug}", get(pages::lesson))
        .route("/{lang}/lessons/{slug}/quiz", post(pages::quiz_submit))
        .route("/progress/reset", post(pages::progress_reset))
        .route("/progress/exercise", post(pages::progress_exercise))
        .route("/{lang}/decoder", get(decoder::page).post(decoder::submit))
        .route("/{lang}/search", get(pages::search))
        .route("/prefs/lang", post(pages::prefs_lang))
        .route("/prefs/theme", post(pages::prefs_theme))
        .route("/static/{name}", get(pages::asset))
        .route("/favicon.ico", get(pages::favicon))
        .route("/runtime/{hash}/{*path}", get(pages::runtime))
        .route("/api/decode", post(api::decode))
        .route("/sandbox/state", get(sandbox::state))
        .route("/sandbox/session/set", post(sandbox::session_set))
        .route("/sandbox/session/pop", post(sandbox::session_pop))
        .route("/sandbox/session/clear", post(sandbox::session_clear))
        .route(
            "/sandbox/session/permanent",
            post(sandbox::session_permanent),
        )
        .route("/sandbox/session/store", post(sandbox::session_store))
        .route("/sandbox/cookies/set", post(sandbox::cookies_set))
        .route("/sandbox/cookies/delete", post(sandbox::cookies_delete))
        .route("/sandbox/demo/cart", post(demos::cart_add))
        .route("/sandbox/demo/login", post(demos::login))
        .route("/sandbox/demo/logout", post(demos::logout))
        .route("/sandbox/demo/flashes", post(demos::show_flashes))
        .route("/sandbox/demo/grow", post(demos::grow))
        .route(
            "/sandbox/demo/remember/login",
            post(login_demos::remember_login),
        )
        .route(
            "/sandbox/demo/remember/close",
            post(login_demos::remember_close),
        )
        .route(
            "/sandbox/demo/remember/visit",
            post(login_demos::remember_visit),
        )
        .route(
            "/sandbox/demo/remember/logout",
            post(login_demos::remember_logout),
        )
        .route(
            "/sandbox/demo/replay/login",
            post(login_demos::replay_login),
        )
        .route("/sandbox/demo/replay/copy", post(login_demos::replay_copy))
        .route(
            "/sandbox/demo/replay/logout",
            post(login_demos::replay_logout),
        )
        .route(
            "/sandbox/demo/samesite/set",
            post(login_demos::samesite_set),
        )
        .route("/{lang}/cross-site", get(login_demos::cross_site_go))
        .route(
            "/{lang}/cross-site/other",
            get(login_demos::cross_site_other),
        )
        .route(
            "/{lang}/cross-site/report",
            get(login_demos::cross_site_report).post(login_demos::cross_site_report),
        )
        .route("/join", get(classroom::join))
        .route("/classroom/instructor", get(classroom::instructor))
        .route("/classroom/events", get(classroom::events))
        .route("/classroom/reset", post(classroom::reset))
        .route("/{lang}/follow", get(classroom::follow))
        .route("/{lang}/present", get(classroom::present_home))
        .route("/{lang}/present/{slug}", get(classroom::present))
        .route("/{lang}/present/{slug}/notes", get(classroom::notes))
        .route("/_live/events", get(classroom::live_events))
        .fallback(pages::not_found)
        // Innermost first: the Flask session (which also reads and queues the site's own
        // cookies through tower-cookies' jar), the jar itself, the body limit, a deadline for
        // every answer, the security headers on whatever answers, the request log and its id.
        .layer(middleware::from_fn_with_state(
            state.clone(),
            explain::explain_errors,
        ))
        .layer(middleware::from_fn_with_state(state.clone(), flask_session))
        .layer(tower_cookies::CookieManagerLayer::new())
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            ANSWER_DEADLINE,
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ));
    // Security headers on every response, whatever answered it (a handler, the session
    // layer's own refusals, the body limit, the deadline). Everything the site loads is its
    // own, so the policy names nothing but 'self' (and allows no inline script or style). A
    // page that runs Python in the browser sets its own policy (`CSP_RUNS_CODE`).
    for (name, value) in SECURITY_HEADERS {
        router = router.layer(if name == header::CONTENT_SECURITY_POLICY {
            SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
        } else {
            SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value))
        });
    }
    router
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(request_span)
                .on_request(())
                .on_response(DefaultOnResponse::new().level(tracing::Level::DEBUG))
                .on_failure(DefaultOnFailure::new().level(tracing::Level::ERROR)),
        )
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(HexRequestId))
        .with_state(state)
}

/// Open the Flask session before the handler, and after it write every cookie and the
/// `Vary` header: the one place response cookies are set. A store that fails to answer is a
/// 503 that changes nothing (the learner keeps their session id); a client creating
/// server-side records too fast is a 429.
async fn flask_session(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let now = state.clock.now();
    let cookie_header = joined_cookie_header(&req);
    let server_side = cookie_header
        .as_deref()
        .map(exchange::parse_cookie_header)
        .is_some_and(|c| {
            c.iter()
                .find(|(n, _)| n == sandbox::STORE_COOKIE)
                .is_some_and(|(_, v)| v == "server")
        });
    let client = limits::client_ip(req.extensions());
    let jar = req.extensions().get::<tower_cookies::Cookies>().cloned();
    // Only what an error page needs: its language and whether the client wants HTML.
    let mut headers = axum::http::HeaderMap::new();
    for name in [header::ACCEPT, header::ACCEPT_LANGUAGE] {
        if let Some(v) = req.headers().get(&name) {
            headers.insert(name, v.clone());
        }
    }
    let path = req.uri().path().to_owned();
    let exchange = if server_side {
        match Exchange::open_server_side(&state, now, cookie_header.clone(), jar.clone()).await {
            Ok(e) => e,
            Err(e) => {
                let shown = Exchange::open(&state, now, cookie_header, jar);
                return store_unavailable(&state, &shown, &headers, &path, &e);
            }
        }
    } else {
        Exchange::open(&state, now, cookie_header, jar)
    };
    req.extensions_mut().insert(exchange.clone());
    let mut response = next.run(req).await;

    let set_cookies = match exchange.set_cookie_headers(&state) {
        Ok(h) => h,
        Err(e) => return e.into_response(),
    };
    let saved = match exchange.commit(&state) {
        Ok(s) => s,
        Err(e) => return e.into_response(),
    };
    let vary = saved.vary_cookie;
    let creates = exchange.lock().server.as_ref().is_some_and(|s| !s.found)
        && matches!(
            saved.store,
            Some(crate::session::flask::StoreOp::Set { .. })
        );
    if creates && let Err(refused) = state.record_rate.take(client, now) {
        return too_many_records(&state, &exchange, &headers, &path, refused);
    }
    // The store changes before the browser learns the new id.
    let pending = exchange.lock().pending_delete.take();
    let ops = saved
        .store
        .into_iter()
        .chain(pending.map(crate::session::flask::StoreOp::Delete));
    for op in ops {
        let result = match &op {
            crate::session::flask::StoreOp::Set { key, value, ttl } => {
                state.store.set(key, value, *ttl).await
            }
            crate::session::flask::StoreOp::Delete(key) => state.store.delete(key).await,
        };
        if let Err(e) = result {
            return store_unavailable(&state, &exchange, &headers, &path, &e);
        }
    }
    let out = response.headers_mut();
    for h in set_cookies {
        match HeaderValue::from_bytes(h.as_bytes()) {
            Ok(v) => {
                out.append(SET_COOKIE, v);
            }
            Err(_) => tracing::warn!("dropped a Set-Cookie value that is not a valid header"),
        }
    }
    if vary {
        out.append(VARY, HeaderValue::from_static("Cookie"));
    }
    response
}

/// 503: the store did not answer. Nothing was written and no cookie is sent.
fn store_unavailable(
    state: &AppState,
    exchange: &Exchange,
    headers: &axum::http::HeaderMap,
    path: &str,
    e: &crate::store::StoreError,
) -> Response {
    tracing::error!(error = %e, "session store unavailable");
    let mut response = view::explained(
        state,
        exchange,
        headers,
        path,
        view::Refusal {
            status: StatusCode::SERVICE_UNAVAILABLE,
            title_key: "error-store-title",
            json: serde_json::json!({
                "error": "the session store did not answer; nothing was changed and your session id is kept",
            }),
        },
        |lang| state.site().loc.text(lang, "error-store-body", &[]),
    );
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("2"));
    response
}

/// 429: this client creates server-side records faster than the limit allows.
fn too_many_records(
    state: &AppState,
    exchange: &Exchange,
    headers: &axum::http::HeaderMap,
    path: &str,
    refused: limits::RateRefused,
) -> Response {
    use crate::i18n::Arg;
    let mut response = view::explained(
        state,
        exchange,
        headers,
        path,
        view::Refusal {
            status: StatusCode::TOO_MANY_REQUESTS,
            title_key: "error-rate-title",
            json: serde_json::json!({
                "error": format!(
                    "too many new server-side sessions from your address (at most {} a minute); nothing was changed, try again in {} s",
                    refused.per_minute, refused.retry_after
                ),
                "retry_after": refused.retry_after,
            }),
        },
        |lang| {
            state.site().loc.text(
                lang,
                "error-rate-body",
                &[
                    ("per_minute", Arg::Num(f64::from(refused.per_minute))),
                    ("retry", Arg::Num(refused.retry_after as f64)),
                ],
            )
        },
    );
    if let Ok(v) = HeaderValue::from_str(&refused.retry_after.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, v);
    }
    response
}

/// Request ids: 16 hex digits, logged with the request and sent back as `X-Request-Id`.
#[derive(Clone, Copy, Debug)]
struct HexRequestId;

impl MakeRequestId for HexRequestId {
    fn make_request_id<B>(&mut self, _: &axum::http::Request<B>) -> Option<RequestId> {
        HeaderValue::from_str(&format!("{:016x}", rand::random::<u64>()))
            .ok()
            .map(RequestId::new)
    }
}

/// The span every request's log lines carry: its id, method and path. The path is logged
/// without its query, and no header value: cookies and keys never reach the logs.
fn request_span<B>(req: &axum::http::Request<B>) -> tracing::Span {
    let id = req
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-");
    tracing::info_span!("request", %id, method = %req.method(), path = %req.uri().path())
}

fn joined_cookie_header(req: &Request) -> Option<String> {
    let parts: Vec<&str> = req
        .headers()
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}
