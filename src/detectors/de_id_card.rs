//! Serial number of a German identity card (Personalausweis) or passport (Reisepass).
//!
//! Since November 2010: nine characters from `0-9 C F G H J K L M N P R T V W X Y Z`
//! (no vowels, no B, D, Q, S), the first a letter: a four-character authority
//! code and a five-character serial ("L01X00T47" on the specimen card). In
//! the machine-readable zone and often on forms it is followed by its ICAO
//! Doc 9303 7-3-1 check digit ("L01X00T471").
//!
//! Confidence: with a valid check digit and letters among the digits it is
//! medium on its own and high next to a word such as "Personalausweis". A
//! letter followed by nine digits is also the shape of a health insurance
//! number (KVNR) and of many product codes, and nine characters have no
//! check at all: those need a context word (and are then medium). The
//! pattern runs only near an ID word ("ausweis", "pass", "护照", …): a bare
//! ten-character token with no such word in sight is as likely a product
//! code, and a pass over all text would cost throughput.
//! Spec: Personalausweisverordnung (PAuswV) § 2 and Anlage; ICAO Doc 9303 Part 3 §4.9.
//!
//! ```
//! use draftguard::detectors::de_id_card::validate;
//! assert!(validate("L01X00T471").is_ok());
//! assert!(validate("L01X00T472").is_err());
//! ```
use super::{
    shape, Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words,
};
use crate::checksum::icao9303;
use crate::finding::{Checksum, Format, Reason};

/// The German ID card / passport serial number detector.
pub const DETECTOR: Detector = Detector {
    kind: "de_id_card",
    category: Category::GovernmentId,
    locales: &["de"],
    name: L10n {
        en: "German ID card / passport number",
        de: "Ausweis- / Reisepassnummer",
        zh: "德国身份证/护照号码",
    },
    label: L10n {
        en: "ID CARD NO.",
        de: "AUSWEISNUMMER",
        zh: "证件号码",
    },
    checks: "ID-card/passport serial alphabet and the ICAO 9303 7-3-1 check digit",
    #[cfg(not(target_family = "wasm"))]
    pattern: r"\b[CFGHJKLMNPRTVWXYZ][0-9CFGHJKLMNPRTVWXYZ]{8}[0-9]?\b",
    prefilter: Prefilter::Keywords {
        words: &[
            "ausweis",
            "perso",
            "reisepass",
            "pass",
            "id card",
            "id-card",
            "identity card",
            "dokumentennummer",
            "document number",
            "身份证",
            "护照",
            "证件",
        ],
        before: 40,
        after: 80,
    },
    context: Words {
        en: words![
            "id card",
            "id-card",
            "identity card",
            "german id",
            "id card number",
            "passport",
            "passport number",
            "passport no",
            "document number",
            "personalausweis",
            "reisepass",
        ],
        de: words![
            "personalausweis",
            "personalausweisnummer",
            "ausweis",
            "ausweisnummer",
            "ausweis-nr",
            "perso",
            "reisepass",
            "reisepassnummer",
            "pass",
            "passnummer",
            "pass-nr",
            "seriennummer des ausweises",
            "dokumentennummer",
        ],
        zh: words![
            "德国身份证",
            "身份证号",
            "身份证",
            "护照号",
            "护照",
            "证件号",
        ],
    },
    negative_context: super::common::NOT_SENSITIVE,
    scoring: Scoring {
        alone: Some(Confidence::Medium),
        with_context: Confidence::High,
    },
    priority: 70,
    keep_last: 2,
    keep_leading_letters: 0,
    preview: None,
    validate,
    by_group: None,
};

/// Characters of a serial number after the first.
const ALPHABET: &[u8] = b"0123456789CFGHJKLMNPRTVWXYZ";

/// Returns the serial (with check digit if given) if `candidate` is one.
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let v = shape::compact(candidate)?;
    let b = v.as_bytes();
    if candidate.len() != b.len() || !(9..=10).contains(&b.len()) {
        return Err(Invalid::Length);
    }
    let serial = &b[..9];
    if !serial[0].is_ascii_uppercase() || !serial.iter().all(|c| ALPHABET.contains(c)) {
        return Err(Invalid::Format);
    }
    let digits = serial.iter().filter(|c| c.is_ascii_digit()).count();
    if digits == 0 {
        return Err(Invalid::Format);
    }
    let checked = match b.get(9) {
        None => false,
        Some(&check) if icao9303::is_valid(&v[..9], check) => true,
        Some(_) => return Err(Invalid::Checksum),
    };
    // A letter and nine digits is a KVNR or a product code as often as a serial.
    let letters_inside = digits < 8;
    Ok(Valid {
        compact: v,
        reasons: vec![if checked {
            Reason::Checksum(Checksum::Icao9303)
        } else {
            Reason::Format(Format::SerialStructure)
        }],
        weak: !(checked && letters_inside),
        evidence: super::Evidence::Plain,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digit_and_alphabet() {
        // Specimen ID card (Erika Mustermann) and the older specimen T22000129 3.
        assert!(!validate("L01X00T471").unwrap().weak);
        assert!(validate("L01X00T47").unwrap().weak);
        assert!(validate("T220001293").unwrap().weak);
        assert_eq!(validate("L01X00T472"), Err(Invalid::Checksum));
        assert_eq!(validate("L01A00T471"), Err(Invalid::Format));
        assert_eq!(validate("101X00T471"), Err(Invalid::Format));
        assert_eq!(validate("LXFWCPRTK"), Err(Invalid::Format));
        assert_eq!(validate("L01X00T4"), Err(Invalid::Length));
    }
}
