//! Latent class analysis: EM for a mixture of categorical distributions
//! over items, with missing answers skipped per respondent, as poLCA does.

use alloc::vec;
use alloc::vec::Vec;
use core::ops::Range;

use naastenmeter_core::instrument::{ClassModel, LatentClass, LatentModel};
use naastenmeter_core::likelihood::{add_class_log_likelihoods, normalise_joint};

use crate::data::{answers, CategoricalData, MISSING_CATEGORY};
use crate::engine::{renormalise, update_shares, ClassStart, Degenerate, Engine};
use crate::parallel::{chunk_count, chunk_rows, Pool};
use crate::rng::Rng;

/// The data and settings of one latent class fit.
pub(crate) struct ClassEngine<'a> {
    pub data: &'a CategoricalData,
    pub offsets: Vec<usize>,
    /// Total number of categories over all items.
    pub total: usize,
    /// Dirichlet pseudo-count added to every category (0 = plain ML).
    pub smoothing: f64,
    /// A class with fewer expected respondents than this ends the start.
    pub min_class_size: f64,
    /// Distinct answer patterns with their counts, when there are clearly
    /// fewer patterns than respondents (poLCA's example data have 16 to 20
    /// patterns for hundreds of rows): EM then visits each pattern once.
    patterns: Option<(Vec<u8>, Vec<f64>)>,
}

/// The most distinct answer patterns [`compress`] keeps. Counting them
/// takes a hash table of pattern numbers (at most 512 KB) and the first row
/// and count of each pattern, and the result a copy of each pattern, so this
/// bounds the memory compression takes beside the data to a few megabytes,
/// however many rows there are. Data with more patterns than this gain
/// little from compression anyway: a pass over 65,536 patterns costs as much
/// as one over the rows.
const MAX_PATTERNS: usize = 1 << 16;

/// Distinct rows of `data` in sorted order with how often each occurs, or
/// `None` when fewer than a fifth of the rows repeat another (no gain worth
/// a copy) or there are more than [`MAX_PATTERNS`]. The rows are counted in
/// an open-addressing hash table that refers to them by row number, so no
/// copy or index of all rows is made; counting stops at the first pattern
/// over the limit. Only the distinct patterns are sorted, at the end.
///
/// Why a hash table and not a B-tree of borrowed rows (the first version,
/// same result): data with many distinct rows, such as 100,000 respondents
/// x 20 items, fill the table to the limit before compression is given up,
/// and a B-tree's 16 comparisons per row took 35 ms of a fit that is
/// otherwise about half a second.
fn compress(data: &CategoricalData) -> Option<(Vec<u8>, Vec<f64>)> {
    // Up to 4/5 of the rows plus one may be distinct (the rule since the
    // first version, kept so that the same data are compressed the same way).
    let limit = (data.rows() * 4 / 5 + 1).min(MAX_PATTERNS);
    // At most half full, so probe sequences stay short.
    let size = (2 * limit).next_power_of_two();
    let mask = size - 1;
    const EMPTY: u32 = u32::MAX;
    let mut slots = vec![EMPTY; size];
    // Per pattern (numbered as first seen): its first row and its count.
    let mut firsts: Vec<usize> = Vec::new();
    let mut counts: Vec<f64> = Vec::new();
    for i in 0..data.rows() {
        let row = data.row(i);
        let mut slot = row_hash(row) & mask;
        loop {
            let pattern = slots[slot];
            if pattern == EMPTY {
                if firsts.len() == limit {
                    return None;
                }
                // `limit` is at most 65,536, so the number fits.
                slots[slot] = firsts.len() as u32;
                firsts.push(i);
                counts.push(1.0);
                break;
            }
            let pattern = pattern as usize;
            if data.row(firsts[pattern]) == row {
                counts[pattern] += 1.0;
                break;
            }
            slot = (slot + 1) & mask;
        }
    }
    let mut order: Vec<usize> = (0..firsts.len()).collect();
    order.sort_unstable_by(|a, b| data.row(firsts[*a]).cmp(data.row(firsts[*b])));
    let mut codes = Vec::with_capacity(order.len() * data.items());
    let mut weights = Vec::with_capacity(order.len());
    for pattern in order {
        codes.extend_from_slice(data.row(firsts[pattern]));
        weights.push(counts[pattern]);
    }
    Some((codes, weights))
}

