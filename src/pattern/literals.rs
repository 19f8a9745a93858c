//! Word lists that end a built-in pattern, matched by a keyword automaton
//! built at run time ([`automata::Words`]) instead of being compiled into the
//! pattern's NFA: a list of two hundred case-insensitive words in three
//! scripts is most of an NFA's bytes (`medical`'s was 21 KB of the blob),
//! while the product holds the words as strings anyway.
//!
//! [`Literals::first`] finds what the words would have matched as the
//! pattern's last alternatives, `pattern|\b(?i:w1|w2|…)\b|(?:c1|c2|…)`, in
//! ASCII mode as every built-in pattern is compiled: ASCII letters in either
//! case (no other folding: `ſ` is not `s`, `Ö` not `ö`), an ASCII word
//! boundary (`_` and digits are word bytes, every non-ASCII byte is not).
//! The caller looks for the pattern's own match first: at the same start it
//! wins, being an earlier alternative.

use super::automata::Words;
use crate::detectors::Terms;
use crate::scan::ByteSet;

/// A detector's [`Terms`] as one automaton.
pub(crate) struct Literals {
    /// Every term, `words` first, then `anywhere`: word `i` is alternative `i`.
    words: Words,
    /// How many of them must be whole words (the first ones).
    whole: usize,
    /// The longest term, in bytes.
    longest: usize,
    /// Bytes a term holds past its first ([`crate::scan::interior`]).
    interior: ByteSet,
}

impl std::fmt::Debug for Literals {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Literals")
            .field("words", &self.words)
            .finish()
    }
}

/// How far ahead one pass of the automaton looks for a term's start; a
/// pass reads this plus the longest term. Windows are a hundred bytes or
/// so; a longer one is read in slices, so that finding each of many terms
/// reads only the text up to it, not to the window's end.
const SLICE: usize = 128;

/// `true` if byte `b` is an ASCII word byte (`\w` in ASCII mode).
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// `true` if `hay` has an ASCII word boundary at `i` (`(?-u:\b)`).
fn boundary(hay: &[u8], i: usize) -> bool {
    let before = i.checked_sub(1).is_some_and(|j| is_word(hay[j]));
    let after = hay.get(i).is_some_and(|&b| is_word(b));
    before != after
}

impl Literals {
    /// The automaton of `terms`.
    pub(crate) fn new(terms: &Terms) -> Literals {
        let all: Vec<String> = (terms.words.iter().chain(terms.anywhere))
            .map(|t| t.to_string())
            .collect();
        let mut interior = ByteSet::NONE;
        for t in &all {
            for &b in &t.as_bytes()[1..] {
                interior.insert(b.to_ascii_lowercase());
                interior.insert(b.to_ascii_uppercase());
            }
        }
        Literals {
            words: Words::new(&all),
            whole: terms.words.len(),
            longest: all.iter().map(String::len).max().unwrap_or(0),
            interior,
        }
    }

    /// Bytes a match holds past its first.
    pub(crate) fn interior(&self) -> ByteSet {
        self.interior
    }

    /// The leftmost-first match of the terms that starts in `from..limit` of
    /// `hay` (what precedes `from` and follows `limit` is context for `\b`):
    /// the earliest start, and there the first term in list order that
    /// matches (a whole word must have a word boundary on both sides).
    pub(crate) fn first(&self, hay: &[u8], from: usize, limit: usize) -> Option<(usize, usize)> {
        let mut at = from;
        while at < limit {
            let starts = (at + SLICE).min(limit);
            // Every term that starts before `starts` ends by `to`.
            let to = (starts - 1 + self.longest).min(hay.len());
            // (start, alternative, end) of the best match so far.
            let mut best: Option<(usize, usize, usize)> = None;
            self.words.each(hay, at, to, |w, s, e| {
                let ok = s < starts
                    && (w >= self.whole || (boundary(hay, s) && boundary(hay, e)))
                    && best.is_none_or(|(bs, bw, _)| (s, w) < (bs, bw));
                if ok {
                    best = Some((s, w, e));
                }
            });
            if let Some((s, _, e)) = best {
                return Some((s, e));
            }
            at = starts;
        }
        None
    }
}
