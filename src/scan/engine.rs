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

use super::compiled::{Cache, Compiled};
use super::prefilter;
use crate::detectors::{Prefilter, REGISTRY};
use crate::pattern::lazy::{self, Matched};
use crate::pattern::{automata, pooled};

/// The caches of searches with the built-in patterns.
pub struct Engine {
    /// Per registry index, caches of searches with its pattern (one per
    /// search running at once).
    /// Boxed: each search moves its cache out of the pool and back.
    #[allow(clippy::vec_box)]
    caches: Box<[Mutex<Vec<Box<Cache>>>]>,
    /// Caches of searches with the digit set.
    #[allow(clippy::vec_box)]
    digit_caches: Mutex<Vec<Box<lazy::Cache>>>,
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
            shortcuts: true,
        }
    }

    /// An engine that runs every pattern in every window it is planned for
    /// (no digit set, no context gates): what the shortcuts must not change.
    /// The differential test and fuzz target compare with it; slower, and
    /// not part of the API.
    #[doc(hidden)]
    pub fn without_shortcuts() -> Engine {
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
        for i in 0..REGISTRY.len() {
            compiled(i);
        }
    }

    /// Runs `f` with a cache for searches with `REGISTRY[index]`'s pattern.
    pub(super) fn with_cache<R>(&self, index: usize, f: impl FnOnce(&mut Cache) -> R) -> R {
        // Boxed: a search takes its cache out of the pool and puts it back,
        // and a cache is hundreds of bytes (two lazy DFAs' tables and stacks).
        pooled(&self.caches[index], Box::default, |c| f(c))
    }

    /// Which digit patterns match anywhere in each digit window, all in one
    /// pass: most windows (dates, times, IDs in logs) match none, and then no
    /// detector's own search runs there. `None` with the shortcuts off.
    pub(super) fn digit_hits(
        &self,
        hay: &str,
        digit_windows: &[prefilter::Window],
    ) -> Option<Vec<Matched>> {
        if !self.shortcuts || digit_windows.is_empty() {
            return None;
        }
        let set = digit_set();
        Some(pooled(&self.digit_caches, Box::default, |cache| {
            digit_windows
                .iter()
                .map(|w| set.matches_at(cache, &hay.as_bytes()[..w.end], w.start))
                .collect()
        }))
    }
}

/// The compiled pattern of `REGISTRY[index]`, built on first use (immutable).
pub(super) fn compiled(index: usize) -> &'static Compiled {
    static COMPILED: OnceLock<Box<[OnceLock<Compiled>]>> = OnceLock::new();
    let all = COMPILED.get_or_init(|| REGISTRY.iter().map(|_| OnceLock::new()).collect());
    all[index].get_or_init(|| {
        Compiled::new(REGISTRY[index]).expect("detector patterns are tested to compile")
    })
}

/// Every digit-prefiltered pattern of the registry in one set, in registry
/// order, built on first use (immutable).
fn digit_set() -> &'static automata::Set {
    static SET: OnceLock<automata::Set> = OnceLock::new();
    SET.get_or_init(|| {
        let names: Vec<String> = REGISTRY
            .iter()
            .filter(|d| matches!(d.prefilter, Prefilter::Digits(_)))
            .map(|d| format!("detector:{}", d.kind))
            .collect();
        automata::Set::of(&names).expect("the blob holds every detector")
    })
}

/// The place of digit-prefiltered `REGISTRY[index]` in the digit set (a
/// table made once: every planned digit window asks).
pub(super) fn digit_set_index(index: usize) -> usize {
    static PLACES: OnceLock<Box<[usize]>> = OnceLock::new();
    PLACES.get_or_init(|| {
        (0..REGISTRY.len())
            .map(|i| {
                REGISTRY[..i]
                    .iter()
                    .filter(|d| matches!(d.prefilter, Prefilter::Digits(_)))
                    .count()
            })
            .collect()
    })[index]
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
    fn the_digit_set_holds_each_digit_pattern_at_its_index() {
        let mut seen = 0;
        for (i, d) in REGISTRY.iter().enumerate() {
            if let Prefilter::Digits(_) = d.prefilter {
                let at = digit_set_index(i);
                assert_eq!(digit_set().names()[at], format!("detector:{}", d.kind));
                seen += 1;
            }
        }
        assert_eq!(seen, digit_set().names().len());
    }
}
