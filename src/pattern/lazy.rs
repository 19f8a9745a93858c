//! The product's lazy DFA over a thompson [`NFA`]: it builds only the states
//! a text visits, keeps them in a cache the caller owns, and searches in
//! linear time whatever the pattern (a full cache is cleared, never given up
//! on).
//!
//! It answers exactly as regex-automata's `hybrid` lazy DFA does (the tests
//! hold it to that): a DFA state is the ordered set of NFA states a search
//! can be in, with the look-around facts known at that point; matches are
//! delayed by one byte, so that the byte after a position (or the text's
//! end) decides `$`, `\b` and their kin, and the byte before the search's
//! start decides `^` and `\b` at the start. Leftmost-first stops following
//! the threads after the first match state in priority order; `All` keeps
//! them all (the reverse search for a match's start, the digit set).
//!
//! A state is its row in one flat table (`Vec<u32>`, a column per byte class
//! of the NFA and one for the end of the text): a byte costs a class lookup
//! and a table lookup. A state's id is its row's offset; the entries of a
//! row that lead to a match state, the dead state or a state not yet built
//! carry a tag above the offsets, so the byte loop tests one compare.

use regex_automata::nfa::thompson::{State, NFA};
use regex_automata::util::look::{Look, LookSet};
use regex_automata::util::primitives::StateID;

/// A transition into a match state (delayed: the match ends before the byte
/// that took it) has this bit set over the target's row offset.
const MATCH: u32 = 1 << 29;
/// The dead state: no match can follow. It has no row.
const DEAD: u32 = 1 << 30;
/// A transition not computed yet.
const UNKNOWN: u32 = 1 << 31;
/// The row offset of an id.
const ROW: u32 = MATCH - 1;

/// Flags in the first word of a state's key.
const IS_MATCH: u32 = 1;
const FROM_WORD: u32 = 2;
const HALF_CRLF: u32 = 4;

/// The class of a byte as what precedes a position, as assertions tell it
/// apart: `\n`, `\r`, a word byte, any other byte (the generator's `BEFORE`;
/// class 0 is the text's start).
pub(crate) const BEFORE: [u8; 256] = {
    let mut t = [4; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c == b'\n' {
            t[b] = 1;
        } else if c == b'\r' {
            t[b] = 2;
        } else if c.is_ascii_alphanumeric() || c == b'_' {
            t[b] = 3;
        }
        b += 1;
    }
    t
};

/// The [`BEFORE`] class of the byte before position `s` of `hay` (0 at the start).
#[inline(always)]
pub(crate) fn class_before(hay: &[u8], s: usize) -> usize {
    // A `match`, not `map_or`: at `opt-level = "z"` that stayed a call, once
    // for every start a pattern searched from starts is tried at.
    match s.checked_sub(1) {
        Some(i) => usize::from(BEFORE[usize::from(hay[i])]),
        None => 0,
    }
}

/// A lazy DFA: the NFA and how its states are laid out. Immutable; what a
/// search builds goes to a [`Cache`].
#[derive(Clone, Debug)]
pub(crate) struct Dfa {
    nfa: NFA,
    /// Leftmost-first (`false`) or every match (`true`, regex-automata's `MatchKind::All`).
    all: bool,
    /// Byte → column of a row.
    classes: [u8; 256],
    /// The end-of-text column.
    eoi: u32,
    /// Columns of a row.
    stride: u32,
    /// Bytes of states a cache holds before it is cleared.
    capacity: usize,
}

/// What searches with one [`Dfa`] build and keep for the next: its states
/// (the table and what each state is) and scratch space.
#[derive(Clone, Debug)]
pub(crate) struct Cache {
    /// `stride` entries a state: the id of the state after each class.
    trans: Vec<u32>,
    /// Each state's key (flags, look-around, match patterns, NFA states)
    /// end to end; state `r`'s is `keys[ends[r]..ends[r + 1]]`.
    keys: Vec<u32>,
    ends: Vec<u32>,
    /// Open addressing over the keys: row + 1, 0 where empty.
    index: Vec<u32>,
    /// Start states: anchored (5..) or not (..5), by [`BEFORE`] class.
    starts: [u32; 10],
    /// How often the cache was cleared since it was made.
    clears: usize,
    /// The NFA states a transition starts from.
    from: Vec<u32>,
    set: Sparse,
    stack: Vec<StateID>,
    key: Vec<u32>,
}

impl Default for Cache {
    fn default() -> Cache {
        Cache {
            trans: Vec::new(),
            keys: Vec::new(),
            ends: Vec::new(),
            index: Vec::new(),
            starts: [UNKNOWN; 10],
            clears: 0,
            from: Vec::new(),
            set: Sparse::default(),
            stack: Vec::new(),
            key: Vec::new(),
        }
    }
}

/// A set of NFA states that remembers the order of insertion.
#[derive(Clone, Debug, Default)]
struct Sparse {
    /// The states, in order (the first `len`).
    dense: Vec<u32>,
    /// Per state, its place in `dense` if it is there.
    sparse: Vec<u32>,
    len: usize,
}

impl Sparse {
    /// Empties the set, for an NFA of `n` states.
    fn clear(&mut self, n: usize) {
        if self.sparse.len() != n {
            self.dense.resize(n, 0);
            self.sparse.resize(n, 0);
        }
        self.len = 0;
    }

