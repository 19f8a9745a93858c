//! Spanish foreigner identity number (NIE, Número de Identidad de Extranjero).
//!
//! `X`, `Y` or `Z`, seven digits and a control letter: with the first letter
//! read as 0, 1 or 2, the eight-digit number mod 23 indexes
//! `TRWAGMYFPDXBNJZSQVHLCKE` (the DNI rule). Printed "X8990608T",
//! "X-8990608-T" or "X 8990608 T". Letters in fixed places and a control
//! letter: medium on its own, high next to "NIE".
//! Spec: Orden INT/2058/2008; Ministerio del Interior, "Cálculo del dígito de control del NIF/NIE".
//!
//! ```
//! use draftguard::detectors::es_nie::validate;
//! assert!(validate("X8990608T").is_ok());
//! assert!(validate("X8990608R").is_err());
//! ```
use super::{es_dni, shape, Category, Detector, Invalid, L10n, Prefilter, Valid};
use crate::finding::{Checksum, Reason};

/// The NIE detector.
pub const DETECTOR: Detector = Detector {
    kind: "es_nie",
    category: Category::GovernmentId,
    locales: &["es"],
    name: L10n {
        en: "Spanish foreigner ID number (NIE)",
        de: "Spanische Ausländer-Identifikationsnummer (NIE)",
        zh: "西班牙外国人身份号（NIE）",
    },
    label: L10n {
        en: "NIE",
        de: "NIE",
        zh: "外国人身份号",
    },
    checks: "X/Y/Z + 7 digits and the mod-23 control letter",
    #[cfg(not(target_family = "wasm"))]
    pattern: r"\b[XYZxyz][ -]?[0-9]{7}[ -]?[A-Za-z]\b",
    prefilter: Prefilter::Digits(7),
    context: es_dni::CONTEXT,
    negative_context: super::common::NOT_SENSITIVE,
    scoring: es_dni::DETECTOR.scoring,
    priority: 80,
    keep_last: 2,
    keep_leading_letters: 1,
    preview: None,
    validate,
    by_group: None,
};

/// Returns the nine compact characters if `candidate` is a valid NIE.
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let v = shape::compact(candidate)?;
    let b = v.as_bytes();
    if b.len() != 9 {
        return Err(Invalid::Length);
    }
    let prefix = match b[0] {
        b'X' => '0',
        b'Y' => '1',
        b'Z' => '2',
        _ => return Err(Invalid::Format),
    };
    if !b[1..8].iter().all(u8::is_ascii_digit) || !b[8].is_ascii_uppercase() {
        return Err(Invalid::Format);
    }
    if shape::all_same(&v[1..8]) {
        return Err(Invalid::Component);
    }
    if !es_dni::letter_matches(&format!("{prefix}{}", &v[1..8]), b[8]) {
        return Err(Invalid::Checksum);
    }
    Ok(Valid::new(v, vec![Reason::Checksum(Checksum::Mod23Letter)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_letter_with_prefix_value() {
        assert!(validate("X8990608T").is_ok());
        assert!(validate("Y1579240M").is_ok());
        assert!(validate("Z6135241L").is_ok());
        assert!(validate("x-8990608-t").is_ok());
        assert_eq!(validate("X8990608R"), Err(Invalid::Checksum));
        // The same digits under another prefix need another letter.
        assert_eq!(validate("Y8990608T"), Err(Invalid::Checksum));
        assert_eq!(validate("W8990608T"), Err(Invalid::Format));
    }
}
