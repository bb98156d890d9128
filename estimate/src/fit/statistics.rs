//! The statistics of a solution (log-likelihood, information criteria,
//! entropy, class sizes and how clearly respondents are assigned),
//! recomputed respondent by respondent with the classifier's own
//! likelihood functions rather than taken from EM's sums.

use alloc::vec;
use alloc::vec::Vec;

use naastenmeter_core::instrument::LatentModel;
use naastenmeter_core::likelihood::{normalise_posterior, profile_class_log_likelihood};

use crate::data::{scores, Dataset};
use crate::typicality::ClassLogs;

/// Fit statistics of a solution.
#[derive(Debug, Clone, PartialEq)]
pub struct FitStatistics {
    /// Number of classes.
    pub classes: usize,
    /// Number of respondents (every row counts, also with missing cells).
    pub rows: usize,
    /// Log-likelihood.
    pub log_likelihood: f64,
    /// Number of free parameters.
    pub parameters: usize,
    /// Akaike information criterion, `-2 LL + 2 p`.
    pub aic: f64,
    /// Bayesian information criterion, `-2 LL + p ln N`.
    pub bic: f64,
    /// Sample-size-adjusted BIC, `-2 LL + p ln((N + 2) / 24)`.
    pub sabic: f64,
    /// Relative entropy, `1 - sum(-p ln p) / (N ln K)`; `None` for one class.
    pub entropy: Option<f64>,
    /// Class shares (model parameters), in class order.
    pub shares: Vec<f64>,
    /// Respondents assigned to each class by their highest posterior.
    pub assigned: Vec<usize>,
    /// Average posterior probability of the assigned class among the
    /// respondents assigned to each class (NaN when none is).
    pub average_posterior: Vec<f64>,
}

/// Statistics of a model on data, computed respondent by respondent with
/// the classifier's likelihood functions (for latent classes the same sums
/// over logarithms taken once, [`ClassLogs`]).
pub(crate) fn statistics(data: &Dataset, model: &LatentModel, parameters: usize) -> FitStatistics {
    let shares: Vec<f64> = match model {
        LatentModel::Profiles(m) => m.classes.iter().map(|c| c.share).collect(),
        LatentModel::Classes(m) => m.classes.iter().map(|c| c.share).collect(),
    };
    let classes = shares.len();
    let log_shares: Vec<f64> = shares.iter().map(|s| libm::log(*s)).collect();
    let rows = data.rows();
    let mut log_likelihood = 0.0;
    let mut entropy_sum = 0.0;
    let mut assigned = vec![0usize; classes];
    let mut posterior_sum = vec![0.0; classes];
    let mut joint = vec![0.0; classes];
    // Latent classes: the logarithms of the probabilities taken once.
    let class_logs = match model {
        LatentModel::Classes(m) => Some(ClassLogs::new(m)),
        LatentModel::Profiles(_) => None,
    };
    let mut scores_row: Vec<Option<f64>> = Vec::new();
    for i in 0..rows {
        match (data, model, &class_logs) {
            (Dataset::Continuous(d), LatentModel::Profiles(m), _) => {
                scores_row.clear();
                scores_row.extend(scores(d.row(i)));
                for (k, class) in m.classes.iter().enumerate() {
                    joint[k] = log_shares[k]
                        + profile_class_log_likelihood(&class.means, &class.variances, &scores_row);
                }
            }
            (Dataset::Categorical(d), _, Some(logs)) => {
                for (k, joint) in joint.iter_mut().enumerate() {
                    *joint = log_shares[k] + logs.log_likelihood(k, d.row(i));
                }
            }
            // The engine always writes the model kind of its data.
            _ => joint.fill(0.0),
        }
        log_likelihood += normalise_posterior(&mut joint);
        let mut modal = 0;
        for (k, p) in joint.iter().enumerate() {
            if *p > 0.0 {
                entropy_sum -= p * libm::log(*p);
            }
            if *p > joint[modal] {
                modal = k;
            }
        }
        assigned[modal] += 1;
        posterior_sum[modal] += joint[modal];
    }
    let n = rows as f64;
    let p = parameters as f64;
    FitStatistics {
        classes,
        rows,
        log_likelihood,
        parameters,
        aic: -2.0 * log_likelihood + 2.0 * p,
        bic: -2.0 * log_likelihood + p * libm::log(n),
        sabic: -2.0 * log_likelihood + p * libm::log((n + 2.0) / 24.0),
        entropy: (classes > 1).then(|| 1.0 - entropy_sum / (n * libm::log(classes as f64))),
        shares,
        average_posterior: posterior_sum
            .iter()
            .zip(&assigned)
            .map(|(s, a)| if *a > 0 { s / *a as f64 } else { f64::NAN })
            .collect(),
        assigned,
    }
}
