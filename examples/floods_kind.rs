fn main() {
    let args: Vec<String> = std::env::args().collect();
    let unit = args[1].replace("\\n", "\n");
    let n: usize = args[2].parse().unwrap();
    let text = unit.repeat(n / unit.len());
    for d in draftguard::REGISTRY {
        let g = draftguard::Guard::new(draftguard::Options { kinds: Some(vec![d.kind.to_string()]), ..Default::default() }).unwrap();
        let t = std::time::Instant::now();
        let f = g.scan(&text).unwrap().len();
        let ms = t.elapsed().as_secs_f64() * 1e3;
        if ms > 20.0 { println!("{:24} {ms:>8.1} ms {f}", d.kind); }
    }
}
