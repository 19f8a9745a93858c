//! The product compiles each built-in pattern at run time from the blob's
//! text, with its own parser over bytes and its own compiler
//! (`draftguard::pattern::compiled_nfa`). Here its NFAs are held to
//! regex-automata's compiler on the same text: from every start of each
//! detector's fixture drafts (and of text with line ends, word boundaries,
//! UTF-8 and long runs), regex-automata's PikeVM over either forward NFA
//! must find the same end and the same groups, or no match; and from every
//! end, an anchored reverse search with either reverse NFA the same start.

// The fixtures' syntax, as the product's tests read it.
#[path = "../../tests/common/corpus.rs"]
mod corpus;
#[path = "../../tests/common/ordinary.rs"]
mod ordinary;

#[path = "common/pike.rs"]
mod pike;

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson::NFA;
use regex_automata::{Anchored, Input, MatchKind};

/// Where an anchored reverse search from each end of `hay` finds a match start.
fn reverse(nfa: &NFA, hay: &str) -> Vec<Option<usize>> {
    let dfa = DFA::builder()
        .configure(
            DFA::config()
                .match_kind(MatchKind::All)
                .specialize_start_states(false),
        )
        .build_from_nfa(nfa.clone())
        .expect("a lazy DFA");
    let mut cache: Cache = dfa.create_cache();
    (0..=hay.len().min(2048))
        .map(|end| {
            let input = Input::new(hay).range(..end).anchored(Anchored::Yes);
            let found = dfa
                .try_search_rev(&mut cache, &input)
                .expect("no quit bytes");
            found.map(|m| m.offset())
        })
        .collect()
}

#[test]
fn the_product_s_nfas_match_as_regex_automata_s() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures");
    let edges = [
        "a\nb\r\nc d_e-f\n\n\r\r\n. x\tyz 0 1\n",
        "Passwort: Grün-Öl_42! Kennwort=straße 密码：abc123XYZ 口令 ＡＢ１２ é\u{a0}x\u{200b}y",
        "key=\"sk-ÄÖÜ\u{ff}\u{80}\" <a href='https://user:pässwörd@db.example.com:5432/x'>",
    ];
    let (mut kinds, mut with_matches) = (0, 0);
    for e in draftguard_gen::entries() {
        let kind = e.name.trim_start_matches("detector:");
        let file = std::fs::read_to_string(format!("{fixtures}/{kind}.txt")).unwrap_or_default();
        let mut hays: Vec<String> = corpus::fixture_drafts(&file);
        hays.extend(edges.iter().map(|h| h.to_string()));
        hays.push("password=".repeat(600));
        hays.push(format!("api_key: {}", "Ab3+".repeat(1100)));
        let theirs = draftguard_gen::nfa(&e.pattern, false).expect(kind);
        let ours = draftguard::pattern::compiled_nfa(&e.pattern, false).expect(kind);
        let theirs_rev = draftguard_gen::nfa(&e.pattern, true).expect(kind);
        let ours_rev = draftguard::pattern::compiled_nfa(&e.pattern, true).expect(kind);
        assert_eq!(
            (ours.group_info().all_names()).collect::<Vec<_>>(),
            (theirs.group_info().all_names()).collect::<Vec<_>>(),
            "{kind}: groups"
        );
        let mut matched = 0;
        for hay in &hays {
            let want = pike::anchored_matches(&theirs, hay);
            let got = pike::anchored_matches(&ours, hay);
            assert_eq!(got, want, "{kind}: forward in {hay:?}");
            matched += want.iter().filter(|(_, m)| m.is_some()).count();
            let want = reverse(&theirs_rev, hay);
            assert_eq!(reverse(&ours_rev, hay), want, "{kind}: reverse in {hay:?}");
        }
        kinds += 1;
        with_matches += usize::from(matched > 0);
    }
    // Not vacuous: every detector, and nearly all of them matched.
    assert_eq!(kinds, draftguard::REGISTRY.len());
    assert!(
        with_matches >= kinds - 3,
        "matches for only {with_matches} of {kinds}"
    );
}
