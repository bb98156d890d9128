//! The instrument: a questionnaire with its scales, prototype model, advice
//! and safety rules, exactly as it is written in an instrument JSON file.
//!
//! These types mirror `docs/instrument-format.md` and
//! `docs/instrument.schema.json`. They carry no behaviour beyond look-ups;
//! checking lives in [`mod@crate::validate`] and scoring in [`crate::scoring`].

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

use crate::condition::Condition;
use crate::text::Text;

/// A complete questionnaire definition.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// Version of the file format; this crate reads [`crate::FORMAT_VERSION`].
    pub format_version: u32,
    /// Stable identifier of the instrument, for example `naastenmeter`.
    pub id: String,
    /// Version of this instrument's content, for example `1.0.0`.
    pub version: String,
    /// Canonical URL, used as the FHIR Questionnaire's `url`.
    pub url: String,
    /// Language codes in which every text must be present, first is default.
    /// A code `<language>-<variant>` beside its `<language>` (`nl-formal`
    /// beside `nl`: Dutch with "u") is a variant that texts may leave out;
    /// they then use the `<language>` text.
    pub languages: Vec<String>,
    /// Name of the questionnaire.
    pub title: Text,
    /// Short introduction shown before the questions.
    pub description: Text,
    /// Answer scales shared by items.
    pub response_scales: Vec<ResponseScale>,
    /// Questions with an answer on a response scale (scored or rated).
    pub items: Vec<Item>,
    /// Questions that are not scored but steer advice.
    #[serde(default)]
    pub context_questions: Vec<ContextQuestion>,
    /// The order in which questions are asked, grouped in sections.
    pub sections: Vec<Section>,
    /// Scales (dimensions) scored as the mean of their items.
    pub scales: Vec<Scale>,
    /// The prototypes a respondent can be classified into.
    pub prototypes: Vec<Prototype>,
    /// The statistical model behind the prototypes.
    pub model: Model,
    /// Advice selected by conditions on the answers and scores.
    #[serde(default)]
    pub advice: Vec<AdviceRule>,
    /// Signals that ask for attention (a GP, a crisis line).
    #[serde(default)]
    pub safety: Vec<SafetyRule>,
    /// Contact points named by safety rules and advice.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// The multiple-choice context question whose options name the loved
    /// one's behaviours; partners can key their offers to these options.
    #[serde(default)]
    pub behaviour_question: Option<String>,
}

/// An ordered set of answer options with numeric values.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponseScale {
    /// Identifier used by items.
    pub id: String,
    /// Options from the lowest value to the highest.
    pub options: Vec<ResponseOption>,
}

/// One answer option of a response scale.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponseOption {
    /// The numeric value scored for this option.
    pub value: i32,
    /// What the respondent sees.
    pub label: Text,
}

/// A question answered on a response scale.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Identifier, unique over items and context questions.
    pub id: String,
    /// The question or statement.
    pub text: Text,
    /// Identifier of the response scale.
    pub response_scale: String,
    /// Whether a high answer means a low score (scored as min + max - value).
    #[serde(default)]
    pub reverse: bool,
    /// Where the wording comes from and under what licence.
    pub provenance: Provenance,
}

/// Where an item's wording comes from and under what licence it may be used.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// The source: own wording, and what construct or instrument it follows.
    pub source: String,
    /// SPDX licence identifier or a short licence statement.
    pub licence: String,
}

/// A question that is not scored but steers advice.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextQuestion {
    /// Identifier, unique over items and context questions.
    pub id: String,
    /// The question.
    pub text: Text,
    /// Whether one or several options may be chosen.
    pub choice: ChoiceKind,
    /// The options.
    pub options: Vec<ContextOption>,
}

/// How many options of a context question may be chosen.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChoiceKind {
    /// Exactly one option (or none, when skipped).
    Single,
    /// Any number of options.
    Multiple,
}

/// One option of a context question.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextOption {
    /// Identifier, unique within the question.
    pub id: String,
    /// What the respondent sees.
    pub label: Text,
}

/// A group of questions asked together, in order.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Identifier.
    pub id: String,
    /// Heading shown above the questions.
    pub title: Text,
    /// Optional short introduction.
    #[serde(default)]
    pub intro: Option<Text>,
    /// Identifiers of items and context questions, in the order asked.
    pub questions: Vec<String>,
}

