//! The typicality rule of a fitted model: how unusual answers may be and
//! still be said to fit one of its prototypes, chosen from the data the
//! model was fitted on (`docs/estimation.md`, "Typicality").
//!
//! A class's typicality for one respondent is computed as
//! [`naastenmeter_core::likelihood`] computes it for the classifier (for
//! latent classes with the logarithms taken once, the same sums): for
//! latent profiles the chi-square tail probability of the squared
//! Mahalanobis distance (degrees of freedom = observed scales), for latent
//! classes the mean log-probability per observed item. A respondent's
//! typicality is the highest over the classes. The threshold is the largest
//! value that keeps at least the target share of the fitting respondents,
//! so "fits one of the prototypes" means "as typical as the bulk of the
//! people the model was fitted on".

use alloc::vec;
use alloc::vec::Vec;

use naastenmeter_core::instrument::{ClassModel, LatentModel, Typicality};
use naastenmeter_core::likelihood::profile_typicality;

use crate::data::{scores, Dataset, MISSING_CATEGORY};

/// The logarithms of a class model's response probabilities, taken once:
/// the per-respondent sums over them are then the very sums of the core's
/// `class_log_likelihood` (the same `libm::log` values added in the same
/// order, so the same bits; test `class_kernels_match_the_core`) without
/// a logarithm per answer.
pub(crate) struct ClassLogs {
    /// `ln p`, indexed `[class][item][category]` as the model's probabilities.
    logs: Vec<Vec<Vec<f64>>>,
}

impl ClassLogs {
    /// The logarithms of `model`'s response probabilities.
    pub(crate) fn new(model: &ClassModel) -> Self {
        Self {
            logs: model
                .classes
                .iter()
                .map(|class| {
                    class
                        .probabilities
                        .iter()
                        .map(|item| item.iter().map(|p| libm::log(*p)).collect())
                        .collect()
                })
                .collect(),
        }
    }

    /// Number of classes.
    pub(crate) fn classes(&self) -> usize {
        self.logs.len()
    }

    /// The log-likelihood of the answer codes `row` in class `k`: the sum
    /// of `ln p` over the observed answers, in item order (a category the
    /// model does not have counts as probability 0, as in the core).
    pub(crate) fn log_likelihood(&self, k: usize, row: &[u8]) -> f64 {
        row.iter()
            .zip(&self.logs[k])
            .filter(|(code, _)| **code != MISSING_CATEGORY)
            .map(|(code, logs)| {
                logs.get(usize::from(*code))
                    .copied()
                    .unwrap_or(f64::NEG_INFINITY)
            })
            .sum()
    }

    /// The respondent's typicality: the highest over the classes of the
    /// mean log-probability per observed answer (core's `class_typicality`).
    fn typicality(&self, row: &[u8], observed: usize) -> f64 {
        (0..self.classes())
            .map(|k| {
                if observed == 0 {
                    0.0
                } else {
                    self.log_likelihood(k, row) / observed as f64
                }
            })
            .fold(f64::NEG_INFINITY, f64::max)
    }
}

/// Number of observed inputs of row `i`.
fn observed_inputs(data: &Dataset, i: usize) -> usize {
    match data {
        Dataset::Continuous(d) => d.row(i).iter().filter(|v| !v.is_nan()).count(),
        Dataset::Categorical(d) => d.row(i).iter().filter(|c| **c != MISSING_CATEGORY).count(),
    }
}

/// One pass over the respondents with at least `min_inputs` observed
/// inputs, in row order, handing each one's typicality (the highest over
/// the classes) to `f`. Nothing per respondent is kept.
fn each_typicality(data: &Dataset, model: &LatentModel, min_inputs: usize, f: &mut dyn FnMut(f64)) {
    match (data, model) {
        (Dataset::Continuous(d), LatentModel::Profiles(m)) => {
            let mut row: Vec<Option<f64>> = Vec::with_capacity(d.columns());
            for i in 0..d.rows() {
                row.clear();
                row.extend(scores(d.row(i)));
                if row.iter().flatten().count() < min_inputs {
                    continue;
                }
                f(profile_typicality(m, &row)
                    .into_iter()
                    .map(|(t, _)| t)
                    .fold(f64::NEG_INFINITY, f64::max));
            }
        }
        (Dataset::Categorical(d), LatentModel::Classes(m)) => {
            let logs = ClassLogs::new(m);
            for i in 0..d.rows() {
                let observed = observed_inputs(data, i);
                if observed >= min_inputs {
                    f(logs.typicality(d.row(i), observed));
                }
            }
        }
        // A model of the other kind has no inputs in this data.
        _ => {}
    }
}

