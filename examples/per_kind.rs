//! Time of `scan` per detector on a file: `cargo run --release --example per_kind -- FILE`.
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("file");
    let text = std::fs::read_to_string(path).expect("UTF-8 file");
    let mut rows = Vec::new();
    for d in draftguard::REGISTRY {
        let g = draftguard::Guard::new(draftguard::Options {
            kinds: Some(vec![d.kind.to_string()]),
            ..Default::default()
        })
        .expect("guard");
        g.scan("warm up").expect("scan");
        let mut best = f64::INFINITY;
        for _ in 0..3 {
            let t = Instant::now();
            g.scan(&text).expect("scan");
            best = best.min(t.elapsed().as_secs_f64());
        }
        rows.push((best, d.kind));
    }
    rows.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (t, k) in rows {
        println!("{:>8.2} ms  {k}", t * 1000.0);
    }
}
