//! US Individual Taxpayer Identification Number (ITIN).
//!
//! Nine digits `9XX-GG-SSSS` issued by the IRS to people who cannot get an
//! SSN: area 900–999 and group 50–65, 70–88, 90–92 or 94–99. No check digit;
//! the dashed form is reported on its own, other forms need context.
//! Spec: IRS, "Individual Taxpayer Identification Number" (ITIN group ranges, 2011 expansion).
//!
//! ```
//! use draftguard::detectors::us_itin::validate;
//! assert!(validate("912-70-1234").is_ok());
//! assert!(validate("912-69-1234").is_err());
//! ```
use super::{shape, us_ssn, Category, Detector, Invalid, L10n, Prefilter, Valid, Words};
use crate::finding::{Format, Reason};

/// The ITIN detector.
pub const DETECTOR: Detector = Detector {
    kind: "us_itin",
    category: Category::GovernmentId,
    locales: &["en"],
    name: L10n {
        en: "US taxpayer ID (ITIN)",
        de: "US-Steuernummer (ITIN)",
        zh: "美国个人报税识别号",
    },
    label: L10n {
        en: "ITIN",
        de: "ITIN",
        zh: "报税识别号",
    },
    checks: "9XX-GG-SSSS with the IRS group ranges",
    #[cfg(not(target_family = "wasm"))]
    pattern: us_ssn::DETECTOR.pattern,
    prefilter: Prefilter::Digits(9),
    context: Words {
        en: words![
            "itin",
            "taxpayer",
            "tax id",
            "taxpayer identification",
            "irs",
            "tin",
        ],
        de: words![
            "steuernummer",
            "steueridentifikationsnummer",
            "us-steuernummer",
        ],
        zh: words!["报税", "纳税人识别号", "税号"],
    },
    negative_context: super::common::NOT_SENSITIVE,
    scoring: us_ssn::DETECTOR.scoring,
    priority: 80,
    keep_last: 4,
    keep_leading_letters: 0,
    preview: None,
    validate,
    by_group: None,
};

/// Returns the nine digits if `candidate` is a structurally valid ITIN.
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let (digits, dashed) = us_ssn::nine_digits(candidate)?;
    if !digits.starts_with('9') {
        return Err(Invalid::Component);
    }
    let group: u32 = digits[3..5].parse().map_err(|_| Invalid::Format)?;
    if !matches!(group, 50..=65 | 70..=88 | 90..=92 | 94..=99) {
        return Err(Invalid::Component);
    }
    if shape::all_same(&digits) {
        return Err(Invalid::Component);
    }
    Ok(Valid {
        compact: digits,
        reasons: vec![Reason::Format(Format::ItinStructure)],
        weak: !dashed,
        evidence: super::Evidence::Plain,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_ranges() {
        for ok in [
            "900-50-0001",
            "999-65-1234",
            "912-70-1234",
            "912-88-1234",
            "912-90-1234",
            "912-92-1234",
            "912-94-1234",
            "912-99-1234",
        ] {
            assert!(validate(ok).is_ok(), "{ok}");
        }
        for bad in [
            "912-49-1234",
            "912-66-1234",
            "912-69-1234",
            "912-89-1234",
            "912-93-1234",
            "812-70-1234",
            "999-99-9999",
        ] {
            assert_eq!(validate(bad), Err(Invalid::Component), "{bad}");
        }
    }
}
