//! Spanish national identity number (DNI, Documento Nacional de Identidad; also the NIF of a person).
//!
//! Eight digits and a control letter: the number mod 23 indexes
//! `TRWAGMYFPDXBNJZSQVHLCKE`. Printed "53464097E", "53464097-E" or
//! "53464097 E". The control letter makes a random eight-digit-plus-letter
//! string pass only once in 23 and the shape is unlike other numbers:
//! medium on its own, high next to "DNI". The textbook example 12345678Z is
//! not reported. Spec: Real Decreto 1553/2005, art. 11; Ministerio del
//! Interior, "Cálculo del dígito de control del NIF/NIE".
//!
//! ```
//! use draftguard::detectors::es_dni::validate;
//! assert!(validate("53464097E").is_ok());
//! assert!(validate("53464097F").is_err());
//! ```
use super::{
    shape, Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words,
};
use crate::finding::{Checksum, Reason};

/// The DNI detector.
pub const DETECTOR: Detector = Detector {
    kind: "es_dni",
    category: Category::GovernmentId,
    locales: &["es"],
    name: L10n {
        en: "Spanish ID number (DNI)",
        de: "Spanische Ausweisnummer (DNI)",
        zh: "西班牙身份证号（DNI）",
    },
    label: L10n {
        en: "DNI",
        de: "DNI",
        zh: "西班牙身份证号",
    },
    checks: "8 digits and the mod-23 control letter",
    #[cfg(not(target_family = "wasm"))]
    pattern: r"\b[0-9]{8}[ -]?[A-Za-z]\b",
    prefilter: Prefilter::Digits(8),
    context: CONTEXT,
    negative_context: super::common::NOT_SENSITIVE,
    scoring: Scoring {
        alone: Some(Confidence::Medium),
        with_context: Confidence::High,
    },
    priority: 80,
    keep_last: 2,
    keep_leading_letters: 0,
    preview: None,
    validate,
    by_group: None,
};

/// Context words shared with `es_nie`.
pub(crate) const CONTEXT: Words = Words {
    en: words![
        "dni",
        "nie",
        "nif",
        "spanish id",
        "documento nacional de identidad",
        "número de identidad",
        "numero de identidad",
        "identity number",
        "id number",
    ],
    de: words![
        "dni",
        "nie",
        "nif",
        "ausweisnummer",
        "personalausweisnummer",
        "spanischer ausweis",
        "ausländer-identifikationsnummer",
    ],
    zh: words!["西班牙身份证", "身份证号", "外国人身份号", "居留号"],
};

/// The control letters, indexed by the number mod 23.
pub(crate) const LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";

/// Returns number and letter if `candidate` is a valid DNI.
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let v = shape::compact(candidate)?;
    if v.len() != 9 {
        return Err(Invalid::Length);
    }
    let (digits, letter) = v.split_at(8);
    if !digits.bytes().all(|b| b.is_ascii_digit()) || shape::groups(candidate).len() > 2 {
        return Err(Invalid::Format);
    }
    if v == "12345678Z" || shape::all_same(digits) {
        return Err(Invalid::Component);
    }
    if !letter_matches(digits, letter.as_bytes()[0]) {
        return Err(Invalid::Checksum);
    }
    Ok(Valid::new(v, vec![Reason::Checksum(Checksum::Mod23Letter)]))
}

/// `true` if `letter` is the control letter of the decimal number `digits`.
pub(crate) fn letter_matches(digits: &str, letter: u8) -> bool {
    digits
        .parse::<u32>()
        .is_ok_and(|n| LETTERS[(n % 23) as usize] == letter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_letter() {
        assert!(validate("53464097E").is_ok());
        assert!(validate("53464097-E").is_ok());
        assert!(validate("53464097 e").is_ok());
        assert!(validate("30246633T").is_ok());
        assert_eq!(validate("53464097F"), Err(Invalid::Checksum));
        assert_eq!(validate("12345678Z"), Err(Invalid::Component));
        assert_eq!(validate("5346409E"), Err(Invalid::Length));
    }
}
