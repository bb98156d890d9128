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
use crate::condition::{Causes, Facts};
use crate::error::ScoreError;
use crate::instrument::{ChoiceKind, LatentModel, Prototype, SafetyRule, Scale, SignalLevel};
use crate::likelihood;
use crate::questionnaire::Questionnaire;
use crate::report::{
    Classification, Direction, Fit, InstrumentRef, PrototypeProbability, Report, ScaleResult,
};
use crate::scored::Scored;

/// Scores `answers` with a questionnaire.
///
/// Unknown question ids, values that are not on the item's response scale,
/// options a context question does not have and an option chosen twice are
/// errors naming the question. Skipped questions are simply absent from
/// `answers`.
///
/// The options of a multiple choice are kept in the question's option
/// order, whatever order they were given in, so the same choices always
/// give the same result and the same exports.
pub fn score(instrument: &Questionnaire, mut answers: Answers) -> Result<Scored, ScoreError> {
    check_answers(instrument, &answers)?;
    in_option_order(instrument, &mut answers);
    let report = report_of(instrument, &answers);
    Ok(Scored::new(answers, report))
}

/// Puts the chosen options of every multiple-choice answer in the
/// question's option order (the answers are checked, so every option is
/// one of the question's).
fn in_option_order(instrument: &Questionnaire, answers: &mut Answers) {
    for question in &instrument.context_questions {
        if let Some(Answer::Choices(chosen)) = answers.get_mut(&question.id) {
            crate::short_sort::sort_short_by_key(chosen, |c| {
                question.options.iter().position(|o| o.id == *c)
            });
        }
    }
}

/// The report of answers that [`check_answers`] accepted.
fn report_of(instrument: &Questionnaire, answers: &Answers) -> Report {
    let scales: Vec<ScaleResult> = instrument
        .scales
        .iter()
        .map(|scale| score_scale(instrument, scale, answers))
        .collect();
    let mut classification = classify(instrument, &scales, answers);

    let counted = classification.counted();
    let facts = Facts {
        answers,
        scales: &scales,
        prototypes: &counted,
    };
    let mut signals: Vec<(&SafetyRule, usize)> = instrument
        .safety
        .iter()
        .enumerate()
        .filter(|(_, rule)| rule.when.holds(&facts))
        .map(|(i, rule)| (rule, i))
        .collect();
    // Most urgent first, then in the instrument's order.
    crate::short_sort::sort_short_by_key(&mut signals, |(rule, i)| (rule.level, *i));
    let help_for_yourself_first = signals.iter().any(|(rule, _)| rule.help_for_yourself_first);
    let urgent = signals
        .iter()
        .any(|(rule, _)| rule.level == SignalLevel::Urgent);
    let signals: Vec<String> = signals
        .into_iter()
        .map(|(rule, _)| rule.id.clone())
        .collect();
    let advice = instrument
        .advice
        .iter()
        .filter(|rule| rule.when.holds(&facts))
        .map(|rule| rule.id.clone())
        .collect();
    // A description that speaks of balance has another wording while an
    // urgent signal holds; the signals were decided on the same prototypes.
    if let Fit::Prototype { while_urgent, .. } = &mut classification.fit {
        *while_urgent = urgent;
    }

    Report {
        instrument: InstrumentRef {
            id: instrument.id.clone(),
            version: instrument.version.clone(),
        },
        scales,
        classification,
        signals,
        advice,
        help_for_yourself_first,
    }
}

