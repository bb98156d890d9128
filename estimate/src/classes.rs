//! Latent class analysis: EM for a mixture of categorical distributions
//! over items, with missing answers skipped per respondent, as poLCA does.

use alloc::vec;
use alloc::vec::Vec;
use core::ops::Range;

use naastenmeter_core::instrument::{ClassModel, LatentClass, LatentModel};
use naastenmeter_core::likelihood::{add_class_log_likelihoods, normalise_joint};

use crate::data::{answers, CategoricalData, MISSING_CATEGORY};
use crate::engine::{renormalise, update_shares, ClassStart, Degenerate, Engine};
use crate::parallel::map_chunks;
use crate::rng::Rng;

/// The data and settings of one latent class fit.
pub(crate) struct ClassEngine<'a> {
    pub data: &'a CategoricalData,
    pub offsets: Vec<usize>,
    /// Total number of categories over all items.
    pub total: usize,
    /// Dirichlet pseudo-count added to every category (0 = plain ML).
    pub smoothing: f64,
    /// A class with fewer expected respondents than this ends the start.
    pub min_class_size: f64,
    /// Distinct answer patterns with their counts, when there are clearly
    /// fewer patterns than respondents (poLCA's example data have 16 to 20
    /// patterns for hundreds of rows): EM then visits each pattern once.
    patterns: Option<(Vec<u8>, Vec<f64>)>,
}

/// Distinct rows of `data` with how often each occurs, or `None` when
/// fewer than a fifth of the rows repeat another (no gain worth a copy).
fn compress(data: &CategoricalData) -> Option<(Vec<u8>, Vec<f64>)> {
    let mut order: Vec<usize> = (0..data.rows()).collect();
    order.sort_unstable_by(|a, b| data.row(*a).cmp(data.row(*b)));
    let mut codes: Vec<u8> = Vec::new();
    let mut weights: Vec<f64> = Vec::new();
    let mut previous: Option<&[u8]> = None;
    for i in order {
        let row = data.row(i);
        if previous == Some(row) {
            if let Some(w) = weights.last_mut() {
                *w += 1.0;
            }
        } else {
            if weights.len() * 5 > data.rows() * 4 {
                return None;
            }
            codes.extend_from_slice(row);
            weights.push(1.0);
            previous = Some(row);
        }
    }
    Some((codes, weights))
}

/// Class shares and response probabilities, entry `(offset_j + c) * K + k`.
#[derive(Debug, Clone)]
pub(crate) struct ClassParams {
    pub shares: Vec<f64>,
    pub probabilities: Vec<f64>,
}

/// Sufficient statistics of one pass over a chunk of respondents.
struct Accumulated {
    log_likelihood: f64,
    weights: Vec<f64>,
    counts: Vec<f64>,
}

impl<'a> ClassEngine<'a> {
    pub fn new(data: &'a CategoricalData, smoothing: f64, min_class_size: f64) -> Self {
        let offsets = data.offsets();
        let total = data.categories().iter().map(|c| usize::from(*c)).sum();
        Self {
            data,
            offsets,
            total,
            smoothing,
            min_class_size,
            patterns: compress(data),
        }
    }

    /// Number of rows EM visits (patterns, or respondents).
    fn visited(&self) -> usize {
        self.patterns
            .as_ref()
            .map_or(self.data.rows(), |(_, w)| w.len())
    }

    /// Row `i` of what EM visits, with its weight.
    #[inline]
    fn visit(&self, i: usize) -> (&[u8], f64) {
        match &self.patterns {
            Some((codes, weights)) => {
                let items = self.data.items();
                (&codes[i * items..(i + 1) * items], weights[i])
            }
            None => (self.data.row(i), 1.0),
        }
    }

