//! Server-side session storage, laid out as Flask-Session 0.8 keeps it: key
//! `session:<sid>`, value the msgpack of the session dict, a TTL of
//! `PERMANENT_SESSION_LIFETIME`. An embedded store by default; Redis with
//! `SESSION_REDIS_URL`, shared by every instance of the site.
//!
//! A failed read or write is an error, never "no record": the caller answers 503 and keeps
//! the learner's session id, so a Redis that blinks loses nobody's session.

mod embedded;
mod remote;

pub use embedded::Embedded;
pub use remote::{COMMAND_TIMEOUT, CONNECT_TIMEOUT, Redis, redact};

/// Flask-Session's `SESSION_KEY_PREFIX`.
pub const KEY_PREFIX: &str = "session:";

#[derive(Debug)]
pub enum Store {
    Embedded(Embedded),
    Redis(Redis),
}

#[derive(Debug, thiserror::Error)]
#[error("session store: {0}")]
pub struct StoreError(pub String);

/// Why a session id found no record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gone {
    /// Its lifetime ran out.
    Expired,
    /// The embedded store was full and let it go.
    Evicted,
    /// The store has never heard of it: it restarted (the embedded store lives in memory),
    /// Redis lost it, or the id was never issued here.
    Unknown,
}

impl Gone {
    pub fn as_str(self) -> &'static str {
        match self {
            Gone::Expired => "expired",
            Gone::Evicted => "evicted",
            Gone::Unknown => "unknown",
        }
    }
}

/// What a read found.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    Found(Vec<u8>),
    Missing(Gone),
}

impl Lookup {
    /// The record, if there is one.
    pub fn found(self) -> Option<Vec<u8>> {
        match self {
            Lookup::Found(v) => Some(v),
            Lookup::Missing(_) => None,
        }
    }
}

impl Store {
    /// `SESSION_REDIS_URL` if given (connected and checked now, trusting the CA in
    /// `SESSION_REDIS_CA_FILE` for `rediss://` if given), else the embedded store.
    pub async fn from_env(
        redis_url: Option<&str>,
        clock: &crate::session::clock::Clock,
    ) -> Result<Store, StoreError> {
        let ca = std::env::var_os("SESSION_REDIS_CA_FILE")
            .filter(|v| !v.is_empty())
            .map(std::path::PathBuf::from);
        match redis_url.filter(|u| !u.is_empty()) {
            Some(url) => Ok(Store::Redis(Redis::connect(url, ca.as_deref()).await?)),
            None => Ok(Store::embedded(clock)),
        }
    }

    /// The embedded store, expiring by `clock`.
    pub fn embedded(clock: &crate::session::clock::Clock) -> Store {
        Store::Embedded(Embedded::with_clock(
            clock.clone(),
            embedded::MAX_ENTRIES,
            embedded::MAX_BYTES,
        ))
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Store::Embedded(_) => "embedded",
            Store::Redis(_) => "redis",
        }
    }

    pub async fn get(&self, key: &str) -> Result<Lookup, StoreError> {
        match self {
            Store::Embedded(e) => Ok(e.get(key).map_or_else(Lookup::Missing, Lookup::Found)),
            // Redis cannot say why a key is missing.
            Store::Redis(r) => Ok(r
                .get(key)
                .await?
                .map_or(Lookup::Missing(Gone::Unknown), Lookup::Found)),
        }
    }

    /// Store `value` under `key` for `ttl` seconds (Redis `SET key value EX ttl`).
    pub async fn set(&self, key: &str, value: &[u8], ttl: i64) -> Result<(), StoreError> {
        match self {
            Store::Embedded(e) => {
                e.set(key, value, ttl);
                Ok(())
            }
            Store::Redis(r) => r.set(key, value, ttl).await,
        }
    }

    pub async fn delete(&self, key: &str) -> Result<(), StoreError> {
        match self {
            Store::Embedded(e) => {
                e.delete(key);
                Ok(())
            }
            Store::Redis(r) => r.delete(key).await,
        }
    }

    /// Seconds left before `key` expires, if it exists.
    pub async fn ttl(&self, key: &str) -> Result<Option<i64>, StoreError> {
        match self {
            Store::Embedded(e) => Ok(e.ttl(key)),
            Store::Redis(r) => r.ttl(key).await,
        }
    }
}

/// A new session id, as Flask-Session makes them: `secrets.token_urlsafe(32)`.
pub fn new_sid() -> String {
    let bytes: [u8; 32] = rand::random();
    crate::session::b64::encode_url(&bytes)
}

/// Whether `sid` looks like an id this site (or Flask-Session) issued: URL-safe base64,
/// not absurdly long. Anything else is never looked up.
pub fn plausible_sid(sid: &str) -> bool {
    (16..=128).contains(&sid.len())
        && sid
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}
