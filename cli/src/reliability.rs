//! The `reliability` command: Cronbach's alpha, alpha if an item is
//! dropped and item-rest correlations per scale; or, for two measurements
//! of the same respondents (rows in the same order), ICC(2,1) per column
//! and Cohen's kappa for the prototype assigned both times.

use naastenmeter_estimate::reliability::{cohen_kappa, icc_2_1, scale_reliability};
use naastenmeter_estimate::ContinuousData;

use crate::args::Options;
use crate::fit::{wants_help, Table};

/// Usage of `naastenmeter reliability`.
pub const USAGE: &str = "\
naastenmeter reliability --scale <name>=<item>,<item>,... [--scale ...] <data.csv>
naastenmeter reliability --retest --columns a,b,c [--prototype <column>] <first.csv> <second.csv>

  --scale      a scale and its item columns (repeat for more scales)
  --retest     compare two measurements of the same respondents, row by row
  --columns    scale-score columns for ICC(2,1) (absolute agreement, single measure)
  --prototype  column holding the prototype assigned, for Cohen's kappa
  --help       print this text";

/// Runs `naastenmeter reliability` with the arguments after the command name.
pub fn run(args: &[String]) -> Result<(), String> {
    if wants_help(args) {
        println!("{USAGE}");
        return Ok(());
    }
    let args = Options::parse_with_flags(args, &["scale", "columns", "prototype"], &["retest"])?;
    if args.get("retest").is_some() {
        retest(&args)
    } else {
        scales(&args)
    }
}

fn scales(args: &Options) -> Result<(), String> {
    let [path] = args.positional.as_slice() else {
        return Err(format!("expected one data file\n\n{USAGE}"));
    };
    let definitions = args.all("scale");
    if definitions.is_empty() {
        return Err(format!(
            "give at least one --scale name=item,item,...\n\n{USAGE}"
        ));
    }
    let table = Table::read(path)?;
    for definition in definitions {
        let (name, items) = definition.split_once('=').ok_or(format!(
            "--scale `{definition}` must look like name=item1,item2,..."
        ))?;
        let items: Vec<String> = items.split(',').map(|i| i.trim().to_string()).collect();
        let columns = table.columns(&items)?;
        let data = table.continuous(path, &columns)?;
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

fn retest(args: &Options) -> Result<(), String> {
    let [first, second] = args.positional.as_slice() else {
        return Err(format!("--retest expects two data files\n\n{USAGE}"));
    };
    let (a, b) = (Table::read(first)?, Table::read(second)?);
    if a.rows() != b.rows() {
        return Err(format!(
            "`{first}` has {} rows and `{second}` {}; the rows must be the same respondents in the same order",
            a.rows(),
            b.rows()
        ));
    }
    let columns: Vec<String> = args
        .get("columns")
        .map(|list| list.split(',').map(|c| c.trim().to_string()).collect())
        .unwrap_or_default();
    if columns.is_empty() && args.get("prototype").is_none() {
        return Err(format!("give --columns, --prototype or both\n\n{USAGE}"));
    }
    for column in &columns {
        let ia = a.columns(std::slice::from_ref(column))?;
        let ib = b.columns(std::slice::from_ref(column))?;
        let da = a.continuous(first, &ia)?;
        let db = b.continuous(second, &ib)?;
        let values = (0..da.rows())
            .flat_map(|i| [da.row(i)[0], db.row(i)[0]])
            .collect();
        let pairs = ContinuousData::new(2, values).map_err(|e| e.to_string())?;
        let icc = icc_2_1(&pairs).map_err(|e| format!("column `{column}`: {e}"))?;
        println!("{column}: ICC(2,1) = {icc:.4}");
    }
    if let Some(column) = args.get("prototype") {
        let ja = a.columns(&[column.to_string()])?[0];
        let jb = b.columns(&[column.to_string()])?[0];
        // Prototype names become category numbers in order of appearance.
        let mut names: Vec<String> = Vec::new();
        let mut code = |cell: Option<&str>| {
            cell.map(|name| match names.iter().position(|n| n == name) {
                Some(k) => k,
                None => {
                    names.push(name.to_string());
                    names.len() - 1
                }
            })
        };
        let first_codes: Vec<Option<usize>> = (0..a.rows())
            .map(|i| code(a.cell(i, ja).as_deref()))
            .collect();
        let second_codes: Vec<Option<usize>> = (0..b.rows())
            .map(|i| code(b.cell(i, jb).as_deref()))
            .collect();
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

#[cfg(test)]
mod tests {
    use super::USAGE;

    #[test]
    fn usage_has_one_line_for_every_option() {
        for option in ["scale", "retest", "columns", "prototype", "help"] {
            let lines = USAGE
                .lines()
                .filter(|l| l.trim_start().starts_with(&format!("--{option} ")))
                .count();
            assert_eq!(lines, 1, "--{option} in\n{USAGE}");
        }
    }
}
