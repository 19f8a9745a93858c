//! A backtracker over a thompson NFA (a copy of its states in a compact form).
//!
//! The backtracker is regex-automata's bounded backtracker in miniature:
//! depth first, alternatives in order, so the first match it reaches is the
//! leftmost-first match (the one a regex search reports) from the start it
//! was given; each (state, position) is explored once, which keeps it linear
//! in states × bytes. It resolves a match's capture groups (the `value`
//! span) on the match only, which the lazy DFA that found the match cannot. Look-around is regex-automata's own
//! `LookMatcher`, so assertions mean what they meant when the pattern was
//! compiled by the regex engine.

use std::mem;

use regex_automata::nfa::thompson::NFA;
use regex_automata::util::look::{Look, LookMatcher};

#[derive(Clone, Debug)]
enum State {
    /// Consume one byte in `lo..=hi`.
    Range {
        lo: u8,
        hi: u8,
        next: u32,
    },
    /// Consume one byte in one of the ranges (sorted, disjoint).
    Sparse(Box<[(u8, u8, u32)]>),
    /// Consume one byte of a set (a bit per byte), all to one state: a
    /// class such as a token's `[A-Za-z0-9+/_.~=-]`, one test per byte
    /// where its ranges were compared one by one.
    Class(Box<[u64; 4]>, u32),
    Look {
        look: Look,
        next: u32,
    },
    /// Try each alternative, in order; an alternative whose [`First`] bytes
    /// do not hold the next byte is not tried (it would fail there).
    Union(Box<[u32]>, Box<[First]>),
    /// Record the position in capture slot `slot`.
    Capture {
        slot: u32,
        next: u32,
    },
    Fail,
    Match,
}

/// The bytes every path from a state must consume first (a bit per byte), or
/// `None` if a path can match without consuming one, or if finding out took
/// too long (then the state is always tried).
type First = Option<[u64; 4]>;

/// Most states [`first`] looks at from one alternative.
const FIRST_STEPS: usize = 128;

/// Scratch space of [`first`]: a stamp per state (seen in the current
/// search when equal to `stamp`) and a stack.
struct FirstScratch {
    seen: Vec<u32>,
    stamp: u32,
    todo: Vec<u32>,
}

/// What an alternative starting at `from` must consume first.
fn first(states: &[State], from: u32, scratch: &mut FirstScratch) -> First {
    let mut set = [0u64; 4];
    scratch.stamp += 1;
    let stamp = scratch.stamp;
    let todo = &mut scratch.todo;
    todo.clear();
    todo.push(from);
    let mut steps = 0;
    while let Some(sid) = todo.pop() {
        if scratch.seen[sid as usize] == stamp {
            continue;
        }
        if steps == FIRST_STEPS {
            return None;
        }
        steps += 1;
        scratch.seen[sid as usize] = stamp;
        match &states[sid as usize] {
            State::Range { lo, hi, .. } => add_range(&mut set, *lo, *hi),
            State::Sparse(ts) => ts.iter().for_each(|t| add_range(&mut set, t.0, t.1)),
            // Its set at once: byte by byte was a fifth of a first dense pass.
            State::Class(bits, _) => set = [0, 1, 2, 3].map(|w| set[w] | bits[w]),
            State::Look { next, .. } | State::Capture { next, .. } => todo.push(*next),
            State::Union(alts, _) => todo.extend(alts.iter()),
            State::Fail => {}
            State::Match => return None,
        }
    }
    Some(set)
}

/// Adds the bytes `lo..=hi` to `set` (a bit per byte).
fn add_range(set: &mut [u64; 4], lo: u8, hi: u8) {
    for b in lo..=hi {
        set[usize::from(b) / 64] |= 1 << (b % 64);
    }
}

/// `true` if byte `b` is in `set`.
fn in_set(set: &[u64; 4], b: u8) -> bool {
    set[usize::from(b) / 64] & (1 << (b % 64)) != 0
}

/// `ranges` as a [`State::Class`] if they all lead to one state.
fn class(ranges: Box<[(u8, u8, u32)]>) -> State {
    match ranges.first() {
        Some(&(_, _, next)) if ranges.iter().all(|t| t.2 == next) => {
            let mut set = [0u64; 4];
            for &(lo, hi, _) in ranges.iter() {
                add_range(&mut set, lo, hi);
            }
            State::Class(Box::new(set), next)
        }
        _ => State::Sparse(ranges),
    }
}

