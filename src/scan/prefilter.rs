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
//! one Aho-Corasick pass finds them all ([`crate::pattern::automata::Words`]),
//! and a detector runs only in windows around its own keywords.
//!
//! The same pass finds the context words of number detectors that report
//! nothing without context (`bank_account`, `us_aba_routing`): their digit
//! windows are kept only where such a word is close enough to count
//! ([`super::context::neighbourhood`]), so the many dates and times in
//! ordinary text never reach their patterns.

use std::sync::OnceLock;

use crate::pattern::automata::Words;

use super::context;
use crate::detectors::{Detector, Prefilter, REGISTRY};

/// `true` if byte `b` may join two digits of one cluster (a space or `-`).
/// A match, not `[u8]::contains`: in a build for size that is a call into
/// `memchr` for every byte after a digit.
fn is_joiner(b: u8) -> bool {
    matches!(b, b' ' | b'-')
}
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

/// A run of digits joined by single separators (`4111 1111 1111 1111`, `536-22-8726`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cluster {
    /// Its first digit.
    pub start: usize,
    /// Just past its last digit.
    pub end: usize,
    /// How many digits it has.
    pub digits: usize,
}

/// The clusters that start in `text[from..to]`, in text order. `from` must
/// not be inside a cluster (0, or a bound from [`cluster_bounds`]).
pub fn clusters(text: &str, from: usize, to: usize) -> impl Iterator<Item = Cluster> + '_ {
    let b = text.as_bytes();
    let mut i = from;
    std::iter::from_fn(move || {
        i = next_digit(b, i, to);
        if i >= to {
            return None;
        }
        let start = i;
        let mut digits = 0;
        loop {
            while i < b.len() && b[i].is_ascii_digit() {
                digits += 1;
                i += 1;
            }
            if i + 1 < b.len() && is_joiner(b[i]) && b[i + 1].is_ascii_digit() {
                i += 1;
            } else {
                break;
            }
        }
        Some(Cluster {
            start,
            end: i,
            digits,
        })
    })
}

/// The first ASCII digit in `b[i..to]` (or `to`), sixteen bytes a length
/// check, eight a test: most text has few digits.
pub(crate) fn next_digit(b: &[u8], i: usize, to: usize) -> usize {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    // A byte is a digit if it is below 10 after `^ b'0'`; with its high bit
    // clear, a byte below 10 borrows in `- 10` and sets it. A borrow can flag
    // a byte above a digit too, but never the lowest flagged one: a borrow
    // into it would come from a digit below it, which is flagged itself. So
    // the lowest flag is the first digit.
    macro_rules! flags {
        ($($b:expr),*) => {{
            let x = u64::from_le_bytes([$($b),*]) ^ (ONES * 0x30);
            x.wrapping_sub(ONES * 10) & !x & (ONES << 7)
        }};
    }
    let b = &b[..to];
    let Some(mut rest) = b.get(i..) else {
        return i;
    };
    // A slice pattern, not `b[i..i + 16]`: one compare of the length and no
    // overflow check on `i + 16` (13 instructions for eight bytes → 10.5).
    while let &[b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15, ref tail @ ..] =
        rest
    {
        let low = flags!(b0, b1, b2, b3, b4, b5, b6, b7);
        if low != 0 {
            return to - rest.len() + (low.trailing_zeros() / 8) as usize;
        }
        let high = flags!(b8, b9, b10, b11, b12, b13, b14, b15);
        if high != 0 {
            return to - rest.len() + 8 + (high.trailing_zeros() / 8) as usize;
        }
        rest = tail;
    }
    let at = to - rest.len();
    at + rest
        .iter()
        .position(u8::is_ascii_digit)
        .unwrap_or(rest.len())
}

