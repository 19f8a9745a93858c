//! Property tests (proptest) over drafts built from fixture lines, keywords,
//! separators and arbitrary Unicode:
//! - offsets round-trip through UTF-16 and `text.slice(start, end)` in JS is the value;
//! - redaction is idempotent and never leaves a found value in the text;
//! - findings do not depend on text beyond the engine's reach (keyword
//!   windows, context words, digit-cluster padding).
//!
//! `PROPTEST_CASES=5000 cargo test --release --test properties` searches longer.
#![cfg(not(target_arch = "wasm32"))]

mod common {
    pub mod invariants;
    pub mod pieces;
}

use common::invariants::{check_findings, check_redaction, utf16_index};
use common::pieces::draft;
use draftguard::scan::{CONTEXT_AFTER, CONTEXT_BEFORE};
use draftguard::{Finding, Guard, Options, Prefilter, RedactOptions, Style, REGISTRY};
use proptest::prelude::*;
use std::sync::OnceLock;

fn guard() -> &'static Guard {
    static GUARD: OnceLock<Guard> = OnceLock::new();
    GUARD.get_or_init(Guard::default)
}

/// How far text can influence a finding, in bytes: a keyword's window before
/// and after its hit, the context words looked at before and after a value
/// (characters, at most 4 bytes each), and a digit cluster's padding.
fn reach() -> usize {
    let (mut before, mut after) = (0, 0);
    for d in REGISTRY {
        if let Prefilter::Keywords {
            before: b,
            after: a,
            ..
        } = d.prefilter
        {
            before = before.max(usize::from(b));
            after = after.max(usize::from(a));
        }
    }
    const DIGIT_PAD: usize = 16; // src/scan/prefilter.rs PAD
    before + after + 4 * (CONTEXT_BEFORE + CONTEXT_AFTER) + 2 * DIGIT_PAD
}

/// Neutral text no pattern can cross: punctuation-separated spaces and line breaks.
fn gap(len: usize) -> String {
    " .\n".repeat(len / 3 + 1)
}

type Span = (String, usize, usize, &'static str, Vec<draftguard::Reason>);

/// Kind, offsets relative to `shift`, confidence and reasons.
fn spans(found: &[Finding], shift: usize) -> Vec<Span> {
    found
        .iter()
        .map(|f| {
            let c = f.confidence.as_str();
            (
                f.kind.to_string(),
                f.start - shift,
                f.end - shift,
                c,
                f.reasons.clone(),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 128,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn offsets_round_trip_through_utf16_and_slice_to_the_value(text in draft(24)) {
        let found = guard().scan(&text).unwrap();
        check_findings(&Options::default(), &text, &found);
        let mut offsets: Vec<usize> = found.iter().flat_map(|f| [f.start, f.end]).collect();
        let utf8 = offsets.clone();
        draftguard::offsets::to_utf16(&text, &mut offsets);
        // Back from UTF-16 units to UTF-8 bytes: the same positions.
        for (u16_at, byte) in offsets.iter().zip(&utf8) {
            let mut units = 0;
            let back = text
                .char_indices()
                .find(|(_, c)| {
                    let here = units;
                    units += c.len_utf16();
                    here == *u16_at
                })
                .map_or(text.len(), |(i, _)| i);
            prop_assert_eq!(back, *byte);
            prop_assert_eq!(utf16_index(&text, *byte), *u16_at);
        }
    }

    /// What a redaction put in is never found again: labels and masks are not
    /// values, so redacting the redacted draft leaves every replacement as it is.
    /// (Not a full fixpoint: removing a value can make a neighbour visible —
    /// "SIN 130 456 783 923456784" reports only the first number, the label's
    /// own; once it is masked, the label reaches the second.)
    #[test]
    fn redaction_is_idempotent_on_what_it_replaced_and_never_leaks(
        text in draft(24),
        style in prop_oneof![Just(Style::Label), Just(Style::Mask), Just(Style::Char)],
    ) {
        let opts = RedactOptions { style, ..RedactOptions::default() };
        let once = guard().redact(&text, &opts).unwrap();
        check_redaction(&text, &once.findings, &opts);
        // Where each replacement sits in the redacted text.
        let mut replaced = Vec::new();
        let mut delta: isize = 0;
        for f in &once.findings {
            let alone = draftguard::redact::apply(&text, std::slice::from_ref(f), &opts);
            let len = alone.len() - (text.len() - f.end) - f.start;
            let at = (f.start as isize + delta) as usize;
            replaced.push((at, at + len));
            delta += len as isize - (f.end - f.start) as isize;
        }
        let twice = guard().redact(&once.text, &opts).unwrap();
        for f in &twice.findings {
            for &(s, e) in &replaced {
                prop_assert!(
                    f.end <= s || e <= f.start,
                    "{:?} of {:?} was found again in {:?}", f, &once.text[s..e], once.text
                );
            }
        }
    }

    #[test]
    fn findings_do_not_depend_on_text_beyond_the_engines_reach(
        before in draft(12),
        text in draft(16),
        after in draft(12),
    ) {
        let g = gap(reach());
        let alone = guard().scan(&format!("{g}{text}{g}")).unwrap();
        let padded = format!("{before}{g}{text}{g}{after}");
        let shift = before.len();
        let within: Vec<Finding> = guard()
            .scan(&padded)
            .unwrap()
            .into_iter()
            .filter(|f| f.end > shift + g.len() && f.start < shift + g.len() + text.len())
            .collect();
        prop_assert_eq!(spans(&within, shift), spans(&alone, 0));
    }
}
