//! The values a Flask session can hold, and the raw JSON they travel as.
//!
//! `Value` is what a Python view sees (a tuple is a tuple, bytes are bytes); `Json` is the
//! parsed cookie payload before TaggedJSON is undone, kept because the state panel shows the
//! payload exactly as stored.

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The top level of a session: Flask's `dict`. Keys sort by code point, as `json.dumps`
/// with `sort_keys=True` does (UTF-8 byte order is code-point order).
pub type Dict = BTreeMap<String, Value>;

/// A value of the Python types Flask's TaggedJSON serializer round-trips.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    /// A Python int outside the signed 64-bit range, as canonical decimal (`-` sign, no
    /// leading zeros).
    BigInt(String),
    Float(f64),
    Str(String),
    List(Vec<Value>),
    Tuple(Vec<Value>),
    Dict(Dict),
    Bytes(Vec<u8>),
    Markup(String),
    Uuid([u8; 16]),
    DateTime(DateTime),
}

pub use super::httpdate::DateTime;

/// Parsed JSON text with Python's `json.loads` model: integers of any size, non-finite
/// floats, objects in insertion order with the last duplicate winning.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Int(i64),
    BigInt(String),
    Float(f64),
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Value {
    /// Python's name for the value's type, for explanations.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "NoneType",
            Value::Bool(_) => "bool",
            Value::Int(_) | Value::BigInt(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "str",
            Value::List(_) => "list",
            Value::Tuple(_) => "tuple",
            Value::Dict(_) => "dict",
            Value::Bytes(_) => "bytes",
            Value::Markup(_) => "Markup",
            Value::Uuid(_) => "UUID",
            Value::DateTime(_) => "datetime",
        }
    }

    /// Python's truth value (`bool(value)`).
    pub fn is_truthy(&self) -> bool {
        match self {
            Value::Null => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::BigInt(_) | Value::Uuid(_) | Value::DateTime(_) => true,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) | Value::Markup(s) => !s.is_empty(),
            Value::List(x) | Value::Tuple(x) => !x.is_empty(),
            Value::Dict(m) => !m.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
        }
    }

    /// Python's `str(value)`: the text itself for strings and Markup, `repr` otherwise.
    pub fn python_str(&self) -> String {
        match self {
            Value::Str(s) | Value::Markup(s) => s.clone(),
            Value::Uuid(u) => uuid_hyphenated(u),
            Value::DateTime(dt) => {
                let (date, time) = crate::session::httpdate::civil(dt.unix + i64::from(dt.offset));
                format!(
                    "{:04}-{:02}-{:02} {:02}:{:02}:{:02}{}",
                    date.0,
                    date.1,
                    date.2,
                    time.0,
                    time.1,
                    time.2,
                    utc_offset_text(dt.offset, true)
                )
            }
            other => other.python_repr(),
        }
    }

    /// Python's `repr(value)`, the notation the state panel uses.
    pub fn python_repr(&self) -> String {
        let mut out = String::new();
        self.write_repr(&mut out);
        out
    }

    fn write_repr(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("None"),
            Value::Bool(true) => out.push_str("True"),
            Value::Bool(false) => out.push_str("False"),
            Value::Int(i) => {
                let _ = write!(out, "{i}");
            }
            Value::BigInt(s) => out.push_str(s),
            Value::Float(f) => out.push_str(&python_float_repr(*f, "nan", "inf")),
            Value::Str(s) => write_str_repr(out, s),
            Value::List(items) => {
                out.push('[');
                write_items(out, items);
                out.push(']');
            }
            Value::Tuple(items) => {
                out.push('(');
                write_items(out, items);
                if items.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            Value::Dict(map) => {
                out.push('{');
                for (i, (k, v)) in map.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    write_str_repr(out, k);
                    out.push_str(": ");
                    v.write_repr(out);
                }
                out.push('}');
            }
            Value::Bytes(b) => write_bytes_repr(out, b),
            Value::Markup(s) => {
                out.push_str("Markup(");
                write_str_repr(out, s);
                out.push(')');
            }
            Value::Uuid(u) => {
                let _ = write!(out, "UUID('{}')", uuid_hyphenated(u));
            }
            Value::DateTime(dt) => {
                let (date, time) = crate::session::httpdate::civil(dt.unix + i64::from(dt.offset));
                let _ = write!(
                    out,
                    "datetime.datetime({}, {}, {}, {}, {}",
                    date.0, date.1, date.2, time.0, time.1
                );
                if time.2 != 0 {
                    let _ = write!(out, ", {}", time.2);
                }
                if dt.offset == 0 {
                    out.push_str(", tzinfo=datetime.timezone.utc)");
                } else {
                    let _ = write!(
                        out,
                        ", tzinfo=datetime.timezone(datetime.timedelta(seconds={})))",
                        dt.offset
                    );
                }
            }
        }
    }
}

