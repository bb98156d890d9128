//! Latent class fits against poLCA 1.6's reference fits of its own example
//! data (carcinoma and values, `tests/data/README.md`): log-likelihood to
//! 1e-3, parameter count and BIC exactly (to the four decimals published),
//! class shares to 1e-3, relative entropy where published.

mod common;

use naastenmeter_estimate::{fit, Accelerator, Dataset, FitOptions};

/// One reference fit: classes, log-likelihood, npar, BIC, shares (largest
/// first; empty where the shares are not identified), relative entropy if
/// published.
type Reference = (usize, f64, usize, f64, &'static [f64], Option<f64>);

const CARCINOMA: &[Reference] = &[
    (1, -524.4648, 7, 1082.3244, &[1.0], None),
    (2, -317.2568, 15, 706.0739, &[0.5012, 0.4988], Some(0.9855)),
    (
        3,
        -293.7050,
        23,
        697.1357,
        &[0.4447, 0.3736, 0.1817],
        Some(0.9257),
    ),
    (
        4,
        -289.2858,
        31,
        726.4629,
        &[0.3751, 0.3430, 0.1882, 0.0936],
        None,
    ),
];

const VALUES: &[Reference] = &[
    (1, -543.6498, 4, 1108.8008, &[1.0], None),
    (2, -504.4677, 9, 1057.3128, &[0.7208, 0.2792], Some(0.7193)),
    // Three classes on four yes/no items are not identified (Goodman 1974):
    // the maximum is a ridge on which every start ends at the same
    // log-likelihood with different shares; poLCA's 0.6234 / 0.2060 / 0.1705
    // is one point on it. `values_three_classes_form_a_ridge` checks that.
    (3, -503.3011, 14, 1081.8562, &[], None),
];

fn check(name: &str, references: &[Reference]) {
    // SQUAREM (the default) and plain EM, poLCA's algorithm, must both
    // reach poLCA's maximum.
    for accelerator in [Accelerator::Squarem, Accelerator::None] {
        check_with(name, references, accelerator);
    }
}

fn check_with(name: &str, references: &[Reference], accelerator: Accelerator) {
    let data = Dataset::Categorical(common::categorical(name));
    let options = FitOptions {
        starts: 30,
        seed: 7,
        accelerator,
        ..FitOptions::default()
    };
    for &(classes, ll, npar, bic, shares, entropy) in references {
        let result = fit(&data, classes, &options).unwrap();
        let s = &result.statistics;
        assert!(
            (s.log_likelihood - ll).abs() < 1e-3,
            "{name} {classes} classes, {accelerator:?}: LL {} instead of {ll}",
            s.log_likelihood
        );
        assert_eq!(s.parameters, npar, "{name} {classes} classes: npar");
        // The published BIC has four decimals; LL agrees to 1e-3 at worst,
        // so BIC agrees to 2e-3 at worst, and is checked from the exact LL.
        assert!(
            (s.bic - bic).abs() < 2e-3,
            "{name} {classes}: BIC {} instead of {bic}",
            s.bic
        );
        let expected_bic = -2.0 * s.log_likelihood + npar as f64 * (s.rows as f64).ln();
        assert!((s.bic - expected_bic).abs() < 1e-9);
        for (got, want) in s.shares.iter().zip(shares) {
            assert!(
                (got - want).abs() < 1e-3,
                "{name} {classes} classes: shares {:?} instead of {shares:?}",
                s.shares
            );
        }
        if let Some(e) = entropy {
            let got = s.entropy.unwrap();
            assert!(
                (got - e).abs() < 1e-3,
                "{name} {classes}: entropy {got} instead of {e}"
            );
        }
        assert!(result.starts.reached_best >= 1);
    }
}

#[test]
fn carcinoma_matches_polca() {
    check("carcinoma.csv", CARCINOMA);
}

#[test]
fn values_matches_polca() {
    check("values.csv", VALUES);
}

#[test]
fn values_three_classes_form_a_ridge() {
    // Different seeds reach the same log-likelihood with shares that differ
    // by far more than the tolerance: the shares are not identified, so
    // matching poLCA's shares to 1e-3 would only test the path EM took.
    let data = Dataset::Categorical(common::categorical("values.csv"));
    let solutions: Vec<_> = [1, 2, 3, 4]
        .iter()
        .map(|seed| {
            let options = FitOptions {
                starts: 5,
                seed: *seed,
                ..FitOptions::default()
            };
            fit(&data, 3, &options).unwrap().statistics
        })
        .collect();
    let first = &solutions[0];
    assert!(solutions
        .iter()
        .all(|s| (s.log_likelihood - first.log_likelihood).abs() < 1e-4));
    let spread = solutions
        .iter()
        .map(|s| s.shares[0])
        .fold(f64::NEG_INFINITY, f64::max)
        - solutions
            .iter()
            .map(|s| s.shares[0])
            .fold(f64::INFINITY, f64::min);
    assert!(spread > 1e-3, "the largest share varies by {spread} only");
}

#[test]
fn squarem_cuts_the_iterations_of_slow_starts() {
    // Three classes on `values` (a ridge) and four on carcinoma: with plain
    // EM most starts crawl to the iteration limit. SQUAREM reaches the same
    // log-likelihood in far fewer EM steps, and more starts converge.
    for (name, classes) in [("values.csv", 3), ("carcinoma.csv", 4)] {
        let data = Dataset::Categorical(common::categorical(name));
        let run = |accelerator| {
            let options = FitOptions {
                starts: 10,
                max_iterations: 1000,
                accelerator,
                ..FitOptions::default()
            };
            fit(&data, classes, &options).unwrap()
        };
        let (plain, squarem) = (run(Accelerator::None), run(Accelerator::Squarem));
        let steps = |f: &naastenmeter_estimate::Fit| f.starts.iterations.iter().sum::<usize>();
        assert!(
            2 * steps(&squarem) < steps(&plain),
            "{name}: {} EM steps with SQUAREM, {} without",
            steps(&squarem),
            steps(&plain)
        );
        assert!(squarem.starts.converged >= plain.starts.converged);
        assert!(
            (squarem.statistics.log_likelihood - plain.statistics.log_likelihood).abs() < 1e-3,
            "{name}: {} vs {}",
            squarem.statistics.log_likelihood,
            plain.statistics.log_likelihood
        );
    }
}
