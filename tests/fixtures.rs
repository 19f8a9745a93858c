//! Runs every detector's fixture file (tests/fixtures/<kind>.txt; format in
//! tests/fixtures/README.md) through the full engine with default options.
#![cfg(not(target_arch = "wasm32"))]

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