    /// `false` if `id` was in the set already.
    #[inline]
    fn insert(&mut self, id: StateID) -> bool {
        let id = id.as_u32();
        let (dense, sparse) = (self.dense.as_mut_slice(), self.sparse.as_mut_slice());
        let i = sparse[id as usize] as usize;
        if i < self.len && dense[i] == id {
            return false;
        }
        sparse[id as usize] = self.len as u32;
        dense[self.len] = id;
        self.len += 1;
        true
    }

    /// The states, in order.
    fn states(&self) -> &[u32] {
        &self.dense[..self.len]
    }
}

/// Which patterns matched (bit `i`: pattern `i`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Matched(u64);

impl Matched {
    /// `true` if pattern `i` matched.
    pub(crate) fn contains(self, i: usize) -> bool {
        self.0 >> i & 1 == 1
    }

    /// Every pattern.
    pub(crate) const ALL: Matched = Matched(u64::MAX);

    /// The patterns that matched in any of `all`.
    pub(crate) fn any(all: &[Matched]) -> Matched {
        Matched(all.iter().fold(0, |a, m| a | m.0))
    }
}

/// `true` for an ASCII word byte (what `\b` tells apart).
fn is_word(unit: Option<u8>) -> bool {
    unit.is_some_and(|b| BEFORE[usize::from(b)] == 3)
}

impl Dfa {
    /// A lazy DFA over `nfa` that reports every match (`all`) or the
    /// leftmost-first one; its caches hold states of about this many bytes
    /// at most (see [`Dfa::with_capacity`]).
    pub(crate) fn new(nfa: NFA, all: bool) -> Result<Dfa, String> {
        if nfa.look_set_any().contains_word_unicode() {
            return Err("Unicode word boundaries are not supported".into());
        }
        if nfa.look_matcher().get_line_terminator() != b'\n' {
            return Err("only \\n ends a line".into());
        }
        if all && nfa.pattern_len() > 64 {
            return Err("at most 64 patterns in a set".into());
        }
        let c = nfa.byte_classes();
        let mut classes = [0u8; 256];
        for (b, class) in classes.iter_mut().enumerate() {
            *class = c.get(b as u8);
        }
        let eoi = c.alphabet_len() as u32 - 1;
        // About 400 bytes a state: room for the states of long, varied text;
        // at least 2 MiB (a cache grows only as far as it is used). With 1
        // MiB, `password`'s forward DFA (its passphrase alternative, command
        // forms and labels in three scripts) was cleared over and over on
        // finding-dense text: that one detector spent twice the instructions
        // (callgrind, 1 MB dense, 5 passes: 936 M → 475 M; every detector:
        // 3,239 M → 2,772 M).
        let capacity = (nfa.states().len() * 400).clamp(2 << 20, 8 << 20);
        Ok(Dfa {
            nfa,
            all,
            classes,
            eoi,
            stride: eoi + 1,
            capacity,
        })
    }

    /// The same DFA with caches cleared once they hold `bytes`.
    #[cfg(all(test, not(target_family = "wasm")))]
    pub(crate) fn with_capacity(self, bytes: usize) -> Dfa {
        Dfa {
            capacity: bytes,
            ..self
        }
    }

    /// The NFA it runs.
    pub(crate) fn nfa(&self) -> &NFA {
        &self.nfa
    }

    /// The start state of a search (anchored or not) whose look-behind is
    /// the byte before `at` in `hay`.
    #[inline(always)]
    pub(crate) fn start(&self, cache: &mut Cache, anchored: bool, hay: &[u8], at: usize) -> u32 {
        self.start_in(cache, usize::from(anchored) * 5 + class_before(hay, at))
    }

    /// The start state in slot `slot` of [`Cache::starts`], built if new.
    #[inline(always)]
    fn start_in(&self, cache: &mut Cache, slot: usize) -> u32 {
        match cache.starts[slot] {
            UNKNOWN => self.new_start(cache, slot),
            sid => sid,
        }
    }

    #[inline(never)]
    fn new_start(&self, cache: &mut Cache, slot: usize) -> u32 {
        if cache.ends.is_empty() {
            self.clear(cache);
        }
        let sid = self.start_state(cache, slot >= 5, slot % 5);
        cache.starts[slot] = sid;
        sid
    }

    /// The state after `unit` (a byte, or `None` for the end of the text)
    /// from state `sid` (not dead); `sid` changes if the cache is cleared on
    /// the way. The returned id may carry [`MATCH`] or be [`DEAD`].
    #[inline]
    fn next(&self, cache: &mut Cache, sid: &mut u32, unit: Option<u8>) -> u32 {
        let col = unit.map_or(self.eoi, |b| u32::from(self.classes[usize::from(b)]));
        match cache.trans.as_slice()[(*sid + col) as usize] {
            UNKNOWN => self.build(cache, sid, unit),
            next => next,
        }
    }

    /// [`Dfa::next`] for a transition not computed yet: the state built (or
    /// found) and the transition written.
    #[inline(never)]
    fn build(&self, cache: &mut Cache, sid: &mut u32, unit: Option<u8>) -> u32 {
        let col = unit.map_or(self.eoi, |b| u32::from(self.classes[usize::from(b)]));
        self.next_key(cache, *sid, unit);
        let next = match self.find_key(cache) {
            Some(next) => next,
            None => {
                if self.full(cache) {
                    // Cleared: the current state is built again first.
                    let row = (*sid / self.stride) as usize;
                    let current =
                        cache.keys[cache.ends[row] as usize..cache.ends[row + 1] as usize].to_vec();
                    let new = std::mem::replace(&mut cache.key, current);
                    self.clear(cache);
                    *sid = self.add_key(cache) & ROW;
                    cache.key = new;
                    // The new state may be the current one.
                    if let Some(next) = self.find_key(cache) {
                        cache.trans[(*sid + col) as usize] = next;
                        return next;
                    }
                }
                self.add_key(cache)
            }
        };
        cache.trans[(*sid + col) as usize] = next;
        next
    }

