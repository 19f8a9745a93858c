//! draftguard-files turns an attachment's bytes into the text draftguard scans, one piece per
//! paragraph, cell or slide paragraph, each with a [`Location`] that makes sense for the format.
//!
//! ```
//! use draftguard_files::{extract, sniff, Format, Location};
//! let bytes = b"IBAN DE89 3704 0044 0532 0130 00\n";
//! let format = sniff("notes.txt", bytes);
//! assert_eq!(format, Format::Text);
//! let extracted = extract(bytes, format).unwrap();
//! assert_eq!(extracted.pieces[0].text, "IBAN DE89 3704 0044 0532 0130 00\n");
//! assert!(matches!(extracted.pieces[0].location, Location::Text(_)));
//! ```
//!
//! What it reads: UTF-8 and UTF-16 text (by content), Word (`.docx`), Excel (`.xlsx`) and
//! PowerPoint (`.pptx`) files. What it does not read: PDF ([`Format::Pdf`], see its docs),
//! images, legacy binary Office files, anything else ([`Format::Unreadable`]).
//!
//! A file is attacker-controlled: every size is checked, inflating is capped ([`Limits`]), every
//! reader is a single pass, and malformed input is a [`FileError`], never a panic. Nothing is
//! written anywhere (zip entry names are only compared, never used as paths).
#![deny(missing_docs)]

mod error;
mod ooxml;
mod text;
mod xml;
mod zip;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use error::{FileError, XmlError};
pub use text::TextEncoding;

/// What a file is, judged by its content ([`sniff`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// UTF-8 (with or without BOM, no NUL byte) or UTF-16 LE/BE with a BOM.
    Text,
    /// A Word document (Office Open XML, also `.docm`, `.dotx`).
    Docx,
    /// An Excel workbook (Office Open XML, also `.xlsm`, `.xltx`).
    Xlsx,
    /// A PowerPoint presentation (Office Open XML, also `.pptm`, `.ppsx`).
    Pptx,
    /// A PDF. Not read: its text layer needs a parser for compressed object streams, fonts'
    /// ToUnicode maps and content-stream operators, which no small well-kept crate provides
    /// within a size that fits a module loaded in a chat page; a scan may have no text layer at
    /// all. The product names it as "not checked".
    Pdf,
    /// Images, archives other than Office files, legacy binary Office files, encrypted Office
    /// files, text in other encodings, anything else: "not checked".
    Unreadable,
}

/// Where a piece of text was found in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// The whole of a text file, and how its offsets map back to the file's bytes.
    Text(TextEncoding),
    /// A Word paragraph: `index` counts (from 1) every paragraph of `part`, empty ones
    /// included, in document order (table cells' paragraphs where the table is).
    Paragraph {
        /// The zip part, e.g. `word/document.xml`, `word/footnotes.xml`, `word/header1.xml`.
        part: String,
        /// 1-based paragraph number within the part.
        index: usize,
    },
    /// An Excel cell.
    Cell {
        /// The sheet's name as the workbook shows it (hidden sheets too).
        sheet: String,
        /// The cell reference, e.g. `B7`.
        cell: String,
    },
    /// A paragraph on a PowerPoint slide (1-based, in the presentation's order).
    Slide(usize),
    /// A paragraph of a slide's speaker notes (1-based slide number).
    Notes(usize),
}

/// One piece of a file's text and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Where the text is.
    pub location: Location,
    /// The text, decoded.
    pub text: String,
}

/// A file's text: the pieces in reading order. Empty pieces are left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extracted {
    /// The pieces, in the order a reader meets them.
    pub pieces: Vec<Piece>,
}

/// Caps on the work a file may cause; [`Limits::default`] suits attachments to a chat.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Total bytes inflated from a zip (all entries read together). Default 64 MiB.
    pub max_inflated: usize,
    /// Inflated size over compressed size, per entry, above `ratio_floor`. Default 250
    /// (real Office XML compresses 5–30 times; zip bombs reach thousands).
    pub max_ratio: usize,
    /// An entry may always inflate to this many bytes, whatever its ratio. Default 1 MiB.
    pub ratio_floor: usize,
    /// Entries in a zip's central directory. Default 10,000.
    pub max_entries: usize,
    /// Total bytes of text extracted (a spreadsheet may repeat a shared string in every cell).
    /// Default 64 MiB.
    pub max_text: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_inflated: 64 << 20,
            max_ratio: 250,
            ratio_floor: 1 << 20,
            max_entries: 10_000,
            max_text: 64 << 20,
        }
    }
}

