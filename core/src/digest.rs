//! SHA-256 in lower-case hex: the content hash of an instrument and the
//! checksum of a JSON report both use it.

use alloc::string::String;
use core::fmt::Write;

use sha2::{Digest, Sha256};

/// The SHA-256 of `bytes` as 64 lower-case hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(64);
    for byte in Sha256::digest(bytes) {
        // Writing into a String cannot fail.
        let _ = write!(out, "{byte:02x}");
    }
    out
}
