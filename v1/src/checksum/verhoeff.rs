//! Verhoeff check digit (J. Verhoeff, "Error Detecting Decimal Codes", 1969).
//!
//! Built on the dihedral group D5: it catches every single-digit error and
//! every transposition of adjacent digits. Used by India's Aadhaar number.
//! From the rightmost digit leftwards, digit `i` (0-based) is permuted by
//! `P[i mod 8]` and combined with the running value through `D`; a number is
//! valid when the result is 0.

/// The multiplication table of D5.
const D: [[u8; 10]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];

/// The position permutations: `P[i]` is `P[1]` applied `i` times.
const P: [[u8; 10]; 8] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/// Inverses in D5.
const INV: [u8; 10] = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

/// Runs the check over `digits`, the rightmost at position `offset`.
fn run(digits: &str, offset: usize) -> Option<u8> {
    let mut c = 0u8;
    for (i, b) in digits.bytes().rev().enumerate() {
        let d = super::digit(b)? as usize;
        c = D[usize::from(c)][usize::from(P[(i + offset) % 8][d])];
    }
    Some(c)
}

/// `true` if `digits` is a non-empty ASCII digit string ending in its Verhoeff check digit.
///
/// ```
/// use draftguard::checksum::verhoeff;
/// assert!(verhoeff::is_valid("2363"));
/// assert!(!verhoeff::is_valid("2364"));
/// ```
pub fn is_valid(digits: &str) -> bool {
    !digits.is_empty() && run(digits, 0) == Some(0)
}

/// The check digit to append to the ASCII digits of `payload`.
pub fn check_digit(payload: &str) -> Option<u8> {
    run(payload, 1).map(|c| INV[usize::from(c)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_answers_from_verhoeff_and_published_examples() {
        // The usual worked example: 236 → 3; and 12345 → 1, 142857 → 0.
        assert_eq!(check_digit("236"), Some(3));
        assert_eq!(check_digit("12345"), Some(1));
        assert_eq!(check_digit("142857"), Some(0));
        for valid in ["2363", "123451", "1428570", "0"] {
            assert!(is_valid(valid), "{valid}");
        }
        for invalid in ["2364", "2336", "123415", "1428571", "", "23a3"] {
            assert!(!is_valid(invalid), "{invalid}");
        }
    }

    #[test]
    fn catches_every_adjacent_transposition() {
        let n = "8473643095";
        let full = format!("{n}{}", check_digit(n).unwrap());
        let b = full.as_bytes();
        for i in 0..b.len() - 1 {
            if b[i] != b[i + 1] {
                let mut t = b.to_vec();
                t.swap(i, i + 1);
                assert!(!is_valid(std::str::from_utf8(&t).unwrap()));
            }
        }
    }
}
