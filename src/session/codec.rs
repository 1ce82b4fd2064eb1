//! The signed cookie itself: `[.]payload.timestamp.signature`, as itsdangerous'
//! `URLSafeTimedSerializer` makes it for Flask (salt `cookie-session`, HMAC-SHA1 with `hmac`
//! key derivation, TaggedJSON, zlib when it saves at least two bytes).
//!
//! Two readers: [`loads`] answers like Flask (a session, or why not), and [`inspect`] takes
//! the cookie apart for teaching — it decodes the payload even when the signature fails or
//! no key is given, because "signed, not encrypted" is the lesson.

use crate::session::b64;
use crate::session::json::{self, JsonError};
use crate::session::tagged::{self, TagError, UntagError};
use crate::session::value::{Dict, Json, Value};
use flate2::Compression;
use flate2::write::ZlibEncoder;
use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;
use std::io::Write;

type HmacSha1 = Hmac<Sha1>;

/// Flask's salt for session cookies.
pub const SALT: &[u8] = b"cookie-session";

/// Decoded payloads larger than this are refused: a cookie is at most ~4 KB, so only a zlib
/// bomb gets near it.
const MAX_INFLATED: u64 = 1 << 20;

/// The secret key and its fallbacks, with the derived HMAC keys computed once.
#[derive(Clone)]
pub struct Keys {
    signer: HmacSha1,
    /// Verification order: the current key, then the fallbacks from last to first.
    verifiers: Vec<HmacSha1>,
    derived_hex: Vec<String>,
}

impl std::fmt::Debug for Keys {
    // Never print a key, not even in a debug log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keys")
            .field("count", &self.verifiers.len())
            .finish_non_exhaustive()
    }
}

fn derive(secret: &[u8]) -> [u8; 20] {
    derive_salted(secret, SALT)
}

fn derive_salted(secret: &[u8], salt: &[u8]) -> [u8; 20] {
    let mut mac = HmacSha1::new_from_slice(secret).expect("HMAC accepts any key length");
    mac.update(salt);
    mac.finalize().into_bytes().into()
}

impl Keys {
    /// `SECRET_KEY` signs; `SECRET_KEY_FALLBACKS` (oldest first, as Flask lists them) only
    /// verify.
    pub fn new(secret: &[u8], fallbacks: &[Vec<u8>]) -> Self {
        Self::with_salt(secret, fallbacks, SALT)
    }

    /// Keys for another signed value of the same app (itsdangerous' `salt` keeps a cookie
    /// signed for one purpose from being accepted for another).
    pub fn with_salt(secret: &[u8], fallbacks: &[Vec<u8>], salt: &[u8]) -> Self {
        let mut derived: Vec<[u8; 20]> = vec![derive_salted(secret, salt)];
        derived.extend(fallbacks.iter().rev().map(|k| derive_salted(k, salt)));
        let verifiers: Vec<HmacSha1> = derived
            .iter()
            .map(|d| HmacSha1::new_from_slice(d).expect("HMAC accepts any key length"))
            .collect();
        let derived_hex = derived
            .iter()
            .map(|d| d.iter().map(|b| format!("{b:02x}")).collect())
            .collect();
        Keys {
            signer: verifiers[0].clone(),
            verifiers,
            derived_hex,
        }
    }

    /// The derived signing key in hex (what `derived_key_hex` in the vectors shows).
    pub fn derived_key_hex(&self) -> &str {
        &self.derived_hex[0]
    }

    fn signature(&self, signed_part: &[u8]) -> String {
        let mut mac = self.signer.clone();
        mac.update(signed_part);
        b64::encode_url(&mac.finalize().into_bytes())
    }

    /// Index (0 = current key) of the first key whose HMAC matches, compared in constant time.
    fn verify(&self, signed_part: &[u8], sig: &[u8]) -> Option<usize> {
        self.verifiers.iter().position(|v| {
            let mut mac = v.clone();
            mac.update(signed_part);
            mac.verify_slice(sig).is_ok()
        })
    }
}

