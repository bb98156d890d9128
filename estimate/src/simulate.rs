//! Drawing data from a known model: for recovery tests and for the
//! bootstrap likelihood-ratio test.

use alloc::vec::Vec;

use naastenmeter_core::instrument::{ClassModel, ProfileModel};

use crate::data::{CategoricalData, ContinuousData, MISSING_CATEGORY};
use crate::error::EstimateError;
use crate::rng::Rng;

/// Draws `rows` respondents from a latent profile model; each value is then
/// missing with probability `missing`.
pub fn simulate_continuous(
    model: &ProfileModel,
    rows: usize,
    missing: f64,
    rng: &mut Rng,
) -> Result<ContinuousData, EstimateError> {
    let shares: Vec<f64> = model.classes.iter().map(|c| c.share).collect();
    let columns = model.scales.len();
    let mut values = Vec::with_capacity(rows * columns);
    for _ in 0..rows {
        let class = &model.classes[rng.choose(&shares)];
        for j in 0..columns {
            let x = class.means[j] + libm::sqrt(class.variances[j]) * rng.normal();
            values.push(if rng.uniform() < missing { f64::NAN } else { x });
        }
    }
    ContinuousData::new(columns, values)
}

/// Draws `rows` respondents from a latent class model; each answer is then
/// missing with probability `missing`.
pub fn simulate_categorical(
    model: &ClassModel,
    rows: usize,
    missing: f64,
    rng: &mut Rng,
) -> Result<CategoricalData, EstimateError> {
    let shares: Vec<f64> = model.classes.iter().map(|c| c.share).collect();
    let categories: Vec<u8> = model
        .classes
        .first()
        .map(|c| {
            c.probabilities
                .iter()
                .map(|p| u8::try_from(p.len()).unwrap_or(u8::MAX))
                .collect()
        })
        .unwrap_or_default();
    let mut codes = Vec::with_capacity(rows * categories.len());
    for _ in 0..rows {
        let class = &model.classes[rng.choose(&shares)];
        for probabilities in &class.probabilities {
            let code = rng.choose(probabilities) as u8;
            codes.push(if rng.uniform() < missing {
                MISSING_CATEGORY
            } else {
                code
            });
        }
    }
    CategoricalData::new(categories, codes)
}

/// Makes the cells missing that are missing in `pattern` (same shape), so a
/// bootstrap sample has the data's own missingness.
pub(crate) fn mask_like_continuous(
    sample: &ContinuousData,
    pattern: &ContinuousData,
) -> Result<ContinuousData, EstimateError> {
    let values = sample
        .values()
        .iter()
        .zip(pattern.values())
        .map(|(v, p)| if p.is_nan() { f64::NAN } else { *v })
        .collect();
    ContinuousData::new(sample.columns(), values)
}

/// As [`mask_like_continuous`], for answers.
pub(crate) fn mask_like_categorical(
    sample: &CategoricalData,
    pattern: &CategoricalData,
) -> Result<CategoricalData, EstimateError> {
    let codes = sample
        .codes()
        .iter()
        .zip(pattern.codes())
        .map(|(c, p)| {
            if *p == MISSING_CATEGORY {
                MISSING_CATEGORY
            } else {
                *c
            }
        })
        .collect();
    CategoricalData::new(sample.categories().to_vec(), codes)
}
