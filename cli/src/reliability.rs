//! The `reliability` command: Cronbach's alpha, alpha if an item is
//! dropped and item-rest correlations per scale; or, for two measurements
//! of the same respondents (rows in the same order), ICC(2,1) per column
//! and Cohen's kappa for the prototype assigned both times.

use clap::Args;
use naastenmeter_estimate::reliability::{cohen_kappa, icc_2_1, scale_reliability};
use naastenmeter_estimate::ContinuousData;

use crate::failure::Failure;
use crate::table::Table;

/// Arguments of `naastenmeter reliability`. Each option has one line in
/// `naastenmeter reliability --help`.
#[derive(Debug, Args)]
#[command(
    args_override_self = true,
    override_usage = "naastenmeter reliability --scale <name=a,b,c> [--scale ...] <data.csv>\n       \
                      naastenmeter reliability --retest --columns <a,b,c> [--prototype <column>] <first.csv> <second.csv>"
)]
pub struct ReliabilityArgs {
    /// The data file, or with --retest the first and the second measurement
    #[arg(value_name = "data.csv", required = true, num_args = 1..=2)]
    files: Vec<String>,
    /// A scale and its item columns (repeat for more scales)
    #[arg(long, value_name = "name=a,b,c", value_parser = scale, conflicts_with = "retest")]
    scale: Vec<Scale>,
    /// Compare two measurements of the same respondents, row by row
    #[arg(long)]
    retest: bool,
    /// Scale-score columns for ICC(2,1) (absolute agreement, single measure)
    #[arg(long, value_name = "a,b,c", requires = "retest")]
    columns: Option<String>,
    /// Column holding the prototype assigned, for Cohen's kappa
    #[arg(long, value_name = "column", requires = "retest")]
    prototype: Option<String>,
}

/// `--scale`: a scale's name and its item columns.
#[derive(Debug, Clone)]
struct Scale {
    name: String,
    items: Vec<String>,
}

/// Parses `--scale name=item1,item2,...`.
fn scale(text: &str) -> Result<Scale, String> {
    let bad = || format!("expected name=item1,item2,..., not `{text}`");
    let (name, items) = text.split_once('=').ok_or_else(bad)?;
    let items: Vec<String> = items.split(',').map(|i| i.trim().to_string()).collect();
    if name.trim().is_empty() || items.iter().any(String::is_empty) {
        return Err(bad());
    }
    Ok(Scale {
        name: name.trim().to_string(),
        items,
    })
}

/// Runs `naastenmeter reliability`.
pub fn run(args: &ReliabilityArgs) -> Result<(), Failure> {
    if args.retest {
        let [first, second] = args.files.as_slice() else {
            return Err(Failure::Usage(
                "--retest expects two data files, the first and the second measurement".into(),
            ));
        };
        let columns: Vec<String> = args
            .columns
            .as_deref()
            .map(|list| list.split(',').map(|c| c.trim().to_string()).collect())
            .unwrap_or_default();
        if columns.is_empty() && args.prototype.is_none() {
            return Err(Failure::Usage("give --columns, --prototype or both".into()));
        }
        retest(first, second, &columns, args.prototype.as_deref())?;
    } else {
        let [path] = args.files.as_slice() else {
            return Err(Failure::Usage(
                "expected one data file (two are for --retest)".into(),
            ));
        };
        if args.scale.is_empty() {
            return Err(Failure::Usage(
                "give at least one --scale name=item,item,...".into(),
            ));
        }
        scales(path, &args.scale)?;
    }
    Ok(())
}

fn scales(path: &str, scales: &[Scale]) -> Result<(), String> {
    let table = Table::read(path)?;
    for Scale { name, items } in scales {
        let columns = table.columns(items)?;
        let data = table.continuous(&columns)?;
        let result = scale_reliability(&data).map_err(|e| format!("scale `{name}`: {e}"))?;
        println!(
            "scale {name}: alpha = {:.4} ({} items, {} complete rows of {})",
            result.alpha,
            items.len(),
            result.rows_used,
            data.rows()
        );
        println!(
            "  {:<20} {:>10} {:>16}",
            "item", "item-rest", "alpha if dropped"
        );
        for (j, item) in items.iter().enumerate() {
            println!(
                "  {:<20} {:>10.4} {:>16.4}",
                item, result.item_rest[j], result.alpha_if_dropped[j]
            );
        }
    }
    Ok(())
}

fn retest(
    first: &str,
    second: &str,
    columns: &[String],
    prototype: Option<&str>,
) -> Result<(), String> {
    let (a, b) = (Table::read(first)?, Table::read(second)?);
    let (rows_a, rows_b) = (a.rows()?, b.rows()?);
    if rows_a != rows_b {
        return Err(format!(
            "`{first}` has {rows_a} rows and `{second}` {rows_b}; the rows must be the same respondents in the same order"
        ));
    }
    for column in columns {
        let ia = a.columns(std::slice::from_ref(column))?;
        let ib = b.columns(std::slice::from_ref(column))?;
        let da = a.continuous(&ia)?;
        let db = b.continuous(&ib)?;
        let values = (0..da.rows())
            .flat_map(|i| [da.row(i)[0], db.row(i)[0]])
            .collect();
        let pairs = ContinuousData::new(2, values).map_err(|e| e.to_string())?;
        let icc = icc_2_1(&pairs).map_err(|e| format!("column `{column}`: {e}"))?;
        println!("{column}: ICC(2,1) = {icc:.4}");
    }
    if let Some(column) = prototype {
        let ja = a.columns(&[column.to_string()])?[0];
        let jb = b.columns(&[column.to_string()])?[0];
        // Prototype names become category numbers in order of appearance.
        let mut names: Vec<String> = Vec::new();
        let mut code = |cell: Option<String>| {
            cell.map(|name| match names.iter().position(|n| *n == name) {
                Some(k) => k,
                None => {
                    names.push(name);
                    names.len() - 1
                }
            })
        };
        let first_codes: Vec<Option<usize>> = a.column(ja)?.into_iter().map(&mut code).collect();
        let second_codes: Vec<Option<usize>> = b.column(jb)?.into_iter().map(&mut code).collect();
        let categories = first_codes
            .iter()
            .chain(&second_codes)
            .flatten()
            .max()
            .map_or(0, |m| m + 1);
        let kappa = cohen_kappa(&first_codes, &second_codes, categories)
            .map_err(|e| format!("column `{column}`: {e}"))?;
        let agree = first_codes
            .iter()
            .zip(&second_codes)
            .filter(|(x, y)| x.is_some() && x == y)
            .count();
        println!(
            "{column}: Cohen's kappa = {kappa:.4} ({agree} of {} rows the same)",
            first_codes.len()
        );
    }
    Ok(())
}
