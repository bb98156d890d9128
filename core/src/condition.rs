//! Conditions of advice and safety rules, and how they are evaluated.
//!
//! A condition is written in the instrument as JSON, for example
//! `{"chosen": {"question": "behaviours", "option": "substances"}}` or
//! `{"sum_at_least": {"items": ["w1", "w2"], "value": 3}}`.
//!
//! Besides whether a condition holds, [`Condition::causes`] tells which
//! answers (and scale scores) made it hold, so a view can mark the answers
//! behind a safety signal.

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

    /// What made the condition hold for these facts: the questions whose
    /// answers it rests on, and the scales whose scores it rests on, each
    /// once, in the order the condition names them. Nothing when it does
    /// not hold.
    ///
    /// - `chosen`: its question, and the option in [`Causes::chosen`].
    /// - `item_at_least`: its item.
    /// - `sum_at_least`: the items of the sum that added to it (answered
    ///   with a value other than 0).
    /// - `band` and `scale_at_least`: their scale.
    /// - `any`: every part that holds; `all`: every part.
    /// - `not`, `always` and `prototype`: nothing. A negation holds by what
    ///   was not answered or chosen, so no answer caused it.
    pub fn causes<'c>(&'c self, facts: &Facts<'_>) -> Causes<'c> {
        let mut causes = Causes::default();
        if self.holds(facts) {
            self.collect_causes(facts, &mut causes);
        }
        causes
    }

    /// Adds the causes of a condition that holds.
    fn collect_causes<'c>(&'c self, facts: &Facts<'_>, into: &mut Causes<'c>) {
        match self {
            Condition::Always | Condition::Prototype { .. } | Condition::Not(_) => {}
            Condition::Chosen { question, option } => {
                into.add_question(question);
                if !into
                    .chosen
                    .iter()
                    .any(|(q, o)| *q == question.as_str() && *o == option.as_str())
                {
                    into.chosen.push((question, option));
                }
            }
            Condition::ItemAtLeast { item, .. } => into.add_question(item),
            Condition::SumAtLeast { items, .. } => {
                for item in items {
                    if facts.answers.value(item).is_some_and(|v| v != 0) {
                        into.add_question(item);
                    }
                }
            }
            Condition::Band { scale, .. } | Condition::ScaleAtLeast { scale, .. } => {
                if !into.scales.contains(&scale.as_str()) {
                    into.scales.push(scale);
                }
            }
            Condition::Any(conditions) => {
                for condition in conditions.iter().filter(|c| c.holds(facts)) {
                    condition.collect_causes(facts, into);
                }
            }
            Condition::All(conditions) => {
                for condition in conditions {
                    condition.collect_causes(facts, into);
                }
            }
        }
    }
}

/// What made a condition hold ([`Condition::causes`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Causes<'a> {
    /// Items and context questions whose answers the condition rests on.
    pub questions: Vec<&'a str>,
    /// The chosen options it rests on, as (context question, option): of a
    /// multiple choice, only these options raised it, not the others chosen.
    pub chosen: Vec<(&'a str, &'a str)>,
    /// Scales whose scores the condition rests on.
    pub scales: Vec<&'a str>,
}

impl<'a> Causes<'a> {
    fn add_question(&mut self, id: &'a str) {
        if !self.questions.contains(&id) {
            self.questions.push(id);
        }
    }

