//! Runs every detector's fixture file (tests/fixtures/<kind>.txt; format in
//! tests/fixtures/README.md) through the full engine with default options.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::disallowed_methods)] // std case mapping: fine in tests (clippy.toml)

use std::path::PathBuf;

use draftguard::{Confidence, Guard, REGISTRY};

const OPEN: char = '⟦';
const CLOSE: char = '⟧';

#[derive(Debug)]
enum Line {
    /// Draft and the marked spans (byte offsets in the unescaped draft).
    Positive {
        draft: String,
        spans: Vec<(usize, usize)>,
        confidence: Option<Confidence>,
    },
    /// No finding of any kind.
    Negative(String),
    /// No finding of this kind.
    NotThisKind(String),
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                assert_eq!(chars.next(), Some('{'), "bad \\u escape in {s:?}");
                let hex: String = chars.by_ref().take_while(|&c| c != '}').collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
            }
            other => panic!("unknown escape \\{other:?} in {s:?}"),
        }
    }
    out
}

fn parse_positive(text: &str) -> (String, Vec<(usize, usize)>) {
    let text = unescape(text);
    let mut draft = String::new();
    let mut spans = Vec::new();
    let mut open = None;
    for c in text.chars() {
        match c {
            OPEN => open = Some(draft.len()),
            CLOSE => spans.push((open.take().expect("⟧ without ⟦"), draft.len())),
            _ => draft.push(c),
        }
    }
    assert!(open.is_none(), "unclosed ⟦ in {text:?}");
    (draft, spans)
}

fn load(kind: &str) -> Option<Vec<Line>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("{kind}.txt"));
    let src = std::fs::read_to_string(path).ok()?;
    let mut lines = Vec::new();
    for raw in src.lines() {
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let (tag, rest) = raw
            .split_once(' ')
            .unwrap_or_else(|| panic!("{kind}: malformed line {raw:?}"));
        lines.push(match tag {
            "-" => Line::Negative(unescape(rest)),
            "~" => Line::NotThisKind(unescape(rest)),
            _ if tag.starts_with('+') => {
                let confidence = match &tag[1..] {
                    "" => None,
                    c => Some(
                        Confidence::parse(c)
                            .unwrap_or_else(|| panic!("{kind}: bad confidence in {raw:?}")),
                    ),
                };
                let (draft, spans) = parse_positive(rest);
                assert!(
                    !spans.is_empty(),
                    "{kind}: positive line without ⟦⟧: {raw:?}"
                );
                Line::Positive {
                    draft,
                    spans,
                    confidence,
                }
            }
            _ => panic!("{kind}: unknown tag {tag:?} in {raw:?}"),
        });
    }
    Some(lines)
}

#[test]
fn every_registered_detector_has_a_fixture_with_both_signs() {
    for d in REGISTRY {
        let lines =
            load(d.kind).unwrap_or_else(|| panic!("tests/fixtures/{}.txt is missing", d.kind));
        let pos = lines
            .iter()
            .filter(|l| matches!(l, Line::Positive { .. }))
            .count();
        let neg = lines
            .iter()
            .filter(|l| !matches!(l, Line::Positive { .. }))
            .count();
        assert!(
            pos >= 3 && neg >= 3,
            "{}: needs at least 3 true and 3 false positives, has {pos} and {neg}",
            d.kind
        );
    }
}

