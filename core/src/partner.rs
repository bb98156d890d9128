//! A partner's configuration for an embedded Naastenmeter: language and
//! form of address ("u" or "je"), brand
//! colours and font, quick-exit address, the partner's name and logo, their
//! own local support offers, and which exports are offered.
//!
//! A partner's mistake must never leave a relative with a blank page. So
//! [`read_partner_config`] keeps every part that is right, drops every part
//! that is wrong, and returns a problem for each dropped part, with its path.
//! Values that end up in a page are checked strictly: colours are hex codes,
//! fonts are plain names, and links are `https:`, `tel:` or `mailto:` only.

use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::Problem;
use crate::json_text::parse_json;
use crate::questionnaire::Questionnaire;

/// Largest partner configuration accepted, in bytes.
pub const MAX_PARTNER_CONFIG_BYTES: usize = 256 * 1024;

/// Most local offers a partner may list.
pub const MAX_LOCAL_OFFERS: usize = 100;

/// A partner's configuration, with every part checked.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PartnerConfig {
    /// Language to start in, one of the instrument's languages.
    pub language: Option<String>,
    /// How the app addresses the relative: informally ("je", the default)
    /// or formally ("u"), as many institutions write.
    pub address: Address,
    /// Brand colours and font, as CSS custom properties.
    pub theme: Theme,
    /// Where the quick-exit button goes (https only).
    pub quick_exit_url: Option<String>,
    /// The address of the professional view a share code's QR code opens
    /// (`https://` only), for example the partner's page for professionals;
    /// when unset, the page the app runs on.
    pub professional_url: Option<String>,
    /// The partner's name, shown in the header.
    pub partner_name: Option<LocalText>,
    /// The partner's logo: an `https:` address or a `data:image/...` URL.
    pub partner_logo: Option<String>,
    /// The partner's own support offers, shown above the generic ones.
    pub local_offers: Vec<LocalOffer>,
    /// Which exports are offered.
    pub exports: Exports,
    /// The level of the app's top heading on the partner's page (1 to
    /// [`MAX_HEADING_LEVEL`]); the app's other headings follow from it.
    /// When unset: 2 inside an embed (the partner's page has its own h1),
    /// 1 on the app's own site ([`PartnerConfig::top_heading_level`]).
    pub heading_level: Option<u8>,
    /// Whether each page of the app is a `<main>` landmark. When unset: no
    /// inside an embed (the partner's page has its own main), yes on the
    /// app's own site ([`PartnerConfig::uses_main_landmark`]).
    pub main_landmark: Option<bool>,
}

/// The highest level the app's top heading may start at: the app nests its
/// headings four levels deep (page, section, item, part of an item), and
/// HTML has six.
pub const MAX_HEADING_LEVEL: u8 = 3;

impl PartnerConfig {
    /// The level of the app's top heading: the partner's choice, or 2 when
    /// `embedded` (below the partner's own h1) and 1 on the app's own site.
    pub fn top_heading_level(&self, embedded: bool) -> u8 {
        self.heading_level.unwrap_or(if embedded { 2 } else { 1 })
    }

    /// Whether the app's pages are `<main>` landmarks: the partner's choice,
    /// or only on the app's own site (a page may have one main, and an
    /// embedding page has its own).
    pub fn uses_main_landmark(&self, embedded: bool) -> bool {
        self.main_landmark.unwrap_or(!embedded)
    }
}

/// How the app addresses the relative, in languages that make the
/// difference (Dutch "je" or "u").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Address {
    /// "je": the app's own voice.
    #[default]
    Informal,
    /// "u": the instrument's `<language>-formal` texts where it has them
    /// (`nl-formal`), else the plain language's.
    Formal,
}

impl Address {
    /// The setting's value as written in the configuration.
    pub fn name(self) -> &'static str {
        match self {
            Address::Informal => "informal",
            Address::Formal => "formal",
        }
    }

    /// The text key to pick texts in `language` with: `nl-formal` for
    /// formal Dutch ([`crate::text::pick`] falls back to `nl` where a text
    /// has no formal variant), `language` itself for informal address.
    pub fn text_key(self, language: &str) -> String {
        match self {
            Address::Informal => language.into(),
            Address::Formal => format!("{language}-{}", crate::text::FORMAL),
        }
    }
}

/// Brand colours and font. Each becomes a CSS custom property of the app.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    /// Property name (without `--nm-`) → value, for example `primary` → `#00657f`.
    pub properties: BTreeMap<String, String>,
}

