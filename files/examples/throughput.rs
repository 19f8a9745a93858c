//! Native throughput of sniff + extract: `cargo run --release -p draftguard-files --example
//! throughput -- FILE...` prints one table row per file (best and median of 7 runs; `RUNS=1`
//! for a single run, e.g. under callgrind).
use std::time::Instant;

fn main() {
    println!("| file | size | pieces | text | best | median | MB/s (median) |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("readable file");
        let mut times = Vec::new();
        let mut pieces = (0, 0);
        let runs: usize = std::env::var("RUNS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(7);
        for _ in 0..runs.max(1) {
            let start = Instant::now();
            let format = draftguard_files::sniff(&path, &bytes);
            let extracted = draftguard_files::extract(&bytes, format).expect("readable");
            times.push(start.elapsed().as_secs_f64());
            let text: usize = extracted.pieces.iter().map(|p| p.text.len()).sum();
            pieces = (extracted.pieces.len(), text);
        }
        times.sort_by(f64::total_cmp);
        let mb = bytes.len() as f64 / 1e6;
        println!(
            "| {path} | {mb:.2} MB | {} | {:.2} MB | {:.1} ms | {:.1} ms | {:.0} |",
            pieces.0,
            pieces.1 as f64 / 1e6,
            times[0] * 1e3,
            times[times.len() / 2] * 1e3,
            mb / times[times.len() / 2]
        );
    }
}
