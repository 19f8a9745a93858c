fn main() {
    let g = draftguard::Guard::default();
    let mb = 1 << 20;
    for (name, text) in [
        ("digits", "7".repeat(mb)),
        ("separators", "1 ".repeat(mb / 2)),
        ("dashes", "12-".repeat(mb / 3)),
        ("keywords", "card number IBAN SSN routing ".repeat(mb / 29)),
        ("mixed scripts", "卡号 ４１ Konto 😀 12 ".repeat(mb / 30)),
        ("zero width", "4\u{200B}".repeat(mb / 4)),
        ("jwt keyword flood", "eyJ".repeat(mb / 3)),
        ("aws keyword flood", "AKIA".repeat(mb / 4)),
        ("digit clusters in one word", "123456a".repeat(mb / 7)),
        ("password flood", "password=".repeat(mb / 9)),
        ("pem flood", "-----BEGIN".repeat(mb / 10)),
        ("mrz flood", "<<".repeat(mb / 2)),
        ("seed words", "abandon ability able about above ".repeat(mb / 33)),
        ("secret flood", "secret token key-".repeat(mb / 17)),
        ("medical flood", "diabetes cancer ".repeat(mb / 16)),
        ("conn flood", "server=x;password=".repeat(mb / 18)),
    ] {
        let t = std::time::Instant::now();
        let n = g.scan(&text).unwrap().len();
        println!("{name:28} {:>8.1} ms {n}", t.elapsed().as_secs_f64() * 1e3);
    }
}
