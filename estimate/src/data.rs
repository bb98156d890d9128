//! The data a model is fitted to: respondents in rows, scale scores or item
//! answers in columns, stored flat and row-major so the fitting loops walk
//! memory in order.

use alloc::vec::Vec;

use crate::error::EstimateError;

/// The code of a missing answer in [`CategoricalData`].
pub const MISSING_CATEGORY: u8 = u8::MAX;

/// Scale scores (or any continuous indicators): `rows x columns` values,
/// row-major, NaN where a value is missing.
#[derive(Debug, Clone, PartialEq)]
pub struct ContinuousData {
    columns: usize,
    values: Vec<f64>,
}

/// Item answers: `rows x items` category codes, row-major, 0-based
/// (category 1 of poLCA is code 0), [`MISSING_CATEGORY`] where missing.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoricalData {
    categories: Vec<u8>,
    codes: Vec<u8>,
}

/// Data of either kind; the kind decides the model fitted.
#[derive(Debug, Clone, PartialEq)]
pub enum Dataset {
    /// Continuous columns, fitted with latent profile analysis.
    Continuous(ContinuousData),
    /// Categorical items, fitted with latent class analysis.
    Categorical(CategoricalData),
}

impl ContinuousData {
    /// Checks and wraps row-major `values` with `columns` per row; NaN marks a
    /// missing value.
    pub fn new(columns: usize, values: Vec<f64>) -> Result<Self, EstimateError> {
        if columns == 0 || values.is_empty() {
            return Err(EstimateError::NoData);
        }
        if values.len() % columns != 0 {
            return Err(EstimateError::RaggedData {
                values: values.len(),
                columns,
            });
        }
        if let Some(i) = values.iter().position(|v| v.is_infinite()) {
            return Err(EstimateError::NonFiniteValue {
                row: i / columns,
                column: i % columns,
            });
        }
        Ok(Self { columns, values })
    }

    /// Number of respondents.
    pub fn rows(&self) -> usize {
        self.values.len() / self.columns
    }

    /// Number of columns (scales).
    pub fn columns(&self) -> usize {
        self.columns
    }

    /// The values of row `i` (NaN where missing).
    pub fn row(&self, i: usize) -> &[f64] {
        &self.values[i * self.columns..(i + 1) * self.columns]
    }

    /// All values, row-major.
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// Mean and (population) variance of each column over its observed
    /// values; `None` for a column with no observed value.
    pub fn column_moments(&self) -> Vec<Option<(f64, f64)>> {
        (0..self.columns)
            .map(|j| {
                let observed = self
                    .values
                    .iter()
                    .skip(j)
                    .step_by(self.columns)
                    .filter(|v| !v.is_nan());
                let (mut n, mut sum) = (0usize, 0.0);
                for v in observed.clone() {
                    n += 1;
                    sum += v;
                }
                if n == 0 {
                    return None;
                }
                let mean = sum / n as f64;
                let ss: f64 = observed.map(|v| (v - mean) * (v - mean)).sum();
                Some((mean, ss / n as f64))
            })
            .collect()
    }

    /// Checks that every column varies; a column without variance makes
    /// the normal densities degenerate.
    pub(crate) fn check_variance(&self) -> Result<(), EstimateError> {
        for (column, moments) in self.column_moments().into_iter().enumerate() {
            match moments {
                Some((mean, variance)) if variance > 1e-12 * (1.0 + mean * mean) => {}
                _ => return Err(EstimateError::NoVariance { column }),
            }
        }
        Ok(())
    }
}

impl CategoricalData {
    /// Checks and wraps row-major 0-based `codes`, one per item per row, with
    /// `categories[j]` categories for item `j`; [`MISSING_CATEGORY`] marks a
    /// missing answer.
    pub fn new(categories: Vec<u8>, codes: Vec<u8>) -> Result<Self, EstimateError> {
        let items = categories.len();
        if items == 0 || codes.is_empty() {
            return Err(EstimateError::NoData);
        }
        if codes.len() % items != 0 {
            return Err(EstimateError::RaggedData {
                values: codes.len(),
                columns: items,
            });
        }
        if let Some(column) = categories.iter().position(|c| *c < 2 || *c == u8::MAX) {
            return Err(EstimateError::BadCategoryCount {
                column,
                categories: categories[column],
            });
        }
        for (i, code) in codes.iter().enumerate() {
            let column = i % items;
            if *code != MISSING_CATEGORY && *code >= categories[column] {
                return Err(EstimateError::CategoryOutOfRange {
                    row: i / items,
                    column,
                    category: *code,
                    categories: categories[column],
                });
            }
        }
        Ok(Self { categories, codes })
    }

    /// Number of respondents.
    pub fn rows(&self) -> usize {
        self.codes.len() / self.categories.len()
    }

    /// Number of items.
    pub fn items(&self) -> usize {
        self.categories.len()
    }

    /// Number of categories of each item.
    pub fn categories(&self) -> &[u8] {
        &self.categories
    }

    /// The answer codes of row `i`.
    pub fn row(&self, i: usize) -> &[u8] {
        let items = self.categories.len();
        &self.codes[i * items..(i + 1) * items]
    }

    /// All codes, row-major.
    pub fn codes(&self) -> &[u8] {
        &self.codes
    }

    /// Where each item's categories start in a flat table of all categories.
    pub(crate) fn offsets(&self) -> Vec<usize> {
        let mut offset = 0;
        self.categories
            .iter()
            .map(|c| {
                let start = offset;
                offset += usize::from(*c);
                start
            })
            .collect()
    }

    /// Checks that every item has at least two observed categories.
    pub(crate) fn check_variance(&self) -> Result<(), EstimateError> {
        let items = self.items();
        for column in 0..items {
            let mut seen = self
                .codes
                .iter()
                .skip(column)
                .step_by(items)
                .filter(|c| **c != MISSING_CATEGORY);
            let Some(first) = seen.next() else {
                return Err(EstimateError::NoVariance { column });
            };
            if seen.all(|c| c == first) {
                return Err(EstimateError::NoVariance { column });
            }
        }
        Ok(())
    }
}

impl Dataset {
    /// Number of respondents.
    pub fn rows(&self) -> usize {
        match self {
            Self::Continuous(d) => d.rows(),
            Self::Categorical(d) => d.rows(),
        }
    }

    /// Number of columns (scales or items).
    pub fn columns(&self) -> usize {
        match self {
            Self::Continuous(d) => d.columns(),
            Self::Categorical(d) => d.items(),
        }
    }
}

/// Iterates a continuous row as the optional scores the likelihood wants.
#[inline]
pub(crate) fn scores(row: &[f64]) -> impl Iterator<Item = Option<f64>> + '_ {
    row.iter().map(|v| (!v.is_nan()).then_some(*v))
}

/// Iterates a categorical row as the optional categories the likelihood wants.
#[inline]
pub(crate) fn answers(row: &[u8]) -> impl Iterator<Item = Option<usize>> + '_ {
    row.iter()
        .map(|c| (*c != MISSING_CATEGORY).then_some(usize::from(*c)))
}
