//! Live scanning: after a keystroke, search only around the edit.
//!
//! [`LiveScan::update`] takes the whole new draft, finds what changed itself
//! (the common prefix and suffix with the last draft: any edit works —
//! typing, paste, IME, undo, a framework rewriting the value), and returns
//! exactly what [`Guard::scan`] returns for the new draft: the same findings,
//! order, offsets, confidence, reasons and previews. A keystroke in a 100 KB
//! draft then costs about what one in a 2 KB draft does.
//!
//! # Why the result is the same
//!
//! A full scan (`scan/mod.rs`) is: normalise → find keyword hits and digit
//! clusters → turn them into windows per detector → run each detector's
//! pattern over each of its windows, left to right, one match after the
//! other → validate and score each match → resolve overlaps → map offsets
//! back. The live scan keeps what each step produced for the last draft and
//! redoes each step only where the edit can change it:
//!
//! - **Normalisation** maps each character on its own, so the normalised
//!   text and its offset map are spliced ([`Normalized::splice`]).
//! - **Keyword hits** are substrings: the hits that touch the changed bytes
//!   are dropped and the changed bytes ± the longest keyword are searched again.
//! - **Digit clusters** (`4111 1111 …`) reach as far as digits and single
//!   separators go: the clusters between the nearest bytes on each side that
//!   no cluster spans are found again ([`prefilter::cluster_bounds`]).
//! - **Windows** are rebuilt from all hits and clusters with the full scan's
//!   own functions — windows merge, and keyword windows reach far (16,000
//!   bytes past a JWT's or a PEM block's keyword, 420 past an API key's):
//!   only rebuilding them gives the full scan's windows exactly, ends and
//!   merges included — and compared with the last draft's (integers only).
//!   Every window that differs, and every byte whose change can reach a
//!   candidate's context, lies in a *zone* around the edit. Only the windows
//!   that overlap the zone are planned again, with the full scan's own plan
//!   ([`Guard::plan`]: which detector runs in which window — digit counts,
//!   context gates — is decided in one place); the others keep their
//!   candidates, moved past the edit.
//! - **Searches.** In the zone, a window that is the same as before and lies
//!   farther from the changed bytes than a candidate's context reaches keeps
//!   its candidates. Context reaches 48 characters before a value and 24
//!   after ([`super::context`]), at most 4 bytes each, so the margins are
//!   200 bytes after the edit's end and 104 before its start. Any other
//!   window is searched again — not always all of it: a window's search is a
//!   chain of leftmost-first matches, and it can be cut at a byte that no
//!   match of the pattern holds after its first byte ([`super::interior`],
//!   read from the pattern's syntax tree), where the chain before the cut
//!   and after it do not depend on each other. So the live scan keeps the
//!   old candidates before the last such cut at least 104 bytes before the
//!   edit and after the first such cut at least 200 bytes after it (when the
//!   old window started, or ended, at the same place), and searches between
//!   the cuts. That matters for the detectors whose window is the whole
//!   draft (`ip_address`, `it_fiscal_code`, `seed_phrase`, custom rules) and
//!   for long keyword windows: an IP address holds no space, a seed phrase
//!   no quote, dash or CJK character. A pattern whose matches can hold any
//!   byte (a PEM block's body) is searched from its window's start: correct,
//!   only not local.
//! - **Number detectors** restart inside a failed match ("0049 30 1234
//!   5678 901"): the restart is inside the match, so before the cut.
//! - **Validation** sees the match and, for a number, the groups next to it
//!   (at most 10 bytes on each side: is it cut out of a longer number?);
//!   **scoring** sees the value's context, inside the margins above.
//! - **Overlap resolution** decides each group of overlapping candidates on
//!   its own. The groups that hold a candidate searched again or dropped are
//!   resolved again, listed in the full scan's order (equal candidates are
//!   decided by that order); the others keep their outcome, and the findings
//!   list is spliced. Findings of candidates kept from before are reused
//!   (offsets moved): their text did not change.
//!
//! Nothing else in a scan depends on the whole draft: there is no cap on
//! findings and no language guess; the size limit is checked on every draft.
//!
//! # When it scans the whole draft
//!
//! The first draft, a draft after an error, and an edit that changes more
//! than half of the draft (a paste over everything, "select all, delete")
//! are scanned whole. A pattern with no cut near the edit is searched over its
//! whole window (see above), which is still one detector, not forty.

