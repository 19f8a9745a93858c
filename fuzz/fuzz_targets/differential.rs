//! Engine v2 against the frozen engine v1 (`v1/`) on arbitrary text, while
//! both exist: identical findings (kind, span, confidence, reasons, preview)
//! under the default options and a page's `attach` defaults. The first byte
//! picks the options; the rest is the text (invalid UTF-8 replaced).
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/engines.rs"]
mod engines;

fuzz_target!(|data: &[u8]| {
    if let Some((&which, text)) = data.split_first() {
        engines::check_same(which, &String::from_utf8_lossy(text));
    }
});
