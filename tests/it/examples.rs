//! Every runnable example a lesson shows is run under real Flask (and Flask-Session with a
//! real Redis for lesson 9) by `tests/examples/check_examples.py`, which asserts what the
//! lessons claim.

use crate::common;

use common::peers::require;
use common::redis::Redis;
use std::process::Command;

#[test]
fn every_example_runs_under_real_flask_and_does_what_its_lesson_says() {
    let ok = Command::new("python3")
        .args(["-c", "import flask, flask_session, redis, flask_sqlalchemy"])
        .status()
        .is_ok_and(|s| s.success());
    if !require(
        "python3 with Flask, Flask-Session, redis, Flask-SQLAlchemy",
        ok,
        "pip install -r tests/requirements.txt",
    ) {
        return;
    }
    let Some(redis) = Redis::start() else { return };
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new("python3")
        .arg("tests/examples/check_examples.py")
        .current_dir(root)
        .env("REDIS_URL", redis.url())
        .output()
        .expect("run the example checker");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "examples failed:\n{stdout}\n{stderr}");
    let last = stdout.lines().last().unwrap_or("");
    assert!(last.ends_with(" passed, 0 failed"), "{last}");
    assert!(
        !stdout.contains("SKIPPED"),
        "every part ran, Redis included:\n{stdout}"
    );
    // Every app a lesson shows was executed, as the checker itself reports.
    let ran: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("ran "))
        .collect();
    let files = example_files();
    assert!(files.len() >= 12, "{files:?}");
    for rel in &files {
        assert!(
            ran.contains(&rel.as_str()),
            "{rel} is shown by a lesson but the checker never ran it; it ran {ran:?}"
        );
    }
}

/// `content/examples/<dir>/<file>.py`, as `dir/file.py`.
fn example_files() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in std::fs::read_dir(root.join("content/examples")).unwrap() {
        let dir = dir.unwrap().path();
        for f in std::fs::read_dir(&dir).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|e| e == "py") {
                files.push(format!(
                    "{}/{}",
                    dir.file_name().unwrap().to_string_lossy(),
                    f.file_name().unwrap().to_string_lossy()
                ));
            }
        }
    }
    files
}
