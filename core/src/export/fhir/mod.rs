//! FHIR R4: the instrument as a `Questionnaire`, answers as a
//! `QuestionnaireResponse`, and reading a `QuestionnaireResponse` back
//! ([`received`], also one that another FHIR system made).
//!
//! Items are flat (no groups) so that every `linkId` in a response matches a
//! `linkId` in the questionnaire one to one. Items and context questions are
//! `choice` items answered with `valueCoding`; an item option's numeric value
//! travels as the code and, in the questionnaire, as the `itemWeight`
//! extension that FHIR uses for scores.

/// Reads a received FHIR object key by key: the named elements into their
/// fields, every other key's name into the `other` map (its value is read
/// and dropped). Written out instead of `#[serde(flatten)]`, which buffers
/// every value through serde's private `Content` type (size: the web's
/// first load 344,601 -> 342,960 bytes gzip, wasm 908,179 -> 902,616 raw;
/// BENCHMARKS.md). Same as the derive: the value is
/// read with `deserialize_map` (so a list is refused, not read by position),
/// a repeated named element is refused as a duplicate field, the error for
/// a non-object says `struct <Name>`, and any other value is read as
/// `deserialize_any` at every depth, as `Content` reads it.
macro_rules! read_object {
    ($name:ident { $($field:ident: $key:literal),* $(,)? } $other:ident) => {
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct ObjectVisitor;
                impl<'de> serde::de::Visitor<'de> for ObjectVisitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                        f.write_str(concat!("struct ", stringify!($name)))
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut object: A) -> Result<$name, A::Error> {
                        $(let mut $field = None;)*
                        let mut $other = alloc::collections::BTreeMap::new();
                        while let Some(key) = object.next_key::<String>()? {
                            match key.as_str() {
                                $($key => super::put(&mut object, &mut $field, $key)?,)*
                                _ => {
                                    object.next_value::<super::AnyValue>()?;
                                    $other.insert(key, serde::de::IgnoredAny);
                                }
                            }
                        }
                        Ok($name { $($field: $field.unwrap_or_default(),)* $other })
                    }
                }
                deserializer.deserialize_map(ObjectVisitor)
            }
        }
    };
}

/// One named element of [`read_object`]: refused when it comes twice.
fn put<'de, A: serde::de::MapAccess<'de>, T: Deserialize<'de>>(
    object: &mut A,
    slot: &mut Option<T>,
    key: &'static str,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(serde::de::Error::duplicate_field(key));
    }
    *slot = Some(object.next_value()?);
    Ok(())
}

/// Any value, read with `deserialize_any` at every depth and dropped.
struct AnyValue;

impl<'de> Deserialize<'de> for AnyValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AnyValueVisitor)
    }
}

struct AnyValueVisitor;

impl<'de> serde::de::Visitor<'de> for AnyValueVisitor {
    type Value = AnyValue;
    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("any value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<AnyValue, E> {
        Ok(AnyValue)
    }
    fn visit_i64<E>(self, _: i64) -> Result<AnyValue, E> {
        Ok(AnyValue)
    }
    fn visit_u64<E>(self, _: u64) -> Result<AnyValue, E> {
        Ok(AnyValue)
    }
    fn visit_f64<E>(self, _: f64) -> Result<AnyValue, E> {
        Ok(AnyValue)
    }
    fn visit_str<E>(self, _: &str) -> Result<AnyValue, E> {
        Ok(AnyValue)
    }
    fn visit_bytes<E>(self, _: &[u8]) -> Result<AnyValue, E> {
        Ok(AnyValue)
    }
    fn visit_unit<E>(self) -> Result<AnyValue, E> {
        Ok(AnyValue)
    }
    fn visit_none<E>(self) -> Result<AnyValue, E> {
        Ok(AnyValue)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, value: D) -> Result<AnyValue, D::Error> {
        AnyValue::deserialize(value)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut list: A) -> Result<AnyValue, A::Error> {
        while list.next_element::<AnyValue>()?.is_some() {}
        Ok(AnyValue)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut object: A) -> Result<AnyValue, A::Error> {
        while object.next_entry::<AnyValue, AnyValue>()?.is_some() {}
        Ok(AnyValue)
    }
}

pub mod card;
pub mod received;

pub use received::{
    scored_from_questionnaire_response, scored_from_response, FhirNote, ReceivedResponse,
};

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::answers::Answer;
use crate::instrument::{ChoiceKind, Instrument};
use crate::questionnaire::Questionnaire;
use crate::scored::Scored;
use crate::text::pick;
pub use card::{card_extension, Extension, CARD_EXTENSION_URL};

/// Extension URL for an answer option's score (FHIR core extension).
pub const ITEM_WEIGHT_URL: &str = "http://hl7.org/fhir/StructureDefinition/itemWeight";

/// The coding system of an item's response scale.
pub(crate) fn response_system(instrument: &Instrument, response_scale: &str) -> String {
    format!("{}/response-scale/{}", instrument.url, response_scale)
}

/// The coding system of a context question's options.
pub(crate) fn context_system(instrument: &Instrument, question: &str) -> String {
    format!("{}/context/{}", instrument.url, question)
}