/// A hash of one row's codes (FxHash's mixing, 8 codes at a time): fast,
/// and good enough to spread answer patterns over the table; it decides
/// nothing but speed, since every candidate is compared in full.
fn row_hash(row: &[u8]) -> usize {
    const SEED: u64 = 0x517c_c1b7_2722_0a95;
    let mix = |hash: u64, word: u64| (hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    let mut words = row.chunks_exact(8);
    let mut hash = 0;
    for word in &mut words {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(word);
        hash = mix(hash, u64::from_le_bytes(bytes));
    }
    let mut rest = [0u8; 8];
    rest[..words.remainder().len()].copy_from_slice(words.remainder());
    hash = mix(hash, u64::from_le_bytes(rest));
    // The high bits are the best mixed; the table takes the low ones.
    (hash >> 32 ^ hash) as usize
}

/// Class shares and response probabilities, entry `(offset_j + c) * K + k`.
#[derive(Debug, Clone)]
pub(crate) struct ClassParams {
    pub shares: Vec<f64>,
    pub probabilities: Vec<f64>,
}

/// Sufficient statistics of one pass over a chunk of respondents.
struct Accumulated {
    log_likelihood: f64,
    /// Expected respondents per class.
    weights: Vec<f64>,
    /// Expected answers per (item, category) and class, class-inner like
    /// the probabilities: entry `(offset_j + c) * K + k`.
    counts: Vec<f64>,
}

impl Accumulated {
    fn new(classes: usize, total: usize) -> Self {
        Self {
            log_likelihood: 0.0,
            weights: vec![0.0; classes],
            counts: vec![0.0; total * classes],
        }
    }

    fn clear(&mut self) {
        self.log_likelihood = 0.0;
        self.weights.fill(0.0);
        self.counts.fill(0.0);
    }
}

/// The working memory of one start's EM passes, made once per start: the
/// log-parameters and one accumulator per fixed row chunk (merged in chunk
/// order into `total`), so an iteration allocates nothing.
pub(crate) struct ClassScratch {
    log_shares: Vec<f64>,
    /// `ln` of the response probabilities, entry `(offset_j + c) * K + k`:
    /// one answer picks one contiguous vector over the classes.
    log_probabilities: Vec<f64>,
    chunks: Vec<Accumulated>,
    total: Accumulated,
}

impl<'a> ClassEngine<'a> {
    pub fn new(data: &'a CategoricalData, smoothing: f64, min_class_size: f64) -> Self {
        let offsets = data.offsets();
        let total = data.categories().iter().map(|c| usize::from(*c)).sum();
        Self {
            data,
            offsets,
            total,
            smoothing,
            min_class_size,
            patterns: compress(data),
        }
    }

    /// Number of rows EM visits (patterns, or respondents).
    fn visited(&self) -> usize {
        self.patterns
            .as_ref()
            .map_or(self.data.rows(), |(_, w)| w.len())
    }

    /// Row `i` of what EM visits, with its weight.
    #[inline]
    fn visit(&self, i: usize) -> (&[u8], f64) {
        match &self.patterns {
            Some((codes, weights)) => {
                let items = self.data.items();
                (&codes[i * items..(i + 1) * items], weights[i])
            }
            None => (self.data.row(i), 1.0),
        }
    }

    /// Expectation over `rows` into `acc` (cleared first): posteriors
    /// computed and summed at once, so no respondents x classes matrix is
    /// ever stored. Common class counts get a loop whose class vectors have
    /// a length known at compile time (unrolled and vectorised). With
    /// `counts` false only the log-likelihood is summed (the last
    /// evaluation of a start, which needs no M-step).
    fn pass(&self, tables: &Tables<'_>, rows: Range<usize>, acc: &mut Accumulated, counts: bool) {
        acc.clear();
        macro_rules! fixed_pass {
            ($k:literal) => {
                if counts {
                    self.pass_fixed::<$k, true>(tables, rows, acc)
                } else {
                    self.pass_fixed::<$k, false>(tables, rows, acc)
                }
            };
        }
        match tables.log_shares.len() {
            1 => fixed_pass!(1),
            2 => fixed_pass!(2),
            3 => fixed_pass!(3),
            4 => fixed_pass!(4),
            5 => fixed_pass!(5),
            6 => fixed_pass!(6),
            7 => fixed_pass!(7),
            8 => fixed_pass!(8),
            _ => self.pass_any(tables.log_shares, tables.log_probabilities, rows, acc),
        }
    }

    /// [`Self::pass`] for `K` classes. The joint likelihoods of a row live
    /// in registers; each answer multiplies in one contiguous `K`-vector of
    /// the probabilities, and the posterior is added to one contiguous
    /// `K`-vector of the counts.
    ///
    /// Why products and not sums of logarithms: a row then costs one
    /// logarithm and no exponential (the exponentials were a third of a
    /// pass), and the posteriors come out at least as accurate (a product
    /// of 20 probabilities is within 20 roundings; `exp` of a sum of 20
    /// logarithms of size 30 carries their absolute rounding error). A
    /// product can underflow on rows the model finds very unlikely (or with
    /// very many items); such a row, whose joint likelihood sums to less
    /// than [`LINEAR_FLOOR`], is done again on the log scale exactly as
    /// before, which also keeps rows no class can have (`-inf`) as they were.
    fn pass_fixed<const K: usize, const COUNTS: bool>(
        &self,
        tables: &Tables<'_>,
        rows: Range<usize>,
        acc: &mut Accumulated,
    ) {
        let shares: [f64; K] = *fixed(tables.shares);
        let mut sums = Sums {
            log_likelihood: 0.0,
            weights: [0.0; K],
            counts: acc.counts.as_mut_slice(),
        };
        // Rows two at a time: each row's product is a chain of dependent
        // multiplications (one per item), and two independent chains keep
        // the multiplier busy while the other waits. Each row's arithmetic
        // and the order rows are added in are those of one row at a time.
        let mut i = rows.start;
        while i + 1 < rows.end {
            let (row_a, weight_a) = self.visit(i);
            let (row_b, weight_b) = self.visit(i + 1);
            let (mut joint_a, mut joint_b) = (shares, shares);
            for ((a, b), offset) in row_a.iter().zip(row_b).zip(&self.offsets) {
                if *a != MISSING_CATEGORY {
                    let start = (offset + usize::from(*a)) * K;
                    let table: &[f64; K] = fixed(&tables.probabilities[start..start + K]);
                    for k in 0..K {
                        joint_a[k] *= table[k];
                    }
                }
                if *b != MISSING_CATEGORY {
                    let start = (offset + usize::from(*b)) * K;
                    let table: &[f64; K] = fixed(&tables.probabilities[start..start + K]);
                    for k in 0..K {
                        joint_b[k] *= table[k];
                    }
                }
            }
            self.add_row::<K, COUNTS>(tables, row_a, weight_a, joint_a, &mut sums);
            self.add_row::<K, COUNTS>(tables, row_b, weight_b, joint_b, &mut sums);
            i += 2;
        }
        if i < rows.end {
            let (row, weight) = self.visit(i);
            let mut joint = shares;
            for (code, offset) in row.iter().zip(&self.offsets) {
                if *code != MISSING_CATEGORY {
                    let start = (offset + usize::from(*code)) * K;
                    let table: &[f64; K] = fixed(&tables.probabilities[start..start + K]);
                    for k in 0..K {
                        joint[k] *= table[k];
                    }
                }
            }
            self.add_row::<K, COUNTS>(tables, row, weight, joint, &mut sums);
        }
        acc.log_likelihood = sums.log_likelihood;
        acc.weights.copy_from_slice(&sums.weights);
    }

    /// Adds one row to the sums of a pass, given its joint likelihoods per
    /// class (share times the product of its answers' probabilities): the
    /// posterior, and with `COUNTS` the posterior into the class weights
    /// and into the counts of the row's answers.
    #[inline(always)]
    fn add_row<const K: usize, const COUNTS: bool>(
        &self,
        tables: &Tables<'_>,
        row: &[u8],
        weight: f64,
        mut joint: [f64; K],
        sums: &mut Sums<'_, K>,
    ) {
        let sum = joint.iter().sum::<f64>();
        if sum >= LINEAR_FLOOR {
            let inverse = 1.0 / sum;
            joint.iter_mut().for_each(|p| *p *= inverse);
            sums.log_likelihood += weight * ln(sum);
        } else {
            joint = *fixed(tables.log_shares);
            for (code, offset) in row.iter().zip(&self.offsets) {
                if *code == MISSING_CATEGORY {
                    continue;
                }
                let start = (offset + usize::from(*code)) * K;
                let table: &[f64; K] = fixed(&tables.log_probabilities[start..start + K]);
                for k in 0..K {
                    joint[k] += table[k];
                }
            }
            sums.log_likelihood += weight * normalise(&mut joint);
        }
        if !COUNTS {
            return;
        }
        if weight != 1.0 {
            joint.iter_mut().for_each(|p| *p *= weight);
        }
        for (w, p) in sums.weights.iter_mut().zip(&joint) {
            *w += p;
        }
        for (code, offset) in row.iter().zip(&self.offsets) {
            if *code == MISSING_CATEGORY {
                continue;
            }
            let start = (offset + usize::from(*code)) * K;
            let cell: &mut [f64; K] = fixed_mut(&mut sums.counts[start..start + K]);
            for k in 0..K {
                cell[k] += joint[k];
            }
        }
    }

    /// [`Self::pass`] for more than 8 classes, with the core's kernels.
    fn pass_any(
        &self,
        log_shares: &[f64],
        log_probabilities: &[f64],
        rows: Range<usize>,
        acc: &mut Accumulated,
    ) {
        let classes = log_shares.len();
        let mut joint = vec![0.0; classes];
        for i in rows {
            let (row, weight) = self.visit(i);
            joint.copy_from_slice(log_shares);
            add_class_log_likelihoods(log_probabilities, &self.offsets, answers(row), &mut joint);
            acc.log_likelihood += weight * normalise_joint(&mut joint);
            if weight != 1.0 {
                joint.iter_mut().for_each(|p| *p *= weight);
            }
            acc.weights
                .iter_mut()
                .zip(&joint)
                .for_each(|(w, p)| *w += p);
            for (code, offset) in row.iter().zip(&self.offsets) {
                if *code == MISSING_CATEGORY {
                    continue;
                }
                let start = (offset + usize::from(*code)) * classes;
                acc.counts[start..start + classes]
                    .iter_mut()
                    .zip(&joint)
                    .for_each(|(n, p)| *n += p);
            }
        }
    }

    /// One pass over all rows: each fixed chunk into its own accumulator on
    /// the pool, then the chunks added up in chunk order into
    /// `scratch.total`, so the sums do not depend on the thread count.
    /// Without `counts`, only the log-likelihood is summed.
    fn accumulate(
        &self,
        params: &ClassParams,
        scratch: &mut ClassScratch,
        pool: &Pool,
        counts: bool,
    ) {
        for (l, s) in scratch.log_shares.iter_mut().zip(&params.shares) {
            *l = ln(*s);
        }
        for (l, p) in scratch
            .log_probabilities
            .iter_mut()
            .zip(&params.probabilities)
        {
            *l = ln(*p);
        }
        let rows = self.visited();
        let tables = Tables {
            shares: &params.shares,
            probabilities: &params.probabilities,
            log_shares: &scratch.log_shares,
            log_probabilities: &scratch.log_probabilities,
        };
        pool.for_each_mut(&mut scratch.chunks, |c, acc| {
            self.pass(&tables, chunk_rows(c, rows), acc, counts)
        });
        let total = &mut scratch.total;
        let (first, rest) = scratch.chunks.split_first().expect("at least one chunk");
        total.log_likelihood = first.log_likelihood;
        if counts {
            total.weights.copy_from_slice(&first.weights);
            total.counts.copy_from_slice(&first.counts);
        }
        for part in rest {
            total.log_likelihood += part.log_likelihood;
            if counts {
                add_into(&mut total.weights, &part.weights);
                add_into(&mut total.counts, &part.counts);
            }
        }
    }
}

/// What a pass over `K` classes sums as it goes: the log-likelihood and
/// class weights in registers, the counts in the chunk's accumulator.
struct Sums<'a, const K: usize> {
    log_likelihood: f64,
    weights: [f64; K],
    counts: &'a mut [f64],
}

