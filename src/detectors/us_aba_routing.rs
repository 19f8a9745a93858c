//! US ABA routing transit number (RTN).
//!
//! Nine digits: a Federal Reserve routing symbol (first two digits 00–12,
//! 21–32, 61–72 or 80), an institution identifier and a check digit by the
//! 3-7-1 rule (see `checksum::aba`). Any nine digits pass the check one time
//! in ten, so a routing number is reported only next to a word such as
//! "routing", "ABA" or "RTN". Printed contiguous, or grouped by dashes or
//! spaces as on a cheque's fraction ("0260-0959-3": routing symbol,
//! institution, check digit) or in threes ("026-009-593").
//! Spec: American Bankers Association, "Routing Number Policy"; Federal Reserve Regulation CC.
//!
//! ```
//! use draftguard::detectors::us_aba_routing::validate;
//! assert!(validate("021000021").is_ok());
//! assert!(validate("021000022").is_err());
//! ```
use super::{
    shape, Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words,
};
use crate::checksum::aba;
use crate::finding::{Checksum, Reason};

/// The routing number detector.
pub const DETECTOR: Detector = Detector {
    kind: "us_aba_routing",
    category: Category::Financial,
    locales: &["en"],
    name: L10n {
        en: "US bank routing number",
        de: "US-Bankleitzahl (ABA-Routingnummer)",
        zh: "美国银行汇款路线号",
    },
    label: L10n {
        en: "ROUTING NUMBER",
        de: "BANKLEITZAHL",
        zh: "银行路线号",
    },
    checks: "Federal Reserve prefix and the ABA 3-7-1 check digit, contiguous or grouped 4-4-1 / 3-3-3; next to a label",
    #[cfg(not(target_family = "wasm"))]
    pattern: r"\b(?:[0-9]{9}|[0-9]{4}[ -][0-9]{4}[ -][0-9]|[0-9]{3}[ -][0-9]{3}[ -][0-9]{3})\b",
    prefilter: Prefilter::Digits(9),
    context: Words {
        en: words![
            "routing",
            "routing number",
            "aba",
            "aba number",
            "rtn",
            "routing transit",
            "transit number",
            "wire routing",
        ],
        de: words!["bankleitzahl", "blz", "routingnummer", "aba-nummer"],
        zh: words!["路由号", "银行路线号", "汇款路线", "银行代码"],
    },
    negative_context: Words::NONE,
    scoring: Scoring {
        alone: None,
        with_context: Confidence::High,
    },
    priority: 70,
    keep_last: 4,
    keep_leading_letters: 0,
    preview: None,
    validate,
    by_group: None,
};

/// Returns the nine digits if `candidate` is a valid routing number.
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let rtn = shape::digits(candidate, 9)?;
    let groups = shape::groups(candidate);
    if !matches!(groups.as_slice(), [9] | [4, 4, 1] | [3, 3, 3]) {
        return Err(Invalid::Format);
    }
    let symbol: u32 = rtn[..2].parse().map_err(|_| Invalid::Format)?;
    if !matches!(symbol, 0..=12 | 21..=32 | 61..=72 | 80) || shape::all_same(&rtn) {
        return Err(Invalid::Component);
    }
    if !aba::is_valid(&rtn) {
        return Err(Invalid::Checksum);
    }
    Ok(Valid::new(rtn, vec![Reason::Checksum(Checksum::Aba)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_and_checksum() {
        assert!(validate("011000015").is_ok());
        assert_eq!(validate("011000016"), Err(Invalid::Checksum));
        // 3-7-1 valid, but 13–20 is not a Federal Reserve routing symbol.
        assert!(aba::is_valid("130000006") && validate("130000006").is_err());
        assert_eq!(validate("000000000"), Err(Invalid::Component));
    }

    #[test]
    fn grouped_as_printed() {
        assert!(validate("0110-0001-5").is_ok());
        assert!(validate("011-000-015").is_ok());
        assert!(validate("011 000 015").is_ok());
        assert_eq!(validate("0110-0001 5"), Err(Invalid::Format));
        assert_eq!(validate("01-1000-015"), Err(Invalid::Format));
        assert_eq!(validate("0110-0001-6"), Err(Invalid::Checksum));
    }
}
