//! `redact` in every style: text outside findings unchanged, a label or a
//! mask keeping at most the customary characters, never the validated value.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    invariants::check_input(&invariants::decode(data));
});
