//! Writes `src/pattern/automata.bin` (see the library's docs):
//! `cargo run --release -p draftguard-gen` (add `-- --list` to print the entries).
fn main() {
    let entries = draftguard_gen::entries();
    if std::env::args().any(|a| a == "--list") {
        print!("{}", draftguard_gen::describe(&entries));
    }
    let blob = draftguard_gen::blob(&entries);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../src/pattern/automata.bin");
    std::fs::write(path, &blob).expect("write src/pattern/automata.bin");
    eprintln!("wrote src/pattern/automata.bin: {} bytes", blob.len());
}
