//! Command-line flags and environment variables (`docs/` and the README list them).

pub mod secret;

use crate::web::limits::Limits;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::time::Duration;

/// An interactive course on cookies and Flask sessions.
#[derive(Debug, Clone, Parser)]
#[command(version, about)]
pub struct Config {
    /// Address to bind [default: 127.0.0.1, or 0.0.0.0 with --classroom].
    #[arg(long, env = "HOST")]
    pub host: Option<String>,

    /// Port to bind; 0 picks a free one (the printed URL carries the real port).
    #[arg(long, env = "PORT", default_value_t = 3000)]
    pub port: u16,

    /// Serve lessons and locales from this folder (`DIR/content/<lang>/…`,
    /// `DIR/locales/<lang>/…`) instead of the copies built into the binary.
    #[arg(long, value_name = "DIR")]
    pub content: Option<PathBuf>,

    /// With `--content`: re-render lessons, locales and templates when they change, and
    /// reload open pages.
    #[arg(long, requires = "content")]
    pub watch: bool,

    /// Serve a classroom: bind on this machine's LAN address (unless --host is given), print
    /// the address students open with a QR code of it, and an instructor link with a token.
    #[arg(long)]
    pub classroom: bool,

    /// Where the generated secret key is kept when `SECRET_KEY` is not set [default:
    /// $XDG_STATE_HOME/cookie-course/secret-key, else ~/.local/state/cookie-course/secret-key].
    #[arg(long, env = "SECRET_KEY_FILE", value_name = "FILE")]
    pub secret_key_file: Option<PathBuf>,

    /// Open connections served at once; one more gets a 503 (also capped by `ulimit -n`).
    #[arg(long, env = "MAX_CONNECTIONS", default_value_t = Limits::default().max_connections)]
    pub max_connections: usize,

    /// Event streams (followers, presenter windows) open at once.
    #[arg(long, env = "MAX_STREAMS", default_value_t = Limits::default().max_streams)]
    pub max_streams: usize,

    /// Event streams one client address may keep open.
    #[arg(long, env = "MAX_STREAMS_PER_CLIENT", default_value_t = Limits::default().max_streams_per_client)]
    pub max_streams_per_client: usize,

    /// Seconds a client has to send a request's headers (and an idle connection stays open).
    #[arg(long, value_name = "SECONDS", default_value_t = Limits::default().header_read_timeout.as_secs())]
    pub header_timeout: u64,

    /// Seconds open requests get to finish after Ctrl-C or SIGTERM.
    #[arg(long, value_name = "SECONDS", default_value_t = Limits::default().shutdown_grace.as_secs())]
    pub shutdown_grace: u64,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Run every start-up check on the content and locales, then exit.
    Check,
}

impl Config {
    /// The address to bind: `--host`, else every interface in classroom mode (students
    /// reach it over the LAN), else loopback only.
    pub fn bind_host(&self) -> &str {
        match (&self.host, self.classroom) {
            (Some(h), _) => h,
            (None, true) => "0.0.0.0",
            (None, false) => "127.0.0.1",
        }
    }

    /// The secret key file: `--secret-key-file`, else one per user that does not depend on
    /// the directory the server was started from.
    pub fn secret_key_path(&self) -> PathBuf {
        if let Some(file) = &self.secret_key_file {
            return file.clone();
        }
        let state_home = std::env::var_os("XDG_STATE_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| {
                std::env::var_os("HOME")
                    .filter(|v| !v.is_empty())
                    .map(|h| PathBuf::from(h).join(".local").join("state"))
            });
        match state_home {
            Some(dir) => dir.join("cookie-course").join("secret-key"),
            None => PathBuf::from(".secret-key"),
        }
    }

    /// The limits the flags ask for.
    pub fn limits(&self) -> Limits {
        Limits {
            max_connections: self.max_connections.max(1),
            max_streams: self.max_streams,
            max_streams_per_client: self.max_streams_per_client,
            header_read_timeout: Duration::from_secs(self.header_timeout.max(1)),
            shutdown_grace: Duration::from_secs(self.shutdown_grace),
            ..Limits::default()
        }
    }

    /// Defaults for tests: an ephemeral port and a throwaway key file.
    pub fn for_tests(secret_key_file: PathBuf) -> Self {
        let mut config = Config::parse_from(["cookie-course"]);
        config.port = 0;
        config.secret_key_file = Some(secret_key_file);
        config
    }
}
