//! Prints the README's detector table from the registry:
//! `cargo run -q --example kinds_table`.
fn main() {
    println!("| kind | category | on for | what is validated |");
    println!("|---|---|---|---|");
    for d in draftguard::REGISTRY {
        let on_for = if d.locales.is_empty() {
            "everyone".to_string()
        } else {
            d.locales.join(", ")
        };
        let gated = if d.scoring.alone.is_none() {
            " (only next to a context word)"
        } else {
            ""
        };
        println!(
            "| `{}` | {} | {} | {}{} |",
            d.kind, d.category, on_for, d.checks, gated
        );
    }
}
