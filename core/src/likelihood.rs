//! The likelihood of a respondent under a prototype model.
//!
//! The classifier in [`crate::scoring`] and the estimation tool both call
//! these functions, so fitting a model and classifying with it can never
//! disagree. Everything is computed in log space: probabilities of many
//! answers multiply to numbers too small for a float.

use alloc::vec::Vec;

use crate::instrument::{ClassModel, ProfileModel};

/// `ln(2π)`, used by the normal density.
const LN_2PI: f64 = 1.837_877_066_409_345_5;

/// `sqrt(π)`, for the chi-square tail with odd degrees of freedom.
const SQRT_PI: f64 = 1.772_453_850_905_516;

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

/// Like [`normalise_posterior`], but with one exponential per class instead
/// of two: the maximum is subtracted, the exponentials are kept and divided
/// by their sum. Mathematically the same; the estimation tool calls it once
/// per respondent and iteration, where the saved exponentials matter.
pub fn normalise_joint(joint: &mut [f64]) -> f64 {
    let max = joint.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !max.is_finite() {
        joint.iter_mut().for_each(|value| *value = 0.0);
        return max;
    }
    let mut sum = 0.0;
    for value in joint.iter_mut() {
        *value = libm::exp(*value - max);
        sum += *value;
    }
    let inverse = 1.0 / sum;
    joint.iter_mut().for_each(|value| *value *= inverse);
    max + libm::log(sum)
}

/// The two pieces of a normal log density that depend on the variance only:
/// `(1 / variance, -0.5 * (ln(2π) + ln(variance)))`.
///
/// With them, [`add_profile_log_likelihoods`] evaluates
/// [`normal_log_density`] without a logarithm or division per cell.
#[inline]
pub fn normal_terms(variance: f64) -> (f64, f64) {
    (1.0 / variance, -0.5 * (LN_2PI + libm::log(variance)))
}

/// Adds each class's log-likelihood of one respondent's scale scores to
/// `joint` (one entry per class, usually holding `ln P(class)` already).
///
/// This is [`profile_class_log_likelihood`] for all classes at once, over
/// flat arrays laid out scale-major: entry `j * classes + k` of `means`,
/// `precisions` and `log_norms` belongs to scale `j` and class `k`, with
/// `(precisions, log_norms)` from [`normal_terms`]. Missing scores (`None`)
/// are skipped. The layout keeps the inner loop over classes contiguous, so
/// fitting a model to many respondents stays fast.
pub fn add_profile_log_likelihoods(
    means: &[f64],
    precisions: &[f64],
    log_norms: &[f64],
    scores: impl IntoIterator<Item = Option<f64>>,
    joint: &mut [f64],
) {
    let classes = joint.len();
    for (j, score) in scores.into_iter().enumerate() {
        let Some(x) = score else { continue };
        let range = j * classes..(j + 1) * classes;
        let (Some(m), Some(p), Some(n)) = (
            means.get(range.clone()),
            precisions.get(range.clone()),
            log_norms.get(range),
        ) else {
            return;
        };
        for k in 0..classes {
            let d = x - m[k];
            joint[k] += n[k] - 0.5 * d * d * p[k];
        }
    }
}

/// Adds each class's log-likelihood of one respondent's answer categories to
/// `joint` (one entry per class, usually holding `ln P(class)` already).
///
/// This is [`class_log_likelihood`] for all classes at once over a flat
/// table: entry `(offsets[j] + c) * classes + k` of `log_probabilities` is
/// `ln P(item j = category c | class k)`, where `offsets[j]` is the number of
/// categories of the items before `j`. Missing answers (`None`) are skipped;
/// a category beyond the end of the table adds negative infinity, as a
/// probability of zero does. The caller checks each category against its
/// item's number of categories (a category past one item's last would read
/// the next item's entries).
pub fn add_class_log_likelihoods(
    log_probabilities: &[f64],
    offsets: &[usize],
    categories: impl IntoIterator<Item = Option<usize>>,
    joint: &mut [f64],
) {
    let classes = joint.len();
    for (category, offset) in categories.into_iter().zip(offsets) {
        let Some(c) = category else { continue };
        let start = (offset + c) * classes;
        match log_probabilities.get(start..start + classes) {
            Some(row) => joint.iter_mut().zip(row).for_each(|(j, l)| *j += l),
            None => joint.iter_mut().for_each(|j| *j = f64::NEG_INFINITY),
        }
    }
}

