//! Builds draftguard's built-in pattern table at development time.
//!
//! The product compiles the detectors' patterns at run time, on first use,
//! with its own parser and compiler (those of custom rules, over bytes) and
//! searches them with its own lazy DFA, which builds only the states a text
//! visits. What it needs besides the text, this works out once
//! with regex-syntax and regex-automata's full compiler, and
//! `cargo run --release -p draftguard-gen` writes it to
//! `src/pattern/automata.bin`; `gen/tests/fresh.rs` fails when it is out of
//! date, and `gen/tests/compiled.rs` holds the product's NFAs to
//! regex-automata's compiler.
//!
//! Why text and not compiled automata: whole DFAs of these patterns are
//! large (bounded repetitions over classes that contain their own prefix
//! blow up; the API-key table does not determinize within 2 GB; 36 of the
//! 40 patterns as forward and reverse sparse DFAs weigh 78 KB gzip), and
//! even the NFAs, written compactly, were 22.6 KB gzip: a pattern unrolls
//! its counted repetitions. The texts are 4.6 KB gzip, and the module has a
//! parser and compiler anyway, for custom rules.
//!
//! Per detector the blob holds the pattern to compile (with a group around
//! each row of the API-key table), how it is searched — over whole windows,
//! as a regex search does (forward for the end, reverse for the start), or,
//! for three detectors, anchored from candidate starts, with the bytes a
//! match can start with and the longest match — and the bytes a match can
//! hold past its first (the live scan's cuts).

mod interior;

use regex_automata::nfa::thompson::{self, State, WhichCaptures, NFA};
use regex_automata::util::syntax;

/// Format version, checked by the reader.
pub const MAGIC: &[u8; 8] = b"DGAUTO11";

fn syntax_config() -> syntax::Config {
    // As the engine always compiled them: ASCII, over bytes.
    syntax::Config::new()
        .unicode(false)
        .utf8(false)
        .nest_limit(64)
}

