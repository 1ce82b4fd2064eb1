//! The binary as a learner or an instructor starts it: `--port 0` prints the real URL, the
//! site answers there with a session signed by `SECRET_KEY`, and classroom mode prints the
//! students' address, a QR code and a working instructor link. The child is killed when a
//! test ends, whether it passes or not.

use crate::common;

use common::binary::Running;
use common::peers::http;
use cookie_course::session::{Keys, Value, loads};

#[tokio::test]
async fn port_zero_prints_the_real_url_and_serves_a_session_signed_with_the_secret_key() {
    let dir = std::env::temp_dir().join(format!("cookie-course-cli-{}", std::process::id()));
    let key_file = dir.join("key");
    let site = Running::start(
        &["--secret-key-file", key_file.to_str().unwrap()],
        &[("SECRET_KEY", "cli-test-key")],
    );
    assert!(
        site.addr.ip().is_loopback() && site.addr.port() != 0,
        "{}",
        site.addr
    );
    let r = http(
        site.addr,
        "POST",
        "/sandbox/session/set",
        &[
            ("Accept", "application/json"),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ],
        "key=user&value=ada",
    )
    .await;
    assert_eq!(r.status, 200);
    let cookie = r.session_cookie().expect("a session cookie");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let session = loads(&cookie, &Keys::new(b"cli-test-key", &[]), now, None)
        .expect("signed with SECRET_KEY");
    assert_eq!(session.get("user"), Some(&Value::Str("ada".into())));
    assert!(
        loads(&cookie, &Keys::new(b"another key", &[]), now, None).is_err(),
        "and with nothing else"
    );
    assert!(
        !key_file.exists(),
        "SECRET_KEY from the environment is not written to disk"
    );
}

#[tokio::test]
async fn classroom_mode_prints_the_students_address_a_qr_code_and_a_working_instructor_link() {
    let site = Running::start(&["--classroom"], &[]);
    let mut printed = site.output();
    for _ in 0..200 {
        if printed.contains("token=") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
        printed = site.output();
    }
    let serving = printed
        .lines()
        .find(|l| l.starts_with("Serving on "))
        .unwrap_or_else(|| panic!("{printed}"));
    assert!(
        serving.starts_with("Serving on http://0.0.0.0:"),
        "{printed}"
    );
    let port = site.addr.port();
    let join = printed
        .lines()
        .find_map(|l| l.strip_prefix("Classroom: students open "))
        .unwrap_or_else(|| panic!("no student address in {printed}"));
    assert!(
        join.starts_with("http://") && join.ends_with(&format!(":{port}/join")),
        "{join}"
    );
    // The QR code: rows of half blocks between the address and the instructor line.
    let qr_rows = printed.lines().filter(|l| l.starts_with("████")).count();
    assert!(qr_rows > 10, "{printed}");
    let link = printed
        .lines()
        .find_map(|l| l.split("): ").nth(1).filter(|u| u.contains("token=")))
        .unwrap();
    let token = link.rsplit("token=").next().unwrap();
    assert!(
        token.len() == 32 && token.chars().all(|c| c.is_ascii_hexdigit()),
        "{token}"
    );
    // The link works against the running server (over loopback: it listens everywhere).
    let path = &link[link.find("/classroom/").unwrap()..];
    let loopback = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    let r = http(loopback, "GET", path, &[], "").await;
    assert_eq!(r.status, 303);
    assert!(
        r.set_cookies()
            .iter()
            .any(|c| c.starts_with(&format!("classroom_instructor={token}"))
                && c.contains("HttpOnly")),
        "{:?}",
        r.set_cookies()
    );
}
