//! International Bank Account Number (IBAN), ISO 13616.
//!
//! Two-letter country code, two check digits, then a country-specific BBAN
//! whose length and fields (where digits and where letters go) the SWIFT IBAN
//! registry fixes per country: Germany's is 8 digits of bank code and 10 of
//! account, Britain's 4 letters and 14 digits. Valid when the BBAN has its
//! country's structure and, with the first four characters moved to the end
//! and letters expanded (A = 10 … Z = 35), the number is 1 mod 97 (ISO 7064
//! MOD 97-10); a look-alike with a letter where the registry has digits fails.
//!
//! Found as banks and people print it: contiguous; in groups of four
//! ("DE89 3704 0044 0532 0130 00"); with a space after the country code
//! ("DE 89 3704 …"); the BBAN in its national groups, along the registry's
//! fields ("ES91 2100 0418 45 0200051332", "DE89 37040044 0532013000") or
//! Norway's "NO 93 8601 11 17947"; joined by spaces, dashes or dots (one kind
//! per IBAN); upper or lower case ("de89 3704 …", but not "de 89 …", which
//! reads as prose). Spec: ISO 13616-1:2020; SWIFT "IBAN Registry".
//!
//! ```
//! use draftguard::detectors::iban::validate;
//! assert!(validate("DE89 3704 0044 0532 0130 00").is_ok());
//! assert!(validate("DE88 3704 0044 0532 0130 00").is_err());
//! ```
use super::{Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words};
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
    checks: "Country BBAN structure and length (SWIFT registry), bank print groupings, ISO 7064 MOD 97-10",
    #[cfg(not(target_family = "wasm"))]
    // Country code, check digits, then 11–30 letters and digits, each
    // group after one separator; `validate` decides which groupings count.
    pattern: r"\b[A-Za-z]{2}[ .-]?[0-9]{2}(?:[ .-]?[A-Za-z0-9]){11,30}\b",
    // Groups of four joined by dots are clusters of four digits.
    prefilter: Prefilter::Digits(4),
    context: Words {
        en: words![
            "iban",
            "bank account",
            "account",
            "wire",
            "transfer",
            "swift",
            "bic",
            "sepa",
        ],
        de: words![
            "iban",
            "bankverbindung",
            "konto",
            "kontonummer",
            "überweisung",
            "bankkonto",
        ],
        zh: words!["银行账号", "账号", "账户", "汇款", "转账", "国际银行账号"],
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

/// (country code, BBAN structure) for every country in the SWIFT IBAN registry, plus
/// territories that use their parent's format (FR overseas, GB crown dependencies).
/// The structure is the registry's fields (bank code, branch, account, national
/// check digits), each `n` digits, `a` upper-case letters or `c` letters or
/// digits: `"4a6n8n"` is four letters, then six digits, then eight digits. The
/// IBAN is 4 characters longer. Printed groups of the BBAN follow these fields
/// (merged or not: "ES91 2100 0418 45 0200051332"), fours, or a
/// grouping in [`NATIONAL`].
/// A valid IBAN reports its country as `country:XX` ([`Reason::Country`]).
const BBAN: &[(&str, &str)] = &[
    ("AD", "4n4n12c"),
    ("AE", "3n16n"),
    ("AL", "8n16c"),
    ("AT", "5n11n"),
    ("AZ", "4a20c"),
    ("BA", "3n3n8n2n"),
    ("BE", "3n7n2n"),
    ("BG", "4a4n2n8c"),
    ("BH", "4a14c"),
    ("BI", "5n5n11n2n"),
    ("BL", "5n5n11c2n"),
    ("BR", "8n5n10n1a1c"),
    ("BY", "4c4n16c"),
    ("CH", "5n12c"),
    ("CR", "4n14n"),
    ("CY", "3n5n16c"),
    ("CZ", "4n6n10n"),
    ("DE", "8n10n"),
    ("DJ", "5n5n11n2n"),
    ("DK", "4n9n1n"),
    ("DO", "4c20n"),
    ("EE", "2n2n11n1n"),
    ("EG", "4n4n17n"),
    ("ES", "4n4n1n1n10n"),
    ("FI", "6n7n1n"),
    ("FK", "2a12n"),
    ("FO", "4n9n1n"),
    ("FR", "5n5n11c2n"),
    ("GB", "4a6n8n"),
    ("GE", "2a16n"),
    ("GF", "5n5n11c2n"),
    ("GG", "4a6n8n"),
    ("GI", "4a15c"),
    ("GL", "4n9n1n"),
    ("GP", "5n5n11c2n"),
    ("GR", "3n4n16c"),
    ("GT", "4c20c"),
    ("HN", "4a20n"),
    ("HR", "7n10n"),
    ("HU", "3n4n1n15n1n"),
    ("IE", "4a6n8n"),
    ("IL", "3n3n13n"),
    ("IM", "4a6n8n"),
    ("IQ", "4a3n12n"),
    ("IS", "4n2n6n10n"),
    ("IT", "1a5n5n12c"),
    ("JE", "4a6n8n"),
    ("JO", "4a4n18c"),
    ("KW", "4a22c"),
    ("KZ", "3n13c"),
    ("LB", "4n20c"),
    ("LC", "4a24c"),
    ("LI", "5n12c"),
    ("LT", "5n11n"),
    ("LU", "3n13c"),
    ("LV", "4a13c"),
    ("LY", "3n3n15n"),
    ("MC", "5n5n11c2n"),
    ("MD", "2c18c"),
    ("ME", "3n13n2n"),
    ("MF", "5n5n11c2n"),
    ("MK", "3n10c2n"),
    ("MN", "4n12n"),
    ("MQ", "5n5n11c2n"),
    ("MR", "5n5n11n2n"),
    ("MT", "4a5n18c"),
    ("MU", "4a2n2n12n3n3a"),
    ("NC", "5n5n11c2n"),
    ("NI", "4a20n"),
    ("NL", "4a10n"),
    ("NO", "4n6n1n"),
    ("OM", "3n16c"),
    ("PF", "5n5n11c2n"),
    ("PK", "4a16c"),
    ("PL", "8n16n"),
    ("PM", "5n5n11c2n"),
    ("PS", "4a21c"),
    ("PT", "4n4n11n2n"),
    ("QA", "4a21c"),
    ("RE", "5n5n11c2n"),
    ("RO", "4a16c"),
    ("RS", "3n13n2n"),
    ("RU", "9n5n15c"),
    ("SA", "2n18c"),
    ("SC", "4a2n2n16n3a"),
    ("SD", "2n12n"),
    ("SE", "3n16n1n"),
    ("SI", "5n8n2n"),
    ("SK", "4n6n10n"),
    ("SM", "1a5n5n12c"),
    ("SO", "4n3n12n"),
    ("ST", "4n4n11n2n"),
    ("SV", "4a20n"),
    ("TF", "5n5n11c2n"),
    ("TL", "3n14n2n"),
    ("TN", "2n3n13n2n"),
    ("TR", "5n1n16c"),
    ("UA", "6n19c"),
    ("VA", "3n15n"),
    ("VG", "4a16n"),
    ("WF", "5n5n11c2n"),
    ("XK", "4n10n2n"),
    ("YE", "4a4n18c"),
    ("YT", "5n5n11c2n"),
];

/// The registered IBAN length for a two-letter country code.
pub fn length_for(country: &str) -> Option<usize> {
    entry(country).map(|&(_, bban)| 4 + fields(bban).map(|(n, _)| n).sum::<usize>())
}

fn entry(country: &str) -> Option<&'static (&'static str, &'static str)> {
    BBAN.iter().find(|(code, _)| *code == country)
}

