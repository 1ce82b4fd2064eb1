//! Flask's TaggedJSON: how tuples, bytes, Markup, UUIDs and datetimes survive a trip through
//! JSON (`{" t": [...]}`, `{" b": "..."}`, …), and how a one-key dict that looks like a tag is
//! protected (`{" di": {key + "__": value}}`).

use crate::session::b64;
use crate::session::httpdate;
use crate::session::value::{DateTime, Dict, Json, Value, uuid_hyphenated};

/// The registered tag keys, in Flask's order. A one-key dict using one of them is wrapped.
pub const TAGS: [&str; 6] = [" di", " t", " b", " m", " u", " d"];

/// Why a tagged value could not be turned back into Python (itsdangerous' `BadPayload`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UntagError {
    pub tag: &'static str,
    pub message: String,
}

/// Why a value cannot be tagged (Python's `datetime` range, for instance).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagError(pub String);

/// Value → JSON with Flask's tags.
pub fn tag(value: &Value) -> Result<Json, TagError> {
    Ok(match value {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(i) => Json::Int(*i),
        Value::BigInt(s) => Json::BigInt(s.clone()),
        Value::Float(f) => Json::Float(*f),
        Value::Str(s) => Json::Str(s.clone()),
        Value::Dict(map) => tag_dict(map)?,
        Value::Tuple(items) => wrap(" t", Json::Array(tag_all(items)?)),
        Value::List(items) => Json::Array(tag_all(items)?),
        Value::Bytes(b) => wrap(" b", Json::Str(b64::encode_std(b))),
        Value::Markup(s) => wrap(" m", Json::Str(s.clone())),
        Value::Uuid(u) => wrap(" u", Json::Str(uuid_hyphenated(u).replace('-', ""))),
        Value::DateTime(dt) => wrap(
            " d",
            Json::Str(
                httpdate::http_date(dt.unix)
                    .ok_or_else(|| TagError("datetime outside years 1–9999".into()))?,
            ),
        ),
    })
}

/// The session dict itself goes through the same rules, `" di"` wrapping included.
pub fn tag_dict(map: &Dict) -> Result<Json, TagError> {
    if map.len() == 1 {
        let (k, v) = map.iter().next().expect("one entry");
        if TAGS.contains(&k.as_str()) {
            return Ok(wrap(" di", Json::Object(vec![(format!("{k}__"), tag(v)?)])));
        }
    }
    Ok(Json::Object(
        map.iter()
            .map(|(k, v)| Ok((k.clone(), tag(v)?)))
            .collect::<Result<_, TagError>>()?,
    ))
}

fn tag_all(items: &[Value]) -> Result<Vec<Json>, TagError> {
    items.iter().map(tag).collect()
}

fn wrap(tag: &str, inner: Json) -> Json {
    Json::Object(vec![(tag.to_owned(), inner)])
}

/// JSON → Value, undoing Flask's tags bottom-up exactly as `TaggedJSONSerializer.loads`.
pub fn untag(json: &Json) -> Result<Value, UntagError> {
    Ok(match json {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Int(i) => Value::Int(*i),
        Json::BigInt(s) => Value::BigInt(s.clone()),
        Json::Float(f) => Value::Float(*f),
        Json::Str(s) => Value::Str(s.clone()),
        Json::Array(items) => Value::List(items.iter().map(untag).collect::<Result<_, _>>()?),
        Json::Object(entries) => {
            if let [(key, inner)] = entries.as_slice()
                && let Some(tag) = TAGS.iter().find(|t| **t == key)
            {
                if *tag == " di" {
                    return untag_di(inner);
                }
                return untag_one(tag, untag(inner)?);
            }
            let mut map = Dict::new();
            for (k, v) in entries {
                map.insert(k.clone(), untag(v)?);
            }
            Value::Dict(map)
        }
    })
}

fn err(tag: &'static str, message: impl Into<String>) -> UntagError {
    UntagError {
        tag,
        message: message.into(),
    }
}

// `{k[:-2]: v}` for the first key of the inner dict (insertion order, so read it from the
// raw JSON before the dict is sorted).
fn untag_di(inner: &Json) -> Result<Value, UntagError> {
    let (key, value) = match inner {
        Json::Object(entries) => match untag(inner)? {
            Value::Dict(mut map) => {
                // A plain object: first key in insertion order. A nested " di" yields a
                // one-key dict, whose only key is its first.
                let first = if entries.len() == 1 && entries[0].0 == " di" {
                    map.keys().next().cloned()
                } else {
                    entries.first().map(|(k, _)| k.clone())
                };
                let Some(k) = first else {
                    return Err(err(" di", "an empty object has no key to unwrap"));
                };
                let v = map.remove(&k).unwrap_or(Value::Null);
                (k, v)
            }
            other => {
                return Err(err(
                    " di",
                    format!("expected a dict, found {}", other.type_name()),
                ));
            }
        },
        other => {
            let v = untag(other)?;
            return Err(err(
                " di",
                format!("expected a dict, found {}", v.type_name()),
            ));
        }
    };
    let mut chars: Vec<char> = key.chars().collect();
    chars.truncate(chars.len().saturating_sub(2));
    let mut map = Dict::new();
    map.insert(chars.into_iter().collect(), value);
    Ok(Value::Dict(map))
}

