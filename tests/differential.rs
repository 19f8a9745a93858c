//! The engine against itself without its shortcuts (`Engine::without_shortcuts`:
//! no digit set, no context gates): both run over every fixture, every sample
//! draft, the ordinary messages and a generated corpus (finding-dense and
//! clean text in English, German and Chinese, code, logs, floods), under
//! several option sets, and must report identical findings: kind, span,
//! confidence, reasons and preview.
//!
//! The corpus is `DIFFERENTIAL_MB` megabytes (default 1; the test command
//! runs 20 in release). Until issue 14 the reference was the engine before
//! engine v2 (frozen in `v1/`, retired when detectors began to find what v1
//! did not); the engine's other paths are pinned by the fixtures and drafts
//! (exact findings) and the live-scan property test (live == full scan).
#![cfg(not(target_arch = "wasm32"))]

mod common {
    pub mod corpus;
    pub mod engines;
    pub mod ordinary;
}

use common::corpus;
use common::engines::{options, pair, scan_rows};
use draftguard::{Category, Confidence, CustomRule, Options};

/// The option sets compared: defaults, a page's `attach` defaults, one
/// language, a few kinds, custom rules and allowlists.
fn option_sets() -> Vec<(&'static str, Options)> {
    let custom = |kind: &str, pattern: &str, validator: Option<&str>| CustomRule {
        kind: kind.into(),
        name: None,
        pattern: pattern.into(),
        validator: validator.map(String::from),
        category: Category::Confidential,
        context: vec!["employee".into(), "mitarbeiter".into()],
        context_required: false,
        confidence: Confidence::Medium,
    };
    vec![
        ("defaults", options(false)),
        ("attach defaults", options(true)),
        (
            "de, kinds, custom rules, allowlists",
            Options {
                locales: Some(vec!["de-DE".into()]),
                custom_rules: vec![
                    custom("employee_id", r"\bEMP-(?P<value>[0-9]{6})\b", None),
                    custom("gift_card", r"\bGC(?P<value>[0-9]{16})\b", Some("luhn")),
                ],
                allowlist: vec![
                    "4111 1111 1111 1111".into(),
                    "DE89370400440532013000".into(),
                ],
                allowlist_patterns: vec![
                    r"5555[ -]?5555[ -]?5555[ -]?4444".into(),
                    "[0-9]{9}".into(),
                ],
                ..Default::default()
            },
        ),
        (
            "financial kinds only",
            Options {
                kinds: Some(
                    ["credit_card", "iban", "us_ssn", "bank_account", "phone"]
                        .map(String::from)
                        .to_vec(),
                ),
                ..Default::default()
            },
        ),
    ]
}

/// Compares the engine with and without its shortcuts on `texts`; on a
/// difference, panics with the text (shortened around the first difference)
/// and both lists.
fn compare(texts: &[String]) -> usize {
    let mut findings = 0;
    for (name, options) in option_sets() {
        let (fast, plain) = pair(options);
        for text in texts {
            let (a, b) = (scan_rows(&fast, text), scan_rows(&plain, text));
            if a != b {
                let (a, b) = (a.unwrap_or_default(), b.unwrap_or_default());
                let at = a
                    .iter()
                    .zip(&b)
                    .position(|(x, y)| x != y)
                    .unwrap_or(a.len().min(b.len()));
                let near = a.get(at).or(b.get(at)).map_or(0, |r| r.1);
                let from = text.floor_char_boundary(near.saturating_sub(200));
                let to = text.ceil_char_boundary((near + 200).min(text.len()));
                panic!(
                    "options {name:?}: the shortcuts change finding {at} near byte {near}\n\
                     text: {:?}\nwith: {:#?}\nwithout: {:#?}",
                    &text[from..to],
                    &a[at.saturating_sub(1)..(at + 2).min(a.len())],
                    &b[at.saturating_sub(1)..(at + 2).min(b.len())],
                );
            }
            findings += a.map_or(0, |a| a.len());
        }
    }
    findings
}

#[test]
fn fixtures_drafts_and_ordinary_messages_find_the_same() {
    let found = compare(&corpus::samples());
    assert!(found > 1_000, "{found}");
}

#[test]
fn a_generated_corpus_finds_the_same() {
    let mb: usize = std::env::var("DIFFERENTIAL_MB").map_or(1, |v| v.parse().expect("a number"));
    let mut found = 0;
    let mut bytes = 0;
    for (i, chunk) in corpus::generated(mb << 20, 0xD1FF).enumerate() {
        bytes += chunk.iter().map(String::len).sum::<usize>();
        found += compare(&chunk);
        if i % 8 == 0 {
            eprintln!("differential: {} MB, {found} findings", bytes >> 20);
        }
    }
    assert!(bytes >= mb << 20);
    assert!(found > mb * 1_000, "{found} findings in {mb} MB");
}

/// A long text scanned window by window (`Guard::scan_windows`, what an attachment too long for
/// one scan gets, also in steps between which a page's main thread runs) reports what one scan
/// of the whole text does, in windows of 100,000 bytes: the generated corpus joined into texts
/// of about 2 MB, every fixture line joined and repeated to 1 MB (a finding every few dozen
/// bytes: some value crosses nearly every boundary), and a text of Chinese and emoji whose
/// boundaries fall inside characters.
#[test]
fn windows_find_what_one_scan_does() {
    let mut options = options(false);
    options.max_input_bytes = draftguard::scan::MAX_INPUT_BYTES_LIMIT;
    let guard = draftguard::Guard::new(options).expect("valid options");
    let rows = |findings: Vec<draftguard::Finding>| {
        findings
            .iter()
            .map(|f| format!("{} {}..{} {:?}", f.kind, f.start, f.end, f.confidence))
            .collect::<Vec<_>>()
    };
    let mut texts: Vec<String> = Vec::new();
    let mut text = String::new();
    for chunk in corpus::generated(4 << 20, 0x5EED) {
        for piece in chunk {
            text.push_str(&piece);
            text.push_str("\n\n");
            if text.len() > 2 << 20 {
                texts.push(std::mem::take(&mut text));
            }
        }
    }
    texts.push(text);
    let fixtures = corpus::fixture_lines().join("\n");
    texts.push(fixtures.repeat((1 << 20) / fixtures.len() + 1));
    texts.push("请帮我看一下 🙂 这段内容，卡号 4111 1111 1111 1111。\n".repeat(20_000));
    let mut found = 0;
    for text in &texts {
        let whole = rows(guard.scan_all(text).expect("scans"));
        let windowed = rows(guard.scan_windows(text, 100_000).expect("scans"));
        assert!(text.len() > 10 * 100_000);
        if whole != windowed {
            let at = whole.iter().zip(&windowed).position(|(a, b)| a != b);
            let at = at.unwrap_or(whole.len().min(windowed.len()));
            panic!(
                "{} findings whole, {} in windows; first difference at {at}: {:?} against {:?}",
                whole.len(),
                windowed.len(),
                whole.get(at),
                windowed.get(at)
            );
        }
        found += whole.len();
    }
    assert!(found > 5_000, "{found}");
}
