//! The bootstrap likelihood-ratio test (McLachlan 1987; Nylund, Asparouhov
//! and Muthén 2007) of `k - 1` against `k` classes.
//!
//! The likelihood-ratio statistic of nested mixtures has no chi-square
//! distribution, so its distribution under `k - 1` classes is drawn:
//! samples of the data's size (and missingness) are simulated from the
//! fitted `k - 1` class model, both models are fitted to each, and the
//! p-value is the share of samples whose statistic reaches the observed one.

use alloc::vec::Vec;

use crate::data::Dataset;
use crate::error::EstimateError;
use crate::fit::{fit, Fit, FitOptions};
use crate::rng::Rng;
use crate::simulate::{
    mask_like_categorical, mask_like_continuous, simulate_categorical, simulate_continuous,
};
use naastenmeter_core::instrument::LatentModel;

/// The outcome of a bootstrap likelihood-ratio test.
#[derive(Debug, Clone, PartialEq)]
pub struct BootstrapTest {
    /// Classes of the smaller model.
    pub smaller: usize,
    /// Classes of the larger model.
    pub larger: usize,
    /// Observed statistic, `2 (LL_larger - LL_smaller)`.
    pub statistic: f64,
    /// Bootstrap samples whose fits succeeded.
    pub replicates: usize,
    /// `(1 + samples with a statistic at least the observed) / (1 + replicates)`.
    pub p_value: f64,
}

/// Tests the fitted `smaller` model against the fitted `larger` one on
/// `data` with `replicates` bootstrap samples, each fitted with `options`
/// (fewer starts than the main fit usually suffice). Samples whose fits
/// fail are skipped.
pub fn bootstrap_lrt(
    data: &Dataset,
    smaller: &Fit,
    larger: &Fit,
    replicates: usize,
    options: &FitOptions,
) -> Result<BootstrapTest, EstimateError> {
    let statistic = 2.0 * (larger.statistics.log_likelihood - smaller.statistics.log_likelihood);
    let (k0, k1) = (smaller.statistics.classes, larger.statistics.classes);
    let mut exceed = 0usize;
    let mut done = 0usize;
    for b in 0..replicates {
        let mut rng = Rng::stream(options.seed ^ 0xB007_5712, b as u64);
        let sample = match (data, &smaller.model) {
            (Dataset::Continuous(d), LatentModel::Profiles(m)) => {
                let s = simulate_continuous(m, d.rows(), 0.0, &mut rng)?;
                Dataset::Continuous(mask_like_continuous(&s, d)?)
            }
            (Dataset::Categorical(d), LatentModel::Classes(m)) => {
                let s = simulate_categorical(m, d.rows(), 0.0, &mut rng)?;
                Dataset::Categorical(mask_like_categorical(&s, d)?)
            }
            _ => {
                return Err(EstimateError::BadOption {
                    option: "smaller",
                    allowed: "a model of the data's kind",
                })
            }
        };
        // Bootstrap samples always start at random: given starting values
        // belong to the original fit (and to one class count).
        let seeded = FitOptions {
            seed: options.seed.wrapping_add(b as u64 + 1),
            start_values: Vec::new(),
            ..options.clone()
        };
        let (Ok(f0), Ok(f1)) = (fit(&sample, k0, &seeded), fit(&sample, k1, &seeded)) else {
            continue;
        };
        done += 1;
        if 2.0 * (f1.statistics.log_likelihood - f0.statistics.log_likelihood) >= statistic {
            exceed += 1;
        }
    }
    Ok(BootstrapTest {
        smaller: k0,
        larger: k1,
        statistic,
        replicates: done,
        p_value: (1 + exceed) as f64 / (1 + done) as f64,
    })
}
