//! A scored result: answers together with the report made from them.
//!
//! Only [`crate::score`] and the import functions make one, so a `Scored`
//! always holds a report that belongs to its answers. Every export takes
//! one and every import returns one; nothing downstream scores again to
//! check.

use alloc::string::String;
use core::ops::Deref;

use crate::answers::Answers;
use crate::conversation::ConversationCard;
use crate::report::Report;

/// Answers, their report, and when the result was made.
///
/// It reads as its [`Report`] (through `Deref`), so `scored.scales` and
/// `scored.classification` work as on a report.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    answers: Answers,
    report: Report,
    created: Option<String>,
    card: Option<ConversationCard>,
}

impl Scored {
    /// Pairs answers with the report scored from them (crate-internal, so
    /// the pair cannot be made up).
    pub(crate) fn new(answers: Answers, report: Report) -> Self {
        Scored {
            answers,
            report,
            created: None,
            card: None,
        }
    }

    /// The same result, stamped with when it was made (ISO 8601; the core
    /// has no clock, so the caller supplies it).
    #[must_use]
    pub fn made_at(mut self, created: Option<String>) -> Self {
        self.created = created;
        self
    }

    /// The answers the result was scored from.
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// The report computed from the answers.
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// When the result was made (ISO 8601), if known.
    pub fn created(&self) -> Option<&str> {
        self.created.as_deref()
    }

    /// The same result with the relative's conversation card (`None`, or
    /// an empty card, for none). It goes into the JSON and FHIR exports and
    /// the printout, never into a share code.
    #[must_use]
    pub fn with_card(mut self, card: Option<ConversationCard>) -> Self {
        self.card = card.and_then(ConversationCard::filled);
        self
    }

    /// The relative's conversation card, if they filled one in.
    pub fn card(&self) -> Option<&ConversationCard> {
        self.card.as_ref()
    }

    /// The day the result was made (`YYYY-MM-DD`), if known.
    pub fn created_day(&self) -> Option<&str> {
        self.created().and_then(|c| c.get(..10))
    }
}

impl Deref for Scored {
    type Target = Report;

    fn deref(&self) -> &Report {
        &self.report
    }
}
