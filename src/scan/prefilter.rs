//! The cheap pass that decides where patterns run at all.
//!
//! Financial and ID numbers are digit clusters: digits joined by at most one
//! separator (`4111 1111 1111 1111`, `536-22-8726`). One byte loop finds the
//! clusters and counts their digits; a detector's pattern then runs only in
//! windows around clusters with at least as many digits as it needs. Text with
//! no such cluster (prose, most code and logs: `12:30:45`, `v1.8.3`) never
//! reaches a regex.
//!
//! Credentials and other keyword-led kinds declare literal keywords instead;
//! one Aho-Corasick pass finds them all, and a detector runs only in windows
//! around its own keywords.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::detectors::{Prefilter, REGISTRY};

/// Bytes that may join two digits of one cluster.
const JOINERS: &[u8] = b" -";
/// Bytes a window reaches beyond its cluster, for an IBAN's letter groups:
/// "MT84 MALT " before and " MTLC AST0 01S" (14) after the digits of a Maltese IBAN.
const PAD: usize = 16;

/// Part of the normalised text worth running patterns on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// First byte (on a char boundary).
    pub start: usize,
    /// End byte, exclusive; `text[end]` is not an ASCII alphanumeric, so a
    /// word boundary found at `end` is a true one.
    pub end: usize,
    /// Digits in the largest cluster inside the window.
    pub digits: usize,
}

/// Windows around digit clusters of at least `min_digits` digits, merged where
/// they overlap, in text order.
pub fn digit_windows(text: &str, min_digits: usize) -> Vec<Window> {
    let b = text.as_bytes();
    let mut windows: Vec<Window> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = 0;
        loop {
            while i < b.len() && b[i].is_ascii_digit() {
                digits += 1;
                i += 1;
            }
            if i + 1 < b.len() && JOINERS.contains(&b[i]) && b[i + 1].is_ascii_digit() {
                i += 1;
            } else {
                break;
            }
        }
        let last = i - 1;
        if digits < min_digits {
            continue;
        }
        let w = Window {
            start: floor_char_boundary(text, start.saturating_sub(PAD)),
            end: (last + 1 + PAD).min(b.len()),
            digits,
        };
        push_window(&mut windows, w, b);
    }
    windows
}

/// Every keyword of every keyword-prefiltered detector, in one automaton.
struct Keywords {
    automaton: AhoCorasick,
    /// Per automaton pattern: (registry index, window before, window after) of each owner.
    owners: Vec<Vec<(usize, usize, usize)>>,
}

fn keywords() -> &'static Keywords {
    static KEYWORDS: OnceLock<Keywords> = OnceLock::new();
    KEYWORDS.get_or_init(|| {
        let mut words: Vec<String> = Vec::new();
        let mut owners: Vec<Vec<(usize, usize, usize)>> = Vec::new();
        for (i, d) in REGISTRY.iter().enumerate() {
            if let Prefilter::Keywords {
                words: ws,
                before,
                after,
            } = d.prefilter
            {
                for w in ws {
                    let w = w.to_ascii_lowercase();
                    let owner = (i, usize::from(before), usize::from(after));
                    match words.iter().position(|x| *x == w) {
                        Some(p) => owners[p].push(owner),
                        None => {
                            words.push(w);
                            owners.push(vec![owner]);
                        }
                    }
                }
            }
        }
        // Always a DFA: the automatic choice falls back to a slower NFA past ~100 keywords.
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::Standard)
            .build(&words)
            .expect("detector keywords build an automaton");
        Keywords { automaton, owners }
    })
}

