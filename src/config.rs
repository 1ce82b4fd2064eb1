//! Command-line flags and environment variables (`shared/contract.md`, "Starting it").

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// An interactive course on cookies and Flask sessions.
#[derive(Debug, Clone, Parser)]
#[command(version, about)]
pub struct Config {
    /// Address to bind.
    #[arg(long, env = "HOST", default_value = "127.0.0.1")]
    pub host: String,

    /// Port to bind; 0 picks a free one (the printed URL carries the real port).
    #[arg(long, env = "PORT", default_value_t = 3000)]
    pub port: u16,

    /// Serve lessons and locales from this folder (`DIR/content/<lang>/…`,
    /// `DIR/locales/<lang>/…`) instead of the copies built into the binary.
    #[arg(long, value_name = "DIR")]
    pub content: Option<PathBuf>,

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
    /// Defaults for tests: an ephemeral port and a throwaway key file.
    pub fn for_tests(secret_key_file: PathBuf) -> Self {
        Config {
            host: "127.0.0.1".into(),
            port: 0,
            content: None,
            secret_key_file,
            command: None,
        }
    }
}
