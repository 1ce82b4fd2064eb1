//! The session codec on arbitrary input: taking a cookie apart never panics, and a cookie
//! that verifies decodes to a value that encodes and decodes to itself.
#![no_main]

#[path = "../checks/codec.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::check(data));