/// The nearest positions at or before `start` and at or after `end` that no
/// cluster spans: [`clusters`] can restart there. Both depend only on the
/// bytes next to them, so after an edit between them they are bounds in the
/// text before the edit too.
pub fn cluster_bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let digit = |i: usize| b[i].is_ascii_digit();
    let mut s = start;
    while s > 0 && (digit(s - 1) || (s >= 2 && is_joiner(b[s - 1]) && digit(s - 2))) {
        s -= 1;
    }
    let mut e = end;
    while e < b.len() && (digit(e) || (is_joiner(b[e]) && e + 1 < b.len() && digit(e + 1))) {
        e += 1;
    }
    (s, e)
}

/// Windows around digit clusters of at least `min_digits` digits, merged where
/// they overlap, in text order.
#[cfg(test)]
pub fn digit_windows(text: &str, min_digits: usize) -> Vec<Window> {
    digit_windows_from(
        text,
        clusters(text, 0, text.len()).filter(|c| c.digits >= min_digits),
    )
}

/// Windows around `clusters` (in text order), merged where they overlap.
pub fn digit_windows_from(text: &str, clusters: impl IntoIterator<Item = Cluster>) -> Vec<Window> {
    let b = text.as_bytes();
    let mut windows: Vec<Window> = Vec::new();
    for c in clusters {
        let w = Window {
            start: floor_char_boundary(text, c.start.saturating_sub(PAD)),
            end: (c.end + PAD).min(b.len()),
            digits: c.digits,
        };
        if let Some(w) = push_window(windows.last_mut(), w, b) {
            windows.push(w);
        }
    }
    windows
}

/// Every keyword of every keyword-prefiltered detector, and every context
/// word of every gated number detector ([`gate_words`]), in one automaton.
struct Keywords {
    /// Finds every word (ASCII case folded).
    automaton: Words,
    /// The words, in automaton order.
    #[cfg(test)]
    words: Vec<String>,
    /// Bytes in the longest of them.
    longest: usize,
    /// Per automaton pattern: (registry index, window before, window after) of
    /// each owner; for a gate word, before and after are [`GATE_BEFORE`] and [`GATE_AFTER`].
    owners: Vec<Vec<(usize, usize, usize)>>,
    /// `gated[i]`: `REGISTRY[i]`'s digit windows need a context word nearby.
    gated: Vec<bool>,
    /// `owning[i]`: `REGISTRY[i]` owns a word (a keyword or a gate word).
    owning: Vec<bool>,
    /// Per automaton pattern: the registry indices whose windows must hold
    /// it or another of their [`crate::detectors::Needs`] words.
    needed_by: Vec<Vec<usize>>,
    /// `needs[i]`: what `REGISTRY[i]`'s windows must hold, if anything.
    needs: Vec<Option<crate::detectors::Needs>>,
}

/// A context word counts up to [`context::REACH_AFTER`] characters after a
/// candidate, so a digit window that ends this many bytes (4 per character)
/// before a word can still hold a candidate it counts for.
const GATE_BEFORE: usize = 4 * context::REACH_AFTER + 1;
/// Likewise up to [`context::REACH_BEFORE`] characters before the candidate.
const GATE_AFTER: usize = 4 * context::REACH_BEFORE + 1;

/// Characters that are not ASCII but whose lower case has ASCII letters
/// (KELVIN SIGN → "k", LATIN CAPITAL LETTER I WITH DOT ABOVE → "i̇"): context
/// words are found in lower-cased text, the automaton only folds ASCII case,
/// so these open every gate. A test checks the list is complete.
const FOLDS_TO_ASCII: &[&str] = &["\u{130}", "\u{212A}"];

