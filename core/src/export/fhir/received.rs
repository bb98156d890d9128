//! Reading a FHIR R4 QuestionnaireResponse back: one this crate wrote, or
//! one that another FHIR system made from this instrument's Questionnaire
//! (for example NLM's LHC-Forms, from [`super::questionnaire`]).
//!
//! Such a response carries what its maker adds (`meta`, `id`, `identifier`,
//! `subject`, `author`, texts in the form's language), and older renderers
//! name the questionnaire by its `url` alone. What is safe is accepted with
//! a [`FhirNote`]: a `url` without `|version` that is this instrument's url
//! is read as this version, a coding without `system` is read in its
//! question's code system, and elements Naastenmeter does not read are left
//! out. What is ambiguous is refused with a [`FhirRefusal`] naming the path
//! of the element: a reference to a Questionnaire on some server
//! (`Questionnaire/<id>`), another version, nested items (the questionnaire
//! is flat), a question answered twice, an option chosen twice, a coding of
//! another code system, or an answer that is not a coding. A guess there
//! could give a relative a result that is not theirs.
//!
//! The answers are checked against the codes this instrument's own
//! Questionnaire publishes (the same code systems and codes), then scored.
//!
//! The web app, the JS package and the command line all read responses
//! here, so they accept and refuse the same files. [`ReceivedResponse`] is
//! typed, so any serde format reads it (see [`crate::export::JsonReader`]):
//! the web app uses the browser's own JSON.

use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::card::{read_card, ReceivedExtension};
use super::{canonical, context_system, response_system};
use crate::answers::Answers;
use crate::error::{check_import_size, FhirReason, FhirRefusal, ImportError, Problem};
use crate::instrument::{ChoiceKind, ContextQuestion, ResponseScale};
use crate::json_text::parse_json;
use crate::questionnaire::Questionnaire;
use crate::scored::Scored;
use crate::scoring::score;

/// A FHIR R4 `QuestionnaireResponse` as received, from this crate or from
/// another FHIR system.
///
/// Read it with any serde format; it keeps what is needed to check the
/// response, including elements Naastenmeter does not read (to say they
/// are left out) and nested items (to refuse them). Then give it to
/// [`scored_from_response`].
#[derive(Debug, Clone, Default)]
pub struct ReceivedResponse {
    resource_type: Option<String>,
    questionnaire: Option<Found>,
    status: Option<String>,
    authored: Option<String>,
    item: Vec<ReceivedItem>,
    /// The conversation card (ours); other extensions are named as not read.
    extension: Vec<ReceivedExtension>,
    /// This crate writes it; scoring does not need it.
    _language: Option<IgnoredAny>,
    /// Every other element, by name.
    other: BTreeMap<String, IgnoredAny>,
}

read_object!(ReceivedResponse {
    resource_type: "resourceType",
    questionnaire: "questionnaire",
    status: "status",
    authored: "authored",
    item: "item",
    extension: "extension",
    _language: "language",
} other);
read_object!(ReceivedItem { link_id: "linkId", answer: "answer", item: "item", _text: "text" } other);
read_object!(ReceivedAnswer { value_coding: "valueCoding", item: "item" } other);
read_object!(ReceivedCoding { system: "system", code: "code", _display: "display" } other);

impl ReceivedResponse {
    /// The `questionnaire` element when it is text: the canonical
    /// (`url|version`) of the questionnaire the response was made for, which
    /// says which published version to read it with.
    pub fn questionnaire_reference(&self) -> Option<&str> {
        match &self.questionnaire {
            Some(Found::Text(text)) => Some(text),
            _ => None,
        }
    }
}

/// One item of a [`ReceivedResponse`].
#[derive(Debug, Clone, Default)]
struct ReceivedItem {
    link_id: Option<String>,
    answer: Vec<ReceivedAnswer>,
    /// Nested items: refused, the questionnaire is flat.
    item: Option<IgnoredAny>,
    /// The question's text, in the form's language: not needed to score.
    _text: Option<IgnoredAny>,
    other: BTreeMap<String, IgnoredAny>,
}

