//! Indian Permanent Account Number (PAN), issued by the Income Tax Department.
//!
//! Ten characters `AAAPL1234C`: three letters (a series), a fourth letter for
//! the holder type (P person, C company, H Hindu undivided family, F firm,
//! A association of persons, T trust, B body of individuals, L local
//! authority, J artificial juridical person, G government), a fifth letter
//! (the initial of the surname or name), four digits 0001–9999 and a final
//! letter. There is no published check character, so a PAN is reported only
//! next to a word such as "PAN" or "income tax" (high confidence). The words
//! are also the prefilter: a prefilter on the four digits ran the pattern
//! around every year and port number and cost 15% of ordinary-text throughput.
//! Spec: Income Tax Department, "Permanent Account Number (PAN)"; CBDT
//! notification on the PAN structure (Rule 114, Income-tax Rules 1962).
//!
//! ```
//! use draftguard::detectors::in_pan::validate;
//! assert!(validate("ABCPE1234F").is_ok());
//! assert!(validate("ABCXE1234F").is_err()); // X is no holder type
//! ```
use super::{Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words};
use crate::finding::{Format, Reason};

/// The PAN detector.
pub const DETECTOR: Detector = Detector {
    kind: "in_pan",
    category: Category::GovernmentId,
    locales: &["en", "hi"],
    name: L10n {
        en: "Indian PAN (tax ID)",
        de: "Indische Steuernummer (PAN)",
        zh: "印度永久账号 (PAN 税号)",
    },
    label: L10n {
        en: "PAN",
        de: "PAN",
        zh: "PAN 税号",
    },
    checks: "AAAPA9999A shape with a valid holder-type letter; next to a label",
    #[cfg(not(target_family = "wasm"))]
    pattern: r"(?i)\b[A-Z]{3}[PCHFATBLJG][A-Z][0-9]{4}[A-Z]\b",
    prefilter: Prefilter::Keywords {
        words: &[
            "pan",
            "permanent account",
            "income tax",
            "itr",
            "indische steuernummer",
            "印度税号",
            "永久账号",
        ],
        before: 64,
        after: 64,
    },
    context: Words {
        en: words![
            "pan",
            "pan card",
            "pan no",
            "pan number",
            "permanent account number",
            "income tax",
            "itr",
            "पैन",
        ],
        de: words!["pan", "pan-nummer", "indische steuernummer"],
        zh: words!["pan", "印度税号", "永久账号"],
    },
    negative_context: super::common::NOT_SENSITIVE,
    scoring: Scoring {
        alone: None,
        with_context: Confidence::High,
    },
    priority: 60,
    keep_last: 1,
    keep_leading_letters: 0,
    preview: None,
    validate,
    by_group: None,
};

/// Holder types (fourth character).
const HOLDER_TYPES: &[u8] = b"PCHFATBLJG";

/// Returns the PAN, upper-cased, if `candidate` follows every PAN rule.
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let pan = candidate.to_ascii_uppercase();
    let b = pan.as_bytes();
    if b.len() != 10 {
        return Err(Invalid::Length);
    }
    let upper = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_uppercase);
    if !upper(0..5) || !b[5..9].iter().all(u8::is_ascii_digit) || !upper(9..10) {
        return Err(Invalid::Format);
    }
    if !HOLDER_TYPES.contains(&b[3]) || &b[5..9] == b"0000" {
        return Err(Invalid::Component);
    }
    Ok(Valid::new(pan, vec![Reason::Format(Format::PanStructure)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structure() {
        assert!(validate("ABCPE1234F").is_ok());
        assert!(validate("AAACB1234Z").is_ok());
        assert_eq!(validate("ABCXE1234F"), Err(Invalid::Component));
        assert_eq!(validate("ABCPE0000F"), Err(Invalid::Component));
        assert_eq!(validate("abcpe1234f").unwrap().compact, "ABCPE1234F");
        assert_eq!(validate("ABC1E1234F"), Err(Invalid::Format));
        assert_eq!(validate("ABCPE12345"), Err(Invalid::Format));
        assert_eq!(validate("ABCPE123F"), Err(Invalid::Length));
    }
}