/// The parameters one pass reads: as probabilities (the products of
/// [`ClassEngine::pass_fixed`]) and as logarithms (rows whose product would
/// underflow, and more than 8 classes), all entry `(offset_j + c) * K + k`.
struct Tables<'a> {
    shares: &'a [f64],
    probabilities: &'a [f64],
    log_shares: &'a [f64],
    log_probabilities: &'a [f64],
}

/// Below this joint likelihood of a row (summed over the classes), products
/// of probabilities may have lost precision to underflow (the smallest
/// normal number is about 2.2e-308, and a class's product may be far below
/// the sum), so the row is done on the log scale instead. Products of
/// ordinary rows are far above it (20 items of 5 categories: about 1e-14).
const LINEAR_FLOOR: f64 = 1e-250;

/// `a += b`, element by element.
pub(crate) fn add_into(a: &mut [f64], b: &[f64]) {
    a.iter_mut().zip(b).for_each(|(a, b)| *a += b);
}

/// A slice of length `K` as an array, so loops over it have a length known
/// at compile time. Callers slice exactly `K` entries.
#[inline(always)]
fn fixed<const K: usize>(slice: &[f64]) -> &[f64; K] {
    slice.try_into().expect("a slice of K entries")
}

/// [`fixed`] for a mutable slice.
#[inline(always)]
fn fixed_mut<const K: usize>(slice: &mut [f64]) -> &mut [f64; K] {
    slice.try_into().expect("a slice of K entries")
}

