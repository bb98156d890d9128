//! Scoring and classification: from answers to a [`Report`].
//!
//! Scale score = mean of the answered items after reversing reverse-keyed
//! ones. A scale below its `min_answered` share still gets a score, but is
//! flagged as not having enough answers and is then left out of the
//! classification, which skips missing inputs exactly as a full-information
//! likelihood does.

use alloc::string::String;
use alloc::vec::Vec;

use crate::answers::{Answer, Answers};
use crate::condition::Facts;
use crate::error::ScoreError;
use crate::instrument::{ChoiceKind, Index, Instrument, LatentModel, Scale};
use crate::likelihood;
use crate::report::{Classification, InstrumentRef, PrototypeProbability, Report, ScaleResult};

/// Scores `answers` with `instrument` (which must have passed validation).
///
/// Unknown question ids, values that are not on the item's response scale
/// and options a context question does not have are errors naming the
/// question. Skipped questions are simply absent from `answers`.
pub fn score(instrument: &Instrument, answers: &Answers) -> Result<Report, ScoreError> {
    let index = instrument.index();
    check_answers(&index, answers)?;

    let scales: Vec<ScaleResult> = instrument
        .scales
        .iter()
        .map(|scale| score_scale(&index, scale, answers))
        .collect();
    let classification = classify(instrument, &index, &scales, answers);

    let mut counted: Vec<&str> = Vec::new();
    if let Some(c) = &classification {
        if c.uncertain {
            counted.extend(c.closest.iter().map(String::as_str));
        } else {
            counted.push(c.best.as_str());
        }
    }
    let facts = Facts {
        answers,
        scales: &scales,
        prototypes: &counted,
    };
    let mut signals: Vec<(&crate::instrument::SafetyRule, usize)> = instrument
        .safety
        .iter()
        .enumerate()
        .filter(|(_, rule)| rule.when.holds(&facts))
        .map(|(i, rule)| (rule, i))
        .collect();
    // Most urgent first, then in the instrument's order.
    signals.sort_by_key(|(rule, i)| (rule.level, *i));
    let signals = signals
        .into_iter()
        .map(|(rule, _)| rule.id.clone())
        .collect();
    let advice = instrument
        .advice
        .iter()
        .filter(|rule| rule.when.holds(&facts))
        .map(|rule| rule.id.clone())
        .collect();

    Ok(Report {
        instrument: InstrumentRef {
            id: instrument.id.clone(),
            version: instrument.version.clone(),
        },
        scales,
        classification,
        signals,
        advice,
    })
}

fn check_answers(index: &Index<'_>, answers: &Answers) -> Result<(), ScoreError> {
    for (id, answer) in answers.iter() {
        if let Some((_, response_scale)) = index.items.get(id) {
            let Answer::Value(value) = answer else {
                return Err(ScoreError::WrongKind {
                    question: id.into(),
                    expected: "a number from its answer scale",
                });
            };
            let Some(response_scale) = response_scale else {
                continue; // Unreachable for a validated instrument.
            };
            if response_scale.option_index(*value).is_none() {
                return Err(ScoreError::ValueOutOfRange {
                    item: id.into(),
                    value: *value,
                    allowed: response_scale.options.iter().map(|o| o.value).collect(),
                });
            }
        } else if let Some(question) = index.context_questions.get(id) {
            let chosen: &[String] = match (question.choice, answer) {
                (ChoiceKind::Single, Answer::Choice(option)) => core::slice::from_ref(option),
                (ChoiceKind::Multiple, Answer::Choices(options)) => options,
                (ChoiceKind::Single, _) => {
                    return Err(ScoreError::WrongKind {
                        question: id.into(),
                        expected: "one option id",
                    })
                }
                (ChoiceKind::Multiple, _) => {
                    return Err(ScoreError::WrongKind {
                        question: id.into(),
                        expected: "a list of option ids",
                    })
                }
            };
            for option in chosen {
                if !question.options.iter().any(|o| &o.id == option) {
                    return Err(ScoreError::UnknownOption {
                        question: id.into(),
                        option: option.clone(),
                    });
                }
            }
        } else {
            return Err(ScoreError::UnknownQuestion { id: id.into() });
        }
    }
    Ok(())
}

