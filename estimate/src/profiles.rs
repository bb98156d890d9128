//! Latent profile analysis: EM for a mixture of normal distributions with
//! diagonal covariances, variances equal across classes or per class.
//! Missing scores are skipped per respondent (full-information likelihood):
//! with diagonal covariances the M-step stays exact, each mean and variance
//! summing only over the respondents who have that score.

use alloc::vec;
use alloc::vec::Vec;
use core::ops::Range;

use naastenmeter_core::instrument::{LatentModel, ProfileClass, ProfileModel, VarianceKind};
use naastenmeter_core::likelihood::{add_profile_log_likelihoods, normal_terms, normalise_joint};

use crate::classes::add_into;
use crate::data::{scores, ContinuousData};
use crate::engine::{renormalise, update_shares, Degenerate, Engine};
use crate::parallel::{chunk_count, chunk_rows, Pool};
use crate::rng::Rng;

/// The data and settings of one latent profile fit.
pub(crate) struct ProfileEngine<'a> {
    pub data: &'a ContinuousData,
    pub variances: VarianceKind,
    /// Mean and variance of each column; sums are centred on the mean so
    /// the one-pass variance does not lose digits.
    moments: Vec<(f64, f64)>,
    /// Smallest variance allowed per column before a start counts as
    /// collapsed.
    floors: Vec<f64>,
    pub min_class_size: f64,
}

/// Shares, and means and variances laid out scale-major (`j * K + k`).
#[derive(Debug, Clone)]
pub(crate) struct ProfileParams {
    pub shares: Vec<f64>,
    pub means: Vec<f64>,
    pub variances: Vec<f64>,
}

/// Sufficient statistics of one pass over a chunk of respondents.
struct Accumulated {
    log_likelihood: f64,
    weights: Vec<f64>,
    /// Sum of posteriors over respondents with the score, per (j, k).
    observed: Vec<f64>,
    /// Posterior-weighted sum of centred scores, per (j, k).
    sums: Vec<f64>,
    /// Posterior-weighted sum of squared centred scores, per (j, k).
    squares: Vec<f64>,
    /// One row's joint log-likelihoods, then posteriors (working space).
    joint: Vec<f64>,
}

impl Accumulated {
    fn new(classes: usize, cells: usize) -> Self {
        Self {
            log_likelihood: 0.0,
            weights: vec![0.0; classes],
            observed: vec![0.0; cells],
            sums: vec![0.0; cells],
            squares: vec![0.0; cells],
            joint: vec![0.0; classes],
        }
    }

    fn clear(&mut self) {
        self.log_likelihood = 0.0;
        for v in [
            &mut self.weights,
            &mut self.observed,
            &mut self.sums,
            &mut self.squares,
        ] {
            v.fill(0.0);
        }
    }
}

/// The working memory of one start's EM passes, made once per start: the
/// per-class terms of the densities and one accumulator per fixed row chunk
/// (merged in chunk order into `total`), so an iteration allocates nothing.
pub(crate) struct ProfileScratch {
    log_shares: Vec<f64>,
    precisions: Vec<f64>,
    log_norms: Vec<f64>,
    chunks: Vec<Accumulated>,
    total: Accumulated,
}

impl<'a> ProfileEngine<'a> {
    /// `moments` must come from `data.column_moments()` with every column
    /// observed (checked by the caller).
    pub fn new(
        data: &'a ContinuousData,
        variances: VarianceKind,
        moments: Vec<(f64, f64)>,
        relative_floor: f64,
        min_class_size: f64,
    ) -> Self {
        let floors = moments.iter().map(|(_, v)| v * relative_floor).collect();
        Self {
            data,
            variances,
            moments,
            floors,
            min_class_size,
        }
    }

