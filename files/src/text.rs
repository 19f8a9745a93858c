//! Text files: UTF-8 with or without a BOM, UTF-16 LE/BE with a BOM.
use crate::{Extracted, FileError, Limits, Location, Sink};

/// How a text file was encoded, so that an offset in the extracted text maps back to the file.
///
/// The extracted text is the file's content decoded to UTF-8 with the BOM dropped, nothing
/// else changed (line ends stay as they are, so lines and columns count the same way).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8, no BOM: a text offset is the file offset.
    Utf8,
    /// UTF-8 after a 3-byte BOM: file offset = text offset + 3.
    Utf8Bom,
    /// UTF-16 little-endian after a 2-byte BOM: file offset = 2 + 2 × (UTF-16 code units of
    /// the text before the offset).
    Utf16Le,
    /// UTF-16 big-endian after a 2-byte BOM: as [`TextEncoding::Utf16Le`].
    Utf16Be,
}

impl TextEncoding {
    /// The file's byte offset of `text[..offset]`'s end, `text` being the extracted text.
    ///
    /// ```
    /// use draftguard_files::TextEncoding;
    /// assert_eq!(TextEncoding::Utf8Bom.file_offset("aé b", 4), 7);
    /// assert_eq!(TextEncoding::Utf16Le.file_offset("aé b", 4), 8);
    /// ```
    pub fn file_offset(self, text: &str, offset: usize) -> usize {
        match self {
            TextEncoding::Utf8 => offset,
            TextEncoding::Utf8Bom => offset + 3,
            TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
                2 + 2 * text[..offset].encode_utf16().count()
            }
        }
    }

    /// The file's bytes for `text` in this encoding, BOM included: how a redacted copy is
    /// written back in the encoding the file came in.
    pub fn encode(self, text: &str) -> Vec<u8> {
        match self {
            TextEncoding::Utf8 => text.as_bytes().to_vec(),
            TextEncoding::Utf8Bom => [&UTF8_BOM[..], text.as_bytes()].concat(),
            TextEncoding::Utf16Le => {
                let mut out = vec![0xFF, 0xFE];
                out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
                out
            }
            TextEncoding::Utf16Be => {
                let mut out = vec![0xFE, 0xFF];
                out.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
                out
            }
        }
    }
}

const UTF8_BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];

/// The encoding if `bytes` are text: valid UTF-8 without a NUL byte, or UTF-16 with a BOM and
/// an even length.
pub(crate) fn sniff(bytes: &[u8]) -> Option<TextEncoding> {
    if bytes.starts_with(&[0xFF, 0xFE]) && bytes.len().is_multiple_of(2) {
        return Some(TextEncoding::Utf16Le);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) && bytes.len().is_multiple_of(2) {
        return Some(TextEncoding::Utf16Be);
    }
    let (encoding, body) = match bytes.strip_prefix(&UTF8_BOM) {
        Some(body) => (TextEncoding::Utf8Bom, body),
        None => (TextEncoding::Utf8, bytes),
    };
    (!body.contains(&0) && std::str::from_utf8(body).is_ok()).then_some(encoding)
}

/// The whole file as one piece. A lone UTF-16 surrogate becomes U+FFFD, one code unit for
/// one, so offsets still map back.
pub(crate) fn extract(bytes: &[u8], limits: &Limits) -> Result<Extracted, FileError> {
    let encoding = sniff(bytes).ok_or(FileError::InvalidText)?;
    let text = match encoding {
        TextEncoding::Utf8 => std::str::from_utf8(bytes)
            .map_err(|_| FileError::InvalidText)?
            .to_owned(),
        TextEncoding::Utf8Bom => std::str::from_utf8(&bytes[3..])
            .map_err(|_| FileError::InvalidText)?
            .to_owned(),
        TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
            let units = bytes[2..].chunks_exact(2).map(|pair| {
                let pair = [pair[0], pair[1]];
                if encoding == TextEncoding::Utf16Le {
                    u16::from_le_bytes(pair)
                } else {
                    u16::from_be_bytes(pair)
                }
            });
            char::decode_utf16(units)
                .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                .collect()
        }
    };
    let mut sink = Sink::new(limits);
    sink.push(Location::Text(encoding), text)?;
    Ok(sink.finish())
}
