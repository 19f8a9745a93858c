//! A pattern as a scan runs it: a built-in detector's automata (compiled at
//! development time) or a custom rule's regex, with its context word indexes.

use super::{context, interior};
use crate::detectors::{Detector, MayStart, Prefilter, Scope};
use crate::finding::Kind;
use crate::pattern::{self, automata};

/// What searches with a [`Compiled`] pattern build and keep for the next (a
/// built-in pattern's lazy DFA states; a custom rule keeps its own).
pub(super) type Cache = automata::Cache;

/// A detector's pattern and word indexes.
#[derive(Debug)]
pub(super) struct Compiled {
    pub(super) kind: Kind,
    pub(super) regex: Regex,
    /// The `value` groups' numbers, in group order.
    value_groups: Box<[usize]>,
    /// For a detector with [`crate::detectors::ByGroup`]: its pattern's other
    /// named groups (number, name), in group order; otherwise none.
    other_groups: Box<[(usize, Box<str>)]>,
    /// A built-in pattern's relaxed repetitions: (group, bound) ([`automata::bound`]).
    bounds: Box<[(usize, usize)]>,
    /// A number detector (digit prefilter): isolation checks and group-wise shortening apply.
    pub(super) is_number: bool,
    pub(super) context: context::WordIndex,
    pub(super) negative: context::WordIndex,
    /// Bytes a match can hold past its first ([`interior`]).
    pub(super) interior: interior::ByteSet,
    /// Where a whole-text pattern's matches can be (see [`Scope`]).
    scope: Option<Scope>,
    /// Where a match of a pattern searched from starts can begin (see [`MayStart`]).
    may_start: Option<MayStart>,
}

impl Compiled {
    /// A built-in detector, from the automata compiled at development time.
    pub(super) fn new(d: &'static Detector) -> Result<Compiled, String> {
        let name = format!("detector:{}", d.kind);
        let entry = automata::entry(&name)?;
        // Natively, where the pattern's text is at hand, the blob must have been
        // built from it (a stale blob is an error, not other findings).
        #[cfg(not(target_family = "wasm"))]
        if entry.hash != automata::fnv1a(d.pattern) {
            return Err(format!(
                "{name}: src/pattern/automata.bin was built from another pattern; \
                 run `cargo run --release -p draftguard-gen`"
            ));
        }
        let scope = match d.prefilter {
            Prefilter::Always(scope) => scope,
            _ => None,
        };
        Ok(Compiled {
            scope,
            may_start: crate::detectors::may_start(d.kind),
            ..Compiled::from_regex(
                Kind::of(d),
                entry.interior,
                matches!(d.prefilter, Prefilter::Digits(_)),
                context::WordIndex::new(d.context.all()),
                context::WordIndex::new(d.negative_context.all()),
                Regex::Builtin(entry.matcher),
            )
        })
    }

    pub(super) fn from_regex(
        kind: Kind,
        interior: interior::ByteSet,
        is_number: bool,
        context: context::WordIndex,
        negative: context::WordIndex,
        regex: Regex,
    ) -> Compiled {
        let names = regex.capture_names();
        let other_groups = if kind.by_group().is_some() {
            (names.iter().enumerate())
                .filter_map(|(g, n)| Some((g, (*n)?)))
                .filter(|(_, n)| !is_value_group(Some(n)) && automata::bound(n).is_none())
                .map(|(g, n)| (g, n.into()))
                .collect()
        } else {
            Box::default()
        };
        Compiled {
            value_groups: (names.iter().enumerate())
                .filter(|(_, n)| is_value_group(**n))
                .map(|(g, _)| g)
                .collect(),
            other_groups,
            bounds: match regex {
                Regex::Builtin(_) => automata::bounds(names.iter().copied()),
                Regex::Custom(_) => Box::default(),
            },
            kind,
            is_number,
            regex,
            context,
            negative,
            interior,
            scope: None,
            may_start: None,
        }
    }

    /// `true` if the pattern has capture groups named `value`, `value2`,
    /// `value3`, … (one per alternative of the pattern): the first that took
    /// part is the span.
    pub(super) fn has_values(&self) -> bool {
        !self.value_groups.is_empty()
    }

