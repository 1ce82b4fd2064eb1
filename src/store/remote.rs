//! Redis through the `redis` crate's `ConnectionManager`: one multiplexed connection that
//! reconnects by itself. Each command waits on its own reply slot, so a request that is
//! abandoned mid-command (a learner navigates away) cannot leave its reply on the wire for
//! the next learner's command to read.
//!
//! Every URL form the crate knows works: `redis://[user][:password@]host[:port][/db]`,
//! `rediss://…` (TLS, through rustls; the system's roots, or the CA in
//! `SESSION_REDIS_CA_FILE`), `redis+unix:///path?db=N&user=U&pass=P`.

use super::StoreError;
use redis::AsyncCommands;
use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use std::time::Duration;

/// How long one attempt to (re)connect may take.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(2);
/// How long one command may wait for its reply: a stalled Redis costs a request this much,
/// then a clear 503.
pub const COMMAND_TIMEOUT: Duration = Duration::from_secs(2);

pub struct Redis {
    manager: ConnectionManager,
    /// The URL with its password replaced, for logs and errors.
    shown: String,
    /// Replaced wherever it might appear in an error the crate gives back.
    password: Option<String>,
}

impl std::fmt::Debug for Redis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Redis").field("url", &self.shown).finish()
    }
}

impl Redis {
    /// Connect and check the connection with a `PING` (and the credentials with it), so a
    /// wrong URL, password or ACL user stops the server at start-up with a clear error.
    pub async fn connect(
        url: &str,
        ca_file: Option<&std::path::Path>,
    ) -> Result<Redis, StoreError> {
        let shown = redact(url);
        let client = match ca_file {
            // `rediss://` to a server whose certificate a private CA signed (a classroom
            // server rarely has a public one): trust that CA, and only it.
            Some(ca) => {
                let pem = std::fs::read(ca).map_err(|e| {
                    StoreError(format!("SESSION_REDIS_CA_FILE {}: {e}", ca.display()))
                })?;
                redis::Client::build_with_tls(
                    url,
                    redis::TlsCertificates {
                        client_tls: None,
                        root_cert: Some(pem),
                    },
                )
            }
            None => redis::Client::open(url),
        }
        .map_err(|e| StoreError(format!("SESSION_REDIS_URL {shown}: {e}")))?;
        let password = client
            .get_connection_info()
            .redis_settings()
            .password()
            .map(str::to_owned);
        let scrub = |e: &dyn std::fmt::Display| scrubbed(&e.to_string(), password.as_deref());
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(CONNECT_TIMEOUT))
            .set_response_timeout(Some(COMMAND_TIMEOUT))
            // Reconnecting happens in the background; a request never waits for more than
            // one command timeout.
            .set_number_of_retries(2)
            .set_max_delay(Duration::from_millis(500));
        let manager = tokio::time::timeout(
            CONNECT_TIMEOUT * 3,
            ConnectionManager::new_with_config(client, config),
        )
        .await
        .map_err(|_| StoreError(format!("connecting to Redis at {shown}: timed out")))?
        .map_err(|e| StoreError(format!("connecting to Redis at {shown}: {}", scrub(&e))))?;
        let redis = Redis {
            manager,
            shown,
            password,
        };
        let pong: String = redis
            .run(|mut c| async move { redis::cmd("PING").query_async(&mut c).await })
            .await
            .map_err(|e| StoreError(format!("checking Redis at {}: {}", redis.shown, e.0)))?;
        if pong != "PONG" {
            return Err(StoreError(format!(
                "Redis at {} answered PING with {pong:?}",
                redis.shown
            )));
        }
        Ok(redis)
    }

    /// The URL as it may be shown: the password replaced by `***`.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// Run one command on a clone of the manager (cheap: an `Arc`), bounded by the command
    /// timeout even if the crate's own timeout does not fire.
    async fn run<T, F, Fut>(&self, f: F) -> Result<T, StoreError>
    where
        F: FnOnce(ConnectionManager) -> Fut,
        Fut: std::future::Future<Output = redis::RedisResult<T>>,
    {
        match tokio::time::timeout(
            COMMAND_TIMEOUT + Duration::from_millis(250),
            f(self.manager.clone()),
        )
        .await
        {
            Ok(Ok(v)) => Ok(v),
            Ok(Err(e)) => Err(StoreError(scrubbed(
                &e.to_string(),
                self.password.as_deref(),
            ))),
            Err(_) => Err(StoreError(format!(
                "Redis at {} did not answer within {} s",
                self.shown,
                COMMAND_TIMEOUT.as_secs()
            ))),
        }
    }

    pub async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let key = key.to_owned();
        self.run(|mut c| async move { c.get(key).await }).await
    }

    /// `SET key value EX ttl`.
    pub async fn set(&self, key: &str, value: &[u8], ttl: i64) -> Result<(), StoreError> {
        let (key, value) = (key.to_owned(), value.to_vec());
        let ttl = ttl.max(1) as u64;
        self.run(|mut c| async move { c.set_ex(key, value, ttl).await })
            .await
    }

    pub async fn delete(&self, key: &str) -> Result<(), StoreError> {
        let key = key.to_owned();
        self.run(|mut c| async move { c.del::<_, i64>(key).await })
            .await
            .map(|_| ())
    }

    /// Seconds left, or `None` for a missing key (or one without expiry).
    pub async fn ttl(&self, key: &str) -> Result<Option<i64>, StoreError> {
        let key = key.to_owned();
        let n: i64 = self.run(|mut c| async move { c.ttl(key).await }).await?;
        Ok((n >= 0).then_some(n))
    }
}

