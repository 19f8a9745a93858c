//! The README's detector table lists every registered kind.
#![cfg(not(target_arch = "wasm32"))]

#[test]
fn every_registered_kind_is_in_the_readme_table() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for d in draftguard::REGISTRY {
        let row = format!("| `{}` | {} |", d.kind, d.category);
        assert!(
            readme.contains(&row),
            "README.md has no row for {} (cargo run -q --example kinds_table)",
            d.kind
        );
    }
}
