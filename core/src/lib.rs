//! # naastenmeter-core
//!
//! The pure heart of Naastenmeter: it loads a questionnaire ("instrument") from
//! JSON, checks it, scores a relative's answers, computes the posterior
//! probability of each prototype, raises safety signals, selects advice, and
//! turns the result into exports (JSON report, FHIR R4, CSV, share code).
//!
//! The crate is `no_std` + `alloc`: it runs unchanged natively, in
//! WebAssembly and on bare-metal targets, and it never touches a browser,
//! a file system or the network. Nothing here panics on user input; every
//! failure is a value that says what is wrong and where.
//!
//! ```
//! use naastenmeter_core::{load_instrument, score, Answers};
//! let json = include_str!("../../tests/data/test-instrument.json");
//! let questionnaire = load_instrument(json.as_bytes()).unwrap();
//! let mut answers = Answers::new();
//! answers.set_value("b1", 4);
//! let scored = score(&questionnaire, answers).unwrap();
//! assert_eq!(scored.report().scales[0].answered, 1);
//! ```
//!
//! ## Crate features
//! - `std`: lets serde and serde_json use std. Off by default; nothing in
//!   the crate needs it.
//! - `schema`: derives a JSON Schema of the instrument format from the types
//!   (`instrument_schema`, which exists only with the feature, so it is not
//!   linked).
#![no_std]
#![deny(missing_docs)]
#![forbid(unsafe_code)]

extern crate alloc;

pub mod answers;
pub mod binary;
pub mod comparison;
pub mod condition;
pub mod conversation;
pub mod digest;
pub mod error;
pub mod export;
pub mod instrument;
mod json_text;
pub mod likelihood;
pub mod partner;
pub mod questionnaire;
pub mod report;
pub mod scored;
pub mod scoring;
pub mod short_sort;
pub mod stamp;
pub mod summary;
pub mod text;
pub mod validate;
pub mod versions;

pub use answers::{Answer, Answers};
pub use error::{FhirRefusal, ImportError, LoadError, Problem, ScoreError, ShareCodeError};
pub use instrument::Instrument;
pub use questionnaire::{
    decode_instrument, decode_validated_instrument, load_instrument, Questionnaire,
};
pub use report::Report;
pub use scored::Scored;
pub use scoring::score;
pub use stamp::InstrumentStamp;
pub use validate::validate;
pub use versions::Versions;

/// The JSON Schema of the instrument file format, generated from the types.
#[cfg(feature = "schema")]
pub fn instrument_schema() -> serde_json::Value {
    let mut schema = schemars::schema_for!(Instrument).to_value();
    if let Some(object) = schema.as_object_mut() {
        object.insert("title".into(), "Naastenmeter instrument".into());
        object.insert(
            "description".into(),
            "A questionnaire with scales, a prototype model, advice and safety rules. See docs/instrument-format.md.".into(),
        );
    }
    schema
}

/// The instrument format version this crate reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// Largest instrument file accepted, in bytes. Real instruments are tens of
/// kilobytes; the limit keeps a hostile file from freezing a browser tab.
pub const MAX_INSTRUMENT_BYTES: usize = 2 * 1024 * 1024;

/// Largest answers or report file accepted, in bytes.
pub const MAX_IMPORT_BYTES: usize = 512 * 1024;
