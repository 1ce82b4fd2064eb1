//! One request/response exchange as Flask sees it: the cookies the browser sent, the
//! session opened from them, and every `Set-Cookie` the response will carry. The session
//! middleware creates it, handlers use it, and the middleware writes its headers — the one
//! place where cookies leave the server.

use crate::session::SessionConfig;
use crate::session::flask::{Saved, Session};
use crate::web::error::AppError;
use crate::web::site_cookies::INSTRUCTOR;
use crate::web::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use std::sync::{Arc, Mutex, MutexGuard};

/// Shared between the middleware and the handler of one request.
#[derive(Clone)]
pub struct Exchange(Arc<Mutex<Inner>>);

pub struct Inner {
    /// Unix time of the request, fractional.
    pub now: f64,
    /// The raw `Cookie` header(s), joined as the browser sent them.
    pub cookie_header: Option<String>,
    /// Request cookies in order; lookups take the first of a name, as Werkzeug does. Never
    /// the instructor's token.
    pub cookies: Vec<(String, String)>,
    /// The instructor cookie's value, if the request carried one (classroom mode checks it).
    pub instructor_token: Option<String>,
    /// tower-cookies' jar for this request: the site's own cookies go through it.
    jar: Option<tower_cookies::Cookies>,
    pub session: Session,
    /// The Flask session settings in force for this learner (the sandbox can shorten the
    /// lifetime).
    pub config: SessionConfig,
    /// `Set-Cookie` values for plain cookies set by the handler, in order.
    pub extra_set_cookies: Vec<String>,
    /// Set when this learner's demo session lives in the server-side store.
    pub server: Option<ServerSide>,
    /// A store key to delete after the response (the session moved back into the cookie).
    pub pending_delete: Option<String>,
    /// Messages `get_flashed_messages()` returned in this request: (category, message).
    pub flashed: Option<Vec<(String, String)>>,
    /// The session's save result, once computed.
    saved: Option<Saved>,
}