/// What `dumps` produced, part by part, for explanations and tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoded {
    pub cookie: String,
    pub json: String,
    pub compressed: bool,
}

/// Sign `session` at Unix time `now` (seconds; itsdangerous truncates to an int).
pub fn dumps(session: &Dict, keys: &Keys, now: i64) -> Result<Encoded, TagError> {
    let json = json::to_python_json(&tagged::tag_dict(session)?);
    Ok(sign_json(json, keys, now))
}

/// Sign JSON text that is already in Flask's form.
pub fn sign_json(json: String, keys: &Keys, now: i64) -> Encoded {
    let (mut cookie, compressed) = payload_segment(&json);
    cookie.push('.');
    cookie.push_str(&b64::encode_url(&timestamp_bytes(now)));
    let sig = keys.signature(cookie.as_bytes());
    cookie.push('.');
    cookie.push_str(&sig);
    Encoded {
        cookie,
        json,
        compressed,
    }
}

/// The payload segment of `json`: `.` + zlib when that saves at least two bytes, plain
/// base64url otherwise. Returns the segment and whether it is compressed.
fn payload_segment(json: &str) -> (String, bool) {
    let mut seg = String::with_capacity(json.len() * 4 / 3 + 48);
    match zlib(json.as_bytes()) {
        Some(z) if z.len() + 1 < json.len() => {
            seg.push('.');
            seg.push_str(&b64::encode_url(&z));
            (seg, true)
        }
        _ => {
            seg.push_str(&b64::encode_url(json.as_bytes()));
            (seg, false)
        }
    }
}

fn zlib(data: &[u8]) -> Option<Vec<u8>> {
    let mut enc = ZlibEncoder::new(Vec::with_capacity(data.len()), Compression::new(6));
    enc.write_all(data).ok()?;
    enc.finish().ok()
}

/// The timestamp as itsdangerous writes it: big-endian, all leading zero bytes removed.
pub fn timestamp_bytes(ts: i64) -> Vec<u8> {
    let bytes = (ts.max(0) as u64).to_be_bytes();
    let first = bytes.iter().position(|b| *b != 0).unwrap_or(8);
    bytes[first..].to_vec()
}

/// Flask's three outcomes besides success.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// `BadSignature`: Flask silently starts an empty session.
    BadSignature,
    /// `SignatureExpired`: Flask silently starts an empty session.
    Expired,
    /// `BadPayload` (or a timestamp past year 9999): real Flask answers HTTP 500.
    Malformed,
    /// No key was given, so nothing could be verified (the decoder without a key).
    NoKey,
}

impl ErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::BadSignature => "bad_signature",
            ErrorKind::Expired => "expired",
            ErrorKind::Malformed => "malformed",
            ErrorKind::NoKey => "no_key",
        }
    }
}

/// Exactly why a cookie was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    NoKey,
    NoSeparator,
    SignatureMismatch,
    TimestampMissing,
    TimestampMalformed,
    TooOld { age: i64, max_age: i64 },
    FromTheFuture { ahead: i64 },
    TimestampOutOfRange { ts: u64 },
    PayloadBase64,
    PayloadZlib,
    PayloadUtf8,
    PayloadJson(JsonError),
    PayloadTag(UntagError),
    NotADict(&'static str),
}

impl Reason {
    pub fn kind(&self) -> ErrorKind {
        match self {
            Reason::NoKey => ErrorKind::NoKey,
            Reason::NoSeparator
            | Reason::SignatureMismatch
            | Reason::TimestampMissing
            | Reason::TimestampMalformed => ErrorKind::BadSignature,
            Reason::TooOld { .. } | Reason::FromTheFuture { .. } => ErrorKind::Expired,
            _ => ErrorKind::Malformed,
        }
    }