/// Turns joint log-likelihoods into posteriors in place and returns the
/// row's log-likelihood: core's [`normalise_joint`] for a fixed number of
/// classes, the same operations in the same order (test
/// `fixed_kernels_match_the_core`).
#[inline(always)]
fn normalise<const K: usize>(joint: &mut [f64; K]) -> f64 {
    let max = joint.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !max.is_finite() {
        *joint = [0.0; K];
        return max;
    }
    let mut sum = 0.0;
    for value in joint.iter_mut() {
        *value = exp(*value - max);
        sum += *value;
    }
    let inverse = 1.0 / sum;
    joint.iter_mut().for_each(|value| *value *= inverse);
    max + ln(sum)
}

/// `e^x`: the platform's (faster) with `std`, `libm`'s without. Both are
/// within an ulp, far inside the 1e-9 the log-likelihood path is held to.
#[inline(always)]
pub(crate) fn exp(x: f64) -> f64 {
    #[cfg(feature = "std")]
    {
        x.exp()
    }
    #[cfg(not(feature = "std"))]
    {
        libm::exp(x)
    }
}

/// The natural logarithm, as [`exp`].
#[inline(always)]
pub(crate) fn ln(x: f64) -> f64 {
    #[cfg(feature = "std")]
    {
        x.ln()
    }
    #[cfg(not(feature = "std"))]
    {
        libm::log(x)
    }
}

