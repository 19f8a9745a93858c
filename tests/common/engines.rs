//! Engine v2 (`draftguard`) against the engine it replaces (`draftguard-v1`,
//! frozen in `v1/`): the differential test, the `differential` fuzz target
//! and the replay of its saved inputs (`tests/fuzz_regressions.rs`).
#![allow(dead_code, unused_macros, unused_imports)] // each includer uses a part

/// A finding as both engines report it: (kind, start, end, confidence, reasons, preview).
pub type Row = (String, usize, usize, String, Vec<String>, String);

/// `$guard.scan($text)` as rows, for a guard of either engine (the same API):
/// `Result<Vec<Row>, String>`. Reasons are compared as the strings they read as.
macro_rules! scan_rows {
    ($guard:expr, $text:expr) => {
        $guard
            .scan($text)
            .map(|fs| {
                (fs.into_iter())
                    .map(|f| {
                        let reasons = f
                            .reasons
                            .iter()
                            .map(|r| r.to_string())
                            .collect::<Vec<String>>();
                        let c = f.confidence.as_str().to_string();
                        (f.kind.to_string(), f.start, f.end, c, reasons, f.preview)
                    })
                    .collect::<Vec<_>>()
            })
            .map_err(|e| e.to_string())
    };
}
pub(crate) use scan_rows;

/// The options of crate `$krate` (`draftguard` or `draftguard_v1`): the
/// defaults, or a page's `attach` defaults if `$attach`.
macro_rules! options {
    ($krate:ident, $attach:expr) => {{
        let mut o = $krate::Options::default();
        if $attach {
            o.min_confidence = $krate::Confidence::Medium;
            o.categories = Some(
                ($krate::Category::ALL.into_iter())
                    .filter(|c| *c != $krate::Category::Contact)
                    .collect(),
            );
        }
        o
    }};
}

/// Scans `text` with both engines under option set `which` (its low bit:
/// defaults, or a page's `attach` defaults) and panics if they differ.
pub fn check_same(which: u8, text: &str) {
    let attach = which & 1 == 1;
    let new = draftguard::Guard::new(options!(draftguard, attach)).expect("valid options");
    let old = draftguard_v1::Guard::new(options!(draftguard_v1, attach)).expect("valid options");
    match (scan_rows!(new, text), scan_rows!(old, text)) {
        (Ok(new), Ok(old)) => assert_eq!(new, old, "the engines differ on {text:?}"),
        (Err(_), Err(_)) => {}
        (new, old) => panic!(
            "one engine failed: v2 {:?}, v1 {:?} on {text:?}",
            new.err(),
            old.err()
        ),
    }
}