/// The fields of a BBAN structure: (length, class byte `n` | `a` | `c`).
fn fields(structure: &'static str) -> impl Iterator<Item = (usize, u8)> {
    let b = structure.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        let class = *b.get(i + digits)?;
        let n = structure[i..i + digits].parse().ok()?;
        i += digits + 1;
        Some((n, class))
    })
}

/// `true` if `bban` (upper case) has the country's `structure`, field by field.
fn fits(bban: &[u8], structure: &'static str) -> bool {
    let mut at = 0;
    for (n, class) in fields(structure) {
        let Some(field) = bban.get(at..at + n) else {
            return false;
        };
        let ok = field.iter().all(|c| match class {
            b'n' => c.is_ascii_digit(),
            b'a' => c.is_ascii_uppercase(),
            _ => c.is_ascii_uppercase() || c.is_ascii_digit(),
        });
        if !ok {
            return false;
        }
        at += n;
    }
    at == bban.len()
}

/// National print groupings of the BBAN that do not follow the registry's
/// fields: Norway's "8601 11 17947" (bank, account group, account).
const NATIONAL: &[(&str, &[usize])] = &[("NO", &[4, 2, 5])];

/// `true` for a separator an IBAN may be printed with (one kind per IBAN).
fn is_separator(b: u8) -> bool {
    matches!(b, b' ' | b'-' | b'.')
}