/// The theme properties a partner may set, and what each is.
pub const THEME_PROPERTIES: [(&str, ThemeValue); 7] = [
    ("primary", ThemeValue::Colour),
    ("primary_text", ThemeValue::Colour),
    ("background", ThemeValue::Colour),
    ("surface", ThemeValue::Colour),
    ("text", ThemeValue::Colour),
    ("accent", ThemeValue::Colour),
    ("font_family", ThemeValue::Font),
];

/// What kind of value a theme property takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeValue {
    /// A hex colour: `#rgb`, `#rrggbb` or `#rrggbbaa`.
    Colour,
    /// A font-family list: letters, digits, spaces, commas, hyphens and quotes.
    Font,
}

/// A text from a partner: one text for every language, or one per language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum LocalText {
    /// The same text in every language.
    Plain(String),
    /// Language code → text.
    Translated(BTreeMap<String, String>),
}

impl LocalText {
    /// The text in `language`, or in the first language given.
    pub fn pick(&self, language: &str) -> &str {
        match self {
            LocalText::Plain(text) => text,
            LocalText::Translated(texts) => crate::text::pick(texts, language),
        }
    }
}

/// The kinds of local support offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OfferKind {
    /// A group of relatives who meet (lotgenotengroep).
    PeerGroup,
    /// Someone who listens (luisterlijn).
    ListeningEar,
    /// An evening on a theme (themabijeenkomst).
    ThemeEvening,
    /// One-to-one support (individuele ondersteuning).
    OneToOne,
    /// Taking over care for a while (respijtzorg).
    Respite,
    /// A course or training.
    Training,
}

/// One of the partner's own support offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalOffer {
    /// Kind of offer.
    pub kind: OfferKind,
    /// Name of the offer.
    pub name: LocalText,
    /// What it offers.
    pub description: LocalText,
    /// How to reach it: `https:`, `tel:` or `mailto:` links.
    #[serde(default)]
    pub contact: Vec<ContactLink>,
    /// Prototypes it fits; empty means every prototype.
    #[serde(default)]
    pub prototypes: Vec<String>,
    /// Disrupting behaviours (option ids) it fits; empty means every behaviour.
    #[serde(default)]
    pub behaviours: Vec<String>,
    /// Scale id → band ids it fits: it fits a result with one of these
    /// bands on that scale, whatever prototype fits (or none). Together with
    /// `prototypes`, one of either is enough; both empty means everyone.
    #[serde(default)]
    pub bands: BTreeMap<String, Vec<String>>,
}

/// A link to reach an offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactLink {
    /// What the link says, for example a phone number.
    pub label: LocalText,
    /// The address: `https:`, `tel:` or `mailto:` only.
    pub href: String,
}

/// Which exports the app offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Exports {
    /// Print or save as PDF.
    pub print: bool,
    /// Download the JSON report.
    pub json: bool,
    /// Download the FHIR QuestionnaireResponse.
    pub fhir: bool,
    /// Share code and QR code.
    pub share_code: bool,
    /// Remember results on this device.
    pub remember: bool,
}

impl Default for Exports {
    fn default() -> Self {
        Self {
            print: true,
            json: true,
            fhir: true,
            share_code: true,
            remember: true,
        }
    }
}

/// Whether a link is one the app may render: `https:`, `tel:` or `mailto:`.
pub fn is_safe_link(href: &str) -> bool {
    let lower = href.trim().to_ascii_lowercase();
    let safe_scheme = ["https://", "tel:", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s));
    safe_scheme
        && !href
            .chars()
            .any(|c| c.is_control() || c == ' ' || c == '"' || c == '<' || c == '>')
}

fn is_hex_colour(value: &str) -> bool {
    let Some(hex) = value.strip_prefix('#') else {
        return false;
    };
    matches!(hex.len(), 3 | 4 | 6 | 8) && hex.bytes().all(|b| b.is_ascii_hexdigit())
}

fn is_font_family(value: &str) -> bool {
    !value.trim().is_empty()
        && value.len() <= 200
        && value
            .chars()
            .all(|c| c.is_alphanumeric() || " ,-_'\"".contains(c))
}

fn is_logo(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    let data_image = [
        "data:image/png;base64,",
        "data:image/jpeg;base64,",
        "data:image/webp;base64,",
        "data:image/svg+xml;base64,",
    ]
    .iter()
    .any(|p| lower.starts_with(p));
    (data_image && value.bytes().all(|b| b.is_ascii_graphic()))
        || (lower.starts_with("https://") && is_safe_link(value))
}

