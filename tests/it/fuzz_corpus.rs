//! The fuzz corpora replayed: every input the fuzzers kept (`fuzz/corpus/`), through the same
//! checks the fuzz targets run, so a regression in the codec or the cookie parsing fails
//! `cargo test` without a fuzzer installed.

#[path = "../../fuzz/checks/codec.rs"]
mod codec_check;
#[path = "../../fuzz/checks/cookie_attrs.rs"]
mod cookie_attrs_check;

fn replay(target: &str, check: fn(&[u8])) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(|| check(&data));
        assert!(outcome.is_ok(), "{} fails its check", path.display());
        count += 1;
    }
    assert!(
        count > 500,
        "{target}: only {count} inputs in {}",
        dir.display()
    );
}

#[test]
fn every_codec_corpus_input_passes_the_codec_checks() {
    replay("codec", codec_check::check);
}

#[test]
fn every_cookie_attrs_corpus_input_passes_the_cookie_checks() {
    replay("cookie_attrs", cookie_attrs_check::check);
}
