//! The engine a guard scans with: what the built-in detectors' searches
//! build and keep (their lazy DFAs' states, the backtracker's stacks).
//!
//! Built-in data is immutable and static: the automata blob, the registry,
//! and what is built from them once, on first use — each detector's
//! [`Compiled`] pattern, the set of digit patterns, the keyword automaton.
//! Everything a scan changes belongs to an [`Engine`] value. A
//! [`super::Guard`] holds one (shared by its clones and its live scans); a
//! host that makes many guards can give them one engine
//! ([`super::Guard::with_engine`]) so that they share warmed caches. No scan's
//! path depends on the scans before it: a cache only saves work. Dropping the
//! last guard of an engine drops all it holds.

use std::sync::{Mutex, OnceLock};

use regex_automata::{hybrid, PatternSet};

use super::compiled::{Cache, Compiled};
use super::prefilter;
use crate::detectors::{Prefilter, REGISTRY};
use crate::pattern::automata;

/// The caches of searches with the built-in patterns.
pub struct Engine {
    /// Per registry index, caches of searches with its pattern (one per
    /// search running at once).
    caches: Box<[Mutex<Vec<Cache>>]>,
    /// Caches of searches with the digit set.
    digit_caches: Mutex<Vec<hybrid::dfa::Cache>>,
    /// Caches of searches with the whole-text set.
    whole_caches: Mutex<Vec<hybrid::dfa::Cache>>,
    /// Whether the digit set and the context gates skip searches (results
    /// never depend on them; tests compare with them off).
    pub(super) shortcuts: bool,
}

impl Default for Engine {
    fn default() -> Engine {
        Engine::new()
    }
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("shortcuts", &self.shortcuts)
            .finish_non_exhaustive()
    }
}

impl Engine {
    /// An engine with empty caches.
    pub fn new() -> Engine {
        Engine {
            caches: REGISTRY.iter().map(|_| Mutex::new(Vec::new())).collect(),
            digit_caches: Mutex::new(Vec::new()),
            whole_caches: Mutex::new(Vec::new()),
            shortcuts: true,
        }
    }

    /// An engine that runs every pattern in every window it is planned for
    /// (no digit set, no gates): what the shortcuts must not change.
    #[cfg(test)]
    pub(super) fn without_shortcuts() -> Engine {
        Engine {
            shortcuts: false,
            ..Engine::new()
        }
    }

    /// Builds what a first scan would otherwise build on the way (every
    /// built-in pattern, the digit set, the keyword automaton), so that a
    /// host can pay for it when idle rather than during a keystroke. Results
    /// never depend on it.
    pub fn warm_up(&self) {
        prefilter::warm_up();
        digit_set();
        whole_set();
        for i in 0..REGISTRY.len() {
            compiled(i);
        }
    }

    /// Runs `f` with a cache for searches with `REGISTRY[index]`'s pattern.
    pub(super) fn with_cache<R>(&self, index: usize, f: impl FnOnce(&mut Cache) -> R) -> R {
        pooled(&self.caches[index], Cache::default, f)
    }

    /// Which digit patterns match anywhere in each digit window, all in one
    /// pass: most windows (dates, times, IDs in logs) match none, and then no
    /// detector's own search runs there. `None` with the shortcuts off.
    pub(super) fn digit_hits(
        &self,
        hay: &str,
        digit_windows: &[prefilter::Window],
    ) -> Option<Vec<PatternSet>> {
        if !self.shortcuts || digit_windows.is_empty() {
            return None;
        }
        let set = digit_set();
        Some(pooled(
            &self.digit_caches,
            || set.cache(),
            |cache| {
                digit_windows
                    .iter()
                    .map(|w| set.matches_at(cache, &hay.as_bytes()[..w.end], w.start))
                    .collect()
            },
        ))
    }

