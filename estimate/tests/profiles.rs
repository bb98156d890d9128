//! Latent profile fits: FIML with missing cells, recovery of known
//! parameters from simulated data, the degenerate-start guards, and
//! agreement with the classifier's likelihood.

mod common;

use naastenmeter_core::instrument::{LatentModel, ProfileClass, ProfileModel, VarianceKind};
use naastenmeter_core::likelihood::{log_sum_exp, profile_class_log_likelihood};
use naastenmeter_estimate::{
    fit, simulate_continuous, ClassOrder, ContinuousData, Dataset, EstimateError, FitOptions, Rng,
};

fn truth(variances: VarianceKind) -> ProfileModel {
    let class = |share: f64, means: [f64; 3], variances: [f64; 3]| ProfileClass {
        prototype: String::new(),
        share,
        means: means.to_vec(),
        variances: variances.to_vec(),
    };
    let per_class = variances == VarianceKind::PerClass;
    ProfileModel {
        scales: vec!["a".into(), "b".into(), "c".into()],
        variances,
        classes: vec![
            class(0.5, [1.0, 2.0, 1.0], [0.25, 0.3, 0.2]),
            class(
                0.3,
                [3.0, 1.0, 2.5],
                if per_class {
                    [0.5, 0.1, 0.3]
                } else {
                    [0.25, 0.3, 0.2]
                },
            ),
            class(
                0.2,
                [2.0, 3.5, 4.0],
                if per_class {
                    [0.15, 0.4, 0.6]
                } else {
                    [0.25, 0.3, 0.2]
                },
            ),
        ],
    }
}

fn profiles(model: &LatentModel) -> &ProfileModel {
    match model {
        LatentModel::Profiles(m) => m,
        LatentModel::Classes(_) => panic!("expected a profile model"),
    }
}

/// Fits simulated data back and checks every parameter against the truth
/// within four standard errors (shares: binomial; means: sd / sqrt(n_k);
/// variances: var * sqrt(2 / n_k)), with 10% of cells missing.
fn recover(rows: usize, variances: VarianceKind, seed: u64) {
    let truth = truth(variances);
    let data = simulate_continuous(&truth, rows, 0.1, &mut Rng::new(seed)).unwrap();
    let missing = data.values().iter().filter(|v| v.is_nan()).count() as f64;
    assert!((missing / data.values().len() as f64 - 0.1).abs() < 0.02);
    // A looser tolerance than the default keeps debug-mode tests quick; the
    // remaining error is far below the sampling error checked.
    let options = FitOptions {
        starts: 4,
        tolerance: 1e-6,
        variances,
        order: ClassOrder::ByColumn(0),
        ..FitOptions::default()
    };
    let result = fit(&Dataset::Continuous(data), 3, &options).unwrap();
    let fitted = profiles(&result.model);
    // Ordered by the mean of column a: truth's classes 0, 2, 1.
    for (got, want) in fitted
        .classes
        .iter()
        .zip([0, 2, 1].map(|k| &truth.classes[k]))
    {
        let n = rows as f64 * want.share * 0.9;
        let share_se = (want.share * (1.0 - want.share) / rows as f64).sqrt();
        assert!(
            (got.share - want.share).abs() < 4.0 * share_se,
            "{rows}: share {} vs {}",
            got.share,
            want.share
        );
        for j in 0..3 {
            let mean_se = (want.variances[j] / n).sqrt();
            assert!(
                (got.means[j] - want.means[j]).abs() < 4.0 * mean_se,
                "{rows}: mean {} vs {}",
                got.means[j],
                want.means[j]
            );
            let pooled = if variances == VarianceKind::Equal {
                rows as f64 * 0.9
            } else {
                n
            };
            let var_se = want.variances[j] * (2.0 / pooled).sqrt();
            assert!(
                (got.variances[j] - want.variances[j]).abs() < 4.0 * var_se,
                "{rows}: variance {} vs {}",
                got.variances[j],
                want.variances[j]
            );
        }
    }
}

#[test]
fn recovers_equal_variance_profiles_with_missing_cells() {
    recover(300, VarianceKind::Equal, 11);
    recover(2_000, VarianceKind::Equal, 12);
}

#[test]
fn recovers_per_class_variance_profiles_with_missing_cells() {
    recover(500, VarianceKind::PerClass, 13);
    recover(2_000, VarianceKind::PerClass, 14);
}

