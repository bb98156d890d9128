//! The questionnaire the app asks, compiled into the wasm module.
//!
//! Compiling it in (rather than fetching it) keeps the first load to one
//! module, works from `file://` for the single-file build, and costs only a
//! few kilobytes after gzip. To ship another instrument, change the path in
//! [`INSTRUMENT_JSON`]; that is the only line to edit.

use naastenmeter_core::{load_instrument, Instrument};

/// The instrument file, as shipped.
pub const INSTRUMENT_JSON: &str = include_str!("../../instruments/naastenmeter-v1.json");

/// Loads and checks the compiled-in instrument.
///
/// A broken instrument is a build mistake, but the app still shows the
/// message instead of a blank page, so it is returned as text.
pub fn load() -> Result<Instrument, String> {
    load_instrument(INSTRUMENT_JSON.as_bytes()).map_err(|e| e.to_string())
}
