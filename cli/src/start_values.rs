//! Reading given starting values for `naastenmeter fit --start-values`.
//!
//! A CSV file with the header `start,class,item,category,probability` (in any
//! order, other columns ignored), one row per response probability, all
//! numbers counted from 1 as in poLCA's `probs.start`. `item` is the item's
//! column name or its position among the fitted columns. Every probability
//! of every start, class, item and category must be given exactly once.

use naastenmeter_estimate::ClassStart;

use crate::table::Table;

/// The five columns a starting-values file needs.
const COLUMNS: [&str; 5] = ["start", "class", "item", "category", "probability"];

/// Reads the starting values in `path` for a model of `classes` classes
/// over the items `items` (column names, in order) with `categories`
/// answer categories each. Returns one [`ClassStart`] per start.
pub fn read(
    path: &str,
    classes: usize,
    items: &[String],
    categories: &[u8],
) -> Result<Vec<ClassStart>, String> {
    let table = Table::read(path)?;
    let names: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
    let at = table.columns(&names).map_err(|e| {
        format!(
            "{path}: {e}; a starting-values file needs the columns {}",
            COLUMNS.join(", ")
        )
    })?;
    // start -> class -> item -> category, `None` until given.
    let mut grid: Vec<Vec<Vec<Vec<Option<f64>>>>> = Vec::new();
    table.each_row(|row| {
        let line = row.line;
        let cell = |c: usize| -> Result<&str, String> {
            row.cell(at[c])
                .ok_or(format!("{path}, line {line}: `{}` is empty", COLUMNS[c]))
        };
        let count = |c: usize, limit: usize| -> Result<usize, String> {
            let text = cell(c)?;
            match text.parse::<usize>() {
                Ok(n) if n >= 1 && n <= limit => Ok(n - 1),
                _ => Err(format!(
                    "{path}, line {line}: `{}` is `{text}`; expected a whole number from 1 to {limit}",
                    COLUMNS[c]
                )),
            }
        };
        // Starts are counted from 1 without gaps; a generous bound keeps a
        // typo such as 1000000 from allocating a huge grid.
        let start = count(0, 100_000)?;
        let class = count(1, classes)?;
        let item_text = cell(2)?;
        let item = match items.iter().position(|name| name == item_text) {
            Some(j) => j,
            None => count(2, items.len()).map_err(|_| {
                format!(
                    "{path}, line {line}: item `{item_text}` is neither a fitted column ({}) nor a position from 1 to {}",
                    items.join(", "),
                    items.len()
                )
            })?,
        };
        let category = count(3, usize::from(categories[item]))?;
        let text = cell(4)?;
        let probability = match text.parse::<f64>() {
            Ok(p) if (0.0..=1.0).contains(&p) => p,
            _ => {
                return Err(format!(
                    "{path}, line {line}: probability `{text}` is not a number from 0 to 1"
                ))
            }
        };
        while grid.len() <= start {
            grid.push(empty_start(classes, categories));
        }
        let slot = &mut grid[start][class][item][category];
        if slot.is_some() {
            return Err(format!(
                "{path}, line {line}: start {}, class {}, item {}, category {} is given twice",
                start + 1,
                class + 1,
                items[item],
                category + 1
            ));
        }
        *slot = Some(probability);
        Ok(())
    })?;
    grid.into_iter()
        .enumerate()
        .map(|(s, start)| complete(path, s, start, items))
        .collect()
}

fn empty_start(classes: usize, categories: &[u8]) -> Vec<Vec<Vec<Option<f64>>>> {
    let items: Vec<Vec<Option<f64>>> = categories
        .iter()
        .map(|k| vec![None; usize::from(*k)])
        .collect();
    vec![items; classes]
}

/// The start's probabilities, or which one is missing.
fn complete(
    path: &str,
    s: usize,
    start: Vec<Vec<Vec<Option<f64>>>>,
    items: &[String],
) -> Result<ClassStart, String> {
    start
        .into_iter()
        .enumerate()
        .map(|(k, class)| {
            class
                .into_iter()
                .enumerate()
                .map(|(j, item)| {
                    item.into_iter()
                        .enumerate()
                        .map(|(c, p)| {
                            p.ok_or(format!(
                                "{path}: start {}, class {}, item {}, category {} is missing",
                                s + 1,
                                k + 1,
                                items[j],
                                c + 1
                            ))
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}
