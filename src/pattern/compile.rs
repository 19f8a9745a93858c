//! From a syntax tree ([`super::syntax::Hir`]) to a thompson NFA over bytes,
//! with regex-automata's builder: the NFA the lazy DFA searches and the
//! backtracker resolves groups on, as the built-in patterns' NFAs are.
//!
//! A character becomes the bytes of its UTF-8 encoding and a class the UTF-8
//! sequences of its ranges, so `.` and a negated class consume one whole
//! character, never part of one: what regex-lite, which these patterns were
//! written for, matches on text. Repetitions, alternatives and their
//! priorities are built as regex-lite builds them (`x*` where `x` can match
//! nothing as `(x+)?`, lazy ones with their alternatives swapped), so the
//! leftmost-first match is the same one.

use std::sync::Arc;

use regex_automata::nfa::thompson::{BuildError, Builder, Transition, NFA};
use regex_automata::util::primitives::StateID;

use super::syntax::Hir;

/// Which NFA of a pattern to build.
#[derive(Clone, Copy)]
pub(crate) enum Direction {
    /// Forward, with the capture groups (group 0 the whole match) and an
    /// unanchored start.
    Groups,
    /// Forward, anchored, without groups: only whether it matches.
    Anchored,
    /// Reverse (matches the reversed matches), anchored, without groups: it
    /// finds where a forward match starts.
    Reverse,
}

/// What a tree's characters and classes hold.
#[derive(Clone, Copy)]
pub(crate) enum Over {
    /// Scalar values: a class matches a whole character's UTF-8 bytes
    /// (custom rules and allowlist patterns, [`super::syntax::parse`]).
    Text,
    /// Bytes (the built-in patterns, [`super::syntax::parse_bytes`]).
    Bytes,
}

/// The NFA of `hir`. Its size, as the builder counts it (its states, their
/// alternatives and byte ranges: 32 bytes a state on 64-bit targets, 16 on
/// wasm32), may not pass `limit` bytes; the error says so.
pub(crate) fn nfa(
    hir: &Hir,
    over: Over,
    direction: Direction,
    limit: usize,
) -> Result<NFA, String> {
    let mut c = Compiler::new(over, direction);
    c.build(hir, limit).map_err(error)
}

/// One NFA of several built-in patterns (pattern `i` is `hirs[i]`), forward,
/// without groups, its unanchored start before all of them: which of them
/// match, in one search.
pub(crate) fn set(hirs: &[Hir], limit: usize) -> Result<NFA, String> {
    let mut c = Compiler::new(Over::Bytes, Direction::Anchored);
    c.build_set(hirs, limit).map_err(error)
}

/// A build error as the user reads it.
fn error(e: BuildError) -> String {
    match e.size_limit() {
        Some(limit) => super::too_large(limit),
        None => e.to_string(),
    }
}

/// A piece of NFA: its first state, and its last, whose exit is patched to
/// what follows.
#[derive(Clone, Copy)]
struct Frag {
    start: StateID,
    end: StateID,
}

struct Compiler {
    b: Builder,
    reverse: bool,
    groups: bool,
    bytes: bool,
    /// Pieces compiled and not yet chained, a stack shared by every
    /// concatenation under way (one vector, not one per concatenation).
    frags: Vec<Frag>,
}

/// A placeholder exit, patched later.
const LATER: StateID = StateID::ZERO;

// regex-automata's `BuildError` is 128 bytes or more when another crate of
// the workspace (`gen/`) turns on its `syntax` feature; it is returned once
// per pattern that fails, so its size costs nothing.
#[allow(clippy::result_large_err)]
impl Compiler {
    fn new(over: Over, direction: Direction) -> Compiler {
        Compiler {
            b: Builder::new(),
            reverse: matches!(direction, Direction::Reverse),
            groups: matches!(direction, Direction::Groups),
            bytes: matches!(over, Over::Bytes),
            frags: Vec::new(),
        }
    }

    fn build(&mut self, hir: &Hir, limit: usize) -> Result<NFA, BuildError> {
        self.b.set_reverse(self.reverse);
        self.configure(limit)?;
        let start = self.pattern(hir)?;
        if !self.groups {
            return self.b.build(start, start);
        }
        // Unanchored: `(?s-u:.)*?` first. It may start in a character, where
        // only an empty match can (the lazy DFA passes over those in UTF-8 mode).
        let unanchored = self.any_before(start)?;
        self.b.build(start, unanchored)
    }

    /// [`set`]: each tree a pattern, anchored at its start; an anchored start
    /// that tries them all in order, and the unanchored start before it.
    fn build_set(&mut self, hirs: &[Hir], limit: usize) -> Result<NFA, BuildError> {
        self.configure(limit)?;
        let mut starts = Vec::with_capacity(hirs.len());
        for hir in hirs {
            starts.push(self.pattern(hir)?);
        }
        let all = self.b.add_union(starts)?;
        let unanchored = self.any_before(all)?;
        self.b.build(all, unanchored)
    }

