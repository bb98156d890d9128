//! A validated instrument: the only form that can be scored.
//!
//! [`load_instrument`] (JSON) and [`decode_instrument`] (the binary form the
//! web app ships) both end in [`Questionnaire::new`], which validates once and
//! then computes what every later step needs: the id look-ups and the content
//! hash. So scoring, exports and imports never check the instrument again,
//! never search it linearly, and never hash it twice.

use alloc::collections::BTreeMap;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::ops::Deref;

use crate::answers::{Answer, Answers};
use crate::binary;
use crate::digest::sha256_hex;
use crate::error::{LoadError, Problem};
use crate::instrument::{
    AdviceRule, ChoiceKind, Contact, ContextQuestion, Instrument, Item, LatentModel, Prototype,
    ResponseScale, SafetyRule, Scale,
};
use crate::json_text::parse_json;
use crate::stamp::InstrumentStamp;
use crate::validate::validate;
use crate::MAX_INSTRUMENT_BYTES;

/// An instrument that passed [`validate`], with its look-ups built.
///
/// It reads as its [`Instrument`] (through `Deref`); the look-up methods
/// below shadow nothing there and run in logarithmic time.
#[derive(Debug, Clone, PartialEq)]
pub struct Questionnaire {
    instrument: Instrument,
    content_hash: String,
    /// Item id → (position in `items`, position of its response scale).
    items: BTreeMap<String, (usize, usize)>,
    context_questions: BTreeMap<String, usize>,
    scales: BTreeMap<String, usize>,
    prototypes: BTreeMap<String, usize>,
    contacts: BTreeMap<String, usize>,
    safety: BTreeMap<String, usize>,
    advice: BTreeMap<String, usize>,
}

/// Reads, parses and validates an instrument file.
///
/// Never panics, whatever the bytes. A file over
/// [`MAX_INSTRUMENT_BYTES`] is refused before
/// it is parsed.
pub fn load_instrument(bytes: &[u8]) -> Result<Questionnaire, LoadError> {
    if bytes.len() > MAX_INSTRUMENT_BYTES {
        return Err(LoadError::TooLarge {
            size: bytes.len(),
            limit: MAX_INSTRUMENT_BYTES,
        });
    }
    let instrument: Instrument = parse_json(bytes).map_err(LoadError::Syntax)?;
    Questionnaire::new(instrument)
}

/// Reads an instrument in the binary form ([`binary::encode_instrument`])
/// and validates it. Damaged bytes give an error, never a panic.
pub fn decode_instrument(bytes: &[u8]) -> Result<Questionnaire, LoadError> {
    let instrument = binary::decode_instrument(bytes).map_err(LoadError::Syntax)?;
    Questionnaire::new(instrument)
}

/// Reads bytes that [`binary::encode_instrument`] wrote from a questionnaire
/// that passed validation, without validating or encoding again: the
/// content hash is the SHA-256 of `bytes`, which are already the canonical
/// form. For a caller that knows where the bytes come from: the web app
/// checks them against the SHA-256 its build recorded (the build validated
/// them), and so leaves validation and the binary writer out of its
/// WebAssembly (the web app's first load: 369,107 → 352,862 bytes gzip).
///
/// Other bytes give an error or a questionnaire that was never validated
/// (damaged bytes still never panic); use [`decode_instrument`] for them.
pub fn decode_validated_instrument(bytes: &[u8]) -> Result<Questionnaire, LoadError> {
    let instrument = binary::decode_instrument(bytes).map_err(LoadError::Syntax)?;
    Questionnaire::with_lookups(instrument, sha256_hex(bytes))
}

impl Questionnaire {
    /// Validates `instrument` and builds its look-ups and content hash.
    pub fn new(instrument: Instrument) -> Result<Self, LoadError> {
        let problems = validate(&instrument);
        if !problems.is_empty() {
            return Err(LoadError::Invalid(problems));
        }
        let canonical = binary::encode_instrument(&instrument).map_err(LoadError::Syntax)?;
        Self::with_lookups(instrument, sha256_hex(&canonical))
    }

