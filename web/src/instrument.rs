//! The questionnaire the app asks, compiled into the wasm module.
//!
//! `build.rs` validates the instrument (by default
//! `instruments/naastenmeter-v1.json`) at build time and
//! stores it in the core's compact binary form; here it is read back. This
//! keeps the first load to one module, works from `file://` for the
//! single-file build, and spares the app a JSON parser for instruments. To
//! ship another instrument, build with `NAASTENMETER_INSTRUMENT=<file>`.

use naastenmeter_core::digest::sha256_hex;
use naastenmeter_core::{decode_validated_instrument, Questionnaire};

/// The compiled-in instrument in binary form, made by `build.rs`.
const INSTRUMENT_BINARY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/instrument.bin"));

include!(concat!(env!("OUT_DIR"), "/instrument_sha256.rs"));

/// Reads the compiled-in instrument.
///
/// It was validated when the app was built; here its bytes are checked
/// against the SHA-256 the build recorded (under a millisecond), so a
/// damaged module can never be scored with; the app then shows the message
/// instead of a blank page, so it is returned as text. Checking the hash
/// instead of validating again leaves the validator and the binary writer
/// out of the wasm: first load 369,107 → 352,862 bytes gzip.
pub fn load() -> Result<Questionnaire, String> {
    if sha256_hex(INSTRUMENT_BINARY) != INSTRUMENT_SHA256 {
        return Err("the built-in questionnaire is damaged".to_string());
    }
    decode_validated_instrument(INSTRUMENT_BINARY).map_err(|e| e.to_string())
}

/// An earlier published version of the shipped instrument, loaded only when
/// a result made with it is opened (so the first load does not grow with
/// every version).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    /// The instrument's version.
    pub version: &'static str,
    /// The content hash its exports carry.
    pub content_hash: &'static str,
    /// Its binary file beside the app (`instruments/<file>`), written by
    /// `web/build.sh`.
    pub file: &'static str,
    /// The SHA-256 of that file, checked after loading (like the embed's
    /// SRI hashes: a changed file is never used).
    pub sha256: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/published.rs"));

/// Reads a loaded earlier version: its bytes must be the ones built, and it
/// takes the identity its exports carry.
pub fn read_published(published: &Published, bytes: &[u8]) -> Result<Questionnaire, String> {
    if sha256_hex(bytes) != published.sha256 {
        return Err(format!(
            "{}: not the file this app was built with",
            published.file
        ));
    }
    // build.rs validated these bytes; the hash above says they are the same.
    let questionnaire = decode_validated_instrument(bytes)
        .and_then(|q| q.as_published(published.content_hash))
        .map_err(|e| format!("{}: {e}", published.file))?;
    if questionnaire.version != published.version {
        return Err(format!(
            "{}: holds version {}",
            published.file, questionnaire.version
        ));
    }
    Ok(questionnaire)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_in_instrument_reads_as_a_validated_one() {
        // What `load` skips (validation, encoding again for the hash) gives
        // the same questionnaire and content hash.
        let loaded = load().expect("the compiled-in instrument");
        let validated = naastenmeter_core::decode_instrument(INSTRUMENT_BINARY).unwrap();
        assert_eq!(loaded, validated);
        assert_eq!(loaded.content_hash(), validated.content_hash());
    }
}
