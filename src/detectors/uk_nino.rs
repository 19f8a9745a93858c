//! UK National Insurance number (NINO).
//!
//! Two prefix letters, six digits and a suffix letter A–D, printed
//! "AB 12 34 56 C", contiguous, or with the space after the prefix or
//! before the suffix left out, the digits in pairs or one block ("AB123456
//! C", "AB 123456 C"); in lower case ("ab 12 34 56 c") only next
//! to a word such as "NI number". Neither prefix letter is D, F, I, Q, U or V,
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
    checks: "Valid prefix letters, 6 digits and suffix A–D; lower case only next to a label",
    #[cfg(not(target_family = "wasm"))]
    // A space may stand after the prefix and before the suffix, or not; the
    // digits are in pairs or one block ("AB 12 34 56 C", "AB123456 C", "ab 123456 c").
    pattern: r"\b[A-Za-z]{2} ?(?:[0-9]{2} [0-9]{2} [0-9]{2}|[0-9]{6}) ?[A-Da-d]\b",
    prefilter: Prefilter::Digits(6),
    context: Words {
        en: words![
            "national insurance",
            "national insurance number",
            "ni number",
            "ni no",
            "ni",
            "nino",
            "nin",
            "hmrc",
        ],
        de: words![
            "national insurance",
            "sozialversicherungsnummer",
            "versicherungsnummer",
        ],
        zh: words!["国民保险", "国民保险号", "英国社保号", "社保号"],
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

/// Returns the nine compact characters if `candidate` is a valid NINO:
/// spaces only after the prefix, before the suffix and between all three
/// digit pairs or none ("JG 1037 59 A" is not a NINO's print); letters
/// all upper case, or all lower case (then weak: reported only next to a
/// word such as "NI number").
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    if candidate.contains('-') {
        return Err(Invalid::Format);
    }
    let v = shape::compact(candidate)?;
    let b = v.as_bytes();
    if b.len() != 9 {
        return Err(Invalid::Length);
    }
    // Where the spaces fall, counted in compact characters before each: after
    // the prefix and before the suffix, or not; between all digit pairs or none.
    let mut at = Vec::new();
    let mut seen = 0;
    for c in candidate.bytes() {
        if c == b' ' {
            at.push(seen);
        } else {
            seen += 1;
        }
    }
    let pairs = at.iter().filter(|&&i| i == 4 || i == 6).count();
    if at.iter().any(|&i| !matches!(i, 2 | 4 | 6 | 8)) || pairs == 1 {
        return Err(Invalid::Format);
    }
    let letters = [
        candidate.as_bytes()[0],
        candidate.as_bytes()[1],
        *candidate.as_bytes().last().unwrap_or(&0),
    ];
    let lower = letters.iter().all(u8::is_ascii_lowercase);
    if !lower && !letters.iter().all(u8::is_ascii_uppercase) {
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
    Ok(Valid {
        weak: lower,
        evidence: super::Evidence::Plain,
        ..Valid::new(v, vec![Reason::Format(Format::NinoStructure)])
    })
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
        assert_eq!(validate("JG 1 234 56 A"), Err(Invalid::Format));
        assert_eq!(validate("JG1234567A"), Err(Invalid::Length));
        assert_eq!(validate("JG-12-34-56-A"), Err(Invalid::Format));
    }

    #[test]
    fn any_spacing_and_lower_case() {
        for s in [
            "JG103759 A",
            "JG 103759 A",
            "JG 103759A",
            "JG 10 37 59A",
            "JG10 37 59 A",
        ] {
            let v = validate(s).unwrap_or_else(|e| panic!("{s}: {e}"));
            assert!(!v.weak, "{s}");
        }
        for s in ["jg 10 37 59 a", "jg103759a", "jg 103759 a"] {
            let v = validate(s).unwrap_or_else(|e| panic!("{s}: {e}"));
            assert!(v.weak, "{s}");
            assert_eq!(v.compact, "JG103759A");
        }
        assert_eq!(validate("Jg 10 37 59 a"), Err(Invalid::Format));
        assert_eq!(validate("JG 10 37 59 a"), Err(Invalid::Format));
        assert_eq!(validate("qq 12 34 56 c"), Err(Invalid::Component));
    }
}
