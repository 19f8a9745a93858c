//! Engine v2 (`draftguard`) against the engine it replaces (`draftguard-v1`,
//! frozen in `v1/`) on one text: the `differential` fuzz target and the
//! replay of its saved inputs (`tests/fuzz_regressions.rs`).

/// A finding as both engines report it: (kind, start, end, confidence, reasons, preview).
pub type Row = (String, usize, usize, String, Vec<String>, String);

/// `text`'s findings by the engine of crate `$krate` (`draftguard` or
/// `draftguard_v1`: the same API), with a page's `attach` defaults if `$attach`.
macro_rules! rows {
    ($krate:ident, $attach:expr, $text:expr) => {{
        let mut o = $krate::Options::default();
        if $attach {
            o.min_confidence = $krate::Confidence::Medium;
            o.categories = Some(
                ($krate::Category::ALL.into_iter())
                    .filter(|c| *c != $krate::Category::Contact)
                    .collect(),
            );
        }
        let g = $krate::Guard::new(o).expect("valid options");
        g.scan($text).map(|fs| {
            (fs.into_iter())
                .map(|f| {
                    let reasons = f.reasons.iter().map(|r| r.to_string()).collect();
                    let c = f.confidence.as_str().to_string();
                    (f.kind.to_string(), f.start, f.end, c, reasons, f.preview)
                })
                .collect::<Vec<Row>>()
        })
    }};
}

/// Scans `text` with both engines under option set `which` (its low bit:
/// defaults, or a page's `attach` defaults) and panics if they differ.
pub fn check_same(which: u8, text: &str) {
    let attach = which & 1 == 1;
    let new = rows!(draftguard, attach, text);
    let old = rows!(draftguard_v1, attach, text);
    match (new, old) {
        (Ok(new), Ok(old)) => assert_eq!(new, old, "the engines differ on {text:?}"),
        (Err(_), Err(_)) => {}
        (new, old) => panic!(
            "one engine failed: v2 {:?}, v1 {:?} on {text:?}",
            new.err().map(|e| e.to_string()),
            old.err().map(|e| e.to_string())
        ),
    }
}
