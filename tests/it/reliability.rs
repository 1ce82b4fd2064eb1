//! Reliability: what a hostile student and a flaky network do to a real class, against the
//! real binary (or the real accept loop) on real sockets, with a real Redis. Each test is
//! bounded in time and talks only to 127.0.0.0/8.
//!
//! `COOKIE_COURSE_BIN=/path/to/old/cookie-course cargo test --test reliability` runs the
//! binary-driven tests against another build (they fail on the code before the fix).

use crate::common;

use common::binary::{Running, run_to_exit};
use common::peers::{Wire, form, http};
use common::redis::Redis;
use serde_json::Value as J;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const JSON: (&str, &str) = ("Accept", "application/json");
const FORM: (&str, &str) = ("Content-Type", "application/x-www-form-urlencoded");

/// A learner's browser: a cookie jar that follows every `Set-Cookie`.
#[derive(Clone, Default)]
struct Browser {
    jar: String,
}

impl Browser {
    fn headers(&self) -> Vec<(&str, &str)> {
        let mut h = vec![JSON, FORM];
        if !self.jar.is_empty() {
            h.push(("Cookie", self.jar.as_str()));
        }
        h
    }

    async fn post(&mut self, addr: SocketAddr, path: &str, body: &str) -> Wire {
        let r = http(addr, "POST", path, &self.headers(), body).await;
        self.jar = common::jar_after(&self.jar, &r.set_cookies());
        r
    }

    async fn get(&mut self, addr: SocketAddr, path: &str) -> Wire {
        let r = http(addr, "GET", path, &self.headers(), "").await;
        self.jar = common::jar_after(&self.jar, &r.set_cookies());
        r
    }

    fn cookie(&self, name: &str) -> Option<String> {
        self.jar.split("; ").find_map(|p| {
            p.split_once('=')
                .filter(|(n, _)| *n == name)
                .map(|(_, v)| v.to_owned())
        })
    }

    /// A learner whose demo session lives in the store and holds `user = name`.
    async fn server_side(addr: SocketAddr, name: &str) -> Browser {
        let mut b = Browser::default();
        let r = b
            .post(
                addr,
                "/sandbox/session/set",
                &form(&[("key", "user"), ("value", name)]),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let r = b.post(addr, "/sandbox/session/store", "mode=server").await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.json()["store"]["record"]["user"], name);
        b
    }
}

