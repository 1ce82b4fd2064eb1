//! Everything loaded once at start-up and shared by every request.

use crate::clock::Clock;
use crate::config::Config;
use crate::secret;
use crate::session::{Keys, SessionConfig};
use crate::site::Site;
use crate::source::Source;
use std::ops::Deref;
use std::sync::Arc;

/// Cheap to clone: one `Arc`.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    pub keys: Keys,
    /// Signs the course-progress cookie (same secret, its own salt).
    pub progress_keys: Keys,
    pub session_config: SessionConfig,
    pub clock: Clock,
    pub site: Site,
    /// Where server-side demo sessions live (embedded, or Redis with `SESSION_REDIS_URL`).
    pub store: crate::store::Store,
    /// Set-Cookie headers of recent sandbox actions, for pages reached by a redirect.
    pub recent: crate::web::recent::Recent,
}

impl Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    /// Load the secret key (environment, else the key file) and everything else the site
    /// needs; fails with the path of whatever is wrong.
    pub fn load(config: &Config) -> anyhow::Result<Self> {
        let (secret, key_source) =
            secret::load(std::env::var("SECRET_KEY").ok(), &config.secret_key_file)?;
        tracing::info!(source = ?key_source, "secret key loaded");
        let source = config.content.clone().map_or(Source::Embedded, Source::Dir);
        let store =
            crate::store::Store::from_env(std::env::var("SESSION_REDIS_URL").ok().as_deref())?;
        tracing::info!(store = store.kind(), "server-side session store");
        Self::build_with(&secret, &source, store)
    }

    /// A state signing with `secret`, serving content from `source`.
    pub fn build(secret: &[u8], source: &Source) -> anyhow::Result<Self> {
        Self::build_with(
            secret,
            source,
            crate::store::Store::Embedded(Default::default()),
        )
    }

    /// The same, with server-side sessions in `store`.
    pub fn build_with(
        secret: &[u8],
        source: &Source,
        store: crate::store::Store,
    ) -> anyhow::Result<Self> {
        Ok(AppState(Arc::new(Inner {
            store,
            keys: Keys::new(secret, &[]),
            progress_keys: Keys::with_salt(secret, &[], crate::web::progress::SALT),
            session_config: SessionConfig::default(),
            clock: Clock::default(),
            site: Site::load(source)?,
            recent: Default::default(),
        })))
    }

    /// The built-in site signing with `secret` (tests use a known key to talk to real Flask).
    pub fn with_key(secret: &[u8]) -> Self {
        Self::build(secret, &Source::Embedded).expect("the built-in content loads")
    }
}
