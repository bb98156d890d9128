//! Loading and checking an instrument.
//!
//! [`load_instrument`] reads the JSON (a syntax or shape error names the
//! exact path and line), then [`validate`] checks the content and returns
//! every problem at once, so an author can fix a file in one pass.

use alloc::collections::BTreeSet;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::condition::Condition;
use crate::error::{LoadError, Problem};
use crate::instrument::{Instrument, LatentModel, VarianceKind};
use crate::text::Text;
use crate::{FORMAT_VERSION, MAX_INSTRUMENT_BYTES};

/// How far probabilities and shares may be from summing to 1.
pub const SUM_TOLERANCE: f64 = 1e-6;

/// Reads, parses and validates an instrument file.
///
/// Never panics, whatever the bytes. A file over
/// [`MAX_INSTRUMENT_BYTES`](crate::MAX_INSTRUMENT_BYTES) is refused before
/// it is parsed.
pub fn load_instrument(bytes: &[u8]) -> Result<Instrument, LoadError> {
    if bytes.len() > MAX_INSTRUMENT_BYTES {
        return Err(LoadError::TooLarge {
            size: bytes.len(),
            limit: MAX_INSTRUMENT_BYTES,
        });
    }
    let instrument: Instrument = parse_json(bytes).map_err(LoadError::Syntax)?;
    let problems = validate(&instrument);
    if problems.is_empty() {
        Ok(instrument)
    } else {
        Err(LoadError::Invalid(problems))
    }
}

/// Parses JSON into `T`; an error names the path where it went wrong (with
/// the `error-paths` feature) and the line and column.
pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, Problem> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    #[cfg(feature = "error-paths")]
    let value: T = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        Problem {
            path: if path == "." { String::new() } else { path },
            message: error.into_inner().to_string(),
        }
    })?;
    #[cfg(not(feature = "error-paths"))]
    let value: T = serde::Deserialize::deserialize(&mut deserializer).map_err(|error| Problem {
        path: String::new(),
        message: error.to_string(),
    })?;
    deserializer.end().map_err(|error| Problem {
        path: String::new(),
        message: error.to_string(),
    })?;
    Ok(value)
}

