//! The `fit` command: fits latent profile or latent class models over a
//! range of class counts to a CSV file, prints the class-enumeration table,
//! and writes the chosen model (alone or merged into an instrument).
//!
//! Also home of the small CSV reader the `reliability` command shares: a
//! header line, comma-separated cells, double quotes as in RFC 4180, and
//! `NA` or an empty cell for a missing value.

use std::borrow::Cow;
use std::fs;
use std::ops::Range;
use std::sync::Mutex;
use std::time::Instant;

use naastenmeter_core::instrument::{FittedModel, Instrument, VarianceKind};
use naastenmeter_core::{load_instrument, validate};
use naastenmeter_estimate::{
    bootstrap_lrt, enumerate, enumeration_table, Accelerator, CategoricalData, ClassOrder,
    ContinuousData, Dataset, FitOptions, Progress, MISSING_CATEGORY,
};

use crate::args::Options;

/// Usage of `naastenmeter fit`.
pub const USAGE: &str = "\
naastenmeter fit --kind profiles|classes [options] <data.csv>

  --kind profiles|classes   latent profiles (scale scores) or latent classes (items coded 1..K)
  --classes 1..5            class counts to fit (a range or one number; default 1..5)
  --columns a,b,c           columns to use (default: every column); `column=id` gives a
                            column the scale or item id it has in the model
  --starts 100              random starts per class count
  --seed 1                  seed of the random starts
  --variances equal|per-class   profiles: variances shared by classes or not (default equal)
  --categories K            classes: every item has categories 1..K (default: its largest code)
  --smoothing 0             classes: Dirichlet pseudo-count per category (0 = plain ML, as poLCA)
  --tolerance 1e-10         converged when an EM step raises the log-likelihood by less (< 0: never)
  --max-iterations 10000    limit per start, in EM steps (each a pass over the data, jumps included)
  --accelerate squarem|none EM sped up by SQUAREM jumps (default), or plain EM as poLCA
  --start-values starts.csv classes: start from these probabilities instead of random ones
                            (columns start,class,item,category,probability, counted from 1;
                            one class count; the file's starts replace --starts)
  --order largest|<column>  class order: largest first, or by the mean of a column
  --choose K                class count of the model written (default: lowest BIC)
  --min-inputs 0            inputs a respondent needs to be classified at all (0 = all columns)
  --typical-share 0.975     share of the fitting data the typicality threshold keeps
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
    "accelerate",
    "start-values",
    "order",
    "choose",
    "min-inputs",
    "typical-share",
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
    let mut table = Table::read(path)?;
    // `column=id` reads a data column under another name in the model.
    let (data_columns, columns): (Vec<String>, Vec<String>) = match args.get("columns") {
        Some(list) => list
            .split(',')
            .map(|c| match c.split_once('=') {
                Some((column, id)) => (column.trim().to_string(), id.trim().to_string()),
                None => (c.trim().to_string(), c.trim().to_string()),
            })
            .unzip(),
        None => (table.header.clone(), table.header.clone()),
    };
    let indices = table.columns(&data_columns)?;
    if options_min_inputs(&args)? > columns.len() {
        return Err(format!(
            "--min-inputs {} is more than the {} columns fitted",
            options_min_inputs(&args)?,
            columns.len()
        ));
    }

    let mut options = FitOptions {
        starts: number(&args, "starts", 100)?,
        seed: number(&args, "seed", 1)?,
        tolerance: number(&args, "tolerance", 1e-10)?,
        max_iterations: number(&args, "max-iterations", 10_000)?,
        smoothing: number(&args, "smoothing", 0.0)?,
        threads: number(&args, "threads", 0)?,
        min_inputs: options_min_inputs(&args)?,
        typical_share: number(&args, "typical-share", 0.975)?,
        ..FitOptions::default()
    };
    if !(options.typical_share > 0.0 && options.typical_share <= 1.0) {
        return Err(format!(
            "--typical-share must be above 0 and at most 1, not {}",
            options.typical_share
        ));
    }
    options.accelerator = match args.get("accelerate").unwrap_or("squarem") {
        "squarem" => Accelerator::Squarem,
        "none" => Accelerator::None,
        other => {
            return Err(format!(
                "--accelerate must be squarem or none, not `{other}`"
            ))
        }
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
        column => ClassOrder::ByColumn(
            columns
                .iter()
                .position(|c| c == column)
                .or_else(|| data_columns.iter().position(|c| c == column))
                .ok_or(format!(
                    "--order names `{column}`, which is not a fitted column"
                ))?,
        ),
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

    if let Some(file) = args.get("start-values") {
        let Dataset::Categorical(d) = &data else {
            return Err("--start-values is for latent classes (--kind classes)".into());
        };
        if range.start() != range.end() {
            return Err("--start-values fits one class count: give --classes K".into());
        }
        options.start_values =
            crate::start_values::read(file, *range.start(), &columns, d.categories())?;
        if args.get("starts").is_some() && options.starts != options.start_values.len() {
            return Err(format!(
                "--starts {} but `{file}` holds {} starts; leave --starts out",
                options.starts,
                options.start_values.len()
            ));
        }
        options.starts = options.start_values.len();
    }

    // The file's text is not needed while fitting: free it, so the peak
    // memory is the larger of reading and fitting, not their sum.
    let header = std::mem::take(&mut table.header);
    drop(table);

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
            if s.iterations.len() <= 20 {
                let each: Vec<String> = s.iterations.iter().map(|i| i.to_string()).collect();
                eprintln!("{k} classes: EM iterations per start: {}", each.join(", "));
            }
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
        return Err(describe(&header, path, &indices, &error.to_string()));
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
            instrument.model.typicality = fit.typicality;
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
        None => serde_json::to_string_pretty(&FittedModel {
            typicality: fit.typicality,
            latent: fit.model,
        }),
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

/// `--min-inputs`: 0 (the default) means every fitted column.
fn options_min_inputs(args: &Options) -> Result<usize, String> {
    number(args, "min-inputs", 0)
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
/// Only the file's text and where each row starts are kept; a row's cells
/// are found again when it is read. Numbers in a CSV file take fewer bytes
/// than any index of their cells would (on 100,000 rows x 20 items a
/// (start, end) pair per cell took four times the file's size), and the
/// fitting data are built row by row in order, so each row is split once.
pub(crate) struct Table {
    /// Column names.
    pub header: Vec<String>,
    text: String,
    /// Byte offset in `text` of each data row's first cell.
    starts: Vec<u32>,
}

impl Table {
    /// Reads and splits a CSV file; every row must have the header's width.
    pub(crate) fn read(path: &str) -> Result<Self, String> {
        let text = fs::read_to_string(path).map_err(|e| format!("cannot read `{path}`: {e}"))?;
        if text.len() >= u32::MAX as usize {
            return Err(format!("{path}: the file is larger than 4 GB"));
        }
        let mut header: Option<Vec<String>> = None;
        let mut starts = Vec::new();
        let mut cells = Vec::new();
        let mut position = 0;
        let mut line = 1;
        while position < text.len() {
            let start = position;
            let first_line = line;
            position = split_record(&text, position, &mut line, &mut cells)
                .map_err(|e| format!("{path}, {e}"))?;
            let Some(header) = &header else {
                header = Some(
                    cells
                        .iter()
                        .map(|c| decode(&text[c.clone()]).trim().to_string())
                        .collect(),
                );
                continue;
            };
            if cells.len() == 1 && decode(&text[cells[0].clone()]).trim().is_empty() {
                continue;
            }
            if cells.len() != header.len() {
                return Err(format!(
                    "{path}, line {first_line}: {} cells, but the header has {} columns",
                    cells.len(),
                    header.len()
                ));
            }
            starts.push(start as u32);
        }
        let Some(header) = header else {
            return Err(format!("{path}: the file is empty; expected a header line"));
        };
        if starts.is_empty() {
            return Err(format!("{path}: the file has a header but no rows"));
        }
        Ok(Self {
            header,
            text,
            starts,
        })
    }

    /// The cells of row `i`, `None` where empty or `NA`.
    pub(crate) fn row(&self, i: usize) -> Vec<Option<Cow<'_, str>>> {
        let mut cells = Vec::with_capacity(self.header.len());
        let mut line = 0;
        // The row was split once already while reading, so this cannot fail.
        let _ = split_record(&self.text, self.starts[i] as usize, &mut line, &mut cells);
        cells
            .into_iter()
            .map(|range| {
                let cell = decode(&self.text[range]);
                let missing = matches!(cell.trim(), "" | "NA");
                (!missing).then(|| match cell {
                    Cow::Borrowed(c) => Cow::Borrowed(c.trim()),
                    Cow::Owned(c) => Cow::Owned(c.trim().to_string()),
                })
            })
            .collect()
    }

    /// Number of rows (without the header).
    pub(crate) fn rows(&self) -> usize {
        self.starts.len()
    }

    /// The cell at row `i`, column `j`; `None` when empty or `NA`.
    pub(crate) fn cell(&self, i: usize, j: usize) -> Option<Cow<'_, str>> {
        self.row(i).swap_remove(j)
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
            let row = self.row(i);
            for &j in columns {
                values.push(match &row[j] {
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
            let row = self.row(i);
            for (position, &j) in columns.iter().enumerate() {
                let Some(cell) = &row[j] else {
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
        describe(&self.header, path, columns, message)
    }
}

/// An estimation error's "column 3" turned into the name in `header` of the
/// third of `columns`.
fn describe(header: &[String], path: &str, columns: &[usize], message: &str) -> String {
    let mut message = message.to_string();
    for (position, &j) in columns.iter().enumerate().rev() {
        message = message.replace(
            &format!("column {}", position + 1),
            &format!("column `{}`", header[j]),
        );
    }
    format!("{path}: {message}")
}

/// Splits the CSV record that begins at byte `position` of `text` into
/// `cells` (raw byte ranges, quotes still in; [`decode`] gives a cell's
/// value) and returns where the next record begins. Quoted cells may hold
/// commas and line breaks; `line` counts the line breaks passed.
fn split_record(
    text: &str,
    mut position: usize,
    line: &mut usize,
    cells: &mut Vec<Range<usize>>,
) -> Result<usize, String> {
    cells.clear();
    let first_line = *line;
    let bytes = text.as_bytes();
    let mut cell_start = position;
    let mut quoted = false;
    // Commas, quotes and line breaks are ASCII, so scanning bytes is safe
    // in UTF-8: no byte of a multi-byte character equals one of them.
    while position < bytes.len() {
        match (quoted, bytes[position]) {
            // A doubled quote inside quotes is one quote character.
            (true, b'"') if bytes.get(position + 1) == Some(&b'"') => position += 1,
            (true, b'"') => quoted = false,
            (true, b'\n') => *line += 1,
            // A quote opens a quoted cell only at its start (after spaces),
            // as in `decode`.
            (false, b'"') if text[cell_start..position].trim().is_empty() => quoted = true,
            (false, b',') => {
                cells.push(cell_start..position);
                cell_start = position + 1;
            }
            (false, b'\n') => {
                cells.push(cell_start..position);
                *line += 1;
                return Ok(position + 1);
            }
            _ => {}
        }
        position += 1;
    }
    if quoted {
        return Err(format!("line {first_line}: a quoted cell is not closed"));
    }
    cells.push(cell_start..position);
    Ok(position)
}

/// The value of a raw CSV cell: quotes removed, doubled quotes undone,
/// carriage returns outside quotes dropped. Borrowed when there is nothing
/// to undo, which is every cell of a file of numbers.
fn decode(raw: &str) -> Cow<'_, str> {
    if !raw.contains(['"', '\r']) {
        return Cow::Borrowed(raw);
    }
    let mut value = String::with_capacity(raw.len());
    let mut quoted = false;
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                value.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => value.push(c),
            // A quote opens a quoted cell only at its start (after spaces);
            // elsewhere it is an ordinary character.
            (false, '"') if value.trim().is_empty() => {
                value.clear();
                quoted = true;
            }
            (false, '\r') => {}
            (false, c) => value.push(c),
        }
    }
    Cow::Owned(value)
}

#[cfg(test)]
mod tests {
    use super::{Table, OPTIONS, USAGE};

    fn table(name: &str, text: &str) -> Result<Table, String> {
        let dir = std::env::temp_dir().join(format!("naastenmeter-csv-{}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| e.to_string())?;
        Table::read(&path.to_string_lossy())
    }

    #[test]
    fn csv_quotes_line_breaks_and_missing_cells() {
        let t = table(
            "quotes.csv",
            "id,\"note, with comma\",x\r\n1,\"say \"\"hi\"\"\nthere\",NA\r\n\n  \n2, \"q\" ,5\n3,a\"b,\n",
        )
        .unwrap();
        assert_eq!(t.header, ["id", "note, with comma", "x"]);
        // Blank lines are skipped; a quoted cell keeps its line break.
        assert_eq!(t.rows(), 3);
        assert_eq!(t.cell(0, 1).as_deref(), Some("say \"hi\"\nthere"));
        assert_eq!(t.cell(0, 2), None);
        assert_eq!(t.cell(1, 1).as_deref(), Some("q"));
        assert_eq!(t.cell(1, 2).as_deref(), Some("5"));
        // A quote inside an unquoted cell is an ordinary character.
        assert_eq!(t.cell(2, 1).as_deref(), Some("a\"b"));
        assert_eq!(t.cell(2, 2), None);
    }

    #[test]
    fn csv_errors_name_the_line() {
        let ragged = table("ragged.csv", "a,b\n1,2\n3\n")
            .err()
            .unwrap_or_default();
        assert!(
            ragged.ends_with("line 3: 1 cells, but the header has 2 columns"),
            "{ragged}"
        );
        let open = table("open.csv", "a,b\n1,\"2\n").err().unwrap_or_default();
        assert!(
            open.ends_with("line 2: a quoted cell is not closed"),
            "{open}"
        );
        let empty = table("empty.csv", "a,b\n\n").err().unwrap_or_default();
        assert!(
            empty.ends_with("the file has a header but no rows"),
            "{empty}"
        );
    }

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
