//! Fitting a model with many random starts, the statistics of the best
//! solution, and the class-enumeration table.
//!
//! Each start runs EM, sped up by SQUAREM unless [`Accelerator::None`] is
//! asked for, until one EM step raises the log-likelihood by less than
//! [`FitOptions::tolerance`], or until [`FitOptions::max_iterations`] EM
//! steps. A start that empties a class or lets a variance collapse is set
//! aside as degenerate. The best remaining start is the solution; its
//! statistics are recomputed with the classifier's own likelihood functions.

use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use core::fmt::Write;
use core::ops::RangeInclusive;
use core::sync::atomic::{AtomicUsize, Ordering};

use naastenmeter_core::instrument::{LatentModel, Typicality, VarianceKind};
use naastenmeter_core::likelihood::{normalise_posterior, profile_class_log_likelihood};

use crate::classes::ClassEngine;
use crate::data::{scores, Dataset};
pub use crate::engine::ClassStart;
use crate::engine::{Degenerate, Engine};
use crate::error::EstimateError;
use crate::parallel::{thread_count, Pool, CHUNK_ROWS};
use crate::profiles::ProfileEngine;
use crate::rng::Rng;
use crate::typicality::ClassLogs;

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

/// Fit statistics of a solution.
#[derive(Debug, Clone, PartialEq)]
pub struct FitStatistics {
    /// Number of classes.
    pub classes: usize,
    /// Number of respondents (every row counts, also with missing cells).
    pub rows: usize,
    /// Log-likelihood.
    pub log_likelihood: f64,
    /// Number of free parameters.
    pub parameters: usize,
    /// Akaike information criterion, `-2 LL + 2 p`.
    pub aic: f64,
    /// Bayesian information criterion, `-2 LL + p ln N`.
    pub bic: f64,
    /// Sample-size-adjusted BIC, `-2 LL + p ln((N + 2) / 24)`.
    pub sabic: f64,
    /// Relative entropy, `1 - sum(-p ln p) / (N ln K)`; `None` for one class.
    pub entropy: Option<f64>,
    /// Class shares (model parameters), in class order.
    pub shares: Vec<f64>,
    /// Respondents assigned to each class by their highest posterior.
    pub assigned: Vec<usize>,
    /// Average posterior probability of the assigned class among the
    /// respondents assigned to each class (NaN when none is).
    pub average_posterior: Vec<f64>,
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

fn check_options(
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

pub(crate) struct StartResult<P> {
    pub(crate) outcome: Result<f64, Degenerate>,
    iterations: usize,
    converged: bool,
    params: P,
}

/// Where a start is in its SQUAREM cycle, that is, what the parameters
/// about to go through the next EM step are.
enum Phase<P> {
    /// `θ0`, the first of a cycle (plain EM stays here).
    First,
    /// `θ1 = F(θ0)`, the second of a cycle.
    Second,
    /// The jump `θ'` extrapolated from `θ0`, `θ1` and `θ2 = F(θ1)`; holds
    /// `θ2`, where the start goes on if the jump fails, and whether the
    /// step length was held at the largest allowed.
    Jumped(P, bool),
}

/// Factor by which SQUAREM's largest step length grows after a successful
/// jump at that length, and shrinks after a failed one (the `mstep` of
/// Varadhan and Roland's SQUAREM package).
const STEP_FACTOR: f64 = 4.0;

/// How often a jump to invalid parameters is retried with the step length
/// halved towards 1 (`α ← (α - 1) / 2`) before the cycle ends without one.
/// Retrying costs no pass over the data; on the synthetic benchmark set it
/// more than halved the EM steps of slow starts against giving up at once.
const HALVINGS: usize = 8;

/// One random start: EM (with SQUAREM unless switched off) until one EM
/// step raises the log-likelihood by less than the tolerance, or until
/// `max_iterations` evaluations of the EM map.
///
/// A SQUAREM cycle takes two EM steps, `θ1 = F(θ0)` and `θ2 = F(θ1)`, jumps
/// to `θ' = θ0 - 2α r + α² v` with `r = θ1 - θ0`, `v = θ2 - 2θ1 + θ0` and
/// `α = -|r| / |v|` (scheme SqS3; `α = -1` gives `θ2` itself, so no jump),
/// and takes one more EM step from the jump, which also gives the jump's
/// log-likelihood. The jump is kept when that log-likelihood is at least
/// `θ1`'s; otherwise the start goes on from `θ2` (the plain EM path), so
/// the log-likelihood of the accepted parameters never falls. A jump to
/// invalid parameters (a negative probability) is retried with `α` halved
/// towards -1, without a pass over the data. As in the SQUAREM package,
/// `|α|` is capped by a largest step that starts at 1, grows fourfold after
/// each successful jump at the cap and shrinks fourfold after a failed one:
/// along a curved ridge the uncapped step overshoots again and again, and
/// every failed jump costs an EM step. Convergence is judged only on plain
/// EM steps (`θ0` to `θ1`, `θ1` to `θ2`, and the step after a jump), exactly
/// poLCA's rule; the jumps only shorten the way there.
///
/// `accepted` sees the log-likelihood of every accepted parameter set, in
/// order (for tests: it never falls).
pub(crate) fn run_start<E: Engine>(
    engine: &E,
    classes: usize,
    rng: &mut Rng,
    given: Option<&ClassStart>,
    options: &FitOptions,
    pool: &Pool,
    accepted: &mut dyn FnMut(f64),
) -> StartResult<E::Params> {
    let mut params = match given.and_then(|start| engine.given_start(start)) {
        Some(params) => params,
        None => engine.random_start(classes, rng),
    };
    let mut scratch = engine.scratch(classes);
    let squarem = options.accelerator == Accelerator::Squarem;
    // Log-likelihood of the parameters that went into the latest accepted
    // step: the baseline of the convergence test and of accepting a jump.
    let mut previous = f64::NEG_INFINITY;
    let mut iterations = 0;
    let mut converged = false;
    let mut phase = Phase::First;
    let mut max_step = 1.0;
    let (mut v0, mut v1, mut v2) = (Vec::new(), Vec::new(), Vec::new());
    while iterations < options.max_iterations {
        iterations += 1;
        match core::mem::replace(&mut phase, Phase::First) {
            Phase::Jumped(fallback, capped) => match engine.step(&mut params, &mut scratch, pool) {
                // The jump's log-likelihood is at least θ1's: keep it, and
                // the EM step just taken from it.
                Ok(ll) if ll >= previous => {
                    previous = ll;
                    accepted(ll);
                    if capped {
                        max_step *= STEP_FACTOR;
                    }
                }
                // Worse, or degenerate: drop the jump, go on from θ2.
                _ => {
                    params = fallback;
                    if capped {
                        max_step = f64::max(1.0, max_step / STEP_FACTOR);
                    }
                }
            },
            current => {
                let second = matches!(current, Phase::Second);
                if squarem {
                    engine.to_vector(&params, if second { &mut v1 } else { &mut v0 });
                }
                match engine.step(&mut params, &mut scratch, pool) {
                    Ok(ll) => {
                        // EM never lowers the likelihood, so a change below
                        // the tolerance (including a rounding-sized fall) is
                        // convergence.
                        if ll - previous < options.tolerance {
                            converged = true;
                            break;
                        }
                        previous = ll;
                        accepted(ll);
                    }
                    Err(reason) => {
                        return StartResult {
                            outcome: Err(reason),
                            iterations,
                            converged: false,
                            params,
                        };
                    }
                }
                if squarem && !second {
                    phase = Phase::Second;
                } else if squarem {
                    engine.to_vector(&params, &mut v2);
                    let Some(length) = step_length(&v0, &v1, &v2) else {
                        continue;
                    };
                    let mut capped = length >= max_step;
                    let mut alpha = -f64::min(length, max_step);
                    if alpha >= -1.0 {
                        if capped {
                            // The cap (1) held the step at θ2: allow longer.
                            max_step *= STEP_FACTOR;
                        }
                        continue;
                    }
                    for _ in 0..HALVINGS {
                        if let Some(jumped) = jump(engine, &v0, &v1, &v2, alpha, &params) {
                            let fallback = core::mem::replace(&mut params, jumped);
                            phase = Phase::Jumped(fallback, capped);
                            break;
                        }
                        alpha = (alpha - 1.0) / 2.0;
                        capped = false;
                    }
                }
            }
        }
    }
    // Out of iterations just after a jump: its log-likelihood is unknown,
    // so the start ends at θ2, the last plain EM result.
    if let Phase::Jumped(fallback, _) = phase {
        params = fallback;
    }
    let ll = engine.log_likelihood(&params, &mut scratch, pool);
    StartResult {
        outcome: if ll.is_finite() {
            Ok(ll)
        } else {
            Err(Degenerate::ZeroLikelihood)
        },
        iterations,
        converged,
        params,
    }
}

/// SQUAREM's step length `|r| / |v|` from `θ0`, `θ1`, `θ2` (as
/// [`Engine::to_vector`] vectors), or `None` when the steps did not move.
fn step_length(v0: &[f64], v1: &[f64], v2: &[f64]) -> Option<f64> {
    let (mut rr, mut vv) = (0.0, 0.0);
    for ((a, b), c) in v0.iter().zip(v1).zip(v2) {
        let r = b - a;
        let v = c - 2.0 * b + a;
        rr += r * r;
        vv += v * v;
    }
    let length = libm::sqrt(rr / vv);
    (vv > 0.0 && length.is_finite()).then_some(length)
}

/// The SQUAREM jump `θ0 - 2α r + α² v`, mapped back to parameters, or
/// `None` when they would be invalid.
fn jump<E: Engine>(
    engine: &E,
    v0: &[f64],
    v1: &[f64],
    v2: &[f64],
    alpha: f64,
    like: &E::Params,
) -> Option<E::Params> {
    let vector: Vec<f64> = v0
        .iter()
        .zip(v1)
        .zip(v2)
        .map(|((a, b), c)| a - 2.0 * alpha * (b - a) + alpha * alpha * (c - 2.0 * b + a))
        .collect();
    engine.params_from_vector(&vector, like)
}

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

/// Statistics of a model on data, computed respondent by respondent with
/// the classifier's likelihood functions (for latent classes the same sums
/// over logarithms taken once, [`ClassLogs`]).
pub(crate) fn statistics(data: &Dataset, model: &LatentModel, parameters: usize) -> FitStatistics {
    let shares: Vec<f64> = match model {
        LatentModel::Profiles(m) => m.classes.iter().map(|c| c.share).collect(),
        LatentModel::Classes(m) => m.classes.iter().map(|c| c.share).collect(),
    };
    let classes = shares.len();
    let log_shares: Vec<f64> = shares.iter().map(|s| libm::log(*s)).collect();
    let rows = data.rows();
    let mut log_likelihood = 0.0;
    let mut entropy_sum = 0.0;
    let mut assigned = vec![0usize; classes];
    let mut posterior_sum = vec![0.0; classes];
    let mut joint = vec![0.0; classes];
    // Latent classes: the logarithms of the probabilities taken once.
    let class_logs = match model {
        LatentModel::Classes(m) => Some(ClassLogs::new(m)),
        LatentModel::Profiles(_) => None,
    };
    let mut scores_row: Vec<Option<f64>> = Vec::new();
    for i in 0..rows {
        match (data, model, &class_logs) {
            (Dataset::Continuous(d), LatentModel::Profiles(m), _) => {
                scores_row.clear();
                scores_row.extend(scores(d.row(i)));
                for (k, class) in m.classes.iter().enumerate() {
                    joint[k] = log_shares[k]
                        + profile_class_log_likelihood(&class.means, &class.variances, &scores_row);
                }
            }
            (Dataset::Categorical(d), _, Some(logs)) => {
                for (k, joint) in joint.iter_mut().enumerate() {
                    *joint = log_shares[k] + logs.log_likelihood(k, d.row(i));
                }
            }
            // The engine always writes the model kind of its data.
            _ => joint.fill(0.0),
        }
        log_likelihood += normalise_posterior(&mut joint);
        let mut modal = 0;
        for (k, p) in joint.iter().enumerate() {
            if *p > 0.0 {
                entropy_sum -= p * libm::log(*p);
            }
            if *p > joint[modal] {
                modal = k;
            }
        }
        assigned[modal] += 1;
        posterior_sum[modal] += joint[modal];
    }
    let n = rows as f64;
    let p = parameters as f64;
    FitStatistics {
        classes,
        rows,
        log_likelihood,
        parameters,
        aic: -2.0 * log_likelihood + 2.0 * p,
        bic: -2.0 * log_likelihood + p * libm::log(n),
        sabic: -2.0 * log_likelihood + p * libm::log((n + 2.0) / 24.0),
        entropy: (classes > 1).then(|| 1.0 - entropy_sum / (n * libm::log(classes as f64))),
        shares,
        average_posterior: posterior_sum
            .iter()
            .zip(&assigned)
            .map(|(s, a)| if *a > 0 { s / *a as f64 } else { f64::NAN })
            .collect(),
        assigned,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::CategoricalData;

    /// poLCA's `values` data (four yes/no items), as the engine sees it.
    fn values() -> CategoricalData {
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
    fn squarem_never_lowers_the_log_likelihood_of_accepted_steps() {
        // Three classes on `values` lie on a ridge where jumps often fail:
        // the rejected ones must not show in the accepted sequence.
        let data = values();
        let engine = ClassEngine::new(&data, 0.0, 1.0);
        let options = FitOptions {
            max_iterations: 1000,
            ..FitOptions::default()
        };
        for start in 0..10 {
            let mut lls = Vec::new();
            let mut rng = Rng::stream(1, (3 << 32) | start);
            let result = run_start(
                &engine,
                3,
                &mut rng,
                None,
                &options,
                &Pool::sequential(),
                &mut |ll| lls.push(ll),
            );
            assert!(result.outcome.is_ok());
            assert!(lls.len() > 10);
            for pair in lls.windows(2) {
                assert!(
                    pair[1] >= pair[0],
                    "start {start}: {} after {}",
                    pair[1],
                    pair[0]
                );
            }
        }
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