/// Each fitting respondent's typicality (the highest over the classes),
/// for the respondents with at least `min_inputs` observed inputs.
pub fn respondent_typicalities(data: &Dataset, model: &LatentModel, min_inputs: usize) -> Vec<f64> {
    let mut values = Vec::new();
    each_typicality(data, model, min_inputs, &mut |t| values.push(t));
    values
}

/// The typicality rule for `model` on the data it was fitted on.
///
/// `min_inputs` is how many inputs must be observed to classify at all (0
/// means all of the model's inputs); `target_share` is the share of the
/// fitting respondents (with enough inputs) that the threshold keeps, for
/// example 0.975. Ties at the threshold are all kept, so `typical_share`
/// can be a little higher than the target.
///
/// The threshold is found without keeping a value per respondent (on a
/// million respondents those would take more memory than their answers):
/// a radix selection passes over the data a few times instead.
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
    // The lowest threshold a model of this kind can state: every respondent fits.
    let floor = match model {
        LatentModel::Profiles(_) => 0.0,
        LatentModel::Classes(_) => f64::MIN,
    };
    let kinds_match = matches!(
        (data, model),
        (Dataset::Continuous(_), LatentModel::Profiles(_))
            | (Dataset::Categorical(_), LatentModel::Classes(_))
    );
    let n = if kinds_match {
        (0..data.rows())
            .filter(|i| observed_inputs(data, *i) >= min_inputs)
            .count()
    } else {
        0
    };
    if n == 0 {
        return Typicality {
            min_inputs,
            threshold: floor,
            target_share,
            typical_share: 1.0,
        };
    }
    let keep = libm::ceil(target_share.clamp(0.0, 1.0) * n as f64) as usize;
    let pass = |f: &mut dyn FnMut(f64)| each_typicality(data, model, min_inputs, f);
    // The value that `keep` values are at least: position n - keep of the
    // ascending order.
    let threshold = select(&pass, n, n - keep.clamp(1, n)).max(floor);
    let mut kept = 0usize;
    pass(&mut |t| kept += usize::from(t >= threshold));
    Typicality {
        min_inputs,
        threshold,
        target_share,
        typical_share: kept as f64 / n as f64,
    }
}

/// One pass over values: calls its argument with each value in turn.
type Pass<'a> = dyn Fn(&mut dyn FnMut(f64)) + 'a;

/// Few enough candidates to collect and sort: 65,536 values, 512 KB.
const FEW: usize = 1 << 16;

/// A key whose unsigned order is the order of [`f64::total_cmp`]: the sign
/// bit set for positive numbers, every bit flipped for negative ones.
fn order_key(value: f64) -> u64 {
    let bits = value.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    }
}

/// The number whose [`order_key`] is `key`.
fn from_order_key(key: u64) -> f64 {
    f64::from_bits(if key >> 63 == 1 {
        key & !(1 << 63)
    } else {
        !key
    })
}