impl Engine for ClassEngine<'_> {
    type Params = ClassParams;
    type Scratch = ClassScratch;

    fn scratch(&self, classes: usize) -> ClassScratch {
        ClassScratch {
            log_shares: vec![0.0; classes],
            log_probabilities: vec![0.0; self.total * classes],
            chunks: (0..chunk_count(self.visited()))
                .map(|_| Accumulated::new(classes, self.total))
                .collect(),
            total: Accumulated::new(classes, self.total),
        }
    }

    fn rows(&self) -> usize {
        self.data.rows()
    }

    fn visited_rows(&self) -> usize {
        self.visited()
    }

    fn parameters(&self, classes: usize) -> usize {
        let per_class: usize = self
            .data
            .categories()
            .iter()
            .map(|c| usize::from(*c) - 1)
            .sum();
        classes * per_class + classes - 1
    }

    fn random_start(&self, classes: usize, rng: &mut Rng) -> ClassParams {
        // As poLCA: uniform random response probabilities, normalised per
        // item and class, and equal class shares.
        let mut probabilities = vec![0.0; self.total * classes];
        for (j, offset) in self.offsets.iter().enumerate() {
            let categories = usize::from(self.data.categories()[j]);
            for k in 0..classes {
                let mut sum = 0.0;
                for c in 0..categories {
                    let draw = rng.uniform() + 1e-3;
                    probabilities[(offset + c) * classes + k] = draw;
                    sum += draw;
                }
                for c in 0..categories {
                    probabilities[(offset + c) * classes + k] /= sum;
                }
            }
        }
        ClassParams {
            shares: vec![1.0 / classes as f64; classes],
            probabilities,
        }
    }

    fn given_start(&self, start: &ClassStart) -> Option<ClassParams> {
        let classes = start.len();
        let mut probabilities = vec![0.0; self.total * classes];
        for (k, class) in start.iter().enumerate() {
            for (offset, item) in self.offsets.iter().zip(class) {
                for (c, p) in item.iter().enumerate() {
                    probabilities[(offset + c) * classes + k] = *p;
                }
            }
        }
        Some(ClassParams {
            shares: vec![1.0 / classes as f64; classes],
            probabilities,
        })
    }

    fn step(
        &self,
        params: &mut ClassParams,
        scratch: &mut ClassScratch,
        pool: &Pool,
    ) -> Result<f64, Degenerate> {
        let classes = params.shares.len();
        self.accumulate(params, scratch, pool, true);
        let acc = &scratch.total;
        update_shares(
            &mut params.shares,
            &acc.weights,
            acc.log_likelihood,
            self.data.rows(),
            self.min_class_size,
        )?;
        for (j, offset) in self.offsets.iter().enumerate() {
            let categories = usize::from(self.data.categories()[j]);
            for k in 0..classes {
                let observed: f64 = (0..categories)
                    .map(|c| acc.counts[(offset + c) * classes + k])
                    .sum();
                let denominator = observed + self.smoothing * categories as f64;
                if denominator <= 0.0 {
                    return Err(Degenerate::EmptyClass);
                }
                for c in 0..categories {
                    let at = (offset + c) * classes + k;
                    params.probabilities[at] = (acc.counts[at] + self.smoothing) / denominator;
                }
            }
        }
        Ok(acc.log_likelihood)
    }

    fn log_likelihood(&self, params: &ClassParams, scratch: &mut ClassScratch, pool: &Pool) -> f64 {
        self.accumulate(params, scratch, pool, false);
        scratch.total.log_likelihood
    }

    /// The shares, then the response probabilities, on their own scale.
    /// Extrapolating logarithms (where no jump can make a probability
    /// negative) was tried and was worse: a probability that EM drives to
    /// zero moves by a constant step on the log scale forever, swamps the
    /// step length and spoils the jump for every other parameter.
    fn to_vector(&self, params: &ClassParams, out: &mut Vec<f64>) {
        out.clear();
        out.extend_from_slice(&params.shares);
        out.extend_from_slice(&params.probabilities);
    }

    /// Refuses a negative share or probability, and rescales the shares and
    /// each item's response probabilities per class to sum to exactly 1.
    fn params_from_vector(&self, vector: &[f64], like: &ClassParams) -> Option<ClassParams> {
        let classes = like.shares.len();
        let (shares, probabilities) = vector.split_at_checked(classes)?;
        let (mut shares, mut probabilities) = (shares.to_vec(), probabilities.to_vec());
        if probabilities.len() != like.probabilities.len() || !renormalise(&mut shares, 0, 1) {
            return None;
        }
        for (j, offset) in self.offsets.iter().enumerate() {
            let categories = usize::from(self.data.categories()[j]);
            let item = &mut probabilities[offset * classes..(offset + categories) * classes];
            for k in 0..classes {
                if !renormalise(item, k, classes) {
                    return None;
                }
            }
        }
        Some(ClassParams {
            shares,
            probabilities,
        })
    }

    fn shares<'p>(&self, params: &'p ClassParams) -> &'p [f64] {
        &params.shares
    }

    fn column_means(&self, params: &ClassParams, column: usize) -> Vec<f64> {
        // Expected category (1-based) of the item in each class.
        let classes = params.shares.len();
        let offset = self.offsets[column];
        let categories = usize::from(self.data.categories()[column]);
        (0..classes)
            .map(|k| {
                (0..categories)
                    .map(|c| (c + 1) as f64 * params.probabilities[(offset + c) * classes + k])
                    .sum()
            })
            .collect()
    }

    fn model(&self, params: &ClassParams, order: &[usize]) -> LatentModel {
        let classes = params.shares.len();
        LatentModel::Classes(ClassModel {
            items: (1..=self.data.items())
                .map(|j| alloc::format!("item{j}"))
                .collect(),
            classes: order
                .iter()
                .enumerate()
                .map(|(position, &k)| LatentClass {
                    prototype: alloc::format!("class{}", position + 1),
                    share: params.shares[k],
                    probabilities: self
                        .offsets
                        .iter()
                        .zip(self.data.categories())
                        .map(|(offset, categories)| {
                            (0..usize::from(*categories))
                                .map(|c| params.probabilities[(offset + c) * classes + k])
                                .collect()
                        })
                        .collect(),
                })
                .collect(),
        })
    }
}