    /// The builder's settings every NFA has: UTF-8 mode over text, and the size limit.
    fn configure(&mut self, limit: usize) -> Result<(), BuildError> {
        self.b.set_utf8(!self.bytes);
        self.b.set_size_limit(Some(limit))
    }

    /// `hir` as the builder's next pattern (in group 0 if the NFA has
    /// groups), ending in its match state; its anchored start.
    fn pattern(&mut self, hir: &Hir) -> Result<StateID, BuildError> {
        self.b.start_pattern()?;
        let whole = if self.groups {
            self.capture(0, None, hir)?
        } else {
            self.c(hir)?
        };
        let done = self.b.add_match()?;
        self.b.patch(whole.end, done)?;
        self.b.finish_pattern(whole.start)?;
        Ok(whole.start)
    }

    /// `(?s-u:.)*?` and then `start`: an unanchored start.
    fn any_before(&mut self, start: StateID) -> Result<StateID, BuildError> {
        let unanchored = self.b.add_union(vec![start])?;
        let any = self.b.add_range(Transition {
            start: 0,
            end: 255,
            next: unanchored,
        })?;
        self.b.patch(unanchored, any)?;
        Ok(unanchored)
    }

    fn c(&mut self, hir: &Hir) -> Result<Frag, BuildError> {
        match hir {
            Hir::Empty => self.empty(),
            Hir::Char(ch) => self.class(&[(*ch as u32, *ch as u32)]),
            Hir::Class(ranges) => self.class(ranges),
            Hir::Look(look) => {
                let look = if self.reverse { look.reversed() } else { *look };
                let id = self.b.add_look(LATER, look)?;
                Ok(Frag { start: id, end: id })
            }
            Hir::Repeat {
                min,
                max,
                greedy,
                sub,
            } => self.repeat(sub, *min, *max, *greedy),
            Hir::Capture { index, name, sub } => match self.groups {
                true => self.capture(*index, name.as_deref(), sub),
                false => self.c(sub),
            },
            Hir::Concat(subs) => {
                let base = self.frags.len();
                for sub in subs {
                    let f = self.c(sub)?;
                    self.frags.push(f);
                }
                if self.reverse {
                    self.frags[base..].reverse();
                }
                self.chain(base)
            }
            Hir::Alternation(subs) => {
                let union = self.b.add_union(Vec::new())?;
                let end = self.b.add_empty()?;
                for sub in subs {
                    let f = self.c(sub)?;
                    self.b.patch(union, f.start)?;
                    self.b.patch(f.end, end)?;
                }
                Ok(Frag { start: union, end })
            }
        }
    }

    fn empty(&mut self) -> Result<Frag, BuildError> {
        let id = self.b.add_empty()?;
        Ok(Frag { start: id, end: id })
    }

    /// The pieces on [`Compiler::frags`] from `base` on, one after the
    /// other (taken off the stack).
    fn chain(&mut self, base: usize) -> Result<Frag, BuildError> {
        let Some(&first) = self.frags.get(base) else {
            return self.empty();
        };
        let mut end = first.end;
        for i in base + 1..self.frags.len() {
            let f = self.frags[i];
            self.b.patch(end, f.start)?;
            end = f.end;
        }
        self.frags.truncate(base);
        Ok(Frag {
            start: first.start,
            end,
        })
    }

    /// A union whose alternatives, patched in later, are tried in order
    /// (`greedy`) or in reverse order.
    fn split(&mut self, greedy: bool) -> Result<StateID, BuildError> {
        match greedy {
            true => self.b.add_union(Vec::new()),
            false => self.b.add_union_reverse(Vec::new()),
        }
    }

    fn capture(&mut self, index: u32, name: Option<&str>, sub: &Hir) -> Result<Frag, BuildError> {
        let start = self
            .b
            .add_capture_start(LATER, index, name.map(Arc::from))?;
        let inner = self.c(sub)?;
        let end = self.b.add_capture_end(LATER, index)?;
        self.b.patch(start, inner.start)?;
        self.b.patch(inner.end, end)?;
        Ok(Frag { start, end })
    }

    /// `sub` exactly `n` times.
    fn exactly(&mut self, sub: &Hir, n: u32) -> Result<Frag, BuildError> {
        let base = self.frags.len();
        for _ in 0..n {
            let f = self.c(sub)?;
            self.frags.push(f);
        }
        self.chain(base)
    }

