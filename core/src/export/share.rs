//! Share codes: all answers, and the day they were given, as a short text a
//! relative can copy, read out or type, for example `2K7Q-MX40-...`.
//!
//! # Layout (share-code version 2)
//!
//! The answers are written as one number in mixed radix: one digit per
//! question, in the order the questions are asked.
//!
//! - An item with `n` options: a digit of radix `n + 1`, 0 = skipped and
//!   `k` = the k-th option. A single-choice question likewise.
//! - A multiple-choice question with `n` options: a digit of radix
//!   `2^n + 1`, 0 = not answered and `1 + mask` otherwise, where bit `i` of
//!   the mask is the `i`-th option (so "answered, none chosen" stays apart
//!   from "skipped"). Past 30 options, so that every radix fits in 32 bits,
//!   the question takes a digit "answered" of radix 2 and then its mask in
//!   digits of up to 30 bits; no real questionnaire asks that many.
//! - Last, the day the answers were given: a digit of radix `2^15`, 0 = no
//!   date and `1 + d` for the day `d` days after 2026-01-01 (up to 2115).
//!
//! The number takes as many bits, `P`, as its largest possible value needs.
//! Behind it comes the check: the CRC-32/BZIP2 of the instrument's full
//! content hash (32 bytes), the version byte 2 and the number in `P / 8`
//! (rounded up) big-endian bytes, then the first `E` bits of the SHA-256 of
//! the same bytes, with `E` at least 8 and chosen so that `P + 32 + E` is a
//! multiple of five. These bits are written in Crockford's base32 (digits
//! and capitals without I, L, O, U) behind the character `2` that marks the
//! version, and shown in groups of four joined by `-`. Decoding ignores
//! case, dashes and spaces and reads `I`/`L` as 1 and `O` as 0.
//!
//! # Why this layout
//!
//! Version 1 (see `share/v1.rs`) gave every question whole bits, put a
//! version byte and four bytes of the content hash in front and a CRC-32
//! behind: 48 characters for the default instrument, without a date. Its
//! answers fit in about 140 bits as one number instead of 164 bit-packed,
//! the date takes 15 bits, and the instrument's identity costs nothing
//! extra in the check rather than 32 bits in a header: a code made with
//! another questionnaire or version fails the check just as a mistyped code
//! does. For the default instrument that is 155 + 40 bits: 39 characters
//! and the marker, 40 in all.
//!
//! What the check catches: a mistyped character changes five neighbouring
//! bits, two swapped characters ten, and a CRC-32 that is not bit-reflected
//! catches every change within 32 neighbouring bits of the number and the
//! CRC; a change in the SHA-256 bits alone is caught because those bits no
//! longer match. A missing or extra character changes the length, which is
//! fixed for an instrument. Anything else, including a code of another
//! questionnaire, gets through with a chance of about one in 2^40. The cost
//! is that a failed check cannot say which of the two happened.
//!
//! Version 1 codes always start with `0`, so they are still read (with
//! their own, stricter errors).

mod day;
mod number;
mod v1;

use alloc::string::String;
use alloc::vec::Vec;

use crate::answers::{Answer, Answers};
use crate::digest::sha256;
use crate::error::ShareCodeError;
use crate::instrument::{ChoiceKind, ContextQuestion, ResponseScale};
use crate::questionnaire::Questionnaire;
use crate::scored::Scored;
use crate::scoring::score;
use number::Number;

/// The share-code layout version written: version 1 codes are still read.
pub const SHARE_CODE_VERSION: u8 = 2;

/// Longest share code accepted, in characters (real codes are under 100).
pub const MAX_SHARE_CODE_CHARS: usize = 4096;

/// Radix of the date digit: 0 = no date, then one value per day for almost
/// ninety years.
const DAY_RADIX: u32 = 1 << 15;

/// Most options a multiple-choice question's mask puts in one digit, so
/// that `2^n + 1` fits in a `u32` radix.
const MASK_DIGIT_BITS: usize = 30;

/// Fewest SHA-256 bits behind the CRC: they make a code of another
/// questionnaire pass with a chance of one in 2^40, not 2^32.
const MIN_EXTRA_BITS: u32 = 8;

/// Not bit-reflected, unlike version 1's CRC-32/ISO-HDLC: then bits that are
/// neighbours in the code are neighbours for the CRC too, and every change
/// within 32 of them is caught.
const CRC: crc::Crc<u32> = crc::Crc::<u32>::new(&crc::CRC_32_BZIP2);

/// Characters in a displayed group.
const GROUP: usize = 4;