/// The NFA of `pattern`: forward with every capture group, or reverse
/// without any (as regex-automata's regex builders compile them).
pub fn nfa(pattern: &str, reverse: bool) -> Result<NFA, String> {
    thompson::Compiler::new()
        .syntax(syntax_config())
        .configure(
            thompson::Config::new()
                .utf8(false)
                .reverse(reverse)
                .shrink(reverse)
                .which_captures(if reverse {
                    WhichCaptures::None
                } else {
                    WhichCaptures::All
                })
                .nfa_size_limit(Some(8 << 20)),
        )
        .build(pattern)
        .map_err(|e| e.to_string())
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

/// What precedes a position, as the assertions tell it apart: the start of
/// the text, a line feed, a carriage return, a word byte, any other byte —
/// each with a representative byte (the reader classifies the same way).
const BEFORE: [Option<u8>; 5] = [None, Some(b'\n'), Some(b'\r'), Some(b'a'), Some(b' ')];

/// Per class of what precedes a position ([`BEFORE`]), the bytes an anchored
/// match of `nfa` can consume first there: every byte on a transition
/// reachable from the anchored start through epsilon states, with the
/// assertions on the way evaluated between the byte before and that byte.
/// A pattern that can match the empty string can match anywhere.
pub fn first_bytes(nfa: &NFA) -> [[u8; 32]; 5] {
    use regex_automata::util::look::LookMatcher;
    if nfa.has_empty() {
        return [[0xff; 32]; 5];
    }
    let look = LookMatcher::new();
    let mut out = [[0u8; 32]; 5];
    for (class, before) in BEFORE.iter().enumerate() {
        for b in 0..=255u8 {
            let hay: Vec<u8> = before.iter().copied().chain([b]).collect();
            let at = hay.len() - 1;
            let mut seen = vec![false; nfa.states().len()];
            let mut stack = vec![nfa.start_anchored()];
            let mut takes = false;
            while let Some(id) = stack.pop() {
                if takes || std::mem::replace(&mut seen[id.as_usize()], true) {
                    continue;
                }
                match nfa.state(id) {
                    State::ByteRange { trans } => takes = trans.matches_byte(b),
                    State::Sparse(s) => takes = s.matches_byte(b).is_some(),
                    State::Dense(d) => takes = d.matches_byte(b).is_some(),
                    State::Look { look: l, next } => {
                        if look.matches(*l, &hay, at) {
                            stack.push(*next);
                        }
                    }
                    State::Capture { next, .. } => stack.push(*next),
                    State::Union { alternates } => stack.extend(alternates.iter().copied()),
                    State::BinaryUnion { alt1, alt2 } => stack.extend([*alt1, *alt2]),
                    State::Fail | State::Match { .. } => {}
                }
            }
            if takes {
                out[class][usize::from(b >> 3)] |= 1 << (b & 7);
            }
        }
    }
    out
}

/// FNV-1a, 32 bits: the reader checks that each entry was built from the
/// pattern the detector has now.
pub fn fnv1a(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// The length of `pattern`'s longest match, if its matches have one.
pub fn longest_match(pattern: &str) -> Option<usize> {
    regex_automata::util::syntax::parse_with(pattern, &syntax_config())
        .ok()?
        .properties()
        .maximum_len()
}

/// How one detector's pattern is searched.
pub enum Plan {
    /// Forward and reverse lazy DFAs over whole windows (the product
    /// compiles the pattern both ways).
    Window,
    /// An anchored lazy DFA from each candidate start: the bytes a match can
    /// start with, per class of the byte before ([`BEFORE`]), and the length
    /// of the detector's longest match, if its matches have one (a relaxed
    /// pattern's NFA has none: [`relax_row`]); no start's search reads past it.
    Starts([[u8; 32]; 5], Option<usize>),
}

/// One entry of the blob.
pub struct Entry {
    pub name: String,
    pub hash: u32,
    /// The pattern the product compiles: the detector's, or for the API-key
    /// table the same with a group around each row ([`api_key_grouped`]).
    pub pattern: String,
    pub plan: Plan,
    pub interior: [u8; 32],
}

/// Detectors searched from candidate starts. Unanchored, their bounded
/// repetitions over classes that contain their own prefixes make the lazy DFA
/// build a new state for almost every byte (neither whole DFA fits in 2 GB):
/// the API-key table on base64 runs, and `connection_string`'s `{0,300}?`
/// and `{0,200}?` on ordinary prose with URLs in it, where its cache filled
/// and was cleared over and over (40 % of a warm scan of real text).
/// `generic_secret` too: its `{15,511}` value after keys, quotes and
/// brackets in three scripts took more states than its cache held on
/// finding-dense text (13.6 ms for 100 KB, from starts 2.6 ms), and its
/// reverse NFA (18 KB) leaves the blob. Anchored at a start, the states are few.
pub const FROM_STARTS: &[&str] = &["api_key", "connection_string", "generic_secret"];

/// Of [`FROM_STARTS`], those whose matches have no length bound: each
/// unbounded repetition comes after `://`, `=` or `/` (`connection_string`)
/// or a secret key (`generic_secret`'s blanks, `[ \t]*`), which few starts
/// reach, so a start's search is short but for one per such literal (floods
/// of `Server=x;`, `jdbc:oracle:thin:`, `a://`, `secret=` and `token: ` stay
/// linear: bench/floods.mjs).
const UNBOUNDED_FROM_STARTS: &[&str] = &["connection_string", "generic_secret"];

/// Compiles one detector's pattern.
pub fn entry(kind: &str, pattern: &str) -> Entry {
    entry_grouped(kind, pattern, pattern)
}

/// Compiles `grouped`, the detector's `pattern` with capture groups added
/// (the same language and priorities: a group changes no match), into the
/// entry of `pattern`.
fn entry_grouped(kind: &str, pattern: &str, grouped: &str) -> Entry {
    let name = format!("detector:{kind}");
    let forward = nfa(grouped, false).unwrap_or_else(|e| panic!("{name}: {e}"));
    let plan = if FROM_STARTS.contains(&kind) {
        assert!(
            longest_match(pattern).is_some() || UNBOUNDED_FROM_STARTS.contains(&kind),
            "{name}: searched from starts, must be bounded"
        );
        Plan::Starts(first_bytes(&forward), longest_match(pattern))
    } else {
        Plan::Window
    };
    Entry {
        name,
        hash: fnv1a(pattern),
        pattern: grouped.to_string(),
        plan,
        interior: interior::interior(pattern).to_bytes(),
    }
}

/// Every built-in detector's entry, in registry order. The API-key
/// detector's NFA has a group named `p<index>` around each row of its table
/// (`api_key::PROVIDERS`): the first row whose format a whole value has is
/// that value's provider, and `api_key::provider` finds it by running the
/// part of the NFA inside the `value` group (one NFA in the blob for the
/// search and for the rows, not two copies of 107 KB).
pub fn entries() -> Vec<Entry> {
    draftguard::REGISTRY
        .iter()
        .map(|d| match d.kind {
            "api_key" => entry_grouped(d.kind, d.pattern, &api_key_grouped(d.pattern, true)),
            _ => entry(d.kind, d.pattern),
        })
        .collect()
}

/// The API-key pattern with a group `p<i>` around row `i`, its rows relaxed
/// ([`relax_row`]) if `relax`; panics if the detector's pattern is not the
/// rows' alternation this expects.
pub fn api_key_grouped(pattern: &str, relax: bool) -> String {
    let rows = draftguard::detectors::api_key::PROVIDERS;
    let (head, tail) = (r"(?:\b|/bot)(?P<value>", r"\x00)(?:[^A-Za-z0-9_\-]|$)");
    let plain: String = rows.iter().map(|p| format!("(?:{})|", p.pattern)).collect();
    assert_eq!(
        format!("{head}{plain}{tail}"),
        pattern,
        "api_key: the pattern is not its rows' alternation; gen/src/lib.rs must learn its new shape"
    );
    let mut relaxed = 0;
    let grouped: String = rows
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let row = if relax {
                relax_row(p.pattern, &mut relaxed)
            } else {
                p.pattern.to_string()
            };
            format!("(?:(?P<p{i}>{row}))|")
        })
        .collect();
    format!("{head}{grouped}{tail}")
}

