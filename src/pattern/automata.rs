//! The built-in patterns and how they are searched.
//!
//! `automata.bin` (written by `gen/`) holds per detector the pattern to
//! compile (the API-key table's with a group around each row and its wide
//! repetitions relaxed), how it is searched, and what `gen/` worked out about
//! it with regex-syntax. Its text is parsed over bytes and compiled here, on
//! first use, by the same parser and compiler as custom rules
//! ([`super::syntax::parse_bytes`], [`super::compile`]): a pattern's text is a
//! fifth of the NFA it unrolls into, even gzipped (the NFAs were 22.6 KB gzip
//! of the module, the texts are 4.6). It is searched by the product's own lazy
//! DFA ([`super::lazy`]), which builds only the states a text visits and keeps
//! them for the next scans:
//! - **whole windows**: the forward lazy DFA finds where the leftmost-first
//!   match ends, the reverse one (the pattern compiled reversed) where it
//!   starts, as a regex search does;
//! - **from candidate starts** (the API-key table): an anchored lazy DFA runs
//!   from each position whose byte can start a match after the byte before
//!   it (a word boundary mostly), in order; the first position with a match
//!   is the leftmost-first match. Anchored, the table's states stay few; a
//!   run ends within the longest token, so the search stays linear.
//!
//! A `value` group's span is resolved on the match only, by backtracking over
//! the forward NFA ([`super::nfa`]).

use regex_automata::nfa::thompson::NFA;
use regex_automata::util::look::Look;
use regex_automata::Match;

use super::compile::{self, Direction, Over};
use super::lazy::{self, Dfa, Matched, BEFORE};
use super::nfa::{Nfa, Scratch};
use super::syntax::Hir;
use crate::scan::ByteSet;

/// The generator's output.
static BLOB: &[u8] = include_bytes!("automata.bin");
const MAGIC: &[u8; 8] = b"DGAUTO11";

/// Size limit of a built-in pattern's NFA, in the compiler's count: far
/// above the largest (the API-key table's), for the tests' sake only.
const BUILTIN_LIMIT: usize = 64 << 20;

/// The syntax tree of a built-in pattern's text.
fn parse(pattern: &str) -> Result<Hir, String> {
    super::syntax::parse_bytes(pattern, super::NEST_LIMIT).map_err(String::from)
}

/// The NFA of a built-in pattern's tree.
fn builtin_nfa(hir: &Hir, direction: Direction) -> Result<NFA, String> {
    compile::nfa(hir, Over::Bytes, direction, BUILTIN_LIMIT)
}

/// The forward NFA (with groups, unanchored) or the reverse one (anchored)
/// the product compiles from a built-in pattern's text: for `gen/tests/`,
/// which holds them to regex-automata's compiler. Not part of the API.
#[doc(hidden)]
pub fn compiled_nfa(pattern: &str, reverse: bool) -> Result<NFA, String> {
    let direction = match reverse {
        true => Direction::Reverse,
        false => Direction::Groups,
    };
    builtin_nfa(&parse(pattern)?, direction)
}

/// Reads LEB128 numbers and bytes from the format.
struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, String> {
        let b = *self.b.get(self.at).ok_or("truncated automata")?;
        self.at += 1;
        Ok(b)
    }

    fn varint(&mut self) -> Result<usize, String> {
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

    fn bytes(&mut self, n: usize) -> Result<&'a [u8], String> {
        let s = self
            .b
            .get(self.at..self.at + n)
            .ok_or("truncated automata")?;
        self.at += n;
        Ok(s)
    }

    /// A length-prefixed section.
    fn section(&mut self) -> Result<&'a [u8], String> {
        let n = self.varint()?;
        self.bytes(n)
    }
}

fn set(r: &mut Reader) -> Result<ByteSet, String> {
    let b = r.bytes(32)?;
    let mut words = [0u64; 4];
    for (i, &byte) in b.iter().enumerate() {
        words[i / 8] |= u64::from(byte) << ((i % 8) * 8);
    }
    Ok(ByteSet::from_words(words))
}

/// `first` (per class of the byte before, the bytes a match can start
/// with) as one table: bit `k` of `starts[b]` is set if a match can start
/// with `b` after a byte of class `k` ([`BEFORE`]).
fn start_table(first: &[ByteSet; 5]) -> [u8; 256] {
    let mut starts = [0u8; 256];
    for (b, bits) in starts.iter_mut().enumerate() {
        for (k, set) in first.iter().enumerate() {
            if set.contains(b as u8) {
                *bits |= 1 << k;
            }
        }
    }
    starts
}