/// `true` if an alternative with `first` may match at the byte `next` (`None`: the end).
fn viable(first: &First, next: Option<u8>) -> bool {
    match (first, next) {
        (None, _) => true,
        (Some(set), Some(b)) => in_set(set, b),
        (Some(_), None) => false,
    }
}

/// At a union, before byte `next` at `at`: the first alternative that can
/// take it, with the others that can pushed onto `stack` to be tried after
/// it, in order (the last pushed is popped first); `None` if none can. The
/// first is taken without a trip through the stack: at most unions (a
/// repetition's loop or exit) only one alternative can take the next byte.
fn branch(
    stack: &mut Vec<Frame>,
    alts: &[u32],
    firsts: &[First],
    next: Option<u8>,
    at: usize,
) -> Option<u32> {
    // From the last alternative to the first, each that can is held until
    // one before it can too, then pushed.
    let mut head = None;
    for (&alt, f) in alts.iter().zip(firsts).rev() {
        if viable(f, next) {
            if let Some(later) = head.replace(alt) {
                stack.push(Frame::Step(later, at));
            }
        }
    }
    head
}

/// An NFA with one pattern.
#[derive(Clone, Debug)]
pub struct Nfa {
    start: u32,
    states: Box<[State]>,
    /// Per state, `true` if more than one edge leads to it (or it is the
    /// start and an edge leads to it): only there can the backtracker come
    /// a second time to a position, so only there does it remember one.
    joins: Box<[bool]>,
    /// How many states are joins: the backtracker remembers up to this
    /// many positions per byte of the match.
    join_count: usize,
    /// Group names, in group order (group 0, the whole match, first).
    names: Box<[Option<Box<str>>]>,
}

impl Nfa {
    /// The backtracker's copy of `nfa` (its first pattern).
    pub fn from_thompson(nfa: &NFA) -> Nfa {
        use regex_automata::nfa::thompson::State as T;
        let pid = regex_automata::PatternID::ZERO;
        let states = nfa
            .states()
            .iter()
            .map(|s| match s {
                T::ByteRange { trans } => State::Range {
                    lo: trans.start,
                    hi: trans.end,
                    next: trans.next.as_u32(),
                },
                T::Sparse(sp) => class(
                    sp.transitions
                        .iter()
                        .map(|t| (t.start, t.end, t.next.as_u32()))
                        .collect(),
                ),
                T::Dense(d) => class(
                    d.transitions
                        .iter()
                        .enumerate()
                        .filter(|(_, n)| n.as_usize() != 0)
                        .map(|(b, n)| (b as u8, b as u8, n.as_u32()))
                        .collect(),
                ),
                T::Look { look, next } => State::Look {
                    look: *look,
                    next: next.as_u32(),
                },
                T::Union { alternates } => State::Union(
                    alternates.iter().map(|a| a.as_u32()).collect(),
                    Box::new([]),
                ),
                T::BinaryUnion { alt1, alt2 } => {
                    State::Union(Box::new([alt1.as_u32(), alt2.as_u32()]), Box::new([]))
                }
                T::Capture { next, slot, .. } => State::Capture {
                    slot: slot.as_u32(),
                    next: next.as_u32(),
                },
                T::Fail => State::Fail,
                T::Match { .. } => State::Match,
            })
            .collect::<Vec<State>>();
        let mut scratch = FirstScratch {
            seen: vec![0; states.len()],
            stamp: 0,
            todo: Vec::new(),
        };
        let firsts: Vec<Option<Box<[First]>>> = states
            .iter()
            .map(|st| match st {
                State::Union(alts, _) => Some(
                    alts.iter()
                        .map(|&a| first(&states, a, &mut scratch))
                        .collect(),
                ),
                _ => None,
            })
            .collect();
        let states = states
            .into_iter()
            .zip(firsts)
            .map(|(st, f)| match (st, f) {
                (State::Union(alts, _), Some(f)) => State::Union(alts, f),
                (st, _) => st,
            })
            .collect::<Box<[State]>>();
        let start = nfa.start_pattern(pid).map_or(0, |s| s.as_u32());
        let mut into = vec![0u8; states.len()];
        into[start as usize] = 1;
        let mut edge = |to: u32| into[to as usize] = into[to as usize].saturating_add(1);
        for st in states.iter() {
            match *st {
                State::Range { next, .. }
                | State::Look { next, .. }
                | State::Capture { next, .. } => edge(next),
                State::Sparse(ref ts) => ts.iter().for_each(|t| edge(t.2)),
                State::Class(_, next) => edge(next),
                State::Union(ref alts, _) => alts.iter().for_each(|&a| edge(a)),
                State::Fail | State::Match => {}
            }
        }
        Nfa {
            start,
            joins: into.iter().map(|&n| n > 1).collect(),
            join_count: into.iter().filter(|&&n| n > 1).count(),
            states,
            names: nfa
                .group_info()
                .pattern_names(pid)
                .map(|n| n.map(Box::from))
                .collect(),
        }
    }

