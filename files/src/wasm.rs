//! The wasm-bindgen entry point: `sniff`, `extract` and `encode` for JavaScript. Built by
//! `scripts/build.sh` as a module of its own (`pkg/files/draftguard_files.js` and
//! `_bg.wasm`), never linked into the core: the prompt loads it on the first attachment.
//!
//! Thin on purpose, as the core's binding: formats and encodings cross as strings, a location
//! as a plain object, an error as a JS `Error` named `FileError` with a `code`.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::{FileError, Format, Location, TextEncoding};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** What a file is, judged by its content. "pdf" and "unreadable" are not read. */
export type FileFormat = "text" | "docx" | "xlsx" | "pptx" | "pdf" | "unreadable";

/** How a text file was encoded; `encode` writes a redacted copy back in it. */
export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be";

/** Where a piece of a file's text is. */
export type FileLocation =
  | { type: "text"; encoding: TextEncoding }
  /** A Word paragraph: `index` counts (from 1) every paragraph of `part`, e.g. "word/document.xml". */
  | { type: "paragraph"; part: string; index: number }
  /** An Excel cell, e.g. { sheet: "Kunden", cell: "B7" }. */
  | { type: "cell"; sheet: string; cell: string }
  /** A paragraph on a PowerPoint slide, or of its speaker notes (1-based slide number). */
  | { type: "slide" | "notes"; slide: number };

/** One piece of a file's text (a paragraph, a cell, the whole of a text file). */
export interface FilePiece {
  text: string;
  location: FileLocation;
}

/** A file's text: the pieces in reading order, blank ones left out. */
export interface ExtractedFile {
  format: FileFormat;
  pieces: FilePiece[];
}

/**
 * Thrown by `extract` and `encode`: an `Error` named "FileError" with a `code`:
 * "not_readable" (PDF, images, other formats; `format` says which), "invalid_text",
 * "not_a_zip", "zip_truncated", "zip_corrupt", "zip64_unsupported", "encrypted",
 * "unsupported_compression", "too_many_entries", "too_large", "compression_ratio", "inflate",
 * "wrong_content_type", "missing_part", "xml", "corrupt", "text_too_large", "bad_argument".
 */
export interface FileError extends Error {
  name: "FileError";
  code: string;
  format?: FileFormat;
}

/** What `bytes` are, by content; `name` only decides for a zip too broken to say. */
export function sniff(name: string, bytes: Uint8Array): FileFormat;

/** The text of `bytes` read as `format` (as `sniff` gave it). Throws a `FileError`. */
export function extract(bytes: Uint8Array, format: FileFormat): ExtractedFile;

/**
 * The text of `bytes` read as `format`, its pieces joined by "\n", as one string: what a scan
 * needs, without an object per piece (a 1 MB .docx has thousands of paragraphs). `encoding`
 * is a text file's, `null` for the other formats. Throws a `FileError`, as `extract` does.
 */
export function extractText(bytes: Uint8Array, format: FileFormat): { format: FileFormat; text: string; encoding: TextEncoding | null };

/** `text` as a file's bytes in `encoding`, byte order mark included. */
export function encode(text: string, encoding: TextEncoding): Uint8Array;
"#;

/// What `bytes` are, by content.
#[wasm_bindgen(skip_typescript)]
pub fn sniff(name: &str, bytes: &[u8]) -> String {
    format_name(crate::sniff(name, bytes)).to_string()
}

/// The text of `bytes` read as `format`: `{format, pieces: [{text, location}]}`.
#[wasm_bindgen(skip_typescript)]
pub fn extract(bytes: &[u8], format: &str) -> Result<JsValue, JsValue> {
    let (parsed, extracted) = read(bytes, format)?;
    let pieces = Array::new_with_length(extracted.pieces.len() as u32);
    for (i, piece) in extracted.pieces.iter().enumerate() {
        let p = Object::new();
        set(&p, "text", &JsValue::from_str(&piece.text));
        set(&p, "location", &location(&piece.location));
        pieces.set(i as u32, p.into());
    }
    let out = Object::new();
    set(&out, "format", &JsValue::from_str(format_name(parsed)));
    set(&out, "pieces", &pieces);
    Ok(out.into())
}

/// The text of `bytes` read as `format`, one string: `{format, text, encoding}`.
#[wasm_bindgen(js_name = extractText, skip_typescript)]
pub fn extract_text(bytes: &[u8], format: &str) -> Result<JsValue, JsValue> {
    let (parsed, extracted) = read(bytes, format)?;
    let encoding = extracted.pieces.first().and_then(|p| match p.location {
        Location::Text(encoding) => Some(encoding_name(encoding)),
        _ => None,
    });
    let texts: Vec<&str> = extracted.pieces.iter().map(|p| p.text.as_str()).collect();
    let out = Object::new();
    set(&out, "format", &JsValue::from_str(format_name(parsed)));
    set(&out, "text", &JsValue::from_str(&texts.join("\n")));
    set(
        &out,
        "encoding",
        &encoding.map_or(JsValue::NULL, JsValue::from_str),
    );
    Ok(out.into())
}

