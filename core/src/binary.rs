//! The instrument's compact binary form (postcard).
//!
//! Two uses: it is the canonical form behind [`Instrument::content_hash`]
//! (field order is fixed by the types, maps are sorted, so equal content
//! gives equal bytes), and it lets the web app ship an instrument that was
//! validated at build time without carrying a JSON parser for it, which
//! keeps the first load small.

use alloc::string::ToString;
use alloc::vec::Vec;

use crate::error::Problem;
use crate::instrument::Instrument;

/// The instrument in its binary form.
pub fn encode_instrument(instrument: &Instrument) -> Vec<u8> {
    // Encoding into a growable buffer only fails for types postcard cannot
    // represent; the instrument's types are all representable.
    postcard::to_allocvec(instrument).unwrap_or_default()
}

/// Reads an instrument written by [`encode_instrument`].
///
/// This does not validate: use it only for bytes made from an instrument
/// that passed [`crate::load_instrument`], such as the web app's build step
/// does. Damaged bytes give an error, never a panic.
pub fn decode_instrument(bytes: &[u8]) -> Result<Instrument, Problem> {
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
        let instrument = crate::load_instrument(json.as_bytes()).unwrap();
        let bytes = encode_instrument(&instrument);
        assert!(bytes.len() < json.len() / 2, "{} bytes", bytes.len());
        assert_eq!(decode_instrument(&bytes).unwrap(), instrument);
        assert!(decode_instrument(&bytes[..bytes.len() / 2]).is_err());
    }
}
