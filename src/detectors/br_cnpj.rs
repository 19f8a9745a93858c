//! Brazilian company registration number (CNPJ, Cadastro Nacional da Pessoa Jurídica).
//!
//! 14 digits, printed `12.345.678/0001-95`: an 8-digit company root, a
//! 4-digit branch number (`0001` for the head office) and two mod-11 check
//! digits. The first weights the twelve base digits 5,4,3,2,9,8,7,6,5,4,3,2,
//! the second the base and first check digit 6,5,4,3,2,9,…,2; each is
//! `11 − sum mod 11`, or 0 when the remainder is below 2. The printed form
//! stands alone (medium) when its branch is 0001–0999 (the `/000` it then
//! holds is the prefilter); fourteen bare digits, and printed numbers of
//! branches from 1000 on, need a word such as "CNPJ".
//! The alphanumeric CNPJ (letters in the base, from July 2026) is not
//! covered yet: its letter groups are invisible to the digit prefilter.
//! Spec: Receita Federal, Instrução Normativa RFB nº 2.119/2022 (CNPJ) and
//! the published check digit rule.
//!
//! ```
//! use draftguard::detectors::br_cnpj::validate;
//! assert!(validate("11.222.333/0001-81").is_ok());
//! assert!(validate("11.222.333/0001-82").is_err());
//! ```
use super::{Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words};
use crate::checksum::weighted;
use crate::finding::{Checksum, Reason};

/// The CNPJ detector.
pub const DETECTOR: Detector = Detector {
    kind: "br_cnpj",
    category: Category::GovernmentId,
    locales: &["pt"],
    name: L10n {
        en: "Brazilian company number (CNPJ)",
        de: "Brasilianische Firmennummer (CNPJ)",
        zh: "巴西企业税号 (CNPJ)",
    },
    label: L10n {
        en: "CNPJ",
        de: "CNPJ",
        zh: "CNPJ 号码",
    },
    checks: "14 digits with two mod-11 check digits",
    // Keywords, not digits, start the pattern: "/000" is in every printed
    // CNPJ of a head office or of branches 2–999 (a digit prefilter ran the
    // pattern around every date in a log). As keyword detectors skip the
    // engine's chain check, the pattern rejects chains itself.
    #[cfg(not(target_family = "wasm"))]
    pattern: concat!(
        r"(?:^|[^0-9A-Za-z._/ -]|(?:^|[^0-9A-Za-z])[._/-]|(?:^|[^0-9]) )",
        r"(?P<value>[0-9]{2}\.[0-9]{3}\.[0-9]{3}/[0-9]{4}-[0-9]{2}|[0-9]{14})",
        r"(?:$|[^0-9A-Za-z._/ -]|[._/-](?:$|[^0-9A-Za-z])| (?:$|[^0-9]))",
    ),
    prefilter: Prefilter::Keywords {
        words: &["/000", "cnpj"],
        before: 32,
        after: 64,
    },
    context: Words {
        en: words![
            "cnpj",
            "cnpj number",
            "cadastro nacional da pessoa jurídica",
            "brazilian company number",
            "brazilian tax id",
        ],
        de: words!["cnpj", "cnpj-nummer", "brasilianische firmennummer"],
        zh: words!["cnpj", "巴西企业税号", "巴西公司税号"],
    },
    negative_context: super::common::NOT_SENSITIVE,
    scoring: Scoring {
        alone: Some(Confidence::Medium),
        with_context: Confidence::High,
    },
    priority: 75,
    keep_last: 2,
    keep_leading_letters: 0,
    preview: None,
    validate,
    by_group: None,
};

/// Returns the 14 digits if `candidate` is a valid CNPJ; the bare form is
/// weak (context required).
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let digits: String = candidate.chars().filter(char::is_ascii_digit).collect();
    if digits.len() != 14 {
        return Err(Invalid::Length);
    }
    let b = candidate.as_bytes();
    let printed = b.len() == 18 && b[2] == b'.' && b[6] == b'.' && b[10] == b'/' && b[15] == b'-';
    if !printed && b.len() != 14 {
        return Err(Invalid::Format);
    }
    if super::shape::all_same(&digits[..12]) {
        return Err(Invalid::Component);
    }
    if !weighted::br_cnpj(&digits) {
        return Err(Invalid::Checksum);
    }
    Ok(Valid {
        compact: digits,
        reasons: vec![Reason::Checksum(Checksum::Mod11)],
        weak: !printed,
        evidence: super::Evidence::Plain,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digits() {
        for ok in [
            "11.222.333/0001-81",
            "60.401.056/0001-80",
            "33.859.234/0001-48",
        ] {
            assert!(!validate(ok).unwrap().weak, "{ok}");
        }
        assert!(validate("12345678000195").unwrap().weak);
        assert_eq!(validate("11.222.333/0001-82"), Err(Invalid::Checksum));
        assert_eq!(validate("11.222.333/0001-18"), Err(Invalid::Checksum));
        assert_eq!(validate("11.111.111/1111-80"), Err(Invalid::Component));
        assert_eq!(validate("11.222.333.0001-81"), Err(Invalid::Format));
        assert_eq!(validate("11.222.333/0001"), Err(Invalid::Length));
    }
}
