//! The built-in patterns, compiled at development time (`gen/`) into thompson
//! NFAs, and how they are searched.
//!
//! `automata.bin` holds per detector its forward NFA (with capture groups)
//! and either its reverse NFA or the bytes a match can start with. An NFA is
//! rebuilt with regex-automata's thompson builder — no parser, no compiler,
//! microseconds — and searched by regex-automata's lazy DFA, which builds
//! only the states a text visits and keeps them for the next scans:
//! - **whole windows**: the forward lazy DFA finds where the leftmost-first
//!   match ends, the reverse one where it starts, as a regex search does;
//! - **from candidate starts** (the API-key table): an anchored lazy DFA runs
//!   from each position whose byte can start a match after the byte before
//!   it (a word boundary mostly), in order; the first position with a match
//!   is the leftmost-first match. Anchored, the table's states stay few; a
//!   run ends within the longest token, so the search stays linear.
//!
//! A `value` group's span is resolved on the match only, by backtracking over
//! the forward NFA ([`super::nfa`]). The format is written by `gen/src/lib.rs`.

use std::sync::{Arc, Mutex};

use regex_automata::hybrid;
use regex_automata::nfa::thompson::{self, Transition, NFA};
use regex_automata::util::look::Look;
use regex_automata::util::primitives::StateID;
use regex_automata::{Anchored, Input, Match, MatchKind};

use super::interior::ByteSet;
use super::nfa::{Nfa, Reader, Scratch};

/// The generator's output.
static BLOB: &[u8] = include_bytes!("automata.bin");
const MAGIC: &[u8; 8] = b"DGAUTO05";

/// State tags of the NFA format (the generator's `tag`).
mod tag {
    pub const RANGE: u8 = 0;
    pub const SPARSE: u8 = 1;
    pub const LOOK: u8 = 2;
    pub const UNION: u8 = 3;
    pub const CAPTURE: u8 = 4;
    pub const FAIL: u8 = 5;
    pub const MATCH: u8 = 6;
}

/// Rebuilds, as a thompson NFA for the lazy DFA, an NFA the generator encoded.
fn thompson(bytes: &[u8]) -> Result<NFA, String> {
    let mut r = Reader { b: bytes, at: 0 };
    let err = |e: thompson::BuildError| e.to_string();
    let id = |n: usize| StateID::new(n).map_err(|e| e.to_string());
    let mut b = thompson::Builder::new();
    b.set_utf8(false);
    b.set_reverse(r.byte()? != 0);
    let anchored = id(r.varint()?)?;
    let unanchored = id(r.varint()?)?;
    let mut names: Vec<Option<Arc<str>>> = Vec::new();
    for _ in 0..r.varint()? {
        let n = r.varint()?;
        let s = std::str::from_utf8(r.bytes(n)?).map_err(|e| e.to_string())?;
        names.push((!s.is_empty()).then(|| Arc::from(s)));
    }
    b.start_pattern().map_err(err)?;
    let len = r.varint()?;
    for me in 0..len {
        let to = |r: &mut Reader| -> Result<StateID, String> {
            let z = r.varint()? as i64;
            let n = usize::try_from(me as i64 + ((z >> 1) ^ -(z & 1)))
                .map_err(|_| "state reference out of range")?;
            id(n)
        };
        let added = match r.byte()? {
            tag::RANGE => {
                let (start, end) = (r.byte()?, r.byte()?);
                let next = to(&mut r)?;
                b.add_range(Transition { start, end, next })
            }
            tag::SPARSE => {
                let mut ts = Vec::new();
                for _ in 0..r.varint()? {
                    let (start, end) = (r.byte()?, r.byte()?);
                    ts.push(Transition {
                        start,
                        end,
                        next: to(&mut r)?,
                    });
                }
                b.add_sparse(ts)
            }
            tag::LOOK => {
                let look = Look::from_repr(r.varint()? as u32).ok_or("unknown assertion")?;
                let next = to(&mut r)?;
                b.add_look(next, look)
            }
            tag::UNION => {
                let mut alts = Vec::new();
                for _ in 0..r.varint()? {
                    alts.push(to(&mut r)?);
                }
                b.add_union(alts)
            }
            tag::CAPTURE => {
                let slot = r.varint()?;
                let next = to(&mut r)?;
                let group = (slot / 2) as u32;
                if slot % 2 == 0 {
                    let name = names.get(slot / 2).cloned().flatten();
                    b.add_capture_start(next, group, name)
                } else {
                    b.add_capture_end(next, group)
                }
            }
            tag::FAIL => b.add_fail(),
            tag::MATCH => b.add_match(),
            t => return Err(format!("unknown state tag {t}")),
        }
        .map_err(err)?;
        if added.as_usize() != me {
            return Err("states out of order".into());
        }
    }
    b.finish_pattern(anchored).map_err(err)?;
    b.build(anchored, unanchored).map_err(err)
}

