//! Translated texts: every user-facing text in an instrument is a map from a
//! language code (`"nl"`, `"en"`) to the text in that language.
//!
//! A language may have *variants*: a code of the form `<language>-<variant>`
//! (`"nl-formal"`, Dutch that says "u" instead of "je") beside the plain one.
//! A text may leave a variant out; then the plain language's text is used,
//! as a BCP 47 look-up drops its last subtag (RFC 4647, section 3.4). So an
//! author writes a variant text only where the words differ.

use alloc::collections::BTreeMap;
use alloc::string::String;

/// A user-facing text in every declared language, keyed by language code.
pub type Text = BTreeMap<String, String>;

/// The variant subtag of formal address: `nl-formal` is Dutch with "u".
pub const FORMAL: &str = "formal";

/// The language a variant code falls back to: `nl` for `nl-formal`; `None`
/// for a code without a variant.
pub fn base_language(code: &str) -> Option<&str> {
    code.rsplit_once('-').map(|(base, _)| base)
}

/// Picks the text for `language`, falling back to its base language for a
/// variant (`nl-formal` → `nl`), then to the first language present.
///
/// Validation guarantees every declared language is present (a variant may
/// be absent: it falls back), so the last fallback only matters for texts
/// from outside a validated instrument.
pub fn pick<'a>(text: &'a Text, language: &str) -> &'a str {
    let mut code = language;
    loop {
        if let Some(found) = text.get(code) {
            return found;
        }
        match base_language(code) {
            Some(base) => code = base,
            None => break,
        }
    }
    text.values().next().map(String::as_str).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(pairs: &[(&str, &str)]) -> Text {
        pairs
            .iter()
            .map(|(k, v)| (String::from(*k), String::from(*v)))
            .collect()
    }

    #[test]
    fn a_variant_text_is_chosen_when_there_is_one() {
        let t = text(&[
            ("nl", "Hoe gaat het met je?"),
            ("nl-formal", "Hoe gaat het met u?"),
        ]);
        assert_eq!(pick(&t, "nl-formal"), "Hoe gaat het met u?");
        assert_eq!(pick(&t, "nl"), "Hoe gaat het met je?");
    }

    #[test]
    fn a_missing_variant_falls_back_to_its_language() {
        let t = text(&[("en", "Sleep"), ("nl", "Slapen")]);
        assert_eq!(pick(&t, "nl-formal"), "Slapen");
        assert_eq!(pick(&t, "en-formal"), "Sleep");
    }

    #[test]
    fn an_unknown_language_falls_back_to_the_first_text() {
        let t = text(&[("en", "Sleep"), ("nl", "Slapen")]);
        assert_eq!(pick(&t, "de"), "Sleep");
        assert_eq!(pick(&Text::new(), "nl"), "");
        assert_eq!(base_language("nl-formal"), Some("nl"));
        assert_eq!(base_language("nl"), None);
    }
}