/// Crockford's base32 alphabet: digits and capitals without I, L, O and U.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The value of the first character of every version 1 code (its version
/// byte 1 starts with five zero bits).
const MARKER_V1: u32 = 0;

/// The value of the first character of a version 2 code: `2`.
const MARKER_V2: u32 = SHARE_CODE_VERSION as u32;

/// The first character values kept for later versions, `3` to `9`.
const MARKERS_LATER: core::ops::RangeInclusive<u32> = 3..=9;

/// Reads base32 back into bytes, five bits a character, the last one padded
/// with zero bits: how version 1 codes are written. (Version 2 codes are one
/// number, read with [`Number`].)
///
/// Written out rather than taken from a general base32 library: the
/// general one's code was a tenth of the web app's size budget, and this is
/// all the share code needs.
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
    // Leftover bits must be zero padding: a missing or extra character
    // would otherwise go unnoticed.
    if bits >= 5 || buffer != 0 {
        return Err(ShareCodeError::Mistyped);
    }
    Ok(out)
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

/// How one question is written.
enum Question<'a> {
    /// An item, answered on its response scale.
    Rated(&'a ResponseScale),
    /// A context question: one option, or several.
    Context(&'a ContextQuestion),
}

/// Every question with its id, in the order asked.
fn questions(instrument: &Questionnaire) -> impl Iterator<Item = (&str, Question<'_>)> {
    instrument.question_order().filter_map(|id| {
        if let Some(rs) = instrument.response_scale_of(id) {
            Some((id, Question::Rated(rs)))
        } else {
            let question = instrument.context_question(id)?;
            Some((id, Question::Context(question)))
        }
    })
}

/// Radix of a one-digit multiple-choice answer with `n` options: `2^n + 1`.
fn mask_radix(n: usize) -> u32 {
    (1u32 << n) + 1
}

/// The radices of a question's digits, in order. They depend on the
/// instrument only, never on the answers.
fn push_radices(question: &Question<'_>, out: &mut Vec<u32>) {
    match question {
        Question::Rated(rs) => out.push(rs.options.len() as u32 + 1),
        Question::Context(q) => match q.choice {
            ChoiceKind::Single => out.push(q.options.len() as u32 + 1),
            ChoiceKind::Multiple if q.options.len() <= MASK_DIGIT_BITS => {
                out.push(mask_radix(q.options.len()));
            }
            ChoiceKind::Multiple => {
                out.push(2);
                for chunk in q.options.chunks(MASK_DIGIT_BITS) {
                    out.push(1 << chunk.len());
                }
            }
        },
    }
}

/// The digits of a question's answer, matching [`push_radices`].
fn push_digits(question: &Question<'_>, answer: Option<&Answer>, out: &mut Vec<u32>) {
    // 0 for skipped, `k` for the k-th option.
    let position = |index: Option<usize>| index.map_or(0, |i| i as u32 + 1);
    match question {
        Question::Rated(rs) => {
            let value = match answer {
                Some(Answer::Value(v)) => rs.option_index(*v),
                _ => None,
            };
            out.push(position(value));
        }
        Question::Context(q) => {
            let chosen = |option: &str| match answer {
                Some(Answer::Choice(c)) => c == option,
                Some(Answer::Choices(cs)) => cs.iter().any(|c| c == option),
                _ => false,
            };
            let mask = |options: &[crate::instrument::ContextOption]| {
                options
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| chosen(&o.id))
                    .fold(0u32, |mask, (i, _)| mask | (1 << i))
            };
            let answered = answer.is_some();
            match q.choice {
                ChoiceKind::Single => {
                    let index = match answer {
                        Some(Answer::Choice(c)) => q.options.iter().position(|o| &o.id == c),
                        _ => None,
                    };
                    out.push(position(index));
                }
                ChoiceKind::Multiple if q.options.len() <= MASK_DIGIT_BITS => {
                    out.push(if answered { 1 + mask(&q.options) } else { 0 });
                }
                ChoiceKind::Multiple => {
                    out.push(u32::from(answered));
                    for chunk in q.options.chunks(MASK_DIGIT_BITS) {
                        out.push(if answered { mask(chunk) } else { 0 });
                    }
                }
            }
        }
    }
}

