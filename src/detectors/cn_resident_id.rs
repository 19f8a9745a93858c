//! Chinese resident identity card number (居民身份证号码, "公民身份号码").
//!
//! 18 characters: a 6-digit administrative division code (GB/T 2260; the
//! first two digits are a province: 11–15, 21–23, 31–37, 41–46, 50–54,
//! 61–65, 71, or 81/82/83 for residence permits of Hong Kong, Macao and
//! Taiwan residents; the foreign permanent resident ID card of 2023 puts a
//! `9` before the province), the date of birth `YYYYMMDD` (a real date,
//! 1900–2099), a 3-digit sequence number (odd for men) and an ISO 7064
//! MOD 11-2 check character `0`–`9` or `X`. Written contiguous or 6-8-4 with
//! spaces. The check character, the date and the province together make a
//! random 18-digit number pass about once in 20,000, so the 18-character
//! form is reported on its own with high confidence.
//!
//! The first-generation 15-digit number (region, `YYMMDD`, sequence, no check
//! character) is reported only next to a word such as "身份证".
//! Spec: GB 11643-1999 《公民身份号码》; GB/T 2260.
//!
//! ```
//! use draftguard::detectors::cn_resident_id::validate;
//! assert!(validate("11010519491231002X").is_ok());
//! assert!(validate("110105194912310021").is_err()); // wrong check character
//! ```
use super::{
    shape, Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words,
};
use crate::checksum::iso7064::mod_11_2;
use crate::finding::{Checksum, Format, Reason};

/// The Chinese resident ID detector.
pub const DETECTOR: Detector = Detector {
    kind: "cn_resident_id",
    category: Category::GovernmentId,
    locales: &["zh"],
    name: L10n {
        en: "Chinese resident ID number",
        de: "Chinesische Personalausweisnummer",
        zh: "居民身份证号码",
    },
    label: L10n {
        en: "CHINESE ID",
        de: "CHINESISCHE AUSWEISNUMMER",
        zh: "身份证号",
    },
    checks: "18 characters: province code, real birth date, ISO 7064 MOD 11-2 check character",
    #[cfg(not(target_family = "wasm"))]
    pattern: r"\b(?:[1-9][0-9]{5} ?(?:18|19|20)[0-9]{6} ?[0-9]{3}[0-9Xx]|[1-9][0-9]{14})\b",
    prefilter: Prefilter::Digits(15),
    context: Words {
        en: words![
            "chinese id",
            "china id",
            "id card",
            "id card number",
            "id number",
            "identity card",
            "resident id",
            "citizen id",
            "prc id",
        ],
        de: words![
            "personalausweis",
            "personalausweisnummer",
            "ausweisnummer",
            "ausweis",
            "chinesische id",
        ],
        zh: words![
            "身份证",
            "身份证号",
            "身份证号码",
            "公民身份号码",
            "居民身份证",
            "身份号码",
            "证件号",
            "居住证",
        ],
    },
    negative_context: super::common::NOT_SENSITIVE,
    scoring: Scoring {
        alone: Some(Confidence::High),
        with_context: Confidence::High,
    },
    priority: 95, // MOD 11-2 + region + birth date beats Luhn + issuer prefix (an 18-digit UnionPay 81…)
    keep_last: 4,
    keep_leading_letters: 0,
    preview: None,
    validate,
    by_group: None,
};

/// Returns the compact number if `candidate` is a valid resident ID number;
/// the 15-digit legacy form is valid but weak (context required).
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let n = shape::compact(candidate)?;
    let groups = shape::groups(candidate);
    match n.len() {
        18 if groups == [18] || groups == [6, 8, 4] => {
            if !n[..17].bytes().all(|b| b.is_ascii_digit()) {
                return Err(Invalid::Format);
            }
            let region_ok = province(&n[..2])
                || (n.starts_with('9') && province(&n[1..3]))
                || matches!(&n[..2], "81" | "82" | "83");
            if !region_ok {
                return Err(Invalid::Component);
            }
            if !is_date(&n[6..10], &n[10..12], &n[12..14]) {
                return Err(Invalid::Component);
            }
            if !mod_11_2::is_valid(&n) {
                return Err(Invalid::Checksum);
            }
            Ok(Valid::new(
                n,
                vec![
                    Reason::Checksum(Checksum::Mod11_2),
                    Reason::Format(Format::BirthDate),
                    Reason::Format(Format::Region),
                ],
            ))
        }
        15 if groups == [15] => {
            if !n.bytes().all(|b| b.is_ascii_digit()) {
                return Err(Invalid::Format);
            }
            if !province(&n[..2]) {
                return Err(Invalid::Component);
            }
            let year = format!("19{}", &n[6..8]);
            if !is_date(&year, &n[8..10], &n[10..12]) || shape::all_same(&n[6..]) {
                return Err(Invalid::Component);
            }
            Ok(Valid {
                compact: n,
                reasons: vec![
                    Reason::Format(Format::BirthDate),
                    Reason::Format(Format::Region),
                ],
                weak: true,
                evidence: super::Evidence::Plain,
            })
        }
        15 | 18 => Err(Invalid::Format),
        _ => Err(Invalid::Length),
    }
}

/// `true` for a GB/T 2260 province-level code (two digits).
fn province(code: &str) -> bool {
    matches!(
        code.parse::<u32>(),
        Ok(11..=15 | 21..=23 | 31..=37 | 41..=46 | 50..=54 | 61..=65 | 71)
    )
}

/// `true` if the digit strings form a calendar date in 1900–2099.
pub(crate) fn is_date(year: &str, month: &str, day: &str) -> bool {
    let (Ok(y), Ok(m), Ok(d)) = (
        year.parse::<u32>(),
        month.parse::<u32>(),
        day.parse::<u32>(),
    ) else {
        return false;
    };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=2099).contains(&y) && (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eighteen_characters() {
        assert!(!validate("11010519491231002X").unwrap().weak);
        assert!(validate("11010519491231002x").is_ok());
        assert!(validate("110105 19491231 002X").is_ok());
        assert!(validate("330106199909091233").is_ok());
        // GB 11643 example of a person born in 1880: before 1900, not reported.
        assert_eq!(validate("440524188001010014"), Err(Invalid::Component));
        assert!(validate("810000199001011238").is_err()); // check character
        assert_eq!(validate("110105194912310021"), Err(Invalid::Checksum));
        // Province 99 does not exist; 2001-02-29 is no date.
        assert_eq!(validate("990105194912310028"), Err(Invalid::Component));
        assert_eq!(validate("510107200102294561"), Err(Invalid::Component));
        assert_eq!(validate("1101051949123 1002X"), Err(Invalid::Format));
    }

    #[test]
    fn fifteen_digits_are_weak() {
        assert!(validate("110105491231002").unwrap().weak);
        assert_eq!(validate("110105491331002"), Err(Invalid::Component));
        assert_eq!(validate("200105491231002"), Err(Invalid::Component));
    }

    #[test]
    fn dates() {
        assert!(is_date("2000", "02", "29"));
        assert!(!is_date("1900", "02", "29"));
        assert!(!is_date("1899", "12", "31"));
        assert!(!is_date("2024", "13", "01"));
        assert!(!is_date("2024", "04", "31"));
    }
}
