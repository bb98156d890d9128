//! Errors worded for the person in front of the screen, in their language:
//! what went wrong and what they can do. The core's own message (English,
//! with the exact place) is kept apart as a technical detail that can be
//! opened or passed on to a helpdesk.

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
    let nl = lang == Lang::Nl;
    match error {
        ImportError::TooLarge { size, limit } => {
            let (size, limit) = (size.div_ceil(1024), limit / 1024);
            Worded::plain(if nl {
                format!("Dit bestand is te groot ({size} kB). Een bestand van Naastenmeter is nooit groter dan {limit} kB. Kies het bestand dat je uit Naastenmeter hebt bewaard.")
            } else {
                format!("This file is too large ({size} kB). A Naastenmeter file is never larger than {limit} kB. Choose the file you saved from Naastenmeter.")
            })
        }
        ImportError::NotAnExport(problem) => Worded::with_detail(
            if nl {
                "Dit bestand is geen uitslag van Naastenmeter, of het is beschadigd. Kies een bestand dat je bij 'Bewaren of meenemen' hebt opgeslagen (JSON of FHIR).".into()
            } else {
                "This file is not a Naastenmeter result, or it is damaged. Choose a file you saved under 'Keep or take along' (JSON or FHIR).".into()
            },
            problem.to_string(),
        ),
        ImportError::OtherInstrument { found, expected } => {
            let text = match (found.version == expected.version, nl) {
                (false, true) => format!("Deze uitslag is gemaakt met een andere versie van de vragenlijst (versie {}; hier is het versie {}). Daarom kan hij hier niet worden gelezen. Vul de vragenlijst opnieuw in als je wilt vergelijken.", found.version, expected.version),
                (false, false) => format!("This result was made with another version of the questionnaire (version {}; this is version {}). So it cannot be read here. Fill in the questionnaire again if you want to compare.", found.version, expected.version),
                (true, true) => "Deze uitslag is gemaakt met een aangepaste vragenlijst. Daarom kan hij hier niet worden gelezen. Open hem op de website waar hij is gemaakt.".into(),
                (true, false) => "This result was made with a changed questionnaire. So it cannot be read here. Open it on the website where it was made.".into(),
            };
            Worded::plain(text)
        }
        ImportError::Altered => Worded::plain(if nl {
            "Dit bestand is veranderd nadat het is gemaakt. Daarom kunnen we de uitslag niet vertrouwen. Gebruik het bestand zoals Naastenmeter het heeft bewaard.".into()
        } else {
            "This file was changed after it was made. So the result cannot be trusted. Use the file as Naastenmeter saved it.".into()
        }),
        ImportError::BadAnswers(error) => Worded::with_detail(
            if nl {
                "De antwoorden in dit bestand passen niet bij deze vragenlijst. Vul de vragenlijst opnieuw in als je wilt vergelijken.".into()
            } else {
                "The answers in this file do not fit this questionnaire. Fill in the questionnaire again if you want to compare.".into()
            },
            error.to_string(),
        ),
        ImportError::ShareCode(error) => share_code_error(lang, error),
        ImportError::FhirResponse(refusal) => {
            Worded::with_detail(fhir_refusal(lang, &refusal.reason), refusal.to_string())
        }
        // A kind of error added to the core later still gets a plain sentence.
        other => Worded::with_detail(
            if nl {
                "Dit kon niet worden geopend.".into()
            } else {
                "This could not be opened.".into()
            },
            other.to_string(),
        ),
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
    let nl = lang == Lang::Nl;
    Worded::plain(match error {
        ShareCodeError::Empty => {
            if nl {
                "Vul eerst de code in.".into()
            } else {
                "Type or paste the code first.".into()
            }
        }
        ShareCodeError::TooLong { .. } => {
            if nl {
                "Dit is veel langer dan een code van Naastenmeter. Kijk of je de goede tekst hebt geplakt.".into()
            } else {
                "This is much longer than a Naastenmeter code. Check that you pasted the right text.".into()
            }
        }
        ShareCodeError::BadCharacter {
            position,
            character,
        } => {
            if nl {
                format!("Teken {position} ('{character}') kan niet in een code staan. Een code heeft alleen cijfers en letters.")
            } else {
                format!("Character {position} ('{character}') cannot be in a code. A code has only digits and letters.")
            }
        }
        ShareCodeError::Mistyped => {
            if nl {
                "Deze code is niet compleet, of er zit een tikfout in. Kijk elk teken na.".into()
            } else {
                "This code is not complete, or it has a typing error. Check every character.".into()
            }
        }
        ShareCodeError::UnknownVersion(_) => {
            if nl {
                "Deze code is gemaakt met een nieuwere versie van Naastenmeter. Open hem op de website waar hij is gemaakt.".into()
            } else {
                "This code was made with a newer version of Naastenmeter. Open it on the website where it was made.".into()
            }
        }
        ShareCodeError::OtherInstrument => {
            if nl {
                "Deze code is gemaakt met een andere versie van de vragenlijst. Daarom kan hij hier niet worden gelezen.".into()
            } else {
                "This code was made with another version of the questionnaire. So it cannot be read here.".into()
            }
        }
        _ => {
            if nl {
                "Deze code kan niet worden gelezen.".into()
            } else {
                "This code cannot be read.".into()
            }
        }
    })
}

/// Why the answers could not be turned into a result. This only happens
/// when saved answers no longer fit the questionnaire.
pub fn score_error(lang: Lang, error: &ScoreError) -> Worded {
    Worded::with_detail(
        if lang == Lang::Nl {
            "Je antwoorden konden niet worden verwerkt. Kijk je antwoorden na, of begin opnieuw."
                .into()
        } else {
            "Your answers could not be processed. Check your answers, or start again.".into()
        },
        error.to_string(),
    )
}

/// Why saving, remembering or downloading did not work in this browser.
pub fn storage_error(lang: Lang, browser_reason: &str) -> Worded {
    Worded::with_detail(
        if lang == Lang::Nl {
            "Dit lukte niet in deze browser. Misschien is het geheugen vol, of staat opslaan uit (bijvoorbeeld in een privévenster).".into()
        } else {
            "This did not work in this browser. Perhaps its storage is full, or saving is switched off (for example in a private window).".into()
        },
        browser_reason.into(),
    )
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
