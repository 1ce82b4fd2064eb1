//! Command-line flags and environment variables (`shared/contract.md`, "Starting it").

use clap::{Parser, Subcommand};
use std::path::PathBuf;

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

    /// Where the generated secret key is kept when `SECRET_KEY` is not set.
    #[arg(
        long,
        env = "SECRET_KEY_FILE",
        default_value = ".secret-key",
        value_name = "FILE"
    )]
    pub secret_key_file: PathBuf,

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

    /// Defaults for tests: an ephemeral port and a throwaway key file.
    pub fn for_tests(secret_key_file: PathBuf) -> Self {
        Config {
            host: None,
            port: 0,
            content: None,
            watch: false,
            classroom: false,
            secret_key_file,
            command: None,
        }
    }
}
