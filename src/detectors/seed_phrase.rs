//! BIP-39 mnemonic ("seed phrase", "recovery phrase") of a cryptocurrency wallet.
//!
//! 12, 15, 18, 21 or 24 words from the 2048-word English BIP-39 list
//! (`bip39_english.txt`, the official list). Each word stands for 11 bits; the
//! bits are ENT bits of entropy followed by a checksum of ENT/32 bits, the first
//! bits of SHA-256(entropy). Words are separated by spaces, commas or line
//! breaks, with or without list numbers ("1. abandon 2. ability", "1) …", one
//! word per line). One word per line, in any letter case; on a line, in
//! lower case (the first word may be capitalised) or with every word
//! capitalised or in capitals: a run ends where the case changes, as at the
//! next sentence ("… civil Melde dich, wenn was fehlt" — five more words
//! would have made the run too long to hold a phrase).
//!
//! A run of words counts when all its words are list words and the checksum
//! verifies (high confidence; a random run of 12 list words passes one time in
//! 16, and ordinary prose practically never has 12 list words in a row). Up to
//! three other words on either side of a verified phrase ("seed phrase abandon …")
//! are tolerated, but they stay in the span: the engine reports the matched run
//! and `validate` cannot narrow it. A run of 12–24 list words whose checksum
//! fails (a typo) is weak: it is reported, at medium, only next to a word such
//! as "seed phrase", "mnemonic" or "助记词". Never reported: the word list itself
//! (words in alphabetical order), phrases with a word three times or more, and
//! the degenerate entropies of the published test vectors (all bytes equal:
//! "abandon … about", "legal winner … yellow", "zoo … wrong").
//! Spec: BIP-39 (github.com/bitcoin/bips, bip-0039.mediawiki and english.txt).
//!
//! ```
//! use draftguard::detectors::seed_phrase::validate;
//! let phrase = "ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic";
//! assert_eq!(validate(phrase).unwrap().reasons, ["bip39", "words:12"]);
//! // Same words, two swapped: the checksum fails.
//! assert!(validate("ozone drill grab fiber curtain grace pudding thank cruise elder picnic eight").unwrap().weak);
//! assert!(validate("the quick brown fox jumps over the lazy dog again and again").is_err());
//! ```
use std::sync::OnceLock;

use super::{Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words};
use crate::finding::{Checksum, Reason};

/// What joins two words of a run on one line: blanks, a comma, or a line
/// break before a list number (2–24), then maybe a list number.
#[cfg(not(target_family = "wasm"))]
macro_rules! seed_separator {
    () => {
        r"(?:[\t ]*,[\t ]*|[\t ]+|[\t ,]*\r?\n[\t ]*(?:0?[2-9]|1[0-9]|2[0-4])[.):]?[\t ]*)(?:(?:0?[2-9]|1[0-9]|2[0-4])[.):]?[\t ]*)?"
    };
}

/// The seed phrase detector.
pub const DETECTOR: Detector = Detector {
    kind: "seed_phrase",
    category: Category::Credential,
    locales: &[],
    name: L10n {
        en: "Wallet recovery phrase",
        de: "Wiederherstellungsphrase (Wallet)",
        zh: "钱包助记词",
    },
    label: L10n {
        en: "SEED PHRASE",
        de: "WIEDERHERSTELLUNGSPHRASE",
        zh: "助记词",
    },
    checks: "BIP-39 English words with a valid SHA-256 checksum; a run on one line keeps its letter case",
    // A run of 12+ words of 3–8 letters (every BIP-39 word has 3–8): one word
    // per line, or separated by blanks or commas with optional list numbers,
    // where a numbered item may start a new line. Item numbers 2–24 join words,
    // "1." does not, so a heading line before "1." stays out of the span.
    // On one line a run keeps its case: lower case after a first word that
    // may be capitalised, or capitalised throughout; where the case changes
    // the next sentence begins ("… civil Melde dich, wenn was fehlt").
    #[cfg(not(target_family = "wasm"))]
    pattern: concat!(
        r"(?mR)\b(?:^[A-Za-z]{3,8}(?:[\t ,]*\r?\n[\t ]*[A-Za-z]{3,8}){11,}$",
        // Lower case, the first word maybe capitalised ("Van celery …").
        r"|[A-Za-z][a-z]{2,7}(?:",
        seed_separator!(),
        r"[a-z]{3,8}){11,}\b",
        // Every word capitalised, or in capitals.
        r"|[A-Z][A-Za-z]{2,7}(?:",
        seed_separator!(),
        r"[A-Z][A-Za-z]{2,7}){11,}\b)",
    ),
    // No keyword is common to all phrases, and requiring a context word
    // ("seed", "wallet") would miss a bare pasted phrase: the pattern runs over
    // the whole text, but only over the chains of short words its scope finds.
    prefilter: Prefilter::Always(Some(scope)),
    context: Words {
        en: words![
            "seed",
            "seed phrase",
            "seed words",
            "mnemonic",
            "recovery phrase",
            "recovery words",
            "secret recovery phrase",
            "backup phrase",
            "wallet",
            "bip39",
            "bip-39",
            "metamask",
        ],
        de: words![
            "wiederherstellungsphrase",
            "wiederherstellungswörter",
            "seed-phrase",
            "mnemonik",
            "wallet",
        ],
        zh: words!["助记词", "助记符", "恢复短语", "种子短语", "钱包"],
    },
    negative_context: Words::NONE,
    scoring: Scoring {
        alone: Some(Confidence::High),
        with_context: Confidence::High,
    },
    priority: 90,
    keep_last: 0,
    keep_leading_letters: 0,
    preview: Some(preview),
    validate,
    by_group: None,
};

