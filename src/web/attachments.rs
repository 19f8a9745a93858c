//! Attachments: what one attempt to attach files (chosen in the composer's file input, dropped
//! onto it, pasted into it) holds while it is checked, what the file prompt shows of it, and
//! what the page gets after the user decided.
//!
//! The shell (`shell.js`) stops the attempt before the page sees it, reads each file and
//! extracts its text with the files module (a second module, loaded on the first attachment);
//! the text is scanned here by the guard's own [`crate::Guard`] (same kinds, allowlists,
//! custom rules), in overlapping windows for long files. Nothing is kept once the attempt is
//! decided, and no raw value leaves: the prompt shows masked previews, `onDecision` kinds, file
//! names and sizes.

use wasm_bindgen::prelude::*;

use super::dialog::{FileDecision, FileRow};
use super::i18n::{self, Catalog};
use crate::redact::{self, RedactOptions};
use crate::{Finding, Guard, Kind, Locale, ScanError};

/// Files larger than this are not read (a video is not a chat attachment to check).
pub const MAX_FILE_BYTES: f64 = 64.0 * 1024.0 * 1024.0;

/// Masked values a file's row shows.
const PREVIEWS: usize = 3;

/// New text per window of a long file's scan in one call (UTF-8 bytes; `Guard::scan_windows`).
const WINDOW: usize = 1 << 20;

/// How long a long file's scan on the page's main thread runs before it yields the thread (ms).
pub const STEP_MS: f64 = 16.0;

/// New text per step of a long file's scan on the page's main thread (UTF-8 bytes): a step
/// scans this and the windows' overlap, tens of milliseconds for text dense with values.
pub const STEP: usize = 1 << 18;

/// New text in a long file's first step on the main thread: each next step's is twice as much,
/// up to [`STEP`].
pub const FIRST_STEP: usize = 1 << 12;

/// Text longer than this (UTF-16 units) is read into the module and scanned in steps.
pub const STEP_UNITS: usize = 1 << 17;

/// UTF-16 units of a long file's text read into the module per step.
pub const READ_UNITS: u32 = 1 << 20;

/// Why a file was not checked.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NotChecked {
    Image,
    Pdf,
    Format,
    TooLarge,
    Damaged,
    Encrypted,
    /// The files module did not load, or the scan refused the text (`maxInputBytes`).
    Failed,
}

impl NotChecked {
    /// From the shell's report on a file: its format and the files module's error code.
    pub fn of(format: &str, error: Option<&str>, mime: &str) -> Option<NotChecked> {
        Some(match (format, error) {
            (
                _,
                Some("too_large" | "text_too_large" | "too_many_entries" | "compression_ratio"),
            ) => NotChecked::TooLarge,
            (_, Some("encrypted")) => NotChecked::Encrypted,
            (_, Some("failed")) => NotChecked::Failed,
            (_, Some(_)) => NotChecked::Damaged,
            ("pdf", None) => NotChecked::Pdf,
            ("unreadable", None) if mime.starts_with("image/") => NotChecked::Image,
            ("unreadable", None) => NotChecked::Format,
            _ => return None,
        })
    }

    fn words(self, cat: &Catalog) -> &'static str {
        match self {
            NotChecked::Image => cat.why_image,
            NotChecked::Pdf => cat.why_pdf,
            NotChecked::Format => cat.why_format,
            NotChecked::TooLarge => cat.why_too_large,
            NotChecked::Damaged => cat.why_damaged,
            NotChecked::Encrypted => cat.why_encrypted,
            NotChecked::Failed => cat.why_failed,
        }
    }
}

