//! JSON text exactly as Python's `json` module writes and reads it for Flask sessions:
//! `json.dumps(obj, separators=(",", ":"), sort_keys=True, ensure_ascii=True)` and
//! `json.loads`. serde_json differs in escaping, float formatting and non-finite numbers,
//! so both directions are written out here.

use crate::session::value::{Json, python_float_repr};
use std::fmt::Write as _;

/// Deeper nesting than this is refused: Python would hit its recursion limit near 1000,
/// and a bounded depth keeps hostile input from exhausting the stack here.
pub const MAX_DEPTH: usize = 512;

/// Python refuses to convert integers longer than this many digits
/// (`sys.int_info.default_max_str_digits`).
const MAX_INT_DIGITS: usize = 4300;

/// Serialize `json` as Flask does. Objects are written with keys sorted by code point.
pub fn to_python_json(json: &Json) -> String {
    let mut out = String::with_capacity(64);
    write_json(&mut out, json);
    out
}

fn write_json(out: &mut String, json: &Json) {
    match json {
        Json::Null => out.push_str("null"),
        Json::Bool(true) => out.push_str("true"),
        Json::Bool(false) => out.push_str("false"),
        Json::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Json::BigInt(s) => out.push_str(s),
        Json::Float(f) => out.push_str(&python_float_repr(*f, "NaN", "Infinity")),
        Json::Str(s) => write_string(out, s),
        Json::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(out, item);
            }
            out.push(']');
        }
        Json::Object(entries) => {
            let mut sorted: Vec<&(String, Json)> = entries.iter().collect();
            sorted.sort_by(|a, b| a.0.cmp(&b.0));
            out.push('{');
            for (i, (k, v)) in sorted.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(out, k);
                out.push(':');
                write_json(out, v);
            }
            out.push('}');
        }
    }
}

/// A JSON string with `ensure_ascii`: lowercase `\u` escapes, DEL escaped, astral
/// characters as surrogate pairs.
pub fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            ' '..='~' => out.push(c),
            c => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
        }
    }
    out.push('"');
}

/// Why `json.loads` would refuse the text, with the byte offset where it gave up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub message: &'static str,
    pub offset: usize,
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at character {}", self.message, self.offset)
    }
}

/// Parse like Python's `json.loads` (NaN/Infinity accepted, big integers kept, duplicate
/// keys: last value wins in the first key's position).
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
        text,
    };
    p.ws();
    let v = p.value(0)?;
    p.ws();
    if p.i != p.s.len() {
        return Err(p.err("Extra data"));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    text: &'a str,
}

