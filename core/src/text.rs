//! Translated texts: every user-facing text in an instrument is a map from a
//! language code (`"nl"`, `"en"`) to the text in that language.

use alloc::collections::BTreeMap;
use alloc::string::String;

/// A user-facing text in every declared language, keyed by language code.
pub type Text = BTreeMap<String, String>;

/// Picks the text for `language`, falling back to the first language present.
///
/// Validation guarantees every declared language is present, so the fallback
/// only matters for texts from outside a validated instrument.
pub fn pick<'a>(text: &'a Text, language: &str) -> &'a str {
    text.get(language)
        .or_else(|| text.values().next())
        .map(String::as_str)
        .unwrap_or("")
}
