//! Cookie attributes and headers from arbitrary input, through the sandbox's own parsing:
//! the form body is parsed and validated as `POST /sandbox/cookies/set` does; what passes
//! becomes one clean `Set-Cookie` line naming the cookie asked for. The `Cookie` header
//! parser and the `Expires` date parser never panic.
#![no_main]

#[path = "../checks/cookie_attrs.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::check(data));
