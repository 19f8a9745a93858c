//! The engine as it was before engine v2 (issue 13), frozen: the reference
//! the differential test and the `differential` fuzz target compare the new
//! engine with. Not published; removed once the new engine has replaced it.
#![allow(missing_docs, dead_code, clippy::all)]

pub mod checksum;
pub mod codec;
pub mod detectors;
pub mod finding;
pub mod offsets;
pub mod pattern;
pub mod redact;
pub mod scan;

pub use detectors::{
    by_kind, Category, Confidence, Detector, Invalid, Locale, Prefilter, Valid, REGISTRY,
};
pub use finding::{Finding, Kind};
pub use redact::{RedactOptions, Redacted, Style};
pub use scan::{CustomRule, Guard, LiveScan, Options, OptionsError, Rescan, ScanError};
