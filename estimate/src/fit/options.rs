//! The settings of a fit ([`FitOptions`], with how classes are ordered and
//! how EM is sped up) and their checks before any start runs, given
//! starting values included.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use naastenmeter_core::instrument::VarianceKind;

use crate::data::Dataset;
use crate::engine::ClassStart;
use crate::error::EstimateError;

/// How the classes of a solution are ordered, so that the same solution
/// found from different starts (where classes come out in any order) is
/// always written the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClassOrder {
    /// Largest class first.
    LargestFirst,
    /// By the class mean of this column (0-based), lowest first; for items,
    /// the expected category.
    ByColumn(usize),
}

/// How EM is sped up.
///
/// EM can crawl for thousands of iterations along a ridge or near a saddle
/// point, where each step moves the parameters a little in almost the same
/// direction. SQUAREM extrapolates along that direction and so skips most of
/// the crawl; plain EM is kept for comparing iteration counts with poLCA.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Accelerator {
    /// Plain EM, one EM step per iteration, as poLCA.
    None,
    /// SQUAREM (Varadhan and Roland 2008, scheme SqS3): after two EM steps
    /// the parameters jump along the direction of travel, followed by one EM
    /// step from the jump; a jump that is invalid or lowers the
    /// log-likelihood is dropped for the plain EM step. The log-likelihood
    /// never falls. Described in `docs/estimation.md`.
    #[default]
    Squarem,
}

/// Settings of a fit. `Default` gives poLCA's convergence rule, SQUAREM and
/// 100 starts.
#[derive(Debug, Clone, PartialEq)]
pub struct FitOptions {
    /// Number of random starts.
    pub starts: usize,
    /// Seed of the random starts; the same seed gives the same fit.
    pub seed: u64,
    /// Iterations after which a start stops even if it has not converged.
    /// An iteration is one evaluation of the EM map (one pass over the
    /// respondents and one M-step), with or without the accelerator, so
    /// counts compare honestly with other tools.
    pub max_iterations: usize,
    /// A start has converged when one EM step raises the log-likelihood
    /// by less than this (poLCA's `tol`, 1e-10 by default). A negative
    /// value lets rounding-sized falls pass, so every start runs exactly
    /// `max_iterations` iterations: a fixed amount of work, for timing.
    pub tolerance: f64,
    /// How EM is sped up (SQUAREM by default).
    pub accelerator: Accelerator,
    /// Profiles only: variances equal across classes or per class.
    pub variances: VarianceKind,
    /// Classes only: Dirichlet pseudo-count added to every answer category
    /// in the M-step, keeping probabilities off 0 and 1. 0 (the default)
    /// gives plain maximum likelihood, as poLCA.
    pub smoothing: f64,
    /// How the classes of the solution are ordered.
    pub order: ClassOrder,
    /// A start in which a class's expected size falls below this many
    /// respondents is set aside as degenerate (an empty class).
    pub min_class_size: f64,
    /// Profiles only: a start in which a variance falls below this share of
    /// the column's total variance is set aside (a collapsing variance,
    /// where the likelihood grows without bound).
    pub variance_floor: f64,
    /// Threads to use; 0 uses every core.
    pub threads: usize,
    /// Latent classes only: starting values to use instead of random ones,
    /// one [`ClassStart`] per start (then `starts` must equal their number).
    /// Empty (the default): random starts. Given starts let a fit begin
    /// where another tool's did, so both do the same work (the benchmark
    /// against R poLCA), or reproduce a published solution.
    pub start_values: Vec<ClassStart>,
    /// How many of the model's inputs a respondent must have observed to be
    /// classified at all; 0 (the default) means all of them. Written into
    /// the model's typicality rule.
    pub min_inputs: usize,
    /// The share of the fitting respondents that the typicality threshold
    /// keeps (default 0.975), see [`crate::typicality_rule`].
    pub typical_share: f64,
}

impl Default for FitOptions {
    fn default() -> Self {
        Self {
            starts: 100,
            seed: 1,
            max_iterations: 10_000,
            tolerance: 1e-10,
            accelerator: Accelerator::Squarem,
            variances: VarianceKind::Equal,
            smoothing: 0.0,
            order: ClassOrder::LargestFirst,
            min_class_size: 1.0,
            variance_floor: 1e-6,
            threads: 0,
            start_values: Vec::new(),
            min_inputs: 0,
            typical_share: 0.975,
        }
    }
}

