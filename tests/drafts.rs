//! Realistic multi-line drafts (tests/drafts/*.txt) with every expected
//! finding marked `⟦kind|value⟧`. A draft passes when the findings are exactly
//! the marked ones — nothing missed, nothing extra. Prints precision and recall
//! per kind (`cargo test --test drafts -- --nocapture`).
//!
//! File format: a line `=== title` starts a draft; the lines after it, up to
//! the next `===`, are the draft (trailing blank lines dropped).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::PathBuf;

use draftguard::Guard;

struct Draft {
    file: String,
    title: String,
    text: String,
    /// (kind, start, end) in bytes.
    expected: Vec<(String, usize, usize)>,
}

fn parse(file: &str, src: &str) -> Vec<Draft> {
    let mut drafts = Vec::new();
    let mut current: Option<(String, Vec<&str>)> = None;
    let flush = |cur: Option<(String, Vec<&str>)>, drafts: &mut Vec<Draft>| {
        let Some((title, mut lines)) = cur else {
            return;
        };
        while lines.last().is_some_and(|l| l.trim().is_empty()) {
            lines.pop();
        }
        let marked = lines.join("\n");
        let (mut text, mut expected) = (String::new(), Vec::new());
        let mut rest = marked.as_str();
        while let Some(open) = rest.find('⟦') {
            text.push_str(&rest[..open]);
            let after = &rest[open + '⟦'.len_utf8()..];
            let close = after
                .find('⟧')
                .unwrap_or_else(|| panic!("{file}: {title}: unclosed ⟦"));
            let (kind, value) = after[..close]
                .split_once('|')
                .unwrap_or_else(|| panic!("{file}: {title}: ⟦kind|value⟧"));
            expected.push((kind.to_string(), text.len(), text.len() + value.len()));
            text.push_str(value);
            rest = &after[close + '⟧'.len_utf8()..];
        }
        text.push_str(rest);
        drafts.push(Draft {
            file: file.to_string(),
            title,
            text,
            expected,
        });
    };
    for line in src.lines() {
        if let Some(title) = line.strip_prefix("=== ") {
            flush(current.take(), &mut drafts);
            current = Some((title.to_string(), Vec::new()));
        } else if let Some((_, lines)) = current.as_mut() {
            lines.push(line);
        }
    }
    flush(current, &mut drafts);
    drafts
}

fn load() -> Vec<Draft> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/drafts");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|p| {
            parse(
                &p.file_name().unwrap().to_string_lossy(),
                &std::fs::read_to_string(p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn realistic_drafts_yield_exactly_the_marked_findings() {
    let guard = Guard::default();
    let drafts = load();
    assert!(drafts.len() >= 20, "only {} drafts", drafts.len());
    // kind -> (true positives, false positives, false negatives)
    let mut counts: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for d in &drafts {
        let found: Vec<(String, usize, usize)> = guard
            .scan(&d.text)
            .unwrap()
            .into_iter()
            .map(|f| (f.kind.to_string(), f.start, f.end))
            .collect();
        for f in &found {
            let c = counts.entry(f.0.clone()).or_default();
            if d.expected.contains(f) {
                c.0 += 1
            } else {
                c.1 += 1
            }
        }
        for e in &d.expected {
            if !found.contains(e) {
                counts.entry(e.0.clone()).or_default().2 += 1;
            }
        }
        if found != d.expected {
            let show = |v: &[(String, usize, usize)]| {
                v.iter()
                    .map(|(k, s, e)| format!("{k}:{:?}", &d.text[*s..*e]))
                    .collect::<Vec<_>>()
            };
            failures.push(format!(
                "{} / {}\n    want {:?}\n    got  {:?}",
                d.file,
                d.title,
                show(&d.expected),
                show(&found)
            ));
        }
    }
    println!(
        "\n{} drafts\n| kind | TP | FP | FN | precision | recall |\n|---|---|---|---|---|---|",
        drafts.len()
    );
    for (kind, (tp, fp, fn_)) in &counts {
        let p = *tp as f64 / (*tp + *fp).max(1) as f64;
        let r = *tp as f64 / (*tp + *fn_).max(1) as f64;
        println!("| {kind} | {tp} | {fp} | {fn_} | {:.3} | {:.3} |", p, r);
    }
    assert!(
        failures.is_empty(),
        "{} drafts differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
