//! Builds draftguard's built-in automata at development time.
//!
//! The detectors' patterns do not change between runs, so they are compiled
//! here, once, with regex-automata's full compiler, and the product searches
//! the result (`src/scan/automata.bin`) with only regex-automata's DFA search
//! code and a small backtracker of its own: no regex parser or compiler in the
//! module, no compilation at run time. `cargo run --release -p
//! draftguard-gen` writes the file; `gen/tests/fresh.rs` fails when it is out
//! of date.
//!
//! A pattern is searched one of two ways (the reader's `Search`):
//! - **whole windows**, as a regex search does: a forward DFA (unanchored,
//!   leftmost-first) finds where the match ends, a reverse DFA (anchored, all
//!   matches) where it starts — chosen when both DFAs are small;
//! - **from candidate starts**: at each position whose byte can start a match
//!   (in order), the pattern's *parts* are tried anchored, in order; the first
//!   part that matches at the first such position is the leftmost-first match.
//!   A part is the whole pattern, or — for patterns whose DFAs explode —
//!   one alternative of the alternation they begin with (with what follows
//!   it), so that each part stays small. Trying the alternatives in order at
//!   one start is exactly how a leftmost-first regex chooses among them. A
//!   part is matched by its anchored DFA, or where even that is large, by
//!   backtracking over its NFA.
//!
//! Every part also carries its NFA with capture groups: a `value` group's
//! span is resolved on the match only. NFAs are written with state
//! references relative to the state, so a repetition unrolled into many
//! states compresses to almost nothing.

use regex_automata::dfa::{dense, StartKind};
use regex_automata::nfa::thompson::{self, State, WhichCaptures, NFA};
use regex_automata::util::syntax;
use regex_automata::MatchKind;
use regex_syntax::ast::{self, Ast};

/// Format version, checked by the reader.
pub const MAGIC: &[u8; 8] = b"DGAUTO03";

/// Largest forward + reverse DFA pair (sparse, bytes) for whole-window search.
const WINDOW_BUDGET: usize = 12 << 10;
/// Largest anchored DFA (sparse, bytes) for a part; larger parts backtrack.
const PART_BUDGET: usize = 24 << 10;
/// Determinization memory limit while trying.
const DETERMINIZE_LIMIT: usize = 16 << 20;

fn syntax_config() -> syntax::Config {
    // As the engine always compiled them: ASCII, over bytes.
    syntax::Config::new()
        .unicode(false)
        .utf8(false)
        .nest_limit(64)
}

/// The forward NFA with every capture group.
pub fn nfa(pattern: &str) -> Result<NFA, String> {
    thompson::Compiler::new()
        .syntax(syntax_config())
        .configure(
            thompson::Config::new()
                .utf8(false)
                .shrink(false)
                .which_captures(WhichCaptures::All)
                .nfa_size_limit(Some(8 << 20)),
        )
        .build(pattern)
        .map_err(|e| e.to_string())
}

/// Which DFA to build.
#[derive(Clone, Copy)]
enum Dfa {
    /// Unanchored, leftmost-first: where a match ends.
    Forward,
    /// Reverse, anchored, all matches: where it starts.
    Reverse,
    /// Anchored, leftmost-first: a match from a given start.
    Anchored,
}

fn dfa(pattern: &str, which: Dfa) -> Result<Vec<u8>, String> {
    let config = dense::Config::new()
        .minimize(true)
        .dfa_size_limit(Some(DETERMINIZE_LIMIT))
        .determinize_size_limit(Some(DETERMINIZE_LIMIT));
    let config = match which {
        Dfa::Forward => config
            .match_kind(MatchKind::LeftmostFirst)
            .start_kind(StartKind::Unanchored),
        Dfa::Anchored => config
            .match_kind(MatchKind::LeftmostFirst)
            .start_kind(StartKind::Anchored),
        Dfa::Reverse => config
            .prefilter(None)
            .specialize_start_states(false)
            .start_kind(StartKind::Anchored)
            .match_kind(MatchKind::All),
    };
    let d = dense::Builder::new()
        .configure(config)
        .syntax(syntax_config())
        .thompson(
            thompson::Config::new()
                .utf8(false)
                .reverse(matches!(which, Dfa::Reverse))
                .which_captures(WhichCaptures::None),
        )
        .build(pattern)
        .map_err(|e| e.to_string())?;
    let sparse = d.to_sparse().map_err(|e| e.to_string())?;
    Ok(sparse.to_bytes_little_endian())
}

