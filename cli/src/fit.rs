//! The `fit` command: fits latent profile or latent class models over a
//! range of class counts to a CSV file, prints the class-enumeration table,
//! and writes the chosen model (alone or merged into an instrument).
//!
//! The data are read by [`crate::table`]; this module holds the command's
//! arguments and its steps: check the command line, read the data, fit with
//! progress on standard error, bootstrap, choose and write.

use std::fs;
use std::ops::RangeInclusive;
use std::sync::Mutex;
use std::time::Instant;

use clap::{Args, ValueEnum};
use naastenmeter_core::instrument::{FittedModel, VarianceKind};
use naastenmeter_core::{load_instrument, Questionnaire};
use naastenmeter_estimate::{
    bootstrap_lrt, enumerate, enumeration_table, Accelerator, ClassOrder, Dataset, EstimateError,
    Fit, FitOptions, Progress,
};

use crate::failure::Failure;
use crate::table::{describe, Table};

/// Arguments of `naastenmeter fit`. Each option has one line in
/// `naastenmeter fit --help`.
#[derive(Debug, Args)]
#[command(args_override_self = true)]
pub struct FitArgs {
    /// The data: a CSV file with a header line
    #[arg(value_name = "data.csv")]
    data: String,
    /// Latent profiles (scale scores) or latent classes (items coded 1..K)
    #[arg(long, value_enum)]
    kind: Kind,
    /// Class counts to fit: a range like 1..5 or one number
    #[arg(long, value_name = "1..5", default_value = "1..5", value_parser = class_range)]
    classes: ClassRange,
    /// Columns to use (default: all); `column=id` gives a column its id in the model
    #[arg(long, value_name = "a,b,c", value_parser = column_list)]
    columns: Option<ColumnList>,
    /// Random starts per class count [default: 100]
    #[arg(long, value_name = "100")]
    starts: Option<usize>,
    /// Seed of the random starts
    #[arg(long, value_name = "1", default_value_t = 1)]
    seed: u64,
    /// Profiles: variances shared by the classes or not
    #[arg(long, value_enum, default_value_t = Variances::Equal)]
    variances: Variances,
    /// Classes: every item has categories 1..K [default: its largest code]
    #[arg(long, value_name = "K")]
    categories: Option<u8>,
    /// Classes: Dirichlet pseudo-count per category (0 = plain ML, as poLCA)
    #[arg(long, value_name = "0", default_value_t = 0.0)]
    smoothing: f64,
    /// Converged when an EM step raises the log-likelihood by less (< 0: never)
    #[arg(
        long,
        value_name = "1e-10",
        default_value = "1e-10",
        allow_negative_numbers = true
    )]
    tolerance: f64,
    /// Limit per start, in EM steps (each a pass over the data, jumps included)
    #[arg(long, value_name = "10000", default_value_t = 10_000)]
    max_iterations: usize,
    /// EM sped up by SQUAREM jumps, or plain EM as poLCA
    #[arg(long, value_enum, default_value_t = Accelerate::Squarem)]
    accelerate: Accelerate,
    /// Classes: start from these probabilities (start,class,item,category,probability)
    #[arg(long, value_name = "starts.csv")]
    start_values: Option<String>,
    /// Class order: largest first, or by the mean of a column
    #[arg(long, value_name = "largest|column", default_value = "largest")]
    order: String,
    /// Class count of the model written [default: lowest BIC]
    #[arg(long, value_name = "K")]
    choose: Option<usize>,
    /// Inputs a respondent needs to be classified at all (0 = all columns)
    #[arg(long, value_name = "0", default_value_t = 0)]
    min_inputs: usize,
    /// Share of the fitting data the typicality threshold keeps
    #[arg(long, value_name = "0.975", default_value_t = 0.975, value_parser = share)]
    typical_share: f64,
    /// Prototype ids for the classes, in class order
    #[arg(long, value_name = "a,b,c")]
    prototypes: Option<String>,
    /// Merge the model into this instrument (columns = its scale or item ids)
    #[arg(long, value_name = "in.json")]
    instrument: Option<String>,
    /// Where to write the model or instrument [default: standard output]
    #[arg(long, value_name = "out.json")]
    out: Option<String>,
    /// Bootstrap likelihood-ratio test with this many samples per k vs k-1
    #[arg(long, value_name = "0", default_value_t = 0)]
    blrt: usize,
    /// Threads to use (0 = every core; results do not depend on it)
    #[arg(long, value_name = "0", default_value_t = 0)]
    threads: usize,
}

