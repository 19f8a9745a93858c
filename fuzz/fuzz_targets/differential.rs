//! The engine with and without its shortcuts (digit set, context gates) on
//! arbitrary text: identical findings (kind, span, confidence, reasons,
//! preview) under the default options and a page's `attach` defaults. The
//! first byte picks the options; the rest is the text (invalid UTF-8 replaced).
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/engines.rs"]
mod engines;

fuzz_target!(|data: &[u8]| {
    if let Some((&which, text)) = data.split_first() {
        engines::check_same(which, &String::from_utf8_lossy(text));
    }
});
