//! `naastenmeter`: the command-line tool.
//!
//! It is a thin shell around `naastenmeter-core` (and, for fitting models,
//! `naastenmeter-estimate`): it reads files, calls the pure functions and
//! prints. Exit codes: 0 success, 1 the input has a problem (the message
//! says what and where), 2 the command line is wrong.

use std::process::ExitCode;

mod args;
mod commands;
mod fit;
mod reliability;
mod start_values;

const USAGE: &str = "\
naastenmeter: check instruments, score answers, fit prototype models

Usage:
  naastenmeter validate <instrument.json>
  naastenmeter score <instrument.json> <answers.json> [--format json|fhir|csv|share] [--language nl|en]
  naastenmeter decode <share-code> [--instrument <instrument.json>]
  naastenmeter questionnaire <instrument.json> [--language nl|en]
  naastenmeter schema
  naastenmeter fit --kind profiles|classes --classes 1..5 [options] <data.csv>
  naastenmeter reliability <options>
  naastenmeter help

Without --instrument, `decode` uses the built-in default questionnaire.";

/// What went wrong, and which exit code that gives.
pub enum Failure {
    /// The command line is wrong (exit code 2).
    Usage(String),
    /// An input file or value has a problem (exit code 1).
    Input(String),
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let result = match command.as_str() {
        "validate" => commands::validate(rest),
        "score" => commands::score(rest),
        "decode" => commands::decode(rest),
        "questionnaire" => commands::questionnaire(rest),
        "schema" => commands::schema(rest),
        "fit" => fit::run(rest).map_err(Failure::Input),
        "reliability" => reliability::run(rest).map_err(Failure::Input),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        "--version" | "-V" => {
            println!("naastenmeter {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        other => Err(Failure::Usage(format!("unknown command `{other}`"))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Input(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
    }
}
