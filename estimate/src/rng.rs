//! A small seeded random number generator, so every fit is reproducible
//! from its seed on every platform without a dependency.

/// SplitMix64 (Steele, Lea and Flood 2014): 64 bits of state, passes
/// BigCrush, and seeds from any integer, including 0.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// An independent generator for stream `index` of a `seed`, so that
    /// random start 7 draws the same numbers however many threads run.
    pub fn stream(seed: u64, index: u64) -> Self {
        let mut mixer = Self::new(seed ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03));
        Self::new(mixer.next_u64())
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform number in `[0, 1)`, with 53 random bits.
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A uniform index in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        // Multiply-shift: unbiased enough for the sizes used here (n < 2^32).
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A standard normal draw (Box–Muller).
    pub fn normal(&mut self) -> f64 {
        // 1 - uniform is in (0, 1], so the logarithm is finite.
        let u = 1.0 - self.uniform();
        let v = self.uniform();
        libm::sqrt(-2.0 * libm::log(u)) * libm::cos(core::f64::consts::TAU * v)
    }

    /// An index drawn with probabilities proportional to `weights`.
    pub fn choose(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut target = self.uniform() * total;
        for (i, w) in weights.iter().enumerate() {
            if target < *w {
                return i;
            }
            target -= w;
        }
        weights.len().saturating_sub(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let a: [u64; 3] = core::array::from_fn(|_| Rng::stream(1, 0).next_u64());
        assert_eq!(a[0], a[1]);
        assert_ne!(Rng::stream(1, 0).next_u64(), Rng::stream(1, 1).next_u64());
        assert_ne!(Rng::stream(1, 0).next_u64(), Rng::stream(2, 0).next_u64());
    }

    #[test]
    fn uniform_mean_and_normal_variance_are_right() {
        let mut rng = Rng::new(42);
        let n = 100_000;
        let mean = (0..n).map(|_| rng.uniform()).sum::<f64>() / n as f64;
        assert!((mean - 0.5).abs() < 0.01);
        let var = (0..n).map(|_| rng.normal().powi(2)).sum::<f64>() / n as f64;
        assert!((var - 1.0).abs() < 0.02);
    }
}
