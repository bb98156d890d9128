//! Which instrument an export was made with: id, version and content hash.

use alloc::string::String;

use serde::{Deserialize, Serialize};

/// The instrument an export was made with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstrumentStamp {
    /// Instrument id.
    pub id: String,
    /// Instrument version.
    pub version: String,
    /// SHA-256 of the instrument's canonical JSON ([`crate::Questionnaire::content_hash`]).
    pub hash: String,
}
