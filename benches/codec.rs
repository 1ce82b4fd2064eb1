//! Sign and verify a typical session, the two codec operations on every request.
//! Compare with itsdangerous: see README ("Performance").

use cookie_course::session::{Dict, Keys, Value, codec};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

/// The same session the README's `python3 -m timeit` line signs.
fn typical() -> Dict {
    let mut d = Dict::new();
    d.insert("lang".into(), Value::Str("uk".into()));
    d.insert("user_id".into(), Value::Int(42));
    d.insert(
        "cart".into(),
        Value::List(vec![Value::Str("apple".into()), Value::Str("pear".into())]),
    );
    d.insert(
        "_flashes".into(),
        Value::List(vec![Value::Tuple(vec![
            Value::Str("message".into()),
            Value::Str("Вітаємо!".into()),
        ])]),
    );
    d
}

fn bench(c: &mut Criterion) {
    let keys = Keys::new(b"bench-secret-key", &[]);
    let session = typical();
    let cookie = codec::dumps(&session, &keys, 1_700_000_000).unwrap().cookie;
    c.bench_function("sign typical session", |b| {
        b.iter(|| codec::dumps(black_box(&session), &keys, 1_700_000_000).unwrap())
    });
    c.bench_function("verify typical session", |b| {
        b.iter(|| codec::loads(black_box(&cookie), &keys, 1_700_000_100, Some(2_678_400)).unwrap())
    });
}

/// The decoder's weak-key check over the whole bundled list (the key is not in it), the
/// worst case; compare with `flask-unsign --unsign --wordlist data/weak-keys.txt`.
fn weak_keys(c: &mut Criterion) {
    let keys = Keys::new(b"not-in-any-list-7f3a9", &[]);
    let cookie = codec::dumps(&typical(), &keys, 1_700_000_000)
        .unwrap()
        .cookie;
    let count = cookie_course::security::weak_keys::candidates().count();
    c.bench_function(&format!("weak-key check, {count} candidates"), |b| {
        b.iter(|| {
            codec::guess_key(
                black_box(&cookie),
                cookie_course::security::weak_keys::candidates(),
            )
        })
    });
}

criterion_group!(benches, bench, weak_keys);
criterion_main!(benches);