    /// Builds the look-ups of an instrument that passed validation.
    fn with_lookups(instrument: Instrument, content_hash: String) -> Result<Self, LoadError> {
        let response_scales: BTreeMap<&str, usize> =
            positions(instrument.response_scales.iter().map(|rs| rs.id.as_str()));
        let mut items = BTreeMap::new();
        for (at, item) in instrument.items.iter().enumerate() {
            // Validation guarantees every item's response scale exists.
            let Some(&scale_at) = response_scales.get(item.response_scale.as_str()) else {
                return Err(LoadError::Invalid(alloc::vec![Problem {
                    path: alloc::format!("items[{at}].response_scale"),
                    message: "unknown response scale".to_string(),
                }]));
            };
            items.insert(item.id.clone(), (at, scale_at));
        }
        let owned = |ids: BTreeMap<&str, usize>| {
            ids.into_iter()
                .map(|(id, at)| (id.to_string(), at))
                .collect()
        };
        let context_questions = owned(positions(
            instrument.context_questions.iter().map(|q| q.id.as_str()),
        ));
        let scales = owned(positions(instrument.scales.iter().map(|s| s.id.as_str())));
        let prototypes = owned(positions(
            instrument.prototypes.iter().map(|p| p.id.as_str()),
        ));
        let contacts = owned(positions(instrument.contacts.iter().map(|c| c.id.as_str())));
        let safety = owned(positions(instrument.safety.iter().map(|r| r.id.as_str())));
        let advice = owned(positions(instrument.advice.iter().map(|r| r.id.as_str())));
        Ok(Questionnaire {
            instrument,
            content_hash,
            items,
            context_questions,
            scales,
            prototypes,
            contacts,
            safety,
            advice,
        })
    }

    /// The instrument itself.
    pub fn instrument(&self) -> &Instrument {
        &self.instrument
    }

    /// A SHA-256 hash (hex) of the instrument's canonical binary form.
    ///
    /// Exports carry it, so an export is never silently read against an
    /// instrument whose content changed while its version did not.
    pub fn content_hash(&self) -> &str {
        &self.content_hash
    }

    /// This questionnaire as an earlier published version: the file was
    /// brought to today's instrument format (fields the format gained since
    /// were added), which changes its binary form and so its hash, while the
    /// exports made with it carry the hash it had when it was published.
    /// That hash becomes its identity here, so those exports find it.
    ///
    /// Refused unless `published_hash` is a SHA-256 in lowercase hex, the
    /// form every export carries.
    pub fn as_published(mut self, published_hash: &str) -> Result<Self, LoadError> {
        let is_hash = published_hash.len() == 64
            && published_hash
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if !is_hash {
            return Err(LoadError::Invalid(alloc::vec![Problem {
                path: "content_hash".to_string(),
                message: alloc::format!(
                    "`{published_hash}` is not a content hash (64 lowercase hexadecimal digits)"
                ),
            }]));
        }
        self.content_hash = published_hash.to_string();
        Ok(self)
    }

    /// Id, version and content hash, as exports carry them.
    pub fn stamp(&self) -> InstrumentStamp {
        InstrumentStamp {
            id: self.instrument.id.clone(),
            version: self.instrument.version.clone(),
            hash: self.content_hash.clone(),
        }
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items
            .get(id)
            .map(|&(at, _)| &self.instrument.items[at])
    }

    /// The item with this id and the response scale it is answered on.
    pub fn rated_item(&self, id: &str) -> Option<(&Item, &ResponseScale)> {
        self.items.get(id).map(|&(at, scale_at)| {
            (
                &self.instrument.items[at],
                &self.instrument.response_scales[scale_at],
            )
        })
    }

    /// The response scale the item with this id is answered on.
    pub fn response_scale_of(&self, item_id: &str) -> Option<&ResponseScale> {
        self.rated_item(item_id).map(|(_, rs)| rs)
    }

    /// The context question with this id.
    pub fn context_question(&self, id: &str) -> Option<&ContextQuestion> {
        self.context_questions
            .get(id)
            .map(|&at| &self.instrument.context_questions[at])
    }

    /// The scale with this id.
    pub fn scale(&self, id: &str) -> Option<&Scale> {
        self.scales.get(id).map(|&at| &self.instrument.scales[at])
    }

    /// The prototype with this id.
    pub fn prototype(&self, id: &str) -> Option<&Prototype> {
        self.prototypes
            .get(id)
            .map(|&at| &self.instrument.prototypes[at])
    }

    /// The contact point with this id.
    pub fn contact(&self, id: &str) -> Option<&Contact> {
        self.contacts
            .get(id)
            .map(|&at| &self.instrument.contacts[at])
    }

    /// The safety rule with this id (a report's signals name them).
    pub fn safety_rule(&self, id: &str) -> Option<&SafetyRule> {
        self.safety.get(id).map(|&at| &self.instrument.safety[at])
    }

