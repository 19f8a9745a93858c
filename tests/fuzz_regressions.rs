//! Replays the fuzz corpus kept in `tests/fuzz-corpus/<target>/` through the
//! same checks as the fuzz targets (`tests/common/invariants.rs`), on stable
//! Rust: inputs that once crashed, or that reached new code, stay tests.
//! Fuzzing itself needs nightly and cargo-fuzz: see README "Robustness".
#![cfg(not(target_arch = "wasm32"))]

mod common {
    pub mod engines;
    pub mod invariants;
}
use common::invariants::{check_input, check_live, check_validators, decode};
use std::path::Path;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-corpus")
        .join(target);
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| {
            let p = e.unwrap().path();
            (p.display().to_string(), std::fs::read(&p).unwrap())
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no saved inputs in {}", dir.display());
    out
}

#[test]
fn saved_scan_inputs_keep_every_invariant() {
    for (name, data) in inputs("scan") {
        eprintln!("{name}");
        check_input(&decode(&data));
    }
}

#[test]
fn saved_redact_inputs_keep_every_invariant() {
    for (name, data) in inputs("redact") {
        eprintln!("{name}");
        check_input(&decode(&data));
    }
}

#[test]
fn saved_validator_inputs_never_panic() {
    for (name, data) in inputs("validators") {
        eprintln!("{name}");
        check_validators(&data);
    }
}

#[test]
fn saved_live_inputs_keep_every_invariant() {
    for (name, data) in inputs("live") {
        eprintln!("{name}");
        check_live(&decode(&data));
    }
}

#[test]
fn saved_differential_inputs_find_the_same_in_both_engines() {
    for (name, data) in inputs("differential") {
        eprintln!("{name}");
        if let Some((&which, text)) = data.split_first() {
            common::engines::check_same(which, &String::from_utf8_lossy(text));
        }
    }
}
