//! The conversation card: what the relative wants to bring into the
//! conversation with a professional, filled in beforehand on screen. What
//! worries them most (up to three points), what they would like to change
//! (one or more of PINM's sub-goals, in plain words, or their own), and what
//! they want to ask.
//!
//! It is the relative's own free text, so it travels only where they take
//! it: with the answers in progress, a remembered result, the JSON and FHIR
//! exports and the printout, never in a share code. A card is checked once,
//! when it is made or read ([`ConversationCard::new`], and through serde),
//! so every later step can trust its limits.

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use serde::{Deserialize, Serialize};

/// At most this many worries. The limits keep the card, with everything
/// else a result prints, on two A4 pages (browser test).
pub const MAX_WORRIES: usize = 3;
/// At most this many characters in one worry or in the own goal.
pub const MAX_LINE_CHARS: usize = 150;
/// At most this many characters in the questions.
pub const MAX_QUESTIONS_CHARS: usize = 400;

/// PINM's sub-goals: what a relative may want to change. The ids are
/// stable (exports carry them); the words live with each app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeGoal {
    /// More say over one's own life (PINM sub-goal 1).
    OwnLife,
    /// Better contact and communication with the loved one (sub-goal 2).
    Contact,
    /// Asking others for support more easily (sub-goal 3).
    Support,
    /// Becoming more oneself again (sub-goal 4: identity).
    Myself,
    /// Coping better with sadness and loneliness (sub-goal 5).
    Sadness,
    /// Knowing more about the illness, its treatment and its impact
    /// (sub-goal 6).
    Knowledge,
}

impl ChangeGoal {
    /// Every sub-goal, in PINM's order.
    pub const ALL: [ChangeGoal; 6] = [
        ChangeGoal::OwnLife,
        ChangeGoal::Contact,
        ChangeGoal::Support,
        ChangeGoal::Myself,
        ChangeGoal::Sadness,
        ChangeGoal::Knowledge,
    ];

    /// The id exports carry.
    pub fn id(self) -> &'static str {
        match self {
            ChangeGoal::OwnLife => "own_life",
            ChangeGoal::Contact => "contact",
            ChangeGoal::Support => "support",
            ChangeGoal::Myself => "myself",
            ChangeGoal::Sadness => "sadness",
            ChangeGoal::Knowledge => "knowledge",
        }
    }

    /// The sub-goal with this id.
    pub fn from_id(id: &str) -> Option<ChangeGoal> {
        ChangeGoal::ALL.into_iter().find(|g| g.id() == id)
    }
}

/// A checked conversation card. Empty fields are left out; a card with
/// nothing in it is `None` wherever a card is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CardFields", into = "CardFields")]
pub struct ConversationCard {
    worries: Vec<String>,
    goals: Vec<ChangeGoal>,
    own_goal: String,
    questions: String,
}

/// The card as written in files, before it is checked.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CardFields {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    worries: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    goals: Vec<ChangeGoal>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    own_goal: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    questions: String,
}

impl From<ConversationCard> for CardFields {
    fn from(card: ConversationCard) -> Self {
        CardFields {
            worries: card.worries,
            goals: card.goals,
            own_goal: card.own_goal,
            questions: card.questions,
        }
    }
}

impl TryFrom<CardFields> for ConversationCard {
    type Error = CardProblem;
    fn try_from(fields: CardFields) -> Result<Self, CardProblem> {
        ConversationCard::new(
            fields.worries,
            fields.goals,
            fields.own_goal,
            fields.questions,
        )
    }
}

/// What is wrong with a card that was read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CardProblem {
    /// More than [`MAX_WORRIES`] worries.
    TooManyWorries(usize),
    /// A text longer than its limit; which field, and its limit.
    TooLong {
        /// `worries[1]`, `own_goal` or `questions`.
        field: String,
        /// The limit in characters.
        limit: usize,
    },
    /// A sub-goal chosen twice.
    RepeatedGoal(ChangeGoal),
}

impl fmt::Display for CardProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CardProblem::TooManyWorries(n) => {
                write!(
                    f,
                    "the conversation card has {n} worries; at most {MAX_WORRIES} fit"
                )
            }
            CardProblem::TooLong { field, limit } => {
                write!(
                    f,
                    "the conversation card's `{field}` is longer than {limit} characters"
                )
            }
            CardProblem::RepeatedGoal(goal) => {
                write!(
                    f,
                    "the conversation card names the goal `{}` twice",
                    goal.id()
                )
            }
        }
    }
}

