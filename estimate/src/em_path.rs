//! The log-likelihood path of EM, recorded once and compared ever after.
//!
//! `estimate/tests/data/em_path.txt` holds the log-likelihood of every
//! accepted step of a few starts (plain EM and SQUAREM, latent classes and
//! profiles, real and simulated data), written by the code before the EM
//! loops were rewritten for speed (issue 17). A faster loop must walk the
//! same path: every value within 1e-9 relative, and the very same bits on
//! 1 and 2 threads (fixed row chunks, summed in chunk order).
//!
//! To record the path again (only when a change of the path is intended):
//! `EM_PATH_RECORD=1 cargo test -p naastenmeter-estimate em_path`.

use alloc::string::String;
use alloc::vec::Vec;

use naastenmeter_core::instrument::{
    ClassModel, LatentClass, ProfileClass, ProfileModel, VarianceKind,
};

use crate::classes::ClassEngine;
use crate::data::{CategoricalData, ContinuousData};
use crate::engine::Engine;
use crate::fit::{run_start, Accelerator, FitOptions};
use crate::parallel::Pool;
use crate::profiles::ProfileEngine;
use crate::rng::Rng;
use crate::simulate::{simulate_categorical, simulate_continuous};

/// A poLCA example data set (items coded 1..K, no missing cells).
fn polca_csv(text: &str) -> CategoricalData {
    let rows: Vec<Vec<u8>> = text
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split(',').map(|c| c.trim().parse().unwrap()).collect())
        .collect();
    let items = rows[0].len();
    let categories = (0..items)
        .map(|j| rows.iter().map(|r| r[j]).max().unwrap())
        .collect();
    let codes = rows.iter().flatten().map(|c| c - 1).collect();
    CategoricalData::new(categories, codes).unwrap()
}

/// 10,000 simulated respondents (more than two row chunks, no repeated
/// patterns to compress), items with 2 to 5 categories, 5 % missing.
fn synthetic_classes() -> CategoricalData {
    let mut rng = Rng::new(17);
    let categories = [2usize, 3, 4, 5, 3, 5, 2, 4, 5, 3, 4, 5];
    let classes = (0..4)
        .map(|k| LatentClass {
            prototype: alloc::format!("c{k}"),
            share: [0.4, 0.3, 0.2, 0.1][k],
            probabilities: categories
                .iter()
                .map(|&c| {
                    let w: Vec<f64> = (0..c).map(|_| rng.uniform().powi(3) + 0.01).collect();
                    let s: f64 = w.iter().sum();
                    w.iter().map(|x| x / s).collect()
                })
                .collect(),
        })
        .collect();
    let model = ClassModel {
        items: (0..categories.len())
            .map(|j| alloc::format!("i{j}"))
            .collect(),
        classes,
    };
    simulate_categorical(&model, 10_000, 0.05, &mut rng).unwrap()
}

/// 10,000 simulated respondents on 4 scales, 3 classes, 5 % missing.
fn synthetic_profiles() -> ContinuousData {
    let mut rng = Rng::new(18);
    let model = ProfileModel {
        scales: (0..4).map(|j| alloc::format!("s{j}")).collect(),
        variances: VarianceKind::PerClass,
        classes: (0..3)
            .map(|k| ProfileClass {
                prototype: alloc::format!("p{k}"),
                share: [0.5, 0.3, 0.2][k],
                means: (0..4).map(|j| ((j + k) % 3) as f64 * 1.5).collect(),
                variances: (0..4).map(|j| 0.5 + 0.25 * ((j * k) % 3) as f64).collect(),
            })
            .collect(),
    };
    simulate_continuous(&model, 10_000, 0.05, &mut rng).unwrap()
}