/// What checking a file gave.
pub enum Outcome {
    /// Being read.
    Pending,
    /// Read and scanned: nothing found.
    Clean,
    /// Findings in `text`; `encoding` for a text file (a redacted copy can be written).
    Found {
        findings: Vec<Finding>,
        text: String,
        encoding: Option<String>,
    },
    /// Checked in the files Worker (a large file): each kind's id, name and count, the first
    /// masked values; `job` asks the Worker for the redacted copy of a text file (`encoding`).
    Counted {
        counts: Vec<(String, String, usize)>,
        previews: Vec<String>,
        job: JsValue,
        encoding: Option<String>,
    },
    NotChecked(NotChecked),
    /// The user cancelled the check of a large file: it is left out.
    Cancelled,
}

impl Outcome {
    /// A scan's result: clean, findings in `text` (`encoding`: a text file's), or not checked.
    pub fn of(
        scanned: Result<Vec<Finding>, ScanError>,
        text: String,
        encoding: Option<String>,
    ) -> Outcome {
        match scanned {
            Ok(findings) if findings.is_empty() => Outcome::Clean,
            Ok(findings) => Outcome::Found {
                findings,
                text,
                encoding,
            },
            Err(_) => Outcome::NotChecked(NotChecked::Failed),
        }
    }
}

/// One file of an attempt.
pub struct Checked {
    /// The page's `File`.
    pub file: JsValue,
    pub name: String,
    pub size: f64,
    pub mime: String,
    pub outcome: Outcome,
}

impl Checked {
    /// A `File` of the attempt, as the page gave it.
    pub fn new(file: JsValue) -> Checked {
        let get = |k: &str| js_sys::Reflect::get(&file, &k.into()).unwrap_or(JsValue::UNDEFINED);
        let name = get("name").as_string().unwrap_or_default();
        let size = get("size").as_f64().unwrap_or(0.0);
        let mime = get("type").as_string().unwrap_or_default();
        let outcome = if size > MAX_FILE_BYTES {
            Outcome::NotChecked(NotChecked::TooLarge)
        } else {
            Outcome::Pending
        };
        Checked {
            file,
            name,
            size,
            mime,
            outcome,
        }
    }

    /// Whether the prompt asks about it: findings, or a name that says "identity document".
    pub fn flagged(&self) -> bool {
        self.found() || i18n::is_identity_document(&self.name)
    }

    /// Whether something was found in it.
    pub fn found(&self) -> bool {
        matches!(
            self.outcome,
            Outcome::Found { .. } | Outcome::Counted { .. }
        )
    }

    /// Whether a redacted copy can be written: a text file with findings.
    pub fn redactable(&self) -> bool {
        matches!(
            self.outcome,
            Outcome::Found {
                encoding: Some(_),
                ..
            } | Outcome::Counted {
                encoding: Some(_),
                ..
            }
        )
    }

    fn findings(&self) -> &[Finding] {
        match &self.outcome {
            Outcome::Found { findings, .. } => findings,
            _ => &[],
        }
    }

    /// Each kind found (id, name in `locale`) with its count, in order of first appearance.
    fn counts(&self, locale: Locale) -> Vec<(String, String, usize)> {
        if let Outcome::Counted { counts, .. } = &self.outcome {
            return counts.clone();
        }
        let mut counts: Vec<(Kind, usize)> = Vec::new();
        for f in self.findings() {
            match counts.iter_mut().find(|(k, _)| *k == f.kind) {
                Some((_, n)) => *n += 1,
                None => counts.push((f.kind.clone(), 1)),
            }
        }
        counts
            .into_iter()
            .map(|(k, n)| (k.as_str().to_string(), k.name(locale).to_string(), n))
            .collect()
    }

    /// Distinct kinds found (ids), in order of first appearance.
    pub fn kinds(&self) -> Vec<String> {
        self.counts(Locale::En)
            .into_iter()
            .map(|(id, _, _)| id)
            .collect()
    }

