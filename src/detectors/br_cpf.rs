//! Brazilian individual taxpayer number (CPF, Cadastro de Pessoas Físicas).
//!
//! 11 digits, printed `123.456.789-09`: nine base digits (the ninth is the
//! fiscal region) and two mod-11 check digits. The first check digit weights
//! the base digits 10…2, the second weights base and first check digit 11…2;
//! each is `10 × sum mod 11`, 10 counting as 0. Numbers of one repeated digit
//! pass the check but are not issued. The dotted form stands alone (medium);
//! `123456789-09` and eleven bare digits need a word such as "CPF".
//! Spec: Receita Federal, Instrução Normativa RFB nº 2.172/2024 (CPF); the
//! check digit rule as published by the Receita Federal.
//!
//! ```
//! use draftguard::detectors::br_cpf::validate;
//! assert!(validate("529.982.247-25").is_ok());
//! assert!(validate("529.982.247-26").is_err());
//! ```
use super::{Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words};
use crate::checksum::weighted;
use crate::finding::{Checksum, Reason};

/// The CPF detector.
pub const DETECTOR: Detector = Detector {
    kind: "br_cpf",
    category: Category::GovernmentId,
    locales: &["pt"],
    name: L10n {
        en: "Brazilian CPF number",
        de: "Brasilianische Steuernummer (CPF)",
        zh: "巴西个人税号 (CPF)",
    },
    label: L10n {
        en: "CPF",
        de: "CPF",
        zh: "CPF 号码",
    },
    checks: "11 digits with two mod-11 check digits",
    // The dotted form is one cluster of five digits ("789-09") for the
    // prefilter; the window reaches back over "123.456.".
    #[cfg(not(target_family = "wasm"))]
    pattern: r"\b(?:[0-9]{3}\.[0-9]{3}\.[0-9]{3}-[0-9]{2}|[0-9]{9}-[0-9]{2}|[0-9]{11})\b",
    prefilter: Prefilter::Digits(5),
    context: Words {
        en: words![
            "cpf",
            "cpf number",
            "brazilian tax id",
            "cadastro de pessoas físicas",
            "cadastro de pessoa física",
            "número do cpf",
        ],
        de: words!["cpf", "cpf-nummer", "brasilianische steuernummer"],
        zh: words!["cpf", "巴西税号", "巴西个人税号", "巴西身份证"],
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

/// Returns the 11 digits if `candidate` is a valid CPF; forms other than
/// `123.456.789-09` are weak (context required).
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let dotted = candidate.len() == 14 && candidate.as_bytes()[3] == b'.';
    let digits: String = candidate.chars().filter(char::is_ascii_digit).collect();
    if digits.len() != 11 {
        return Err(Invalid::Length);
    }
    let shape_ok = match candidate.len() {
        14 => dotted && candidate.as_bytes()[7] == b'.' && candidate.as_bytes()[11] == b'-',
        12 => candidate.as_bytes()[9] == b'-',
        11 => true,
        _ => false,
    };
    if !shape_ok {
        return Err(Invalid::Format);
    }
    if super::shape::all_same(&digits) {
        return Err(Invalid::Component);
    }
    if !weighted::br_cpf(&digits) {
        return Err(Invalid::Checksum);
    }
    Ok(Valid {
        compact: digits,
        reasons: vec![Reason::Checksum(Checksum::Mod11)],
        weak: !dotted,
        evidence: super::Evidence::Plain,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digits() {
        for ok in ["529.982.247-25", "111.444.777-35", "390.533.447-05"] {
            assert!(!validate(ok).unwrap().weak, "{ok}");
        }
        assert!(validate("52998224725").unwrap().weak);
        assert!(validate("529982247-25").unwrap().weak);
        assert_eq!(validate("529.982.247-26"), Err(Invalid::Checksum));
        assert_eq!(validate("529.982.247-52"), Err(Invalid::Checksum));
        assert_eq!(validate("111.111.111-11"), Err(Invalid::Component));
        assert_eq!(validate("529-982-247-25"), Err(Invalid::Format));
        assert_eq!(validate("529.982.24-725"), Err(Invalid::Format));
        assert_eq!(validate("529.982.247"), Err(Invalid::Length));
    }
}
