//! US Social Security Number (SSN).
//!
//! Nine digits `AAA-GG-SSSS`: area 001–899 except 666, group 01–99, serial
//! 0001–9999. Areas 900–999 are ITINs (see `us_itin`). Numbers the SSA has
//! published as advertising or sample numbers (078-05-1120, 219-09-9999,
//! 123-45-6789) and numbers of one repeated digit are rejected. There is no
//! check digit, so only the dashed form is reported on its own; spaced,
//! dotted (`536.22.8726`) or unformatted nine digits need a context word such
//! as "SSN".
//! Spec: SSA, "Social Security Number Randomization" (2011) and POMS RM 10201.
//!
//! ```
//! use draftguard::detectors::us_ssn::validate;
//! assert!(validate("536-22-8726").is_ok());
//! assert!(validate("666-22-8726").is_err());
//! ```
use super::{
    shape, Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words,
};
use crate::finding::{Format, Reason};

/// The SSN detector.
pub const DETECTOR: Detector = Detector {
    kind: "us_ssn",
    category: Category::GovernmentId,
    locales: &["en"],
    name: L10n {
        en: "US Social Security number",
        de: "US-Sozialversicherungsnummer (SSN)",
        zh: "美国社会安全号码",
    },
    label: L10n {
        en: "SSN",
        de: "SSN",
        zh: "社会安全号码",
    },
    checks: "Area, group and serial rules; published sample numbers rejected; spaced, dotted or unformatted only next to a label",
    #[cfg(not(target_family = "wasm"))]
    pattern: r"\b(?:[0-9]{3}[ -][0-9]{2}[ -][0-9]{4}|[0-9]{3}\.[0-9]{2}\.[0-9]{4}|[0-9]{9})\b",
    // The dotted form's largest cluster is its four-digit serial.
    prefilter: Prefilter::Digits(4),
    context: Words {
        en: words![
            "ssn",
            "ss#",
            "ssn#",
            "social security",
            "social security number",
            "social sec",
            "social",
            "taxpayer",
            "tax id",
        ],
        de: words![
            "sozialversicherungsnummer",
            "sozialversicherung",
            "svnr",
            "sv-nummer",
            "us-steuernummer",
        ],
        zh: words!["社会安全号", "社会安全号码", "社保号", "社会保障号"],
    },
    negative_context: super::common::NOT_SENSITIVE,
    scoring: Scoring {
        alone: Some(Confidence::Medium),
        with_context: Confidence::High,
    },
    priority: 80,
    keep_last: 4,
    keep_leading_letters: 0,
    preview: None,
    validate,
    by_group: None,
};

/// Published advertising and sample SSNs, never issued to a person.
const SAMPLES: &[&str] = &["078051120", "219099999", "123456789"];

/// Returns the nine digits if `candidate` is a structurally valid SSN.
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let (digits, dashed) = match dotted(candidate) {
        Some(digits) => (digits, false),
        None => nine_digits(candidate)?,
    };
    let (area, group, serial) = (&digits[..3], &digits[3..5], &digits[5..]);
    if area == "000" || area == "666" || area.starts_with('9') {
        return Err(Invalid::Component);
    }
    if group == "00" || serial == "0000" {
        return Err(Invalid::Component);
    }
    if SAMPLES.contains(&digits.as_str()) || shape::all_same(&digits) {
        return Err(Invalid::Component);
    }
    Ok(Valid {
        compact: digits,
        reasons: vec![Reason::Format(Format::SsnStructure)],
        weak: !dashed,
        evidence: super::Evidence::Plain,
    })
}

/// The nine digits of `AAA.GG.SSSS`, the dotted spelling.
fn dotted(candidate: &str) -> Option<String> {
    let groups: Vec<&str> = candidate.split('.').collect();
    let lengths: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    (lengths == [3, 2, 4] && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit())))
        .then(|| groups.concat())
}

/// The digits of a 3-2-4 grouped or unformatted nine-digit number, and whether
/// it was grouped with dashes (the customary, self-identifying form).
pub(crate) fn nine_digits(candidate: &str) -> Result<(String, bool), Invalid> {
    let digits = shape::digits(candidate, 9)?;
    let groups = shape::groups(candidate);
    if groups.len() != 1 && groups != [3, 2, 4] {
        return Err(Invalid::Format);
    }
    Ok((digits, groups.len() == 3 && candidate.contains('-')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structural_rules() {
        assert!(validate("536-22-8726").is_ok());
        assert!(validate("001-01-0001").is_ok());
        assert_eq!(validate("000-22-8726"), Err(Invalid::Component));
        assert_eq!(validate("666-22-8726"), Err(Invalid::Component));
        assert_eq!(validate("936-72-8726"), Err(Invalid::Component));
        assert_eq!(validate("536-00-8726"), Err(Invalid::Component));
        assert_eq!(validate("536-22-0000"), Err(Invalid::Component));
        assert_eq!(validate("078-05-1120"), Err(Invalid::Component));
        assert_eq!(validate("123-45-6789"), Err(Invalid::Component));
        assert_eq!(validate("555-55-5555"), Err(Invalid::Component));
        assert_eq!(validate("5362-2-8726"), Err(Invalid::Format));
    }

    #[test]
    fn only_the_dashed_form_stands_alone() {
        assert!(!validate("536-22-8726").unwrap().weak);
        assert!(validate("536 22 8726").unwrap().weak);
        assert!(validate("536228726").unwrap().weak);
        assert!(validate("536.22.8726").unwrap().weak);
        assert_eq!(validate("666.22.8726"), Err(Invalid::Component));
        assert_eq!(validate("536.22-8726"), Err(Invalid::Format));
        assert_eq!(validate("5362.2.8726"), Err(Invalid::Format));
    }
}
