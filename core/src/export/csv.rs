//! CSV for researchers: a header line and one row per respondent, with every
//! answer, every scale score and every prototype probability.
//!
//! Columns: `instrument_id`, `instrument_version`, one column per question in
//! the order asked (multiple choices joined with `;`), then
//! `score_<scale>`, `enough_<scale>`, `probability_<prototype>`,
//! `typicality_<prototype>`, `fit` (`prototype`, `none_fits` or
//! `too_few_inputs`), `best_prototype`, `uncertain`, `strength` and `direction`. Empty cells are skipped answers or
//! values that could not be computed.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::answers::{Answer, Answers};
use crate::error::{ImportError, Problem};
use crate::instrument::{ChoiceKind, Instrument};
use crate::questionnaire::Questionnaire;
use crate::report::{Direction, Fit};
use crate::scored::Scored;
use crate::scoring::score;

/// The header line (without line break).
pub fn csv_header(instrument: &Instrument) -> String {
    let mut columns: Vec<String> = alloc::vec!["instrument_id".into(), "instrument_version".into()];
    columns.extend(instrument.question_order().map(String::from));
    columns.extend(instrument.scales.iter().map(|s| format!("score_{}", s.id)));
    columns.extend(instrument.scales.iter().map(|s| format!("enough_{}", s.id)));
    columns.extend(
        instrument
            .class_prototypes()
            .iter()
            .map(|p| format!("probability_{p}")),
    );
    columns.extend(
        instrument
            .class_prototypes()
            .iter()
            .map(|p| format!("typicality_{p}")),
    );
    columns.extend(
        [
            "fit",
            "best_prototype",
            "uncertain",
            "strength",
            "direction",
        ]
        .iter()
        .map(|c| String::from(*c)),
    );
    join(&columns)
}

/// One data row (without line break) for a scored result.
pub fn csv_row(instrument: &Instrument, scored: &Scored) -> String {
    let (answers, report) = (scored.answers(), scored.report());
    let mut cells: Vec<String> = alloc::vec![instrument.id.clone(), instrument.version.clone()];
    for id in instrument.question_order() {
        cells.push(match answers.get(id) {
            None => String::new(),
            Some(Answer::Value(v)) => v.to_string(),
            Some(Answer::Choice(c)) => c.clone(),
            Some(Answer::Choices(cs)) => cs.join(";"),
        });
    }
    for scale in &report.scales {
        cells.push(scale.score.map(|s| format!("{s}")).unwrap_or_default());
    }
    for scale in &report.scales {
        cells.push(if scale.enough { "true" } else { "false" }.into());
    }
    let c = &report.classification;
    cells.extend(c.probabilities.iter().map(|p| format!("{}", p.probability)));
    cells.extend(c.probabilities.iter().map(|p| format!("{}", p.typicality)));
    let (fit, best, uncertain, strength, direction) = match &c.fit {
        Fit::Prototype {
            best,
            uncertain,
            strength,
            ..
        } => (
            "prototype",
            best.as_str(),
            if *uncertain { "true" } else { "false" },
            strength.as_str(),
            "",
        ),
        Fit::NoneFits { direction } => (
            "none_fits",
            "",
            "",
            "",
            match direction {
                Direction::Lighter => "lighter",
                Direction::Heavier => "heavier",
                Direction::Mixed => "mixed",
            },
        ),
        Fit::TooFewInputs { .. } => ("too_few_inputs", "", "", "", ""),
    };
    cells.extend([fit, best, uncertain, strength, direction].map(String::from));
    join(&cells)
}

/// Header and one row, each ending in a line break: a complete CSV file.
pub fn csv_export(instrument: &Instrument, scored: &Scored) -> String {
    format!(
        "{}\n{}\n",
        csv_header(instrument),
        csv_row(instrument, scored)
    )
}

/// Reads the answers back from a CSV export's first data row and scores them.
pub fn scored_from_csv(instrument: &Questionnaire, text: &str) -> Result<Scored, ImportError> {
    let bad = |path: String, message: String| ImportError::NotAnExport(Problem { path, message });
    let mut records = records(text).map_err(ImportError::NotAnExport)?;
    let (header, row) = match (records.next(), records.next()) {
        (Some(header), Some(row)) => (header, row),
        _ => return Err(bad("line 2".into(), "the file has no data row".into())),
    };
    if header.len() != row.len() {
        return Err(bad(
            "line 2".into(),
            format!(
                "the row has {} cells but the header {}",
                row.len(),
                header.len()
            ),
        ));
    }
    let mut answers = Answers::new();
    for (column, (name, cell)) in header.iter().zip(&row).enumerate() {
        if cell.is_empty() {
            continue;
        }
        let path = format!("line 2, column {} (`{name}`)", column + 1);
        if instrument.item(name).is_some() {
            let value = cell
                .parse()
                .map_err(|_| bad(path, format!("`{cell}` is not a number")))?;
            answers.set_value(name, value);
        } else if let Some(question) = instrument.context_question(name) {
            match question.choice {
                ChoiceKind::Single => answers.set_choice(name, cell),
                ChoiceKind::Multiple => {
                    let options: Vec<&str> = cell.split(';').collect();
                    answers.set_choices(name, &options);
                }
            }
        }
    }
    score(instrument, answers).map_err(ImportError::BadAnswers)
}

/// Joins cells with commas, quoting those that need it (RFC 4180).
fn join(cells: &[String]) -> String {
    let mut line = String::new();
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        if cell.contains([',', '"', '\n', '\r']) {
            line.push('"');
            line.push_str(&cell.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(cell);
        }
    }
    line
}

/// Splits RFC 4180 text into records of cells: a quoted cell may hold
/// commas, doubled quotes and line breaks (as [`join`] writes them); records
/// end at `\n` or `\r\n` outside quotes. A quote left open is an error
/// naming the line where its cell starts.
fn records(text: &str) -> Result<impl Iterator<Item = Vec<String>>, Problem> {
    let mut records = Vec::new();
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut quote_line = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
        }
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) => {
                quoted = true;
                quote_line = line;
            }
            (',', false) => cells.push(core::mem::take(&mut cell)),
            ('\r', false) if chars.peek() == Some(&'\n') => {}
            ('\n', false) => {
                cells.push(core::mem::take(&mut cell));
                records.push(core::mem::take(&mut cells));
            }
            (c, _) => cell.push(c),
        }
    }
    if quoted {
        return Err(Problem {
            path: format!("line {quote_line}"),
            message: "a quoted cell is not closed".into(),
        });
    }
    if !cell.is_empty() || !cells.is_empty() {
        cells.push(cell);
        records.push(cells);
    }
    Ok(records.into_iter())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever the writer writes, the reader reads back: commas,
        /// quotes, line breaks (also `\r\n`) and empty cells included.
        #[test]
        fn records_read_back_what_join_writes(
            rows in proptest::collection::vec(
                proptest::collection::vec("[a-z0-9,;\"\r\n ]{0,6}", 1..5),
                1..4,
            )
        ) {
            let text: String = rows.iter().map(|r| join(r) + "\n").collect();
            let back: Vec<Vec<String>> = records(&text).unwrap().collect();
            // A row of one empty cell writes an empty line, which reads as
            // one empty cell too.
            prop_assert_eq!(back, rows);
        }
    }

    #[test]
    fn an_open_quote_names_its_line() {
        let error = records("a,b\n1,\"2\n3\n").err().unwrap();
        assert_eq!(error.path, "line 2");
        assert!(error.message.contains("not closed"));
    }
}
