//! The product does not load reverse NFAs from the blob: it derives each
//! window-searched pattern's reverse NFA from the forward one
//! (`draftguard::pattern::reversed_nfa`). Here that derivation is checked
//! against regex-automata's own compiler with `reverse(true)`: from every end
//! position of each detector's fixture text (and of text around line ends and
//! word boundaries), an anchored reverse search with either NFA must find the
//! same start, or none.

// The fixtures' syntax, as the product's tests read it.
#[path = "../../tests/common/corpus.rs"]
mod corpus;
#[path = "../../tests/common/ordinary.rs"]
mod ordinary;

use regex_automata::hybrid::dfa::DFA;
use regex_automata::nfa::thompson::NFA;
use regex_automata::{Anchored, Input, MatchKind};

fn reverse_dfa(nfa: NFA) -> DFA {
    DFA::builder()
        .configure(
            DFA::config()
                .match_kind(MatchKind::All)
                .specialize_start_states(false),
        )
        .build_from_nfa(nfa)
        .expect("a lazy DFA")
}

/// Where an anchored reverse search over `hay[..end]` finds a match start.
fn start(
    dfa: &DFA,
    cache: &mut regex_automata::hybrid::dfa::Cache,
    hay: &[u8],
    end: usize,
) -> Option<usize> {
    let input = Input::new(hay).range(..end).anchored(Anchored::Yes);
    dfa.try_search_rev(cache, &input)
        .expect("no quit bytes")
        .map(|m| m.offset())
}

#[test]
fn derived_reverse_nfas_find_the_starts_the_compiled_ones_find() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures");
    let edges = "a\nb\r\nc d_e-f\n\n\r\r\n. x\tyz 0 1\n";
    let (mut checked, mut with_starts) = (0, 0);
    for (d, e) in draftguard::REGISTRY.iter().zip(draftguard_gen::entries()) {
        if !matches!(e.plan, draftguard_gen::Plan::Window { reverse: None }) {
            continue;
        }
        let file =
            std::fs::read_to_string(format!("{fixtures}/{}.txt", d.kind)).unwrap_or_default();
        // Each draft of the fixture file on its own (values at its start and
        // end meet `^` and `$`), its escapes and value markers undone.
        let mut hays: Vec<String> = corpus::fixture_drafts(&file);
        hays.push(edges.to_string());
        let derived = reverse_dfa(draftguard::pattern::reversed_nfa(&e.forward).expect("derived"));
        let compiled = reverse_dfa(draftguard_gen::nfa(d.pattern, true).expect("compiled"));
        let (mut c1, mut c2) = (derived.create_cache(), compiled.create_cache());
        let mut found = 0;
        for hay in &hays {
            let hay = hay.as_bytes();
            for end in 0..=hay.len() {
                let (a, b) = (
                    start(&derived, &mut c1, hay, end),
                    start(&compiled, &mut c2, hay, end),
                );
                assert_eq!(a, b, "{}: reverse search from {end}", d.kind);
                found += usize::from(a.is_some());
            }
        }
        checked += 1;
        with_starts += usize::from(found > 0);
    }
    // Not vacuous: the searches found starts.
    assert!(checked >= 30, "only {checked} window-searched detectors");
    assert!(
        with_starts >= checked - 3,
        "starts found for only {with_starts} of {checked}"
    );
}
