//! Each format's text and locations, from files made by known tools (tests/fixtures/make.py).
mod common;

use common::{docx_with_body, fixture, pairs};
use draftguard_files::{extract, sniff, Format, Location, TextEncoding};

fn paragraph(part: &str, index: usize) -> Location {
    Location::Paragraph {
        part: part.to_owned(),
        index,
    }
}

fn cell(sheet: &str, cell: &str) -> Location {
    Location::Cell {
        sheet: sheet.to_owned(),
        cell: cell.to_owned(),
    }
}

#[test]
fn docx_paragraphs_in_document_order_with_tables_headers_footnotes_comments() {
    let bytes = fixture("customer.docx");
    assert_eq!(sniff("customer.docx", &bytes), Format::Docx);
    let extracted = extract(&bytes, Format::Docx).unwrap();
    let body = "word/document.xml";
    assert_eq!(
        pairs(&extracted),
        vec![
            (paragraph(body, 1), "Kundenakte / Customer file"),
            (
                paragraph(body, 2),
                "Customer: Erika Mustermann, IBAN DE89 3704 0044 0532 0130 00."
            ),
            (paragraph(body, 3), "E-mail"),
            (paragraph(body, 4), "erika.mustermann@example.com"),
            (paragraph(body, 5), "Card"),
            (paragraph(body, 6), "4111 1111 1111 1111"),
            (paragraph(body, 7), "Name:\tErika\nOrt: München"),
            (paragraph(body, 8), "客户的身份证号码请勿外传。"),
            (
                paragraph(body, 9),
                "Die Kundin bittet um Rückruf wegen der Überweisung."
            ),
            (
                paragraph("word/header1.xml", 1),
                "VERTRAULICH – internal only"
            ),
            (paragraph("word/footer1.xml", 1), "Page footer: ACME GmbH"),
            // Paragraph 1 is the separator footnote's, empty.
            (
                paragraph("word/footnotes.xml", 2),
                "Portal password: Tr0ub4dor&3"
            ),
            (
                paragraph("word/comments.xml", 1),
                "Check the IBAN before sending"
            ),
        ]
    );
}

#[test]
fn docx_tab_stops_fallbacks_and_deleted_text() {
    let bytes = docx_with_body(concat!(
        r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>"#,
        r#"<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r></w:p>"#,
        r#"<w:p><w:r><mc:AlternateContent xmlns:mc="mc"><mc:Choice Requires="wps"><w:drawing>"#,
        r#"<w:txbxContent><w:p><w:r><w:t>in the box</w:t></w:r></w:p></w:txbxContent></w:drawing>"#,
        r#"</mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>in the box</w:t></w:r>"#,
        r#"</w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent><w:t>after</w:t></w:r></w:p>"#,
        r#"<w:p><w:del><w:r><w:delText>IBAN DE89</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r></w:p>"#,
        r#"<w:p><w:r><w:t>x &lt; y &amp; &#x4E2D;&#25991;</w:t><w:t><![CDATA[<raw>]]></w:t></w:r></w:p>"#,
    ));
    let extracted = extract(&bytes, Format::Docx).unwrap();
    let body = "word/document.xml";
    assert_eq!(
        pairs(&extracted),
        vec![
            (paragraph(body, 1), "a\tb"),
            (paragraph(body, 3), "in the box"),
            (paragraph(body, 2), "after"),
            (paragraph(body, 4), "IBAN DE89"),
            (paragraph(body, 5), "x < y & 中文<raw>"),
        ]
    );
}

