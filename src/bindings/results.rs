//! Findings to JavaScript through a flat buffer: the module writes numbers
//! (UTF-16 offsets, string numbers) and the strings they name — kinds,
//! categories, confidences and reasons once per call, previews and values —
//! end to end into one string; `results.js` builds the plain `Finding`
//! objects from them in one call, with the same keys and values an object
//! built key by key would have. One crossing and one string decode per
//! result, instead of several per finding.

use std::collections::HashMap;
use std::fmt::Write;
use std::hash::{BuildHasherDefault, Hasher};

use wasm_bindgen::prelude::*;

use crate::{Finding, Reason};

#[wasm_bindgen(module = "/src/bindings/results.js")]
extern "C" {
    /// The findings of a buffer as `Finding` objects (see `results.js`).
    #[wasm_bindgen(js_name = findings)]
    fn build(text: &str, ends: &[u32], records: &[u32]) -> js_sys::Array;

    /// A live scan's next result from its last one (see `results.js`).
    #[wasm_bindgen(js_name = spliced)]
    pub(crate) fn spliced(
        last: &js_sys::Array,
        before: u32,
        built: &js_sys::Array,
        after: u32,
        moved: f64,
    ) -> js_sys::Array;
}

/// `records` value for a finding without a value.
const NONE: u32 = u32::MAX;

/// `found` (findings with their UTF-16 spans) as a JS array of `Finding` objects.
pub(crate) fn findings<'a>(
    found: impl IntoIterator<Item = (&'a Finding, (usize, usize))>,
) -> js_sys::Array {
    let mut buffer = Buffer::default();
    for (f, span) in found {
        buffer.push(f, span);
    }
    if buffer.records.is_empty() {
        // Most drafts: no buffer to hand over and decode.
        return js_sys::Array::new();
    }
    build(&buffer.text, &buffer.ends, &buffer.records)
}

/// A result being written: see `results.js` for the layout.
#[derive(Default)]
struct Buffer<'a> {
    text: String,
    /// Where each string ends in `text`, in UTF-16 units.
    ends: Vec<u32>,
    records: Vec<u32>,
    /// String numbers of the kinds, categories and confidences written.
    names: HashMap<&'a str, u32, BuildHasherDefault<Fnv>>,
    /// String numbers of the reasons written.
    reasons: HashMap<&'a Reason, u32, BuildHasherDefault<Fnv>>,
}

/// FNV-1a: the keys are short and few, and come from the module's own data
/// and the application's options, not from the draft (no flooding to fear).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl<'a> Buffer<'a> {
    fn push(&mut self, f: &'a Finding, (start, end): (usize, usize)) {
        let kind = self.name(&f.kind);
        let category = self.name(f.category.as_str());
        let confidence = self.name(f.confidence.as_str());
        let preview = self.string(&f.preview);
        let value = f.value.as_deref().map_or(NONE, |v| self.string(v));
        self.records.extend_from_slice(&[
            kind,
            category,
            start as u32,
            end as u32,
            confidence,
            preview,
            value,
            f.reasons.len() as u32,
        ]);
        for r in &f.reasons {
            let id = match self.reasons.get(r) {
                Some(&id) => id,
                None => {
                    let from = self.text.len();
                    write!(self.text, "{r}").expect("writing to a String");
                    let id = self.end(from);
                    self.reasons.insert(r, id);
                    id
                }
            };
            self.records.push(id);
        }
    }

    /// The number of string `s`, written once per result.
    fn name(&mut self, s: &'a str) -> u32 {
        if let Some(&id) = self.names.get(s) {
            return id;
        }
        let id = self.string(s);
        self.names.insert(s, id);
        id
    }

    /// Writes `s` and returns its number.
    fn string(&mut self, s: &str) -> u32 {
        let from = self.text.len();
        self.text.push_str(s);
        self.end(from)
    }

    /// Ends the string written since byte `from` of `text`; returns its number.
    fn end(&mut self, from: usize) -> u32 {
        // UTF-16 units from the UTF-8 bytes: one per byte that starts a
        // character, two for a 4-byte one (cheaper than decoding characters).
        let units: usize = self.text.as_bytes()[from..]
            .iter()
            .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
            .sum();
        let at = self.ends.last().copied().unwrap_or(0) + units as u32;
        self.ends.push(at);
        self.ends.len() as u32 - 1
    }
}
