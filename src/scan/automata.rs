//! The built-in patterns, compiled at development time (`gen/`), and how they
//! are searched.
//!
//! `automata.bin` holds per detector how its pattern is searched (the
//! generator's docs say why), with what it takes:
//! - **whole windows**: a forward DFA (unanchored, leftmost-first) finds where
//!   the leftmost-first match ends, a reverse DFA (anchored) where it starts,
//!   as a regex search does;
//! - **from candidate starts**: the pattern's parts (the pattern, or the
//!   alternatives of the alternation it begins with) are tried anchored, in
//!   order, at each position whose byte can start one; the first part to
//!   match at the first such position is the leftmost-first match. A part is
//!   matched by its anchored DFA, or by backtracking over its NFA where the
//!   DFA would be large.
//!
//! Every entry carries NFAs with the capture groups: a `value` group's span is
//! resolved by backtracking on the match only ([`super::nfa`]). The DFAs are
//! regex-automata's sparse DFAs, read in place (no copy, no alignment needs).

use std::sync::Mutex;

use regex_automata::dfa::{regex::Regex, sparse, Automaton};
use regex_automata::{Anchored, Input, Match, PatternID};

use super::interior::ByteSet;
use super::nfa::{Nfa, Reader, Scratch};

/// The generator's output.
static BLOB: &[u8] = include_bytes!("automata.bin");
const MAGIC: &[u8; 8] = b"DGAUTO03";

type Dfa = sparse::DFA<&'static [u8]>;

fn dfa(bytes: &'static [u8]) -> Result<Dfa, String> {
    sparse::DFA::from_bytes(bytes)
        .map(|(d, _)| d)
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

/// A part of a pattern searched from candidate starts.
struct Part {
    /// `None`: backtrack over `nfa`.
    dfa: Option<Dfa>,
    nfa: Nfa,
    first: ByteSet,
}

enum Search {
    Window { regex: Regex<Dfa>, nfa: Nfa },
    Starts(Box<[Part]>),
}

/// A built-in detector's pattern, ready to search.
pub(crate) struct Matcher {
    search: Search,
    /// Backtracker memory, taken for a search and given back after.
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
        let this = r.section()?;
        let hash = u32::from_le_bytes(r.bytes(4)?.try_into().expect("4 bytes"));
        let interior = set(&mut r)?;
        let search = match r.byte()? {
            1 => {
                let (f, rv, n) = (r.section()?, r.section()?, r.section()?);
                (this == name.as_bytes())
                    .then(|| -> Result<Search, String> {
                        Ok(Search::Window {
                            regex: Regex::builder().build_from_dfas(dfa(f)?, dfa(rv)?),
                            nfa: Nfa::decode(n)?,
                        })
                    })
                    .transpose()?
            }
            2 => {
                let mut parts = Vec::new();
                for _ in 0..r.varint()? {
                    let (d, n) = (r.section()?, r.section()?);
                    let first = set(&mut r)?;
                    if this == name.as_bytes() {
                        parts.push(Part {
                            dfa: if d.is_empty() { None } else { Some(dfa(d)?) },
                            nfa: Nfa::decode(n)?,
                            first,
                        });
                    }
                }
                (this == name.as_bytes()).then(|| Search::Starts(parts.into()))
            }
            t => return Err(format!("unknown plan {t}")),
        };
        if let Some(search) = search {
            return Ok(Entry {
                hash,
                interior,
                matcher: Matcher {
                    search,
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

/// A match and the part that made it (its NFA resolves the groups).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Found {
    pub m: Match,
    part: usize,
}

impl Matcher {
    fn with_scratch<R>(&self, f: impl FnOnce(&mut Scratch) -> R) -> R {
        let taken = self
            .scratch
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .pop();
        let mut s = taken.unwrap_or_default();
        let out = f(&mut s);
        self.scratch
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(s);
        out
    }

    /// The leftmost-first match in `hay[start..]`; what precedes `start` is
    /// context for `\b` and `^`.
    pub(crate) fn find_at(&self, hay: &[u8], start: usize) -> Option<Found> {
        match &self.search {
            Search::Window { regex, .. } => {
                let input = Input::new(hay).span(start..hay.len());
                let m = regex
                    .try_search(&input)
                    .expect("DFAs without quit bytes do not fail")?;
                Some(Found { m, part: 0 })
            }
            Search::Starts(parts) => self.with_scratch(|scratch| {
                let mut slots = Vec::new();
                for s in start..=hay.len() {
                    let byte = hay.get(s).copied();
                    for (i, part) in parts.iter().enumerate() {
                        if byte.is_some_and(|b| !part.first.contains(b)) {
                            continue;
                        }
                        let end = match &part.dfa {
                            Some(d) => {
                                let input = Input::new(hay)
                                    .span(s..hay.len())
                                    .anchored(Anchored::Yes);
                                d.try_search_fwd(&input)
                                    .expect("DFAs without quit bytes do not fail")
                                    .map(|h| h.offset())
                            }
                            None => part.nfa.run(hay, s, hay.len(), scratch, &mut slots),
                        };
                        if let Some(e) = end {
                            return Some(Found {
                                m: Match::new(PatternID::ZERO, s..e),
                                part: i,
                            });
                        }
                    }
                }
                None
            }),
        }
    }

    /// Group names of every part, in group order (all parts' names together:
    /// whether the pattern has a `value` group).
    pub(crate) fn capture_names(&self) -> Vec<Option<&str>> {
        match &self.search {
            Search::Window { nfa, .. } => nfa.names().collect(),
            Search::Starts(parts) => parts.iter().flat_map(|p| p.nfa.names()).collect(),
        }
    }

    /// Group names of the NFA that resolves `found`'s groups, in group order.
    pub(crate) fn capture_names_of(&self, found: Found) -> Vec<Option<&str>> {
        match &self.search {
            Search::Window { nfa, .. } => nfa.names().collect(),
            Search::Starts(parts) => parts[found.part].nfa.names().collect(),
        }
    }

    /// The spans of `found`'s groups (`slots[2g]..slots[2g+1]` for group
    /// `g`), resolved on the match over `hay` (the haystack searched).
    pub(crate) fn groups(&self, hay: &[u8], found: Found) -> Option<Vec<Option<usize>>> {
        let nfa = match &self.search {
            Search::Window { nfa, .. } => nfa,
            Search::Starts(parts) => &parts[found.part].nfa,
        };
        self.with_scratch(|scratch| {
            let mut slots = Vec::new();
            let end = nfa.run(hay, found.m.start(), found.m.end(), scratch, &mut slots)?;
            (end == found.m.end()).then_some(slots)
        })
    }
}

/// Every built-in entry reads (for a test: the blob holds every detector and is well-formed).
#[cfg(test)]
pub(crate) fn check_all() -> Result<(), String> {
    for d in crate::detectors::REGISTRY {
        let e = entry(&format!("detector:{}", d.kind))?;
        if e.hash != fnv1a(d.pattern) {
            return Err(format!("{} was built from another pattern", d.kind));
        }
        if let Search::Window { regex, .. } = &e.matcher.search {
            // Full validation (from_bytes checks every transition) happened in `dfa`.
            let _ = regex.forward().pattern_len();
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
