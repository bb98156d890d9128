//! Reading share codes of layout version 1, which Naastenmeter wrote before
//! version 2: codes already handed out must keep working.
//!
//! Layout: one byte version (1), the first four bytes of the instrument's
//! content hash, the answers bit-packed in the order the questions are asked,
//! and a CRC-32 (ISO-HDLC) of everything before it, written as base32 with
//! zero padding. Per question: an item with `n` options takes enough bits for
//! `0..=n` (0 = skipped, `k` = the k-th option); a single-choice question
//! likewise; a multiple-choice question one bit "answered" and one bit per
//! option. Such a code has no date. Since the version byte is 1, every
//! version 1 code starts with `0`.

use alloc::vec::Vec;

use super::base32_decode;
use crate::answers::Answers;
use crate::error::ShareCodeError;
use crate::instrument::ChoiceKind;
use crate::questionnaire::Questionnaire;
use crate::scored::Scored;
use crate::scoring::score;

/// The version byte a version 1 code starts with.
const VERSION: u8 = 1;

const CRC: crc::Crc<u32> = crc::Crc::<u32>::new(&crc::CRC_32_ISO_HDLC);

/// Bits needed to store numbers `0..=max`.
fn width(max: usize) -> u32 {
    usize::BITS - max.leading_zeros()
}

/// Decodes a version 1 code (dashes and spaces already taken out) made with
/// this instrument and scores its answers.
pub(super) fn decode(instrument: &Questionnaire, plain: &str) -> Result<Scored, ShareCodeError> {
    let bytes = base32_decode(plain)?;
    if bytes.len() < 9 {
        return Err(ShareCodeError::Mistyped);
    }
    let (body, checksum) = bytes.split_at(bytes.len() - 4);
    if CRC.checksum(body).to_be_bytes() != checksum {
        return Err(ShareCodeError::Mistyped);
    }
    if body[0] != VERSION {
        return Err(ShareCodeError::UnknownVersion(body[0]));
    }
    if body[1..5] != hash_prefix(instrument).to_be_bytes() {
        return Err(ShareCodeError::OtherInstrument);
    }
    let mut bits = BitReader::new(&body[5..]);
    let mut answers = Answers::new();
    for id in instrument.question_order() {
        if let Some(rs) = instrument.response_scale_of(id) {
            let code = bits
                .read(width(rs.options.len()))
                .ok_or(ShareCodeError::Mistyped)? as usize;
            if code > 0 {
                let option = rs.options.get(code - 1).ok_or(ShareCodeError::Mistyped)?;
                answers.set_value(id, option.value);
            }
        } else if let Some(question) = instrument.context_question(id) {
            match question.choice {
                ChoiceKind::Single => {
                    let code = bits
                        .read(width(question.options.len()))
                        .ok_or(ShareCodeError::Mistyped)? as usize;
                    if code > 0 {
                        let option = question
                            .options
                            .get(code - 1)
                            .ok_or(ShareCodeError::Mistyped)?;
                        answers.set_choice(id, &option.id);
                    }
                }
                ChoiceKind::Multiple => {
                    let answered = bits.read(1).ok_or(ShareCodeError::Mistyped)? == 1;
                    let mut chosen = Vec::new();
                    for option in &question.options {
                        if bits.read(1).ok_or(ShareCodeError::Mistyped)? == 1 {
                            chosen.push(option.id.as_str());
                        }
                    }
                    if answered {
                        answers.set_choices(id, &chosen);
                    }
                }
            }
        }
    }
    // Every decoded value is one of its question's options, so scoring
    // accepts them; a refusal could only mean a damaged code.
    score(instrument, answers).map_err(|_| ShareCodeError::Mistyped)
}

/// The first four bytes of the instrument's content hash.
fn hash_prefix(instrument: &Questionnaire) -> u32 {
    let hash = instrument.content_hash();
    u32::from_str_radix(hash.get(..8).unwrap_or("0"), 16).unwrap_or(0)
}

/// Reads numbers of a given bit width, most significant bit first.
struct BitReader<'a> {
    bytes: &'a [u8],
    position: usize,
}

impl<'a> BitReader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self { bytes, position: 0 }
    }

    fn read(&mut self, width: u32) -> Option<u32> {
        let mut value = 0u32;
        for _ in 0..width {
            let byte = self.bytes.get(self.position / 8)?;
            let bit = (byte >> (7 - self.position % 8)) & 1;
            value = (value << 1) | u32::from(bit);
            self.position += 1;
        }
        Some(value)
    }
}
