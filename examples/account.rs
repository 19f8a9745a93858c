//! The native driver of `bench/account.sh time` (where the time goes): scans
//! a file paragraph by paragraph (blank-line separated, one `Guard::scan`
//! call each, as `scan_paragraphs` does) in two passes, each in a function of
//! its own so that callgrind can collect and dump them apart:
//!
//! - `account::cold_pass` builds the default guard and scans every paragraph
//!   once: the first scans compile the patterns they need, build the keyword
//!   automata and fill the lazy DFAs' caches;
//! - `account::warm_pass` scans every paragraph again with the same guard, as
//!   a page that has been guarding drafts for a while does.
//!
//! `account FILE` prints `paragraphs bytes findings` (the findings of one pass).
use draftguard::Guard;
use std::hint::black_box;

/// Builds the guard and scans every paragraph once; returns the guard and the number of findings.
#[inline(never)]
fn cold_pass(paragraphs: &[&str]) -> (Guard, usize) {
    let guard = Guard::default();
    let found = scan_all(&guard, paragraphs);
    (guard, found)
}

/// Scans every paragraph again with `guard`; returns the number of findings.
#[inline(never)]
fn warm_pass(guard: &Guard, paragraphs: &[&str]) -> usize {
    scan_all(guard, paragraphs)
}

/// One `scan` call per paragraph (not itself a collection toggle: callgrind's
/// `--toggle-collect` turns collection off again in a nested toggle function).
fn scan_all(guard: &Guard, paragraphs: &[&str]) -> usize {
    paragraphs
        .iter()
        .map(|p| black_box(guard.scan(black_box(p)).expect("scan")).len())
        .sum()
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: account FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    let (guard, cold) = cold_pass(&paragraphs);
    let warm = warm_pass(&guard, &paragraphs);
    assert_eq!(cold, warm, "both passes find the same");
    println!("{} {} {}", paragraphs.len(), text.len(), warm);
}
