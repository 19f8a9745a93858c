//! Redaction, driven by findings (the masks themselves are [`crate::mask`]'s).
//!
//! Three styles: a localised label (`[CREDIT CARD]`), a mask that keeps what
//! is customarily shown (the last four digits, an IBAN's country code), or a
//! fixed character for every character of the value. No style ever leaves a
//! digit of a value other than the kept ones.

use crate::detectors::Locale;
use crate::finding::Finding;
use crate::mask::{is_invisible, mask, PREVIEW_MASK};

/// How to replace a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Style {
    /// `[CREDIT CARD]`, `[KREDITKARTE]`, `[信用卡号]`.
    #[default]
    Label,
    /// Letters and digits masked with `mask_char`, separators and the
    /// customary last characters kept: `•••• •••• •••• 4242`.
    Mask,
    /// Every character of the value replaced by `mask_char`.
    Char,
}

impl Style {
    /// Parses `"label" | "mask" | "char"`.
    pub fn parse(s: &str) -> Option<Style> {
        match s {
            "label" => Some(Style::Label),
            "mask" => Some(Style::Mask),
            "char" => Some(Style::Char),
            _ => None,
        }
    }
}

/// Redaction settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RedactOptions {
    /// How to replace values.
    pub style: Style,
    /// Language of labels.
    pub locale: Locale,
    /// Character for [`Style::Mask`] and [`Style::Char`].
    pub mask_char: char,
}

impl Default for RedactOptions {
    fn default() -> RedactOptions {
        RedactOptions {
            style: Style::Label,
            locale: Locale::En,
            mask_char: PREVIEW_MASK,
        }
    }
}

/// A redacted draft and what was replaced in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Redacted {
    /// The draft with every finding replaced.
    pub text: String,
    /// The findings, with offsets into the *original* draft.
    pub findings: Vec<Finding>,
}

/// Replaces each finding (non-overlapping, in text order) in `text`.
pub fn apply(text: &str, findings: &[Finding], options: &RedactOptions) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for f in findings {
        if f.start < at || f.end > text.len() {
            continue; // overlapping or foreign finding: never corrupt the text
        }
        out.push_str(&text[at..f.start]);
        out.push_str(&replacement(&text[f.start..f.end], f, options));
        at = f.end;
    }
    out.push_str(&text[at..]);
    out
}

/// What `apply` puts in place of one finding whose value as typed is `value`
/// (editors that replace values one at a time use it directly).
pub fn replacement(value: &str, f: &Finding, options: &RedactOptions) -> String {
    let d = &f.kind;
    match options.style {
        Style::Label => format!("[{}]", d.label(options.locale)),
        Style::Mask => mask(value, d, options.mask_char),
        Style::Char => value
            .chars()
            .filter(|c| !is_invisible(*c))
            .map(|_| options.mask_char)
            .collect(),
    }
}
