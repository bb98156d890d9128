//! Errors: what went wrong, and where, in words a user can act on.
//!
//! Every error names the place (a path into the instrument file, an item id,
//! a character position in a share code) and what is wrong there.

use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use crate::stamp::InstrumentStamp;
use crate::MAX_IMPORT_BYTES;

/// One problem found in an instrument, with the path to where it is.
///
/// Paths use JSON-pointer-like dotted notation: `scales[2].items[4]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where in the file: for example `model.latent.profiles.classes[1].variances[0]`.
    pub path: String,
    /// What is wrong there.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "at {}: {}", self.path, self.message)
        }
    }
}

/// Why an instrument could not be loaded.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum LoadError {
    /// The file is larger than [`crate::MAX_INSTRUMENT_BYTES`].
    TooLarge {
        /// Size of the file in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The file is not valid JSON, or does not have the instrument's shape.
    Syntax(Problem),
    /// The file has the right shape but its content is inconsistent.
    Invalid(Vec<Problem>),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::TooLarge { size, limit } => write!(
                f,
                "the instrument file is {size} bytes, more than the limit of {limit} bytes"
            ),
            LoadError::Syntax(problem) => {
                write!(f, "the instrument file cannot be read: {problem}")
            }
            LoadError::Invalid(problems) => {
                write!(f, "the instrument has {} problem(s):", problems.len())?;
                for problem in problems {
                    write!(f, "\n- {problem}")?;
                }
                Ok(())
            }
        }
    }
}

impl core::error::Error for LoadError {}

impl LoadError {
    /// Every problem as a list, whatever the kind of error.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            LoadError::TooLarge { .. } => alloc::vec![Problem {
                path: String::new(),
                message: alloc::format!("{self}"),
            }],
            LoadError::Syntax(problem) => alloc::vec![problem.clone()],
            LoadError::Invalid(problems) => problems.clone(),
        }
    }
}

/// Why a set of answers could not be scored.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ScoreError {
    /// An answer names a question the instrument does not have.
    UnknownQuestion {
        /// The unknown identifier.
        id: String,
    },
    /// An item's answer is not one of its response scale's values.
    ValueOutOfRange {
        /// The item.
        item: String,
        /// The value given.
        value: i32,
        /// The values allowed.
        allowed: Vec<i32>,
    },
    /// An answer has the wrong kind: a number where a choice was expected, or the reverse.
    WrongKind {
        /// The question.
        question: String,
        /// What was expected, in words.
        expected: &'static str,
    },
    /// A context answer names an option the question does not have.
    UnknownOption {
        /// The question.
        question: String,
        /// The unknown option.
        option: String,
    },
    /// A multiple-choice answer names the same option more than once, so
    /// it is unclear what was meant.
    RepeatedOption {
        /// The question.
        question: String,
        /// The option named more than once.
        option: String,
    },
}

impl fmt::Display for ScoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScoreError::UnknownQuestion { id } => {
                write!(
                    f,
                    "the answers name question `{id}`, which this instrument does not have"
                )
            }
            ScoreError::ValueOutOfRange {
                item,
                value,
                allowed,
            } => {
                write!(f, "item `{item}` has answer {value}, but only ")?;
                for (i, v) in allowed.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    write!(f, "{v}")?;
                }
                write!(f, " are allowed")
            }
            ScoreError::WrongKind { question, expected } => {
                write!(f, "question `{question}` expects {expected}")
            }
            ScoreError::UnknownOption { question, option } => {
                write!(f, "question `{question}` has no option `{option}`")
            }
            ScoreError::RepeatedOption { question, option } => write!(
                f,
                "question `{question}` has option `{option}` chosen more than once; choose each option once"
            ),
        }
    }
}

impl core::error::Error for ScoreError {}

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
    /// A share code that cannot be read.
    ShareCode(ShareCodeError),
    /// A FHIR QuestionnaireResponse whose meaning for this instrument is
    /// unclear, or whose answers are not this instrument's options: refused
    /// at the element named, rather than read as a guess.
    FhirResponse(FhirRefusal),
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
            ImportError::ShareCode(error) => write!(f, "{error}"),
            ImportError::FhirResponse(refusal) => {
                write!(f, "this FHIR QuestionnaireResponse cannot be read: {refusal}")
            }
        }
    }
}

