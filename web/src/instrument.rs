//! The questionnaire the app asks, compiled into the wasm module.
//!
//! `build.rs` validates the instrument (by default
//! `instruments/naastenmeter-v1.json`) at build time and
//! stores it in the core's compact binary form; here it is read back. This
//! keeps the first load to one module, works from `file://` for the
//! single-file build, and spares the app a JSON parser for instruments. To
//! ship another instrument, build with `NAASTENMETER_INSTRUMENT=<file>`.

use naastenmeter_core::{decode_instrument, Questionnaire};

/// The compiled-in instrument in binary form, made by `build.rs`.
const INSTRUMENT_BINARY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/instrument.bin"));

/// Reads the compiled-in instrument.
///
/// It was validated when the app was built and is validated again here
/// (under a millisecond), so a damaged module can never be scored with; the
/// app then shows the message instead of a blank page, so it is returned
/// as text.
pub fn load() -> Result<Questionnaire, String> {
    decode_instrument(INSTRUMENT_BINARY).map_err(|e| e.to_string())
}
