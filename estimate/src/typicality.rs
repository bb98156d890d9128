//! The typicality rule of a fitted model: how unusual answers may be and
//! still be said to fit one of its prototypes, chosen from the data the
//! model was fitted on (`docs/estimation.md`, "Typicality").
//!
//! A class's typicality for one respondent is computed by
//! [`naastenmeter_core::likelihood`] exactly as the classifier does: for
//! latent profiles the chi-square tail probability of the squared
//! Mahalanobis distance (degrees of freedom = observed scales), for latent
//! classes the mean log-probability per observed item. A respondent's
//! typicality is the highest over the classes. The threshold is the largest
//! value that keeps at least the target share of the fitting respondents,
//! so "fits one of the prototypes" means "as typical as the bulk of the
//! people the model was fitted on".

use alloc::vec::Vec;

use naastenmeter_core::instrument::{LatentModel, Typicality};
use naastenmeter_core::likelihood::{class_typicality, profile_typicality};

use crate::data::{answers, scores, Dataset};

/// Each fitting respondent's typicality (the highest over the classes),
/// for the respondents with at least `min_inputs` observed inputs.
pub fn respondent_typicalities(data: &Dataset, model: &LatentModel, min_inputs: usize) -> Vec<f64> {
    let mut values = Vec::with_capacity(data.rows());
    for i in 0..data.rows() {
        let best = match (data, model) {
            (Dataset::Continuous(d), LatentModel::Profiles(m)) => {
                let row: Vec<Option<f64>> = scores(d.row(i)).collect();
                if row.iter().flatten().count() < min_inputs {
                    continue;
                }
                profile_typicality(m, &row)
                    .into_iter()
                    .map(|(t, _)| t)
                    .fold(f64::NEG_INFINITY, f64::max)
            }
            (Dataset::Categorical(d), LatentModel::Classes(m)) => {
                let row: Vec<Option<usize>> = answers(d.row(i)).collect();
                if row.iter().flatten().count() < min_inputs {
                    continue;
                }
                class_typicality(m, &row)
                    .into_iter()
                    .fold(f64::NEG_INFINITY, f64::max)
            }
            // A model of the other kind has no inputs in this data.
            _ => continue,
        };
        values.push(best);
    }
    values
}

/// The typicality rule for `model` on the data it was fitted on.
///
/// `min_inputs` is how many inputs must be observed to classify at all (0
/// means all of the model's inputs); `target_share` is the share of the
/// fitting respondents (with enough inputs) that the threshold keeps, for
/// example 0.975. Ties at the threshold are all kept, so `typical_share`
/// can be a little higher than the target.
pub fn typicality_rule(
    data: &Dataset,
    model: &LatentModel,
    min_inputs: usize,
    target_share: f64,
) -> Typicality {
    let inputs = data.columns();
    let min_inputs = if min_inputs == 0 {
        inputs
    } else {
        min_inputs.min(inputs)
    };
    let mut values = respondent_typicalities(data, model, min_inputs);
    // The lowest threshold a model of this kind can state: every respondent fits.
    let floor = match model {
        LatentModel::Profiles(_) => 0.0,
        LatentModel::Classes(_) => f64::MIN,
    };
    if values.is_empty() {
        return Typicality {
            min_inputs,
            threshold: floor,
            target_share,
            typical_share: 1.0,
        };
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    let keep = libm::ceil(target_share.clamp(0.0, 1.0) * n as f64) as usize;
    let threshold = values[n - keep.clamp(1, n)].max(floor);
    let kept = values.iter().filter(|v| **v >= threshold).count();
    Typicality {
        min_inputs,
        threshold,
        target_share,
        typical_share: kept as f64 / n as f64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{CategoricalData, ContinuousData};
    use naastenmeter_core::instrument::{ProfileClass, ProfileModel, VarianceKind};

    fn one_class_model() -> LatentModel {
        LatentModel::Profiles(ProfileModel {
            scales: alloc::vec!["a".into()],
            variances: VarianceKind::Equal,
            classes: alloc::vec![ProfileClass {
                prototype: "p".into(),
                share: 1.0,
                means: alloc::vec![0.0],
                variances: alloc::vec![1.0],
            }],
        })
    }

    #[test]
    fn threshold_keeps_the_target_share() {
        // 40 respondents at distances 0.1, 0.2, ... 4.0 from the mean.
        let values: Vec<f64> = (1..=40).map(|i| i as f64 / 10.0).collect();
        let data = Dataset::Continuous(ContinuousData::new(1, values).unwrap());
        let rule = typicality_rule(&data, &one_class_model(), 0, 0.975);
        // 39 of 40 are kept: the threshold is the tail probability of the
        // second farthest respondent (3.9 standard deviations).
        assert_eq!(rule.min_inputs, 1);
        assert!((rule.typical_share - 39.0 / 40.0).abs() < 1e-12);
        let expected = naastenmeter_core::likelihood::chi_square_upper_tail(3.9 * 3.9, 1);
        assert!((rule.threshold - expected).abs() < 1e-15, "{rule:?}");
    }

    #[test]
    fn respondents_with_too_few_inputs_are_left_out() {
        let model = LatentModel::Profiles(ProfileModel {
            scales: alloc::vec!["a".into(), "b".into()],
            variances: VarianceKind::Equal,
            classes: alloc::vec![ProfileClass {
                prototype: "p".into(),
                share: 1.0,
                means: alloc::vec![0.0, 0.0],
                variances: alloc::vec![1.0, 1.0],
            }],
        });
        let data = Dataset::Continuous(
            ContinuousData::new(2, alloc::vec![0.0, 0.0, 9.0, f64::NAN, 1.0, 1.0]).unwrap(),
        );
        assert_eq!(respondent_typicalities(&data, &model, 2).len(), 2);
        assert_eq!(respondent_typicalities(&data, &model, 1).len(), 3);
    }

    #[test]
    fn class_models_use_the_mean_log_probability_per_item() {
        use naastenmeter_core::instrument::{ClassModel, LatentClass};
        let model = LatentModel::Classes(ClassModel {
            items: alloc::vec!["x".into(), "y".into()],
            classes: alloc::vec![LatentClass {
                prototype: "p".into(),
                share: 1.0,
                probabilities: alloc::vec![alloc::vec![0.8, 0.2], alloc::vec![0.5, 0.5]],
            }],
        });
        let data = Dataset::Categorical(
            CategoricalData::new(alloc::vec![2, 2], alloc::vec![0, 0, 1, 1]).unwrap(),
        );
        let values = respondent_typicalities(&data, &model, 1);
        let expected = [
            (libm::log(0.8) + libm::log(0.5)) / 2.0,
            (libm::log(0.2) + libm::log(0.5)) / 2.0,
        ];
        for (v, e) in values.iter().zip(expected) {
            assert!((v - e).abs() < 1e-12);
        }
        let rule = typicality_rule(&data, &model, 0, 0.5);
        assert!((rule.threshold - expected[0]).abs() < 1e-12);
        assert_eq!(rule.typical_share, 0.5);
    }
}
