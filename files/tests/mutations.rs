//! Random damage to the fixtures — to the zip bytes, and to the XML inside before re-zipping —
//! never makes sniff or extract panic, and what comes out stays within the limits.
#![cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency
mod common;

use common::{fixture, zip, Entry};
use draftguard_files::{extract_with, sniff, Format, Limits};
use proptest::prelude::*;

const FIXTURES: [&str; 8] = [
    "customer.docx",
    "customers.xlsx",
    "payroll.xlsx",
    "pitch.pptx",
    "bomb.docx",
    "bad-xml.docx",
    "wrong-types.docx",
    "truncated.docx",
];

/// Small enough that mutated files hit the caps, large enough that the fixtures fit.
const LIMITS: Limits = Limits {
    max_inflated: 2 << 20,
    max_ratio: 250,
    ratio_floor: 1 << 20,
    max_entries: 100,
    max_text: 1 << 20,
};

/// One kind of damage at a position (taken modulo the length).
#[derive(Clone, Debug)]
enum Damage {
    Set(usize, u8),
    Delete(usize, usize),
    Duplicate(usize, usize),
    Insert(usize, &'static str),
    Truncate(usize),
    /// Overwrites a field of the k-th zip record (local header, central directory entry, end
    /// record) — sizes, offsets, counts — where random bytes rarely land.
    Field(usize, usize, u32),
    /// Inserts a token into the k-th run of character data (after a `>` not followed by `<`),
    /// where entity references are decoded.
    InText(usize, &'static str),
}

fn damage() -> impl Strategy<Value = Damage> {
    let token = prop::sample::select(vec![
        "<",
        ">",
        "/>",
        "&",
        "&amp;",
        "&#x",
        "\"",
        "<w:p>",
        "</w:p>",
        "<w:t>",
        "</w:t>",
        "<c>",
        "<!--",
        "<![CDATA[",
        "]]>",
        "<?",
        "<!DOCTYPE",
        "\u{FFFF}",
        "\0",
        "PK\x05\x06",
    ]);
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Damage::Set(at, b)),
        (any::<usize>(), 1..64usize).prop_map(|(at, n)| Damage::Delete(at, n)),
        (any::<usize>(), 1..256usize).prop_map(|(at, n)| Damage::Duplicate(at, n)),
        (any::<usize>(), token.clone()).prop_map(|(at, t)| Damage::Insert(at, t)),
        (any::<usize>(), token).prop_map(|(k, t)| Damage::InText(k, t)),
        any::<usize>().prop_map(Damage::Truncate),
        (
            any::<usize>(),
            // Counts, sizes, offsets and name lengths of the three records, or anywhere.
            prop_oneof![
                prop::sample::select(vec![6, 8, 12, 14, 16, 20, 22, 24, 26, 38]),
                0..46usize
            ],
            prop_oneof![
                Just(0),
                Just(1),
                Just(0xFFFF),
                Just(u32::MAX),
                Just(1 << 31),
                any::<u32>()
            ]
        )
            .prop_map(|(k, at, value)| Damage::Field(k, at, value)),
    ]
}

fn apply(bytes: &mut Vec<u8>, damage: &Damage) {
    if bytes.is_empty() {
        return;
    }
    let len = bytes.len();
    match *damage {
        Damage::Set(at, b) => bytes[at % len] = b,
        Damage::Delete(at, n) => {
            let at = at % len;
            bytes.drain(at..(at + n).min(len));
        }
        Damage::Duplicate(at, n) => {
            let at = at % len;
            let copy = bytes[at..(at + n).min(len)].to_vec();
            bytes.splice(at..at, copy);
        }
        Damage::Insert(at, token) => {
            bytes.splice(at % len..at % len, token.bytes());
        }
        Damage::Truncate(at) => bytes.truncate(at % len),
        Damage::InText(k, token) => {
            let runs: Vec<usize> = (1..len)
                .filter(|&i| bytes[i - 1] == b'>' && bytes[i] != b'<')
                .collect();
            if let Some(&at) = runs.get(k % runs.len().max(1)) {
                bytes.splice(at..at, token.bytes());
            }
        }
        Damage::Field(k, at, value) => {
            let records: Vec<usize> = (0..len.saturating_sub(4))
                .filter(|&i| {
                    bytes[i..i + 4] == *b"PK\x03\x04"
                        || bytes[i..i + 4] == *b"PK\x01\x02"
                        || bytes[i..i + 4] == *b"PK\x05\x06"
                })
                .collect();
            if let Some(&record) = records.get(k % records.len().max(1)) {
                let at = (record + 4 + at).min(len.saturating_sub(4));
                bytes[at..at + 4].copy_from_slice(&value.to_le_bytes());
            }
        }
    }
}