/// The fewest bytes a match holds: twelve words of three letters and eleven
/// one-byte separators.
const SHORTEST: usize = 12 * 3 + 11;

/// [`CLASS`]: an ASCII letter.
const LETTER: u8 = 0;
/// [`CLASS`]: a blank, comma, CR or LF (what joins words).
const JOIN: u8 = 1;
/// [`CLASS`]: an ASCII digit (a list number's).
const DIGIT: u8 = 2;
/// [`CLASS`]: `.`, `)` or `:` (after a list number).
const AFTER_NUMBER: u8 = 3;
/// [`CLASS`]: any other byte; no match holds one.
const OTHER: u8 = 4;

/// `CLASS[b]`: what byte `b` can be in a match.
const CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'A'..=b'Z' | b'a'..=b'z' => LETTER,
            b'0'..=b'9' => DIGIT,
            b'\t' | b' ' | b',' | b'\r' | b'\n' => JOIN,
            b'.' | b')' | b':' => AFTER_NUMBER,
            _ => OTHER,
        };
        b += 1;
    }
    t
};

#[inline(always)]
fn class(b: u8) -> u8 {
    CLASS[usize::from(b)]
}

/// `true` if a non-letter of class `c` is a break (see [`scope`]) after a
/// byte of class `before`.
#[inline(always)]
fn breaks(c: u8, before: u8) -> bool {
    c == OTHER || (c == AFTER_NUMBER && before != DIGIT) || (c == DIGIT && before == LETTER)
}

/// Where a phrase can be (the detector's [`super::Scope`]): a chain of at
/// least twelve words of 3–8 letters, at least [`SHORTEST`] bytes long,
/// with nothing between its words that a separator cannot hold.
///
/// What a match holds, read off the pattern: each alternative is words of
/// `[A-Za-z]` joined by separators, and no separator holds a letter or
/// begins with one or a digit (`[\t ,]*\r?\n[\t ]*` on lines;
/// `seed_separator!` begins with a blank, a comma, CR or LF, and holds
/// besides those only list numbers: one or two digits, maybe followed by
/// `.`, `)` or `:`); a match begins at a word after `\b` (or `\b^`) and
/// ends at one before `\b` (or `$`), so the byte before it and the byte
/// after it are no letters. So every maximal run of letters in a match is
/// one of its words, of 3–8 letters, and a match holds no byte of a
/// *break*: a run of letters of 1–2 or of 9 and more, a byte that is no
/// letter, digit, blank, comma, CR or LF, a `.`, `)` or `:` not after a
/// digit, a digit right after a letter. A `.`, `)` or `:` at `q`, where
/// the next match can start at the earliest, is one too, for the matches
/// from there on (they begin with a letter).
///
/// A match starting at `s >= q` holds `s..s + SHORTEST`, so if the window
/// `q..q + SHORTEST` holds a break `b`, every match starting in `q..=b`
/// holds `b`: none does, and the next can start at `b + 1`. The window is
/// read from its end back to its last break, one [`BACK`] lookup a byte
/// (Horspool's skip: on real text about ten bytes read for a move of
/// forty). A window without a break is a chain: it is read on to its
/// first break `b`, and named if it holds twelve words, as `q..b`, so the
/// byte after the run (`b`, or none) is no part of a match, and every
/// match starting in the run ends in it (with the run cut after `b`, a 1–2
/// or 9-letter run there is still one). Called again from `from`, the
/// scope reads the byte before `from` and nothing before that.
fn scope(hay: &[u8], from: usize) -> Option<std::ops::Range<usize>> {
    let n = hay.len();
    let mut q = from;
    while n - q >= SHORTEST {
        if let Some(b) = last_break(hay, q) {
            q = b + 1;
            continue;
        }
        let (end, words) = chain_from(hay, q);
        if words >= 12 {
            return Some(q..end);
        }
        q = end + 1;
        if q > n {
            return None;
        }
    }
    None
}

