//! Scans a file once after warming up (for instruction counting under valgrind):
//! `[KINDS=a,b] scan_once FILE [EXCLUDED_CATEGORY]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("file");
    let text = std::fs::read_to_string(path).expect("UTF-8 file");
    let categories = args.next().map(|skip| {
        draftguard::Category::ALL
            .into_iter()
            .filter(|c| c.as_str() != skip)
            .collect::<Vec<_>>()
    });
    let kinds = std::env::var("KINDS")
        .ok()
        .map(|k| k.split(',').map(String::from).collect());
    let guard = draftguard::Guard::new(draftguard::Options {
        categories,
        kinds,
        ..Default::default()
    })
    .expect("guard");
    guard
        .scan("warm up: compile every pattern once 4111 1111 1111 1111 ghp_ x@y.z eyJ <<")
        .expect("scan");
    let n = guard.scan(&text).expect("scan").len();
    eprintln!("{n} findings");
}
