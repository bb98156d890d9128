//! Helpers shared by the estimation tests: reading the reference data in
//! `tests/data/` (plain CSV with a header, `NA` or empty for missing).

#![allow(dead_code)]

use std::path::PathBuf;

use naastenmeter_estimate::{CategoricalData, ContinuousData, MISSING_CATEGORY};

/// The header and cells of a CSV file in `tests/data/`.
pub fn read_csv(name: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/data")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap().split(',').map(String::from).collect();
    let rows = lines
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').map(String::from).collect())
        .collect();
    (header, rows)
}

/// Items coded 1..K (poLCA's coding) as categorical data with K = the
/// largest code of each item.
pub fn categorical(name: &str) -> CategoricalData {
    let (header, rows) = read_csv(name);
    let items = header.len();
    let mut categories = vec![0u8; items];
    let mut codes = Vec::new();
    for row in &rows {
        for (j, cell) in row.iter().enumerate() {
            if cell.is_empty() || cell == "NA" {
                codes.push(MISSING_CATEGORY);
            } else {
                let code: u8 = cell.parse().unwrap();
                categories[j] = categories[j].max(code);
                codes.push(code - 1);
            }
        }
    }
    CategoricalData::new(categories, codes).unwrap()
}

/// The named columns of a CSV file as continuous data.
pub fn continuous(name: &str, columns: &[&str]) -> ContinuousData {
    let (header, rows) = read_csv(name);
    let index: Vec<usize> = columns
        .iter()
        .map(|c| header.iter().position(|h| h == c).unwrap())
        .collect();
    let values = rows
        .iter()
        .flat_map(|row| {
            index.iter().map(move |j| {
                let cell = &row[*j];
                if cell.is_empty() || cell == "NA" {
                    f64::NAN
                } else {
                    cell.parse().unwrap()
                }
            })
        })
        .collect();
    ContinuousData::new(columns.len(), values).unwrap()
}