/// Runs the whole pipeline the product will run; panics only if the crate does.
fn read(name: &str, bytes: &[u8]) {
    let format = sniff(name, bytes);
    for format in [
        format,
        Format::Docx,
        Format::Xlsx,
        Format::Pptx,
        Format::Text,
    ] {
        if let Ok(extracted) = extract_with(bytes, format, &LIMITS) {
            let total: usize = extracted.pieces.iter().map(|p| p.text.len()).sum();
            assert!(total <= LIMITS.max_text);
        }
    }
}

/// The entries of a zip written by Python's zipfile (sizes in the local headers), inflated.
fn entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut at = 0;
    let u16_at = |at: usize| usize::from(u16::from_le_bytes([bytes[at], bytes[at + 1]]));
    let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
    while bytes[at..].starts_with(b"PK\x03\x04") {
        let (method, size) = (u16_at(at + 8), u32_at(at + 18));
        let (name_len, extra_len) = (u16_at(at + 26), u16_at(at + 28));
        let name = String::from_utf8(bytes[at + 30..at + 30 + name_len].to_vec()).unwrap();
        let start = at + 30 + name_len + extra_len;
        let data = &bytes[start..start + size];
        let data = if method == 8 {
            miniz_oxide::inflate::decompress_to_vec(data).unwrap()
        } else {
            data.to_vec()
        };
        out.push((name, data));
        at = start + size;
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn damaged_zip_bytes_never_panic(
        which in 0..FIXTURES.len(),
        damages in prop::collection::vec(damage(), 1..6),
    ) {
        let mut bytes = fixture(FIXTURES[which]);
        for d in &damages {
            apply(&mut bytes, d);
        }
        read(FIXTURES[which], &bytes);
    }

    #[test]
    fn damaged_xml_inside_a_sound_zip_never_panics(
        which in 0..4usize,
        part in any::<prop::sample::Index>(),
        damages in prop::collection::vec(damage(), 1..8),
    ) {
        let mut parts = entries(&fixture(FIXTURES[which]));
        // The parts the readers read (not themes, styles, layouts, properties).
        let is_read = |name: &str| {
            ["document", "header", "footer", "footnotes", "comments", "workbook", "sheet", "sharedStrings", "presentation", "slides/", "notesSlide", "_rels", "Content_Types"]
                .iter()
                .any(|n| name.contains(n))
        };
        let xml: Vec<usize> = (0..parts.len()).filter(|&i| is_read(&parts[i].0)).collect();
        let victim = xml[part.index(xml.len())];
        for d in &damages {
            apply(&mut parts[victim].1, d);
        }
        let bytes = zip(&parts.iter().map(|(name, data)| Entry::deflated(name, data)).collect::<Vec<_>>());
        read(FIXTURES[which], &bytes);
    }
}

#[test]
fn text_read_as_every_format_and_every_format_read_as_text() {
    let text = "Kunde: Jürgen, IBAN DE89 3704 0044 0532 0130 00\n".repeat(10);
    read("a.docx", text.as_bytes());
    for name in FIXTURES {
        let bytes = fixture(name);
        assert!(
            extract_with(&bytes, Format::Text, &LIMITS).is_err(),
            "{name} has NUL bytes"
        );
    }
}