    /// `sub{min,max}` (`max` `None`: unbounded), as regex-lite builds it.
    fn repeat(
        &mut self,
        sub: &Hir,
        min: u32,
        max: Option<u32>,
        greedy: bool,
    ) -> Result<Frag, BuildError> {
        match (min, max) {
            (0, Some(1)) => {
                let split = self.split(greedy)?;
                let f = self.c(sub)?;
                let end = self.b.add_empty()?;
                self.b.patch(split, f.start)?;
                self.b.patch(split, end)?;
                self.b.patch(f.end, end)?;
                Ok(Frag { start: split, end })
            }
            (0, None) if !sub.can_be_empty() => {
                let split = self.split(greedy)?;
                let f = self.c(sub)?;
                self.b.patch(split, f.start)?;
                self.b.patch(f.end, split)?;
                Ok(Frag {
                    start: split,
                    end: split,
                })
            }
            (0, None) => {
                // `(x+)?`: `x*` with a loop back to its own start would rank
                // an empty `x` before another round (regex issue 779).
                let f = self.c(sub)?;
                let plus = self.split(greedy)?;
                self.b.patch(f.end, plus)?;
                self.b.patch(plus, f.start)?;
                let question = self.split(greedy)?;
                let end = self.b.add_empty()?;
                self.b.patch(question, f.start)?;
                self.b.patch(question, end)?;
                self.b.patch(plus, end)?;
                Ok(Frag {
                    start: question,
                    end,
                })
            }
            (n, None) => {
                let prefix = self.exactly(sub, n - 1)?;
                let last = self.c(sub)?;
                let split = self.split(greedy)?;
                self.b.patch(prefix.end, last.start)?;
                self.b.patch(last.end, split)?;
                self.b.patch(split, last.start)?;
                Ok(Frag {
                    start: prefix.start,
                    end: split,
                })
            }
            (min, Some(max)) => {
                let prefix = self.exactly(sub, min)?;
                if min == max {
                    return Ok(prefix);
                }
                // Each optional copy skips straight to the end.
                let end = self.b.add_empty()?;
                let mut last = prefix.end;
                for _ in min..max {
                    let split = self.split(greedy)?;
                    let f = self.c(sub)?;
                    self.b.patch(last, split)?;
                    self.b.patch(split, f.start)?;
                    self.b.patch(split, end)?;
                    last = f.end;
                }
                self.b.patch(last, end)?;
                Ok(Frag {
                    start: prefix.start,
                    end,
                })
            }
        }
    }

    /// One character of `ranges`: a trie of their UTF-8 sequences (reversed
    /// in a reverse NFA), equal subtries shared. Empty: never matches.
    fn class(&mut self, ranges: &[(u32, u32)]) -> Result<Frag, BuildError> {
        if self.bytes {
            return self.byte_class(ranges);
        }
        let mut seqs = Vec::new();
        for &(lo, hi) in ranges {
            utf8_sequences(lo, hi, &mut seqs);
        }
        if self.reverse {
            seqs.iter_mut().for_each(|s| s.reverse());
        }
        match &seqs[..] {
            [] => {
                let id = self.b.add_fail()?;
                return Ok(Frag { start: id, end: id });
            }
            [one] if one.len() == 1 => {
                let (start, end) = one[0];
                let id = self.b.add_range(Transition {
                    start,
                    end,
                    next: LATER,
                })?;
                return Ok(Frag { start: id, end: id });
            }
            _ => {}
        }
        // The trie: per node, its byte ranges and where each leads (`EXIT`: out).
        const EXIT: usize = usize::MAX;
        let mut trie: Vec<Vec<(u8, u8, usize)>> = vec![Vec::new()];
        for seq in &seqs {
            let mut node = 0;
            for (i, &(lo, hi)) in seq.iter().enumerate() {
                if i + 1 == seq.len() {
                    trie[node].push((lo, hi, EXIT));
                    break;
                }
                let kid = trie[node]
                    .iter()
                    .find(|k| (k.0, k.1) == (lo, hi) && k.2 != EXIT)
                    .map(|k| k.2);
                node = match kid {
                    Some(kid) => kid,
                    None => {
                        trie.push(Vec::new());
                        let kid = trie.len() - 1;
                        trie[node].push((lo, hi, kid));
                        kid
                    }
                };
            }
        }
        let exit = self.b.add_empty()?;
        let start = self.emit(&trie, 0, exit, &mut Vec::new())?;
        Ok(Frag { start, end: exit })
    }