use std::mem;
use std::ops::Range;

use super::normalize::Normalized;
use super::prefilter::{self, Cluster, Hit, Window};
use super::resolve::{self, Candidate};
use super::{context, Finding, Guard, ScanError};

/// Bytes before an edit that a value's context can reach back from after it:
/// [`context::REACH_AFTER`] characters of at most 4 bytes, the one-byte look-ahead
/// of `\b` and of the isolation check, with room to spare.
const MARGIN_AFTER: usize = 4 * context::REACH_AFTER + 8;
/// Bytes after an edit that a value's context can reach forward from before it.
const MARGIN_BEFORE: usize = 4 * context::REACH_BEFORE + 8;

/// A [`Guard`] that remembers the last draft, for scanning while the user types.
///
/// ```
/// use draftguard::{Guard, LiveScan};
/// let mut live = LiveScan::new(Guard::default());
/// let mut draft = String::from("Please charge my card 4111 1111 1111 111");
/// assert!(live.update(&draft).unwrap().is_empty());
/// draft.push('1'); // the last digit
/// let found = live.update(&draft).unwrap();
/// assert_eq!(found[0].kind, "credit_card");
/// assert_eq!(found, Guard::default().scan(&draft).unwrap());
/// assert!(!live.last_rescan().full);
/// ```
pub struct LiveScan {
    guard: Guard,
    state: Option<State>,
    last: Rescan,
}

/// Sizes only: the draft is never printed.
impl std::fmt::Debug for LiveScan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LiveScan")
            .field("guard", &self.guard)
            .field("draft_bytes", &self.text().len())
            .field("findings", &self.findings().len())
            .field("last", &self.last)
            .finish()
    }
}

/// What the last [`LiveScan::update`] did: for tests and benchmarks, and for
/// callers that keep something per finding (the JS binding keeps JS objects).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rescan {
    /// The whole draft was scanned (first draft, large edit, after an error).
    pub full: bool,
    /// Bytes of windows the patterns ran over, summed over patterns (a full
    /// scan counts every window of every pattern).
    pub searched: usize,
    /// The findings (indices into the result) that may differ from the last
    /// result's: those before are the last result's first ones, unchanged;
    /// those after are its last ones, moved by the edit's change in length.
    pub changed: Range<usize>,
}

/// What the last draft's scan produced, kept for the next.
struct State {
    text: String,
    norm: Normalized<'static>,
    /// Every keyword hit, by start.
    hits: Vec<Hit>,
    /// Every digit cluster with enough digits for a number detector, by start.
    clusters: Vec<Cluster>,
    /// The prefilter's windows built from them.
    digit_windows: Vec<Window>,
    keyword_windows: prefilter::KeywordWindows,
    /// Per slot ([`Guard::slot`]), the windows it ran in, in text order.
    slots: Vec<Vec<Searched>>,
    findings: Vec<Finding>,
    /// The findings' spans in the normalised text.
    spans: Vec<(usize, usize)>,
}

/// A window a pattern ran in and the candidates it found there, in order
/// (they never overlap).
struct Searched {
    start: usize,
    end: usize,
    found: Vec<Found>,
}

struct Found {
    candidate: Candidate,
    /// Its finding, made the first time it is kept.
    finding: Option<Finding>,
}

impl Found {
    fn new(candidate: Candidate) -> Found {
        Found {
            candidate,
            finding: None,
        }
    }
}

/// The changed bytes of the normalised text: `start..old_end` before the
/// edit, `start..new_end` after it; and how far the original text's bytes
/// after the edit moved.
#[derive(Clone, Copy)]
struct Change {
    start: usize,
    old_end: usize,
    new_end: usize,
    /// New minus old length of the original text.
    moved: isize,
}

impl Change {
    /// Where normalised offset `i` (at or after `old_end`) of the old text is now.
    fn now(&self, i: usize) -> usize {
        i - self.old_end + self.new_end
    }

    /// Where normalised offset `i` (at or after `new_end`) of the new text was.
    fn was(&self, i: usize) -> usize {
        i - self.new_end + self.old_end
    }

