//! Prints a file's format and pieces: `cargo run -p draftguard-files --example dump -- FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: dump FILE");
    let bytes = std::fs::read(&path).expect("readable file");
    let format = draftguard_files::sniff(&path, &bytes);
    println!("{format:?}");
    match draftguard_files::extract(&bytes, format) {
        Ok(extracted) => {
            for piece in extracted.pieces {
                println!("{:?}\t{:?}", piece.location, piece.text);
            }
        }
        Err(error) => println!("error: {error}"),
    }
}
