//! Werkzeug's `check_password_hash` for `pbkdf2:sha1:<iterations>$<salt>$<hex>` hashes: the
//! sandbox's demo login checks a hash, never a stored password, as the lesson teaches.

use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;

/// `werkzeug.security.check_password_hash(hash, password)` for the PBKDF2-HMAC-SHA1 method.
/// Other methods are refused (`false`).
pub fn check_password_hash(hash: &str, password: &str) -> bool {
    let mut parts = hash.splitn(3, '$');
    let (Some(method), Some(salt), Some(expected)) = (parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let Some(iterations) = method
        .strip_prefix("pbkdf2:sha1:")
        .and_then(|n| n.parse::<u32>().ok())
    else {
        return false;
    };
    let Some(expected) = hex(expected) else {
        return false;
    };
    if expected.len() != 20 || iterations == 0 {
        return false;
    }
    let derived = pbkdf2_sha1(password.as_bytes(), salt.as_bytes(), iterations);
    // Constant time: the comparison does not stop at the first difference.
    derived
        .iter()
        .zip(&expected)
        .fold(0u8, |acc, (a, b)| acc | (a ^ b))
        == 0
}

fn hex(s: &str) -> Option<Vec<u8>> {
    if s.len() % 2 != 0 {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// PBKDF2 (RFC 8018) with HMAC-SHA1, one 20-byte block.
fn pbkdf2_sha1(password: &[u8], salt: &[u8], iterations: u32) -> [u8; 20] {
    let prf = Hmac::<Sha1>::new_from_slice(password).expect("HMAC accepts any key length");
    let mut mac = prf.clone();
    mac.update(salt);
    mac.update(&1u32.to_be_bytes());
    let mut u: [u8; 20] = mac.finalize().into_bytes().into();
    let mut out = u;
    for _ in 1..iterations {
        let mut mac = prf.clone();
        mac.update(&u);
        u = mac.finalize().into_bytes().into();
        for (o, x) in out.iter_mut().zip(u) {
            *o ^= x;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // Made by Werkzeug 3.1.8: generate_password_hash("cookies", method="pbkdf2:sha1:20000").
    const HASH: &str =
        "pbkdf2:sha1:20000$O6TZzdcYQU7UG5yu$04268939d095fea0168d640385ac86e0093cc577";

    #[test]
    fn werkzeug_hash_checks_the_right_password_only() {
        assert!(check_password_hash(HASH, "cookies"));
        assert!(!check_password_hash(HASH, "Cookies"));
        assert!(!check_password_hash(HASH, ""));
        assert!(!check_password_hash("scrypt:32768:8:1$x$y", "cookies"));
        assert!(!check_password_hash("garbage", "cookies"));
    }
}
