//! MessagePack as msgspec writes and reads it: the format Flask-Session 0.8 stores server-side
//! sessions in (`msgspec.msgpack.Encoder().encode(dict(session))`). Smallest integer and
//! length encodings, floats always float64, bytes as `bin`, tuples as arrays, UUID and Markup
//! as strings, datetimes as the timestamp extension (-1).

use crate::session::value::{DateTime, Dict, Value, uuid_hyphenated};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MsgpackError {
    #[error("{0} cannot be stored by msgspec")]
    Unsupported(&'static str),
    #[error("truncated data")]
    Truncated,
    #[error("unsupported type byte 0x{0:02x}")]
    BadType(u8),
    #[error("a map key is not a string")]
    NonStringKey,
    #[error("a string is not UTF-8")]
    Utf8,
    #[error("nesting too deep")]
    TooDeep,
    #[error("trailing bytes after the value")]
    Trailing,
}

/// Encode a session dict.
pub fn encode(d: &Dict) -> Result<Vec<u8>, MsgpackError> {
    let mut out = Vec::with_capacity(64);
    write_map(&mut out, d)?;
    Ok(out)
}

fn write_len(
    out: &mut Vec<u8>,
    len: usize,
    fix: Option<(u8, usize)>,
    m8: Option<u8>,
    m16: u8,
    m32: u8,
) {
    match fix {
        Some((base, max)) if len <= max => out.push(base | len as u8),
        _ => match m8 {
            Some(m) if len <= 0xff => out.extend([m, len as u8]),
            _ if len <= 0xffff => {
                out.push(m16);
                out.extend((len as u16).to_be_bytes());
            }
            _ => {
                out.push(m32);
                out.extend((len as u32).to_be_bytes());
            }
        },
    }
}

fn write_str(out: &mut Vec<u8>, s: &str) {
    write_len(out, s.len(), Some((0xa0, 31)), Some(0xd9), 0xda, 0xdb);
    out.extend(s.as_bytes());
}

fn write_int(out: &mut Vec<u8>, i: i64) {
    match i {
        0..=0x7f => out.push(i as u8),
        -32..=-1 => out.push(i as i8 as u8),
        0x80..=0xff => out.extend([0xcc, i as u8]),
        0x100..=0xffff => {
            out.push(0xcd);
            out.extend((i as u16).to_be_bytes());
        }
        0x1_0000..=0xffff_ffff => {
            out.push(0xce);
            out.extend((i as u32).to_be_bytes());
        }
        0x1_0000_0000.. => {
            out.push(0xcf);
            out.extend((i as u64).to_be_bytes());
        }
        -0x80..=-33 => out.extend([0xd0, i as i8 as u8]),
        -0x8000..=-0x81 => {
            out.push(0xd1);
            out.extend((i as i16).to_be_bytes());
        }
        -0x8000_0000..=-0x8001 => {
            out.push(0xd2);
            out.extend((i as i32).to_be_bytes());
        }
        _ => {
            out.push(0xd3);
            out.extend(i.to_be_bytes());
        }
    }
}

fn write_map(out: &mut Vec<u8>, d: &Dict) -> Result<(), MsgpackError> {
    write_len(out, d.len(), Some((0x80, 15)), None, 0xde, 0xdf);
    for (k, v) in d {
        write_str(out, k);
        write_value(out, v)?;
    }
    Ok(())
}

fn write_value(out: &mut Vec<u8>, v: &Value) -> Result<(), MsgpackError> {
    match v {
        Value::Null => out.push(0xc0),
        Value::Bool(false) => out.push(0xc2),
        Value::Bool(true) => out.push(0xc3),
        Value::Int(i) => write_int(out, *i),
        Value::BigInt(s) => match s.parse::<u64>() {
            Ok(u) => {
                out.push(0xcf);
                out.extend(u.to_be_bytes());
            }
            Err(_) => return Err(MsgpackError::Unsupported("an integer beyond 64 bits")),
        },
        Value::Float(f) => {
            out.push(0xcb);
            out.extend(f.to_bits().to_be_bytes());
        }
        Value::Str(s) | Value::Markup(s) => write_str(out, s),
        Value::Uuid(u) => write_str(out, &uuid_hyphenated(u)),
        Value::Bytes(b) => {
            write_len(out, b.len(), None, Some(0xc4), 0xc5, 0xc6);
            out.extend(b);
        }
        Value::List(items) | Value::Tuple(items) => {
            write_len(out, items.len(), Some((0x90, 15)), None, 0xdc, 0xdd);
            for item in items {
                write_value(out, item)?;
            }
        }
        Value::Dict(d) => write_map(out, d)?,
        Value::DateTime(dt) => {
            // The timestamp extension: 32-bit seconds when they fit, else 96-bit.
            if (0..=i64::from(u32::MAX)).contains(&dt.unix) {
                out.extend([0xd6, 0xff]);
                out.extend((dt.unix as u32).to_be_bytes());
            } else {
                out.extend([0xc7, 12, 0xff]);
                out.extend(0u32.to_be_bytes());
                out.extend(dt.unix.to_be_bytes());
            }
        }
    }
    Ok(())
}

/// Decode a stored session: a map with string keys at the top.
pub fn decode(bytes: &[u8]) -> Result<Dict, MsgpackError> {
    let mut r = Reader { b: bytes, i: 0 };
    let v = r.value(0)?;
    if r.i != bytes.len() {
        return Err(MsgpackError::Trailing);
    }
    match v {
        Value::Dict(d) => Ok(d),
        _ => Err(MsgpackError::Unsupported("a session that is not a map")),
    }
}

struct Reader<'a> {
    b: &'a [u8],
    i: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], MsgpackError> {
        let s = self
            .b
            .get(self.i..self.i.checked_add(n).ok_or(MsgpackError::Truncated)?)
            .ok_or(MsgpackError::Truncated)?;
        self.i += n;
        Ok(s)
    }
    fn uint(&mut self, n: usize) -> Result<u64, MsgpackError> {
        Ok(self
            .take(n)?
            .iter()
            .fold(0u64, |acc, b| (acc << 8) | u64::from(*b)))
    }
    fn string(&mut self, n: usize) -> Result<String, MsgpackError> {
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| MsgpackError::Utf8)
    }
    fn array(&mut self, n: usize, depth: usize) -> Result<Value, MsgpackError> {
        // Each element takes at least one byte: a length beyond the input is a lie.
        if n > self.b.len() - self.i {
            return Err(MsgpackError::Truncated);
        }
        (0..n)
            .map(|_| self.value(depth + 1))
            .collect::<Result<_, _>>()
            .map(Value::List)
    }
    fn map(&mut self, n: usize, depth: usize) -> Result<Value, MsgpackError> {
        if n > self.b.len() - self.i {
            return Err(MsgpackError::Truncated);
        }
        let mut d = Dict::new();
        for _ in 0..n {
            let Value::Str(k) = self.value(depth + 1)? else {
                return Err(MsgpackError::NonStringKey);
            };
            let v = self.value(depth + 1)?;
            d.insert(k, v);
        }
        Ok(Value::Dict(d))
    }
    fn ext(&mut self, n: usize) -> Result<Value, MsgpackError> {
        let kind = self.take(1)?[0] as i8;
        let data = self.take(n)?;
        if kind != -1 {
            return Err(MsgpackError::Unsupported(
                "an extension other than timestamps",
            ));
        }
        let unix = match data.len() {
            4 => i64::from(u32::from_be_bytes(data.try_into().unwrap_or_default())),
            8 => (u64::from_be_bytes(data.try_into().unwrap_or_default()) & 0x3_ffff_ffff) as i64,
            12 => i64::from_be_bytes(data[4..].try_into().unwrap_or_default()),
            _ => return Err(MsgpackError::Unsupported("a malformed timestamp")),
        };
        Ok(Value::DateTime(DateTime { unix, offset: 0 }))
    }
    fn value(&mut self, depth: usize) -> Result<Value, MsgpackError> {
        if depth > crate::session::json::MAX_DEPTH {
            return Err(MsgpackError::TooDeep);
        }
        let t = self.take(1)?[0];
        Ok(match t {
            0x00..=0x7f => Value::Int(i64::from(t)),
            0x80..=0x8f => return self.map(usize::from(t & 0x0f), depth),
            0x90..=0x9f => return self.array(usize::from(t & 0x0f), depth),
            0xa0..=0xbf => Value::Str(self.string(usize::from(t & 0x1f))?),
            0xc0 => Value::Null,
            0xc2 => Value::Bool(false),
            0xc3 => Value::Bool(true),
            0xc4..=0xc6 => {
                let n = self.uint(1 << (t - 0xc4))? as usize;
                Value::Bytes(self.take(n)?.to_vec())
            }
            0xc7..=0xc9 => {
                let n = self.uint(1 << (t - 0xc7))? as usize;
                return self.ext(n);
            }
            0xca => Value::Float(f64::from(f32::from_bits(self.uint(4)? as u32))),
            0xcb => Value::Float(f64::from_bits(self.uint(8)?)),
            0xcc..=0xcf => {
                let u = self.uint(1 << (t - 0xcc))?;
                i64::try_from(u).map_or_else(|_| Value::BigInt(u.to_string()), Value::Int)
            }
            0xd0 => Value::Int(i64::from(self.take(1)?[0] as i8)),
            0xd1 => Value::Int(i64::from(self.uint(2)? as u16 as i16)),
            0xd2 => Value::Int(i64::from(self.uint(4)? as u32 as i32)),
            0xd3 => Value::Int(self.uint(8)? as i64),
            0xd4..=0xd8 => return self.ext(1 << (t - 0xd4)),
            0xd9..=0xdb => {
                let n = self.uint(1 << (t - 0xd9))? as usize;
                Value::Str(self.string(n)?)
            }
            0xdc | 0xdd => {
                let n = self.uint(if t == 0xdc { 2 } else { 4 })? as usize;
                return self.array(n, depth);
            }
            0xde | 0xdf => {
                let n = self.uint(if t == 0xde { 2 } else { 4 })? as usize;
                return self.map(n, depth);
            }
            0xe0..=0xff => Value::Int(i64::from(t as i8)),
            other => return Err(MsgpackError::BadType(other)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    #[test]
    fn encoding_matches_msgspec() {
        // msgspec.msgpack.Encoder().encode({"a": 1, "b": [1, 2.5, "x", None, True, b"\x01"], "t": (1, 2)})
        let mut d = Dict::new();
        d.insert("a".into(), Value::Int(1));
        d.insert(
            "b".into(),
            Value::List(vec![
                Value::Int(1),
                Value::Float(2.5),
                Value::Str("x".into()),
                Value::Null,
                Value::Bool(true),
                Value::Bytes(vec![1]),
            ]),
        );
        d.insert("t".into(), Value::Tuple(vec![Value::Int(1), Value::Int(2)]));
        assert_eq!(
            hex(&encode(&d).unwrap()),
            "83a16101a1629601cb4004000000000000a178c0c3c40101a174920102"
        );
        let mut d = Dict::new();
        d.insert(
            "d".into(),
            Value::DateTime(DateTime {
                unix: 1_704_067_200,
                offset: 0,
            }),
        );
        assert_eq!(hex(&encode(&d).unwrap()), "81a164d6ff65920080");
        for (i, want) in [
            (-33i64, "d0df"),
            (200, "ccc8"),
            (1 << 40, "cf0000010000000000"),
            (-(1 << 40), "d3ffffff0000000000"),
        ] {
            let mut out = Vec::new();
            write_int(&mut out, i);
            assert_eq!(hex(&out), want, "{i}");
        }
    }

    #[test]
    fn decoding_round_trips_and_refuses_garbage() {
        let mut d = Dict::new();
        d.insert("user".into(), Value::Str("олена".into()));
        d.insert("n".into(), Value::Int(-70000));
        d.insert("cart".into(), Value::List(vec![Value::Str("tea".into())]));
        assert_eq!(decode(&encode(&d).unwrap()).unwrap(), d);
        assert!(decode(&[0x81]).is_err());
        assert!(decode(&[0xdd, 0xff, 0xff, 0xff, 0xff]).is_err());
        assert!(decode(&[0x81, 0x01, 0x02]).is_err());
        assert!(decode(&[0x80, 0x00]).is_err());
    }
}