    fn pass(
        &self,
        log_shares: &[f64],
        terms: (&[f64], &[f64], &[f64]),
        rows: Range<usize>,
        acc: &mut Accumulated,
    ) {
        let classes = log_shares.len();
        acc.clear();
        let (means, precisions, log_norms) = terms;
        let mut joint = core::mem::take(&mut acc.joint);
        for i in rows {
            let row = self.data.row(i);
            joint.copy_from_slice(log_shares);
            add_profile_log_likelihoods(means, precisions, log_norms, scores(row), &mut joint);
            acc.log_likelihood += normalise_joint(&mut joint);
            acc.weights
                .iter_mut()
                .zip(&joint)
                .for_each(|(w, p)| *w += p);
            for (j, x) in row.iter().enumerate() {
                if x.is_nan() {
                    continue;
                }
                let d = x - self.moments[j].0;
                let range = j * classes..(j + 1) * classes;
                for ((o, (s, q)), p) in acc.observed[range.clone()]
                    .iter_mut()
                    .zip(
                        acc.sums[range.clone()]
                            .iter_mut()
                            .zip(&mut acc.squares[range]),
                    )
                    .zip(&joint)
                {
                    *o += p;
                    *s += p * d;
                    *q += p * d * d;
                }
            }
        }
        acc.joint = joint;
    }

    /// One pass over all rows: each fixed chunk into its own accumulator on
    /// the pool, then the chunks added up in chunk order into
    /// `scratch.total`, so the sums do not depend on the thread count.
    fn accumulate(&self, params: &ProfileParams, scratch: &mut ProfileScratch, pool: &Pool) {
        for (l, s) in scratch.log_shares.iter_mut().zip(&params.shares) {
            *l = libm::log(*s);
        }
        for ((p, n), v) in scratch
            .precisions
            .iter_mut()
            .zip(scratch.log_norms.iter_mut())
            .zip(&params.variances)
        {
            (*p, *n) = normal_terms(*v);
        }
        let terms = (
            params.means.as_slice(),
            scratch.precisions.as_slice(),
            scratch.log_norms.as_slice(),
        );
        let rows = self.data.rows();
        let log_shares = &scratch.log_shares;
        pool.for_each_mut(&mut scratch.chunks, |c, acc| {
            self.pass(log_shares, terms, chunk_rows(c, rows), acc)
        });
        let total = &mut scratch.total;
        let (first, rest) = scratch.chunks.split_first().expect("at least one chunk");
        total.log_likelihood = first.log_likelihood;
        total.weights.copy_from_slice(&first.weights);
        total.observed.copy_from_slice(&first.observed);
        total.sums.copy_from_slice(&first.sums);
        total.squares.copy_from_slice(&first.squares);
        for part in rest {
            total.log_likelihood += part.log_likelihood;
            add_into(&mut total.weights, &part.weights);
            add_into(&mut total.observed, &part.observed);
            add_into(&mut total.sums, &part.sums);
            add_into(&mut total.squares, &part.squares);
        }
    }
}

