//! A relative's answers: a map from question id to the answer given.
//!
//! Skipped questions are simply absent. The JSON form is a plain object:
//! `{"b1": 4, "relationship": "parent", "behaviours": ["mood", "substances"]}`.

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

/// One answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    /// The value of a response option, for an item.
    Value(i32),
    /// One option id, for a single-choice context question.
    Choice(String),
    /// Option ids, for a multiple-choice context question. Scoring refuses
    /// an option given twice and keeps them in the question's option order.
    Choices(Vec<String>),
}

/// All answers given, keyed by question id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(BTreeMap<String, Answer>);

impl Answers {
    /// No answers yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets an item's answer to a response value.
    pub fn set_value(&mut self, item: &str, value: i32) {
        self.0.insert(item.into(), Answer::Value(value));
    }

    /// Sets a single-choice context answer.
    pub fn set_choice(&mut self, question: &str, option: &str) {
        self.0
            .insert(question.into(), Answer::Choice(option.into()));
    }

    /// Sets a multiple-choice context answer.
    pub fn set_choices(&mut self, question: &str, options: &[&str]) {
        let options = options.iter().map(|o| String::from(*o)).collect();
        self.0.insert(question.into(), Answer::Choices(options));
    }

    /// Sets any answer.
    pub fn set(&mut self, question: &str, answer: Answer) {
        self.0.insert(question.into(), answer);
    }

    /// Removes an answer (the question becomes skipped).
    pub fn clear(&mut self, question: &str) {
        self.0.remove(question);
    }

    /// The answer to a question, if given.
    pub fn get(&self, question: &str) -> Option<&Answer> {
        self.0.get(question)
    }

    /// The answer to a question, to change in place (scoring puts chosen
    /// options in order this way).
    pub(crate) fn get_mut(&mut self, question: &str) -> Option<&mut Answer> {
        self.0.get_mut(question)
    }

    /// The response value of an item, if answered with a value.
    pub fn value(&self, item: &str) -> Option<i32> {
        match self.0.get(item) {
            Some(Answer::Value(v)) => Some(*v),
            _ => None,
        }
    }

    /// Whether a context question has this option chosen.
    pub fn has_chosen(&self, question: &str, option: &str) -> bool {
        match self.0.get(question) {
            Some(Answer::Choice(c)) => c == option,
            Some(Answer::Choices(cs)) => cs.iter().any(|c| c == option),
            _ => false,
        }
    }

    /// All answers in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Answer)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Number of questions answered.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether nothing is answered.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
