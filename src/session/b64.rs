//! CPython's lenient, non-strict base64 decoder (`binascii.a2b_base64`) and the URL-safe
//! encoder itsdangerous uses. Decoding must be exactly as forgiving as Python's, or a cookie
//! Flask accepts would be refused here (an extra `=`, junk after the padding, `+` for `-`).

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};

/// `b64url(x)`: URL-safe alphabet, no padding.
pub fn encode_url(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Standard alphabet with padding, as the `" b"` tag writes bytes.
pub fn encode_std(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

/// Why a segment did not decode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum B64Error {
    /// One character left over in the last group (`q = 1`).
    ImpossibleLength,
    /// Two or three characters left over with no padding to complete them.
    IncorrectPadding,
}

/// itsdangerous' `base64_decode` of a cookie segment: pad with `=` to a multiple of four
/// bytes, map `-`/`_` to `+`/`/`, then decode leniently.
pub fn decode_segment(segment: &[u8]) -> Result<Vec<u8>, B64Error> {
    let pad = (4 - segment.len() % 4) % 4;
    let mapped = segment.iter().map(|&b| match b {
        b'-' => b'+',
        b'_' => b'/',
        b => b,
    });
    lenient(mapped.chain(std::iter::repeat_n(b'=', pad)))
}

/// Python's `base64.b64decode(s)` as the `" b"` tag calls it: no implicit padding, `-` and
/// `_` are junk. `None` for a string with non-ASCII characters (Python raises).
pub fn decode_tag_bytes(s: &str) -> Option<Result<Vec<u8>, B64Error>> {
    if !s.is_ascii() {
        return None;
    }
    Some(lenient(s.bytes()))
}

fn sextet(b: u8) -> Option<u8> {
    Some(match b {
        b'A'..=b'Z' => b - b'A',
        b'a'..=b'z' => b - b'a' + 26,
        b'0'..=b'9' => b - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    })
}

fn lenient(input: impl Iterator<Item = u8>) -> Result<Vec<u8>, B64Error> {
    let mut out = Vec::new();
    let mut q = 0u8;
    let mut pads = 0u8;
    let mut acc: u32 = 0;
    for b in input {
        if b == b'=' {
            if q >= 2 {
                pads += 1;
                if q + pads >= 4 {
                    // A completed pad ends decoding; CPython < 3.14 ignores what follows.
                    return Ok(out);
                }
            }
            continue;
        }
        let Some(v) = sextet(b) else { continue };
        pads = 0;
        acc = (acc << 6) | u32::from(v);
        // Each character after the first of a group completes one byte; the bits below it
        // carry over to the next byte.
        match q {
            1 => {
                out.push((acc >> 4) as u8);
                acc &= 0x0f;
            }
            2 => {
                out.push((acc >> 2) as u8);
                acc &= 0x03;
            }
            3 => {
                out.push(acc as u8);
                acc = 0;
            }
            _ => {}
        }
        q = (q + 1) % 4;
    }
    match q {
        0 => Ok(out),
        1 => Err(B64Error::ImpossibleLength),
        _ => Err(B64Error::IncorrectPadding),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_decoder_accepts_what_python_accepts() {
        assert_eq!(decode_segment(b"ZVPxAA").unwrap(), [0x65, 0x53, 0xf1, 0x00]);
        assert_eq!(decode_segment(b"_w").unwrap(), [0xff]);
        assert_eq!(
            decode_segment(b"ZVPxAA=").unwrap(),
            [0x65, 0x53, 0xf1, 0x00]
        );
        assert_eq!(decode_segment(b"").unwrap(), Vec::<u8>::new());
        assert_eq!(
            decode_segment(b"Z!VPxAA==").unwrap(),
            [0x65, 0x53, 0xf1, 0x00]
        );
        assert_eq!(decode_segment(b"Z!VPxAA="), Err(B64Error::IncorrectPadding));
        assert_eq!(decode_segment(b"A"), Err(B64Error::ImpossibleLength));
    }

    #[test]
    fn tag_bytes_need_their_own_padding() {
        assert_eq!(decode_tag_bytes("+/8=").unwrap().unwrap(), [0xfb, 0xff]);
        assert_eq!(
            decode_tag_bytes("AAE"),
            Some(Err(B64Error::IncorrectPadding))
        );
        assert_eq!(decode_tag_bytes("é"), None);
    }
}
