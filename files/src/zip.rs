//! A small zip reader: the central directory, stored and deflated entries, nothing else.
//!
//! Office files are plain zips (no zip64, no encryption, methods 0 and 8). Everything is read
//! from the central directory, whose sizes are authoritative (the local header's may be zero
//! when a data descriptor follows). Entry names are only compared, never used as paths. CRCs
//! are not checked: a damaged entry inflates to bounded garbage that the XML reader refuses or
//! reads as text, never to more than the caps allow.
use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};

use crate::{FileError, Index, Limits};

const EOCD: u32 = 0x0605_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const LOCAL: u32 = 0x0403_4b50;
const ZIP64_LOCATOR: u32 = 0x0706_4b50;

struct Entry {
    name: String,
    method: u16,
    flags: u16,
    compressed: usize,
    local_offset: usize,
}

/// An opened zip and the inflating budget left.
pub(crate) struct Archive<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry>,
    /// Lower-cased name → first entry of that name: a lookup per part named in
    /// `[Content_Types].xml` stays logarithmic however many entries and overrides there are.
    by_name: Index,
    limits: Limits,
    inflated: usize,
}

fn u16_at(bytes: &[u8], at: usize) -> Result<u16, FileError> {
    let b = bytes
        .get(at..at.saturating_add(2))
        .ok_or(FileError::ZipTruncated)?;
    Ok(u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(bytes: &[u8], at: usize) -> Result<u32, FileError> {
    let b = bytes
        .get(at..at.saturating_add(4))
        .ok_or(FileError::ZipTruncated)?;
    Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

impl<'a> Archive<'a> {
    /// Reads the central directory.
    pub(crate) fn open(bytes: &'a [u8], limits: &Limits) -> Result<Self, FileError> {
        let eocd = find_eocd(bytes)?;
        let count = usize::from(u16_at(bytes, eocd + 10)?);
        let size = u32_at(bytes, eocd + 12)?;
        let offset = u32_at(bytes, eocd + 16)?;
        let zip64_locator = eocd >= 20 && u32_at(bytes, eocd - 20)? == ZIP64_LOCATOR;
        if zip64_locator || count == 0xFFFF || size == u32::MAX || offset == u32::MAX {
            return Err(FileError::Zip64Unsupported);
        }
        if count > limits.max_entries {
            return Err(FileError::TooManyEntries {
                count,
                limit: limits.max_entries,
            });
        }
        let (size, offset) = (size as usize, offset as usize);
        if offset.checked_add(size).is_none_or(|end| end > eocd) {
            return Err(FileError::ZipTruncated);
        }
        let directory = &bytes[offset..offset + size];
        let mut entries = Vec::with_capacity(count);
        let mut at = 0;
        for _ in 0..count {
            if u32_at(directory, at)? != CENTRAL {
                return Err(FileError::ZipCorrupt);
            }
            let name_len = usize::from(u16_at(directory, at + 28)?);
            let extra_len = usize::from(u16_at(directory, at + 30)?);
            let comment_len = usize::from(u16_at(directory, at + 32)?);
            let name = directory
                .get(at + 46..at + 46 + name_len)
                .ok_or(FileError::ZipTruncated)?;
            entries.push(Entry {
                name: String::from_utf8_lossy(name).into_owned(),
                flags: u16_at(directory, at + 8)?,
                method: u16_at(directory, at + 10)?,
                compressed: u32_at(directory, at + 20)? as usize,
                local_offset: u32_at(directory, at + 42)? as usize,
            });
            at += 46 + name_len + extra_len + comment_len;
        }
        let by_name = Index::new(entries.iter().map(|entry| entry.name.to_ascii_lowercase()));
        Ok(Archive {
            bytes,
            entries,
            by_name,
            limits: *limits,
            inflated: 0,
        })
    }

    /// Whether an entry of this name exists (names compared ASCII case-insensitively, as
    /// Office part names are).
    pub(crate) fn contains(&self, name: &str) -> bool {
        self.find(name).is_some()
    }

    fn find(&self, name: &str) -> Option<&Entry> {
        let i = self.by_name.get(&name.to_ascii_lowercase())?;
        Some(&self.entries[i])
    }

    /// The inflated bytes of entry `name`, or `None` if there is none; counts against the
    /// budget.
    pub(crate) fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, FileError> {
        let Some(entry) = self.find(name) else {
            return Ok(None);
        };
        if entry.flags & 1 != 0 {
            return Err(FileError::Encrypted);
        }
        let local = entry.local_offset;
        if u32_at(self.bytes, local)? != LOCAL {
            return Err(FileError::ZipCorrupt);
        }
        // A local header offset is any u32: near usize::MAX on wasm32, so additions saturate
        // (and then fall outside the file) instead of wrapping.
        let name_len = usize::from(u16_at(self.bytes, local.saturating_add(26))?);
        let extra_len = usize::from(u16_at(self.bytes, local.saturating_add(28))?);
        let start = local.saturating_add(30 + name_len + extra_len);
        let data = start
            .checked_add(entry.compressed)
            .and_then(|end| self.bytes.get(start..end))
            .ok_or(FileError::ZipTruncated)?;
        let budget = self.limits.max_inflated - self.inflated;
        let out = match entry.method {
            0 if data.len() > budget => {
                return Err(FileError::TooLarge {
                    limit: self.limits.max_inflated,
                })
            }
            0 => data.to_vec(),
            8 => {
                let by_ratio = self
                    .limits
                    .ratio_floor
                    .max(data.len().saturating_mul(self.limits.max_ratio));
                let limit = budget.min(by_ratio);
                match decompress_to_vec_with_limit(data, limit) {
                    Ok(out) => out,
                    Err(e) if e.status == TINFLStatus::HasMoreOutput && limit == budget => {
                        return Err(FileError::TooLarge {
                            limit: self.limits.max_inflated,
                        })
                    }
                    Err(e) if e.status == TINFLStatus::HasMoreOutput => {
                        return Err(FileError::CompressionRatio {
                            entry: entry.name.clone(),
                        })
                    }
                    Err(_) => {
                        return Err(FileError::Inflate {
                            entry: entry.name.clone(),
                        })
                    }
                }
            }
            method => return Err(FileError::UnsupportedCompression(method)),
        };
        self.inflated += out.len();
        Ok(Some(out))
    }
}

/// The end-of-central-directory record: searched backwards over the last 22 + 65,535 bytes
/// (the record and the longest comment).
fn find_eocd(bytes: &[u8]) -> Result<usize, FileError> {
    if bytes.len() < 22 {
        return Err(FileError::NotAZip);
    }
    let last = bytes.len() - 22;
    let first = last.saturating_sub(0xFFFF);
    (first..=last)
        .rev()
        .find(|&at| bytes[at..at + 4] == EOCD.to_le_bytes())
        .ok_or(FileError::NotAZip)
}
