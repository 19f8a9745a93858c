//! `Guard::new` + `scan` on arbitrary options and drafts: no panic, spans in
//! range, on char and UTF-16 boundaries, ordered, sliced by JS as typed.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let _ = invariants::check_scan(&invariants::decode(data));
});
