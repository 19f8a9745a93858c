//! A thompson NFA as the generator (`gen/`) writes it, and a backtracker over it.
//!
//! The backtracker is regex-automata's bounded backtracker in miniature:
//! depth first, alternatives in order, so the first match it reaches is the
//! leftmost-first match (the one a regex search reports) from the start it
//! was given; each (state, position) is explored once, which keeps it linear
//! in states × bytes. It resolves a match's capture groups (the `value`
//! span) on the match only, which the lazy DFA that found the match cannot. Look-around is regex-automata's own
//! `LookMatcher`, so assertions mean what they meant when the pattern was
//! compiled by the regex engine.

use regex_automata::util::look::{Look, LookMatcher};

/// State tags of the format (the generator's `tag`).
mod tag {
    pub const RANGE: u8 = 0;
    pub const SPARSE: u8 = 1;
    pub const LOOK: u8 = 2;
    pub const UNION: u8 = 3;
    pub const CAPTURE: u8 = 4;
    pub const FAIL: u8 = 5;
    pub const MATCH: u8 = 6;
}

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
    Look {
        look: Look,
        next: u32,
    },
    /// Try each alternative, in order.
    Union(Box<[u32]>),
    /// Record the position in capture slot `slot`.
    Capture {
        slot: u32,
        next: u32,
    },
    Fail,
    Match,
}

/// An NFA with one pattern.
#[derive(Clone, Debug)]
pub struct Nfa {
    start: u32,
    states: Box<[State]>,
    /// Group names, in group order (group 0, the whole match, first).
    names: Box<[Option<Box<str>>]>,
}

/// Reads LEB128 numbers and bytes from the format.
pub(super) struct Reader<'a> {
    pub b: &'a [u8],
    pub at: usize,
}

impl<'a> Reader<'a> {
    pub fn byte(&mut self) -> Result<u8, String> {
        let b = *self.b.get(self.at).ok_or("truncated automata")?;
        self.at += 1;
        Ok(b)
    }

    pub fn varint(&mut self) -> Result<usize, String> {
        let mut n = 0usize;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= usize::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(n);
            }
        }
        Err("number too long".into())
    }

    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8], String> {
        let s = self
            .b
            .get(self.at..self.at + n)
            .ok_or("truncated automata")?;
        self.at += n;
        Ok(s)
    }

    /// A length-prefixed section.
    pub fn section(&mut self) -> Result<&'a [u8], String> {
        let n = self.varint()?;
        self.bytes(n)
    }

    /// A state reference relative to state `me`.
    fn to(&mut self, me: usize, len: usize) -> Result<u32, String> {
        let z = self.varint()? as i64;
        let id = me as i64 + ((z >> 1) ^ -(z & 1));
        if (0..len as i64).contains(&id) {
            Ok(id as u32)
        } else {
            Err("state reference out of range".into())
        }
    }
}

impl Nfa {
    /// Reads an NFA the generator encoded (`encode_nfa`).
    pub fn decode(bytes: &[u8]) -> Result<Nfa, String> {
        let mut r = Reader { b: bytes, at: 0 };
        let _reverse = r.byte()?;
        let start = r.varint()?;
        let _unanchored = r.varint()?;
        let names = (0..r.varint()?)
            .map(|_| {
                let n = r.varint()?;
                let s = std::str::from_utf8(r.bytes(n)?).map_err(|e| e.to_string())?;
                Ok((!s.is_empty()).then(|| Box::from(s)))
            })
            .collect::<Result<Box<[_]>, String>>()?;
        let len = r.varint()?;
        if start >= len {
            return Err("start state out of range".into());
        }
        let mut states = Vec::with_capacity(len);
        for me in 0..len {
            states.push(match r.byte()? {
                tag::RANGE => {
                    let (lo, hi) = (r.byte()?, r.byte()?);
                    State::Range {
                        lo,
                        hi,
                        next: r.to(me, len)?,
                    }
                }
                tag::SPARSE => {
                    let n = r.varint()?;
                    let ts = (0..n)
                        .map(|_| Ok((r.byte()?, r.byte()?, r.to(me, len)?)))
                        .collect::<Result<Box<[_]>, String>>()?;
                    State::Sparse(ts)
                }
                tag::LOOK => {
                    let look = Look::from_repr(r.varint()? as u32).ok_or("unknown assertion")?;
                    State::Look {
                        look,
                        next: r.to(me, len)?,
                    }
                }
                tag::UNION => {
                    let n = r.varint()?;
                    let alts = (0..n)
                        .map(|_| r.to(me, len))
                        .collect::<Result<Box<[_]>, String>>()?;
                    State::Union(alts)
                }
                tag::CAPTURE => {
                    let slot = r.varint()? as u32;
                    if slot as usize >= names.len() * 2 {
                        return Err("capture slot out of range".into());
                    }
                    State::Capture {
                        slot,
                        next: r.to(me, len)?,
                    }
                }
                tag::FAIL => State::Fail,
                tag::MATCH => State::Match,
                t => return Err(format!("unknown state tag {t}")),
            });
        }
        Ok(Nfa {
            start: start as u32,
            states: states.into(),
            names,
        })
    }

    /// Group names in group order (group 0 first, unnamed).
    pub fn names(&self) -> impl Iterator<Item = Option<&str>> + '_ {
        self.names.iter().map(|n| n.as_deref())
    }

    /// The leftmost-first match anchored at `start` in `hay` (assertions see
    /// all of `hay`): its end, with the capture slots (`2 × group` start,
    /// `2 × group + 1` end) in `slots`. Bytes past `end` are not consumed.
    pub fn run(
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
                if !scratch.visited.insert(sid, at) {
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
                    State::Union(alts) => {
                        for &alt in alts[1..].iter().rev() {
                            scratch.stack.push(Frame::Step(alt, at));
                        }
                        sid = alts[0];
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
}

/// A set of (state, position) pairs, cleared in constant time: an
/// open-addressing table of keys stamped with a generation.
#[derive(Debug, Default)]
struct Visited {
    /// (generation, key) per slot; a slot of an older generation is empty.
    slots: Vec<(u32, u64)>,
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
            self.slots = vec![(0, 0); 256];
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
        self.slots = vec![(0, 0); self.slots.len() * 2];
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