/// The words that open the gate of `d`'s digit windows, or `None` if `d` is
/// not gated: only number detectors that report nothing without context,
/// and only if the automaton finds each context word wherever the
/// neighbourhood would: no non-ASCII letter with a case (the automaton
/// folds ASCII only), no blank after a non-alphanumeric or at the start (a
/// word that could span the candidate, which the neighbourhood replaces by a blank).
fn gate_words(d: &Detector) -> Option<Vec<String>> {
    if !matches!(d.prefilter, Prefilter::Digits(_)) || d.scoring.alone.is_some() {
        return None;
    }
    let mut words = Vec::new();
    for w in d.context.all() {
        let cased = w
            .chars()
            .any(|c| !c.is_ascii() && (c.is_lowercase() || c.is_uppercase()));
        let spans = w.starts_with(' ')
            || w.as_bytes()
                .windows(2)
                .any(|p| p[1] == b' ' && !p[0].is_ascii_alphanumeric());
        if w.is_empty() || cased || spans {
            return None;
        }
        // The neighbourhood writes code keys as words (`tax_id`, `taxId` →
        // "tax id"): the gate opens for the keys too.
        words.extend(key_spellings(w));
    }
    words.extend(FOLDS_TO_ASCII.iter().map(|s| s.to_string()));
    crate::sort::by(&mut words, &Ord::cmp);
    words.dedup();
    Some(words)
}

/// `w` lower-cased and, for a word of several parts ("tax id", "steuer-id"),
/// as a key in code writes it (`tax_id`, `taxId`): the neighbourhood reads
/// such keys as the words (`context::neighbourhood`), so the windows and
/// gates must open for them too.
fn key_spellings(w: &str) -> Vec<String> {
    let w = w.to_ascii_lowercase();
    let spaced = super::context::spaced_word(&w).unwrap_or_else(|| w.clone());
    let mut out = vec![w];
    let parts = spaced.split(' ').filter(|p| !p.is_empty()).count();
    if parts > 1
        && spaced
            .bytes()
            .all(|b| b == b' ' || b.is_ascii_alphanumeric())
    {
        out.push(spaced.replace(' ', "_"));
        out.push(spaced.replace(' ', ""));
        out.push(spaced);
    }
    crate::sort::by(&mut out, &Ord::cmp);
    out.dedup();
    out
}

/// What a word of the keyword automaton is to a detector.
#[derive(Clone, Copy)]
enum Role {
    /// A keyword or gate word: it opens a window from this many bytes
    /// before it to this many after.
    Opens(usize, usize),
    /// One of its [`crate::detectors::Needs`] words.
    Needed,
}

fn keywords() -> &'static Keywords {
    static KEYWORDS: OnceLock<Keywords> = OnceLock::new();
    KEYWORDS.get_or_init(|| {
        let mut roles: Vec<(String, usize, Role)> = Vec::new();
        let mut gated = vec![false; REGISTRY.len()];
        let needs: Vec<_> = REGISTRY
            .iter()
            .map(|d| crate::detectors::needs(d.kind))
            .collect();
        for (i, d) in REGISTRY.iter().enumerate() {
            if let Prefilter::Keywords {
                words: ws,
                before,
                after,
            } = d.prefilter
            {
                let opens = Role::Opens(usize::from(before), usize::from(after));
                let spellings = ws.iter().flat_map(|w| key_spellings(w));
                roles.extend(spellings.map(|w| (w, i, opens)));
            }
            if let Some(ws) = gate_words(d) {
                gated[i] = true;
                let opens = Role::Opens(GATE_BEFORE, GATE_AFTER);
                roles.extend(ws.into_iter().map(|w| (w, i, opens)));
            }
            if let Some(n) = needs[i] {
                let words = n.words.iter().map(|w| w.to_ascii_lowercase());
                roles.extend(words.map(|w| (w, i, Role::Needed)));
            }
        }
        let mut words: Vec<String> = Vec::new();
        let mut owners: Vec<Vec<(usize, usize, usize)>> = Vec::new();
        let mut needed_by: Vec<Vec<usize>> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = Default::default();
        for (w, i, role) in roles {
            let p = *index.entry(w.clone()).or_insert_with(|| {
                words.push(w);
                owners.push(Vec::new());
                needed_by.push(Vec::new());
                words.len() - 1
            });
            match role {
                Role::Opens(before, after) => owners[p].push((i, before, after)),
                Role::Needed => needed_by[p].push(i),
            }
        }
        let mut owning = vec![false; REGISTRY.len()];
        for &(i, _, _) in owners.iter().flatten() {
            owning[i] = true;
        }
        Keywords {
            automaton: Words::new(&words),
            longest: words.iter().map(String::len).max().unwrap_or(0),
            #[cfg(test)]
            words: words.clone(),
            owners,
            gated,
            owning,
            needed_by,
            needs,
        }
    })
}