/// [`BACK`]'s states, as the window is read backwards: the byte read
/// last (to the right) was a blank, comma, CR or LF, or the window ends
/// before a non-letter.
const AFTER_JOIN: u8 = 0;
/// [`BACK`]: 1–8 letters read since a non-letter (states 1–8).
const LETTERS: u8 = 1;
/// [`BACK`]: 0–2 letters read at the window's end, whose run goes on past
/// it: of unknown length, so not too short (states 9–11; a third letter
/// goes on to state 3).
const OPEN: u8 = 9;
/// [`BACK`]: a `.`, `)` or `:`, which needs a digit before it.
const NEEDS_DIGIT: u8 = 12;
/// [`BACK`]: a digit, which must not follow a letter.
const DIGITS: u8 = 13;
/// [`BACK`]: a value from here on is a break `BREAK + k`: at the byte
/// read, plus `k`.
const BREAK: u8 = 32;

/// `BACK[s << 8 | b]`: the state after reading byte `b` (backwards) in
/// state `s`, or a break (see [`BREAK`]); one table lookup a byte.
static BACK: [u16; 16 << 8] = {
    let mut t = [0; 16 << 8];
    let mut s = 0;
    while s < 16 {
        let mut b = 0;
        while b < 256 {
            let c = CLASS[b];
            // After a non-letter, as after a blank.
            let other = match c {
                JOIN => AFTER_JOIN,
                DIGIT => DIGITS,
                AFTER_NUMBER => NEEDS_DIGIT,
                _ => BREAK,
            };
            let s8 = s as u8;
            let next = match s8 {
                AFTER_JOIN if c == LETTER => LETTERS,
                // One or two letters after a non-letter: the run's last
                // letter is a break, whatever comes before it.
                1 | 2 if c == LETTER => s8 + 1,
                1 | 2 => BREAK + s8,
                // The ninth letter.
                8 if c == LETTER => BREAK + 8,
                3..=7 if c == LETTER => s8 + 1,
                9 | 10 if c == LETTER => s8 + 1,
                11 if c == LETTER => 3,
                NEEDS_DIGIT if c == DIGIT => DIGITS,
                NEEDS_DIGIT => BREAK + 1,
                DIGITS if c == LETTER => BREAK + 1,
                _ => other,
            };
            // States pre-shifted to index the table; breaks as they are.
            t[s << 8 | b] = if next >= BREAK {
                next as u16
            } else {
                (next as u16) << 8
            };
            b += 1;
        }
        s += 1;
    }
    t
};

/// The last break (see [`scope`]) in `hay[q..q + SHORTEST]`, if there is
/// one: the window read backwards by [`BACK`].
#[inline(always)]
fn last_break(hay: &[u8], q: usize) -> Option<usize> {
    let end = q + SHORTEST;
    let w: &[u8; SHORTEST] = hay[q..end].try_into().expect("a whole window");
    let mut s: u16 = if end < hay.len() && class(hay[end]) == LETTER {
        u16::from(OPEN) << 8
    } else {
        u16::from(AFTER_JOIN) << 8
    };
    macro_rules! back {
        ($i:expr) => {{
            let i = $i;
            let t = BACK[usize::from(s & 0xf00) | usize::from(w[i])];
            // A state's low byte is 0, a break's is `BREAK + k`.
            let k = t as u8;
            if k != 0 {
                return Some(q + i + usize::from(k - BREAK));
            }
            s = t;
        }};
    }
    // Four bytes a turn of the loop (a macro: at `opt-level = "z"` a closure
    // stays a call): 8 instructions a byte → 6.5, `last_break` 2.30 M →
    // 2.10 M a warm pass over the real-text corpus.
    let mut i = SHORTEST;
    while i >= 4 {
        i -= 4;
        back!(i + 3);
        back!(i + 2);
        back!(i + 1);
        back!(i);
    }
    while i > 0 {
        i -= 1;
        back!(i);
    }
    // A `.`, `)` or `:` at `q` is in no match from `q` on.
    (s == u16::from(NEEDS_DIGIT) << 8).then_some(q)
}

