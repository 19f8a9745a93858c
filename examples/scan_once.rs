//! Scans a file once (for instruction counting under valgrind).
fn main() {
    let path = std::env::args().nth(1).expect("file");
    let text = std::fs::read_to_string(path).expect("UTF-8 file");
    let guard = draftguard::Guard::default();
    guard
        .scan("warm up: compile every pattern once 4111 1111 1111 1111 ghp_ x@y.z")
        .expect("scan");
    let n = guard.scan(&text).expect("scan").len();
    eprintln!("{n} findings");
}
