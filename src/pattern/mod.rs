//! Compiled patterns and how they are searched.
//!
//! The built-in detectors' patterns are compiled at development time into
//! thompson NFAs ([`automata`], written by `gen/`), searched by
//! regex-automata's lazy DFA, their capture groups resolved by a backtracker
//! on the match ([`nfa`]): no regex parser or compiler in the module.
//!
//! The application's custom rules and allowlist patterns are compiled here
//! at run time by `regex-lite`, a small linear-time engine: same syntax, ASCII
//! classes, ASCII word boundaries and ASCII case folding, as the built-in
//! patterns have. Its haystack is text, not bytes: `.` and negated classes
//! match a character, where the built-in ones (compiled over bytes) match a
//! byte of one; drafts are UTF-8, so this changes a match only for a pattern
//! that counts the bytes of non-ASCII characters.

pub(crate) mod automata;
pub(crate) mod nfa;

/// The reverse NFA the product derives from a forward NFA in the
/// generator's format: for `gen/tests/`, which checks it against
/// regex-automata's compiler. Not part of the API.
#[doc(hidden)]
pub fn reversed_nfa(encoded: &[u8]) -> Result<regex_automata::nfa::thompson::NFA, String> {
    automata::thompson_reversed(encoded)
}

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

use regex_automata::Match;

/// Compiled program size limit of one pattern, in bytes.
pub(crate) const SIZE_LIMIT: usize = 1 << 20;
/// Program size limit of all allowlist patterns together, in bytes.
const ANY_WHOLE_LIMIT: usize = 16 << 20;
/// Nesting limit of a pattern's syntax.
const NEST_LIMIT: u32 = 64;

/// The last line of an error: the message without the pattern echo.
fn last_line(text: &str) -> String {
    text.lines()
        .last()
        .unwrap_or("invalid pattern")
        .trim()
        .trim_start_matches("error: ")
        .to_string()
}

fn build(pattern: &str, limit: usize) -> Result<regex_lite::Regex, String> {
    regex_lite::RegexBuilder::new(pattern)
        .size_limit(limit)
        .nest_limit(NEST_LIMIT)
        .build()
        .map_err(|e| {
            let m = e.to_string();
            if m.contains("size limit") || m.contains("exceeds size") {
                format!("compiled pattern exceeds the size limit of {limit} bytes")
            } else {
                last_line(&m)
            }
        })
}

/// A custom rule's pattern.
#[derive(Clone, Debug)]
pub struct Custom(regex_lite::Regex);

/// `hay` as text: the engine's haystacks are normalised drafts (UTF-8) cut at
/// window ends, which are character boundaries.
fn text(hay: &[u8]) -> &str {
    std::str::from_utf8(hay).expect("haystacks end on a character boundary")
}

impl Custom {
    /// Compiles `pattern`; the error is one line, fit for the user who wrote it.
    pub fn new(pattern: &str) -> Result<Custom, String> {
        build(pattern, SIZE_LIMIT).map(Custom)
    }

    /// The leftmost-first match in `hay[start..]`; what precedes `start` is
    /// context for `\b` and `^`.
    pub fn find_at(&self, hay: &[u8], start: usize) -> Option<Match> {
        self.0
            .find_at(text(hay), start)
            .map(|m| Match::must(0, m.start()..m.end()))
    }

    /// The span of the first group whose name `is_value` accepts that took
    /// part in the leftmost-first match in `hay[start..]`.
    pub fn value_span(
        &self,
        hay: &[u8],
        start: usize,
        is_value: fn(Option<&str>) -> bool,
    ) -> Option<(usize, usize)> {
        let caps = self.0.captures_at(text(hay), start)?;
        self.0
            .capture_names()
            .enumerate()
            .filter(|(_, n)| is_value(*n))
            .find_map(|(g, _)| caps.get(g))
            .map(|v| (v.start(), v.end()))
    }

    /// The name of each capture group, in group order (group 0 first).
    pub fn capture_names(&self) -> Vec<Option<&str>> {
        self.0.capture_names().collect()
    }
}

/// Patterns one of which must match a value entirely (allowlist patterns),
/// compiled together into one automaton: a value costs one search however
/// many patterns there are.
#[derive(Clone, Debug)]
pub struct AnyWhole(regex_lite::Regex);

impl AnyWhole {
    /// Compiles `patterns`. Each is first compiled on its own, so an error
    /// names the pattern to blame and `4242)|(.*` (not a pattern by itself)
    /// cannot reach the combined one, which anchors each, as a group, at
    /// both ends: `^(?:(?:p₁)|(?:p₂)|…)$`.
    pub fn new(patterns: &[String]) -> Result<AnyWhole, (Option<usize>, String)> {
        for (i, p) in patterns.iter().enumerate() {
            build(p, SIZE_LIMIT).map_err(|e| (Some(i), e))?;
        }
        let alternatives: Vec<String> = patterns.iter().map(|p| format!("(?:{p})")).collect();
        let combined = format!("^(?:{})$", alternatives.join("|"));
        build(&combined, ANY_WHOLE_LIMIT)
            .map(AnyWhole)
            .map_err(|e| {
                (
                    None,
                    format!(
                        "together the patterns do not compile within {ANY_WHOLE_LIMIT} bytes ({e})"
                    ),
                )
            })
    }

    /// Whether one of the patterns matches all of `value`.
    pub fn matches(&self, value: &[u8]) -> bool {
        std::str::from_utf8(value).is_ok_and(|v| self.0.is_match(v))
    }
}
