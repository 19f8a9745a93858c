//! Passport numbers next to a word such as "passport" / "Reisepass" / "护照".
//!
//! Passport numbers carry no check digit outside the machine-readable zone
//! (see `passport_mrz`), and their shapes are shared with countless codes, so
//! a number is reported only with a passport word near it. Shapes:
//! China `E`/`G` + 8 digits or `E` + letter + 7 digits; India a letter + 7
//! digits; UK 9 digits; Germany 9 characters from `0-9 C F G H J K L M N P R
//! T V W X Y Z`, the first a letter (the `de_id_card` detector also checks
//! its ICAO check digit when given and wins ties); any other 6–9 letters and
//! digits with at least one digit. A country shape next to a passport word is
//! medium; the generic shape is low. US rules are left to `us_passport`.
//! The country in brackets right after the value ("G83920417 (China)",
//! "（中国）") is a qualifier: it beats `de_id_card`'s "passport number"
//! (`scan::resolve`, rule 1).
//! A bare "pass" is no context word, and flight numbers ("LH2034") are not
//! passport numbers: travel drafts name both.
//! Spec: ICAO Doc 9303 Part 4 (document number field); national passport
//! regulations (PAuswV/PassV, UK HMPO, MEA India, NIA China).
//!
//! ```
//! use draftguard::detectors::passport_number::validate;
//! assert!(!validate("E83920417").unwrap().weak);
//! assert!(validate("X9K2L7Q4").unwrap().weak);
//! assert!(validate("PASSPORT").is_err());
//! ```
use super::{
    shape, Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words,
};
use crate::finding::Reason;

/// The passport number detector.
pub const DETECTOR: Detector = Detector {
    kind: "passport_number",
    category: Category::GovernmentId,
    locales: &[],
    name: L10n {
        en: "Passport number",
        de: "Reisepassnummer",
        zh: "护照号码",
    },
    label: L10n {
        en: "PASSPORT NO.",
        de: "PASSNUMMER",
        zh: "护照号码",
    },
    checks: "Country passport-number shapes next to a passport label",
    #[cfg(not(target_family = "wasm"))]
    pattern: r"\b[A-Za-z0-9]{6,9}\b",
    prefilter: Prefilter::Keywords {
        words: &["pass", "护照"],
        before: 40,
        after: 60,
    },
    context: Words {
        en: words![
            "passport",
            "passport no",
            "passport number",
            "passport #",
            "passport num",
            "passport nr",
            // Whole labels naming the countries whose shapes this knows: the
            // label wins over `de_id_card`'s "passport number".
            "uk passport number",
            "british passport number",
            "british passport no",
            "chinese passport number",
            "indian passport number",
            // Qualifiers: the country in brackets right after the value
            // ("passport no. G83920417 (China)": not a German serial).
            "(china)",
            "(prc)",
            "(uk)",
            "(india)",
        ],
        de: words![
            "reisepass",
            "reisepassnummer",
            "reisepass-nr",
            "passnummer",
            "pass-nr",
            "britische reisepassnummer",
            "chinesische reisepassnummer",
            "chinesischer reisepass",
            "indische reisepassnummer",
            "(china)",
            "(vr china)",
            "(großbritannien)",
            "(indien)",
        ],
        zh: words![
            "护照",
            "护照号",
            "护照号码",
            "英国护照号",
            "中国护照号",
            "印度护照号",
            "(中国)",
            "（中国）",
            "（英国）",
            "（印度）",
        ],
    },
    negative_context: super::common::NOT_SENSITIVE,
    scoring: Scoring {
        alone: None,
        with_context: Confidence::Medium,
    },
    priority: 50,
    keep_last: 2,
    keep_leading_letters: 0,
    preview: None,
    validate,
    by_group: None,
};

/// Characters of a German passport serial after the first.
const DE_ALPHABET: &[u8] = b"0123456789CFGHJKLMNPRTVWXYZ";

/// Returns the upper-cased value if `candidate` has a passport number shape;
/// `weak` for the generic shape.
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let v = shape::compact(candidate)?;
    let b = v.as_bytes();
    if candidate.len() != b.len() || !(6..=9).contains(&b.len()) {
        return Err(Invalid::Length);
    }
    let digits = b.iter().filter(|c| c.is_ascii_digit()).count();
    if digits == 0 {
        return Err(Invalid::Format);
    }
    if digits == b.len() && looks_like_a_date(&v) {
        return Err(Invalid::Component);
    }
    let tail = v.trim_start_matches(|c: char| c.is_ascii_uppercase());
    if tail.bytes().all(|c| c.is_ascii_digit()) && shape::is_stand_in_digits(tail) {
        return Err(Invalid::Component);
    }
    let all_digits = |r: &[u8]| r.iter().all(u8::is_ascii_digit);
    let country = match b.len() {
        9 if matches!(b[0], b'E' | b'G') && all_digits(&b[1..]) => Some("cn"),
        9 if b[0] == b'E' && b[1].is_ascii_uppercase() && all_digits(&b[2..]) => Some("cn"),
        9 if all_digits(b) => Some("gb"),
        9 if b[0].is_ascii_uppercase() && b.iter().all(|c| DE_ALPHABET.contains(c)) => Some("de"),
        8 if b[0].is_ascii_uppercase() && all_digits(&b[1..]) => Some("in"),
        _ => None,
    };
    if country.is_none() && looks_like_a_flight(b) {
        return Err(Invalid::Format);
    }
    Ok(Valid {
        compact: v,
        reasons: vec![Reason::Shape(country.unwrap_or("generic"))],
        weak: country.is_none(),
        evidence: super::Evidence::Plain,
    })
}

/// An IATA flight number: airline code (two characters, the first a letter)
/// and one to four digits ("LH2034", "U21234"), travel drafts' most common code.
fn looks_like_a_flight(b: &[u8]) -> bool {
    b.len() <= 6
        && b[0].is_ascii_uppercase()
        && b[1].is_ascii_alphanumeric()
        && b[2..].iter().all(u8::is_ascii_digit)
}

/// `YYYYMMDD` or `DDMMYYYY` with a real month: an expiry or birth date, not a number.
fn looks_like_a_date(d: &str) -> bool {
    let n = |r: std::ops::Range<usize>| d[r].parse::<u32>().unwrap_or(0);
    d.len() == 8
        && ((matches!(n(0..2), 19 | 20) && (1..=12).contains(&n(4..6)))
            || (matches!(n(4..6), 19 | 20) && (1..=12).contains(&n(2..4))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let reason = |s| validate(s).unwrap().reasons[0].to_string();
        assert_eq!(reason("E83920417"), "shape:cn");
        assert_eq!(reason("EH3920417"), "shape:cn");
        assert_eq!(reason("K4829173"), "shape:in");
        assert_eq!(reason("508934127"), "shape:gb");
        assert_eq!(reason("C01X00T47"), "shape:de");
        assert_eq!(reason("X9K2L7Q4"), "shape:generic");
        assert_eq!(validate("PASSPORT"), Err(Invalid::Format));
        assert_eq!(validate("LH2034"), Err(Invalid::Format));
        assert_eq!(validate("20310512"), Err(Invalid::Component));
        assert_eq!(validate("111111111"), Err(Invalid::Component));
        assert_eq!(validate("A1234"), Err(Invalid::Length));
    }
}