    /// The span of the first `value` group that took part in the leftmost-first
    /// match in `hay[start..]`, and the first of the other named groups that
    /// did, for a detector with [`crate::detectors::ByGroup`]; `Err` if a
    /// relaxed repetition in it ran past its bound ([`automata::bound`]):
    /// then the detector's pattern has no match at `start`.
    pub(super) fn value_span(
        &self,
        cache: &mut Cache,
        hay: &[u8],
        start: usize,
    ) -> Result<Option<ValueSpan<'_>>, Overlong> {
        let Some((slots, span)) = self.regex.value_span(cache, hay, start, &self.value_groups)
        else {
            return Ok(None);
        };
        if automata::overlong(&self.bounds, &slots) {
            return Err(Overlong);
        }
        let group = (self.other_groups.iter())
            .find(|(g, _)| slots.get(2 * g).copied().flatten().is_some())
            .map(|(_, n)| &**n);
        Ok(Some((span.0, span.1, group)))
    }

    /// The leftmost-first match in `hay[start..]` (`hay` is UTF-8 up to its end).
    pub(super) fn find_at(
        &self,
        cache: &mut Cache,
        hay: &[u8],
        start: usize,
    ) -> Option<regex_automata::Match> {
        self.regex.find_at(cache, hay, start)
    }

    /// [`Compiled::find_at`], searching only the runs of `hay` that the
    /// pattern's [`Scope`] names, if it has one, and trying only the starts
    /// its [`MayStart`] allows, if it has one: the same match (see both).
    /// `last` carries the last run from one call to the next of a search
    /// (start with `None`): the next match is looked for in the rest of it
    /// before the scope is asked again, so a run with many matches in it
    /// is measured once, not once per match (that would be quadratic).
    pub(super) fn find_in_scope(
        &self,
        cache: &mut Cache,
        hay: &[u8],
        start: usize,
        last: &mut Option<std::ops::Range<usize>>,
    ) -> Option<regex_automata::Match> {
        // The starts a search from starts tries, if the pattern rules some out.
        let find = |cache: &mut Cache, hay: &[u8], start: usize| match (&self.regex, self.may_start)
        {
            (Regex::Builtin(m), Some(may_start)) => m.find_from(cache, hay, start, may_start),
            _ => self.find_at(cache, hay, start),
        };
        let Some(scope) = self.scope else {
            return find(cache, hay, start);
        };
        let mut from = start;
        loop {
            // A run found for an earlier `from` still holds every match at or after a
            // later one inside it (none starts between the two: the scope said so).
            let run = match last.clone() {
                Some(run) if run.start <= from && from < run.end && run.end <= hay.len() => run,
                _ => scope(hay, from)?,
            };
            debug_assert!(run.end > from, "a scope's run ends after `from`");
            *last = Some(run.clone());
            // The byte after the run is context for `\b` and `$`, never part
            // of a match (a built-in pattern's haystack need not end on a char boundary).
            let end = (run.end + 1).min(hay.len());
            if let Some(m) = find(cache, &hay[..end], run.start.max(from)) {
                return Some(m);
            }
            from = run.end;
        }
    }

    /// `true` if a search may be cut at byte `i` of `hay`: a char boundary
    /// whose byte no match holds past its first byte.
    pub(super) fn cuts_at(&self, hay: &str, i: usize) -> bool {
        hay.is_char_boundary(i) && !self.interior.contains(hay.as_bytes()[i])
    }
}

/// A match's value span and the named group that took part ([`Compiled::value_span`]).
pub(super) type ValueSpan<'a> = (usize, usize, Option<&'a str>);

/// A match in which a relaxed repetition ran past its bound: no match of the
/// detector's pattern starts there ([`Compiled::value_span`]).
#[derive(Debug)]
pub(super) struct Overlong;

/// `true` for the name of a group that is a finding's span: `value`, `value2`, …
pub(super) fn is_value_group(name: Option<&str>) -> bool {
    name.and_then(|n| n.strip_prefix("value"))
        .is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit()))
}

/// A match's capture slots: group `g` is `slots[2g]..slots[2g + 1]`.
type Slots = Vec<Option<usize>>;

/// A compiled pattern: a built-in one from [`automata`], or a custom rule's.
#[derive(Debug)]
pub(super) enum Regex {
    Builtin(automata::Matcher),
    Custom(pattern::Custom),
}

impl Regex {
    /// The leftmost-first match in `hay[start..]` (`hay` is UTF-8 up to its end).
    fn find_at(
        &self,
        cache: &mut Cache,
        hay: &[u8],
        start: usize,
    ) -> Option<regex_automata::Match> {
        match self {
            Regex::Builtin(m) => m.find_at(cache, hay, start),
            Regex::Custom(c) => c.find_at(hay, start),
        }
    }

    /// The span of the first of `value_groups` (the `value` groups' numbers)
    /// that took part in the leftmost-first match `hay[start..]` (a built-in
    /// pattern's) or in the leftmost-first match in `hay[start..]` (a custom rule's).
    fn value_span(
        &self,
        cache: &mut Cache,
        hay: &[u8],
        start: usize,
        value_groups: &[usize],
    ) -> Option<(Slots, (usize, usize))> {
        match self {
            Regex::Builtin(m) => {
                // The match is `hay[start..]`, found already: its groups only.
                let found = regex_automata::Match::must(0, start..hay.len());
                let slots = m.groups(cache, hay, found)?;
                let span = (value_groups.iter())
                    .find_map(|&g| Some((slots[2 * g]?, slots[2 * g + 1]?)))?;
                Some((slots, span))
            }
            Regex::Custom(c) => Some((Vec::new(), c.value_span(hay, start, is_value_group)?)),
        }
    }

    /// Group names, in group order.
    fn capture_names(&self) -> Vec<Option<&str>> {
        match self {
            Regex::Builtin(m) => m.capture_names(),
            Regex::Custom(c) => c.capture_names(),
        }
    }
}
