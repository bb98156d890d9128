//! Fuzz target `share_code`: see `check_share_code` in `fuzz/checks.rs`.
#![no_main]

#[allow(dead_code)] // Each target uses one of the checks.
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::check_share_code(data));
