//! Cookie attributes and headers from arbitrary input, through the sandbox's own parsing:
//! the form body is parsed and validated as `POST /sandbox/cookies/set` does; what passes
//! becomes one clean `Set-Cookie` line naming the cookie asked for. The `Cookie` header
//! parser and the `Expires` date parser never panic.
//!
//! Shared by the fuzz target and by `cargo test`, which replays the corpus in
//! `fuzz/corpus/cookie_attrs/`.

use cookie_course::session::httpdate::parse_rfc2822;
use cookie_course::web::exchange::parse_cookie_header;
use cookie_course::web::form::Form;
use cookie_course::web::sandbox::cookie_from_form;

/// Panics on a finding.
pub fn check(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = parse_cookie_header(&text);
    let _ = parse_rfc2822(&text);

    let form = Form::parse(data);
    let Ok(spec) = cookie_from_form(&form) else {
        return;
    };
    let Some(header) = spec.to_header(1_700_000_000.0) else {
        return;
    };
    assert!(
        !header.chars().any(|c| c.is_control()),
        "a control character in {header:?}"
    );
    assert!(header.starts_with(&format!("{}=", spec.name)), "{header:?}");
    // The browser's view of the name=value pair: exactly one cookie, the one asked for.
    let pair = header.split("; ").next().unwrap_or("");
    let parsed = parse_cookie_header(pair);
    assert_eq!(parsed.len(), 1, "{header:?} -> {parsed:?}");
    assert_eq!(parsed[0].0, spec.name);
}