    /// Where old offset `i` is now, offsets in the changed bytes taken to
    /// the start (`to_end`: the end) of the new ones.
    fn map(&self, i: usize, to_end: bool) -> usize {
        match i {
            i if i <= self.start => i,
            i if i >= self.old_end => self.now(i),
            _ if to_end => self.new_end,
            _ => self.start,
        }
    }

    /// The old offsets of `r`, a range of the new text around the change.
    fn before(&self, r: &Range<usize>) -> Range<usize> {
        r.start..self.was(r.end)
    }

    /// Moves a window found after the edit to the new text.
    fn shift_window(&self, w: &mut Searched) {
        w.start = self.now(w.start);
        w.end = self.now(w.end);
        w.found.iter_mut().for_each(|f| self.shift(f));
    }

    /// Moves a candidate found after the edit to the new text.
    fn shift(&self, f: &mut Found) {
        f.candidate.start = self.now(f.candidate.start);
        f.candidate.end = self.now(f.candidate.end);
        // Its labels are in its context, which the edit does not reach.
        for (s, e) in &mut f.candidate.labels {
            (*s, *e) = (self.now(*s), self.now(*e));
        }
        if let Some(x) = &mut f.finding {
            self.shift_finding(x);
        }
    }

    fn shift_finding(&self, x: &mut Finding) {
        x.start = x.start.wrapping_add_signed(self.moved);
        x.end = x.end.wrapping_add_signed(self.moved);
    }
}

impl LiveScan {
    /// A live scan with `guard`'s options.
    pub fn new(guard: Guard) -> LiveScan {
        LiveScan {
            guard,
            state: None,
            last: Rescan::default(),
        }
    }

    /// The guard it scans with.
    pub fn guard(&self) -> &Guard {
        &self.guard
    }

    /// Scans `text`, the draft as it is now, re-using what it can from the
    /// last draft: the result is exactly [`Guard::scan`]'s. A draft over the
    /// size limit is an error, and the next draft is scanned whole.
    pub fn update(&mut self, text: &str) -> Result<&[Finding], ScanError> {
        let (start, old_end, new_end) = changed(self.text(), text);
        self.edit(start..old_end, &text[start..new_end])
    }

    /// Like [`LiveScan::update`], for a caller that knows the edit: bytes
    /// `range` of the last draft ([`LiveScan::text`]) replaced by `with`.
    ///
    /// # Panics
    ///
    /// If `range` is not a range of char boundaries of the last draft.
    pub fn edit(&mut self, range: Range<usize>, with: &str) -> Result<&[Finding], ScanError> {
        let last = self.text();
        assert!(
            range.start <= range.end
                && last.is_char_boundary(range.start)
                && last.is_char_boundary(range.end),
            "LiveScan::edit: {range:?} is not a range of the last draft ({} bytes)",
            last.len()
        );
        let len = last.len() - range.len() + with.len();
        if len > self.guard.max_input_bytes {
            self.state = None;
            self.last = Rescan::default();
            return Err(ScanError::TooLarge {
                bytes: len,
                limit: self.guard.max_input_bytes,
            });
        }
        let before = self.state.as_ref().map_or(0, |s| s.findings.len());
        let state = match self.state.take() {
            Some(old) => self.splice(old, range, with),
            None => self.full(with),
        };
        let after = state.findings.len();
        self.state = Some(state);
        let cap = self.guard.max_findings;
        if before > cap || after > cap {
            // Cut off at the cap, the last findings do not pair with the
            // last result's: say that all from the first change on may differ.
            let c = &mut self.last.changed;
            c.start = c.start.min(cap);
            c.end = after.min(cap);
        }
        Ok(self.findings())
    }

    /// The last draft: the text of the last update or edit ("" at first,
    /// after [`LiveScan::reset`] and after an error).
    pub fn text(&self) -> &str {
        self.state.as_ref().map_or("", |s| s.text.as_str())
    }

    /// The findings in the last draft (what the last update returned; at
    /// most [`Guard::max_findings`], as [`Guard::scan`] returns).
    pub fn findings(&self) -> &[Finding] {
        let all = self
            .state
            .as_ref()
            .map_or(&[][..], |s| s.findings.as_slice());
        &all[..all.len().min(self.guard.max_findings)]
    }

    /// What the last update did.
    pub fn last_rescan(&self) -> Rescan {
        self.last.clone()
    }