/// A scale (dimension), scored as the mean of its answered items.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// Identifier.
    pub id: String,
    /// Name shown with the score.
    pub label: Text,
    /// What the scale measures, in plain words.
    pub description: Text,
    /// Identifiers of the items, which all share one response scale.
    pub items: Vec<String>,
    /// Share of items (0 to 1) that must be answered for a trustworthy score.
    pub min_answered: f64,
    /// The largest difference between two results' scores that a
    /// comparison over time still calls "about the same"; a larger one is
    /// called heavier or lighter. A choice of the instrument's authors.
    pub same_within: f64,
    /// Interpretation bands that together cover the scale's range.
    pub bands: Vec<Band>,
}

/// A range of scale scores with its interpretation.
///
/// A band covers `from <= score < to`; the last band also includes `to`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// Identifier, unique within the scale.
    pub id: String,
    /// Lower bound (inclusive).
    pub from: f64,
    /// Upper bound (exclusive, but inclusive for the last band).
    pub to: f64,
    /// Short name, for example "low".
    pub label: Text,
    /// What a score in this band means.
    pub text: Text,
}

/// A prototype of relatives, with what it means and what may help.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prototype {
    /// Identifier, for example `entrapped`.
    pub id: String,
    /// Name, for example "de gevangen mantelzorger".
    pub name: Text,
    /// What this prototype means.
    pub description: Text,
    /// How people in this prototype often feel.
    pub feelings: Text,
    /// What may help, one text per point.
    pub what_may_help: Vec<Text>,
    /// Bands that contradict this prototype's description: while one of
    /// them holds, the prototype is never named (as best or as one of the
    /// two closest), so a person is never told something their own scores deny.
    #[serde(default)]
    pub contradicted_by: Vec<BandRef>,
    /// Shown instead of `description` while an urgent safety signal holds.
    /// Needed for a description that speaks of balance or coping: those
    /// words must not sit under "call for help now".
    #[serde(default)]
    pub description_when_urgent: Option<Text>,
}

/// A band of a scale, named by the scale's id and the band's id.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandRef {
    /// The scale.
    pub scale: String,
    /// The band of that scale.
    pub band: String,
}

/// The statistical model that gives each prototype a probability.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    /// Plain explanation of where the model comes from.
    pub about: Text,
    /// Whether the model is provisional (to be replaced by a validated one).
    #[serde(default)]
    pub provisional: bool,
    /// Below this posterior probability the best prototype is shown as uncertain.
    pub uncertainty_threshold: f64,
    /// The lowest posterior probability with which a prototype may be named
    /// at all; it matters when the most likely one is contradicted or
    /// atypical and the next one is considered instead.
    pub min_posterior: f64,
    /// When the answers fit the model well enough to name a prototype.
    pub typicality: Typicality,
    /// Words for how well the named prototype fits, from the strongest to
    /// the weakest; the first whose `min_posterior` the prototype reaches applies.
    pub strength: Vec<StrengthLevel>,
    /// The model's parameters.
    pub latent: LatentModel,
}

/// How the model decides whether answers fit any prototype at all.
///
/// The estimation tool computes these from the data the model was fitted on
/// (`docs/estimation.md`, "Typicality"). A class's *typicality* for one
/// respondent is, for latent profiles, the chi-square upper-tail probability
/// of the squared Mahalanobis distance to the class mean (degrees of freedom:
/// the number of observed scales); for latent classes, the mean log-probability
/// of the observed answers per observed item. Both skip missing inputs and
/// compare fairly across respondents who answered a different number of inputs.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Typicality {
    /// How many of the model's inputs (scales or items) must be observed to
    /// classify at all.
    pub min_inputs: usize,
    /// The lowest typicality with which a class counts as fitting.
    pub threshold: f64,
    /// The share of the fitting data the threshold was chosen to keep, for
    /// example 0.975.
    pub target_share: f64,
    /// The share of the fitting data (respondents with at least `min_inputs`
    /// inputs) that fits at least one class with this threshold.
    pub typical_share: f64,
}

/// The part of an instrument's `model` that the estimation tool computes
/// from data: the latent model and its typicality rule. `naastenmeter fit`
/// writes it, or merges it into an instrument with `--instrument`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FittedModel {
    /// When answers fit the model, computed from the fitting data.
    pub typicality: Typicality,
    /// The model's parameters.
    pub latent: LatentModel,
}

/// A verbal strength of fit, such as "fits well".
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrengthLevel {
    /// Identifier, for example `good`.
    pub id: String,
    /// The lowest posterior probability of the named prototype for these words.
    pub min_posterior: f64,
    /// The words shown before the percentage, for example "past goed".
    pub label: Text,
}

/// The two kinds of prototype model.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LatentModel {
    /// Latent profile analysis: a mixture of normal distributions over scale scores.
    Profiles(ProfileModel),
    /// Latent class analysis: a mixture of categorical distributions over items.
    Classes(ClassModel),
}

