//! A pattern as a scan runs it: a built-in detector's automata (compiled at
//! development time) or a custom rule's regex, with its context word indexes.

use super::{context, interior};
use crate::detectors::{Detector, MayStart, Prefilter, Scope};
use crate::finding::Kind;
use crate::pattern::{self, automata, literals::Literals};
use regex_automata::{Match, PatternID};

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
    /// The word lists the pattern ends with ([`crate::detectors::Terms`]).
    literals: Option<Literals>,
}

/// What one search (calls of [`Compiled::find_next`] over one haystack, each
/// from where the last match ended) found beyond its position that still
/// holds for the next call.
#[derive(Default)]
pub(super) struct Ahead {
    /// The last run the pattern's scope named ([`Compiled::find_in_scope`]).
    run: Option<std::ops::Range<usize>>,
    /// For a pattern with [`Literals`]: where its own next match was looked
    /// for, and what was found. A term search stops at the pattern's next
    /// match; without this, each term found would search the pattern over
    /// the rest of the window again (quadratic in a window of many terms).
    pattern: Option<(usize, Option<Match>)>,
}

/// The pattern id of a match of [`Literals`] (the pattern's own are 0).
const LITERAL: PatternID = PatternID::new_unchecked(1);

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
        let literals = crate::detectors::terms(d.kind).map(Literals::new);
        let interior = (literals.iter()).fold(entry.interior, |set, l| set.union(l.interior()));
        Ok(Compiled {
            scope,
            may_start: crate::detectors::may_start(d.kind),
            literals,
            ..Compiled::from_regex(
                Kind::of(d),
                interior,
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
            literals: None,
        }
    }

    /// `true` if the pattern has capture groups named `value`, `value2`,
    /// `value3`, … (one per alternative of the pattern): the first that took
    /// part is the span.
    pub(super) fn has_values(&self) -> bool {
        !self.value_groups.is_empty()
    }

    /// The span of the first `value` group that took part in the match `m`
    /// (found in `hay[..m.end()]`), and the first of the other named groups
    /// that did, for a detector with [`crate::detectors::ByGroup`]; `Err` if
    /// a relaxed repetition in it ran past its bound ([`automata::bound`]):
    /// then the detector's pattern has no match at `m`'s start. A term's
    /// match ([`Literals`]) is all value.
    pub(super) fn value_span(
        &self,
        cache: &mut Cache,
        hay: &[u8],
        m: Match,
    ) -> Result<Option<ValueSpan<'_>>, Overlong> {
        if m.pattern() == LITERAL {
            return Ok(Some((m.start(), m.end(), None)));
        }
        let Some((slots, span)) =
            self.regex
                .value_span(cache, &hay[..m.end()], m.start(), &self.value_groups)
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

    /// No relaxed repetition ([`automata::bound`]): every match is one of the
    /// detector's pattern, and [`Compiled::value_span`] never says `Err`.
    pub(super) fn has_no_bounds(&self) -> bool {
        self.bounds.is_empty()
    }

    /// The leftmost-first match in `hay[start..]` (`hay` is UTF-8 up to its end).
    pub(super) fn find_at(&self, cache: &mut Cache, hay: &[u8], start: usize) -> Option<Match> {
        match &self.literals {
            Some(literals) => self.find_with_literals(cache, hay, start, literals, &mut None),
            None => self.regex.find_at(cache, hay, start),
        }
    }

    /// The next match of a search over `hay` from `start`: [`Compiled::find_at`],
    /// if `scoped` as [`Compiled::find_in_scope`] finds it; `ahead` carries
    /// what the search found beyond `start` to its next call (start with the default).
    pub(super) fn find_next(
        &self,
        cache: &mut Cache,
        hay: &[u8],
        start: usize,
        ahead: &mut Ahead,
        scoped: bool,
    ) -> Option<Match> {
        match &self.literals {
            // A scope is a shortcut only: a pattern with terms (whose
            // windows are their keywords') needs none.
            Some(literals) => {
                self.find_with_literals(cache, hay, start, literals, &mut ahead.pattern)
            }
            None if scoped => self.find_in_scope(cache, hay, start, &mut ahead.run),
            None => self.regex.find_at(cache, hay, start),
        }
    }

    /// The leftmost-first match in `hay[start..]` of the pattern followed by
    /// its `literals`: the earliest start, the pattern's own
    /// match there if it has one (its alternatives come first). `pattern`:
    /// the pattern's next match, as found by an earlier call from a start
    /// not after `start` ([`Ahead::pattern`]).
    fn find_with_literals(
        &self,
        cache: &mut Cache,
        hay: &[u8],
        start: usize,
        literals: &Literals,
        pattern: &mut Option<(usize, Option<Match>)>,
    ) -> Option<Match> {
        // The leftmost-first match from `from` is the one from any later start
        // up to its own (`\b` looks behind `start`, at the same text).
        let own = match *pattern {
            Some((from, m)) if from <= start && m.is_none_or(|m| m.start() >= start) => m,
            _ => {
                let m = self.regex.find_at(cache, hay, start);
                *pattern = Some((start, m));
                m
            }
        };
        let limit = own.map_or(hay.len(), |m| m.start());
        match literals.first(hay, start, limit) {
            Some((s, e)) => Some(Match::new(LITERAL, s..e)),
            None => own,
        }
    }

    /// [`Compiled::find_at`], searching only the runs of `hay` that the
    /// pattern's [`Scope`] names, if it has one, and trying only the starts
    /// its [`MayStart`] allows, if it has one: the same match (see both).
    /// `last` carries the last run from one call to the next of a search
    /// (start with `None`): the next match is looked for in the rest of it
    /// before the scope is asked again, so a run with many matches in it
    /// is measured once, not once per match (that would be quadratic).
    fn find_in_scope(
        &self,
        cache: &mut Cache,
        hay: &[u8],
        start: usize,
        last: &mut Option<std::ops::Range<usize>>,
    ) -> Option<Match> {
        // The starts a search from starts tries, if the pattern rules some out.
        let find = |cache: &mut Cache, hay: &[u8], start: usize| match (&self.regex, self.may_start)
        {
            (Regex::Builtin(m), may_start @ Some(_)) => m.find_from(cache, hay, start, may_start),
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
    #[inline]
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

#[cfg(all(test, not(target_family = "wasm")))]
mod tests {
    use super::*;
    use crate::detectors::medical;

    /// Texts of terms, the discarded phrases' words, ICD-10 codes and what can
    /// stand next to them (word bytes, CJK, blanks, `ſ`, `K`, `ß`, `Ä`, NUL),
    /// in every case: `n` of them, from a fixed seed.
    fn texts(n: usize) -> Vec<String> {
        let terms = medical::LITERALS;
        let phrase_words = [
            "the",
            "great",
            "depression",
            "economic",
            "tropical",
            "of",
            "star",
            "zodiac",
            "sun",
            "sign",
            "is",
            "a",
            "an",
            "cancer",
            "(",
            "(zodiac",
            "horoscope",
            "sternzeichen",
            "ist",
            "der",
            "krebs",
            "F32.1",
            "E11.9 G",
            "J45",
            "a12",
            "Z00.0",
            "X1",
            "my",
        ];
        let phrases = [
            "great depression",
            "the  great\tdepression",
            "tropical depression",
            "economic\ndepression",
            "the depression of",
            "star sign is a cancer",
            "zodiac sign an cancer",
            "sun sign cancer",
            "cancer (zodiac",
            "cancer(star sign",
            "cancer horoscope",
            "sternzeichen ist der krebs",
            "sternzeichen krebs",
            "krebs (sternzeichen",
            "krebs(sternzeichen",
            "sternzeichen der  krebs",
        ];
        let between = [
            " ", " ", " ", "  ", "\t", "\n", "", "", "_", "1", "中", "-", "'", "\u{17f}",
            "\u{212a}", "ß", "Ä", "é", "x", "\0", ". ", "(",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        (0..n)
            .map(|_| {
                let mut t = String::new();
                for _ in 0..1 + next(8) {
                    let w = match next(4) {
                        0 => terms.words[next(terms.words.len())],
                        1 => terms.anywhere[next(terms.anywhere.len())],
                        2 => phrases[next(phrases.len())],
                        _ => phrase_words[next(phrase_words.len())],
                    };
                    let w: String = match next(6) {
                        0 => w.to_ascii_uppercase(),
                        1 => w.to_ascii_lowercase(),
                        2 => w.replace('s', "\u{17f}").replace('k', "\u{212a}"),
                        3 => w.replace("ss", "ß").replace('ä', "Ä").replace('ö', "Ö"),
                        4 => (w.chars().enumerate())
                            .map(|(i, c)| {
                                if i % 2 == 0 {
                                    c.to_ascii_uppercase()
                                } else {
                                    c
                                }
                            })
                            .collect(),
                        _ => w.to_string(),
                    };
                    t += &w;
                    t += between[next(between.len())];
                }
                t
            })
            .collect()
    }

    /// `medical`'s terms, matched apart ([`Literals`]), find what they found as
    /// the pattern's last alternatives (`medical::ALTERNATION`, the pattern as
    /// it was, run by regex-lite: ASCII case folding and `\b`, as the
    /// generator compiles): the same matches, one after the other as a scan
    /// searches, and the same value spans, over whole texts and windows
    /// (`ſ`, `K`, `ß`, `Ä` fold to no ASCII letter: no term matches through them);
    /// the live scan's cuts hold (every match's bytes are in the interior set).
    #[test]
    fn terms_match_as_the_alternatives_they_were() {
        let c = Compiled::new(crate::detectors::by_kind("medical").unwrap()).unwrap();
        let reference = regex_lite::Regex::new(medical::ALTERNATION).unwrap();
        let value = (reference.capture_names())
            .position(|n| n == Some("value"))
            .unwrap();
        let mut cache = Cache::default();
        let mut seed = 7usize;
        let (mut matches, mut values) = (0, 0);
        for text in texts(20_000) {
            // The whole text, and a window of it: from a char boundary to one.
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let a = bounds[(seed >> 33) % bounds.len()];
            let b = bounds[(seed >> 17) % bounds.len()].max(a);
            for (from, end) in [(0, text.len()), (a, b)] {
                let hay = &text.as_bytes()[..end];
                let mut got = Vec::new();
                let (mut pos, mut ahead) = (from, Ahead::default());
                while let Some(m) = c.find_next(&mut cache, hay, pos, &mut ahead, true) {
                    let span = (c.value_span(&mut cache, hay, m))
                        .expect("medical has no relaxed repetition")
                        .map(|(s, e, _)| (s, e));
                    got.push((m.start(), m.end(), span));
                    pos = m.end();
                }
                let mut want = Vec::new();
                let mut pos = from;
                while let Some(caps) = reference.captures_at(&text[..end], pos) {
                    let m = caps.get(0).unwrap();
                    // `\x00`, the lists' placeholder first alternative, is no term.
                    if m.as_str() != "\0" {
                        // The live scan may cut where no match holds a byte past its first.
                        let past_first = &m.as_str().as_bytes()[1..];
                        assert!(past_first.iter().all(|&b| c.interior.contains(b)), "{m:?}");
                        let span = caps.get(value).map(|v| (v.start(), v.end()));
                        want.push((m.start(), m.end(), span));
                    }
                    pos = m.end();
                }
                matches += want.len();
                values += want.iter().filter(|w| w.2.is_some()).count();
                assert_eq!(got, want, "{text:?} from {from} to {end}");
            }
        }
        assert!(
            values > 40_000 && matches - values > 10_000,
            "{matches} {values}"
        );
    }
}
