//! Share codes: all answers as a short text a relative can copy, read out or
//! type, for example `1A2B-3C4D-...`.
//!
//! Layout before encoding: one byte share-code version, the first four bytes
//! of the instrument's content hash, the answers bit-packed in the order the
//! questions are asked, and a CRC-32 of everything before it. The bytes are
//! written in Crockford's base32 (digits and capitals without I, L, O, U), in
//! groups of four joined by `-`. Decoding ignores case, dashes and spaces,
//! reads `I`/`L` as 1 and `O` as 0, and refuses a code with a wrong or
//! missing character because the checksum no longer matches.
//!
//! Per question, in order: an item with `n` options takes enough bits for
//! `0..=n` (0 = skipped, `k` = the k-th option); a single-choice question
//! likewise; a multiple-choice question takes one bit "answered" and one bit
//! per option.

use alloc::string::String;
use alloc::vec::Vec;

use crate::answers::{Answer, Answers};
use crate::error::ShareCodeError;
use crate::instrument::ChoiceKind;
use crate::questionnaire::Questionnaire;
use crate::scored::Scored;
use crate::scoring::score;

/// The share-code layout version written and read.
pub const SHARE_CODE_VERSION: u8 = 1;

/// Longest share code accepted, in characters (real codes are under 100).
pub const MAX_SHARE_CODE_CHARS: usize = 4096;

const CRC: crc::Crc<u32> = crc::Crc::<u32>::new(&crc::CRC_32_ISO_HDLC);
const GROUP: usize = 4;

/// Crockford's base32 alphabet: digits and capitals without I, L, O and U.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Writes bytes as base32, five bits a character; the last character is
/// padded with zero bits.
///
/// Written out rather than taken from a general base32 library: the
/// general one's code was a tenth of the web app's size budget, and this is
/// all the share code needs.
fn base32_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 8 / 5 + 1);
    let mut buffer = 0u32;
    let mut bits = 0u32;
    for byte in bytes {
        buffer = (buffer << 8) | u32::from(*byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((buffer >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// The 5-bit value of a base32 character, forgiving case and look-alikes.
fn base32_value(c: char) -> Option<u32> {
    let c = match c.to_ascii_uppercase() {
        'I' | 'L' => '1',
        'O' => '0',
        other => other,
    };
    ALPHABET
        .iter()
        .position(|a| *a as char == c)
        .map(|p| p as u32)
}

/// Reads base32 back into bytes. Leftover bits must be zero padding: a
/// missing or extra character would otherwise go unnoticed.
fn base32_decode(text: &str) -> Result<Vec<u8>, ShareCodeError> {
    let mut out = Vec::with_capacity(text.len() * 5 / 8);
    let mut buffer = 0u32;
    let mut bits = 0u32;
    for (i, c) in text.chars().enumerate() {
        let value = base32_value(c).ok_or(ShareCodeError::BadCharacter {
            position: i + 1,
            character: c,
        })?;
        buffer = (buffer << 5) | value;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
        buffer &= (1 << bits) - 1;
    }
    if bits >= 5 || buffer != 0 {
        return Err(ShareCodeError::Mistyped);
    }
    Ok(out)
}

/// Bits needed to store numbers `0..=max`.
fn width(max: usize) -> u32 {
    usize::BITS - max.leading_zeros()
}

/// Encodes a scored result's answers as a share code.
pub fn encode_share_code(instrument: &Questionnaire, scored: &Scored) -> String {
    let answers = scored.answers();
    let mut bytes = Vec::with_capacity(32);
    bytes.push(SHARE_CODE_VERSION);
    bytes.extend_from_slice(&hash_prefix(instrument).to_be_bytes());
    let mut bits = BitWriter::default();
    for id in instrument.question_order() {
        if let Some(rs) = instrument.response_scale_of(id) {
            let code = answers
                .value(id)
                .and_then(|v| rs.option_index(v))
                .map_or(0, |i| i + 1);
            bits.write(code as u32, width(rs.options.len()));
        } else if let Some(question) = instrument.context_question(id) {
            let index_of = |option: &str| question.options.iter().position(|o| o.id == option);
            match question.choice {
                ChoiceKind::Single => {
                    let code = match answers.get(id) {
                        Some(Answer::Choice(c)) => index_of(c).map_or(0, |i| i + 1),
                        _ => 0,
                    };
                    bits.write(code as u32, width(question.options.len()));
                }
                ChoiceKind::Multiple => {
                    let chosen: &[String] = match answers.get(id) {
                        Some(Answer::Choices(cs)) => cs,
                        _ => &[],
                    };
                    bits.write(u32::from(answers.get(id).is_some()), 1);
                    for option in &question.options {
                        bits.write(u32::from(chosen.contains(&option.id)), 1);
                    }
                }
            }
        }
    }
    bytes.extend_from_slice(&bits.finish());
    let checksum = CRC.checksum(&bytes);
    bytes.extend_from_slice(&checksum.to_be_bytes());
    let plain = base32_encode(&bytes);
    let mut grouped = String::with_capacity(plain.len() + plain.len() / GROUP);
    for (i, c) in plain.chars().enumerate() {
        if i > 0 && i % GROUP == 0 {
            grouped.push('-');
        }
        grouped.push(c);
    }
    grouped
}

/// Decodes a share code made with this instrument and scores its answers.
pub fn decode_share_code(instrument: &Questionnaire, code: &str) -> Result<Scored, ShareCodeError> {
    if code.len() > MAX_SHARE_CODE_CHARS {
        return Err(ShareCodeError::TooLong {
            length: code.chars().count(),
        });
    }
    let plain: String = code
        .chars()
        .filter(|c| !matches!(c, '-' | ' ' | '\n' | '\t' | '\r'))
        .collect();
    if plain.is_empty() {
        return Err(ShareCodeError::Empty);
    }
    let bytes = base32_decode(&plain)?;
    if bytes.len() < 9 {
        return Err(ShareCodeError::Mistyped);
    }
    let (body, checksum) = bytes.split_at(bytes.len() - 4);
    if CRC.checksum(body).to_be_bytes() != checksum {
        return Err(ShareCodeError::Mistyped);
    }
    if body[0] != SHARE_CODE_VERSION {
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

/// Writes numbers of a given bit width, most significant bit first.
#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    used: u32,
}

impl BitWriter {
    fn write(&mut self, value: u32, width: u32) {
        for bit in (0..width).rev() {
            if self.used % 8 == 0 {
                self.bytes.push(0);
            }
            if (value >> bit) & 1 == 1 {
                let last = self.bytes.len() - 1;
                self.bytes[last] |= 0x80 >> (self.used % 8);
            }
            self.used += 1;
        }
    }

    fn finish(self) -> Vec<u8> {
        self.bytes
    }
}

/// Reads numbers written by [`BitWriter`].
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
