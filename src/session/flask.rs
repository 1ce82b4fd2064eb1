//! Flask's `SecureCookieSessionInterface` as a state machine: open a session from the
//! request's cookie, track reads and writes the way `SecureCookieSession` does, and decide
//! at the end of the request which `Set-Cookie` (if any) and `Vary` to send.
//!
//! The session data sits behind this type so a server-side store can later hold it instead
//! of the cookie; the web layer only talks to [`Session`].

use crate::session::codec::{self, Keys, Reason};
use crate::session::set_cookie::{CookieSpec, Expires, MAX_COOKIE_SIZE, SameSite};
use crate::session::value::{Dict, Value};

/// Flask's session configuration keys, with Flask's defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionConfig {
    /// `SESSION_COOKIE_NAME`
    pub cookie_name: String,
    /// `SESSION_COOKIE_DOMAIN`
    pub domain: Option<String>,
    /// `SESSION_COOKIE_PATH`, else `APPLICATION_ROOT`
    pub path: String,
    /// `SESSION_COOKIE_HTTPONLY`
    pub httponly: bool,
    /// `SESSION_COOKIE_SECURE`
    pub secure: bool,
    /// `SESSION_COOKIE_SAMESITE`
    pub samesite: Option<SameSite>,
    /// `SESSION_COOKIE_PARTITIONED`
    pub partitioned: bool,
    /// `PERMANENT_SESSION_LIFETIME` in seconds: `Expires` of permanent sessions and the
    /// `max_age` every session is checked against.
    pub lifetime: i64,
    /// `SESSION_REFRESH_EACH_REQUEST`
    pub refresh_each_request: bool,
    /// `MAX_COOKIE_SIZE`; a session whose `Set-Cookie` would be longer is refused.
    pub max_cookie_size: usize,
}

/// 31 days, Flask's default `PERMANENT_SESSION_LIFETIME`.
pub const DEFAULT_LIFETIME: i64 = 31 * 24 * 3600;

impl Default for SessionConfig {
    fn default() -> Self {
        SessionConfig {
            cookie_name: "session".into(),
            domain: None,
            path: "/".into(),
            httponly: true,
            secure: false,
            samesite: None,
            partitioned: false,
            lifetime: DEFAULT_LIFETIME,
            refresh_each_request: true,
            max_cookie_size: MAX_COOKIE_SIZE,
        }
    }
}

impl SessionConfig {
    /// The cookie attributes Flask gives both the session cookie and its deletion.
    pub fn cookie_spec(&self, value: String) -> CookieSpec {
        CookieSpec {
            name: self.cookie_name.clone(),
            value,
            max_age: None,
            expires: None,
            path: Some(self.path.clone()),
            domain: self.domain.clone(),
            secure: self.secure,
            httponly: self.httponly,
            samesite: self.samesite,
            partitioned: self.partitioned,
        }
    }
}

/// A Flask session during one request.
#[derive(Debug, Clone, Default)]
pub struct Session {
    data: Dict,
    /// A Flask-Session `ServerSideSession`: `clear()` keeps `_permanent`, and a session holding
    /// only `_permanent` counts as empty.
    server_side: bool,
    modified: bool,
    accessed: bool,
    /// The cookie the request carried, if any.
    incoming: Option<String>,
    /// Why that cookie was not accepted (the session then starts empty, as in Flask).
    open_error: Option<Reason>,
}

/// What to send at the end of the request.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Saved {
    /// The `Set-Cookie` value, if one is sent.
    pub set_cookie: Option<String>,
    /// The new session cookie value: `Some("")` when the cookie is deleted.
    pub cookie: Option<String>,
    /// Whether `Cookie` joins the response's `Vary`.
    pub vary_cookie: bool,
    /// For a server-side session: the store write this response implies.
    pub store: Option<StoreOp>,
}

/// Largest server-side record accepted: the point of the store is to lift the 4 KB cookie
/// limit, not to hold anything at all.
pub const MAX_RECORD: usize = 64 * 1024;

/// A write to the server-side store that a response implies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreOp {
    Set {
        key: String,
        value: Vec<u8>,
        ttl: i64,
    },
    Delete(String),
}

/// What a server-side session sends and stores at the end of the request.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ServerSaved {
    pub set_cookie: Option<String>,
    /// The new cookie value (the session id), `Some("")` when deleted.
    pub cookie: Option<String>,
    pub vary_cookie: bool,
    pub store: Option<StoreOp>,
}

/// Flask would send the cookie, but the browser would drop it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLarge {
    /// Length of the `Set-Cookie` value that would have been sent.
    pub size: usize,
    pub limit: usize,
}

