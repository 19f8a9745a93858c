//! Every broken or hostile file gives its own clear error, within the limits, without a panic.
mod common;

use common::{docx_with_body, fixture, xlsx_with, zip, Entry, DOCX_TYPES, ONE_SHEET};
use draftguard_files::{extract, extract_with, FileError, Format, Limits, XmlError};

fn docx_error(bytes: &[u8]) -> FileError {
    extract(bytes, Format::Docx).unwrap_err()
}

#[test]
fn a_truncated_zip_is_not_a_zip() {
    assert_eq!(docx_error(&fixture("truncated.docx")), FileError::NotAZip);
    assert_eq!(docx_error(b"PK\x03\x04"), FileError::NotAZip);
}

#[test]
fn a_zip_whose_directory_points_past_its_end_is_truncated() {
    let mut bytes = fixture("customer.docx");
    let eocd = bytes.len() - 22;
    // Central directory offset moved past the end record.
    bytes[eocd + 16..eocd + 20].copy_from_slice(&(eocd as u32).to_le_bytes());
    assert_eq!(docx_error(&bytes), FileError::ZipTruncated);
}

#[test]
fn a_zip_bomb_entry_stops_at_the_ratio_cap() {
    let bytes = fixture("bomb.docx");
    assert!(bytes.len() < 20_000, "the fixture is small on disk");
    assert_eq!(
        docx_error(&bytes),
        FileError::CompressionRatio {
            entry: "word/document.xml".to_owned()
        }
    );
}

#[test]
fn total_inflated_bytes_are_capped_even_at_a_plausible_ratio() {
    let limits = Limits {
        max_inflated: 4 << 20,
        max_ratio: usize::MAX,
        ..Limits::default()
    };
    assert_eq!(
        extract_with(&fixture("bomb.docx"), Format::Docx, &limits).unwrap_err(),
        FileError::TooLarge { limit: 4 << 20 }
    );
    // Stored entries count too.
    let big = vec![b' '; 3 << 20];
    let bytes = zip(&[
        Entry {
            name: "[Content_Types].xml",
            data: DOCX_TYPES.as_bytes(),
            method: 0,
            flags: 0,
        },
        Entry {
            name: "word/document.xml",
            data: &big,
            method: 0,
            flags: 0,
        },
    ]);
    let limits = Limits {
        max_inflated: 2 << 20,
        ..Limits::default()
    };
    assert_eq!(
        extract_with(&bytes, Format::Docx, &limits).unwrap_err(),
        FileError::TooLarge { limit: 2 << 20 }
    );
}

#[test]
fn too_many_entries() {
    let names: Vec<String> = (0..50).map(|i| format!("f{i}")).collect();
    let mut entries: Vec<Entry> = names.iter().map(|n| Entry::deflated(n, b"")).collect();
    entries.push(Entry::deflated(
        "[Content_Types].xml",
        DOCX_TYPES.as_bytes(),
    ));
    let bytes = zip(&entries);
    let limits = Limits {
        max_entries: 50,
        ..Limits::default()
    };
    assert_eq!(
        extract_with(&bytes, Format::Docx, &limits).unwrap_err(),
        FileError::TooManyEntries {
            count: 51,
            limit: 50
        }
    );
}

#[test]
fn wrong_content_types() {
    assert_eq!(
        docx_error(&fixture("wrong-types.docx")),
        FileError::WrongContentType
    );
    // A real xlsx read as a docx.
    assert_eq!(
        docx_error(&fixture("customers.xlsx")),
        FileError::WrongContentType
    );
    // No [Content_Types].xml at all.
    let bytes = zip(&[Entry::deflated("word/document.xml", b"<w:document/>")]);
    assert_eq!(docx_error(&bytes), FileError::WrongContentType);
}

#[test]
fn a_part_the_content_types_and_relationships_name_is_missing() {
    let rels = r#"<Relationships><Relationship Id="rId1" Type="t/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
    let bytes = xlsx_with(ONE_SHEET, rels, &[]);
    assert_eq!(
        extract(&bytes, Format::Xlsx).unwrap_err(),
        FileError::MissingPart("xl/worksheets/sheet1.xml".to_owned())
    );
}

#[test]
fn a_shared_string_index_past_the_table() {
    let rels = r#"<Relationships><Relationship Id="rId1" Type="t/worksheet" Target="s.xml"/><Relationship Id="rId2" Type="t/sharedStrings" Target="strings.xml"/></Relationships>"#;
    let strings = r#"<sst><si><t>only one</t></si></sst>"#;
    let sheet = r#"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c></row></sheetData></worksheet>"#;
    let bytes = xlsx_with(
        ONE_SHEET,
        rels,
        &[("xl/strings.xml", strings), ("xl/s.xml", sheet)],
    );
    assert_eq!(
        extract(&bytes, Format::Xlsx).unwrap_err(),
        FileError::Corrupt {
            part: "xl/s.xml".to_owned(),
            reason: "a shared string index past the end of the table"
        }
    );
}

