//! For the professional view: the signals with the answers that raised
//! them, and every answer grouped as a professional reads them.

use naastenmeter_core::answers::{Answer, Answers};
use naastenmeter_core::instrument::{SafetyRule, Scale};
use naastenmeter_core::scoring::signal_causes;
use naastenmeter_core::text::Text;
use naastenmeter_core::{Questionnaire, Scored};

/// An answer as the professional view shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Answered<'a> {
    /// The question was skipped.
    Skipped,
    /// The label of the chosen option of an item ("Op een paar dagen").
    Option(&'a Text),
    /// A rating whose option is only its number: shown as "7 of 10".
    Number {
        /// The value chosen.
        value: i32,
        /// The highest value of its scale.
        max: i32,
    },
    /// The labels of the chosen options of a context question.
    Choices(Vec<&'a Text>),
}

/// One question with the relative's answer, for the professional view.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerLine<'a> {
    /// The question's id.
    pub id: &'a str,
    /// The question as the relative read it.
    pub text: &'a Text,
    /// The answer.
    pub answer: Answered<'a>,
    /// The safety rules this answer helped raise, most urgent first.
    pub signals: Vec<&'a SafetyRule>,
}

/// Which questions a group of answers holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum GroupKind<'a> {
    /// The context questions (who the loved one is, what happens).
    Context,
    /// The items of one scale.
    Scale(&'a Scale),
    /// The items outside every scale: wellbeing, safety and ratings.
    Other,
}

/// A group of answers in the professional view.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerGroup<'a> {
    /// What the group holds.
    pub kind: GroupKind<'a>,
    /// The answers, in the order they were asked.
    pub answers: Vec<AnswerLine<'a>>,
}

/// A safety signal for the professional: the rule and what raised it.
#[derive(Debug, Clone, PartialEq)]
pub struct RaisedSignal<'a> {
    /// The rule.
    pub rule: &'a SafetyRule,
    /// The answers its condition rests on.
    pub answers: Vec<AnswerLine<'a>>,
    /// The scales whose scores it rests on.
    pub scales: Vec<&'a Scale>,
}

/// The answer to a question as the professional view shows it; `None` for
/// an id the questionnaire does not have.
fn answered<'a>(
    instrument: &'a Questionnaire,
    answers: &Answers,
    id: &str,
) -> Option<Answered<'a>> {
    if let Some((_, rs)) = instrument.rated_item(id) {
        let Some(value) = answers.value(id) else {
            return Some(Answered::Skipped);
        };
        let option = rs.options.iter().find(|o| o.value == value);
        let bare = option.is_none_or(|o| {
            o.label
                .values()
                .all(|label| label.trim() == value.to_string())
        });
        return Some(match option {
            Some(option) if !bare => Answered::Option(&option.label),
            _ => Answered::Number {
                value,
                max: rs.range().map_or(value, |(_, hi)| hi),
            },
        });
    }
    let question = instrument.context_question(id)?;
    let chosen: Vec<&str> = match answers.get(id) {
        Some(Answer::Choice(c)) => vec![c.as_str()],
        Some(Answer::Choices(cs)) => cs.iter().map(String::as_str).collect(),
        _ => Vec::new(),
    };
    let labels: Vec<&Text> = chosen
        .iter()
        .filter_map(|c| question.options.iter().find(|o| o.id == *c))
        .map(|o| &o.label)
        .collect();
    Some(if labels.is_empty() {
        Answered::Skipped
    } else {
        Answered::Choices(labels)
    })
}

/// The text of an item or a context question.
fn question_text<'a>(instrument: &'a Questionnaire, id: &str) -> Option<&'a Text> {
    instrument
        .item(id)
        .map(|item| &item.text)
        .or_else(|| instrument.context_question(id).map(|q| &q.text))
}