    /// Whether nothing caused it (the condition did not hold, or holds by
    /// a negation or for every result).
    pub fn is_empty(&self) -> bool {
        self.questions.is_empty() && self.scales.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;
    use alloc::vec;

    fn item_at_least(item: &str, value: i32) -> Condition {
        Condition::ItemAtLeast {
            item: item.into(),
            value,
        }
    }

    fn chosen(question: &str, option: &str) -> Condition {
        Condition::Chosen {
            question: question.into(),
            option: option.into(),
        }
    }

    fn facts<'a>(answers: &'a Answers, scales: &'a [ScaleResult]) -> Facts<'a> {
        Facts {
            answers,
            scales,
            prototypes: &[],
        }
    }

    #[test]
    fn a_condition_that_does_not_hold_has_no_causes() {
        let mut answers = Answers::new();
        answers.set_value("unsafe", 1);
        let condition = item_at_least("unsafe", 2);
        assert!(condition.causes(&facts(&answers, &[])).is_empty());
    }

    #[test]
    fn an_item_or_a_choice_is_its_own_cause() {
        let mut answers = Answers::new();
        answers.set_value("unsafe", 2);
        answers.set_choices("behaviours", &["self_harm", "mood"]);
        let f = facts(&answers, &[]);
        assert_eq!(item_at_least("unsafe", 2).causes(&f).questions, ["unsafe"]);
        let self_harm = chosen("behaviours", "self_harm");
        let causes = self_harm.causes(&f);
        assert_eq!(causes.questions, ["behaviours"]);
        assert_eq!(causes.chosen, [("behaviours", "self_harm")]);
        assert!(item_at_least("unsafe", 2).causes(&f).chosen.is_empty());
    }

    #[test]
    fn a_sum_is_caused_by_the_items_that_added_to_it() {
        let mut answers = Answers::new();
        answers.set_value("w1", 3);
        answers.set_value("w2", 0);
        let condition = Condition::SumAtLeast {
            items: vec!["w1".to_string(), "w2".to_string(), "w3".to_string()],
            value: 3,
        };
        assert_eq!(condition.causes(&facts(&answers, &[])).questions, ["w1"]);
    }

    #[test]
    fn any_names_every_part_that_holds_and_all_names_every_part() {
        let mut answers = Answers::new();
        answers.set_value("unsafe", 3);
        answers.set_choice("unsafe_now", "yes");
        answers.set_choice("children_home", "yes");
        let f = facts(&answers, &[]);
        let any = Condition::Any(vec![
            item_at_least("unsafe", 2),
            chosen("unsafe_now", "yes"),
            item_at_least("death_thoughts", 1),
        ]);
        assert_eq!(any.causes(&f).questions, ["unsafe", "unsafe_now"]);
        let all = Condition::All(vec![any.clone(), chosen("children_home", "yes")]);
        assert_eq!(
            all.causes(&f).questions,
            ["unsafe", "unsafe_now", "children_home"]
        );
        // One part fails: the whole does not hold, so nothing caused it.
        let failing = Condition::All(vec![any, chosen("children_home", "no")]);
        assert!(failing.causes(&f).is_empty());
    }

    #[test]
    fn a_negation_causes_nothing_and_each_question_is_named_once() {
        let mut answers = Answers::new();
        answers.set_value("unsafe", 1);
        let f = facts(&answers, &[]);
        // unsafe at least once, but not more often: only the first part names it.
        let once = Condition::All(vec![
            item_at_least("unsafe", 1),
            Condition::Not(alloc::boxed::Box::new(item_at_least("unsafe", 2))),
            item_at_least("unsafe", 0),
        ]);
        assert_eq!(once.causes(&f).questions, ["unsafe"]);
        assert!(Condition::Always.causes(&f).is_empty());
    }

    #[test]
    fn a_scale_condition_is_caused_by_its_scale() {
        let answers = Answers::new();
        let scales = [ScaleResult {
            id: "burden".into(),
            score: Some(4.5),
            answered: 4,
            total: 4,
            enough: true,
            band: Some("high".into()),
        }];
        let f = facts(&answers, &scales);
        let band = Condition::Band {
            scale: "burden".into(),
            band: "high".into(),
        };
        let at_least = Condition::ScaleAtLeast {
            scale: "burden".into(),
            value: 4.0,
        };
        let both = Condition::All(vec![band, at_least]);
        let causes = both.causes(&f);
        assert!(causes.questions.is_empty());
        assert_eq!(causes.scales, ["burden"]);
    }
}
