use std::time::Instant;
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let t = Instant::now();
    let g = draftguard::Guard::new(draftguard::Options {
        kinds: Some(
            draftguard::REGISTRY
                .iter()
                .map(|d| d.kind.to_string())
                .collect(),
        ),
        ..Default::default()
    })
    .unwrap();
    let n = g.scan(&text).unwrap().len();
    println!("cold first scan {:?} ({n} found)", t.elapsed());
}