/// Counted repetitions at least this wide (`n - m` of an `{m,n}`) that end
/// an API-key row are relaxed ([`relax_row`]).
pub const RELAX_WIDER_THAN: u32 = 15;

/// Bytes a relaxed repetition's class may hold: those of a token
/// (`[A-Za-z0-9_\-]`), none of which can end a value.
fn relaxable_class(class: &regex_syntax::hir::Class) -> bool {
    use regex_syntax::hir::Class;
    let word = |b: u32| matches!(char::from_u32(b), Some(c) if c.is_ascii_alphanumeric() || c == '_' || c == '-');
    match class {
        Class::Bytes(c) => c
            .ranges()
            .iter()
            .all(|r| (r.start()..=r.end()).all(|b| word(u32::from(b)))),
        Class::Unicode(c) => c
            .ranges()
            .iter()
            .all(|r| (u32::from(r.start())..=u32::from(r.end())).all(word)),
    }
}

/// An API-key row as the blob's NFA holds it: each counted repetition
/// `c{m,n}` that ends the row (the last thing each of its alternatives
/// matches), whose class `c` holds only token bytes (`[A-Za-z0-9_\-]`) and
/// that is wider than [`RELAX_WIDER_THAN`], becomes `(?P<le<n>_<k>>c{m,})`
/// (`k` counts them). An unrolled `{m,n}` is `n` NFA states; `{m,}` is `m`
/// and a loop. The product holds the group to its bound (`automata::bound`):
/// a match in which it spans more than `n` bytes is no match at that start,
/// and the search goes on from the next byte, as with the exact row. Why
/// that is the exact row's search:
///
/// - A row's value is followed by a byte that cannot continue a token
///   (`[^A-Za-z0-9_\-]`) or the end, and the class lies inside the token
///   bytes: the repetition runs to the end of the run of token bytes. Where
///   it starts is the same on every path through its row (each relaxed row's
///   prefix is of fixed length or ends in a byte the class lacks; OpenAI's
///   second run follows a greedy first one, so the leftmost-first path, whose
///   groups the product reads, has the shortest second run). So its length
///   is what it is: at most `n`, the relaxed row matches what the exact one
///   does; longer, the exact row does not match at that start, and the
///   relaxed match is refused.
/// - When the exact row fails, a later row could match at the same start.
///   None does: `gen/tests/bounds.rs` searches the exact pattern and the
///   relaxed one with its bounds (as the scan does, from every start) over
///   values of every relaxed row of `m - 2 ..= m + 2` and `n - 2 ..= n + 2`
///   bytes and longer, after and before every other row's text,
///   terminators, `/bot`, `_`, `-` and spaces, and requires the same matches.
///   (Rows whose repetitions are 8 wide, Alibaba's `LTAI` + `{12,20}` and a
///   Slack workflow URL's `{24,32}`, stay exact: `LTAI` and 28 more is a
///   Mistral key's 32 characters.)
/// - Searches stay linear: the relaxed NFA's matches have no longest, so
///   the blob holds the exact pattern's longest match and no start's search
///   reads past it (`automata::Matcher::find_at`): a match that would end
///   later is over a bound anyway. `bench/floods.mjs` has 10 MB token runs.
pub fn relax_row(row: &str, relaxed: &mut usize) -> String {
    use regex_syntax::hir::{Capture, Hir, HirKind, Repetition};
    fn walk(h: &Hir, relaxed: &mut usize) -> Option<Hir> {
        match h.kind() {
            HirKind::Repetition(r) => {
                let max = r.max?;
                let HirKind::Class(class) = r.sub.kind() else {
                    return None;
                };
                if !r.greedy || max - r.min <= RELAX_WIDER_THAN || !relaxable_class(class) {
                    return None;
                }
                let k = *relaxed;
                *relaxed += 1;
                Some(Hir::capture(Capture {
                    index: 0,
                    name: Some(format!("le{max}_{k}").into()),
                    sub: Box::new(Hir::repetition(Repetition {
                        max: None,
                        ..r.clone()
                    })),
                }))
            }
            HirKind::Concat(hs) => {
                let (last, init) = hs.split_last()?;
                let last = walk(last, relaxed)?;
                Some(Hir::concat(init.iter().cloned().chain([last]).collect()))
            }
            HirKind::Alternation(hs) => {
                let mut any = false;
                let alts = hs
                    .iter()
                    .map(|a| {
                        walk(a, relaxed).map_or_else(
                            || a.clone(),
                            |r| {
                                any = true;
                                r
                            },
                        )
                    })
                    .collect();
                any.then(|| Hir::alternation(alts))
            }
            HirKind::Capture(c) => walk(&c.sub, relaxed).map(|sub| {
                Hir::capture(Capture {
                    sub: Box::new(sub),
                    ..c.clone()
                })
            }),
            _ => None,
        }
    }
    let hir = regex_automata::util::syntax::parse_with(row, &syntax_config())
        .unwrap_or_else(|e| panic!("api_key row {row}: {e}"));
    walk(&hir, relaxed).map_or_else(|| row.to_string(), |h| h.to_string())
}

