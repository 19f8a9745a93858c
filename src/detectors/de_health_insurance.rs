//! German health insurance number (Krankenversichertennummer, KVNR), the
//! unchangeable part printed on the electronic health card (eGK).
//!
//! A capital letter, eight digits and a check digit ("A123456780"): the
//! letter counts as two digits (A = 01 … Z = 26), the ten digits are weighted
//! 1, 2, 1, 2, …, the digit sums of the products added, and the check digit
//! is the last digit of the total. A letter and nine digits is also the shape
//! of product codes, booking and customer references, and one in ten passes
//! the check: reported only next to a word such as "Versichertennummer",
//! "KV-Nummer" (the everyday abbreviation), "KVNR" or "医保卡号".
//! Spec: § 290 SGB V; GKV-Spitzenverband, "Richtlinien für den Aufbau der
//! Krankenversichertennummer", Anlage 1 (Prüfziffer, Modulo 10).
//!
//! ```
//! use draftguard::detectors::de_health_insurance::validate;
//! assert!(validate("A123456780").is_ok());
//! assert!(validate("A123456789").is_err());
//! ```
use super::{
    shape, Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words,
};
use crate::checksum::weighted;
use crate::finding::{Checksum, Reason};

/// The KVNR detector.
pub const DETECTOR: Detector = Detector {
    kind: "de_health_insurance",
    category: Category::Medical,
    locales: &["de"],
    name: L10n {
        en: "German health insurance number (KVNR)",
        de: "Krankenversichertennummer (KVNR)",
        zh: "德国医疗保险号（KVNR）",
    },
    label: L10n {
        en: "HEALTH INSURANCE NO.",
        de: "VERSICHERTENNUMMER",
        zh: "医保号",
    },
    checks: "Letter + 9 digits with the Krankenversichertennummer check digit; next to a label",
    // A number only ever reported with a context word: it runs near those
    // words only, and the guards stand in for the digit path's chain check.
    #[cfg(not(target_family = "wasm"))]
    pattern: r"(?:^|[^-./_A-Za-z0-9]|(?:^|[^A-Za-z0-9])[-./_])(?P<value>\b[A-Za-z][0-9]{9}\b)(?:$|[^-./_A-Za-z0-9]|[-./_](?:$|[^A-Za-z0-9]))",
    prefilter: Prefilter::Keywords {
        words: &[
            "versicherten",
            "kvnr",
            "kv-n",
            "kv n",
            "kv_n",
            "krankenkasse",
            "krankenversicherung",
            "gesundheitskarte",
            "egk",
            "versicherungsnummer",
            "health insurance",
            "insurance number",
            "insurance no",
            "health card",
            "医保号",
            "医疗保险号",
            "保险号",
            "德国医保",
            "健康卡",
            "医保卡",
            "保险卡号",
        ],
        before: 100,
        after: 180,
    },
    context: Words {
        en: words![
            "health insurance number",
            "health insurance",
            "insurance number",
            "insurance no",
            "kvnr",
            "kv number",
            "kv no",
            "egk",
            "health card",
            "krankenkasse",
        ],
        de: words![
            "krankenversichertennummer",
            "versichertennummer",
            "versicherten-nr",
            "versichertennr",
            "kvnr",
            // The everyday abbreviation: "meine KV-Nummer ist …".
            "kv-nummer",
            "kv-nr",
            "krankenversicherungsnummer",
            "krankenkassennummer",
            "krankenkasse",
            "krankenversicherung",
            "gesundheitskarte",
            "egk",
            "versicherungsnummer",
        ],
        zh: words![
            "医保号",
            "医疗保险号",
            "保险号",
            "德国医保",
            "健康卡",
            "医保卡",
            "保险卡号",
        ],
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

/// Returns the ten characters if `candidate` is a valid KVNR.
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let v = shape::compact(candidate)?;
    if v.len() != 10 || candidate.len() != 10 {
        return Err(Invalid::Length);
    }
    if !v.as_bytes()[0].is_ascii_uppercase() || !v[1..].bytes().all(|b| b.is_ascii_digit()) {
        return Err(Invalid::Format);
    }
    if shape::all_same(&v[1..9]) {
        return Err(Invalid::Component);
    }
    if !weighted::de_kvnr(&v) {
        return Err(Invalid::Checksum);
    }
    Ok(Valid::new(v, vec![Reason::Checksum(Checksum::KvnrMod10)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digit() {
        assert!(validate("A123456780").is_ok());
        assert!(validate("f561021588").is_ok());
        assert_eq!(validate("A123456789"), Err(Invalid::Checksum));
        assert_eq!(validate("A000000005").map(|_| ()), Err(Invalid::Component));
        assert_eq!(validate("AB23456780"), Err(Invalid::Format));
    }
}