    /// A stable identifier of the reason, for localized explanations.
    pub fn code(&self) -> &'static str {
        match self {
            Reason::NoKey => "no-key",
            Reason::NoSeparator => "no-separator",
            Reason::SignatureMismatch => "signature-mismatch",
            Reason::TimestampMissing => "timestamp-missing",
            Reason::TimestampMalformed => "timestamp-malformed",
            Reason::TooOld { .. } => "too-old",
            Reason::FromTheFuture { .. } => "from-the-future",
            Reason::TimestampOutOfRange { .. } => "timestamp-out-of-range",
            Reason::PayloadBase64 => "payload-base64",
            Reason::PayloadZlib => "payload-zlib",
            Reason::PayloadUtf8 => "payload-utf8",
            Reason::PayloadJson(_) => "payload-json",
            Reason::PayloadTag(_) => "payload-tag",
            Reason::NotADict(_) => "not-a-dict",
        }
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reason::NoKey => write!(
                f,
                "no secret key was given, so the signature could not be checked; the payload is readable anyway because it is signed, not encrypted"
            ),
            Reason::NoSeparator => write!(
                f,
                "the value has no '.', so it is not a signed value at all"
            ),
            Reason::SignatureMismatch => write!(
                f,
                "the signature does not match the payload and timestamp under any of the keys: the cookie was changed, or signed with another secret key"
            ),
            Reason::TimestampMissing => write!(
                f,
                "the signature is valid but there is no timestamp segment"
            ),
            Reason::TimestampMalformed => write!(
                f,
                "the timestamp segment is not valid base64 of at most 8 bytes"
            ),
            Reason::TooOld { age, max_age } => write!(
                f,
                "the cookie was signed {age} s ago, more than the allowed {max_age} s (PERMANENT_SESSION_LIFETIME)"
            ),
            Reason::FromTheFuture { ahead } => write!(
                f,
                "the cookie's timestamp is {ahead} s in the future, which itsdangerous treats as expired"
            ),
            Reason::TimestampOutOfRange { ts } => write!(
                f,
                "the signature is valid but the timestamp {ts} is after the year 9999; real Flask crashes with HTTP 500 here"
            ),
            Reason::PayloadBase64 => write!(
                f,
                "the signature is valid but the payload is not base64; real Flask answers HTTP 500"
            ),
            Reason::PayloadZlib => write!(
                f,
                "the payload is marked compressed ('.') but is not valid zlib data; real Flask answers HTTP 500"
            ),
            Reason::PayloadUtf8 => write!(
                f,
                "the payload bytes are not UTF-8; real Flask answers HTTP 500"
            ),
            Reason::PayloadJson(e) => write!(
                f,
                "the payload is not valid JSON ({e}); real Flask answers HTTP 500"
            ),
            Reason::PayloadTag(e) => write!(
                f,
                "the tagged value {:?} cannot be converted back ({}); real Flask answers HTTP 500",
                e.tag, e.message
            ),
            Reason::NotADict(t) => write!(
                f,
                "the payload is a {t}, not a dict; real Flask answers HTTP 500"
            ),
        }
    }
}

/// The cookie taken apart: every field is filled in as far as the bytes allow, whatever the
/// outcome.
#[derive(Debug, Clone)]
pub struct Inspection {
    /// The payload segment without the `.` compression marker.
    pub payload: String,
    pub timestamp: String,
    pub signature: String,
    pub compressed: bool,
    /// The signing time, when the timestamp segment decodes.
    pub signed_at: Option<u64>,
    /// The payload as stored (tags included), when it decodes.
    pub json: Option<Json>,
    /// The payload as Flask's view would see it, when it decodes and untags.
    pub value: Option<Value>,
    /// Which key verified it: 0 the current key, n the n-th fallback counting from the newest.
    pub key_index: Option<usize>,
    /// Why Flask would not accept it; `None` when it would.
    pub error: Option<Reason>,
}

impl Inspection {
    pub fn is_valid(&self) -> bool {
        self.error.is_none()
    }

    /// The session Flask would open: the dict when valid, else `None`.
    pub fn session(&self) -> Option<&Dict> {
        match (&self.error, &self.value) {
            (None, Some(Value::Dict(d))) => Some(d),
            _ => None,
        }
    }
}