/// Squared Mahalanobis distance of observed scale scores to one profile
/// class with diagonal covariances: `sum((x - mean)^2 / variance)` over the
/// observed scores, missing scores (`None`) skipped.
pub fn squared_mahalanobis(means: &[f64], variances: &[f64], scores: &[Option<f64>]) -> f64 {
    scores
        .iter()
        .zip(means.iter().zip(variances))
        .filter_map(|(score, (mean, variance))| {
            score.map(|x| {
                let d = x - mean;
                d * d / variance
            })
        })
        .sum()
}

/// The upper-tail probability `P(X >= x)` of a chi-square distribution with
/// `degrees` degrees of freedom (at least 1).
///
/// Under a latent profile class with diagonal covariances, the squared
/// Mahalanobis distance of `p` observed scores is chi-square with `p`
/// degrees of freedom, so this is how unusual a respondent is for the class.
/// Closed forms for whole degrees of freedom (Abramowitz and Stegun 26.4.4
/// and 26.4.5): a finite sum for even degrees, plus `erfc` for odd ones.
pub fn chi_square_upper_tail(x: f64, degrees: usize) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x <= 0.0 {
        return 1.0;
    }
    let half = x / 2.0;
    let decay = libm::exp(-half);
    let tail = if degrees % 2 == 0 {
        // exp(-x/2) * sum_{i < k} (x/2)^i / i!, with degrees = 2k.
        let mut term = 1.0;
        let mut sum = 1.0;
        for i in 1..degrees / 2 {
            term *= half / i as f64;
            sum += term;
        }
        decay * sum
    } else {
        // erfc(sqrt(x/2)) + exp(-x/2) * sum_{i=1}^{k} (x/2)^(i-1/2) / Gamma(i+1/2),
        // with degrees = 2k + 1; Gamma(3/2) = sqrt(pi)/2.
        let root = libm::sqrt(half);
        let mut term = root / (SQRT_PI / 2.0);
        let mut sum = 0.0;
        for i in 1..=degrees / 2 {
            sum += term;
            term *= half / (i as f64 + 0.5);
        }
        libm::erfc(root) + decay * sum
    };
    tail.clamp(0.0, 1.0)
}

/// Each class's typicality for observed scale scores, with its squared
/// Mahalanobis distance: the chi-square upper-tail probability of the
/// distance, with as many degrees of freedom as scores were observed.
/// With no score observed, every class has typicality 1 and distance 0.
pub fn profile_typicality(model: &ProfileModel, scores: &[Option<f64>]) -> Vec<(f64, f64)> {
    let observed = scores.iter().filter(|s| s.is_some()).count();
    model
        .classes
        .iter()
        .map(|class| {
            let distance = squared_mahalanobis(&class.means, &class.variances, scores);
            let typicality = if observed == 0 {
                1.0
            } else {
                chi_square_upper_tail(distance, observed)
            };
            (typicality, distance)
        })
        .collect()
}

