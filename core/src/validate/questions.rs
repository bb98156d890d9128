//! Checks of the questions: response scales, items and context questions,
//! sections, and scales with their bands.

use alloc::collections::BTreeSet;
use alloc::format;

use super::Checker;

impl Checker<'_> {
    pub(super) fn response_scales(&mut self) {
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

    pub(super) fn questions(&mut self) {
        let ins = self.instrument;
        if let Some(id) = &ins.behaviour_question {
            let multiple = self
                .index
                .context_question(id)
                .map(|q| q.choice == crate::instrument::ChoiceKind::Multiple);
            match multiple {
                None => self.problem(
                    "behaviour_question",
                    format!("unknown context question `{id}`"),
                ),
                Some(false) => self.problem(
                    "behaviour_question",
                    format!("`{id}` must be a multiple-choice question: a relative can name several behaviours"),
                ),
                Some(true) => {}
            }
        }
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
            if !ins
                .response_scales
                .iter()
                .any(|rs| rs.id == item.response_scale)
            {
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

    pub(super) fn sections(&mut self) {
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

    pub(super) fn scales(&mut self) {
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
            if !(scale.same_within.is_finite() && scale.same_within >= 0.0) {
                self.problem(
                    format!("scales[{i}].same_within"),
                    "the difference still called \"about the same\" must be a number of 0 or more",
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
}
