//! A small unsigned big integer: just what the share code needs to write
//! all answers as one number.
//!
//! Written out rather than taken from a crate: the share code needs four
//! operations (multiply by a small number and add, divide by a small number
//! with remainder, bit length, big-endian bytes) on numbers of a few hundred
//! bits. The no_std big-integer crates (`num-bigint`, `crypto-bigint`) bring
//! far more than that, and the web app pays for every kilobyte; these forty
//! lines are tested here and by every share-code round trip.

use alloc::vec::Vec;

/// A non-negative integer in 32-bit limbs, least significant first, without
/// leading zero limbs (so zero has no limbs).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Number {
    limbs: Vec<u32>,
}

impl Number {
    /// Zero.
    pub(super) fn zero() -> Self {
        Self::default()
    }

    /// `self = self * radix + digit`: appends one digit of a mixed-radix
    /// number (Horner's rule).
    pub(super) fn mul_add(&mut self, radix: u32, digit: u32) {
        // limb * radix + carry stays below 2^64: (2^32 - 1)^2 + 2^32 - 1 < 2^64.
        let mut carry = u64::from(digit);
        for limb in &mut self.limbs {
            let value = u64::from(*limb) * u64::from(radix) + carry;
            *limb = value as u32;
            carry = value >> 32;
        }
        if carry > 0 {
            self.limbs.push(carry as u32);
        }
        self.trim();
    }

    /// `self = self / radix`, returning `self % radix`: takes off the last
    /// digit of a mixed-radix number. `radix` must not be zero.
    pub(super) fn div_rem(&mut self, radix: u32) -> u32 {
        let radix = u64::from(radix.max(1));
        let mut remainder = 0u64;
        for limb in self.limbs.iter_mut().rev() {
            let value = (remainder << 32) | u64::from(*limb);
            *limb = (value / radix) as u32;
            remainder = value % radix;
        }
        self.trim();
        remainder as u32
    }

    /// Whether the number is zero.
    pub(super) fn is_zero(&self) -> bool {
        self.limbs.is_empty()
    }

    /// Bits needed to write the number (0 for zero).
    pub(super) fn bits(&self) -> usize {
        match self.limbs.last() {
            Some(top) => self.limbs.len() * 32 - top.leading_zeros() as usize,
            None => 0,
        }
    }

    /// The number as `len` big-endian bytes; higher bytes are dropped, so
    /// `len` must hold [`Number::bits`].
    pub(super) fn to_be_bytes(&self, len: usize) -> Vec<u8> {
        (0..len)
            .rev()
            .map(|i| {
                let limb = self.limbs.get(i / 4).copied().unwrap_or(0);
                (limb >> (8 * (i % 4))) as u8
            })
            .collect()
    }

    /// Drops leading zero limbs, so equal numbers have equal limbs.
    fn trim(&mut self) {
        while self.limbs.last() == Some(&0) {
            self.limbs.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Number;

    #[test]
    fn digits_go_in_and_come_out_in_reverse() {
        let radices = [11u32, 2, 1 << 30, 3, u32::MAX, 7, 1 << 15];
        let digits = [10u32, 1, (1 << 30) - 5, 0, u32::MAX - 1, 6, 12345];
        let mut n = Number::zero();
        for (r, d) in radices.iter().zip(digits) {
            n.mul_add(*r, d);
        }
        for (r, d) in radices.iter().zip(digits).rev() {
            assert_eq!(n.div_rem(*r), d);
        }
        assert!(n.is_zero());
    }

    #[test]
    fn bits_and_bytes() {
        let mut n = Number::zero();
        assert_eq!(n.bits(), 0);
        assert!(n.to_be_bytes(2) == [0, 0]);
        n.mul_add(1 << 16, 0x0102);
        n.mul_add(1 << 16, 0x0304);
        n.mul_add(1 << 8, 0x05);
        assert_eq!(n.bits(), 33);
        assert_eq!(n.to_be_bytes(6), [0, 1, 2, 3, 4, 5]);
        assert_eq!(n.div_rem(1 << 8), 5);
        assert_eq!(n.to_be_bytes(4), [1, 2, 3, 4]);
    }
}
