//! Opening an export whatever its kind: a JSON report or a FHIR
//! QuestionnaireResponse, told apart by their own fields, not by trying one
//! and then the other (so a FHIR file with a wrong answer gets the FHIR
//! message, not "this is not a report").
//!
//! The JSON text is read by a [`JsonReader`] the caller supplies: the CLI
//! and the JS package use this crate's serde_json ([`SerdeJson`]), the web
//! app the browser's own parser, which keeps a JSON parser out of its
//! WebAssembly.

use alloc::string::String;

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::error::{check_import_size, ImportError, Problem};
use crate::export::fhir::{self, ReceivedResponse};
use crate::export::json::{self, ReportFile, REPORT_FORMAT};
use crate::questionnaire::Questionnaire;
use crate::scored::Scored;

/// Reads JSON text into a type; the error says what is wrong and where.
pub trait JsonReader {
    /// Parses `text` as a `T`.
    fn read<T: DeserializeOwned>(&self, text: &str) -> Result<T, Problem>;
}

/// The core's own JSON reader (serde_json), with paths in its errors when
/// the `error-paths` feature is on.
pub struct SerdeJson;

impl JsonReader for SerdeJson {
    fn read<T: DeserializeOwned>(&self, text: &str) -> Result<T, Problem> {
        crate::json_text::parse_json(text.as_bytes())
    }
}

/// The fields that say which kind of export a file is; everything else in
/// the file is ignored at this step.
#[derive(Deserialize)]
struct Kind {
    #[serde(default)]
    format: Option<String>,
    #[serde(default, rename = "resourceType")]
    resource_type: Option<String>,
}

/// Which kind of file an export is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// A Naastenmeter JSON report.
    Report,
    /// A FHIR QuestionnaireResponse.
    FhirResponse,
    /// A share code.
    ShareCode,
}

/// The first steps of opening any export, shared by [`open_export`] and
/// [`crate::Versions::open_export`]: the size limit, UTF-8, and its kind
/// (a report or a FHIR response, by its own fields). Returns the kind and
/// the text; a file of neither kind is refused here.
pub(crate) fn detect_export<'t>(
    bytes: &'t [u8],
    reader: &impl JsonReader,
) -> Result<(ExportKind, &'t str), ImportError> {
    check_import_size(bytes.len())?;
    let not_an_export = |message: &str| {
        ImportError::NotAnExport(Problem {
            path: String::new(),
            message: message.into(),
        })
    };
    let text =
        core::str::from_utf8(bytes).map_err(|_| not_an_export("the file is not text (UTF-8)"))?;
    let kind: Kind = reader.read(text).map_err(ImportError::NotAnExport)?;
    if kind.format.as_deref() == Some(REPORT_FORMAT) {
        return Ok((ExportKind::Report, text));
    }
    if kind.resource_type.as_deref() == Some("QuestionnaireResponse") {
        return Ok((ExportKind::FhirResponse, text));
    }
    Err(not_an_export(
        "the file is neither a Naastenmeter report nor a FHIR QuestionnaireResponse",
    ))
}

/// Opens an export file: size limit, UTF-8, its kind, then the kind's own
/// checks (instrument, checksum, fresh scoring).
pub fn open_export(
    instrument: &Questionnaire,
    bytes: &[u8],
    reader: &impl JsonReader,
) -> Result<(ExportKind, Scored), ImportError> {
    let (kind, text) = detect_export(bytes, reader)?;
    match kind {
        ExportKind::Report => {
            let file: ReportFile = reader.read(text).map_err(ImportError::NotAnExport)?;
            json::read_report_file(instrument, file).map(|s| (ExportKind::Report, s))
        }
        // The notes say what was read leniently; a caller that shows them
        // reads the response with `fhir::scored_from_response` itself.
        _ => {
            let response: ReceivedResponse = reader.read(text).map_err(ImportError::NotAnExport)?;
            fhir::scored_from_response(instrument, &response)
                .map(|(scored, _notes)| (ExportKind::FhirResponse, scored))
        }
    }
}
