//! German tax identification number (Steuerliche Identifikationsnummer,
//! "Steuer-ID", "IdNr").
//!
//! Eleven digits, the first not 0. In the first ten digits exactly one digit
//! occurs two or three times, every other digit at most once, and a digit
//! never occurs three times in a row (rules since 2016). The eleventh digit is
//! the ISO 7064 MOD 11,10 check digit. Printed contiguous or grouped 2-3-3-3
//! ("36 574 261 809"). Spec: § 139b Abgabenordnung; Bundeszentralamt für
//! Steuern, "Steuerliche Identifikationsnummer"; python-stdnum `de.idnr`.
//!
//! Eleven digits is also the length of Chinese mobile numbers and Polish
//! PESELs, and "12 345 678 901" is how French and Swiss text writes an
//! amount. About one random eleven-digit number in 500 passes the repetition
//! rule and the check digit, which is too many for prose full of numbers:
//! the number is reported only next to a word such as "Steuer-ID".
//!
//! ```
//! use draftguard::detectors::de_tax_id::validate;
//! assert!(validate("36 574 261 809").is_ok());
//! assert!(validate("36574261890").is_err());
//! ```
use super::{
    shape, Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words,
};
use crate::checksum::iso7064::mod_11_10;
use crate::finding::{Checksum, Reason};

/// The Steuer-ID detector.
pub const DETECTOR: Detector = Detector {
    kind: "de_tax_id",
    category: Category::GovernmentId,
    locales: &["de"],
    name: L10n {
        en: "German tax ID (Steuer-ID)",
        de: "Steuerliche Identifikationsnummer (Steuer-ID)",
        zh: "德国税号（Steuer-ID）",
    },
    label: L10n {
        en: "TAX ID",
        de: "STEUER-ID",
        zh: "税号",
    },
    checks: "11 digits, digit-repetition rule, ISO 7064 MOD 11,10; next to a label",
    // A number only ever reported with a context word: it runs near those
    // words only, and the guards stand in for the digit path's chain check.
    #[cfg(not(target_family = "wasm"))]
    pattern: r"(?:^|[^-./_A-Za-z0-9]|(?:^|[^A-Za-z0-9])[-./_])(?P<value>\b[1-9][0-9](?: ?[0-9]{3}){3}\b)(?:$|[^-./_A-Za-z0-9]|[-./_](?:$|[^A-Za-z0-9]))",
    prefilter: Prefilter::Keywords {
        words: &[
            "steuer",
            "idnr",
            "id-nr",
            "identifikationsnummer",
            "tax id",
            "tax-id",
            "tax identification",
            "tax number",
            "税号",
            "税务识别号",
            "纳税",
            "税务编号",
        ],
        before: 100,
        after: 180,
    },
    context: Words {
        en: words![
            "steuer-id",
            "steuerid",
            "idnr",
            "tax id",
            "tax-id",
            "tax identification number",
            "tax number",
            "german tax id",
        ],
        de: words![
            "steuer-id",
            "steuerid",
            "steuer-idnr",
            "steuer-id-nr",
            "idnr",
            "id-nr",
            "identifikationsnummer",
            "steueridentifikationsnummer",
            "steuer-identifikationsnummer",
            "steuerliche identifikationsnummer",
        ],
        zh: words![
            "税号",
            "税务识别号",
            "纳税识别号",
            "纳税人识别号",
            "税务编号",
        ],
    },
    negative_context: super::common::NOT_SENSITIVE,
    scoring: Scoring {
        alone: None,
        with_context: Confidence::High,
    },
    priority: 80,
    keep_last: 3,
    keep_leading_letters: 0,
    preview: None,
    validate,
    by_group: None,
};

/// Returns the eleven digits if `candidate` is a valid Steuer-ID.
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let digits = shape::digits(candidate, 11)?;
    let groups = shape::groups(candidate);
    if groups.len() != 1 && groups != [2, 3, 3, 3] {
        return Err(Invalid::Format);
    }
    if digits.starts_with('0') || !repetition_rule_holds(&digits.as_bytes()[..10]) {
        return Err(Invalid::Component);
    }
    if !mod_11_10::is_valid(&digits) {
        return Err(Invalid::Checksum);
    }
    Ok(Valid::new(
        digits,
        vec![Reason::Checksum(Checksum::Mod11_10)],
    ))
}

/// Exactly one digit occurs twice or three times (not three in a row), all
/// others at most once.
fn repetition_rule_holds(first_ten: &[u8]) -> bool {
    let mut count = [0u8; 10];
    for &b in first_ten {
        count[usize::from(b - b'0')] += 1;
    }
    let repeated: Vec<usize> = (0..10).filter(|&d| count[d] > 1).collect();
    match repeated[..] {
        [d] if count[d] == 2 => true,
        [d] if count[d] == 3 => !first_ten
            .windows(3)
            .any(|w| w.iter().all(|&b| usize::from(b - b'0') == d)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digit_and_repetition() {
        assert!(validate("36574261809").is_ok());
        assert!(validate("36 574 261 809").is_ok());
        assert!(validate("49729806357").is_ok());
        assert_eq!(validate("36574261890"), Err(Invalid::Checksum));
        // Passes MOD 11,10 but two digits repeat.
        assert_eq!(validate("29987968645"), Err(Invalid::Component));
        assert_eq!(validate("06574261809"), Err(Invalid::Component));
        assert_eq!(validate("365 742 618 09"), Err(Invalid::Format));
        assert_eq!(validate("3657426180"), Err(Invalid::Length));
    }

    #[test]
    fn a_digit_may_occur_three_times_but_not_in_a_row() {
        assert!(repetition_rule_holds(b"1121345678"));
        assert!(!repetition_rule_holds(b"1112345678"));
        assert!(repetition_rule_holds(b"1123456789"));
        assert!(!repetition_rule_holds(b"1123456788"));
        assert!(!repetition_rule_holds(b"0123456789"));
    }
}