    /// `true` if the cache holds its capacity's worth (clear it before adding).
    fn full(&self, cache: &Cache) -> bool {
        let words = cache.trans.len() + cache.keys.len() + cache.ends.len() + cache.index.len();
        words * 4 + (self.stride as usize + cache.key.len()) * 4 > self.capacity
            && cache.ends.len() > 1
    }

    /// Empties `cache` (made for this DFA if new).
    fn clear(&self, cache: &mut Cache) {
        if !cache.ends.is_empty() {
            cache.clears += 1;
        }
        cache.trans.clear();
        cache.keys.clear();
        cache.ends.clear();
        cache.ends.push(0);
        cache.index.clear();
        cache.index.resize(64, 0);
        cache.starts = [UNKNOWN; 10];
    }

    /// The start state for a look-behind of [`BEFORE`] class `before`.
    fn start_state(&self, cache: &mut Cache, anchored: bool, before: usize) -> u32 {
        let nfa = &self.nfa;
        let any = nfa.look_set_any();
        let rev = nfa.is_reverse();
        let (mut have, mut flags) = (LookSet::empty(), 0);
        let half = LookSet::empty()
            .insert(Look::WordStartHalfAscii)
            .insert(Look::WordStartHalfUnicode);
        let word_half = |have: LookSet| {
            if any.contains_word() {
                have.union(half)
            } else {
                have
            }
        };
        match before {
            // The text's start.
            0 => {
                if any.contains_anchor_haystack() {
                    have = have.insert(Look::Start);
                }
                if any.contains_anchor_line() {
                    have = have.insert(Look::StartLF).insert(Look::StartCRLF);
                }
                have = word_half(have);
            }
            // After `\n`.
            1 => {
                if rev && any.contains_anchor_crlf() {
                    flags |= HALF_CRLF;
                }
                if any.contains_anchor_line() {
                    have = have.insert(if rev { Look::StartLF } else { Look::StartCRLF });
                    have = have.insert(Look::StartLF);
                }
                have = word_half(have);
            }
            // After `\r`.
            2 => {
                if any.contains_anchor_crlf() {
                    if rev {
                        have = have.insert(Look::StartCRLF);
                    } else {
                        flags |= HALF_CRLF;
                    }
                }
                have = word_half(have);
            }
            // After a word byte.
            3 => {
                if any.contains_word() {
                    flags |= FROM_WORD;
                }
            }
            _ => have = word_half(have),
        }
        let start = if anchored {
            nfa.start_anchored()
        } else {
            nfa.start_unanchored()
        };
        cache.set.clear(nfa.states().len());
        closure(nfa, start, have, &mut cache.stack, &mut cache.set);
        cache.key.clear();
        cache.key.extend([flags, have.bits, 0, 0]);
        key_states(nfa, cache.set.states(), &mut cache.key);
        match self.find_key(cache) {
            Some(id) => id,
            None => {
                if self.full(cache) {
                    let key = std::mem::take(&mut cache.key);
                    self.clear(cache);
                    cache.key = key;
                }
                self.add_key(cache)
            }
        }
    }

