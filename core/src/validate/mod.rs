//! Checking an instrument's content.
//!
//! [`validate`] returns every problem at once, each with its path, so an
//! author can fix a file in one pass. [`crate::load_instrument`] reads the
//! JSON and calls it; only an instrument that passes becomes a
//! [`crate::Questionnaire`].

use alloc::collections::BTreeSet;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::error::Problem;
use crate::instrument::Instrument;
use crate::text::Text;
use crate::FORMAT_VERSION;

mod model;
mod questions;
mod rules;

/// How far probabilities and shares may be from summing to 1.
pub const SUM_TOLERANCE: f64 = 1e-6;

/// Checks an instrument's content and returns every problem found.
///
/// An empty list means the instrument is safe to score with.
pub fn validate(instrument: &Instrument) -> Vec<Problem> {
    check(instrument).problems
}

/// What [`check`] found: problems, which make the instrument unusable, and
/// notices, which do not.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Findings {
    /// Every problem, with its path; empty means the instrument can be used.
    pub problems: Vec<Problem>,
    /// Texts that have no text of a declared language variant (`nl-formal`)
    /// and so use their plain language's text there, one per text and
    /// variant, with the text's path. Not an error: many texts read the
    /// same in both variants.
    pub missing_variants: Vec<MissingVariant>,
}

/// A text without its own text in a declared language variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingVariant {
    /// The variant's code, for example `nl-formal`.
    pub variant: String,
    /// The text's path, for example `items[3].text`.
    pub path: String,
}

/// Checks an instrument's content: every problem, and the texts that lack a
/// declared language variant (see [`Findings`]).
pub fn check(instrument: &Instrument) -> Findings {
    if let Some(problem) = too_many(instrument) {
        return Findings {
            problems: alloc::vec![problem],
            missing_variants: Vec::new(),
        };
    }
    let index = instrument.index();
    let mut check = Checker {
        instrument,
        index: &index,
        problems: Vec::new(),
        missing_variants: Vec::new(),
    };
    check.header();
    check.texts();
    check.response_scales();
    check.questions();
    check.sections();
    check.scales();
    check.prototypes_and_model();
    check.rules();
    check.contacts();
    Findings {
        problems: check.problems,
        missing_variants: check.missing_variants,
    }
}

/// Most entries a list in an instrument may have. Real instruments have
/// tens; the limits keep validation and rendering fast for any file that
/// fits in [`MAX_INSTRUMENT_BYTES`](crate::MAX_INSTRUMENT_BYTES).
pub const MAX_LIST_ENTRIES: usize = 1_000;

/// Most languages an instrument may declare.
pub const MAX_LANGUAGES: usize = 20;

/// Reports the first list that is longer than allowed, before anything else
/// is checked, so an absurd file is refused at once.
fn too_many(ins: &Instrument) -> Option<Problem> {
    let lists: [(&str, usize); 10] = [
        ("response_scales", ins.response_scales.len()),
        ("items", ins.items.len()),
        ("context_questions", ins.context_questions.len()),
        ("sections", ins.sections.len()),
        ("scales", ins.scales.len()),
        ("prototypes", ins.prototypes.len()),
        ("advice", ins.advice.len()),
        ("safety", ins.safety.len()),
        ("contacts", ins.contacts.len()),
        (
            "languages",
            ins.languages.len() * (MAX_LIST_ENTRIES / MAX_LANGUAGES),
        ),
    ];
    let (path, _) = lists.iter().find(|(_, len)| *len > MAX_LIST_ENTRIES)?;
    Some(Problem {
        path: (*path).into(),
        message: if *path == "languages" {
            format!("more than {MAX_LANGUAGES} languages; this is not a real instrument")
        } else {
            format!("more than {MAX_LIST_ENTRIES} entries; this is not a real instrument")
        },
    })
}

/// Walks the instrument part by part and collects every problem; each
/// part's checks live in the submodule named after it.
struct Checker<'a> {
    instrument: &'a Instrument,
    index: &'a crate::instrument::Index<'a>,
    problems: Vec<Problem>,
    missing_variants: Vec<MissingVariant>,
}

