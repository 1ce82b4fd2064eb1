//! A real Redis for the tests that need one: `redis-server` started on a free loopback port,
//! stopped when dropped. It can be paused (SIGSTOP), resumed, killed and started again on the
//! same port, with its data kept in an append-only file when asked.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub struct Redis {
    child: Child,
    pub port: u16,
    args: Vec<String>,
    dir: PathBuf,
}

impl Redis {
    /// Start one, or `None` (skip) outside CI when `redis-server` is missing.
    pub fn start() -> Option<Redis> {
        Self::start_with(&["--save", "", "--appendonly", "no"])
    }

    /// Start one with extra configuration (`--requirepass x`, `--user …`, persistence).
    pub fn start_with(extra: &[&str]) -> Option<Redis> {
        let found = Command::new("redis-server")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
        if !super::peers::require("redis-server", found, "apt-get install redis-server") {
            return None;
        }
        // redis-server binds the port itself; if another process took it in between, the
        // server exits and another port is tried.
        for _ in 0..5 {
            let port = std::net::TcpListener::bind("127.0.0.1:0")
                .unwrap()
                .local_addr()
                .unwrap()
                .port();
            let dir = std::env::temp_dir()
                .join(format!("cookie-course-redis-{}-{port}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            let mut args: Vec<String> = vec![
                "--port".into(),
                port.to_string(),
                "--bind".into(),
                "127.0.0.1".into(),
                "--dir".into(),
                dir.display().to_string(),
            ];
            args.extend(extra.iter().map(|s| s.to_string()));
            if let Some(child) = spawn(&args, port) {
                return Some(Redis {
                    child,
                    port,
                    args,
                    dir,
                });
            }
        }
        panic!("redis-server did not start on any of five free ports")
    }

    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/0", self.port)
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Freeze the server (SIGSTOP): connections stay open, nothing answers.
    pub fn pause(&self) {
        signal("-STOP", self.pid());
    }

    pub fn resume(&self) {
        signal("-CONT", self.pid());
    }

    /// Kill it outright (SIGKILL), as a crash would.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Start it again on the same port with the same configuration.
    pub fn restart(&mut self) {
        self.kill();
        self.child = spawn(&self.args, self.port).expect("redis-server restarts on its port");
    }
}

/// Start redis-server and wait until it listens; `None` if it exited (its port was taken).
fn spawn(args: &[String], port: u16) -> Option<Child> {
    let mut child = Command::new("redis-server")
        .args(args)
        .stdout(Stdio::null())
        .spawn()
        .expect("start redis-server");
    for _ in 0..400 {
        if child.try_wait().ok().flatten().is_some() {
            return None;
        }
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Some(child);
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("redis-server did not start on port {port}");
}

fn signal(sig: &str, pid: u32) {
    let ok = Command::new("kill")
        .args([sig, &pid.to_string()])
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "kill {sig} {pid}");
}

impl Drop for Redis {
    fn drop(&mut self) {
        signal_quiet("-CONT", self.child.id());
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn signal_quiet(sig: &str, pid: u32) {
    let _ = Command::new("kill")
        .args([sig, &pid.to_string()])
        .stderr(Stdio::null())
        .status();
}