impl Session {
    /// `open_session`: verify the cookie under `keys` at `now` with
    /// `max_age = PERMANENT_SESSION_LIFETIME`; anything invalid gives an empty session.
    pub fn open(cookie: Option<&str>, keys: &Keys, config: &SessionConfig, now: i64) -> Session {
        let mut s = Session {
            incoming: cookie.map(str::to_owned),
            ..Session::default()
        };
        match cookie {
            None | Some("") => {}
            Some(c) => match codec::loads(c, keys, now, Some(config.lifetime)) {
                Ok(data) => s.data = data,
                Err(reason) => s.open_error = Some(reason),
            },
        }
        s
    }

    /// A session already holding `data` (as a server-side store hands it back).
    pub fn from_data(data: Dict) -> Session {
        Session {
            data,
            ..Session::default()
        }
    }

    /// The cookie this request carried.
    pub fn incoming(&self) -> Option<&str> {
        self.incoming.as_deref()
    }

    /// Why the incoming cookie was refused, if it was.
    pub fn open_error(&self) -> Option<&Reason> {
        self.open_error.as_ref()
    }

    pub fn is_modified(&self) -> bool {
        self.modified
    }

    pub fn is_accessed(&self) -> bool {
        self.accessed
    }

    /// `session.get(key)`.
    pub fn get(&mut self, key: &str) -> Option<&Value> {
        self.accessed = true;
        self.data.get(key)
    }

    /// `key in session`.
    pub fn contains(&mut self, key: &str) -> bool {
        self.accessed = true;
        self.data.contains_key(key)
    }

    /// `session[key] = value`: a change even when the value is equal.
    pub fn set(&mut self, key: impl Into<String>, value: Value) {
        self.accessed = true;
        self.modified = true;
        self.data.insert(key.into(), value);
    }

    /// `session.pop(key, None)`: a change whether or not the key was there.
    pub fn pop(&mut self, key: &str) -> Option<Value> {
        self.accessed = true;
        self.modified = true;
        self.data.remove(key)
    }

    /// `session.clear()` (Flask-Session's keeps `_permanent`).
    pub fn clear(&mut self) {
        self.accessed = true;
        self.modified = true;
        let permanent = self.data.get("_permanent").cloned();
        self.data.clear();
        if self.server_side {
            self.data
                .insert("_permanent".into(), permanent.unwrap_or(Value::Bool(false)));
        }
    }

    /// A Flask-Session session holding `data` (as loaded from the store), or a new one,
    /// permanent as `SESSION_PERMANENT` (default true) makes it.
    pub fn server_side(data: Option<Dict>) -> Session {
        let data =
            data.unwrap_or_else(|| Dict::from([("_permanent".to_owned(), Value::Bool(true))]));
        Session {
            data,
            server_side: true,
            ..Session::default()
        }
    }

    /// Whether this is a server-side (Flask-Session) session.
    pub fn is_server_side(&self) -> bool {
        self.server_side
    }

    /// `bool(session)`: Flask-Session ignores a lone `_permanent`.
    fn is_empty(&self) -> bool {
        self.data.is_empty() || (self.server_side && self.data.keys().all(|k| k == "_permanent"))
    }

    /// Flask-Session's `save_session` for the session stored under `key` with id `sid`:
    /// the store write (every request while it has data, as `SESSION_REFRESH_EACH_REQUEST`
    /// says), and the cookie carrying only the id.
    pub fn save_server_side(
        &self,
        config: &SessionConfig,
        sid: &str,
        key: &str,
        now: f64,
    ) -> Result<ServerSaved, TooLarge> {
        let mut saved = ServerSaved {
            vary_cookie: self.accessed,
            ..ServerSaved::default()
        };
        if self.is_empty() {
            if self.modified {
                saved.store = Some(StoreOp::Delete(key.to_owned()));
                // Flask-Session's delete_cookie passes only name, domain and path.
                let mut spec = CookieSpec::new(config.cookie_name.clone(), "").deletion();
                spec.path = Some(config.path.clone());
                spec.domain = config.domain.clone();
                saved.set_cookie = spec.to_header(now);
                saved.cookie = Some(String::new());
                saved.vary_cookie = true;
            }
            return Ok(saved);
        }
        if self.modified || config.refresh_each_request {
            let bytes = crate::session::msgpack::encode(&self.data).map_err(|_| TooLarge {
                size: usize::MAX,
                limit: MAX_RECORD,
            })?;
            if bytes.len() > MAX_RECORD {
                return Err(TooLarge {
                    size: bytes.len(),
                    limit: MAX_RECORD,
                });
            }
            saved.store = Some(StoreOp::Set {
                key: key.to_owned(),
                value: bytes,
                ttl: config.lifetime,
            });
        }
        let permanent = self.peek_permanent();
        if !(self.modified || (permanent && config.refresh_each_request)) {
            return Ok(saved);
        }
        let mut spec = config.cookie_spec(sid.to_owned());
        if permanent {
            spec.expires = Some(Expires::At((now + config.lifetime as f64).floor() as i64));
        }
        saved.set_cookie = spec.to_header(now);
        saved.cookie = Some(sid.to_owned());
        saved.vary_cookie = true;
        Ok(saved)
    }