/// A lazy DFA over `nfa`; its cache holds this many bytes of states at most
/// (cleared when full, never given up on: the search stays linear).
fn lazy(nfa: NFA, kind: MatchKind, reverse: bool) -> Result<hybrid::dfa::DFA, String> {
    // About 400 bytes a state: room for the states of long, varied text.
    let capacity = (nfa.states().len() * 400).clamp(1 << 20, 8 << 20);
    let config = hybrid::dfa::Config::new()
        .match_kind(kind)
        .cache_capacity(capacity)
        .skip_cache_capacity_check(true)
        .minimum_cache_clear_count(None);
    let config = if reverse {
        config.prefilter(None).specialize_start_states(false)
    } else {
        config
    };
    hybrid::dfa::Builder::new()
        .configure(config)
        .build_from_nfa(nfa)
        .map_err(|e| e.to_string())
}

fn set(r: &mut Reader) -> Result<ByteSet, String> {
    let b = r.bytes(32)?;
    let mut words = [0u64; 4];
    for (i, &byte) in b.iter().enumerate() {
        words[i / 8] |= u64::from(byte) << ((i % 8) * 8);
    }
    Ok(ByteSet::from_words(words))
}

/// The class of what precedes position `s` of `hay`, as assertions tell it
/// apart: text start, `\n`, `\r`, a word byte, any other byte (the
/// generator's `BEFORE`).
fn before(hay: &[u8], s: usize) -> usize {
    match s.checked_sub(1).map(|i| hay[i]) {
        None => 0,
        Some(b'\n') => 1,
        Some(b'\r') => 2,
        Some(b) if b.is_ascii_alphanumeric() || b == b'_' => 3,
        Some(_) => 4,
    }
}

enum Search {
    Window(Box<hybrid::regex::Regex>, Mutex<Vec<hybrid::regex::Cache>>),
    /// The anchored DFA and the bytes a match can start with, per class of the byte before.
    Starts(
        Box<hybrid::dfa::DFA>,
        Mutex<Vec<hybrid::dfa::Cache>>,
        Box<[ByteSet; 5]>,
    ),
}

/// A built-in detector's pattern, ready to search.
pub(crate) struct Matcher {
    search: Search,
    /// The forward NFA, for capture groups.
    nfa: Nfa,
    scratch: Mutex<Vec<Scratch>>,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Matcher")
    }
}

/// What the blob says about one detector.
pub(crate) struct Entry {
    /// FNV-1a of the pattern it was built from.
    pub hash: u32,
    /// Bytes a match can hold past its first.
    pub interior: ByteSet,
    pub matcher: Matcher,
}

