//! Compiled patterns and how they are searched.
//!
//! Every pattern is parsed ([`syntax`]) and built into a thompson NFA
//! ([`compile`], with regex-automata's builder) at run time, on first use:
//! the built-in detectors' from the text in the blob ([`automata`], written
//! by `gen/`) and over bytes, the application's custom rules and allowlist
//! patterns in regex-lite's syntax, which they were written for. All are
//! searched by the product's own lazy DFA ([`lazy`]), their capture groups
//! resolved by a backtracker on the match ([`nfa`]): linear time, ASCII
//! classes, ASCII word boundaries and ASCII case folding. Unlike the
//! built-in ones (over bytes), a custom rule's `.` and negated classes
//! match a whole character, never a byte of one, as regex-lite did on text.

pub(crate) mod automata;
mod compile;
pub(crate) mod lazy;
pub(crate) mod literals;
pub(crate) mod nfa;
mod syntax;

#[doc(hidden)]
pub use automata::compiled_nfa;

/// The product's two ways to resolve a match's groups over one NFA: for
/// `gen/tests/`, which checks both against regex-automata's PikeVM. Not
/// part of the API.
#[doc(hidden)]
pub struct AnchoredGroups(nfa::Nfa, nfa::Scratch);

impl AnchoredGroups {
    pub fn new(nfa: &regex_automata::nfa::thompson::NFA) -> Self {
        AnchoredGroups(nfa::Nfa::from_thompson(nfa), nfa::Scratch::default())
    }

    /// The end and capture slots of the leftmost-first match anchored at
    /// `start` in `hay`, as the backtracker finds them and as the Pike VM
    /// (which takes over long matches) does.
    pub fn both(&mut self, hay: &[u8], start: usize) -> [Option<(usize, Vec<Option<usize>>)>; 2] {
        let AnchoredGroups(nfa, scratch) = self;
        let mut run = |pike: bool| {
            let mut slots = Vec::new();
            let end = if pike {
                nfa.pike(hay, start, hay.len(), scratch, &mut slots)
            } else {
                nfa.backtrack(hay, start, hay.len(), scratch, &mut slots)
            };
            end.map(|e| (e, slots))
        };
        [run(false), run(true)]
    }
}

use std::sync::{Arc, Mutex};

use regex_automata::Match;

use compile::{Direction, Over};

/// Compiled program size limit of one pattern, in bytes.
pub(crate) const SIZE_LIMIT: usize = 1 << 20;
/// Program size limit of all allowlist patterns together, in bytes.
const ANY_WHOLE_LIMIT: usize = 16 << 20;
/// Nesting limit of a pattern's syntax.
const NEST_LIMIT: u32 = 64;

/// The error of a pattern whose NFA is larger than `limit` bytes.
fn too_large(limit: usize) -> String {
    format!("compiled pattern exceeds the size limit of {limit} bytes")
}

/// `pattern`'s syntax tree, its forward NFA checked against `limit`.
fn parse(pattern: &str, limit: usize) -> Result<syntax::Hir, String> {
    let hir = syntax::parse(pattern, NEST_LIMIT)?;
    compile::nfa(&hir, Over::Text, Direction::Groups, limit)?;
    Ok(hir)
}

/// What searches with one pattern build and keep for the next (lazy-DFA
/// states, the backtracker's stacks): one per search under way, so a guard
/// shared between threads never waits for another's search.
struct Caches<T>(Mutex<Vec<T>>);

impl<T: Default> Caches<T> {
    /// `f` with a cache of its own, kept for the next search.
    fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        pooled(&self.0, T::default, f)
    }
}

/// Takes a value from `pool` (or makes one), runs `f` with it, puts it back.
pub(crate) fn pooled<T, R>(
    pool: &Mutex<Vec<T>>,
    make: impl FnOnce() -> T,
    f: impl FnOnce(&mut T) -> R,
) -> R {
    let taken = pool.lock().unwrap_or_else(|p| p.into_inner()).pop();
    let mut v = taken.unwrap_or_else(make);
    let out = f(&mut v);
    pool.lock().unwrap_or_else(|p| p.into_inner()).push(v);
    out
}

impl<T> Default for Caches<T> {
    fn default() -> Self {
        Caches(Mutex::new(Vec::new()))
    }
}

/// A clone starts with no caches of its own.
impl<T> Clone for Caches<T> {
    fn clone(&self) -> Self {
        Caches::default()
    }
}