/// `bytes` read as the format named `format`.
fn read(bytes: &[u8], format: &str) -> Result<(Format, crate::Extracted), JsValue> {
    let parsed =
        parse_format(format).ok_or_else(|| bad_argument(&format!("unknown format {format:?}")))?;
    let extracted = crate::extract(bytes, parsed).map_err(|e| file_error(&e))?;
    Ok((parsed, extracted))
}

/// `text` as a file's bytes in `encoding`, BOM included.
#[wasm_bindgen(skip_typescript)]
pub fn encode(text: &str, encoding: &str) -> Result<Vec<u8>, JsValue> {
    let encoding = parse_encoding(encoding)
        .ok_or_else(|| bad_argument(&format!("unknown encoding {encoding:?}")))?;
    Ok(encoding.encode(text))
}

fn format_name(format: Format) -> &'static str {
    match format {
        Format::Text => "text",
        Format::Docx => "docx",
        Format::Xlsx => "xlsx",
        Format::Pptx => "pptx",
        Format::Pdf => "pdf",
        Format::Unreadable => "unreadable",
    }
}

fn parse_format(name: &str) -> Option<Format> {
    Some(match name {
        "text" => Format::Text,
        "docx" => Format::Docx,
        "xlsx" => Format::Xlsx,
        "pptx" => Format::Pptx,
        "pdf" => Format::Pdf,
        "unreadable" => Format::Unreadable,
        _ => return None,
    })
}

fn encoding_name(encoding: TextEncoding) -> &'static str {
    match encoding {
        TextEncoding::Utf8 => "utf-8",
        TextEncoding::Utf8Bom => "utf-8-bom",
        TextEncoding::Utf16Le => "utf-16le",
        TextEncoding::Utf16Be => "utf-16be",
    }
}

fn parse_encoding(name: &str) -> Option<TextEncoding> {
    Some(match name {
        "utf-8" => TextEncoding::Utf8,
        "utf-8-bom" => TextEncoding::Utf8Bom,
        "utf-16le" => TextEncoding::Utf16Le,
        "utf-16be" => TextEncoding::Utf16Be,
        _ => return None,
    })
}

fn location(location: &Location) -> JsValue {
    let o = Object::new();
    let kind = match location {
        Location::Text(_) => "text",
        Location::Paragraph { .. } => "paragraph",
        Location::Cell { .. } => "cell",
        Location::Slide(_) => "slide",
        Location::Notes(_) => "notes",
    };
    set(&o, "type", &kind.into());
    match location {
        Location::Text(encoding) => set(&o, "encoding", &encoding_name(*encoding).into()),
        Location::Paragraph { part, index } => {
            set(&o, "part", &part.as_str().into());
            set(&o, "index", &(*index as f64).into());
        }
        Location::Cell { sheet, cell } => {
            set(&o, "sheet", &sheet.as_str().into());
            set(&o, "cell", &cell.as_str().into());
        }
        Location::Slide(n) | Location::Notes(n) => set(&o, "slide", &(*n as f64).into()),
    }
    o.into()
}

/// The stable code of an error, for programs; the message is for people.
fn code(error: &FileError) -> &'static str {
    match error {
        FileError::NotReadable(_) => "not_readable",
        FileError::InvalidText => "invalid_text",
        FileError::NotAZip => "not_a_zip",
        FileError::ZipTruncated => "zip_truncated",
        FileError::ZipCorrupt => "zip_corrupt",
        FileError::Zip64Unsupported => "zip64_unsupported",
        FileError::Encrypted => "encrypted",
        FileError::UnsupportedCompression(_) => "unsupported_compression",
        FileError::TooManyEntries { .. } => "too_many_entries",
        FileError::TooLarge { .. } => "too_large",
        FileError::CompressionRatio { .. } => "compression_ratio",
        FileError::Inflate { .. } => "inflate",
        FileError::WrongContentType => "wrong_content_type",
        FileError::MissingPart(_) => "missing_part",
        FileError::Xml { .. } => "xml",
        FileError::Corrupt { .. } => "corrupt",
        FileError::TextTooLarge { .. } => "text_too_large",
    }
}

fn error(code: &str, message: &str) -> JsValue {
    let e = js_sys::Error::new(message);
    e.set_name("FileError");
    set(&e, "code", &code.into());
    e.into()
}

fn file_error(e: &FileError) -> JsValue {
    let js = error(code(e), &e.to_string());
    if let FileError::NotReadable(format) = e {
        set(&js, "format", &format_name(*format).into());
    }
    js
}

fn bad_argument(message: &str) -> JsValue {
    error("bad_argument", message)
}

fn set(target: &JsValue, key: &str, value: &JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}
