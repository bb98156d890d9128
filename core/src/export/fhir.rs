//! FHIR R4: the instrument as a `Questionnaire`, answers as a
//! `QuestionnaireResponse`, and reading a `QuestionnaireResponse` back.
//!
//! Items are flat (no groups) so that every `linkId` in a response matches a
//! `linkId` in the questionnaire one to one. Items and context questions are
//! `choice` items answered with `valueCoding`; an item option's numeric value
//! travels as the code and, in the questionnaire, as the `itemWeight`
//! extension that FHIR uses for scores.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde_json::{json, Map, Value};

use crate::answers::{Answer, Answers};
use crate::error::Problem;
use crate::export::json::ImportError;
use crate::instrument::{ChoiceKind, Instrument};
use crate::text::pick;
use crate::MAX_IMPORT_BYTES;

/// Extension URL for an answer option's score (FHIR core extension).
pub const ITEM_WEIGHT_URL: &str = "http://hl7.org/fhir/StructureDefinition/itemWeight";

/// The coding system of an item's response scale.
fn response_system(instrument: &Instrument, response_scale: &str) -> String {
    format!("{}/response-scale/{}", instrument.url, response_scale)
}

/// The coding system of a context question's options.
fn context_system(instrument: &Instrument, question: &str) -> String {
    format!("{}/context/{}", instrument.url, question)
}

/// The canonical reference `url|version` of the instrument.
pub fn canonical(instrument: &Instrument) -> String {
    format!("{}|{}", instrument.url, instrument.version)
}

/// The instrument as a FHIR R4 `Questionnaire`, with texts in `language`.
pub fn questionnaire(instrument: &Instrument, language: &str) -> String {
    let mut items = Vec::new();
    for id in instrument.question_order() {
        if let Some(item) = instrument.item(id) {
            let Some(rs) = instrument.response_scale_of(item) else {
                continue;
            };
            let system = response_system(instrument, &rs.id);
            let options: Vec<Value> = rs
                .options
                .iter()
                .map(|option| {
                    json!({
                        "valueCoding": {
                            "system": system,
                            "code": option.value.to_string(),
                            "display": pick(&option.label, language),
                        },
                        "extension": [{ "url": ITEM_WEIGHT_URL, "valueDecimal": option.value }],
                    })
                })
                .collect();
            items.push(json!({
                "linkId": item.id,
                "text": pick(&item.text, language),
                "type": "choice",
                "required": false,
                "answerOption": options,
            }));
        } else if let Some(question) = instrument.context_question(id) {
            let system = context_system(instrument, &question.id);
            let options: Vec<Value> = question
                .options
                .iter()
                .map(|option| {
                    json!({ "valueCoding": {
                        "system": system,
                        "code": option.id,
                        "display": pick(&option.label, language),
                    }})
                })
                .collect();
            items.push(json!({
                "linkId": question.id,
                "text": pick(&question.text, language),
                "type": "choice",
                "required": false,
                "repeats": question.choice == ChoiceKind::Multiple,
                "answerOption": options,
            }));
        }
    }
    let resource = json!({
        "resourceType": "Questionnaire",
        "url": instrument.url,
        "version": instrument.version,
        "name": fhir_name(&instrument.id),
        "title": pick(&instrument.title, language),
        "status": if instrument.model.provisional { "draft" } else { "active" },
        "language": language,
        "description": pick(&instrument.description, language),
        "item": items,
    });
    serde_json::to_string_pretty(&resource).unwrap_or_default()
}

/// A FHIR `name`: starts with a capital letter, letters, digits and `_` only.
fn fhir_name(id: &str) -> String {
    let mut name = String::new();
    for (i, c) in id.chars().enumerate() {
        if c.is_ascii_alphanumeric() {
            name.push(if i == 0 { c.to_ascii_uppercase() } else { c });
        } else {
            name.push('_');
        }
    }
    if !name.starts_with(|c: char| c.is_ascii_uppercase()) {
        name.insert(0, 'Q');
    }
    name
}