/// The value at position `rank` (from 0) of the ascending order
/// ([`f64::total_cmp`]) of the `n` values that `pass` yields; `pass` must
/// yield the same values on every call. A radix selection: while more than
/// [`FEW`] values remain candidates, one pass counts them by the next 16
/// bits of their [`order_key`] and keeps the bucket that holds `rank`; then
/// one pass collects the candidates and sorts them. Memory stays at a
/// 65,536-bucket count whatever `n`; on a million respondents this takes
/// two or three passes.
fn select(pass: &Pass, n: usize, mut rank: usize) -> f64 {
    // The high `known` bits of the wanted key are those of `prefix`.
    let (mut prefix, mut known) = (0u64, 0u32);
    let matches = |key: u64, prefix: u64, known: u32| {
        known == 0 || key >> (64 - known) == prefix >> (64 - known)
    };
    let mut candidates = n;
    while candidates > FEW {
        if known == 64 {
            // All candidates have the same bits.
            return from_order_key(prefix);
        }
        let shift = 48 - known;
        let mut counts = vec![0usize; 1 << 16];
        pass(&mut |value| {
            let key = order_key(value);
            if matches(key, prefix, known) {
                counts[((key >> shift) & 0xFFFF) as usize] += 1;
            }
        });
        let mut bucket = 0;
        while rank >= counts[bucket] {
            rank -= counts[bucket];
            bucket += 1;
        }
        candidates = counts[bucket];
        prefix |= (bucket as u64) << shift;
        known += 16;
    }
    let mut values = Vec::with_capacity(candidates);
    pass(&mut |value| {
        if matches(order_key(value), prefix, known) {
            values.push(value);
        }
    });
    values.sort_by(f64::total_cmp);
    values[rank]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{CategoricalData, ContinuousData};
    use naastenmeter_core::instrument::{ClassModel, ProfileClass, ProfileModel, VarianceKind};

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

    /// The value at `rank` by sorting, as the rule was computed before
    /// [`select`].
    fn sorted_at(values: &[f64], rank: usize) -> f64 {
        let mut sorted = values.to_vec();
        sorted.sort_by(f64::total_cmp);
        sorted[rank]
    }

    #[test]
    fn selection_finds_what_sorting_finds() {
        // More values than FEW, so the radix passes run: a spread of
        // negative and positive values with many ties, -inf and both zeros.
        let mut rng = crate::rng::Rng::new(5);
        let mut values: Vec<f64> = (0..3 * FEW)
            .map(|i| match i % 7 {
                0 => -libm::floor(rng.uniform() * 50.0) / 8.0,
                1 => rng.uniform() * 1e-3,
                2 => f64::NEG_INFINITY,
                3 => -0.0,
                4 => 0.0,
                _ => -rng.uniform() * 4.0,
            })
            .collect();
        values.extend([f64::MIN, f64::MAX, 1e-300, -1e-300]);
        let n = values.len();
        let pass = |f: &mut dyn FnMut(f64)| values.iter().for_each(|v| f(*v));
        for rank in [0, 1, n / 7, n / 3, n / 2, n - 4097, n - 2, n - 1] {
            let (found, expected) = (select(&pass, n, rank), sorted_at(&values, rank));
            assert_eq!(found.to_bits(), expected.to_bits(), "rank {rank}");
        }
        // Ties beyond FEW at the wanted value: found without collecting.
        let same = vec![-1.25; 2 * FEW];
        let pass = |f: &mut dyn FnMut(f64)| same.iter().for_each(|v| f(*v));
        assert_eq!(select(&pass, same.len(), FEW), -1.25);
        for v in [0.0, -0.0, 1.5, -2.5, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(from_order_key(order_key(v)).to_bits(), v.to_bits());
        }
    }

    #[test]
    fn class_kernels_match_the_core() {
        use naastenmeter_core::likelihood::{class_log_likelihood, class_typicality};
        let mut rng = crate::rng::Rng::new(3);
        let model = ClassModel {
            items: (0..6).map(|j| alloc::format!("i{j}")).collect(),
            classes: (0..3)
                .map(|k| naastenmeter_core::instrument::LatentClass {
                    prototype: alloc::format!("c{k}"),
                    share: 1.0 / 3.0,
                    probabilities: (0..6)
                        .map(|_| {
                            let w: Vec<f64> = (0..4).map(|_| rng.uniform() + 0.01).collect();
                            let s: f64 = w.iter().sum();
                            w.iter().map(|x| x / s).collect()
                        })
                        .collect(),
                })
                .collect(),
        };
        let data = crate::simulate::simulate_categorical(&model, 2000, 0.2, &mut rng).unwrap();
        let logs = ClassLogs::new(&model);
        let dataset = Dataset::Categorical(data.clone());
        let fast = respondent_typicalities(&dataset, &LatentModel::Classes(model.clone()), 1);
        let mut at = 0;
        for i in 0..data.rows() {
            let row: Vec<Option<usize>> = crate::data::answers(data.row(i)).collect();
            for (k, class) in model.classes.iter().enumerate() {
                let core = class_log_likelihood(&class.probabilities, &row);
                assert_eq!(
                    logs.log_likelihood(k, data.row(i)).to_bits(),
                    core.to_bits()
                );
            }
            if row.iter().flatten().count() >= 1 {
                let core = class_typicality(&model, &row)
                    .into_iter()
                    .fold(f64::NEG_INFINITY, f64::max);
                assert_eq!(fast[at].to_bits(), core.to_bits());
                at += 1;
            }
        }
        assert_eq!(at, fast.len());
    }
}
