//! Why a file could not be read: small typed values with a clear message each.
use std::fmt;

use crate::Format;

/// Why a file's text could not be extracted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// The format is one this crate does not read ([`Format::Pdf`], [`Format::Unreadable`]).
    NotReadable(Format),
    /// Text bytes that are not what the format says (invalid UTF-8, odd-length UTF-16, a NUL).
    InvalidText,
    /// No zip end-of-central-directory record: not a zip, or cut short at the end.
    NotAZip,
    /// A zip structure points outside the file or is cut short.
    ZipTruncated,
    /// A zip record has the wrong signature or inconsistent sizes.
    ZipCorrupt,
    /// A zip64 archive (over 4 GiB or 65,535 entries): never an attachment we read.
    Zip64Unsupported,
    /// An encrypted zip entry.
    Encrypted,
    /// A compression method other than stored (0) and deflate (8).
    UnsupportedCompression(u16),
    /// More entries in the zip than [`crate::Limits::max_entries`].
    TooManyEntries {
        /// Entries the central directory declares.
        count: usize,
        /// The cap.
        limit: usize,
    },
    /// Inflating would exceed [`crate::Limits::max_inflated`] bytes in total.
    TooLarge {
        /// The cap, in bytes.
        limit: usize,
    },
    /// An entry inflates more than [`crate::Limits::max_ratio`] times its compressed size.
    CompressionRatio {
        /// The entry's name.
        entry: String,
    },
    /// A deflate stream that is corrupt or cut short.
    Inflate {
        /// The entry's name.
        entry: String,
    },
    /// The zip is not the Office format it was read as (its `[Content_Types].xml` says
    /// something else, or it has none).
    WrongContentType,
    /// A part the format needs is missing, e.g. the workbook a content type names.
    MissingPart(String),
    /// A part's XML is malformed.
    Xml {
        /// The part's name.
        part: String,
        /// Byte offset in the inflated part.
        offset: usize,
        /// What is wrong.
        error: XmlError,
    },
    /// A part is well-formed XML but says something impossible (a shared string index past
    /// the end, a relationship without a target).
    Corrupt {
        /// The part's name.
        part: String,
        /// What is wrong.
        reason: &'static str,
    },
    /// The extracted text would exceed [`crate::Limits::max_text`] bytes.
    TextTooLarge {
        /// The cap, in bytes.
        limit: usize,
    },
}

/// What is wrong with a part's XML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum XmlError {
    /// The part is not UTF-8 (Office writes UTF-8; UTF-16 XML is not read).
    NotUtf8,
    /// The part ends inside a tag, comment or element.
    UnexpectedEof,
    /// A closing tag that does not match the open element.
    MismatchedTag,
    /// A tag, attribute or name that does not parse.
    BadSyntax,
    /// An entity or character reference that is not one of XML's five or a valid character.
    BadEntity,
    /// A document type declaration (never in Office files; refused rather than expanded).
    Doctype,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::NotReadable(format) => write!(f, "{format:?} files are not read"),
            FileError::InvalidText => f.write_str("the text is not valid UTF-8 or UTF-16"),
            FileError::NotAZip => f.write_str("not a zip file, or its end is missing"),
            FileError::ZipTruncated => f.write_str("the zip file is cut short"),
            FileError::ZipCorrupt => f.write_str("the zip file is damaged"),
            FileError::Zip64Unsupported => f.write_str("zip64 archives are not read"),
            FileError::Encrypted => f.write_str("the file is encrypted"),
            FileError::UnsupportedCompression(method) => {
                write!(f, "zip compression method {method} is not read")
            }
            FileError::TooManyEntries { count, limit } => {
                write!(f, "the zip has {count} entries; at most {limit} are read")
            }
            FileError::TooLarge { limit } => {
                write!(f, "the file inflates to more than {limit} bytes")
            }
            FileError::CompressionRatio { entry } => {
                write!(
                    f,
                    "zip entry {entry} inflates far more than real documents do"
                )
            }
            FileError::Inflate { entry } => write!(f, "zip entry {entry} is damaged"),
            FileError::WrongContentType => {
                f.write_str("the zip's content types do not say it is this kind of document")
            }
            FileError::MissingPart(part) => write!(f, "the document has no part {part}"),
            FileError::Xml {
                part,
                offset,
                error,
            } => {
                write!(f, "{part}, byte {offset}: {error}")
            }
            FileError::Corrupt { part, reason } => write!(f, "{part}: {reason}"),
            FileError::TextTooLarge { limit } => {
                write!(f, "the document's text is longer than {limit} bytes")
            }
        }
    }
}

impl fmt::Display for XmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            XmlError::NotUtf8 => "the XML is not UTF-8",
            XmlError::UnexpectedEof => "the XML ends too early",
            XmlError::MismatchedTag => "a closing tag does not match",
            XmlError::BadSyntax => "malformed XML",
            XmlError::BadEntity => "a malformed character reference",
            XmlError::Doctype => "a document type declaration",
        })
    }
}

impl std::error::Error for FileError {}
impl std::error::Error for XmlError {}