/// Judges what `bytes` are by their content; `name` only decides between an Office format and
/// [`Format::Unreadable`] when a zip is too broken to say (so that [`extract`] reports the
/// damage for a broken `.docx` instead of a silent "not checked").
pub fn sniff(name: &str, bytes: &[u8]) -> Format {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return match ooxml::sniff(bytes, &Limits::default()) {
            Ok(Some(format)) => format,
            Ok(None) => Format::Unreadable,
            Err(_) => by_extension(name),
        };
    }
    if is_pdf(bytes) {
        return Format::Pdf;
    }
    if text::sniff(bytes).is_some() {
        return Format::Text;
    }
    Format::Unreadable
}

/// `%PDF-` within the first 1,024 bytes, as readers accept it.
fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

fn by_extension(name: &str) -> Format {
    let extension = name.rsplit_once('.').map_or("", |(_, e)| e);
    match extension.to_ascii_lowercase().as_str() {
        "docx" | "docm" | "dotx" | "dotm" => Format::Docx,
        "xlsx" | "xlsm" | "xltx" | "xltm" => Format::Xlsx,
        "pptx" | "pptm" | "ppsx" | "ppsm" | "potx" | "potm" => Format::Pptx,
        _ => Format::Unreadable,
    }
}

/// Extracts the text of `bytes` read as `format`, within [`Limits::default`].
pub fn extract(bytes: &[u8], format: Format) -> Result<Extracted, FileError> {
    extract_with(bytes, format, &Limits::default())
}

/// Extracts the text of `bytes` read as `format`, within `limits`.
pub fn extract_with(bytes: &[u8], format: Format, limits: &Limits) -> Result<Extracted, FileError> {
    match format {
        Format::Text => text::extract(bytes, limits),
        Format::Docx | Format::Xlsx | Format::Pptx => ooxml::extract(bytes, format, limits),
        Format::Pdf | Format::Unreadable => Err(FileError::NotReadable(format)),
    }
}

/// A lookup table built once from a list of keys: sorted keys, binary search, the position of
/// the first of a repeated key. Linear-time readers need it where a file may name thousands of
/// parts; smaller in the module than a `HashMap` (no SipHash), and one instantiation.
pub(crate) struct Index {
    sorted: Vec<(String, usize)>,
}

impl Index {
    pub(crate) fn new(keys: impl Iterator<Item = String>) -> Self {
        let mut sorted: Vec<(String, usize)> = keys.zip(0..).collect();
        sorted.sort_unstable();
        Index { sorted }
    }

    /// The position, in the list the index was built from, of the first `key`.
    pub(crate) fn get(&self, key: &str) -> Option<usize> {
        let at = self.sorted.partition_point(|(k, _)| k.as_str() < key);
        self.sorted
            .get(at)
            .filter(|(k, _)| k == key)
            .map(|&(_, i)| i)
    }
}

/// Collects pieces and enforces [`Limits::max_text`].
pub(crate) struct Sink {
    pieces: Vec<Piece>,
    total: usize,
    max: usize,
}

impl Sink {
    pub(crate) fn new(limits: &Limits) -> Self {
        Sink {
            pieces: Vec::new(),
            total: 0,
            max: limits.max_text,
        }
    }

    /// Adds a piece unless it is blank.
    pub(crate) fn push(&mut self, location: Location, text: String) -> Result<(), FileError> {
        if text.trim().is_empty() {
            return Ok(());
        }
        self.total += text.len();
        if self.total > self.max {
            return Err(FileError::TextTooLarge { limit: self.max });
        }
        self.pieces.push(Piece { location, text });
        Ok(())
    }

    pub(crate) fn finish(self) -> Extracted {
        Extracted {
            pieces: self.pieces,
        }
    }
}
