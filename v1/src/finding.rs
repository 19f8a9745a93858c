//! What a scan reports: [`Finding`]s, each of a [`Kind`].
//!
//! A kind is a built-in detector (a `&'static` [`Detector`] of the registry)
//! or one of a guard's custom rules. A custom rule's data belongs to the guard
//! that was built with it and to the findings it produced (reference-counted):
//! nothing of it outlives them, so a page creating guards with ever new rules
//! does not grow memory.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use crate::detectors::{Category, Confidence, Detector, Invalid, Locale, Scoring, Valid};

/// One piece of sensitive data found in a draft.
#[derive(Clone)]
pub struct Finding {
    /// The detector's stable id, e.g. `"credit_card"` (compares equal to a `&str`).
    pub kind: Kind,
    /// The detector's category.
    pub category: Category,
    /// UTF-8 byte offset of the value's first byte in the scanned text.
    pub start: usize,
    /// UTF-8 byte offset just past the value.
    pub end: usize,
    /// How sure the guard is.
    pub confidence: Confidence,
    /// Why: `"luhn"`, `"issuer:visa"`, `"context:card"`, …
    pub reasons: Vec<String>,
    /// The value as typed, masked: `"•••• •••• •••• 1111"`.
    pub preview: String,
    /// The raw value, only with [`Options::include_value`](crate::Options::include_value).
    pub value: Option<String>,
}

impl Finding {
    /// The built-in detector that produced this finding (`None` for a custom rule).
    pub fn detector(&self) -> Option<&'static Detector> {
        self.kind.detector()
    }
}

impl PartialEq for Finding {
    fn eq(&self, o: &Finding) -> bool {
        (
            self.kind.as_str(),
            self.category,
            self.start,
            self.end,
            self.confidence,
        ) == (o.kind.as_str(), o.category, o.start, o.end, o.confidence)
            && (&self.reasons, &self.preview, &self.value) == (&o.reasons, &o.preview, &o.value)
    }
}

impl Eq for Finding {}

impl fmt::Debug for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Finding")
            .field("kind", &self.kind.as_str())
            .field("category", &self.category)
            .field("start", &self.start)
            .field("end", &self.end)
            .field("confidence", &self.confidence)
            .field("reasons", &self.reasons)
            .field("preview", &self.preview)
            .field("value", &self.value)
            .finish()
    }
}

/// A detector's `validate` function.
pub type Validate = fn(&str) -> Result<Valid, Invalid>;

/// The kind of a finding: a built-in detector or a custom rule. Cheap to
/// clone; reads as its id (`kind == "iban"`, `&*kind`, `format!("{kind}")`).
#[derive(Clone)]
pub struct Kind(Source);

#[derive(Clone)]
enum Source {
    Builtin(&'static Detector),
    Custom(Arc<Custom>),
}

/// A custom rule's data, owned.
pub(crate) struct Custom {
    pub kind: Box<str>,
    pub name: Box<str>,
    pub label: Box<str>,
    pub checks: Box<str>,
    pub category: Category,
    pub scoring: Scoring,
    pub validate: Validate,
}

/// Overlap priority of every custom rule (built-in detectors: see [`Detector::priority`]).
const CUSTOM_PRIORITY: u8 = 60;

impl Kind {
    /// The kind of built-in detector `d`.
    pub const fn of(d: &'static Detector) -> Kind {
        Kind(Source::Builtin(d))
    }

    pub(crate) fn custom(c: Custom) -> Kind {
        Kind(Source::Custom(Arc::new(c)))
    }

    /// The stable id, e.g. `"credit_card"`.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Source::Builtin(d) => d.kind,
            Source::Custom(c) => &c.kind,
        }
    }

    /// The built-in detector (`None` for a custom rule).
    pub fn detector(&self) -> Option<&'static Detector> {
        match self.0 {
            Source::Builtin(d) => Some(d),
            Source::Custom(_) => None,
        }
    }

    /// The category of its findings.
    pub fn category(&self) -> Category {
        match &self.0 {
            Source::Builtin(d) => d.category,
            Source::Custom(c) => c.category,
        }
    }

    /// Plain-language name in `locale` ("Credit card number").
    pub fn name(&self, locale: Locale) -> &str {
        match &self.0 {
            Source::Builtin(d) => d.name.get(locale),
            Source::Custom(c) => &c.name,
        }
    }

    /// Upper-case redaction label in `locale` ("CREDIT CARD").
    pub fn label(&self, locale: Locale) -> &str {
        match &self.0 {
            Source::Builtin(d) => d.label.get(locale),
            Source::Custom(c) => &c.label,
        }
    }

    /// What is validated, in one line (English).
    pub fn checks(&self) -> &str {
        match &self.0 {
            Source::Builtin(d) => d.checks,
            Source::Custom(c) => &c.checks,
        }
    }

    /// Confidence without and with context.
    pub fn scoring(&self) -> Scoring {
        match &self.0 {
            Source::Builtin(d) => d.scoring,
            Source::Custom(c) => c.scoring,
        }
    }

    /// Where overlapping candidates of two kinds meet, the higher priority wins.
    pub fn priority(&self) -> u8 {
        match &self.0 {
            Source::Builtin(d) => d.priority,
            Source::Custom(_) => CUSTOM_PRIORITY,
        }
    }

    /// Checks a candidate and returns its compact value.
    pub fn validate(&self, candidate: &str) -> Result<Valid, Invalid> {
        match &self.0 {
            Source::Builtin(d) => (d.validate)(candidate),
            Source::Custom(c) => (c.validate)(candidate),
        }
    }

    /// Trailing alphanumerics a mask keeps ("•••• 4242").
    pub fn keep_last(&self) -> u8 {
        self.detector().map_or(0, |d| d.keep_last)
    }

    /// Leading letters a mask keeps (the IBAN country code).
    pub fn keep_leading_letters(&self) -> u8 {
        self.detector().map_or(0, |d| d.keep_leading_letters)
    }

    /// The detector's own preview, for values masking would make useless.
    pub fn own_preview(&self) -> Option<fn(&str) -> String> {
        self.detector().and_then(|d| d.preview)
    }
}

impl Deref for Kind {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Kind {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Kind {
    fn eq(&self, o: &Kind) -> bool {
        self.as_str() == o.as_str()
    }
}

impl Eq for Kind {}

impl PartialEq<str> for Kind {
    fn eq(&self, o: &str) -> bool {
        self.as_str() == o
    }
}

impl PartialEq<&str> for Kind {
    fn eq(&self, o: &&str) -> bool {
        self.as_str() == *o
    }
}

impl PartialEq<Kind> for &str {
    fn eq(&self, o: &Kind) -> bool {
        *self == o.as_str()
    }
}

impl PartialEq<String> for Kind {
    fn eq(&self, o: &String) -> bool {
        self.as_str() == o
    }
}

impl std::hash::Hash for Kind {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.as_str().hash(h);
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}