/// The automaton's words, in order (tests compare it with a plain search).
#[cfg(test)]
fn keyword_words() -> &'static [String] {
    &keywords().words
}

/// Builds the keyword automaton (see [`super::warm_up`]).
pub fn warm_up() {
    keywords();
}

/// `true` if `REGISTRY[index]`'s digit windows are gated: [`keyword_windows_from`]
/// then lists where they may be (see [`gate_open`]).
pub fn is_gated(index: usize) -> bool {
    keywords().gated[index]
}

/// `true` if digit window `w` overlaps one of `gates` (sorted, merged).
pub fn gate_open(gates: &[Window], w: &Window) -> bool {
    let i = gates.partition_point(|g| g.end <= w.start);
    gates.get(i).is_some_and(|g| g.start < w.end)
}

/// A keyword or gate word found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Which word (an index into the automaton's words).
    pub word: u32,
    /// Its first byte.
    pub start: usize,
    /// Just past its last byte.
    pub end: usize,
}

/// `true` if any detector that `enabled` accepts has keywords or gate words:
/// otherwise hits change no window and the keyword pass can be skipped.
pub fn any_keywords(enabled: impl Fn(usize) -> bool) -> bool {
    // Per detector, not per word (a guard asks once, when it is made).
    let owning = &keywords().owning;
    (0..owning.len()).any(|i| owning[i] && enabled(i))
}

/// Bytes in the longest keyword or gate word: a hit that touches a byte lies
/// within this many bytes of it.
pub fn longest_keyword() -> usize {
    keywords().longest
}

/// Every hit that lies inside `text[from..to]`, offsets in `text` (overlapping
/// hits too: every word at every place).
pub fn keyword_hits(text: &str, from: usize, to: usize) -> Vec<Hit> {
    let mut hits = Vec::new();
    keywords()
        .automaton
        .each(text.as_bytes(), from, to, |word, start, end| {
            hits.push(Hit {
                word: word as u32,
                start,
                end,
            })
        });
    hits
}

/// The keyword windows of every registry detector, in one vector: a scan
/// makes one, and most drafts have a hit for few detectors or none (a list
/// per detector cost 45 vectors made and dropped per call, a quarter of the
/// instructions of a scan of a short sentence).
#[derive(Clone, Debug, Default)]
pub struct KeywordWindows {
    /// Every detector's windows, by registry index, then in text order.
    windows: Vec<Window>,
    /// Detector `i`'s are `windows[from[i]..from[i + 1]]` (empty with no window).
    from: Vec<u32>,
}

impl KeywordWindows {
    /// The windows of `REGISTRY[index]`, merged, in text order.
    pub fn of(&self, index: usize) -> &[Window] {
        match self.from.get(index..index + 2) {
            Some(&[a, z]) => &self.windows[a as usize..z as usize],
            _ => &[],
        }
    }

    /// `true` if no detector has a window.
    pub fn is_empty(&self) -> bool {
        self.windows.is_empty()
    }

    /// [`KeywordWindows::of`] every registry index, in order.
    pub fn lists(&self) -> impl Iterator<Item = &[Window]> {
        (0..REGISTRY.len()).map(|i| self.of(i))
    }
}

