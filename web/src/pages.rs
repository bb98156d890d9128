//! How the questions are split into pages: never across a section, and a
//! section that does not fit one page is split into pages of about equal
//! length, so no page is left with one question (issue 15: fewer, calmer
//! screens).

use naastenmeter_core::Questionnaire;

/// Weight of a page: a statement with a short row of options counts 1; a
/// context question (a list of options) or a 0–10 rating (two rows of
/// numbers) counts 2. A page holds at most this much.
const PAGE_WEIGHT: usize = 8;

/// Response scales with this many options or more are 0–10 ratings, laid
/// out as wrapping rows of numbers (the same bound as the question view's).
pub const RATING_FROM: usize = 8;

/// One page of questions.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionPage {
    /// Index of the section in `instrument.sections`.
    pub section: usize,
    /// Whether this is the first page of its section (its intro is shown).
    pub first_of_section: bool,
    /// Question ids (items and context questions), in the order asked.
    pub questions: Vec<String>,
}

fn weight(instrument: &Questionnaire, id: &str) -> usize {
    let rating = instrument
        .response_scale_of(id)
        .is_some_and(|scale| scale.options.len() >= RATING_FROM);
    if instrument.context_question(id).is_some() || rating {
        2
    } else {
        1
    }
}

/// Splits the instrument's sections into pages.
pub fn paginate(instrument: &Questionnaire) -> Vec<QuestionPage> {
    let mut pages = Vec::new();
    for (index, section) in instrument.sections.iter().enumerate() {
        let weights: Vec<usize> = section
            .questions
            .iter()
            .map(|id| weight(instrument, id))
            .collect();
        let mut left: usize = weights.iter().sum();
        // As few pages as the weight needs, each about the same share of
        // what is left: a section of weight 10 becomes 5 and 5, not 8 and
        // a short page of 2.
        let mut pages_left = left.div_ceil(PAGE_WEIGHT).max(1);
        let mut current: Vec<String> = Vec::new();
        let mut filled = 0;
        let mut share = left.div_ceil(pages_left);
        for (id, w) in section.questions.iter().zip(weights) {
            if filled + w > share && !current.is_empty() && pages_left > 1 {
                pages.push(QuestionPage {
                    section: index,
                    first_of_section: !pages.iter().any(|p: &QuestionPage| p.section == index),
                    questions: std::mem::take(&mut current),
                });
                left -= filled;
                pages_left -= 1;
                share = left.div_ceil(pages_left);
                filled = 0;
            }
            current.push(id.clone());
            filled += w;
        }
        if !current.is_empty() {
            pages.push(QuestionPage {
                section: index,
                first_of_section: !pages.iter().any(|p| p.section == index),
                questions: current,
            });
        }
    }
    pages
}
