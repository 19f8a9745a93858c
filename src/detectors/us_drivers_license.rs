//! US driver's license number, next to a word such as "driver's license".
//!
//! Each state has its own format and most have no check digit, so a
//! candidate must fit one of the formats of the states in [`FORMATS`] and be
//! labelled: letter-led formats (California `A1234567`, Florida
//! `A123-456-78-901-0`, Illinois `A123-4567-8901`, Ohio `AB123456`, …) are
//! reported with medium confidence, digits-only ones (New York 9 digits,
//! Texas and Pennsylvania 8) with low.
//! Spec: AAMVA DL/ID Card Design Standard, annex on jurisdiction number formats;
//! the states' DMV documentation.
//!
//! ```
//! use draftguard::detectors::us_drivers_license::validate;
//! assert!(validate("D5829301").is_ok()); // California
//! assert!(validate("ABC12345").is_err()); // no state uses 3 letters + 5 digits
//! ```
use super::{Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words};
use crate::finding::{self, Reason};

/// The US driver's license detector.
pub const DETECTOR: Detector = Detector {
    kind: "us_drivers_license",
    category: Category::GovernmentId,
    locales: &["en"],
    name: L10n {
        en: "US driver's license number",
        de: "US-Führerscheinnummer",
        zh: "美国驾照号码",
    },
    label: L10n {
        en: "DRIVER'S LICENSE",
        de: "FÜHRERSCHEIN",
        zh: "驾照号",
    },
    checks: "A US state licence format, next to a licence label",
    // Context-gated, so its words are the prefilter (a digit prefilter ran the
    // pattern around every date in a log). The engine's chain check does not
    // apply to keyword detectors: the pattern itself requires the value not
    // to be one link of a `-`/`.`/`/`/`_` chain or of space-separated digits.
    #[cfg(not(target_family = "wasm"))]
    pattern: concat!(
        r"(?i)(?:^|[^0-9A-Za-z._/ -]|(?:^|[^0-9A-Za-z])[._/-]|(?:^|[^0-9]) )",
        r"(?P<value>[A-Z]{1,2}[0-9]{6,14}|[0-9]{7,9}|[A-Z][0-9]{3}-[0-9]{3}-[0-9]{2}-[0-9]{3}-[0-9]|[A-Z][0-9]{3}-[0-9]{4}-[0-9]{4})",
        r"(?:$|[^0-9A-Za-z._/ -]|[._/-](?:$|[^0-9A-Za-z])| (?:$|[^0-9]))",
    ),
    prefilter: Prefilter::Keywords {
        words: &[
            "driver",
            "driving",
            "dl ",
            "dl#",
            "dl:",
            "dln",
            "license no",
            "führerschein",
            "驾照",
            "驾驶",
        ],
        before: 64,
        after: 64,
    },
    context: Words {
        en: words![
            "driver's license",
            "driver’s license",
            "drivers license",
            "driver license",
            "driver's licence",
            "driving licence",
            "driving license",
            "license no",
            "dl",
            "dl#",
            "dl no",
            "dln",
        ],
        de: words!["führerschein", "führerscheinnummer", "us-führerschein"],
        zh: words!["驾照", "驾照号", "驾驶证", "驾驶执照"],
    },
    negative_context: super::common::NOT_SENSITIVE,
    scoring: Scoring {
        alone: None,
        with_context: Confidence::Medium,
    },
    priority: 30,
    keep_last: 3,
    keep_leading_letters: 0,
    preview: None,
    validate,
    by_group: None,
};

/// A state's format: leading letters and the number of digits after them.
pub struct Format {
    /// Two-letter state code.
    pub state: &'static str,
    /// Letters before the digits.
    pub letters: usize,
    /// Digits after the letters.
    pub digits: usize,
}

const fn f(state: &'static str, letters: usize, digits: usize) -> Format {
    Format {
        state,
        letters,
        digits,
    }
}

/// Formats of the most populous states (several states issue more than one).
pub const FORMATS: &[Format] = &[
    f("CA", 1, 7),
    f("TX", 0, 8),
    f("FL", 1, 12),
    f("NY", 0, 9),
    f("PA", 0, 8),
    f("IL", 1, 11),
    f("OH", 2, 6),
    f("GA", 0, 9),
    f("NC", 0, 9),
    f("MI", 1, 12),
    f("NJ", 1, 14),
    f("VA", 1, 8),
    f("WA", 0, 9),
    f("AZ", 1, 8),
    f("MA", 1, 8),
    f("TN", 0, 9),
    f("MD", 1, 12),
    f("WI", 1, 13),
    f("MN", 1, 12),
    f("CO", 0, 9),
    f("MO", 1, 9),
    f("GA", 0, 7),
];

/// Returns the number, upper-cased without dashes, if it fits a state format;
/// digits-only numbers are weak (one confidence level lower).
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let n: String = candidate
        .chars()
        .filter(|&c| c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let letters = n.bytes().take_while(u8::is_ascii_uppercase).count();
    let digits = &n[letters..];
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Invalid::Format);
    }
    if !FORMATS
        .iter()
        .any(|f| f.letters == letters && f.digits == digits.len())
    {
        return Err(Invalid::Format);
    }
    if super::shape::is_stand_in_digits(digits) {
        return Err(Invalid::Component);
    }
    Ok(Valid {
        weak: letters == 0,
        evidence: super::Evidence::Plain,
        compact: n,
        reasons: vec![Reason::Format(finding::Format::StateFormat)],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_formats() {
        for (ok, weak) in [
            ("D5829301", false),
            ("W426-545-30-761-0", false),
            ("S532-1234-5678", false),
            ("RK703942", false),
            ("482913057", true),
            ("73920418", true),
        ] {
            assert_eq!(validate(ok).map(|v| v.weak), Ok(weak), "{ok}");
        }
        assert_eq!(validate("ABC12345"), Err(Invalid::Format));
        assert_eq!(
            validate("D58293011"),
            Ok(Valid {
                compact: "D58293011".into(),
                reasons: vec![Reason::Format(finding::Format::StateFormat)],
                weak: false,
                evidence: crate::detectors::Evidence::Plain,
            })
        );
        assert_eq!(validate("A1234567"), Err(Invalid::Component));
        assert_eq!(validate("D0000000"), Err(Invalid::Component));
        assert_eq!(validate("D582930"), Err(Invalid::Format));
    }
}