/// Appends `n` as LEB128.
fn varint(out: &mut Vec<u8>, mut n: usize) {
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// State tags of the NFA format (the reader's `nfa::tag`).
mod tag {
    pub const RANGE: u8 = 0;
    pub const SPARSE: u8 = 1;
    pub const LOOK: u8 = 2;
    pub const UNION: u8 = 3;
    pub const CAPTURE: u8 = 4;
    pub const FAIL: u8 = 5;
    pub const MATCH: u8 = 6;
}

/// A single-pattern thompson NFA in the reader's format: the anchored
/// start, the names of the groups (empty: unnamed), the state count, then
/// every state in order — a tag and its fields, every state reference
/// relative to the state itself (zigzag LEB128). Looks are written as
/// regex-automata's `Look` representation.
pub fn encode_nfa(nfa: &NFA) -> Vec<u8> {
    assert_eq!(nfa.pattern_len(), 1, "one pattern per NFA");
    let mut out = Vec::new();
    varint(&mut out, nfa.start_anchored().as_usize());
    let pid = regex_automata::PatternID::ZERO;
    let names: Vec<Option<&str>> = nfa.group_info().pattern_names(pid).collect();
    varint(&mut out, names.len());
    for name in names {
        let name = name.unwrap_or("");
        varint(&mut out, name.len());
        out.extend_from_slice(name.as_bytes());
    }
    varint(&mut out, nfa.states().len());
    for (me, state) in nfa.states().iter().enumerate() {
        let to = |out: &mut Vec<u8>, id: regex_automata::util::primitives::StateID| {
            let d = id.as_usize() as i64 - me as i64;
            varint(out, ((d << 1) ^ (d >> 63)) as usize);
        };
        let ranges = |out: &mut Vec<u8>, ts: &[thompson::Transition]| {
            varint(out, ts.len());
            for t in ts {
                out.push(t.start);
                out.push(t.end);
                to(out, t.next);
            }
        };
        match state {
            State::ByteRange { trans } => {
                out.push(tag::RANGE);
                out.push(trans.start);
                out.push(trans.end);
                to(&mut out, trans.next);
            }
            State::Sparse(s) => {
                out.push(tag::SPARSE);
                ranges(&mut out, &s.transitions);
            }
            State::Dense(d) => {
                // As ranges of equal targets (a dense state is an optimisation only).
                let mut ts: Vec<thompson::Transition> = Vec::new();
                for (b, &next) in d.transitions.iter().enumerate() {
                    if next == regex_automata::util::primitives::StateID::ZERO {
                        continue;
                    }
                    match ts.last_mut() {
                        Some(t) if t.next == next && usize::from(t.end) + 1 == b => {
                            t.end = b as u8;
                        }
                        _ => ts.push(thompson::Transition {
                            start: b as u8,
                            end: b as u8,
                            next,
                        }),
                    }
                }
                out.push(tag::SPARSE);
                ranges(&mut out, &ts);
            }
            State::Look { look, next } => {
                out.push(tag::LOOK);
                varint(&mut out, look.as_repr() as usize);
                to(&mut out, *next);
            }
            State::Union { alternates } => {
                out.push(tag::UNION);
                varint(&mut out, alternates.len());
                for a in alternates.iter() {
                    to(&mut out, *a);
                }
            }
            State::BinaryUnion { alt1, alt2 } => {
                out.push(tag::UNION);
                varint(&mut out, 2);
                to(&mut out, *alt1);
                to(&mut out, *alt2);
            }
            State::Capture { next, slot, .. } => {
                out.push(tag::CAPTURE);
                varint(&mut out, slot.as_usize());
                to(&mut out, *next);
            }
            State::Fail => out.push(tag::FAIL),
            State::Match { .. } => out.push(tag::MATCH),
        }
    }
    out
}

/// The bytes an anchored match of `nfa` can consume first: every byte on a
/// transition reachable from the anchored start through epsilon states
/// (look-around assertions are passed as if they held: this is a filter).
/// Every byte for a pattern that can match the empty string.
pub fn first_bytes(nfa: &NFA) -> [u8; 32] {
    if nfa.has_empty() {
        return [0xff; 32];
    }
    let mut set = [0u8; 32];
    let mut seen = vec![false; nfa.states().len()];
    let mut stack = vec![nfa.start_anchored()];
    while let Some(id) = stack.pop() {
        if std::mem::replace(&mut seen[id.as_usize()], true) {
            continue;
        }
        let mut add = |lo: u8, hi: u8| {
            for b in lo..=hi {
                set[usize::from(b >> 3)] |= 1 << (b & 7);
            }
        };
        match nfa.state(id) {
            State::ByteRange { trans } => add(trans.start, trans.end),
            State::Sparse(s) => s.transitions.iter().for_each(|t| add(t.start, t.end)),
            State::Dense(d) => {
                for (b, next) in d.transitions.iter().enumerate() {
                    if *next != regex_automata::util::primitives::StateID::ZERO {
                        add(b as u8, b as u8);
                    }
                }
            }
            State::Look { next, .. } | State::Capture { next, .. } => stack.push(*next),
            State::Union { alternates } => stack.extend(alternates.iter().copied()),
            State::BinaryUnion { alt1, alt2 } => stack.extend([*alt1, *alt2]),
            State::Fail | State::Match { .. } => {}
        }
    }
    set
}

/// FNV-1a, 32 bits: the reader checks that each entry was built from the
/// pattern the detector has now.
pub fn fnv1a(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// The text of `ast` in `pattern`.
fn text<'a>(pattern: &'a str, ast: &Ast) -> &'a str {
    let span = ast.span();
    &pattern[span.start.offset..span.end.offset]
}

