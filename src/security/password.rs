//! Werkzeug's `check_password_hash` for `pbkdf2:sha1:<iterations>$<salt>$<hex>` hashes: the
//! sandbox's demo login checks a hash, never a stored password, as the lesson teaches.

use hmac::Hmac;
use sha1::Sha1;
use subtle::ConstantTimeEq;

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
    let mut derived = [0u8; 20];
    if pbkdf2::pbkdf2::<Hmac<Sha1>>(
        password.as_bytes(),
        salt.as_bytes(),
        iterations,
        &mut derived,
    )
    .is_err()
    {
        return false;
    }
    // Constant time: the comparison does not stop at the first difference.
    derived.ct_eq(&expected[..]).into()
}

fn hex(s: &str) -> Option<Vec<u8>> {
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
