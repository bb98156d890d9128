//! The `validate`, `score`, `decode` and `questionnaire` commands.

use std::fs;

use naastenmeter_core::export::{csv, fhir, json, share};
use naastenmeter_core::{load_instrument, score as score_answers, Answers, Instrument, LoadError};

use crate::args::Options;
use crate::Failure;

/// The instrument `decode` uses when none is given: the default questionnaire.
const DEFAULT_INSTRUMENT: &str = include_str!("../../instruments/naastenmeter-v1.json");

/// Options and positional arguments, with usage errors as [`Failure::Usage`].
struct Args(Options);

impl Args {
    fn parse(args: &[String], known: &[&str]) -> Result<Self, Failure> {
        Options::parse(args, known)
            .map(Args)
            .map_err(Failure::Usage)
    }

    fn option(&self, name: &str) -> Option<&str> {
        self.0.get(name)
    }

    fn exactly<const N: usize>(&self, what: &str) -> Result<[&str; N], Failure> {
        let refs: Vec<&str> = self.0.positional.iter().map(String::as_str).collect();
        refs.try_into()
            .map_err(|_| Failure::Usage(format!("expected {what}")))
    }
}

fn read(path: &str) -> Result<Vec<u8>, Failure> {
    fs::read(path).map_err(|e| Failure::Input(format!("cannot read `{path}`: {e}")))
}

fn load(path: &str) -> Result<Instrument, Failure> {
    let bytes = read(path)?;
    load_instrument(&bytes).map_err(|e| describe_load_error(path, &e))
}

fn describe_load_error(path: &str, error: &LoadError) -> Failure {
    Failure::Input(format!("{path}: {error}"))
}

fn language(args: &Args, instrument: &Instrument) -> Result<String, Failure> {
    let language = args
        .option("language")
        .map(String::from)
        .unwrap_or_else(|| instrument.languages.first().cloned().unwrap_or_default());
    if !instrument.languages.contains(&language) {
        return Err(Failure::Usage(format!(
            "language `{language}` is not one of the instrument's languages ({})",
            instrument.languages.join(", ")
        )));
    }
    Ok(language)
}

/// `naastenmeter validate <instrument.json>`: prints every problem, or a summary.
pub fn validate(args: &[String]) -> Result<(), Failure> {
    let args = Args::parse(args, &[])?;
    let [path] = args.exactly("one instrument file")?;
    let instrument = load(path)?;
    println!(
        "{path}: instrument `{}` version {} is valid: {} items, {} context questions, {} scales, {} prototypes, {} advice rules, {} safety rules",
        instrument.id,
        instrument.version,
        instrument.items.len(),
        instrument.context_questions.len(),
        instrument.scales.len(),
        instrument.prototypes.len(),
        instrument.advice.len(),
        instrument.safety.len()
    );
    Ok(())
}

/// `naastenmeter score <instrument.json> <answers.json> [--format ...]`.
pub fn score(args: &[String]) -> Result<(), Failure> {
    let args = Args::parse(args, &["format", "language", "authored"])?;
    let [instrument_path, answers_path] = args.exactly("an instrument file and an answers file")?;
    let instrument = load(instrument_path)?;
    let bytes = read(answers_path)?;
    if bytes.len() > naastenmeter_core::MAX_IMPORT_BYTES {
        return Err(Failure::Input(format!(
            "{answers_path}: the file is {} bytes, more than the limit of {} bytes",
            bytes.len(),
            naastenmeter_core::MAX_IMPORT_BYTES
        )));
    }
    let answers: Answers = serde_json::from_slice(&bytes).map_err(|e| {
        Failure::Input(format!(
            "{answers_path}: not an answers file (a JSON object from question id to answer): {e}"
        ))
    })?;
    let report = score_answers(&instrument, &answers)
        .map_err(|e| Failure::Input(format!("{answers_path}: {e}")))?;
    let language = language(&args, &instrument)?;
    let authored = args.option("authored");
    let output = match args.option("format").unwrap_or("json") {
        "json" => json::export_report(&instrument, &answers, &report, authored),
        "fhir" => fhir::questionnaire_response(&instrument, &answers, &language, authored),
        "csv" => csv::csv_export(&instrument, &answers, &report),
        "share" => share::encode_share_code(&instrument, &answers),
        other => {
            return Err(Failure::Usage(format!(
                "unknown format `{other}`: use json, fhir, csv or share"
            )))
        }
    };
    println!("{}", output.trim_end());
    Ok(())
}

/// `naastenmeter decode <share-code> [--instrument <file>]`: prints the answers as JSON.
pub fn decode(args: &[String]) -> Result<(), Failure> {
    let args = Args::parse(args, &["instrument"])?;
    let [code] = args.exactly("one share code")?;
    let instrument = match args.option("instrument") {
        Some(path) => load(path)?,
        None => load_instrument(DEFAULT_INSTRUMENT.as_bytes())
            .map_err(|e| describe_load_error("the built-in default instrument", &e))?,
    };
    let answers =
        share::decode_share_code(&instrument, code).map_err(|e| Failure::Input(e.to_string()))?;
    let text = serde_json::to_string_pretty(&answers).map_err(|e| Failure::Input(e.to_string()))?;
    println!("{text}");
    Ok(())
}

/// `naastenmeter questionnaire <instrument.json>`: the instrument as a FHIR Questionnaire.
pub fn questionnaire(args: &[String]) -> Result<(), Failure> {
    let args = Args::parse(args, &["language"])?;
    let [path] = args.exactly("one instrument file")?;
    let instrument = load(path)?;
    let language = language(&args, &instrument)?;
    println!("{}", fhir::questionnaire(&instrument, &language));
    Ok(())
}

/// `naastenmeter schema`: the JSON Schema of the instrument format.
pub fn schema(args: &[String]) -> Result<(), Failure> {
    if !args.is_empty() {
        return Err(Failure::Usage("schema takes no arguments".into()));
    }
    let schema = naastenmeter_core::instrument_schema();
    let text = serde_json::to_string_pretty(&schema).map_err(|e| Failure::Input(e.to_string()))?;
    println!("{text}");
    Ok(())
}
