//! What EM needs from one kind of mixture model (the [`Engine`] trait), and
//! the M-step pieces both kinds share. `fit/start.rs` drives EM over an
//! engine; `classes.rs` and `profiles.rs` implement it. Kept apart from `fit` so
//! that the engines do not depend on the module that picks them.

use alloc::vec::Vec;

use naastenmeter_core::instrument::LatentModel;

use crate::parallel::Pool;
use crate::rng::Rng;

/// Starting values of one latent class start, as poLCA's `probs.start`:
/// `probabilities[class][item][category]`, each item's probabilities in a
/// class summing to 1. Class shares start equal, as in poLCA.
pub type ClassStart = Vec<Vec<Vec<f64>>>;

/// Why a start was set aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Degenerate {
    EmptyClass,
    CollapsedVariance,
    ZeroLikelihood,
}

/// The M-step for class shares, shared by both kinds of model: checks that
/// the E-step's likelihood is finite and that no class has emptied, then sets
/// each share to its expected number of respondents over all respondents.
pub(crate) fn update_shares(
    shares: &mut [f64],
    weights: &[f64],
    log_likelihood: f64,
    rows: usize,
    min_class_size: f64,
) -> Result<(), Degenerate> {
    if !log_likelihood.is_finite() {
        return Err(Degenerate::ZeroLikelihood);
    }
    for (share, weight) in shares.iter_mut().zip(weights) {
        if *weight < min_class_size {
            return Err(Degenerate::EmptyClass);
        }
        *share = weight / rows as f64;
    }
    Ok(())
}

/// Checks that extrapolated probabilities are valid (finite, none below
/// zero, not all zero) and rescales them to sum to exactly 1, in place; the
/// probabilities are every `stride`-th entry of `values` from `first` on.
/// A SQUAREM jump keeps the sum at 1 up to rounding (its three weights sum
/// to 1), but nothing keeps a probability from going below zero; such a
/// jump is refused. Returns whether the values were valid.
pub(crate) fn renormalise(values: &mut [f64], first: usize, stride: usize) -> bool {
    let picked = || (first..values.len()).step_by(stride);
    let mut sum = 0.0;
    for i in picked() {
        let x = values[i];
        if !(x >= 0.0 && x.is_finite()) {
            return false;
        }
        sum += x;
    }
    // Every value is finite and at least 0, so the sum is a number.
    if sum <= 0.0 {
        return false;
    }
    for i in picked() {
        values[i] /= sum;
    }
    true
}

/// One kind of mixture model, as EM sees it.
pub(crate) trait Engine: Sync {
    type Params: Clone + Send;
    /// Working memory of EM passes (log-parameters, one accumulator per row
    /// chunk), made once per start so that no iteration allocates.
    type Scratch: Send;
    fn rows(&self) -> usize;
    /// Rows one pass of EM visits (distinct answer patterns, when the
    /// engine compressed them).
    fn visited_rows(&self) -> usize;
    fn parameters(&self, classes: usize) -> usize;
    fn random_start(&self, classes: usize, rng: &mut Rng) -> Self::Params;
    /// Parameters from given starting values (checked by
    /// `check_start_values`), or `None` when this kind of model takes none.
    fn given_start(&self, _start: &ClassStart) -> Option<Self::Params> {
        None
    }
    /// Working memory for EM passes with `classes` classes.
    fn scratch(&self, classes: usize) -> Self::Scratch;
    /// One E-step with `params` and one M-step into `params`; returns the
    /// log-likelihood of the parameters going in.
    fn step(
        &self,
        params: &mut Self::Params,
        scratch: &mut Self::Scratch,
        pool: &Pool,
    ) -> Result<f64, Degenerate>;
    fn log_likelihood(
        &self,
        params: &Self::Params,
        scratch: &mut Self::Scratch,
        pool: &Pool,
    ) -> f64;
    /// The parameters as one flat vector, as SQUAREM extrapolates them
    /// (written into `out`, which is cleared first).
    fn to_vector(&self, params: &Self::Params, out: &mut Vec<f64>);
    /// Parameters from an extrapolated vector, probabilities rescaled to
    /// sum to exactly 1, or `None` when the vector is not valid (a negative
    /// probability, a variance below its floor, a value that is not a
    /// number).
    fn params_from_vector(&self, vector: &[f64], like: &Self::Params) -> Option<Self::Params>;
    fn shares<'p>(&self, params: &'p Self::Params) -> &'p [f64];
    fn column_means(&self, params: &Self::Params, column: usize) -> Vec<f64>;
    fn model(&self, params: &Self::Params, order: &[usize]) -> LatentModel;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renormalise_refuses_negative_probabilities() {
        let mut ok = [1.0, 9.0, 3.0, 9.0];
        assert!(renormalise(&mut ok, 0, 2));
        assert_eq!(ok, [0.25, 9.0, 0.75, 9.0]);
        let mut negative = [0.2, -1e-9, 0.8];
        assert!(!renormalise(&mut negative, 0, 1));
        let mut zero = [0.0, 0.0];
        assert!(!renormalise(&mut zero, 0, 1));
    }
}
