//! Canadian Social Insurance Number (SIN; French: numéro d'assurance sociale, NAS).
//!
//! Nine digits printed 3-3-3 ("046 454 286"), the last a Luhn check digit.
//! The first digit is the region or kind of holder: 1–7 by province, 9 for
//! temporary residents; 0 is never issued (used for fictitious numbers) and 8
//! is for business numbers. Nine digits with a Luhn digit are common (one in
//! ten random numbers pass), so a SIN is reported only next to a word such as
//! "SIN" or "social insurance".
//! Spec: Employment and Social Development Canada, "Social Insurance Number —
//! Code of Practice"; Luhn, ISO/IEC 7812-1 Annex B.
//!
//! ```
//! use draftguard::detectors::ca_sin::validate;
//! assert!(validate("046 454 286").is_err()); // first digit 0: the specimen number
//! assert!(validate("130 456 783").is_ok());
//! assert!(validate("130 456 784").is_err());
//! ```
use super::{
    shape, Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words,
};
use crate::checksum::luhn;
use crate::finding::{Checksum, Reason};

/// The SIN detector.
pub const DETECTOR: Detector = Detector {
    kind: "ca_sin",
    category: Category::GovernmentId,
    locales: &["en", "fr"],
    name: L10n {
        en: "Canadian Social Insurance Number",
        de: "Kanadische Sozialversicherungsnummer (SIN)",
        zh: "加拿大社会保险号",
    },
    label: L10n {
        en: "SIN",
        de: "SIN",
        zh: "社会保险号",
    },
    checks: "9 digits, Luhn, first digit not 0 or 8; next to a SIN label",
    // Context-gated, so its words are the prefilter (a digit prefilter ran the
    // pattern around every date in a log). The engine's chain check does not
    // apply to keyword detectors: the pattern itself requires the value not
    // to be one link of a `-`/`.`/`/`/`_` chain or of space-separated digits.
    #[cfg(not(target_family = "wasm"))]
    pattern: concat!(
        r"(?:^|[^0-9A-Za-z._/ -]|(?:^|[^0-9A-Za-z])[._/-]|(?:^|[^0-9]) )",
        r"(?P<value>[0-9]{3} [0-9]{3} [0-9]{3}|[0-9]{3}-[0-9]{3}-[0-9]{3}|[0-9]{9})",
        r"(?:$|[^0-9A-Za-z._/ -]|[._/-](?:$|[^0-9A-Za-z])| (?:$|[^0-9]))",
    ),
    prefilter: Prefilter::Keywords {
        words: &[
            "sin",
            "social insurance",
            "assurance sociale",
            "nas",
            "sozialversicherungsnummer",
            "社会保险号",
            "社保号",
        ],
        before: 64,
        after: 64,
    },
    context: Words {
        en: words![
            "sin",
            "sin number",
            "sin no",
            "sin #",
            "sin#",
            "social insurance",
            "social insurance number",
            "nas",
            "numéro d'assurance sociale",
            "assurance sociale",
        ],
        de: words![
            "kanadische sozialversicherungsnummer",
            "sozialversicherungsnummer",
            "sin-nummer",
        ],
        zh: words!["社会保险号", "社会保险号码", "加拿大社保号", "sin号"],
    },
    negative_context: super::common::NOT_SENSITIVE,
    scoring: Scoring {
        alone: None,
        with_context: Confidence::High,
    },
    priority: 75,
    keep_last: 3,
    keep_leading_letters: 0,
    preview: None,
    validate,
    by_group: None,
};

/// Returns the nine digits if `candidate` is a valid SIN.
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let n = shape::digits(candidate, 9)?;
    let groups = shape::groups(candidate);
    if groups != [9] && groups != [3, 3, 3] {
        return Err(Invalid::Format);
    }
    if matches!(n.as_bytes()[0], b'0' | b'8') || shape::all_same(&n) {
        return Err(Invalid::Component);
    }
    if !luhn::is_valid(&n) {
        return Err(Invalid::Checksum);
    }
    Ok(Valid::new(n, vec![Reason::Checksum(Checksum::Luhn)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        for ok in ["130 456 783", "271-828-188", "923456784", "712 345 677"] {
            assert!(validate(ok).is_ok(), "{ok}");
        }
        assert_eq!(validate("130 456 784"), Err(Invalid::Checksum));
        // 0 (fictitious, the specimen 046 454 286) and 8 (business) are not SINs.
        assert_eq!(validate("046 454 286"), Err(Invalid::Component));
        assert_eq!(validate("800 123 457"), Err(Invalid::Component));
        assert_eq!(validate("999 999 999"), Err(Invalid::Component));
        assert_eq!(validate("1304 56 783"), Err(Invalid::Format));
    }
}
