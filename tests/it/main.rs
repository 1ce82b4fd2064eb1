//! Every integration test in one binary: one link, one process to share a Chromium or a
//! Redis. Each module is one concern; `common` holds the harness (a `TestApp` to build a
//! site in memory, the binary and real peers on sockets).

mod common;

mod a11y;
mod browser;
mod classroom;
mod cli;
mod course;
mod demos;
mod examples;
mod fast_path;
mod flask_differential;
mod flask_vectors;
mod fuzz_corpus;
mod glossary;
mod headers;
mod hostile;
mod html_valid;
mod live_reload;
mod logging;
mod login_demos;
mod pages;
mod properties;
mod reliability;
mod rendering_snapshots;
mod sandbox_api;
mod search;
mod server_sessions;
mod startup_checks;