    /// Group names in group order (group 0 first, unnamed).
    pub fn names(&self) -> impl Iterator<Item = Option<&str>> + '_ {
        self.names.iter().map(|n| n.as_deref())
    }

    /// The leftmost-first match anchored at `start` in `hay` (assertions see
    /// all of `hay`): its end, with the capture slots (`2 × group` start,
    /// `2 × group + 1` end) in `slots`. Bytes past `end` are not consumed.
    ///
    /// Up to [`LONG`] bytes (and [`VISITED`] joins × bytes) the backtracker
    /// answers; past that, the same answer comes from [`Nfa::pike`], whose
    /// memory does not grow with the bytes (the backtracker remembers every
    /// join at every position: a password's unbounded value over 10 MB
    /// without a blank took 2 GB).
    pub fn run(
        &self,
        hay: &[u8],
        start: usize,
        end: usize,
        scratch: &mut Scratch,
        slots: &mut Vec<Option<usize>>,
    ) -> Option<usize> {
        let len = end - start;
        if len > LONG || len.saturating_mul(self.join_count) > VISITED {
            self.pike(hay, start, end, scratch, slots)
        } else {
            self.backtrack(hay, start, end, scratch, slots)
        }
    }

    /// [`Nfa::run`] depth first, each (state, position) explored once.
    pub(super) fn backtrack(
        &self,
        hay: &[u8],
        start: usize,
        end: usize,
        scratch: &mut Scratch,
        slots: &mut Vec<Option<usize>>,
    ) -> Option<usize> {
        scratch.visited.reset();
        let look = LookMatcher::new();
        slots.clear();
        slots.resize(self.names.len() * 2, None);
        // A slice: indexing a `Vec` stays a call in a build for size.
        let slots = slots.as_mut_slice();
        scratch.stack.clear();
        scratch.stack.push(Frame::Step(self.start, start));
        while let Some(frame) = scratch.stack.pop() {
            let (mut sid, mut at) = match frame {
                Frame::Restore(slot, old) => {
                    slots[slot as usize] = old;
                    continue;
                }
                Frame::Step(sid, at) => (sid, at),
            };
            loop {
                if self.joins[sid as usize] && !scratch.visited.insert(sid, at) {
                    break;
                }
                match &self.states[sid as usize] {
                    State::Range { lo, hi, next } => {
                        if at < end && (*lo..=*hi).contains(&hay[at]) {
                            sid = *next;
                            at += 1;
                        } else {
                            break;
                        }
                    }
                    State::Class(set, next) => {
                        if at < end && in_set(set, hay[at]) {
                            sid = *next;
                            at += 1;
                        } else {
                            break;
                        }
                    }
                    State::Sparse(ts) => {
                        let Some(&b) = hay[..end].get(at) else { break };
                        match ts.iter().find(|t| t.0 <= b && b <= t.1) {
                            Some(t) => {
                                sid = t.2;
                                at += 1;
                            }
                            None => break,
                        }
                    }
                    State::Look { look: l, next } => {
                        if look.matches(*l, hay, at) {
                            sid = *next;
                        } else {
                            break;
                        }
                    }
                    State::Union(alts, firsts) => {
                        let next = hay[..end].get(at).copied();
                        match branch(&mut scratch.stack, alts, firsts, next, at) {
                            Some(head) => sid = head,
                            None => break,
                        }
                    }
                    State::Capture { slot, next } => {
                        scratch
                            .stack
                            .push(Frame::Restore(*slot, slots[*slot as usize]));
                        slots[*slot as usize] = Some(at);
                        sid = *next;
                    }
                    State::Fail => break,
                    State::Match => return Some(at),
                }
            }
        }
        None
    }
}

