//! UK National Insurance number (NINO).
//!
//! Two prefix letters, six digits and a suffix letter A–D, printed
//! "AB 12 34 56 C" or contiguous. Neither prefix letter is D, F, I, Q, U or V,
//! the second is not O, and the prefixes BG, GB, KN, NK, NT, TN and ZZ are
//! never allocated (so the HMRC example "QQ 12 34 56 C" is not reported). There
//! is no check digit, but letters in fixed places make the shape distinctive:
//! medium on its own, high next to "National Insurance".
//! Spec: HMRC National Insurance Manual NIM39110.
//!
//! ```
//! use draftguard::detectors::uk_nino::validate;
//! assert!(validate("JG 10 37 59 A").is_ok());
//! assert!(validate("QQ 12 34 56 C").is_err());
//! ```
use super::{
    shape, Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words,
};
use crate::finding::{Format, Reason};

/// The National Insurance number detector.
pub const DETECTOR: Detector = Detector {
    kind: "uk_nino",
    category: Category::GovernmentId,
    locales: &["en"],
    name: L10n {
        en: "UK National Insurance number",
        de: "Britische Sozialversicherungsnummer (National Insurance)",
        zh: "英国国民保险号",
    },
    label: L10n {
        en: "NI NUMBER",
        de: "NI-NUMMER",
        zh: "国民保险号",
    },
    checks: "Valid prefix letters, 6 digits and suffix A–D",
    #[cfg(not(target_family = "wasm"))]
    pattern: r"\b[A-Z]{2}(?: [0-9]{2} [0-9]{2} [0-9]{2} |[0-9]{6})[A-D]\b",
    prefilter: Prefilter::Digits(6),
    context: Words {
        en: &[
            "national insurance",
            "national insurance number",
            "ni number",
            "ni no",
            "ni",
            "nino",
            "nin",
            "hmrc",
        ],
        de: &[
            "national insurance",
            "sozialversicherungsnummer",
            "versicherungsnummer",
        ],
        zh: &["国民保险", "国民保险号", "英国社保号", "社保号"],
    },
    negative_context: super::common::NOT_SENSITIVE,
    scoring: Scoring {
        alone: Some(Confidence::Medium),
        with_context: Confidence::High,
    },
    priority: 80,
    keep_last: 1,
    keep_leading_letters: 0,
    preview: None,
    validate,
    by_group: None,
};

/// Letters never used in either prefix position.
const NEVER: &[u8] = b"DFIQUV";
/// Prefixes that are never allocated.
const UNUSED_PREFIXES: &[&str] = &["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"];

/// Returns the nine compact characters if `candidate` is a valid NINO.
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let v = shape::compact(candidate)?;
    let b = v.as_bytes();
    if b.len() != 9 {
        return Err(Invalid::Length);
    }
    let groups = shape::groups(candidate);
    if groups.len() != 1 && groups != [2, 2, 2, 2, 1] || candidate.contains('-') {
        return Err(Invalid::Format);
    }
    if !b[..2].iter().all(u8::is_ascii_uppercase)
        || !b[2..8].iter().all(u8::is_ascii_digit)
        || !(b'A'..=b'D').contains(&b[8])
    {
        return Err(Invalid::Format);
    }
    if NEVER.contains(&b[0]) || NEVER.contains(&b[1]) || b[1] == b'O' {
        return Err(Invalid::Component);
    }
    if UNUSED_PREFIXES.contains(&&v[..2]) {
        return Err(Invalid::Component);
    }
    Ok(Valid::new(v, vec![Reason::Format(Format::NinoStructure)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_rules() {
        assert!(validate("JG103759A").is_ok());
        assert!(validate("JG 10 37 59 A").is_ok());
        assert!(validate("SN456712D").is_ok());
        assert_eq!(validate("QQ123456C"), Err(Invalid::Component));
        assert_eq!(validate("DA123456C"), Err(Invalid::Component));
        assert_eq!(validate("AO123456C"), Err(Invalid::Component));
        assert_eq!(
            validate("OA123456C"),
            Ok(Valid::new(
                "OA123456C".into(),
                vec![Reason::Format(Format::NinoStructure)]
            ))
        );
        assert_eq!(validate("GB123456A"), Err(Invalid::Component));
        assert_eq!(validate("TN123456A"), Err(Invalid::Component));
        assert_eq!(validate("JG123456E"), Err(Invalid::Format));
        assert_eq!(validate("JG 1234 56 A"), Err(Invalid::Format));
        assert_eq!(validate("JG1234567A"), Err(Invalid::Length));
    }
}
