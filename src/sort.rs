//! One stable sort for the crate's lists of indices.
//!
//! Every `sort_by` or `sort_by_key` with a closure of its own is a copy of the standard
//! library's stable sort in the `.wasm` (about 4 KB each before gzip). The index lists sorted
//! here share one copy: they give the comparison as a `dyn FnMut`, so the standard sort is
//! instantiated once. A stable sort's result is fixed by the comparison alone, so this sorts
//! exactly as `sort_by` with the same comparison does.

use std::cmp::Ordering;

/// Sorts `indices` stably by `cmp`, as `indices.sort_by(|&a, &b| cmp(a, b))` does.
pub fn indices(indices: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    indices.sort_by(|&a, &b| cmp(a, b));
}

/// Sorts `indices` stably by `key`, as `indices.sort_by_key(key)` does.
pub fn indices_by_key(list: &mut [usize], key: &dyn Fn(usize) -> usize) {
    indices(list, &mut |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The orders the crate's callers ask for (by a key, by a key from the last to the first,
    /// by several keys) come out as std's `sort_by_key` and `sort_by` give them, ties (many
    /// here) in their first order.
    #[test]
    fn sorts_as_std_does() {
        let mut seed = 7u64;
        for len in 0..200 {
            let keys: Vec<(usize, usize)> = (0..len)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    (
                        (seed >> 33) as usize % (len / 4 + 1),
                        (seed >> 50) as usize % 3,
                    )
                })
                .collect();
            let all: Vec<usize> = (0..len).collect();

            let (mut mine, mut std) = (all.clone(), all.clone());
            indices_by_key(&mut mine, &|i| keys[i].0);
            std.sort_by_key(|&i| keys[i].0);
            assert_eq!(mine, std);

            let (mut mine, mut std) = (all.clone(), all.clone());
            indices(&mut mine, &mut |a, b| keys[a].0.cmp(&keys[b].0).reverse());
            std.sort_by_key(|&i| std::cmp::Reverse(keys[i].0));
            assert_eq!(mine, std);

            let (mut mine, mut std) = (all.clone(), all);
            indices(&mut mine, &mut |a, b| {
                keys[b].1.cmp(&keys[a].1).then(keys[a].0.cmp(&keys[b].0))
            });
            std.sort_by(|&a, &b| keys[b].1.cmp(&keys[a].1).then(keys[a].0.cmp(&keys[b].0)));
            assert_eq!(mine, std);
        }
    }
}
