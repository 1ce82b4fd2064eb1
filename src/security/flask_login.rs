//! What Flask-Login 0.6.3 computes, byte for byte: the `remember_token` cookie's value
//! (`utils.encode_cookie`) and the session identifier `_id` (`utils._create_identifier`).

use hmac::{KeyInit, Mac};
use sha2::{Digest, Sha512};

type HmacSha512 = hmac::Hmac<Sha512>;

/// Signs and checks remember cookies with the app's `SECRET_KEY`; holds only the keyed MAC.
#[derive(Clone)]
pub struct RememberKey(HmacSha512);

impl std::fmt::Debug for RememberKey {
    // Never print a key.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RememberKey(..)")
    }
}

impl RememberKey {
    pub fn new(secret: &[u8]) -> Self {
        RememberKey(HmacSha512::new_from_slice(secret).expect("HMAC takes any key length"))
    }

    /// `_cookie_digest(payload)`: hex HMAC-SHA512 of the payload.
    fn digest(&self, payload: &str) -> HmacSha512 {
        let mut mac = self.0.clone();
        mac.update(payload.as_bytes());
        mac
    }

    /// `encode_cookie(user_id)`: `"<user_id>|<hex digest>"`.
    pub fn encode(&self, user_id: &str) -> String {
        format!(
            "{user_id}|{}",
            hex(&self.digest(user_id).finalize().into_bytes())
        )
    }

    /// `decode_cookie(cookie)`: the user id, if the digest after the last `|` is right.
    pub fn decode<'a>(&self, cookie: &'a str) -> Option<&'a str> {
        let (payload, digest) = cookie.rsplit_once('|')?;
        let bytes = unhex(digest)?;
        // Constant time, as hmac.compare_digest.
        self.digest(payload).verify_slice(&bytes).ok()?;
        Some(payload)
    }
}

/// `_create_identifier()`: SHA-512 hex of `f"{remote_addr}|{user_agent}"`, where both are
/// *bytes* objects in Flask-Login, so their Python `repr` is what gets hashed
/// (`b'127.0.0.1'|b'Mozilla/5.0 …'`, or `…|None` without a User-Agent).
pub fn session_identifier(remote_addr: Option<&str>, user_agent: Option<&[u8]>) -> String {
    // _get_remote_addr: the first X-Forwarded-For entry, stripped, as bytes.
    let addr = remote_addr.map_or("None".to_owned(), |a| {
        py_bytes_repr(a.split(',').next().unwrap_or("").trim().as_bytes())
    });
    let agent = user_agent.map_or("None".to_owned(), py_bytes_repr);
    hex(&Sha512::digest(format!("{addr}|{agent}").as_bytes()))
}

/// Python's `repr()` of a bytes object.
pub fn py_bytes_repr(bytes: &[u8]) -> String {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = format!("b{quote}");
    for &b in bytes {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if b as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote);
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_bytes_repr_matches_cpython() {
        assert_eq!(py_bytes_repr(b"127.0.0.1"), "b'127.0.0.1'");
        assert_eq!(py_bytes_repr(b"it's"), "b\"it's\"");
        assert_eq!(py_bytes_repr(b"a'\"b"), "b'a\\'\"b'");
        assert_eq!(py_bytes_repr("é\t\\".as_bytes()), "b'\\xc3\\xa9\\t\\\\'");
    }

    #[test]
    fn a_remember_cookie_round_trips_and_a_changed_one_does_not() {
        let key = RememberKey::new(b"k");
        let cookie = key.encode("student");
        assert_eq!(key.decode(&cookie), Some("student"));
        assert_eq!(key.decode(&cookie.replacen("student", "teacher", 1)), None);
        assert_eq!(RememberKey::new(b"other").decode(&cookie), None);
        assert_eq!(key.decode("no-bar"), None);
    }
}