/// Which safety rules each question helped raise.
fn raised_by<'a>(
    instrument: &'a Questionnaire,
    scored: &Scored,
) -> Vec<(&'a str, Vec<&'a SafetyRule>)> {
    let mut by_question: Vec<(&str, Vec<&SafetyRule>)> = Vec::new();
    for (rule, causes) in signal_causes(instrument, scored) {
        for id in causes.questions {
            match by_question.iter_mut().find(|(q, _)| *q == id) {
                Some((_, rules)) => rules.push(rule),
                None => by_question.push((id, vec![rule])),
            }
        }
    }
    by_question
}

fn answer_line<'a>(
    instrument: &'a Questionnaire,
    scored: &Scored,
    raised: &[(&'a str, Vec<&'a SafetyRule>)],
    id: &'a str,
) -> Option<AnswerLine<'a>> {
    Some(AnswerLine {
        id,
        text: question_text(instrument, id)?,
        answer: answered(instrument, scored.answers(), id)?,
        signals: raised
            .iter()
            .find(|(q, _)| *q == id)
            .map(|(_, rules)| rules.clone())
            .unwrap_or_default(),
    })
}

/// The report's signals, most urgent first, each with the answers (and
/// scales) that raised it (the core's `signal_causes`); of a multiple
/// choice, only the options that raised it.
pub fn raised_signals<'a>(instrument: &'a Questionnaire, scored: &Scored) -> Vec<RaisedSignal<'a>> {
    let raised = raised_by(instrument, scored);
    signal_causes(instrument, scored)
        .into_iter()
        .map(|(rule, causes)| RaisedSignal {
            rule,
            answers: causes
                .questions
                .iter()
                .filter_map(|id| {
                    let mut line = answer_line(instrument, scored, &raised, id)?;
                    // Of a multiple choice, only the options that raised it.
                    let options: Vec<&str> = causes
                        .chosen
                        .iter()
                        .filter(|(q, _)| q == id)
                        .map(|(_, o)| *o)
                        .collect();
                    if let (Some(question), false) =
                        (instrument.context_question(id), options.is_empty())
                    {
                        let labels = question
                            .options
                            .iter()
                            .filter(|o| options.contains(&o.id.as_str()))
                            .map(|o| &o.label)
                            .collect();
                        line.answer = Answered::Choices(labels);
                    }
                    Some(line)
                })
                .collect(),
            scales: causes
                .scales
                .iter()
                .filter_map(|id| instrument.scale(id))
                .collect(),
        })
        .collect()
}

/// Every question with its answer, grouped for the professional: the
/// context questions first, then each scale's items, then the items outside
/// the scales; within a group in the order asked. Each answer names the
/// signals it helped raise.
pub fn answer_groups<'a>(instrument: &'a Questionnaire, scored: &Scored) -> Vec<AnswerGroup<'a>> {
    let raised = raised_by(instrument, scored);
    let line = |id: &'a str| answer_line(instrument, scored, &raised, id);
    let in_scale = |id: &str| {
        instrument
            .scales
            .iter()
            .any(|s| s.items.iter().any(|i| i == id))
    };
    let mut groups = Vec::new();
    let context: Vec<AnswerLine> = instrument
        .question_order()
        .filter(|id| instrument.context_question(id).is_some())
        .filter_map(line)
        .collect();
    groups.push(AnswerGroup {
        kind: GroupKind::Context,
        answers: context,
    });
    for scale in &instrument.scales {
        groups.push(AnswerGroup {
            kind: GroupKind::Scale(scale),
            answers: scale.items.iter().filter_map(|id| line(id)).collect(),
        });
    }
    let other: Vec<AnswerLine> = instrument
        .question_order()
        .filter(|id| instrument.item(id).is_some() && !in_scale(id))
        .filter_map(line)
        .collect();
    groups.push(AnswerGroup {
        kind: GroupKind::Other,
        answers: other,
    });
    groups.retain(|g| !g.answers.is_empty());
    groups
}
