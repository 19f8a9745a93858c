//! The product resolves a match's capture groups (the `value` span) with its
//! own backtracker, and a match longer than 4 KB with its own Pike VM, whose
//! memory does not grow with the match (`src/pattern/nfa.rs`). Here both are
//! held to regex-automata's PikeVM: from every start of each detector's
//! fixture drafts and of long runs after keywords, and for small patterns
//! where the priority of alternatives decides the groups, all three must
//! give the same end and the same groups, or no match.

#[path = "../../tests/common/corpus.rs"]
mod corpus;
#[path = "../../tests/common/ordinary.rs"]
mod ordinary;

#[path = "common/pike.rs"]
mod pike;

use regex_automata::nfa::thompson::NFA;

/// Compares the three from every char boundary of every hay; returns how
/// many starts matched.
fn compare(name: &str, nfa: &NFA, hays: &[String]) -> usize {
    let groups = nfa.group_info().group_len(regex_automata::PatternID::ZERO);
    let mut ours = draftguard::pattern::AnchoredGroups::new(nfa);
    let mut matched = 0;
    for hay in hays {
        for (start, want) in pike::anchored_matches(nfa, hay) {
            let [backtrack, pike] = ours.both(hay.as_bytes(), start);
            for (who, got) in [("backtracker", backtrack), ("Pike VM", pike)] {
                let got = got.map(|(end, slots)| {
                    let spans = (0..groups).map(|g| Some((slots[2 * g]?, slots[2 * g + 1]?)));
                    (end, spans.collect::<Vec<_>>())
                });
                assert_eq!(got, want, "{name}: {who} from {start} in {hay:?}");
            }
            matched += usize::from(want.is_some());
        }
    }
    matched
}

#[test]
fn the_priority_of_alternatives_decides_the_groups() {
    let cases: &[(&str, &[&str])] = &[
        ("a|ab", &["ab", "a", "b"]),
        ("(a|ab)(c|bcd)(d*)", &["abcd", "abcdd", "acd"]),
        ("(a*)(a*)b?", &["aaab", "b", ""]),
        ("(?:(a)|(ab))+c?", &["ababac", "aab"]),
        ("(a{2,5}?)(a*)", &["aaaaaaa", "aa"]),
        ("((?:ab|a)(?:bc|c)?)*d?", &["abcabcd", "aabcd", "abbc"]),
        (r"\b(\w+)\b(?:\s+(\w+))?", &["hello world", "x", "a b c"]),
        (r"(?:^|\n)(x+)$", &["xx", "\nxxx\n", "ax"]),
        // Exponential for a backtracker that forgets where it failed: 2^40 paths.
        (
            "(?:a|a)*(?:(a)|a)*c",
            &["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "aac"],
        ),
        (
            r"(?P<value>[a-z]{3,12}(?: [a-z]{3,12}){3,7})|(?P<value3>[^ ]*[^ .])",
            &[
                "correct horse battery staple.",
                "correct horse.",
                "abc def ghi jkl mno pqr stu vwx yza",
            ],
        ),
    ];
    for (pattern, hays) in cases {
        let nfa = draftguard_gen::nfa(pattern, false).expect(pattern);
        let hays: Vec<String> = hays.iter().map(|h| h.to_string()).collect();
        assert!(
            compare(pattern, &nfa, &hays) > 0,
            "{pattern}: nothing matched"
        );
    }
}

#[test]
fn every_detector_s_groups_from_every_start_of_its_fixtures() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures");
    let mut matched_kinds = 0;
    for d in draftguard::REGISTRY {
        let file =
            std::fs::read_to_string(format!("{fixtures}/{}.txt", d.kind)).unwrap_or_default();
        let mut hays: Vec<String> = corpus::fixture_drafts(&file);
        // Longer than the backtracker's limit: the Pike VM answers from their starts.
        hays.push("password=".repeat(600));
        hays.push(format!("api_key: {}", "Ab3+".repeat(1100)));
        hays.push(format!("pw {}!", "x9".repeat(2100)));
        let nfa = draftguard_gen::nfa(d.pattern, false).expect(d.kind);
        matched_kinds += usize::from(compare(d.kind, &nfa, &hays) > 0);
    }
    assert!(
        matched_kinds >= 40,
        "only {matched_kinds} detectors matched"
    );
}