fn write_items(out: &mut String, items: &[Value]) {
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        v.write_repr(out);
    }
}

/// `+HH:MM` as Python prints a UTC offset (`colon` picks `+00:00` over `+0000`).
fn utc_offset_text(offset: i32, colon: bool) -> String {
    let sign = if offset < 0 { '-' } else { '+' };
    let abs = offset.unsigned_abs();
    let (h, m, s) = (abs / 3600, abs % 3600 / 60, abs % 60);
    let sep = if colon { ":" } else { "" };
    if s != 0 {
        format!("{sign}{h:02}{sep}{m:02}{sep}{s:02}")
    } else {
        format!("{sign}{h:02}{sep}{m:02}")
    }
}

/// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, lowercase.
pub fn uuid_hyphenated(u: &[u8; 16]) -> String {
    let mut s = String::with_capacity(36);
    for (i, b) in u.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            s.push('-');
        }
        let _ = write!(s, "{b:02x}");
    }
    s
}

// Python's str.isprintable(), close enough for display: controls, separators other than
// the ASCII space, and the common invisible format characters are escaped.
fn python_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    !(c.is_control()
        || c.is_whitespace()
        || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}')
        || ('\u{e000}'..='\u{f8ff}').contains(&c))
}

fn write_str_repr(out: &mut String, s: &str) {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if python_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if (c as u32) < 0x10000 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => {
                let _ = write!(out, "\\U{:08x}", c as u32);
            }
        }
    }
    out.push(quote);
}

fn write_bytes_repr(out: &mut String, b: &[u8]) {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    out.push('b');
    out.push(quote);
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(byte as char),
            _ => {
                let _ = write!(out, "\\x{byte:02x}");
            }
        }
    }
    out.push(quote);
}

/// Python's `float.__repr__`: the shortest digits that round-trip, in fixed notation when
/// the decimal exponent is in (-4, 16], scientific (`1e+16`, `1e-05`) otherwise.
/// `nan` and `inf` name the non-finite values (`NaN`/`Infinity` in JSON, `nan`/`inf` in
/// Python source).
pub fn python_float_repr(f: f64, nan: &str, inf: &str) -> String {
    if f.is_nan() {
        return nan.to_owned();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            inf.to_owned()
        } else {
            format!("-{inf}")
        };
    }
    // `{:e}` gives the shortest round-trip digits as `d[.ddd]e<exp>`.
    let sci = format!("{:e}", f.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let n = digits.len() as i32;
    let point = exp + 1; // value = 0.DIGITS × 10^point
    let mut out = String::new();
    if f.is_sign_negative() {
        out.push('-');
    }
    if -4 < point && point <= 16 {
        if point <= 0 {
            out.push_str("0.");
            for _ in 0..-point {
                out.push('0');
            }
            out.push_str(&digits);
        } else if point >= n {
            out.push_str(&digits);
            for _ in 0..(point - n) {
                out.push('0');
            }
            out.push_str(".0");
        } else {
            out.push_str(&digits[..point as usize]);
            out.push('.');
            out.push_str(&digits[point as usize..]);
        }
    } else {
        out.push_str(&digits[..1]);
        if n > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let e = point - 1;
        let _ = write!(out, "e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_repr_matches_python_for_the_spec_examples() {
        let cases: [(f64, &str); 14] = [
            (1.0, "1.0"),
            (100.0, "100.0"),
            (1e15, "1000000000000000.0"),
            (1e16, "1e+16"),
            (0.0001, "0.0001"),
            (1e-5, "1e-05"),
            (1e-7, "1e-07"),
            (1.5e300, "1.5e+300"),
            (5e-324, "5e-324"),
            (0.1 + 0.2, "0.30000000000000004"),
            (-0.0, "-0.0"),
            (12345678901234567.0, "1.2345678901234568e+16"),
            (9.223372036854776e18, "9.223372036854776e+18"),
            (0.5, "0.5"),
        ];
        for (f, want) in cases {
            assert_eq!(python_float_repr(f, "NaN", "Infinity"), want, "{f:e}");
        }
    }

    #[test]
    fn repr_uses_python_notation_for_tagged_types() {
        let v = Value::Tuple(vec![Value::Int(1)]);
        assert_eq!(v.python_repr(), "(1,)");
        assert_eq!(
            Value::Bytes(vec![0xfb, b'a', b'\'']).python_repr(),
            "b\"\\xfba'\""
        );
        assert_eq!(Value::Str("it's".into()).python_repr(), "\"it's\"");
        assert_eq!(Value::Markup("<b>".into()).python_repr(), "Markup('<b>')");
    }
}
