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
    /// The prototype classification (always present; its [`Fit`] says
    /// whether a prototype may be named).
    pub classification: Classification,
    /// Identifiers of the safety rules whose condition holds, most urgent first.
    pub signals: Vec<String>,
    /// Identifiers of the advice rules whose condition holds, in instrument order.
    pub advice: Vec<String>,
    /// Whether a signal asks that help for the relative themself comes
    /// before coaching tips and methods (PINM's contra-indication).
    pub help_for_yourself_first: bool,
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

/// How the answers relate to the prototype model: the exact posterior of
/// every prototype, how typical the answers are for each, and what may be
/// said about it ([`Fit`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Classification {
    /// One entry per prototype, in the model's class order; probabilities sum to 1.
    pub probabilities: Vec<PrototypeProbability>,
    /// What the result may say about the prototypes.
    pub fit: Fit,
    /// How many of the model's inputs (scales or items) were used.
    pub inputs_used: usize,
    /// How many inputs the model has.
    pub inputs_total: usize,
    /// The log density (profiles) or log-likelihood (classes) of the
    /// observed inputs under the whole model, missing inputs skipped.
    pub log_density: f64,
}

/// What the result may say about the prototypes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Fit {
    /// A prototype fits: it is typical for the answers, none of the
    /// person's bands contradicts it, and its posterior reaches the model's minimum.
    Prototype {
        /// The prototype named as fitting best.
        best: String,
        /// Whether `best`'s probability is below the model's uncertainty threshold.
        uncertain: bool,
        /// Up to two prototypes that may be named, most likely first (`best` first).
        closest: Vec<String>,
        /// The id of the verbal strength (`model.strength`) for `best`.
        strength: String,
        /// Whether the description must be the one for an urgent safety
        /// signal ([`crate::instrument::Prototype::description_when_urgent`]).
        while_urgent: bool,
    },
    /// The answers fit none of the prototypes well (or every typical one is
    /// contradicted by the person's own bands).
    NoneFits {
        /// How the answers differ from the closest description.
        direction: Direction,
    },
    /// Fewer inputs were observed than the model needs to classify.
    TooFewInputs {
        /// How many inputs the model needs.
        needed: usize,
    },
}

/// How answers that fit no prototype differ from the closest description.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Lighter than the closest description: no input clearly heavier.
    Lighter,
    /// Heavier than the closest description: no input clearly lighter.
    Heavier,
    /// Lighter on some inputs and heavier on others.
    Mixed,
}

/// One prototype's posterior probability and how well the answers fit it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrototypeProbability {
    /// The prototype's id.
    pub prototype: String,
    /// Its posterior probability, from 0 to 1.
    pub probability: f64,
    /// How typical the answers are for this class (see
    /// [`crate::instrument::Typicality`]).
    pub typicality: f64,
    /// For latent profiles, the squared Mahalanobis distance of the observed
    /// scale scores to the class mean; `None` for latent classes.
    pub distance: Option<f64>,
    /// Whether one of the prototype's contradicting bands holds.
    pub contradicted: bool,
}

impl Classification {
    /// The named prototype, when one fits.
    pub fn best(&self) -> Option<&str> {
        match &self.fit {
            Fit::Prototype { best, .. } => Some(best),
            _ => None,
        }
    }

    /// The prototypes that count as "this result" for advice: the best, or
    /// the two closest when the result is uncertain; none when none fits.
    pub fn counted(&self) -> Vec<&str> {
        match &self.fit {
            Fit::Prototype {
                best,
                uncertain: true,
                closest,
                ..
            } => {
                let mut counted: Vec<&str> = closest.iter().map(String::as_str).collect();
                if counted.is_empty() {
                    counted.push(best);
                }
                counted
            }
            Fit::Prototype { best, .. } => alloc::vec![best.as_str()],
            _ => Vec::new(),
        }
    }

    /// The probability of the named prototype, when one fits.
    pub fn best_probability(&self) -> Option<f64> {
        self.best().and_then(|best| self.probability_of(best))
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