/// A non-capturing group without flags around `ast`: its inside.
fn ungroup(ast: &Ast) -> &Ast {
    match ast {
        Ast::Group(g) if matches!(g.kind, ast::GroupKind::NonCapturing(ref f) if f.items.is_empty()) => {
            ungroup(&g.ast)
        }
        other => other,
    }
}

/// `pattern` cut into parts at its leading alternations: a top-level
/// alternation gives one part per alternative; an alternative (or the whole
/// pattern) that begins with an alternation gives one part per alternative
/// of that, each followed by the rest. Tried in order at one start, the
/// parts choose exactly as the pattern's leftmost-first alternation does.
pub fn split(pattern: &str) -> Vec<String> {
    let ast = ast::parse::Parser::new()
        .parse(pattern)
        .unwrap_or_else(|e| panic!("{pattern}: {e}"));
    let mut parts = Vec::new();
    let alternatives: Vec<&Ast> = match ungroup(&ast) {
        Ast::Alternation(a) => a.asts.iter().collect(),
        other => vec![other],
    };
    for alt in alternatives {
        match ungroup(alt) {
            Ast::Concat(c) if matches!(ungroup(&c.asts[0]), Ast::Alternation(_)) => {
                let Ast::Alternation(first) = ungroup(&c.asts[0]) else {
                    unreachable!()
                };
                let rest: String = c.asts[1..].iter().map(|a| text(pattern, a)).collect();
                for a in &first.asts {
                    parts.push(format!("(?:{}){rest}", text(pattern, a)));
                }
            }
            other => parts.push(text(pattern, other).to_string()),
        }
    }
    parts
}

/// How one detector's pattern is searched.
pub enum Plan {
    /// Forward and reverse DFAs; the NFA for capture groups.
    Window {
        forward: Vec<u8>,
        reverse: Vec<u8>,
        nfa: Vec<u8>,
    },
    /// Parts tried anchored from candidate starts: per part its anchored DFA
    /// (empty: backtrack), its NFA and its first bytes.
    Starts(Vec<(Vec<u8>, Vec<u8>, [u8; 32])>),
}

/// One entry of the blob.
pub struct Entry {
    pub name: String,
    pub hash: u32,
    pub plan: Plan,
    pub interior: [u8; 32],
}

/// The parts of one built-in detector's pattern, in order.
fn parts(kind: &str, pattern: &str) -> Vec<String> {
    match kind {
        // The table's rows, each with the value's boundaries: the same
        // alternation the pattern is, one row per part. At one start at most
        // one of `\b` and `/bot` can lead to a row (no row starts with `/`).
        "api_key" => {
            let rows = draftguard::detectors::api_key::PROVIDERS
                .iter()
                .map(|p| p.pattern)
                .chain([r"\x00"]);
            rows.map(|r| format!(r"(?:\b|/bot)(?P<value>(?:{r}))(?:[^A-Za-z0-9_\-]|$)"))
                .collect()
        }
        "password" | "connection_string" => split(pattern),
        _ => vec![pattern.to_string()],
    }
}