impl Engine for ProfileEngine<'_> {
    type Params = ProfileParams;
    type Scratch = ProfileScratch;

    fn scratch(&self, classes: usize) -> ProfileScratch {
        let cells = self.data.columns() * classes;
        ProfileScratch {
            log_shares: vec![0.0; classes],
            precisions: vec![0.0; cells],
            log_norms: vec![0.0; cells],
            chunks: (0..chunk_count(self.data.rows()))
                .map(|_| Accumulated::new(classes, cells))
                .collect(),
            total: Accumulated::new(classes, cells),
        }
    }

    fn rows(&self) -> usize {
        self.data.rows()
    }

    fn visited_rows(&self) -> usize {
        self.data.rows()
    }

    fn parameters(&self, classes: usize) -> usize {
        let columns = self.data.columns();
        let variances = match self.variances {
            VarianceKind::Equal => columns,
            VarianceKind::PerClass => columns * classes,
        };
        classes - 1 + classes * columns + variances
    }

    fn random_start(&self, classes: usize, rng: &mut Rng) -> ProfileParams {
        // Means at randomly chosen respondents (a missing score at the
        // column mean), nudged a little so that two identical respondents
        // still give two different classes; variances at the total variance.
        let columns = self.data.columns();
        let mut means = vec![0.0; columns * classes];
        for k in 0..classes {
            let row = self.data.row(rng.below(self.data.rows()));
            for j in 0..columns {
                let (mean, variance) = self.moments[j];
                let x = if row[j].is_nan() { mean } else { row[j] };
                means[j * classes + k] = x + 0.05 * libm::sqrt(variance) * rng.normal();
            }
        }
        let variances = (0..columns * classes)
            .map(|at| self.moments[at / classes].1)
            .collect();
        ProfileParams {
            shares: vec![1.0 / classes as f64; classes],
            means,
            variances,
        }
    }

    fn step(
        &self,
        params: &mut ProfileParams,
        scratch: &mut ProfileScratch,
        pool: &Pool,
    ) -> Result<f64, Degenerate> {
        let classes = params.shares.len();
        self.accumulate(params, scratch, pool);
        let acc = &scratch.total;
        update_shares(
            &mut params.shares,
            &acc.weights,
            acc.log_likelihood,
            self.data.rows(),
            self.min_class_size,
        )?;
        for j in 0..self.data.columns() {
            let centre = self.moments[j].0;
            let mut pooled_squares = 0.0;
            let mut pooled_weight = 0.0;
            for k in 0..classes {
                let at = j * classes + k;
                let weight = acc.observed[at];
                if weight <= 1e-12 {
                    return Err(Degenerate::EmptyClass);
                }
                let offset = acc.sums[at] / weight;
                params.means[at] = centre + offset;
                // Squares around the new mean: sum p d^2 - (sum p d)^2 / sum p.
                let squares = (acc.squares[at] - acc.sums[at] * offset).max(0.0);
                params.variances[at] = squares / weight;
                pooled_squares += squares;
                pooled_weight += weight;
            }
            if self.variances == VarianceKind::Equal {
                let pooled = pooled_squares / pooled_weight;
                params.variances[j * classes..(j + 1) * classes].fill(pooled);
            }
            if params.variances[j * classes..(j + 1) * classes]
                .iter()
                .any(|v| *v < self.floors[j])
            {
                return Err(Degenerate::CollapsedVariance);
            }
        }
        Ok(acc.log_likelihood)
    }

    fn log_likelihood(
        &self,
        params: &ProfileParams,
        scratch: &mut ProfileScratch,
        pool: &Pool,
    ) -> f64 {
        self.accumulate(params, scratch, pool);
        scratch.total.log_likelihood
    }

    /// The shares, the means, then the variances, on their own scale (as
    /// for latent classes; equal variances stay equal, since all classes
    /// move alike).
    fn to_vector(&self, params: &ProfileParams, out: &mut Vec<f64>) {
        out.clear();
        out.extend_from_slice(&params.shares);
        out.extend_from_slice(&params.means);
        out.extend_from_slice(&params.variances);
    }

    /// Refuses a negative share, a mean that is not finite or a variance
    /// below its floor (where EM would set the start aside as collapsed),
    /// and rescales the shares to sum to exactly 1.
    fn params_from_vector(&self, vector: &[f64], like: &ProfileParams) -> Option<ProfileParams> {
        let classes = like.shares.len();
        let cells = like.means.len();
        if vector.len() != classes + 2 * cells {
            return None;
        }
        let mut shares = vector[..classes].to_vec();
        if !renormalise(&mut shares, 0, 1) {
            return None;
        }
        let means = vector[classes..classes + cells].to_vec();
        let variances = vector[classes + cells..].to_vec();
        if means.iter().any(|m| !m.is_finite()) {
            return None;
        }
        for (at, v) in variances.iter().enumerate() {
            if !(v.is_finite() && *v >= self.floors[at / classes]) {
                return None;
            }
        }
        Some(ProfileParams {
            shares,
            means,
            variances,
        })
    }

    fn shares<'p>(&self, params: &'p ProfileParams) -> &'p [f64] {
        &params.shares
    }

    fn column_means(&self, params: &ProfileParams, column: usize) -> Vec<f64> {
        let classes = params.shares.len();
        params.means[column * classes..(column + 1) * classes].to_vec()
    }

    fn model(&self, params: &ProfileParams, order: &[usize]) -> LatentModel {
        let classes = params.shares.len();
        let columns = self.data.columns();
        LatentModel::Profiles(ProfileModel {
            scales: (1..=columns).map(|j| alloc::format!("scale{j}")).collect(),
            variances: self.variances,
            classes: order
                .iter()
                .enumerate()
                .map(|(position, &k)| ProfileClass {
                    prototype: alloc::format!("class{}", position + 1),
                    share: params.shares[k],
                    means: (0..columns)
                        .map(|j| params.means[j * classes + k])
                        .collect(),
                    variances: (0..columns)
                        .map(|j| params.variances[j * classes + k])
                        .collect(),
                })
                .collect(),
        })
    }
}
