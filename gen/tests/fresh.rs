//! `src/pattern/automata.bin` is what the generator builds from the detectors'
//! patterns now: a pattern changed without regenerating fails here (and the
//! product refuses the stale entry at run time). Regenerate with
//! `cargo run --release -p draftguard-gen`.

#[test]
fn the_checked_in_automata_are_what_the_generator_builds() {
    let built = draftguard_gen::blob(&draftguard_gen::entries());
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../src/pattern/automata.bin");
    let checked_in = std::fs::read(path).expect("src/pattern/automata.bin");
    assert!(
        built == checked_in,
        "src/pattern/automata.bin is out of date ({} bytes built, {} checked in): \
         run `cargo run --release -p draftguard-gen`",
        built.len(),
        checked_in.len()
    );
}

#[test]
fn building_twice_gives_the_same_bytes() {
    let a = draftguard_gen::blob(&draftguard_gen::entries());
    let b = draftguard_gen::blob(&draftguard_gen::entries());
    assert!(a == b, "the generator is not deterministic");
}