/// A parsed configuration value, whatever read it: serde_json here, the
/// browser's `JSON.parse` in the web app (which then needs no JSON parser of
/// its own). The checks below only need these three things of it.
pub trait ConfigValue: Sized {
    /// The entries of an object, in order; a message when it is not an object.
    fn entries(self) -> Result<Vec<(String, Self)>, String>;
    /// The elements of an array; a message when it is not an array.
    fn elements(self) -> Result<Vec<Self>, String>;
    /// The value as a `T`; a message saying why it is not one.
    fn read<T: DeserializeOwned>(self) -> Result<T, String>;
}

impl ConfigValue for Value {
    fn entries(self) -> Result<Vec<(String, Self)>, String> {
        match self {
            Value::Object(map) => Ok(map.into_iter().collect()),
            other => Err(format!("expected an object, found {}", json_kind(&other))),
        }
    }

    fn elements(self) -> Result<Vec<Self>, String> {
        match self {
            Value::Array(items) => Ok(items),
            other => Err(format!("expected a list, found {}", json_kind(&other))),
        }
    }

    fn read<T: DeserializeOwned>(self) -> Result<T, String> {
        serde_json::from_value::<T>(self).map_err(|e| e.to_string())
    }
}

/// What kind of JSON value this is, for messages.
fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Reads a partner configuration (JSON text), keeping what is right.
///
/// Returns the configuration with every wrong part left at its default, and
/// one problem per wrong part with its path. `instrument` is used to check
/// languages, prototype ids and behaviour ids.
pub fn read_partner_config(
    bytes: &[u8],
    instrument: &Questionnaire,
) -> (PartnerConfig, Vec<Problem>) {
    read_partner_config_with(bytes.len(), || parse_json::<Value>(bytes), instrument)
}

/// Reads a partner configuration of `size` bytes that `parse` turns into a
/// [`ConfigValue`], with the same checks as [`read_partner_config`].
///
/// The size is checked before `parse` runs, so an oversized configuration
/// is never parsed.
pub fn read_partner_config_with<V: ConfigValue>(
    size: usize,
    parse: impl FnOnce() -> Result<V, Problem>,
    instrument: &Questionnaire,
) -> (PartnerConfig, Vec<Problem>) {
    let mut reader = Reader {
        problems: Vec::new(),
    };
    let mut config = PartnerConfig::default();
    if size > MAX_PARTNER_CONFIG_BYTES {
        reader.problem(
            "",
            format!(
                "the configuration is {size} bytes, more than the limit of {MAX_PARTNER_CONFIG_BYTES}; using the defaults"
            ),
        );
        return (config, reader.problems);
    }
    let parsed = parse().and_then(|value| {
        value.entries().map_err(|message| Problem {
            path: String::new(),
            message,
        })
    });
    let object = match parsed {
        Ok(object) => object,
        Err(problem) => {
            reader.problem(
                &problem.path,
                format!("{}; using the defaults", problem.message),
            );
            return (config, reader.problems);
        }
    };
    for (key, value) in object {
        match key.as_str() {
            "language" => {
                if let Some(language) = reader.field::<String>(&key, value) {
                    // A variant (`nl-formal`) is chosen with `address`, so
                    // the language and the form of address stay separate.
                    let languages: Vec<&str> = instrument
                        .languages
                        .iter()
                        .map(String::as_str)
                        .filter(|l| {
                            crate::text::base_language(l)
                                .is_none_or(|base| !instrument.languages.iter().any(|b| b == base))
                        })
                        .collect();
                    if languages.contains(&language.as_str()) {
                        config.language = Some(language);
                    } else if language.ends_with(&format!("-{}", crate::text::FORMAL)) {
                        reader.problem(
                            &key,
                            format!(
                                "`{language}` is a form of address, not a language; write `\"language\": \"{}\"` and `\"address\": \"formal\"`",
                                crate::text::base_language(&language).unwrap_or_default()
                            ),
                        );
                    } else {
                        reader.problem(
                            &key,
                            format!(
                                "language `{language}` is not available; choose one of: {}",
                                languages.join(", ")
                            ),
                        );
                    }
                }
            }
            "address" => {
                if let Some(address) = reader.field::<String>(&key, value) {
                    match address.as_str() {
                        "formal" => config.address = Address::Formal,
                        "informal" => config.address = Address::Informal,
                        _ => reader.problem(
                            &key,
                            format!(
                                "`{address}` is not a form of address; write `formal` (\"u\") or `informal` (\"je\", the default)"
                            ),
                        ),
                    }
                }
            }
            "theme" => {
                if let Some(theme) = reader.field::<BTreeMap<String, String>>(&key, value) {
                    config.theme = reader.theme(theme);
                }
            }
            "quick_exit_url" => {
                if let Some(url) = reader.field::<String>(&key, value) {
                    if url.to_ascii_lowercase().starts_with("https://") && is_safe_link(&url) {
                        config.quick_exit_url = Some(url);
                    } else {
                        reader.problem(&key, "the quick-exit address must be an `https://` address");
                    }
                }
            }
            "professional_url" => {
                if let Some(url) = reader.field::<String>(&key, value) {
                    if url.to_ascii_lowercase().starts_with("https://") && is_safe_link(&url) && !url.contains('#') {
                        config.professional_url = Some(url);
                    } else {
                        reader.problem(
                            &key,
                            "the professional view's address must be an `https://` address without `#`",
                        );
                    }
                }
            }
            "partner_name" => config.partner_name = reader.field::<LocalText>(&key, value),
            "partner_logo" => {
                if let Some(logo) = reader.field::<String>(&key, value) {
                    if is_logo(&logo) {
                        config.partner_logo = Some(logo);
                    } else {
                        reader.problem(
                            &key,
                            "the logo must be an `https://` address or a `data:image/png;base64,...` (or jpeg, webp, svg+xml) URL",
                        );
                    }
                }
            }
            "local_offers" => {
                if let Some(offers) = reader.elements(&key, value) {
                    config.local_offers = reader.offers(offers, instrument);
                }
            }
            "exports" => {
                if let Some(exports) = reader.field::<Exports>(&key, value) {
                    config.exports = exports;
                }
            }
            "heading_level" => {
                if let Some(level) = reader.field::<u8>(&key, value) {
                    if (1..=MAX_HEADING_LEVEL).contains(&level) {
                        config.heading_level = Some(level);
                    } else {
                        reader.problem(
                            &key,
                            format!("the heading level must be 1, 2 or {MAX_HEADING_LEVEL}, not {level}"),
                        );
                    }
                }
            }
            "main_landmark" => config.main_landmark = reader.field::<bool>(&key, value),
            other => reader.problem(
                other,
                "unknown setting; known settings are language, address, theme, quick_exit_url, professional_url, partner_name, partner_logo, local_offers, exports, heading_level and main_landmark",
            ),
        }
    }
    (config, reader.problems)
}

