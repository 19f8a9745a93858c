//! Italian fiscal code (codice fiscale) of a person.
//!
//! Sixteen characters: three letters from the surname, three from the given
//! name, two digits of the birth year, the month as a letter
//! (`ABCDEHLMPRST` = January … December), two digits of the birth day (plus
//! 40 for women), the cadastral code of the birth place (a letter and three
//! digits; `Z` for abroad) and a check letter. The check letter is the sum of
//! the first fifteen characters' values mod 26, characters in odd positions
//! read through the "odd" table, those in even positions as 0–9 / A = 0 … Z = 25.
//! When two people would share a code, digits are replaced from the right by
//! `LMNPQRSTUV` (omocodia); such codes are accepted too. A check letter and
//! letters in fixed places make the shape distinctive: medium on its own,
//! high next to "codice fiscale". Spec: Decreto ministeriale 23 dicembre 1976;
//! Agenzia delle Entrate, "Codice fiscale".
//!
//! The code has no digit run long enough for the digit prefilter (a window
//! around every two- or three-digit number cost more than one pass), so the
//! pattern runs over the whole text, one lazy-DFA pass.
//!
//! ```
//! use draftguard::detectors::it_fiscal_code::validate;
//! assert!(validate("RSSMRA85T10A562S").is_ok());
//! assert!(validate("RSSMRA85T10A562T").is_err());
//! ```
use super::{
    shape, Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words,
};
use crate::finding::{Checksum, Reason};

/// The codice fiscale detector.
pub const DETECTOR: Detector = Detector {
    kind: "it_fiscal_code",
    category: Category::GovernmentId,
    locales: &["it"],
    name: L10n {
        en: "Italian fiscal code (codice fiscale)",
        de: "Italienische Steuernummer (Codice fiscale)",
        zh: "意大利税号（Codice fiscale）",
    },
    label: L10n {
        en: "FISCAL CODE",
        de: "CODICE FISCALE",
        zh: "意大利税号",
    },
    checks: "Month letter, day, and the odd/even check letter (omocodia included)",
    #[cfg(not(target_family = "wasm"))]
    pattern: r"\b[A-Za-z]{6}[0-9LMNPQRSTUVlmnpqrstuv]{2}[ABCDEHLMPRSTabcdehlmprst][0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{3}[A-Za-z]\b",
    prefilter: Prefilter::Always(Some(scope)),
    context: Words {
        en: words![
            "codice fiscale",
            "fiscal code",
            "tax code",
            "italian tax code",
            "cf",
            "c.f",
        ],
        de: words![
            "codice fiscale",
            "steuernummer",
            "italienische steuernummer",
            "steuer-id",
        ],
        zh: words!["意大利税号", "税号", "税务代码", "codice fiscale"],
    },
    negative_context: super::common::NOT_SENSITIVE,
    scoring: Scoring {
        alone: Some(Confidence::Medium),
        with_context: Confidence::High,
    },
    priority: 80,
    keep_last: 1,
    keep_leading_letters: 0,
    preview: None,
    validate,
    by_group: None,
};

/// Values of `0`–`9` and `A`–`Z` in odd (1st, 3rd, …) positions.
const ODD: [u32; 26] = [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];
/// Positions (0-based) of digits that omocodia may replace by a letter.
const DIGIT_POSITIONS: [usize; 7] = [6, 7, 9, 10, 12, 13, 14];
/// The letters that stand for 0 … 9 under omocodia.
const OMOCODIA: &[u8; 10] = b"LMNPQRSTUV";
/// Birth months January … December.
const MONTHS: &[u8; 12] = b"ABCDEHLMPRST";

/// `WORD[b]`: byte `b` is a word byte as the pattern's `\b`s see it
/// (ASCII: `_` is one, a non-ASCII byte is not).
const WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    t
};

