//! Engine v2 against the engine it replaces (issue 13): both run over every
//! fixture, every sample draft, the ordinary messages and a generated corpus
//! (finding-dense and clean text in English, German and Chinese, code, logs,
//! floods), under several option sets, and must report identical findings:
//! kind, span, confidence, reasons and preview.
//!
//! The corpus is `DIFFERENTIAL_MB` megabytes (default 1; the test command
//! runs 20 in release). The old engine is `draftguard-v1` (the crate as it
//! was, frozen in `v1/`), kept while the two coexist.
#![cfg(not(target_arch = "wasm32"))]

mod common {
    pub mod corpus;
    pub mod engines;
    pub mod ordinary;
}

use common::corpus;
use common::engines::scan_rows;

/// The option sets compared: defaults, a page's `attach` defaults, one
/// language, a few kinds, custom rules and allowlists.
fn option_sets() -> Vec<(&'static str, draftguard::Options, draftguard_v1::Options)> {
    let custom = |kind: &str, pattern: &str, validator: Option<&str>| {
        (
            draftguard::CustomRule {
                kind: kind.into(),
                name: None,
                pattern: pattern.into(),
                validator: validator.map(String::from),
                category: draftguard::Category::Confidential,
                context: vec!["employee".into(), "mitarbeiter".into()],
                context_required: false,
                confidence: draftguard::Confidence::Medium,
            },
            draftguard_v1::CustomRule {
                kind: kind.into(),
                name: None,
                pattern: pattern.into(),
                validator: validator.map(String::from),
                category: draftguard_v1::Category::Confidential,
                context: vec!["employee".into(), "mitarbeiter".into()],
                context_required: false,
                confidence: draftguard_v1::Confidence::Medium,
            },
        )
    };
    let (c1, d1) = custom("employee_id", r"\bEMP-(?P<value>[0-9]{6})\b", None);
    let (c2, d2) = custom("gift_card", r"\bGC(?P<value>[0-9]{16})\b", Some("luhn"));
    let allow = vec![
        "4111 1111 1111 1111".to_string(),
        "DE89370400440532013000".into(),
    ];
    let allow_patterns = vec![
        r"5555[ -]?5555[ -]?5555[ -]?4444".to_string(),
        "[0-9]{9}".into(),
    ];
    vec![
        ("defaults", Default::default(), Default::default()),
        (
            "attach defaults",
            draftguard::Options {
                min_confidence: draftguard::Confidence::Medium,
                categories: Some(
                    draftguard::Category::ALL
                        .into_iter()
                        .filter(|c| *c != draftguard::Category::Contact)
                        .collect(),
                ),
                ..Default::default()
            },
            draftguard_v1::Options {
                min_confidence: draftguard_v1::Confidence::Medium,
                categories: Some(
                    draftguard_v1::Category::ALL
                        .into_iter()
                        .filter(|c| *c != draftguard_v1::Category::Contact)
                        .collect(),
                ),
                ..Default::default()
            },
        ),
        (
            "de, kinds, custom rules, allowlists",
            draftguard::Options {
                locales: Some(vec!["de-DE".into()]),
                custom_rules: vec![c1, c2],
                allowlist: allow.clone(),
                allowlist_patterns: allow_patterns.clone(),
                ..Default::default()
            },
            draftguard_v1::Options {
                locales: Some(vec!["de-DE".into()]),
                custom_rules: vec![d1, d2],
                allowlist: allow,
                allowlist_patterns: allow_patterns,
                ..Default::default()
            },
        ),
        (
            "financial kinds only",
            draftguard::Options {
                kinds: Some(
                    ["credit_card", "iban", "us_ssn", "bank_account", "phone"]
                        .map(String::from)
                        .to_vec(),
                ),
                ..Default::default()
            },
            draftguard_v1::Options {
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

/// Compares the two engines on `texts`; on a difference, panics with the
/// text (shortened around the first difference) and both lists.
fn compare(texts: &[String]) -> usize {
    let mut findings = 0;
    for (name, new, old) in option_sets() {
        let new = draftguard::Guard::new(new).expect("new options");
        let old = draftguard_v1::Guard::new(old).expect("old options");
        for text in texts {
            let (a, b) = (scan_rows!(new, text), scan_rows!(old, text));
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
                    "options {name:?}: engines differ at finding {at} near byte {near}\n\
                     text: {:?}\nnew: {:#?}\nold: {:#?}",
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
