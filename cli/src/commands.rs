//! The `validate`, `score`, `decode`, `questionnaire` and `schema` commands,
//! with their arguments.

use std::fs;

use clap::{Args, ValueEnum};
use naastenmeter_core::export::{csv, fhir, json, share};
use naastenmeter_core::{load_instrument, LoadError, Questionnaire};

use crate::answers::{self, Source};
use crate::failure::Failure;

/// The instrument `decode` uses when none is given: the default questionnaire.
const DEFAULT_INSTRUMENT: &str = include_str!("../../instruments/naastenmeter-v1.json");

/// Arguments of `naastenmeter validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The instrument file to check
    #[arg(value_name = "instrument.json")]
    instrument: String,
    /// Also write the checked instrument in the core's compact binary form
    /// to this file (what the web app loads for earlier versions)
    #[arg(long, value_name = "file.bin")]
    binary: Option<String>,
}

/// Arguments of `naastenmeter score`.
#[derive(Debug, Args)]
#[command(args_override_self = true)]
pub struct ScoreArgs {
    /// The instrument file
    #[arg(value_name = "instrument.json")]
    instrument: String,
    /// The answers: a JSON object from question id to answer, or a FHIR QuestionnaireResponse
    #[arg(value_name = "answers.json")]
    answers: String,
    /// What to print
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Language of the texts (one of the instrument's; default its first)
    #[arg(long, value_name = "nl|en")]
    language: Option<String>,
    /// When the answers were given (ISO 8601), for the json and fhir formats; a share code keeps the day
    #[arg(long, value_name = "time")]
    authored: Option<String>,
}

/// What `naastenmeter score` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The versioned, checksummed JSON report.
    Json,
    /// A FHIR R4 QuestionnaireResponse.
    Fhir,
    /// A CSV header and row for researchers.
    Csv,
    /// A share code.
    Share,
}

/// Arguments of `naastenmeter decode`.
#[derive(Debug, Args)]
#[command(args_override_self = true)]
pub struct DecodeArgs {
    /// The share code
    #[arg(value_name = "share-code")]
    code: String,
    /// The instrument the code was made with (default: the built-in default questionnaire)
    #[arg(long, value_name = "instrument.json")]
    instrument: Option<String>,
}

/// Arguments of `naastenmeter questionnaire`.
#[derive(Debug, Args)]
#[command(args_override_self = true)]
pub struct QuestionnaireArgs {
    /// The instrument file
    #[arg(value_name = "instrument.json")]
    instrument: String,
    /// Language of the texts (one of the instrument's; default its first)
    #[arg(long, value_name = "nl|en")]
    language: Option<String>,
}

fn read(path: &str) -> Result<Vec<u8>, Failure> {
    fs::read(path).map_err(|e| Failure::Input(format!("cannot read `{path}`: {e}")))
}

/// Reads and checks the instrument file at `path`.
pub(crate) fn load(path: &str) -> Result<Questionnaire, Failure> {
    let bytes = read(path)?;
    load_instrument(&bytes).map_err(|e| describe_load_error(path, &e))
}

/// The built-in default questionnaire.
pub(crate) fn load_default() -> Result<Questionnaire, Failure> {
    load_instrument(DEFAULT_INSTRUMENT.as_bytes())
        .map_err(|e| describe_load_error("the built-in default instrument", &e))
}

fn describe_load_error(path: &str, error: &LoadError) -> Failure {
    Failure::Input(format!("{path}: {error}"))
}