    /// Writes to `cache.key` the key of the state after `unit` from `sid`
    /// (regex-automata's `determinize::next`).
    fn next_key(&self, cache: &mut Cache, sid: u32, unit: Option<u8>) {
        let nfa = &self.nfa;
        let any = nfa.look_set_any();
        let rev = nfa.is_reverse();
        let row = (sid / self.stride) as usize;
        let key = &cache.keys[cache.ends[row] as usize..cache.ends[row + 1] as usize];
        let (flags, have, need) = (key[0], LookSet { bits: key[1] }, LookSet { bits: key[2] });
        cache.from.clear();
        cache.from.extend_from_slice(&key[4 + key[3] as usize..]);
        let n = nfa.states().len();
        let (from_word, half_crlf) = (flags & FROM_WORD != 0, flags & HALF_CRLF != 0);
        let word = is_word(unit);
        if !need.is_empty() {
            // Look-ahead assertions that `unit` makes true.
            let mut now = have;
            match unit {
                Some(b'\r') if !rev || !half_crlf => now = now.insert(Look::EndCRLF),
                Some(b'\n') if rev || !half_crlf => now = now.insert(Look::EndCRLF),
                None => {
                    now = now
                        .insert(Look::End)
                        .insert(Look::EndLF)
                        .insert(Look::EndCRLF)
                }
                _ => {}
            }
            if unit == Some(b'\n') {
                now = now.insert(Look::EndLF);
            }
            if half_crlf && unit != Some(if rev { b'\r' } else { b'\n' }) {
                now = now.insert(Look::StartCRLF);
            }
            now = if from_word == word {
                now.insert(Look::WordAsciiNegate)
                    .insert(Look::WordUnicodeNegate)
            } else {
                now.insert(Look::WordAscii).insert(Look::WordUnicode)
            };
            if !word {
                now = now
                    .insert(Look::WordEndHalfAscii)
                    .insert(Look::WordEndHalfUnicode);
            }
            if from_word && !word {
                now = now.insert(Look::WordEndAscii).insert(Look::WordEndUnicode);
            } else if !from_word && word {
                now = now
                    .insert(Look::WordStartAscii)
                    .insert(Look::WordStartUnicode);
            }
            if !now.subtract(have).intersect(need).is_empty() {
                cache.set.clear(n);
                for &id in &cache.from {
                    closure(
                        nfa,
                        StateID::new_unchecked(id as usize),
                        now,
                        &mut cache.stack,
                        &mut cache.set,
                    );
                }
                cache.from.clear();
                cache.from.extend_from_slice(cache.set.states());
            }
        }
        // Look-behind assertions the next state starts with.
        let mut have = LookSet::empty();
        if any.contains_anchor_line() && unit == Some(b'\n') {
            have = have.insert(Look::StartLF);
        }
        if any.contains_anchor_crlf() && unit == Some(if rev { b'\r' } else { b'\n' }) {
            have = have.insert(Look::StartCRLF);
        }
        if any.contains_word() && !word {
            have = have
                .insert(Look::WordStartHalfAscii)
                .insert(Look::WordStartHalfUnicode);
        }
        cache.key.clear();
        cache.key.extend([0, 0, 0, 0]);
        cache.set.clear(n);
        let states = nfa.states();
        for &id in &cache.from {
            let next = match (&states[id as usize], unit) {
                (State::Match { pattern_id }, _) => {
                    cache.key.push(pattern_id.as_u32());
                    if self.all {
                        continue;
                    }
                    break;
                }
                (State::ByteRange { trans }, Some(b)) => {
                    trans.matches_byte(b).then_some(trans.next)
                }
                (State::Sparse(s), Some(b)) => s.matches_byte(b),
                (State::Dense(d), Some(b)) => d.matches_byte(b),
                _ => None,
            };
            if let Some(next) = next {
                closure(nfa, next, have, &mut cache.stack, &mut cache.set);
            }
        }
        let matches = cache.key.len() as u32 - 4;
        let mut flags = if matches > 0 { IS_MATCH } else { 0 };
        if cache.set.len > 0 {
            if any.contains_word() && word {
                flags |= FROM_WORD;
            }
            if any.contains_anchor_crlf() && unit == Some(if rev { b'\n' } else { b'\r' }) {
                flags |= HALF_CRLF;
            }
        }
        cache.key[0] = flags;
        cache.key[1] = have.bits;
        cache.key[3] = matches;
        key_states(nfa, cache.set.states(), &mut cache.key);
    }

    /// The id of the state whose key is `cache.key`, if the cache holds it.
    fn find_key(&self, cache: &Cache) -> Option<u32> {
        let key = &cache.key[..];
        if key.len() == 4 && key[3] == 0 {
            return Some(DEAD);
        }
        let mask = cache.index.len() - 1;
        let mut i = hash(key) & mask;
        loop {
            let r = cache.index[i] as usize;
            if r == 0 {
                return None;
            }
            let (a, z) = (cache.ends[r - 1] as usize, cache.ends[r] as usize);
            if cache.keys[a..z] == *key {
                return Some(self.id(r - 1, key[0]));
            }
            i = (i + 1) & mask;
        }
    }

    /// The id of row `r` of a state with key flags `flags`.
    fn id(&self, r: usize, flags: u32) -> u32 {
        let offset = r as u32 * self.stride;
        if flags & IS_MATCH != 0 {
            offset | MATCH
        } else {
            offset
        }
    }

    /// Adds the state whose key is `cache.key` (not held yet); its id.
    fn add_key(&self, cache: &mut Cache) -> u32 {
        let rows = cache.ends.len();
        if rows * 2 > cache.index.len() {
            let mut index = vec![0; cache.index.len() * 2];
            for r in 1..rows {
                let (a, z) = (cache.ends[r - 1] as usize, cache.ends[r] as usize);
                index_row(&mut index, &cache.keys[a..z], r);
            }
            cache.index = index;
        }
        index_row(&mut cache.index, &cache.key, rows);
        cache.keys.extend_from_slice(&cache.key);
        cache.ends.push(cache.keys.len() as u32);
        let len = cache.trans.len() + self.stride as usize;
        cache.trans.resize(len, UNKNOWN);
        self.id(rows - 1, cache.key[0])
    }

    /// The patterns of match state `sid` (its id carries [`MATCH`]).
    fn patterns(&self, cache: &Cache, sid: u32) -> Matched {
        let row = ((sid & ROW) / self.stride) as usize;
        let key = &cache.keys[cache.ends[row] as usize..];
        let bits = (key[4..4 + key[3] as usize].iter()).fold(0, |bits, &p| bits | 1 << p);
        Matched(bits)
    }