#[cfg(test)]
mod kernel_tests {
    use super::*;

    #[test]
    fn fixed_kernels_match_the_core() {
        // Two items (3 and 2 categories), 4 classes; one answer missing.
        let table: Vec<f64> = (0..20).map(|i| -0.1 * f64::from(i) - 0.05).collect();
        let offsets = [0usize, 3];
        let shares = [-1.2, -1.5, -0.9, -2.0];
        let row = [2u8, MISSING_CATEGORY];
        let mut core_joint = shares.to_vec();
        add_class_log_likelihoods(&table, &offsets, answers(&row), &mut core_joint);
        let core_ll = normalise_joint(&mut core_joint);
        let mut joint = shares;
        let start = 2 * 4;
        let slice: &[f64; 4] = fixed(&table[start..start + 4]);
        for k in 0..4 {
            joint[k] += slice[k];
        }
        let ll = normalise(&mut joint);
        assert!((ll - core_ll).abs() <= 1e-14 * core_ll.abs());
        for (a, b) in joint.iter().zip(&core_joint) {
            assert!((a - b).abs() <= 1e-15);
        }
        // A row no class can have: no posterior, the likelihood is zero.
        let mut impossible = [f64::NEG_INFINITY; 4];
        assert_eq!(normalise(&mut impossible), f64::NEG_INFINITY);
        assert_eq!(impossible, [0.0; 4]);
    }