/// The language asked for, or the instrument's first; one the instrument
/// does not have is a wrong command line.
pub(crate) fn language(asked: Option<&str>, instrument: &Questionnaire) -> Result<String, Failure> {
    let language = asked
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
pub fn validate(args: &ValidateArgs) -> Result<(), Failure> {
    let path = &args.instrument;
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
    // Texts that lack a declared variant (`nl-formal`) use the plain
    // language's text there; the author may mean that, so it is a notice,
    // one line per variant, listing every such text's path.
    let findings = naastenmeter_core::validate::check(instrument.instrument());
    let mut variants: Vec<&str> = findings
        .missing_variants
        .iter()
        .map(|m| m.variant.as_str())
        .collect();
    variants.dedup();
    for variant in variants {
        let paths: Vec<&str> = findings
            .missing_variants
            .iter()
            .filter(|m| m.variant == variant)
            .map(|m| m.path.as_str())
            .collect();
        let base = naastenmeter_core::text::base_language(variant).unwrap_or(variant);
        println!(
            "notice: {} texts have no `{variant}` text and use the `{base}` text there: {}",
            paths.len(),
            paths.join(", ")
        );
    }
    if let Some(out) = &args.binary {
        let bytes = naastenmeter_core::binary::encode_instrument(instrument.instrument())
            .map_err(|e| Failure::Input(format!("{path}: {e}")))?;
        fs::write(out, bytes).map_err(|e| Failure::Input(format!("cannot write `{out}`: {e}")))?;
    }
    Ok(())
}

/// `naastenmeter score <instrument.json> <answers.json> [--format ...]`.
pub fn score(args: &ScoreArgs) -> Result<(), Failure> {
    let instrument = load(&args.instrument)?;
    let language = language(args.language.as_deref(), &instrument)?;
    let path = &args.answers;
    let (scored, source) =
        answers::read(&instrument, path, &read(path)?).map_err(Failure::Input)?;
    if source == Source::Fhir {
        eprintln!(
            "note: `{path}` is a FHIR QuestionnaireResponse: it carries no Naastenmeter \
             checksum, so nothing shows whether its answers were changed after they were given"
        );
    }
    // The time given on the command line wins over one the file carries.
    let scored = match &args.authored {
        Some(authored) => scored.made_at(Some(authored.clone())),
        None => scored,
    };
    let output = match args.format {
        Format::Json => json::export_report(&instrument, &scored),
        Format::Fhir => fhir::questionnaire_response(&instrument, &scored, &language),
        Format::Csv => csv::csv_export(&instrument, &scored),
        Format::Share => share::encode_share_code(&instrument, &scored),
    };
    println!("{}", output.trim_end());
    Ok(())
}

/// `naastenmeter decode <share-code> [--instrument <file>]`: prints the answers as JSON,
/// and the day the code carries as a note.
///
/// A code made with an earlier published version of the default instrument
/// decodes with that version, and a note says which.
pub fn decode(args: &DecodeArgs) -> Result<(), Failure> {
    let instrument = match &args.instrument {
        Some(path) => load(path)?,
        None => load_default()?,
    };
    let versions = crate::published::versions(instrument)?;
    let opened = versions
        .decode_share_code(&args.code)
        .map_err(|e| Failure::Input(e.to_string()))?;
    if !versions.is_current(opened.questionnaire) {
        eprintln!(
            "note: this code was made with version {} of `{}`; its answers are those of that version",
            opened.questionnaire.version, opened.questionnaire.id
        );
    }
    // The output is an answers file, which has no place for the day: say it
    // beside, so it is not lost, and how to keep it when scoring.
    if let Some(day) = opened.scored.created() {
        eprintln!("note: the answers were given on {day} (`score --authored {day}` keeps the day)");
    }
    let text = serde_json::to_string_pretty(opened.scored.answers())
        .map_err(|e| Failure::Input(e.to_string()))?;
    println!("{text}");
    Ok(())
}

/// `naastenmeter questionnaire <instrument.json>`: the instrument as a FHIR Questionnaire.
pub fn questionnaire(args: &QuestionnaireArgs) -> Result<(), Failure> {
    let instrument = load(&args.instrument)?;
    let language = language(args.language.as_deref(), &instrument)?;
    println!("{}", fhir::questionnaire(&instrument, &language));
    Ok(())
}

/// `naastenmeter schema`: the JSON Schema of the instrument format.
pub fn schema() -> Result<(), Failure> {
    let schema = naastenmeter_core::instrument_schema();
    let text = serde_json::to_string_pretty(&schema).map_err(|e| Failure::Input(e.to_string()))?;
    println!("{text}");
    Ok(())
}
