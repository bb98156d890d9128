//! Fitting a model with many random starts, the statistics of the best
//! solution, and the class-enumeration table.
//!
//! Each start runs EM, sped up by SQUAREM unless [`Accelerator::None`] is
//! asked for, until one EM step raises the log-likelihood by less than
//! [`FitOptions::tolerance`], or until [`FitOptions::max_iterations`] EM
//! steps. A start that empties a class or lets a variance collapse is set
//! aside as degenerate. The best remaining start is the solution; its
//! statistics are recomputed with the classifier's own likelihood functions.
//!
//! The parts live in files along their seams: `options.rs` (the settings
//! and their checks), `start.rs` (the EM loop of one start), `squarem.rs`
//! (its acceleration) and `statistics.rs` (the statistics of a solution);
//! this file runs the starts and picks the best.

mod options;
mod squarem;
mod start;
mod statistics;

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;
use core::ops::RangeInclusive;
use core::sync::atomic::{AtomicUsize, Ordering};

use naastenmeter_core::instrument::{LatentModel, Typicality};

use crate::classes::ClassEngine;
use crate::data::Dataset;
pub use crate::engine::ClassStart;
use crate::engine::{Degenerate, Engine};
use crate::error::EstimateError;
use crate::parallel::{thread_count, Pool, CHUNK_ROWS};
use crate::profiles::ProfileEngine;
use crate::rng::Rng;

use options::check_options;
pub use options::{Accelerator, ClassOrder, FitOptions};
pub(crate) use start::run_start;
use statistics::statistics;
pub use statistics::FitStatistics;

/// What happened to the random starts.
#[derive(Debug, Clone, PartialEq)]
pub struct StartSummary {
    /// Starts run.
    pub starts: usize,
    /// Starts that ended with an (almost) empty class.
    pub empty_class: usize,
    /// Starts that ended with a variance collapsing towards zero.
    pub collapsed_variance: usize,
    /// Starts whose likelihood became zero for some respondent.
    pub zero_likelihood: usize,
    /// Non-degenerate starts that converged before the iteration limit.
    pub converged: usize,
    /// Starts whose log-likelihood is within [`StartSummary::reach_tolerance`]
    /// of the best: how often the best solution was found.
    pub reached_best: usize,
    /// The tolerance used for `reached_best`: 0.001 or 1e-6 per respondent,
    /// whichever is larger.
    pub reach_tolerance: f64,
    /// Iterations the best start took.
    pub best_iterations: usize,
    /// Whether the best start converged.
    pub best_converged: bool,
    /// Final log-likelihood of every start, in start order (NaN when
    /// degenerate).
    pub log_likelihoods: Vec<f64>,
    /// EM iterations of every start, in start order: with the elapsed time
    /// this gives the cost of one iteration.
    pub iterations: Vec<usize>,
}

/// How far a fit has got, handed to the progress callback of
/// [`fit_with_progress`] and [`enumerate`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Fitting this many classes begins.
    Fitting {
        /// The class count.
        classes: usize,
        /// Random starts that will run.
        starts: usize,
    },
    /// One more random start has finished.
    StartDone {
        /// The class count.
        classes: usize,
        /// Starts finished so far, this one included.
        done: usize,
        /// Random starts in all.
        starts: usize,
        /// EM iterations this start took.
        iterations: usize,
    },
}

/// A fitted model with its statistics.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    /// The model, as the `model.latent` part of an instrument. Columns are
    /// named `scale1`, `item1`, ... and classes `class1`, ... in class order
    /// until [`Fit::rename`] gives them their real names.
    pub model: LatentModel,
    /// Statistics of the solution.
    pub statistics: FitStatistics,
    /// What happened to the random starts.
    pub starts: StartSummary,
    /// When answers fit the model, from the data it was fitted on.
    pub typicality: Typicality,
}

/// Fits a model with `classes` classes: latent profiles for continuous
/// data, latent classes for categorical data.
pub fn fit(data: &Dataset, classes: usize, options: &FitOptions) -> Result<Fit, EstimateError> {
    fit_with_progress(data, classes, options, &|_| {})
}