/// The accepted log-likelihoods of `starts` starts, each preceded by a
/// marker `NaN` so that starts of different lengths cannot be confused.
fn path<E: Engine>(
    engine: &E,
    classes: usize,
    starts: u64,
    accelerator: Accelerator,
    iterations: usize,
    threads: usize,
) -> Vec<f64> {
    let options = FitOptions {
        max_iterations: iterations,
        accelerator,
        ..FitOptions::default()
    };
    let pool = Pool::new(threads);
    let mut lls = Vec::new();
    for start in 0..starts {
        lls.push(f64::NAN);
        let mut rng = Rng::stream(5, ((classes as u64) << 32) | start);
        let result = run_start(
            engine,
            classes,
            &mut rng,
            None,
            &options,
            &pool,
            &mut |ll| lls.push(ll),
        );
        lls.push(result.outcome.unwrap_or(f64::NEG_INFINITY));
    }
    lls
}

/// Every case: a name and its path, computed on `threads` threads.
fn paths(threads: usize) -> Vec<(String, Vec<f64>)> {
    let mut out = Vec::new();
    let carcinoma = polca_csv(include_str!("../../tests/data/carcinoma.csv"));
    let values = polca_csv(include_str!("../../tests/data/values.csv"));
    let classes = synthetic_classes();
    let profiles = synthetic_profiles();
    for (name, accelerator) in [("em", Accelerator::None), ("squarem", Accelerator::Squarem)] {
        let engine = ClassEngine::new(&carcinoma, 0.0, 1.0);
        out.push((
            alloc::format!("carcinoma-4-{name}"),
            path(&engine, 4, 4, accelerator, 400, threads),
        ));
        let engine = ClassEngine::new(&values, 0.0, 1.0);
        out.push((
            alloc::format!("values-3-{name}"),
            path(&engine, 3, 3, accelerator, 300, threads),
        ));
        let engine = ClassEngine::new(&classes, 0.0, 1.0);
        for k in [3, 4, 5] {
            out.push((
                alloc::format!("synthetic-classes-{k}-{name}"),
                path(&engine, k, 1, accelerator, 25, threads),
            ));
        }
        let engine = ClassEngine::new(&classes, 0.5, 1.0);
        out.push((
            alloc::format!("synthetic-classes-smoothed-4-{name}"),
            path(&engine, 4, 1, accelerator, 20, threads),
        ));
        let moments: Vec<(f64, f64)> = profiles.column_moments().into_iter().flatten().collect();
        for (kind, variances) in [
            ("equal", VarianceKind::Equal),
            ("per-class", VarianceKind::PerClass),
        ] {
            let engine = ProfileEngine::new(&profiles, variances, moments.clone(), 1e-6, 1.0);
            out.push((
                alloc::format!("synthetic-profiles-{kind}-3-{name}"),
                path(&engine, 3, 1, accelerator, 25, threads),
            ));
        }
    }
    out
}

fn format_paths(paths: &[(String, Vec<f64>)]) -> String {
    let mut text = String::new();
    for (name, lls) in paths {
        text.push_str(name);
        for ll in lls {
            text.push_str(&alloc::format!(" {ll:?}"));
        }
        text.push('\n');
    }
    text
}

#[test]
fn em_path_is_the_recorded_one_on_one_and_two_threads() {
    let one = paths(1);
    let two = paths(2);
    // Fixed chunks summed in chunk order: the same bits on any thread count.
    assert_eq!(format_paths(&one), format_paths(&two));
    if std::env::var_os("EM_PATH_RECORD").is_some() {
        let file = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/em_path.txt");
        std::fs::write(file, format_paths(&one)).unwrap();
        return;
    }
    let recorded = include_str!("../tests/data/em_path.txt");
    let mut lines = recorded.lines();
    for (name, lls) in &one {
        let line = lines
            .next()
            .unwrap_or_else(|| panic!("{name}: not recorded"));
        let mut fields = line.split(' ');
        assert_eq!(fields.next(), Some(name.as_str()));
        let expected: Vec<f64> = fields.map(|f| f.parse().unwrap()).collect();
        assert_eq!(expected.len(), lls.len(), "{name}: path length");
        for (i, (e, got)) in expected.iter().zip(lls).enumerate() {
            let same =
                (e.is_nan() && got.is_nan()) || e == got || (got - e).abs() <= 1e-9 * e.abs();
            assert!(same, "{name}, entry {i}: recorded {e}, now {got}");
        }
    }
    assert!(lines.next().is_none(), "recorded cases no longer run");
}
