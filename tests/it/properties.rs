//! Property tests of the codec: what it signs it reads back, any single-byte change breaks
//! the signature, and no input whatsoever makes it panic.

use cookie_course::session::{Dict, Keys, Value, codec};
use proptest::prelude::*;

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::Int),
        any::<f64>()
            .prop_filter("NaN is not equal to itself", |f| !f.is_nan())
            .prop_map(Value::Float),
        "\\PC{0,12}".prop_map(Value::Str),
        "[ঀ-৿а-яіїєґ😀-🙏]{0,6}".prop_map(Value::Str),
        proptest::collection::vec(any::<u8>(), 0..12).prop_map(Value::Bytes),
        "\\PC{0,8}".prop_map(Value::Markup),
        any::<[u8; 16]>().prop_map(Value::Uuid),
        // Datetimes Flask writes and reads back unchanged: years 100–9999, whole seconds.
        (-58_979_923_200i64..253_402_300_799).prop_map(cookie_course::session::tagged::utc),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::List),
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Tuple),
            proptest::collection::btree_map("[ a-z_]{0,4}", inner, 0..4).prop_map(Value::Dict),
        ]
    })
}

fn session() -> impl Strategy<Value = Dict> {
    proptest::collection::btree_map("[ a-z_\\PC]{0,6}", value(), 0..5)
}

fn keys() -> Keys {
    Keys::new(b"property-test-key", &[b"an-older-key".to_vec()])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn encode_then_decode_is_the_identity(s in session(), ts in 1i64..4_000_000_000) {
        let cookie = codec::dumps(&s, &keys(), ts).unwrap().cookie;
        let back = codec::loads(&cookie, &keys(), ts, Some(0)).unwrap();
        prop_assert_eq!(Value::Dict(back), Value::Dict(s));
    }

    #[test]
    fn any_single_byte_change_fails_verification(s in session(), pos in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let cookie = codec::dumps(&s, &keys(), 1_700_000_000).unwrap().cookie;
        let mut bytes = cookie.clone().into_bytes();
        let i = pos.index(bytes.len());
        prop_assume!(bytes[i] != byte);
        bytes[i] = byte;
        let changed = String::from_utf8_lossy(&bytes).into_owned();
        // Python's lenient base64 ignores the two unused low bits of the signature's last
        // character, so flipping only those is not a change to the signature at all.
        let last = cookie.len() - 1;
        let same_sextet = i == last && {
            let sextet = |c: u8| "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".bytes().position(|x| x == c);
            matches!((sextet(cookie.as_bytes()[i]), sextet(byte)), (Some(a), Some(b)) if a >> 2 == b >> 2)
        };
        // `-`/`_` and `+`/`/` are the same digit to Python's decoder.
        let alias = matches!((cookie.as_bytes()[i], byte), (b'-', b'+') | (b'_', b'/'));
        prop_assume!(!same_sextet && !alias);
        let result = codec::loads(&changed, &keys(), 1_700_000_000, None);
        prop_assert!(result.is_err(), "byte {} of {} changed to {:?} still verifies", i, cookie, byte as char);
    }

    #[test]
    fn decoder_never_panics_on_arbitrary_input(raw in proptest::collection::vec(any::<u8>(), 0..300)) {
        let text = String::from_utf8_lossy(&raw);
        let _ = codec::inspect(&text, Some(&keys()), 1_700_000_000, Some(60));
        let _ = codec::inspect(&text, None, 1_700_000_000, None);
    }

    #[test]
    fn decoder_never_panics_on_cookie_shaped_input(
        payload in "\\.?[A-Za-z0-9_=-]{0,80}", ts in "[A-Za-z0-9_-]{0,12}", sig in "[A-Za-z0-9_=-]{0,30}"
    ) {
        let cookie = format!("{payload}.{ts}.{sig}");
        let ins = codec::inspect(&cookie, Some(&keys()), 1_700_000_000, Some(60));
        prop_assert!(ins.error.is_some());
    }

    #[test]
    fn signed_but_arbitrary_payloads_are_explained_not_fatal(raw in proptest::collection::vec(any::<u8>(), 0..200)) {
        // Correctly signed garbage is what real Flask answers 500 to; here it is a reason.
        let text = String::from_utf8_lossy(&raw).into_owned();
        let cookie = codec::sign_json(text.clone(), &keys(), 1_700_000_000).cookie;
        let ins = codec::inspect(&cookie, Some(&keys()), 1_700_000_000, None);
        // The signature is ours, so the only way to fail is a payload that does not decode,
        // and then the reason says so.
        prop_assert_eq!(ins.key_index, Some(0));
        match &ins.error {
            None => prop_assert!(ins.json.is_some() && ins.value.is_some(), "{text:?}"),
            Some(reason) => prop_assert_eq!(reason.kind(), codec::ErrorKind::Malformed, "{:?}", text),
        }
    }
}
