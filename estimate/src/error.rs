//! What can go wrong when fitting a model, with where it went wrong.

use alloc::string::String;
use core::fmt;

/// A reason a model cannot be fitted to the data as given.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum EstimateError {
    /// The data have no rows or no columns.
    NoData,
    /// The flat value array does not fill whole rows.
    RaggedData {
        /// Number of values given.
        values: usize,
        /// Number of columns per row.
        columns: usize,
    },
    /// A value is infinite (missing values are NaN, not infinite).
    NonFiniteValue {
        /// Row (0-based) of the value.
        row: usize,
        /// Column (0-based) of the value.
        column: usize,
    },
    /// An answer category is outside the item's declared categories.
    CategoryOutOfRange {
        /// Row (0-based) of the answer.
        row: usize,
        /// Item (0-based) of the answer.
        column: usize,
        /// The category found (0-based).
        category: u8,
        /// Number of categories declared for the item.
        categories: u8,
    },
    /// An item declares fewer than two categories (or more than 254).
    BadCategoryCount {
        /// Item (0-based).
        column: usize,
        /// The declared count.
        categories: u8,
    },
    /// A column has no variance (or no observed value), so it cannot tell
    /// classes apart and a normal density over it is degenerate.
    NoVariance {
        /// Column (0-based).
        column: usize,
    },
    /// The model has at least as many free parameters as there are
    /// respondents (or a reliability statistic has too few complete rows).
    TooFewRows {
        /// Number of rows.
        rows: usize,
        /// Number of free parameters of the model asked for.
        parameters: usize,
    },
    /// Zero classes were asked for.
    NoClasses,
    /// Zero random starts were asked for.
    NoStarts,
    /// Every random start ended in a degenerate solution.
    AllStartsFailed {
        /// Number of classes asked for.
        classes: usize,
        /// Starts that ended with an (almost) empty class.
        empty_class: usize,
        /// Starts that ended with a variance collapsing towards zero.
        collapsed_variance: usize,
    },
    /// A class-order rule names a column the data do not have.
    UnknownOrderColumn {
        /// The column asked for.
        column: usize,
        /// Number of columns in the data.
        columns: usize,
    },
    /// Given starting values do not fit the data or the model.
    BadStartValues {
        /// Start (0-based) the problem is in.
        start: usize,
        /// What is wrong.
        message: String,
    },
    /// The option value is outside its allowed range.
    BadOption {
        /// Name of the option.
        option: &'static str,
        /// What is allowed.
        allowed: &'static str,
    },
}

impl fmt::Display for EstimateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoData => write!(f, "the data have no rows or no columns"),
            Self::RaggedData { values, columns } => write!(
                f,
                "{values} values do not fill whole rows of {columns} columns"
            ),
            Self::NonFiniteValue { row, column } => write!(
                f,
                "row {}, column {}: the value is infinite",
                row + 1,
                column + 1
            ),
            Self::CategoryOutOfRange {
                row,
                column,
                category,
                categories,
            } => write!(
                f,
                "row {}, column {}: category {} is outside 1..{}",
                row + 1,
                column + 1,
                u32::from(*category) + 1,
                categories
            ),
            Self::BadCategoryCount { column, categories } => write!(
                f,
                "column {}: an item needs 2 to 254 categories, not {categories}",
                column + 1
            ),
            Self::NoVariance { column } => write!(
                f,
                "column {}: the values do not vary, so the column cannot separate classes",
                column + 1
            ),
            Self::TooFewRows { rows, parameters } => write!(
                f,
                "{rows} rows are too few for the model's {parameters} free parameters"
            ),
            Self::NoClasses => write!(f, "at least one class is needed"),
            Self::NoStarts => write!(f, "at least one random start is needed"),
            Self::AllStartsFailed {
                classes,
                empty_class,
                collapsed_variance,
            } => write!(
                f,
                "every start of the {classes}-class model ended degenerate \
                 ({empty_class} with an empty class, {collapsed_variance} with a collapsing variance); \
                 fewer classes fit these data"
            ),
            Self::UnknownOrderColumn { column, columns } => write!(
                f,
                "the class order names column {}, but the data have {columns}",
                column + 1
            ),
            Self::BadStartValues { start, message } => {
                write!(f, "starting values, start {}: {message}", start + 1)
            }
            Self::BadOption { option, allowed } => {
                write!(f, "option `{option}` must be {allowed}")
            }
        }
    }
}

impl core::error::Error for EstimateError {}
