//! Running independent pieces of work on all cores (with `std`) or one after
//! the other (without). Results always come back in index order, so a fit
//! does not depend on how the threads were scheduled.

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

/// `f(0), f(1), ..., f(n - 1)`, spread over `threads` threads, in order.
pub(crate) fn map_indexed<T, F>(n: usize, threads: usize, f: F) -> Vec<T>
where
    T: Send,
    F: Fn(usize) -> T + Sync,
{
    #[cfg(feature = "std")]
    if threads > 1 && n > 1 {
        use std::sync::atomic::{AtomicUsize, Ordering};
        use std::sync::Mutex;
        // Work stealing through one counter: a slow start does not hold up
        // the other thread, which takes the next start instead.
        let next = AtomicUsize::new(0);
        let results: Mutex<Vec<(usize, T)>> = Mutex::new(Vec::with_capacity(n));
        std::thread::scope(|scope| {
            for _ in 0..threads.min(n) {
                scope.spawn(|| loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n {
                        break;
                    }
                    let value = f(i);
                    // A poisoned lock means another worker panicked, which
                    // the scope re-raises anyway; keep the value regardless.
                    results
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push((i, value));
                });
            }
        });
        let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
        results.sort_by_key(|(i, _)| *i);
        return results.into_iter().map(|(_, v)| v).collect();
    }
    let _ = threads;
    (0..n).map(f).collect()
}

/// Rows per chunk when a pass over the respondents is split. The chunks do
/// not depend on the number of threads, and their sums are added in chunk
/// order, so a fit comes out bit for bit the same on any number of threads.
pub(crate) const CHUNK_ROWS: usize = 8192;

/// `f` over `rows` cut into contiguous chunks of [`CHUNK_ROWS`], spread over
/// `threads` threads, in order.
pub(crate) fn map_chunks<T, F>(rows: usize, threads: usize, f: F) -> Vec<T>
where
    T: Send,
    F: Fn(Range<usize>) -> T + Sync,
{
    let chunks = rows.div_ceil(CHUNK_ROWS).max(1);
    map_indexed(chunks, threads.min(chunks), |c| {
        f((c * CHUNK_ROWS).min(rows)..((c + 1) * CHUNK_ROWS).min(rows))
    })
}