    /// Forgets the last draft: the next update scans whole.
    pub fn reset(&mut self) {
        self.state = None;
    }

    /// Scans `text` whole, keeping what the next update needs.
    fn full(&mut self, text: &str) -> State {
        let g = &self.guard;
        let norm = Normalized::new(text).into_owned();
        let hay = norm.as_str();
        let (mut hits, mut clusters) = (Vec::new(), Vec::new());
        let (digit_windows, keyword_windows) =
            g.prefilter(hay, |h| hits.push(*h), |c| clusters.push(*c));
        crate::sort::by(&mut hits, &by_place);
        let mut slots: Vec<Vec<Searched>> = (0..g.slots()).map(|_| Vec::new()).collect();
        let mut searched = 0;
        let mut candidates = Vec::new();
        g.search_all(
            hay,
            &digit_windows,
            &keyword_windows,
            &mut candidates,
            &mut Default::default(),
            None,
            |p, found| {
                let w = p.window;
                searched += w.end - w.start;
                slots[p.slot].push(Searched {
                    start: w.start,
                    end: w.end,
                    found: found.drain(..).map(Found::new).collect(),
                });
            },
        );
        let (spans, findings) = self.resolve(&mut slots, 0..hay.len(), text, &norm);
        self.last = Rescan {
            full: true,
            searched,
            changed: 0..findings.len(),
        };
        State {
            text: text.to_string(),
            norm,
            hits,
            clusters,
            digit_windows,
            keyword_windows,
            slots,
            findings,
            spans,
        }
    }

    /// Updates `old` to the draft with bytes `range` replaced by `with`.
    fn splice(&mut self, mut old: State, range: Range<usize>, with: &str) -> State {
        let (start, old_end) = (range.start, range.end);
        if range.is_empty() && with.is_empty() {
            let n = old.findings.len();
            self.last = Rescan {
                changed: n..n,
                ..Rescan::default()
            };
            return old;
        }
        let new_len = old.text.len() - range.len() + with.len();
        if range.len().max(with.len()) * 2 > new_len {
            let mut text = mem::take(&mut old.text);
            text.replace_range(range, with);
            return self.full(&text);
        }
        let g = &self.guard;
        let norm_start = old.norm.to_normalized(start);
        let norm_old_end = old.norm.to_normalized(old_end);
        let inserted = old.norm.splice(start, old_end, with);
        let ch = Change {
            start: norm_start,
            old_end: norm_old_end,
            new_end: inserted.end,
            moved: with.len() as isize - range.len() as isize,
        };
        old.text.replace_range(range, with);
        let hay = old.norm.as_str();
        if g.keywords_on {
            splice_hits(&mut old.hits, hay, ch);
        }
        if let Some(n) = g.min_digits {
            splice_clusters(&mut old.clusters, hay, ch, n);
        }
        // The windows again, from every hit and cluster: cheap, and exactly
        // the full scan's. Every window that differs lies in `zone`, and so
        // does every byte whose change can reach a candidate's context.
        let digit_windows = prefilter::digit_windows_from(hay, old.clusters.iter().copied());
        let keyword_windows =
            prefilter::keyword_windows_from(hay, &old.hits, &g.enabled, g.engine.shortcuts);
        let mut zone =
            ch.start.saturating_sub(MARGIN_AFTER)..(ch.new_end + MARGIN_BEFORE).min(hay.len());
        for (was, is) in std::iter::once((&old.digit_windows[..], &digit_windows[..]))
            .chain(old.keyword_windows.lists().zip(keyword_windows.lists()))
        {
            if let Some(r) = differing(was, is, ch) {
                zone = zone.start.min(r.start)..zone.end.max(r.end);
            }
        }
        let zone_before = ch.before(&zone);
        let mut planned: Vec<Vec<Window>> = (0..g.slots()).map(|_| Vec::new()).collect();
        g.plan(
            hay.len(),
            &digit_windows,
            &keyword_windows,
            zone.clone(),
            None,
            |p| planned[p.slot].push(p.window),
        );
        let mut searched = 0;
        let mut dirty = zone.clone();
        for (slot, windows) in planned.into_iter().enumerate() {
            let list = &mut old.slots[slot];
            let first = list.partition_point(|w| w.end <= zone_before.start);
            let last = list.partition_point(|w| w.start < zone_before.end);
            let mut tail = list.split_off(last);
            let mut near = list.split_off(first);
            let mut s = Searcher {
                guard: g,
                hay,
                slot,
                change: ch,
                searched: &mut searched,
                dirty: &mut dirty,
            };
            list.extend(windows.into_iter().map(|w| s.window(w, &mut near)));
            // Old candidates no window took over are gone: their overlaps are decided again.
            for f in near.iter().flat_map(|w| &w.found) {
                dirty.start = dirty.start.min(ch.map(f.candidate.start, false));
                dirty.end = dirty.end.max(ch.map(f.candidate.end, true));
            }
            tail.iter_mut().for_each(|w| ch.shift_window(w));
            list.append(&mut tail);
        }
        old.digit_windows = digit_windows;
        old.keyword_windows = keyword_windows;
        // Resolve again only the candidates that overlap what changed, and
        // those that overlap them: other overlaps are decided as before.
        let dirty = overlapping(&old.slots, dirty);
        let (spans, findings) = self.resolve(&mut old.slots, dirty.clone(), &old.text, &old.norm);
        let before = ch.before(&dirty);
        let first = old.spans.partition_point(|s| s.0 < before.start);
        let last = old.spans.partition_point(|s| s.0 < before.end);
        for (s, f) in old.spans[last..].iter_mut().zip(&mut old.findings[last..]) {
            *s = (ch.now(s.0), ch.now(s.1));
            ch.shift_finding(f);
        }
        self.last = Rescan {
            full: false,
            searched,
            changed: first..first + findings.len(),
        };
        old.spans.splice(first..last, spans);
        old.findings.splice(first..last, findings);
        old
    }

