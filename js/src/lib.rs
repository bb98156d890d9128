//! # naastenmeter-js
//!
//! Naastenmeter's core for JavaScript and TypeScript, built with `wasm-pack`
//! (`js/build.sh`): check an instrument, score answers, make and read FHIR
//! QuestionnaireResponses and share codes. It runs the same Rust functions
//! as the web app and the command line, so a result is the same everywhere.
//!
//! Every function takes the instrument as JSON text (the format of
//! `docs/instrument-format.md`) and returns plain JavaScript objects. A
//! problem with the input is thrown as a JavaScript `Error` whose message
//! says what is wrong and where; nothing here panics on bad input.
//!
//! This is a crate of its own, not part of the web app: it needs the JSON
//! instrument loader with path-aware messages, which the app (shipping a
//! compiled-in instrument) leaves out to stay within its size budget.

use std::cell::RefCell;
use std::rc::Rc;

use naastenmeter_core::export::{decode_share_code, encode_share_code, fhir};
use naastenmeter_core::{load_instrument, Answers, LoadError, Problem, Questionnaire};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** Answers by question id: an item's value, one option id, or several. Skipped questions are absent. */
export type Answers = Record<string, number | string | string[]>;

/** A problem in an instrument: where (a path such as `scales[1].items[0]`) and what. */
export interface Problem {
  path: string;
  message: string;
}

/** The score of one scale. */
export interface ScaleResult {
  id: string;
  /** Mean of the answered items after reversing; null when none was answered. */
  score: number | null;
  answered: number;
  total: number;
  /** Whether enough items were answered for a trustworthy score. */
  enough: boolean;
  band: string | null;
}

/** One prototype's posterior probability and how well the answers fit it. */
export interface PrototypeProbability {
  prototype: string;
  /** Posterior probability, from 0 to 1. */
  probability: number;
  /** How typical the answers are for this prototype (see the model's `typicality`). */
  typicality: number;
  /** Squared Mahalanobis distance to the class mean (latent profiles); null for latent classes. */
  distance: number | null;
  /** True when one of the prototype's contradicting bands holds. */
  contradicted: boolean;
}

/** What the result may say about the prototypes: exactly one key is present. */
export type Fit =
  | {
      /** A prototype fits and may be named. */
      prototype: {
        best: string;
        /** True when `best`'s probability is below the model's uncertainty threshold. */
        uncertain: boolean;
        /** Up to two prototypes that may be named, most likely first. */
        closest: string[];
        /** The id of the verbal strength in `model.strength`. */
        strength: string;
        /** True when an urgent signal holds: show `description_when_urgent` if there is one. */
        while_urgent: boolean;
      };
    }
  /** The answers fit none of the prototypes well. */
  | { none_fits: { direction: 'lighter' | 'heavier' | 'mixed' } }
  /** Fewer inputs were observed than the model needs. */
  | { too_few_inputs: { needed: number } };

/** The prototype classification: always present; `fit` says whether a prototype may be named. */
export interface Classification {
  probabilities: PrototypeProbability[];
  fit: Fit;
  inputs_used: number;
  inputs_total: number;
  /** Log density (profiles) or log-likelihood (classes) of the observed inputs. */
  log_density: number;
}

/** Everything computed from one set of answers, as ids into the instrument. */
export interface Report {
  instrument: { id: string; version: string };
  scales: ScaleResult[];
  classification: Classification;
  /** Safety rules whose condition holds, most urgent first. */
  signals: string[];
  /** Advice rules whose condition holds, in instrument order. */
  advice: string[];
  /** True when a signal asks that help for the relative comes before coaching tips and methods. */
  help_for_yourself_first: boolean;
}
"#;

thread_local! {
    /// The last instrument read, by its text: callers usually pass the same
    /// instrument many times, and reading it is the costly part of a call.
    static LAST: RefCell<Option<(String, Rc<Questionnaire>)>> = const { RefCell::new(None) };
}

/// A JavaScript `Error` with `message`.
fn error(message: impl AsRef<str>) -> JsValue {
    js_sys::Error::new(message.as_ref()).into()
}

/// Reads and checks an instrument, or explains why it cannot be used.
fn instrument(json: &str) -> Result<Rc<Questionnaire>, JsValue> {
    if let Some(cached) = LAST.with(|last| {
        last.borrow()
            .as_ref()
            .filter(|(text, _)| text == json)
            .map(|(_, instrument)| Rc::clone(instrument))
    }) {
        return Ok(cached);
    }
    let instrument = Rc::new(load_instrument(json.as_bytes()).map_err(|e| error(e.to_string()))?);
    LAST.with(|last| *last.borrow_mut() = Some((json.to_owned(), Rc::clone(&instrument))));
    Ok(instrument)
}

/// A Rust value as a plain JavaScript object (through JSON, so the shape is
/// exactly the documented JSON format).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| error(e.to_string()))?;
    js_sys::JSON::parse(&text)
}

