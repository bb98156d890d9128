//! Reliability tools for questionnaire developers: Cronbach's alpha (with
//! alpha if an item is dropped), item-rest correlations, the intraclass
//! correlation ICC(2,1) for test-retest agreement of scale scores, and
//! Cohen's kappa for the prototype assigned at two measurements.
//!
//! Alpha and the item statistics use the respondents who answered every
//! item of the scale (listwise, as SPSS and R's `psych::alpha` by default
//! with complete data); ICC uses the respondents measured every time.

use alloc::vec;
use alloc::vec::Vec;

use crate::data::ContinuousData;
use crate::error::EstimateError;

/// Reliability of one scale.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleReliability {
    /// Respondents with every item answered (the ones used).
    pub rows_used: usize,
    /// Cronbach's alpha, `k / (k - 1) * (1 - sum(item variances) / variance(total))`.
    pub alpha: f64,
    /// Alpha of the scale without each item, in item order (NaN for a scale
    /// of two items, where one item is left).
    pub alpha_if_dropped: Vec<f64>,
    /// Correlation of each item with the sum of the other items.
    pub item_rest: Vec<f64>,
}

/// Cronbach's alpha, alpha if dropped and item-rest correlations of a scale
/// whose items are the columns of `items` (NaN = missing).
pub fn scale_reliability(items: &ContinuousData) -> Result<ScaleReliability, EstimateError> {
    let k = items.columns();
    if k < 2 {
        return Err(EstimateError::BadOption {
            option: "items",
            allowed: "at least two items per scale",
        });
    }
    let complete: Vec<&[f64]> = (0..items.rows())
        .map(|i| items.row(i))
        .filter(|row| row.iter().all(|v| !v.is_nan()))
        .collect();
    if complete.len() < 3 {
        return Err(EstimateError::TooFewRows {
            rows: complete.len(),
            parameters: 3,
        });
    }
    let covariance = covariance_matrix(&complete, k);
    for (j, row) in covariance.iter().enumerate() {
        if row[j] <= 0.0 {
            return Err(EstimateError::NoVariance { column: j });
        }
    }
    let covariance = &covariance;
    let alpha_of = |keep: &dyn Fn(usize) -> bool| -> f64 {
        let chosen: Vec<usize> = (0..k).filter(|j| keep(*j)).collect();
        let m = chosen.len() as f64;
        if chosen.len() < 2 {
            return f64::NAN;
        }
        let item_variance: f64 = chosen.iter().map(|j| covariance[*j][*j]).sum();
        let total_variance: f64 = chosen
            .iter()
            .flat_map(|a| chosen.iter().map(move |b| covariance[*a][*b]))
            .sum();
        m / (m - 1.0) * (1.0 - item_variance / total_variance)
    };
    let alpha = alpha_of(&|_| true);
    let alpha_if_dropped = (0..k).map(|d| alpha_of(&|j| j != d)).collect();
    let item_rest = (0..k)
        .map(|d| {
            // cov(item, rest) and var(rest) from the covariance matrix.
            let cov: f64 = (0..k).filter(|j| *j != d).map(|j| covariance[d][j]).sum();
            let rest_variance: f64 = (0..k)
                .filter(|a| *a != d)
                .flat_map(|a| (0..k).filter(|b| *b != d).map(move |b| (a, b)))
                .map(|(a, b)| covariance[a][b])
                .sum();
            cov / libm::sqrt(covariance[d][d] * rest_variance)
        })
        .collect();
    Ok(ScaleReliability {
        rows_used: complete.len(),
        alpha,
        alpha_if_dropped,
        item_rest,
    })
}

