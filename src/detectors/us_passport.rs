//! US passport book or card number.
//!
//! Nine characters: nine digits (books issued before 2021), or one letter
//! and eight digits (the Next Generation Passport book; passport cards start
//! with `C`). No check digit, and nine digits are everywhere, so a number is
//! reported only next to words saying it is a US passport, with medium
//! confidence: a label ("US passport number", "US-Reisepass", "美国护照号")
//! or the country in brackets right after the value ("my passport no. is
//! 693573026 (USA)", "(US)", "(Vereinigte Staaten)", "（美国）"), which
//! beats a generic "passport no." (`scan::resolve`, rule 1).
//! Spec: U.S. Department of State, Form DS-82 instructions ("passport book
//! number"); Next Generation Passport announcement (2021).
//!
//! ```
//! use draftguard::detectors::us_passport::validate;
//! assert!(validate("A73829104").is_ok());
//! assert!(validate("A12345678").is_err()); // a placeholder sequence
//! ```
use super::{
    shape, Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words,
};
use crate::finding::{Format, Reason};

/// The US passport detector.
pub const DETECTOR: Detector = Detector {
    kind: "us_passport",
    category: Category::GovernmentId,
    locales: &["en"],
    name: L10n {
        en: "US passport number",
        de: "US-Reisepassnummer",
        zh: "美国护照号码",
    },
    label: L10n {
        en: "PASSPORT",
        de: "REISEPASS",
        zh: "护照号",
    },
    checks: "9 digits or letter + 8 digits, next to words saying it is a US passport (a US label, or \"(USA)\" / \"（美国）\" right after the value)",
    // Context-gated, so its words are the prefilter (a digit prefilter ran the
    // pattern around every date in a log). The engine's chain check does not
    // apply to keyword detectors: the pattern itself requires the value not
    // to be one link of a `-`/`.`/`/`/`_` chain or of space-separated digits.
    #[cfg(not(target_family = "wasm"))]
    pattern: concat!(
        r"(?i)(?:^|[^0-9A-Za-z._/ -]|(?:^|[^0-9A-Za-z])[._/-]|(?:^|[^0-9]) )",
        r"(?P<value>[A-Z][0-9]{8}|[0-9]{9})",
        r"(?:$|[^0-9A-Za-z._/ -]|[._/-](?:$|[^0-9A-Za-z])| (?:$|[^0-9]))",
    ),
    prefilter: Prefilter::Keywords {
        words: &[
            "passport",
            "reisepass",
            "passnummer",
            "pass-nr",
            "us-pass",
            "护照",
        ],
        before: 64,
        after: 64,
    },
    // Only words that say the passport is American: a plain "passport number"
    // is left to the generic `passport_number` (UK and US numbers look alike).
    context: Words {
        en: words![
            "us passport",
            "u.s. passport",
            "usa passport",
            "american passport",
            "passport card",
            "us passport card",
            // Whole labels: longer than the generic "passport number", so
            // the label wins over `passport_number` and `de_id_card`.
            "us passport number",
            "us passport no",
            "u.s. passport number",
            "u.s. passport no",
            "usa passport number",
            "american passport number",
            // Qualifiers: the country in brackets right after the value
            // ("my passport no. is 693573026 (USA)") wins over a generic
            // label (`resolve`, rule 1).
            "(usa)",
            "(us)",
            "(u.s.)",
            "(u.s.a.)",
            "(united states)",
        ],
        de: words![
            "us-reisepass",
            "us-reisepassnummer",
            "us-pass",
            "amerikanischer reisepass",
            "amerikanischen reisepass",
            "(vereinigte staaten)",
            "(vereinigte staaten von amerika)",
            "(amerika)",
        ],
        zh: words![
            "美国护照",
            "美国护照号",
            "美国护照号码",
            "(美国)",
            "（美国）",
        ],
    },
    negative_context: super::common::NOT_SENSITIVE,
    scoring: Scoring {
        alone: None,
        with_context: Confidence::Medium,
    },
    priority: 55, // above the generic passport_number: said to be American, it is the more specific kind
    keep_last: 3,
    keep_leading_letters: 0,
    preview: None,
    validate,
    by_group: None,
};

/// Returns the number, upper-cased, if `candidate` has a passport number's shape.
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let n = candidate.to_ascii_uppercase();
    if n.len() != 9 {
        return Err(Invalid::Length);
    }
    let digits = n.trim_start_matches(|c: char| c.is_ascii_uppercase());
    if n.len() - digits.len() > 1 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Invalid::Format);
    }
    if shape::is_stand_in_digits(digits) {
        return Err(Invalid::Component);
    }
    Ok(Valid::new(n, vec![Reason::Format(Format::PassportShape)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(validate("A73829104").is_ok());
        assert_eq!(validate("A12345678"), Err(Invalid::Component));
        assert!(validate("c03005988").is_ok());
        assert!(validate("488839667").is_ok());
        assert_eq!(validate("123456789"), Err(Invalid::Component));
        assert_eq!(validate("A00000000"), Err(Invalid::Component));
        assert_eq!(validate("AB1234567"), Err(Invalid::Format));
        assert_eq!(validate("A1234567"), Err(Invalid::Length));
    }
}