/// Answers as a FHIR R4 `QuestionnaireResponse` with status `completed`.
///
/// Only answered questions appear, in the order asked. `authored` is an
/// ISO 8601 time supplied by the caller (the core has no clock).
pub fn questionnaire_response(
    instrument: &Instrument,
    answers: &Answers,
    language: &str,
    authored: Option<&str>,
) -> String {
    let mut items = Vec::new();
    for id in instrument.question_order() {
        let Some(answer) = answers.get(id) else {
            continue;
        };
        if let Some(item) = instrument.item(id) {
            let (Answer::Value(value), Some(rs)) = (answer, instrument.response_scale_of(item))
            else {
                continue;
            };
            let Some(option) = rs.options.iter().find(|o| o.value == *value) else {
                continue;
            };
            items.push(json!({
                "linkId": item.id,
                "text": pick(&item.text, language),
                "answer": [{ "valueCoding": {
                    "system": response_system(instrument, &rs.id),
                    "code": value.to_string(),
                    "display": pick(&option.label, language),
                }}],
            }));
        } else if let Some(question) = instrument.context_question(id) {
            let chosen: Vec<&String> = match answer {
                Answer::Choice(c) => alloc::vec![c],
                Answer::Choices(cs) => cs.iter().collect(),
                Answer::Value(_) => continue,
            };
            let codings: Vec<Value> = chosen
                .into_iter()
                .filter_map(|c| question.options.iter().find(|o| &o.id == c))
                .map(|option| {
                    json!({ "valueCoding": {
                        "system": context_system(instrument, &question.id),
                        "code": option.id,
                        "display": pick(&option.label, language),
                    }})
                })
                .collect();
            if codings.is_empty() {
                continue; // FHIR forbids an empty answer list; an empty choice is no answer.
            }
            items.push(json!({
                "linkId": question.id,
                "text": pick(&question.text, language),
                "answer": codings,
            }));
        }
    }
    let mut resource = Map::new();
    resource.insert("resourceType".into(), "QuestionnaireResponse".into());
    resource.insert("status".into(), "completed".into());
    resource.insert("questionnaire".into(), canonical(instrument).into());
    if let Some(time) = authored {
        resource.insert("authored".into(), time.into());
    }
    resource.insert("language".into(), language.into());
    resource.insert("item".into(), Value::Array(items));
    serde_json::to_string_pretty(&Value::Object(resource)).unwrap_or_default()
}

/// Reads answers back from a `QuestionnaireResponse` made for this instrument.
///
/// The `questionnaire` reference must be this instrument's `url|version`.
/// Unknown linkIds, unknown codes and wrong value types are refused with the
/// path of the offending element.
pub fn answers_from_questionnaire_response(
    instrument: &Instrument,
    bytes: &[u8],
) -> Result<Answers, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            size: bytes.len(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    let bad = |path: String, message: String| ImportError::NotAnExport(Problem { path, message });
    let value: Value = crate::validate::parse_json(bytes).map_err(ImportError::NotAnExport)?;
    if value.get("resourceType").and_then(Value::as_str) != Some("QuestionnaireResponse") {
        return Err(bad(
            "resourceType".into(),
            "expected a FHIR QuestionnaireResponse".into(),
        ));
    }
    let reference = value
        .get("questionnaire")
        .and_then(Value::as_str)
        .unwrap_or("");
    if reference != canonical(instrument) {
        return Err(bad(
            "questionnaire".into(),
            format!(
                "made for `{reference}`, but this is `{}`",
                canonical(instrument)
            ),
        ));
    }
    let mut answers = Answers::new();
    let items = value
        .get("item")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    for (i, item) in items.iter().enumerate() {
        let link_id = item.get("linkId").and_then(Value::as_str).unwrap_or("");
        let codes: Vec<&str> = item
            .get("answer")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or(&[])
            .iter()
            .map(|a| {
                a.pointer("/valueCoding/code")
                    .and_then(Value::as_str)
                    .unwrap_or("")
            })
            .collect();
        let path = format!("item[{i}]");
        if instrument.item(link_id).is_some() {
            let [code] = codes.as_slice() else {
                return Err(bad(
                    path,
                    format!("item `{link_id}` needs exactly one answer"),
                ));
            };
            let value: i32 = code.parse().map_err(|_| {
                bad(
                    format!("{path}.answer[0]"),
                    format!("`{code}` is not a number"),
                )
            })?;
            answers.set_value(link_id, value);
        } else if let Some(question) = instrument.context_question(link_id) {
            match (question.choice, codes.as_slice()) {
                (ChoiceKind::Single, [code]) => answers.set_choice(link_id, code),
                (ChoiceKind::Single, _) => {
                    return Err(bad(
                        path,
                        format!("question `{link_id}` needs exactly one answer"),
                    ));
                }
                (ChoiceKind::Multiple, codes) => answers.set_choices(link_id, codes),
            }
        } else {
            return Err(bad(
                format!("{path}.linkId"),
                format!("unknown linkId `{link_id}`"),
            ));
        }
    }
    crate::scoring::score(instrument, &answers).map_err(ImportError::BadAnswers)?;
    Ok(answers)
}
