//! Every detector's `validate` and preview, and every checksum, on arbitrary
//! input (custom rules can send any matched text to a built-in validator).
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    invariants::check_validators(data);
});
