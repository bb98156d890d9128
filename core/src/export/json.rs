//! The JSON report: the answers and the computed result in one versioned,
//! checksummed file that can be read back later.
//!
//! The file carries the instrument's id, version and content hash. Importing
//! checks all three, verifies the checksum, and scores the answers again:
//! the stored result is only accepted when it equals the fresh one, so an
//! altered file or an export from another instrument is never mis-read.

use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::answers::Answers;
use crate::error::{Problem, ScoreError};
use crate::instrument::Instrument;
use crate::report::Report;
use crate::scoring::score;
use crate::validate::parse_json;
use crate::MAX_IMPORT_BYTES;

/// The `format` field of a JSON report.
pub const REPORT_FORMAT: &str = "naastenmeter-report";

/// The version of the JSON report format written and read.
///
/// Version 2: the checksum is taken over the binary form instead of the JSON
/// text. Version 1 files are refused (the app was not yet released).
pub const REPORT_FORMAT_VERSION: u32 = 2;

/// The instrument an export was made with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstrumentStamp {
    /// Instrument id.
    pub id: String,
    /// Instrument version.
    pub version: String,
    /// SHA-256 of the instrument's canonical JSON ([`Instrument::content_hash`]).
    pub hash: String,
}

impl InstrumentStamp {
    /// The stamp of an instrument.
    pub fn of(instrument: &Instrument) -> Self {
        Self {
            id: instrument.id.clone(),
            version: instrument.version.clone(),
            hash: instrument.content_hash(),
        }
    }
}

/// The JSON report file: what [`export_report`] writes and [`import_report`]
/// reads.
///
/// Public so that a caller with its own JSON at hand (the web app uses the
/// browser's) can write and read the file without this crate's JSON code:
/// make it with [`report_file`], check it with [`read_report_file`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportFile {
    /// Always [`REPORT_FORMAT`].
    pub format: String,
    /// Always [`REPORT_FORMAT_VERSION`].
    pub format_version: u32,
    /// The instrument the answers were given to.
    pub instrument: InstrumentStamp,
    /// When the export was made (ISO 8601), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    /// The answers.
    pub answers: Answers,
    /// The result computed from the answers when the file was made.
    pub report: Report,
    /// SHA-256 (hex) over the file without this field, in the core's binary
    /// form (postcard) rather than JSON text, so the checksum does not depend
    /// on how a JSON writer formats numbers (`1.0` or `1`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub checksum: String,
}

impl ReportFile {
    fn compute_checksum(&self) -> String {
        let mut unsigned = self.clone();
        unsigned.checksum = String::new();
        let bytes = postcard::to_allocvec(&unsigned).unwrap_or_default();
        hex(&Sha256::digest(&bytes))
    }
}

/// A report read back from a JSON export.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedReport {
    /// The answers in the file.
    pub answers: Answers,
    /// The result, freshly computed from the answers (and equal to the stored one).
    pub report: Report,
    /// When the export was made, if the file says.
    pub created: Option<String>,
}

/// Why an export could not be read.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ImportError {
    /// The file is larger than [`crate::MAX_IMPORT_BYTES`].
    TooLarge {
        /// Size in bytes.
        size: usize,
        /// Limit in bytes.
        limit: usize,
    },
    /// The file is not a Naastenmeter export, or not valid JSON.
    NotAnExport(Problem),
    /// The file was made with another instrument, another version, or the same
    /// version with different content.
    OtherInstrument {
        /// What the file says.
        found: Box<InstrumentStamp>,
        /// What this app has.
        expected: Box<InstrumentStamp>,
    },
    /// The file was changed after it was made.
    Altered,
    /// The answers in the file cannot be scored with this instrument.
    BadAnswers(ScoreError),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { size, limit } => {
                write!(f, "the file is {size} bytes, more than the limit of {limit} bytes for an export")
            }
            ImportError::NotAnExport(problem) => {
                write!(f, "this is not a Naastenmeter export that can be read: {problem}")
            }
            ImportError::OtherInstrument { found, expected } => {
                let mut parts: Vec<String> = Vec::new();
                if found.id != expected.id {
                    parts.push(format!("questionnaire `{}` instead of `{}`", found.id, expected.id));
                }
                if found.version != expected.version {
                    parts.push(format!("version {} instead of {}", found.version, expected.version));
                }
                if found.hash != expected.hash {
                    parts.push("different questionnaire content (content hash does not match)".into());
                }
                write!(f, "this export was made with another questionnaire: {}", parts.join("; "))
            }
            ImportError::Altered => write!(
                f,
                "this export was changed after it was made (its checksum or result does not match its answers)"
            ),
            ImportError::BadAnswers(error) => write!(f, "the answers in this export cannot be used: {error}"),
        }
    }
}

impl core::error::Error for ImportError {}

/// The report file for `answers` and their `report`, checksum included.
///
/// `created` is an ISO 8601 time supplied by the caller (the core has no clock).
pub fn report_file(
    instrument: &Instrument,
    answers: &Answers,
    report: &Report,
    created: Option<&str>,
) -> ReportFile {
    let mut file = ReportFile {
        format: REPORT_FORMAT.into(),
        format_version: REPORT_FORMAT_VERSION,
        instrument: InstrumentStamp::of(instrument),
        created: created.map(Into::into),
        answers: answers.clone(),
        report: report.clone(),
        checksum: String::new(),
    };
    file.checksum = file.compute_checksum();
    file
}

/// Writes the JSON report for `answers` and their `report`.
///
/// `created` is an ISO 8601 time supplied by the caller (the core has no clock).
pub fn export_report(
    instrument: &Instrument,
    answers: &Answers,
    report: &Report,
    created: Option<&str>,
) -> String {
    let file = report_file(instrument, answers, report, created);
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads a JSON report back, checking instrument, checksum and result.
pub fn import_report(instrument: &Instrument, bytes: &[u8]) -> Result<ImportedReport, ImportError> {
    check_import_size(bytes.len())?;
    let file: ReportFile = parse_json(bytes).map_err(ImportError::NotAnExport)?;
    read_report_file(instrument, file)
}

/// Refuses an import larger than [`MAX_IMPORT_BYTES`], before any parsing.
pub fn check_import_size(size: usize) -> Result<(), ImportError> {
    if size > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            size,
            limit: MAX_IMPORT_BYTES,
        });
    }
    Ok(())
}

/// Checks a report file that was already parsed: format, instrument,
/// checksum, and the stored result against a fresh one.
pub fn read_report_file(
    instrument: &Instrument,
    file: ReportFile,
) -> Result<ImportedReport, ImportError> {
    if file.format != REPORT_FORMAT || file.format_version != REPORT_FORMAT_VERSION {
        return Err(ImportError::NotAnExport(Problem {
            path: "format".into(),
            message: format!(
                "expected format `{REPORT_FORMAT}` version {REPORT_FORMAT_VERSION}, found `{}` version {}",
                file.format, file.format_version
            ),
        }));
    }
    let expected = InstrumentStamp::of(instrument);
    if file.instrument != expected {
        return Err(ImportError::OtherInstrument {
            found: Box::new(file.instrument),
            expected: Box::new(expected),
        });
    }
    if file.checksum != file.compute_checksum() {
        return Err(ImportError::Altered);
    }
    let fresh = score(instrument, &file.answers).map_err(ImportError::BadAnswers)?;
    if fresh != file.report {
        return Err(ImportError::Altered);
    }
    Ok(ImportedReport {
        answers: file.answers,
        report: fresh,
        created: file.created,
    })
}

/// Lower-case hex of bytes.
pub(crate) fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}