fn score_scale(index: &Index<'_>, scale: &Scale, answers: &Answers) -> ScaleResult {
    let mut sum = 0.0;
    let mut answered = 0usize;
    for item_id in &scale.items {
        let (Some((item, rs)), Some(value)) =
            (index.items.get(item_id.as_str()), answers.value(item_id))
        else {
            continue;
        };
        let Some((min, max)) = rs.and_then(|rs| rs.range()) else {
            continue;
        };
        let scored = if item.reverse {
            min + max - value
        } else {
            value
        };
        sum += f64::from(scored);
        answered += 1;
    }
    let total = scale.items.len();
    let score = (answered > 0).then(|| sum / answered as f64);
    // Compare counts, not floats: 2 of 3 answered meets a 2/3 threshold.
    let enough = answered > 0 && (answered as f64) >= scale.min_answered * total as f64 - 1e-9;
    let band = score.filter(|_| enough).and_then(|s| band_of(scale, s));
    ScaleResult {
        id: scale.id.clone(),
        score,
        answered,
        total,
        enough,
        band,
    }
}

/// The band a score falls in: `from <= score < to`, the last band inclusive.
fn band_of(scale: &Scale, score: f64) -> Option<String> {
    let last = scale.bands.len().checked_sub(1)?;
    scale
        .bands
        .iter()
        .enumerate()
        .find(|(i, band)| {
            score >= band.from && (score < band.to || (*i == last && score <= band.to))
        })
        .map(|(_, band)| band.id.clone())
}

fn classify(
    instrument: &Instrument,
    index: &Index<'_>,
    scales: &[ScaleResult],
    answers: &Answers,
) -> Option<Classification> {
    let (posterior, used, total) = match &instrument.model.latent {
        LatentModel::Profiles(model) => {
            let scores: Vec<Option<f64>> = model
                .scales
                .iter()
                .map(|id| {
                    scales
                        .iter()
                        .find(|s| &s.id == id)
                        .filter(|s| s.enough)
                        .and_then(|s| s.score)
                })
                .collect();
            let used = scores.iter().filter(|s| s.is_some()).count();
            (
                likelihood::profile_posterior(model, &scores),
                used,
                scores.len(),
            )
        }
        LatentModel::Classes(model) => {
            let categories: Vec<Option<usize>> = model
                .items
                .iter()
                .map(|id| {
                    let (_, rs) = index.items.get(id.as_str())?;
                    rs.and_then(|rs| rs.option_index(answers.value(id)?))
                })
                .collect();
            let used = categories.iter().filter(|c| c.is_some()).count();
            (
                likelihood::class_posterior(model, &categories),
                used,
                categories.len(),
            )
        }
    };
    if used == 0 {
        return None;
    }
    let prototypes = instrument.class_prototypes();
    let mut order: Vec<usize> = (0..posterior.len()).collect();
    // Highest probability first; ties keep the model's class order.
    order.sort_by(|a, b| posterior[*b].total_cmp(&posterior[*a]).then(a.cmp(b)));
    let best = *order.first()?;
    let uncertain = posterior[best] < instrument.model.uncertainty_threshold;
    Some(Classification {
        probabilities: prototypes
            .iter()
            .zip(&posterior)
            .map(|(p, probability)| PrototypeProbability {
                prototype: String::from(*p),
                probability: *probability,
            })
            .collect(),
        best: prototypes[best].into(),
        uncertain,
        closest: order
            .iter()
            .take(2)
            .map(|i| String::from(prototypes[*i]))
            .collect(),
        inputs_used: used,
        inputs_total: total,
    })
}