/// `url` with any password replaced by `***` (also `pass=` in a Unix-socket URL's query).
pub fn redact(url: &str) -> String {
    let (head, query) = url
        .split_once('?')
        .map_or((url, None), |(h, q)| (h, Some(q)));
    let head = match head.split_once("://") {
        Some((scheme, rest)) => {
            let (auth, host) = match rest.rfind('@') {
                Some(at) => (Some(&rest[..at]), &rest[at + 1..]),
                None => (None, rest),
            };
            match auth {
                Some(auth) => {
                    let user = auth.split_once(':').map_or(auth, |(u, _)| u);
                    let masked = if auth.contains(':') {
                        format!("{user}:***")
                    } else {
                        "***".into()
                    };
                    // `user@host` without a colon is a password-only URL for Redis.
                    format!("{scheme}://{masked}@{host}")
                }
                None => format!("{scheme}://{host}"),
            }
        }
        None => head.to_owned(),
    };
    match query {
        None => head,
        Some(q) => {
            let q: Vec<String> = q
                .split('&')
                .map(|p| match p.split_once('=') {
                    Some(("pass" | "password", _)) => {
                        format!("{}=***", p.split('=').next().unwrap_or("pass"))
                    }
                    _ => p.to_owned(),
                })
                .collect();
            format!("{head}?{}", q.join("&"))
        }
    }
}

fn scrubbed(text: &str, password: Option<&str>) -> String {
    match password.filter(|p| !p.is_empty()) {
        Some(p) => text.replace(p, "***"),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn a_redis_url_is_shown_without_its_password() {
        assert_eq!(
            redact("redis://:s3cret@10.0.0.5:6380/2"),
            "redis://:***@10.0.0.5:6380/2"
        );
        assert_eq!(
            redact("rediss://teacher:s3cret@h/0"),
            "rediss://teacher:***@h/0"
        );
        assert_eq!(redact("redis://h:6379/0"), "redis://h:6379/0");
        assert_eq!(
            redact("redis+unix:///run/redis.sock?db=1&pass=s3cret"),
            "redis+unix:///run/redis.sock?db=1&pass=***"
        );
        assert!(!redact("redis://u:p%40ss@h").contains("p%40ss"));
    }
}