enum Search {
    /// The forward DFA (leftmost-first) and the reverse one (every match).
    Window(Box<[Dfa; 2]>),
    /// The anchored DFA, the bytes a match can start with, per class of the
    /// byte before, and the detector's longest match, if it has one.
    Starts(Box<Dfa>, Box<[u8; 256]>, Option<usize>),
}

/// A built-in pattern ready to search. Immutable: what a search builds on
/// the way (lazy DFA states, the backtracker's stacks) goes to a [`Cache`]
/// that the caller owns.
pub(crate) struct Matcher {
    search: Search,
    /// The forward NFA, with its capture groups.
    fwd: NFA,
    /// The backtracker's copy of `fwd`, made when a match's groups are first
    /// needed (most first scans find nothing).
    nfa: std::sync::OnceLock<Nfa>,
}

/// What searches with one [`Matcher`] build and keep for the next: its lazy
/// DFAs' states (made by the first search) and the backtracker's scratch space.
#[derive(Default)]
pub(crate) struct Cache {
    /// The forward DFA's states (the only one of a pattern searched from starts).
    fwd: lazy::Cache,
    /// The reverse DFA's.
    rev: lazy::Cache,
    scratch: Scratch,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Matcher")
    }
}

impl Matcher {
    /// Searched over whole windows: `fwd` (with capture groups) finds where
    /// a match ends, `rev` (the reverse NFA) where it starts.
    pub(crate) fn window(fwd: NFA, rev: NFA) -> Result<Matcher, String> {
        let search = Search::Window(Box::new([
            Dfa::new(fwd.clone(), false)?,
            Dfa::new(rev, true)?,
        ]));
        Ok(Matcher {
            search,
            fwd,
            nfa: std::sync::OnceLock::new(),
        })
    }

    /// Searched anchored from each position whose byte can start a match
    /// (`first`, per class of the byte before), reading at most `longest`
    /// bytes from each.
    fn starts(fwd: NFA, first: [ByteSet; 5], longest: Option<usize>) -> Result<Matcher, String> {
        Ok(Matcher {
            search: Search::Starts(
                Box::new(Dfa::new(fwd.clone(), false)?),
                Box::new(start_table(&first)),
                longest,
            ),
            fwd,
            nfa: std::sync::OnceLock::new(),
        })
    }
}

#[cfg(all(test, not(target_family = "wasm")))]
impl Matcher {
    /// Its lazy DFAs: the forward one, then the reverse one if it is
    /// searched over whole windows.
    pub(crate) fn dfas(&self) -> Vec<&Dfa> {
        match &self.search {
            Search::Window(dfas) => dfas.iter().collect(),
            Search::Starts(dfa, ..) => vec![dfa],
        }
    }
}

/// What the blob says about one detector.
pub(crate) struct Entry {
    /// FNV-1a of the pattern it was built from (checked natively).
    #[cfg_attr(target_family = "wasm", allow(dead_code))]
    pub hash: u32,
    /// Bytes a match can hold past its first.
    pub interior: ByteSet,
    pub matcher: Matcher,
}

/// One entry's bytes.
struct Raw {
    hash: u32,
    interior: ByteSet,
    /// The pattern to compile.
    pattern: &'static str,
    plan: RawPlan,
}

enum RawPlan {
    Window,
    Starts([ByteSet; 5], Option<usize>),
}

/// Reads the entry named `name` (`"detector:<kind>"`) from the blob.
fn raw(name: &str) -> Result<Raw, String> {
    let mut r = Reader { b: BLOB, at: 0 };
    if r.bytes(8)? != MAGIC {
        return Err("src/pattern/automata.bin: unknown format".into());
    }
    for _ in 0..r.varint()? {
        let this = r.section()? == name.as_bytes();
        let hash = u32::from_le_bytes(r.bytes(4)?.try_into().expect("4 bytes"));
        let interior = set(&mut r)?;
        let pattern = std::str::from_utf8(r.section()?).map_err(|e| e.to_string())?;
        let plan = match r.byte()? {
            1 => RawPlan::Window,
            2 => RawPlan::Starts(
                [
                    set(&mut r)?,
                    set(&mut r)?,
                    set(&mut r)?,
                    set(&mut r)?,
                    set(&mut r)?,
                ],
                Some(r.varint()?).filter(|&n| n > 0),
            ),
            t => return Err(format!("unknown plan {t}")),
        };
        if this {
            return Ok(Raw {
                hash,
                interior,
                pattern,
                plan,
            });
        }
    }
    Err(format!("{name} is not in src/pattern/automata.bin"))
}

