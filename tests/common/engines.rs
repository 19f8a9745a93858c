//! The engine against itself without its shortcuts (the digit set that skips
//! windows where no digit pattern matches, the context gates that skip number
//! windows without a context word nearby; `Engine::without_shortcuts`), which
//! must change no finding: the differential test, the `differential` fuzz
//! target and the replay of its saved inputs (`tests/fuzz_regressions.rs`).
//!
//! Until issue 14 the reference was the engine before engine v2, frozen in
//! `v1/`; it was retired when detectors began to find more than v1 did.
#![allow(dead_code)] // each includer uses a part

use std::sync::Arc;

use draftguard::scan::Engine;
use draftguard::{Category, Confidence, Guard, Options};

/// A finding as compared: (kind, start, end, confidence, reasons, preview).
pub type Row = (String, usize, usize, String, Vec<String>, String);

/// `guard.scan(text)` as rows; reasons as the strings they read as.
pub fn scan_rows(guard: &Guard, text: &str) -> Result<Vec<Row>, String> {
    guard
        .scan(text)
        .map(|fs| {
            fs.into_iter()
                .map(|f| {
                    let reasons = f.reasons.iter().map(|r| r.to_string()).collect();
                    let c = f.confidence.as_str().to_string();
                    (f.kind.to_string(), f.start, f.end, c, reasons, f.preview)
                })
                .collect()
        })
        .map_err(|e| e.to_string())
}

/// The default options, or a page's `attach` defaults if `attach`.
pub fn options(attach: bool) -> Options {
    let mut o = Options::default();
    if attach {
        o.min_confidence = Confidence::Medium;
        o.categories = Some(
            Category::ALL
                .into_iter()
                .filter(|c| *c != Category::Contact)
                .collect(),
        );
    }
    o
}

/// A guard with `options` and one without the engine's shortcuts.
pub fn pair(options: Options) -> (Guard, Guard) {
    let plain = Arc::new(Engine::without_shortcuts());
    (
        Guard::new(options.clone()).expect("valid options"),
        Guard::with_engine(options, plain).expect("valid options"),
    )
}

/// Scans `text` with and without the shortcuts under option set `which` (its
/// low bit: defaults, or a page's `attach` defaults) and panics if they differ.
pub fn check_same(which: u8, text: &str) {
    let (fast, plain) = pair(options(which & 1 == 1));
    match (scan_rows(&fast, text), scan_rows(&plain, text)) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "the shortcuts change the findings on {text:?}"),
        (Err(_), Err(_)) => {}
        (a, b) => panic!(
            "one scan failed: with shortcuts {:?}, without {:?} on {text:?}",
            a.err(),
            b.err()
        ),
    }
}
