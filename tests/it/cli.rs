//! The binary as a learner starts it: `--port 0` prints the real URL, and the site answers
//! there with a session signed by `SECRET_KEY`.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};

#[test]
fn port_zero_prints_the_real_url_and_serves_there() {
    let dir = std::env::temp_dir().join(format!("cookie-course-cli-{}", std::process::id()));
    let mut child = Command::new(env!("CARGO_BIN_EXE_cookie-course"))
        .args(["--port", "0", "--secret-key-file"])
        .arg(dir.join("key"))
        .env("SECRET_KEY", "cli-test-key")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line.trim().rsplit(' ').next().unwrap().to_owned();
    let addr = url
        .strip_prefix("http://")
        .unwrap_or_else(|| panic!("no URL in {line:?}"));
    assert!(
        addr.starts_with("127.0.0.1:") && !addr.ends_with(":0"),
        "{addr}"
    );

    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "GET /sandbox/state HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    child.kill().unwrap();
    let _ = child.wait();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(
        !dir.join("key").exists(),
        "SECRET_KEY from the environment is not written to disk"
    );
}

#[test]
fn classroom_mode_prints_the_students_address_a_qr_code_and_a_working_instructor_link() {
    let dir = std::env::temp_dir().join(format!("cookie-course-room-{}", std::process::id()));
    let mut child = Command::new(env!("CARGO_BIN_EXE_cookie-course"))
        .args(["--classroom", "--port", "0", "--secret-key-file"])
        .arg(dir.join("key"))
        .env("SECRET_KEY", "cli-test-key")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut printed = String::new();
    while !printed.contains("token=") {
        let mut line = String::new();
        if out.read_line(&mut line).unwrap() == 0 {
            break;
        }
        printed.push_str(&line);
    }
    let serving = printed.lines().next().unwrap();
    assert!(
        serving.starts_with("Serving on http://0.0.0.0:"),
        "{printed}"
    );
    let port = serving.rsplit(':').next().unwrap().trim().to_owned();
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
    let mut stream =
        std::net::TcpStream::connect(("127.0.0.1", port.parse::<u16>().unwrap())).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    child.kill().unwrap();
    let _ = child.wait();
    assert!(response.starts_with("HTTP/1.1 303"), "{response}");
    assert!(response.contains(&format!("classroom_instructor={token}; HttpOnly")));
}