/// The entry of `name` (`"detector:<kind>"`), its matcher built.
pub(crate) fn entry(name: &str) -> Result<Entry, String> {
    let raw = raw(name)?;
    let hir = parse(raw.pattern)?;
    let fwd = builtin_nfa(&hir, Direction::Groups)?;
    let matcher = match raw.plan {
        RawPlan::Window => Matcher::window(fwd, builtin_nfa(&hir, Direction::Reverse)?)?,
        RawPlan::Starts(first, longest) => Matcher::starts(fwd, first, longest)?,
    };
    Ok(Entry {
        hash: raw.hash,
        interior: raw.interior,
        matcher,
    })
}

/// A pattern that matches whole values, whose capture groups tell which
/// alternative matched (the API-key table's rows).
pub(crate) struct Groups {
    nfa: Nfa,
    /// Its relaxed repetitions' groups and bounds ([`bounds`]).
    bounds: Box<[(usize, usize)]>,
    /// The group whose inside `nfa` matches.
    inside: Box<str>,
}

impl Groups {
    /// What entry `name`'s group `group` matches, as a whole value.
    pub(crate) fn inside(name: &str, group: &str) -> Result<Groups, String> {
        // The group, anchored at both ends: it matches what the group can
        // match, with the group's own groups (all inside it, so numbered as
        // in the whole pattern).
        let hir = parse(raw(name)?.pattern)?;
        let inside = hir
            .group(group)
            .ok_or_else(|| format!("no group {group}"))?;
        let whole = Hir::Concat(vec![inside.clone(), Hir::Look(Look::End)]);
        let nfa = Nfa::from_thompson(&builtin_nfa(&whole, Direction::Groups)?);
        Ok(Groups {
            bounds: bounds(nfa.names()),
            nfa,
            inside: group.into(),
        })
    }

    /// The name of the first group that took part in the leftmost-first
    /// match of all of `value`, if it matches.
    pub(crate) fn first_group(&self, value: &[u8]) -> Option<&str> {
        // Scratch space of its own: nothing a lookup leaves stays behind.
        let mut slots = Vec::new();
        let end = (self.nfa).run(value, 0, value.len(), &mut Scratch::default(), &mut slots)?;
        if end != value.len() || overlong(&self.bounds, &slots) {
            return None;
        }
        self.nfa
            .names()
            .enumerate()
            .skip(1)
            .find(|(g, n)| {
                slots[2 * g].is_some() && *n != Some(&*self.inside) && n.and_then(bound).is_none()
            })
            .and_then(|(_, n)| n)
    }
}

/// The bound of a group that the generator put around a relaxed counted
/// repetition (`gen`'s `relax_row`: `c{m,n}` became `(?P<le<n>_<k>>c{m,})`):
/// at most `n` bytes. A match in which such a group spans more is not a
/// match of the detector's pattern at that start.
pub(crate) fn bound(name: &str) -> Option<usize> {
    let (n, k) = name.strip_prefix("le")?.split_once('_')?;
    k.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| n.parse().ok())?
}

/// The groups of `names` (in group order) that have a [`bound`]: (group, bound).
pub(crate) fn bounds<'a>(names: impl Iterator<Item = Option<&'a str>>) -> Box<[(usize, usize)]> {
    (names.enumerate())
        .filter_map(|(g, n)| Some((g, bound(n?)?)))
        .collect()
}

/// `true` if a group of `bounds` ([`bounds`]) spans more bytes than its
/// bound in the capture `slots` of a match.
pub(crate) fn overlong(bounds: &[(usize, usize)], slots: &[Option<usize>]) -> bool {
    bounds
        .iter()
        .any(|&(g, max)| match slots.get(2 * g..2 * g + 2) {
            Some(&[Some(s), Some(e)]) => e - s > max,
            _ => false,
        })
}

/// Which of several patterns match anywhere in a window, in one pass.
pub(crate) struct Set {
    dfa: Dfa,
    /// The entries' names, in pattern order.
    #[cfg(test)]
    names: Vec<String>,
}

impl std::fmt::Debug for Set {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Set")
    }
}

impl Set {
    /// The entries `names`' forward NFAs as one set (pattern `i` is `names[i]`).
    pub(crate) fn of(names: &[String]) -> Result<Set, String> {
        let hirs = names
            .iter()
            .map(|n| parse(raw(n)?.pattern))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Set {
            dfa: Dfa::new(compile::set(&hirs, BUILTIN_LIMIT)?, true)?,
            #[cfg(test)]
            names: names.to_vec(),
        })
    }

    /// The entries' names, in pattern order.
    #[cfg(test)]
    pub(crate) fn names(&self) -> &[String] {
        &self.names
    }

    /// Its lazy DFA.
    #[cfg(all(test, not(target_family = "wasm")))]
    pub(crate) fn dfa(&self) -> &Dfa {
        &self.dfa
    }

    /// Which patterns match anywhere in `hay[start..]` (`cache` kept for
    /// the next search with this set).
    pub(crate) fn matches_at(&self, cache: &mut lazy::Cache, hay: &[u8], start: usize) -> Matched {
        self.dfa.which(cache, hay, start)
    }
}