    #[test]
    fn products_match_the_log_scale_and_fall_back_before_underflow() {
        // Two items of 3 categories, 2 classes. Category 3 of item 2 is
        // almost impossible in both classes (1e-130), so the row answering
        // it twice over (via item 1's 1e-130 too) has a joint likelihood of
        // about 1e-260, below LINEAR_FLOOR: that row goes the log way. The
        // sums must be the core's on the log scale for every row (five
        // rows: two pairs and one row alone).
        let rows: [[u8; 2]; 5] = [[0, 1], [2, MISSING_CATEGORY], [1, 0], [2, 2], [0, 2]];
        let codes: Vec<u8> = rows.iter().flatten().copied().collect();
        let data = CategoricalData::new(vec![3, 3], codes).unwrap();
        let engine = ClassEngine::new(&data, 0.0, 1e-300);
        let tiny = 1e-130;
        // Entry (offset_j + c) * 2 + k.
        let probabilities = vec![
            0.5,
            0.3,
            0.5 - tiny,
            0.7 - tiny,
            tiny,
            tiny, // item 1
            0.6,
            0.2,
            0.4 - tiny,
            0.8 - tiny,
            tiny,
            tiny, // item 2
        ];
        let params = ClassParams {
            shares: vec![0.35, 0.65],
            probabilities: probabilities.clone(),
        };
        let mut scratch = engine.scratch(2);
        engine.accumulate(&params, &mut scratch, &Pool::sequential(), true);
        let logs: Vec<f64> = probabilities.iter().map(|p| p.ln()).collect();
        let (mut ll, mut weights, mut counts) = (0.0, [0.0; 2], vec![0.0; 12]);
        for row in &rows {
            let mut joint = vec![0.35f64.ln(), 0.65f64.ln()];
            add_class_log_likelihoods(&logs, &engine.offsets, answers(row), &mut joint);
            ll += normalise_joint(&mut joint);
            for k in 0..2 {
                weights[k] += joint[k];
                for (j, code) in row.iter().enumerate() {
                    if *code != MISSING_CATEGORY {
                        counts[(engine.offsets[j] + usize::from(*code)) * 2 + k] += joint[k];
                    }
                }
            }
        }
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-12 * b.abs().max(1.0);
        let total = &scratch.total;
        assert!(
            close(total.log_likelihood, ll),
            "{} {ll}",
            total.log_likelihood
        );
        assert!(ll < -590.0, "the fallback row was not that unlikely: {ll}");
        for (a, b) in total.weights.iter().zip(&weights) {
            assert!(close(*a, *b));
        }
        for (a, b) in total.counts.iter().zip(&counts) {
            assert!(close(*a, *b), "{a} {b}");
        }
        // The log-likelihood alone, without the M-step's sums, is the same.
        engine.accumulate(&params, &mut scratch, &Pool::sequential(), false);
        assert_eq!(scratch.total.log_likelihood, total_ll(&engine, &params));
    }

