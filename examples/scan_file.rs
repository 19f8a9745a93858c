//! Scans files natively and prints throughput: `cargo run --release --example scan_file -- FILE...`
//! `EXCLUDE=credential` leaves out a category (to measure what a category costs).
use std::time::Instant;

fn main() {
    let categories = std::env::var("EXCLUDE").ok().map(|skip| {
        draftguard::Category::ALL
            .into_iter()
            .filter(|c| c.as_str() != skip)
            .collect::<Vec<_>>()
    });
    let guard = draftguard::Guard::new(draftguard::Options {
        categories,
        ..Default::default()
    })
    .expect("guard");
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
        let mut best = f64::INFINITY;
        let mut found = 0;
        for _ in 0..5 {
            let t = Instant::now();
            found = guard.scan(&text).expect("scan").len();
            best = best.min(t.elapsed().as_secs_f64());
        }
        let mb = text.len() as f64 / (1024.0 * 1024.0);
        println!(
            "{path}: {mb:.2} MB, {found} findings, {:.1} ms, {:.0} MB/s",
            best * 1000.0,
            mb / best
        );
    }
}