/// FNV-1a, 32 bits (the generator's `fnv1a`).
#[cfg_attr(target_family = "wasm", allow(dead_code))]
pub(crate) fn fnv1a(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

impl Matcher {
    /// The leftmost-first match in `hay[start..]`; what precedes `start` is
    /// context for `\b` and `^`.
    pub(crate) fn find_at(&self, cache: &mut Cache, hay: &[u8], start: usize) -> Option<Match> {
        self.find_from(cache, hay, start, None)
    }

    /// [`Matcher::find_at`] for a pattern searched from starts, trying only
    /// the starts `may_start` allows, if given (see
    /// [`crate::detectors::MayStart`]); a pattern searched over whole
    /// windows ignores it.
    pub(crate) fn find_from(
        &self,
        cache: &mut Cache,
        hay: &[u8],
        start: usize,
        may_start: Option<crate::detectors::MayStart>,
    ) -> Option<Match> {
        match &self.search {
            Search::Window(dfas) => {
                let [fwd, rev] = &**dfas;
                let end = fwd.find(&mut cache.fwd, hay, start)?;
                // An empty match at the start, or a pattern that matches only
                // there, needs no reverse search (as regex-automata's).
                let start = if end == start || fwd.nfa().is_always_start_anchored() {
                    start
                } else {
                    rev.find_rev(&mut cache.rev, hay, start, end)?
                };
                Some(Match::must(0, start..end))
            }
            Search::Starts(dfa, starts, longest) => {
                let c = &mut cache.fwd;
                let mut before = lazy::class_before(hay, start);
                // No match of the detector's pattern is longer than `longest`: a
                // start's search stops there (linear in the text, though the NFA's
                // relaxed repetitions have no bound: `bound`). A match that ends
                // there is still found (the byte after the span is context for `$`,
                // which only the text's end matches); one that would end later is
                // over its bound, and the exact pattern has no match at that start.
                let span_end = |s: usize| longest.map_or(hay.len(), |l| hay.len().min(s + l));
                for s in start..hay.len() {
                    let b = hay[s];
                    if starts[usize::from(b)] & (1 << before) != 0
                        && may_start.is_none_or(|may| may(hay, s))
                        && dfa.may_match_from(c, &hay[..span_end(s)], s)
                    {
                        if let Some(end) = dfa.find_fwd(c, hay, s, span_end(s), true, false) {
                            return Some(Match::must(0, s..end));
                        }
                    }
                    before = usize::from(BEFORE[usize::from(b)]);
                }
                None
            }
        }
    }

    /// Group names in group order (group 0, the whole match, first).
    pub(crate) fn capture_names(&self) -> Vec<Option<&str>> {
        (self
            .fwd
            .group_info()
            .pattern_names(regex_automata::PatternID::ZERO))
        .collect()
    }

    /// The capture slots of the leftmost-first match anchored at `m`'s start
    /// in `hay` that ends at `m`'s end (`slots[2g]..slots[2g + 1]` is group `g`).
    pub(crate) fn groups(
        &self,
        cache: &mut Cache,
        hay: &[u8],
        m: Match,
    ) -> Option<Vec<Option<usize>>> {
        let mut slots = Vec::new();
        let nfa = self.nfa.get_or_init(|| Nfa::from_thompson(&self.fwd));
        let end = nfa.run(hay, m.start(), m.end(), &mut cache.scratch, &mut slots)?;
        (end == m.end()).then_some(slots)
    }
}

/// Every built-in entry reads and was built from its detector's current pattern.
#[cfg(all(test, not(target_family = "wasm")))]
pub(crate) fn check_all() -> Result<(), String> {
    for d in crate::detectors::REGISTRY {
        let e = entry(&format!("detector:{}", d.kind))?;
        if e.hash != fnv1a(d.pattern) {
            return Err(format!("{} was built from another pattern", d.kind));
        }
    }
    Ok(())
}

/// Every occurrence of a set of words in a text, in one pass: an
/// Aho-Corasick automaton over byte classes, ASCII letters in either case,
/// as a DFA: every state has a full row, so a byte costs one table lookup.
/// (Rows only for the shallow states, deeper ones following failure links
/// at search time, cost 26 instructions a byte of real text against 16.
/// Built breadth first, each row a copy of its failure's with its own
/// children written over it, the full table costs a first scan nothing
/// measurable: 1 MB for the prefilter's 3,600 states.) A byte costs about 6
/// instructions natively ([`Words::run`]).
pub(crate) struct Words {
    /// Byte → class; ASCII upper case as lower case; class 0: in no word.
    classes: [u8; 256],
    /// A row's length: the number of classes.
    row: usize,
    // Boxed slices, not vectors: indexing them needs no call even in a build
    // for size (`opt-level = "z"` left `Vec`'s `Index` a call per byte).
    /// `next[s + class]`: the state after that byte. A state is its row's
    /// offset (0 the root), so a step is one addition and one load; the
    /// states where words end are from [`Words::end`] on.
    next: Box<[u32]>,
    /// Where the rows of the states where words end begin (a power of two).
    loud_from: usize,
    /// Per state where words end, by ((offset - [`Words::end`]) / row), where its words are in `ends`
    /// (`out[n]..out[n + 1]`).
    out: Box<[u32]>,
    /// The words that end in each state (its own and its suffixes').
    ends: Box<[u32]>,
    /// Byte length of each word (a match's start is its end minus this).
    lens: Box<[usize]>,
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Words")
            .field("loud", &self.out.len().saturating_sub(1))
            .field("row", &self.row)
            .finish()
    }
}