    /// The log-likelihood of a full pass (with the M-step's sums).
    fn total_ll(engine: &ClassEngine<'_>, params: &ClassParams) -> f64 {
        let mut scratch = engine.scratch(params.shares.len());
        engine.accumulate(params, &mut scratch, &Pool::sequential(), true);
        scratch.total.log_likelihood
    }

    #[test]
    fn compression_counts_sorted_patterns_and_knows_when_to_stop() {
        // Rows 3, 1, 3, 2, 1, 3 of two items: three patterns, in row order
        // of their sorted codes, with their counts.
        let data =
            CategoricalData::new(vec![3, 3], vec![2, 0, 0, 1, 2, 0, 1, 1, 0, 1, 2, 0]).unwrap();
        let (codes, weights) = compress(&data).unwrap();
        assert_eq!(codes, [0, 1, 1, 1, 2, 0]);
        assert_eq!(weights, [2.0, 1.0, 3.0]);
        // Ten rows, ten patterns: more than 4/5 of the rows plus one.
        let distinct = CategoricalData::new(vec![10], (0..10).collect()).unwrap();
        assert!(compress(&distinct).is_none());
        // Nine patterns in ten rows are still compressed.
        let one_repeat =
            CategoricalData::new(vec![10], vec![0, 1, 2, 3, 4, 5, 6, 7, 8, 8]).unwrap();
        assert_eq!(compress(&one_repeat).map(|(_, w)| w.len()), Some(9));
    }

    #[test]
    fn hashed_compression_is_a_sorted_count() {
        // Many rows over few patterns (with missing answers): the hash
        // table's result is exactly a sort-and-count of the rows.
        let mut rng = Rng::new(3);
        let codes: Vec<u8> = (0..3 * 5000)
            .map(|_| match (rng.uniform() * 5.0) as u8 {
                4 => MISSING_CATEGORY,
                code => code,
            })
            .collect();
        let data = CategoricalData::new(vec![4, 4, 4], codes.clone()).unwrap();
        let mut rows: Vec<&[u8]> = codes.chunks(3).collect();
        rows.sort_unstable();
        let mut expected_codes = Vec::new();
        let mut expected_weights: Vec<f64> = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            if i > 0 && rows[i - 1] == *row {
                *expected_weights.last_mut().unwrap() += 1.0;
            } else {
                expected_codes.extend_from_slice(row);
                expected_weights.push(1.0);
            }
        }
        let (codes, weights) = compress(&data).unwrap();
        assert_eq!(weights.len(), 125);
        assert_eq!(codes, expected_codes);
        assert_eq!(weights, expected_weights);
        // 70,000 patterns, each twice: few enough for the 4/5 rule, but more
        // than MAX_PATTERNS, so not compressed.
        let many: Vec<u8> = (0..140_000usize)
            .flat_map(|i| {
                let p = i / 2;
                [(p % 200) as u8, (p / 200 % 200) as u8, (p / 40_000) as u8]
            })
            .collect();
        let data = CategoricalData::new(vec![200, 200, 2], many).unwrap();
        assert!(compress(&data).is_none());
    }
}