    /// Which whole-text patterns (`seed_phrase`, `ip_address`,
    /// `it_fiscal_code`: no keyword or digit window leads to them) match
    /// anywhere in `hay`, in one pass instead of one each: in most text none
    /// does. `None` with the shortcuts off.
    pub(super) fn whole_hits(&self, hay: &str) -> Option<PatternSet> {
        if !self.shortcuts {
            return None;
        }
        let set = whole_set();
        Some(pooled(
            &self.whole_caches,
            || set.cache(),
            |cache| set.matches_at(cache, hay.as_bytes(), 0),
        ))
    }
}

/// Takes a value from `pool` (or makes one), runs `f` with it, puts it back.
fn pooled<T, R>(pool: &Mutex<Vec<T>>, make: impl FnOnce() -> T, f: impl FnOnce(&mut T) -> R) -> R {
    let taken = pool.lock().unwrap_or_else(|p| p.into_inner()).pop();
    let mut v = taken.unwrap_or_else(make);
    let out = f(&mut v);
    pool.lock().unwrap_or_else(|p| p.into_inner()).push(v);
    out
}

/// The compiled pattern of `REGISTRY[index]`, built on first use (immutable).
pub(super) fn compiled(index: usize) -> &'static Compiled {
    static COMPILED: OnceLock<Box<[OnceLock<Compiled>]>> = OnceLock::new();
    let all = COMPILED.get_or_init(|| REGISTRY.iter().map(|_| OnceLock::new()).collect());
    all[index].get_or_init(|| {
        Compiled::new(REGISTRY[index]).expect("detector patterns are tested to compile")
    })
}

/// Whether a detector's pattern is in the digit set.
fn in_digit_set(p: &Prefilter) -> bool {
    matches!(p, Prefilter::Digits(_))
}

/// Whether a detector's pattern is in the whole-text set.
fn in_whole_set(p: &Prefilter) -> bool {
    matches!(p, Prefilter::Always)
}

/// Every digit-prefiltered pattern of the registry in one set, in registry
/// order, built on first use (immutable).
fn digit_set() -> &'static automata::Set {
    static SET: OnceLock<automata::Set> = OnceLock::new();
    SET.get_or_init(|| set_of(in_digit_set))
}

/// Every whole-text pattern of the registry in one set, in registry order,
/// built on first use (immutable).
fn whole_set() -> &'static automata::Set {
    static SET: OnceLock<automata::Set> = OnceLock::new();
    SET.get_or_init(|| set_of(in_whole_set))
}

/// The patterns of the detectors `member` picks, as one set in registry order.
fn set_of(member: fn(&Prefilter) -> bool) -> automata::Set {
    let names: Vec<String> = REGISTRY
        .iter()
        .filter(|d| member(&d.prefilter))
        .map(|d| format!("detector:{}", d.kind))
        .collect();
    automata::Set::of(&names).expect("the blob holds every detector")
}

/// The place of digit-prefiltered `REGISTRY[index]` in the digit set.
pub(super) fn digit_set_index(index: usize) -> usize {
    set_index(index, in_digit_set)
}

/// The place of whole-text `REGISTRY[index]` in the whole-text set.
pub(super) fn whole_set_index(index: usize) -> usize {
    set_index(index, in_whole_set)
}

fn set_index(index: usize, member: fn(&Prefilter) -> bool) -> usize {
    REGISTRY[..index]
        .iter()
        .filter(|d| member(&d.prefilter))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        for i in 0..REGISTRY.len() {
            compiled(i);
        }
    }

    #[test]
    fn each_set_holds_its_patterns_at_their_index() {
        for (member, set, index) in [
            (
                in_digit_set as fn(&Prefilter) -> bool,
                digit_set(),
                digit_set_index as fn(usize) -> usize,
            ),
            (in_whole_set, whole_set(), whole_set_index),
        ] {
            let mut seen = 0;
            for (i, d) in REGISTRY.iter().enumerate() {
                if member(&d.prefilter) {
                    assert_eq!(set.names()[index(i)], format!("detector:{}", d.kind));
                    seen += 1;
                }
            }
            assert!(seen > 0);
            assert_eq!(seen, set.names().len());
        }
    }
}