fn user_of(doc: &J) -> &J {
    &doc["store"]["record"]["user"]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn abandoned_requests_never_show_one_learner_another_learners_session() {
    let Some(redis) = Redis::start() else { return };
    let site = Running::start(&[], &[("SESSION_REDIS_URL", &redis.url())]);
    let addr = site.addr;
    let mut learners = Vec::new();
    for i in 0..12 {
        learners.push((
            format!("learner-{i}"),
            Browser::server_side(addr, &format!("learner-{i}")).await,
        ));
    }
    let leaver = Browser::server_side(addr, "the-one-who-leaves").await;

    // Browsers that leave mid-request: send a request that reaches Redis, then hang up
    // after a few hundred microseconds, again and again.
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let abandoned = Arc::new(AtomicUsize::new(0));
    let mut leavers = Vec::new();
    for t in 0..3u64 {
        let (stop, abandoned, jar) = (stop.clone(), abandoned.clone(), leaver.jar.clone());
        leavers.push(std::thread::spawn(move || {
            use std::io::Write;
            let mut n = t;
            while !stop.load(Ordering::Relaxed) {
                n = n.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let Ok(mut s) = std::net::TcpStream::connect(addr) else { continue };
                let path = if n % 2 == 0 { "/sandbox/state" } else { "/en/lessons/server-side-sessions" };
                let _ = write!(s, "GET {path} HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\nCookie: {jar}\r\n\r\n");
                std::thread::sleep(Duration::from_micros((n >> 33) % 1500));
                drop(s);
                abandoned.fetch_add(1, Ordering::Relaxed);
            }
        }));
    }

    let crossed = Arc::new(AtomicUsize::new(0));
    let failed = Arc::new(AtomicUsize::new(0));
    let checked = Arc::new(AtomicUsize::new(0));
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut tasks = Vec::new();
    for (name, mut b) in learners.clone() {
        let (crossed, failed, checked) = (crossed.clone(), failed.clone(), checked.clone());
        tasks.push(tokio::spawn(async move {
            let mut n = 0;
            while Instant::now() < deadline {
                n += 1;
                let r = if n % 3 == 0 {
                    b.post(
                        addr,
                        "/sandbox/session/set",
                        &form(&[("key", "n"), ("value", &n.to_string())]),
                    )
                    .await
                } else {
                    b.get(addr, "/sandbox/state").await
                };
                if r.status != 200 {
                    failed.fetch_add(1, Ordering::Relaxed);
                    continue;
                }
                let doc = r.json();
                if user_of(&doc) != name.as_str() {
                    crossed.fetch_add(1, Ordering::Relaxed);
                    eprintln!("{name} saw {}", doc["store"]["record"]);
                }
                checked.fetch_add(1, Ordering::Relaxed);
            }
            b
        }));
    }
    let mut finished = Vec::new();
    for t in tasks {
        finished.push(t.await.unwrap());
    }
    stop.store(true, Ordering::Relaxed);
    for l in leavers {
        l.join().unwrap();
    }
    let (abandoned, checked) = (
        abandoned.load(Ordering::Relaxed),
        checked.load(Ordering::Relaxed),
    );
    eprintln!("{abandoned} abandoned requests, {checked} checked answers");
    assert!(
        abandoned > 200,
        "the test abandoned too few requests ({abandoned}) to mean anything"
    );
    assert_eq!(
        crossed.load(Ordering::Relaxed),
        0,
        "a learner saw another learner's session"
    );
    assert_eq!(
        failed.load(Ordering::Relaxed),
        0,
        "a healthy Redis never gives a learner an error"
    );
    // And the store itself holds each learner's own data under their own id.
    for ((name, _), mut b) in learners.iter().zip(finished) {
        let doc = b.get(addr, "/sandbox/state").await.json();
        assert_eq!(user_of(&doc), name.as_str());
    }
}

/// The learner's session id, as the cookie carries it.
fn sid(b: &Browser) -> String {
    b.cookie("session").expect("a session cookie")
}

#[tokio::test]
async fn a_stalled_redis_costs_a_bounded_wait_and_a_localized_503_that_changes_nothing() {
    let Some(redis) = Redis::start() else { return };
    let site = Running::start(&[], &[("SESSION_REDIS_URL", &redis.url())]);
    let addr = site.addr;
    let mut ada = Browser::server_side(addr, "ada").await;
    let before = sid(&ada);

    redis.pause();
    let started = Instant::now();
    let r = ada.get(addr, "/sandbox/state").await;
    let waited = started.elapsed();
    assert_eq!(r.status, 503, "{}", r.body);
    assert!(
        waited < Duration::from_secs(4),
        "waited {waited:?} for a stalled Redis"
    );
    assert!(
        r.set_cookies().is_empty(),
        "no cookie changes: {:?}",
        r.set_cookies()
    );
    assert!(
        r.json()["error"]
            .as_str()
            .unwrap()
            .contains("session id is kept")
    );
    // A browser gets a page in its language, with the security headers.
    let page = http(
        addr,
        "GET",
        "/uk/lessons/server-side-sessions",
        &[("Accept", "text/html"), ("Cookie", &ada.jar)],
        "",
    )
    .await;
    assert_eq!(page.status, 503);
    assert!(
        page.body.contains("Сховище сесій не відповідає"),
        "{}",
        page.body
    );
    assert!(
        page.all("content-security-policy").len() == 1 && page.all("x-frame-options") == ["DENY"]
    );
    // A write is refused the same way and writes nothing.
    let r = ada
        .post(
            addr,
            "/sandbox/session/set",
            &form(&[("key", "user"), ("value", "mallory")]),
        )
        .await;
    assert_eq!(r.status, 503);
    assert!(started.elapsed() < Duration::from_secs(12));

    redis.resume();
    let r = ada.get(addr, "/sandbox/state").await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(user_of(&r.json()), "ada", "the data survived the stall");
    assert_eq!(sid(&ada), before, "the learner kept their session id");
}

#[tokio::test]
async fn redis_killed_and_restarted_loses_nobody_and_the_site_recovers_by_itself() {
    let Some(mut redis) = Redis::start_with(&[
        "--save",
        "",
        "--appendonly",
        "yes",
        "--appendfsync",
        "always",
    ]) else {
        return;
    };
    let site = Running::start(&[], &[("SESSION_REDIS_URL", &redis.url())]);
    let addr = site.addr;
    let mut class = Vec::new();
    for i in 0..10 {
        let b = Browser::server_side(addr, &format!("learner-{i}")).await;
        class.push((format!("learner-{i}"), sid(&b), b));
    }

    redis.kill();
    for (_, id, b) in &mut class {
        let started = Instant::now();
        let r = b.get(addr, "/sandbox/state").await;
        assert_eq!(r.status, 503, "{}", r.body);
        assert!(started.elapsed() < Duration::from_secs(4));
        assert_eq!(&sid(b), id, "a failed read never replaces the session id");
    }

    redis.restart();
    for (name, id, b) in &mut class {
        let started = Instant::now();
        let doc = loop {
            let r = b.get(addr, "/sandbox/state").await;
            match r.status {
                200 => break r.json(),
                503 if started.elapsed() < Duration::from_secs(10) => {
                    tokio::time::sleep(Duration::from_millis(200)).await
                }
                s => panic!("{s} after Redis came back: {}", r.body),
            }
        };
        assert_eq!(user_of(&doc), name.as_str(), "{name} kept their data");
        assert_eq!(&sid(b), id, "{name} kept their session id");
    }
}

#[tokio::test]
async fn redis_credentials_and_acl_users_come_from_the_url_and_no_password_is_ever_printed() {
    let Some(redis) = Redis::start_with(&[
        "--save",
        "",
        "--appendonly",
        "no",
        "--requirepass",
        "room-pass-1",
        "--user",
        "teacher",
        "on",
        ">teach-pass-2",
        "~session:*",
        "+@all",
    ]) else {
        return;
    };
    let port = redis.port;
    for url in [
        format!("redis://:room-pass-1@127.0.0.1:{port}/0"),
        format!("redis://teacher:teach-pass-2@127.0.0.1:{port}/0"),
    ] {
        let site = Running::start(&[], &[("SESSION_REDIS_URL", &url)]);
        let b = Browser::server_side(site.addr, "ada").await;
        assert!(b.cookie("session").is_some());
        let out = site.output();
        assert!(!out.contains("pass-1") && !out.contains("pass-2"), "{out}");
        assert!(out.contains("redis"), "the log names the store: {out}");
    }
    for (url, why) in [
        (
            format!("redis://:wrong-pass-3@127.0.0.1:{port}/0"),
            "a wrong password",
        ),
        (
            format!("redis://teacher:wrong-pass-3@127.0.0.1:{port}/0"),
            "a wrong ACL password",
        ),
        (format!("redis://127.0.0.1:{port}/0"), "no password"),
        (
            "memcached://:wrong-pass-3@127.0.0.1/0".to_owned(),
            "an unsupported URL",
        ),
        (
            "redis://:wrong-pass-3@127.0.0.1:1/0".to_owned(),
            "nothing listening",
        ),
    ] {
        let (status, out) =
            run_to_exit(&[], &[("SESSION_REDIS_URL", &url)], Duration::from_secs(20))
                .unwrap_or_else(|| {
                    panic!("{why}: the site kept running instead of refusing to start")
                });
        assert!(!status.success(), "{why}: started anyway: {out}");
        assert!(
            out.contains("Redis") || out.contains("SESSION_REDIS_URL"),
            "{why}: {out}"
        );
        assert!(
            !out.contains("wrong-pass-3"),
            "{why}: the password was printed: {out}"
        );
    }
}

#[tokio::test]
async fn a_redis_unix_socket_works_too() {
    let sock =
        std::env::temp_dir().join(format!("cookie-course-redis-{}.sock", std::process::id()));
    let sock_s = sock.display().to_string();
    let Some(_redis) = Redis::start_with(&[
        "--save",
        "",
        "--appendonly",
        "no",
        "--unixsocket",
        &sock_s,
        "--unixsocketperm",
        "700",
    ]) else {
        return;
    };
    let site = Running::start(
        &[],
        &[("SESSION_REDIS_URL", &format!("redis+unix://{sock_s}?db=0"))],
    );
    let b = Browser::server_side(site.addr, "ada").await;
    assert!(b.cookie("session").is_some());
}

/// Read from `stream` until it closes or `limit` passes: what arrived, and whether it closed.
async fn read_until_closed(stream: &mut tokio::net::TcpStream, limit: Duration) -> (String, bool) {
    use tokio::io::AsyncReadExt;
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    let closed = tokio::time::timeout(limit, async {
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await
    .is_ok();
    (String::from_utf8_lossy(&got).into_owned(), closed)
}

async fn connect(addr: SocketAddr) -> tokio::net::TcpStream {
    tokio::net::TcpStream::connect(addr).await.unwrap()
}

/// A connection from another loopback address (another learner's machine, as the server
/// sees it).
async fn connect_from(from: &str, addr: SocketAddr) -> tokio::net::TcpStream {
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind(format!("{from}:0").parse().unwrap()).unwrap();
    socket.connect(addr).await.unwrap()
}

#[tokio::test]
async fn a_half_sent_request_and_an_idle_connection_are_closed_after_the_header_timeout() {
    use tokio::io::AsyncWriteExt;
    let site = Running::start(&["--header-timeout", "1"], &[]);
    let mut slow = connect(site.addr).await;
    slow.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let started = Instant::now();
    let (_, closed) = read_until_closed(&mut slow, Duration::from_secs(5)).await;
    assert!(closed, "a half-sent request holds its connection for good");
    assert!(started.elapsed() >= Duration::from_millis(800));

    let mut idle = connect(site.addr).await;
    idle.write_all(b"GET /sandbox/state HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let started = Instant::now();
    let (got, closed) = read_until_closed(&mut idle, Duration::from_secs(5)).await;
    assert!(got.starts_with("HTTP/1.1 200"), "{got}");
    assert!(closed, "an idle keep-alive connection stays open for good");
    assert!(started.elapsed() < Duration::from_secs(4));
}

#[tokio::test]
async fn connections_over_the_cap_get_a_503_that_names_the_limit() {
    use tokio::io::AsyncWriteExt;
    let site = Running::start(&["--max-connections", "4", "--header-timeout", "30"], &[]);
    // Four keep-alive connections, each proven accepted by an answer, then left idle.
    let mut held = Vec::new();
    for _ in 0..4 {
        use tokio::io::AsyncReadExt;
        let mut s = connect(site.addr).await;
        s.write_all(b"GET /sandbox/state HTTP/1.1\r\nHost: x\r\n\r\n")
            .await
            .unwrap();
        let mut buf = [0u8; 64];
        let n = tokio::time::timeout(Duration::from_secs(10), s.read(&mut buf))
            .await
            .expect("an answer")
            .unwrap();
        assert!(buf[..n].starts_with(b"HTTP/1.1 200"));
        held.push(s);
    }
    let mut one_more = connect(site.addr).await;
    let (got, closed) = read_until_closed(&mut one_more, Duration::from_secs(5)).await;
    assert!(closed);
    assert!(got.starts_with("HTTP/1.1 503"), "{got:?}");
    assert!(got.contains("--max-connections"), "{got}");
    // A freed slot serves again.
    drop(held.pop());
    let started = Instant::now();
    loop {
        let r = http(site.addr, "GET", "/sandbox/state", &[], "").await;
        if r.status == 200 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "the freed slot was never reused"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Open `/classroom/events?follow=1` and read its status line.
async fn follow(mut stream: tokio::net::TcpStream) -> (u16, String, tokio::net::TcpStream) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    stream
        .write_all(b"GET /classroom/events?follow=1 HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
        .await
        .unwrap();
    let mut buf = vec![0u8; 4096];
    let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buf))
        .await
        .expect("the stream answered")
        .unwrap();
    let text = String::from_utf8_lossy(&buf[..n]).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, text, stream)
}

#[tokio::test]
async fn follower_streams_are_capped_per_address_and_in_total() {
    let site = Running::start(
        &[
            "--classroom",
            "--host",
            "127.0.0.1",
            "--max-streams",
            "3",
            "--max-streams-per-client",
            "2",
        ],
        &[],
    );
    let addr = site.addr;
    let (a, _, _a1) = follow(connect(addr).await).await;
    let (b, _, _a2) = follow(connect(addr).await).await;
    assert_eq!((a, b), (200, 200));
    let (c, text, _) = follow(connect(addr).await).await;
    assert_eq!(c, 503, "{text}");
    assert!(text.contains("per address"), "{text}");
    let (d, _, _b1) = follow(connect_from("127.0.0.2", addr).await).await;
    assert_eq!(d, 200, "another learner still gets in");
    let (e, text, _) = follow(connect_from("127.0.0.3", addr).await).await;
    assert_eq!(e, 503, "{text}");
    assert!(text.contains("--max-streams"), "{text}");
}

#[tokio::test]
async fn shutdown_finishes_within_its_grace_period_whatever_is_still_open() {
    use tokio::io::AsyncWriteExt;
    let Some(redis) = Redis::start() else { return };
    let mut site = Running::start(
        &[
            "--classroom",
            "--host",
            "127.0.0.1",
            "--shutdown-grace",
            "1",
        ],
        &[("SESSION_REDIS_URL", &redis.url())],
    );
    let addr = site.addr;
    let ada = Browser::server_side(addr, "ada").await;
    // A half-sent request, a follower stream, and a request stuck on a stalled Redis.
    let mut half = connect(addr).await;
    half.write_all(
        b"POST /sandbox/session/set HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nkey=",
    )
    .await
    .unwrap();
    let (_, _, _stream) = follow(connect(addr).await).await;
    redis.pause();
    let jar = ada.jar.clone();
    let stuck = tokio::spawn(async move {
        let mut s = connect(addr).await;
        s.write_all(
            format!("GET /sandbox/state HTTP/1.1\r\nHost: x\r\nCookie: {jar}\r\n\r\n").as_bytes(),
        )
        .await
        .unwrap();
        read_until_closed(&mut s, Duration::from_secs(10)).await
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    let started = Instant::now();
    site.terminate();
    let status = tokio::task::spawn_blocking(move || {
        let status = site.wait_exit(Duration::from_secs(6));
        (status, site)
    })
    .await
    .unwrap();
    let took = started.elapsed();
    redis.resume();
    assert!(
        status.0.is_some(),
        "the server was still running {took:?} after SIGTERM:\n{}",
        status.1.output()
    );
    assert!(took < Duration::from_secs(4), "shutdown took {took:?}");
    let _ = stuck.await;
}

#[test]
fn the_open_file_limit_is_raised_to_what_the_system_allows() {
    let site = Running::start(&[], &[]);
    let limits = std::fs::read_to_string(format!("/proc/{}/limits", site.pid())).unwrap();
    let line = limits
        .lines()
        .find(|l| l.starts_with("Max open files"))
        .unwrap();
    let nums: Vec<&str> = line.split_whitespace().skip(3).take(2).collect();
    assert_eq!(
        nums[0], nums[1],
        "soft limit raised to the hard limit: {line}"
    );
    assert!(site.output().contains("open_files"), "{}", site.output());
}

#[test]
fn the_secret_key_file_does_not_depend_on_the_directory_the_site_starts_from() {
    let root = std::env::temp_dir().join(format!("cookie-course-keyhome-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let (home, a, b) = (root.join("home"), root.join("a"), root.join("b"));
    for d in [&home, &a, &b] {
        std::fs::create_dir_all(d).unwrap();
    }
    let env = [
        ("SECRET_KEY", ""),
        ("HOME", home.to_str().unwrap()),
        ("XDG_STATE_HOME", ""),
    ];
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let first = Running::start_in(&[], &env, Some(&a)).unwrap();
    let expected = home.join(".local/state/cookie-course/secret-key");
    assert!(expected.exists(), "key kept at {}", expected.display());
    assert!(
        first.output().contains(&expected.display().to_string()),
        "the log names the absolute path: {}",
        first.output()
    );
    let mut learner = Browser::default();
    rt.block_on(learner.post(first.addr, "/sandbox/session/set", "key=user&value=ada"));
    drop(first);

    let second = Running::start_in(&[], &env, Some(&b)).unwrap();
    let doc = rt
        .block_on(learner.get(second.addr, "/sandbox/state"))
        .json();
    assert_eq!(
        doc["session"]["valid"], true,
        "started elsewhere, the same key: {doc}"
    );
    assert_eq!(doc["session"]["data"]["user"], "ada");
    let _ = std::fs::remove_dir_all(&root);
}

// In memory (`oneshot`): the same router, with the peer address a real connection would give.

mod in_memory {
    use super::common;
    use axum::body::Body;
    use axum::extract::ConnectInfo;
    use axum::http::{Request, StatusCode, header};
    use common::mem::{Resp, get, post, send};
    use cookie_course::AppState;
    use cookie_course::store::Store;
    use std::net::SocketAddr;

    const KEY: &[u8] = b"reliability key";

    async fn post_from(
        app: &axum::Router,
        from: &str,
        path: &str,
        body: &str,
        cookie: &str,
    ) -> Resp {
        let peer: SocketAddr = format!("{from}:50000").parse().unwrap();
        let mut req = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json");
        if !cookie.is_empty() {
            req = req.header(header::COOKIE, cookie);
        }
        let mut req = req.body(Body::from(body.to_owned())).unwrap();
        req.extensions_mut().insert(ConnectInfo(peer));
        send(app, req).await
    }

    #[tokio::test]
    async fn a_client_that_creates_server_side_records_in_a_loop_is_slowed_and_others_are_not() {
        let state = AppState::with_key(KEY);
        let app = cookie_course::app(state.clone());
        // A cookie session with data: each move to the store creates a new record.
        let set = post_from(
            &app,
            "10.0.0.7",
            "/sandbox/session/set",
            "key=cart&value=tea",
            "",
        )
        .await;
        let jar = format!("session={}", set.session_cookie().unwrap());
        let mut created = 0;
        let refused = loop {
            let r = post_from(
                &app,
                "10.0.0.7",
                "/sandbox/session/store",
                "mode=server",
                &jar,
            )
            .await;
            if r.status != StatusCode::OK {
                break r;
            }
            created += 1;
            assert!(created <= 20, "no limit after {created} records");
        };
        assert_eq!(created, 20, "the burst is 20");
        assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
        let retry: u64 = refused.header("retry-after").unwrap().parse().unwrap();
        assert!((1..=2).contains(&retry), "{retry}");
        assert!(
            refused.json()["error"]
                .as_str()
                .unwrap()
                .contains("30 a minute")
        );
        assert!(refused.set_cookies().is_empty(), "nothing changes");
        assert_eq!(refused.header("x-frame-options"), Some("DENY"));
        let Store::Embedded(store) = &state.store else {
            unreachable!()
        };
        assert_eq!(
            store.len(),
            20,
            "no record was written for the refused request"
        );
        // Another learner in the same room is not affected.
        let other = post_from(
            &app,
            "10.0.0.8",
            "/sandbox/session/store",
            "mode=server",
            &jar,
        )
        .await;
        assert_eq!(other.status, StatusCode::OK);
        // A learner already in the store is never slowed: using a record is not creating one.
        let theirs = common::jar_after(&jar, &other.set_cookies());
        for _ in 0..5 {
            let r = post_from(
                &app,
                "10.0.0.7",
                "/sandbox/session/set",
                "key=n&value=1",
                &theirs,
            )
            .await;
            assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        }
    }

    #[tokio::test]
    async fn the_panel_says_when_a_server_side_record_expired_or_vanished_with_a_restart() {
        let state = AppState::with_key(KEY);
        let app = cookie_course::app(state.clone());
        let set = post(
            &app,
            "/sandbox/session/set",
            "key=cart&value=tea",
            None,
            "application/json",
        )
        .await;
        let jar = format!("session={}", set.session_cookie().unwrap());
        let moved = post(
            &app,
            "/sandbox/session/store",
            "mode=server",
            Some(&jar),
            "application/json",
        )
        .await;
        let jar = common::jar_after(&jar, &moved.set_cookies());
        let doc = get(&app, "/sandbox/state?lang=en", Some(&jar)).await.json();
        assert_eq!(doc["store"]["lost"], serde_json::Value::Null);
        assert_eq!(doc["store"]["record"]["cart"], "tea");

        // The server restarts: a new state, a new (empty) embedded store, the same key.
        let restarted = AppState::with_key(KEY);
        let app2 = cookie_course::app(restarted);
        let doc = get(&app2, "/sandbox/state?lang=ru", Some(&jar))
            .await
            .json();
        assert_eq!(doc["store"]["lost"], "unknown");
        let text = doc["session"]["reason_text"].as_str().unwrap();
        assert!(text.contains("перезапустилось"), "{text}");
        let page = get(&app2, "/en/lessons/server-side-sessions", Some(&jar)).await;
        assert!(
            page.body.contains("the store restarted"),
            "the no-JS panel says it too"
        );

        // The record's lifetime runs out.
        state.clock.advance(31.0 * 24.0 * 3600.0 + 5.0);
        let doc = get(&app, "/sandbox/state?lang=en", Some(&jar)).await.json();
        assert_eq!(doc["store"]["lost"], "expired", "{doc}");
        assert!(
            doc["session"]["reason_text"]
                .as_str()
                .unwrap()
                .contains("time to live ran out")
        );
    }

    #[tokio::test]
    async fn sent_headers_are_shown_only_to_the_browser_that_made_them() {
        let state = AppState::with_key(KEY);
        let app = cookie_course::app(state.clone());
        let lesson = get(&app, "/en/lessons/session-basics", None).await;
        let jar = common::jar_after("", &lesson.set_cookies());
        let r = post(
            &app,
            "/sandbox/session/set",
            "key=user&value=ada&next=%2Fen%2Flessons%2Fsession-basics",
            Some(&jar),
            "text/html",
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let location = r.header("location").unwrap().to_owned();
        assert!(location.contains("sent="), "{location}");
        let session = r.session_cookie().unwrap();
        let mine = common::jar_after(&jar, &r.set_cookies());
        let own = get(&app, &location, Some(&mine)).await;
        assert!(
            own.body.contains(&format!("Set-Cookie: session={session}")),
            "the learner sees their headers"
        );
        // Anyone else who reads the address off the projector sees nothing of it.
        for other in [
            None,
            Some("progress=someone-else"),
            Some("session=another.cookie.value"),
        ] {
            let page = get(&app, &location, other).await;
            assert_eq!(page.status, StatusCode::OK);
            assert!(
                !page.body.contains(&session),
                "{other:?} saw the learner's session cookie"
            );
        }
    }

    #[tokio::test]
    async fn the_decoder_refuses_an_endless_key_list_naming_the_field() {
        let app = cookie_course::app(AppState::with_key(KEY));
        let keys: Vec<String> = (0..7000).map(|i| format!("k{i}")).collect();
        let body = format!("cookie=a.b.c&keys={}", keys.join("%0A"));
        let r = post(&app, "/en/decoder", &body, None, "application/json").await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        assert_eq!(r.json()["field"], "keys");
        let body: String = std::iter::once("cookie=a.b.c".to_owned())
            .chain((0..33).map(|i| format!("key=k{i}")))
            .collect::<Vec<_>>()
            .join("&");
        let r = post(&app, "/api/decode", &body, None, "application/json").await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        assert_eq!(r.json()["field"], "key");
        let ok: String = std::iter::once("cookie=a.b.c".to_owned())
            .chain((0..32).map(|i| format!("key=k{i}")))
            .collect::<Vec<_>>()
            .join("&");
        assert_eq!(
            post(&app, "/api/decode", &ok, None, "application/json")
                .await
                .status,
            StatusCode::OK
        );
    }

    const TOKEN: &str = "5e1f0a2b3c4d5e6f708192a3b4c5d6e7";

    #[tokio::test]
    async fn a_student_who_reads_everything_the_projector_and_their_browser_show_cannot_move_the_room()
     {
        let state = common::app::TestApp::new(KEY).classroom(TOKEN).state();
        let app = cookie_course::app(state.clone());
        let instructor = format!("classroom_instructor={TOKEN}; theme=dark; progress=x");
        // Everything the instructor's browser and the projector show.
        let mut seen = String::new();
        for path in [
            "/sandbox/state",
            "/sandbox/state?lang=en",
            "/en/present",
            "/en/present/cookies?section=setting-a-cookie",
            "/en/present/cookies/notes",
            "/en/lessons/cookies",
            "/en/",
            "/en/decoder",
        ] {
            let r = get(&app, path, Some(&instructor)).await;
            assert_eq!(r.status, StatusCode::OK, "{path}");
            seen.push_str(&r.body);
            for (_, v) in r.headers.iter() {
                seen.push_str(&String::from_utf8_lossy(v.as_bytes()));
            }
        }
        let doc = get(&app, "/sandbox/state", Some(&instructor)).await.json();
        assert_eq!(
            doc["cookie_header"], "theme=dark; progress=x",
            "the Cookie header shown leaves the token out"
        );
        assert!(doc["cookies"].get("classroom_instructor").is_none());
        assert!(!seen.contains(TOKEN), "the token was shown somewhere");

        // The student tries every sandbox way to plant or remove the site's own cookies.
        let before = state.classroom.as_ref().unwrap().position();
        for name in ["classroom_instructor", "progress", "site_theme"] {
            for path in ["/sandbox/cookies/set", "/sandbox/cookies/delete"] {
                let body = format!("name={name}&value={TOKEN}&path=%2Fen");
                let r = post(&app, path, &body, None, "application/json").await;
                assert_eq!(r.status, StatusCode::BAD_REQUEST, "{path} {name}");
                assert_eq!(r.json()["field"], "name");
                assert!(r.set_cookies().is_empty());
            }
        }
        // And with a guessed token stored in their own session: still nothing.
        let r = get(
            &app,
            "/en/present/cookies?section=reading-cookies",
            Some("session=x"),
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert_eq!(
            state.classroom.as_ref().unwrap().position(),
            before,
            "the room did not move"
        );
    }
}

#[tokio::test]
async fn rediss_verifies_the_server_against_the_given_ca() {
    let dir = std::env::temp_dir().join(format!("cookie-course-tls-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let d = |f: &str| dir.join(f).display().to_string();
    let openssl = |args: &[&str]| {
        let ok = std::process::Command::new("openssl")
            .args(args)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "openssl {args:?}");
    };
    // A private CA, and a certificate for `localhost` that it signs.
    openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=Course test CA",
        "-keyout",
        &d("ca.key"),
        "-out",
        &d("ca.pem"),
    ]);
    openssl(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=localhost",
        "-keyout",
        &d("server.key"),
        "-out",
        &d("server.csr"),
    ]);
    std::fs::write(dir.join("ext"), "subjectAltName=DNS:localhost\n").unwrap();
    openssl(&[
        "x509",
        "-req",
        "-in",
        &d("server.csr"),
        "-CA",
        &d("ca.pem"),
        "-CAkey",
        &d("ca.key"),
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        &d("ext"),
        "-out",
        &d("server.pem"),
    ]);
    let tls_port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
        .to_string();
    let Some(_redis) = Redis::start_with(&[
        "--save",
        "",
        "--appendonly",
        "no",
        "--tls-port",
        &tls_port,
        "--tls-cert-file",
        &d("server.pem"),
        "--tls-key-file",
        &d("server.key"),
        "--tls-ca-cert-file",
        &d("ca.pem"),
        "--tls-auth-clients",
        "no",
    ]) else {
        return;
    };
    let url = format!("rediss://localhost:{tls_port}/0");
    let site = Running::start(
        &[],
        &[
            ("SESSION_REDIS_URL", &url),
            ("SESSION_REDIS_CA_FILE", &d("ca.pem")),
        ],
    );
    let b = Browser::server_side(site.addr, "ada").await;
    assert!(b.cookie("session").is_some());
    // Without the CA the certificate is not trusted, and the site says so at start-up.
    let (status, out) = run_to_exit(&[], &[("SESSION_REDIS_URL", &url)], Duration::from_secs(20))
        .expect("refuses to start");
    assert!(!status.success() && out.contains("Redis"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}