impl Nfa {
    /// [`Nfa::run`] breadth first (a Pike VM): all threads advance one byte
    /// at a time, in priority order, each state held by one thread (the
    /// first, highest-priority one to reach it at that position). A thread
    /// that matches ends every thread below it; the last match recorded is
    /// the leftmost-first one, the one the backtracker finds first. Memory:
    /// two lists of at most one thread per state, each with its slots.
    pub(super) fn pike(
        &self,
        hay: &[u8],
        start: usize,
        end: usize,
        scratch: &mut Scratch,
        slots: &mut Vec<Option<usize>>,
    ) -> Option<usize> {
        let width = self.names.len() * 2;
        let look = LookMatcher::new();
        let Pike {
            now,
            next,
            stack,
            current,
        } = &mut scratch.pike;
        now.reset(self.states.len(), width);
        next.reset(self.states.len(), width);
        current.clear();
        current.resize(width, None);
        let mut found = None;
        self.closure(hay, end, &look, self.start, start, now, stack, current);
        let mut at = start;
        loop {
            let byte = hay[..end].get(at).copied();
            next.clear();
            for t in 0..now.threads.len() {
                let sid = now.threads[t];
                let to = match &self.states[sid as usize] {
                    State::Match => {
                        slots.clear();
                        slots.extend_from_slice(now.slots(t));
                        found = Some(at);
                        break;
                    }
                    State::Range { lo, hi, next } => {
                        byte.filter(|b| (*lo..=*hi).contains(b)).map(|_| *next)
                    }
                    State::Sparse(ts) => {
                        byte.and_then(|b| ts.iter().find(|t| t.0 <= b && b <= t.1).map(|t| t.2))
                    }
                    State::Class(set, next) => byte.filter(|&b| in_set(set, b)).map(|_| *next),
                    _ => None,
                };
                if let Some(to) = to {
                    current.copy_from_slice(now.slots(t));
                    self.closure(hay, end, &look, to, at + 1, next, stack, current);
                }
            }
            if next.threads.is_empty() {
                return found;
            }
            mem::swap(now, next);
            at += 1;
        }
    }

    /// Adds the threads `sid` reaches at `at` without consuming a byte to
    /// `list`, in priority order, with `current` as their slots (restored
    /// on return).
    #[allow(clippy::too_many_arguments)]
    fn closure(
        &self,
        hay: &[u8],
        end: usize,
        look: &LookMatcher,
        sid: u32,
        at: usize,
        list: &mut Threads,
        stack: &mut Vec<Frame>,
        current: &mut [Option<usize>],
    ) {
        stack.push(Frame::Step(sid, at));
        while let Some(frame) = stack.pop() {
            let mut sid = match frame {
                Frame::Restore(slot, old) => {
                    current[slot as usize] = old;
                    continue;
                }
                Frame::Step(sid, _) => sid,
            };
            loop {
                if !list.insert(sid) {
                    break;
                }
                match &self.states[sid as usize] {
                    State::Look { look: l, next } => {
                        if !look.matches(*l, hay, at) {
                            break;
                        }
                        sid = *next;
                    }
                    State::Union(alts, firsts) => {
                        let byte = hay[..end].get(at).copied();
                        match branch(stack, alts, firsts, byte, at) {
                            Some(head) => sid = head,
                            None => break,
                        }
                    }
                    State::Capture { slot, next } => {
                        stack.push(Frame::Restore(*slot, current[*slot as usize]));
                        current[*slot as usize] = Some(at);
                        sid = *next;
                    }
                    State::Fail => break,
                    State::Range { .. } | State::Sparse(_) | State::Class(..) | State::Match => {
                        list.hold(sid, current);
                        break;
                    }
                }
            }
        }
    }
}

