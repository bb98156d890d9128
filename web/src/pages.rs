//! How the questions are split into pages: a few per page, never across a
//! section, so a tired reader sees one short screen at a time.

use naastenmeter_core::Questionnaire;

/// Weight of a page: a scale item counts 1, a context question (with its
/// longer list of options) counts 2. A page holds at most this much.
const PAGE_WEIGHT: usize = 4;

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

/// Splits the instrument's sections into pages.
pub fn paginate(instrument: &Questionnaire) -> Vec<QuestionPage> {
    let mut pages = Vec::new();
    for (index, section) in instrument.sections.iter().enumerate() {
        let mut current: Vec<String> = Vec::new();
        let mut weight = 0;
        for id in &section.questions {
            let w = if instrument.context_question(id).is_some() {
                2
            } else {
                1
            };
            if weight + w > PAGE_WEIGHT && !current.is_empty() {
                pages.push(QuestionPage {
                    section: index,
                    first_of_section: !pages.iter().any(|p: &QuestionPage| p.section == index),
                    questions: std::mem::take(&mut current),
                });
                weight = 0;
            }
            current.push(id.clone());
            weight += w;
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