/// An IBAN as printed: its compact upper-case form and the widths of the
/// BBAN's printed groups.
struct Printed {
    compact: String,
    groups: Vec<usize>,
}

/// Reads `candidate` as printed: contiguous; in groups after the country
/// code and check digits ("DE89 3704 …"), or with a separator between the
/// two as well ("DE 89 3704 …"); one kind of separator throughout; letters
/// all upper or all lower case, and upper case where the country code stands
/// apart ("no 93 …" reads as prose). Which groupings of the BBAN count is
/// the country's ([`grouping_fits`]).
fn read(candidate: &str) -> Result<Printed, Invalid> {
    let b = candidate.as_bytes();
    let mut seps = b.iter().filter(|&&c| is_separator(c));
    if let Some(&first) = seps.next() {
        if seps.any(|&c| c != first) {
            return Err(Invalid::Format);
        }
    }
    let letters = || b.iter().filter(|c| c.is_ascii_alphabetic());
    let upper = letters().all(u8::is_ascii_uppercase);
    if !upper && !letters().all(u8::is_ascii_lowercase) {
        return Err(Invalid::Format);
    }
    let mut groups = candidate.split(|c: char| c.is_ascii() && is_separator(c as u8));
    let head = groups.next().unwrap_or_default();
    let rest: Vec<&str> = groups.collect();
    let body = match (head.len(), rest.split_first()) {
        // "DE 89 3704 …": the check digits are a group of their own.
        (2, Some((check, body))) if upper && check.len() == 2 && !body.is_empty() => body,
        // "DE89 3704 …", "DE89370400440532013000".
        (4, _) => &rest[..],
        (_, None) => &rest[..],
        _ => return Err(Invalid::Format),
    };
    if body.iter().any(|g| g.is_empty()) {
        return Err(Invalid::Format);
    }
    Ok(Printed {
        compact: candidate
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase() as char)
            .collect(),
        groups: body.iter().map(|g| g.len()).collect(),
    })
}

/// Whether the BBAN's printed `groups` are a grouping banks print: none
/// (one run), fours (the IBAN's own print), groups along the registry's
/// fields, merged or not, or the country's [`NATIONAL`] grouping.
fn grouping_fits(country: &str, structure: &'static str, groups: &[usize]) -> bool {
    let Some((_, inner)) = groups.split_last() else {
        return true;
    };
    if inner.iter().all(|&g| g == 4) && groups.last().is_some_and(|&g| g <= 4) {
        return true;
    }
    if NATIONAL.iter().any(|&(cc, g)| cc == country && g == groups) {
        return true;
    }
    let mut ends = fields(structure).scan(0, |at, (n, _)| {
        *at += n;
        Some(*at)
    });
    let mut at = 0;
    inner.iter().all(|&g| {
        at += g;
        ends.any(|end| end == at)
    })
}