impl Exchange {
    /// Open the session as Flask-Session does: from the store, by the id in the cookie; a
    /// missing or unknown id starts a new session with a new id (and the panel says what
    /// became of the old one). A store that fails to answer is an error: the caller answers
    /// 503 and the learner keeps their id.
    pub async fn open_server_side(
        state: &AppState,
        now: f64,
        cookie_header: Option<String>,
        jar: Option<tower_cookies::Cookies>,
    ) -> Result<Self, crate::store::StoreError> {
        use crate::store::Lookup;
        let exchange = Exchange::open(state, now, cookie_header, jar);
        let sid = {
            let inner = exchange.lock();
            inner
                .cookie(&inner.config.cookie_name)
                .filter(|s| crate::store::plausible_sid(s))
                .map(str::to_owned)
        };
        let mut loaded = None;
        let mut ttl = None;
        let mut lost = None;
        if let Some(sid) = &sid {
            let key = format!("{}{sid}", crate::store::KEY_PREFIX);
            match state.store.get(&key).await? {
                Lookup::Found(bytes) => match crate::session::msgpack::decode(&bytes) {
                    Ok(d) => {
                        loaded = Some(d);
                        ttl = state.store.ttl(&key).await?;
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "undecodable server-side session; starting a new one")
                    }
                },
                Lookup::Missing(gone) => lost = Some(gone),
            }
        }
        let found = loaded.is_some();
        let sid = if found {
            sid.unwrap_or_else(crate::store::new_sid)
        } else {
            crate::store::new_sid()
        };
        {
            let mut inner = exchange.lock();
            inner.session = Session::server_side(loaded);
            inner.server = Some(ServerSide {
                key: format!("{}{sid}", crate::store::KEY_PREFIX),
                sid,
                found,
                ttl_at_open: ttl,
                lost,
            });
        }
        Ok(exchange)
    }

    /// Parse the request's cookies and open the session from them, as Flask's
    /// `open_session` does at the start of a request.
    ///
    /// `jar` is tower-cookies' view of the same request: the site's own cookies (theme,
    /// progress, the instructor token) are read from it and queued on it.
    pub fn open(
        state: &AppState,
        now: f64,
        cookie_header: Option<String>,
        jar: Option<tower_cookies::Cookies>,
    ) -> Self {
        let mut cookies = cookie_header
            .as_deref()
            .map(parse_cookie_header)
            .unwrap_or_default();
        // The instructor's token leaves the cookie list and the header here, so no panel,
        // state document or page can ever show it; only the classroom check reads it.
        let instructor_token = match &jar {
            Some(jar) => jar.get(INSTRUCTOR).map(|c| c.value().to_owned()),
            None => cookies
                .iter()
                .find(|(n, _)| n == INSTRUCTOR)
                .map(|(_, v)| v.clone()),
        };
        let cookie_header = match instructor_token {
            Some(_) => {
                cookies.retain(|(n, _)| n != INSTRUCTOR);
                cookie_header.and_then(|h| without_cookie(&h, INSTRUCTOR))
            }
            None => cookie_header,
        };
        let mut inner = Inner {
            now,
            cookie_header,
            jar,
            instructor_token,
            cookies,
            session: Session::default(),
            config: state.session_config.clone(),
            extra_set_cookies: Vec::new(),
            flashed: None,
            server: None,
            pending_delete: None,
            saved: None,
        };
        inner.config.lifetime = lifetime_for(state, &inner);
        inner.session = Session::open(
            inner.cookie(&inner.config.cookie_name),
            &state.keys,
            &inner.config,
            now as i64,
        );
        Exchange(Arc::new(Mutex::new(inner)))
    }

    /// Lock for reading and writing. Handlers never hold it across an `.await`.
    pub fn lock(&self) -> MutexGuard<'_, Inner> {
        // A poisoned lock only means a handler panicked mid-request; the data is still ours.
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Decide the session's `Set-Cookie` now (idempotent until the session changes again).
    pub fn commit(&self, state: &AppState) -> Result<Saved, AppError> {
        let mut inner = self.lock();
        if let Some(saved) = &inner.saved {
            return Ok(saved.clone());
        }
        let saved = match &inner.server {
            None => inner.session.save(&state.keys, &inner.config, inner.now)?,
            Some(server) => {
                let s = inner.session.save_server_side(
                    &inner.config,
                    &server.sid,
                    &server.key,
                    inner.now,
                )?;
                Saved {
                    set_cookie: s.set_cookie,
                    cookie: s.cookie,
                    vary_cookie: s.vary_cookie,
                    store: s.store,
                }
            }
        };
        inner.saved = Some(saved.clone());
        Ok(saved)
    }

    /// Every `Set-Cookie` value this response sends, in order (session cookie last, as
    /// Flask's `save_session` runs after the view).
    pub fn set_cookie_headers(&self, state: &AppState) -> Result<Vec<String>, AppError> {
        let saved = self.commit(state)?;
        let inner = self.lock();
        Ok(inner
            .extra_set_cookies
            .iter()
            .cloned()
            .chain(saved.set_cookie)
            .collect())
    }
}

/// The session lifetime in force for this request: the learner's sandbox choice if valid,
/// else the site's.
pub fn lifetime_for(state: &AppState, inner: &Inner) -> i64 {
    let default = state.session_config.lifetime;
    inner
        .cookie(crate::web::site_cookies::LIFETIME_COOKIE)
        .and_then(|v| v.parse::<i64>().ok())
        .filter(|l| (crate::web::site_cookies::MIN_LIFETIME..=default).contains(l))
        .unwrap_or(default)
}

/// Where a server-side demo session lives.
#[derive(Debug, Clone)]
pub struct ServerSide {
    pub sid: String,
    /// `session:<sid>`, Flask-Session's key.
    pub key: String,
    /// Whether the id in the cookie found a stored record.
    pub found: bool,
    /// Seconds the record had left when the request came in.
    pub ttl_at_open: Option<i64>,
    /// The cookie named a record the store no longer has, and why.
    pub lost: Option<crate::store::Gone>,
}

