//! The default instrument's prototype model is reproducible: refitting the
//! 4-class equal-variance latent profile model on the public
//! zegwaard_carecompass data gives the parameters shipped in
//! `instruments/naastenmeter-v1.json`, and the same typicality rule.

mod common;

use naastenmeter_core::instrument::{LatentModel, VarianceKind};
use naastenmeter_core::load_instrument;
use naastenmeter_estimate::{fit, Dataset, FitOptions};

const DEFAULT_INSTRUMENT: &str = include_str!("../../instruments/naastenmeter-v1.json");

#[test]
fn refitting_gives_the_shipped_default_model() {
    let data = Dataset::Continuous(common::continuous(
        "zegwaard_carecompass.csv",
        &["burdened", "trapped", "negaffect", "loneliness"],
    ));
    let options = FitOptions {
        starts: 40,
        seed: 1,
        variances: VarianceKind::Equal,
        ..FitOptions::default()
    };
    let result = fit(&data, 4, &options).unwrap();
    // The best log-likelihood over many starts (docs/zegwaard-fit.md).
    assert!((result.statistics.log_likelihood - -1916.2535).abs() < 1e-3);
    let LatentModel::Profiles(refit) = &result.model else {
        panic!("a profile model");
    };

    let instrument = load_instrument(DEFAULT_INSTRUMENT.as_bytes()).unwrap();
    // The typicality rule follows from the same data (all four scales
    // needed, 97.5% kept): the shipped one is the refit's.
    let typicality = &instrument.model.typicality;
    assert_eq!(typicality.min_inputs, 4);
    assert_eq!(typicality.target_share, 0.975);
    assert!(
        (typicality.threshold - result.typicality.threshold).abs() < 1e-6,
        "threshold {} vs refit {}",
        typicality.threshold,
        result.typicality.threshold
    );
    assert_eq!(typicality.typical_share, result.typicality.typical_share);
    let LatentModel::Profiles(shipped) = &instrument.model.latent else {
        panic!("the default instrument has a profile model");
    };
    assert_eq!(shipped.variances, VarianceKind::Equal);
    assert_eq!(shipped.classes.len(), 4);
    // Classes may come out in another order; match each shipped class with
    // the refitted class nearest in means.
    for class in &shipped.classes {
        let nearest = refit
            .classes
            .iter()
            .min_by(|a, b| {
                let d = |c: &naastenmeter_core::instrument::ProfileClass| -> f64 {
                    c.means
                        .iter()
                        .zip(&class.means)
                        .map(|(x, y)| (x - y).powi(2))
                        .sum()
                };
                d(a).total_cmp(&d(b))
            })
            .unwrap();
        for (x, y) in nearest.means.iter().zip(&class.means) {
            assert!(
                (x - y).abs() < 1e-4,
                "{}: mean {x} vs shipped {y}",
                class.prototype
            );
        }
        for (x, y) in nearest.variances.iter().zip(&class.variances) {
            assert!(
                (x - y).abs() < 1e-4,
                "{}: variance {x} vs shipped {y}",
                class.prototype
            );
        }
        assert!(
            (nearest.share - class.share).abs() < 1e-4,
            "{}: share",
            class.prototype
        );
    }
}