impl core::error::Error for ImportError {}

/// Why a FHIR QuestionnaireResponse is refused, and where: the JSON path
/// of the element (`item[14].answer[0].valueCoding.system`), as in a
/// [`Problem`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FhirRefusal {
    /// Where in the response: for example `item[3].item`.
    pub path: String,
    /// What is unclear or wrong there.
    pub reason: FhirReason,
}

impl fmt::Display for FhirRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at {}: {}", self.path, self.reason)
    }
}

/// What is unclear or wrong in a FHIR QuestionnaireResponse.
///
/// A response made by another FHIR system is read only where its meaning
/// is certain; a guess could turn into a wrong result for a relative.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FhirReason {
    /// `questionnaire` is missing, so which questionnaire was answered is
    /// unknown.
    NoQuestionnaire {
        /// This instrument's canonical reference, `url|version`.
        canonical: String,
    },
    /// `questionnaire` is not text.
    QuestionnaireNotText {
        /// This instrument's canonical reference, `url|version`.
        canonical: String,
        /// What was there instead, as written or in words.
        found: String,
    },
    /// `questionnaire` names a Questionnaire stored on a FHIR server
    /// (`Questionnaire/<id>`): which questionnaire that is cannot be
    /// checked here.
    ServerReference {
        /// The reference found.
        reference: String,
        /// This instrument's canonical reference, to put there instead.
        canonical: String,
    },
    /// The response was made for another version of this questionnaire,
    /// whose questions or options may differ.
    OtherVersion {
        /// The version the response names.
        found: String,
        /// This instrument's version.
        expected: String,
    },
    /// The response was made for another questionnaire.
    OtherQuestionnaire {
        /// The reference found.
        reference: String,
        /// This instrument's canonical reference, `url|version`.
        canonical: String,
    },
    /// `status` is `entered-in-error`: the answers are known to be wrong.
    EnteredInError,
    /// An answered question has no `linkId`, so it cannot be placed.
    NoLinkId,
    /// A question or an answer holds nested items; this instrument's
    /// questions are flat, so the nested answers cannot be placed.
    NestedItems {
        /// The question that holds them.
        question: String,
    },
    /// A question is answered in two items, so which answer counts is
    /// unclear.
    AnsweredTwice {
        /// The question.
        question: String,
        /// The path of the item that answered it first.
        first: String,
    },
    /// An answer is not a `valueCoding`, so it is not one of the question's
    /// options.
    NotACoding {
        /// The question.
        question: String,
        /// The `value[x]` elements found instead; empty when there is none.
        found: Vec<String>,
    },
    /// A `valueCoding` has no `code`, so the option is not named.
    NoCode {
        /// The question.
        question: String,
    },
    /// A coding's `system` is not the question's code system, so its code
    /// may mean something else.
    OtherCodeSystem {
        /// The question.
        question: String,
        /// The code.
        code: String,
        /// The system found, as written (text in quotes).
        found: String,
        /// The question's code system in this instrument's Questionnaire.
        expected: String,
    },
    /// A code that is not one of the question's options.
    UnknownCode {
        /// The question.
        question: String,
        /// The code found.
        code: String,
        /// The question's codes.
        options: Vec<String>,
    },
    /// A multiple-choice question has the same option twice, so it is
    /// unclear what was meant.
    ChosenTwice {
        /// The question.
        question: String,
        /// The option's code.
        code: String,
        /// The path of the answer that chose it first.
        first: String,
    },
}