/// One answer of a [`ReceivedItem`].
#[derive(Debug, Clone, Default)]
struct ReceivedAnswer {
    value_coding: Option<ReceivedCoding>,
    /// Items nested under an answer: refused like nested items.
    item: Option<IgnoredAny>,
    /// Other `value[x]` elements are found here, to name them.
    other: BTreeMap<String, IgnoredAny>,
}

/// The `valueCoding` of a [`ReceivedAnswer`].
#[derive(Debug, Clone, Default)]
struct ReceivedCoding {
    system: Option<Found>,
    code: Option<String>,
    /// The option's label, in the form's language: not needed to score.
    _display: Option<IgnoredAny>,
    other: BTreeMap<String, IgnoredAny>,
}

/// An element where FHIR expects text: the text, or what was there instead,
/// so that a refusal can show it rather than a parser's message.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Found {
    /// Text, as expected.
    Text(String),
    /// Another JSON value: a number or `true` as written, else in words.
    Other(String),
}

impl Found {
    /// The value as a message shows it: text in quotes, as in JSON.
    fn shown(&self) -> String {
        match self {
            Found::Text(text) => format!("\"{text}\""),
            Found::Other(other) => other.clone(),
        }
    }
}

impl<'de> Deserialize<'de> for Found {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FoundVisitor)
    }
}

/// Takes any JSON value as a [`Found`].
struct FoundVisitor;

