//! Running independent pieces of work on all cores (with `std`, on one
//! `rayon` thread pool that lives as long as a fit) or one after the other
//! (without). Results always come back in index order, and a pass over the
//! respondents is cut into fixed chunks whose sums are added in chunk order,
//! so a fit does not depend on how the threads were scheduled or on how
//! many there are.

use alloc::vec::Vec;
use core::ops::Range;

/// The number of threads to use when the caller asked for `requested`
/// (0 = every core).
pub(crate) fn thread_count(requested: usize) -> usize {
    if requested > 0 {
        return requested;
    }
    #[cfg(feature = "std")]
    {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    }
    #[cfg(not(feature = "std"))]
    {
        1
    }
}

/// Rows per chunk when a pass over the respondents is split. The chunks do
/// not depend on the number of threads, and their sums are added in chunk
/// order, so a fit comes out bit for bit the same on any number of threads.
pub(crate) const CHUNK_ROWS: usize = 8192;

/// The rows of chunk `chunk` of `rows`.
pub(crate) fn chunk_rows(chunk: usize, rows: usize) -> Range<usize> {
    (chunk * CHUNK_ROWS).min(rows)..((chunk + 1) * CHUNK_ROWS).min(rows)
}

/// The number of chunks `rows` are cut into (at least one).
pub(crate) fn chunk_count(rows: usize) -> usize {
    rows.div_ceil(CHUNK_ROWS).max(1)
}

/// Threads to run work on: a `rayon` pool started once per fit and kept for
/// every pass of every start (starting threads on every pass cost more than
/// a pass over small data), or the calling thread alone.
pub(crate) struct Pool {
    #[cfg(feature = "std")]
    pool: Option<rayon::ThreadPool>,
}

impl Pool {
    /// A pool of `threads` threads; 1 (or a pool that cannot be started)
    /// runs everything on the calling thread.
    pub(crate) fn new(threads: usize) -> Self {
        #[cfg(feature = "std")]
        {
            let pool = (threads > 1)
                .then(|| {
                    rayon::ThreadPoolBuilder::new()
                        .num_threads(threads)
                        .build()
                        .ok()
                })
                .flatten();
            Self { pool }
        }
        #[cfg(not(feature = "std"))]
        {
            let _ = threads;
            Self {}
        }
    }

    /// Runs everything on the calling thread.
    pub(crate) fn sequential() -> Self {
        Self::new(1)
    }

    /// `f(0), f(1), ..., f(n - 1)`, spread over the pool, in order. Rayon
    /// steals work, so a slow start does not hold up the other threads.
    pub(crate) fn map_indexed<T, F>(&self, n: usize, f: F) -> Vec<T>
    where
        T: Send,
        F: Fn(usize) -> T + Sync + Send,
    {
        #[cfg(feature = "std")]
        if let Some(pool) = &self.pool {
            use rayon::prelude::*;
            return pool.install(|| (0..n).into_par_iter().map(&f).collect());
        }
        (0..n).map(f).collect()
    }

    /// `f(i, &mut items[i])` for every item, spread over the pool: each
    /// chunk of a pass fills its own accumulator, which the caller then adds
    /// up in chunk order.
    pub(crate) fn for_each_mut<T, F>(&self, items: &mut [T], f: F)
    where
        T: Send,
        F: Fn(usize, &mut T) + Sync + Send,
    {
        #[cfg(feature = "std")]
        if let Some(pool) = &self.pool {
            use rayon::prelude::*;
            // One chunk per task: a chunk (8,192 rows) is far more work than
            // handing it to a thread.
            pool.install(|| {
                items
                    .par_iter_mut()
                    .with_max_len(1)
                    .enumerate()
                    .for_each(|(i, item)| f(i, item))
            });
            return;
        }
        items
            .iter_mut()
            .enumerate()
            .for_each(|(i, item)| f(i, item));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_the_rows_in_order() {
        let rows = 2 * CHUNK_ROWS + 5;
        assert_eq!(chunk_count(rows), 3);
        assert_eq!(chunk_rows(2, rows), 2 * CHUNK_ROWS..rows);
        assert_eq!(chunk_count(0), 1);
        for threads in [1, 2, 3] {
            let pool = Pool::new(threads);
            assert_eq!(pool.map_indexed(5, |i| i * i), [0, 1, 4, 9, 16]);
            let mut items = [0usize; 7];
            pool.for_each_mut(&mut items, |i, item| *item = i + 1);
            assert_eq!(items, [1, 2, 3, 4, 5, 6, 7]);
        }
    }
}