    /// Resolves the candidates inside `range` (a union of whole overlap
    /// groups), listed in the full scan's order, and returns the spans and
    /// findings of those kept, in text order.
    fn resolve(
        &self,
        slots: &mut [Vec<Searched>],
        range: Range<usize>,
        text: &str,
        norm: &Normalized,
    ) -> (Vec<(usize, usize)>, Vec<Finding>) {
        let mut at: Vec<(usize, usize, usize)> = Vec::new();
        let kept = {
            let mut all: Vec<&Candidate> = Vec::new();
            for (s, windows) in slots.iter().enumerate() {
                let first = windows.partition_point(|w| w.end <= range.start);
                for (w, searched) in windows.iter().enumerate().skip(first) {
                    if searched.start >= range.end {
                        break;
                    }
                    let from = searched
                        .found
                        .partition_point(|f| f.candidate.end <= range.start);
                    for (i, f) in searched.found.iter().enumerate().skip(from) {
                        if f.candidate.start >= range.end {
                            break;
                        }
                        all.push(&f.candidate);
                        at.push((s, w, i));
                    }
                }
            }
            resolve::kept(&all)
        };
        kept.into_iter()
            .map(|k| {
                let (s, w, i) = at[k];
                let f = &mut slots[s][w].found[i];
                let span = (f.candidate.start, f.candidate.end);
                let finding = f
                    .finding
                    .get_or_insert_with(|| self.guard.finding(text, norm, f.candidate.clone()))
                    .clone();
                (span, finding)
            })
            .unzip()
    }
}

/// `range` grown until no candidate of any slot overlaps its edges: a union
/// of whole groups of overlapping candidates, which overlap resolution decides
/// apart from the rest.
fn overlapping(slots: &[Vec<Searched>], mut range: Range<usize>) -> Range<usize> {
    loop {
        let mut grown = range.clone();
        for windows in slots {
            let first = windows.partition_point(|w| w.end <= range.start);
            for w in windows[first..].iter().take_while(|w| w.start < range.end) {
                let from = w.found.partition_point(|f| f.candidate.end <= range.start);
                for f in w.found[from..]
                    .iter()
                    .take_while(|f| f.candidate.start < range.end)
                {
                    grown.start = grown.start.min(f.candidate.start);
                    grown.end = grown.end.max(f.candidate.end);
                }
            }
        }
        if grown == range {
            return range;
        }
        range = grown;
    }
}