/// Windows around keyword hits `hits` (in any order) of `text`, per registry
/// index (empty for detectors that are not `enabled[index]` or have no
/// hit), merged, in text order; with `needs`, without the windows that hold
/// none of their detector's [`crate::detectors::Needs`]. For a gated number
/// detector ([`is_gated`]), the places its digit windows may be.
pub fn keyword_windows_from(
    text: &str,
    hits: &[Hit],
    enabled: &[bool],
    needs: bool,
) -> KeywordWindows {
    let kw = keywords();
    // Slices: at `opt-level = "z"` indexing a `Vec` stays a call.
    let (owners, needed_by) = (&*kw.owners, &*kw.needed_by);
    let b = text.as_bytes();
    // (registry index, window), and each detector's last one so far.
    let mut flat: Vec<(u32, Window)> = Vec::new();
    let mut last: Box<[u32]> = Box::default();
    // (registry index, start, end) of every hit of a Needs word.
    let mut needed: Vec<(u32, usize, usize)> = Vec::new();
    for hit in hits {
        if needs {
            for &i in &needed_by[hit.word as usize] {
                if enabled[i] {
                    needed.push((i as u32, hit.start, hit.end));
                }
            }
        }
        for &(i, before, after) in &owners[hit.word as usize] {
            if !enabled[i] {
                continue;
            }
            let w = Window {
                start: floor_char_boundary(text, hit.start.saturating_sub(before)),
                end: (hit.end + after).min(b.len()),
                digits: 0,
            };
            if last.is_empty() {
                last = vec![u32::MAX; REGISTRY.len()].into();
            }
            let prev = flat.get_mut(last[i] as usize).map(|(_, w)| w);
            if let Some(w) = push_window(prev, w, b) {
                last[i] = flat.len() as u32;
                flat.push((i as u32, w));
            }
        }
    }
    if flat.is_empty() {
        return KeywordWindows::default();
    }
    crate::sort::short_by(&mut needed, &Ord::cmp);
    // Stable: within a detector, by start and then as they came.
    crate::sort::short_by(&mut flat, &|a, b| (a.0, a.1.start).cmp(&(b.0, b.1.start)));
    let mut out = KeywordWindows {
        windows: Vec::with_capacity(flat.len()),
        from: Vec::new(),
    };
    let mut count: Box<[u32]> = vec![0u32; REGISTRY.len()].into();
    let mut prev_detector = u32::MAX;
    // `None` last: it completes the last window as a new one would.
    for next in flat.into_iter().map(Some).chain([None]) {
        if let (Some((i, w)), Some(prev)) = (next, out.windows.last_mut()) {
            if i == prev_detector && prev.end >= w.start {
                prev.end = prev.end.max(w.end);
                continue;
            }
        }
        // The last window is complete: kept if it holds what it needs.
        if let Some(&Some(need)) = kw.needs.get(prev_detector as usize).filter(|_| needs) {
            drop_if_needless(
                &mut out.windows,
                &mut count,
                prev_detector,
                need,
                &needed,
                b,
            );
        }
        let Some((i, w)) = next else { break };
        out.windows.push(w);
        count[i as usize] += 1;
        prev_detector = i;
    }
    // A boxed slice, not `Vec::push`: in a build for size both stay calls.
    let mut from: Box<[u32]> = vec![0; count.len() + 1].into();
    for i in 0..count.len() {
        from[i + 1] = from[i] + count[i];
    }
    out.from = from.into_vec();
    out
}

/// Drops the last of `windows` (detector `i`'s, counted in `count`) if it
/// lacks what `i`'s [`crate::detectors::Needs`] `n` say its findings hold:
/// none of `i`'s `needed` hits (sorted by detector and start) lies inside
/// it, or it holds too few digits of `b`.
fn drop_if_needless(
    windows: &mut Vec<Window>,
    count: &mut [u32],
    i: u32,
    n: crate::detectors::Needs,
    needed: &[(u32, usize, usize)],
    b: &[u8],
) {
    let Some(w) = windows.last() else { return };
    let first = needed.partition_point(|&(j, start, _)| (j, start) < (i, w.start));
    let word = n.words.is_empty()
        || needed[first..]
            .iter()
            .take_while(|&&(j, start, _)| j == i && start < w.end)
            .any(|&(_, _, end)| end <= w.end);
    // Counted from the first digit, which the skip finds eight bytes at a time.
    let enough = n.digits == 0
        || b[next_digit(b, w.start, w.end)..w.end]
            .iter()
            .filter(|c| c.is_ascii_digit())
            .count()
            >= usize::from(n.digits);
    if !(word && enough) {
        windows.pop();
        count[i as usize] -= 1;
    }
}