/// A latent profile model over scale scores, with diagonal covariances.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileModel {
    /// Identifiers of the scales the model uses, in the order of `means`.
    pub scales: Vec<String>,
    /// Whether variances are equal across classes or free per class.
    pub variances: VarianceKind,
    /// One entry per class; each names its prototype.
    pub classes: Vec<ProfileClass>,
}

/// Whether variances are shared by all classes.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VarianceKind {
    /// One variance per scale, the same in every class.
    Equal,
    /// A variance per scale and class.
    PerClass,
}

/// One class of a latent profile model.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileClass {
    /// Identifier of the prototype this class stands for.
    pub prototype: String,
    /// Share of the population in this class (all shares sum to 1).
    pub share: f64,
    /// Mean per scale, in the order of the model's `scales`.
    pub means: Vec<f64>,
    /// Variance per scale (positive), in the same order.
    pub variances: Vec<f64>,
}

/// A latent class model over categorical items.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassModel {
    /// Identifiers of the items the model uses, in the order of `probabilities`.
    pub items: Vec<String>,
    /// One entry per class; each names its prototype.
    pub classes: Vec<LatentClass>,
}

/// One class of a latent class model.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LatentClass {
    /// Identifier of the prototype this class stands for.
    pub prototype: String,
    /// Share of the population in this class (all shares sum to 1).
    pub share: f64,
    /// Per item, the probability of each answer option, in option order.
    pub probabilities: Vec<Vec<f64>>,
}

/// A piece of advice, shown when its condition holds.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdviceRule {
    /// Identifier.
    pub id: String,
    /// What kind of advice this is; the result page groups by kind.
    pub kind: AdviceKind,
    /// When to show it.
    pub when: Condition,
    /// Heading.
    pub title: Text,
    /// The advice itself.
    pub text: Text,
    /// Where to learn more, if anywhere.
    #[serde(default)]
    pub learn_more: Option<Text>,
    /// Identifiers of contact points to show with it.
    #[serde(default)]
    pub contacts: Vec<String>,
}

/// Groups of advice on the result page.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AdviceKind {
    /// A PINM method or sub-goal that fits the result.
    Method,
    /// A communication technique that fits a disrupting behaviour.
    Technique,
    /// A practical tip for a scale score.
    Tip,
    /// A support offer.
    Offer,
}

/// A signal that asks for attention, shown first on the result page.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyRule {
    /// Identifier.
    pub id: String,
    /// How urgent the signal is.
    pub level: SignalLevel,
    /// When the signal is raised.
    pub when: Condition,
    /// Heading.
    pub title: Text,
    /// What to do, in plain words.
    pub message: Text,
    /// Identifiers of contact points to show with it.
    pub contacts: Vec<String>,
    /// Whether this signal means help for the relative themself comes
    /// before coaching (PINM's contra-indication: suspected depression, or
    /// the relative's own crisis). The result then leads with that help.
    #[serde(default)]
    pub help_for_yourself_first: bool,
    /// A question under which this signal is shown as soon as it holds,
    /// while the relative is still answering, not only on the result page.
    #[serde(default)]
    pub show_at_question: Option<String>,
}

/// How urgent a safety signal is.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignalLevel {
    /// Danger now: call for help.
    Urgent,
    /// Talk to a professional soon, for example the GP.
    Attention,
}

/// A place to get help: a phone line, a website, a professional.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Identifier.
    pub id: String,
    /// Name.
    pub name: Text,
    /// What they offer and when to contact them.
    pub description: Text,
    /// Phone number as shown, if any.
    #[serde(default)]
    pub phone: Option<String>,
    /// Web address (https only), if any.
    #[serde(default)]
    pub url: Option<String>,
    /// Whether the result page always shows this contact (a crisis line).
    #[serde(default)]
    pub always_shown: bool,
}

impl Instrument {
    /// Identifiers of the prototypes in the model's class order.
    pub fn class_prototypes(&self) -> Vec<&str> {
        match &self.model.latent {
            LatentModel::Profiles(m) => m.classes.iter().map(|c| c.prototype.as_str()).collect(),
            LatentModel::Classes(m) => m.classes.iter().map(|c| c.prototype.as_str()).collect(),
        }
    }

    /// Every question identifier in the order asked (section by section).
    pub fn question_order(&self) -> impl Iterator<Item = &str> {
        self.sections
            .iter()
            .flat_map(|s| s.questions.iter().map(String::as_str))
    }
}