    /// Steps `sid` from `at` over `hay` to the first transition into a
    /// match state (unless `through_matches`: then it notes in `found` where
    /// the last match ended and goes on) or into the dead state, building
    /// states on the way. Returns where that transition is and the
    /// transition; at the end of `hay` (not stepped over), [`UNKNOWN`].
    fn forward(
        &self,
        cache: &mut Cache,
        hay: &[u8],
        sid: &mut u32,
        mut at: usize,
        found: &mut Option<usize>,
        through_matches: bool,
    ) -> (usize, u32) {
        let mut s = *sid;
        loop {
            let (trans, classes) = (cache.trans.as_slice(), &self.classes);
            // Macros, not closures: at `opt-level = "z"` a closure called
            // from several places stays a call.
            macro_rules! step {
                ($s:expr, $b:expr) => {
                    trans[($s + u32::from(classes[usize::from($b)])) as usize]
                };
            }
            // Four bytes at a time while there are four and the transitions
            // are plain (built, not into a match or the dead state); one that
            // is not is taken again below, one byte at a time.
            while let Some(&[b0, b1, b2, b3]) = hay.get(at..at + 4) {
                macro_rules! plain {
                    ($from:expr, $b:expr, $k:expr) => {{
                        let next = step!($from, $b);
                        if next >= MATCH {
                            s = $from;
                            at += $k;
                            break;
                        }
                        next
                    }};
                }
                let n0 = plain!(s, b0, 0);
                let n1 = plain!(n0, b1, 1);
                let n2 = plain!(n1, b2, 2);
                s = plain!(n2, b3, 3);
                at += 4;
            }
            let Some(&b) = hay.get(at) else {
                *sid = s;
                return (at, UNKNOWN);
            };
            let mut next = step!(s, b);
            if next == UNKNOWN {
                *sid = s;
                next = self.build(cache, sid, Some(b));
                s = *sid;
            }
            if next < MATCH {
                s = next;
            } else if through_matches && next < DEAD {
                *found = Some(at);
                s = next & ROW;
            } else {
                *sid = s;
                return (at, next);
            }
            at += 1;
        }
    }

    /// The end of the leftmost-first match in `hay[start..end]` (anchored at
    /// `start` or not; the first match state met if `earliest`); the bytes
    /// around the span are context for assertions.
    pub(crate) fn find_fwd(
        &self,
        cache: &mut Cache,
        hay: &[u8],
        start: usize,
        end: usize,
        anchored: bool,
        earliest: bool,
    ) -> Option<usize> {
        let mut sid = self.start(cache, anchored, hay, start);
        if sid == DEAD {
            return None;
        }
        let mut found = None;
        let (at, next) = self.forward(cache, &hay[..end], &mut sid, start, &mut found, !earliest);
        if at < end {
            // The dead state, or the first match state if `earliest`.
            return if next & MATCH != 0 { Some(at) } else { found };
        }
        // The end: the byte after the span (or the text's end) decides.
        if self.next(cache, &mut sid, hay.get(end).copied()) & MATCH != 0 {
            found = Some(end);
        }
        found
    }

    /// [`Dfa::find_fwd`], unanchored and not earliest, skipping empty
    /// matches that split a UTF-8 character when the NFA is in UTF-8 mode
    /// and can match the empty string (as regex-automata does).
    pub(crate) fn find(&self, cache: &mut Cache, hay: &[u8], start: usize) -> Option<usize> {
        let mut from = start;
        loop {
            let end = self.find_fwd(cache, hay, from, hay.len(), false, false)?;
            if !self.splits(hay, end) {
                return Some(end);
            }
            from += 1;
        }
    }

    /// `true` if this anchored DFA (in UTF-8 mode if its NFA is) has a match
    /// that starts at the start of `hay`, found with the first match state.
    pub(crate) fn matches_anchored(&self, cache: &mut Cache, hay: &[u8]) -> bool {
        (self.find_fwd(cache, hay, 0, hay.len(), true, true)).is_some_and(|e| !self.splits(hay, e))
    }

    /// `true` if an empty match at `at` of this NFA is not reported: it is
    /// in UTF-8 mode, can match the empty string, and `at` is inside a character.
    fn splits(&self, hay: &[u8], at: usize) -> bool {
        self.nfa.has_empty()
            && self.nfa.is_utf8()
            && hay.get(at).is_some_and(|&b| (0x80..0xC0).contains(&b))
    }

    /// The start of the longest match of this reverse DFA anchored at `end`
    /// that lies in `hay[start..end]`; the bytes around the span are context.
    pub(crate) fn find_rev(
        &self,
        cache: &mut Cache,
        hay: &[u8],
        start: usize,
        end: usize,
    ) -> Option<usize> {
        // A reverse search's look-behind is the byte after its span.
        let before = hay
            .get(end)
            .map_or(0, |&b| usize::from(BEFORE[usize::from(b)]));
        let mut sid = self.start_in(cache, 5 + before);
        if sid == DEAD {
            return None;
        }
        let mut found = None;
        let mut at = end;
        while at > start {
            let b = hay[at - 1];
            let next =
                cache.trans.as_slice()[(sid + u32::from(self.classes[usize::from(b)])) as usize];
            if next >= MATCH {
                let next = match next {
                    UNKNOWN => self.build(cache, &mut sid, Some(b)),
                    next => next,
                };
                if next & MATCH != 0 {
                    found = Some(at);
                } else if next == DEAD {
                    return found.filter(|&s| !self.splits(hay, s));
                }
                sid = next & ROW;
            } else {
                sid = next;
            }
            at -= 1;
        }
        // The start: the byte before the span (or the text's start) decides.
        if self.next(cache, &mut sid, start.checked_sub(1).map(|i| hay[i])) & MATCH != 0 {
            found = Some(start);
        }
        found.filter(|&s| !self.splits(hay, s))
    }

    /// Which patterns have a match that starts and ends in `hay[start..]`.
    pub(crate) fn which(&self, cache: &mut Cache, hay: &[u8], start: usize) -> Matched {
        let all = ((1u128 << self.nfa.pattern_len()) - 1) as u64;
        let mut sid = self.start(cache, false, hay, start);
        let mut found = Matched(0);
        let mut at = start;
        while sid != DEAD {
            let (stop, next) = self.forward(cache, hay, &mut sid, at, &mut None, false);
            let next = match stop < hay.len() {
                true => next,
                false => self.next(cache, &mut sid, None),
            };
            if next & MATCH != 0 {
                found.0 |= self.patterns(cache, next).0;
            }
            if stop == hay.len() || next == DEAD || found.0 == all {
                break;
            }
            sid = next & ROW;
            at = stop + 1;
        }
        found
    }

