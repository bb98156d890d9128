//! Latent class fits: recovery of known parameters from simulated data with
//! missing answers, Dirichlet smoothing, data checks, progress reports,
//! stable class order, the few-starts warning and thread independence.

mod common;

use std::sync::Mutex;

use naastenmeter_core::instrument::{ClassModel, LatentClass, LatentModel};
use naastenmeter_estimate::{
    enumerate, enumeration_table, fit, fit_with_progress, simulate_categorical, CategoricalData,
    ClassOrder, Dataset, EstimateError, FitOptions, Progress, Rng,
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
    let seen = Mutex::new(Vec::new());
    let fits = enumerate(&data, 1..=3, &options, &|p| {
        if let Progress::Fitting { classes, .. } = p {
            seen.lock().unwrap().push(classes);
        }
    });
    assert_eq!(*seen.lock().unwrap(), [1, 2, 3]);
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

#[test]
fn progress_reports_every_start_once() {
    let data = Dataset::Categorical(common::categorical("carcinoma.csv"));
    let options = FitOptions {
        starts: 7,
        threads: 2,
        ..FitOptions::default()
    };
    let events = Mutex::new(Vec::new());
    let result =
        fit_with_progress(&data, 2, &options, &|p| events.lock().unwrap().push(p)).unwrap();
    let events = events.into_inner().unwrap();
    assert_eq!(
        events[0],
        Progress::Fitting {
            classes: 2,
            starts: 7
        }
    );
    // Starts finish in any order on two threads, but the count rises by one
    // each time, and the iterations reported are those of the summary.
    let mut done: Vec<usize> = Vec::new();
    let mut iterations: Vec<usize> = Vec::new();
    for event in &events[1..] {
        match *event {
            Progress::StartDone {
                classes: 2,
                done: d,
                starts: 7,
                iterations: i,
            } => {
                done.push(d);
                iterations.push(i);
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(done, [1, 2, 3, 4, 5, 6, 7]);
    let mut summary = result.starts.iterations.clone();
    summary.sort_unstable();
    iterations.sort_unstable();
    assert_eq!(iterations, summary);
    assert!(summary.iter().all(|i| *i > 1));
}

#[test]
fn class_order_is_the_same_whichever_start_wins() {
    // Different seeds find the same solution with its classes in different
    // internal order; the written model must be the same.
    let data = Dataset::Categorical(common::categorical("carcinoma.csv"));
    let model = |seed, order| {
        let options = FitOptions {
            starts: 10,
            seed,
            order,
            ..FitOptions::default()
        };
        fit(&data, 3, &options).unwrap()
    };
    let shares = |f: &naastenmeter_estimate::Fit| f.statistics.shares.clone();
    let a = model(1, ClassOrder::LargestFirst);
    let b = model(7, ClassOrder::LargestFirst);
    assert!(
        shares(&a).windows(2).all(|w| w[0] >= w[1]),
        "{:?}",
        shares(&a)
    );
    for (x, y) in shares(&a).iter().zip(&shares(&b)) {
        assert!((x - y).abs() < 1e-6, "{:?} vs {:?}", shares(&a), shares(&b));
    }
    // By an item: the chance of answering "carcinoma" (category 2) on item
    // A rises from class to class.
    let c = model(3, ClassOrder::ByColumn(0));
    let LatentModel::Classes(m) = &c.model else {
        panic!("a latent class fit writes a class model")
    };
    let yes: Vec<f64> = m.classes.iter().map(|k| k.probabilities[0][1]).collect();
    assert!(yes.windows(2).all(|w| w[0] <= w[1]), "{yes:?}");
}

#[test]
fn few_starts_at_the_best_give_a_warning() {
    let data = Dataset::Categorical(common::categorical("carcinoma.csv"));
    let one = FitOptions {
        starts: 1,
        ..FitOptions::default()
    };
    let fit1 = fit(&data, 3, &one).unwrap();
    assert!(
        fit1.warnings()
            .iter()
            .any(|w| w.contains("only 1 of 1 starts reached the best")),
        "{:?}",
        fit1.warnings()
    );
    let many = FitOptions {
        starts: 20,
        ..FitOptions::default()
    };
    let fit20 = fit(&data, 2, &many).unwrap();
    assert!(fit20.starts.reached_best >= 2);
    assert!(fit20.warnings().is_empty(), "{:?}", fit20.warnings());
}

#[test]
fn same_seed_gives_the_same_class_fit_on_one_or_two_threads() {
    let data = Dataset::Categorical(common::categorical("values.csv"));
    let run = |threads| {
        let options = FitOptions {
            starts: 6,
            threads,
            ..FitOptions::default()
        };
        fit(&data, 2, &options).unwrap()
    };
    assert_eq!(run(1), run(2));
}

#[test]
fn negative_tolerance_runs_every_iteration() {
    // For timing a fixed amount of work: no start ends early, not even on a
    // rounding-sized fall of the log-likelihood at the maximum.
    let data = Dataset::Categorical(common::categorical("carcinoma.csv"));
    let options = FitOptions {
        starts: 3,
        max_iterations: 300,
        tolerance: -1.0,
        ..FitOptions::default()
    };
    let result = fit(&data, 2, &options).unwrap();
    assert_eq!(result.starts.iterations, [300, 300, 300]);
    assert_eq!(result.starts.converged, 0);
    let infinite = FitOptions {
        tolerance: f64::NEG_INFINITY,
        ..options
    };
    assert!(matches!(
        fit(&data, 2, &infinite),
        Err(EstimateError::BadOption {
            option: "tolerance",
            ..
        })
    ));
}

#[test]
fn large_data_split_over_threads_give_the_same_fit() {
    // Above two chunks of rows every start splits its respondents over the
    // threads; the chunks are fixed, so the sums (and the fit) are the same
    // bit for bit on one thread or two.
    let mut rng = Rng::new(11);
    // Sixteen items of three categories: nearly every row is its own answer
    // pattern, so EM visits all 20,000 rows.
    let mut wide = truth();
    for class in &mut wide.classes {
        let items = class.probabilities.clone();
        class.probabilities = items.iter().cycle().take(16).cloned().collect();
    }
    wide.items = (0..16).map(|j| format!("i{j}")).collect();
    let data = simulate_categorical(&wide, 20_000, 0.1, &mut rng).unwrap();
    let data = Dataset::Categorical(data);
    let run = |threads| {
        let options = FitOptions {
            starts: 2,
            max_iterations: 30,
            threads,
            ..FitOptions::default()
        };
        fit(&data, 2, &options).unwrap()
    };
    let (one, two) = (run(1), run(2));
    assert_eq!(one, two);
    assert_eq!(one.statistics.rows, 20_000);
}