fn untag_one(tag: &'static str, v: Value) -> Result<Value, UntagError> {
    match tag {
        " t" => match v {
            Value::List(items) | Value::Tuple(items) => Ok(Value::Tuple(items)),
            Value::Str(s) | Value::Markup(s) => Ok(Value::Tuple(
                s.chars().map(|c| Value::Str(c.to_string())).collect(),
            )),
            Value::Dict(map) => Ok(Value::Tuple(map.into_keys().map(Value::Str).collect())),
            Value::Bytes(b) => Ok(Value::Tuple(
                b.into_iter().map(|x| Value::Int(i64::from(x))).collect(),
            )),
            other => Err(err(
                tag,
                format!("'{}' object is not iterable", other.type_name()),
            )),
        },
        " b" => {
            let text = match &v {
                Value::Str(s) | Value::Markup(s) => s.clone(),
                Value::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
                other => {
                    return Err(err(
                        tag,
                        format!("argument should be a str, not '{}'", other.type_name()),
                    ));
                }
            };
            match b64::decode_tag_bytes(&text) {
                Some(Ok(bytes)) => Ok(Value::Bytes(bytes)),
                Some(Err(_)) => Err(err(tag, "Incorrect padding")),
                None => Err(err(
                    tag,
                    "string argument should contain only ASCII characters",
                )),
            }
        }
        " m" => Ok(Value::Markup(v.python_str())),
        " u" => match &v {
            Value::Str(s) | Value::Markup(s) => parse_uuid(s)
                .map(Value::Uuid)
                .ok_or_else(|| err(tag, "badly formed hexadecimal UUID string")),
            other => Err(err(
                tag,
                format!("'{}' object has no attribute 'replace'", other.type_name()),
            )),
        },
        " d" => match &v {
            Value::Str(s) | Value::Markup(s) => Ok(httpdate::parse_rfc2822(s)
                .map(Value::DateTime)
                .unwrap_or(Value::Null)),
            other if !other.is_truthy() => Ok(Value::Null),
            other => Err(err(
                tag,
                format!("'{}' object has no attribute 'split'", other.type_name()),
            )),
        },
        _ => Err(err(" di", "unknown tag")),
    }
}

// uuid.UUID(hex): drop `urn:`/`uuid:`, strip braces, drop hyphens, then 32 hex digits
// through Python's int(…, 16).
fn parse_uuid(s: &str) -> Option<[u8; 16]> {
    let s = s.replace("urn:", "").replace("uuid:", "");
    let s = s.trim_matches(|c| c == '{' || c == '}').replace('-', "");
    if s.chars().count() != 32 {
        return None;
    }
    let t = s.trim();
    let t = t.strip_prefix('+').unwrap_or(t);
    if t.is_empty() || t.starts_with('_') || t.ends_with('_') || t.contains("__") {
        return None;
    }
    let mut n: u128 = 0;
    for c in t.chars().filter(|c| *c != '_') {
        n = n
            .checked_mul(16)?
            .checked_add(u128::from(c.to_digit(16)?))?;
    }
    Some(n.to_be_bytes())
}

/// A helper for building datetimes in tests and the sandbox.
pub fn utc(unix: i64) -> Value {
    Value::DateTime(DateTime { unix, offset: 0 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::json::{parse, to_python_json};

    fn roundtrip(json: &str) -> Result<Value, UntagError> {
        untag(&parse(json).unwrap())
    }

    #[test]
    fn one_key_dict_named_like_a_tag_is_wrapped_and_unwrapped() {
        let mut map = Dict::new();
        map.insert(" t".into(), Value::Str("value".into()));
        let json = tag_dict(&map).unwrap();
        assert_eq!(to_python_json(&json), r#"{" di":{" t__":"value"}}"#);
        assert_eq!(untag(&json).unwrap(), Value::Dict(map));
    }

    #[test]
    fn di_drops_the_last_two_characters_of_the_first_key() {
        let v = roundtrip(r#"{" di":{"abcd":1,"zz":2}}"#).unwrap();
        let mut want = Dict::new();
        want.insert("ab".into(), Value::Int(1));
        assert_eq!(v, Value::Dict(want));
        assert!(roundtrip(r#"{" di":{}}"#).is_err());
        assert!(roundtrip(r#"{" di":1}"#).is_err());
    }

    #[test]
    fn tags_decode_with_python_leniency() {
        assert_eq!(
            roundtrip(r#"{" t":"ab"}"#).unwrap(),
            Value::Tuple(vec![Value::Str("a".into()), Value::Str("b".into())])
        );
        assert!(roundtrip(r#"{" t":1}"#).is_err());
        assert_eq!(
            roundtrip(r#"{" m":null}"#).unwrap(),
            Value::Markup("None".into())
        );
        assert_eq!(roundtrip(r#"{" d":"garbage"}"#).unwrap(), Value::Null);
        assert_eq!(roundtrip(r#"{" d":0}"#).unwrap(), Value::Null);
        assert!(roundtrip(r#"{" d":1}"#).is_err());
        assert!(roundtrip(r#"{" b":"AAE"}"#).is_err());
        assert_eq!(
            roundtrip(r#"{" u":"{urn:uuid:12345678-1234-5678-1234-567812345678}"}"#).unwrap(),
            Value::Uuid(0x1234_5678_1234_5678_1234_5678_1234_5678u128.to_be_bytes())
        );
        assert!(roundtrip(r#"{" u":"xyz"}"#).is_err());
        assert!(matches!(roundtrip(r#"{" x":1}"#).unwrap(), Value::Dict(_)));
    }
}
