//! The site's own binary, started as an instructor would start it: `--port 0`, the printed
//! URL read back, every line it prints kept for the test to read, killed when dropped.
//! `COOKIE_COURSE_BIN` runs another build instead (to show a test failing on old code).

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

pub struct Running {
    child: Child,
    pub addr: SocketAddr,
    output: Arc<Mutex<String>>,
}

/// The binary under test.
pub fn path() -> String {
    std::env::var("COOKIE_COURSE_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_cookie-course").to_owned())
}

impl Running {
    /// Start with `args` and `env` (plus `--port 0` and an info log), and wait for its URL.
    pub fn start(args: &[&str], env: &[(&str, &str)]) -> Running {
        Self::start_in(args, env, None)
            .unwrap_or_else(|out| panic!("the site did not start:\n{out}"))
    }

    /// The same, in `cwd`; `Err` with everything it printed if it exited before serving.
    pub fn start_in(
        args: &[&str],
        env: &[(&str, &str)],
        cwd: Option<&std::path::Path>,
    ) -> Result<Running, String> {
        let mut cmd = Command::new(path());
        cmd.args(["--port", "0"])
            .args(args)
            .env("RUST_LOG", "info")
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if !env.iter().any(|(k, _)| *k == "SECRET_KEY") {
            cmd.env("SECRET_KEY", "reliability-test-key");
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        if let Some(dir) = cwd {
            cmd.current_dir(dir);
        }
        let mut child = cmd.spawn().expect("start the site's binary");
        let output = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = mpsc::channel();
        for stream in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let output = output.clone();
            let tx = tx.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    if let Some(url) = line.strip_prefix("Serving on http://") {
                        let _ = tx.send(url.trim().to_owned());
                    }
                    let mut out = output.lock().unwrap();
                    out.push_str(&line);
                    out.push('\n');
                }
            });
        }
        drop(tx);
        let addr = match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(a) => a.parse().expect("a socket address"),
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                std::thread::sleep(Duration::from_millis(100));
                return Err(output.lock().unwrap().clone());
            }
        };
        Ok(Running {
            child,
            addr,
            output,
        })
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Everything it printed so far (stdout and stderr).
    pub fn output(&self) -> String {
        self.output.lock().unwrap().clone()
    }

    /// Send SIGTERM, as `systemctl stop` or Ctrl-C would.
    pub fn terminate(&self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
    }

    /// Wait up to `limit` for it to exit.
    pub fn wait_exit(&mut self, limit: Duration) -> Option<ExitStatus> {
        let started = Instant::now();
        while started.elapsed() < limit {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Run the binary to completion (it is expected to refuse to start): its exit status and
/// everything it printed, or `None` if it was still running after `limit`.
pub fn run_to_exit(
    args: &[&str],
    env: &[(&str, &str)],
    limit: Duration,
) -> Option<(ExitStatus, String)> {
    let mut cmd = Command::new(path());
    cmd.args(["--port", "0"])
        .args(args)
        .env("RUST_LOG", "info")
        .env("NO_COLOR", "1")
        .env("SECRET_KEY", "reliability-test-key")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("start the site's binary");
    let started = Instant::now();
    loop {
        if let Ok(Some(_)) = child.try_wait() {
            let out = child.wait_with_output().unwrap();
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            return Some((out.status, text));
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}
