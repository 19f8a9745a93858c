//! regex-automata's PikeVM as the reference the generator's tests hold the
//! product's NFAs and group resolution to.

use regex_automata::nfa::thompson::pikevm::PikeVM;
use regex_automata::nfa::thompson::NFA;
use regex_automata::{Anchored, Input, PatternID};

/// A match's end and its groups' spans (group 0 first).
pub type Groups = (usize, Vec<Option<(usize, usize)>>);

/// The anchored leftmost-first match of `nfa` from each char boundary of
/// `hay` (only the first 48 of a hay longer than 512 bytes: a long run's
/// matches all run to its end), with the starts.
pub fn anchored_matches(nfa: &NFA, hay: &str) -> Vec<(usize, Option<Groups>)> {
    let vm = PikeVM::new_from_nfa(nfa.clone()).expect("a PikeVM");
    let (mut cache, mut caps) = (vm.create_cache(), vm.create_captures());
    let groups = nfa.group_info().group_len(PatternID::ZERO);
    let last = if hay.len() > 512 { 48 } else { hay.len() };
    (0..=last)
        .filter(|&i| hay.is_char_boundary(i))
        .map(|start| {
            let input = Input::new(hay).range(start..).anchored(Anchored::Yes);
            vm.search(&mut cache, &input, &mut caps);
            let found = caps.get_match().map(|m| {
                let spans = (0..groups).map(|g| caps.get_group(g).map(|s| (s.start, s.end)));
                (m.end(), spans.collect())
            });
            (start, found)
        })
        .collect()
}
