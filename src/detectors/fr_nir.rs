//! French social security number (NIR, "numéro de sécurité sociale", INSEE number).
//!
//! Fifteen characters: sex (1 or 2), year of birth (2 digits), month (01–12,
//! or 20, 30–42, 50–99 where unknown), department (01–99 or 2A/2B for
//! Corsica; overseas departments use three digits and the commune two),
//! commune (3 digits), order number (3 digits, not 000) and a two-digit key
//! = 97 − (first thirteen digits mod 97), with 2A read as 19 and 2B as 18.
//! Printed grouped "1 84 12 76 451 089 46" or contiguous.
//!
//! The grouped form is unlike any other number and its key fails 96 times in
//! 97: medium on its own, high with context. Fifteen bare digits are also
//! IMEIs and long references, so the contiguous form needs a context word
//! such as "sécurité sociale" (and is then medium).
//! Spec: INSEE, "Numéro d'inscription au répertoire (NIR)"; décret n° 82-103.
//!
//! ```
//! use draftguard::detectors::fr_nir::validate;
//! assert!(validate("1 84 12 76 451 089 46").is_ok());
//! assert!(validate("1 84 12 76 451 089 47").is_err());
//! ```
use super::{
    shape, Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words,
};
use crate::finding::{Checksum, Reason};

/// The NIR detector.
pub const DETECTOR: Detector = Detector {
    kind: "fr_nir",
    category: Category::GovernmentId,
    locales: &["fr"],
    name: L10n {
        en: "French social security number (NIR)",
        de: "Französische Sozialversicherungsnummer (NIR)",
        zh: "法国社会保障号（NIR）",
    },
    label: L10n {
        en: "SOCIAL SECURITY NO.",
        de: "SOZIALVERSICHERUNGSNR.",
        zh: "社会保障号",
    },
    checks: "Sex, year, month, department and the mod-97 key",
    #[cfg(not(target_family = "wasm"))]
    pattern: r"\b[12] ?[0-9]{2} ?[0-9]{2} ?(?:[0-9]{2}|2[ABab]) ?[0-9]{3} ?[0-9]{3} ?[0-9]{2}\b",
    prefilter: Prefilter::Digits(8),
    context: Words {
        en: words![
            "nir",
            "insee",
            "social security",
            "social security number",
            "sécurité sociale",
            "securite sociale",
            "numéro de sécurité sociale",
            "carte vitale",
            "french social security",
        ],
        de: words![
            "nir",
            "sozialversicherungsnummer",
            "sozialversicherung",
            "carte vitale",
            "sécurité sociale",
        ],
        zh: words!["法国社保号", "社会保障号", "社保号", "社会安全号"],
    },
    negative_context: super::common::NOT_SENSITIVE,
    scoring: Scoring {
        alone: Some(Confidence::Medium),
        with_context: Confidence::High,
    },
    priority: 80,
    keep_last: 2,
    keep_leading_letters: 0,
    preview: None,
    validate,
    by_group: None,
};

/// Returns the fifteen compact characters if `candidate` is a valid NIR.
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let v = shape::compact(candidate)?;
    if v.len() != 15 {
        return Err(Invalid::Length);
    }
    let groups = shape::groups(candidate);
    let grouped = groups == [1, 2, 2, 2, 3, 3, 2];
    if groups.len() != 1 && !grouped || candidate.contains('-') {
        return Err(Invalid::Format);
    }
    // Corsica: the department 2A / 2B counts as 19 / 18 for the key.
    let numeric = match &v[5..7] {
        "2A" => format!("{}19{}", &v[..5], &v[7..]),
        "2B" => format!("{}18{}", &v[..5], &v[7..]),
        _ => v.clone(),
    };
    if !numeric.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Invalid::Format);
    }
    let num = |r: std::ops::Range<usize>| numeric[r].parse::<u64>().unwrap_or(0);
    let month = num(3..5);
    if !matches!(month, 1..=12 | 20 | 30..=42 | 50..=99) {
        return Err(Invalid::Component);
    }
    if num(5..7) == 0 || num(7..10) == 0 || num(10..13) == 0 {
        return Err(Invalid::Component);
    }
    if 97 - num(0..13) % 97 != num(13..15) {
        return Err(Invalid::Checksum);
    }
    Ok(Valid {
        compact: v,
        reasons: vec![Reason::Checksum(Checksum::Mod97Key)],
        weak: !grouped,
        evidence: super::Evidence::Plain,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_and_components() {
        assert!(!validate("1 84 12 76 451 089 46").unwrap().weak);
        assert!(validate("184127645108946").unwrap().weak);
        assert!(validate("2 87 05 75 112 034 95").is_ok());
        assert!(validate("1 86 02 2B 033 017 95").is_ok());
        assert_eq!(validate("1 84 12 76 451 089 47"), Err(Invalid::Checksum));
        assert_eq!(validate("1 84 13 76 451 089 46"), Err(Invalid::Component));
        assert_eq!(validate("1 84 12 76 451 000 46"), Err(Invalid::Component));
        assert_eq!(validate("18 41 27 64 51 08 946"), Err(Invalid::Format));
        assert_eq!(validate("1 84 12 2C 451 089 46"), Err(Invalid::Format));
    }
}