#[test]
fn log_likelihood_is_the_classifiers_and_every_row_counts() {
    let data = common::continuous(
        "zegwaard_carecompass.csv",
        &["burdened", "trapped", "negaffect", "loneliness"],
    );
    let missing = data.values().iter().filter(|v| v.is_nan()).count();
    assert_eq!(missing, 4 + 8 + 7 + 3);
    let options = FitOptions {
        starts: 10,
        ..FitOptions::default()
    };
    let result = fit(&Dataset::Continuous(data.clone()), 2, &options).unwrap();
    assert_eq!(result.statistics.rows, 513);
    let model = profiles(&result.model);
    let ll: f64 = (0..data.rows())
        .map(|i| {
            let scores: Vec<Option<f64>> = data
                .row(i)
                .iter()
                .map(|v| (!v.is_nan()).then_some(*v))
                .collect();
            let joint: Vec<f64> = model
                .classes
                .iter()
                .map(|c| {
                    c.share.ln() + profile_class_log_likelihood(&c.means, &c.variances, &scores)
                })
                .collect();
            log_sum_exp(&joint)
        })
        .sum();
    assert!((ll - result.statistics.log_likelihood).abs() < 1e-9);
    // Equal variances: 1 share + 2 x 4 means + 4 variances.
    assert_eq!(result.statistics.parameters, 13);
    // A one-class model is the sample mean and variance of the observed cells.
    let one = fit(&Dataset::Continuous(data.clone()), 1, &options).unwrap();
    let moments = data.column_moments();
    let class = &profiles(&one.model).classes[0];
    for (j, m) in moments.iter().enumerate() {
        let (mean, variance) = m.unwrap();
        assert!((class.means[j] - mean).abs() < 1e-9);
        assert!((class.variances[j] - variance).abs() < 1e-9);
    }
}

#[test]
fn same_seed_gives_the_same_fit_on_any_thread_count() {
    let data = Dataset::Continuous(common::continuous(
        "zegwaard_carecompass.csv",
        &["burdened", "trapped", "negaffect", "loneliness"],
    ));
    let run = |threads| {
        let options = FitOptions {
            starts: 6,
            seed: 3,
            threads,
            ..FitOptions::default()
        };
        fit(&data, 3, &options).unwrap()
    };
    assert_eq!(run(1), run(2));
}

#[test]
fn unusable_data_are_refused_with_where() {
    let constant = ContinuousData::new(2, vec![1.0, 2.0, 1.0, 3.0, 1.0, 4.0]).unwrap();
    assert_eq!(
        fit(&Dataset::Continuous(constant), 1, &FitOptions::default()),
        Err(EstimateError::NoVariance { column: 0 })
    );
    let small = ContinuousData::new(2, vec![1.0, 2.0, 2.0, 3.0, 1.5, 4.0, 3.0, 1.0]).unwrap();
    assert_eq!(
        fit(&Dataset::Continuous(small), 2, &FitOptions::default()),
        Err(EstimateError::TooFewRows {
            rows: 4,
            parameters: 7
        })
    );
    assert_eq!(
        ContinuousData::new(2, vec![1.0, f64::INFINITY]),
        Err(EstimateError::NonFiniteValue { row: 0, column: 1 })
    );
}

#[test]
fn per_class_variances_that_collapse_are_set_aside() {
    // Fifteen identical respondents far from a spread of others: with
    // per-class variances a class sits on the identical ones, where the
    // likelihood grows without bound. Those starts must be set aside, never
    // chosen as the solution.
    let mut values = vec![10.0; 15];
    values.extend((0..30).map(|i| f64::from(i) * 0.1));
    let column = ContinuousData::new(1, values).unwrap();
    let floor = 1e-6 * column.column_moments()[0].unwrap().1;
    let options = FitOptions {
        starts: 10,
        variances: VarianceKind::PerClass,
        ..FitOptions::default()
    };
    match fit(&Dataset::Continuous(column), 2, &options) {
        Err(EstimateError::AllStartsFailed {
            collapsed_variance, ..
        }) => assert!(collapsed_variance > 0),
        Ok(result) => {
            assert!(result.starts.collapsed_variance > 0);
            for class in &profiles(&result.model).classes {
                assert!(class.variances[0] > floor);
            }
        }
        Err(other) => panic!("unexpected error {other}"),
    }
}