impl Inner {
    /// The first cookie of that name the request carried.
    pub fn cookie(&self, name: &str) -> Option<&str> {
        self.cookies
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Send `spec` with this response (the middleware writes it). A spec that cannot become a
    /// header (an `Expires` outside 1970–9999) is not sent; says whether it was.
    pub fn set_cookie(&mut self, spec: &crate::session::set_cookie::CookieSpec) -> bool {
        match spec.to_header(self.now) {
            Some(h) => {
                self.extra_set_cookies.push(h);
                true
            }
            None => false,
        }
    }

    /// One of the site's own cookies (`site_cookies`), as the request carried it.
    pub fn site_cookie(&self, name: &str) -> Option<String> {
        match &self.jar {
            Some(jar) => jar.get(name).map(|c| c.value().to_owned()),
            None => self.cookie(name).map(str::to_owned),
        }
    }

    /// Send one of the site's own cookies with this response (through tower-cookies).
    pub fn add_site_cookie(&mut self, cookie: tower_cookies::Cookie<'static>) {
        match &self.jar {
            Some(jar) => jar.add(cookie),
            None => tracing::warn!(
                name = cookie.name(),
                "no cookie jar: the cookie manager layer is missing"
            ),
        }
    }

    /// Delete one of the site's own cookies (`Path=/`, as it was set).
    pub fn remove_site_cookie(&mut self, name: &'static str) {
        if let Some(jar) = &self.jar {
            jar.remove(tower_cookies::Cookie::build(name).path("/").build());
        }
    }

    /// Forget the cached save result: the session changed after a commit.
    pub fn session_mut(&mut self) -> &mut Session {
        self.saved = None;
        &mut self.session
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Exchange {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts.extensions.get::<Exchange>().cloned().ok_or_else(|| {
            AppError::Internal(anyhow::anyhow!("session middleware is not installed"))
        })
    }
}

/// Parse a `Cookie` header with the `cookie` crate, then undo Werkzeug-style quoting
/// (`"a\054b"` → `a,b`) the way Werkzeug's `parse_cookie` does.
pub fn parse_cookie_header(header: &str) -> Vec<(String, String)> {
    cookie::Cookie::split_parse(header)
        .filter_map(Result::ok)
        .map(|c| {
            let raw = c.value();
            let value = if raw.len() >= 2 && raw.starts_with('"') && raw.ends_with('"') {
                unquote(&raw[1..raw.len() - 1])
            } else {
                raw.to_owned()
            };
            (c.name().to_owned(), value)
        })
        .collect()
}

/// `header` without the cookies named `name` (`None` if nothing is left).
fn without_cookie(header: &str, name: &str) -> Option<String> {
    let kept: Vec<&str> = header
        .split(';')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .filter(|part| part.split_once('=').map_or(*part, |(n, _)| n).trim() != name)
        .collect();
    (!kept.is_empty()).then(|| kept.join("; "))
}

// Werkzeug: `\\([0-3][0-7]{2}|.)` → that octal byte, or the escaped character itself.
fn unquote(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && i + 1 < b.len() {
            let oct = b.get(i + 1..i + 4).filter(|o| {
                (b'0'..=b'3').contains(&o[0]) && o[1..].iter().all(|c| (b'0'..=b'7').contains(c))
            });
            if let Some(o) = oct {
                out.push(((o[0] - b'0') << 6) | ((o[1] - b'0') << 3) | (o[2] - b'0'));
                i += 4;
            } else {
                out.push(b[i + 1]);
                i += 2;
            }
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_loses_only_the_named_cookie() {
        assert_eq!(
            without_cookie("a=1; classroom_instructor=tok;b=2", "classroom_instructor").as_deref(),
            Some("a=1; b=2")
        );
        assert_eq!(
            without_cookie("classroom_instructor=tok", "classroom_instructor"),
            None
        );
    }

    #[test]
    fn cookie_header_keeps_order_and_unquotes_werkzeug_escapes() {
        let got = parse_cookie_header(r#"a=1; b="x\054y\"z"; a=2"#);
        assert_eq!(
            got,
            vec![
                ("a".into(), "1".into()),
                ("b".into(), "x,y\"z".into()),
                ("a".into(), "2".into())
            ]
        );
    }
}
