//! The likelihood of a respondent under a prototype model.
//!
//! The classifier in [`crate::scoring`] and the estimation tool both call
//! these functions, so fitting a model and classifying with it can never
//! disagree. Everything is computed in log space: probabilities of many
//! answers multiply to numbers too small for a float.

use crate::instrument::{ClassModel, ProfileModel};

/// `ln(2π)`, used by the normal density.
const LN_2PI: f64 = 1.837_877_066_409_345_5;

/// `ln(sum(exp(values)))`, computed without overflow or underflow.
///
/// Returns negative infinity for an empty slice or when every value is
/// negative infinity.
pub fn log_sum_exp(values: &[f64]) -> f64 {
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if max == f64::NEG_INFINITY || max.is_nan() {
        return max;
    }
    let sum: f64 = values.iter().map(|v| libm::exp(v - max)).sum();
    max + libm::log(sum)
}

/// Turns joint log-probabilities `ln P(class) + ln P(data | class)` into
/// posterior probabilities, in place, and returns the log marginal likelihood
/// `ln P(data)`.
pub fn normalise_posterior(joint: &mut [f64]) -> f64 {
    let marginal = log_sum_exp(joint);
    for value in joint.iter_mut() {
        *value = if marginal.is_finite() {
            libm::exp(*value - marginal)
        } else {
            0.0
        };
    }
    marginal
}

/// Log density of a normal distribution at `x`.
#[inline]
pub fn normal_log_density(x: f64, mean: f64, variance: f64) -> f64 {
    let d = x - mean;
    -0.5 * (LN_2PI + libm::log(variance) + d * d / variance)
}

/// Log-likelihood of observed scale scores under one profile class:
/// missing scores (`None`) are skipped, as full-information maximum
/// likelihood does with diagonal covariances.
pub fn profile_class_log_likelihood(
    means: &[f64],
    variances: &[f64],
    scores: &[Option<f64>],
) -> f64 {
    scores
        .iter()
        .zip(means.iter().zip(variances))
        .filter_map(|(score, (mean, variance))| {
            score.map(|x| normal_log_density(x, *mean, *variance))
        })
        .sum()
}

/// Log-likelihood of observed answer categories (option positions) under one
/// latent class: missing answers (`None`) are skipped.
///
/// A probability of exactly zero gives negative infinity for that class.
pub fn class_log_likelihood(
    probabilities: &[alloc::vec::Vec<f64>],
    categories: &[Option<usize>],
) -> f64 {
    categories
        .iter()
        .zip(probabilities)
        .filter_map(|(category, probs)| {
            category.map(|c| libm::log(probs.get(c).copied().unwrap_or(0.0)))
        })
        .sum()
}

/// Posterior probability of each class for observed scale scores.
pub fn profile_posterior(model: &ProfileModel, scores: &[Option<f64>]) -> alloc::vec::Vec<f64> {
    let mut joint: alloc::vec::Vec<f64> = model
        .classes
        .iter()
        .map(|class| {
            libm::log(class.share)
                + profile_class_log_likelihood(&class.means, &class.variances, scores)
        })
        .collect();
    normalise_posterior(&mut joint);
    joint
}

/// Posterior probability of each class for observed answer categories.
pub fn class_posterior(model: &ClassModel, categories: &[Option<usize>]) -> alloc::vec::Vec<f64> {
    let mut joint: alloc::vec::Vec<f64> = model
        .classes
        .iter()
        .map(|class| {
            libm::log(class.share) + class_log_likelihood(&class.probabilities, categories)
        })
        .collect();
    normalise_posterior(&mut joint);
    joint
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::f64::consts::PI;

    #[test]
    fn log_sum_exp_matches_direct_sum() {
        let values = [-1.0, -2.0, -3.0];
        let direct = libm::log(values.iter().map(|v| libm::exp(*v)).sum::<f64>());
        assert!((log_sum_exp(&values) - direct).abs() < 1e-12);
    }

    #[test]
    fn log_sum_exp_survives_tiny_values() {
        let values = [-2000.0, -2001.0];
        let expected = -2000.0 + libm::log(1.0 + libm::exp(-1.0));
        assert!((log_sum_exp(&values) - expected).abs() < 1e-9);
    }

    #[test]
    fn normal_log_density_matches_formula() {
        let expected = -0.5 * libm::log(2.0 * PI * 2.0) - (1.5f64 * 1.5) / (2.0 * 2.0);
        assert!((normal_log_density(1.5, 0.0, 2.0) - expected).abs() < 1e-12);
    }

    #[test]
    fn missing_scores_are_skipped() {
        let both = profile_class_log_likelihood(&[0.0, 0.0], &[1.0, 1.0], &[Some(0.0), None]);
        let one = profile_class_log_likelihood(&[0.0], &[1.0], &[Some(0.0)]);
        assert_eq!(both, one);
    }
}
