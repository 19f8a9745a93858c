//! Helpers for the crate's unit tests.

/// Calls `f` with every string made of at most `max` of `pieces` (with repeats, in every
/// order), the empty one first: the inputs of a test that holds one function to another
/// over all short combinations of the pieces that matter to them.
pub fn each_sequence(pieces: &[&str], max: u32, mut f: impl FnMut(&str)) {
    let mut text = String::new();
    for len in 0..=max {
        for mut n in 0..pieces.len().pow(len) {
            text.clear();
            for _ in 0..len {
                text.push_str(pieces[n % pieces.len()]);
                n /= pieces.len();
            }
            f(&text);
        }
    }
}
