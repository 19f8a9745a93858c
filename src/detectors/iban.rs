//! International Bank Account Number (IBAN), ISO 13616.
//!
//! Two-letter country code, two check digits, then a country-specific BBAN;
//! the total length is fixed per country (SWIFT IBAN registry). Printed
//! contiguous or in groups of four ("DE89 3704 0044 0532 0130 00"), upper or
//! lower case. Valid when, with the first four characters moved to the end and
//! letters expanded (A = 10 … Z = 35), the number is 1 mod 97 (ISO 7064 MOD 97-10).
//! Spec: ISO 13616-1:2020; SWIFT "IBAN Registry".
//!
//! ```
//! use draftguard::detectors::iban::validate;
//! assert!(validate("DE89 3704 0044 0532 0130 00").is_ok());
//! assert!(validate("DE88 3704 0044 0532 0130 00").is_err());
//! ```
use super::{
    shape, Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words,
};
use crate::checksum::iso7064::mod_97_10;

/// The IBAN detector.
pub const DETECTOR: Detector = Detector {
    kind: "iban",
    category: Category::Financial,
    locales: &[],
    name: L10n {
        en: "IBAN (bank account)",
        de: "IBAN (Bankkonto)",
        zh: "IBAN 国际银行账号",
    },
    label: L10n {
        en: "IBAN",
        de: "IBAN",
        zh: "银行账号",
    },
    checks: "Country length table and ISO 7064 MOD 97-10",
    #[cfg(not(target_family = "wasm"))]
    pattern: r"\b[A-Za-z]{2}[0-9]{2}(?:[A-Za-z0-9]{11,30}|(?:[ -][A-Za-z0-9]{4}){2,7}(?:[ -][A-Za-z0-9]{1,3})?)\b",
    prefilter: Prefilter::Digits(8),
    context: Words {
        en: &[
            "iban",
            "bank account",
            "account",
            "wire",
            "transfer",
            "swift",
            "bic",
            "sepa",
        ],
        de: &[
            "iban",
            "bankverbindung",
            "konto",
            "kontonummer",
            "überweisung",
            "bankkonto",
        ],
        zh: &["银行账号", "账号", "账户", "汇款", "转账", "国际银行账号"],
    },
    negative_context: Words::NONE,
    scoring: Scoring {
        alone: Some(Confidence::High),
        with_context: Confidence::High,
    },
    priority: 100,
    keep_last: 4,
    keep_leading_letters: 2,
    preview: None,
    validate,
};

/// (`country:XX` reason, IBAN length) for every country in the SWIFT IBAN registry,
/// plus territories that use their parent's format (FR overseas, GB crown dependencies).
const LENGTHS: &[(&str, usize)] = &[
    ("country:AD", 24),
    ("country:AE", 23),
    ("country:AL", 28),
    ("country:AT", 20),
    ("country:AZ", 28),
    ("country:BA", 20),
    ("country:BE", 16),
    ("country:BG", 22),
    ("country:BH", 22),
    ("country:BI", 27),
    ("country:BL", 27),
    ("country:BR", 29),
    ("country:BY", 28),
    ("country:CH", 21),
    ("country:CR", 22),
    ("country:CY", 28),
    ("country:CZ", 24),
    ("country:DE", 22),
    ("country:DJ", 27),
    ("country:DK", 18),
    ("country:DO", 28),
    ("country:EE", 20),
    ("country:EG", 29),
    ("country:ES", 24),
    ("country:FI", 18),
    ("country:FK", 18),
    ("country:FO", 18),
    ("country:FR", 27),
    ("country:GB", 22),
    ("country:GE", 22),
    ("country:GF", 27),
    ("country:GG", 22),
    ("country:GI", 23),
    ("country:GL", 18),
    ("country:GP", 27),
    ("country:GR", 27),
    ("country:GT", 28),
    ("country:HN", 28),
    ("country:HR", 21),
    ("country:HU", 28),
    ("country:IE", 22),
    ("country:IL", 23),
    ("country:IM", 22),
    ("country:IQ", 23),
    ("country:IS", 26),
    ("country:IT", 27),
    ("country:JE", 22),
    ("country:JO", 30),
    ("country:KW", 30),
    ("country:KZ", 20),
    ("country:LB", 28),
    ("country:LC", 32),
    ("country:LI", 21),
    ("country:LT", 20),
    ("country:LU", 20),
    ("country:LV", 21),
    ("country:LY", 25),
    ("country:MC", 27),
    ("country:MD", 24),
    ("country:ME", 22),
    ("country:MF", 27),
    ("country:MK", 19),
    ("country:MN", 20),
    ("country:MQ", 27),
    ("country:MR", 27),
    ("country:MT", 31),
    ("country:MU", 30),
    ("country:NC", 27),
    ("country:NI", 28),
    ("country:NL", 18),
    ("country:NO", 15),
    ("country:OM", 23),
    ("country:PF", 27),
    ("country:PK", 24),
    ("country:PL", 28),
    ("country:PM", 27),
    ("country:PS", 29),
    ("country:PT", 25),
    ("country:QA", 29),
    ("country:RE", 27),
    ("country:RO", 24),
    ("country:RS", 22),
    ("country:RU", 33),
    ("country:SA", 24),
    ("country:SC", 31),
    ("country:SD", 18),
    ("country:SE", 24),
    ("country:SI", 19),
    ("country:SK", 24),
    ("country:SM", 27),
    ("country:SO", 23),
    ("country:ST", 25),
    ("country:SV", 28),
    ("country:TF", 27),
    ("country:TL", 23),
    ("country:TN", 24),
    ("country:TR", 26),
    ("country:UA", 29),
    ("country:VA", 22),
    ("country:VG", 24),
    ("country:WF", 27),
    ("country:XK", 20),
    ("country:YE", 30),
    ("country:YT", 27),
];