pub(super) fn check_options(
    data: &Dataset,
    classes: usize,
    options: &FitOptions,
) -> Result<(), EstimateError> {
    if classes == 0 {
        return Err(EstimateError::NoClasses);
    }
    if options.starts == 0 {
        return Err(EstimateError::NoStarts);
    }
    if !options.tolerance.is_finite() {
        return Err(EstimateError::BadOption {
            option: "tolerance",
            allowed: "a finite number",
        });
    }
    if !(options.smoothing >= 0.0 && options.smoothing.is_finite()) {
        return Err(EstimateError::BadOption {
            option: "smoothing",
            allowed: "a finite number >= 0",
        });
    }
    if !(options.variance_floor > 0.0 && options.variance_floor < 1.0) {
        return Err(EstimateError::BadOption {
            option: "variance_floor",
            allowed: "between 0 and 1 (exclusive)",
        });
    }
    if !(options.min_class_size > 0.0 && options.min_class_size.is_finite()) {
        return Err(EstimateError::BadOption {
            option: "min_class_size",
            allowed: "a finite number > 0",
        });
    }
    if !options.start_values.is_empty() {
        check_start_values(data, classes, options)?;
    }
    if let ClassOrder::ByColumn(column) = options.order {
        if column >= data.columns() {
            return Err(EstimateError::UnknownOrderColumn {
                column,
                columns: data.columns(),
            });
        }
    }
    Ok(())
}

/// Given starting values must have one entry per start, the model's class
/// count, the data's items and categories, and probabilities that are
/// numbers from 0 to 1 summing to 1 (within 1e-6) per class and item.
fn check_start_values(
    data: &Dataset,
    classes: usize,
    options: &FitOptions,
) -> Result<(), EstimateError> {
    let bad = |start: usize, message: String| EstimateError::BadStartValues { start, message };
    let Dataset::Categorical(d) = data else {
        return Err(bad(
            0,
            "starting values can only be given for latent classes".into(),
        ));
    };
    if options.start_values.len() != options.starts {
        return Err(bad(
            0,
            format!(
                "{} starts are given, but {} are asked for",
                options.start_values.len(),
                options.starts
            ),
        ));
    }
    let categories = d.categories();
    for (s, start) in options.start_values.iter().enumerate() {
        if start.len() != classes {
            return Err(bad(
                s,
                format!(
                    "{} classes are given, but the model has {classes}",
                    start.len()
                ),
            ));
        }
        for (k, class) in start.iter().enumerate() {
            if class.len() != categories.len() {
                return Err(bad(
                    s,
                    format!(
                        "class {}: {} items are given, but the data have {}",
                        k + 1,
                        class.len(),
                        categories.len()
                    ),
                ));
            }
            for (j, item) in class.iter().enumerate() {
                let expected = usize::from(categories[j]);
                if item.len() != expected {
                    return Err(bad(
                        s,
                        format!(
                            "class {}, item {}: {} categories are given, but the item has {expected}",
                            k + 1,
                            j + 1,
                            item.len()
                        ),
                    ));
                }
                if let Some(c) = item.iter().position(|p| !(0.0..=1.0).contains(p)) {
                    return Err(bad(
                        s,
                        format!(
                            "class {}, item {}, category {}: {} is not a probability from 0 to 1",
                            k + 1,
                            j + 1,
                            c + 1,
                            item[c]
                        ),
                    ));
                }
                let sum: f64 = item.iter().sum();
                if (sum - 1.0).abs() > 1e-6 {
                    return Err(bad(
                        s,
                        format!(
                            "class {}, item {}: the probabilities add up to {sum}, not 1",
                            k + 1,
                            j + 1
                        ),
                    ));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fit::fit;
    use crate::fit::tests::values;

    #[test]
    fn given_starts_that_do_not_fit_are_refused_with_where() {
        let data = Dataset::Categorical(values());
        let start: ClassStart = vec![vec![vec![0.5, 0.5]; 4]; 2];
        let refused = |start_values: Vec<ClassStart>, starts: usize, classes: usize| {
            let options = FitOptions {
                starts,
                start_values,
                ..FitOptions::default()
            };
            match fit(&data, classes, &options) {
                Err(EstimateError::BadStartValues { start, message }) => {
                    format!("{start}: {message}")
                }
                other => panic!("expected BadStartValues, got {other:?}"),
            }
        };
        assert!(
            refused(vec![start.clone()], 2, 2).contains("1 starts are given, but 2 are asked for")
        );
        assert!(
            refused(vec![start.clone()], 1, 3).contains("2 classes are given, but the model has 3")
        );
        let mut wrong = start.clone();
        wrong[1][2] = vec![0.5, 0.6];
        assert_eq!(
            refused(vec![start.clone(), wrong], 2, 2),
            "1: class 2, item 3: the probabilities add up to 1.1, not 1"
        );
        let mut short = start.clone();
        short[0].pop();
        assert!(
            refused(vec![short], 1, 2).contains("class 1: 3 items are given, but the data have 4")
        );
        let profiles = Dataset::Continuous(
            crate::data::ContinuousData::new(1, vec![1.0, 2.0, 3.0, 4.0]).unwrap(),
        );
        let options = FitOptions {
            starts: 1,
            start_values: vec![start],
            ..FitOptions::default()
        };
        assert!(matches!(
            fit(&profiles, 2, &options),
            Err(EstimateError::BadStartValues { .. })
        ));
    }
}