/// Reads a question's answer back from its digits (made by [`push_digits`])
/// into `answers`. Fails only on a made-up code: a mask given for a question
/// marked as not answered.
fn read_digits(
    id: &str,
    question: &Question<'_>,
    digits: &mut impl Iterator<Item = u32>,
    answers: &mut Answers,
) -> Option<()> {
    match question {
        Question::Rated(rs) => {
            let digit = digits.next()? as usize;
            if digit > 0 {
                answers.set_value(id, rs.options.get(digit - 1)?.value);
            }
        }
        Question::Context(q) => match q.choice {
            ChoiceKind::Single => {
                let digit = digits.next()? as usize;
                if digit > 0 {
                    answers.set_choice(id, &q.options.get(digit - 1)?.id);
                }
            }
            ChoiceKind::Multiple => {
                let (answered, masks) = if q.options.len() <= MASK_DIGIT_BITS {
                    let digit = digits.next()?;
                    (digit > 0, alloc::vec![digit.saturating_sub(1)])
                } else {
                    let answered = digits.next()? == 1;
                    let masks = q
                        .options
                        .chunks(MASK_DIGIT_BITS)
                        .map(|_| digits.next())
                        .collect::<Option<Vec<u32>>>()?;
                    (answered, masks)
                };
                let chosen: Vec<&str> = q
                    .options
                    .chunks(MASK_DIGIT_BITS)
                    .zip(&masks)
                    .flat_map(|(chunk, mask)| {
                        chunk
                            .iter()
                            .enumerate()
                            .filter(move |(i, _)| (mask >> i) & 1 == 1)
                            .map(|(_, o)| o.id.as_str())
                    })
                    .collect();
                if answered {
                    answers.set_choices(id, &chosen);
                } else if !chosen.is_empty() {
                    return None;
                }
            }
        },
    }
    Some(())
}

/// The shape of an instrument's version 2 codes.
struct Layout {
    /// Radix of every digit: the questions', then the date's.
    radices: Vec<u32>,
    /// Bits of the answers number, `P`.
    payload_bits: usize,
    /// SHA-256 bits behind the CRC, `E`.
    extra_bits: u32,
    /// Base32 characters after the marker.
    chars: usize,
}

impl Layout {
    /// The layout of this instrument's codes.
    fn of(instrument: &Questionnaire) -> Self {
        let mut radices = Vec::new();
        for (_, question) in questions(instrument) {
            push_radices(&question, &mut radices);
        }
        radices.push(DAY_RADIX);
        // The largest value has every digit at its highest.
        let mut largest = Number::zero();
        for radix in &radices {
            largest.mul_add(*radix, radix - 1);
        }
        let payload_bits = largest.bits();
        let mut extra_bits = MIN_EXTRA_BITS;
        while (payload_bits + 32 + extra_bits as usize) % 5 != 0 {
            extra_bits += 1;
        }
        let chars = (payload_bits + 32 + extra_bits as usize) / 5;
        Layout {
            radices,
            payload_bits,
            extra_bits,
            chars,
        }
    }

    /// The check of an answers number: its CRC-32 and its `E` SHA-256 bits,
    /// both over the instrument's content hash, the version and the number.
    fn check(&self, instrument: &Questionnaire, payload: &Number) -> (u32, u32) {
        let hash = hash_bytes(instrument);
        let version = [SHARE_CODE_VERSION];
        let number = payload.to_be_bytes(self.payload_bits.div_ceil(8));
        let parts: [&[u8]; 3] = [&hash, &version, &number];
        let mut crc = CRC.digest();
        for part in parts {
            crc.update(part);
        }
        let digest = sha256(&parts);
        let top = u32::from_be_bytes([digest[0], digest[1], digest[2], digest[3]]);
        (crc.finalize(), top >> (32 - self.extra_bits))
    }
}

/// The instrument's content hash as bytes (it is kept as hex).
fn hash_bytes(instrument: &Questionnaire) -> Vec<u8> {
    let hex = instrument.content_hash().as_bytes();
    hex.chunks(2)
        .map(|pair| {
            let text = core::str::from_utf8(pair).unwrap_or("");
            u8::from_str_radix(text, 16).unwrap_or(0)
        })
        .collect()
}

/// The date digit of a result: 0 when it has no date, or one outside the
/// range a code can carry (a wrong clock), rather than a wrong date.
fn day_digit(scored: &Scored) -> u32 {
    scored
        .created_day()
        .and_then(|day| day::days_since_start(day, DAY_RADIX - 1))
        .map_or(0, |days| days + 1)
}