    /// The advice rule with this id (a report's advice names them).
    pub fn advice_rule(&self, id: &str) -> Option<&AdviceRule> {
        self.advice.get(id).map(|&at| &self.instrument.advice[at])
    }

    /// Turns an option of a multiple-choice question on or off in `answers`.
    ///
    /// The chosen options stay in the question's option order, as share
    /// codes and imports give them, so the same choices are always equal;
    /// when the last option is turned off the question counts as skipped.
    /// An unknown question or option changes nothing.
    pub fn toggle_choice(&self, answers: &mut Answers, question: &str, option: &str) {
        let Some(question) = self.context_question(question) else {
            return;
        };
        // Only a multiple-choice question is ticked; a single choice is set.
        if question.choice != ChoiceKind::Multiple
            || !question.options.iter().any(|o| o.id == option)
        {
            return;
        }
        let mut chosen: Vec<String> = match answers.get(&question.id) {
            Some(Answer::Choices(c)) => c.clone(),
            Some(Answer::Choice(c)) => alloc::vec![c.clone()],
            _ => Vec::new(),
        };
        if let Some(at) = chosen.iter().position(|c| c == option) {
            chosen.remove(at);
        } else {
            chosen.push(option.into());
        }
        crate::short_sort::sort_short_by_key(&mut chosen, |c| {
            question.options.iter().position(|o| o.id == *c)
        });
        if chosen.is_empty() {
            answers.clear(&question.id);
        } else {
            answers.set(&question.id, Answer::Choices(chosen));
        }
    }

    /// The lowest and highest score a scale can have: the range of its
    /// items' response scales (validation requires one range per scale).
    pub fn scale_range(&self, scale: &Scale) -> (f64, f64) {
        let range = scale
            .items
            .first()
            .and_then(|id| self.response_scale_of(id))
            .and_then(ResponseScale::range)
            .unwrap_or((0, 0));
        (f64::from(range.0), f64::from(range.1))
    }

    /// Items that belong to no scale, in the instrument's order: the
    /// relative's own ratings (such as 0–10 questions), shown on their own.
    pub fn rating_items(&self) -> impl Iterator<Item = (&Item, &ResponseScale)> {
        self.instrument
            .items
            .iter()
            .filter(|item| {
                !self
                    .instrument
                    .scales
                    .iter()
                    .any(|s| s.items.contains(&item.id))
            })
            .filter_map(|item| self.rated_item(&item.id))
    }

    /// The typical score of a prototype on a scale: its class mean in a
    /// profile model, or the expected item value in a class model (the
    /// mean of the option values weighted by the class's probabilities,
    /// averaged over the scale's items after reversing reverse-keyed ones).
    pub fn typical_score(&self, prototype: &str, scale: &Scale) -> Option<f64> {
        match &self.instrument.model.latent {
            LatentModel::Profiles(model) => {
                let class = model.classes.iter().find(|c| c.prototype == prototype)?;
                let at = model.scales.iter().position(|s| *s == scale.id)?;
                class.means.get(at).copied()
            }
            LatentModel::Classes(model) => {
                let class = model.classes.iter().find(|c| c.prototype == prototype)?;
                let mut total = 0.0;
                let mut counted = 0.0;
                // Items the model leaves out have no class probabilities:
                // the typical score is the mean over the scale's other items.
                for item_id in &scale.items {
                    let Some(at) = model.items.iter().position(|i| i == item_id) else {
                        continue;
                    };
                    let (item, rs) = self.rated_item(item_id)?;
                    let (low, high) = rs.range()?;
                    let expected: f64 = class
                        .probabilities
                        .get(at)?
                        .iter()
                        .zip(&rs.options)
                        .map(|(p, option)| p * f64::from(option.value))
                        .sum();
                    total += if item.reverse {
                        f64::from(low + high) - expected
                    } else {
                        expected
                    };
                    counted += 1.0;
                }
                (counted > 0.0).then(|| total / counted)
            }
        }
    }
}

impl Deref for Questionnaire {
    type Target = Instrument;

    fn deref(&self) -> &Instrument {
        &self.instrument
    }
}

/// Position of each id; the first of equal ids wins (validation refuses
/// duplicates, so this only matters while validating).
fn positions<'a>(ids: impl Iterator<Item = &'a str>) -> BTreeMap<&'a str, usize> {
    let mut map = BTreeMap::new();
    for (at, id) in ids.enumerate() {
        map.entry(id).or_insert(at);
    }
    map
}