impl<'de> Visitor<'de> for FoundVisitor {
    type Value = Found;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Found, E> {
        Ok(Found::Text(text.into()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Found, E> {
        Ok(Found::Text(text))
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Found, E> {
        Ok(Found::Other(value.to_string()))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Found, E> {
        Ok(Found::Other(value.to_string()))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Found, E> {
        Ok(Found::Other(value.to_string()))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Found, E> {
        Ok(Found::Other(value.to_string()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Found, E> {
        Ok(Found::Other("null".into()))
    }

    fn visit_none<E: de::Error>(self) -> Result<Found, E> {
        Ok(Found::Other("null".into()))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Found, D::Error> {
        Found::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut list: A) -> Result<Found, A::Error> {
        while list.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Found::Other("a list".into()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut object: A) -> Result<Found, A::Error> {
        while object.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Found::Other("an object".into()))
    }
}

/// Something in a response that was read leniently, because its meaning is
/// certain, but that the user may want to know.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FhirNote {
    /// `questionnaire` is this instrument's url without `|version`: the
    /// answers are read as this version's and checked against its options.
    NoVersion {
        /// The url found.
        url: String,
        /// The version the answers are read as.
        version: String,
    },
    /// Codings without a `system`: each code is read as an option of its
    /// own question, which has one code system.
    NoCodeSystem {
        /// The paths of the codings, such as `item[15].answer[0].valueCoding`.
        paths: Vec<String>,
    },
    /// Elements Naastenmeter does not read (such as `meta`, `subject` or
    /// `item[3].extension`): they are not part of the result.
    NotRead {
        /// The paths of the elements.
        paths: Vec<String>,
    },
}

impl FhirNote {
    /// The paths of the elements the note is about.
    pub fn paths(&self) -> Vec<&str> {
        match self {
            FhirNote::NoVersion { .. } => alloc::vec!["questionnaire"],
            FhirNote::NoCodeSystem { paths } | FhirNote::NotRead { paths } => {
                paths.iter().map(String::as_str).collect()
            }
        }
    }
}

/// How many paths a note lists before it only counts the rest.
const PATHS_SHOWN: usize = 8;

/// Writes `paths`, the first [`PATHS_SHOWN`] by name.
fn write_paths(f: &mut fmt::Formatter<'_>, paths: &[String]) -> fmt::Result {
    for (i, path) in paths.iter().take(PATHS_SHOWN).enumerate() {
        if i > 0 {
            write!(f, ", ")?;
        }
        write!(f, "{path}")?;
    }
    if paths.len() > PATHS_SHOWN {
        write!(f, " and {} more", paths.len() - PATHS_SHOWN)?;
    }
    Ok(())
}

impl fmt::Display for FhirNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FhirNote::NoVersion { url, version } => write!(
                f,
                "the response names questionnaire `{url}` without a version; it is read as version {version} \
                 and its answers are checked against that version's options"
            ),
            FhirNote::NoCodeSystem { paths } => {
                write!(f, "codings without a code system (at ")?;
                write_paths(f, paths)?;
                write!(f, ") are read as options of their own question")
            }
            FhirNote::NotRead { paths } => {
                write!(
                    f,
                    "elements that Naastenmeter does not read are not part of the result: "
                )?;
                write_paths(f, paths)
            }
        }
    }
}

/// One question as this instrument's Questionnaire publishes it.
enum Published<'a> {
    /// A rated item: its codes are its response scale's values.
    Item(&'a ResponseScale),
    /// A context question: its codes are its options' ids.
    Context(&'a ContextQuestion),
}

impl<'a> Published<'a> {
    /// The question `link_id`, if the Questionnaire has it.
    fn of(instrument: &'a Questionnaire, link_id: &str) -> Option<Self> {
        if let Some((_, scale)) = instrument.rated_item(link_id) {
            Some(Published::Item(scale))
        } else {
            instrument.context_question(link_id).map(Published::Context)
        }
    }

    /// The code system of the question's options.
    fn system(&self, instrument: &Questionnaire) -> String {
        match self {
            Published::Item(scale) => response_system(instrument, &scale.id),
            Published::Context(question) => context_system(instrument, &question.id),
        }
    }

    /// The codes of the question's options, in their order.
    fn codes(&self) -> Vec<String> {
        match self {
            Published::Item(scale) => scale.options.iter().map(|o| o.value.to_string()).collect(),
            Published::Context(question) => question.options.iter().map(|o| o.id.clone()).collect(),
        }
    }

    /// Whether the question takes more than one answer.
    fn repeats(&self) -> bool {
        matches!(self, Published::Context(q) if q.choice == ChoiceKind::Multiple)
    }
}

/// Reads a `QuestionnaireResponse` (JSON text) made for this instrument and
/// scores its answers; its `authored` time becomes the result's date.
///
/// The checks are those of [`scored_from_response`]; the notes say what was
/// read leniently.
pub fn scored_from_questionnaire_response(
    instrument: &Questionnaire,
    bytes: &[u8],
) -> Result<(Scored, Vec<FhirNote>), ImportError> {
    check_import_size(bytes.len())?;
    let response: ReceivedResponse = parse_json(bytes).map_err(ImportError::NotAnExport)?;
    scored_from_response(instrument, &response)
}

/// Checks a [`ReceivedResponse`] against this instrument and scores its
/// answers; its `authored` time becomes the result's date.
///
/// `questionnaire` must be this instrument's `url|version`, or its `url`
/// alone (with a [`FhirNote::NoVersion`]). Every answer must be a coding of
/// one of the question's options. What is ambiguous is an
/// [`ImportError::FhirResponse`] naming the element's path (see the module
/// documentation); an unknown `linkId` or a question that takes one answer
/// given another number is an [`ImportError::NotAnExport`] with its path.
pub fn scored_from_response(
    instrument: &Questionnaire,
    response: &ReceivedResponse,
) -> Result<(Scored, Vec<FhirNote>), ImportError> {
    if response.resource_type.as_deref() != Some("QuestionnaireResponse") {
        return Err(not_an_export(
            "resourceType".into(),
            "expected a FHIR QuestionnaireResponse".into(),
        ));
    }
    let mut notes = Vec::new();
    notes.extend(check_reference(
        instrument,
        response.questionnaire.as_ref(),
    )?);
    if response.status.as_deref() == Some("entered-in-error") {
        return Err(refused("status".into(), FhirReason::EnteredInError));
    }
    let mut not_read: Vec<String> = response.other.keys().cloned().collect();
    let mut card = None;
    for (i, extension) in response.extension.iter().enumerate() {
        let path = format!("extension[{i}]");
        if extension.is_card() && card.is_none() {
            card = Some(read_card(&path, extension)?);
        } else {
            not_read.push(path);
        }
    }
    let mut without_system = Vec::new();
    let mut first_item: BTreeMap<&str, usize> = BTreeMap::new();
    let mut answers = Answers::new();
    for (i, item) in response.item.iter().enumerate() {
        let path = format!("item[{i}]");
        let Some(link_id) = item.link_id.as_deref() else {
            return Err(refused(format!("{path}.linkId"), FhirReason::NoLinkId));
        };
        if item.item.is_some() {
            return Err(nested(format!("{path}.item"), link_id));
        }
        let Some(question) = Published::of(instrument, link_id) else {
            return Err(not_an_export(
                format!("{path}.linkId"),
                format!("unknown linkId `{link_id}`: not a question of this questionnaire"),
            ));
        };
        if let Some(first) = first_item.insert(link_id, i) {
            return Err(refused(
                format!("{path}.linkId"),
                FhirReason::AnsweredTwice {
                    question: link_id.into(),
                    first: format!("item[{first}]"),
                },
            ));
        }
        not_read.extend(item.other.keys().map(|key| format!("{path}.{key}")));
        let system = question.system(instrument);
        let codes = question.codes();
        let mut chosen: Vec<(&str, String)> = Vec::with_capacity(item.answer.len());
        for (j, answer) in item.answer.iter().enumerate() {
            let path = format!("{path}.answer[{j}]");
            let code = read_answer(&path, link_id, &system, &codes, answer)?;
            if answer
                .value_coding
                .as_ref()
                .is_some_and(|c| c.system.is_none())
            {
                without_system.push(format!("{path}.valueCoding"));
            }
            not_read.extend(answer.other.keys().map(|key| format!("{path}.{key}")));
            if let Some(coding) = &answer.value_coding {
                not_read.extend(
                    coding
                        .other
                        .keys()
                        .map(|key| format!("{path}.valueCoding.{key}")),
                );
            }
            if question.repeats() {
                if let Some((_, first)) = chosen.iter().find(|(c, _)| *c == code) {
                    return Err(refused(
                        format!("{path}.valueCoding.code"),
                        FhirReason::ChosenTwice {
                            question: link_id.into(),
                            code: code.into(),
                            first: first.clone(),
                        },
                    ));
                }
            }
            chosen.push((code, path));
        }
        let chosen: Vec<&str> = chosen.into_iter().map(|(code, _)| code).collect();
        match (&question, chosen.as_slice()) {
            (Published::Item(scale), [code]) => {
                // The code is one of the scale's values (checked above).
                if let Some(option) = scale.options.iter().find(|o| o.value.to_string() == *code) {
                    answers.set_value(link_id, option.value);
                }
            }
            (Published::Context(q), codes) if q.choice == ChoiceKind::Multiple => {
                answers.set_choices(link_id, codes);
            }
            (Published::Context(_), [code]) => answers.set_choice(link_id, code),
            (Published::Item(_), _) => {
                return Err(not_an_export(
                    path,
                    format!("item `{link_id}` needs exactly one answer"),
                ));
            }
            (Published::Context(_), _) => {
                return Err(not_an_export(
                    path,
                    format!("question `{link_id}` needs exactly one answer"),
                ));
            }
        }
    }
    if !without_system.is_empty() {
        notes.push(FhirNote::NoCodeSystem {
            paths: without_system,
        });
    }
    if !not_read.is_empty() {
        notes.push(FhirNote::NotRead { paths: not_read });
    }
    let scored = score(instrument, answers).map_err(ImportError::BadAnswers)?;
    Ok((
        scored.made_at(response.authored.clone()).with_card(card),
        notes,
    ))
}

/// A refusal at `path`.
fn refused(path: String, reason: FhirReason) -> ImportError {
    ImportError::FhirResponse(FhirRefusal { path, reason })
}

/// Nested items at `path`, under question `link_id`.
fn nested(path: String, link_id: &str) -> ImportError {
    refused(
        path,
        FhirReason::NestedItems {
            question: link_id.into(),
        },
    )
}

/// A response whose shape does not fit this instrument's questions.
fn not_an_export(path: String, message: String) -> ImportError {
    ImportError::NotAnExport(Problem { path, message })
}

/// Checks `questionnaire`: this instrument's canonical `url|version`, or
/// its `url` alone (a note says which version it is read as).
fn check_reference(
    instrument: &Questionnaire,
    reference: Option<&Found>,
) -> Result<Option<FhirNote>, ImportError> {
    let canonical = canonical(instrument);
    let refuse = |reason| Err(refused("questionnaire".into(), reason));
    let reference = match reference {
        None => return refuse(FhirReason::NoQuestionnaire { canonical }),
        Some(Found::Other(found)) => {
            return refuse(FhirReason::QuestionnaireNotText {
                canonical,
                found: found.clone(),
            })
        }
        Some(Found::Text(reference)) => reference.as_str(),
    };
    if reference == canonical {
        return Ok(None);
    }
    if reference == instrument.url {
        return Ok(Some(FhirNote::NoVersion {
            url: reference.into(),
            version: instrument.version.clone(),
        }));
    }
    if let Some(version) = reference
        .strip_prefix(instrument.url.as_str())
        .and_then(|rest| rest.strip_prefix('|'))
    {
        return refuse(FhirReason::OtherVersion {
            found: version.into(),
            expected: instrument.version.clone(),
        });
    }
    if is_server_reference(reference) {
        return refuse(FhirReason::ServerReference {
            reference: reference.into(),
            canonical,
        });
    }
    refuse(FhirReason::OtherQuestionnaire {
        reference: reference.into(),
        canonical,
    })
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

/// One answer at `path` to question `link_id`: a `valueCoding` with one of
/// the question's `codes`, in the question's code `system` when a system is
/// given. Returns the code.
fn read_answer<'r>(
    path: &str,
    link_id: &str,
    system: &str,
    codes: &[String],
    answer: &'r ReceivedAnswer,
) -> Result<&'r str, ImportError> {
    if answer.item.is_some() {
        return Err(nested(format!("{path}.item"), link_id));
    }
    let Some(coding) = &answer.value_coding else {
        return Err(refused(
            path.into(),
            FhirReason::NotACoding {
                question: link_id.into(),
                found: answer
                    .other
                    .keys()
                    .filter(|key| key.starts_with("value"))
                    .cloned()
                    .collect(),
            },
        ));
    };
    let path = format!("{path}.valueCoding");
    let Some(code) = coding.code.as_deref() else {
        return Err(refused(
            format!("{path}.code"),
            FhirReason::NoCode {
                question: link_id.into(),
            },
        ));
    };
    if let Some(found) = &coding.system {
        if *found != Found::Text(system.into()) {
            return Err(refused(
                format!("{path}.system"),
                FhirReason::OtherCodeSystem {
                    question: link_id.into(),
                    code: code.into(),
                    found: found.shown(),
                    expected: system.into(),
                },
            ));
        }
    }
    if !codes.iter().any(|c| c == code) {
        return Err(refused(
            format!("{path}.code"),
            FhirReason::UnknownCode {
                question: link_id.into(),
                code: code.into(),
                options: codes.to_vec(),
            },
        ));
    }
    Ok(code)
}