/// Fixed lists of words and, built on first use, their automaton: whether a
/// text holds one of them (ASCII letters in either case) in one pass, where
/// `contains` per word searched the text once for each word.
pub(crate) struct WordSet {
    lists: &'static [&'static [&'static str]],
    words: std::sync::OnceLock<Words>,
}

impl WordSet {
    /// The set of the words of `lists`.
    pub(crate) const fn new(lists: &'static [&'static [&'static str]]) -> WordSet {
        WordSet {
            lists,
            words: std::sync::OnceLock::new(),
        }
    }

    /// `true` if one of the words is in `hay`, ASCII letters in either case.
    pub(crate) fn in_text(&self, hay: &str) -> bool {
        let words = self.words.get_or_init(|| {
            let all = self.lists.concat();
            Words::new(&all.iter().map(|w| w.to_string()).collect::<Vec<_>>())
        });
        words.occur_in(hay.as_bytes())
    }
}

impl Words {
    /// The automaton of `words` (word `i` is reported as `i`).
    pub(crate) fn new(words: &[String]) -> Words {
        let fold = |b: u8| b.to_ascii_lowercase();
        let mut classes = [0u8; 256];
        let mut n = 1usize;
        for w in words {
            for &b in w.as_bytes() {
                let b = fold(b);
                if classes[usize::from(b)] == 0 {
                    classes[usize::from(b)] = n as u8;
                    n += 1;
                }
            }
        }
        assert!(n <= 256, "at most 255 distinct bytes in the words");
        for b in b'A'..=b'Z' {
            classes[usize::from(b)] = classes[usize::from(b.to_ascii_lowercase())];
        }
        // The trie in flat lists, no list per state (the prefilter's 5,000
        // states each with a vector of children and one of words made its
        // build a quarter of a cold first scan). State 0 is the root; a
        // state's children are a chain from `first_child` through `sibling`,
        // in the order they were made, each entered by byte class `class_in`;
        // the words that end in it a chain from `first_word` through
        // `next_word`, by index.
        const NONE: u32 = u32::MAX;
        let most = 1 + words.iter().map(String::len).sum::<usize>();
        let (mut first_child, mut last_child) = (vec![NONE], vec![NONE]);
        let (mut sibling, mut class_in) = (vec![NONE], vec![0u8]);
        let (mut first_word, mut last_word) = (vec![NONE], vec![NONE]);
        for v in [
            &mut first_child,
            &mut last_child,
            &mut sibling,
            &mut first_word,
            &mut last_word,
        ] {
            v.reserve(most);
        }
        class_in.reserve(most);
        let mut next_word = vec![NONE; words.len()];
        // The root's children by class: most lookups end there, and it has
        // a child for most classes.
        let mut at_root = [NONE; 256];
        // State `s`'s child by class `c`, or `NONE`.
        let child = |at_root: &[u32; 256],
                     first_child: &[u32],
                     sibling: &[u32],
                     class_in: &[u8],
                     s: usize,
                     c: u8| {
            if s == 0 {
                return at_root[usize::from(c)];
            }
            let mut k = first_child[s];
            while k != NONE && class_in[k as usize] != c {
                k = sibling[k as usize];
            }
            k
        };
        for (i, w) in words.iter().enumerate() {
            let mut s = 0usize;
            for &b in w.as_bytes() {
                let c = classes[usize::from(fold(b))];
                let k = child(&at_root, &first_child, &sibling, &class_in, s, c);
                s = if k != NONE {
                    k as usize
                } else {
                    let t = first_child.len() as u32;
                    match last_child[s] {
                        NONE => first_child[s] = t,
                        l => sibling[l as usize] = t,
                    }
                    last_child[s] = t;
                    if s == 0 {
                        at_root[usize::from(c)] = t;
                    }
                    first_child.push(NONE);
                    last_child.push(NONE);
                    sibling.push(NONE);
                    class_in.push(c);
                    first_word.push(NONE);
                    last_word.push(NONE);
                    t as usize
                };
            }
            match last_word[s] {
                NONE => first_word[s] = i as u32,
                l => next_word[l as usize] = i as u32,
            }
            last_word[s] = i as u32;
        }
        // Breadth-first order and failure links; `loud[s]`: words end in `s`
        // (its own, or its failure's).
        let states = first_child.len();
        let mut order = Vec::with_capacity(states);
        order.push(0usize);
        let mut fail = vec![0usize; states];
        let mut loud = vec![false; states];
        let mut at = 0;
        while at < order.len() {
            let s = order[at];
            at += 1;
            loud[s] = first_word[s] != NONE || (s != 0 && loud[fail[s]]);
            let mut k = first_child[s];
            while k != NONE {
                let (t, c) = (k as usize, class_in[k as usize]);
                fail[t] = if s == 0 {
                    0
                } else {
                    let mut f = fail[s];
                    loop {
                        let g = child(&at_root, &first_child, &sibling, &class_in, f, c);
                        if g != NONE {
                            break g as usize;
                        }
                        if f == 0 {
                            break 0;
                        }
                        f = fail[f];
                    }
                };
                order.push(t);
                k = sibling[k as usize];
            }
        }
        // A state's value in `next` is its row's offset. The states where no
        // word ends come first, in breadth-first order; those where words end
        // from `loud_from` on, a power of two, so that an or of states is
        // below it only if they all are.
        let row = n;
        let (quiet, louds): (Vec<usize>, Vec<usize>) = order.iter().partition(|&&s| !loud[s]);
        let loud_from = (quiet.len() * row).next_power_of_two();
        let mut offset = vec![0usize; states];
        for (k, &s) in quiet.iter().enumerate() {
            offset[s] = k * row;
        }
        for (k, &s) in louds.iter().enumerate() {
            offset[s] = loud_from + k * row;
        }
        assert!(
            loud_from + louds.len() * row <= 1 << 31,
            "the table's offsets fit in a u32"
        );
        // The words ending in each loud state: its own, then its failure's, and so on.
        let mut out = Vec::with_capacity(louds.len() + 1);
        let mut ends = Vec::new();
        for &s in &louds {
            out.push(ends.len() as u32);
            let mut f = s;
            while loud[f] {
                let mut w = first_word[f];
                while w != NONE {
                    ends.push(w);
                    w = next_word[w as usize];
                }
                if f == 0 {
                    break;
                }
                f = fail[f];
            }
        }
        out.push(ends.len() as u32);
        // Full rows, from the failure's row (complete before: BFS order) where there is no child.
        let mut next = vec![0u32; loud_from + louds.len() * row];
        for &s in &order {
            let r = offset[s];
            if s != 0 {
                let f = offset[fail[s]];
                next.copy_within(f..f + row, r);
            }
            let mut k = first_child[s];
            while k != NONE {
                let t = k as usize;
                next[r + usize::from(class_in[t])] = offset[t] as u32;
                k = sibling[t];
            }
        }
        Words {
            classes,
            row,
            next: next.into(),
            loud_from,
            out: out.into(),
            ends: ends.into(),
            lens: words.iter().map(String::len).collect(),
        }
    }

