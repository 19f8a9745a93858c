//! Machine-readable zone (MRZ) of a passport, ID card or travel document.
//!
//! ICAO Doc 9303 zones of upper-case letters, digits and the filler `<`:
//! TD3 (passports: two lines of 44), TD2 (two lines of 36) and TD1 (ID cards:
//! three lines of 30). The document number, date of birth and date of expiry
//! each carry a 7-3-1 check digit, so do the optional/personal-number fields
//! where the layout defines one, and a composite check digit covers them all.
//! A zone is reported only when every check digit holds and the dates are
//! real months and days; it then names a person and a document beyond doubt:
//! high on its own. The span is the whole zone, line breaks included.
//! Spec: ICAO Doc 9303, Parts 3 (common specifications), 4 (TD3), 5 (TD1), 6 (TD2).
//!
//! Document numbers longer than nine characters (TD1 overflow into the
//! optional data) are not recognised.
//!
//! ```
//! use draftguard::detectors::passport_mrz::validate;
//! let mrz = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
//! assert!(validate(mrz).is_ok());
//! assert!(validate(&mrz.replace("C36UTO", "C37UTO")).is_err());
//! ```
use super::{Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words};
use crate::checksum::icao9303;
use crate::finding::{Checksum, Reason};

/// The MRZ detector.
pub const DETECTOR: Detector = Detector {
    kind: "passport_mrz",
    category: Category::GovernmentId,
    locales: &[],
    name: L10n {
        en: "Passport / ID card machine-readable zone",
        de: "Maschinenlesbare Zone (Reisepass / Ausweis)",
        zh: "护照/证件机读区",
    },
    label: L10n {
        en: "PASSPORT MRZ",
        de: "AUSWEIS-MRZ",
        zh: "护照机读区",
    },
    checks: "ICAO 9303 machine-readable zone with every check digit and the composite",
    #[cfg(not(target_family = "wasm"))]
    pattern: r"(?:^|[^A-Za-z0-9<])(?P<value>[A-Z0-9<]{44}[ \t]*\r?\n[ \t]*[A-Z0-9<]{44}|[A-Z0-9<]{36}[ \t]*\r?\n[ \t]*[A-Z0-9<]{36}|[A-Z0-9<]{30}[ \t]*\r?\n[ \t]*[A-Z0-9<]{30}[ \t]*\r?\n[ \t]*[A-Z0-9<]{30})(?:$|[^A-Za-z0-9<])",
    prefilter: Prefilter::Keywords {
        words: &["<<"],
        before: 100,
        after: 100,
    },
    context: Words {
        en: words![
            "passport",
            "mrz",
            "machine readable",
            "id card",
            "travel document",
        ],
        de: words![
            "reisepass",
            "pass",
            "personalausweis",
            "ausweis",
            "maschinenlesbare zone",
            "mrz",
        ],
        zh: words!["护照", "机读区", "身份证", "证件"],
    },
    negative_context: Words::NONE,
    scoring: Scoring {
        alone: Some(Confidence::High),
        with_context: Confidence::High,
    },
    priority: 100,
    keep_last: 0,
    keep_leading_letters: 0,
    preview: Some(preview),
    validate,
    by_group: None,
};

/// "MRZ TD3, 2 lines": the layout, nothing of the holder.
fn preview(zone: &str) -> String {
    let lines: Vec<&str> = zone.lines().map(str::trim).collect();
    let layout = match lines.first().map_or(0, |l| l.len()) {
        44 => "TD3",
        36 => "TD2",
        _ => "TD1",
    };
    format!("MRZ {layout}, {} lines", lines.len())
}

/// Returns the zone's lines joined without breaks if every check digit holds.
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let lines: Vec<&str> = candidate.lines().map(|l| l.trim()).collect();
    let mrz_char = |b: u8| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'<';
    if lines.iter().any(|l| !l.bytes().all(mrz_char)) {
        return Err(Invalid::Format);
    }
    let ok = match (lines.len(), lines.first().map_or(0, |l| l.len())) {
        (2, 44) if lines[1].len() == 44 => td3(lines[0], lines[1]),
        (2, 36) if lines[1].len() == 36 => td2(lines[0], lines[1]),
        (3, 30) if lines[1].len() == 30 && lines[2].len() == 30 => td1(lines[0], lines[1]),
        _ => Err(Invalid::Length),
    };
    ok?;
    Ok(Valid::new(
        lines.concat(),
        vec![Reason::Checksum(Checksum::Icao9303)],
    ))
}

