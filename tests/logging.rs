//! Every request gets an id, logged and sent back; the logs never carry a cookie value, a
//! form value or the secret key.

mod common;

use common::mem::post_json;
use cookie_course::{AppState, app};
use std::io::Write;
use std::sync::{Arc, Mutex};

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "current_thread")]
async fn logs_carry_request_ids_and_never_a_cookie_or_secret() {
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let secret = "log-test-secret-key-zzz";
    let state = AppState::with_key(secret.as_bytes());
    let app = app(state);
    let r = post_json(
        &app,
        "/sandbox/session/set",
        "key=card&value=VALUE-4111-1111",
        Some("session=COOKIEVALUE123; other=OTHERCOOKIE"),
    )
    .await;
    assert_eq!(r.status, 200);
    let id = r.header("x-request-id").unwrap().to_owned();
    assert_eq!(id.len(), 16);
    let new_cookie = r.session_cookie().unwrap();

    let logs = String::from_utf8(capture.0.lock().unwrap().clone()).unwrap();
    assert!(logs.contains(&id), "the request id is logged: {logs}");
    assert!(logs.contains("/sandbox/session/set"));
    for never in [
        "COOKIEVALUE123",
        "OTHERCOOKIE",
        "VALUE-4111-1111",
        secret,
        &new_cookie,
    ] {
        assert!(!logs.contains(never), "{never} leaked into the logs");
    }
}
