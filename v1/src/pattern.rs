//! Compiled patterns: regex-automata's meta engine, set up the way the
//! detectors need it and no more.
//!
//! Every pattern is compiled in ASCII mode over bytes (`\b` is an ASCII word
//! boundary, so CJK next to a number is a boundary), with size limits so that
//! no option can make a huge program. Literal prefilters are off: without the
//! `perf-literal` engines they could never be used, but extracting the
//! literals was still the largest part of compiling a pattern (about a third
//! of the first scan's cost). The `regex` crate does not expose that switch.

use regex_automata::meta::{self, Regex};
use regex_automata::util::captures::Captures;
use regex_automata::util::syntax;
use regex_automata::{Input, Match, MatchKind, PatternSet};

/// Compiled program size limit (NFA) and lazy-DFA cache of one pattern, in bytes.
const SIZE_LIMIT: usize = 1 << 20;
/// Nesting limit of a pattern's syntax.
const NEST_LIMIT: u32 = 64;

/// One compiled pattern.
#[derive(Clone, Debug)]
pub struct Pattern(Regex);

/// Patterns one of which must match a value entirely (allowlist patterns),
/// compiled together into one automaton: a value costs one search however
/// many patterns there are.
#[derive(Clone, Debug)]
pub struct AnyWhole(Regex);

/// Program size limit of all [`AnyWhole`] patterns together, in bytes.
const ANY_WHOLE_LIMIT: usize = 16 << 20;

/// Several patterns searched together, reporting which match (see [`PatternSet`]).
#[derive(Clone, Debug)]
pub struct Set {
    regex: Regex,
    patterns: Vec<String>,
}

fn config(nfa_limit: usize, cache: usize) -> meta::Config {
    meta::Config::new()
        .utf8_empty(false)
        .auto_prefilter(false)
        .nfa_size_limit(Some(nfa_limit))
        .hybrid_cache_capacity(cache)
}

fn syntax() -> syntax::Config {
    syntax::Config::new()
        .unicode(false)
        .utf8(false)
        .nest_limit(NEST_LIMIT)
}

/// The last line of a build error: the message without the pattern echo.
fn message(e: meta::BuildError) -> String {
    let text = match (e.size_limit(), e.syntax_error()) {
        (Some(limit), _) => format!("compiled pattern exceeds the size limit of {limit} bytes"),
        (None, Some(syntax)) => syntax.to_string(),
        (None, None) => e.to_string(),
    };
    text.lines()
        .last()
        .unwrap_or("invalid pattern")
        .trim()
        .to_string()
}

impl Pattern {
    /// Compiles `pattern`; the error is one line, fit for the user who wrote it.
    pub fn new(pattern: &str) -> Result<Pattern, String> {
        meta::Builder::new()
            .configure(config(SIZE_LIMIT, SIZE_LIMIT))
            .syntax(syntax())
            .build(pattern)
            .map(Pattern)
            .map_err(message)
    }

    /// The leftmost-first match in `hay[start..]`; what precedes `start` is
    /// context for `\b` and `^`.
    pub fn find_at(&self, hay: &[u8], start: usize) -> Option<Match> {
        self.0.find(Input::new(hay).span(start..hay.len()))
    }

    /// The groups of the match [`find_at`](Self::find_at) finds.
    pub fn captures_at(&self, hay: &[u8], start: usize) -> Option<Captures> {
        let mut caps = self.0.create_captures();
        self.0
            .captures(Input::new(hay).span(start..hay.len()), &mut caps);
        caps.is_match().then_some(caps)
    }

    /// Whether the pattern matches anywhere in `hay`.
    pub fn is_match(&self, hay: &[u8]) -> bool {
        self.0.is_match(hay)
    }

    /// The name of each capture group, in group order (group 0 first).
    pub fn capture_names(&self) -> impl Iterator<Item = Option<&str>> + '_ {
        self.0
            .group_info()
            .pattern_names(regex_automata::PatternID::ZERO)
    }
}

impl AnyWhole {
    /// Compiles `patterns`. Each is parsed on its own and anchored at both
    /// ends as a syntax tree, never by pasting text around it (`4242)|(.*`
    /// is a syntax error, not a pattern that matches everything). An error
    /// names the pattern's index where one pattern is to blame.
    pub fn new(patterns: &[String]) -> Result<AnyWhole, (Option<usize>, String)> {
        use regex_automata::util::syntax::parse_with;
        use regex_syntax::hir::{Hir, Look};
        let hirs = patterns
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let hir = parse_with(p, &syntax()).map_err(|e| {
                    let m = e.to_string();
                    let last = m.lines().last().unwrap_or("invalid pattern").trim();
                    (Some(i), last.to_string())
                })?;
                Ok(Hir::concat(vec![
                    Hir::look(Look::Start),
                    hir,
                    Hir::look(Look::End),
                ]))
            })
            .collect::<Result<Vec<Hir>, _>>()?;
        let build = |hirs: &[Hir], limit: usize| {
            meta::Builder::new()
                .configure(
                    config(limit, SIZE_LIMIT)
                        .which_captures(regex_automata::nfa::thompson::WhichCaptures::None),
                )
                .build_many_from_hir(hirs)
                .map_err(message)
        };
        match build(&hirs, ANY_WHOLE_LIMIT) {
            Ok(regex) => Ok(AnyWhole(regex)),
            Err(e) => {
                // Name the one pattern too large on its own, if there is one.
                let alone = hirs
                    .iter()
                    .position(|h| build(std::slice::from_ref(h), SIZE_LIMIT).is_err());
                Err(match alone {
                    Some(i) => (
                        Some(i),
                        format!("compiled pattern exceeds the size limit of {SIZE_LIMIT} bytes"),
                    ),
                    None => (
                        None,
                        format!(
                            "together the patterns exceed the size limit of {ANY_WHOLE_LIMIT} bytes ({e})"
                        ),
                    ),
                })
            }
        }
    }

    /// Whether one of the patterns matches all of `value`.
    pub fn matches(&self, value: &[u8]) -> bool {
        self.0
            .is_match(Input::new(value).anchored(regex_automata::Anchored::Yes))
    }
}

impl Set {
    /// Compiles `patterns` into one set, within `nfa_limit` bytes of program
    /// and `cache` bytes of lazy-DFA cache.
    pub fn new<I, S>(patterns: I, nfa_limit: usize, cache: usize) -> Result<Set, String>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let patterns: Vec<String> = patterns
            .into_iter()
            .map(|p| p.as_ref().to_string())
            .collect();
        meta::Builder::new()
            .configure(
                config(nfa_limit, cache)
                    .match_kind(MatchKind::All)
                    .which_captures(regex_automata::nfa::thompson::WhichCaptures::None),
            )
            .syntax(syntax())
            .build_many(&patterns)
            .map(|regex| Set { regex, patterns })
            .map_err(message)
    }

    /// Which patterns match anywhere in `hay[start..]`.
    pub fn matches_at(&self, hay: &[u8], start: usize) -> PatternSet {
        let mut set = PatternSet::new(self.regex.pattern_len());
        self.regex
            .which_overlapping_matches(&Input::new(hay).span(start..hay.len()), &mut set);
        set
    }

    /// The patterns, in set order.
    pub fn patterns(&self) -> &[String] {
        &self.patterns
    }
}