    /// Expectation over `rows`: posteriors computed and summed at once, so no
    /// respondents x classes matrix is ever stored.
    fn pass(
        &self,
        log_shares: &[f64],
        log_probabilities: &[f64],
        rows: Range<usize>,
    ) -> Accumulated {
        let classes = log_shares.len();
        let mut weights = vec![0.0; classes];
        let mut counts = vec![0.0; self.total * classes];
        let mut joint = vec![0.0; classes];
        let mut log_likelihood = 0.0;
        for i in rows {
            let (row, weight) = self.visit(i);
            joint.copy_from_slice(log_shares);
            add_class_log_likelihoods(log_probabilities, &self.offsets, answers(row), &mut joint);
            log_likelihood += weight * normalise_joint(&mut joint);
            if weight != 1.0 {
                joint.iter_mut().for_each(|p| *p *= weight);
            }
            weights.iter_mut().zip(&joint).for_each(|(w, p)| *w += p);
            for (code, offset) in row.iter().zip(&self.offsets) {
                if *code == MISSING_CATEGORY {
                    continue;
                }
                let start = (offset + usize::from(*code)) * classes;
                counts[start..start + classes]
                    .iter_mut()
                    .zip(&joint)
                    .for_each(|(n, p)| *n += p);
            }
        }
        Accumulated {
            log_likelihood,
            weights,
            counts,
        }
    }

    fn accumulate(&self, params: &ClassParams, threads: usize) -> Accumulated {
        let log_shares: Vec<f64> = params.shares.iter().map(|s| libm::log(*s)).collect();
        let log_probabilities: Vec<f64> =
            params.probabilities.iter().map(|p| libm::log(*p)).collect();
        let mut parts = map_chunks(self.visited(), threads, |rows| {
            self.pass(&log_shares, &log_probabilities, rows)
        });
        let mut total = parts.remove(0);
        for part in parts {
            total.log_likelihood += part.log_likelihood;
            total
                .weights
                .iter_mut()
                .zip(&part.weights)
                .for_each(|(a, b)| *a += b);
            total
                .counts
                .iter_mut()
                .zip(&part.counts)
                .for_each(|(a, b)| *a += b);
        }
        total
    }
}

