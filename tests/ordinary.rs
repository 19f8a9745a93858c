//! 1,000 ordinary chat messages with no sensitive data — dates, prices, order
//! and parcel numbers, versions, times, phone-free small talk, code, logs, and
//! the words "password", "card", "IBAN" used without a value — in English,
//! German and Chinese. Each reported finding here is a false positive.
#![cfg(not(target_arch = "wasm32"))]

mod common {
    pub mod ordinary;
}

use common::ordinary::messages;
use draftguard::{Confidence, Guard, Options};

#[test]
fn a_thousand_ordinary_messages_raise_no_medium_or_high_finding() {
    let guard = Guard::new(Options {
        min_confidence: Confidence::Medium,
        ..Options::default()
    })
    .unwrap();
    let flagged: Vec<String> = messages()
        .iter()
        .filter_map(|m| {
            let f = guard.scan(m).unwrap();
            (!f.is_empty()).then(|| {
                format!(
                    "{m:?} -> {:?}",
                    f.iter()
                        .map(|f| (f.kind.as_str(), f.confidence))
                        .collect::<Vec<_>>()
                )
            })
        })
        .collect();
    assert!(
        flagged.is_empty(),
        "{} false positives:\n{}",
        flagged.len(),
        flagged.join("\n")
    );
}

#[test]
fn a_thousand_ordinary_messages_raise_almost_no_low_finding_either() {
    let guard = Guard::default();
    let flagged: Vec<String> = messages()
        .iter()
        .filter(|m| !guard.scan(m).unwrap().is_empty())
        .cloned()
        .collect();
    // Low findings are shown quietly; still, ordinary text must not be noisy.
    println!(
        "{} of 1000 ordinary messages have a low finding: {flagged:?}",
        flagged.len()
    );
    assert!(
        flagged.len() <= 5,
        "{} messages with low findings:\n{}",
        flagged.len(),
        flagged.join("\n")
    );
}