/// As [`fit`], calling `progress` when the fit begins and each time a random
/// start finishes, so a long fit can show how far it is. The callback may
/// be called from several threads at once, but never after this returns.
pub fn fit_with_progress(
    data: &Dataset,
    classes: usize,
    options: &FitOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Fit, EstimateError> {
    check_options(data, classes, options)?;
    match data {
        Dataset::Continuous(d) => {
            d.check_variance()?;
            let moments = d.column_moments().into_iter().flatten().collect();
            let engine = ProfileEngine::new(
                d,
                options.variances,
                moments,
                options.variance_floor,
                options.min_class_size,
            );
            run(&engine, data, classes, options, progress)
        }
        Dataset::Categorical(d) => {
            d.check_variance()?;
            let engine = ClassEngine::new(d, options.smoothing, options.min_class_size);
            run(&engine, data, classes, options, progress)
        }
    }
}

/// Fits every class count in `classes`, for a class-enumeration table. A
/// class count that cannot be fitted gives its error in its place.
/// `progress` is called as in [`fit_with_progress`].
pub fn enumerate(
    data: &Dataset,
    classes: RangeInclusive<usize>,
    options: &FitOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> Vec<(usize, Result<Fit, EstimateError>)> {
    classes
        .map(|k| (k, fit_with_progress(data, k, options, progress)))
        .collect()
}

/// The class-enumeration table as aligned plain text, one line per class
/// count.
pub fn enumeration_table(fits: &[(usize, Result<Fit, EstimateError>)]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:>7} {:>14} {:>5} {:>12} {:>12} {:>12} {:>7} {:>8} {:>7} {:>9}  shares",
        "classes", "LL", "npar", "AIC", "BIC", "SABIC", "entropy", "smallest", "typical", "best LL"
    );
    for (k, result) in fits {
        match result {
            Ok(f) => {
                let s = &f.statistics;
                let smallest = s.shares.iter().copied().fold(f64::INFINITY, f64::min);
                let entropy = s.entropy.map_or(String::from("-"), |e| format!("{e:.4}"));
                let shares: Vec<String> = s.shares.iter().map(|p| format!("{p:.4}")).collect();
                let _ = writeln!(
                    out,
                    "{:>7} {:>14.4} {:>5} {:>12.4} {:>12.4} {:>12.4} {:>7} {:>8.4} {:>7.4} {:>9}  {}",
                    k,
                    s.log_likelihood,
                    s.parameters,
                    s.aic,
                    s.bic,
                    s.sabic,
                    entropy,
                    smallest,
                    f.typicality.typical_share,
                    format!("{}/{}", f.starts.reached_best, f.starts.starts),
                    shares.join(" / ")
                );
            }
            Err(e) => {
                let _ = writeln!(out, "{k:>7} not fitted: {e}");
            }
        }
    }
    out
}

impl Fit {
    /// Warnings a researcher must read before trusting the solution.
    pub fn warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        let s = &self.starts;
        let usable = s.starts - s.empty_class - s.collapsed_variance - s.zero_likelihood;
        let k = self.statistics.classes;
        if k > 1 && (s.reached_best < 2 || (s.reached_best as f64) < 0.05 * usable as f64) {
            warnings.push(format!(
                "{k} classes: only {} of {} starts reached the best log-likelihood; \
                 it may not be the global maximum, run more starts",
                s.reached_best, s.starts
            ));
        }
        if !s.best_converged {
            warnings.push(format!(
                "{k} classes: the best start did not converge within {} iterations",
                s.best_iterations
            ));
        }
        warnings
    }

    /// Gives the model's columns (scale or item identifiers) and classes
    /// (prototype identifiers, in class order) their real names. Lists of
    /// the wrong length are ignored, keeping the generic names.
    pub fn rename(&mut self, columns: &[String], prototypes: &[String]) {
        match &mut self.model {
            LatentModel::Profiles(m) => {
                if columns.len() == m.scales.len() {
                    m.scales = columns.to_vec();
                }
                if prototypes.len() == m.classes.len() {
                    for (class, name) in m.classes.iter_mut().zip(prototypes) {
                        class.prototype.clone_from(name);
                    }
                }
            }
            LatentModel::Classes(m) => {
                if columns.len() == m.items.len() {
                    m.items = columns.to_vec();
                }
                if prototypes.len() == m.classes.len() {
                    for (class, name) in m.classes.iter_mut().zip(prototypes) {
                        class.prototype.clone_from(name);
                    }
                }
            }
        }
    }
}

