//! Checks of the prototypes and the latent model: class shares, means and
//! variances or item probabilities, and the rules that decide what may be
//! said (minimum posterior, typicality, strengths, contradicting bands).

use alloc::collections::BTreeSet;
use alloc::format;
use alloc::vec::Vec;

use super::{Checker, SUM_TOLERANCE};
use crate::instrument::{ClassModel, LatentModel, ProfileModel, VarianceKind};

impl Checker<'_> {
    pub(super) fn shares(&mut self, path: &str, shares: impl Iterator<Item = f64>) {
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

    /// The prototypes, the model's general settings and its classes; then
    /// the model itself by kind.
    pub(super) fn prototypes_and_model(&mut self) {
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
            LatentModel::Profiles(model) => self.profile_model(model),
            LatentModel::Classes(model) => self.class_model(model),
        }
    }

    /// A latent profile model: its scales, class shares, and per class one
    /// finite mean and one positive variance per scale (equal across
    /// classes when so declared).
    pub(super) fn profile_model(&mut self, model: &ProfileModel) {
        let idx = self.index;
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

    /// A latent class model: its items, class shares, and per class and
    /// item one probability per answer option, summing to 1.
    pub(super) fn class_model(&mut self, model: &ClassModel) {
        let idx = self.index;
        let base = "model.latent.classes";
        let mut seen = BTreeSet::new();
        if model.items.is_empty() {
            self.problem(format!("{base}.items"), "the model needs at least one item");
        }
        let mut option_counts = Vec::new();
        for (j, id) in model.items.iter().enumerate() {
            let count = idx.response_scale_of(id).map(|rs| rs.options.len());
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
                            format!(
                                "expected {count} probabilities (one per answer option), found {}",
                                probs.len()
                            ),
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

    /// The rules that decide what may be said about the prototypes: the
    /// minimum posterior, the typicality threshold and minimum inputs, the
    /// verbal strengths and each prototype's contradicting bands.
    pub(super) fn classification_rules(&mut self) {
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
}
