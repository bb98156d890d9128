//! Comparing two results of the same relative over time: per scale
//! heavier, lighter or about the same (by the scale's `same_within`),
//! whether the description and the safety signals changed, and the
//! ratings side by side.

use alloc::string::String;
use alloc::vec::Vec;

use crate::questionnaire::Questionnaire;
use crate::scored::Scored;

/// How a scale score moved from the earlier result to the later one.
/// Every scale is scored so that a higher score means a heavier load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Higher than before by more than the scale's `same_within`.
    Heavier,
    /// Lower than before by more than the scale's `same_within`.
    Lighter,
    /// Within `same_within` of before.
    AboutTheSame,
}

/// One scale in a comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleChange {
    /// The scale's id.
    pub scale: String,
    /// The earlier score, when it had enough answers.
    pub before: Option<f64>,
    /// The later score, when it had enough answers.
    pub after: Option<f64>,
    /// The later score minus the earlier one, when both exist.
    pub difference: Option<f64>,
    /// The change in words, when both scores exist.
    pub change: Option<Change>,
}

/// A rating (an item outside the scales) before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatingChange {
    /// The item's id.
    pub item: String,
    /// The earlier answer, if given.
    pub before: Option<i32>,
    /// The later answer, if given.
    pub after: Option<i32>,
}

/// Two results side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Per scale, in the instrument's order.
    pub scales: Vec<ScaleChange>,
    /// The prototype named earlier, if one was.
    pub description_before: Option<String>,
    /// The prototype named now, if one is.
    pub description_after: Option<String>,
    /// Safety signals that hold now but did not before.
    pub signals_new: Vec<String>,
    /// Safety signals that held before but no longer do.
    pub signals_gone: Vec<String>,
    /// The ratings, in the instrument's order.
    pub ratings: Vec<RatingChange>,
}

impl Comparison {
    /// Whether the named description differs between the two results.
    pub fn description_changed(&self) -> bool {
        self.description_before != self.description_after
    }

    /// Whether any safety signal came or went.
    pub fn signals_changed(&self) -> bool {
        !self.signals_new.is_empty() || !self.signals_gone.is_empty()
    }
}

/// A result with the version of the questionnaire it was made with.
#[derive(Debug, Clone, Copy)]
pub struct MadeWith<'a> {
    /// The version that scored it.
    pub questionnaire: &'a Questionnaire,
    /// The result.
    pub scored: &'a Scored,
}

/// Why two results cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ComparisonError {
    /// A result names another questionnaire or version than the one given
    /// with it (its report says which).
    NotMadeWith {
        /// `id version` the result names.
        result: String,
        /// `id version` of the questionnaire given with it.
        questionnaire: String,
    },
    /// The two results come from different questionnaires (not versions of
    /// one), so their scales mean different things.
    DifferentQuestionnaires,
}

impl core::fmt::Display for ComparisonError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            ComparisonError::NotMadeWith {
                result,
                questionnaire,
            } => write!(
                f,
                "a result made with {result} was given with {questionnaire}"
            ),
            ComparisonError::DifferentQuestionnaires => {
                write!(f, "the two results come from different questionnaires")
            }
        }
    }
}

impl core::error::Error for ComparisonError {}

/// Compares an earlier result with a later one, each with the version of the
/// questionnaire that made it. Versions of one questionnaire are compared on
/// what both versions share: the scales, ratings and safety rules with the
/// same id in both (in the later version's order).
pub fn compare(earlier: MadeWith<'_>, later: MadeWith<'_>) -> Result<Comparison, ComparisonError> {
    for side in [earlier, later] {
        let named = &side.scored.report().instrument;
        if named.id != side.questionnaire.id || named.version != side.questionnaire.version {
            return Err(ComparisonError::NotMadeWith {
                result: alloc::format!("{} {}", named.id, named.version),
                questionnaire: alloc::format!(
                    "{} {}",
                    side.questionnaire.id,
                    side.questionnaire.version
                ),
            });
        }
    }
    if earlier.questionnaire.id != later.questionnaire.id {
        return Err(ComparisonError::DifferentQuestionnaires);
    }
    let (before_q, after_q) = (earlier.questionnaire, later.questionnaire);
    let (earlier, later) = (earlier.scored, later.scored);
    let enough_score =
        |scored: &Scored, id: &str| scored.scale(id).filter(|s| s.enough).and_then(|s| s.score);
    let scales = after_q
        .scales
        .iter()
        .filter(|scale| before_q.scale(&scale.id).is_some())
        .map(|scale| {
            let before = enough_score(earlier, &scale.id);
            let after = enough_score(later, &scale.id);
            let difference = before.zip(after).map(|(b, a)| a - b);
            let change = difference.map(|d| {
                if libm::fabs(d) <= scale.same_within {
                    Change::AboutTheSame
                } else if d > 0.0 {
                    Change::Heavier
                } else {
                    Change::Lighter
                }
            });
            ScaleChange {
                scale: scale.id.clone(),
                before,
                after,
                difference,
                change,
            }
        })
        .collect();
    // Only rules both versions have: a rule that one version lacks did not
    // "start" or "stop" holding.
    let shared_rule =
        |id: &String| before_q.safety_rule(id).is_some() && after_q.safety_rule(id).is_some();
    let not_in = |list: &[String], other: &[String]| -> Vec<String> {
        list.iter()
            .filter(|s| !other.contains(s) && shared_rule(s))
            .cloned()
            .collect()
    };
    // Descriptions are named by id; a view words each with its own
    // version's text.
    Ok(Comparison {
        scales,
        description_before: earlier.classification.best().map(String::from),
        description_after: later.classification.best().map(String::from),
        signals_new: not_in(&later.signals, &earlier.signals),
        signals_gone: not_in(&earlier.signals, &later.signals),
        ratings: after_q
            .rating_items()
            .filter(|(item, _)| before_q.item(&item.id).is_some())
            .map(|(item, _)| RatingChange {
                item: item.id.clone(),
                before: earlier.answers().value(&item.id),
                after: later.answers().value(&item.id),
            })
            .collect(),
    })
}