impl Engine for ClassEngine<'_> {
    type Params = ClassParams;

    fn rows(&self) -> usize {
        self.data.rows()
    }

    fn visited_rows(&self) -> usize {
        self.visited()
    }

    fn parameters(&self, classes: usize) -> usize {
        let per_class: usize = self
            .data
            .categories()
            .iter()
            .map(|c| usize::from(*c) - 1)
            .sum();
        classes * per_class + classes - 1
    }

    fn random_start(&self, classes: usize, rng: &mut Rng) -> ClassParams {
        // As poLCA: uniform random response probabilities, normalised per
        // item and class, and equal class shares.
        let mut probabilities = vec![0.0; self.total * classes];
        for (j, offset) in self.offsets.iter().enumerate() {
            let categories = usize::from(self.data.categories()[j]);
            for k in 0..classes {
                let mut sum = 0.0;
                for c in 0..categories {
                    let draw = rng.uniform() + 1e-3;
                    probabilities[(offset + c) * classes + k] = draw;
                    sum += draw;
                }
                for c in 0..categories {
                    probabilities[(offset + c) * classes + k] /= sum;
                }
            }
        }
        ClassParams {
            shares: vec![1.0 / classes as f64; classes],
            probabilities,
        }
    }

    fn given_start(&self, start: &ClassStart) -> Option<ClassParams> {
        let classes = start.len();
        let mut probabilities = vec![0.0; self.total * classes];
        for (k, class) in start.iter().enumerate() {
            for (offset, item) in self.offsets.iter().zip(class) {
                for (c, p) in item.iter().enumerate() {
                    probabilities[(offset + c) * classes + k] = *p;
                }
            }
        }
        Some(ClassParams {
            shares: vec![1.0 / classes as f64; classes],
            probabilities,
        })
    }

    fn step(&self, params: &mut ClassParams, threads: usize) -> Result<f64, Degenerate> {
        let classes = params.shares.len();
        let acc = self.accumulate(params, threads);
        update_shares(
            &mut params.shares,
            &acc.weights,
            acc.log_likelihood,
            self.data.rows(),
            self.min_class_size,
        )?;
        for (j, offset) in self.offsets.iter().enumerate() {
            let categories = usize::from(self.data.categories()[j]);
            for k in 0..classes {
                let observed: f64 = (0..categories)
                    .map(|c| acc.counts[(offset + c) * classes + k])
                    .sum();
                let denominator = observed + self.smoothing * categories as f64;
                if denominator <= 0.0 {
                    return Err(Degenerate::EmptyClass);
                }
                for c in 0..categories {
                    let at = (offset + c) * classes + k;
                    params.probabilities[at] = (acc.counts[at] + self.smoothing) / denominator;
                }
            }
        }
        Ok(acc.log_likelihood)
    }

    fn log_likelihood(&self, params: &ClassParams, threads: usize) -> f64 {
        self.accumulate(params, threads).log_likelihood
    }

    /// The shares, then the response probabilities, on their own scale.
    /// Extrapolating logarithms (where no jump can make a probability
    /// negative) was tried and was worse: a probability that EM drives to
    /// zero moves by a constant step on the log scale forever, swamps the
    /// step length and spoils the jump for every other parameter.
    fn to_vector(&self, params: &ClassParams, out: &mut Vec<f64>) {
        out.clear();
        out.extend_from_slice(&params.shares);
        out.extend_from_slice(&params.probabilities);
    }

    /// Refuses a negative share or probability, and rescales the shares and
    /// each item's response probabilities per class to sum to exactly 1.
    fn params_from_vector(&self, vector: &[f64], like: &ClassParams) -> Option<ClassParams> {
        let classes = like.shares.len();
        let (shares, probabilities) = vector.split_at_checked(classes)?;
        let (mut shares, mut probabilities) = (shares.to_vec(), probabilities.to_vec());
        if probabilities.len() != like.probabilities.len() || !renormalise(&mut shares, 0, 1) {
            return None;
        }
        for (j, offset) in self.offsets.iter().enumerate() {
            let categories = usize::from(self.data.categories()[j]);
            let item = &mut probabilities[offset * classes..(offset + categories) * classes];
            for k in 0..classes {
                if !renormalise(item, k, classes) {
                    return None;
                }
            }
        }
        Some(ClassParams {
            shares,
            probabilities,
        })
    }

    fn shares<'p>(&self, params: &'p ClassParams) -> &'p [f64] {
        &params.shares
    }

    fn column_means(&self, params: &ClassParams, column: usize) -> Vec<f64> {
        // Expected category (1-based) of the item in each class.
        let classes = params.shares.len();
        let offset = self.offsets[column];
        let categories = usize::from(self.data.categories()[column]);
        (0..classes)
            .map(|k| {
                (0..categories)
                    .map(|c| (c + 1) as f64 * params.probabilities[(offset + c) * classes + k])
                    .sum()
            })
            .collect()
    }

    fn model(&self, params: &ClassParams, order: &[usize]) -> LatentModel {
        let classes = params.shares.len();
        LatentModel::Classes(ClassModel {
            items: (1..=self.data.items())
                .map(|j| alloc::format!("item{j}"))
                .collect(),
            classes: order
                .iter()
                .enumerate()
                .map(|(position, &k)| LatentClass {
                    prototype: alloc::format!("class{}", position + 1),
                    share: params.shares[k],
                    probabilities: self
                        .offsets
                        .iter()
                        .zip(self.data.categories())
                        .map(|(offset, categories)| {
                            (0..usize::from(*categories))
                                .map(|c| params.probabilities[(offset + c) * classes + k])
                                .collect()
                        })
                        .collect(),
                })
                .collect(),
        })
    }
}
