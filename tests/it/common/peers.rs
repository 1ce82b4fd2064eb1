//! Real components the tests talk to: the site on a real socket, and real Flask in a
//! python3 subprocess. A missing component fails the test in CI and is skipped, loudly,
//! elsewhere.

use serde_json::Value as J;
use std::io::{BufRead, BufReader, Write};
use std::net::SocketAddr;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

/// `true` when the component is present; otherwise panics under CI, or prints why the
/// test is skipped.
pub fn require(component: &str, present: bool, install: &str) -> bool {
    if present {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!("{component} is required in CI but missing: {install}");
    }
    // Straight to the terminal: the test harness captures `eprintln!` of a passing test, and
    // a skip must not look like a pass.
    use std::io::Write as _;
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED (not in CI): {component} is not available here ({install}); CI runs this test"
    );
    false
}

/// Real Flask, one JSON command per line.
pub struct FlaskPeer {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl FlaskPeer {
    /// Start `tests/flask_peer.py`, or `None` (skip) where python3 with Flask is missing.
    pub fn start() -> Option<Self> {
        let has_flask = Command::new("python3")
            .args(["-c", "import flask"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !require("python3 with Flask", has_flask, "pip install flask") {
            return None;
        }
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/flask_peer.py");
        let mut child = Command::new("python3")
            .arg(script)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("start the Flask peer");
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        Some(FlaskPeer {
            child,
            stdin,
            stdout,
        })
    }

    pub fn call(&mut self, cmd: J) -> J {
        writeln!(self.stdin, "{cmd}").unwrap();
        self.stdin.flush().unwrap();
        let mut line = String::new();
        // A peer that stops answering fails the test instead of hanging it: the read is
        // bounded by killing the child after 60 s.
        let pid = self.child.id();
        let (done, wait) = std::sync::mpsc::channel::<()>();
        let watchdog = std::thread::spawn(move || {
            if wait
                .recv_timeout(std::time::Duration::from_secs(60))
                .is_err()
            {
                let _ = Command::new("kill")
                    .args(["-KILL", &pid.to_string()])
                    .status();
            }
        });
        let read = self.stdout.read_line(&mut line);
        let _ = done.send(());
        let _ = watchdog.join();
        read.unwrap();
        assert!(!line.is_empty(), "the Flask peer stopped answering {cmd}");
        let answer: J =
            serde_json::from_str(&line).unwrap_or_else(|e| panic!("peer said {line:?}: {e}"));
        assert!(
            answer.get("error").is_none(),
            "Flask peer failed on {cmd}: {answer}"
        );
        answer
    }
}

impl Drop for FlaskPeer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The site, serving on an ephemeral loopback port in this process.
pub async fn serve(state: cookie_course::AppState) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(cookie_course::web::server::serve(
        listener,
        state,
        std::future::pending(),
    ));
    addr
}

/// A response read off the wire.
#[derive(Debug)]
pub struct Wire {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Wire {
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// Every `Set-Cookie` value of the response.
    pub fn set_cookies(&self) -> Vec<String> {
        self.all("set-cookie")
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    pub fn json(&self) -> J {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// The value of the `session` cookie this response set, if any.
    pub fn session_cookie(&self) -> Option<String> {
        self.all("set-cookie").into_iter().find_map(|h| {
            h.strip_prefix("session=")
                .map(|rest| rest.split(';').next().unwrap().to_owned())
        })
    }
}

/// A minimal HTTP/1.1 exchange over a real socket (`Connection: close`).
pub async fn http(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Wire {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    req.push_str(body);
    stream.write_all(req.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    // Never wait forever on a server that stopped answering: fail with what was read.
    tokio::time::timeout(
        std::time::Duration::from_secs(30),
        stream.read_to_end(&mut raw),
    )
    .await
    .unwrap_or_else(|_| panic!("no answer within 30 s to {method} {path}"))
    .unwrap();
    let text = String::from_utf8_lossy(&raw);
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(": "))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect::<Vec<_>>();
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    let body = if chunked {
        dechunk(body)
    } else {
        body.to_owned()
    };
    Wire {
        status,
        headers,
        body,
    }
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        s = &rest[n + 2..];
    }
    out
}

/// `application/x-www-form-urlencoded` from pairs.
pub fn form(pairs: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}
