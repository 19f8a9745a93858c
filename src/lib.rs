//! draftguard finds sensitive data in a draft — card numbers, IBANs, SSNs,
//! routing and account numbers, and more as detectors are added — before it
//! is sent, entirely on-device.
//!
//! ```
//! use draftguard::Guard;
//! let guard = Guard::default();
//! let text = "Please charge 4111 1111 1111 1111, thanks";
//! let findings = guard.scan(text).unwrap();
//! assert_eq!(findings[0].kind, "credit_card");
//! assert_eq!(&text[findings[0].start..findings[0].end], "4111 1111 1111 1111");
//! assert_eq!(findings[0].preview, "•••• •••• •••• 1111");
//! ```
//!
//! The core is pure Rust and builds natively; `bindings` (wasm32 only) exposes
//! it to JavaScript with UTF-16 offsets.
#![deny(missing_docs)]

pub mod checksum;
pub mod codec;
pub mod detectors;
pub mod finding;
pub mod mask;
pub mod offsets;
pub mod pattern;
pub mod redact;
pub mod scan;
mod sort;
#[cfg(test)]
mod testing;

#[cfg(target_arch = "wasm32")]
pub mod bindings;
pub mod web;

pub use detectors::{
    by_kind, Category, Confidence, Detector, Invalid, Locale, Prefilter, Valid, REGISTRY,
};
pub use finding::{Finding, Kind, Reason};
pub use redact::{RedactOptions, Redacted, Style};
pub use scan::{CustomRule, Guard, LiveScan, Options, OptionsError, Rescan, ScanError};