/// Passport: document, birth, expiry and personal-number checks, composite over them.
fn td3(l1: &str, l2: &str) -> Result<(), Invalid> {
    if !l1.starts_with('P') {
        return Err(Invalid::Format);
    }
    check(&l2[0..9], l2.as_bytes()[9])?;
    person(&l2[13..28])?;
    check(&l2[28..42], l2.as_bytes()[42])?;
    let composite = [&l2[0..10], &l2[13..20], &l2[21..43]].concat();
    check(&composite, l2.as_bytes()[43])
}

/// Two lines of 36: as TD3 without the personal-number check.
fn td2(l1: &str, l2: &str) -> Result<(), Invalid> {
    if !matches!(l1.as_bytes()[0], b'A' | b'C' | b'I' | b'P' | b'V') {
        return Err(Invalid::Format);
    }
    check(&l2[0..9], l2.as_bytes()[9])?;
    person(&l2[13..28])?;
    let composite = [&l2[0..10], &l2[13..20], &l2[21..35]].concat();
    check(&composite, l2.as_bytes()[35])
}

/// ID card: document number on line 1, dates on line 2, composite over both.
fn td1(l1: &str, l2: &str) -> Result<(), Invalid> {
    if !matches!(l1.as_bytes()[0], b'A' | b'C' | b'I') {
        return Err(Invalid::Format);
    }
    check(&l1[5..14], l1.as_bytes()[14])?;
    person(&l2[0..15])?;
    let composite = [&l1[5..30], &l2[0..7], &l2[8..15], &l2[18..29]].concat();
    check(&composite, l2.as_bytes()[29])
}

/// Birth date + check, sex, expiry date + check (15 characters).
fn person(f: &str) -> Result<(), Invalid> {
    date(&f[0..6])?;
    check(&f[0..6], f.as_bytes()[6])?;
    if !matches!(f.as_bytes()[7], b'M' | b'F' | b'X' | b'<') {
        return Err(Invalid::Component);
    }
    date(&f[8..14])?;
    check(&f[8..14], f.as_bytes()[14])
}

/// A `YYMMDD` date with a real month and day.
fn date(yymmdd: &str) -> Result<(), Invalid> {
    let n: Vec<u32> = yymmdd
        .as_bytes()
        .chunks(2)
        .map(|p| std::str::from_utf8(p).ok()?.parse().ok())
        .collect::<Option<_>>()
        .ok_or(Invalid::Format)?;
    if !(1..=12).contains(&n[1]) || !(1..=31).contains(&n[2]) {
        return Err(Invalid::Component);
    }
    Ok(())
}

fn check(field: &str, digit: u8) -> Result<(), Invalid> {
    if icao9303::is_valid(field, digit) {
        Ok(())
    } else {
        Err(Invalid::Checksum)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TD3: &str = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
    const TD2: &str = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6";
    const TD1: &str = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<";

    #[test]
    fn icao_specimens() {
        assert!(validate(TD3).is_ok());
        assert!(validate(TD2).is_ok());
        assert!(validate(TD1).is_ok());
        assert!(validate(&TD3.replace('\n', "\r\n")).is_ok());
        assert_eq!(preview(TD1), "MRZ TD1, 3 lines");
    }

    #[test]
    fn every_check_digit_counts() {
        // Document number, birth date, expiry, personal number, composite.
        for (from, to) in [
            ("C36UTO", "C37UTO"),
            ("7408122F", "7408123F"),
            ("1204159Z", "1204158Z"),
            ("<<<<<10", "<<<<<20"),
            ("<<<<<10", "<<<<<11"),
        ] {
            assert_eq!(
                validate(&TD3.replace(from, to)),
                Err(Invalid::Checksum),
                "{to}"
            );
        }
        assert_eq!(
            validate(&TD1.replace("<<6\n", "<<5\n")),
            Err(Invalid::Checksum)
        );
        assert_eq!(
            validate(&TD2.replace("I<UTO", "X<UTO")),
            Err(Invalid::Format)
        );
        assert_eq!(validate(""), Err(Invalid::Length));
        assert_eq!(validate("é"), Err(Invalid::Format));
    }
}