/// Windows around keyword hits, per registry index (empty for detectors
/// that are not `enabled` or have no keyword in the text), merged, in text order.
pub fn keyword_windows(text: &str, enabled: impl Fn(usize) -> bool) -> Vec<Vec<Window>> {
    let kw = keywords();
    let b = text.as_bytes();
    let mut per: Vec<Vec<Window>> = vec![Vec::new(); REGISTRY.len()];
    if !kw.owners.iter().flatten().any(|&(i, _, _)| enabled(i)) {
        return per; // no enabled detector has keywords: skip the pass
    }
    for hit in kw.automaton.find_overlapping_iter(text) {
        for &(i, before, after) in &kw.owners[hit.pattern().as_usize()] {
            if !enabled(i) {
                continue;
            }
            let w = Window {
                start: floor_char_boundary(text, hit.start().saturating_sub(before)),
                end: (hit.end() + after).min(b.len()),
                digits: 0,
            };
            push_window(&mut per[i], w, b);
        }
    }
    for list in &mut per {
        merge(list);
    }
    per
}

/// Appends `w` (its `end` not yet moved to a word end) to `list`, merging it
/// into the last window where they overlap. A window that ends inside the last
/// one costs nothing: the walk to a word end happens at most once per run of
/// letters and digits, so a flood of hits ("eyJeyJeyJ…", "AKIAAKIA…") stays linear.
fn push_window(list: &mut Vec<Window>, mut w: Window, b: &[u8]) {
    if let Some(prev) = list.last_mut() {
        if prev.start <= w.start && w.end <= prev.end {
            prev.digits = prev.digits.max(w.digits);
            return;
        }
    }
    w.end = word_end(b, w.end);
    match list.last_mut() {
        Some(prev) if prev.end >= w.start && prev.start <= w.start => {
            prev.end = prev.end.max(w.end);
            prev.digits = prev.digits.max(w.digits);
        }
        _ => list.push(w),
    }
}

/// Sorts windows by start and merges overlapping ones.
fn merge(list: &mut Vec<Window>) {
    list.sort_by_key(|w| w.start);
    let mut out: Vec<Window> = Vec::with_capacity(list.len());
    for w in list.drain(..) {
        match out.last_mut() {
            Some(prev) if prev.end >= w.start => prev.end = prev.end.max(w.end),
            _ => out.push(w),
        }
    }
    *list = out;
}

/// Moves `i` right until it is not inside a run of ASCII alphanumerics (and on a char boundary).
fn word_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && (b[i].is_ascii_alphanumeric() || (b[i] & 0xC0) == 0x80) {
        i += 1;
    }
    i
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keyword_automaton_stays_a_dfa_however_many_keywords() {
        // The automatic choice switches to a slower NFA past ~100 keywords.
        assert_eq!(keywords().automaton.kind(), AhoCorasickKind::DFA);
    }

    #[test]
    fn prose_without_long_numbers_has_no_windows() {
        assert!(digit_windows("In 2024 we met 3 times at 10:30.", 9).is_empty());
        assert!(digit_windows("2024-05-01T12:30:45.123Z v1.8.3 pid 48213", 9).is_empty());
        assert!(digit_windows("", 1).is_empty());
    }

    #[test]
    fn a_grouped_card_is_one_cluster_with_padding() {
        let t = "my card is 4111 1111 1111 1111, thanks";
        let w = digit_windows(t, 13);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].digits, 16);
        assert!(w[0].start <= 11 && w[0].end >= 30);
    }

    #[test]
    fn an_iban_with_letter_groups_fits_in_one_window() {
        let t = "IBAN MT84 MALT 0110 0001 2345 MTLC AST0 01S end";
        let w = digit_windows(t, 8);
        assert_eq!(w.len(), 1);
        assert!(w[0].start <= 5 && w[0].end >= 43, "{w:?}");
    }

    #[test]
    fn window_end_never_splits_a_word_or_a_character() {
        let t = "1234567890123 abcdefghijklmnop 卡号";
        let w = digit_windows(t, 13);
        assert_eq!(&t[w[0].end..w[0].end + 1], " ");
        let t = "1234567890123 卡号卡号卡号";
        let w = digit_windows(t, 13);
        assert!(t.is_char_boundary(w[0].end));
    }
}