/// Adds `w` (its `end` not yet moved to a word end) to a detector's windows
/// whose last one is `prev`: merged into it where they overlap, or returned
/// to be pushed. A window that ends inside the last one costs nothing: the
/// walk to a word end happens at most once per run of letters and digits, so
/// a flood of hits ("eyJeyJeyJ…", "AKIAAKIA…") stays linear.
fn push_window(prev: Option<&mut Window>, mut w: Window, b: &[u8]) -> Option<Window> {
    let Some(prev) = prev else {
        w.end = word_end(b, w.end);
        return Some(w);
    };
    if prev.start <= w.start && w.end <= prev.end {
        prev.digits = prev.digits.max(w.digits);
        return None;
    }
    w.end = word_end(b, w.end);
    if prev.end >= w.start && prev.start <= w.start {
        prev.end = prev.end.max(w.end);
        prev.digits = prev.digits.max(w.digits);
        return None;
    }
    Some(w)
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
    fn the_keyword_automaton_finds_every_word_at_every_place() {
        let mut text = crate::scan::samples();
        text.push_str("PASSWORD Passwort KENNWORT 密码 sk-proj- ghp_ AKIA \u{212A}ey passpass");
        let words = keyword_words();
        let mut got: Vec<(u32, usize, usize)> = keyword_hits(&text, 0, text.len())
            .into_iter()
            .map(|h| (h.word, h.start, h.end))
            .collect();
        // Every occurrence of every word, ASCII case folded, by brute force.
        let lower = text.to_ascii_lowercase();
        let mut want = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let mut from = 0;
            while let Some(at) = lower[from..].find(w.as_str()) {
                want.push((i as u32, from + at, from + at + w.len()));
                from += at + 1;
                while !lower.is_char_boundary(from) {
                    from += 1;
                }
            }
        }
        got.sort_unstable();
        want.sort_unstable();
        assert!(want.len() > 1000, "{}", want.len());
        assert_eq!(got, want);
        // A part of the text: only the hits that lie inside it.
        let (from, to) = (text.len() / 3, text.len() / 2);
        let part: Vec<Hit> = keyword_hits(&text, from, to);
        assert!(part.iter().all(|h| h.start >= from && h.end <= to));
        assert_eq!(
            part.len(),
            want.iter().filter(|h| h.1 >= from && h.2 <= to).count()
        );
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

    #[test]
    fn the_digit_skip_stops_at_the_first_digit_whatever_is_around_it() {
        // Every byte value before and after a digit, at every offset in an
        // eight-byte chunk, and every end: as the byte-by-byte loop finds it.
        let plain =
            |b: &[u8], i: usize, to: usize| (i..to).find(|&j| b[j].is_ascii_digit()).unwrap_or(to);
        for other in (0..=255u8).filter(|b| !b.is_ascii_digit()) {
            for at in 0..20 {
                let mut b = vec![other; 24];
                b[at] = b'0' + (at % 10) as u8;
                for to in 0..=b.len() {
                    for from in 0..=to.min(9) {
                        assert_eq!(
                            next_digit(&b, from, to),
                            plain(&b, from, to),
                            "{other:#x} at {at}, {from}..{to}"
                        );
                    }
                }
            }
            let none = vec![other; 24];
            assert_eq!(next_digit(&none, 0, 24), 24);
        }
        // Digits among bytes of every kind, the ones a borrow flags above a
        // digit (`:` to `?`, 0xBA to 0xBF) most of all.
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut byte = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let r = (seed >> 33) as u8;
            match r % 4 {
                0 => b'0' + r % 10,
                1 => b':' + r % 6,
                2 => 0xBA + r % 6,
                _ => r,
            }
        };
        for _ in 0..2000 {
            let b: Vec<u8> = (0..40).map(|_| byte()).collect();
            for from in 0..b.len() {
                for to in [from, from + 1, (from + 9).min(b.len()), b.len()] {
                    assert_eq!(
                        next_digit(&b, from, to),
                        plain(&b, from, to),
                        "{b:?} {from}..{to}"
                    );
                }
            }
        }
    }
}