impl Parser<'_> {
    fn err(&self, message: &'static str) -> JsonError {
        JsonError {
            message,
            offset: self.text[..self.i.min(self.text.len())].chars().count(),
        }
    }

    fn ws(&mut self) {
        while matches!(self.s.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, lit: &str) -> bool {
        if self.s[self.i..].starts_with(lit.as_bytes()) {
            self.i += lit.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.err("Nesting too deep"));
        }
        match self.s.get(self.i) {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => Ok(Json::Str(self.string()?)),
            Some(b'n') if self.eat("null") => Ok(Json::Null),
            Some(b't') if self.eat("true") => Ok(Json::Bool(true)),
            Some(b'f') if self.eat("false") => Ok(Json::Bool(false)),
            Some(b'N') if self.eat("NaN") => Ok(Json::Float(f64::NAN)),
            Some(b'I') if self.eat("Infinity") => Ok(Json::Float(f64::INFINITY)),
            Some(b'-') if self.s[self.i..].starts_with(b"-Infinity") => {
                self.i += 9;
                Ok(Json::Float(f64::NEG_INFINITY))
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.err("Expecting value")),
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while matches!(self.s.get(self.i), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        self.i - start
    }

    // Python's NUMBER_RE: -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?
    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.i;
        if self.s[self.i] == b'-' {
            self.i += 1;
        }
        match self.s.get(self.i) {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.err("Expecting value")),
        }
        let int_end = self.i;
        let mut is_float = false;
        if self.s.get(self.i) == Some(&b'.') {
            let save = self.i;
            self.i += 1;
            if self.digits() == 0 {
                self.i = save;
            } else {
                is_float = true;
            }
        }
        if matches!(self.s.get(self.i), Some(b'e' | b'E')) {
            let save = self.i;
            self.i += 1;
            if matches!(self.s.get(self.i), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if self.digits() == 0 {
                self.i = save;
            } else {
                is_float = true;
            }
        }
        let text = &self.text[start..self.i];
        if is_float {
            // Rust, like Python, rounds to nearest and overflows to infinity.
            return text
                .parse::<f64>()
                .map(Json::Float)
                .map_err(|_| self.err("Bad number"));
        }
        let text = &self.text[start..int_end];
        if let Ok(i) = text.parse::<i64>() {
            return Ok(Json::Int(i));
        }
        if text.trim_start_matches('-').len() > MAX_INT_DIGITS {
            return Err(self.err("Integer too long for Python to convert"));
        }
        Ok(Json::BigInt(text.to_owned()))
    }

    fn hex4(&mut self) -> Result<u16, JsonError> {
        let h = self
            .s
            .get(self.i..self.i + 4)
            .ok_or_else(|| self.err("Invalid \\uXXXX escape"))?;
        let h = std::str::from_utf8(h).map_err(|_| self.err("Invalid \\uXXXX escape"))?;
        if !h.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self.err("Invalid \\uXXXX escape"));
        }
        self.i += 4;
        u16::from_str_radix(h, 16).map_err(|_| self.err("Invalid \\uXXXX escape"))
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.i += 1; // opening quote
        let mut out = String::new();
        loop {
            let start = self.i;
            while let Some(&b) = self.s.get(self.i) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            out.push_str(&self.text[start..self.i]);
            match self.s.get(self.i) {
                None => return Err(self.err("Unterminated string")),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let esc = *self
                        .s
                        .get(self.i)
                        .ok_or_else(|| self.err("Unterminated string"))?;
                    self.i += 1;
                    match esc {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let c = if (0xd800..0xdc00).contains(&hi)
                                && self.s[self.i..].starts_with(b"\\u")
                            {
                                let save = self.i;
                                self.i += 2;
                                let lo = self.hex4()?;
                                if (0xdc00..0xe000).contains(&lo) {
                                    char::from_u32(
                                        0x10000
                                            + ((u32::from(hi) - 0xd800) << 10)
                                            + (u32::from(lo) - 0xdc00),
                                    )
                                } else {
                                    self.i = save;
                                    None
                                }
                            } else {
                                char::from_u32(u32::from(hi))
                            };
                            // Python keeps a lone surrogate in its str; Rust strings cannot
                            // hold one, and Flask never writes one.
                            out.push(c.ok_or_else(|| self.err("Lone surrogate in \\u escape"))?);
                        }
                        _ => {
                            self.i -= 1;
                            return Err(self.err("Invalid \\escape"));
                        }
                    }
                }
                Some(_) => return Err(self.err("Invalid control character")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.eat("]") {
            return Ok(Json::Array(items));
        }
        loop {
            self.ws();
            items.push(self.value(depth + 1)?);
            self.ws();
            if self.eat("]") {
                return Ok(Json::Array(items));
            }
            if !self.eat(",") {
                return Err(self.err("Expecting ',' delimiter"));
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.i += 1;
        let mut entries: Vec<(String, Json)> = Vec::new();
        self.ws();
        if self.eat("}") {
            return Ok(Json::Object(entries));
        }
        loop {
            self.ws();
            if self.s.get(self.i) != Some(&b'"') {
                return Err(self.err("Expecting property name enclosed in double quotes"));
            }
            let key = self.string()?;
            self.ws();
            if !self.eat(":") {
                return Err(self.err("Expecting ':' delimiter"));
            }
            self.ws();
            let value = self.value(depth + 1)?;
            match entries.iter_mut().find(|(k, _)| *k == key) {
                Some(slot) => slot.1 = value,
                None => entries.push((key, value)),
            }
            self.ws();
            if self.eat("}") {
                return Ok(Json::Object(entries));
            }
            if !self.eat(",") {
                return Err(self.err("Expecting ',' delimiter"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_like_ensure_ascii() {
        let mut out = String::new();
        write_string(&mut out, "a\"\\\n\u{7f}ж😀/<");
        assert_eq!(out, r#""a\"\\\n\u007f\u0436\ud83d\ude00/<""#);
    }

    #[test]
    fn parser_accepts_python_extensions_and_rejects_the_rest() {
        assert_eq!(
            parse(" NaN ").map(|j| matches!(j, Json::Float(f) if f.is_nan())),
            Ok(true)
        );
        assert_eq!(parse("-Infinity"), Ok(Json::Float(f64::NEG_INFINITY)));
        assert_eq!(
            parse("18446744073709551616"),
            Ok(Json::BigInt("18446744073709551616".into()))
        );
        assert_eq!(parse("-0"), Ok(Json::Int(0)));
        assert_eq!(parse("1e400"), Ok(Json::Float(f64::INFINITY)));
        assert_eq!(
            parse(r#"{"a":1,"b":2,"a":3}"#),
            Ok(Json::Object(vec![
                ("a".into(), Json::Int(3)),
                ("b".into(), Json::Int(2))
            ]))
        );
        assert_eq!(parse(r#""\ud83d\ude00""#), Ok(Json::Str("😀".into())));
        assert!(parse("[1,]").is_err());
        assert!(parse("01").is_err());
        assert!(parse("\"a\u{1}\"").is_err());
        assert!(parse("\u{feff}{}").is_err());
        assert!(parse(&"[".repeat(10_000)).is_err());
    }
}