/// The registered IBAN length for a two-letter country code.
pub fn length_for(country: &str) -> Option<usize> {
    entry(country).map(|&(_, n)| n)
}

fn entry(country: &str) -> Option<&'static (&'static str, usize)> {
    LENGTHS.iter().find(|(reason, _)| &reason[8..] == country)
}

/// Returns the compact upper-case IBAN if `candidate` is valid.
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let iban = shape::compact(candidate)?;
    let groups = shape::groups(candidate);
    if groups.len() > 1 && groups[..groups.len() - 1].iter().any(|&g| g != 4) {
        return Err(Invalid::Format);
    }
    let b = iban.as_bytes();
    if b.len() < 15
        || !b[..2].iter().all(u8::is_ascii_alphabetic)
        || !b[2..4].iter().all(u8::is_ascii_digit)
    {
        return Err(Invalid::Format);
    }
    let &(country, expected) = entry(&iban[..2]).ok_or(Invalid::Component)?;
    if iban.len() != expected {
        return Err(Invalid::Length);
    }
    if matches!(&iban[2..4], "00" | "01" | "99") {
        return Err(Invalid::Checksum);
    }
    let rearranged = format!("{}{}", &iban[4..], &iban[..4]);
    if !mod_97_10::is_valid(&rearranged) {
        return Err(Invalid::Checksum);
    }
    Ok(Valid::new(iban, vec!["mod97", country]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_examples_validate() {
        for iban in [
            "GB82 WEST 1234 5698 7654 32",
            "DE89370400440532013000",
            "de89 3704 0044 0532 0130 00",
            "FR14 2004 1010 0505 0001 3M02 606",
            "NO93 8601 1117 947",
            "CH93 0076 2011 6238 5295 7",
            "NL91 ABNA 0417 1643 00",
            "BE68 5390 0754 7034",
            "LC55 HEMM 0001 0001 0012 0012 0002 3015",
            "RU02 0445 2560 0407 0281 0412 3456 7890 1",
        ] {
            assert!(validate(iban).is_ok(), "{iban}: {:?}", validate(iban));
        }
    }

    #[test]
    fn every_country_entry_is_well_formed() {
        for (reason, n) in LENGTHS {
            assert!(
                reason.starts_with("country:") && reason.len() == 10,
                "{reason}"
            );
            assert!((15..=34).contains(n), "{reason}");
        }
        assert_eq!(length_for("DE"), Some(22));
        assert_eq!(
            validate("DE89370400440532013000").unwrap().reasons,
            ["mod97", "country:DE"]
        );
    }

    #[test]
    fn rejects_wrong_checksum_length_country_and_grouping() {
        assert_eq!(
            validate("DE88 3704 0044 0532 0130 00"),
            Err(Invalid::Checksum)
        );
        assert_eq!(validate("DE89 3704 0044 0532 0130 0"), Err(Invalid::Length));
        assert_eq!(
            validate("ZZ89 3704 0044 0532 0130 00"),
            Err(Invalid::Component)
        );
        assert_eq!(
            validate("DE89 37040 044 0532 0130 00"),
            Err(Invalid::Format)
        );
    }
}