/// What kind of model `fit` fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Kind {
    // Latent profiles over scale scores.
    Profiles,
    // Latent classes over items coded 1..K.
    Classes,
}

/// `--variances`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Variances {
    // One variance per column, shared by the classes.
    Equal,
    // Each class its own variances.
    PerClass,
}

/// `--accelerate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Accelerate {
    // SQUAREM jumps.
    Squarem,
    // Plain EM, as poLCA.
    #[value(name = "none")]
    Plain,
}

/// `--classes`: the class counts to fit, from 1 up.
#[derive(Debug, Clone)]
struct ClassRange(RangeInclusive<usize>);

/// `--columns`: the data columns, each with its id in the model.
#[derive(Debug, Clone)]
struct ColumnList(Vec<(String, String)>);

/// Parses `--classes`: `4`, `1..5` or `1..=5`.
fn class_range(text: &str) -> Result<ClassRange, String> {
    let bad = || format!("expected a count like 4 or a range like 1..5, not `{text}`");
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
    Ok(ClassRange(from..=to))
}

/// Parses `--columns`: `a,b,c`, where `column=id` reads a data column under
/// another name in the model.
fn column_list(text: &str) -> Result<ColumnList, String> {
    let columns: Vec<(String, String)> = text
        .split(',')
        .map(|c| match c.split_once('=') {
            Some((column, id)) => (column.trim().to_string(), id.trim().to_string()),
            None => (c.trim().to_string(), c.trim().to_string()),
        })
        .collect();
    if columns.iter().any(|(c, id)| c.is_empty() || id.is_empty()) {
        return Err(format!("expected column names like a,b,c, not `{text}`"));
    }
    Ok(ColumnList(columns))
}

/// Parses `--typical-share`: above 0 and at most 1.
fn share(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(share) if share > 0.0 && share <= 1.0 => Ok(share),
        _ => Err(format!("must be above 0 and at most 1, not {text}")),
    }
}

impl FitArgs {
    /// Refuses options that do not go together, before any file is read.
    fn check(&self) -> Result<(), Failure> {
        let range = &self.classes.0;
        if let Some(k) = self.choose {
            if !range.contains(&k) {
                return Err(Failure::Usage(format!(
                    "--choose {k} is outside --classes {}..{}",
                    range.start(),
                    range.end()
                )));
            }
        }
        if self.start_values.is_some() {
            if self.kind != Kind::Classes {
                return Err(Failure::Usage(
                    "--start-values is for latent classes (--kind classes)".into(),
                ));
            }
            if range.start() != range.end() {
                return Err(Failure::Usage(
                    "--start-values fits one class count: give --classes K".into(),
                ));
            }
        }
        Ok(())
    }

    /// The data columns to read and the ids they get in the model.
    fn columns(&self, table: &Table) -> (Vec<String>, Vec<String>) {
        match &self.columns {
            Some(ColumnList(list)) => list.iter().cloned().unzip(),
            None => (table.header.clone(), table.header.clone()),
        }
    }

