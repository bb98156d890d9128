//! # naastenmeter-estimate
//!
//! Fits the prototype models that Naastenmeter classifies with: latent
//! profile analysis (a mixture of normal distributions over scale scores,
//! diagonal covariances) and latent class analysis (a mixture of categorical
//! distributions over items, as the R package poLCA fits). It also holds the
//! reliability tools questionnaire developers need (Cronbach's alpha,
//! item-rest correlations, ICC(2,1), Cohen's kappa).
//!
//! Models come out as [`naastenmeter_core::instrument::LatentModel`], the
//! `model.latent` part of an instrument file, and every likelihood is
//! computed with [`naastenmeter_core::likelihood`], the code the classifier
//! uses: fitting a model and classifying with it cannot disagree.
//!
//! ```
//! use naastenmeter_estimate::{fit, CategoricalData, Dataset, FitOptions};
//! // Four respondents, two yes/no items (0 = no, 1 = yes).
//! let data = CategoricalData::new(vec![2, 2], vec![0, 0, 0, 1, 1, 1, 1, 0]).unwrap();
//! let result = fit(&Dataset::Categorical(data), 1, &FitOptions::default()).unwrap();
//! assert_eq!(result.statistics.parameters, 2);
//! ```
//!
//! The method, the convergence rule and the statistics are described in
//! `docs/estimation.md`.
//!
//! ## Crate features
//! - `std` (default): random starts run on all cores, and [`EstimateError`]
//!   implements `std::error::Error`. Without it the crate is `no_std` +
//!   `alloc` and runs on one thread.
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]
#![forbid(unsafe_code)]

extern crate alloc;

mod blrt;
mod classes;
mod data;
#[cfg(test)]
mod em_path;
mod engine;
mod error;
mod fit;
mod parallel;
mod profiles;
pub mod reliability;
mod rng;
mod simulate;
mod typicality;

pub use blrt::{bootstrap_lrt, BootstrapTest};
pub use data::{CategoricalData, ContinuousData, Dataset, MISSING_CATEGORY};
pub use error::EstimateError;
pub use fit::{
    enumerate, enumeration_table, fit, fit_with_progress, Accelerator, ClassOrder, ClassStart, Fit,
    FitOptions, FitStatistics, Progress, StartSummary,
};
pub use rng::Rng;
pub use simulate::{simulate_categorical, simulate_continuous};
pub use typicality::{respondent_typicalities, typicality_rule};