/// Flask's reading: the session, or why it was refused. An empty string is an empty session.
pub fn loads(cookie: &str, keys: &Keys, now: i64, max_age: Option<i64>) -> Result<Dict, Reason> {
    if cookie.is_empty() {
        return Ok(Dict::new());
    }
    let ins = inspect(cookie, Some(keys), now, max_age);
    match (ins.error, ins.value) {
        (None, Some(Value::Dict(d))) => Ok(d),
        (None, Some(Value::Null)) => Ok(Dict::new()),
        (None, _) => Err(Reason::NotADict("non-dict")),
        (Some(e), _) => Err(e),
    }
}

/// Take a cookie apart and check it the way itsdangerous does: signature, then timestamp,
/// then age, then payload. Without keys the outcome is [`Reason::NoKey`], but the parts and
/// payload are still decoded.
pub fn inspect(cookie: &str, keys: Option<&Keys>, now: i64, max_age: Option<i64>) -> Inspection {
    let bytes = cookie.as_bytes();
    let (signed_part, signature) = match bytes.iter().rposition(|b| *b == b'.') {
        Some(i) => (&bytes[..i], &bytes[i + 1..]),
        None => (bytes, &bytes[..0]),
    };
    let (payload_seg, ts_seg) = match signed_part.iter().rposition(|b| *b == b'.') {
        Some(i) => (&signed_part[..i], Some(&signed_part[i + 1..])),
        None => (signed_part, None),
    };
    let compressed = payload_seg.first() == Some(&b'.');
    let payload_b64 = if compressed {
        &payload_seg[1..]
    } else {
        payload_seg
    };
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    let mut ins = Inspection {
        payload: text(payload_b64),
        timestamp: ts_seg.map(text).unwrap_or_default(),
        signature: text(signature),
        compressed,
        signed_at: None,
        json: None,
        value: None,
        key_index: None,
        error: None,
    };
    let has_sep = bytes.contains(&b'.');

    // What anyone can read, key or no key.
    let ts = ts_seg.map(|s| match b64::decode_segment(s) {
        Ok(b) if b.len() <= 8 => Some(b.iter().fold(0u64, |acc, x| (acc << 8) | u64::from(*x))),
        _ => None,
    });
    ins.signed_at = ts.flatten();
    let payload = decode_payload(payload_b64, compressed);
    if let Ok((json, value)) = &payload {
        ins.json = Some(json.clone());
        ins.value = value.clone().ok();
    }

    // Flask's order: signature, timestamp, age, payload.
    let Some(keys) = keys else {
        ins.error = Some(if has_sep {
            Reason::NoKey
        } else {
            Reason::NoSeparator
        });
        return ins;
    };
    if !has_sep {
        ins.error = Some(Reason::NoSeparator);
        return ins;
    }
    let sig = b64::decode_segment(signature).unwrap_or_default();
    ins.key_index = keys.verify(signed_part, &sig);
    if ins.key_index.is_none() {
        ins.error = Some(Reason::SignatureMismatch);
        return ins;
    }
    let ts = match ts {
        None => {
            ins.error = Some(Reason::TimestampMissing);
            return ins;
        }
        Some(None) => {
            ins.error = Some(Reason::TimestampMalformed);
            return ins;
        }
        Some(Some(ts)) => ts,
    };
    if ts > crate::session::httpdate::MAX_UNIX as u64 {
        ins.error = Some(Reason::TimestampOutOfRange { ts });
        return ins;
    }
    let age = now - ts as i64;
    if let Some(max_age) = max_age {
        if age > max_age {
            ins.error = Some(Reason::TooOld { age, max_age });
            return ins;
        }
        if age < 0 {
            ins.error = Some(Reason::FromTheFuture { ahead: -age });
            return ins;
        }
    }
    ins.error = match payload {
        Err(reason) => Some(reason),
        Ok((_, Err(e))) => Some(Reason::PayloadTag(e)),
        Ok((_, Ok(Value::Dict(_) | Value::Null))) => None,
        Ok((_, Ok(other))) => Some(Reason::NotADict(other.type_name())),
    };
    ins
}