impl<T> std::fmt::Debug for Caches<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Caches")
    }
}

/// A custom rule's pattern.
#[derive(Clone, Debug)]
pub struct Custom {
    matcher: Arc<automata::Matcher>,
    caches: Caches<automata::Cache>,
}

impl Custom {
    /// Compiles `pattern`; the error is one line, fit for the user who wrote it.
    pub fn new(pattern: &str) -> Result<Custom, String> {
        let hir = syntax::parse(pattern, NEST_LIMIT)?;
        let fwd = compile::nfa(&hir, Over::Text, Direction::Groups, SIZE_LIMIT)?;
        // The reverse NFA is the same pattern's: the forward one is the
        // measure, the reverse one only kept within a few times it (a
        // reversed class shares fewer states: `.` has 9 states forward, 17
        // reversed).
        let rev = compile::nfa(&hir, Over::Text, Direction::Reverse, 4 * SIZE_LIMIT)
            .map_err(|_| too_large(SIZE_LIMIT))?;
        Ok(Custom {
            matcher: Arc::new(automata::Matcher::window(fwd, rev)?),
            caches: Caches::default(),
        })
    }

    /// The leftmost-first match in `hay[start..]`; what precedes `start` is
    /// context for `\b` and `^`.
    pub fn find_at(&self, hay: &[u8], start: usize) -> Option<Match> {
        self.caches
            .with(|cache| self.matcher.find_at(cache, hay, start))
    }

    /// The span of the first group whose name `is_value` accepts that took
    /// part in the leftmost-first match in `hay[start..]`.
    pub fn value_span(
        &self,
        hay: &[u8],
        start: usize,
        is_value: fn(Option<&str>) -> bool,
    ) -> Option<(usize, usize)> {
        let slots = self.caches.with(|cache| {
            let m = self.matcher.find_at(cache, hay, start)?;
            self.matcher.groups(cache, hay, m)
        })?;
        (self.capture_names().into_iter().enumerate())
            .filter(|(_, n)| is_value(*n))
            .find_map(|(g, _)| Some((slots[2 * g]?, slots[2 * g + 1]?)))
    }

    /// The name of each capture group, in group order (group 0 first).
    pub fn capture_names(&self) -> Vec<Option<&str>> {
        self.matcher.capture_names()
    }
}

/// Patterns one of which must match a value entirely (allowlist patterns),
/// compiled together into one automaton: a value costs one search however
/// many patterns there are.
#[derive(Clone, Debug)]
pub struct AnyWhole {
    dfa: Arc<lazy::Dfa>,
    caches: Caches<lazy::Cache>,
}

impl AnyWhole {
    /// Compiles `patterns`. Each is parsed and checked on its own, so an
    /// error names the pattern to blame; their syntax trees are then joined
    /// and anchored, `^(?:p₁|p₂|…)$` as a tree: `4242)|(.*` is not a pattern,
    /// so nothing can break out of the anchors.
    pub fn new(patterns: &[String]) -> Result<AnyWhole, (Option<usize>, String)> {
        let mut alternatives = Vec::with_capacity(patterns.len());
        for (i, p) in patterns.iter().enumerate() {
            alternatives.push(parse(p, SIZE_LIMIT).map_err(|e| (Some(i), e))?);
        }
        let whole = syntax::Hir::Concat(vec![
            syntax::Hir::Look(regex_automata::util::look::Look::Start),
            syntax::Hir::alternation(alternatives),
            syntax::Hir::Look(regex_automata::util::look::Look::End),
        ]);
        let too_large = |e| {
            let m = format!(
                "together the patterns do not compile within {ANY_WHOLE_LIMIT} bytes ({e})"
            );
            (None, m)
        };
        let nfa = compile::nfa(&whole, Over::Text, Direction::Anchored, ANY_WHOLE_LIMIT)
            .map_err(too_large)?;
        let dfa = lazy::Dfa::new(nfa, false).map_err(too_large)?;
        Ok(AnyWhole {
            dfa: Arc::new(dfa),
            caches: Caches::default(),
        })
    }

    /// Whether one of the patterns matches all of `value`.
    pub fn matches(&self, value: &[u8]) -> bool {
        if std::str::from_utf8(value).is_err() {
            return false;
        }
        self.caches
            .with(|cache| self.dfa.matches_anchored(cache, value))
    }
}
