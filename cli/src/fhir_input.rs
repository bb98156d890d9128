//! A FHIR R4 QuestionnaireResponse as the answers of `naastenmeter score`,
//! also one that another FHIR system made from our own Questionnaire (for
//! example NLM's LHC-Forms, from `naastenmeter questionnaire`).
//!
//! Such a response carries what its maker adds (`meta`, `id`, `identifier`,
//! `subject`, `author`, item texts in the form's language), and older
//! renderers name the questionnaire by its `url` alone. What is safe is
//! accepted: unknown elements are ignored, and a `url` without `|version`
//! that is this instrument's url is read as this version (with a note).
//! What is ambiguous is refused with the path of the element: a reference
//! to a Questionnaire on some server (`Questionnaire/<id>`), another
//! version, nested items (our Questionnaire is flat, and the core's reader
//! would skip them without a word), a question answered twice, a coding of
//! another code system, or an answer that is not a coding.
//!
//! The answers are checked against the Questionnaire this instrument
//! publishes ([`fhir::questionnaire`]), so the code systems and codes are
//! the very ones the other system rendered; the core then scores them.

use std::collections::BTreeMap;

use naastenmeter_core::export::fhir::{
    self, Coding, QuestionnaireResponse, ResponseAnswer, ResponseItem,
};
use naastenmeter_core::{Questionnaire, Scored};
use serde_json::{Map, Value};

/// One question of our published Questionnaire: the code system and codes
/// of its options.
struct Question {
    system: String,
    codes: Vec<String>,
}

/// Reads a QuestionnaireResponse (already parsed as JSON) for `instrument`
/// and scores it. Notes for the user (such as a missing version) are
/// returned beside the result; an error names the path of the element.
pub(crate) fn read(
    instrument: &Questionnaire,
    response: &Map<String, Value>,
) -> Result<(Scored, Vec<String>), String> {
    let mut notes = Vec::new();
    if let Some(note) = check_reference(instrument, response.get("questionnaire"))? {
        notes.push(note);
    }
    if response.get("status").and_then(Value::as_str) == Some("entered-in-error") {
        return Err(
            "at status: the response is marked `entered-in-error`, so its answers are known to be wrong"
                .into(),
        );
    }
    let questions = published_questions(instrument)?;
    let items = match response.get("item") {
        None => &Vec::new(),
        Some(Value::Array(items)) => items,
        Some(_) => return Err("at item: expected a list of answered questions".into()),
    };
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut read_items = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = format!("item[{i}]");
        let item = item
            .as_object()
            .ok_or_else(|| format!("at {path}: expected an object"))?;
        let link_id = item.get("linkId").and_then(Value::as_str).ok_or_else(|| {
            format!("at {path}.linkId: missing; every answered question needs one")
        })?;
        if item.contains_key("item") {
            return Err(nested(&format!("{path}.item"), link_id));
        }
        let question = questions.get(link_id).ok_or_else(|| {
            format!("at {path}.linkId: unknown linkId `{link_id}`: not a question of this questionnaire")
        })?;
        if let Some(first) = seen.insert(link_id, i) {
            return Err(format!(
                "at {path}.linkId: question `{link_id}` is answered twice (also at item[{first}]), so which answer counts is unclear"
            ));
        }
        let answers = match item.get("answer") {
            None => &Vec::new(),
            Some(Value::Array(answers)) => answers,
            Some(_) => return Err(format!("at {path}.answer: expected a list of answers")),
        };
        let mut read_answers = Vec::with_capacity(answers.len());
        for (j, answer) in answers.iter().enumerate() {
            let path = format!("{path}.answer[{j}]");
            read_answers.push(read_answer(&path, link_id, question, answer)?);
        }
        read_items.push(ResponseItem {
            answer: read_answers,
            link_id: link_id.into(),
            text: None,
        });
    }
    // The reference was checked above; the core checks it again against
    // the full canonical, so it is given in that form.
    let normalised = QuestionnaireResponse {
        authored: response
            .get("authored")
            .and_then(Value::as_str)
            .map(String::from),
        item: read_items,
        language: None,
        questionnaire: Some(fhir::canonical(instrument)),
        resource_type: Some("QuestionnaireResponse".into()),
        status: None,
    };
    let scored = fhir::scored_from_response(instrument, &normalised).map_err(|e| e.to_string())?;
    Ok((scored, notes))
}