/// Compiles one detector's pattern.
pub fn entry(kind: &str, pattern: &str) -> Entry {
    let name = format!("detector:{kind}");
    let fail = |e: String| -> ! { panic!("{name}: {e}") };
    let parts = parts(kind, pattern);
    let whole = if parts.len() == 1 {
        dfa(pattern, Dfa::Forward).and_then(|f| Ok((f, dfa(pattern, Dfa::Reverse)?)))
    } else {
        Err("split".into())
    };
    let plan = match whole {
        Ok((forward, reverse)) if forward.len() + reverse.len() <= WINDOW_BUDGET => {
            Plan::Window {
                forward,
                reverse,
                nfa: encode_nfa(&nfa(pattern).unwrap_or_else(|e| fail(e))),
            }
        }
        _ => Plan::Starts(
            parts
                .iter()
                .map(|p| {
                    let n = nfa(p).unwrap_or_else(|e| fail(e));
                    let anchored = dfa(p, Dfa::Anchored)
                        .ok()
                        .filter(|d| d.len() <= PART_BUDGET)
                        .unwrap_or_default();
                    (anchored, encode_nfa(&n), first_bytes(&n))
                })
                .collect(),
        ),
    };
    Entry {
        name,
        hash: fnv1a(pattern),
        plan,
        interior: draftguard::scan::interior_bytes(pattern),
    }
}

/// Every built-in detector's entry, in registry order.
pub fn entries() -> Vec<Entry> {
    draftguard::REGISTRY
        .iter()
        .map(|d| entry(d.kind, d.pattern))
        .collect()
}

/// Appends a length-prefixed section.
fn section(out: &mut Vec<u8>, bytes: &[u8]) {
    varint(out, bytes.len());
    out.extend_from_slice(bytes);
}

/// The blob: `MAGIC`, then per entry: name (length-prefixed), u32 pattern
/// hash (little-endian), 32 bytes of interior set, then the plan: tag 1
/// (whole windows) and three sections (forward DFA, reverse DFA, NFA), or tag
/// 2 (starts), a part count and per part two sections (anchored DFA, empty
/// to backtrack; NFA) and 32 bytes of first-byte set. Sections are
/// length-prefixed (LEB128); a set has bit `b & 7` of byte `b >> 3`.
pub fn blob(entries: &[Entry]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    varint(&mut out, entries.len());
    for e in entries {
        section(&mut out, e.name.as_bytes());
        out.extend_from_slice(&e.hash.to_le_bytes());
        out.extend_from_slice(&e.interior);
        match &e.plan {
            Plan::Window {
                forward,
                reverse,
                nfa,
            } => {
                out.push(1);
                section(&mut out, forward);
                section(&mut out, reverse);
                section(&mut out, nfa);
            }
            Plan::Starts(parts) => {
                out.push(2);
                varint(&mut out, parts.len());
                for (dfa, nfa, first) in parts {
                    section(&mut out, dfa);
                    section(&mut out, nfa);
                    out.extend_from_slice(first);
                }
            }
        }
    }
    out
}

/// One line per entry: how it is searched and what that weighs.
pub fn describe(entries: &[Entry]) -> String {
    let mut out = String::new();
    for e in entries {
        out += &match &e.plan {
            Plan::Window {
                forward,
                reverse,
                nfa,
            } => format!(
                "{:32} window: forward DFA {:>6} B, reverse {:>6} B, NFA {:>6} B\n",
                e.name,
                forward.len(),
                reverse.len(),
                nfa.len()
            ),
            Plan::Starts(parts) => format!(
                "{:32} starts: {} part(s), anchored DFAs {:>6} B ({} backtrack), NFAs {:>6} B\n",
                e.name,
                parts.len(),
                parts.iter().map(|p| p.0.len()).sum::<usize>(),
                parts.iter().filter(|p| p.0.is_empty()).count(),
                parts.iter().map(|p| p.1.len()).sum::<usize>()
            ),
        };
    }
    out
}