/// Checks an instrument's content and returns every problem found.
///
/// An empty list means the instrument is safe to score with.
pub fn validate(instrument: &Instrument) -> Vec<Problem> {
    if let Some(problem) = too_many(instrument) {
        return alloc::vec![problem];
    }
    let index = instrument.index();
    let mut check = Checker {
        instrument,
        index: &index,
        problems: Vec::new(),
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
    check.problems
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

struct Checker<'a> {
    instrument: &'a Instrument,
    index: &'a crate::instrument::Index<'a>,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    /// Reports ids that are empty or appear more than once in `ids`.
    fn unique_ids<'b>(&mut self, list: &str, ids: impl Iterator<Item = &'b str>) {
        let mut seen = BTreeSet::new();
        for (i, id) in ids.enumerate() {
            if id.is_empty() {
                self.problem(format!("{list}[{i}].id"), "the id is empty");
            } else if !seen.insert(id) {
                self.problem(format!("{list}[{i}].id"), format!("duplicate id `{id}`"));
            }
        }
    }

    fn header(&mut self) {
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
            }
        }
    }

    fn text(&mut self, path: &str, text: &Text) {
        for language in &self.instrument.languages {
            match text.get(language) {
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

    fn texts(&mut self) {
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

    fn response_scales(&mut self) {
        let ins = self.instrument;
        self.unique_ids(
            "response_scales",
            ins.response_scales.iter().map(|r| r.id.as_str()),
        );
        for (i, rs) in ins.response_scales.iter().enumerate() {
            if rs.options.len() < 2 {
                self.problem(
                    format!("response_scales[{i}].options"),
                    "a response scale needs at least two options",
                );
            }
            for (j, pair) in rs.options.windows(2).enumerate() {
                if pair[1].value <= pair[0].value {
                    self.problem(
                        format!("response_scales[{i}].options[{}].value", j + 1),
                        format!(
                            "options must go from low to high values, but {} follows {}",
                            pair[1].value, pair[0].value
                        ),
                    );
                }
            }
        }
    }

    fn questions(&mut self) {
        let ins = self.instrument;
        let ids = ins
            .items
            .iter()
            .map(|i| i.id.as_str())
            .chain(ins.context_questions.iter().map(|q| q.id.as_str()));
        let mut seen = BTreeSet::new();
        for (n, id) in ids.enumerate() {
            let path = if n < ins.items.len() {
                format!("items[{n}].id")
            } else {
                format!("context_questions[{}].id", n - ins.items.len())
            };
            if id.is_empty() {
                self.problem(path, "the id is empty");
            } else if !seen.insert(id) {
                self.problem(
                    path,
                    format!(
                        "duplicate id `{id}` (items and context questions share one set of ids)"
                    ),
                );
            }
        }
        for (i, item) in ins.items.iter().enumerate() {
            if ins.response_scale(&item.response_scale).is_none() {
                self.problem(
                    format!("items[{i}].response_scale"),
                    format!("unknown response scale `{}`", item.response_scale),
                );
            }
            if item.provenance.source.trim().is_empty() {
                self.problem(
                    format!("items[{i}].provenance.source"),
                    "say where the wording comes from",
                );
            }
            if item.provenance.licence.trim().is_empty() {
                self.problem(
                    format!("items[{i}].provenance.licence"),
                    "say under what licence the wording may be used",
                );
            }
        }
        for (i, q) in ins.context_questions.iter().enumerate() {
            if q.options.is_empty() {
                self.problem(
                    format!("context_questions[{i}].options"),
                    "a context question needs at least one option",
                );
            }
            self.unique_ids(
                &format!("context_questions[{i}].options"),
                q.options.iter().map(|o| o.id.as_str()),
            );
        }
    }

    fn sections(&mut self) {
        let ins = self.instrument;
        let idx = self.index;
        self.unique_ids("sections", ins.sections.iter().map(|s| s.id.as_str()));
        let mut placed = BTreeSet::new();
        for (i, section) in ins.sections.iter().enumerate() {
            if section.questions.is_empty() {
                self.problem(
                    format!("sections[{i}].questions"),
                    "a section needs at least one question",
                );
            }
            for (j, id) in section.questions.iter().enumerate() {
                let path = format!("sections[{i}].questions[{j}]");
                if idx.item(id).is_none() && idx.context_question(id).is_none() {
                    self.problem(path, format!("unknown question `{id}`"));
                } else if !placed.insert(id.as_str()) {
                    self.problem(path, format!("question `{id}` is asked twice"));
                }
            }
        }
        for (i, item) in ins.items.iter().enumerate() {
            if !placed.contains(item.id.as_str()) {
                self.problem(
                    format!("items[{i}]"),
                    format!("item `{}` is in no section, so it is never asked", item.id),
                );
            }
        }
        for (i, q) in ins.context_questions.iter().enumerate() {
            if !placed.contains(q.id.as_str()) {
                self.problem(
                    format!("context_questions[{i}]"),
                    format!("question `{}` is in no section, so it is never asked", q.id),
                );
            }
        }
    }

    fn scales(&mut self) {
        let ins = self.instrument;
        let idx = self.index;
        self.unique_ids("scales", ins.scales.iter().map(|s| s.id.as_str()));
        for (i, scale) in ins.scales.iter().enumerate() {
            if scale.items.is_empty() {
                self.problem(
                    format!("scales[{i}].items"),
                    "a scale needs at least one item",
                );
            }
            let mut range: Option<(i32, i32)> = None;
            let mut seen = BTreeSet::new();
            for (j, id) in scale.items.iter().enumerate() {
                let path = format!("scales[{i}].items[{j}]");
                let Some(item) = idx.item(id) else {
                    self.problem(path, format!("unknown item `{id}`"));
                    continue;
                };
                if !seen.insert(id.as_str()) {
                    self.problem(path.clone(), format!("item `{id}` is listed twice"));
                }
                let Some(item_range) = idx.response_scale_of(&item.id).and_then(|rs| rs.range())
                else {
                    continue;
                };
                match range {
                    None => range = Some(item_range),
                    Some(r) if r != item_range => self.problem(
                        path,
                        format!(
                            "item `{id}` is answered from {} to {}, but earlier items of this scale from {} to {}; a mean needs one range",
                            item_range.0, item_range.1, r.0, r.1
                        ),
                    ),
                    Some(_) => {}
                }
            }
            if !(scale.min_answered > 0.0 && scale.min_answered <= 1.0) {
                self.problem(
                    format!("scales[{i}].min_answered"),
                    "the minimum share of answered items must be above 0 and at most 1",
                );
            }
            self.unique_ids(
                &format!("scales[{i}].bands"),
                scale.bands.iter().map(|b| b.id.as_str()),
            );
            if scale.bands.is_empty() {
                self.problem(
                    format!("scales[{i}].bands"),
                    "a scale needs at least one band",
                );
                continue;
            }
            for (j, band) in scale.bands.iter().enumerate() {
                if !(band.from.is_finite() && band.to.is_finite() && band.from < band.to) {
                    self.problem(
                        format!("scales[{i}].bands[{j}]"),
                        format!(
                            "a band must go from a lower to a higher number, not {} to {}",
                            band.from, band.to
                        ),
                    );
                }
            }
            for (j, pair) in scale.bands.windows(2).enumerate() {
                let gap = pair[1].from - pair[0].to;
                if gap > 1e-9 {
                    self.problem(
                        format!("scales[{i}].bands[{}].from", j + 1),
                        format!(
                            "gap between bands: {} to {} belongs to no band",
                            pair[0].to, pair[1].from
                        ),
                    );
                } else if gap < -1e-9 {
                    self.problem(
                        format!("scales[{i}].bands[{}].from", j + 1),
                        format!(
                            "bands overlap: {} to {} falls in two bands",
                            pair[1].from, pair[0].to
                        ),
                    );
                }
            }
            if let Some((min, max)) = range {
                let first = &scale.bands[0];
                let last = &scale.bands[scale.bands.len() - 1];
                if (first.from - f64::from(min)).abs() > 1e-9 {
                    self.problem(
                        format!("scales[{i}].bands[0].from"),
                        format!(
                            "the first band must start at the lowest score {min}, not {}",
                            first.from
                        ),
                    );
                }
                if (last.to - f64::from(max)).abs() > 1e-9 {
                    self.problem(
                        format!("scales[{i}].bands[{}].to", scale.bands.len() - 1),
                        format!(
                            "the last band must end at the highest score {max}, not {}",
                            last.to
                        ),
                    );
                }
            }
        }
    }

    fn shares(&mut self, path: &str, shares: impl Iterator<Item = f64>) {
        let mut sum = 0.0;
        for (k, share) in shares.enumerate() {
            if !(share.is_finite() && share > 0.0 && share <= 1.0) {
                self.problem(
                    format!("{path}[{k}].share"),
                    format!("a class share must be above 0 and at most 1, not {share}"),
                );
            }
            sum += share;
        }
        if (sum - 1.0).abs() > SUM_TOLERANCE {
            self.problem(
                path,
                format!("class shares must sum to 1, but sum to {sum}"),
            );
        }
    }

    fn prototypes_and_model(&mut self) {
        let ins = self.instrument;
        let idx = self.index;
        self.unique_ids("prototypes", ins.prototypes.iter().map(|p| p.id.as_str()));
        if ins.prototypes.is_empty() {
            self.problem("prototypes", "define at least one prototype");
        }
        let threshold = ins.model.uncertainty_threshold;
        if !(threshold > 0.0 && threshold <= 1.0) {
            self.problem(
                "model.uncertainty_threshold",
                format!("must be above 0 and at most 1, not {threshold}"),
            );
        }
        self.classification_rules();
        let class_prototypes = ins.class_prototypes();
        let classes_path = match &ins.model.latent {
            LatentModel::Profiles(_) => "model.latent.profiles.classes",
            LatentModel::Classes(_) => "model.latent.classes.classes",
        };
        if class_prototypes.is_empty() {
            self.problem(classes_path, "the model needs at least one class");
        }
        let mut seen = BTreeSet::new();
        for (k, prototype) in class_prototypes.iter().enumerate() {
            let path = format!("{classes_path}[{k}].prototype");
            if idx.prototype(prototype).is_none() {
                self.problem(path, format!("unknown prototype `{prototype}`"));
            } else if !seen.insert(*prototype) {
                self.problem(
                    path,
                    format!("prototype `{prototype}` belongs to two classes"),
                );
            }
        }
        for (i, p) in ins.prototypes.iter().enumerate() {
            if !class_prototypes.contains(&p.id.as_str()) {
                self.problem(
                    format!("prototypes[{i}]"),
                    format!("prototype `{}` belongs to no class of the model", p.id),
                );
            }
        }
        match &ins.model.latent {
            LatentModel::Profiles(model) => {
                let base = "model.latent.profiles";
                let mut seen = BTreeSet::new();
                if model.scales.is_empty() {
                    self.problem(
                        format!("{base}.scales"),
                        "the model needs at least one scale",
                    );
                }
                for (j, id) in model.scales.iter().enumerate() {
                    if idx.scale(id).is_none() {
                        self.problem(
                            format!("{base}.scales[{j}]"),
                            format!("unknown scale `{id}`"),
                        );
                    } else if !seen.insert(id.as_str()) {
                        self.problem(
                            format!("{base}.scales[{j}]"),
                            format!("scale `{id}` is listed twice"),
                        );
                    }
                }
                self.shares(
                    &format!("{base}.classes"),
                    model.classes.iter().map(|c| c.share),
                );
                let n = model.scales.len();
                for (k, class) in model.classes.iter().enumerate() {
                    let path = format!("{base}.classes[{k}]");
                    if class.means.len() != n {
                        self.problem(
                            format!("{path}.means"),
                            format!(
                                "expected {n} means (one per scale), found {}",
                                class.means.len()
                            ),
                        );
                    }
                    if class.variances.len() != n {
                        self.problem(
                            format!("{path}.variances"),
                            format!(
                                "expected {n} variances (one per scale), found {}",
                                class.variances.len()
                            ),
                        );
                    }
                    for (j, mean) in class.means.iter().enumerate() {
                        if !mean.is_finite() {
                            self.problem(
                                format!("{path}.means[{j}]"),
                                "a mean must be a finite number",
                            );
                        }
                    }
                    for (j, variance) in class.variances.iter().enumerate() {
                        if !(variance.is_finite() && *variance > 0.0) {
                            self.problem(
                                format!("{path}.variances[{j}]"),
                                format!("a variance must be a positive number, not {variance}"),
                            );
                        }
                    }
                    if model.variances == VarianceKind::Equal {
                        if let Some(first) = model.classes.first() {
                            if class.variances != first.variances {
                                self.problem(
                                    format!("{path}.variances"),
                                    "variances are declared equal across classes but differ from the first class",
                                );
                            }
                        }
                    }
                }
            }
            LatentModel::Classes(model) => {
                let base = "model.latent.classes";
                let mut seen = BTreeSet::new();
                if model.items.is_empty() {
                    self.problem(format!("{base}.items"), "the model needs at least one item");
                }
                let mut option_counts = Vec::new();
                for (j, id) in model.items.iter().enumerate() {
                    let count = ins
                        .item(id)
                        .and_then(|item| idx.response_scale_of(&item.id))
                        .map(|rs| rs.options.len());
                    if idx.item(id).is_none() {
                        self.problem(format!("{base}.items[{j}]"), format!("unknown item `{id}`"));
                    } else if !seen.insert(id.as_str()) {
                        self.problem(
                            format!("{base}.items[{j}]"),
                            format!("item `{id}` is listed twice"),
                        );
                    }
                    option_counts.push(count);
                }
                self.shares(
                    &format!("{base}.classes"),
                    model.classes.iter().map(|c| c.share),
                );
                for (k, class) in model.classes.iter().enumerate() {
                    let path = format!("{base}.classes[{k}].probabilities");
                    if class.probabilities.len() != model.items.len() {
                        self.problem(
                            path.clone(),
                            format!(
                                "expected {} rows of probabilities (one per item), found {}",
                                model.items.len(),
                                class.probabilities.len()
                            ),
                        );
                    }
                    for (j, probs) in class.probabilities.iter().enumerate() {
                        if let Some(Some(count)) = option_counts.get(j) {
                            if probs.len() != *count {
                                self.problem(
                                    format!("{path}[{j}]"),
                                    format!("expected {count} probabilities (one per answer option), found {}", probs.len()),
                                );
                            }
                        }
                        let mut sum = 0.0;
                        for (c, p) in probs.iter().enumerate() {
                            if !(p.is_finite() && (0.0..=1.0).contains(p)) {
                                self.problem(
                                    format!("{path}[{j}][{c}]"),
                                    format!("a probability must be from 0 to 1, not {p}"),
                                );
                            }
                            sum += p;
                        }
                        if (sum - 1.0).abs() > SUM_TOLERANCE {
                            self.problem(
                                format!("{path}[{j}]"),
                                format!("category probabilities must sum to 1, but sum to {sum}"),
                            );
                        }
                    }
                }
            }
        }
    }

    /// The rules that decide what may be said about the prototypes: the
    /// minimum posterior, the typicality threshold and minimum inputs, the
    /// verbal strengths and each prototype's contradicting bands.
    fn classification_rules(&mut self) {
        let ins = self.instrument;
        let model = &ins.model;
        if !(0.0..1.0).contains(&model.min_posterior) {
            self.problem(
                "model.min_posterior",
                format!(
                    "must be at least 0 and below 1, not {}",
                    model.min_posterior
                ),
            );
        }
        let t = &model.typicality;
        let (inputs, kind) = match &model.latent {
            LatentModel::Profiles(m) => (m.scales.len(), "scales"),
            LatentModel::Classes(m) => (m.items.len(), "items"),
        };
        if t.min_inputs == 0 || t.min_inputs > inputs {
            self.problem(
                "model.typicality.min_inputs",
                format!(
                    "must be from 1 to the model's {inputs} {kind}, not {}",
                    t.min_inputs
                ),
            );
        }
        let threshold_ok = match &model.latent {
            // A chi-square tail probability.
            LatentModel::Profiles(_) => (0.0..=1.0).contains(&t.threshold),
            // A mean log-probability per item.
            LatentModel::Classes(_) => t.threshold.is_finite() && t.threshold <= 0.0,
        };
        if !threshold_ok {
            let expected = match &model.latent {
                LatentModel::Profiles(_) => "a probability from 0 to 1 (latent profiles)",
                LatentModel::Classes(_) => "a mean log-probability of 0 or below (latent classes)",
            };
            self.problem(
                "model.typicality.threshold",
                format!("must be {expected}, not {}", t.threshold),
            );
        }
        for (name, share) in [
            ("target_share", t.target_share),
            ("typical_share", t.typical_share),
        ] {
            if !(share > 0.0 && share <= 1.0) {
                self.problem(
                    format!("model.typicality.{name}"),
                    format!("must be above 0 and at most 1, not {share}"),
                );
            }
        }
        self.unique_ids(
            "model.strength",
            model.strength.iter().map(|l| l.id.as_str()),
        );
        if model.strength.is_empty() {
            self.problem("model.strength", "define at least one verbal strength");
        }
        let mut previous = f64::INFINITY;
        for (i, level) in model.strength.iter().enumerate() {
            let m = level.min_posterior;
            if !(0.0..=1.0).contains(&m) {
                self.problem(
                    format!("model.strength[{i}].min_posterior"),
                    format!("must be from 0 to 1, not {m}"),
                );
            } else if m >= previous {
                self.problem(
                    format!("model.strength[{i}].min_posterior"),
                    format!("strengths go from strongest to weakest: {m} must be below {previous}"),
                );
            }
            previous = m;
        }
        if let Some(last) = model.strength.last() {
            if last.min_posterior > model.min_posterior {
                self.problem(
                    format!("model.strength[{}].min_posterior", model.strength.len() - 1),
                    format!(
                        "the weakest strength must cover every nameable prototype: at most model.min_posterior ({}), not {}",
                        model.min_posterior, last.min_posterior
                    ),
                );
            }
        }
        for (i, p) in ins.prototypes.iter().enumerate() {
            for (j, band) in p.contradicted_by.iter().enumerate() {
                let path = format!("prototypes[{i}].contradicted_by[{j}]");
                match self.index.scale(&band.scale) {
                    None => self.problem(path, format!("unknown scale `{}`", band.scale)),
                    Some(s) if !s.bands.iter().any(|b| b.id == band.band) => self.problem(
                        path,
                        format!("scale `{}` has no band `{}`", band.scale, band.band),
                    ),
                    Some(_) => {}
                }
            }
        }
    }

    fn condition(&mut self, path: &str, condition: &Condition) {
        let idx = self.index;
        match condition {
            Condition::Always => {}
            Condition::Chosen { question, option } => match idx.context_question(question) {
                None => self.problem(path, format!("unknown context question `{question}`")),
                Some(q) if !q.options.iter().any(|o| &o.id == option) => self.problem(
                    path,
                    format!("context question `{question}` has no option `{option}`"),
                ),
                Some(_) => {}
            },
            Condition::Band { scale, band } => match idx.scale(scale) {
                None => self.problem(path, format!("unknown scale `{scale}`")),
                Some(s) if !s.bands.iter().any(|b| &b.id == band) => {
                    self.problem(path, format!("scale `{scale}` has no band `{band}`"))
                }
                Some(_) => {}
            },
            Condition::ScaleAtLeast { scale, value } => {
                if idx.scale(scale).is_none() {
                    self.problem(path, format!("unknown scale `{scale}`"));
                }
                if !value.is_finite() {
                    self.problem(path, "the threshold must be a finite number");
                }
            }
            Condition::ItemAtLeast { item, .. } => {
                if idx.item(item).is_none() {
                    self.problem(path, format!("unknown item `{item}`"));
                }
            }
            Condition::SumAtLeast { items, .. } => {
                if items.is_empty() {
                    self.problem(path, "name at least one item");
                }
                for (j, item) in items.iter().enumerate() {
                    if idx.item(item).is_none() {
                        self.problem(
                            format!("{path}.items[{j}]"),
                            format!("unknown item `{item}`"),
                        );
                    }
                }
            }
            Condition::Prototype { prototype } => {
                if idx.prototype(prototype).is_none() {
                    self.problem(path, format!("unknown prototype `{prototype}`"));
                }
            }
            Condition::Any(conditions) | Condition::All(conditions) => {
                let kind = if matches!(condition, Condition::Any(_)) {
                    "any"
                } else {
                    "all"
                };
                if conditions.is_empty() {
                    self.problem(path, format!("`{kind}` needs at least one condition"));
                }
                for (j, c) in conditions.iter().enumerate() {
                    self.condition(&format!("{path}.{kind}[{j}]"), c);
                }
            }
            Condition::Not(inner) => self.condition(&format!("{path}.not"), inner),
        }
    }

    fn contact_refs(&mut self, path: &str, contacts: &[String]) {
        for (j, id) in contacts.iter().enumerate() {
            if self.index.contact(id).is_none() {
                self.problem(format!("{path}[{j}]"), format!("unknown contact `{id}`"));
            }
        }
    }

    fn rules(&mut self) {
        let ins = self.instrument;
        self.unique_ids("advice", ins.advice.iter().map(|r| r.id.as_str()));
        self.unique_ids("safety", ins.safety.iter().map(|r| r.id.as_str()));
        for (i, rule) in ins.advice.iter().enumerate() {
            self.condition(&format!("advice[{i}].when"), &rule.when);
            self.contact_refs(&format!("advice[{i}].contacts"), &rule.contacts);
        }
        for (i, rule) in ins.safety.iter().enumerate() {
            self.condition(&format!("safety[{i}].when"), &rule.when);
            if rule.contacts.is_empty() {
                self.problem(
                    format!("safety[{i}].contacts"),
                    "a safety signal must name at least one contact point",
                );
            }
            self.contact_refs(&format!("safety[{i}].contacts"), &rule.contacts);
            if let Some(question) = &rule.show_at_question {
                if self.index.item(question).is_none()
                    && self.index.context_question(question).is_none()
                {
                    self.problem(
                        format!("safety[{i}].show_at_question"),
                        format!("unknown question `{question}`"),
                    );
                }
            }
        }
    }

    fn contacts(&mut self) {
        let ins = self.instrument;
        self.unique_ids("contacts", ins.contacts.iter().map(|c| c.id.as_str()));
        for (i, contact) in ins.contacts.iter().enumerate() {
            if let Some(url) = &contact.url {
                if !url.starts_with("https://") {
                    self.problem(
                        format!("contacts[{i}].url"),
                        "a web address must start with `https://`",
                    );
                }
            }
            if let Some(phone) = &contact.phone {
                if phone.is_empty()
                    || !phone
                        .chars()
                        .all(|c| c.is_ascii_digit() || " -+()".contains(c))
                {
                    self.problem(
                        format!("contacts[{i}].phone"),
                        format!("`{phone}` is not a phone number (digits, spaces, - + ( ) only)"),
                    );
                }
            }
            if contact.phone.is_none() && contact.url.is_none() {
                self.problem(
                    format!("contacts[{i}]"),
                    "a contact point needs a phone number or a web address",
                );
            }
        }
    }
}
