//! Earlier published versions of a questionnaire, so that results made with
//! them stay readable after the questionnaire changes.
//!
//! Every export names the version it was made with: a JSON report by its
//! content hash, a FHIR QuestionnaireResponse by `url|version`, a share code
//! by its check value. [`Versions`] holds the current questionnaire and the
//! earlier ones it knows, and opens an export with the version that made it.
//! The answers are then scored again with that version's questions and
//! model, under today's rules (so an earlier result is shown the way the app
//! shows results today, in the words of its own version).
//!
//! A report made with an earlier version is read for its answers, its date
//! and its version; its stored result and checksum are not compared, because
//! the report format of that time may differ from today's, and the answers
//! are scored again anyway. A file of the current version gets every check
//! of [`json::read_report_file`].

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use serde::Deserialize;

use crate::answers::Answers;
use crate::conversation::ConversationCard;
use crate::error::{ImportError, Problem, ShareCodeError};
use crate::export::fhir::{self, FhirNote, ReceivedResponse};
use crate::export::json::{self, ReportFile, REPORT_FORMAT, REPORT_FORMAT_VERSION};
use crate::export::open::{detect_export, ExportKind, JsonReader};
use crate::export::share;
use crate::questionnaire::Questionnaire;
use crate::scored::Scored;
use crate::scoring::score;
use crate::stamp::InstrumentStamp;

/// The current questionnaire and the earlier published versions known
/// beside it.
#[derive(Debug, Clone)]
pub struct Versions {
    current: Questionnaire,
    earlier: Vec<Questionnaire>,
}

/// An export opened with the version that made it.
#[derive(Debug, Clone)]
pub struct Opened<'a> {
    /// What kind of export it was.
    pub kind: ExportKind,
    /// The answers, scored again with `questionnaire`.
    pub scored: Scored,
    /// The version the export was made with.
    pub questionnaire: &'a Questionnaire,
    /// What was read leniently in a FHIR response (none for other kinds).
    pub notes: Vec<FhirNote>,
}

/// What every JSON report of format version 2 has, whatever its report
/// looked like at the time: enough to find its version and score it again.
#[derive(Deserialize)]
struct ReportFileHead {
    format: String,
    format_version: u32,
    instrument: InstrumentStamp,
    #[serde(default)]
    created: Option<String>,
    answers: Answers,
    #[serde(default)]
    card: Option<ConversationCard>,
}

impl Versions {
    /// Only the current questionnaire, no earlier versions yet.
    pub fn new(current: Questionnaire) -> Self {
        Versions {
            current,
            earlier: Vec::new(),
        }
    }

    /// Adds an earlier version (see [`Questionnaire::as_published`]). A
    /// version already known by its content hash is not added twice.
    pub fn add_earlier(&mut self, earlier: Questionnaire) {
        if self.by_hash(earlier.content_hash()).is_none() {
            self.earlier.push(earlier);
        }
    }

    /// The questionnaire new answers are given to.
    pub fn current(&self) -> &Questionnaire {
        &self.current
    }

    /// The earlier versions known, in the order they were added.
    pub fn earlier(&self) -> &[Questionnaire] {
        &self.earlier
    }

    /// Every version known, the current one first.
    pub fn all(&self) -> impl Iterator<Item = &Questionnaire> {
        core::iter::once(&self.current).chain(self.earlier.iter())
    }

    /// The version with this content hash.
    pub fn by_hash(&self, hash: &str) -> Option<&Questionnaire> {
        self.all().find(|q| q.content_hash() == hash)
    }

    /// The version a scored result was made with (by the id and version its
    /// report names), if it is known here.
    pub fn of(&self, scored: &Scored) -> Option<&Questionnaire> {
        let made_with = &scored.report().instrument;
        self.all()
            .find(|q| q.id == made_with.id && q.version == made_with.version)
    }

    /// Whether `questionnaire` is the current one.
    pub fn is_current(&self, questionnaire: &Questionnaire) -> bool {
        questionnaire.content_hash() == self.current.content_hash()
    }

