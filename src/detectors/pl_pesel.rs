//! Polish national identification number (PESEL).
//!
//! Eleven digits: date of birth `YYMMDD` with the century in the month
//! (1800s +80, 1900s +0, 2000s +20, 2100s +40, 2200s +60), a four-digit
//! serial whose last digit is even for women and odd for men, and a check
//! digit: weights 1, 3, 7, 9, 1, 3, 7, 9, 1, 3, check = (10 − sum mod 10) mod 10.
//! The date must exist. Eleven digits is also the length of Chinese mobile
//! numbers and German tax IDs, and about one random eleven-digit number in
//! thirty passes date and check: reported only next to "PESEL".
//! Spec: Ustawa z dnia 24 września 2010 r. o ewidencji ludności, art. 15.
//!
//! ```
//! use draftguard::detectors::pl_pesel::validate;
//! assert!(validate("44051401359").is_ok());
//! assert!(validate("44051401358").is_err());
//! ```
use super::{
    shape, Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words,
};
use crate::checksum::weighted;
use crate::finding::{Checksum, Reason};

/// The PESEL detector.
pub const DETECTOR: Detector = Detector {
    kind: "pl_pesel",
    category: Category::GovernmentId,
    locales: &["pl"],
    name: L10n {
        en: "Polish national ID number (PESEL)",
        de: "Polnische Identifikationsnummer (PESEL)",
        zh: "波兰公民身份号（PESEL）",
    },
    label: L10n {
        en: "PESEL",
        de: "PESEL",
        zh: "PESEL",
    },
    checks: "Birth date with encoded century and the weighted check digit; next to a label",
    // A number only ever reported with a context word: it runs near those
    // words only, and the guards stand in for the digit path's chain check.
    #[cfg(not(target_family = "wasm"))]
    pattern: r"(?:^|[^-./_A-Za-z0-9]|(?:^|[^A-Za-z0-9])[-./_])(?P<value>\b[0-9]{11}\b)(?:$|[^-./_A-Za-z0-9]|[-./_](?:$|[^A-Za-z0-9]))",
    prefilter: Prefilter::Keywords {
        words: &[
            "pesel",
            "polish id",
            "polish national id",
            "polnische identifikationsnummer",
            "波兰身份证号",
            "波兰公民身份号",
            "波兰身份号",
        ],
        before: 100,
        after: 180,
    },
    context: Words {
        en: words!["pesel", "pesel number", "polish id", "polish national id"],
        de: words!["pesel", "pesel-nummer", "polnische identifikationsnummer"],
        zh: words!["pesel", "波兰身份证号", "波兰公民身份号", "波兰身份号"],
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

/// Returns the eleven digits if `candidate` is a valid PESEL.
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let digits = shape::compact(candidate)?;
    if digits.len() != 11 || candidate.len() != 11 {
        return Err(Invalid::Length);
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Invalid::Format);
    }
    let n = |i: usize| {
        u32::from(digits.as_bytes()[i] - b'0') * 10 + u32::from(digits.as_bytes()[i + 1] - b'0')
    };
    let (yy, mm, dd) = (n(0), n(2), n(4));
    let century = match mm / 20 {
        0 => 1900,
        1 => 2000,
        2 => 2100,
        3 => 2200,
        _ => 1800,
    };
    let (year, month) = (century + yy, mm % 20);
    if !(1..=12).contains(&month) || dd == 0 || dd > days_in_month(year, month) {
        return Err(Invalid::Component);
    }
    if !weighted::pl_pesel(&digits) {
        return Err(Invalid::Checksum);
    }
    Ok(Valid::new(digits, vec![Reason::Checksum(Checksum::Pesel)]))
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_and_check() {
        assert!(validate("44051401359").is_ok());
        // Born 11 February 2002: month 02 + 20.
        assert!(validate("02221145678").is_ok());
        assert!(validate("02070803628").is_ok());
        assert_eq!(validate("44051401358"), Err(Invalid::Checksum));
        assert_eq!(validate("44135401359"), Err(Invalid::Component));
        assert_eq!(validate("01023012345"), Err(Invalid::Component));
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
    }
}