    /// `false` if no match of this (anchored) DFA starts at `s` of `hay`:
    /// its states from there reach the dead state before a match state.
    /// Most starts a pattern searched from starts is tried at die within a
    /// few bytes; stepping costs a few instructions a byte where a search
    /// costs more to set up. `true` (search to be sure) at a match state or
    /// the text's end.
    pub(crate) fn may_match_from(&self, cache: &mut Cache, hay: &[u8], s: usize) -> bool {
        let mut sid = self.start(cache, true, hay, s);
        if sid == DEAD {
            return s == hay.len();
        }
        let (_, next) = self.forward(cache, hay, &mut sid, s, &mut None, false);
        next != DEAD
    }

    /// How often `cache` was cleared (tests: a small cache must be).
    #[cfg(all(test, not(target_family = "wasm")))]
    pub(crate) fn clears(cache: &Cache) -> usize {
        cache.clears
    }
}

/// Puts `entry` (the row + 1 of the state whose key is `key`) in the first
/// free slot of `index` from the key's hash on (open addressing; `index` has
/// free slots and a power-of-two length).
fn index_row(index: &mut [u32], key: &[u32], entry: usize) {
    let mask = index.len() - 1;
    let mut i = hash(key) & mask;
    while index[i] != 0 {
        i = (i + 1) & mask;
    }
    index[i] = entry as u32;
}

/// The epsilon closure of `start` under the assertions `have`, added to
/// `set` in depth-first order, earlier alternatives first (regex-automata's
/// `determinize::epsilon_closure`).
fn closure(nfa: &NFA, start: StateID, have: LookSet, stack: &mut Vec<StateID>, set: &mut Sparse) {
    let states = nfa.states();
    stack.push(start);
    while let Some(mut id) = stack.pop() {
        while set.insert(id) {
            id = match &states[id.as_usize()] {
                State::Look { look, next } if have.contains(*look) => *next,
                State::Union { alternates } => match alternates.split_first() {
                    Some((&first, rest)) => {
                        stack.extend(rest.iter().rev());
                        first
                    }
                    None => break,
                },
                State::BinaryUnion { alt1, alt2 } => {
                    stack.push(*alt2);
                    *alt1
                }
                State::Capture { next, .. } => *next,
                _ => break,
            };
        }
    }
}

/// Appends to `key` the NFA states of `set` a DFA state keeps (all but
/// captures), and sets its look-around needs (`key[2]`); the look-behind
/// facts (`key[1]`) matter only if it needs some.
fn key_states(nfa: &NFA, set: &[u32], key: &mut Vec<u32>) {
    let mut need = LookSet::empty();
    let states = nfa.states();
    for &id in set {
        match &states[id as usize] {
            State::Capture { .. } => continue,
            State::Look { look, .. } => need = need.insert(*look),
            _ => {}
        }
        key.push(id);
    }
    key[2] = need.bits;
    if need.is_empty() {
        key[1] = 0;
    }
}

/// A key's hash (FxHash's mixing).
fn hash(key: &[u32]) -> usize {
    (key.iter()).fold(0u32, |h, &w| {
        (h.rotate_left(5) ^ w).wrapping_mul(0x9E37_79B9)
    }) as usize
}

/// The own lazy DFA against regex-automata's (`hybrid`, a dev-dependency
/// feature only): the same answers for every built-in pattern (forward,
/// reverse, from starts, the digit set) and for custom rules with every
/// look-around, on generated texts; and again with a cache so small that it
/// is cleared on every new state.
#[cfg(all(test, not(target_family = "wasm")))]
mod tests {
    use super::*;
    use regex_automata::hybrid::dfa::{Cache as HCache, DFA};
    use regex_automata::util::start;
    use regex_automata::{Anchored, Input, MatchKind, PatternSet};

    /// regex-automata's lazy DFA over `nfa`, configured as the product had it.
    fn theirs(nfa: &NFA, all: bool) -> DFA {
        let kind = if all {
            MatchKind::All
        } else {
            MatchKind::LeftmostFirst
        };
        let config = DFA::config()
            .match_kind(kind)
            .cache_capacity(2 << 20)
            .skip_cache_capacity_check(true)
            .minimum_cache_clear_count(None);
        (DFA::builder().configure(config).build_from_nfa(nfa.clone())).unwrap()
    }

    /// A DFA of ours (with a normal cache and a tiny one) and theirs.
    struct Trio {
        name: String,
        own: Dfa,
        tiny: Dfa,
        theirs: DFA,
        caches: [Cache; 2],
        hcache: HCache,
        /// Answers with a match (the comparisons must have something to compare).
        found: usize,
    }

    impl Trio {
        fn new(name: &str, dfa: &Dfa) -> Trio {
            let theirs = theirs(&dfa.nfa, dfa.all);
            Trio {
                name: name.into(),
                own: dfa.clone(),
                tiny: dfa.clone().with_capacity(1),
                hcache: theirs.create_cache(),
                theirs,
                caches: Default::default(),
                found: 0,
            }
        }

        /// Each of ours, with its cache.
        fn each(&mut self, mut f: impl FnMut(&Dfa, &mut Cache)) {
            let [a, b] = &mut self.caches;
            f(&self.own, a);
            f(&self.tiny, b);
        }

