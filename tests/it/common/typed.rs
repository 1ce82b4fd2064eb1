//! The typed-JSON convention of `tests/fixtures/flask/vectors.json` (`{"$tuple": …}`,
//! `{"$bytes": hex}`, …) converted to and from session values.

use cookie_course::session::httpdate::{days_from_civil, parse_rfc2822};
use cookie_course::session::{DateTime, Dict, Value};
use serde_json::{Value as J, json};

pub fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

pub fn to_hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// A secret key: a string (UTF-8) or `{"$bytes": hex}`.
pub fn key(j: &J) -> Vec<u8> {
    match j {
        J::String(s) => s.as_bytes().to_vec(),
        J::Object(o) => hex(o["$bytes"].as_str().unwrap()),
        other => panic!("bad key {other}"),
    }
}

pub fn keys(v: &J) -> cookie_course::session::Keys {
    let fallbacks: Vec<Vec<u8>> = v["fallback_keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(key)
        .collect();
    cookie_course::session::Keys::new(&key(&v["secret_key"]), &fallbacks)
}

/// ISO-8601 as Python's `datetime.isoformat()` writes it, with or without an offset.
fn iso(s: &str) -> DateTime {
    let (date, rest) = s.split_once('T').unwrap_or((s, "00:00:00"));
    let d: Vec<i64> = date.split('-').map(|x| x.parse().unwrap()).collect();
    let (time, offset) = match rest.find(['+', '-']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest.trim_end_matches('Z'), "+00:00"),
    };
    let t: Vec<f64> = time.split(':').map(|x| x.parse().unwrap()).collect();
    let sign = if offset.starts_with('-') { -1 } else { 1 };
    let o: Vec<i64> = offset[1..].split(':').map(|x| x.parse().unwrap()).collect();
    let off = sign * (o[0] * 3600 + o.get(1).copied().unwrap_or(0) * 60);
    let local = days_from_civil(d[0], d[1] as u32, d[2] as u32).expect("a real date") * 86_400
        + t[0] as i64 * 3600
        + t[1] as i64 * 60
        + t.get(2).copied().unwrap_or(0.0).floor() as i64;
    DateTime {
        unix: local - off,
        offset: off as i32,
    }
}

pub fn value(j: &J) -> Value {
    match j {
        J::Null => Value::Null,
        J::Bool(b) => Value::Bool(*b),
        J::Number(n) => match n.as_i64() {
            Some(i) if !n.is_f64() => Value::Int(i),
            _ => Value::Float(n.as_f64().unwrap()),
        },
        J::String(s) => Value::Str(s.clone()),
        J::Array(a) => Value::List(a.iter().map(value).collect()),
        J::Object(o) if o.len() == 1 && o.keys().next().unwrap().starts_with('$') => {
            let (k, v) = o.iter().next().unwrap();
            match k.as_str() {
                "$tuple" => Value::Tuple(v.as_array().unwrap().iter().map(value).collect()),
                "$bytes" => Value::Bytes(hex(v.as_str().unwrap())),
                "$markup" => Value::Markup(v.as_str().unwrap().into()),
                "$uuid" => {
                    let h = hex(&v.as_str().unwrap().replace('-', ""));
                    Value::Uuid(h.try_into().unwrap())
                }
                "$datetime" => Value::DateTime(iso(v.as_str().unwrap())),
                "$int" => Value::BigInt(v.as_str().unwrap().into()),
                "$float" => Value::Float(v.as_str().unwrap().parse().unwrap()),
                "$dict" => Value::Dict(dict(v)),
                other => panic!("unknown wrapper {other}"),
            }
        }
        J::Object(_) => Value::Dict(dict(j)),
    }
}

pub fn dict(j: &J) -> Dict {
    j.as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), value(v)))
        .collect()
}

/// Back to the typed convention (for handing values to the Python peer).
pub fn typed(v: &Value) -> J {
    match v {
        Value::Null => J::Null,
        Value::Bool(b) => json!(b),
        Value::Int(i) => json!(i),
        Value::BigInt(s) => json!({"$int": s}),
        Value::Float(f) if f.is_finite() => json!(f),
        Value::Float(f) => {
            json!({"$float": if f.is_nan() { "NaN".to_string() } else if *f > 0.0 { "Infinity".into() } else { "-Infinity".into() }})
        }
        Value::Str(s) => json!(s),
        Value::List(items) => J::Array(items.iter().map(typed).collect()),
        Value::Tuple(items) => json!({"$tuple": items.iter().map(typed).collect::<Vec<_>>()}),
        Value::Dict(d) => {
            let inner: serde_json::Map<String, J> =
                d.iter().map(|(k, v)| (k.clone(), typed(v))).collect();
            if d.len() == 1 && d.keys().next().unwrap().starts_with('$') {
                json!({"$dict": inner})
            } else {
                J::Object(inner)
            }
        }
        Value::Bytes(b) => json!({"$bytes": to_hex(b)}),
        Value::Markup(s) => json!({"$markup": s}),
        Value::Uuid(u) => json!({"$uuid": cookie_course::session::value::uuid_hyphenated(u)}),
        Value::DateTime(dt) => {
            let text = cookie_course::session::httpdate::rfc3339(dt.unix).unwrap();
            json!({"$datetime": text.replace('Z', "+00:00")})
        }
    }
}

/// Compare as Python's `==` would (NaN aside: the vectors' NaN compares equal to NaN here).
pub fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => {
            (x.is_nan() && y.is_nan()) || x.to_bits() == y.to_bits() || x == y
        }
        (Value::List(x), Value::List(y)) | (Value::Tuple(x), Value::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Value::Dict(x), Value::Dict(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((k1, v1), (k2, v2))| k1 == k2 && same(v1, v2))
        }
        _ => a == b,
    }
}

#[allow(dead_code)]
pub fn date_text(s: &str) -> Option<DateTime> {
    parse_rfc2822(s)
}
