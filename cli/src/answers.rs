//! Reading the answers file of `naastenmeter score`: a JSON object from
//! question id to answer, or a FHIR R4 QuestionnaireResponse made for the
//! instrument (told apart by its content, `"resourceType":
//! "QuestionnaireResponse"`).
//!
//! A plain answers file is read answer by answer against the instrument, so
//! an answer of the wrong kind is refused naming its question and what the
//! question takes. A QuestionnaireResponse is checked and read by the core
//! ([`fhir::scored_from_questionnaire_response`]), which also names what
//! it read leniently; those notes are printed.

use naastenmeter_core::export::fhir;
use naastenmeter_core::instrument::ChoiceKind;
use naastenmeter_core::{score, Answer, Answers, ImportError, Questionnaire, Scored};
use serde_json::Value;

/// Where the answers came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// A JSON object from question id to answer.
    Plain,
    /// A FHIR QuestionnaireResponse.
    Fhir,
}

/// Reads the answers in `bytes` (the file at `path`) for `instrument` and
/// scores them. Messages start with `path`.
pub(crate) fn read(
    instrument: &Questionnaire,
    path: &str,
    bytes: &[u8],
) -> Result<(Scored, Source), String> {
    if bytes.len() > naastenmeter_core::MAX_IMPORT_BYTES {
        return Err(format!(
            "{path}: the file is {} bytes, more than the limit of {} bytes",
            bytes.len(),
            naastenmeter_core::MAX_IMPORT_BYTES
        ));
    }
    let not_answers = |why: &dyn std::fmt::Display| {
        format!("{path}: not an answers file (a JSON object from question id to answer): {why}")
    };
    let value: Value = serde_json::from_slice(bytes).map_err(|e| not_answers(&e))?;
    let Value::Object(map) = value else {
        return Err(not_answers(&format!("it holds {}", kind(&value))));
    };
    if map.get("resourceType").and_then(Value::as_str) == Some("QuestionnaireResponse") {
        // Also one made by another FHIR system: the core reads it leniently
        // where that is safe and refuses it, with a path, where it is
        // ambiguous, as the web app and the JS package do.
        let (scored, notes) =
            fhir::scored_from_questionnaire_response(instrument, bytes).map_err(|e| {
                format!(
                    "{path}: a FHIR QuestionnaireResponse, but {}",
                    fhir_reason(&e)
                )
            })?;
        for note in notes {
            eprintln!("note: `{path}`: {note}");
        }
        return Ok((scored, Source::Fhir));
    }
    let mut answers = Answers::new();
    for (id, value) in &map {
        let answer = answer(instrument, id, value).map_err(|e| format!("{path}: {e}"))?;
        answers.set(id, answer);
    }
    let scored = score(instrument, answers).map_err(|e| format!("{path}: {e}"))?;
    Ok((scored, Source::Plain))
}

/// Why a FHIR response was refused, without the core's opening words (the
/// message already says it is a FHIR QuestionnaireResponse).
fn fhir_reason(error: &ImportError) -> String {
    match error {
        ImportError::FhirResponse(refusal) => refusal.to_string(),
        ImportError::NotAnExport(problem) => problem.to_string(),
        other => other.to_string(),
    }
}

/// The answer `value` to question `id`, if it is of the kind the question
/// takes; whether it is one of the question's values or options is left to
/// scoring, which names the allowed ones.
fn answer(instrument: &Questionnaire, id: &str, value: &Value) -> Result<Answer, String> {
    let (takes, answer) = if let Some(scale) = instrument.response_scale_of(id) {
        let values: Vec<String> = scale.options.iter().map(|o| o.value.to_string()).collect();
        let answer = value
            .as_i64()
            .and_then(|v| i32::try_from(v).ok())
            .map(Answer::Value);
        (
            format!(
                "a whole number from its answer scale ({})",
                values.join(", ")
            ),
            answer,
        )
    } else if let Some(question) = instrument.context_question(id) {
        let options: Vec<String> = question
            .options
            .iter()
            .map(|o| format!("\"{}\"", o.id))
            .collect();
        let options = options.join(", ");
        match question.choice {
            ChoiceKind::Single => (
                format!("one option id ({options})"),
                value.as_str().map(|o| Answer::Choice(o.to_string())),
            ),
            ChoiceKind::Multiple => (
                format!("a list of option ids, each one of {options}"),
                value.as_array().and_then(|list| {
                    list.iter()
                        .map(|o| o.as_str().map(String::from))
                        .collect::<Option<Vec<String>>>()
                        .map(Answer::Choices)
                }),
            ),
        }
    } else {
        return Err(format!(
            "the answers name question `{id}`, which this instrument does not have"
        ));
    };
    answer.ok_or_else(|| format!("question `{id}` takes {takes}, not {}", shown(value)))
}

/// A JSON value as it is written, shortened when long.
fn shown(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(60) {
        Some((end, _)) => format!("{}...", &text[..end]),
        None => text,
    }
}

/// What kind of JSON value this is, in words.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