        fn check(&mut self, hay: &[u8]) {
            let n = hay.len();
            let name = self.name.clone();
            let at = |s: usize, what: &str| {
                let near = String::from_utf8_lossy(&hay[s.saturating_sub(20)..n.min(s + 40)]);
                format!("{name}: {what} at {s} of {near:?}")
            };
            let (all, rev) = (self.own.all, self.own.nfa.is_reverse());
            for s in 0..=n {
                if rev {
                    // A reverse DFA runs anchored from an end back to a start:
                    // from every end, back to some start before it.
                    let (start, end) = (s.saturating_sub(1 + (s * 7) % 61), s);
                    let input = Input::new(hay).span(start..end).anchored(Anchored::Yes);
                    let want = self.their_search(&input);
                    self.each(|d, c| {
                        assert_eq!(d.find_rev(c, hay, start, end), want, "{}", at(s, "rev"))
                    });
                    continue;
                }
                if all {
                    let mut set = PatternSet::new(self.theirs.pattern_len());
                    let input = Input::new(hay).span(s..n);
                    (self
                        .theirs
                        .try_which_overlapping_matches(&mut self.hcache, &input, &mut set))
                    .unwrap();
                    self.found += usize::from(!set.is_empty());
                    self.each(|d, c| {
                        let got = d.which(c, hay, s);
                        for p in 0..set.capacity() {
                            let want = set.contains(regex_automata::PatternID::must(p));
                            assert_eq!(got.contains(p), want, "{}", at(s, "set"));
                        }
                    });
                    if s % 3 != 0 {
                        continue;
                    }
                }
                // Anchored, ending at the text's end or before it (the byte
                // after the span is context), first match state or not.
                for end in [n, n.min(s + 3), n.min(s + 17 + s % 23)] {
                    for earliest in [false, true] {
                        let input = Input::new(hay)
                            .span(s..end)
                            .anchored(Anchored::Yes)
                            .earliest(earliest);
                        let want = self.their_search(&input);
                        self.each(|d, c| {
                            let got = d.find_fwd(c, hay, s, end, true, earliest);
                            let got = got.filter(|&e| !d.splits(hay, e));
                            assert_eq!(got, want, "{}", at(s, "anchored"));
                        });
                    }
                    let want = self.steps(&hay[..end], s);
                    self.each(|d, c| {
                        let got = d.may_match_from(c, &hay[..end], s);
                        assert_eq!(got, want, "{}", at(s, "may_match_from"));
                    });
                }
                if s % 7 == 0 && !all {
                    let want = self.their_search(&Input::new(hay).span(s..n));
                    self.each(|d, c| assert_eq!(d.find(c, hay, s), want, "{}", at(s, "forward")));
                }
            }
        }

        /// Where their search of `input` (forward, or reverse for a reverse
        /// DFA) finds a match's end (its start, reverse), counted in `found`.
        fn their_search(&mut self, input: &Input) -> Option<usize> {
            let (dfa, cache) = (&self.theirs, &mut self.hcache);
            let found = match self.own.nfa.is_reverse() {
                true => dfa.try_search_rev(cache, input),
                false => dfa.try_search_fwd(cache, input),
            };
            let found = found.unwrap().map(|m| m.offset());
            self.found += usize::from(found.is_some());
            found
        }

        /// Their anchored DFA stepped by hand from `s` until a match state
        /// (`true`), the dead state (`false`) or the end of `hay` (`true`).
        fn steps(&mut self, hay: &[u8], s: usize) -> bool {
            let config = start::Config::new()
                .anchored(Anchored::Yes)
                .look_behind(s.checked_sub(1).map(|i| hay[i]));
            let mut state = self.theirs.start_state(&mut self.hcache, &config).unwrap();
            for &b in &hay[s..] {
                if state.is_match() {
                    return true;
                }
                state = self.theirs.next_state(&mut self.hcache, state, b).unwrap();
                if state.is_dead() {
                    return false;
                }
            }
            true
        }
    }

