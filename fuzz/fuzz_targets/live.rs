//! `LiveScan` on arbitrary options, a draft and edits typed into it (see
//! `invariants::check_live`): after every edit it returns exactly what a full
//! scan of the draft returns, and never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    invariants::check_live(&invariants::decode(data));
});
