//! Errors: what went wrong, and where, in words a user can act on.
//!
//! Every error names the place (a path into the instrument file, an item id,
//! a character position in a share code) and what is wrong there.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

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
        }
    }
}

impl core::error::Error for ScoreError {}
