//! Indian Aadhaar number (आधार), issued by UIDAI.
//!
//! 12 digits, printed on the card in three groups of four ("2341 2341 2346");
//! the first digit is 2–9 and the last is a Verhoeff check digit. Written
//! 4-4-4 with spaces or dashes, or contiguous. Twelve-digit numbers are common
//! (AWS account IDs are written 4-4-4 with dashes; a card number that fails
//! Luhn or a 22-digit parcel number holds 4-4-4 runs, one in ten of which
//! passes Verhoeff), so every form needs a word such as "Aadhaar" nearby
//! (German "Aadhaar-Nummer"; Chinese 阿达尔 or 阿达哈尔, the transliterations
//! of "Aadhaar", or 印度身份证).
//! Spec: UIDAI, "Aadhaar Numbering Scheme" (2010); Verhoeff (1969).
//!
//! ```
//! use draftguard::detectors::in_aadhaar::validate;
//! assert!(validate("2341 2341 2346").is_ok());
//! assert!(validate("2341 2341 2347").is_err());
//! ```
use super::{
    shape, Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words,
};
use crate::checksum::verhoeff;
use crate::finding::{Checksum, Reason};

/// The Aadhaar detector.
pub const DETECTOR: Detector = Detector {
    kind: "in_aadhaar",
    category: Category::GovernmentId,
    locales: &["en", "hi"],
    name: L10n {
        en: "Indian Aadhaar number",
        de: "Indische Aadhaar-Nummer",
        zh: "印度 Aadhaar 身份号码",
    },
    label: L10n {
        en: "AADHAAR",
        de: "AADHAAR",
        zh: "AADHAAR 号码",
    },
    checks: "12 digits, first 2–9, Verhoeff check digit; next to a label",
    // Context-gated, so its words are the prefilter (a digit prefilter ran the
    // pattern around every date in a log). The engine's chain check does not
    // apply to keyword detectors: the pattern itself requires the value not
    // to be one link of a `-`/`.`/`/`/`_` chain or of space-separated digits.
    #[cfg(not(target_family = "wasm"))]
    pattern: concat!(
        r"(?:^|[^0-9A-Za-z._/ -]|(?:^|[^0-9A-Za-z])[._/-]|(?:^|[^0-9]) )",
        r"(?P<value>[2-9][0-9]{3} [0-9]{4} [0-9]{4}|[2-9][0-9]{3}-[0-9]{4}-[0-9]{4}|[2-9][0-9]{11})",
        r"(?:$|[^0-9A-Za-z._/ -]|[._/-](?:$|[^0-9A-Za-z])| (?:$|[^0-9]))",
    ),
    prefilter: Prefilter::Keywords {
        words: &[
            "aadhaar",
            "aadhar",
            "uidai",
            "आधार",
            "indische id",
            "印度身份",
            "阿达尔",
            "阿达哈尔",
        ],
        before: 64,
        after: 64,
    },
    context: Words {
        en: words![
            "aadhaar",
            "aadhar",
            "aadhaar number",
            "aadhaar no",
            "aadhaar card",
            "uidai",
            "uid number",
            "आधार",
        ],
        de: words![
            "aadhaar",
            "aadhaar-nummer",
            "aadhaar-karte",
            "indische id",
            "indische identifikationsnummer",
        ],
        // 阿达尔 and 阿达哈尔: how Chinese text transliterates "Aadhaar".
        zh: words![
            "aadhaar",
            "阿达尔",
            "阿达哈尔",
            "印度身份证",
            "印度身份号码",
        ],
    },
    negative_context: super::common::NOT_SENSITIVE,
    scoring: Scoring {
        alone: None,
        with_context: Confidence::High,
    },
    priority: 70,
    keep_last: 4,
    keep_leading_letters: 0,
    preview: None,
    validate,
    by_group: None,
};

/// Returns the 12 digits if `candidate` is a valid Aadhaar number.
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let n = shape::digits(candidate, 12)?;
    let groups = shape::groups(candidate);
    if groups != [12] && groups != [4, 4, 4] {
        return Err(Invalid::Format);
    }
    if matches!(n.as_bytes()[0], b'0' | b'1') || shape::all_same(&n[..11]) {
        return Err(Invalid::Component);
    }
    if !verhoeff::is_valid(&n) {
        return Err(Invalid::Checksum);
    }
    Ok(Valid::new(n, vec![Reason::Checksum(Checksum::Verhoeff)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        assert!(validate("2341 2341 2346").is_ok());
        assert!(validate("234123412346").is_ok());
        assert!(validate("2341-2341-2346").is_ok());
        assert_eq!(validate("2341 2341 2347"), Err(Invalid::Checksum));
        assert_eq!(validate("1341 2341 2341"), Err(Invalid::Component));
        assert_eq!(validate("234 12341 2346"), Err(Invalid::Format));
        assert_eq!(validate("2341 2341 234"), Err(Invalid::Length));
    }
}
