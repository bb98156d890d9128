//! The `fit` command: fits latent profile or latent class models over a
//! range of class counts to a CSV file, prints the class-enumeration table,
//! and writes the chosen model (alone or merged into an instrument).
//!
//! Also home of the small CSV reader the `reliability` command shares: a
//! header line, comma-separated cells, double quotes as in RFC 4180, and
//! `NA` or an empty cell for a missing value.

use std::fs;
use std::sync::Mutex;
use std::time::Instant;

use naastenmeter_core::instrument::{Instrument, VarianceKind};
use naastenmeter_core::{load_instrument, validate};
use naastenmeter_estimate::{
    bootstrap_lrt, enumerate, enumeration_table, CategoricalData, ClassOrder, ContinuousData,
    Dataset, FitOptions, Progress, MISSING_CATEGORY,
};

/// Usage of `naastenmeter fit`.
pub const USAGE: &str = "\
naastenmeter fit --kind profiles|classes [options] <data.csv>

  --kind profiles|classes   latent profiles (scale scores) or latent classes (items coded 1..K)
  --classes 1..5            class counts to fit (a range or one number; default 1..5)
  --columns a,b,c           columns to use (default: every column)
  --starts 100              random starts per class count
  --seed 1                  seed of the random starts
  --variances equal|per-class   profiles: variances shared by classes or not (default equal)
  --categories K            classes: every item has categories 1..K (default: its largest code)
  --smoothing 0             classes: Dirichlet pseudo-count per category (0 = plain ML, as poLCA)
  --tolerance 1e-10         converged when an iteration raises the log-likelihood by less
  --max-iterations 10000    iteration limit per start
  --order largest|<column>  class order: largest first, or by the mean of a column
  --choose K                class count of the model written (default: lowest BIC)
  --prototypes a,b,c        prototype ids for the classes, in class order
  --instrument in.json      merge the model into this instrument (columns = its scale or item ids)
  --out out.json            where to write the model or instrument (default: standard output)
  --blrt 0                  bootstrap likelihood-ratio test with this many samples per k vs k-1
  --threads 0               threads to use (0 = every core; results do not depend on it)
  --help                    print this text";

/// Every option `naastenmeter fit` takes a value for; each has a line in
/// [`USAGE`] (a unit test checks that).
const OPTIONS: &[&str] = &[
    "kind",
    "classes",
    "columns",
    "starts",
    "seed",
    "variances",
    "categories",
    "smoothing",
    "tolerance",
    "max-iterations",
    "order",
    "choose",
    "prototypes",
    "instrument",
    "out",
    "blrt",
    "threads",
];

/// Whether the arguments ask for the usage text.
pub(crate) fn wants_help(args: &[String]) -> bool {
    args.iter().any(|a| a == "--help" || a == "-h")
}