/// Checks `questionnaire`: this instrument's canonical `url|version`, or
/// its `url` alone (a note says which version it is read as).
fn check_reference(
    instrument: &Questionnaire,
    reference: Option<&Value>,
) -> Result<Option<String>, String> {
    let canonical = fhir::canonical(instrument);
    let Some(reference) = reference else {
        return Err(format!(
            "at questionnaire: missing, so it is unclear which questionnaire was answered; this instrument is `{canonical}`"
        ));
    };
    let Some(reference) = reference.as_str() else {
        return Err(format!(
            "at questionnaire: expected the questionnaire's canonical URL (`{canonical}`), found {reference}"
        ));
    };
    if reference == canonical {
        return Ok(None);
    }
    if reference == instrument.url {
        return Ok(Some(format!(
            "the response names questionnaire `{reference}` without a version; it is read as version {} and its answers are checked against that version's options",
            instrument.version
        )));
    }
    if let Some(version) = reference
        .strip_prefix(instrument.url.as_str())
        .and_then(|rest| rest.strip_prefix('|'))
    {
        return Err(format!(
            "at questionnaire: made for version {version} of this questionnaire, but this instrument is version {}",
            instrument.version
        ));
    }
    if is_server_reference(reference) {
        return Err(format!(
            "at questionnaire: `{reference}` refers to a Questionnaire stored on a FHIR server, which cannot be checked here; \
             put the questionnaire's canonical URL `{canonical}` in `questionnaire`"
        ));
    }
    Err(format!(
        "at questionnaire: made for `{reference}`, but this instrument is `{canonical}`"
    ))
}

/// Whether a reference names a Questionnaire resource by its server id
/// (`Questionnaire/123`, possibly with a base URL or `_history`), rather
/// than by its canonical URL.
fn is_server_reference(reference: &str) -> bool {
    let Some(at) = reference.find("Questionnaire/") else {
        return false;
    };
    let before = &reference[..at];
    let id = reference[at + "Questionnaire/".len()..]
        .split("/_history/")
        .next()
        .unwrap_or("");
    (before.is_empty() || before.ends_with('/'))
        && !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
}

/// Why nested items are refused.
fn nested(path: &str, link_id: &str) -> String {
    format!(
        "at {path}: question `{link_id}` has nested items, but this questionnaire's items are flat; \
         the nested answers cannot be placed"
    )
}

/// One answer: a `valueCoding` with one of the question's codes, in the
/// question's code system when a system is given.
fn read_answer(
    path: &str,
    link_id: &str,
    question: &Question,
    answer: &Value,
) -> Result<ResponseAnswer, String> {
    let answer = answer
        .as_object()
        .ok_or_else(|| format!("at {path}: expected an object"))?;
    if answer.contains_key("item") {
        return Err(nested(&format!("{path}.item"), link_id));
    }
    let Some(coding) = answer.get("valueCoding") else {
        let found: Vec<&str> = answer
            .keys()
            .map(String::as_str)
            .filter(|k| k.starts_with("value"))
            .collect();
        return Err(format!(
            "at {path}: expected a valueCoding (one of the question's options), found {}",
            if found.is_empty() {
                "no value".to_string()
            } else {
                found.join(", ")
            }
        ));
    };
    let path = format!("{path}.valueCoding");
    let coding = coding
        .as_object()
        .ok_or_else(|| format!("at {path}: expected an object"))?;
    let code = coding
        .get("code")
        .and_then(Value::as_str)
        .ok_or_else(|| format!("at {path}.code: missing; the option is named by its code"))?;
    if let Some(system) = coding.get("system") {
        if system.as_str() != Some(question.system.as_str()) {
            return Err(format!(
                "at {path}.system: {system} is not the code system of question `{link_id}` (`{}`), so code `{code}` may mean something else",
                question.system
            ));
        }
    }
    if !question.codes.iter().any(|c| c == code) {
        return Err(format!(
            "at {path}.code: `{code}` is not an option of question `{link_id}`; the options are {}",
            question.codes.join(", ")
        ));
    }
    Ok(ResponseAnswer {
        value_coding: Some(Coding {
            code: Some(code.into()),
            display: None,
            system: Some(question.system.clone()),
        }),
    })
}

/// The questions of the Questionnaire this instrument publishes, by linkId.
fn published_questions(instrument: &Questionnaire) -> Result<BTreeMap<String, Question>, String> {
    // Codes and systems do not depend on the language of the texts.
    let language = instrument.languages.first().map_or("", String::as_str);
    let published: Value = serde_json::from_str(&fhir::questionnaire(instrument, language))
        .map_err(|e| format!("the instrument's own FHIR Questionnaire cannot be read: {e}"))?;
    let mut questions = BTreeMap::new();
    for item in published["item"].as_array().into_iter().flatten() {
        let Some(link_id) = item["linkId"].as_str() else {
            continue;
        };
        let options = item["answerOption"].as_array().into_iter().flatten();
        let mut system = String::new();
        let mut codes = Vec::new();
        for option in options {
            let coding = &option["valueCoding"];
            if let Some(s) = coding["system"].as_str() {
                system = s.into();
            }
            if let Some(code) = coding["code"].as_str() {
                codes.push(code.to_string());
            }
        }
        questions.insert(link_id.to_string(), Question { system, codes });
    }
    Ok(questions)
}
