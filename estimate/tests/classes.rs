//! Latent class fits: recovery of known parameters from simulated data with
//! missing answers, Dirichlet smoothing, and data checks.

mod common;

use naastenmeter_core::instrument::{ClassModel, LatentClass, LatentModel};
use naastenmeter_estimate::{
    enumerate, enumeration_table, fit, simulate_categorical, CategoricalData, ClassOrder, Dataset,
    EstimateError, FitOptions, Rng,
};

fn truth() -> ClassModel {
    let class = |share: f64, p: [[f64; 3]; 4]| LatentClass {
        prototype: String::new(),
        share,
        probabilities: p.iter().map(|row| row.to_vec()).collect(),
    };
    ClassModel {
        items: vec!["a".into(), "b".into(), "c".into(), "d".into()],
        classes: vec![
            class(
                0.6,
                [
                    [0.8, 0.15, 0.05],
                    [0.7, 0.2, 0.1],
                    [0.75, 0.2, 0.05],
                    [0.6, 0.3, 0.1],
                ],
            ),
            class(
                0.4,
                [
                    [0.1, 0.2, 0.7],
                    [0.15, 0.25, 0.6],
                    [0.05, 0.25, 0.7],
                    [0.2, 0.3, 0.5],
                ],
            ),
        ],
    }
}

fn recover(rows: usize, seed: u64) {
    let truth = truth();
    let data = simulate_categorical(&truth, rows, 0.1, &mut Rng::new(seed)).unwrap();
    let options = FitOptions {
        starts: 5,
        tolerance: 1e-7,
        order: ClassOrder::ByColumn(0),
        ..FitOptions::default()
    };
    let result = fit(&Dataset::Categorical(data), 2, &options).unwrap();
    let LatentModel::Classes(model) = &result.model else {
        panic!("expected a class model");
    };
    for (got, want) in model.classes.iter().zip(&truth.classes) {
        let se = (want.share * (1.0 - want.share) / rows as f64).sqrt();
        assert!(
            (got.share - want.share).abs() < 4.0 * se,
            "{rows}: share {}",
            got.share
        );
        let n = rows as f64 * want.share * 0.9;
        for (g, w) in got.probabilities.iter().zip(&want.probabilities) {
            for (p, q) in g.iter().zip(w) {
                let se = (q * (1.0 - q) / n).sqrt();
                assert!(
                    (p - q).abs() < 4.0 * se + 0.01,
                    "{rows}: probability {p} vs {q}"
                );
            }
        }
    }
}

#[test]
fn recovers_classes_with_missing_answers() {
    recover(400, 21);
    recover(4_000, 22);
}

#[test]
fn smoothing_keeps_probabilities_off_zero() {
    // The two-class maximum for carcinoma has response probabilities on the
    // boundary (some pathologists never call a benign slide carcinoma).
    let data = Dataset::Categorical(common::categorical("carcinoma.csv"));
    let plain = fit(
        &data,
        2,
        &FitOptions {
            starts: 10,
            ..FitOptions::default()
        },
    )
    .unwrap();
    let smoothed = fit(
        &data,
        2,
        &FitOptions {
            starts: 10,
            smoothing: 1.0,
            ..FitOptions::default()
        },
    )
    .unwrap();
    let min_probability = |model: &LatentModel| match model {
        LatentModel::Classes(m) => m
            .classes
            .iter()
            .flat_map(|c| c.probabilities.iter().flatten())
            .copied()
            .fold(f64::INFINITY, f64::min),
        LatentModel::Profiles(_) => f64::NAN,
    };
    assert!(min_probability(&plain.model) < 1e-6);
    assert!(min_probability(&smoothed.model) > 1e-3);
    // Smoothing pulls away from the maximum, so the likelihood is lower.
    assert!(smoothed.statistics.log_likelihood < plain.statistics.log_likelihood);
}

#[test]
fn enumeration_table_lists_every_class_count() {
    let data = Dataset::Categorical(common::categorical("carcinoma.csv"));
    let options = FitOptions {
        starts: 10,
        ..FitOptions::default()
    };
    let mut seen = Vec::new();
    let fits = enumerate(&data, 1..=3, &options, |k| seen.push(k));
    assert_eq!(seen, [1, 2, 3]);
    let table = enumeration_table(&fits);
    assert_eq!(table.lines().count(), 4);
    assert!(table.contains("-317.2568"), "{table}");
}

#[test]
fn bad_answers_are_refused_with_where() {
    assert_eq!(
        CategoricalData::new(vec![2, 3], vec![0, 1, 2, 3]),
        Err(EstimateError::CategoryOutOfRange {
            row: 1,
            column: 0,
            category: 2,
            categories: 2
        })
    );
    let same = CategoricalData::new(vec![2, 2], vec![0, 1, 0, 0, 0, 1]).unwrap();
    assert_eq!(
        fit(&Dataset::Categorical(same), 1, &FitOptions::default()),
        Err(EstimateError::NoVariance { column: 0 })
    );
}
