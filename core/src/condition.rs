//! Conditions of advice and safety rules, and how they are evaluated.
//!
//! A condition is written in the instrument as JSON, for example
//! `{"chosen": {"question": "behaviours", "option": "substances"}}` or
//! `{"sum_at_least": {"items": ["w1", "w2"], "value": 3}}`.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

use crate::answers::Answers;
use crate::report::ScaleResult;

/// When a rule applies.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// Always.
    Always,
    /// An option of a context question is chosen.
    Chosen {
        /// The context question.
        question: String,
        /// The option.
        option: String,
    },
    /// A scale's score falls in a band (and the scale has enough answers).
    Band {
        /// The scale.
        scale: String,
        /// The band.
        band: String,
    },
    /// A scale's score is at least a value (and the scale has enough answers).
    ScaleAtLeast {
        /// The scale.
        scale: String,
        /// The threshold.
        value: f64,
    },
    /// An item's answer is at least a value (raw, not reversed).
    ItemAtLeast {
        /// The item.
        item: String,
        /// The threshold.
        value: i32,
    },
    /// The sum of the answered items' raw values is at least a value.
    SumAtLeast {
        /// The items.
        items: Vec<String>,
        /// The threshold.
        value: i32,
    },
    /// The best-fitting prototype is this one, or, when the result is
    /// uncertain, one of the two closest.
    Prototype {
        /// The prototype.
        prototype: String,
    },
    /// At least one of the conditions holds.
    Any(Vec<Condition>),
    /// All of the conditions hold.
    All(Vec<Condition>),
    /// The condition does not hold.
    Not(Box<Condition>),
}

/// What a condition is evaluated against.
pub struct Facts<'a> {
    /// The answers given.
    pub answers: &'a Answers,
    /// Every scale's result.
    pub scales: &'a [ScaleResult],
    /// Prototypes that count as "this result": the best, and the runner-up if uncertain.
    pub prototypes: &'a [&'a str],
}

impl Condition {
    /// Whether the condition holds for these facts.
    pub fn holds(&self, facts: &Facts<'_>) -> bool {
        match self {
            Condition::Always => true,
            Condition::Chosen { question, option } => facts.answers.has_chosen(question, option),
            Condition::Band { scale, band } => facts
                .scales
                .iter()
                .any(|s| &s.id == scale && s.enough && s.band.as_deref() == Some(band.as_str())),
            Condition::ScaleAtLeast { scale, value } => facts.scales.iter().any(|s| {
                &s.id == scale && s.enough && s.score.is_some_and(|score| score >= *value)
            }),
            Condition::ItemAtLeast { item, value } => {
                facts.answers.value(item).is_some_and(|v| v >= *value)
            }
            Condition::SumAtLeast { items, value } => {
                let sum: i64 = items
                    .iter()
                    .filter_map(|item| facts.answers.value(item))
                    .map(i64::from)
                    .sum();
                sum >= i64::from(*value)
            }
            Condition::Prototype { prototype } => facts.prototypes.contains(&prototype.as_str()),
            Condition::Any(conditions) => conditions.iter().any(|c| c.holds(facts)),
            Condition::All(conditions) => conditions.iter().all(|c| c.holds(facts)),
            Condition::Not(condition) => !condition.holds(facts),
        }
    }
}
