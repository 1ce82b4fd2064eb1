//! Every request gets an id, logged and sent back; the logs never carry a cookie value, a
//! form value or the secret key. Checked on the binary's own output: a logger is global to
//! a process, so the test reads the one a real server writes.

use crate::common;

use common::binary::Running;
use common::peers::http;

#[tokio::test]
async fn logs_carry_request_ids_and_never_a_cookie_or_secret() {
    let secret = "log-test-secret-key-zzz";
    let site = Running::start(
        &[],
        &[
            ("SECRET_KEY", secret),
            ("RUST_LOG", "cookie_course=debug,tower_http=debug"),
        ],
    );
    let r = http(
        site.addr,
        "POST",
        "/sandbox/session/set",
        &[
            ("Accept", "application/json"),
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Cookie", "session=COOKIEVALUE123; other=OTHERCOOKIE"),
        ],
        "key=card&value=VALUE-4111-1111",
    )
    .await;
    assert_eq!(r.status, 200);
    let id = r.all("x-request-id")[0].to_owned();
    assert_eq!(id.len(), 16);
    let new_cookie = r.session_cookie().unwrap();

    let mut logs = site.output();
    for _ in 0..100 {
        if logs.contains(&id) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        logs = site.output();
    }
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
