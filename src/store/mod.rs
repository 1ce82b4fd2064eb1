//! Server-side session storage, laid out as Flask-Session 0.8 keeps it: key
//! `session:<sid>`, value the msgpack of the session dict, a TTL of
//! `PERMANENT_SESSION_LIFETIME`. An embedded store by default; Redis with
//! `SESSION_REDIS_URL`, shared by every instance of the site.

mod embedded;
mod resp;

pub use embedded::Embedded;
pub use resp::Redis;

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

impl Store {
    /// `SESSION_REDIS_URL` if given, else the embedded store.
    pub fn from_env(redis_url: Option<&str>) -> Result<Store, StoreError> {
        match redis_url.filter(|u| !u.is_empty()) {
            Some(url) => Ok(Store::Redis(Redis::new(url)?)),
            None => Ok(Store::Embedded(Embedded::default())),
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Store::Embedded(_) => "embedded",
            Store::Redis(_) => "redis",
        }
    }

    pub async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        match self {
            Store::Embedded(e) => Ok(e.get(key)),
            Store::Redis(r) => r.get(key).await,
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
