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
    let nl = lang == Lang::Nl;
    match reason {
        FhirReason::NoQuestionnaire { .. } | FhirReason::QuestionnaireNotText { .. } => {
            if nl {
                "In dit FHIR-bestand staat niet bij welke vragenlijst de antwoorden horen. Daarom kunnen we het hier niet lezen.".into()
            } else {
                "This FHIR file does not say which questionnaire the answers belong to. So it cannot be read here.".into()
            }
        }
        FhirReason::ServerReference { .. } => {
            if nl {
                "Dit FHIR-bestand verwijst naar een vragenlijst op een andere computer (een server). We kunnen niet nagaan of dat deze vragenlijst is. Daarom lezen we het niet.".into()
            } else {
                "This FHIR file points to a questionnaire on another computer (a server). We cannot check that it is this questionnaire. So we do not read it.".into()
            }
        }
        FhirReason::OtherVersion { found, expected } => {
            if nl {
                format!("Dit FHIR-bestand is gemaakt met een andere versie van de vragenlijst (versie {found}; hier is het versie {expected}). Daarom kan het hier niet worden gelezen.")
            } else {
                format!("This FHIR file was made with another version of the questionnaire (version {found}; this is version {expected}). So it cannot be read here.")
            }
        }
        FhirReason::OtherQuestionnaire { .. } => {
            if nl {
                "Dit FHIR-bestand hoort bij een andere vragenlijst. Daarom kan het hier niet worden gelezen.".into()
            } else {
                "This FHIR file belongs to another questionnaire. So it cannot be read here.".into()
            }
        }
        FhirReason::EnteredInError => {
            if nl {
                "In dit FHIR-bestand staat dat de antwoorden per vergissing zijn ingevuld. Daarom gebruiken we ze niet.".into()
            } else {
                "This FHIR file says that the answers were entered by mistake. So we do not use them.".into()
            }
        }
        FhirReason::NoLinkId => {
            if nl {
                "In dit FHIR-bestand staat een antwoord zonder de vraag waar het bij hoort. Daarom kunnen we het niet lezen.".into()
            } else {
                "This FHIR file has an answer without the question it belongs to. So we cannot read it.".into()
            }
        }
        FhirReason::NestedItems { question } => {
            if nl {
                format!("In dit FHIR-bestand staan onder vraag {question} nog meer vragen. Die heeft deze vragenlijst niet, dus we weten niet waar die antwoorden bij horen.")
            } else {
                format!("This FHIR file has more questions under question {question}. This questionnaire does not have those, so we do not know where those answers belong.")
            }
        }
        FhirReason::AnsweredTwice { question, .. } => {
            if nl {
                format!("In dit FHIR-bestand is vraag {question} twee keer beantwoord. We weten niet welk antwoord telt.")
            } else {
                format!("In this FHIR file, question {question} is answered twice. We do not know which answer counts.")
            }
        }
        FhirReason::ChosenTwice { question, code, .. } => {
            if nl {
                format!("In dit FHIR-bestand is bij vraag {question} het antwoord '{code}' twee keer gekozen. We weten niet wat er bedoeld is.")
            } else {
                format!("In this FHIR file, answer '{code}' is chosen twice for question {question}. We do not know what was meant.")
            }
        }
        FhirReason::NotACoding { question, .. } | FhirReason::NoCode { question } => {
            if nl {
                format!("In dit FHIR-bestand is vraag {question} niet beantwoord met een van de antwoorden van deze vragenlijst.")
            } else {
                format!("In this FHIR file, question {question} is not answered with one of this questionnaire's answers.")
            }
        }
        FhirReason::OtherCodeSystem { question, .. } => {
            if nl {
                format!("In dit FHIR-bestand komt het antwoord op vraag {question} uit een andere lijst met antwoorden. Het kan dan iets anders betekenen. Daarom lezen we het niet.")
            } else {
                format!("In this FHIR file, the answer to question {question} comes from another list of answers. It may mean something else. So we do not read it.")
            }
        }
        FhirReason::UnknownCode { question, code, .. } => {
            if nl {
                format!("In dit FHIR-bestand heeft vraag {question} het antwoord '{code}'. Dat antwoord bestaat niet bij deze vraag.")
            } else {
                format!("In this FHIR file, question {question} has answer '{code}'. That answer does not exist for this question.")
            }
        }
        // A reason added to the core later still gets a plain sentence.
        _ => {
            if nl {
                "Dit FHIR-bestand kan hier niet worden gelezen.".into()
            } else {
                "This FHIR file cannot be read here.".into()
            }
        }
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
