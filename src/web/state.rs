//! Everything loaded once at start-up and shared by every request.

use crate::classroom::Classroom;
use crate::config::Config;
use crate::config::secret;
use crate::session::clock::Clock;
use crate::session::{Keys, SessionConfig};
use crate::site::source::Source;
use crate::site::{Site, SiteCell};
use std::ops::Deref;
use std::sync::Arc;

/// Cheap to clone: one `Arc`.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    pub keys: Keys,
    /// Signs the course-progress cookie (same secret, its own salt).
    pub progress_keys: Keys,
    /// Signs the "remember me" demo's `remember_token` as Flask-Login does (same secret).
    pub remember_key: crate::security::flask_login::RememberKey,
    /// The replay demo's users and the session version each is at.
    pub versions: crate::session::versions::Versions,
    pub session_config: SessionConfig,
    pub clock: Clock,
    /// The rendered site; `--watch` swaps it. Use [`AppState::site`].
    pub site_cell: Arc<SiteCell>,
    /// `--classroom`: the room, its instructor token, the presenter's position.
    pub classroom: Option<Classroom>,
    /// `--watch`: pages carry the live-reload script and show a failed reload's error.
    pub live_reload: bool,
    /// Lesson and home pages as cookieless visitors get them.
    pub page_cache: crate::web::page_cache::PageCache,
    /// Lesson pages with holes for the learner's parts, for everyone who holds a cookie.
    pub skeletons: crate::web::page_cache::Versioned<crate::web::skeleton::LessonSkeleton>,
    /// Render every lesson page whole (the reference the skeletons are tested against; a
    /// test flips it between two requests to compare the paths on one state).
    pub full_render: std::sync::atomic::AtomicBool,
    /// Flipped when the server shuts down, so endless event streams end.
    pub closing: tokio::sync::watch::Sender<bool>,
    /// Where server-side demo sessions live (embedded, or Redis with `SESSION_REDIS_URL`).
    pub store: crate::store::Store,
    /// Set-Cookie headers of recent sandbox actions, for pages reached by a redirect.
    pub recent: crate::web::recent::Recent,
    /// Connections, streams and record creation this instance allows.
    pub limits: crate::web::limits::Limits,
    /// Open event streams, capped in total and per client address.
    pub streams: Arc<crate::web::limits::Streams>,
    /// New server-side records per client address.
    pub record_rate: crate::web::limits::RecordRate,
    /// One weak-key search at a time, off the request threads.
    pub crack_slot: tokio::sync::Semaphore,
}

impl Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

/// What `--classroom`, `--watch` and the limit flags add to a state.
#[derive(Debug, Default)]
pub struct Extras {
    pub classroom: Option<Classroom>,
    pub live_reload: bool,
    pub limits: crate::web::limits::Limits,
    /// The clock every request sees (the embedded store expires by it too).
    pub clock: Clock,
}

impl AppState {
    /// The site as it is now (a request keeps one for its whole life).
    pub fn site(&self) -> Arc<Site> {
        self.site_cell.get()
    }

    /// Tell endless responses (event streams) to finish: the server is stopping.
    pub fn close(&self) {
        self.closing.send_replace(true);
    }

    /// Load the secret key (environment, else the key file) and everything else the site
    /// needs; fails with the path of whatever is wrong.
    pub async fn load(config: &Config) -> anyhow::Result<Self> {
        let key_file = config.secret_key_path();
        let env_key = std::env::var("SECRET_KEY").ok().filter(|k| !k.is_empty());
        if env_key.is_none() && config.secret_key_file.is_none() && secret::adopt_legacy(&key_file)?
        {
            tracing::info!(to = %key_file.display(), "moved the secret key from ./.secret-key");
        }
        let (secret, key_source) = secret::load(env_key, &key_file)?;
        match key_source {
            secret::KeySource::Environment => {
                tracing::info!("secret key from SECRET_KEY");
            }
            _ => {
                // Absolute, so nobody has to guess which directory it was resolved in.
                let path = std::path::absolute(&key_file).unwrap_or(key_file);
                tracing::info!(source = ?key_source, path = %path.display(), "secret key file");
            }
        }
        let source = config.content.clone().map_or(Source::Embedded, Source::Dir);
        let clock = Clock::default();
        let store = crate::store::Store::from_env(
            std::env::var("SESSION_REDIS_URL").ok().as_deref(),
            &clock,
        )
        .await?;
        match &store {
            crate::store::Store::Redis(r) => {
                tracing::info!(
                    store = "redis",
                    url = r.shown(),
                    "server-side session store"
                )
            }
            crate::store::Store::Embedded(_) => tracing::info!(
                store = "embedded",
                "server-side session store (in memory: a restart forgets its records)"
            ),
        }
        let extras = Extras {
            classroom: config.classroom.then(Classroom::random),
            live_reload: config.watch,
            limits: {
                let mut limits = config.limits();
                crate::web::limits::fit_open_files(&mut limits);
                limits
            },
            clock,
        };
        Self::build_full(&secret, &source, store, extras)
    }

    /// A state signing with `secret`, serving content from `source`.
    pub fn build(secret: &[u8], source: &Source) -> anyhow::Result<Self> {
        let clock = Clock::default();
        Self::build_full(
            secret,
            source,
            crate::store::Store::embedded(&clock),
            Extras {
                clock,
                ..Extras::default()
            },
        )
    }

    /// The same, with server-side sessions in `store`.
    pub fn build_with(
        secret: &[u8],
        source: &Source,
        store: crate::store::Store,
    ) -> anyhow::Result<Self> {
        Self::build_full(secret, source, store, Extras::default())
    }

    /// The same, in classroom mode and/or with live reload.
    pub fn build_full(
        secret: &[u8],
        source: &Source,
        store: crate::store::Store,
        extras: Extras,
    ) -> anyhow::Result<Self> {
        Ok(AppState(Arc::new(Inner {
            store,
            keys: Keys::new(secret, &[]),
            progress_keys: Keys::with_salt(secret, &[], crate::web::site_cookies::PROGRESS_SALT),
            remember_key: crate::security::flask_login::RememberKey::new(secret),
            versions: crate::session::versions::Versions::default(),
            session_config: SessionConfig::default(),
            clock: extras.clock,
            site_cell: Arc::new(SiteCell::new(Site::load(source)?)),
            classroom: extras.classroom,
            live_reload: extras.live_reload,
            closing: tokio::sync::watch::channel(false).0,
            page_cache: Default::default(),
            skeletons: Default::default(),
            full_render: false.into(),
            recent: Default::default(),
            streams: Arc::new(crate::web::limits::Streams::new(&extras.limits)),
            record_rate: crate::web::limits::RecordRate::new(&extras.limits),
            limits: extras.limits,
            crack_slot: tokio::sync::Semaphore::new(1),
        })))
    }

    /// The built-in site signing with `secret` (tests use a known key to talk to real Flask).
    pub fn with_key(secret: &[u8]) -> Self {
        Self::build(secret, &Source::Embedded).expect("the built-in content loads")
    }
}
