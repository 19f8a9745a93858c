//! UK NHS number (England, Wales, Isle of Man).
//!
//! Ten digits, printed 3-3-4 ("943 476 5919") or contiguous. The last is a
//! mod 11 check digit: weights 10 … 2 over the first nine, check = 11 − (sum
//! mod 11), 11 becoming 0; a payload whose check would be 10 is never issued.
//! Ten digits grouped 3-3-4 is exactly how North American phone numbers are
//! written ("415 555 0132"), and one in eleven passes the check, so the
//! number is reported only next to a word such as "NHS number". (UK phone
//! numbers have eleven digits and are grouped 3-4-4 or 5-6: "020 7946 0018"
//! never matches the shape.)
//! Spec: NHS Data Dictionary, "NHS Number"; ISB 0149.
//!
//! ```
//! use draftguard::detectors::uk_nhs::validate;
//! assert!(validate("943 476 5919").is_ok());
//! assert!(validate("943 476 5918").is_err());
//! ```
use super::{
    shape, Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words,
};
use crate::checksum::weighted;
use crate::finding::{Checksum, Reason};

/// The NHS number detector.
pub const DETECTOR: Detector = Detector {
    kind: "uk_nhs",
    category: Category::GovernmentId,
    locales: &["en"],
    name: L10n {
        en: "NHS number",
        de: "NHS-Nummer (britische Patientennummer)",
        zh: "英国 NHS 号码",
    },
    label: L10n {
        en: "NHS NUMBER",
        de: "NHS-NUMMER",
        zh: "NHS号码",
    },
    checks: "10 digits and the mod-11 check digit; next to a label",
    // A number only ever reported with a context word: it runs near those
    // words only, and the guards stand in for the digit path's chain check.
    #[cfg(not(target_family = "wasm"))]
    pattern: r"(?:^|[^-./_A-Za-z0-9]|(?:^|[^A-Za-z0-9])[-./_])(?P<value>\b[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{4}\b)(?:$|[^-./_A-Za-z0-9]|[-./_](?:$|[^A-Za-z0-9]))",
    prefilter: Prefilter::Keywords {
        words: &[
            "nhs",
            "patient number",
            "health service number",
            "patientennummer",
            "英国医保号",
            "国民医疗服务号",
        ],
        before: 100,
        after: 180,
    },
    context: Words {
        en: words![
            "nhs",
            "nhs number",
            "nhs no",
            "nhs no.",
            "nhs#",
            "patient number",
            "health service number",
        ],
        de: words![
            "nhs",
            "nhs-nummer",
            "britische patientennummer",
            "patientennummer",
        ],
        zh: words!["nhs号码", "nhs号", "英国医保号", "国民医疗服务号"],
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

/// Returns the ten digits if `candidate` is a valid NHS number.
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let digits = shape::digits(candidate, 10)?;
    let groups = shape::groups(candidate);
    if groups.len() != 1 && groups != [3, 3, 4] {
        return Err(Invalid::Format);
    }
    if shape::all_same(&digits) {
        return Err(Invalid::Component);
    }
    if !weighted::uk_nhs(&digits) {
        return Err(Invalid::Checksum);
    }
    Ok(Valid::new(
        digits,
        vec![Reason::Checksum(Checksum::NhsMod11)],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mod_11() {
        assert!(validate("943 476 5919").is_ok());
        assert!(validate("943-476-5919").is_ok());
        assert!(validate("9434765919").is_ok());
        assert!(validate("750 528 5092").is_ok());
        assert_eq!(validate("943 476 5918"), Err(Invalid::Checksum));
        assert_eq!(validate("943 4765 919"), Err(Invalid::Format));
        assert_eq!(validate("943 476-5919"), Err(Invalid::Format));
        assert_eq!(validate("0000000000"), Err(Invalid::Component));
    }
}