/// ICC(2,1) of Shrout and Fleiss (1979): two-way random effects, absolute
/// agreement, single measurement. Each column of `measurements` is one
/// occasion (test, retest) of the same respondents; rows with a missing
/// value are left out.
pub fn icc_2_1(measurements: &ContinuousData) -> Result<f64, EstimateError> {
    let k = measurements.columns();
    if k < 2 {
        return Err(EstimateError::BadOption {
            option: "measurements",
            allowed: "at least two measurements per respondent",
        });
    }
    let rows: Vec<&[f64]> = (0..measurements.rows())
        .map(|i| measurements.row(i))
        .filter(|row| row.iter().all(|v| !v.is_nan()))
        .collect();
    let n = rows.len();
    if n < 2 {
        return Err(EstimateError::TooFewRows {
            rows: n,
            parameters: 2,
        });
    }
    let (nf, kf) = (n as f64, k as f64);
    let grand = rows.iter().flat_map(|r| r.iter()).sum::<f64>() / (nf * kf);
    let mut column_means = vec![0.0; k];
    for row in &rows {
        column_means
            .iter_mut()
            .zip(*row)
            .for_each(|(m, v)| *m += v / nf);
    }
    let mut ss_rows = 0.0;
    let mut ss_total = 0.0;
    for row in &rows {
        let mean = row.iter().sum::<f64>() / kf;
        ss_rows += kf * (mean - grand) * (mean - grand);
        ss_total += row.iter().map(|v| (v - grand) * (v - grand)).sum::<f64>();
    }
    let ss_columns: f64 = column_means
        .iter()
        .map(|m| nf * (m - grand) * (m - grand))
        .sum();
    let ss_error = ss_total - ss_rows - ss_columns;
    let ms_rows = ss_rows / (nf - 1.0);
    let ms_columns = ss_columns / (kf - 1.0);
    let ms_error = ss_error / ((nf - 1.0) * (kf - 1.0));
    let denominator = ms_rows + (kf - 1.0) * ms_error + kf * (ms_columns - ms_error) / nf;
    if denominator <= 0.0 {
        return Err(EstimateError::NoVariance { column: 0 });
    }
    Ok((ms_rows - ms_error) / denominator)
}

/// Cohen's kappa for two assignments of the same respondents to
/// `categories` categories (for example the prototype at test and retest):
/// `(p_observed - p_chance) / (1 - p_chance)`. Pairs with a category at or
/// above `categories` are an error; pairs with a missing assignment
/// (`None`) are left out.
pub fn cohen_kappa(
    first: &[Option<usize>],
    second: &[Option<usize>],
    categories: usize,
) -> Result<f64, EstimateError> {
    if first.len() != second.len() {
        return Err(EstimateError::RaggedData {
            values: second.len(),
            columns: first.len(),
        });
    }
    let mut table = vec![0.0; categories * categories];
    let mut n = 0.0;
    for (row, (a, b)) in first.iter().zip(second).enumerate() {
        let (Some(a), Some(b)) = (a, b) else { continue };
        if *a >= categories || *b >= categories {
            return Err(EstimateError::CategoryOutOfRange {
                row,
                column: usize::from(*a < categories),
                category: u8::try_from((*a).max(*b)).unwrap_or(u8::MAX),
                categories: u8::try_from(categories).unwrap_or(u8::MAX),
            });
        }
        table[a * categories + b] += 1.0;
        n += 1.0;
    }
    if n < 1.0 {
        return Err(EstimateError::NoData);
    }
    let observed: f64 = (0..categories)
        .map(|c| table[c * categories + c])
        .sum::<f64>()
        / n;
    let chance: f64 = (0..categories)
        .map(|c| {
            let row: f64 = (0..categories).map(|d| table[c * categories + d]).sum();
            let column: f64 = (0..categories).map(|d| table[d * categories + c]).sum();
            row * column / (n * n)
        })
        .sum();
    if chance >= 1.0 {
        // Both measurements put everyone in one and the same category.
        return Err(EstimateError::NoVariance { column: 0 });
    }
    Ok((observed - chance) / (1.0 - chance))
}

fn covariance_matrix(rows: &[&[f64]], k: usize) -> Vec<Vec<f64>> {
    let n = rows.len() as f64;
    let mut means = vec![0.0; k];
    for row in rows {
        means.iter_mut().zip(*row).for_each(|(m, v)| *m += v / n);
    }
    let mut covariance = vec![vec![0.0; k]; k];
    for row in rows {
        for a in 0..k {
            for b in 0..k {
                covariance[a][b] += (row[a] - means[a]) * (row[b] - means[b]) / (n - 1.0);
            }
        }
    }
    covariance
}