/// The entry of `name` (`"detector:<kind>"`), read from the blob.
pub(crate) fn entry(name: &str) -> Result<Entry, String> {
    let mut r = Reader { b: BLOB, at: 0 };
    if r.bytes(8)? != MAGIC {
        return Err("src/scan/automata.bin: unknown format".into());
    }
    for _ in 0..r.varint()? {
        let this = r.section()? == name.as_bytes();
        let hash = u32::from_le_bytes(r.bytes(4)?.try_into().expect("4 bytes"));
        let interior = set(&mut r)?;
        let forward = r.section()?;
        let plan = r.byte()?;
        let search = match plan {
            1 => {
                let reverse = r.section()?;
                this.then(|| -> Result<Search, String> {
                    let fwd = lazy(thompson(forward)?, MatchKind::LeftmostFirst, false)?;
                    let rev = lazy(thompson(reverse)?, MatchKind::All, true)?;
                    Ok(Search::Window(
                        Box::new(hybrid::regex::Regex::builder().build_from_dfas(fwd, rev)),
                        Mutex::new(Vec::new()),
                    ))
                })
                .transpose()?
            }
            2 => {
                let first = [
                    set(&mut r)?,
                    set(&mut r)?,
                    set(&mut r)?,
                    set(&mut r)?,
                    set(&mut r)?,
                ];
                this.then(|| -> Result<Search, String> {
                    Ok(Search::Starts(
                        Box::new(lazy(thompson(forward)?, MatchKind::LeftmostFirst, false)?),
                        Mutex::new(Vec::new()),
                        Box::new(first),
                    ))
                })
                .transpose()?
            }
            t => return Err(format!("unknown plan {t}")),
        };
        if let Some(search) = search {
            return Ok(Entry {
                hash,
                interior,
                matcher: Matcher {
                    search,
                    nfa: Nfa::decode(forward)?,
                    scratch: Mutex::new(Vec::new()),
                },
            });
        }
    }
    Err(format!("{name} is not in src/scan/automata.bin"))
}

/// FNV-1a, 32 bits (the generator's `fnv1a`).
pub(crate) fn fnv1a(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// Takes a value from `pool` (or makes one), runs `f` with it, puts it back.
fn pooled<T, R>(pool: &Mutex<Vec<T>>, make: impl FnOnce() -> T, f: impl FnOnce(&mut T) -> R) -> R {
    let taken = pool.lock().unwrap_or_else(|p| p.into_inner()).pop();
    let mut v = taken.unwrap_or_else(make);
    let out = f(&mut v);
    pool.lock().unwrap_or_else(|p| p.into_inner()).push(v);
    out
}

const NEVER_FAILS: &str = "a lazy DFA without quit bytes that never gives up does not fail";

impl Matcher {
    /// The leftmost-first match in `hay[start..]`; what precedes `start` is
    /// context for `\b` and `^`.
    pub(crate) fn find_at(&self, hay: &[u8], start: usize) -> Option<Match> {
        match &self.search {
            Search::Window(re, pool) => pooled(
                pool,
                || re.create_cache(),
                |c| {
                    re.try_search(c, &Input::new(hay).span(start..hay.len()))
                        .expect(NEVER_FAILS)
                },
            ),
            Search::Starts(dfa, pool, first) => pooled(
                pool,
                || dfa.create_cache(),
                |c| {
                    (start..hay.len()).find_map(|s| {
                        if !first[before(hay, s)].contains(hay[s]) {
                            return None;
                        }
                        let input = Input::new(hay).span(s..hay.len()).anchored(Anchored::Yes);
                        let end = dfa.try_search_fwd(c, &input).expect(NEVER_FAILS)?;
                        Some(Match::new(end.pattern(), s..end.offset()))
                    })
                },
            ),
        }
    }

    /// Group names in group order (group 0, the whole match, first).
    pub(crate) fn capture_names(&self) -> Vec<Option<&str>> {
        self.nfa.names().collect()
    }

    /// The capture slots of the leftmost-first match anchored at `m`'s start
    /// in `hay` that ends at `m`'s end (`slots[2g]..slots[2g + 1]` is group `g`).
    pub(crate) fn groups(&self, hay: &[u8], m: Match) -> Option<Vec<Option<usize>>> {
        pooled(&self.scratch, Scratch::default, |scratch| {
            let mut slots = Vec::new();
            let end = self.nfa.run(hay, m.start(), m.end(), scratch, &mut slots)?;
            (end == m.end()).then_some(slots)
        })
    }
}

/// Every built-in entry reads and was built from its detector's current pattern.
#[cfg(test)]
pub(crate) fn check_all() -> Result<(), String> {
    for d in crate::detectors::REGISTRY {
        let e = entry(&format!("detector:{}", d.kind))?;
        if e.hash != fnv1a(d.pattern) {
            return Err(format!("{} was built from another pattern", d.kind));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_blob_holds_every_detector_built_from_its_current_pattern() {
        super::check_all().unwrap();
    }
}