/// The canonical reference `url|version` of the instrument.
pub fn canonical(instrument: &Instrument) -> String {
    format!("{}|{}", instrument.url, instrument.version)
}

/// The instrument as a FHIR R4 `Questionnaire`, with texts in `language`.
pub fn questionnaire(instrument: &Questionnaire, language: &str) -> String {
    let mut items = Vec::new();
    for id in instrument.question_order() {
        if let Some((item, rs)) = instrument.rated_item(id) {
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

/// A FHIR R4 `QuestionnaireResponse`, with the elements Naastenmeter writes.
///
/// Typed rather than a JSON tree so that any serde format can carry it: the
/// command line writes it with serde_json, the web app with the browser's
/// own JSON. A response is read back as a [`ReceivedResponse`], which also
/// keeps what another FHIR system may add, to check it. Fields are in
/// alphabetical order: that is the order serde_json wrote before, so files
/// stay byte for byte the same.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QuestionnaireResponse {
    /// When the answers were given (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authored: Option<String>,
    /// The relative's conversation card, when they filled one in
    /// ([`card::card_extension`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    /// The answered questions, in the order asked.
    #[serde(default)]
    pub item: Vec<ResponseItem>,
    /// The language of the texts in the response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The questionnaire's canonical reference, `url|version`.
    #[serde(default)]
    pub questionnaire: Option<String>,
    /// Always `QuestionnaireResponse`.
    #[serde(rename = "resourceType", default)]
    pub resource_type: Option<String>,
    /// `completed` when written here.
    #[serde(default)]
    pub status: Option<String>,
}

/// One answered question of a [`QuestionnaireResponse`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ResponseItem {
    /// The answers; one for an item, one or more for a multiple choice.
    #[serde(default)]
    pub answer: Vec<ResponseAnswer>,
    /// The question's id.
    #[serde(rename = "linkId", default)]
    pub link_id: String,
    /// The question's text, in the response's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// One answer of a [`ResponseItem`]: a coded choice.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ResponseAnswer {
    /// The chosen option.
    #[serde(
        rename = "valueCoding",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub value_coding: Option<Coding>,
}

/// A FHIR `Coding`: a code from a code system, with its text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Coding {
    /// The code: an item option's value, or a context option's id.
    #[serde(default)]
    pub code: Option<String>,
    /// The option's label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
    /// The code system: the instrument's response scale or context question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
}

impl ResponseAnswer {
    fn coding(system: String, code: String, display: &str) -> Self {
        ResponseAnswer {
            value_coding: Some(Coding {
                code: Some(code),
                display: Some(display.into()),
                system: Some(system),
            }),
        }
    }
}

/// A scored result's answers as a FHIR R4 `QuestionnaireResponse` with
/// status `completed`.
///
/// Only answered questions appear, in the order asked. `authored` is when
/// the result was made ([`Scored::created`]).
pub fn questionnaire_response(
    instrument: &Questionnaire,
    scored: &Scored,
    language: &str,
) -> String {
    let resource = questionnaire_response_resource(instrument, scored, language);
    serde_json::to_string_pretty(&resource).unwrap_or_default()
}

/// The [`QuestionnaireResponse`] that [`questionnaire_response`] writes, for
/// callers that write JSON themselves.
pub fn questionnaire_response_resource(
    instrument: &Questionnaire,
    scored: &Scored,
    language: &str,
) -> QuestionnaireResponse {
    let answers = scored.answers();
    let authored = scored.created();
    let mut items = Vec::new();
    for id in instrument.question_order() {
        let Some(answer) = answers.get(id) else {
            continue;
        };
        if let Some((item, rs)) = instrument.rated_item(id) {
            let Answer::Value(value) = answer else {
                continue;
            };
            let Some(option) = rs.options.iter().find(|o| o.value == *value) else {
                continue;
            };
            items.push(ResponseItem {
                answer: alloc::vec![ResponseAnswer::coding(
                    response_system(instrument, &rs.id),
                    value.to_string(),
                    pick(&option.label, language),
                )],
                link_id: item.id.clone(),
                text: Some(pick(&item.text, language).into()),
            });
        } else if let Some(question) = instrument.context_question(id) {
            let chosen: Vec<&String> = match answer {
                Answer::Choice(c) => alloc::vec![c],
                Answer::Choices(cs) => cs.iter().collect(),
                Answer::Value(_) => continue,
            };
            let codings: Vec<ResponseAnswer> = chosen
                .into_iter()
                .filter_map(|c| question.options.iter().find(|o| &o.id == c))
                .map(|option| {
                    ResponseAnswer::coding(
                        context_system(instrument, &question.id),
                        option.id.clone(),
                        pick(&option.label, language),
                    )
                })
                .collect();
            if codings.is_empty() {
                continue; // FHIR forbids an empty answer list; an empty choice is no answer.
            }
            items.push(ResponseItem {
                answer: codings,
                link_id: question.id.clone(),
                text: Some(pick(&question.text, language).into()),
            });
        }
    }
    QuestionnaireResponse {
        authored: authored.map(Into::into),
        extension: scored.card().map(card_extension).into_iter().collect(),
        item: items,
        language: Some(language.into()),
        questionnaire: Some(canonical(instrument)),
        resource_type: Some("QuestionnaireResponse".into()),
        status: Some("completed".into()),
    }
}