/// Runs `naastenmeter fit` with the arguments after the command name.
pub fn run(args: &[String]) -> Result<(), String> {
    if wants_help(args) {
        println!("{USAGE}");
        return Ok(());
    }
    let args = Options::parse(args, OPTIONS)?;
    let [path] = args.positional.as_slice() else {
        return Err(format!("expected one data file\n\n{USAGE}"));
    };
    let kind = args
        .get("kind")
        .ok_or(format!("--kind profiles|classes is required\n\n{USAGE}"))?;
    let instrument = args.get("instrument").map(load).transpose()?;
    let table = Table::read(path)?;
    let columns: Vec<String> = match args.get("columns") {
        Some(list) => list.split(',').map(|c| c.trim().to_string()).collect(),
        None => table.header.clone(),
    };
    let indices = table.columns(&columns)?;

    let mut options = FitOptions {
        starts: number(&args, "starts", 100)?,
        seed: number(&args, "seed", 1)?,
        tolerance: number(&args, "tolerance", 1e-10)?,
        max_iterations: number(&args, "max-iterations", 10_000)?,
        smoothing: number(&args, "smoothing", 0.0)?,
        threads: number(&args, "threads", 0)?,
        ..FitOptions::default()
    };
    options.variances = match args.get("variances").unwrap_or("equal") {
        "equal" => VarianceKind::Equal,
        "per-class" => VarianceKind::PerClass,
        other => {
            return Err(format!(
                "--variances must be equal or per-class, not `{other}`"
            ))
        }
    };
    options.order = match args.get("order").unwrap_or("largest") {
        "largest" => ClassOrder::LargestFirst,
        column => ClassOrder::ByColumn(columns.iter().position(|c| c == column).ok_or(format!(
            "--order names `{column}`, which is not a fitted column"
        ))?),
    };
    let range = class_range(args.get("classes").unwrap_or("1..5"))?;

    let data = match kind {
        "profiles" => {
            if let Some(instrument) = &instrument {
                for c in &columns {
                    if instrument.scale(c).is_none() {
                        return Err(format!("column `{c}` is not a scale of the instrument"));
                    }
                }
            }
            Dataset::Continuous(table.continuous(path, &indices)?)
        }
        "classes" => {
            let declared: Option<u8> = args
                .get("categories")
                .map(|_| number(&args, "categories", 0))
                .transpose()?;
            Dataset::Categorical(table.categorical(
                path,
                &indices,
                declared,
                instrument.as_ref(),
            )?)
        }
        other => return Err(format!("--kind must be profiles or classes, not `{other}`")),
    };

    let started = Instant::now();
    let last_line = Mutex::new(Instant::now());
    let fits = enumerate(&data, range.clone(), &options, &|progress| match progress {
        Progress::Fitting { classes, starts } => {
            eprintln!(
                "fitting {classes} class{} ({starts} starts, {:.1} s so far)",
                if classes == 1 { "" } else { "es" },
                started.elapsed().as_secs_f64()
            );
        }
        Progress::StartDone {
            classes,
            done,
            starts,
            ..
        } => {
            // At most one line a second (and always the last start): a long
            // fit is seen to move, a short one does not flood the terminal.
            let mut last = last_line.lock().unwrap_or_else(|e| e.into_inner());
            if done == starts || last.elapsed().as_secs_f64() >= 1.0 {
                *last = Instant::now();
                eprintln!(
                    "  {classes} classes: {done}/{starts} starts done, {:.1} s",
                    started.elapsed().as_secs_f64()
                );
            }
        }
    });
    eprintln!("done in {:.1} s", started.elapsed().as_secs_f64());
    println!("{}", enumeration_table(&fits));
    for (k, fit) in &fits {
        if let Ok(fit) = fit {
            let s = &fit.starts;
            let total: usize = s.iterations.iter().sum();
            eprintln!(
                "{k} classes: {} of {} starts converged, {total} EM iterations in all \
                 ({}..{} per start), best start {} iterations",
                s.converged,
                s.starts,
                s.iterations.iter().min().unwrap_or(&0),
                s.iterations.iter().max().unwrap_or(&0),
                s.best_iterations
            );
            for warning in fit.warnings() {
                eprintln!("warning: {warning}");
            }
        }
    }

    let replicates: usize = number(&args, "blrt", 0)?;
    if replicates > 0 {
        let boot = FitOptions {
            starts: options.starts.min(10),
            ..options.clone()
        };
        println!(
            "bootstrap likelihood-ratio tests ({replicates} samples, {} starts each):",
            boot.starts
        );
        for pair in fits.windows(2) {
            if let [(k0, Ok(small)), (k1, Ok(large))] = pair {
                eprintln!("bootstrapping {k0} against {k1} classes");
                match bootstrap_lrt(&data, small, large, replicates, &boot) {
                    Ok(test) => println!(
                        "  {k0} vs {k1} classes: LR = {:.4}, p = {:.4} ({} samples)",
                        test.statistic, test.p_value, test.replicates
                    ),
                    Err(e) => println!("  {k0} vs {k1} classes: not tested: {e}"),
                }
            }
        }
    }

    if let Some(error) = fits
        .iter()
        .find_map(|(_, f)| f.as_ref().err())
        .filter(|_| fits.iter().all(|(_, f)| f.is_err()))
    {
        return Err(table.describe(path, &indices, &error.to_string()));
    }
    let chosen = match args.get("choose") {
        Some(_) => number::<usize>(&args, "choose", 0)?,
        None => fits
            .iter()
            .filter_map(|(k, f)| f.as_ref().ok().map(|f| (*k, f.statistics.bic)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(k, _)| k)
            .ok_or("no class count could be fitted")?,
    };
    let mut fit = fits
        .into_iter()
        .find(|(k, _)| *k == chosen)
        .ok_or(format!(
            "--choose {chosen} is outside --classes {}..{}",
            range.start(),
            range.end()
        ))?
        .1
        .map_err(|e| format!("the {chosen}-class model could not be fitted: {e}"))?;
    let prototypes: Vec<String> = match (args.get("prototypes"), &instrument) {
        (Some(list), _) => list.split(',').map(|p| p.trim().to_string()).collect(),
        (None, Some(instrument)) => instrument.prototypes.iter().map(|p| p.id.clone()).collect(),
        (None, None) => Vec::new(),
    };
    if !prototypes.is_empty() && prototypes.len() != chosen {
        return Err(format!(
            "{} prototype ids for a {chosen}-class model; give --prototypes with one id per class",
            prototypes.len()
        ));
    }
    fit.rename(&columns, &prototypes);
    eprintln!("writing the {chosen}-class model");

    let json = match instrument {
        Some(mut instrument) => {
            instrument.model.latent = fit.model;
            let problems = validate(&instrument);
            if !problems.is_empty() {
                let list: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
                return Err(format!(
                    "the merged instrument is not valid:\n{}",
                    list.join("\n")
                ));
            }
            serde_json::to_string_pretty(&instrument)
        }
        None => serde_json::to_string_pretty(&fit.model),
    }
    .map_err(|e| format!("cannot write the model as JSON: {e}"))?;
    match args.get("out") {
        Some(out) => fs::write(out, json + "\n").map_err(|e| format!("cannot write `{out}`: {e}")),
        None => {
            println!("{json}");
            Ok(())
        }
    }
}

/// `--name value` options and positional arguments.
pub(crate) struct Options {
    /// Arguments that are not options.
    pub positional: Vec<String>,
    options: Vec<(String, String)>,
}

impl Options {
    /// Splits `args`, refusing options not in `known`. `flags` take no value.
    pub(crate) fn parse(args: &[String], known: &[&str]) -> Result<Self, String> {
        Self::parse_with_flags(args, known, &[])
    }

    /// As [`Options::parse`], with options in `flags` that take no value
    /// (they get the value `true`).
    pub(crate) fn parse_with_flags(
        args: &[String],
        known: &[&str],
        flags: &[&str],
    ) -> Result<Self, String> {
        let mut positional = Vec::new();
        let mut options = Vec::new();
        let mut iter = args.iter();
        while let Some(arg) = iter.next() {
            if let Some(name) = arg.strip_prefix("--") {
                if flags.contains(&name) {
                    options.push((name.to_string(), "true".to_string()));
                    continue;
                }
                if !known.contains(&name) {
                    return Err(format!("unknown option `{arg}`"));
                }
                let value = iter.next().ok_or(format!("option `{arg}` needs a value"))?;
                options.push((name.to_string(), value.clone()));
            } else {
                positional.push(arg.clone());
            }
        }
        Ok(Self {
            positional,
            options,
        })
    }

    /// The last value given for `name`.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value given for `name`, in order.
    pub(crate) fn all(&self, name: &str) -> Vec<&str> {
        self.options
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }
}

fn number<T: std::str::FromStr>(args: &Options, name: &str, default: T) -> Result<T, String> {
    match args.get(name) {
        None => Ok(default),
        Some(text) => text
            .trim()
            .parse()
            .map_err(|_| format!("--{name} must be a number, not `{text}`")),
    }
}

fn class_range(text: &str) -> Result<std::ops::RangeInclusive<usize>, String> {
    let bad = || format!("--classes must be a count like 4 or a range like 1..5, not `{text}`");
    let (from, to) = match text.split_once("..") {
        Some((a, b)) => (
            a.trim().parse().map_err(|_| bad())?,
            b.trim()
                .trim_start_matches('=')
                .parse()
                .map_err(|_| bad())?,
        ),
        None => {
            let k = text.trim().parse().map_err(|_| bad())?;
            (k, k)
        }
    };
    if from == 0 || from > to {
        return Err(bad());
    }
    Ok(from..=to)
}

fn load(path: &str) -> Result<Instrument, String> {
    let bytes = fs::read(path).map_err(|e| format!("cannot read `{path}`: {e}"))?;
    load_instrument(&bytes).map_err(|e| format!("{path}: {e}"))
}

/// A CSV file: a header and rows of cells.
///
/// The cells live in one buffer with a (start, end) pair each, not as a
/// string per cell: 100,000 rows x 20 items would otherwise take more than
/// ten times the file's size in memory.
pub(crate) struct Table {
    /// Column names.
    pub header: Vec<String>,
    buffer: String,
    /// Per cell, row-major, its byte range in `buffer`.
    cells: Vec<(u32, u32)>,
}

impl Table {
    /// Reads and splits a CSV file; every row must have the header's width.
    pub(crate) fn read(path: &str) -> Result<Self, String> {
        let text = fs::read_to_string(path).map_err(|e| format!("cannot read `{path}`: {e}"))?;
        if text.len() >= u32::MAX as usize {
            return Err(format!("{path}: the file is larger than 4 GB"));
        }
        let mut buffer = String::with_capacity(text.len());
        let mut cells = Vec::new();
        let mut header: Option<Vec<String>> = None;
        parse_csv(
            &text,
            &mut buffer,
            |line, record: &[(u32, u32)], buffer: &str| {
                let Some(header) = &header else {
                    header = Some(
                        record
                            .iter()
                            .map(|(a, b)| buffer[*a as usize..*b as usize].trim().to_string())
                            .collect(),
                    );
                    return Ok(());
                };
                if record.len() == 1
                    && buffer[record[0].0 as usize..record[0].1 as usize]
                        .trim()
                        .is_empty()
                {
                    return Ok(());
                }
                if record.len() != header.len() {
                    return Err(format!(
                        "{path}, line {line}: {} cells, but the header has {} columns",
                        record.len(),
                        header.len()
                    ));
                }
                cells.extend_from_slice(record);
                Ok(())
            },
        )
        .map_err(|e| {
            if e.starts_with(path) {
                e
            } else {
                format!("{path}, {e}")
            }
        })?;
        let Some(header) = header else {
            return Err(format!("{path}: the file is empty; expected a header line"));
        };
        if cells.is_empty() {
            return Err(format!("{path}: the file has a header but no rows"));
        }
        Ok(Self {
            header,
            buffer,
            cells,
        })
    }

    /// Number of rows (without the header).
    pub(crate) fn rows(&self) -> usize {
        self.cells.len() / self.header.len()
    }

    /// The cell at row `i`, column `j`; `None` when empty or `NA`.
    pub(crate) fn cell(&self, i: usize, j: usize) -> Option<&str> {
        let (a, b) = self.cells[i * self.header.len() + j];
        let cell = self.buffer[a as usize..b as usize].trim();
        (!(cell.is_empty() || cell == "NA")).then_some(cell)
    }

    /// Positions of the named columns.
    pub(crate) fn columns(&self, names: &[String]) -> Result<Vec<usize>, String> {
        names
            .iter()
            .map(|name| {
                self.header.iter().position(|h| h == name).ok_or(format!(
                    "no column `{name}` in the data (columns: {})",
                    self.header.join(", ")
                ))
            })
            .collect()
    }

    /// The named columns as numbers (NaN where missing).
    pub(crate) fn continuous(
        &self,
        path: &str,
        columns: &[usize],
    ) -> Result<ContinuousData, String> {
        let mut values = Vec::with_capacity(self.rows() * columns.len());
        for i in 0..self.rows() {
            for &j in columns {
                values.push(match self.cell(i, j) {
                    None => f64::NAN,
                    Some(cell) => match cell.parse::<f64>() {
                        Ok(v) if v.is_finite() => v,
                        _ => {
                            return Err(format!(
                                "{path}, line {}, column `{}`: `{cell}` is not a number",
                                i + 2,
                                self.header[j]
                            ))
                        }
                    },
                });
            }
        }
        ContinuousData::new(columns.len(), values)
            .map_err(|e| self.describe(path, columns, &e.to_string()))
    }

    /// The named columns as answer categories: codes 1..K (K declared, or the
    /// largest code of each column), or with an instrument the option values
    /// of each item's response scale.
    fn categorical(
        &self,
        path: &str,
        columns: &[usize],
        declared: Option<u8>,
        instrument: Option<&Instrument>,
    ) -> Result<CategoricalData, String> {
        let scales: Vec<Option<&naastenmeter_core::instrument::ResponseScale>> = columns
            .iter()
            .map(|&j| {
                instrument
                    .map(|ins| {
                        let id = &self.header[j];
                        ins.item(id)
                            .and_then(|item| ins.response_scale_of(item))
                            .ok_or(format!("column `{id}` is not an item of the instrument"))
                    })
                    .transpose()
            })
            .collect::<Result<_, _>>()?;
        let mut codes = Vec::with_capacity(self.rows() * columns.len());
        let mut largest = vec![0u8; columns.len()];
        for i in 0..self.rows() {
            for (position, &j) in columns.iter().enumerate() {
                let Some(cell) = self.cell(i, j) else {
                    codes.push(MISSING_CATEGORY);
                    continue;
                };
                let place = || format!("{path}, line {}, column `{}`", i + 2, self.header[j]);
                let value: i32 = cell
                    .parse()
                    .map_err(|_| format!("{}: `{cell}` is not a whole number", place()))?;
                let code = match scales[position] {
                    Some(scale) => scale.option_index(value).ok_or(format!(
                        "{}: {value} is not an option of response scale `{}`",
                        place(),
                        scale.id
                    ))?,
                    None => {
                        let top = i32::from(declared.unwrap_or(254));
                        if !(1..=top).contains(&value) {
                            return Err(format!(
                                "{}: category {value} is outside 1..{top}",
                                place()
                            ));
                        }
                        (value - 1) as usize
                    }
                };
                let code =
                    u8::try_from(code).map_err(|_| format!("{}: too many categories", place()))?;
                largest[position] = largest[position].max(code + 1);
                codes.push(code);
            }
        }
        let categories: Vec<u8> = scales
            .iter()
            .zip(&largest)
            .map(|(scale, largest)| match scale {
                Some(scale) => u8::try_from(scale.options.len()).unwrap_or(u8::MAX),
                None => declared.unwrap_or((*largest).max(2)),
            })
            .collect();
        CategoricalData::new(categories, codes)
            .map_err(|e| self.describe(path, columns, &e.to_string()))
    }

    /// An estimation error's "column 3" turned into the column's name.
    pub(crate) fn describe(&self, path: &str, columns: &[usize], message: &str) -> String {
        let mut message = message.to_string();
        for (position, &j) in columns.iter().enumerate().rev() {
            message = message.replace(
                &format!("column {}", position + 1),
                &format!("column `{}`", self.header[j]),
            );
        }
        format!("{path}: {message}")
    }
}

/// Splits CSV text into records, writing the cells' contents (quotes
/// removed, doubled quotes undone) to `buffer` and handing each record's
/// cell ranges to `record` with the line the record starts on. Quoted cells
/// may hold commas and line breaks.
fn parse_csv(
    text: &str,
    buffer: &mut String,
    mut record: impl FnMut(usize, &[(u32, u32)], &str) -> Result<(), String>,
) -> Result<(), String> {
    let mut cells: Vec<(u32, u32)> = Vec::new();
    let mut cell_start = 0u32;
    let mut line = 1;
    let mut start = 1;
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let end_cell = |buffer: &String, cells: &mut Vec<(u32, u32)>, cell_start: &mut u32| {
        let end = buffer.len() as u32;
        cells.push((*cell_start, end));
        *cell_start = end;
    };
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                buffer.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => {
                if c == '\n' {
                    line += 1;
                }
                buffer.push(c);
            }
            (false, '"') if buffer[cell_start as usize..].trim().is_empty() => {
                buffer.truncate(cell_start as usize);
                quoted = true;
            }
            (false, ',') => end_cell(buffer, &mut cells, &mut cell_start),
            (false, '\r') => {}
            (false, '\n') => {
                end_cell(buffer, &mut cells, &mut cell_start);
                record(start, &cells, buffer)?;
                cells.clear();
                line += 1;
                start = line;
            }
            (false, c) => buffer.push(c),
        }
    }
    if quoted {
        return Err(format!("line {start}: a quoted cell is not closed"));
    }
    if buffer.len() as u32 > cell_start || !cells.is_empty() {
        end_cell(buffer, &mut cells, &mut cell_start);
        record(start, &cells, buffer)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{OPTIONS, USAGE};

    #[test]
    fn usage_has_one_line_for_every_option() {
        for option in OPTIONS.iter().chain(&["help"]) {
            let lines = USAGE
                .lines()
                .filter(|l| l.trim_start().starts_with(&format!("--{option} ")))
                .count();
            assert_eq!(lines, 1, "--{option} in\n{USAGE}");
        }
        let listed = USAGE
            .lines()
            .filter(|l| l.trim_start().starts_with("--"))
            .count();
        assert_eq!(
            listed,
            OPTIONS.len() + 1,
            "an option line the parser does not know"
        );
    }
}
