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

use serde::{Deserialize, Serialize};

use crate::answers::Answers;
use crate::conversation::ConversationCard;
use crate::digest::sha256_hex;
use crate::error::{check_import_size, ImportError, Problem};
use crate::json_text::parse_json;
use crate::questionnaire::Questionnaire;
use crate::report::Report;
use crate::scored::Scored;
use crate::scoring::score;
use crate::stamp::InstrumentStamp;

/// The `format` field of a JSON report.
pub const REPORT_FORMAT: &str = "naastenmeter-report";

/// The version of the JSON report format written and read.
///
/// Version 2: the checksum is taken over the binary form instead of the JSON
/// text. Version 1 files are refused (the app was not yet released).
pub const REPORT_FORMAT_VERSION: u32 = 2;

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
    /// The relative's conversation card, when they filled one in. Added
    /// after format version 2 was first written; a file without one is
    /// exactly a file of that time, and checks as one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card: Option<ConversationCard>,
    /// SHA-256 (hex) over the file without this field, in the core's binary
    /// form (postcard) rather than JSON text, so the checksum does not depend
    /// on how a JSON writer formats numbers (`1.0` or `1`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub checksum: String,
}

impl ReportFile {
    fn compute_checksum(&self) -> String {
        /// The fields as format version 2 first had them, with the same
        /// serde attributes, so a file made before the card existed gives
        /// the same bytes and still checks; a card is added after them.
        #[derive(Serialize)]
        struct Signed<'a> {
            format: &'a str,
            format_version: u32,
            instrument: &'a InstrumentStamp,
            #[serde(skip_serializing_if = "Option::is_none")]
            created: &'a Option<String>,
            answers: &'a Answers,
            report: &'a Report,
        }
        let signed = Signed {
            format: &self.format,
            format_version: self.format_version,
            instrument: &self.instrument,
            created: &self.created,
            answers: &self.answers,
            report: &self.report,
        };
        // A report is numbers, strings and lists, which postcard always
        // writes; were it ever to fail, the empty checksum would not match
        // a real file's, so nothing would be accepted by mistake.
        let mut bytes = postcard::to_allocvec(&signed).unwrap_or_default();
        if let Some(card) = &self.card {
            bytes.extend(postcard::to_allocvec(card).unwrap_or_default());
        }
        sha256_hex(&bytes)
    }
}

/// The report file for a scored result, checksum included.
pub fn report_file(instrument: &Questionnaire, scored: &Scored) -> ReportFile {
    let mut file = ReportFile {
        format: REPORT_FORMAT.into(),
        format_version: REPORT_FORMAT_VERSION,
        instrument: instrument.stamp(),
        created: scored.created().map(Into::into),
        answers: scored.answers().clone(),
        report: scored.report().clone(),
        card: scored.card().cloned(),
        checksum: String::new(),
    };
    file.checksum = file.compute_checksum();
    file
}

/// Writes the JSON report for a scored result.
pub fn export_report(instrument: &Questionnaire, scored: &Scored) -> String {
    let file = report_file(instrument, scored);
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads a JSON report back, checking instrument, checksum and result.
pub fn import_report(instrument: &Questionnaire, bytes: &[u8]) -> Result<Scored, ImportError> {
    check_import_size(bytes.len())?;
    let file: ReportFile = parse_json(bytes).map_err(ImportError::NotAnExport)?;
    read_report_file(instrument, file)
}

/// Checks a report file that was already parsed: format, instrument,
/// checksum, and the stored result against a fresh one.
pub fn read_report_file(
    instrument: &Questionnaire,
    file: ReportFile,
) -> Result<Scored, ImportError> {
    if file.format != REPORT_FORMAT || file.format_version != REPORT_FORMAT_VERSION {
        return Err(ImportError::NotAnExport(Problem {
            path: "format".into(),
            message: format!(
                "expected format `{REPORT_FORMAT}` version {REPORT_FORMAT_VERSION}, found `{}` version {}",
                file.format, file.format_version
            ),
        }));
    }
    let expected = instrument.stamp();
    if file.instrument != expected {
        return Err(ImportError::OtherInstrument {
            found: Box::new(file.instrument),
            expected: Box::new(expected),
        });
    }
    if file.checksum != file.compute_checksum() {
        return Err(ImportError::Altered);
    }
    let fresh = score(instrument, file.answers).map_err(ImportError::BadAnswers)?;
    if *fresh.report() != file.report {
        return Err(ImportError::Altered);
    }
    Ok(fresh.made_at(file.created).with_card(file.card))
}
