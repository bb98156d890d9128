//! Errors worded for the person in front of the screen, in their language:
//! what went wrong and what they can do. This module only chooses which
//! sentence fits a typed error; the sentences are in the language tables
//! ([`crate::i18n`]). The core's own message (English, with the exact
//! place) is kept apart as a technical detail that can be opened or passed
//! on to a helpdesk.

use naastenmeter_core::error::FhirReason;
use naastenmeter_core::{ImportError, ScoreError, ShareCodeError};

use crate::i18n::Lang;

/// A message for the notice bar: the sentence to read, and optionally the
/// technical detail behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Worded {
    /// What went wrong and what to do, in the user's language.
    pub text: String,
    /// The exact technical reason, when it helps a helpdesk.
    pub detail: Option<String>,
}

impl Worded {
    fn plain(text: String) -> Self {
        Worded { text, detail: None }
    }

    fn with_detail(text: String, detail: String) -> Self {
        Worded {
            text,
            detail: Some(detail),
        }
    }
}

/// Why an export or a code could not be opened.
pub fn import_error(lang: Lang, error: &ImportError) -> Worded {
    let t = lang.t();
    match error {
        // In kB, rounded so the file never looks as if it fits.
        ImportError::TooLarge { size, limit } => {
            Worded::plain((t.error_too_large)(size.div_ceil(1024), limit / 1024))
        }
        ImportError::NotAnExport(problem) => {
            Worded::with_detail(t.error_not_an_export.into(), problem.to_string())
        }
        ImportError::OtherInstrument { found, expected } => {
            Worded::plain(if found.version == expected.version {
                // Same version, other content: a partner's changed copy.
                t.error_changed_questionnaire.into()
            } else {
                (t.error_other_version)(&found.version, &expected.version)
            })
        }
        ImportError::Altered => Worded::plain(t.error_altered.into()),
        ImportError::BadAnswers(error) => {
            Worded::with_detail(t.error_bad_answers.into(), error.to_string())
        }
        ImportError::ShareCode(error) => share_code_error(lang, error),
        ImportError::FhirResponse(refusal) => {
            Worded::with_detail(fhir_refusal(lang, &refusal.reason), refusal.to_string())
        }
        // A kind of error added to the core later still gets a plain sentence.
        other => Worded::with_detail(t.error_cannot_open.into(), other.to_string()),
    }
}

/// Why a FHIR file (a care record) could not be read: what is unclear in
/// it, and at which question. The core's message with the exact place in
/// the file stays the detail.
fn fhir_refusal(lang: Lang, reason: &FhirReason) -> String {
    let t = lang.t();
    match reason {
        FhirReason::NoQuestionnaire { .. } | FhirReason::QuestionnaireNotText { .. } => {
            t.fhir_no_questionnaire.into()
        }
        FhirReason::ServerReference { .. } => t.fhir_server_reference.into(),
        FhirReason::OtherVersion { found, expected } => (t.fhir_other_version)(found, expected),
        FhirReason::OtherQuestionnaire { .. } => t.fhir_other_questionnaire.into(),
        FhirReason::EnteredInError => t.fhir_entered_in_error.into(),
        FhirReason::NoLinkId => t.fhir_no_link_id.into(),
        FhirReason::NestedItems { question } => (t.fhir_nested_items)(question),
        FhirReason::AnsweredTwice { question, .. } => (t.fhir_answered_twice)(question),
        FhirReason::ChosenTwice { question, code, .. } => (t.fhir_chosen_twice)(question, code),
        FhirReason::NotACoding { question, .. } | FhirReason::NoCode { question } => {
            (t.fhir_not_a_coding)(question)
        }
        FhirReason::OtherCodeSystem { question, .. } => (t.fhir_other_code_system)(question),
        FhirReason::UnknownCode { question, code, .. } => (t.fhir_unknown_code)(question, code),
        // A reason added to the core later still gets a plain sentence.
        _ => t.fhir_unreadable.into(),
    }
}

