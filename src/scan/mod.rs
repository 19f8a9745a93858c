//! The engine: normalise → prefilter → regex → validate → context → resolve.
//!
//! Works on UTF-8 byte offsets of the original text; the JS binding converts
//! them to UTF-16 once, at the boundary.

mod compiled;
mod context;
mod custom;
mod engine;
mod interior;
mod live;
mod normalize;
pub mod options;
mod prefilter;
mod resolve;
mod windows;

use std::collections::HashSet;
use std::fmt;
use std::sync::Arc;

use crate::pattern;
use crate::pattern::lazy::Matched;

use crate::detectors::common::inside_longer_number;
use crate::detectors::{
    generic_secret, shape, Confidence, Detector, Evidence, Prefilter, REGISTRY,
};
pub use crate::finding::{Finding, Kind, Reason};
use crate::redact;

use compiled::{Cache, Compiled, Overlong};
pub use context::{AFTER as CONTEXT_AFTER, BEFORE as CONTEXT_BEFORE};
pub use custom::{CustomRule, CHECKSUM_VALIDATORS};
pub use engine::Engine;
pub(crate) use interior::ByteSet;
pub use live::{LiveScan, Rescan};
pub(crate) use normalize::lower;
pub use normalize::Normalized;
pub use options::{
    Field, Options, OptionsError, RuleField, DEFAULT_MAX_INPUT_BYTES, MAX_ALLOWLIST,
    MAX_ALLOWLIST_PATTERNS, MAX_CUSTOM_RULES, MAX_FINDINGS_LIMIT, MAX_INPUT_BYTES_LIMIT,
    MAX_LOCALES,
};
pub(crate) use prefilter::next_digit;
use regex_automata::Match;
pub use windows::{Windows, OVERLAP as WINDOW_OVERLAP};

/// A draft that cannot be scanned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScanError {
    /// The draft is longer than [`Options::max_input_bytes`].
    TooLarge {
        /// Size of the draft in UTF-8 bytes.
        bytes: usize,
        /// The configured limit.
        limit: usize,
    },
}

impl fmt::Display for ScanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScanError::TooLarge { bytes, limit } => write!(
                f,
                "draft too large to scan: {bytes} bytes (UTF-8), the limit is {limit} bytes (option maxInputBytes)"
            ),
        }
    }
}

impl std::error::Error for ScanError {}

/// A configured scanner. Cheap to create; its [`Engine`] compiles each
/// built-in pattern on first use (clones share the engine).
#[derive(Clone, Debug)]
pub struct Guard {
    /// The compiled built-in patterns and their caches.
    engine: Arc<Engine>,
    detectors: Vec<(usize, &'static Detector)>,
    /// Where each of `detectors` runs, worked out once ([`Guard::plan`] reads it per scan).
    places: Vec<Place>,
    /// The slots of `detectors` whose pattern runs over the whole text, in order.
    wholes: Vec<usize>,
    /// The fewest digits a digit window needs for one of `detectors` (`None`: no number detector).
    min_digits: Option<usize>,
    /// `enabled[i]`: `REGISTRY[i]` is in `detectors`.
    enabled: Vec<bool>,
    /// One of `detectors` has keywords or gate words: otherwise the keyword
    /// pass is skipped (its hits would open no window). Worked out once: every
    /// scan asks, and asking walks the registry (~300 instructions a call).
    keywords_on: bool,
    /// The slot of `generic_secret` when a scan may leave its matches unvalidated
    /// ([`Guard::settle`]), else `usize::MAX`.
    deferred: usize,
    /// Custom rules, compiled: owned by this guard (and its clones).
    custom: Vec<Arc<Compiled>>,
    min_confidence: Confidence,
    /// Allowlisted values, compact ([`compact`]).
    allowlist: Arc<HashSet<String>>,
    /// Allowlist patterns, each matching a whole value, in one automaton.
    allow_patterns: Option<Arc<pattern::AnyWhole>>,
    max_input_bytes: usize,
    max_findings: usize,
    include_value: bool,
}

impl Default for Guard {
    fn default() -> Guard {
        Guard::new(Options::default()).expect("default options are valid")
    }
}

impl Guard {
    /// A guard for `options` with an engine of its own; unknown kinds and
    /// absurd limits are errors.
    pub fn new(options: Options) -> Result<Guard, OptionsError> {
        Guard::with_engine(options, Arc::new(Engine::new()))
    }