/// Matches longer than this are resolved by [`Nfa::pike`].
const LONG: usize = 4096;

/// Most (state, position) pairs the backtracker may have to remember (its
/// table at most 128 MiB): past that, [`Nfa::pike`] answers. A custom rule's NFA can
/// have thousands of joins (`(?:a|aa){0,3000}c` held 300 MB over 4 KB);
/// the largest built-in one, the API-key table's, 7,505 (matches over 558
/// bytes).
const VISITED: usize = 1 << 22;

/// One position's threads of [`Nfa::pike`]: the states that consume a byte
/// or match, in priority order, with their slots; and every state reached
/// (a sparse set: a state reached twice is held by its first thread).
#[derive(Debug, Default)]
struct Threads {
    threads: Vec<u32>,
    slots: Vec<Option<usize>>,
    width: usize,
    dense: Vec<u32>,
    sparse: Vec<u32>,
}

impl Threads {
    fn reset(&mut self, states: usize, width: usize) {
        self.sparse.resize(states, 0);
        self.width = width;
        self.clear();
    }

    fn clear(&mut self) {
        self.threads.clear();
        self.slots.clear();
        self.dense.clear();
    }

    /// Marks `sid` reached; `false` if it was.
    fn insert(&mut self, sid: u32) -> bool {
        let i = self.sparse[sid as usize] as usize;
        if self.dense.get(i) == Some(&sid) {
            return false;
        }
        self.sparse[sid as usize] = self.dense.len() as u32;
        self.dense.push(sid);
        true
    }

    fn hold(&mut self, sid: u32, slots: &[Option<usize>]) {
        self.threads.push(sid);
        self.slots.extend_from_slice(slots);
    }

    fn slots(&self, t: usize) -> &[Option<usize>] {
        &self.slots[t * self.width..(t + 1) * self.width]
    }
}

/// Reusable memory of [`Nfa::pike`].
#[derive(Debug, Default)]
struct Pike {
    now: Threads,
    next: Threads,
    stack: Vec<Frame>,
    current: Vec<Option<usize>>,
}

#[derive(Clone, Copy, Debug)]
enum Frame {
    Step(u32, usize),
    Restore(u32, Option<usize>),
}

/// Reusable memory of the backtracker.
#[derive(Debug, Default)]
pub struct Scratch {
    stack: Vec<Frame>,
    visited: Visited,
    pike: Pike,
}

/// A set of (state, position) pairs, cleared in constant time: an
/// open-addressing table of keys stamped with a generation.
#[derive(Debug, Default)]
struct Visited {
    /// (generation, key) per slot; a slot of an older generation is empty.
    /// A boxed slice: indexing a `Vec` stays a call in a build for size.
    slots: Box<[(u32, u64)]>,
    generation: u32,
    len: usize,
}

impl Visited {
    fn reset(&mut self) {
        self.len = 0;
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            // Wrapped: old stamps could look current.
            self.slots.iter_mut().for_each(|s| s.0 = 0);
            self.generation = 1;
        }
        if self.slots.is_empty() {
            self.slots = vec![(0, 0); 256].into();
        }
    }

    /// Adds (`sid`, `at`); `false` if it was there.
    fn insert(&mut self, sid: u32, at: usize) -> bool {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        // Positions are below 2^32 (drafts are at most 256 MiB).
        let key = (u64::from(sid) << 32) | at as u64;
        let mask = self.slots.len() - 1;
        let mut i = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & mask;
        loop {
            let (g, k) = self.slots[i];
            if g != self.generation {
                self.slots[i] = (self.generation, key);
                self.len += 1;
                return true;
            }
            if k == key {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let live: Vec<u64> = self
            .slots
            .iter()
            .filter(|s| s.0 == self.generation)
            .map(|s| s.1)
            .collect();
        self.slots = vec![(0, 0); self.slots.len() * 2].into();
        self.generation = 1;
        let mask = self.slots.len() - 1;
        for key in live {
            let mut i = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & mask;
            while self.slots[i].0 == 1 {
                i = (i + 1) & mask;
            }
            self.slots[i] = (1, key);
        }
    }
}