    /// The first state where words end: those where none does are below.
    fn end(&self) -> usize {
        self.loud_from
    }

    /// Steps from state `s` over `hay[i..]` up to the first byte after which
    /// words end: that byte's end and the state there, or `hay.len()` and
    /// the last state. Not inlined, and so not specialised for one
    /// automaton: in a copy made for the prefilter's static automaton the
    /// compiler read its fields again from memory at every byte.
    #[inline(never)]
    fn run(&self, hay: &[u8], mut i: usize, mut s: usize) -> (usize, usize) {
        let (next, classes, end) = (&*self.next, &self.classes, self.end());
        // A state is its row's offset, nothing to take off: the step's
        // bounds check is a compare and a branch beside the chain of loads
        // from byte to byte, not a link in it (a mask was).
        macro_rules! step {
            ($s:expr, $b:expr) => {
                next[$s + usize::from(classes[usize::from($b)])] as usize
            };
        }
        // Eight bytes a step while there are eight and no word ends in them:
        // one test for the eight (an or of states is below `end`, a power of
        // two, only if each is); where a
        // word does end, they are taken again below, one at a time.
        let mut rest = hay.get(i..).unwrap_or_default();
        while let &[b0, b1, b2, b3, b4, b5, b6, b7, ref tail @ ..] = rest {
            let mut t = step!(s, b0);
            let mut any = t;
            macro_rules! then {
                ($($b:expr),*) => {$(
                    t = step!(t, $b);
                    any |= t;
                )*};
            }
            then!(b1, b2, b3, b4, b5, b6, b7);
            if any >= end {
                break;
            }
            s = t;
            rest = tail;
        }
        i = hay.len() - rest.len();
        while let Some(&b) = hay.get(i) {
            s = step!(s, b);
            i += 1;
            if s >= end {
                break;
            }
        }
        (i, s)
    }

