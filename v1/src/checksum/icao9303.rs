//! ICAO Doc 9303 check digits (machine-readable travel documents).
//!
//! Each character gets a value (digits 0–9, `A` = 10 … `Z` = 35, filler `<` = 0);
//! values are multiplied by the repeating weights 7, 3, 1 and summed; the check
//! digit is the sum mod 10. Spec: ICAO Doc 9303, Part 3, §4.9.

/// Value of one MRZ character, or `None` for a character not in `[0-9A-Z<]`.
fn value(b: u8) -> Option<u32> {
    match b {
        b'0'..=b'9' => Some(u32::from(b - b'0')),
        b'A'..=b'Z' => Some(u32::from(b - b'A') + 10),
        b'<' => Some(0),
        _ => None,
    }
}

/// The check digit of `field` (upper-case MRZ characters), or `None` if it has
/// another character.
///
/// ```
/// use draftguard::checksum::icao9303;
/// assert_eq!(icao9303::check_digit("L898902C3"), Some(6));
/// ```
pub fn check_digit(field: &str) -> Option<u32> {
    const WEIGHTS: [u32; 3] = [7, 3, 1];
    let mut sum = 0;
    for (i, b) in field.bytes().enumerate() {
        sum += value(b)? * WEIGHTS[i % 3];
    }
    Some(sum % 10)
}

/// `true` if `check` (one byte: a digit, or `<` standing for 0 where ICAO
/// allows it) is the check digit of `field`.
pub fn is_valid(field: &str, check: u8) -> bool {
    let want = match check {
        b'0'..=b'9' => u32::from(check - b'0'),
        b'<' => 0,
        _ => return false,
    };
    check_digit(field) == Some(want)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_answers_from_icao_9303_part_3_and_4() {
        // Part 3 §4.9 worked example: date of birth 27 July 1952 → 520727, check 3.
        assert_eq!(check_digit("520727"), Some(3));
        // Part 4 specimen passport (Anna Maria Eriksson, Utopia):
        // L898902C3 6, 740812 2, 120415 9, ZE184226B<<<<< 1, composite 0.
        assert_eq!(check_digit("L898902C3"), Some(6));
        assert_eq!(check_digit("740812"), Some(2));
        assert_eq!(check_digit("120415"), Some(9));
        assert_eq!(check_digit("ZE184226B<<<<<"), Some(1));
        // Composite: document number, birth and expiry dates, optional data, each with its check digit.
        assert_eq!(
            check_digit("L898902C3674081221204159ZE184226B<<<<<1"),
            Some(0)
        );
        // Part 5 specimen TD1 ID card: document number D23145890 check 7.
        assert_eq!(check_digit("D23145890"), Some(7));
        assert!(is_valid("D23145890", b'7'));
        assert!(!is_valid("D23145890", b'8'));
        // Fillers count as 0.
        assert_eq!(check_digit("<<<<<<<<<"), Some(0));
        assert!(is_valid("<<<", b'<'));
    }

    #[test]
    fn rejects_other_characters() {
        assert_eq!(check_digit("l898902c3"), None);
        assert_eq!(check_digit("L898 902"), None);
        assert!(!is_valid("123", b'X'));
    }
}
