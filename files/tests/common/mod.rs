//! Helpers shared by the tests: the fixtures, and a tiny zip writer for hand-made cases.
#![allow(dead_code)]

use draftguard_files::{Extracted, Location};

/// A fixture's bytes.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The pieces as (location, text) pairs.
pub fn pairs(extracted: &Extracted) -> Vec<(Location, &str)> {
    extracted
        .pieces
        .iter()
        .map(|p| (p.location.clone(), p.text.as_str()))
        .collect()
}

/// One zip entry to write.
pub struct Entry<'a> {
    pub name: &'a str,
    pub data: &'a [u8],
    /// 0 stored, 8 deflate (others are written stored but labelled so).
    pub method: u16,
    pub flags: u16,
}

impl<'a> Entry<'a> {
    pub fn deflated(name: &'a str, data: &'a [u8]) -> Self {
        Entry {
            name,
            data,
            method: 8,
            flags: 0,
        }
    }
}

/// A zip of `entries`, as zip writers lay it out: local headers and data, central directory,
/// end record.
pub fn zip(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for entry in entries {
        let data = if entry.method == 8 {
            miniz_oxide::deflate::compress_to_vec(entry.data, 9)
        } else {
            entry.data.to_vec()
        };
        let offset = out.len() as u32;
        let name = entry.name.as_bytes();
        out.extend(0x0403_4b50u32.to_le_bytes());
        out.extend(20u16.to_le_bytes());
        out.extend(entry.flags.to_le_bytes());
        out.extend(entry.method.to_le_bytes());
        out.extend([0; 8]); // time, date, crc (not checked)
        out.extend((data.len() as u32).to_le_bytes());
        out.extend((entry.data.len() as u32).to_le_bytes());
        out.extend((name.len() as u16).to_le_bytes());
        out.extend(0u16.to_le_bytes());
        out.extend(name);
        out.extend(&data);
        central.extend(0x0201_4b50u32.to_le_bytes());
        central.extend(20u16.to_le_bytes());
        central.extend(20u16.to_le_bytes());
        central.extend(entry.flags.to_le_bytes());
        central.extend(entry.method.to_le_bytes());
        central.extend([0; 8]);
        central.extend((data.len() as u32).to_le_bytes());
        central.extend((entry.data.len() as u32).to_le_bytes());
        central.extend((name.len() as u16).to_le_bytes());
        central.extend([0; 12]); // extra, comment, disk, internal and external attributes
        central.extend(offset.to_le_bytes());
        central.extend(name);
    }
    let directory_offset = out.len() as u32;
    out.extend(&central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0; 4]);
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(directory_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

pub const DOCX_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

/// A docx whose document part is `body` inside `<w:document><w:body>`.
pub fn docx_with_body(body: &str) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    zip(&[
        Entry::deflated("[Content_Types].xml", DOCX_TYPES.as_bytes()),
        Entry::deflated("word/document.xml", document.as_bytes()),
    ])
}

/// The content types of a workbook at `xl/workbook.xml`.
const XLSX_TYPES: &str = r#"<Types><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#;

/// A workbook of one sheet named `S`, its relationship `rId1`.
pub const ONE_SHEET: &str =
    r#"<workbook xmlns:r="r"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>"#;

/// An xlsx: `workbook` at `xl/workbook.xml`, its relationships `rels`, and
/// `parts` (name, text) beside them.
pub fn xlsx_with(workbook: &str, rels: &str, parts: &[(&str, &str)]) -> Vec<u8> {
    let mut entries = vec![
        Entry::deflated("[Content_Types].xml", XLSX_TYPES.as_bytes()),
        Entry::deflated("xl/workbook.xml", workbook.as_bytes()),
        Entry::deflated("xl/_rels/workbook.xml.rels", rels.as_bytes()),
    ];
    entries.extend(
        parts
            .iter()
            .map(|(name, text)| Entry::deflated(name, text.as_bytes())),
    );
    zip(&entries)
}
