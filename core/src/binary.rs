//! The instrument's compact binary form (postcard).
//!
//! Two uses: it is the canonical form behind
//! [`Questionnaire::content_hash`](crate::Questionnaire::content_hash) (field
//! order is fixed by the types, maps are sorted, so equal content gives
//! equal bytes), and it lets the web app ship an instrument that was
//! validated at build time without carrying a JSON parser for it, which
//! keeps the first load small. [`crate::decode_instrument`] reads it back
//! into a validated questionnaire.

use alloc::string::ToString;
use alloc::vec::Vec;

use crate::error::Problem;
use crate::instrument::Instrument;

/// The instrument in its binary form.
///
/// An error is returned rather than an empty buffer: an empty buffer would
/// give every instrument the same content hash, and exports made with one
/// instrument would then read against another.
pub fn encode_instrument(instrument: &Instrument) -> Result<Vec<u8>, Problem> {
    postcard::to_allocvec(instrument).map_err(|error| Problem {
        path: "".to_string(),
        message: alloc::format!("the instrument cannot be written in binary form: {error}"),
    })
}

/// Reads the bytes of [`encode_instrument`] back, without validating
/// (that is [`crate::decode_instrument`]'s part).
pub(crate) fn decode_instrument(bytes: &[u8]) -> Result<Instrument, Problem> {
    postcard::from_bytes(bytes).map_err(|error| Problem {
        path: "".to_string(),
        message: alloc::format!("the binary instrument cannot be read: {error}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_binary_form_round_trips() {
        let json = include_str!("../../tests/data/test-instrument.json");
        let questionnaire = crate::load_instrument(json.as_bytes()).unwrap();
        let bytes = encode_instrument(questionnaire.instrument()).unwrap();
        assert!(bytes.len() < json.len() / 2, "{} bytes", bytes.len());
        assert_eq!(crate::decode_instrument(&bytes).unwrap(), questionnaire);
        assert!(crate::decode_instrument(&bytes[..bytes.len() / 2]).is_err());
    }

    #[test]
    fn decoding_validated_bytes_gives_the_same_questionnaire_and_hash() {
        let json = include_str!("../../tests/data/test-instrument.json");
        let questionnaire = crate::load_instrument(json.as_bytes()).unwrap();
        let bytes = encode_instrument(questionnaire.instrument()).unwrap();
        let validated = crate::decode_validated_instrument(&bytes).unwrap();
        assert_eq!(validated, questionnaire);
        assert_eq!(validated.content_hash(), questionnaire.content_hash());
        assert!(crate::decode_validated_instrument(&bytes[..bytes.len() / 2]).is_err());
    }
}
