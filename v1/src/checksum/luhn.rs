//! Luhn (mod 10) check, ISO/IEC 7812-1 Annex B.
//!
//! Used by payment card numbers (and later by Canadian SIN, IMEI, ...).
//! From the rightmost digit (the check digit) leftwards, every second digit is
//! doubled, and 9 subtracted when the result exceeds 9; the number is valid
//! when the sum of all digits is a multiple of 10.

/// `true` if `digits` is a non-empty ASCII digit string whose Luhn sum is 0 mod 10.
///
/// ```
/// use draftguard::checksum::luhn;
/// assert!(luhn::is_valid("79927398713"));
/// assert!(!luhn::is_valid("79927398710"));
/// ```
pub fn is_valid(digits: &str) -> bool {
    !digits.is_empty() && sum(digits).is_some_and(|s| s % 10 == 0)
}

/// The check digit that makes `payload` (without its check digit) Luhn-valid.
pub fn check_digit(payload: &str) -> Option<u8> {
    // Appending a 0 puts every payload digit at the position it will have.
    let s = sum(&format!("{payload}0"))?;
    Some(((10 - s % 10) % 10) as u8)
}

fn sum(digits: &str) -> Option<u32> {
    let mut total = 0;
    for (i, b) in digits.bytes().rev().enumerate() {
        let mut d = super::digit(b)?;
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        total += d;
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_answers_from_iso_7812_and_card_test_numbers() {
        // ISO/IEC 7812 worked example and the networks' published test card numbers.
        for valid in [
            "79927398713",
            "4111111111111111",
            "4012888888881881",
            "5555555555554444",
            "2223003122003222",
            "378282246310005",
            "6011111111111117",
            "3530111333300000",
            "30569309025904",
            "6200000000000005",
            "0",
        ] {
            assert!(is_valid(valid), "{valid} should pass Luhn");
        }
        for invalid in [
            "79927398710",
            "4111111111111112",
            "378282246310006",
            "1",
            "",
        ] {
            assert!(!is_valid(invalid), "{invalid} should fail Luhn");
        }
    }

    #[test]
    fn rejects_non_digits() {
        assert!(!is_valid("4111 1111 1111 1111"));
        assert!(!is_valid("41111111111111a1"));
    }

    #[test]
    fn check_digit_completes_the_number() {
        assert_eq!(check_digit("7992739871"), Some(3));
        assert_eq!(check_digit("411111111111111"), Some(1));
        assert_eq!(check_digit("x"), None);
    }
}
