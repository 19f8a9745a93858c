//! Dutch citizen service number (BSN, burgerservicenummer; formerly sofinummer).
//!
//! Nine digits (an eight-digit number is written with a leading 0) passing
//! the "11-proef": 9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 (mod 11). Printed
//! contiguous, "1112 22 333" or "111 222 333", or with dots ("1112.22.333",
//! "111.222.333"). Nine digits is also the length
//! of phone numbers, order numbers and US SSNs, and one in eleven passes the
//! test: reported only next to a word such as "BSN".
//! Spec: Wet algemene bepalingen burgerservicenummer; Logius, "BSN 11-proef".
//!
//! ```
//! use draftguard::detectors::nl_bsn::validate;
//! assert!(validate("111222333").is_ok());
//! assert!(validate("111222334").is_err());
//! ```
use super::{
    shape, Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words,
};
use crate::checksum::weighted;
use crate::finding::{Checksum, Reason};

/// The BSN detector.
pub const DETECTOR: Detector = Detector {
    kind: "nl_bsn",
    category: Category::GovernmentId,
    locales: &["nl"],
    name: L10n {
        en: "Dutch citizen service number (BSN)",
        de: "Niederländische Bürgerservicenummer (BSN)",
        zh: "荷兰公民服务号（BSN）",
    },
    label: L10n {
        en: "BSN",
        de: "BSN",
        zh: "公民服务号",
    },
    checks: "9 digits (spaces or dots) and the 11-proef; next to a label",
    // A number only ever reported with a context word: it runs near those
    // words only, and the guards stand in for the digit path's chain check.
    #[cfg(not(target_family = "wasm"))]
    pattern: r"(?:^|[^-./_A-Za-z0-9]|(?:^|[^A-Za-z0-9])[-./_])(?P<value>\b(?:[0-9]{9}|[0-9]{4}[ .][0-9]{2}[ .][0-9]{3}|[0-9]{3}[ .][0-9]{3}[ .][0-9]{3})\b)(?:$|[^-./_A-Za-z0-9]|[-./_](?:$|[^A-Za-z0-9]))",
    prefilter: Prefilter::Keywords {
        words: &[
            "bsn",
            "servicenummer",
            "citizen service",
            "sofi",
            "sozialversicherungsnummer",
            "dutch social security",
            "公民服务号",
            "荷兰社会保险号",
        ],
        before: 100,
        after: 180,
    },
    context: Words {
        en: words![
            "bsn",
            "burgerservicenummer",
            "citizen service number",
            "sofinummer",
            "sofi number",
            "sofi-nummer",
            "dutch social security number",
        ],
        de: words![
            "bsn",
            "burgerservicenummer",
            "bürgerservicenummer",
            "sofinummer",
            "niederländische sozialversicherungsnummer",
        ],
        zh: words!["荷兰公民服务号", "公民服务号", "荷兰社会保险号"],
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

/// Returns the nine digits if `candidate` passes the 11-proef.
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    // Dots or spaces, one kind ("1112.22.333"); never dashes.
    if candidate.contains('-') || (candidate.contains('.') && candidate.contains(' ')) {
        return Err(Invalid::Format);
    }
    let digits = shape::digits(&candidate.replace('.', " "), 9)?;
    let groups = shape::groups(&candidate.replace('.', " "));
    if !matches!(groups.as_slice(), [9] | [4, 2, 3] | [3, 3, 3]) {
        return Err(Invalid::Format);
    }
    if digits.starts_with("00") || shape::all_same(&digits) {
        return Err(Invalid::Component);
    }
    if !weighted::nl_elfproef(&digits) {
        return Err(Invalid::Checksum);
    }
    Ok(Valid::new(
        digits,
        vec![Reason::Checksum(Checksum::Elfproef)],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elfproef() {
        assert!(validate("111222333").is_ok());
        assert!(validate("1112 22 333").is_ok());
        assert!(validate("073186545").is_ok());
        assert_eq!(validate("111222334"), Err(Invalid::Checksum));
        assert_eq!(validate("000000000"), Err(Invalid::Component));
        assert_eq!(validate("111-222-333"), Err(Invalid::Format));
    }

    #[test]
    fn dotted() {
        assert!(validate("1112.22.333").is_ok());
        assert!(validate("111.222.333").is_ok());
        assert_eq!(validate("111.222.334"), Err(Invalid::Checksum));
        assert_eq!(validate("111.222 333"), Err(Invalid::Format));
        assert_eq!(validate("11.1222.333"), Err(Invalid::Format));
    }
}
