//! `naastenmeter`: the command-line tool.
//!
//! It is a thin shell around `naastenmeter-core` (and, for fitting models,
//! `naastenmeter-estimate`): it reads files, calls the pure functions and
//! prints. The command line is parsed by `clap` from the argument types of
//! each command's module, so `--help` and the usage lines are always current.
//! Exit codes: 0 success, 1 an input has a problem (the message says what
//! and where), 2 the command line is wrong.

use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, Parser, Subcommand};

mod answers;
mod commands;
mod failure;
mod fit;
mod paper;
mod published;
mod reliability;
mod start_values;
mod table;

use failure::Failure;

/// The command line.
#[derive(Debug, Parser)]
#[command(
    name = "naastenmeter",
    version,
    about = "naastenmeter: check instruments, score answers, fit prototype models",
    after_help = "Without --instrument, `decode` and `paper` use the built-in default questionnaire.\n\
                  Exit codes: 0 success, 1 an input has a problem, 2 the command line is wrong.",
    arg_required_else_help = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
enum Command {
    /// Check an instrument: every problem with its path, or a summary
    Validate(commands::ValidateArgs),
    /// Score answers: a JSON report, FHIR, CSV or a share code
    Score(commands::ScoreArgs),
    /// Turn a share code back into answers
    Decode(commands::DecodeArgs),
    /// The instrument as a FHIR R4 Questionnaire
    Questionnaire(commands::QuestionnaireArgs),
    /// The JSON Schema of the instrument format
    Schema,
    /// Fit latent profile or latent class models to a CSV file
    Fit(fit::FitArgs),
    /// Cronbach's alpha per scale, or test-retest ICC and Cohen's kappa
    Reliability(reliability::ReliabilityArgs),
    /// The questionnaire as a printable HTML page with boxes to tick
    Paper(paper::PaperArgs),
}

impl Command {
    /// The command's name on the command line.
    fn name(&self) -> &'static str {
        match self {
            Command::Validate(_) => "validate",
            Command::Score(_) => "score",
            Command::Decode(_) => "decode",
            Command::Questionnaire(_) => "questionnaire",
            Command::Schema => "schema",
            Command::Fit(_) => "fit",
            Command::Reliability(_) => "reliability",
            Command::Paper(_) => "paper",
        }
    }

    fn run(&self) -> Result<(), Failure> {
        match self {
            Command::Validate(args) => commands::validate(args),
            Command::Score(args) => commands::score(args),
            Command::Decode(args) => commands::decode(args),
            Command::Questionnaire(args) => commands::questionnaire(args),
            Command::Schema => commands::schema(),
            Command::Fit(args) => fit::run(args),
            Command::Reliability(args) => reliability::run(args),
            Command::Paper(args) => paper::run(args),
        }
    }
}

fn main() -> ExitCode {
    // A wrong command line ends here with clap's message and exit code 2;
    // `--help` and `--version` with exit code 0.
    let cli = Cli::parse();
    match cli.command.run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            // Worded as clap words its own errors, with the command's usage.
            let mut command = Cli::command();
            command.build();
            let name = cli.command.name();
            let error = match command.find_subcommand_mut(name) {
                Some(sub) => sub.error(ErrorKind::ArgumentConflict, message),
                None => command.error(ErrorKind::ArgumentConflict, message),
            };
            let _ = error.print();
            ExitCode::from(2)
        }
        Err(Failure::Input(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    /// clap's own check of the argument definitions: names, defaults and
    /// relations between options.
    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