impl ConversationCard {
    /// Checks and tidies a card: texts trimmed, empty worries left out, the
    /// goals in PINM's order. Refuses what does not fit the card (too many
    /// worries, a text over its limit, a goal twice) rather than cutting
    /// the relative's words without a word.
    pub fn new(
        worries: Vec<String>,
        goals: Vec<ChangeGoal>,
        own_goal: String,
        questions: String,
    ) -> Result<Self, CardProblem> {
        let worries: Vec<String> = worries
            .iter()
            .map(|w| w.trim().to_string())
            .filter(|w| !w.is_empty())
            .collect();
        if worries.len() > MAX_WORRIES {
            return Err(CardProblem::TooManyWorries(worries.len()));
        }
        for (i, worry) in worries.iter().enumerate() {
            if worry.chars().count() > MAX_LINE_CHARS {
                return Err(CardProblem::TooLong {
                    field: alloc::format!("worries[{i}]"),
                    limit: MAX_LINE_CHARS,
                });
            }
        }
        let mut sorted = goals.clone();
        crate::short_sort::sort_short_by(&mut sorted, Ord::cmp);
        if let Some(pair) = sorted.windows(2).find(|pair| pair[0] == pair[1]) {
            return Err(CardProblem::RepeatedGoal(pair[0]));
        }
        let own_goal = own_goal.trim().to_string();
        if own_goal.chars().count() > MAX_LINE_CHARS {
            return Err(CardProblem::TooLong {
                field: "own_goal".into(),
                limit: MAX_LINE_CHARS,
            });
        }
        let questions = questions.trim().to_string();
        if questions.chars().count() > MAX_QUESTIONS_CHARS {
            return Err(CardProblem::TooLong {
                field: "questions".into(),
                limit: MAX_QUESTIONS_CHARS,
            });
        }
        Ok(ConversationCard {
            worries,
            goals: sorted,
            own_goal,
            questions,
        })
    }

    /// What worries the relative most (up to three points).
    pub fn worries(&self) -> &[String] {
        &self.worries
    }

    /// The sub-goals chosen, in PINM's order.
    pub fn goals(&self) -> &[ChangeGoal] {
        &self.goals
    }

    /// What they would like to change, in their own words.
    pub fn own_goal(&self) -> &str {
        &self.own_goal
    }

    /// What they want to ask.
    pub fn questions(&self) -> &str {
        &self.questions
    }

    /// Whether nothing is filled in.
    pub fn is_empty(&self) -> bool {
        self.worries.is_empty()
            && self.goals.is_empty()
            && self.own_goal.is_empty()
            && self.questions.is_empty()
    }

    /// The card, or `None` when nothing is filled in.
    pub fn filled(self) -> Option<Self> {
        (!self.is_empty()).then_some(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_is_tidied_and_its_limits_hold() {
        let card = ConversationCard::new(
            alloc::vec!["  Slapen lukt niet ".into(), "".into(), "Geld".into()],
            alloc::vec![ChangeGoal::Sadness, ChangeGoal::OwnLife],
            " ".into(),
            "Wat kan ik doen?".into(),
        )
        .unwrap();
        assert_eq!(card.worries(), ["Slapen lukt niet", "Geld"]);
        assert_eq!(card.goals(), [ChangeGoal::OwnLife, ChangeGoal::Sadness]);
        assert_eq!(card.own_goal(), "");
        let four = alloc::vec!["a".to_string(); 4];
        assert_eq!(
            ConversationCard::new(four, alloc::vec![], "".into(), "".into()),
            Err(CardProblem::TooManyWorries(4))
        );
        let long = "x".repeat(MAX_LINE_CHARS + 1);
        assert!(matches!(
            ConversationCard::new(alloc::vec![long], alloc::vec![], "".into(), "".into()),
            Err(CardProblem::TooLong { .. })
        ));
        assert_eq!(
            ConversationCard::new(
                alloc::vec![],
                alloc::vec![ChangeGoal::Contact, ChangeGoal::Contact],
                "".into(),
                "".into()
            ),
            Err(CardProblem::RepeatedGoal(ChangeGoal::Contact))
        );
        assert!(ConversationCard::default().filled().is_none());
    }

    #[test]
    fn goal_ids_round_trip() {
        for goal in ChangeGoal::ALL {
            assert_eq!(ChangeGoal::from_id(goal.id()), Some(goal));
        }
        assert_eq!(ChangeGoal::from_id("world_peace"), None);
    }
}