    /// The estimator's options; `columns` are the model's ids of the
    /// `data_columns`, for `--order`.
    fn options(&self, data_columns: &[String], columns: &[String]) -> Result<FitOptions, String> {
        if self.min_inputs > columns.len() {
            return Err(format!(
                "--min-inputs {} is more than the {} columns fitted",
                self.min_inputs,
                columns.len()
            ));
        }
        let order = match self.order.as_str() {
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
        Ok(FitOptions {
            starts: self.starts.unwrap_or(100),
            seed: self.seed,
            tolerance: self.tolerance,
            max_iterations: self.max_iterations,
            smoothing: self.smoothing,
            threads: self.threads,
            min_inputs: self.min_inputs,
            typical_share: self.typical_share,
            accelerator: match self.accelerate {
                Accelerate::Squarem => Accelerator::Squarem,
                Accelerate::Plain => Accelerator::None,
            },
            variances: match self.variances {
                Variances::Equal => VarianceKind::Equal,
                Variances::PerClass => VarianceKind::PerClass,
            },
            order,
            ..FitOptions::default()
        })
    }
}

/// Runs `naastenmeter fit`: check the command line, read the data, fit
/// every class count, choose one and write it.
pub fn run(args: &FitArgs) -> Result<(), Failure> {
    args.check()?;
    let instrument = args.instrument.as_deref().map(load).transpose()?;
    let mut input = read_input(args, instrument.as_ref())?;
    add_start_values(args, &mut input)?;
    let fits = fit_with_progress(&input.data, args.classes.0.clone(), &input.options);
    if args.blrt > 0 {
        bootstrap(&input.data, &fits, args.blrt, &input.options);
    }
    refuse_when_nothing_fitted(&fits, &input, &args.data)?;
    let (chosen, mut fit) = choose(fits, args.choose)?;
    let prototypes = prototype_ids(args, instrument.as_ref(), chosen)?;
    fit.rename(&input.columns, &prototypes);
    eprintln!("writing the {chosen}-class model");
    write(fit, instrument, args.out.as_deref())
}

/// What `fit` has read and settled before fitting.
struct Input {
    /// The data file's header (its rows are read again on each pass).
    table: Table,
    /// Positions of the fitted columns in the file.
    indices: Vec<usize>,
    /// The fitted columns' ids in the model.
    columns: Vec<String>,
    /// The fitting data.
    data: Dataset,
    /// The estimator's options.
    options: FitOptions,
}

/// Reads the data file's header, finds the fitted columns, settles the
/// options and reads the data, in that order (so a wrong option is reported
/// before the whole file is read).
fn read_input(args: &FitArgs, instrument: Option<&Questionnaire>) -> Result<Input, Failure> {
    let table = Table::read(&args.data)?;
    let (data_columns, columns) = args.columns(&table);
    let indices = table.columns(&data_columns)?;
    let options = args.options(&data_columns, &columns)?;
    let data = dataset(args, &table, &indices, &columns, instrument)?;
    Ok(Input {
        table,
        indices,
        columns,
        data,
        options,
    })
}

/// `--start-values`: the starts of the file replace the random ones (and
/// set their number).
fn add_start_values(args: &FitArgs, input: &mut Input) -> Result<(), Failure> {
    let Some(file) = &args.start_values else {
        return Ok(());
    };
    let Dataset::Categorical(d) = &input.data else {
        // `check` allows --start-values only with --kind classes.
        return Err(Failure::Usage(
            "--start-values is for latent classes (--kind classes)".into(),
        ));
    };
    let options = &mut input.options;
    options.start_values = crate::start_values::read(
        file,
        *args.classes.0.start(),
        &input.columns,
        d.categories(),
    )?;
    if let Some(starts) = args.starts.filter(|s| *s != options.start_values.len()) {
        return Err(Failure::Input(format!(
            "--starts {starts} but `{file}` holds {} starts; leave --starts out",
            options.start_values.len()
        )));
    }
    options.starts = options.start_values.len();
    Ok(())
}

/// When no class count could be fitted, the first error, with the
/// estimator's column numbers turned into the file's column names.
fn refuse_when_nothing_fitted(
    fits: &[(usize, Result<Fit, EstimateError>)],
    input: &Input,
    path: &str,
) -> Result<(), Failure> {
    match fits
        .iter()
        .find_map(|(_, f)| f.as_ref().err())
        .filter(|_| fits.iter().all(|(_, f)| f.is_err()))
    {
        Some(error) => Err(describe(
            &input.table.header,
            path,
            &input.indices,
            &error.to_string(),
        )
        .into()),
        None => Ok(()),
    }
}

/// The prototype ids the classes of the chosen model get: `--prototypes`,
/// or the instrument's prototypes, or none (generic names); refused when
/// their number is not the chosen class count.
fn prototype_ids(
    args: &FitArgs,
    instrument: Option<&Questionnaire>,
    chosen: usize,
) -> Result<Vec<String>, Failure> {
    let prototypes: Vec<String> = match (&args.prototypes, instrument) {
        (Some(list), _) => list.split(',').map(|p| p.trim().to_string()).collect(),
        (None, Some(instrument)) => instrument.prototypes.iter().map(|p| p.id.clone()).collect(),
        (None, None) => Vec::new(),
    };
    if !prototypes.is_empty() && prototypes.len() != chosen {
        return Err(Failure::Input(format!(
            "{} prototype ids for a {chosen}-class model; give --prototypes with one id per class",
            prototypes.len()
        )));
    }
    Ok(prototypes)
}

/// The fitting data: the chosen columns as scale scores or as answer
/// categories, checked against the instrument when one is given.
fn dataset(
    args: &FitArgs,
    table: &Table,
    indices: &[usize],
    columns: &[String],
    instrument: Option<&Questionnaire>,
) -> Result<Dataset, String> {
    match args.kind {
        Kind::Profiles => {
            if let Some(instrument) = instrument {
                if let Some(c) = columns.iter().find(|c| instrument.scale(c).is_none()) {
                    return Err(format!("column `{c}` is not a scale of the instrument"));
                }
            }
            Ok(Dataset::Continuous(table.continuous(indices)?))
        }
        Kind::Classes => Ok(Dataset::Categorical(table.categorical(
            indices,
            args.categories,
            instrument,
        )?)),
    }
}

/// Fits every class count of `range`, with progress on standard error, and
/// prints the enumeration table, then per class count how the starts went.
fn fit_with_progress(
    data: &Dataset,
    range: RangeInclusive<usize>,
    options: &FitOptions,
) -> Vec<(usize, Result<Fit, EstimateError>)> {
    let started = Instant::now();
    let last_line = Mutex::new(Instant::now());
    let fits = enumerate(data, range, options, &|progress| match progress {
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
        let Ok(fit) = fit else { continue };
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
    fits
}

/// `--blrt`: a bootstrap likelihood-ratio test of each class count against
/// the one before, printed after the table.
fn bootstrap(
    data: &Dataset,
    fits: &[(usize, Result<Fit, EstimateError>)],
    replicates: usize,
    options: &FitOptions,
) {
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
            match bootstrap_lrt(data, small, large, replicates, &boot) {
                Ok(test) => println!(
                    "  {k0} vs {k1} classes: LR = {:.4}, p = {:.4} ({} samples)",
                    test.statistic, test.p_value, test.replicates
                ),
                Err(e) => println!("  {k0} vs {k1} classes: not tested: {e}"),
            }
        }
    }
}

/// The class count asked for with `--choose`, or the one with the lowest BIC.
fn choose(
    fits: Vec<(usize, Result<Fit, EstimateError>)>,
    asked: Option<usize>,
) -> Result<(usize, Fit), String> {
    let chosen = match asked {
        Some(k) => k,
        None => fits
            .iter()
            .filter_map(|(k, f)| f.as_ref().ok().map(|f| (*k, f.statistics.bic)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(k, _)| k)
            .ok_or("no class count could be fitted")?,
    };
    let fit = fits
        .into_iter()
        .find(|(k, _)| *k == chosen)
        .ok_or(format!("no {chosen}-class model was fitted"))?
        .1
        .map_err(|e| format!("the {chosen}-class model could not be fitted: {e}"))?;
    Ok((chosen, fit))
}

/// Writes the model, or the instrument with the model merged in (checked
/// again), to `out` or standard output.
fn write(fit: Fit, instrument: Option<Questionnaire>, out: Option<&str>) -> Result<(), Failure> {
    let json = match instrument {
        Some(questionnaire) => {
            let mut instrument = questionnaire.instrument().clone();
            instrument.model.latent = fit.model;
            instrument.model.typicality = fit.typicality;
            let problems = naastenmeter_core::validate(&instrument);
            if !problems.is_empty() {
                let list: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
                return Err(Failure::Input(format!(
                    "the merged instrument is not valid:\n{}",
                    list.join("\n")
                )));
            }
            serde_json::to_string_pretty(&instrument)
        }
        None => serde_json::to_string_pretty(&FittedModel {
            typicality: fit.typicality,
            latent: fit.model,
        }),
    }
    .map_err(|e| format!("cannot write the model as JSON: {e}"))?;
    match out {
        Some(out) => {
            fs::write(out, json + "\n").map_err(|e| format!("cannot write `{out}`: {e}"))?;
        }
        None => println!("{json}"),
    }
    Ok(())
}

fn load(path: &str) -> Result<Questionnaire, String> {
    let bytes = fs::read(path).map_err(|e| format!("cannot read `{path}`: {e}"))?;
    load_instrument(&bytes).map_err(|e| format!("{path}: {e}"))
}