/// Runs every start of one class count (several at once on small data,
/// each split over the threads on large data), then makes the fit of the
/// best: classes in the asked order, statistics and the typicality rule.
fn run<E: Engine>(
    engine: &E,
    data: &Dataset,
    classes: usize,
    options: &FitOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Fit, EstimateError> {
    let rows = engine.rows();
    let parameters = engine.parameters(classes);
    if rows <= parameters {
        return Err(EstimateError::TooFewRows { rows, parameters });
    }
    progress(Progress::Fitting {
        classes,
        starts: options.starts,
    });
    let done = AtomicUsize::new(0);
    let threads = thread_count(options.threads);
    // Small data and many starts: one start per thread at a time. Large data
    // or few starts: each start splits its respondents over the threads, so
    // no thread idles while one slow start (some take hundreds of times the
    // iterations of the others) finishes alone.
    // One pool for the whole fit, kept across starts and iterations.
    let pool = Pool::new(threads);
    let sequential = Pool::sequential();
    let starts_in_parallel = options.starts >= threads && engine.visited_rows() < 2 * CHUNK_ROWS;
    let (outer, inner) = if starts_in_parallel {
        (&pool, &sequential)
    } else {
        (&sequential, &pool)
    };
    let stream = (classes as u64) << 32;
    let results = outer.map_indexed(options.starts, |s| {
        let mut rng = Rng::stream(options.seed, stream | s as u64);
        let given = options.start_values.get(s);
        let result = run_start(
            engine,
            classes,
            &mut rng,
            given,
            options,
            inner,
            &mut |_| {},
        );
        progress(Progress::StartDone {
            classes,
            done: done.fetch_add(1, Ordering::Relaxed) + 1,
            starts: options.starts,
            iterations: result.iterations,
        });
        result
    });

    let count = |d: Degenerate| results.iter().filter(|r| r.outcome == Err(d)).count();
    let (empty_class, collapsed_variance, zero_likelihood) = (
        count(Degenerate::EmptyClass),
        count(Degenerate::CollapsedVariance),
        count(Degenerate::ZeroLikelihood),
    );
    let mut best: Option<(usize, f64)> = None;
    for (i, r) in results.iter().enumerate() {
        if let Ok(ll) = r.outcome {
            if best.is_none_or(|(_, b)| ll > b) {
                best = Some((i, ll));
            }
        }
    }
    let Some((best_index, best_ll)) = best else {
        return Err(EstimateError::AllStartsFailed {
            classes,
            empty_class,
            collapsed_variance: collapsed_variance + zero_likelihood,
        });
    };
    let reach_tolerance = f64::max(1e-3, 1e-6 * rows as f64);
    let log_likelihoods: Vec<f64> = results
        .iter()
        .map(|r| r.outcome.unwrap_or(f64::NAN))
        .collect();
    let best_start = &results[best_index];
    let starts = StartSummary {
        starts: options.starts,
        empty_class,
        collapsed_variance,
        zero_likelihood,
        converged: results
            .iter()
            .filter(|r| r.outcome.is_ok() && r.converged)
            .count(),
        reached_best: log_likelihoods
            .iter()
            .filter(|ll| best_ll - **ll <= reach_tolerance)
            .count(),
        reach_tolerance,
        best_iterations: best_start.iterations,
        best_converged: best_start.converged,
        log_likelihoods,
        iterations: results.iter().map(|r| r.iterations).collect(),
    };

    let params = &best_start.params;
    let mut order: Vec<usize> = (0..classes).collect();
    match options.order {
        ClassOrder::LargestFirst => {
            let shares = engine.shares(params);
            order.sort_by(|a, b| shares[*b].total_cmp(&shares[*a]));
        }
        ClassOrder::ByColumn(column) => {
            let means = engine.column_means(params, column);
            order.sort_by(|a, b| means[*a].total_cmp(&means[*b]));
        }
    }
    let model = engine.model(params, &order);
    let statistics = statistics(data, &model, parameters);
    let typicality =
        crate::typicality::typicality_rule(data, &model, options.min_inputs, options.typical_share);
    Ok(Fit {
        model,
        statistics,
        starts,
        typicality,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::data::CategoricalData;

    /// poLCA's `values` data (four yes/no items), as the engine sees it.
    pub(crate) fn values() -> CategoricalData {
        let text = include_str!("../../tests/data/values.csv");
        let codes = text
            .lines()
            .skip(1)
            .flat_map(|line| line.split(','))
            .map(|cell| cell.trim().parse::<u8>().unwrap() - 1)
            .collect();
        CategoricalData::new(vec![2; 4], codes).unwrap()
    }

    #[test]
    fn given_starts_give_the_same_fit_as_drawing_them_again() {
        // A start given as values is the same start: the fit from the
        // random draws, written out as starting values, is found again,
        // on any thread count.
        let data = values();
        let engine = ClassEngine::new(&data, 0.0, 1.0);
        let draws: Vec<ClassStart> = (0..4)
            .map(|s| {
                let mut rng = Rng::stream(7, (2 << 32) | s);
                let params = engine.random_start(2, &mut rng);
                (0..2)
                    .map(|k| {
                        engine
                            .offsets
                            .iter()
                            .map(|offset| {
                                (0..2)
                                    .map(|c| params.probabilities[(offset + c) * 2 + k])
                                    .collect()
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let dataset = Dataset::Categorical(data.clone());
        let random = fit(
            &dataset,
            2,
            &FitOptions {
                starts: 4,
                seed: 7,
                ..FitOptions::default()
            },
        )
        .unwrap();
        for threads in [1, 2] {
            let given = FitOptions {
                starts: 4,
                start_values: draws.clone(),
                threads,
                ..FitOptions::default()
            };
            let fitted = fit(&dataset, 2, &given).unwrap();
            assert_eq!(
                fitted.statistics.log_likelihood,
                random.statistics.log_likelihood
            );
            assert_eq!(fitted.starts.iterations, random.starts.iterations);
        }
    }
}
