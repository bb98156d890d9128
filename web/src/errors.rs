//! Errors worded for the person in front of the screen, in their language:
//! what went wrong and what they can do. This module only chooses which
//! sentence fits a typed error; the sentences are in the language tables
//! ([`crate::i18n`]). The core's own message (English, with the exact
//! place) is kept apart as a technical detail that can be opened or passed
//! on to a helpdesk.

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
        // A kind of error added to the core later still gets a plain sentence.
        other => Worded::with_detail(t.error_cannot_open.into(), other.to_string()),
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
