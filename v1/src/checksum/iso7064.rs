//! ISO/IEC 7064 check character systems.
//!
//! Only the pure-number systems are here; each is a sub-module so that a
//! detector reads `iso7064::mod_97_10::is_valid(..)`: MOD 97-10 (IBAN),
//! MOD 11,10 (German tax ID) and MOD 11-2 (Chinese resident ID).

/// ISO 7064 MOD 97-10, as used by IBAN (ISO 13616) and many national numbers.
///
/// Letters count as two-digit numbers (A = 10 … Z = 35); the value is valid
/// when the whole number is congruent to 1 mod 97.
pub mod mod_97_10 {
    /// Remainder mod 97 of `s` read as a number, letters expanded A = 10 … Z = 35
    /// (case-insensitive). `None` if `s` has any other character.
    pub fn remainder(s: &str) -> Option<u32> {
        let mut r: u32 = 0;
        for b in s.bytes() {
            match b {
                b'0'..=b'9' => r = (r * 10 + u32::from(b - b'0')) % 97,
                b'A'..=b'Z' | b'a'..=b'z' => {
                    let v = u32::from(b.to_ascii_uppercase() - b'A') + 10;
                    r = (r * 100 + v) % 97;
                }
                _ => return None,
            }
        }
        Some(r)
    }

    /// `true` if the alphanumeric string `s` is congruent to 1 mod 97.
    ///
    /// ```
    /// use draftguard::checksum::iso7064::mod_97_10;
    /// assert!(mod_97_10::is_valid("370400440532013000131489"));
    /// assert!(!mod_97_10::is_valid("370400440532013000131488"));
    /// ```
    pub fn is_valid(s: &str) -> bool {
        !s.is_empty() && remainder(s) == Some(1)
    }

    /// The two check digits (`02`…`98`) for `payload` (check digits to be appended).
    pub fn check_digits(payload: &str) -> Option<u32> {
        let r = remainder(&format!("{payload}00"))?;
        Some(98 - r)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn known_answers_from_iso_7064_and_iso_13616() {
            // ISO 7064 annex example: 794 has check digits 44.
            assert_eq!(check_digits("794"), Some(44));
            assert!(is_valid("79444"));
            // ISO 13616 example IBAN GB82 WEST 1234 5698 7654 32, rearranged.
            assert!(is_valid("WEST12345698765432GB82"));
            assert!(is_valid("west12345698765432gb82"));
            assert!(!is_valid("WEST12345698765432GB83"));
            // DE89 3704 0044 0532 0130 00: BBAN + "DE" (1314) + check digits.
            assert!(is_valid("370400440532013000131489"));
        }

        #[test]
        fn rejects_foreign_characters() {
            assert_eq!(remainder("12 34"), None);
            assert!(!is_valid(""));
        }
    }
}

/// ISO 7064 MOD 11,10, a hybrid system with one decimal check digit, as used
/// by the German tax ID (Steuerliche Identifikationsnummer).
///
/// Start with 10; for each digit `d`: `s = (p + d) mod 10` (0 counts as 10),
/// `p = 2s mod 11`. A number (payload + check digit) is valid when the running
/// value after its last digit is 1.
pub mod mod_11_10 {
    use crate::checksum::digit;

    /// The last `s = (p + d) mod 10` after `digits` (0 standing for 10).
    fn run(digits: &str) -> Option<u32> {
        // 5 doubled mod 11 is 10, the start value of `p`.
        let mut check = 5;
        for b in digits.bytes() {
            let d = digit(b)?;
            let p = (if check == 0 { 10 } else { check } * 2) % 11;
            check = (p + d) % 10;
        }
        Some(check)
    }

    /// `true` if the digit string `s` (payload followed by its check digit) is valid.
    ///
    /// ```
    /// use draftguard::checksum::iso7064::mod_11_10;
    /// assert!(mod_11_10::is_valid("794623"));
    /// assert!(!mod_11_10::is_valid("794624"));
    /// ```
    pub fn is_valid(s: &str) -> bool {
        s.len() >= 2 && run(s) == Some(1)
    }

    /// The check digit for the digit string `payload`.
    pub fn check_digit(payload: &str) -> Option<u32> {
        let c = run(payload)?;
        let p = (if c == 0 { 10 } else { c } * 2) % 11;
        Some((11 - p) % 10)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn known_answers() {
            // ISO 7064 worked example: 79462 has check digit 3.
            assert_eq!(check_digit("79462"), Some(3));
            assert!(is_valid("794623"));
            // BZSt/python-stdnum example Steuer-ID 36 574 261 809.
            assert_eq!(check_digit("3657426180"), Some(9));
            assert!(is_valid("36574261809"));
            assert!(!is_valid("36574261890"));
            // Every payload gets exactly one valid check digit.
            for payload in ["1", "12345", "0000000000", "9999999999"] {
                let c = check_digit(payload).unwrap();
                for d in 0..10 {
                    assert_eq!(is_valid(&format!("{payload}{d}")), d == c, "{payload}{d}");
                }
            }
        }

        #[test]
        fn rejects_non_digits() {
            assert!(!is_valid("7946a3"));
            assert!(!is_valid("1"));
            assert_eq!(check_digit("1 2"), None);
        }
    }
}

/// ISO 7064 MOD 11-2, as used by the Chinese resident identity number (GB 11643-1999).
///
/// A pure system with one check character `0`–`9` or `X` (= 10): weighting
/// each character by 2^k mod 11, k counted from the right starting at 0, the
/// sum of the whole number including its check character is congruent to 1 mod 11.
pub mod mod_11_2 {
    /// The check character (`'0'`…`'9'` or `'X'`) for the ASCII digits of `payload`.
    pub fn check_char(payload: &str) -> Option<char> {
        let mut r: u32 = 0;
        for b in payload.bytes() {
            r = (r + crate::checksum::digit(b)?) * 2 % 11;
        }
        let c = (12 - r) % 11;
        Some(if c == 10 {
            'X'
        } else {
            char::from(b'0' + c as u8)
        })
    }

    /// `true` if `s` is ASCII digits followed by a valid check character
    /// (`X` may be lower case).
    ///
    /// ```
    /// use draftguard::checksum::iso7064::mod_11_2;
    /// assert!(mod_11_2::is_valid("11010519491231002X"));
    /// assert!(!mod_11_2::is_valid("110105194912310021"));
    /// ```
    pub fn is_valid(s: &str) -> bool {
        let Some(last) = s.chars().next_back() else {
            return false;
        };
        let payload = &s[..s.len() - last.len_utf8()];
        !payload.is_empty() && check_char(payload) == Some(last.to_ascii_uppercase())
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn known_answers_from_iso_7064_and_gb_11643() {
            // ISO 7064 annex example: 0794 has check character 0.
            assert_eq!(check_char("0794"), Some('0'));
            assert!(is_valid("07940"));
            // GB 11643-1999 example numbers.
            assert_eq!(check_char("11010519491231002"), Some('X'));
            assert!(is_valid("11010519491231002X"));
            assert!(is_valid("11010519491231002x"));
            assert!(is_valid("440524188001010014"));
            assert!(!is_valid("440524188001010015"));
            assert!(!is_valid("110105194912310020"));
        }

        #[test]
        fn rejects_foreign_characters() {
            assert_eq!(check_char("12a"), None);
            assert!(!is_valid("X"));
            assert!(!is_valid(""));
            assert!(!is_valid("12 3X"));
        }
    }
}