    /// Opens an export file of any known version: size limit, UTF-8, its
    /// kind, then the kind's own checks with the version that made it.
    pub fn open_export(
        &self,
        bytes: &[u8],
        reader: &impl JsonReader,
    ) -> Result<Opened<'_>, ImportError> {
        match detect_export(bytes, reader)? {
            (ExportKind::Report, text) => self.read_report_text(text, reader),
            (_, text) => {
                let response: ReceivedResponse =
                    reader.read(text).map_err(ImportError::NotAnExport)?;
                self.read_response(&response)
            }
        }
    }

    /// Reads a JSON report of any known version (also a remembered result,
    /// which is stored as one).
    pub fn read_report_text(
        &self,
        text: &str,
        reader: &impl JsonReader,
    ) -> Result<Opened<'_>, ImportError> {
        let head: ReportFileHead = reader.read(text).map_err(ImportError::NotAnExport)?;
        if head.format != REPORT_FORMAT || head.format_version != REPORT_FORMAT_VERSION {
            return Err(ImportError::NotAnExport(Problem {
                path: "format".into(),
                message: alloc::format!(
                    "expected format `{REPORT_FORMAT}` version {REPORT_FORMAT_VERSION}, found `{}` version {}",
                    head.format, head.format_version
                ),
            }));
        }
        let Some(questionnaire) = self.by_hash(&head.instrument.hash) else {
            return Err(ImportError::OtherInstrument {
                found: Box::new(head.instrument),
                expected: Box::new(self.current.stamp()),
            });
        };
        if questionnaire.id != head.instrument.id
            || questionnaire.version != head.instrument.version
        {
            // The hash names a version known here but the id or version was
            // edited: the file was changed after it was made.
            return Err(ImportError::Altered);
        }
        let scored = if self.is_current(questionnaire) {
            let file: ReportFile = reader.read(text).map_err(ImportError::NotAnExport)?;
            json::read_report_file(questionnaire, file)?
        } else {
            score(questionnaire, head.answers)
                .map_err(ImportError::BadAnswers)?
                .made_at(head.created)
                .with_card(head.card)
        };
        Ok(Opened {
            kind: ExportKind::Report,
            scored,
            questionnaire,
            notes: Vec::new(),
        })
    }

    /// Reads a FHIR QuestionnaireResponse made with any known version: the
    /// version is the one whose canonical `url|version` the response names
    /// (the current one when none matches, so its message says what is
    /// wrong).
    pub fn read_response(&self, response: &ReceivedResponse) -> Result<Opened<'_>, ImportError> {
        let named = response.questionnaire_reference().unwrap_or("");
        let questionnaire = self
            .all()
            .find(|q| fhir::canonical(q) == named)
            .unwrap_or(&self.current);
        let (scored, notes) = fhir::scored_from_response(questionnaire, response)?;
        Ok(Opened {
            kind: ExportKind::FhirResponse,
            scored,
            questionnaire,
            notes,
        })
    }

    /// Decodes a share code made with any known version: each version is
    /// tried, the current one first, and the first whose check value holds
    /// reads the code. When none does, the current version's error is
    /// returned (it says what is most likely wrong).
    pub fn decode_share_code(&self, code: &str) -> Result<Opened<'_>, ShareCodeError> {
        let mut first_error = None;
        for questionnaire in self.all() {
            match share::decode_share_code(questionnaire, code) {
                Ok(scored) => {
                    return Ok(Opened {
                        kind: ExportKind::ShareCode,
                        scored,
                        questionnaire,
                        notes: Vec::new(),
                    })
                }
                Err(error) => {
                    // A code that cannot be a share code at all fails the
                    // same way for every version: no need to try the rest.
                    let hopeless = matches!(
                        error,
                        ShareCodeError::Empty
                            | ShareCodeError::TooLong { .. }
                            | ShareCodeError::BadCharacter { .. }
                    );
                    first_error.get_or_insert(error);
                    if hopeless {
                        break;
                    }
                }
            }
        }
        Err(first_error.unwrap_or(ShareCodeError::Empty))
    }
}

/// `instruments/published/index.json`: every published version of an
/// instrument and the content hash its exports carry.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishedIndex {
    /// What the list is, for a person reading the file.
    pub about: String,
    /// The versions, oldest first.
    pub versions: Vec<PublishedVersion>,
}

/// One published version in [`PublishedIndex`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishedVersion {
    /// The instrument's `version`.
    pub version: String,
    /// The instrument file, relative to the index.
    pub file: String,
    /// The content hash the exports of this version carry.
    pub content_hash: String,
    /// The day it was published (`YYYY-MM-DD`).
    pub published: String,
    /// The commit it was published from.
    pub commit: String,
}

impl PublishedIndex {
    /// Reads the index; the error says what is wrong and where.
    pub fn parse(bytes: &[u8]) -> Result<Self, Problem> {
        crate::json_text::parse_json(bytes)
    }

    /// The entry of this version, if it was published.
    pub fn version(&self, version: &str) -> Option<&PublishedVersion> {
        self.versions.iter().find(|v| v.version == version)
    }
}
