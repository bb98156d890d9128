//! Errors worded for the person in front of the screen, in their language:
//! what went wrong and what they can do. The core's own message (English,
//! with the exact place) is kept apart as a technical detail that can be
//! opened or passed on to a helpdesk.

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
        ShareCodeError::MistypedOrOtherInstrument => {
            if nl {
                "Deze code is niet compleet of er zit een tikfout in, of hij is gemaakt met een andere versie van de vragenlijst. Kijk elk teken na.".into()
            } else {
                "This code is not complete or has a typing error, or it was made with another version of the questionnaire. Check every character.".into()
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
    use naastenmeter_core::Problem;

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
        ];
        for error in &errors {
            let nl = import_error(Lang::Nl, error);
            let en = import_error(Lang::En, error);
            assert_ne!(nl.text, en.text);
            for english in ["the ", "file ", "cannot", "share code"] {
                assert!(!nl.text.contains(english), "{english:?} in {:?}", nl.text);
            }
        }
    }
}