#[test]
fn malformed_xml_names_the_part_and_what_is_wrong() {
    let error = |bytes: &[u8]| match docx_error(bytes) {
        FileError::Xml { part, error, .. } => {
            assert_eq!(part, "word/document.xml");
            error
        }
        other => panic!("not an XML error: {other:?}"),
    };
    assert_eq!(error(&fixture("bad-xml.docx")), XmlError::UnexpectedEof);
    assert_eq!(
        error(&docx_with_body("<w:p><w:r></w:p>")),
        XmlError::MismatchedTag
    );
    assert_eq!(
        error(&docx_with_body("<w:p><w:t>&bogus;</w:t></w:p>")),
        XmlError::BadEntity
    );
    assert_eq!(
        error(&docx_with_body("<w:p><w:t>&#xD800;</w:t></w:p>")),
        XmlError::BadEntity
    );
    assert_eq!(
        error(&docx_with_body("<w:p><w:t>a<!-- never closed")),
        XmlError::UnexpectedEof
    );
    let doctype = zip(&[
        Entry::deflated("[Content_Types].xml", DOCX_TYPES.as_bytes()),
        Entry::deflated(
            "word/document.xml",
            br#"<!DOCTYPE d [<!ENTITY x "xxxxxxxx">]><w:document>&x;</w:document>"#,
        ),
    ]);
    assert_eq!(error(&doctype), XmlError::Doctype);
    let latin1 = zip(&[
        Entry::deflated("[Content_Types].xml", DOCX_TYPES.as_bytes()),
        Entry::deflated("word/document.xml", b"<w:document>M\xFCller</w:document>"),
    ]);
    assert_eq!(error(&latin1), XmlError::NotUtf8);
}

#[test]
fn encrypted_unsupported_and_corrupt_entries() {
    let entry = |method, flags, data: &'static [u8]| {
        zip(&[
            Entry::deflated("[Content_Types].xml", DOCX_TYPES.as_bytes()),
            Entry {
                name: "word/document.xml",
                data,
                method,
                flags,
            },
        ])
    };
    assert_eq!(
        docx_error(&entry(8, 1, b"<w:document/>")),
        FileError::Encrypted
    );
    assert_eq!(
        docx_error(&entry(14, 0, b"<w:document/>")),
        FileError::UnsupportedCompression(14)
    );
    // A deflate stream whose first block has the reserved type 11.
    let mut bytes = zip(&[
        Entry::deflated("word/document.xml", b"<w:document/>"),
        Entry::deflated("[Content_Types].xml", DOCX_TYPES.as_bytes()),
    ]);
    bytes[30 + "word/document.xml".len()] = 0xFF;
    assert_eq!(
        docx_error(&bytes),
        FileError::Inflate {
            entry: "word/document.xml".to_owned()
        }
    );
    let mut zip64 = fixture("customer.docx");
    let eocd = zip64.len() - 22;
    zip64[eocd + 16..eocd + 20].copy_from_slice(&u32::MAX.to_le_bytes());
    assert_eq!(docx_error(&zip64), FileError::Zip64Unsupported);
}

#[test]
fn extracted_text_is_capped_when_cells_repeat_one_long_shared_string() {
    let rels = r#"<Relationships><Relationship Id="rId1" Type="t/worksheet" Target="s.xml"/><Relationship Id="rId2" Type="t/sharedStrings" Target="strings.xml"/></Relationships>"#;
    let strings = format!("<sst><si><t>{}</t></si></sst>", "x".repeat(100_000));
    let sheet = format!(
        "<worksheet><sheetData><row>{}</row></sheetData></worksheet>",
        r#"<c t="s"><v>0</v></c>"#.repeat(1_000)
    );
    let bytes = xlsx_with(
        ONE_SHEET,
        rels,
        &[("xl/strings.xml", &strings), ("xl/s.xml", &sheet)],
    );
    // 1,000 cells × 100 KB = 100 MB of text from a few KB of zip.
    assert!(bytes.len() < 10_000);
    assert_eq!(
        extract(&bytes, Format::Xlsx).unwrap_err(),
        FileError::TextTooLarge { limit: 64 << 20 }
    );
}

#[test]
fn formats_that_are_not_read_say_so() {
    assert_eq!(
        extract(b"%PDF-1.7", Format::Pdf).unwrap_err(),
        FileError::NotReadable(Format::Pdf)
    );
    assert_eq!(
        extract(b"\x89PNG", Format::Unreadable).unwrap_err(),
        FileError::NotReadable(Format::Unreadable)
    );
    assert_eq!(
        extract(b"\xFF\xFEa", Format::Text).unwrap_err(),
        FileError::InvalidText
    );
    assert_eq!(
        extract(b"a\0b", Format::Text).unwrap_err(),
        FileError::InvalidText
    );
    assert!(!FileError::NotReadable(Format::Pdf).to_string().is_empty());
}