struct Reader {
    problems: Vec<Problem>,
}

impl Reader {
    fn problem(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    /// Reads one value as `T`, or records why it cannot be.
    fn field<T: DeserializeOwned>(&mut self, path: &str, value: impl ConfigValue) -> Option<T> {
        match value.read::<T>() {
            Ok(v) => Some(v),
            Err(message) => {
                self.problem(path, message);
                None
            }
        }
    }

    /// Reads one value as a list, or records why it cannot be.
    fn elements<V: ConfigValue>(&mut self, path: &str, value: V) -> Option<Vec<V>> {
        match value.elements() {
            Ok(items) => Some(items),
            Err(message) => {
                self.problem(path, message);
                None
            }
        }
    }

    fn theme(&mut self, properties: BTreeMap<String, String>) -> Theme {
        let mut theme = Theme::default();
        for (name, value) in properties {
            let path = format!("theme.{name}");
            match THEME_PROPERTIES.iter().find(|(n, _)| *n == name) {
                None => {
                    let known: Vec<&str> = THEME_PROPERTIES.iter().map(|(n, _)| *n).collect();
                    self.problem(&path, format!("unknown theme property; known are: {}", known.join(", ")));
                }
                Some((_, ThemeValue::Colour)) if !is_hex_colour(&value) => {
                    self.problem(&path, format!("`{value}` is not a hex colour such as `#00657f`"))
                }
                Some((_, ThemeValue::Font)) if !is_font_family(&value) => self.problem(
                    &path,
                    "a font must be a list of font names (letters, digits, spaces, commas, hyphens, quotes)",
                ),
                Some(_) => {
                    theme.properties.insert(name, value);
                }
            }
        }
        theme
    }

    fn offers<V: ConfigValue>(
        &mut self,
        offers: Vec<V>,
        instrument: &Questionnaire,
    ) -> Vec<LocalOffer> {
        if offers.len() > MAX_LOCAL_OFFERS {
            self.problem(
                "local_offers",
                format!("more than {MAX_LOCAL_OFFERS} offers; only the first {MAX_LOCAL_OFFERS} are shown"),
            );
        }
        let behaviours: Vec<&str> = instrument
            .behaviour_question
            .as_deref()
            .and_then(|id| instrument.context_question(id))
            .map(|q| q.options.iter().map(|o| o.id.as_str()).collect())
            .unwrap_or_default();
        let mut kept = Vec::new();
        for (i, value) in offers.into_iter().take(MAX_LOCAL_OFFERS).enumerate() {
            let path = format!("local_offers[{i}]");
            let Some(mut offer) = self.field::<LocalOffer>(&path, value) else {
                continue;
            };
            let mut j = 0;
            offer.contact.retain(|link| {
                let ok = is_safe_link(&link.href);
                if !ok {
                    self.problems.push(Problem {
                        path: format!("{path}.contact[{j}].href"),
                        message: "links must start with `https://`, `tel:` or `mailto:`; this link is left out".into(),
                    });
                }
                j += 1;
                ok
            });
            for (k, prototype) in offer.prototypes.iter().enumerate() {
                if instrument.prototype(prototype).is_none() {
                    let known: Vec<&str> = instrument
                        .prototypes
                        .iter()
                        .map(|p| p.id.as_str())
                        .collect();
                    self.problem(
                        &format!("{path}.prototypes[{k}]"),
                        format!(
                            "unknown prototype `{prototype}`; known are: {}",
                            known.join(", ")
                        ),
                    );
                }
            }
            for (k, behaviour) in offer.behaviours.iter().enumerate() {
                if !behaviours.contains(&behaviour.as_str()) {
                    self.problem(
                        &format!("{path}.behaviours[{k}]"),
                        format!(
                            "unknown behaviour `{behaviour}`; known are: {}",
                            behaviours.join(", ")
                        ),
                    );
                }
            }
            self.check_bands(&path, &offer.bands, instrument);
            kept.push(offer);
        }
        kept
    }

    /// Names each scale of an offer's `bands` the instrument does not have,
    /// and each band its scale does not have. The offer is kept as it is, so
    /// a wrong key never makes it fit more results (as with `prototypes`).
    fn check_bands(
        &mut self,
        path: &str,
        bands: &BTreeMap<String, Vec<String>>,
        instrument: &Questionnaire,
    ) {
        for (scale_id, band_ids) in bands {
            let Some(scale) = instrument.scale(scale_id) else {
                let known: Vec<&str> = instrument.scales.iter().map(|s| s.id.as_str()).collect();
                self.problem(
                    &format!("{path}.bands.{scale_id}"),
                    format!(
                        "unknown scale `{scale_id}`; known are: {}",
                        known.join(", ")
                    ),
                );
                continue;
            };
            for (k, band) in band_ids.iter().enumerate() {
                if scale.band(band).is_none() {
                    let known: Vec<&str> = scale.bands.iter().map(|b| b.id.as_str()).collect();
                    self.problem(
                        &format!("{path}.bands.{scale_id}[{k}]"),
                        format!(
                            "unknown band `{band}` of scale `{scale_id}`; known are: {}",
                            known.join(", ")
                        ),
                    );
                }
            }
        }
    }
}

impl LocalOffer {
    /// Whether this offer fits a result. What the answers show: one of the
    /// listed prototypes is one the result counts
    /// ([`crate::report::Classification::counted`]: the best, and the
    /// runner-up when uncertain), or one of the listed scales has one of its
    /// listed bands (scored with enough answers), so an offer keyed to bands
    /// also fits when no description fits; with neither listed, every result
    /// fits. And who it is for: one of the listed behaviours was chosen at
    /// the instrument's behaviour question; none listed matches everyone.
    pub fn fits(&self, instrument: &Questionnaire, scored: &crate::Scored) -> bool {
        let counted = scored.classification.counted();
        let prototype_listed = self
            .prototypes
            .iter()
            .any(|p| counted.contains(&p.as_str()));
        let band_listed = self.bands.iter().any(|(scale, bands)| {
            scored.scales.iter().any(|result| {
                result.id == *scale
                    && result.enough
                    && result
                        .band
                        .as_ref()
                        .is_some_and(|band| bands.contains(band))
            })
        });
        let prototype_fits = (self.prototypes.is_empty() && self.bands.is_empty())
            || prototype_listed
            || band_listed;
        let behaviour_fits = self.behaviours.is_empty()
            || instrument
                .behaviour_question
                .as_deref()
                .is_some_and(|question| {
                    self.behaviours
                        .iter()
                        .any(|b| scored.answers().has_chosen(question, b))
                });
        prototype_fits && behaviour_fits
    }
}