    /// `true` if one of the words occurs in `hay`: [`Words::each`] that stops at the first.
    pub(crate) fn occur_in(&self, hay: &[u8]) -> bool {
        self.run(hay, 0, 0).1 >= self.end()
    }

    /// Calls `hit(word, start, end)` for every occurrence of every word that
    /// lies in `hay[from..to]` (overlapping ones too), in order of their ends.
    pub(crate) fn each(
        &self,
        hay: &[u8],
        from: usize,
        to: usize,
        mut hit: impl FnMut(usize, usize, usize),
    ) {
        let hay = &hay[..to];
        let (mut i, mut s) = (from, 0);
        while i < hay.len() {
            (i, s) = self.run(hay, i, s);
            if s >= self.end() {
                let n = (s - self.end()) / self.row;
                let (a, z) = (self.out[n] as usize, self.out[n + 1] as usize);
                for &w in &self.ends[a..z] {
                    hit(w as usize, i - self.lens[w as usize], i);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    #[cfg(not(target_family = "wasm"))]
    fn the_blob_holds_every_detector_built_from_its_current_pattern() {
        super::check_all().unwrap();
    }

    /// Calls `f` with the end of the anchored search of `dfa` from every
    /// start in `hay` (`None`: no match there), and the cache it used.
    #[cfg(not(target_family = "wasm"))]
    fn each_anchored(
        dfa: &super::Dfa,
        hay: &[u8],
        mut f: impl FnMut(&mut super::lazy::Cache, usize, Option<usize>),
    ) {
        let mut cache = super::lazy::Cache::default();
        for s in 0..hay.len() {
            let end = dfa.find_fwd(&mut cache, hay, s, hay.len(), true, false);
            f(&mut cache, s, end);
        }
    }

    /// Asks `rules_out` about every start in `hay` of `kind`'s pattern (searched
    /// from starts with `dfa`) and checks that an anchored search finds no
    /// match at each start it rules out, that it rules out most, and that
    /// there are matches to miss.
    #[cfg(not(target_family = "wasm"))]
    fn check_ruled_out(
        kind: &str,
        dfa: &super::Dfa,
        hay: &[u8],
        mut rules_out: impl FnMut(&mut super::lazy::Cache, usize) -> bool,
    ) {
        let (mut ruled_out, mut found) = (0, 0);
        each_anchored(dfa, hay, |cache, s, end| {
            found += usize::from(end.is_some());
            if rules_out(cache, s) {
                let at = String::from_utf8_lossy(&hay[s..hay.len().min(s + 60)]);
                assert!(end.is_none(), "{kind} at {s}: {at:?}");
                ruled_out += 1;
            }
        });
        assert!(
            ruled_out > hay.len() / 2 && found > 20,
            "{kind}: {ruled_out}, {found}"
        );
    }

    /// Wherever `may_match_from` says no match starts, an anchored search
    /// finds none: over every fixture and draft, at every offset, for each
    /// pattern searched from starts.
    #[test]
    #[cfg(not(target_family = "wasm"))]
    fn a_start_ruled_out_by_stepping_has_no_match() {
        use super::*;
        let text = crate::scan::samples().replace("\\n", "\n");
        let hay = text.as_bytes();
        let mut searched = 0;
        for d in crate::detectors::REGISTRY {
            let entry = entry(&format!("detector:{}", d.kind)).unwrap();
            let Search::Starts(dfa, ..) = &entry.matcher.search else {
                continue;
            };
            check_ruled_out(d.kind, dfa, hay, |cache, s| {
                !dfa.may_match_from(cache, hay, s)
            });
            searched += 1;
        }
        assert_eq!(searched, 3, "api_key, connection_string, generic_secret");
    }

    /// Every match of a pattern with [`crate::detectors::Needs`] holds one of
    /// its words (ASCII case folded), in every fixture and draft and in text
    /// made to sit at the edges of its forms.
    #[test]
    #[cfg(not(target_family = "wasm"))]
    fn every_match_holds_one_of_its_needed_words() {
        let text = format!(
            "{}\n{}",
            crate::scan::samples().replace("\\n", "\n"),
            connection_edges()
        );
        let hay = text.as_bytes();
        let mut checked = 0;
        for d in crate::detectors::REGISTRY {
            let Some(needs) = crate::detectors::needs(d.kind).filter(|n| !n.words.is_empty())
            else {
                continue;
            };
            let dfa = starts_dfa(d.kind, "needed words");
            let mut found = 0;
            each_anchored(&dfa, hay, |_, s, end| {
                if let Some(end) = end {
                    let got = hay[s..end].to_ascii_lowercase();
                    let held = needs
                        .words
                        .iter()
                        .any(|w| got.windows(w.len()).any(|x| x == w.as_bytes()));
                    assert!(held, "{}: {:?}", d.kind, String::from_utf8_lossy(&got));
                    found += 1;
                }
            });
            assert!(found > 20, "{}: {found} matches", d.kind);
            checked += 1;
        }
        assert_eq!(checked, 1, "connection_string");
    }

    /// The anchored DFA of `kind`'s pattern, which `what` needs searched from starts.
    #[cfg(not(target_family = "wasm"))]
    fn starts_dfa(kind: &str, what: &str) -> super::Dfa {
        let entry = super::entry(&format!("detector:{kind}")).unwrap();
        match &entry.matcher.search {
            super::Search::Starts(dfa, ..) => (**dfa).clone(),
            _ => panic!("{kind}: {what} for a pattern not searched from starts"),
        }
    }

    /// Connection strings of every form, at the edges of what each allows.
    #[cfg(not(target_family = "wasm"))]
    fn connection_edges() -> String {
        [
            "postgres://u:Xk9mQ2vL@db x.postgres://a:Zq8$Lw3e@h",
            "jdbc:postgresql://h/db?user=x&password=Tr0ub4dor3 JDBC:MYSQL://h?pwd=Q9x!a",
            "jdbc:oracle:thin:scott/Xk9mQ2v@h:1521:orcl sqlplus -s admin/Pa55w0rdX@db",
            "jdbc:oracle:thin:scott/Xk9mQ2vA sqlplus admin/Pa55w0rdX",
            "Server=x;Password=Xk9mQ2vL; SERVER\t=x;PWD=Zq8Lw3eR9; user  id=a;pwd=Q7wErT5y",
            "Data Source=h;Password=Xk9mQ2vA; uid=a;Pwd=Q7wErT5y; userid=b;password=Zq8Lw3eR",
            "https://h/x?a=1&PassWd=Xk9mQ2vL mongodb://h/db;PASSWORD=Zq8Lw3eR9",
            "abcdefghijklmnopqrstuvwxyz01234://u:Xk9mQ2vL@h abcdefghijklmnopqrstuvwxyz012345://u:Xk9mQ2vL@h",
            "a://u:Xk9mQ2vL@h ab://u:Xk9mQ2vL@h a+b.c-d://u:Xk9mQ2vL@h 中文postgres://u:Xk9mQ2vL@h",
        ]
        .join("\n")
    }

    /// A start a detector's [`crate::detectors::MayStart`] rules out has no
    /// match, in every fixture and draft and in text made to sit at its edges.
    #[test]
    #[cfg(not(target_family = "wasm"))]
    fn a_start_ruled_out_by_may_start_has_no_match() {
        let edges = connection_edges();
        let text = format!("{}\n{edges}", crate::scan::samples().replace("\\n", "\n"));
        let hay = text.as_bytes();
        let mut checked = 0;
        for d in crate::detectors::REGISTRY {
            let Some(may_start) = crate::detectors::may_start(d.kind) else {
                continue;
            };
            let dfa = starts_dfa(d.kind, "a start filter");
            check_ruled_out(d.kind, &dfa, hay, |_, s| !may_start(hay, s));
            checked += 1;
        }
        assert_eq!(checked, 1, "connection_string");
    }
}