#[test]
fn xlsx_cells_of_every_sheet_with_shared_strings_and_raw_numbers() {
    let bytes = fixture("customers.xlsx");
    assert_eq!(sniff("customers.xlsx", &bytes), Format::Xlsx);
    let extracted = extract(&bytes, Format::Xlsx).unwrap();
    assert_eq!(
        pairs(&extracted),
        vec![
            (cell("Kunden", "A1"), "Name"),
            (cell("Kunden", "B1"), "IBAN"),
            (cell("Kunden", "C1"), "E-mail"),
            (cell("Kunden", "D1"), "Card (number)"),
            (cell("Kunden", "E1"), "Card (text)"),
            (cell("Kunden", "A2"), "Erika Mustermann"),
            (cell("Kunden", "B2"), "DE89 3704 0044 0532 0130 00"),
            (cell("Kunden", "C2"), "erika@example.com"),
            // openpyxl writes the int in full.
            (cell("Kunden", "D2"), "4111111111111111"),
            (cell("Kunden", "E2"), "4111 1111 1111 1111"),
            (cell("Kunden", "A3"), "张伟"),
            (cell("Kunden", "B3"), "GB82 WEST 1234 5698 7654 32"),
            (cell("Kunden", "C3"), "zhang.wei@example.cn"),
            // As Excel stores a 16-digit number: the raw value, digits past 15 already lost.
            (cell("Kunden", "D3"), "4.11111111111111E+15"),
            (cell("Kunden", "E3"), "n/a"),
            // A hidden sheet is read too.
            (cell("Geheim", "B7"), "Passwort: Sommer2026!"),
        ]
    );
}

#[test]
fn xlsx_shared_strings_as_excel_writes_them() {
    // XlsxWriter writes a shared strings table, as Excel does; openpyxl writes inline strings.
    let bytes = fixture("payroll.xlsx");
    assert_eq!(sniff("payroll.xlsx", &bytes), Format::Xlsx);
    let extracted = extract(&bytes, Format::Xlsx).unwrap();
    let sheet = "Gehälter 2026";
    assert_eq!(
        pairs(&extracted),
        vec![
            (cell(sheet, "A1"), "Name"),
            (cell(sheet, "B1"), "IBAN"),
            (cell(sheet, "C1"), "Gehalt"),
            (cell(sheet, "D1"), "Kreditkarte"),
            (cell(sheet, "A2"), "Erika Mustermann"),
            (cell(sheet, "B2"), "DE89 3704 0044 0532 0130 00"),
            (cell(sheet, "C2"), "5123.5"),
            (cell(sheet, "D2"), "4111111111111111"),
            (cell(sheet, "A3"), "Max Mustermann"),
            // The same shared string, in a second cell.
            (cell(sheet, "B3"), "DE89 3704 0044 0532 0130 00"),
            (cell(sheet, "C3"), "4800"),
            (cell(sheet, "D3"), "4111 1111 1111 1111"),
            // Rich text: the runs of one shared string, joined, entities decoded.
            (cell(sheet, "B5"), "Passwort: Sommer&2026<!>"),
        ]
    );
}

#[test]
fn xlsx_inline_strings_and_cells_without_references() {
    let workbook = r#"<workbook xmlns:r="r"><sheets><sheet name="A &amp; B" sheetId="1" r:id="rId7"/></sheets></workbook>"#;
    let rels = r#"<Relationships><Relationship Id="rId7" Type="http://x/relationships/worksheet" Target="/xl/sheets/one.xml"/></Relationships>"#;
    let sheet = concat!(
        r#"<worksheet><sheetData><row r="3"><c t="inlineStr"><is><t>inline</t></is></c>"#,
        r#"<c t="b"><v>1</v></c><c><f>A1*2</f><v>84</v></c></row>"#,
        r#"<row><c r="AA4" t="str"><v>formula text</v></c></row></sheetData></worksheet>"#
    );
    let bytes = common::xlsx_with(workbook, rels, &[("xl/sheets/one.xml", sheet)]);
    let extracted = extract(&bytes, sniff("book", &bytes)).unwrap();
    assert_eq!(
        pairs(&extracted),
        vec![
            (cell("A & B", "A3"), "inline"),
            (cell("A & B", "C3"), "84"),
            (cell("A & B", "AA4"), "formula text"),
        ]
    );
}

#[test]
fn pptx_slides_in_order_with_notes() {
    let bytes = fixture("pitch.pptx");
    assert_eq!(sniff("pitch.pptx", &bytes), Format::Pptx);
    let extracted = extract(&bytes, Format::Pptx).unwrap();
    assert_eq!(
        pairs(&extracted),
        vec![
            (Location::Slide(1), "Q3 pitch"),
            (Location::Slide(1), "Contact: erika.mustermann@example.com"),
            (Location::Slide(1), "IBAN DE89 3704 0044 0532 0130 00"),
            (Location::Notes(1), "Do not show: card 4111 1111 1111 1111"),
            (Location::Slide(2), "机密 — nur intern"),
            (Location::Slide(2), "Zugangsdaten folgen per Telefon."),
        ]
    );
}