    /// One byte of `ranges` (a tree over bytes holds no value past 0xFF):
    /// one state, as regex-automata's compiler makes it (a sparse state's
    /// exit is fixed when it is added: an empty state to patch; the builder
    /// removes empty states).
    fn byte_class(&mut self, ranges: &[(u32, u32)]) -> Result<Frag, BuildError> {
        let range = |next: StateID| {
            move |&(lo, hi): &(u32, u32)| Transition {
                start: lo as u8,
                end: hi as u8,
                next,
            }
        };
        let (start, end) = match ranges {
            [] => {
                let id = self.b.add_fail()?;
                (id, id)
            }
            [one] => {
                let id = self.b.add_range(range(LATER)(one))?;
                (id, id)
            }
            _ => {
                let exit = self.b.add_empty()?;
                let ranges = ranges.iter().map(range(exit)).collect();
                (self.b.add_sparse(ranges)?, exit)
            }
        };
        Ok(Frag { start, end })
    }

    /// The state of trie node `node` (its subtries first); a node whose
    /// transitions another node has already is that node's state (`shared`:
    /// the states made, by their transitions; a handful, so a list).
    fn emit(
        &mut self,
        trie: &[Vec<(u8, u8, usize)>],
        node: usize,
        exit: StateID,
        shared: &mut Vec<(Vec<Transition>, StateID)>,
    ) -> Result<StateID, BuildError> {
        let mut trans = Vec::with_capacity(trie[node].len());
        for &(start, end, kid) in &trie[node] {
            let next = match kid {
                usize::MAX => exit,
                kid => self.emit(trie, kid, exit, shared)?,
            };
            trans.push(Transition { start, end, next });
        }
        if let Some((_, id)) = shared.iter().find(|(t, _)| *t == trans) {
            return Ok(*id);
        }
        let id = match &trans[..] {
            [one] => self.b.add_range(*one)?,
            // A sparse state's ranges are in order and do not overlap, as a
            // forward class's are (its sequences come in order); a reversed
            // class's can be neither: a union of them (any order: a reverse
            // NFA reports every match).
            ts if ts.windows(2).all(|w| w[0].end < w[1].start) => {
                self.b.add_sparse(trans.clone())?
            }
            ts => {
                let mut alternates = Vec::with_capacity(ts.len());
                for t in ts {
                    alternates.push(self.b.add_range(*t)?);
                }
                self.b.add_union(alternates)?
            }
        };
        shared.push((trans, id));
        Ok(id)
    }
}

/// Appends the UTF-8 encodings of the scalar values `lo..=hi` as sequences of
/// byte ranges (every byte string of a sequence is one value's encoding), in
/// order: regex-syntax's `Utf8Sequences`.
fn utf8_sequences(lo: u32, hi: u32, out: &mut Vec<Vec<(u8, u8)>>) {
    // Surrogates have no encoding.
    if lo <= 0xDFFF && hi >= 0xD800 {
        if lo < 0xD800 {
            utf8_sequences(lo, 0xD7FF, out);
        }
        if hi > 0xDFFF {
            utf8_sequences(0xE000, hi, out);
        }
        return;
    }
    // One encoded length at a time.
    for max in [0x7F, 0x7FF, 0xFFFF] {
        if lo <= max && max < hi {
            utf8_sequences(lo, max, out);
            utf8_sequences(max + 1, hi, out);
            return;
        }
    }
    if hi <= 0x7F {
        out.push(vec![(lo as u8, hi as u8)]);
        return;
    }
    // Split until only the leading differing byte varies over a part range.
    for i in 1..4 {
        let m = (1u32 << (6 * i)) - 1;
        if lo & !m != hi & !m {
            if lo & m != 0 {
                utf8_sequences(lo, lo | m, out);
                utf8_sequences((lo | m) + 1, hi, out);
                return;
            }
            if hi & m != m {
                utf8_sequences(lo, (hi & !m) - 1, out);
                utf8_sequences(hi & !m, hi, out);
                return;
            }
        }
    }
    let (mut a, mut b) = ([0; 4], [0; 4]);
    let a = char::from_u32(lo)
        .expect("a scalar value")
        .encode_utf8(&mut a)
        .as_bytes();
    let b = char::from_u32(hi)
        .expect("a scalar value")
        .encode_utf8(&mut b)
        .as_bytes();
    out.push(a.iter().zip(b).map(|(&x, &y)| (x, y)).collect());
}

#[cfg(test)]
mod tests {
    /// Every scalar value is in exactly one sequence, the one of its encoding.
    #[test]
    fn utf8_sequences_cover_every_character_once() {
        let mut seqs = Vec::new();
        super::utf8_sequences(0, 0x10FFFF, &mut seqs);
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32).step_by(7) {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let holds = |s: &Vec<(u8, u8)>| {
                s.len() == bytes.len() && s.iter().zip(bytes).all(|(r, b)| r.0 <= *b && *b <= r.1)
            };
            assert_eq!(seqs.iter().filter(|s| holds(s)).count(), 1, "{c:?}");
        }
    }
}