/// Each class's typicality for observed answer categories: the mean
/// log-probability of the observed answers per observed item (0 when none
/// was observed). Dividing by the number of observed items lets respondents
/// who skipped items be compared with those who did not.
pub fn class_typicality(model: &ClassModel, categories: &[Option<usize>]) -> Vec<f64> {
    let observed = categories.iter().filter(|c| c.is_some()).count();
    model
        .classes
        .iter()
        .map(|class| {
            if observed == 0 {
                0.0
            } else {
                class_log_likelihood(&class.probabilities, categories) / observed as f64
            }
        })
        .collect()
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
    fn chi_square_tail_matches_published_critical_values() {
        // 95% critical values of the chi-square distribution (any table).
        for (x, degrees) in [
            (3.841_459, 1),
            (5.991_465, 2),
            (7.814_728, 3),
            (9.487_729, 4),
            (11.070_498, 5),
        ] {
            let p = chi_square_upper_tail(x, degrees);
            assert!((p - 0.05).abs() < 1e-6, "{degrees} degrees: {p}");
        }
        // 99% critical value with 4 degrees, and the edges.
        assert!((chi_square_upper_tail(13.276_704, 4) - 0.01).abs() < 1e-6);
        assert_eq!(chi_square_upper_tail(0.0, 3), 1.0);
        assert!(chi_square_upper_tail(1e6, 4) < 1e-300);
    }

    #[test]
    fn mahalanobis_distance_matches_a_hand_computation_and_skips_missing() {
        let means = [2.0, 1.0, 3.0];
        let variances = [0.25, 1.0, 4.0];
        // (2.5-2)^2/0.25 + (3-1)^2/1 = 1 + 4; the third score is missing.
        let d = squared_mahalanobis(&means, &variances, &[Some(2.5), Some(3.0), None]);
        assert!((d - 5.0).abs() < 1e-12);
        // Typicality: the chi-square tail with two degrees, exp(-5/2).
        let model = ProfileModel {
            scales: alloc::vec!["a".into(), "b".into(), "c".into()],
            variances: crate::instrument::VarianceKind::Equal,
            classes: alloc::vec![crate::instrument::ProfileClass {
                prototype: "p".into(),
                share: 1.0,
                means: means.to_vec(),
                variances: variances.to_vec(),
            }],
        };
        let [(typicality, distance)] =
            profile_typicality(&model, &[Some(2.5), Some(3.0), None])[..]
        else {
            panic!("one class");
        };
        assert!((distance - 5.0).abs() < 1e-12);
        assert!((typicality - libm::exp(-2.5)).abs() < 1e-12);
    }

    #[test]
    fn class_likelihood_with_missing_answers_matches_a_hand_computation() {
        let model = ClassModel {
            items: alloc::vec!["x".into(), "y".into(), "z".into()],
            classes: alloc::vec![crate::instrument::LatentClass {
                prototype: "p".into(),
                share: 1.0,
                probabilities: alloc::vec![
                    alloc::vec![0.7, 0.3],
                    alloc::vec![0.2, 0.5, 0.3],
                    alloc::vec![0.9, 0.1],
                ],
            }],
        };
        let answers = [Some(1), None, Some(0)];
        let ll = class_log_likelihood(&model.classes[0].probabilities, &answers);
        assert!((ll - libm::log(0.3 * 0.9)).abs() < 1e-12);
        let typicality = class_typicality(&model, &answers);
        assert!((typicality[0] - libm::log(0.3 * 0.9) / 2.0).abs() < 1e-12);
        assert_eq!(class_typicality(&model, &[None, None, None]), [0.0]);
    }

    #[test]
    fn missing_scores_are_skipped() {
        let both = profile_class_log_likelihood(&[0.0, 0.0], &[1.0, 1.0], &[Some(0.0), None]);
        let one = profile_class_log_likelihood(&[0.0], &[1.0], &[Some(0.0)]);
        assert_eq!(both, one);
    }

    #[test]
    fn normalise_joint_matches_normalise_posterior() {
        let mut a = [-1.0, -2.5, -0.3];
        let mut b = a;
        let ma = normalise_posterior(&mut a);
        let mb = normalise_joint(&mut b);
        assert!((ma - mb).abs() < 1e-12);
        for (x, y) in a.iter().zip(&b) {
            assert!((x - y).abs() < 1e-12);
        }
    }

    #[test]
    fn flat_profile_likelihood_matches_per_class_function() {
        // Two scales, two classes, scale-major layout.
        let class_means = [[1.0, 2.0], [3.0, 0.5]];
        let class_variances = [[0.5, 2.0], [1.5, 0.25]];
        let mut means = [0.0; 4];
        let mut precisions = [0.0; 4];
        let mut log_norms = [0.0; 4];
        for j in 0..2 {
            for k in 0..2 {
                means[j * 2 + k] = class_means[k][j];
                (precisions[j * 2 + k], log_norms[j * 2 + k]) = normal_terms(class_variances[k][j]);
            }
        }
        let scores = [Some(1.7), None];
        let mut joint = [0.0; 2];
        add_profile_log_likelihoods(&means, &precisions, &log_norms, scores, &mut joint);
        for k in 0..2 {
            let expected =
                profile_class_log_likelihood(&class_means[k], &class_variances[k], &scores);
            assert!((joint[k] - expected).abs() < 1e-12);
        }
    }

    #[test]
    fn flat_class_likelihood_matches_per_class_function() {
        // Item 0 has two categories, item 1 three; two classes.
        let class_probabilities = [
            alloc::vec![alloc::vec![0.2, 0.8], alloc::vec![0.1, 0.3, 0.6]],
            alloc::vec![alloc::vec![0.7, 0.3], alloc::vec![0.5, 0.25, 0.25]],
        ];
        let offsets = [0, 2];
        let mut table = [0.0; 10];
        for k in 0..2 {
            for (j, probs) in class_probabilities[k].iter().enumerate() {
                for (c, p) in probs.iter().enumerate() {
                    table[(offsets[j] + c) * 2 + k] = libm::log(*p);
                }
            }
        }
        for answers in [[Some(1), Some(2)], [None, Some(0)], [Some(0), None]] {
            let mut joint = [0.0; 2];
            add_class_log_likelihoods(&table, &offsets, answers, &mut joint);
            for k in 0..2 {
                let expected = class_log_likelihood(&class_probabilities[k], &answers);
                assert!((joint[k] - expected).abs() < 1e-12);
            }
        }
        let mut joint = [0.0; 2];
        add_class_log_likelihoods(&table, &offsets, [Some(5), None], &mut joint);
        assert_eq!(joint, [f64::NEG_INFINITY; 2]);
    }
}
