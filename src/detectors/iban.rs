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
use crate::finding::{Checksum, Reason};

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
    by_group: None,
};

/// (country code, IBAN length) for every country in the SWIFT IBAN registry, plus
/// territories that use their parent's format (FR overseas, GB crown dependencies).
/// A valid IBAN reports its country as `country:XX` ([`Reason::Country`]).
const LENGTHS: &[(&str, usize)] = &[
    ("AD", 24),
    ("AE", 23),
    ("AL", 28),
    ("AT", 20),
    ("AZ", 28),
    ("BA", 20),
    ("BE", 16),
    ("BG", 22),
    ("BH", 22),
    ("BI", 27),
    ("BL", 27),
    ("BR", 29),
    ("BY", 28),
    ("CH", 21),
    ("CR", 22),
    ("CY", 28),
    ("CZ", 24),
    ("DE", 22),
    ("DJ", 27),
    ("DK", 18),
    ("DO", 28),
    ("EE", 20),
    ("EG", 29),
    ("ES", 24),
    ("FI", 18),
    ("FK", 18),
    ("FO", 18),
    ("FR", 27),
    ("GB", 22),
    ("GE", 22),
    ("GF", 27),
    ("GG", 22),
    ("GI", 23),
    ("GL", 18),
    ("GP", 27),
    ("GR", 27),
    ("GT", 28),
    ("HN", 28),
    ("HR", 21),
    ("HU", 28),
    ("IE", 22),
    ("IL", 23),
    ("IM", 22),
    ("IQ", 23),
    ("IS", 26),
    ("IT", 27),
    ("JE", 22),
    ("JO", 30),
    ("KW", 30),
    ("KZ", 20),
    ("LB", 28),
    ("LC", 32),
    ("LI", 21),
    ("LT", 20),
    ("LU", 20),
    ("LV", 21),
    ("LY", 25),
    ("MC", 27),
    ("MD", 24),
    ("ME", 22),
    ("MF", 27),
    ("MK", 19),
    ("MN", 20),
    ("MQ", 27),
    ("MR", 27),
    ("MT", 31),
    ("MU", 30),
    ("NC", 27),
    ("NI", 28),
    ("NL", 18),
    ("NO", 15),
    ("OM", 23),
    ("PF", 27),
    ("PK", 24),
    ("PL", 28),
    ("PM", 27),
    ("PS", 29),
    ("PT", 25),
    ("QA", 29),
    ("RE", 27),
    ("RO", 24),
    ("RS", 22),
    ("RU", 33),
    ("SA", 24),
    ("SC", 31),
    ("SD", 18),
    ("SE", 24),
    ("SI", 19),
    ("SK", 24),
    ("SM", 27),
    ("SO", 23),
    ("ST", 25),
    ("SV", 28),
    ("TF", 27),
    ("TL", 23),
    ("TN", 24),
    ("TR", 26),
    ("UA", 29),
    ("VA", 22),
    ("VG", 24),
    ("WF", 27),
    ("XK", 20),
    ("YE", 30),
    ("YT", 27),
];

/// The registered IBAN length for a two-letter country code.
pub fn length_for(country: &str) -> Option<usize> {
    entry(country).map(|&(_, n)| n)
}

fn entry(country: &str) -> Option<&'static (&'static str, usize)> {
    LENGTHS.iter().find(|(code, _)| *code == country)
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
    Ok(Valid::new(
        iban,
        vec![Reason::Checksum(Checksum::Mod97), Reason::Country(country)],
    ))
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
        for (code, n) in LENGTHS {
            assert!(
                code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()),
                "{code}"
            );
            assert!((15..=34).contains(n), "{code}");
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
