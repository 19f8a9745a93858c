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

/// Sorts `list` stably by `cmp`, as `list.sort_by(cmp)` does, through [`indices`]: a
/// list of another type sorted by the standard library would be another copy of its sort.
/// What it costs (a list of indices and a copy) matters only for long lists.
pub fn by<T: Clone>(list: &mut [T], cmp: &dyn Fn(&T, &T) -> Ordering) {
    if list.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..list.len()).collect();
    indices(&mut order, &mut |a, b| cmp(&list[a], &list[b]));
    let sorted: Vec<T> = order.iter().map(|&i| list[i].clone()).collect();
    list.clone_from_slice(&sorted);
}

/// [`by`], by insertion while `list` is short (a scan's lists of windows, sorted per scan:
/// no list of indices, no copy).
pub fn short_by<T: Copy>(list: &mut [T], cmp: &dyn Fn(&T, &T) -> Ordering) {
    if list.len() > 16 {
        return by(list, cmp);
    }
    for i in 1..list.len() {
        let x = list[i];
        let mut j = i;
        while j > 0 && cmp(&list[j - 1], &x) == Ordering::Greater {
            list[j] = list[j - 1];
            j -= 1;
        }
        list[j] = x;
    }
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

            // Lists of values, by a part of them (ties: the other part tells them apart),
            // short ones (insertion) and long ones.
            let first = |a: &(usize, usize), b: &(usize, usize)| a.0.cmp(&b.0);
            let mut std = keys.clone();
            std.sort_by(first);
            for sort in [by::<(usize, usize)>, short_by::<(usize, usize)>] {
                let mut mine = keys.clone();
                sort(&mut mine, &first);
                assert_eq!(mine, std, "{len}");
            }
        }
    }
}
