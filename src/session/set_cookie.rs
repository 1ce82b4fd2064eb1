//! Werkzeug's `dump_cookie`: the exact `Set-Cookie` value Flask sends — attribute order,
//! value quoting, path escaping, IDNA domains, `Expires` synthesized from `Max-Age`.

use crate::session::httpdate::http_date;
use std::fmt::Write as _;

/// Werkzeug's (and Flask's `MAX_COOKIE_SIZE`) limit on one `Set-Cookie` value.
pub const MAX_COOKIE_SIZE: usize = 4093;

/// `SameSite`, as Werkzeug accepts it (`value.title()` is one of these).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SameSite {
    Strict,
    Lax,
    None,
}

impl SameSite {
    /// Parse case-insensitively, as Werkzeug's `.title()` check does.
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().as_str() {
            "strict" => Some(SameSite::Strict),
            "lax" => Some(SameSite::Lax),
            "none" => Some(SameSite::None),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SameSite::Strict => "Strict",
            SameSite::Lax => "Lax",
            SameSite::None => "None",
        }
    }
}

/// `expires=` as given to `set_cookie`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expires {
    /// A datetime or number: written as an HTTP date.
    At(i64),
    /// A string: written verbatim.
    Verbatim(String),
}

/// The arguments of `response.set_cookie`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CookieSpec {
    pub name: String,
    pub value: String,
    pub max_age: Option<i64>,
    pub expires: Option<Expires>,
    pub path: Option<String>,
    pub domain: Option<String>,
    pub secure: bool,
    pub httponly: bool,
    pub samesite: Option<SameSite>,
    pub partitioned: bool,
}

impl CookieSpec {
    /// `set_cookie(name, value)` with Werkzeug's defaults (`path="/"`).
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Self {
        CookieSpec {
            name: name.into(),
            value: value.into(),
            max_age: None,
            expires: None,
            path: Some("/".into()),
            domain: None,
            secure: false,
            httponly: false,
            samesite: None,
            partitioned: false,
        }
    }

    /// `delete_cookie(name, …)`: an empty value that expired at the epoch, `Max-Age=0`.
    pub fn deletion(mut self) -> Self {
        self.value.clear();
        self.expires = Some(Expires::At(0));
        self.max_age = Some(0);
        self
    }

    /// The header value. `now` (seconds, may be fractional) is used only to synthesize
    /// `Expires` from `Max-Age`. `None` when a date falls outside years 1–9999 (Python
    /// raises there too).
    pub fn to_header(&self, now: f64) -> Option<String> {
        let mut out = String::with_capacity(self.name.len() + self.value.len() + 64);
        out.push_str(&self.name);
        out.push('=');
        quote_value(&mut out, &self.value);
        if let Some(domain) = &self.domain {
            out.push_str("; Domain=");
            if !domain.is_empty() {
                out.push_str(&idna_domain(domain));
            }
        }
        let expires = match (&self.expires, self.max_age) {
            (Some(Expires::Verbatim(s)), _) => Some(s.clone()),
            (Some(Expires::At(t)), _) => Some(http_date(*t)?),
            (None, Some(age)) => Some(http_date((now + age as f64).floor() as i64)?),
            (None, None) => None,
        };
        if let Some(e) = expires {
            let _ = write!(out, "; Expires={e}");
        }
        if let Some(age) = self.max_age {
            let _ = write!(out, "; Max-Age={age}");
        }
        if self.secure || self.partitioned {
            out.push_str("; Secure");
        }
        if self.httponly {
            out.push_str("; HttpOnly");
        }
        if let Some(path) = &self.path {
            out.push_str("; Path=");
            quote_path(&mut out, path);
        }
        if let Some(s) = self.samesite {
            let _ = write!(out, "; SameSite={}", s.as_str());
        }
        if self.partitioned {
            out.push_str("; Partitioned");
        }
        Some(out)
    }
}

fn value_char_is_safe(c: char) -> bool {
    c.is_ascii_alphanumeric() || "_!#$%&'()*+-./:<=>?@[]^`{|}~".contains(c)
}

fn quote_value(out: &mut String, value: &str) {
    if value.chars().all(value_char_is_safe) {
        out.push_str(value);
        return;
    }
    out.push('"');
    for b in value.bytes() {
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            0x00..=0x19 | b',' | b';' | 0x7f..=0xff => {
                let _ = write!(out, "\\{b:03o}");
            }
            _ => out.push(b as char),
        }
    }
    out.push('"');
}

fn quote_path(out: &mut String, path: &str) {
    for c in path.chars() {
        if c.is_ascii_alphanumeric() || "_.-~%!$&'()*+,/:=@".contains(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
}

/// Werkzeug's domain processing: cut the port, strip leading dots, IDNA-encode non-ASCII
/// labels (lowercased, `ß` → `ss`, punycode with `xn--`); ASCII labels keep their case.
pub fn idna_domain(domain: &str) -> String {
    let host = domain
        .split(':')
        .next()
        .unwrap_or("")
        .trim_start_matches('.');
    host.split('.')
        .map(|label| {
            if label.is_ascii() {
                label.to_owned()
            } else {
                // Python's `encodings.idna` (IDNA 2003): nameprep folds case and `ß` to
                // `ss` before punycode; the `idna` crate's own mapping is IDNA 2008 (UTS 46),
                // which keeps `ß`, so only its RFC 3492 encoder is used.
                let folded: String = label.to_lowercase().replace('ß', "ss");
                if folded.is_ascii() {
                    folded
                } else {
                    idna::punycode::encode_str(&folded).map_or(folded, |p| format!("xn--{p}"))
                }
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_value_escapes_like_werkzeug() {
        let mut out = String::new();
        quote_value(&mut out, "a b,c;d\"e\\f сесія");
        assert_eq!(
            out,
            r#""a b\054c\073d\"e\\f \321\201\320\265\321\201\321\226\321\217""#
        );
    }

    #[test]
    fn path_and_domain_are_encoded_like_werkzeug() {
        let mut out = String::new();
        quote_path(&mut out, "/a b/ü;x");
        assert_eq!(out, "/a%20b/%C3%BC%3Bx");
        assert_eq!(
            idna_domain("..Bücher.Example:8443"),
            "xn--bcher-kva.Example"
        );
    }

    #[test]
    fn deletion_cookie_expires_at_the_epoch() {
        let mut spec = CookieSpec::new("session", "x").deletion();
        spec.httponly = true;
        assert_eq!(
            spec.to_header(1.7e9).unwrap(),
            "session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/"
        );
    }
}