/// Returns the compact upper-case IBAN if `candidate` is valid.
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let Printed {
        compact: iban,
        groups,
    } = read(candidate)?;
    let b = iban.as_bytes();
    if b.len() < 15
        || !b[..2].iter().all(u8::is_ascii_alphabetic)
        || !b[2..4].iter().all(u8::is_ascii_digit)
    {
        return Err(Invalid::Format);
    }
    let &(country, structure) = entry(&iban[..2]).ok_or(Invalid::Component)?;
    if Some(iban.len()) != length_for(country) {
        return Err(Invalid::Length);
    }
    if !fits(&b[4..], structure) || !grouping_fits(country, structure, &groups) {
        return Err(Invalid::Format);
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
            // One example per structure from the registry.
            "AD1200012030200359100100",
            "AE070331234567890123456",
            "AL47212110090000000235698741",
            "AT611904300234573201",
            "AZ21NABZ00000000137010001944",
            "BA391290079401028494",
            "BG80BNBG96611020345678",
            "BH67BMAG00001299123456",
            "BR1800360305000010009795493C1",
            "BY13NBRB3600900000002Z00AB00",
            "CR05015202001026284066",
            "CY17002001280000001200527600",
            "CZ6508000000192000145399",
            "DK5000400440116243",
            "DO28BAGR00000001212453611324",
            "EE382200221020145685",
            "ES9121000418450200051332",
            "FI2112345600000785",
            "GE29NB0000000101904917",
            "GI75NWBK000000007099453",
            "GR1601101250000000012300695",
            "GT82TRAJ01020000001210029690",
            "HR1210010051863000160",
            "HU42117730161111101800000000",
            "IE29AIBK93115212345678",
            "IL620108000000099999999",
            "IQ98NBIQ850123456789012",
            "IS140159260076545510730339",
            "IT60X0542811101000000123456",
            "JO94CBJO0010000000000131000302",
            "KW81CBKU0000000000001234560101",
            "KZ86125KZT5004100100",
            "LB62099900000001001901229114",
            "LI21088100002324013AA",
            "LT121000011101001000",
            "LU280019400644750000",
            "LV80BANK0000435195001",
            "MC5811222000010123456789030",
            "MD24AG000225100013104168",
            "ME25505000012345678951",
            "MK07250120000058984",
            "MR1300020001010000123456753",
            "MT84MALT011000012345MTLCAST001S",
            "MU17BOMM0101101030300200000MUR",
            "PK36SCBL0000001123456702",
            "PL61109010140000071219812874",
            "PS92PALS000000000400123456702",
            "PT50000201231234567890154",
            "QA58DOHB00001234567890ABCDEFG",
            "RO49AAAA1B31007593840000",
            "RS35260005601001611379",
            "SA0380000000608010167519",
            "SC18SSCB11010000000000001497USD",
            "SE4550000000058398257466",
            "SI56263300012039086",
            "SK3112000000198742637541",
            "SM86U0322509800000000270100",
            "ST32000200010192194210112",
            "SV62CENR00000000000000700025",
            "TL380080012345678910157",
            "TN5910006035183598478831",
            "TR330006100519786457841326",
            "UA213223130000026007233566001",
            "VG96VPVG0000012345678901",
            "XK051212012345678906",
        ] {
            assert!(validate(iban).is_ok(), "{iban}: {:?}", validate(iban));
        }
    }

    #[test]
    fn printed_as_banks_print_them() {
        for iban in [
            "DE 89 3704 0044 0532 0130 00",
            "DE89 37040044 0532013000",
            "DE 89 37040044 0532013000",
            "ES91 2100 0418 45 0200051332",
            "FR14 20041 01005 0500013M026 06",
            "GB82 WEST 123456 98765432",
            "BE68 539 0075470 34",
            "NO93 8601 11 17947",
            "NO 93 8601 11 17947",
            "DE89-3704-0044-0532-0130-00",
            "DE89.3704.0044.0532.0130.00",
            "DE-89-3704-0044-0532-0130-00",
            "gb82 west 1234 5698 7654 32",
            "gb82west12345698765432",
        ] {
            assert!(validate(iban).is_ok(), "{iban}: {:?}", validate(iban));
        }
    }

    #[test]
    fn look_alikes_and_odd_prints_are_rejected() {
        for (iban, why) in [
            // Letters where the registry has digits (and the checksum made to fit).
            ("DE47 3704 0044 0532 013A 00", Invalid::Format),
            ("GB25 1234 1234 5698 7654 32", Invalid::Format),
            // Groups that are neither fours, the registry's fields nor national.
            ("DE89 37040 044 0532 0130 00", Invalid::Format),
            ("ES91 21 00041845 0200051332", Invalid::Format),
            // Mixed separators, mixed case, a lower-case country code apart.
            ("DE89 3704-0044 0532 0130 00", Invalid::Format),
            ("DE89.3704 0044 0532 0130 00", Invalid::Format),
            ("Gb82 WEST 1234 5698 7654 32", Invalid::Format),
            ("gb82 WEST 1234 5698 7654 32", Invalid::Format),
            ("de 89 3704 0044 0532 0130 00", Invalid::Format),
            ("DE 893704 0044 0532 0130 00", Invalid::Format),
        ] {
            assert_eq!(validate(iban), Err(why), "{iban}");
        }
    }

    #[test]
    fn every_country_entry_is_well_formed() {
        for &(code, bban) in BBAN {
            assert!(
                code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()),
                "{code}"
            );
            let n = length_for(code).unwrap();
            assert!((15..=34).contains(&n), "{code}");
            assert_eq!(fields(bban).map(|(n, _)| n).sum::<usize>() + 4, n, "{code}");
            assert!(
                fields(bban).all(|(n, c)| n > 0 && b"nac".contains(&c)),
                "{code}"
            );
            let spelled: String = fields(bban)
                .map(|(n, c)| format!("{n}{}", c as char))
                .collect();
            assert_eq!(spelled, bban, "{code}: every field parsed");
        }
        assert_eq!(length_for("NO"), Some(15));
        assert_eq!(length_for("LC"), Some(32));
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