    /// `session.permanent`: the truth of the `_permanent` key.
    pub fn permanent(&mut self) -> bool {
        self.get("_permanent").is_some_and(Value::is_truthy)
    }

    /// `session.permanent = value`: stores `_permanent`, so `False` keeps the key.
    pub fn set_permanent(&mut self, value: bool) {
        self.set("_permanent", Value::Bool(value));
    }

    /// `session[key]` handed out for in-place mutation (`session["cart"].append(x)`).
    /// Like Flask, this is a read: the change is *not* noticed unless
    /// [`mark_modified`](Self::mark_modified) is called.
    pub fn get_mut_untracked(&mut self, key: &str) -> Option<&mut Value> {
        self.accessed = true;
        self.data.get_mut(key)
    }

    /// `session.modified = True`.
    pub fn mark_modified(&mut self) {
        self.modified = true;
    }

    /// The data, for display, without counting as an access.
    pub fn peek(&self) -> &Dict {
        &self.data
    }

    fn peek_permanent(&self) -> bool {
        self.data.get("_permanent").is_some_and(Value::is_truthy)
    }

    /// `save_session` at Unix time `now` (fractional seconds: the timestamp uses its integer
    /// part, `Expires` drops the fraction of `now + lifetime`).
    pub fn save(&self, keys: &Keys, config: &SessionConfig, now: f64) -> Result<Saved, TooLarge> {
        let mut saved = Saved {
            vary_cookie: self.accessed,
            ..Saved::default()
        };
        if self.data.is_empty() {
            if self.modified {
                let header = config.cookie_spec(String::new()).deletion().to_header(now);
                saved.set_cookie = header;
                saved.cookie = Some(String::new());
                saved.vary_cookie = true;
            }
            return Ok(saved);
        }
        let permanent = self.peek_permanent();
        if !(self.modified || (permanent && config.refresh_each_request)) {
            return Ok(saved);
        }
        let encoded = match codec::dumps(&self.data, keys, now.floor() as i64) {
            Ok(e) => e,
            // Only a datetime outside years 1–9999 cannot be tagged; such a value cannot be
            // typed into the sandbox, so report it as a cookie that cannot be sent.
            Err(_) => {
                return Err(TooLarge {
                    size: usize::MAX,
                    limit: config.max_cookie_size,
                });
            }
        };
        let mut spec = config.cookie_spec(encoded.cookie.clone());
        if permanent {
            spec.expires = Some(Expires::At((now + config.lifetime as f64).floor() as i64));
        }
        let header = spec.to_header(now).unwrap_or_default();
        if config.max_cookie_size > 0 && header.len() > config.max_cookie_size {
            return Err(TooLarge {
                size: header.len(),
                limit: config.max_cookie_size,
            });
        }
        saved.set_cookie = Some(header);
        saved.cookie = Some(encoded.cookie);
        saved.vary_cookie = true;
        Ok(saved)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> Keys {
        Keys::new(b"unit-test-key", &[])
    }

    #[test]
    fn in_place_change_to_a_stored_list_is_not_saved() {
        let cfg = SessionConfig::default();
        let mut s = Session::from_data(Dict::new());
        s.set("cart", Value::List(vec![]));
        let cookie = s.save(&keys(), &cfg, 1.7e9).unwrap().cookie.unwrap();

        let mut next = Session::open(Some(&cookie), &keys(), &cfg, 1_700_000_001);
        if let Some(Value::List(items)) = next.get_mut_untracked("cart") {
            items.push(Value::Str("apple".into()));
        }
        let saved = next.save(&keys(), &cfg, 1.7e9 + 1.0).unwrap();
        assert_eq!(
            saved.set_cookie, None,
            "Flask does not notice an in-place append"
        );
        assert!(saved.vary_cookie);

        next.mark_modified();
        assert!(
            next.save(&keys(), &cfg, 1.7e9 + 1.0)
                .unwrap()
                .set_cookie
                .is_some()
        );
    }

    #[test]
    fn oversized_session_is_refused_with_its_size() {
        let cfg = SessionConfig::default();
        let mut s = Session::default();
        // Random-looking text does not compress, so the cookie grows past the limit.
        let mut x: u32 = 2_463_534_242;
        let noise: String = (0..5000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                char::from(b'!' + (x % 90) as u8)
            })
            .collect();
        s.set("blob", Value::Str(noise));
        let err = s.save(&keys(), &cfg, 1.7e9).unwrap_err();
        assert!(err.size > 4093, "{err:?}");
    }
}