impl Checker<'_> {
    pub(super) fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    /// Reports ids that are empty or appear more than once in `ids`.
    pub(super) fn unique_ids<'b>(&mut self, list: &str, ids: impl Iterator<Item = &'b str>) {
        let mut seen = BTreeSet::new();
        for (i, id) in ids.enumerate() {
            if id.is_empty() {
                self.problem(format!("{list}[{i}].id"), "the id is empty");
            } else if !seen.insert(id) {
                self.problem(format!("{list}[{i}].id"), format!("duplicate id `{id}`"));
            }
        }
    }

    pub(super) fn header(&mut self) {
        let ins = self.instrument;
        if ins.format_version != FORMAT_VERSION {
            self.problem(
                "format_version",
                format!(
                    "format version {} is not supported; this version of Naastenmeter reads {FORMAT_VERSION}",
                    ins.format_version
                ),
            );
        }
        if ins.id.trim().is_empty() {
            self.problem("id", "the instrument id is empty");
        }
        if ins.version.trim().is_empty() {
            self.problem("version", "the instrument version is empty");
        }
        if !ins.url.starts_with("https://") && !ins.url.starts_with("urn:") {
            self.problem(
                "url",
                "the canonical url must start with `https://` or `urn:`",
            );
        }
        if ins.languages.is_empty() {
            self.problem("languages", "declare at least one language");
        }
        let mut seen = BTreeSet::new();
        for (i, language) in ins.languages.iter().enumerate() {
            if language.is_empty()
                || !language
                    .bytes()
                    .all(|b| b.is_ascii_alphabetic() || b == b'-')
            {
                self.problem(
                    format!("languages[{i}]"),
                    format!("`{language}` is not a language code such as `nl` or `en`"),
                );
            } else if !seen.insert(language) {
                self.problem(
                    format!("languages[{i}]"),
                    format!("language `{language}` is declared twice"),
                );
            } else if i == 0 && self.is_variant(language) {
                self.problem(
                    "languages[0]",
                    format!(
                        "the first language is the default; `{language}` is a variant, so list its language first"
                    ),
                );
            }
        }
    }

    /// Whether `code` is a variant of another declared language
    /// (`nl-formal` beside `nl`), which a text may leave out.
    fn is_variant(&self, code: &str) -> bool {
        crate::text::base_language(code)
            .is_some_and(|base| self.instrument.languages.iter().any(|l| l == base))
    }

    pub(super) fn text(&mut self, path: &str, text: &Text) {
        for language in &self.instrument.languages {
            match text.get(language) {
                None if self.is_variant(language) => self.missing_variants.push(MissingVariant {
                    variant: language.clone(),
                    path: path.into(),
                }),
                None => self.problem(path, format!("the `{language}` translation is missing")),
                Some(t) if t.trim().is_empty() => {
                    self.problem(path, format!("the `{language}` translation is empty"))
                }
                Some(_) => {}
            }
        }
        for language in text.keys() {
            if !self.instrument.languages.contains(language) {
                self.problem(
                    path,
                    format!("language `{language}` is not declared in `languages`"),
                );
            }
        }
    }

    pub(super) fn texts(&mut self) {
        let ins = self.instrument;
        self.text("title", &ins.title);
        self.text("description", &ins.description);
        for (i, rs) in ins.response_scales.iter().enumerate() {
            for (j, option) in rs.options.iter().enumerate() {
                self.text(
                    &format!("response_scales[{i}].options[{j}].label"),
                    &option.label,
                );
            }
        }
        for (i, item) in ins.items.iter().enumerate() {
            self.text(&format!("items[{i}].text"), &item.text);
        }
        for (i, q) in ins.context_questions.iter().enumerate() {
            self.text(&format!("context_questions[{i}].text"), &q.text);
            for (j, option) in q.options.iter().enumerate() {
                self.text(
                    &format!("context_questions[{i}].options[{j}].label"),
                    &option.label,
                );
            }
        }
        for (i, section) in ins.sections.iter().enumerate() {
            self.text(&format!("sections[{i}].title"), &section.title);
            if let Some(intro) = &section.intro {
                self.text(&format!("sections[{i}].intro"), intro);
            }
        }
        for (i, scale) in ins.scales.iter().enumerate() {
            self.text(&format!("scales[{i}].label"), &scale.label);
            self.text(&format!("scales[{i}].description"), &scale.description);
            for (j, band) in scale.bands.iter().enumerate() {
                self.text(&format!("scales[{i}].bands[{j}].label"), &band.label);
                self.text(&format!("scales[{i}].bands[{j}].text"), &band.text);
            }
        }
        for (i, p) in ins.prototypes.iter().enumerate() {
            self.text(&format!("prototypes[{i}].name"), &p.name);
            self.text(&format!("prototypes[{i}].description"), &p.description);
            self.text(&format!("prototypes[{i}].feelings"), &p.feelings);
            for (j, help) in p.what_may_help.iter().enumerate() {
                self.text(&format!("prototypes[{i}].what_may_help[{j}]"), help);
            }
            if let Some(text) = &p.description_when_urgent {
                self.text(&format!("prototypes[{i}].description_when_urgent"), text);
            }
        }
        self.text("model.about", &ins.model.about);
        for (i, level) in ins.model.strength.iter().enumerate() {
            self.text(&format!("model.strength[{i}].label"), &level.label);
        }
        for (i, rule) in ins.advice.iter().enumerate() {
            self.text(&format!("advice[{i}].title"), &rule.title);
            self.text(&format!("advice[{i}].text"), &rule.text);
            if let Some(more) = &rule.learn_more {
                self.text(&format!("advice[{i}].learn_more"), more);
            }
        }
        for (i, rule) in ins.safety.iter().enumerate() {
            self.text(&format!("safety[{i}].title"), &rule.title);
            self.text(&format!("safety[{i}].message"), &rule.message);
        }
        for (i, contact) in ins.contacts.iter().enumerate() {
            self.text(&format!("contacts[{i}].name"), &contact.name);
            self.text(&format!("contacts[{i}].description"), &contact.description);
        }
    }
}