type Payload = Result<(Json, Result<Value, UntagError>), Reason>;

fn decode_payload(b64_part: &[u8], compressed: bool) -> Payload {
    let raw = b64::decode_segment(b64_part).map_err(|_| Reason::PayloadBase64)?;
    let raw = if compressed {
        inflate(&raw).ok_or(Reason::PayloadZlib)?
    } else {
        raw
    };
    let text = std::str::from_utf8(&raw).map_err(|_| Reason::PayloadUtf8)?;
    let json = json::parse(text).map_err(Reason::PayloadJson)?;
    let value = tagged::untag(&json);
    Ok((json, value))
}

// zlib.decompress: header and Adler-32 checked, a truncated stream fails, and bytes after
// the end of the stream are ignored.
fn inflate(data: &[u8]) -> Option<Vec<u8>> {
    let mut d = flate2::Decompress::new(true);
    let mut out = Vec::with_capacity(data.len() * 4 + 64);
    loop {
        if out.len() == out.capacity() {
            if out.len() as u64 >= MAX_INFLATED {
                return None;
            }
            out.reserve(out.len());
        }
        let (in_before, out_before) = (d.total_in(), d.total_out());
        let rest = data.get(in_before as usize..)?;
        match d.decompress_vec(rest, &mut out, flate2::FlushDecompress::None) {
            Ok(flate2::Status::StreamEnd) => return Some(out),
            Err(_) => return None,
            Ok(_) => {
                // No progress with room left to write means the input ran out mid-stream.
                let stuck = d.total_in() == in_before && d.total_out() == out_before;
                if stuck && out.len() < out.capacity() {
                    return None;
                }
            }
        }
    }
}

/// The weak-key check: try every candidate secret against the cookie's signature, the way
/// flask-unsign does offline. Returns the key that signed it (if any) and how many were tried.
pub fn guess_key<'a>(
    cookie: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> (Option<&'a str>, usize) {
    let bytes = cookie.as_bytes();
    let Some(i) = bytes.iter().rposition(|b| *b == b'.') else {
        return (None, 0);
    };
    let (signed_part, sig) = (&bytes[..i], &bytes[i + 1..]);
    let Ok(sig) = b64::decode_segment(sig) else {
        return (None, 0);
    };
    let mut tried = 0;
    for candidate in candidates {
        tried += 1;
        let mut mac = HmacSha1::new_from_slice(&derive(candidate.as_bytes()))
            .expect("HMAC accepts any key length");
        mac.update(signed_part);
        if mac.verify_slice(&sig).is_ok() {
            return (Some(candidate), tried);
        }
    }
    (None, tried)
}

/// What an attacker without the key would try: change the payload (here `"admin": true`),
/// keep the old timestamp and signature. The result never verifies.
pub fn tamper(cookie: &str) -> String {
    let ins = inspect(cookie, None, 0, None);
    let parts: Vec<&str> = cookie.rsplitn(3, '.').collect();
    let (ts, sig) = match parts.as_slice() {
        [sig, ts, _] => (*ts, *sig),
        _ => ("", ""),
    };
    let payload = match ins.json {
        Some(Json::Object(mut entries)) => {
            match entries.iter_mut().find(|(k, _)| k == "admin") {
                Some(slot) => slot.1 = Json::Bool(!matches!(slot.1, Json::Bool(true))),
                None => entries.push(("admin".into(), Json::Bool(true))),
            }
            payload_segment(&json::to_python_json(&Json::Object(entries))).0
        }
        // Not a readable dict: change one character of the payload instead.
        _ => {
            let mut p: Vec<char> =
                format!("{}{}", if ins.compressed { "." } else { "" }, ins.payload)
                    .chars()
                    .collect();
            if let Some(c) = p.iter_mut().rev().find(|c| c.is_ascii_alphanumeric()) {
                *c = if *c == 'A' { 'B' } else { 'A' };
            }
            p.into_iter().collect()
        }
    };
    format!("{payload}.{ts}.{sig}")
}