/// The new offsets of the windows that differ between `old` (old offsets)
/// and `new`, if any.
fn differing(old: &[Window], new: &[Window], ch: Change) -> Option<Range<usize>> {
    let same_before = old
        .iter()
        .zip(new)
        .take_while(|(o, n)| o.end <= ch.start && o == n)
        .count();
    let (old, new) = (&old[same_before..], &new[same_before..]);
    let same_after = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take_while(|(o, n)| {
            o.start >= ch.old_end
                && **n
                    == Window {
                        start: ch.now(o.start),
                        end: ch.now(o.end),
                        digits: o.digits,
                    }
        })
        .count();
    let (old, new) = (
        &old[..old.len() - same_after],
        &new[..new.len() - same_after],
    );
    let starts = old.first().map(|w| ch.map(w.start, false)).into_iter();
    let ends = old.last().map(|w| ch.map(w.end, true)).into_iter();
    let start = starts.chain(new.first().map(|w| w.start)).min()?;
    let end = ends.chain(new.last().map(|w| w.end)).max()?;
    Some(start..end)
}

/// Re-searches one window of one pattern after an edit.
struct Searcher<'a> {
    guard: &'a Guard,
    hay: &'a str,
    /// The pattern's slot ([`Guard::slot`]).
    slot: usize,
    change: Change,
    /// Bytes searched, summed.
    searched: &'a mut usize,
    /// Grown to cover every part of a window searched again.
    dirty: &'a mut Range<usize>,
}

impl Searcher<'_> {
    /// The candidates of new window `w`, from `old` (this pattern's windows
    /// before the edit, in old offsets; what is taken from them is moved out)
    /// where they are still right, from a search elsewhere.
    fn window(&mut self, w: Window, old: &mut [Searched]) -> Searched {
        let ch = self.change;
        let c = self.guard.slot(self.slot);
        let by_start = |s: usize| old.binary_search_by_key(&s, |o| o.start).ok();
        // The same window, far enough from the edit: nothing in it changed.
        let same = if w.end + MARGIN_AFTER <= ch.start {
            by_start(w.start).filter(|&i| old[i].end == w.end)
        } else if w.start >= ch.new_end + MARGIN_BEFORE {
            by_start(ch.was(w.start)).filter(|&i| old[i].end == ch.was(w.end))
        } else {
            None
        };
        if let Some(i) = same {
            let mut found = mem::take(&mut old[i].found);
            if w.start >= ch.new_end {
                found.iter_mut().for_each(|f| ch.shift(f));
            }
            return Searched {
                start: w.start,
                end: w.end,
                found,
            };
        }
        let mut found = Vec::new();
        // Keep the old window's candidates before a cut ahead of the edit,
        // if the old window started here too.
        let mut from = w.start;
        if w.start + MARGIN_AFTER < ch.start {
            if let Some(i) = by_start(w.start) {
                let o = &mut old[i];
                let last = (ch.start - MARGIN_AFTER).min(o.end - 1).min(w.end - 1);
                if let Some(cut) = (w.start + 1..=last).rev().find(|&p| c.cuts_at(self.hay, p)) {
                    let k = o.found.partition_point(|f| f.candidate.start < cut);
                    found.extend(o.found.drain(..k));
                    from = cut;
                }
            }
        }
        // And those after a cut behind the edit, if the old window ended here too.
        let mut to = w.end;
        let mut tail = Vec::new();
        if w.end > ch.new_end + MARGIN_BEFORE {
            if let Ok(i) = old.binary_search_by_key(&ch.was(w.end), |o| o.end) {
                let o = &mut old[i];
                let first =
                    (ch.new_end + MARGIN_BEFORE)
                        .max(from + 1)
                        .max(if o.start >= ch.old_end {
                            ch.now(o.start)
                        } else {
                            0
                        });
                if let Some(cut) = (first..w.end).find(|&p| c.cuts_at(self.hay, p)) {
                    let k = o.found.partition_point(|f| f.candidate.start < ch.was(cut));
                    tail = o.found.split_off(k);
                    tail.iter_mut().for_each(|f| ch.shift(f));
                    to = cut;
                }
            }
        }
        // No match holds the byte at a cut past its first: the search may stop right after it.
        let end = if to < w.end { to + 1 } else { w.end };
        let mut candidates = Vec::new();
        self.guard.search(
            self.hay,
            from,
            to,
            end,
            self.slot,
            &mut candidates,
            &mut Default::default(),
            None,
        );
        *self.searched += to - from;
        if from < to {
            self.dirty.start = self.dirty.start.min(from);
            self.dirty.end = self.dirty.end.max(to);
        }
        found.extend(candidates.into_iter().map(Found::new));
        found.append(&mut tail);
        Searched {
            start: w.start,
            end: w.end,
            found,
        }
    }
}