fn check_answers(instrument: &Questionnaire, answers: &Answers) -> Result<(), ScoreError> {
    for (id, answer) in answers.iter() {
        if let Some(response_scale) = instrument.response_scale_of(id) {
            let Answer::Value(value) = answer else {
                return Err(ScoreError::WrongKind {
                    question: id.into(),
                    expected: "a number from its answer scale",
                });
            };
            if response_scale.option_index(*value).is_none() {
                return Err(ScoreError::ValueOutOfRange {
                    item: id.into(),
                    value: *value,
                    allowed: response_scale.options.iter().map(|o| o.value).collect(),
                });
            }
        } else if let Some(question) = instrument.context_question(id) {
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
            for (i, option) in chosen.iter().enumerate() {
                if !question.options.iter().any(|o| &o.id == option) {
                    return Err(ScoreError::UnknownOption {
                        question: id.into(),
                        option: option.clone(),
                    });
                }
                // Refused rather than collapsed: a repeat in a file means it
                // was made or edited by something that did not know the
                // question, and its other answers are then in doubt too.
                if chosen[..i].contains(option) {
                    return Err(ScoreError::RepeatedOption {
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

fn score_scale(instrument: &Questionnaire, scale: &Scale, answers: &Answers) -> ScaleResult {
    let mut sum = 0.0;
    let mut answered = 0usize;
    for item_id in &scale.items {
        let (Some((item, rs)), Some(value)) =
            (instrument.rated_item(item_id), answers.value(item_id))
        else {
            continue;
        };
        // Validation requires options on every response scale, and a value
        // was checked to be one of them; a scale without options scores nothing.
        let Some((min, max)) = rs.range() else {
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
    let band = score
        .filter(|_| enough)
        .and_then(|s| scale.band_for(s))
        .map(|band| band.id.clone());
    ScaleResult {
        id: scale.id.clone(),
        score,
        answered,
        total,
        enough,
        band,
    }
}

/// Classifies scale scores directly, as [`score`] classifies the scale
/// scores it computes from answers: each score gets its band, and every
/// given score counts as having enough answers. Scales not given are missing.
///
/// For researchers checking a model against data, and for tests over the
/// whole grid of scale scores. A latent class model classifies items, not
/// scale scores, so for it every input is missing.
pub fn classify_scale_scores(instrument: &Questionnaire, scores: &[(&str, f64)]) -> Classification {
    let scales: Vec<ScaleResult> = instrument
        .scales
        .iter()
        .map(|scale| {
            let score = scores
                .iter()
                .find(|(id, _)| *id == scale.id)
                .map(|(_, score)| *score)
                .filter(|score| score.is_finite());
            ScaleResult {
                id: scale.id.clone(),
                score,
                answered: usize::from(score.is_some()) * scale.items.len(),
                total: scale.items.len(),
                enough: score.is_some(),
                band: score
                    .and_then(|s| scale.band_for(s))
                    .map(|band| band.id.clone()),
            }
        })
        .collect();
    classify(instrument, &scales, &Answers::new())
}

/// The model's inputs for one respondent, missing ones `None`.
enum Inputs {
    /// Scale scores of a latent profile model (scales without enough answers are missing).
    Scores(Vec<Option<f64>>),
    /// Answer categories (option positions) of a latent class model.
    Categories(Vec<Option<usize>>),
}

impl Inputs {
    fn used(&self) -> usize {
        match self {
            Inputs::Scores(s) => s.iter().filter(|x| x.is_some()).count(),
            Inputs::Categories(c) => c.iter().filter(|x| x.is_some()).count(),
        }
    }

    fn total(&self) -> usize {
        match self {
            Inputs::Scores(s) => s.len(),
            Inputs::Categories(c) => c.len(),
        }
    }
}

fn model_inputs(instrument: &Questionnaire, scales: &[ScaleResult], answers: &Answers) -> Inputs {
    match &instrument.model.latent {
        LatentModel::Profiles(model) => Inputs::Scores(
            model
                .scales
                .iter()
                .map(|id| {
                    scales
                        .iter()
                        .find(|s| &s.id == id)
                        .filter(|s| s.enough)
                        .and_then(|s| s.score)
                })
                .collect(),
        ),
        LatentModel::Classes(model) => Inputs::Categories(
            model
                .items
                .iter()
                .map(|id| {
                    let rs = instrument.response_scale_of(id)?;
                    rs.option_index(answers.value(id)?)
                })
                .collect(),
        ),
    }
}

/// Classifies, deciding what may be said: a prototype is named only when
/// enough inputs were observed, the answers are typical for it, none of the
/// person's bands contradicts it, and its posterior reaches the model's minimum.
fn classify(
    instrument: &Questionnaire,
    scales: &[ScaleResult],
    answers: &Answers,
) -> Classification {
    let model = &instrument.model;
    let inputs = model_inputs(instrument, scales, answers);
    let (mut posterior, typicality, distances): (Vec<f64>, Vec<f64>, Vec<Option<f64>>) =
        match (&model.latent, &inputs) {
            (LatentModel::Profiles(m), Inputs::Scores(scores)) => {
                let joint = m
                    .classes
                    .iter()
                    .map(|c| {
                        libm::log(c.share)
                            + likelihood::profile_class_log_likelihood(
                                &c.means,
                                &c.variances,
                                scores,
                            )
                    })
                    .collect();
                let (typicality, distances) = likelihood::profile_typicality(m, scores)
                    .into_iter()
                    .map(|(t, d)| (t, Some(d)))
                    .unzip();
                (joint, typicality, distances)
            }
            (LatentModel::Classes(m), Inputs::Categories(categories)) => {
                let joint = m
                    .classes
                    .iter()
                    .map(|c| {
                        libm::log(c.share)
                            + likelihood::class_log_likelihood(&c.probabilities, categories)
                    })
                    .collect();
                let typicality = likelihood::class_typicality(m, categories);
                let distances = alloc::vec![None; typicality.len()];
                (joint, typicality, distances)
            }
            // `model_inputs` builds the inputs from the same model.
            _ => (Vec::new(), Vec::new(), Vec::new()),
        };
    let log_density = likelihood::normalise_posterior(&mut posterior);
    let prototypes = instrument.class_prototypes();
    let probabilities: Vec<PrototypeProbability> = prototypes
        .iter()
        .zip(posterior.iter().zip(typicality.iter().zip(&distances)))
        .map(
            |(p, (probability, (typicality, distance)))| PrototypeProbability {
                prototype: String::from(*p),
                probability: *probability,
                typicality: *typicality,
                distance: *distance,
                contradicted: instrument
                    .prototype(p)
                    .is_some_and(|proto| contradicted(proto, scales)),
            },
        )
        .collect();

    let used = inputs.used();
    let fit = if used < model.typicality.min_inputs.max(1) {
        Fit::TooFewInputs {
            needed: model.typicality.min_inputs.max(1),
        }
    } else {
        let mut order: Vec<usize> = (0..probabilities.len()).collect();
        // Highest probability first; ties keep the model's class order.
        crate::short_sort::sort_short_by(&mut order, |a, b| {
            probabilities[*b]
                .probability
                .total_cmp(&probabilities[*a].probability)
                .then(a.cmp(b))
        });
        let nameable: Vec<usize> = order
            .into_iter()
            .filter(|k| {
                let p = &probabilities[*k];
                !p.contradicted
                    && p.typicality >= model.typicality.threshold
                    && p.probability >= model.min_posterior
            })
            .collect();
        match nameable.first() {
            Some(&best) => {
                let probability = probabilities[best].probability;
                Fit::Prototype {
                    best: probabilities[best].prototype.clone(),
                    uncertain: probability < model.uncertainty_threshold,
                    closest: nameable
                        .iter()
                        .take(2)
                        .map(|k| probabilities[*k].prototype.clone())
                        .collect(),
                    strength: model
                        .strength_for(probability)
                        .map(|level| level.id.clone())
                        .unwrap_or_default(),
                    // Set by `score` once the signals are known.
                    while_urgent: false,
                }
            }
            None => Fit::NoneFits {
                direction: direction(instrument, &inputs, &typicality),
            },
        }
    };
    Classification {
        probabilities,
        fit,
        inputs_used: used,
        inputs_total: inputs.total(),
        log_density,
    }
}

/// Whether one of the prototype's contradicting bands holds for the person.
fn contradicted(prototype: &Prototype, scales: &[ScaleResult]) -> bool {
    prototype.contradicted_by.iter().any(|band| {
        scales.iter().any(|s| {
            s.id == band.scale && s.enough && s.band.as_deref() == Some(band.band.as_str())
        })
    })
}

/// How far an input must lie from the closest class, in its own spread
/// (standard deviations for scale scores, answer options for items), to
/// count as clearly lighter or heavier.
const CLEAR_DIFFERENCE: f64 = 1.0;

/// How answers that fit no prototype differ from the closest class (the one
/// with the highest typicality): lighter when no input is clearly heavier,
/// heavier when none is clearly lighter, else mixed. Higher scores and later
/// answer options mean heavier, as in every scale of an instrument.
fn direction(instrument: &Questionnaire, inputs: &Inputs, typicality: &[f64]) -> Direction {
    let Some(closest) =
        (0..typicality.len()).max_by(|a, b| typicality[*a].total_cmp(&typicality[*b]))
    else {
        return Direction::Mixed;
    };
    let deviations: Vec<f64> = match (&instrument.model.latent, inputs) {
        (LatentModel::Profiles(m), Inputs::Scores(scores)) => {
            let class = &m.classes[closest];
            scores
                .iter()
                .zip(class.means.iter().zip(&class.variances))
                .filter_map(|(x, (mean, variance))| x.map(|x| (x - mean) / libm::sqrt(*variance)))
                .collect()
        }
        (LatentModel::Classes(m), Inputs::Categories(categories)) => {
            let class = &m.classes[closest];
            categories
                .iter()
                .zip(&class.probabilities)
                .filter_map(|(c, probs)| {
                    let expected: f64 = probs.iter().enumerate().map(|(i, p)| i as f64 * p).sum();
                    c.map(|c| c as f64 - expected)
                })
                .collect()
        }
        _ => Vec::new(),
    };
    let heavier = deviations.iter().any(|d| *d > CLEAR_DIFFERENCE);
    let lighter = deviations.iter().any(|d| *d < -CLEAR_DIFFERENCE);
    match (lighter, heavier) {
        (true, false) => Direction::Lighter,
        (false, true) => Direction::Heavier,
        (true, true) => Direction::Mixed,
        // Nothing clearly off on its own, only together: the overall sign decides.
        (false, false) => {
            let sum: f64 = deviations.iter().sum();
            if sum < 0.0 {
                Direction::Lighter
            } else if sum > 0.0 {
                Direction::Heavier
            } else {
                Direction::Mixed
            }
        }
    }
}

/// The safety signals to show right under `question` while the relative is
/// still answering: those whose rule names the question in
/// `show_at_question` and holds for the answers given so far.
///
/// Answers the instrument refuses give no signal here; the page reports them
/// where they are entered.
pub fn signals_at_question<'a>(
    instrument: &'a Questionnaire,
    answers: &Answers,
    question: &str,
) -> Vec<&'a SafetyRule> {
    let shown_here = |rule: &&SafetyRule| rule.show_at_question.as_deref() == Some(question);
    if !instrument.safety.iter().any(|rule| shown_here(&rule)) {
        return Vec::new();
    }
    if check_answers(instrument, answers).is_err() {
        return Vec::new();
    }
    let report = report_of(instrument, answers);
    instrument
        .safety
        .iter()
        .filter(shown_here)
        .filter(|rule| report.signals.contains(&rule.id))
        .collect()
}

/// Each safety signal of a scored result with what raised it: the rule and
/// the questions (and scales) its condition rests on for these answers
/// ([`crate::condition::Condition::causes`]), in the report's order (most
/// urgent first). A signal the questionnaire does not know is left out.
///
/// `instrument` must be the questionnaire the result was scored with (for
/// a result of an earlier version, that version).
pub fn signal_causes<'a>(
    instrument: &'a Questionnaire,
    scored: &Scored,
) -> Vec<(&'a SafetyRule, Causes<'a>)> {
    let report = scored.report();
    let counted = report.classification.counted();
    let facts = Facts {
        answers: scored.answers(),
        scales: &report.scales,
        prototypes: &counted,
    };
    report
        .signals
        .iter()
        .filter_map(|id| instrument.safety_rule(id))
        .map(|rule| (rule, rule.when.causes(&facts)))
        .collect()
}
