//! What the property tests build drafts from: every fixture line (most hold
//! a valid value with its label), every keyword and context word, and shapes
//! of values; joined as people write.
#![allow(dead_code)] // Shared by several test crates; each uses a part.

use draftguard::{Prefilter, REGISTRY};
use proptest::prelude::*;
use std::sync::OnceLock;

/// Fixture lines without their markers, keywords, context words, separators and odd characters.
pub fn pieces() -> &'static [String] {
    static PIECES: OnceLock<Vec<String>> = OnceLock::new();
    PIECES.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut p: Vec<String> = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            for line in std::fs::read_to_string(&path).unwrap().lines() {
                let Some((sign, draft)) = line.split_once(' ') else {
                    continue;
                };
                if sign.starts_with(['+', '-', '~']) {
                    p.push(draft.replace(['⟦', '⟧'], "").replace("\\n", "\n"));
                }
            }
        }
        for d in REGISTRY {
            if let Prefilter::Keywords { words, .. } = d.prefilter {
                p.extend(words.iter().map(|w| w.to_string()));
            }
            p.extend(d.context.all().map(|w| format!(" {w} ")));
        }
        p.extend(
            [
                " ", "\n", "-", ".", ":", "4111", "0", "😀", "\u{200B}", "\u{00A0}", "４", "卡号",
                "é", "\t", "=", "\"",
            ]
            .map(String::from),
        );
        p.sort();
        p.dedup();
        p
    })
}

/// A piece, or one arbitrary character.
pub fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0..pieces().len()).prop_map(|i| pieces()[i].clone()),
        1 => any::<char>().prop_map(String::from),
    ]
}

/// Pieces joined as people write them: by a space, a line break or ", ".
/// (Glued without a separator, two fixture lines make values no one types —
/// "…PASSWD=Rd!s-7781xBRAINTREE_ACCESS_TOKEN=…" — and the guard's answer to
/// those is a matter of taste, not of correctness; the fuzz targets cover them
/// for panics and spans.)
pub fn draft(max_pieces: usize) -> impl Strategy<Value = String> {
    joined(piece(), max_pieces)
}

/// `piece`s joined by a space, a line break or ", ".
pub fn joined(
    piece: impl Strategy<Value = String>,
    max_pieces: usize,
) -> impl Strategy<Value = String> {
    let joined = (piece, prop_oneof![Just(" "), Just("\n"), Just(", ")]);
    prop::collection::vec(joined, 0..max_pieces)
        .prop_map(|v| v.into_iter().map(|(p, sep)| p + sep).collect())
}