    /// "1,204 email addresses, 310 credit card numbers": each kind with its count, most first.
    pub fn summary(&self, cat: &Catalog, locale: Locale) -> String {
        let mut counts = self.counts(locale);
        // Most first, ties in order of appearance: an insertion sort of a few kinds (std's
        // stable sort would add kilobytes to the module for this).
        for i in 1..counts.len() {
            let mut j = i;
            while j > 0 && counts[j - 1].2 < counts[j].2 {
                counts.swap(j - 1, j);
                j -= 1;
            }
        }
        let parts: Vec<String> = counts
            .iter()
            .map(|(id, name, n)| cat.kind_count(id, name, *n))
            .collect();
        parts.join(cat.list_sep)
    }

    /// "photo.jpg (images are not read)", if it was not checked.
    pub fn not_checked(&self, cat: &Catalog) -> Option<String> {
        match self.outcome {
            Outcome::NotChecked(why) => Some(
                cat.file_reason
                    .replace("{name}", &self.name)
                    .replace("{why}", why.words(cat)),
            ),
            _ => None,
        }
    }

    /// Its row in the file prompt.
    pub fn row(&self, cat: &Catalog, locale: Locale) -> FileRow {
        let summary = match &self.outcome {
            Outcome::Found { .. } | Outcome::Counted { .. } => self.summary(cat, locale),
            Outcome::NotChecked(_) => cat.not_checked.replace(
                "{files}",
                &self.not_checked(cat).unwrap_or_else(|| self.name.clone()),
            ),
            Outcome::Clean | Outcome::Pending | Outcome::Cancelled => cat.file_clean.to_string(),
        };
        let mut notes = Vec::new();
        if i18n::is_identity_document(&self.name) {
            notes.push(cat.identity_note.replace("{name}", &self.name));
        }
        if self.found() && !self.redactable() {
            notes.push(cat.no_redacted_copy.to_string());
        }
        FileRow {
            name: self.name.clone(),
            size: cat.file_size(self.size),
            summary,
            previews: match &self.outcome {
                Outcome::Counted { previews, .. } => previews.clone(),
                _ => self
                    .findings()
                    .iter()
                    .take(PREVIEWS)
                    .map(|f| f.preview.clone())
                    .collect(),
            },
            notes,
        }
    }

    /// The text of a redacted copy: every finding replaced as a draft's redaction would.
    pub fn redacted_text(&self, options: &RedactOptions) -> Option<(&str, String)> {
        let Outcome::Found {
            findings,
            text,
            encoding: Some(encoding),
        } = &self.outcome
        else {
            return None;
        };
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for f in findings {
            out.push_str(&text[at..f.start]);
            out.push_str(&redact::replacement(&text[f.start..f.end], f, options));
            at = f.end;
        }
        out.push_str(&text[at..]);
        Some((encoding.as_str(), out))
    }
}

/// What happens to one file after the decision.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    Attached,
    Redacted,
    Removed,
}

impl Fate {
    /// `decision`: the user's, or `None` when the files pass without a prompt.
    pub fn of(file: &Checked, decision: Option<FileDecision>) -> Fate {
        if matches!(file.outcome, Outcome::Cancelled) {
            return Fate::Removed;
        }
        let Some(decision) = decision.filter(|_| file.flagged()) else {
            return Fate::Attached;
        };
        match decision {
            FileDecision::Anyway => Fate::Attached,
            FileDecision::Remove => Fate::Removed,
            FileDecision::Redacted if file.redactable() => Fate::Redacted,
            FileDecision::Redacted => Fate::Removed,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Fate::Attached => "attached",
            Fate::Redacted => "redacted",
            Fate::Removed => "removed",
        }
    }
}

/// Every finding of `text`, scanned whole or, when long, in overlapping windows (so a file
/// longer than the guard's `maxInputBytes` is still checked, and each window's work stays
/// bounded). Findings are in text order and do not overlap, with offsets into `text`.
pub fn scan(guard: &Guard, text: &str) -> Result<Vec<Finding>, ScanError> {
    guard.scan_windows(text, WINDOW)
}
