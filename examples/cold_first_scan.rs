//! A cold first scan natively: a new process, every detector on, one scan of
//! FILE (what a page's first check costs before anything is built):
//! `cargo run --release --example cold_first_scan -- FILE`.
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("file");
    let text = std::fs::read_to_string(path).expect("UTF-8 file");
    let t = Instant::now();
    let all = draftguard::REGISTRY
        .iter()
        .map(|d| d.kind.to_string())
        .collect();
    let g = draftguard::Guard::new(draftguard::Options {
        kinds: Some(all),
        ..Default::default()
    })
    .expect("guard");
    let n = g.scan(&text).expect("scan").len();
    println!("cold first scan {:?} ({n} found)", t.elapsed());
}