#[test]
fn fixtures_hold() {
    let guard = Guard::default();
    let mut failures = Vec::new();
    let mut checked = 0;
    for d in REGISTRY {
        for line in load(d.kind).unwrap_or_default() {
            checked += 1;
            match line {
                Line::Positive {
                    draft,
                    spans,
                    confidence,
                } => {
                    let found = guard.scan(&draft).unwrap();
                    let mine: Vec<_> = found.iter().filter(|f| f.kind == d.kind).collect();
                    let got: Vec<(usize, usize)> = mine.iter().map(|f| (f.start, f.end)).collect();
                    if got != spans {
                        let got_text: Vec<&str> = got.iter().map(|&(s, e)| &draft[s..e]).collect();
                        let want_text: Vec<&str> =
                            spans.iter().map(|&(s, e)| &draft[s..e]).collect();
                        failures.push(format!("{}: {draft:?}\n    want {want_text:?}\n    got  {got_text:?} (all: {found:?})", d.kind));
                    } else if let Some(c) = confidence {
                        for f in &mine {
                            if f.confidence != c {
                                failures.push(format!(
                                    "{}: {draft:?}: confidence {:?}, want {c:?} ({:?})",
                                    d.kind, f.confidence, f.reasons
                                ));
                            }
                        }
                    }
                }
                Line::Negative(draft) => {
                    let found = guard.scan(&draft).unwrap();
                    if !found.is_empty() {
                        failures.push(format!(
                            "{}: hard negative {draft:?} flagged: {found:?}",
                            d.kind
                        ));
                    }
                }
                Line::NotThisKind(draft) => {
                    let found = guard.scan(&draft).unwrap();
                    if found.iter().any(|f| f.kind == d.kind) {
                        failures.push(format!(
                            "{}: {draft:?} must not be this kind: {found:?}",
                            d.kind
                        ));
                    }
                }
            }
        }
    }
    assert!(checked > 50, "only {checked} fixture lines");
    assert!(
        failures.is_empty(),
        "{} fixture failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Issue 14 item 5: quotes and brackets never hide a value. Every marked value
/// of every fixture, wrapped in `'…'`, `"…"`, `` `…` ``, `(…)`, `[…]`, `<…>`,
/// `{…}`, and followed by `,;:.!?` or CJK punctuation, is still found: a
/// finding of the fixture's kind with exactly the value's span. A value glued
/// to text on both sides (a password inside a URL) is wrapped with the text it
/// is glued to: the connection string is what gets quoted, not its password.
/// Left as they are: values the fixture already wraps (`"password": "…"`),
/// blocks of several lines (PEM, MRZ), and punctuation right after a value
/// that is followed by more than a space (it would make two marks in a row).
#[test]
fn fixture_values_are_found_in_quotes_and_brackets() {
    const WRAPS: [(&str, &str); 8] = [
        ("", ""),
        ("'", "'"),
        ("\"", "\""),
        ("`", "`"),
        ("(", ")"),
        ("[", "]"),
        ("<", ">"),
        ("{", "}"),
    ];
    const AFTER: [&str; 14] = [
        "", ",", ";", ":", ".", "!", "?", "。", "，", "；", "：", "！", "？", "、",
    ];
    let wrapper = |c: Option<char>| c.is_some_and(|c| "'\"`()[]<>{}“”„「」【】（）".contains(c));
    let glued = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
    let guard = Guard::default();
    let mut failures = Vec::new();
    let mut checked = 0;
    for d in REGISTRY {
        for line in load(d.kind).unwrap_or_default() {
            let Line::Positive { draft, spans, .. } = line else {
                continue;
            };
            for &(s, e) in &spans {
                let (before, after) = (draft[..s].chars().next_back(), draft[e..].chars().next());
                if wrapper(before) || wrapper(after) || draft[s..e].contains('\n') {
                    continue;
                }
                // The text wrapped: the value, or the run of non-space text it is part of.
                let (ws, we) = if glued(before) && glued(after) {
                    let ws = draft[..s].rfind(char::is_whitespace).map_or(0, |i| i + 1);
                    let we = draft[e..]
                        .find(char::is_whitespace)
                        .map_or(draft.len(), |i| e + i);
                    (ws, we)
                } else {
                    (s, e)
                };
                let free = draft[we..].chars().next().is_none_or(char::is_whitespace);
                // Every wrap with nothing after it, every punctuation mark after
                // the bare value, and every wrap with one of the marks after it.
                let mut ways: Vec<(&str, &str, &str)> =
                    WRAPS.iter().map(|&(o, c)| (o, c, "")).collect();
                if free {
                    ways.extend(AFTER.iter().map(|&a| ("", "", a)));
                    ways.extend(
                        (WRAPS
                            .iter()
                            .skip(1)
                            .zip(AFTER.iter().cycle().skip(1 + s % 13)))
                        .map(|(&(o, c), &a)| (o, c, a)),
                    );
                }
                for (open, close, after) in ways {
                    // A trailing `!` belongs to an unquoted password ("hunter2!"), by design.
                    if open.is_empty() && after == "!" && d.category.as_str() == "credential" {
                        continue;
                    }
                    let text = format!(
                        "{}{open}{}{close}{after}{}",
                        &draft[..ws],
                        &draft[ws..we],
                        &draft[we..]
                    );
                    let at = s + open.len();
                    checked += 1;
                    let found = guard.scan(&text).unwrap();
                    if !found
                        .iter()
                        .any(|f| f.kind == d.kind && (f.start, f.end) == (at, at + (e - s)))
                    {
                        let got: Vec<String> = (found.iter())
                            .map(|f| format!("{} {:?}", f.kind, &text[f.start..f.end]))
                            .collect();
                        failures.push(format!("{}: {text:?}: got {got:?}", d.kind));
                    }
                }
            }
        }
    }
    assert!(checked > 1000, "only {checked} wrapped values");
    assert!(
        failures.is_empty(),
        "{} of {checked} wrapped values not found:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Issue 14 item 9: labels in all three languages for every kind that is
/// reported only next to a label. Each such kind has at least two German and
/// two Chinese context words, and each of them, written as a label before the
/// kind's first fixture value ("Versichertennummer: …", "医保号：…"), makes the
/// guard report it — the prefilter must open a window for every label too.
#[test]
fn every_label_of_every_gated_kind_finds_its_value() {
    let guard = Guard::default();
    let mut failures = Vec::new();
    for d in REGISTRY.iter().filter(|d| d.scoring.alone.is_none()) {
        let (de, zh) = (d.context.de, d.context.zh);
        if de.len() < 2 || zh.len() < 2 {
            failures.push(format!(
                "{}: {} German and {} Chinese labels",
                d.kind,
                de.len(),
                zh.len()
            ));
        }
        let value = load(d.kind)
            .unwrap_or_default()
            .into_iter()
            .find_map(|l| match l {
                Line::Positive { draft, spans, .. } => {
                    Some(draft[spans[0].0..spans[0].1].to_string())
                }
                _ => None,
            })
            .unwrap_or_else(|| panic!("{}: no positive fixture line", d.kind));
        // A qualifier ("(Vereinigte Staaten)", "（美国）": a word in brackets
        // right after the value) is no label on its own: it counts where a
        // label's keyword brought the value into reach (src/scan/resolve.rs).
        let labels = de
            .lines()
            .chain(zh.lines())
            .filter(|l| !l.starts_with(['(', '（']));
        for label in labels {
            let cjk = !label.is_ascii();
            // Written as a user would: capitalised German nouns, a full-width colon after Chinese.
            let written = if cjk {
                format!("{label}：{value}")
            } else {
                let mut c = label.chars();
                let first = c.next().unwrap().to_uppercase().collect::<String>();
                format!("{first}{}: {value}", c.as_str())
            };
            let found = guard.scan(&written).unwrap();
            if !found.iter().any(|f| f.kind == d.kind) {
                failures.push(format!(
                    "{}: {written:?} finds {:?}",
                    d.kind,
                    found.iter().map(|f| &*f.kind).collect::<Vec<_>>()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
