//! Scans a file paragraph by paragraph (blank-line separated), one `scan`
//! call each, as chat drafts arrive; prints findings and time:
//! `cargo run --release --example scan_paragraphs -- FILE [RUNS]`.
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("file");
    let runs: usize = args.next().map_or(3, |r| r.parse().expect("runs"));
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let paras: Vec<&str> = text.split("\n\n").collect();
    let guard = draftguard::Guard::default();
    let mut best = f64::INFINITY;
    let mut found = 0;
    for _ in 0..runs {
        let t = Instant::now();
        found = paras
            .iter()
            .map(|p| guard.scan(p).expect("scan").len())
            .sum();
        best = best.min(t.elapsed().as_secs_f64());
    }
    let mb = text.len() as f64 / (1024.0 * 1024.0);
    println!(
        "{path}: {mb:.2} MB in {} paragraphs, {found} findings, {:.1} ms, {:.1} MB/s, {:.2} µs per finding",
        paras.len(),
        best * 1000.0,
        mb / best,
        best * 1e6 / found.max(1) as f64
    );
}