    /// A guard for `options` that scans with `engine`: guards made with one
    /// engine share its compiled patterns and warmed caches.
    pub fn with_engine(options: Options, engine: Arc<Engine>) -> Result<Guard, OptionsError> {
        let checked = options.check()?;
        let mut custom_rules: Vec<Arc<Compiled>> = Vec::new();
        for (i, rule) in options.custom_rules.iter().enumerate() {
            let c = custom::compiled(rule, &format!("customRules[{i}]"))?;
            custom_rules.push(Arc::new(c));
        }
        let allow_patterns = if options.allowlist_patterns.is_empty() {
            None
        } else {
            let any = pattern::AnyWhole::new(&options.allowlist_patterns).map_err(|(i, e)| {
                OptionsError(match i {
                    Some(i) => format!("allowlistPatterns[{i}]: {e}"),
                    None => format!("allowlistPatterns: {e}"),
                })
            })?;
            Some(Arc::new(any))
        };
        let wanted = |kind: &str| {
            options
                .kinds
                .as_ref()
                .is_none_or(|ks| ks.iter().any(|k| k == kind))
                && !options.exclude_kinds.iter().any(|k| k == kind)
        };
        let custom: Vec<Arc<Compiled>> = custom_rules
            .into_iter()
            .filter(|c| wanted(&c.kind))
            .collect();
        let locales = checked.locales;
        let on_for_locales = |d: &Detector| {
            d.locales.is_empty()
                || locales
                    .as_ref()
                    .is_none_or(|ls| d.locales.iter().any(|l| ls.iter().any(|x| x == l)))
        };
        let detectors: Vec<(usize, &'static Detector)> = REGISTRY
            .iter()
            .enumerate()
            .filter(|(_, d)| match &options.kinds {
                Some(ks) => ks.iter().any(|k| k == d.kind),
                None => on_for_locales(d),
            })
            .filter(|(_, d)| !options.exclude_kinds.iter().any(|k| k == d.kind))
            .filter(|(_, d)| {
                options
                    .categories
                    .as_ref()
                    .is_none_or(|cs| cs.contains(&d.category))
            })
            .map(|(i, d)| (i, *d))
            .collect();
        let allowlist = options
            .allowlist
            .iter()
            .map(|v| compact(v))
            .filter(|v| !v.is_empty())
            .collect();
        let mut enabled = vec![false; REGISTRY.len()];
        for &(i, _) in &detectors {
            enabled[i] = true;
        }
        let places: Vec<Place> = detectors
            .iter()
            .map(|&(index, d)| match d.prefilter {
                Prefilter::Digits(need) => Place::Digits {
                    need: usize::from(need),
                    in_set: engine::digit_set_index(index),
                    // Detectors that need context: only windows near a context word.
                    gated: prefilter::is_gated(index) && engine.shortcuts,
                },
                Prefilter::Keywords { .. } => Place::Keywords,
                Prefilter::Always(_) => Place::Whole,
            })
            .collect();
        let wholes = (0..places.len())
            .filter(|&slot| matches!(places[slot], Place::Whole))
            .collect();
        let min_digits = places
            .iter()
            .filter_map(|p| match *p {
                Place::Digits { need, .. } => Some(need),
                _ => None,
            })
            .min();
        let keywords_on = prefilter::any_keywords(|i| enabled[i]);
        let deferred = (detectors.iter())
            .position(|&(_, d)| engine.shortcuts && d.kind == generic_secret::DETECTOR.kind)
            .unwrap_or(usize::MAX);
        Ok(Guard {
            engine,
            detectors,
            places,
            wholes,
            min_digits,
            enabled,
            keywords_on,
            deferred,
            custom,
            allow_patterns,
            min_confidence: options.min_confidence,
            allowlist: Arc::new(allowlist),
            max_input_bytes: options.max_input_bytes,
            max_findings: checked.max_findings,
            include_value: options.include_value,
        })
    }

    /// The kinds this guard looks for.
    pub fn kinds(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.detectors.iter().map(|(_, d)| d.kind)
    }

    /// Finds sensitive data in `text`. Findings do not overlap and are in text order.
    pub fn scan(&self, text: &str) -> Result<Vec<Finding>, ScanError> {
        self.scan_up_to(text, self.max_findings)
    }

    /// Every finding in `text`, whatever [`Options::max_findings`] says: what
    /// a redaction of the text covers (a prompt that listed a capped scan
    /// redacts every value, not only the listed ones).
    pub fn scan_all(&self, text: &str) -> Result<Vec<Finding>, ScanError> {
        self.scan_up_to(text, usize::MAX)
    }

    /// [`Guard::scan`], returning at most `max` findings.
    fn scan_up_to(&self, text: &str, max: usize) -> Result<Vec<Finding>, ScanError> {
        self.check_size(text)?;
        let norm = Normalized::new(text);
        let hay = norm.as_str();
        let (digit_windows, keyword_windows) = self.prefilter(hay, |_| {}, |_| {});
        let (mut candidates, mut deferred) = (Vec::new(), Vec::new());
        let memo = &mut context::Memo::default();
        self.search_all(
            hay,
            &digit_windows,
            &keyword_windows,
            &mut candidates,
            memo,
            Some(&mut deferred),
            |_, _| {},
        );
        let kept = self.settle(hay, &deferred, candidates, memo);
        Ok(kept
            .into_iter()
            .take(max)
            .map(|c| self.finding(text, &norm, c))
            .collect())
    }

    /// Every pattern of this guard searched in every window the prefilter
    /// opened in `hay`, in plan order ([`Guard::plan`]), skipping the windows
    /// where the digit set says a pattern matches nowhere: the candidates go
    /// to `candidates`, and `after` sees each planned window once its search
    /// is done; with `deferred` (a scan), the matches of [`Guard::deferred`]'s
    /// pattern go there unvalidated ([`Guard::settle`]), and the windows the
    /// digit set rules out are not planned at all (`after` does not see them).
    /// A scan and a live scan's first draft (without `deferred`) both run this;
    /// `memo` serves every candidate of `hay`, those [`Guard::settle`] scores too.
    #[allow(clippy::too_many_arguments)]
    fn search_all(
        &self,
        hay: &str,
        digit_windows: &[prefilter::Window],
        keyword_windows: &prefilter::KeywordWindows,
        candidates: &mut Vec<resolve::Candidate>,
        memo: &mut context::Memo,
        mut deferred: Option<&mut Vec<Match>>,
        mut after: impl FnMut(Planned, &mut Vec<resolve::Candidate>),
    ) {
        let digit_hits = self.engine.digit_hits(hay, digit_windows);
        // A scan plans no window the digit set rules out; a live scan's first
        // draft (no `deferred`) keeps every planned window for `after`.
        let ruled = digit_hits.as_deref().filter(|_| deferred.is_some());
        self.plan(
            hay.len(),
            digit_windows,
            keyword_windows,
            0..hay.len(),
            ruled,
            |p| {
                if p.may_match(digit_hits.as_deref()) {
                    let w = p.window;
                    let defer = deferred.as_deref_mut().filter(|_| p.slot == self.deferred);
                    self.search(hay, w.start, w.end, w.end, p.slot, candidates, memo, defer);
                }
                after(p, candidates);
            },
        );
    }

    /// Builds what a first scan would build on the way (see [`Engine::warm_up`]).
    pub fn warm_up(&self) {
        self.engine.warm_up();
    }

    /// The engine this guard scans with.
    pub fn engine(&self) -> &Arc<Engine> {
        &self.engine
    }

    /// The most findings a scan returns ([`Options::max_findings`]; `usize::MAX`: all).
    pub fn max_findings(&self) -> usize {
        self.max_findings
    }

    /// Refuses a draft longer than the limit.
    fn check_size(&self, text: &str) -> Result<(), ScanError> {
        if text.len() > self.max_input_bytes {
            return Err(ScanError::TooLarge {
                bytes: text.len(),
                limit: self.max_input_bytes,
            });
        }
        Ok(())
    }

    /// The prefilter's pass over normalised text `hay`: the digit windows and
    /// the keyword windows per registry index, built from every digit cluster
    /// with enough digits for one of this guard's number detectors and every
    /// keyword and gate-word hit, which `hit` and `cluster` see on the way (a
    /// live scan keeps them; a full scan passes `|_| {}`). A full scan and a
    /// live scan's first draft both start from this.
    fn prefilter(
        &self,
        hay: &str,
        hit: impl FnMut(&prefilter::Hit),
        cluster: impl FnMut(&prefilter::Cluster),
    ) -> (Vec<prefilter::Window>, prefilter::KeywordWindows) {
        let digit_windows = match self.min_digits {
            Some(n) => prefilter::digit_windows_from(
                hay,
                prefilter::clusters(hay, 0, hay.len())
                    .filter(|c| c.digits >= n)
                    .inspect(cluster),
            ),
            None => Vec::new(),
        };
        let keyword_windows = if self.keywords_on {
            let hits = prefilter::keyword_hits(hay, 0, hay.len());
            hits.iter().for_each(hit);
            prefilter::keyword_windows_from(hay, &hits, &self.enabled, self.engine.shortcuts)
        } else {
            prefilter::KeywordWindows::default()
        };
        (digit_windows, keyword_windows)
    }

    /// Patterns this guard runs: its registry detectors in registry order, then its custom rules.
    fn slots(&self) -> usize {
        self.detectors.len() + self.custom.len()
    }

    /// The compiled pattern of slot `slot` (see [`Guard::slots`]); a
    /// detector's pattern is compiled the first time it has a window, so the
    /// first scan of an ordinary draft compiles only what it needs.
    fn slot(&self, slot: usize) -> &Compiled {
        match self.detectors.get(slot) {
            Some(&(index, _)) => engine::compiled(index),
            None => &self.custom[slot - self.detectors.len()],
        }
    }

    /// Calls `run` for each window a pattern runs in that overlaps `within`,
    /// in the order a scan collects candidates (slot by slot, windows in text
    /// order), given the prefilter's windows of a text of `len` bytes. `scan`
    /// (`within` the whole text) and [`LiveScan`] (around an edit) both plan
    /// with this, so both run every pattern in exactly the same places. With
    /// `ruled` (the digit set's answer per digit window), a digit window where
    /// the pattern matches nowhere is left out: a search there finds nothing
    /// ([`Planned::may_match`]), and asking per slot and window, most of them
    /// ruled out, was a tenth of a scan of a log line.
    fn plan(
        &self,
        len: usize,
        digit_windows: &[prefilter::Window],
        keyword_windows: &prefilter::KeywordWindows,
        within: std::ops::Range<usize>,
        ruled: Option<&[Matched]>,
        mut run: impl FnMut(Planned),
    ) {
        // A full scan plans every window: no search for the first and last.
        let all = within.start == 0 && within.end >= len;
        let overlapping = |list: &[prefilter::Window]| {
            if all {
                return 0..list.len();
            }
            let first = list.partition_point(|w| w.end <= within.start);
            let last = first + list[first..].partition_point(|w| w.start < within.end);
            first..last
        };
        let whole = prefilter::Window {
            start: 0,
            end: len,
            digits: 0,
        };
        let whole = (len > 0 && within.start < len && within.end > 0).then_some(whole);
        let run_whole = |slot: usize, run: &mut dyn FnMut(Planned)| {
            if let Some(window) = whole {
                run(Planned {
                    slot,
                    window,
                    digit: None,
                });
            }
        };
        // Most drafts open no window: then only the whole-text patterns run.
        let windowless = digit_windows.is_empty() && keyword_windows.is_empty();
        let planned = if windowless {
            self.wholes.len()
        } else {
            self.detectors.len()
        };
        // Slices: at `opt-level = "z"` indexing a `Vec` stays a call.
        let (detectors, places, wholes) = (&*self.detectors, &*self.places, &*self.wholes);
        let anywhere = ruled.map_or(Matched::ALL, Matched::any);
        for slot in (0..planned).map(|k| if windowless { wholes[k] } else { k }) {
            let (index, place) = (detectors[slot].0, places[slot]);
            match place {
                Place::Digits {
                    need,
                    in_set,
                    gated,
                } => {
                    if !anywhere.contains(in_set) {
                        continue;
                    }
                    let gates = gated.then(|| keyword_windows.of(index));
                    for i in overlapping(digit_windows) {
                        let w = digit_windows[i];
                        if w.digits >= need
                            && ruled.is_none_or(|r| r[i].contains(in_set))
                            && gates.is_none_or(|g| prefilter::gate_open(g, &w))
                        {
                            run(Planned {
                                slot,
                                window: w,
                                digit: Some((i, in_set)),
                            });
                        }
                    }
                }
                Place::Keywords => {
                    let list = keyword_windows.of(index);
                    for w in &list[overlapping(list)] {
                        run(Planned {
                            slot,
                            window: *w,
                            digit: None,
                        });
                    }
                }
                Place::Whole => run_whole(slot, &mut run),
            }
        }
        for slot in self.detectors.len()..self.slots() {
            run_whole(slot, &mut run);
        }
    }

    /// Scans `text` and replaces every finding as `options` say.
    pub fn redact(
        &self,
        text: &str,
        options: &redact::RedactOptions,
    ) -> Result<redact::Redacted, ScanError> {
        let mut findings = self.scan_up_to(text, usize::MAX)?;
        let text = redact::apply(text, &findings, options);
        findings.truncate(self.max_findings);
        Ok(redact::Redacted { text, findings })
    }

    /// Runs one pattern over part of a window, keeping validated candidates:
    /// the matches that start in `from..to` when the window's search runs
    /// over `hay[..end]`. A whole window is `from..to` = `start..end`; a
    /// live scan re-runs part of one, between bytes that no match holds past
    /// its first ([`interior`]), where the matches are the same.
    #[allow(clippy::too_many_arguments)]
    fn search(
        &self,
        hay: &str,
        from: usize,
        to: usize,
        end: usize,
        slot: usize,
        out: &mut Vec<resolve::Candidate>,
        memo: &mut context::Memo,
        defer: Option<&mut Vec<Match>>,
    ) {
        let c = self.slot(slot);
        match self.detectors.get(slot) {
            Some(&(index, _)) => self.engine.with_cache(index, |cache| {
                self.search_with(hay, from, to, end, c, cache, out, memo, defer);
            }),
            None => {
                let cache = &mut Cache::default();
                self.search_with(hay, from, to, end, c, cache, out, memo, defer)
            }
        }
    }

    /// [`Guard::search`] with pattern `c` and a cache for it.
    #[allow(clippy::too_many_arguments)]
    fn search_with(
        &self,
        hay: &str,
        from: usize,
        to: usize,
        end: usize,
        c: &Compiled,
        cache: &mut Cache,
        out: &mut Vec<resolve::Candidate>,
        memo: &mut context::Memo,
        mut defer: Option<&mut Vec<Match>>,
    ) {
        let bytes = hay.as_bytes();
        let mut pos = from;
        let mut ahead = compiled::Ahead::default();
        while pos < to {
            let found = c.find_next(cache, &bytes[..end], pos, &mut ahead, self.engine.shortcuts);
            let Some(m) = found else {
                break;
            };
            // In a whole window, only an empty match at its end starts at `to`: it finds nothing.
            if m.start() >= to {
                break;
            }
            if !c.is_number {
                let accepted = match defer.as_deref_mut().filter(|_| c.has_no_bounds()) {
                    Some(d) => {
                        d.push(m);
                        Ok(None)
                    }
                    None => self.accept_value(hay, m, c, cache, memo),
                };
                pos = match accepted {
                    // Not a match of the detector's pattern: the next start is the next byte.
                    Err(Overlong) => next_char(hay, m.start()),
                    Ok(found) => {
                        out.extend(found);
                        // An empty match (a custom rule's `a*`, `^`, `\b`) must still move on.
                        if m.is_empty() {
                            next_char(hay, m.end())
                        } else {
                            m.end()
                        }
                    }
                };
                continue;
            }
            match self.accept(hay, m.start(), m.end(), c, cache, memo) {
                Some(found) => {
                    pos = found.end;
                    out.push(found);
                }
                // Not valid as matched: try again from the next group (a shorter
                // shape may start there: "Tel. 0049 30 12345678"); what the
                // groups in front make part of a longer number is still
                // rejected (`inside_longer_number`).
                None => pos = next_group(bytes, m.start(), m.end()),
            }
        }
    }

    /// `candidates` and those of the `deferred` matches of `generic_secret`
    /// (searched, not yet validated), resolved ([`resolve::non_overlapping`]).
    /// A match whose value lies inside a candidate of a higher priority, from
    /// its earliest start ([`generic_secret::value_after`]) to its end, is not
    /// validated: where that candidate is kept, it wins the overlap, so the
    /// secret's candidate changes nothing (it is no label, so it ranks no
    /// other; a labelled one it would make a piece of is a piece of the holder
    /// too). Where a holder is not kept, the matches left are validated after
    /// all and every candidate is resolved again. Most of what an API key or a
    /// JWT after `token:` cost went into validating it as a secret too.
    fn settle(
        &self,
        hay: &str,
        deferred: &[Match],
        mut candidates: Vec<resolve::Candidate>,
        memo: &mut context::Memo,
    ) -> Vec<resolve::Candidate> {
        let (Some(&(index, secret)), false) =
            (self.detectors.get(self.deferred), deferred.is_empty())
        else {
            return resolve::non_overlapping(candidates);
        };
        let held: Vec<Option<usize>> = (deferred.iter())
            .map(|m| {
                let from = generic_secret::value_after(hay.as_bytes(), m.start(), m.end());
                candidates.iter().position(|x| {
                    x.kind.priority() > secret.priority && x.start <= from && m.end() <= x.end
                })
            })
            .collect();
        let c = self.slot(self.deferred);
        // First those no candidate holds; then, if a holder is not kept, the others.
        for round in [false, true] {
            self.engine.with_cache(index, |cache| {
                for (&m, h) in deferred.iter().zip(&held) {
                    if h.is_some() == round {
                        let found = self.accept_value(hay, m, c, cache, memo);
                        candidates.extend(found.ok().flatten());
                    }
                }
            });
            let refs: Vec<&resolve::Candidate> = candidates.iter().collect();
            let kept = resolve::kept(&refs);
            if round || held.iter().flatten().all(|x| kept.contains(x)) {
                return resolve::take(candidates, kept);
            }
        }
        unreachable!("the second round returns")
    }

    /// Validates the match `[s, e)`, shortening it group by group from the
    /// right until valid ("4111 1111 1111 1111 123" → the card without the
    /// CVV), but never to a part of a longer number (order and tracking
    /// numbers, an IBAN that fails its check: `inside_longer_number`).
    fn accept(
        &self,
        hay: &str,
        s: usize,
        mut e: usize,
        c: &Compiled,
        cache: &mut Cache,
        memo: &mut context::Memo,
    ) -> Option<resolve::Candidate> {
        let bytes = hay.as_bytes();
        loop {
            if isolated(bytes, s, e) && !inside_longer_number(c.kind.as_str(), bytes, s, e) {
                if let Ok(valid) = c.kind.validate(&hay[s..e]) {
                    return self.score(hay, s, e, c, valid, memo);
                }
            }
            let cut = bytes[s..e].iter().rposition(|&b| shape::is_separator(b))? + s;
            let m = c
                .find_at(cache, &bytes[..cut], s)
                .filter(|m| m.start() == s)?;
            e = m.end();
        }
    }

    /// Validates a pattern match `m`; the span is its `value` group if it
    /// has one. `Err` if it is no match of the detector's pattern
    /// ([`Compiled::value_span`]).
    fn accept_value(
        &self,
        hay: &str,
        m: Match,
        c: &Compiled,
        cache: &mut Cache,
        memo: &mut context::Memo,
    ) -> Result<Option<resolve::Candidate>, Overlong> {
        let (vs, ve, group) = if c.has_values() {
            // Groups only over the match already found: cheap.
            match c.value_span(cache, hay.as_bytes(), m)? {
                Some(span) => span,
                None => return Ok(None),
            }
        } else {
            (m.start(), m.end(), None)
        };
        Ok(self.validate_value(hay, vs, ve, group, c, memo))
    }

    /// Validates the value `hay[vs..ve]` of a match, of the alternative
    /// `group` names if the detector has [`crate::detectors::ByGroup`].
    fn validate_value(
        &self,
        hay: &str,
        vs: usize,
        ve: usize,
        group: Option<&str>,
        c: &Compiled,
        memo: &mut context::Memo,
    ) -> Option<resolve::Candidate> {
        if vs == ve || !hay.is_char_boundary(vs) || !hay.is_char_boundary(ve) {
            return None;
        }
        let value = &hay[vs..ve];
        // The alternative that matched is known from the groups: validation and
        // preview need not find it again (the API-key table's row).
        let by_group = c.kind.by_group().zip(group);
        let valid = match by_group {
            Some((b, g)) => (b.validate)(value, g),
            None => c.kind.validate(value),
        }
        .ok()?;
        let mut found = self.score(hay, vs, ve, c, valid, memo)?;
        found.preview = by_group.map(|(b, g)| (b.preview)(value, g));
        Some(found)
    }

    /// Applies context, the allowlist and the confidence floor.
    fn score(
        &self,
        hay: &str,
        s: usize,
        e: usize,
        c: &Compiled,
        valid: crate::detectors::Valid,
        memo: &mut context::Memo,
    ) -> Option<resolve::Candidate> {
        let scoring = c.kind.scoring();
        if self.allowlist.contains(&valid.compact)
            || self
                .allow_patterns
                .as_ref()
                .is_some_and(|any| any.matches(&hay.as_bytes()[s..e]))
        {
            return None;
        }
        let (around, split) = memo.arounds.of(hay, s, e);
        let ctx = c.context.find(around).filter(|_| match valid.evidence {
            Evidence::Named(words) => context::names_any(around, words),
            _ => true,
        });
        let labelled = valid.evidence == Evidence::Labelled;
        let neg = if ctx.is_none() || labelled {
            c.negative.find(around)
        } else {
            None
        };
        // A labelled shape is only as good as a weak one without a label (a
        // context word before it: "电话 16076910180", not a closing "有问题再联系"
        // after it) or next to a negative word too.
        let weak = valid.weak
            || (labelled && (neg.is_some() || c.context.find(&around[..split]).is_none()));
        let alone = match valid.evidence {
            Evidence::Strong if neg.is_none() => scoring.alone.map(|_| scoring.with_context),
            Evidence::Labelled => None,
            _ => scoring.alone,
        };
        let mut confidence = match (ctx.is_some(), weak) {
            (true, false) => Some(scoring.with_context),
            (true, true) => scoring.with_context.lowered(),
            (false, false) => alone,
            (false, true) => None,
        };
        if neg.is_some() && ctx.is_none() {
            confidence = confidence.and_then(Confidence::lowered);
        }
        // A documentation example (issue 14 item 13): shown, never a prompt.
        let example = confidence
            .filter(|c| *c > Confidence::Low)
            .and_then(|_| context::example_signal(hay, s, e, &mut memo.quiet));
        if example.is_some() {
            confidence = Some(Confidence::Low);
        }
        let confidence = confidence.filter(|c| *c >= self.min_confidence)?;
        let mut reasons = valid.reasons;
        if let Some(w) = ctx {
            reasons.push(Reason::Context(w.clone()));
        }
        if let Some(w) = neg {
            reasons.push(Reason::Unlikely(w.clone()));
        }
        if let Some(w) = example {
            reasons.push(Reason::Unlikely(w));
        }
        let labels = if ctx.is_some() {
            context::labels(&c.context, s, e, around, split)
        } else {
            Vec::new()
        };
        let qualified = (labels.iter()).any(|&(ls, _)| resolve::is_qualifier(hay, e, ls));
        Some(resolve::Candidate {
            kind: c.kind.clone(),
            start: s,
            end: e,
            confidence,
            reasons,
            preview: None,
            labels,
            qualified,
        })
    }

    /// The finding for a kept candidate, in offsets of the original `text`.
    fn finding(&self, text: &str, norm: &Normalized, c: resolve::Candidate) -> Finding {
        let start = norm.start_to_original(c.start);
        let end = norm.end_to_original(c.end);
        let value = &text[start..end];
        // A preview made from the normalised value holds for the value as typed
        // only if normalising changed nothing in it.
        let preview = match c.preview {
            Some(p) if value == &norm.as_str()[c.start..c.end] => p,
            _ => crate::mask::preview(value, &c.kind),
        };
        Finding {
            category: c.kind.category(),
            start,
            end,
            confidence: c.confidence,
            reasons: c.reasons,
            preview,
            value: self.include_value.then(|| value.to_string()),
            kind: c.kind,
        }
    }
}

/// `false` if `[s, e)` is one link of a chain joined by `-`, `.`, `/` or `_`
/// (UUIDs, version strings, dates, IP addresses, file names), or touches a letter or digit.
fn isolated(b: &[u8], s: usize, e: usize) -> bool {
    let joiner = |c: u8| matches!(c, b'-' | b'.' | b'/' | b'_');
    let touches = |at: usize, beyond: Option<usize>| {
        b[at].is_ascii_alphanumeric()
            || (joiner(b[at]) && beyond.is_some_and(|i| b[i].is_ascii_alphanumeric()))
    };
    let left = s > 0 && touches(s - 1, s.checked_sub(2));
    let right = e < b.len() && touches(e, Some(e + 1).filter(|&i| i < b.len()));
    !left && !right
}

/// The first char boundary after byte `i` (`i + 1` at or past the end).
fn next_char(hay: &str, i: usize) -> usize {
    let mut j = i + 1;
    while j < hay.len() && !hay.is_char_boundary(j) {
        j += 1;
    }
    j
}

/// Where to look next after a failed match at `[s, e)`: the start of its
/// second group, or its end if it has no separator.
fn next_group(b: &[u8], s: usize, e: usize) -> usize {
    b[s..e]
        .iter()
        .position(|&c| shape::is_separator(c))
        .map_or(e, |p| s + p + 1)
}

/// Values compared by the allowlist: alphanumerics only, upper-cased.
fn compact(v: &str) -> String {
    shape::alnum_upper(Normalized::new(v).as_str())
}

/// Where a detector's pattern runs (see [`Guard::plan`]), from its
/// [`Prefilter`] and the engine, worked out when the guard is made.
#[derive(Clone, Copy, Debug)]
enum Place {
    /// Around digit clusters of at least `need` digits; `in_set`: the
    /// pattern's place in the engine's digit set; `gated`: only near one of
    /// its context words ([`prefilter::is_gated`], with the engine's shortcuts on).
    Digits {
        need: usize,
        in_set: usize,
        gated: bool,
    },
    /// Around its keywords.
    Keywords,
    /// Over the whole text.
    Whole,
}

/// A window a pattern runs in (see [`Guard::plan`]).
#[derive(Clone, Copy, Debug)]
struct Planned {
    /// Which pattern ([`Guard::slot`]).
    slot: usize,
    window: prefilter::Window,
    /// For a digit window: its index and the pattern's place in [`digit_set`].
    digit: Option<(usize, usize)>,
}

impl Planned {
    /// `false` if the digit set says the pattern matches nowhere in the window
    /// (then a search finds nothing, so it is skipped).
    fn may_match(&self, digit_hits: Option<&[Matched]>) -> bool {
        match (self.digit, digit_hits) {
            (Some((i, in_set)), Some(hits)) => hits[i].contains(in_set),
            _ => true,
        }
    }
}

/// Every fixture and sample draft in one text (for tests that compare two
/// ways of finding the same thing).
#[cfg(test)]
pub(crate) fn samples() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests");
    let mut text = String::new();
    for sub in ["fixtures", "drafts"] {
        for entry in std::fs::read_dir(format!("{dir}/{sub}")).expect("test data") {
            text += &std::fs::read_to_string(entry.expect("entry").path()).expect("UTF-8");
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Findings of a default guard with the digit set and gates, and without.
    fn with_and_without_shortcuts(text: &str) -> (Vec<Finding>, Vec<Finding>) {
        let with = Guard::default().scan(text).expect("scan");
        let plain = Arc::new(Engine::without_shortcuts());
        let without = Guard::with_engine(Options::default(), plain)
            .expect("default options")
            .scan(text)
            .expect("scan");
        (with, without)
    }

    /// Every match of `generic_secret` in the fixtures and drafts: its value
    /// (the captures) starts where [`generic_secret::value_after`] says it can at the earliest, or later.
    #[test]
    fn a_secrets_value_starts_after_what_its_match_says() {
        let text = samples();
        let hay = Normalized::new(&text);
        let bytes = hay.as_str().as_bytes();
        let index = REGISTRY.iter().position(|d| d.kind == "generic_secret");
        let c = engine::compiled(index.expect("generic_secret"));
        assert!(c.has_no_bounds());
        let mut cache = Cache::default();
        let (mut pos, mut checked) = (0, 0);
        while let Some(m) = c.find_at(&mut cache, bytes, pos) {
            let from = generic_secret::value_after(bytes, m.start(), m.end());
            if let Ok(Some((vs, ve, _))) = c.value_span(&mut cache, bytes, m) {
                assert!(
                    from <= vs && ve == m.end(),
                    "{:?}",
                    &hay.as_str()[m.range()]
                );
                checked += 1;
            }
            pos = m.end().max(m.start() + 1);
        }
        assert!(checked > 30, "{checked}");
    }

    /// A secret whose value lies inside a candidate that loses its overlap to
    /// a third: the secret is validated after all and found ([`Guard::settle`]),
    /// as it is without shortcuts and by a live scan.
    #[test]
    fn a_secret_inside_a_candidate_that_is_not_kept_is_found() {
        let options = || Options {
            custom_rules: vec![CustomRule::new("ticket_ref", r"Zq8v[A-Za-z0-9]+ 4111")],
            ..Options::default()
        };
        let guard = Guard::new(options()).expect("options");
        let kinds = |found: &[Finding]| -> Vec<String> {
            found.iter().map(|f| f.kind.as_str().to_string()).collect()
        };
        let text = "token: Zq8vR2mXk4Lp9TnW3sYb7HdC 4111 1111 1111 1111 thanks";
        let found = guard.scan(text).expect("scan");
        assert_eq!(kinds(&found), ["generic_secret", "credit_card"]);
        let plain = Arc::new(Engine::without_shortcuts());
        let without = Guard::with_engine(options(), plain).expect("options");
        assert_eq!(found, without.scan(text).expect("scan"));
        let mut live = LiveScan::new(guard.clone());
        assert_eq!(found, live.update(text).expect("scan"));
        // Without the third, the holder wins and the secret is not validated.
        let text = "token: Zq8vR2mXk4Lp9TnW3sYb7HdC 4111 thanks";
        assert_eq!(kinds(&guard.scan(text).expect("scan")), ["ticket_ref"]);
    }

    #[test]
    fn the_digit_set_changes_no_finding() {
        // Every fixture and draft in one text: many digit windows.
        let text = samples();
        let hay = Normalized::new(&text);
        let windows = prefilter::digit_windows(hay.as_str(), 5).len();
        assert!(windows > 100, "{windows}");
        let (with, without) = with_and_without_shortcuts(&text);
        assert!(with.len() > 300, "{}", with.len());
        assert_eq!(with, without);
    }

    #[test]
    fn gated_number_detectors_find_the_same_with_and_without_gates() {
        let gated: Vec<&str> = (0..REGISTRY.len())
            .filter(|&i| prefilter::is_gated(i))
            .map(|i| REGISTRY[i].kind)
            .collect();
        let gated_kinds = ["us_aba_routing", "bank_account"];
        assert_eq!(gated, gated_kinds);
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut texts: Vec<String> = ["bank_account", "us_aba_routing", "iban", "credit_card"]
            .iter()
            .map(|k| std::fs::read_to_string(format!("{dir}/{k}.txt")).expect("fixture"))
            .collect();
        // A label at every distance before and after, in every case and
        // script, with multi-byte filler: the gate must reach as far as context does.
        for label in [
            "Account number",
            "KONTONUMMER",
            "账号",
            "routing no",
            "a/c",
            "\u{212A}ontonummer",
        ] {
            for filler in ["x ", "é ", "中", "  ", "-"] {
                for n in 0..60 {
                    let gap = filler.repeat(n);
                    texts.push(format!("{label}{gap} 12345678 and 021000021"));
                    texts.push(format!("12345678 or 021000021{gap}{label}"));
                }
            }
        }
        let mut found = 0;
        for text in &texts {
            let (gated, ungated) = with_and_without_shortcuts(text);
            assert_eq!(gated, ungated, "{text:?}");
            found += gated
                .iter()
                .filter(|f| gated_kinds.contains(&f.kind.as_str()))
                .count();
        }
        assert!(found > 100, "the texts must hold gated findings ({found})");
    }

    #[test]
    fn scopes_change_no_finding() {
        // Each detector with a scope, found with its scope and by a pass over
        // the whole text, at every offset modulo 16 (the fiscal code's probes
        // look at every eighth byte) and next to every kind of neighbour: word
        // bytes, `_`, dots and colons (an address's chain), non-ASCII, line ends.
        let values = [
            "RSSMRA85T10A562S",
            "CLMSFO88D52F839P",
            "RSSMRA85T10A56NH",
            "84.17.45.201",
            "2a02:8070:a1c2:4e00:d5f1:3b2a:91c4:7e10",
            "2001:4860:4860::8888",
            "host.84.17.45.201.example",
            "84.17.45.201:8080",
            // Two dots, one colon: not enough alone, enough with a neighbour.
            "84.17.45",
            "2a00:1450",
            "2a00::1",
        ];
        let neighbours = [
            "", " ", "x", "_", ".", ":", "9", "é", "\n", "-", "IP ", "cf: ",
        ];
        let mut text = String::new();
        for (i, v) in values.iter().enumerate() {
            for pad in 0..16 {
                for (j, before) in neighbours.iter().enumerate() {
                    let after = neighbours[(i + j + pad) % neighbours.len()];
                    text += &format!("{}{before}{v}{after} fiscal code, ip\n", "a".repeat(pad));
                }
            }
            // Words of 15, 16 and 17 bytes, and runs of digits without a dot or colon.
            text += "RSSMRA85T10A562 RSSMRA85T10A562SX 2024 x86_64 ";
        }
        text += &seed_phrases();
        text += &samples();
        let (with, without) = with_and_without_shortcuts(&text);
        for (kind, least) in [
            ("ip_address", 100),
            ("it_fiscal_code", 100),
            ("seed_phrase", 250),
        ] {
            let found = with.iter().filter(|f| f.kind == kind).count();
            assert!(found > least, "{kind}: {found}");
        }
        assert_eq!(with, without);
    }

    /// Seed phrases of every length in every form the pattern allows, shifted
    /// by 0–47 bytes and next to what makes or breaks a chain of words, with
    /// near misses: 11 words, a word of 1, 2 or 9 letters or a sentence end
    /// inside, a letter or digit glued on, and runs of exactly 47 bytes.
    #[allow(clippy::disallowed_methods)] // capitals made with std's case mapping
    fn seed_phrases() -> String {
        let phrases = [
            "tree jaguar success sadness curious observe mystery harbor come purity right path",
            "already abstract loyal seed rail walnut panel clutch jealous retire scene fit pottery gym practice",
            "live arm gospel bundle cricket track tattoo obvious capital divorce brave stomach pyramid gather consider seven grain fade",
            "promote gossip tunnel autumn because captain web gaze bus jelly final scrub figure peanut force manual skull rocket ability benefit romance",
            "apology foot venture great feed dad meat letter possible sail enable era trade dignity bus oak tribe autumn sphere melt stay exile spin unique",
            // Twelve words of three letters (47 bytes), checksum failing: found next to "seed".
            "car art add ice pet tip bag egg dog cat sun box",
        ];
        let joined = |words: &[&str], f: &dyn Fn(usize, &str) -> String, sep: &str| {
            let items: Vec<String> = words.iter().enumerate().map(|(i, w)| f(i, w)).collect();
            items.join(sep)
        };
        let plain = |_: usize, w: &str| w.to_string();
        let mut forms = Vec::new();
        for p in phrases {
            let w: Vec<&str> = p.split(' ').collect();
            forms.extend([
                p.to_string(),
                w.join("\n"),
                w.join("\r\n"),
                w.join(", "),
                w.join(","),
                w.join("\t"),
                joined(&w, &|i, w| format!("{}. {w}", i + 1), "\n"),
                joined(&w, &|i, w| format!("{}) {w}", i + 1), " "),
                joined(&w, &|i, w| format!("{}: {w}", i + 1), "\r\n"),
                joined(&w, &|i, w| format!("{:02}.{w}", i + 1), " "),
                joined(&w, &|_, w| w[..1].to_uppercase() + &w[1..], " "),
                p.to_uppercase(),
                w[0][..1].to_uppercase() + &p[1..],
                joined(&w[..11], &plain, " "),
                format!("{} adventure {}", w[..6].join(" "), w[6..].join(" ")),
                format!("{} of {}", w[..6].join(" "), w[6..].join(" ")),
                format!("{} a {}", w[..5].join(" "), w[5..].join(" ")),
                format!("{}. {}", w[..7].join(" "), w[7..].join(" ")),
                format!("{} {}", w[..6].join(" ").to_uppercase(), w[6..].join(" ")),
                format!("x{p}9"),
                format!("9{p}_"),
                format!("1. {p} 25"),
                format!("({p})"),
                format!("seed phrase: -{p}-"),
            ]);
        }
        let neighbours = [
            "",
            " ",
            "seed phrase ",
            "wallet:\n",
            "x",
            "9",
            "é",
            ".",
            "\n",
            "-",
            "a",
        ];
        let mut text = String::new();
        for (i, form) in forms.iter().cycle().take(4 * forms.len()).enumerate() {
            let pad = i % 48;
            let before = neighbours[i % neighbours.len()];
            let after = neighbours[(i / 3) % neighbours.len()];
            text += &format!("{} {before}{form}{after}\nseed\n", "-".repeat(pad));
        }
        text
    }

    /// A window that lacks what its detector's `Needs` say every finding
    /// holds (a word, enough digits) is not searched: the same findings as
    /// when every window is, with values of every kind that has `Needs` next
    /// to URLs, keys, digits and `@`s that make or break them, near misses
    /// beside them, and for each kind some windows ruled out.
    #[test]
    fn windows_without_what_findings_need_hold_no_finding() {
        // (kind, value); `missed` makes each value's near miss.
        let values = [
            (
                "connection_string",
                "postgres://app:Xk9mQ2vLr8@db.internal:5432/app",
            ),
            (
                "connection_string",
                "jdbc:mysql://h:3306/db?user=app&password=Tr0ub4dor3x",
            ),
            (
                "connection_string",
                "jdbc:oracle:thin:scott/Xk9mQ2vA7@h:1521:orcl",
            ),
            ("connection_string", "sqlplus -s admin/Pa55w0rdX9@db"),
            (
                "connection_string",
                "Server=db1;Database=app;User Id=sa;Password=Zq8Lw3eR9t;",
            ),
            (
                "connection_string",
                "Data Source=h;Initial Catalog=x;uid=a;Pwd=Q7wErT5yU2",
            ),
            ("connection_string", "https://h/x?token=1&PassWd=Xk9mQ2vL4p"),
            ("passport_number", "my passport number is 533401227"),
            ("ca_sin", "my SIN is 130 692 544"),
        ];
        let missed = |v: &str| {
            let v = v
                .replace('@', "/")
                .replace("assw", "ass_w")
                .replace("wd", "w_d");
            // Fewer digits than a finding holds.
            v.replace("533401227", "ABCDEFGHI")
                .replace("130 692 544", "130 692 54")
        };
        let breakers = [
            "see https://docs.example.org/setup and ",
            "git clone https://github.com/a/b.git; ",
            "server=db1 host=db2 uid=x ",
            "mail bob@corp.io or ",
            "",
        ];
        // Far enough apart that each line's windows are its own.
        let gap = "lorem ipsum dolor sit amet ".repeat(16);
        let mut text = String::new();
        for (i, (_, v)) in values.iter().enumerate() {
            for (j, b) in breakers.iter().enumerate() {
                let after = breakers[(i + j + 1) % breakers.len()];
                text += &format!("{b}{v} {after}\n{gap}\n");
                text += &format!("{b}{} {after}\n{gap}\n", missed(v));
            }
        }
        let engine = Arc::new(Engine::new());
        let guard = Guard::with_engine(Options::default(), engine).expect("default options");
        let hay = Normalized::new(&text);
        let hits = prefilter::keyword_hits(hay.as_str(), 0, hay.as_str().len());
        let enabled = &guard.enabled;
        let kept = prefilter::keyword_windows_from(hay.as_str(), &hits, enabled, true);
        let all = prefilter::keyword_windows_from(hay.as_str(), &hits, enabled, false);
        let (with, without) = with_and_without_shortcuts(&text);
        for kind in ["connection_string", "passport_number", "ca_sin"] {
            let index = REGISTRY.iter().position(|d| d.kind == kind).unwrap();
            let (kept, all) = (kept.of(index).len(), all.of(index).len());
            assert!(
                kept > 0 && kept < all,
                "{kind}: {kept} of {all} windows kept"
            );
            let found = with.iter().filter(|f| f.kind == kind).count();
            let values = values.iter().filter(|v| v.0 == kind).count();
            assert!(found >= values * breakers.len(), "{kind}: {found}");
        }
        assert_eq!(with, without);
    }

    #[test]
    #[allow(clippy::disallowed_methods)] // compared with std's case mapping
    fn only_listed_characters_lower_case_to_ascii() {
        let folds: Vec<char> = ('\u{80}'..=char::MAX)
            .filter(|c| c.to_lowercase().any(|l| l.is_ascii()))
            .collect();
        assert_eq!(folds, ['\u{130}', '\u{212A}']);
    }

    #[test]
    fn isolation_rejects_chains_but_not_punctuation() {
        let t = b"id 550e8400-1234-4111111111111111-x";
        let s = 17;
        assert!(!isolated(t, s, s + 16));
        let t = b"card: 4111111111111111.";
        assert!(isolated(t, 6, 22));
        let t = b"v1.4111111111111111";
        assert!(!isolated(t, 3, 19));
    }
}
