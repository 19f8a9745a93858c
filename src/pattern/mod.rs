//! Compiled patterns and how they are searched.
//!
//! The built-in detectors' patterns are compiled at development time into
//! thompson NFAs ([`automata`], written by `gen/`); the application's custom
//! rules and allowlist patterns are compiled here at run time — parsed by
//! regex-syntax, compiled by regex-automata's thompson compiler, in ASCII mode
//! over bytes (`\b` is an ASCII word boundary, so CJK next to a number is a
//! boundary), with size limits so that no option can make a huge program.
//! Both are searched the same way: by regex-automata's lazy DFA
//! ([`automata::Matcher`]), with capture groups resolved by a backtracker
//! on the match ([`nfa`]).

pub(crate) mod automata;
pub(crate) mod nfa;

pub(crate) use automata::Matcher;

use regex_automata::hybrid;
use regex_automata::nfa::thompson::{self, WhichCaptures, NFA};
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind};
use regex_syntax::hir::{Hir, Look};

/// Compiled program size limit (NFA) of one pattern, in bytes.
pub(crate) const SIZE_LIMIT: usize = 1 << 20;
/// Program size limit of all allowlist patterns together, in bytes.
const ANY_WHOLE_LIMIT: usize = 16 << 20;
/// Nesting limit of a pattern's syntax.
const NEST_LIMIT: u32 = 64;

fn syntax() -> syntax::Config {
    syntax::Config::new()
        .unicode(false)
        .utf8(false)
        .nest_limit(NEST_LIMIT)
}

/// The last line of an error: the message without the pattern echo.
fn last_line(text: &str) -> String {
    text.lines()
        .last()
        .unwrap_or("invalid pattern")
        .trim()
        .to_string()
}

/// Parses `pattern`; the error is one line, fit for the user who wrote it.
pub(crate) fn parse(pattern: &str) -> Result<Hir, String> {
    syntax::parse_with(pattern, &syntax()).map_err(|e| last_line(&e.to_string()))
}

fn size_error(e: thompson::BuildError) -> String {
    match e.size_limit() {
        Some(limit) => format!("compiled pattern exceeds the size limit of {limit} bytes"),
        None => last_line(&e.to_string()),
    }
}

/// The forward NFA of `hirs` (with every capture group, or none), within `limit` bytes.
fn compile(hirs: &[Hir], reverse: bool, captures: bool, limit: usize) -> Result<NFA, String> {
    thompson::Compiler::new()
        .configure(
            thompson::Config::new()
                .utf8(false)
                .reverse(reverse)
                .shrink(reverse)
                .which_captures(if captures {
                    WhichCaptures::All
                } else {
                    WhichCaptures::None
                })
                .nfa_size_limit(Some(limit)),
        )
        .build_many_from_hir(hirs)
        .map_err(size_error)
}

/// Compiles `pattern` (a custom rule's): the forward NFA with its capture
/// groups and the reverse NFA. The error is one line.
pub(crate) fn nfas(pattern: &str) -> Result<(NFA, NFA), String> {
    let hir = parse(pattern)?;
    let fwd = compile(std::slice::from_ref(&hir), false, true, SIZE_LIMIT)?;
    let rev = compile(std::slice::from_ref(&hir), true, false, SIZE_LIMIT)?;
    Ok((fwd, rev))
}

/// Patterns one of which must match a value entirely (allowlist patterns),
/// compiled together into one automaton: a value costs one search however
/// many patterns there are.
pub struct AnyWhole {
    dfa: hybrid::dfa::DFA,
    caches: std::sync::Mutex<Vec<hybrid::dfa::Cache>>,
}

impl std::fmt::Debug for AnyWhole {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AnyWhole")
    }
}

impl AnyWhole {
    /// Compiles `patterns`. Each is parsed on its own and anchored at both
    /// ends as a syntax tree, never by pasting text around it (`4242)|(.*`
    /// is a syntax error, not a pattern that matches everything). An error
    /// names the pattern's index where one pattern is to blame.
    pub fn new(patterns: &[String]) -> Result<AnyWhole, (Option<usize>, String)> {
        let hirs = patterns
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let hir = parse(p).map_err(|e| (Some(i), e))?;
                Ok(Hir::concat(vec![
                    Hir::look(Look::Start),
                    hir,
                    Hir::look(Look::End),
                ]))
            })
            .collect::<Result<Vec<Hir>, _>>()?;
        let nfa = compile(&hirs, false, false, ANY_WHOLE_LIMIT).map_err(|e| {
            // Name the one pattern too large on its own, if there is one.
            let alone = hirs
                .iter()
                .position(|h| compile(std::slice::from_ref(h), false, false, SIZE_LIMIT).is_err());
            match alone {
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
            }
        })?;
        let dfa = hybrid::dfa::Builder::new()
            .configure(
                hybrid::dfa::Config::new()
                    .match_kind(MatchKind::All)
                    .cache_capacity(SIZE_LIMIT)
                    .skip_cache_capacity_check(true)
                    .minimum_cache_clear_count(None),
            )
            .build_from_nfa(nfa)
            .map_err(|e| (None, e.to_string()))?;
        Ok(AnyWhole {
            dfa,
            caches: Default::default(),
        })
    }

    /// Whether one of the patterns matches all of `value`.
    pub fn matches(&self, value: &[u8]) -> bool {
        let taken = self.caches.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let mut cache = taken.unwrap_or_else(|| self.dfa.create_cache());
        let input = Input::new(value).anchored(Anchored::Yes).earliest(true);
        let found = self
            .dfa
            .try_search_fwd(&mut cache, &input)
            .expect("a lazy DFA without quit bytes that never gives up does not fail")
            .is_some();
        self.caches
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(cache);
        found
    }
}
