//! Sorting the short lists of the core and the web app (chosen options,
//! signals, classes, card goals) with one small insertion sort instead of
//! the standard library's stable sort. Size: std's driftsort is made again
//! for every element type and order (about 22 KB of the web app's wasm for
//! six sorts); this one is a few hundred bytes each. Same order as
//! `sort_by`: stable, so equal elements keep their order. Quadratic, which
//! is nothing for lists of tens of elements.

use core::cmp::Ordering;

/// Sorts `list` by `order`, stably, as `list.sort_by(order)` does.
pub fn sort_short_by<T>(list: &mut [T], mut order: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..list.len() {
        let mut j = i;
        // Only past a strictly greater element: equal ones keep their order.
        while j > 0 && order(&list[j - 1], &list[j]) == Ordering::Greater {
            list.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts `list` by `key`, stably, as `list.sort_by_key(key)` does.
pub fn sort_short_by_key<T, K: Ord>(list: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_short_by(list, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    #[test]
    fn sorts_as_the_standard_stable_sort() {
        // Pairs sorted by their first number only: ties show stability.
        let mut seed = 7u32;
        for len in 0..40 {
            let list: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 5, i)
                })
                .collect();
            let mut ours = list.clone();
            let mut std = list;
            sort_short_by_key(&mut ours, |p| p.0);
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std);
        }
    }
}