impl fmt::Display for FhirReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FhirReason::NoQuestionnaire { canonical } => write!(
                f,
                "missing, so it is unclear which questionnaire was answered; this instrument is `{canonical}`"
            ),
            FhirReason::QuestionnaireNotText { canonical, found } => write!(
                f,
                "expected the questionnaire's canonical URL (`{canonical}`), found {found}"
            ),
            FhirReason::ServerReference {
                reference,
                canonical,
            } => write!(
                f,
                "`{reference}` refers to a Questionnaire stored on a FHIR server, which cannot be checked here; \
                 put the questionnaire's canonical URL `{canonical}` in `questionnaire`"
            ),
            FhirReason::OtherVersion { found, expected } => write!(
                f,
                "made for version {found} of this questionnaire, but this instrument is version {expected}"
            ),
            FhirReason::OtherQuestionnaire {
                reference,
                canonical,
            } => write!(
                f,
                "made for `{reference}`, but this instrument is `{canonical}`"
            ),
            FhirReason::EnteredInError => write!(
                f,
                "the response is marked `entered-in-error`, so its answers are known to be wrong"
            ),
            FhirReason::NoLinkId => write!(f, "missing; every answered question needs one"),
            FhirReason::NestedItems { question } => write!(
                f,
                "question `{question}` has nested items, but this questionnaire's items are flat; \
                 the nested answers cannot be placed"
            ),
            FhirReason::AnsweredTwice { question, first } => write!(
                f,
                "question `{question}` is answered twice (also at {first}), so which answer counts is unclear"
            ),
            FhirReason::NotACoding { found, .. } => {
                write!(
                    f,
                    "expected a valueCoding (one of the question's options), found "
                )?;
                if found.is_empty() {
                    write!(f, "no value")
                } else {
                    write!(f, "{}", found.join(", "))
                }
            }
            FhirReason::NoCode { .. } => write!(f, "missing; the option is named by its code"),
            FhirReason::OtherCodeSystem {
                question,
                code,
                found,
                expected,
            } => write!(
                f,
                "{found} is not the code system of question `{question}` (`{expected}`), so code `{code}` may mean something else"
            ),
            FhirReason::UnknownCode {
                question,
                code,
                options,
            } => write!(
                f,
                "`{code}` is not an option of question `{question}`; the options are {}",
                options.join(", ")
            ),
            FhirReason::ChosenTwice {
                question,
                code,
                first,
            } => write!(
                f,
                "option `{code}` of question `{question}` is chosen twice (also at {first}), so what was meant is unclear"
            ),
        }
    }
}

/// Why a share code could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ShareCodeError {
    /// The code is empty.
    Empty,
    /// The code is far longer than any real share code.
    TooLong {
        /// Number of characters.
        length: usize,
    },
    /// A character that cannot be in a share code.
    BadCharacter {
        /// Its position, counting from 1 and skipping dashes and spaces.
        position: usize,
        /// The character.
        character: char,
    },
    /// Characters are missing or extra, or one was mistyped.
    Mistyped,
    /// The code was made by a newer version of Naastenmeter, or its first
    /// character, which tells the code's version, was mistyped.
    UnknownVersion(u8),
    /// The code was made with another questionnaire or version (told by a
    /// version 1 code, which names its questionnaire).
    OtherInstrument,
    /// Characters are missing, extra or mistyped, or the code was made with
    /// another questionnaire or another version of it. A version 2 code
    /// carries its questionnaire only in its check, so a failed check cannot
    /// tell these apart.
    MistypedOrOtherInstrument,
}

impl fmt::Display for ShareCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareCodeError::Empty => write!(f, "the share code is empty"),
            ShareCodeError::TooLong { length } => {
                write!(f, "the share code has {length} characters, far more than a real share code")
            }
            ShareCodeError::BadCharacter { position, character } => write!(
                f,
                "character {position} (`{character}`) cannot be in a share code: use digits and letters A to Z"
            ),
            ShareCodeError::Mistyped => write!(
                f,
                "the share code is not complete or has a typing error: check every character"
            ),
            ShareCodeError::UnknownVersion(v) => write!(
                f,
                "the share code was made by a newer Naastenmeter (code version {v}), or its first character has a typing error"
            ),
            ShareCodeError::OtherInstrument => {
                write!(f, "the share code was made with another questionnaire or another version of it")
            }
            ShareCodeError::MistypedOrOtherInstrument => write!(
                f,
                "the share code is not complete or has a typing error, or it was made with another questionnaire or another version of it: check every character"
            ),
        }
    }
}

impl core::error::Error for ShareCodeError {}

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