/// Answers from a JavaScript object such as `{ b01: 3, relationship: "parent" }`.
fn read_answers(value: &JsValue) -> Result<Answers, JsValue> {
    let text: String = js_sys::JSON::stringify(value)
        .map_err(|_| error("the answers cannot be read: they are not a plain object"))?
        .into();
    serde_json::from_str(&text).map_err(|e| {
        error(format!(
            "the answers cannot be read ({e}); expected an object of question id to a number, an option id or a list of option ids"
        ))
    })
}

fn problem_objects(problems: &[Problem]) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Plain<'a> {
        path: &'a str,
        message: &'a str,
    }
    let plain: Vec<Plain> = problems
        .iter()
        .map(|p| Plain {
            path: &p.path,
            message: &p.message,
        })
        .collect();
    to_js(&plain)
}

/// Checks an instrument (JSON text) and returns every problem with its path;
/// an empty list means the instrument can be used. Never throws for a bad
/// instrument: a file that is not JSON, or too large, is one problem.
#[wasm_bindgen(js_name = validateInstrument, unchecked_return_type = "Problem[]")]
pub fn validate_instrument(json: &str) -> Result<JsValue, JsValue> {
    match load_instrument(json.as_bytes()) {
        Ok(_) => problem_objects(&[]),
        Err(LoadError::Invalid(problems)) => problem_objects(&problems),
        Err(LoadError::Syntax(problem)) => problem_objects(&[problem]),
        Err(other) => problem_objects(&[Problem {
            path: String::new(),
            message: other.to_string(),
        }]),
    }
}

/// Scores answers against an instrument: scale scores, prototype
/// probabilities, safety signals and advice, as ids into the instrument.
/// Throws when the instrument cannot be used or an answer does not fit it.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn score(
    #[wasm_bindgen(js_name = instrumentJson)] instrument_json: &str,
    #[wasm_bindgen(unchecked_param_type = "Answers")] answers: JsValue,
) -> Result<JsValue, JsValue> {
    let instrument = instrument(instrument_json)?;
    let answers = read_answers(&answers)?;
    let scored =
        naastenmeter_core::score(&instrument, answers).map_err(|e| error(e.to_string()))?;
    to_js(scored.report())
}

/// The answers as a FHIR R4 QuestionnaireResponse (JSON text), with texts in
/// `language` and `authored` as an ISO 8601 time when given.
#[wasm_bindgen(js_name = toFhir)]
pub fn to_fhir(
    #[wasm_bindgen(js_name = instrumentJson)] instrument_json: &str,
    #[wasm_bindgen(unchecked_param_type = "Answers")] answers: JsValue,
    language: &str,
    authored: Option<String>,
) -> Result<String, JsValue> {
    let instrument = instrument(instrument_json)?;
    let answers = read_answers(&answers)?;
    if !instrument.languages.iter().any(|l| l == language) {
        return Err(error(format!(
            "language `{language}` is not in the instrument; choose one of: {}",
            instrument.languages.join(", ")
        )));
    }
    let scored = naastenmeter_core::score(&instrument, answers)
        .map_err(|e| error(e.to_string()))?
        .made_at(authored);
    Ok(fhir::questionnaire_response(&instrument, &scored, language))
}

/// Reads the answers back from a QuestionnaireResponse made for this
/// instrument (JSON text), also one made by another FHIR system. Throws,
/// naming the element, when it does not fit or is ambiguous (another
/// version, a server reference, nested items, a question answered twice,
/// another code system, an answer that is not a coding): the core's checks,
/// as in the web app and the command line.
#[wasm_bindgen(js_name = fromFhir, unchecked_return_type = "Answers")]
pub fn from_fhir(
    #[wasm_bindgen(js_name = instrumentJson)] instrument_json: &str,
    #[wasm_bindgen(js_name = questionnaireResponse)] response: &str,
) -> Result<JsValue, JsValue> {
    let instrument = instrument(instrument_json)?;
    // The notes (what was read leniently, such as a url without version)
    // are not returned: the function's result is the answers alone.
    let (scored, _notes) =
        fhir::scored_from_questionnaire_response(&instrument, response.as_bytes())
            .map_err(|e| error(e.to_string()))?;
    to_js(scored.answers())
}

/// The share code of the answers: short, checksummed text a relative can
/// copy or show as a QR code.
#[wasm_bindgen(js_name = encodeShareCode)]
pub fn encode_share(
    #[wasm_bindgen(js_name = instrumentJson)] instrument_json: &str,
    #[wasm_bindgen(unchecked_param_type = "Answers")] answers: JsValue,
) -> Result<String, JsValue> {
    let instrument = instrument(instrument_json)?;
    let answers = read_answers(&answers)?;
    let scored =
        naastenmeter_core::score(&instrument, answers).map_err(|e| error(e.to_string()))?;
    Ok(encode_share_code(&instrument, &scored))
}

/// The answers in a share code. Throws when the code was mistyped, altered
/// or made with another instrument.
#[wasm_bindgen(js_name = decodeShareCode, unchecked_return_type = "Answers")]
pub fn decode_share(
    #[wasm_bindgen(js_name = instrumentJson)] instrument_json: &str,
    code: &str,
) -> Result<JsValue, JsValue> {
    let instrument = instrument(instrument_json)?;
    let scored = decode_share_code(&instrument, code.trim()).map_err(|e| error(e.to_string()))?;
    to_js(scored.answers())
}