/// The first break at or after `q` (or the end of `hay`), and how many
/// words of 3–8 letters come before it.
fn chain_from(hay: &[u8], q: usize) -> (usize, usize) {
    let n = hay.len();
    // A word that begins before `q` (at `from`) is in no match from `q` on.
    let mut run: usize = if q > 0 && class(hay[q - 1]) == LETTER {
        16
    } else {
        0
    };
    let mut words = 0;
    let mut before = OTHER;
    let mut i = q;
    while i < n {
        let c = class(hay[i]);
        if c == LETTER {
            run += 1;
            if run == 9 {
                return (i, words);
            }
        } else {
            if run.wrapping_sub(1) < 2 {
                return (i - 1, words);
            }
            words += usize::from(run.wrapping_sub(3) < 6);
            run = 0;
            if breaks(c, before) {
                return (i, words);
            }
        }
        before = c;
        i += 1;
    }
    (n, words + usize::from(run.wrapping_sub(3) < 6))
}

/// Phrase lengths BIP-39 allows.
const LENGTHS: [usize; 5] = [24, 21, 18, 15, 12];
/// Other words tolerated on each side of a verified phrase in one run.
const MAX_EXTRA: usize = 3;

/// The official English list (`bip39_english.txt`, one word per line,
/// sorted), front-coded: each word is how many letters it shares with the
/// one before (a digit) and the rest of it. 1.6 KB gzip less in the module.
const FRONT_CODED: &str = include_str!("bip39_english.front");

fn wordlist() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: Vec<String> = Vec::with_capacity(2048);
        for c in FRONT_CODED.chars() {
            match c.to_digit(10) {
                Some(shared) => {
                    let before = words.last().map_or("", |w| &w[..shared as usize]);
                    words.push(before.to_string());
                }
                None => words.last_mut().expect("a digit first").push(c),
            }
        }
        words
    })
}

/// A word's first four letters, lower case, as one number (big-endian, a
/// three-letter word padded with 0): BIP-39 words differ in their first four
/// letters, and these numbers sort as the words do.
fn key(lower: &[u8]) -> u32 {
    let mut k = [0u8; 4];
    let n = lower.len().min(4);
    k[..n].copy_from_slice(&lower[..n]);
    u32::from_be_bytes(k)
}

/// [`key`] of each list word, in list order.
fn keys() -> &'static [u32] {
    static KEYS: OnceLock<Box<[u32]>> = OnceLock::new();
    KEYS.get_or_init(|| wordlist().iter().map(|w| key(w.as_bytes())).collect())
}

/// Index of `word` (any case) in the list: its [`key`] searched among
/// numbers, then the word compared once (a search among the words compared
/// strings eleven times for each of a run's words).
fn index(word: &str) -> Option<u16> {
    // Lower-cased on the stack: the longest word has 8 letters.
    let mut buf = [0u8; 8];
    let lower = buf.get_mut(..word.len())?;
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let i = keys().binary_search(&key(lower)).ok()?;
    (wordlist()[i].as_bytes() == lower)
        .then(|| u16::try_from(i).ok())
        .flatten()
}

/// "12-word recovery phrase": how long it is, never a word of it.
fn preview(run: &str) -> String {
    match find(&words_of(run)) {
        Found::Phrase { len, .. } | Found::Unverified { len } => {
            format!("{len}-word recovery phrase")
        }
        Found::Nothing => "recovery phrase".to_string(),
    }
}

/// Checks a run of words for a BIP-39 phrase and returns its words, lower case.
pub fn validate(run: &str) -> Result<Valid, Invalid> {
    let words = words_of(run);
    if words.len() < 12 || words.len() > 24 + 2 * MAX_EXTRA {
        return Err(Invalid::Length);
    }
    let (phrase, weak) = match find(&words) {
        Found::Phrase { start, len } => (&words[start..start + len], false),
        Found::Unverified { len } => (&words[..len], true),
        Found::Nothing => return Err(Invalid::Checksum),
    };
    let compact = phrase
        .iter()
        .map(|w| w.to_ascii_uppercase())
        .collect::<String>();
    Ok(Valid {
        compact,
        reasons: vec![
            Reason::Checksum(Checksum::Bip39),
            length_reason(phrase.len()),
        ],
        weak,
        evidence: super::Evidence::Plain,
    })
}