    /// A small xorshift generator: the same texts every run.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    /// Texts to hold the two to: pieces of the fixtures and drafts, the
    /// patterns' literal runs, their mutations, ASCII and UTF-8 noise, floods.
    fn texts() -> Vec<String> {
        let samples = crate::scan::samples().replace("\\n", "\n");
        let mut literals: Vec<String> = Vec::new();
        for d in crate::detectors::REGISTRY {
            let p = d.pattern;
            let mut run = String::new();
            for c in p.chars().chain([' ']) {
                if c.is_ascii_alphanumeric() || "_-:/@.=".contains(c) {
                    run.push(c);
                } else {
                    if run.len() >= 3 {
                        literals.push(std::mem::take(&mut run));
                    }
                    run.clear();
                }
            }
        }
        let bits = [
            " ", "\n", "\r\n", "\r", "\t", "_", "-", ".", ":", "/", "@", "=", "\"", "'", "é", "中",
            "€", "\u{200b}", "a", "Z", "0", "7", "x", "+", "%", "?", "&", ";", ",", "(", ")",
        ];
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut texts = Vec::new();
        let lines: Vec<&str> = samples.lines().filter(|l| !l.trim().is_empty()).collect();
        for i in 0..160 {
            let mut t = String::new();
            // A few sample lines or literals, joined by a random separator.
            for _ in 0..1 + rng.below(4) {
                if rng.below(3) == 0 {
                    t.push_str(&literals[rng.below(literals.len())]);
                } else {
                    t.push_str(lines[rng.below(lines.len())]);
                }
                t.push_str(bits[rng.below(6)]);
            }
            // Mutations: characters put in, taken out or replaced.
            for _ in 0..rng.below(6) {
                let mut at = rng.below(t.len() + 1);
                while !t.is_char_boundary(at) {
                    at -= 1;
                }
                match rng.below(3) {
                    0 => t.insert_str(at, bits[rng.below(bits.len())]),
                    1 => {
                        if let Some(c) = t[at..].chars().next() {
                            t.replace_range(at..at + c.len_utf8(), "");
                        }
                    }
                    _ => {
                        if let Some(c) = t[at..].chars().next() {
                            t.replace_range(at..at + c.len_utf8(), bits[rng.below(bits.len())]);
                        }
                    }
                }
            }
            if i % 8 == 0 {
                // Noise.
                let n = rng.below(120);
                let noise: String = (0..n).map(|_| bits[rng.below(bits.len())]).collect();
                t.insert_str(0, &noise);
            }
            texts.push(t);
        }
        // Runs of consecutive lines (PEM blocks, MRZ lines, seed phrases), one
        // in four, half without the fixtures' value markers.
        let mut chunk = String::new();
        for (i, line) in samples.lines().enumerate() {
            chunk.push_str(line);
            chunk.push('\n');
            if chunk.len() >= 600 {
                let chunk = std::mem::take(&mut chunk);
                if i % 8 == 0 {
                    texts.push(chunk.replace(['⟦', '⟧'], ""));
                } else if i % 8 == 1 {
                    texts.push(chunk);
                }
            }
        }
        // Floods: long runs a repetition or a class can take in whole.
        for unit in [
            "a", "1", "A1b2", "x/", " ", "\r\n", "ab_", "é", "=", "@a.", "0 ",
        ] {
            texts.push(unit.repeat(600 / unit.len()));
        }
        texts.push(format!(
            "ssh-rsa {} user@host",
            "AAAAB3NzaC1yc2E".repeat(30)
        ));
        texts.push(format!("password={}", "Xk9mQ2vL".repeat(60)));
        texts
    }

    /// The texts hold matches of nine in ten of the DFAs compared.
    fn found_in_most(trios: &[Trio]) {
        let none: Vec<&str> = (trios.iter().filter(|t| t.found == 0))
            .map(|t| &*t.name)
            .collect();
        assert!(none.len() * 10 <= trios.len(), "nothing found by {none:?}");
    }

    #[test]
    fn answers_as_regex_automatas_lazy_dfa_for_every_built_in_pattern() {
        let texts = texts();
        let mut trios = Vec::new();
        for d in crate::detectors::REGISTRY {
            let entry = super::super::automata::entry(&format!("detector:{}", d.kind)).unwrap();
            for (i, dfa) in entry.matcher.dfas().into_iter().enumerate() {
                trios.push(Trio::new(
                    &format!("{} {}", d.kind, ["forward", "reverse"][i]),
                    dfa,
                ));
            }
        }
        let digits: Vec<String> = (crate::detectors::REGISTRY.iter())
            .filter(|d| matches!(d.prefilter, crate::detectors::Prefilter::Digits(_)))
            .map(|d| format!("detector:{}", d.kind))
            .collect();
        let set = super::super::automata::Set::of(&digits).unwrap();
        trios.push(Trio::new("the digit set", set.dfa()));
        for trio in &mut trios {
            for t in &texts {
                trio.check(t.as_bytes());
            }
            assert!(Dfa::clears(&trio.caches[1]) > 0, "{}", trio.name);
        }
        found_in_most(&trios);
    }

    #[test]
    fn answers_as_regex_automatas_lazy_dfa_for_custom_rules() {
        let rules = [
            r"\bEMP-(?P<value>[0-9]{6})\b|\b[0-9]{6}\b",
            r"(?m)^[A-Z]{3}-\d{4}$",
            r"(?Rm)^ID:\s*(?P<value>\d{5,8})\s*$",
            r"(?R)^\w+$",
            r"(?m)$\n^\d",
            r"(?Rm)\d+$|^x",
            r"\B\d{3}\B",
            r"\b[a-z]+@corp\b|\b\w",
            r"^\w+",
            r"\w+$",
            r"x*",
            r"\b",
            r"\B",
            r"(?m)^",
            r"(?Rm)$",
            r"(?:\b|%)+",
            r"(?i)secret[=:](?P<value>\S+)",
            r"(?s)BEGIN.{0,40}END",
            r"[^\x00-\x7F]{2,}",
            r"(?U)a.+z",
            r"é+|中",
            r"a|ab|abc",
        ];
        let mut texts = texts();
        texts.push("ABC-1234\r\nID: 123456 \r\nEMP-123456\nID:1234567\r\nx\rBEGIN a\nEND\n".into());
        texts.push("\r\nXYZ-0001\nword\r\n\r\n12\n%%z\rBEGIN END é中ab Secret=x1".into());
        let mut trios = Vec::new();
        for r in rules {
            let custom = super::super::Custom::new(r).unwrap();
            for (i, dfa) in custom.matcher.dfas().into_iter().enumerate() {
                trios.push(Trio::new(
                    &format!("{r} {}", ["forward", "reverse"][i]),
                    dfa,
                ));
            }
        }
        let any = super::super::AnyWhole::new(&rules.map(String::from)).unwrap();
        trios.push(Trio::new("allowlist patterns", &any.dfa));
        for trio in &mut trios {
            for t in &texts {
                trio.check(t.as_bytes());
            }
        }
        found_in_most(&trios);
    }
}
