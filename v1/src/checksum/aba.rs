//! ABA routing transit number check (American Bankers Association, "3-7-1").
//!
//! Nine digits d1…d9 are valid when
//! `3(d1 + d4 + d7) + 7(d2 + d5 + d8) + (d3 + d6 + d9) ≡ 0 (mod 10)`.

/// `true` if `digits` is nine ASCII digits passing the 3-7-1 check.
///
/// ```
/// use draftguard::checksum::aba;
/// assert!(aba::is_valid("011000015"));
/// assert!(!aba::is_valid("011000016"));
/// ```
pub fn is_valid(digits: &str) -> bool {
    let b = digits.as_bytes();
    if b.len() != 9 {
        return false;
    }
    let mut sum = 0;
    for (i, &byte) in b.iter().enumerate() {
        let Some(d) = super::digit(byte) else {
            return false;
        };
        sum += d * [3, 7, 1][i % 3];
    }
    sum % 10 == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_answers_from_published_routing_numbers() {
        // Federal Reserve Bank of Boston, Bank of America (CA), JPMorgan Chase (NY), Wells Fargo.
        for valid in ["011000015", "121000358", "021000021", "121042882"] {
            assert!(is_valid(valid), "{valid}");
        }
        for invalid in [
            "011000016",
            "121000359",
            "02100002",
            "0210000210",
            "02100002a",
        ] {
            assert!(!is_valid(invalid), "{invalid}");
        }
    }
}