/// Encodes a scored result's answers, and the day it was made, as a share
/// code (version 2).
///
/// The day is [`Scored::created_day`]; one before 2026 or after 2115 is left
/// out.
pub fn encode_share_code(instrument: &Questionnaire, scored: &Scored) -> String {
    let layout = Layout::of(instrument);
    let mut digits = Vec::with_capacity(layout.radices.len());
    for (id, question) in questions(instrument) {
        push_digits(&question, scored.answers().get(id), &mut digits);
    }
    digits.push(day_digit(scored));
    let mut number = Number::zero();
    for (radix, digit) in layout.radices.iter().zip(&digits) {
        number.mul_add(*radix, *digit);
    }
    let (crc, extra) = layout.check(instrument, &number);
    number.mul_add(1 << 16, crc >> 16);
    number.mul_add(1 << 16, crc & 0xffff);
    number.mul_add(1 << layout.extra_bits, extra);
    let mut values = alloc::vec![0; layout.chars];
    for value in values.iter_mut().rev() {
        *value = number.div_rem(32);
    }
    let plain = core::iter::once(MARKER_V2).chain(values);
    let mut grouped = String::with_capacity(layout.chars + 1 + layout.chars / GROUP + 1);
    for (i, value) in plain.enumerate() {
        if i > 0 && i % GROUP == 0 {
            grouped.push('-');
        }
        grouped.push(ALPHABET[value as usize] as char);
    }
    grouped
}

/// Decodes a share code made with this instrument and scores its answers.
///
/// A version 2 code gives the day it was made as [`Scored::created`]
/// (`YYYY-MM-DD`), or none if it has no date; a version 1 code has none.
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
    let mut values = Vec::with_capacity(plain.len());
    for (i, c) in plain.chars().enumerate() {
        values.push(base32_value(c).ok_or(ShareCodeError::BadCharacter {
            position: i + 1,
            character: c,
        })?);
    }
    match values.first() {
        None => Err(ShareCodeError::Empty),
        Some(&MARKER_V1) => v1::decode(instrument, &plain),
        Some(&MARKER_V2) => decode_v2(instrument, &values[1..]),
        Some(later) if MARKERS_LATER.contains(later) => {
            Err(ShareCodeError::UnknownVersion(*later as u8))
        }
        Some(_) => Err(ShareCodeError::Mistyped),
    }
}

/// Decodes the characters after a version 2 code's marker.
fn decode_v2(instrument: &Questionnaire, values: &[u32]) -> Result<Scored, ShareCodeError> {
    let layout = Layout::of(instrument);
    if values.len() != layout.chars {
        return Err(ShareCodeError::MistypedOrOtherInstrument);
    }
    let mut number = Number::zero();
    for value in values {
        number.mul_add(32, *value);
    }
    let extra = number.div_rem(1 << layout.extra_bits);
    let crc_low = number.div_rem(1 << 16);
    let crc = (number.div_rem(1 << 16) << 16) | crc_low;
    if layout.check(instrument, &number) != (crc, extra) {
        return Err(ShareCodeError::MistypedOrOtherInstrument);
    }
    let mut digits: Vec<u32> = layout
        .radices
        .iter()
        .rev()
        .map(|radix| number.div_rem(*radix))
        .collect();
    // What is left is above the largest value the digits can hold; the
    // check passed, so only a made-up code gets here, as does a bad mask.
    if !number.is_zero() {
        return Err(ShareCodeError::MistypedOrOtherInstrument);
    }
    digits.reverse();
    let day = digits.pop().unwrap_or(0);
    let mut digits = digits.into_iter();
    let mut answers = Answers::new();
    for (id, question) in questions(instrument) {
        read_digits(id, &question, &mut digits, &mut answers)
            .ok_or(ShareCodeError::MistypedOrOtherInstrument)?;
    }
    let created = day.checked_sub(1).map(day::date_after_start);
    // Every decoded value is one of its question's options, so scoring
    // accepts them; a refusal could only mean a made-up code.
    let scored =
        score(instrument, answers).map_err(|_| ShareCodeError::MistypedOrOtherInstrument)?;
    Ok(scored.made_at(created))
}

/// The URL fragment that opens the professional view.
pub const PROFESSIONAL_FRAGMENT: &str = "#professional";

/// The address a share code's QR code holds: the professional view at
/// `address` with the code in the URL fragment (`#professional=CODE`), which
/// a browser never sends to a server. The code goes without its dashes, so
/// the QR code stays small.
pub fn share_link(address: &str, code: &str) -> String {
    let plain: String = code.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    let base = address.split('#').next().unwrap_or(address);
    alloc::format!("{base}{PROFESSIONAL_FRAGMENT}={plain}")
}

/// The share code in a URL fragment made by [`share_link`], if it holds one.
pub fn code_in_fragment(fragment: &str) -> Option<&str> {
    let code = fragment
        .strip_prefix(PROFESSIONAL_FRAGMENT)?
        .strip_prefix('=')?;
    (!code.is_empty() && code.len() <= MAX_SHARE_CODE_CHARS).then_some(code)
}
