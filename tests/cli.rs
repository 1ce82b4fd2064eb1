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