/// Why a share code could not be read.
pub fn share_code_error(lang: Lang, error: &ShareCodeError) -> Worded {
    let t = lang.t();
    Worded::plain(match error {
        ShareCodeError::Empty => t.code_empty.into(),
        ShareCodeError::TooLong { .. } => t.code_too_long.into(),
        ShareCodeError::BadCharacter {
            position,
            character,
        } => (t.code_bad_character)(*position, *character),
        ShareCodeError::Mistyped => t.code_mistyped.into(),
        ShareCodeError::MistypedOrOtherInstrument => t.code_mistyped_or_other.into(),
        ShareCodeError::UnknownVersion(_) => t.code_newer_version.into(),
        ShareCodeError::OtherInstrument => t.code_other_questionnaire.into(),
        // A kind of error added to the core later still gets a plain sentence.
        _ => t.code_unreadable.into(),
    })
}

/// Why the answers could not be turned into a result. This only happens
/// when saved answers no longer fit the questionnaire.
pub fn score_error(lang: Lang, error: &ScoreError) -> Worded {
    Worded::with_detail(lang.t().error_score.into(), error.to_string())
}

/// Why saving, remembering or downloading did not work in this browser.
pub fn storage_error(lang: Lang, browser_reason: &str) -> Worded {
    Worded::with_detail(lang.t().error_storage.into(), browser_reason.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use naastenmeter_core::{FhirRefusal, Problem};

    /// A FHIR refusal at a made-up place.
    fn fhir(reason: FhirReason) -> ImportError {
        ImportError::FhirResponse(FhirRefusal {
            path: "item[14].answer[0]".into(),
            reason,
        })
    }

    #[test]
    fn every_import_error_is_worded_in_both_languages_without_english_in_dutch() {
        let errors = [
            ImportError::TooLarge {
                size: 600_000,
                limit: 512 * 1024,
            },
            ImportError::NotAnExport(Problem {
                path: "format".into(),
                message: "expected".into(),
            }),
            ImportError::Altered,
            ImportError::ShareCode(ShareCodeError::Mistyped),
            ImportError::ShareCode(ShareCodeError::MistypedOrOtherInstrument),
            ImportError::ShareCode(ShareCodeError::Empty),
            ImportError::ShareCode(ShareCodeError::BadCharacter {
                position: 3,
                character: '!',
            }),
            fhir(FhirReason::NoQuestionnaire {
                canonical: "https://example.org/q|1".into(),
            }),
            fhir(FhirReason::ServerReference {
                reference: "Questionnaire/1".into(),
                canonical: "https://example.org/q|1".into(),
            }),
            fhir(FhirReason::OtherVersion {
                found: "1.1.0".into(),
                expected: "1.2.0".into(),
            }),
            fhir(FhirReason::OtherQuestionnaire {
                reference: "https://example.org/other".into(),
                canonical: "https://example.org/q|1".into(),
            }),
            fhir(FhirReason::EnteredInError),
            fhir(FhirReason::NoLinkId),
            fhir(FhirReason::NestedItems {
                question: "b01".into(),
            }),
            fhir(FhirReason::AnsweredTwice {
                question: "b01".into(),
                first: "item[2]".into(),
            }),
            fhir(FhirReason::ChosenTwice {
                question: "behaviours".into(),
                code: "withdrawal".into(),
                first: "item[4].answer[0]".into(),
            }),
            fhir(FhirReason::NotACoding {
                question: "b01".into(),
                found: vec!["valueString".into()],
            }),
            fhir(FhirReason::OtherCodeSystem {
                question: "b01".into(),
                code: "4".into(),
                found: "\"http://loinc.org\"".into(),
                expected: "https://example.org/q/response-scale/a".into(),
            }),
            fhir(FhirReason::UnknownCode {
                question: "b01".into(),
                code: "9".into(),
                options: vec!["1".into(), "2".into()],
            }),
        ];
        for error in &errors {
            let nl = import_error(Lang::Nl, error);
            let en = import_error(Lang::En, error);
            assert_ne!(nl.text, en.text);
            for english in ["the ", "file ", "cannot", "share code"] {
                assert!(!nl.text.contains(english), "{english:?} in {:?}", nl.text);
            }
            // A FHIR refusal keeps the exact place for a helpdesk.
            if let ImportError::FhirResponse(refusal) = error {
                let detail = nl.detail.expect("a FHIR refusal has its detail");
                assert!(detail.contains(&refusal.path), "{detail}");
            }
        }
    }
}