/// `words:12` … `words:24` for the lengths BIP-39 defines, else `words:other`.
fn length_reason(len: usize) -> Reason {
    Reason::Words(
        u8::try_from(len)
            .ok()
            .filter(|n| [12, 15, 18, 21, 24].contains(n)),
    )
}

/// The words of a run (list numbers and separators dropped).
fn words_of(run: &str) -> Vec<&str> {
    run.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .collect()
}

/// What a run of words holds.
#[derive(Debug, PartialEq, Eq)]
enum Found {
    /// A phrase whose checksum verifies, at `words[start..start + len]`.
    Phrase {
        start: usize,
        len: usize,
    },
    /// Only list words, 12–24 of them, but no checksum verifies.
    Unverified {
        len: usize,
    },
    Nothing,
}

fn find(words: &[&str]) -> Found {
    let indices: Vec<Option<u16>> = words.iter().map(|w| index(w)).collect();
    for len in LENGTHS {
        if len > words.len() || words.len() - len > 2 * MAX_EXTRA {
            continue;
        }
        // The whole run first, then runs with the fewest extra words.
        let mut starts: Vec<usize> = (0..=words.len() - len)
            .filter(|&s| s <= MAX_EXTRA && words.len() - len - s <= MAX_EXTRA)
            .collect();
        crate::sort::indices_by_key(&mut starts, &|s| s.max(words.len() - len - s));
        for start in starts {
            let Some(window) = indices[start..start + len]
                .iter()
                .copied()
                .collect::<Option<Vec<u16>>>()
            else {
                continue;
            };
            if plausible(&window) && entropy(&window).is_some_and(|e| !degenerate(&e)) {
                return Found::Phrase { start, len };
            }
        }
    }
    let all: Option<Vec<u16>> = indices.iter().copied().collect();
    match all {
        Some(all) if words.len() <= 24 && plausible(&all) && !entropy_bits_degenerate(&all) => {
            Found::Unverified { len: words.len() }
        }
        _ => Found::Nothing,
    }
}

/// `false` for the word list itself (ascending order) and for repetitive
/// runs (a word three times or more: lyrics, "abandon abandon …").
fn plausible(indices: &[u16]) -> bool {
    if indices.windows(2).all(|w| w[0] < w[1]) {
        return false;
    }
    // At most 24 words: counting each is cheaper than a sort, which would be a copy of
    // the standard library's sort for this list's type alone.
    !(indices.iter()).any(|w| indices.iter().filter(|&x| x == w).count() >= 3)
}

/// Entropy whose bytes are all equal: the published BIP-39 test vectors.
fn degenerate(entropy: &[u8]) -> bool {
    entropy.iter().all(|&b| b == entropy[0])
}

/// [`degenerate`] for a run whose checksum does not verify.
fn entropy_bits_degenerate(indices: &[u16]) -> bool {
    let bits = bits_of(indices);
    let ent = indices.len() * 11 * 32 / 33 / 8;
    ent > 0 && degenerate(&bits[..ent.min(bits.len())])
}

/// The 11-bit indices packed most significant bit first.
fn bits_of(indices: &[u16]) -> Vec<u8> {
    let mut out = vec![0u8; (indices.len() * 11).div_ceil(8)];
    for (k, &ix) in indices.iter().enumerate() {
        for bit in 0..11 {
            if ix >> (10 - bit) & 1 == 1 {
                let pos = k * 11 + bit;
                out[pos / 8] |= 0x80 >> (pos % 8);
            }
        }
    }
    out
}