impl Scale {
    /// The band a score falls in: `from <= score < to`, the last band
    /// inclusive of its upper bound.
    pub fn band_for(&self, score: f64) -> Option<&Band> {
        let last = self.bands.len().checked_sub(1)?;
        self.bands
            .iter()
            .enumerate()
            .find(|(i, band)| {
                score >= band.from && (score < band.to || (*i == last && score <= band.to))
            })
            .map(|(_, band)| band)
    }

    /// The band with this id.
    pub fn band(&self, id: &str) -> Option<&Band> {
        self.bands.iter().find(|band| band.id == id)
    }
}

impl Model {
    /// The verbal strength for a posterior probability: the first level
    /// (strongest first) whose minimum it reaches, or the weakest.
    pub fn strength_for(&self, probability: f64) -> Option<&StrengthLevel> {
        self.strength
            .iter()
            .find(|level| probability >= level.min_posterior)
            .or(self.strength.last())
    }
}

impl Prototype {
    /// The description to show: the one for an urgent signal while one
    /// holds and the prototype has it, else the ordinary one.
    pub fn description_for(&self, while_urgent: bool) -> &Text {
        match (&self.description_when_urgent, while_urgent) {
            (Some(urgent), true) => urgent,
            _ => &self.description,
        }
    }
}

impl ResponseScale {
    /// Lowest and highest option value, or `None` for a scale with no options.
    pub fn range(&self) -> Option<(i32, i32)> {
        let min = self.options.iter().map(|o| o.value).min()?;
        let max = self.options.iter().map(|o| o.value).max()?;
        Some((min, max))
    }

    /// Position of the option with this value.
    pub fn option_index(&self, value: i32) -> Option<usize> {
        self.options.iter().position(|o| o.value == value)
    }
}

/// Look-ups by id for an instrument that is still being validated (a
/// [`crate::Questionnaire`] has its own, built once).
///
/// Where an id occurs twice (an invalid instrument) the first one wins.
pub(crate) struct Index<'a> {
    /// Items by id, with their response scale when it exists.
    pub items: BTreeMap<&'a str, (&'a Item, Option<&'a ResponseScale>)>,
    /// Context questions by id.
    pub context_questions: BTreeMap<&'a str, &'a ContextQuestion>,
    /// Scales by id.
    pub scales: BTreeMap<&'a str, &'a Scale>,
    /// Prototypes by id.
    pub prototypes: BTreeMap<&'a str, &'a Prototype>,
    /// Contact points by id.
    pub contacts: BTreeMap<&'a str, &'a Contact>,
}

/// Collects `(id, value)` pairs into a map in which the first of equal ids wins.
fn first_wins<'a, T>(pairs: impl Iterator<Item = (&'a str, T)>) -> BTreeMap<&'a str, T> {
    let mut map = BTreeMap::new();
    for (id, value) in pairs {
        map.entry(id).or_insert(value);
    }
    map
}

impl<'a> Index<'a> {
    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&'a Item> {
        self.items.get(id).map(|(item, _)| *item)
    }

    /// The response scale of the item with this id.
    pub fn response_scale_of(&self, id: &str) -> Option<&'a ResponseScale> {
        self.items.get(id).and_then(|(_, rs)| *rs)
    }

    /// The context question with this id.
    pub fn context_question(&self, id: &str) -> Option<&'a ContextQuestion> {
        self.context_questions.get(id).copied()
    }

    /// The scale with this id.
    pub fn scale(&self, id: &str) -> Option<&'a Scale> {
        self.scales.get(id).copied()
    }

    /// The prototype with this id.
    pub fn prototype(&self, id: &str) -> Option<&'a Prototype> {
        self.prototypes.get(id).copied()
    }

    /// The contact point with this id.
    pub fn contact(&self, id: &str) -> Option<&'a Contact> {
        self.contacts.get(id).copied()
    }
}

impl Instrument {
    /// Builds the id look-ups for this instrument.
    pub(crate) fn index(&self) -> Index<'_> {
        let response_scales =
            first_wins(self.response_scales.iter().map(|rs| (rs.id.as_str(), rs)));
        Index {
            items: first_wins(self.items.iter().map(|item| {
                let rs = response_scales.get(item.response_scale.as_str()).copied();
                (item.id.as_str(), (item, rs))
            })),
            context_questions: first_wins(
                self.context_questions.iter().map(|q| (q.id.as_str(), q)),
            ),
            scales: first_wins(self.scales.iter().map(|s| (s.id.as_str(), s))),
            prototypes: first_wins(self.prototypes.iter().map(|p| (p.id.as_str(), p))),
            contacts: first_wins(self.contacts.iter().map(|c| (c.id.as_str(), c))),
        }
    }
}
