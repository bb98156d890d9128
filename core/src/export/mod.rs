//! Exports: pure functions that turn answers and a report into something the
//! user can take away, and read it back.
//!
//! The web app and the command line both call these, so an export made in one
//! reads the same in the other.

pub mod csv;
pub mod fhir;
pub mod json;
pub mod open;
pub mod share;

pub use json::{export_report, import_report};
pub use open::{open_export, ExportKind, JsonReader, SerdeJson};
pub use share::{decode_share_code, encode_share_code};