/// The changed bytes of `old` → `new`: `start..old_end` became `start..new_end`
/// (char boundaries of both).
fn changed(old: &str, new: &str) -> (usize, usize, usize) {
    let (a, b) = (old.as_bytes(), new.as_bytes());
    let mut start = common_prefix(a, b);
    while !(old.is_char_boundary(start) && new.is_char_boundary(start)) {
        start -= 1;
    }
    let room = a.len().min(b.len()) - start;
    let mut tail = common_suffix(&a[a.len() - room..], &b[b.len() - room..]);
    while !(old.is_char_boundary(a.len() - tail) && new.is_char_boundary(b.len() - tail)) {
        tail -= 1;
    }
    (start, a.len() - tail, b.len() - tail)
}

/// Bytes compared at once, coarse to fine, before going byte by byte (slice
/// equality is a `memcmp`: a 100 KB draft is compared in a few microseconds).
const CHUNKS: [usize; 3] = [4096, 256, 16];

fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut i = 0;
    for chunk in CHUNKS {
        while i + chunk <= n && a[i..i + chunk] == b[i..i + chunk] {
            i += chunk;
        }
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let (la, lb) = (a.len(), b.len());
    let n = la.min(lb);
    let mut i = 0;
    for chunk in CHUNKS {
        while i + chunk <= n && a[la - i - chunk..la - i] == b[lb - i - chunk..lb - i] {
            i += chunk;
        }
    }
    while i < n && a[la - i - 1] == b[lb - i - 1] {
        i += 1;
    }
    i
}

/// Keyword hits in text order: by start, end and word (the order a scan's come in).
fn by_place(a: &Hit, b: &Hit) -> std::cmp::Ordering {
    (a.start, a.end, a.word).cmp(&(b.start, b.end, b.word))
}

/// Drops the hits that touched the changed bytes, moves those after them,
/// and adds the hits the new bytes make.
fn splice_hits(hits: &mut Vec<Hit>, hay: &str, ch: Change) {
    let k = prefilter::longest_keyword();
    // Hits starting before this end before the changed bytes.
    let near = hits.partition_point(|h| h.start + k < ch.start);
    let after = hits.partition_point(|h| h.start < ch.old_end);
    let mut middle: Vec<Hit> = hits[near..after]
        .iter()
        .filter(|h| h.end <= ch.start)
        .copied()
        .collect();
    let from = ch.start.saturating_sub(k);
    let to = (ch.new_end + k).min(hay.len());
    middle.extend(
        prefilter::keyword_hits(hay, from, to)
            .into_iter()
            .filter(|h| h.end > ch.start && h.start < ch.new_end),
    );
    crate::sort::by(&mut middle, &by_place);
    let tail: Vec<Hit> = hits[after..]
        .iter()
        .map(|h| Hit {
            start: ch.now(h.start),
            end: ch.now(h.end),
            ..*h
        })
        .collect();
    hits.truncate(near);
    hits.append(&mut middle);
    hits.extend(tail);
}

/// Finds the clusters again between the nearest bounds around the changed
/// bytes and moves those after them.
fn splice_clusters(clusters: &mut Vec<Cluster>, hay: &str, ch: Change, min_digits: usize) {
    let (from, to) = prefilter::cluster_bounds(hay, ch.start, ch.new_end);
    let first = clusters.partition_point(|c| c.start < from);
    let after = clusters.partition_point(|c| c.start < ch.was(to));
    let tail: Vec<Cluster> = clusters[after..]
        .iter()
        .map(|c| Cluster {
            start: ch.now(c.start),
            end: ch.now(c.end),
            ..*c
        })
        .collect();
    clusters.truncate(first);
    clusters.extend(prefilter::clusters(hay, from, to).filter(|c| c.digits >= min_digits));
    clusters.extend(tail);
}