/// Appends a length-prefixed section.
fn section(out: &mut Vec<u8>, bytes: &[u8]) {
    varint(out, bytes.len());
    out.extend_from_slice(bytes);
}

/// The blob: `MAGIC`, an entry count, then per entry: name (length-prefixed),
/// u32 pattern hash (little-endian), 32 bytes of interior set, the pattern
/// to compile (UTF-8, length-prefixed), then the plan: tag 1 (whole
/// windows), or tag 2 (from starts) and five 32-byte first-byte sets (one
/// per class of the byte before: text start, `\n`, `\r`, word byte, other)
/// and the longest match (0: none). Lengths are LEB128; a set has bit
/// `b & 7` of byte `b >> 3`.
pub fn blob(entries: &[Entry]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    varint(&mut out, entries.len());
    for e in entries {
        section(&mut out, e.name.as_bytes());
        out.extend_from_slice(&e.hash.to_le_bytes());
        out.extend_from_slice(&e.interior);
        section(&mut out, e.pattern.as_bytes());
        match &e.plan {
            Plan::Window => out.push(1),
            Plan::Starts(first, longest) => {
                out.push(2);
                for set in first {
                    out.extend_from_slice(set);
                }
                varint(&mut out, longest.unwrap_or(0));
            }
        }
    }
    out
}

/// One line per entry: how it is searched and the pattern's length.
pub fn describe(entries: &[Entry]) -> String {
    let mut out = String::new();
    for e in entries {
        let how = match e.plan {
            Plan::Window => "window",
            Plan::Starts(..) => "starts",
        };
        out += &format!("{:32} {how}: pattern {:>5} B\n", e.name, e.pattern.len());
    }
    out
}
