//! US Medicare Beneficiary Identifier (MBI), on Medicare cards since 2018.
//!
//! Eleven characters, upper-case letters and digits by position:
//! `C A AN N A AN N A A N N` — C a digit 1–9, N a digit 0–9, A a letter other
//! than S, L, O, I, B and Z, AN either. Often printed 4-3-4 with dashes
//! ("1EG4-TE5-MK73"). There is no check character; the MBI is found only near
//! a word such as "Medicare" or "MBI", which is also its prefilter (the
//! positional rules could stand alone, but a pattern run over all text with no
//! digit cluster or keyword to start from cost about 15% of throughput).
//! Spec: CMS, "New Medicare Card — Understanding the MBI" (MBI format specifications).
//!
//! ```
//! use draftguard::detectors::us_medicare_mbi::validate;
//! assert!(validate("1EG4-TE5-MK73").is_ok());
//! assert!(validate("1EG4-TS5-MK73").is_err()); // S is never used
//! ```
use super::{Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words};
use crate::finding::{Format, Reason};

/// The MBI detector.
pub const DETECTOR: Detector = Detector {
    kind: "us_medicare_mbi",
    category: Category::Medical,
    locales: &["en"],
    name: L10n {
        en: "US Medicare number (MBI)",
        de: "US-Medicare-Nummer (MBI)",
        zh: "美国联邦医疗保险号 (MBI)",
    },
    label: L10n {
        en: "MEDICARE ID",
        de: "MEDICARE-NUMMER",
        zh: "医疗保险号",
    },
    checks: "MBI position rules (excluded letters); next to a label",
    #[cfg(not(target_family = "wasm"))]
    pattern: r"(?i)\b[1-9][AC-HJKMNP-RT-Y][0-9AC-HJKMNP-RT-Y][0-9][ -]?[AC-HJKMNP-RT-Y][0-9AC-HJKMNP-RT-Y][0-9][ -]?[AC-HJKMNP-RT-Y]{2}[0-9]{2}\b",
    prefilter: Prefilter::Keywords {
        words: &[
            "medicare",
            "mbi",
            "beneficiary",
            "联邦医疗保险",
            "医疗保险号",
            "美国医保",
        ],
        before: 64,
        after: 64,
    },
    context: Words {
        en: words![
            "medicare",
            "medicare number",
            "medicare id",
            "medicare card",
            "mbi",
            "beneficiary identifier",
            "medicare beneficiary",
        ],
        de: words!["medicare", "medicare-nummer", "mbi"],
        zh: words!["medicare", "mbi", "联邦医疗保险", "医疗保险号", "美国医保"],
    },
    negative_context: super::common::NOT_SENSITIVE,
    scoring: Scoring {
        alone: None,
        with_context: Confidence::High,
    },
    priority: 70,
    keep_last: 4,
    keep_leading_letters: 0,
    preview: None,
    validate,
    by_group: None,
};

/// What each of the eleven positions may hold.
#[derive(Clone, Copy)]
enum Slot {
    /// 1–9.
    C,
    /// 0–9.
    N,
    /// A letter except S, L, O, I, B, Z.
    A,
    /// A or N.
    An,
}

const LAYOUT: [Slot; 11] = {
    use Slot::*;
    [C, A, An, N, A, An, N, A, A, N, N]
};

/// Returns the 11 characters, upper-cased, if `candidate` is a well-formed MBI
/// (contiguous, or 4-3-4 with one kind of separator).
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let mbi = super::shape::compact(candidate)?;
    if mbi.len() != 11 {
        return Err(Invalid::Length);
    }
    let groups = super::shape::groups(candidate);
    if groups != [11] && groups != [4, 3, 4] {
        return Err(Invalid::Format);
    }
    let letter = |b: u8| b.is_ascii_uppercase() && !b"SLOIBZ".contains(&b);
    let fits = mbi.bytes().zip(LAYOUT).all(|(b, slot)| match slot {
        Slot::C => (b'1'..=b'9').contains(&b),
        Slot::N => b.is_ascii_digit(),
        Slot::A => letter(b),
        Slot::An => letter(b) || b.is_ascii_digit(),
    });
    if !fits {
        return Err(Invalid::Format);
    }
    Ok(Valid::new(mbi, vec![Reason::Format(Format::MbiFormat)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions() {
        // CMS's published example, in its three spellings.
        for ok in [
            "1EG4-TE5-MK73",
            "1EG4TE5MK73",
            "1eg4 te5 mk73",
            "9A04C05DE99",
        ] {
            assert!(validate(ok).is_ok(), "{ok}");
        }
        for bad in [
            "0EG4-TE5-MK73", // position 1 is 1–9
            "1SG4-TE5-MK73", // S never used
            "1EGA-TE5-MK73", // position 4 is a digit
            "1EG4-TE5-MK7A", // position 11 is a digit
            "1EG4-TEB-MK73", // B never used, position 7 a digit
        ] {
            assert_eq!(validate(bad), Err(Invalid::Format), "{bad}");
        }
        assert_eq!(validate("1EG4-TE5MK73"), Err(Invalid::Format));
        assert_eq!(validate("1EG4 TE5-MK73"), Err(Invalid::Format));
        assert_eq!(validate("1EG4-TE5-MK7"), Err(Invalid::Length));
    }
}
