//! The conversation card in FHIR: an extension on the QuestionnaireResponse
//! (the card is not a question of the Questionnaire, so it cannot be an
//! item), with one nested extension per part:
//!
//! ```json
//! { "url": "https://naastenmeter.nl/fhir/StructureDefinition/conversation-card",
//!   "extension": [ { "url": "worry", "valueString": "…" },
//!                  { "url": "goal", "valueCode": "own_life" },
//!                  { "url": "own-goal", "valueString": "…" },
//!                  { "url": "questions", "valueString": "…" } ] }
//! ```

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};

use crate::conversation::{ChangeGoal, ConversationCard};
use crate::error::{ImportError, Problem};

/// The extension's canonical URL (an identifier in the instrument's own
/// namespace; nothing is fetched from it).
pub const CARD_EXTENSION_URL: &str =
    "https://naastenmeter.nl/fhir/StructureDefinition/conversation-card";

/// A FHIR extension as written: a URL and a string or code value, or
/// nested extensions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extension {
    /// Nested extensions (the card's parts).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    /// What the extension is.
    pub url: String,
    /// A code value.
    #[serde(rename = "valueCode", default, skip_serializing_if = "Option::is_none")]
    pub value_code: Option<String>,
    /// A text value.
    #[serde(
        rename = "valueString",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub value_string: Option<String>,
}

impl Extension {
    fn text(url: &str, value: &str) -> Self {
        Extension {
            url: url.into(),
            value_string: Some(value.into()),
            ..Extension::default()
        }
    }
}

/// The card as a QuestionnaireResponse extension.
pub fn card_extension(card: &ConversationCard) -> Extension {
    let mut parts: Vec<Extension> = card
        .worries()
        .iter()
        .map(|w| Extension::text("worry", w))
        .collect();
    parts.extend(card.goals().iter().map(|g| Extension {
        url: "goal".into(),
        value_code: Some(g.id().into()),
        ..Extension::default()
    }));
    if !card.own_goal().is_empty() {
        parts.push(Extension::text("own-goal", card.own_goal()));
    }
    if !card.questions().is_empty() {
        parts.push(Extension::text("questions", card.questions()));
    }
    Extension {
        extension: parts,
        url: CARD_EXTENSION_URL.into(),
        ..Extension::default()
    }
}

/// An extension as received: ours is read, any other is named as not read.
#[derive(Debug, Clone, Default)]
pub(super) struct ReceivedExtension {
    url: Option<String>,
    extension: Vec<ReceivedExtension>,
    value_string: Option<String>,
    value_code: Option<String>,
    _other: alloc::collections::BTreeMap<String, IgnoredAny>,
}

read_object!(ReceivedExtension {
    url: "url",
    extension: "extension",
    value_string: "valueString",
    value_code: "valueCode",
} _other);

impl ReceivedExtension {
    /// Whether this is the conversation card.
    pub(super) fn is_card(&self) -> bool {
        self.url.as_deref() == Some(CARD_EXTENSION_URL)
    }
}

/// Reads the card extension at `path`; a part it does not know, or a card
/// over its limits, is refused with the part's path.
pub(super) fn read_card(
    path: &str,
    received: &ReceivedExtension,
) -> Result<ConversationCard, ImportError> {
    let bad = |at: String, message: String| ImportError::NotAnExport(Problem { path: at, message });
    let (mut worries, mut goals, mut own_goal, mut questions) =
        (Vec::new(), Vec::new(), String::new(), String::new());
    for (i, part) in received.extension.iter().enumerate() {
        let at = format!("{path}.extension[{i}]");
        let text = || {
            part.value_string
                .clone()
                .ok_or_else(|| bad(format!("{at}.valueString"), "expected a text".into()))
        };
        match part.url.as_deref() {
            Some("worry") => worries.push(text()?),
            Some("own-goal") => own_goal = text()?,
            Some("questions") => questions = text()?,
            Some("goal") => {
                let code = part.value_code.as_deref().unwrap_or("");
                let goal = ChangeGoal::from_id(code).ok_or_else(|| {
                    bad(
                        format!("{at}.valueCode"),
                        format!("`{code}` is not a goal of the conversation card"),
                    )
                })?;
                goals.push(goal);
            }
            other => {
                return Err(bad(
                    format!("{at}.url"),
                    format!(
                        "`{}` is not a part of the conversation card (worry, goal, own-goal, questions)",
                        other.unwrap_or("")
                    ),
                ))
            }
        }
    }
    ConversationCard::new(worries, goals, own_goal, questions)
        .map_err(|problem| bad(path.to_string(), problem.to_string()))
}