/// `ALNUM[b]`: byte `b` is an ASCII letter or digit.
const ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Where a code can be (the detector's [`super::Scope`]): a word of exactly
/// 16 word bytes, letters and digits only. A match is one: 16 letters and
/// digits between two `\b`s; the byte after it is no word byte.
///
/// Such a word holds exactly one offset that is a multiple of 16, so the
/// scope looks at every sixteenth byte `p` and finds the word's start
/// there, at most 15 bytes back (a longer word is no code): in prose a few
/// bytes a look, instead of the lazy DFA's pass over every byte.
///
/// Most looks end after two loads: the code covers `p` and either the
/// eight bytes before `p` (if it starts at `p - 8` or before) or else the
/// eight from `p` on (it starts after `p - 8`, so it ends after `p + 8`),
/// and eight letters and digits are eight bytes in `0x30..0x80`, which
/// eight bytes of prose with a space or a dot in them are not. From the
/// start, the byte 16 further on must end the word before the bytes up to
/// it are read.
fn scope(hay: &[u8], from: usize) -> Option<std::ops::Range<usize>> {
    let n = hay.len();
    // Functions, not closures: at `opt-level = "z"` a closure called from
    // several places stays a call.
    #[inline(always)]
    fn alnum(hay: &[u8], i: usize) -> bool {
        ALNUM[usize::from(hay[i])]
    }
    #[inline(always)]
    fn word(hay: &[u8], i: usize) -> bool {
        WORD[usize::from(hay[i])]
    }
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    /// `true` if eight bytes all lie in `0x30..0x80`: a byte below 0x30
    /// (with its high bit clear) borrows in `- 0x30` and sets its high bit; a
    /// borrow only reaches bytes above one that is below, so no byte is
    /// flagged unless one is below.
    macro_rules! high {
        ($x:expr) => {{
            let x: u64 = $x;
            (x | (x.wrapping_sub(ONES * 0x30) & !x)) & (ONES << 7) == 0
        }};
    }
    /// `true` if the eight bytes from `i` all lie in `0x30..0x80`.
    #[inline(always)]
    fn high_ascii(hay: &[u8], i: usize) -> bool {
        match hay.get(i..i + 8) {
            Some(&[b0, b1, b2, b3, b4, b5, b6, b7]) => {
                high!(u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7]))
            }
            _ => false,
        }
    }
    let mut p = from.next_multiple_of(16);
    while p < n {
        // The looks that fail, sixteen bytes (`p - 8..p + 8`) a length
        // check, without a bounds check per load or a call per test (at
        // `opt-level = "z"` `is_some_and`'s closure stayed one): the scope
        // cost 2.4 instructions a byte of real text, now 2.0, most of it
        // the looks that do not fail (one probe in six there).
        if let Some(mut rest) = p.checked_sub(8).and_then(|q| hay.get(q..)) {
            while let &[a0, a1, a2, a3, a4, a5, a6, a7, b0, b1, b2, b3, b4, b5, b6, b7, ref tail @ ..] =
                rest
            {
                if ALNUM[usize::from(b0)]
                    && (high!(u64::from_le_bytes([a0, a1, a2, a3, a4, a5, a6, a7]))
                        || high!(u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7])))
                {
                    break;
                }
                rest = tail;
            }
            p = n - rest.len() + 8;
            if p >= n {
                break;
            }
        }
        let may = alnum(hay, p) && ((p >= 8 && high_ascii(hay, p - 8)) || high_ascii(hay, p));
        if may {
            // Not before `from`: a code starting there starts no match at or after it.
            let lo = from.max(p.saturating_sub(15));
            let mut start = p;
            while start > lo && alnum(hay, start - 1) {
                start -= 1;
            }
            let end = start + 16;
            let whole = (start == 0 || !word(hay, start - 1))
                && end <= n
                && (end == n || !word(hay, end))
                && (p + 1..end).all(|i| alnum(hay, i));
            if whole {
                return Some(start..end);
            }
        }
        p += 16;
    }
    None
}

/// Returns the sixteen upper-case characters if `candidate` is a valid code.
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let v = shape::compact(candidate)?;
    let b = v.as_bytes();
    if b.len() != 16 || candidate.len() != 16 {
        return Err(Invalid::Length);
    }
    let digit_at = |i: usize| -> Option<u8> {
        match b[i] {
            d @ b'0'..=b'9' => Some(d - b'0'),
            l => OMOCODIA.iter().position(|&x| x == l).map(|p| p as u8),
        }
    };
    let letters_ok = [0, 1, 2, 3, 4, 5, 8, 11, 15]
        .iter()
        .all(|&i| b[i].is_ascii_uppercase());
    let mut digits = [0u8; 7];
    for (k, &i) in DIGIT_POSITIONS.iter().enumerate() {
        digits[k] = digit_at(i).ok_or(Invalid::Format)?;
    }
    if !letters_ok {
        return Err(Invalid::Format);
    }
    let day = digits[2] * 10 + digits[3];
    if !MONTHS.contains(&b[8]) || !matches!(day, 1..=31 | 41..=71) {
        return Err(Invalid::Component);
    }
    if check_letter(&b[..15]) != b[15] {
        return Err(Invalid::Checksum);
    }
    Ok(Valid::new(
        v,
        vec![Reason::Checksum(Checksum::CfCheckLetter)],
    ))
}

/// The check letter of the first fifteen (upper-case alphanumeric) characters.
fn check_letter(first15: &[u8]) -> u8 {
    let sum: u32 = first15
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let v = if c.is_ascii_digit() {
                u32::from(c - b'0')
            } else {
                u32::from(c - b'A')
            };
            if i % 2 == 0 {
                ODD[v as usize]
            } else {
                v
            }
        })
        .sum();
    b'A' + (sum % 26) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_letter_and_components() {
        // The Agenzia delle Entrate's textbook example (Mario Rossi).
        assert!(validate("RSSMRA85T10A562S").is_ok());
        assert!(validate("rssmra85t10a562s").is_ok());
        assert!(validate("VRDLCU80A41H501K").is_ok());
        assert_eq!(validate("RSSMRA85T10A562T"), Err(Invalid::Checksum));
        // Month letter F does not exist; day 35 is neither a man's nor a woman's.
        assert_eq!(validate("RSSMRA85F10A562S"), Err(Invalid::Component));
        assert_eq!(validate("RSSMRA85T35A562S"), Err(Invalid::Component));
        assert_eq!(validate("RSSMRA85T10A56"), Err(Invalid::Length));
    }

    #[test]
    fn omocodia() {
        assert!(validate("RSSMRA85T10A56NH").is_ok());
        assert!(validate("BNCGNN72C15F2LRU").is_ok());
        assert!(validate("RSSMRAURTMLARSTF").is_ok());
        assert_eq!(validate("RSSMRA85T10A56NS"), Err(Invalid::Checksum));
    }
}