/// The entropy encoded by `indices` (list indices of a 12–24 word phrase), if
/// its checksum verifies: CS = ENT/32 bits, the first bits of SHA-256(entropy).
fn entropy(indices: &[u16]) -> Option<Vec<u8>> {
    let n = indices.len();
    if !LENGTHS.contains(&n) {
        return None;
    }
    let total = n * 11;
    let cs = total / 33;
    let ent = (total - cs) / 8;
    let bits = bits_of(indices);
    let entropy = bits[..ent].to_vec();
    let hash = crate::checksum::sha256::digest(&entropy);
    // The checksum bits follow the entropy, in byte `ent` (cs <= 8).
    let mask = 0xffu8 << (8 - cs);
    (bits[ent] & mask == hash[0] & mask).then_some(entropy)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indices(phrase: &str) -> Vec<u16> {
        phrase.split(' ').map(|w| index(w).unwrap()).collect()
    }

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    /// `bip39_english.front` from the plain list: each word as how many
    /// letters it shares with the one before and the rest of it.
    fn front_coded(list: &str) -> String {
        let mut out = String::new();
        let mut before = "";
        for w in list.lines() {
            let shared = before
                .bytes()
                .zip(w.bytes())
                .take_while(|(a, b)| a == b)
                .count();
            out += &format!("{shared}{}", &w[shared..]);
            before = w;
        }
        out
    }

    #[test]
    fn the_word_list_is_the_official_one() {
        let plain = include_str!("bip39_english.txt");
        assert_eq!(
            FRONT_CODED,
            front_coded(plain),
            "src/detectors/bip39_english.front is not bip39_english.txt front-coded"
        );
        assert!(wordlist().iter().eq(plain.lines()), "decoded as listed");
        let w = wordlist();
        assert_eq!(w.len(), 2048);
        assert!(w.windows(2).all(|p| p[0] < p[1]), "sorted and unique");
        assert!(w.iter().all(|x| (3..=8).contains(&x.len())));
        assert_eq!((w[0].as_str(), w[2047].as_str()), ("abandon", "zoo"));
        assert!(
            keys().windows(2).all(|p| p[0] < p[1]),
            "four letters tell words apart"
        );
        assert_eq!(index("Zoo"), Some(2047));
        assert_eq!(
            (index("abando"), index("abandons"), index("zo")),
            (None, None, None)
        );
    }

    /// Known answers from the BIP-39 reference vectors (trezor/python-mnemonic vectors.json)..
    #[test]
    fn reference_vectors_verify() {
        for (phrase, want) in [
            (
                "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
                "00000000000000000000000000000000",
            ),
            (
                "legal winner thank year wave sausage worth useful legal winner thank yellow",
                "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f",
            ),
            (
                "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong",
                "ffffffffffffffffffffffffffffffff",
            ),
            (
                "ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic",
                "9e885d952ad362caeb4efe34a8e91bd2",
            ),
            (
                "scissors invite lock maple supreme raw rapid void congress muscle digital elegant little brisk hair mango congress clump",
                "c10ec20dc3cd9f652c7fac2f1230f7a3c828389a14392f05",
            ),
            (
                "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon art",
                "0000000000000000000000000000000000000000000000000000000000000000",
            ),
        ] {
            assert_eq!(entropy(&indices(phrase)).map(|e| hex(&e)).as_deref(), Some(want), "{phrase}");
        }
        assert_eq!(entropy(&indices("abandon ability able about above absent absorb abstract absurd abuse access accident")), None);
    }

    #[test]
    fn test_vectors_word_lists_and_repetition_are_not_phrases() {
        for run in [
            "legal winner thank year wave sausage worth useful legal winner thank yellow",
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
            "abandon ability able about above absent absorb abstract absurd abuse access accident",
            "love love love you baby love love love you baby love love",
        ] {
            assert!(validate(run).is_err(), "{run}");
        }
    }

    #[test]
    #[allow(clippy::disallowed_methods)] // compared with std's case mapping
    fn extra_words_around_a_phrase_and_numbered_lists() {
        let p = "ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic";
        let v = validate(&format!("seed phrase {p} thanks")).unwrap();
        assert!(!v.weak);
        assert_eq!(v.compact, p.replace(' ', "").to_uppercase());
        let numbered: String = p
            .split(' ')
            .enumerate()
            .map(|(i, w)| format!("{}. {w}\n", i + 1))
            .collect();
        assert_eq!(validate(&numbered).unwrap().reasons, ["bip39", "words:12"]);
        assert_eq!(preview(&numbered), "12-word recovery phrase");
        assert!(validate(&format!("one two three four {p}")).is_err());
    }

    #[test]
    fn long_runs_of_words_finish_and_report_nothing() {
        let g = crate::Guard::default();
        for text in [
            "abandon ".repeat(40_000),
            "love you baby ".repeat(20_000),
            "ozone\n".repeat(40_000),
            "1. word 2. word ".repeat(15_000),
        ] {
            assert!(g.scan(&text).unwrap().is_empty());
        }
    }
}