const SAMPLE: &str = "Kunde: Jürgen\r\nIBAN DE89 3704 0044 0532 0130 00 — 客户 😀 ok\n";

#[test]
fn text_in_utf8_with_and_without_bom() {
    let plain = extract(SAMPLE.as_bytes(), Format::Text).unwrap();
    assert_eq!(
        pairs(&plain),
        vec![(Location::Text(TextEncoding::Utf8), SAMPLE)]
    );
    let with_bom = [&[0xEF, 0xBB, 0xBF][..], SAMPLE.as_bytes()].concat();
    assert_eq!(sniff("a.csv", &with_bom), Format::Text);
    let extracted = extract(&with_bom, Format::Text).unwrap();
    assert_eq!(
        pairs(&extracted),
        vec![(Location::Text(TextEncoding::Utf8Bom), SAMPLE)]
    );
    let at = SAMPLE.find("DE89").unwrap();
    let file_at = TextEncoding::Utf8Bom.file_offset(SAMPLE, at);
    assert_eq!(&with_bom[file_at..file_at + 4], b"DE89");
    assert_eq!(TextEncoding::Utf8Bom.encode(SAMPLE), with_bom);
}

#[test]
fn text_in_utf16_le_and_be_maps_offsets_back_to_the_file() {
    for (encoding, bom, to_bytes) in [
        (
            TextEncoding::Utf16Le,
            [0xFF, 0xFE],
            u16::to_le_bytes as fn(u16) -> [u8; 2],
        ),
        (TextEncoding::Utf16Be, [0xFE, 0xFF], u16::to_be_bytes),
    ] {
        let mut bytes = bom.to_vec();
        bytes.extend(SAMPLE.encode_utf16().flat_map(to_bytes));
        assert_eq!(sniff("notes.txt", &bytes), Format::Text, "{encoding:?}");
        let extracted = extract(&bytes, Format::Text).unwrap();
        assert_eq!(pairs(&extracted), vec![(Location::Text(encoding), SAMPLE)]);
        // After the emoji (two UTF-16 units): "ok" is where the file has it.
        let at = SAMPLE.find("ok").unwrap();
        let file_at = encoding.file_offset(SAMPLE, at);
        assert_eq!(
            &bytes[file_at..file_at + 4],
            &[to_bytes(u16::from(b'o')), to_bytes(u16::from(b'k'))].concat()[..]
        );
        assert_eq!(encoding.encode(SAMPLE), bytes, "{encoding:?}");
    }
}

#[test]
fn sniffing_goes_by_content_not_by_name() {
    let docx = fixture("customer.docx");
    assert_eq!(
        sniff("readme.txt", &docx),
        Format::Docx,
        "a .txt that is really a docx"
    );
    assert_eq!(
        sniff("report.docx", SAMPLE.as_bytes()),
        Format::Text,
        "a .docx that is really text"
    );
    assert_eq!(sniff("pitch.docx", &fixture("pitch.pptx")), Format::Pptx);
    assert_eq!(
        sniff("scan.pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj"),
        Format::Pdf
    );
    assert_eq!(
        sniff("data.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        Format::Unreadable
    );
    assert_eq!(
        sniff("photo.jpg", b"\xFF\xD8\xFF\xE0\0\x10JFIF\0"),
        Format::Unreadable
    );
    assert_eq!(
        sniff("a.txt", b"text with a NUL\0 byte"),
        Format::Unreadable
    );
    assert_eq!(
        sniff("latin1.csv", b"M\xFCller;DE89"),
        Format::Unreadable,
        "not UTF-8"
    );
    assert_eq!(sniff("empty.txt", b""), Format::Text);
    // A zip whose content types name no Office part is not a docx, whatever its name.
    assert_eq!(
        sniff("contract.docx", &fixture("wrong-types.docx")),
        Format::Unreadable
    );
    // A zip too broken to say: the name decides, so that extract names the damage.
    assert_eq!(
        sniff("contract.docx", &fixture("truncated.docx")),
        Format::Docx
    );
    assert_eq!(
        sniff("archive.zip", &fixture("truncated.docx")),
        Format::Unreadable
    );
}
