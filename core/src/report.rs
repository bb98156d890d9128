//! The result of scoring: scale scores, prototype probabilities, signals and
//! advice, as identifiers into the instrument so that the result can be shown
//! in any of its languages.

use alloc::string::String;
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

/// Everything computed from one set of answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// Which instrument produced this report.
    pub instrument: InstrumentRef,
    /// One result per scale, in the instrument's order.
    pub scales: Vec<ScaleResult>,
    /// The prototype classification, or `None` when no answer the model uses was given.
    pub classification: Option<Classification>,
    /// Identifiers of the safety rules whose condition holds, most urgent first.
    pub signals: Vec<String>,
    /// Identifiers of the advice rules whose condition holds, in instrument order.
    pub advice: Vec<String>,
}

/// The instrument a report or export belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstrumentRef {
    /// The instrument's id.
    pub id: String,
    /// The instrument's version.
    pub version: String,
}

/// The score of one scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleResult {
    /// The scale's id.
    pub id: String,
    /// Mean of the answered items after reversing, or `None` when none was answered.
    pub score: Option<f64>,
    /// Number of items answered.
    pub answered: usize,
    /// Number of items in the scale.
    pub total: usize,
    /// Whether enough items were answered for a trustworthy score.
    pub enough: bool,
    /// The band the score falls in, when there are enough answers.
    pub band: Option<String>,
}

/// The posterior probability of each prototype and the best fit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Classification {
    /// Probability per prototype, in the model's class order; they sum to 1.
    pub probabilities: Vec<PrototypeProbability>,
    /// The most likely prototype.
    pub best: String,
    /// Whether the best prototype's probability is below the model's threshold.
    pub uncertain: bool,
    /// The two most likely prototypes, most likely first.
    pub closest: Vec<String>,
    /// How many of the model's inputs (scales or items) were used.
    pub inputs_used: usize,
    /// How many inputs the model has.
    pub inputs_total: usize,
}

/// One prototype's posterior probability.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrototypeProbability {
    /// The prototype's id.
    pub prototype: String,
    /// Its posterior probability, from 0 to 1.
    pub probability: f64,
}

impl Classification {
    /// The probability of the best prototype.
    pub fn best_probability(&self) -> f64 {
        self.probability_of(&self.best).unwrap_or(0.0)
    }

    /// The probability of a prototype.
    pub fn probability_of(&self, prototype: &str) -> Option<f64> {
        self.probabilities
            .iter()
            .find(|p| p.prototype == prototype)
            .map(|p| p.probability)
    }
}

impl Report {
    /// The result of a scale.
    pub fn scale(&self, id: &str) -> Option<&ScaleResult> {
        self.scales.iter().find(|s| s.id == id)
    }
}
