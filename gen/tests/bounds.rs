//! The API-key rows' relaxed counted repetitions (`relax_row`: `c{m,n}` that
//! ends a row became `(?P<le<n>_<k>>c{m,})`, held to `n` by the product) give
//! the exact pattern's matches. Both patterns are searched here as the scan
//! searches them: from each start, the leftmost-first match anchored there;
//! after a match the search goes on at its end, and after a relaxed match in
//! which a bounded group ran past its bound, at the next byte (no match
//! starts there); the relaxed search reads no further from a start than the
//! exact pattern's longest match, as the product's does. The inputs are values of every relaxed repetition of
//! `m - 2 ..= m + 2` and `n - 2 ..= n + 2` bytes (and far longer), in every
//! surrounding: text start and end, spaces, terminators, `_`, `-`, `/bot`,
//! other rows' values before and after, runs of the class.
//!
//! `BOUNDS_CORPUS=FILE` also writes the inputs, one a line, for comparing the
//! product's findings before and after a relaxation.

use regex_automata::hybrid::{self, dfa::DFA};
use regex_automata::nfa::thompson::pikevm::{Cache, PikeVM};
use regex_automata::nfa::thompson::NFA;
use regex_automata::{Anchored, Input, MatchKind};
use regex_syntax::hir::{Class, Hir, HirKind};

/// A little LCG: the inputs are the same on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n
    }
}

/// The bytes a class holds.
fn members(c: &Class) -> Vec<u8> {
    match c {
        Class::Bytes(c) => c.iter().flat_map(|r| r.start()..=r.end()).collect(),
        Class::Unicode(c) => c
            .iter()
            .flat_map(|r| u32::from(r.start())..=u32::from(r.end()))
            .filter_map(|b| u8::try_from(b).ok())
            .collect(),
    }
}

/// A text `h` matches (choices by `rng`), with the group named `target`
/// repeated `len` times; `None` if the choices missed it.
fn sample(h: &Hir, rng: &mut Rng, target: &str, len: usize, hit: &mut bool, out: &mut Vec<u8>) {
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) => {}
        HirKind::Literal(l) => out.extend_from_slice(&l.0),
        HirKind::Class(c) => {
            let m = members(c);
            out.push(m[rng.below(m.len())]);
        }
        HirKind::Repetition(r) => {
            let max = r.max.unwrap_or(r.min + 3).min(r.min + 3);
            let n = r.min + rng.below((max - r.min + 1) as usize) as u32;
            for _ in 0..n {
                sample(&r.sub, rng, target, len, hit, out);
            }
        }
        HirKind::Capture(c) if c.name.as_deref() == Some(target) => {
            *hit = true;
            let HirKind::Repetition(r) = c.sub.kind() else {
                panic!("{target} is a repetition")
            };
            for _ in 0..len {
                sample(&r.sub, rng, target, len, hit, out);
            }
        }
        HirKind::Capture(c) => sample(&c.sub, rng, target, len, hit, out),
        HirKind::Concat(hs) => hs
            .iter()
            .for_each(|h| sample(h, rng, target, len, hit, out)),
        HirKind::Alternation(hs) => sample(&hs[rng.below(hs.len())], rng, target, len, hit, out),
    }
}

/// The relaxed repetitions: (group name, minimum, bound, the row's HIR).
fn relaxed_groups(h: &Hir, row: Option<&Hir>, out: &mut Vec<(String, usize, usize, Hir)>) {
    match h.kind() {
        HirKind::Capture(c) => {
            let name = c.name.as_deref().unwrap_or("");
            let row = if name.starts_with('p') { Some(h) } else { row };
            if let (Some(bound), HirKind::Repetition(r)) = (
                name.strip_prefix("le")
                    .and_then(|n| n.split('_').next()?.parse().ok()),
                c.sub.kind(),
            ) {
                out.push((
                    name.into(),
                    r.min as usize,
                    bound,
                    row.expect("in a row").clone(),
                ));
            }
            relaxed_groups(&c.sub, row, out);
        }
        HirKind::Concat(hs) | HirKind::Alternation(hs) => {
            hs.iter().for_each(|h| relaxed_groups(h, row, out))
        }
        HirKind::Repetition(r) => relaxed_groups(&r.sub, row, out),
        _ => {}
    }
}

/// A pattern as the scan searches it: a lazy DFA finds where an anchored
/// match ends, a PikeVM its groups.
struct Searcher {
    /// No search reads more than this from its start (the product's cap).
    longest: usize,
    nfa: NFA,
    dfa: DFA,
    dfa_cache: hybrid::dfa::Cache,
    vm: PikeVM,
    cache: Cache,
}

impl Searcher {
    fn new(pattern: &str, longest: usize) -> Searcher {
        let nfa = draftguard_gen::nfa(pattern, false).expect("compiles");
        let dfa = DFA::builder()
            .configure(DFA::config().match_kind(MatchKind::LeftmostFirst))
            .build_from_nfa(nfa.clone())
            .expect("a lazy DFA");
        let vm = PikeVM::new_from_nfa(nfa.clone()).expect("a PikeVM");
        Searcher {
            longest,
            dfa_cache: dfa.create_cache(),
            cache: vm.create_cache(),
            nfa,
            dfa,
            vm,
        }
    }
}

/// One search as the scan runs it: (row group, value span) of every match.
fn scan(me: &mut Searcher, hay: &[u8]) -> Vec<(String, usize, usize)> {
    let Searcher {
        longest,
        nfa,
        dfa,
        dfa_cache,
        vm,
        cache,
    } = me;
    let pid = regex_automata::PatternID::ZERO;
    let names: Vec<Option<&str>> = nfa.group_info().pattern_names(pid).collect();
    let bound =
        |n: &str| -> Option<usize> { n.strip_prefix("le")?.split('_').next()?.parse().ok() };
    let mut caps = vm.create_captures();
    let mut found = Vec::new();
    let mut pos = 0;
    'search: while pos <= hay.len() {
        // Each match moves `pos` on and starts the search again from there.
        let from = pos;
        for s in from..=hay.len() {
            let end = hay.len().min(s.saturating_add(*longest));
            let anchored = Input::new(hay).range(s..end).anchored(Anchored::Yes);
            if dfa
                .try_search_fwd(dfa_cache, &anchored)
                .expect("no quit bytes")
                .is_none()
            {
                continue;
            }
            vm.search(cache, &anchored, &mut caps);
            let Some(m) = caps.get_match() else {
                continue;
            };
            let span = |g: usize| caps.get_group(g);
            let overlong = names.iter().enumerate().any(|(g, n)| {
                matches!((n.and_then(bound), span(g)), (Some(max), Some(sp)) if sp.len() > max)
            });
            if overlong {
                pos = s + 1;
                continue 'search;
            }
            let value = caps.get_group_by_name("value").expect("a value");
            let row = (names.iter().enumerate())
                .find(|(g, n)| n.is_some_and(|n| n.starts_with('p')) && span(*g).is_some())
                .map_or("none", |(_, n)| n.unwrap());
            found.push((row.to_string(), value.start, value.end));
            pos = m.end();
            continue 'search;
        }
        break;
    }
    found
}

#[test]
fn relaxed_rows_match_as_the_exact_ones() {
    let pattern = draftguard::detectors::api_key::DETECTOR.pattern;
    let longest = draftguard_gen::longest_match(pattern).expect("bounded");
    let mut exact = Searcher::new(&draftguard_gen::api_key_grouped(pattern, false), usize::MAX);
    let grouped = draftguard_gen::api_key_grouped(pattern, true);
    let mut relaxed = Searcher::new(&grouped, longest);
    let config = regex_syntax::ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(&grouped)
        .expect("parses");
    let mut groups = Vec::new();
    relaxed_groups(&config, None, &mut groups);
    assert!(groups.len() >= 10, "{} relaxed repetitions", groups.len());

    let mut rng = Rng(13);
    // A value of every row (its repetitions short), for the surroundings.
    let rows: Vec<String> = draftguard::detectors::api_key::PROVIDERS
        .iter()
        .map(|p| {
            let h = regex_syntax::ParserBuilder::new()
                .unicode(false)
                .utf8(false)
                .build()
                .parse(p.pattern)
                .unwrap();
            let mut out = Vec::new();
            sample(&h, &mut rng, "", 0, &mut false, &mut out);
            String::from_utf8(out).unwrap()
        })
        .collect();
    let mut before: Vec<String> = [
        "",
        " ",
        "x",
        "_",
        "-",
        "/bot",
        "/",
        "=",
        "stripe facebook token: ",
        "a.b ",
    ]
    .map(String::from)
    .to_vec();
    let mut after: Vec<String> = [
        "",
        " ",
        ".",
        "/",
        "+",
        "=",
        "-",
        "_",
        "~",
        "%",
        "-x",
        ".abcdefghi",
        "/AAAAbbbbCCCCdddd1111eeeeFFFFgggg2222hhh",
    ]
    .map(String::from)
    .to_vec();
    for r in &rows {
        before.push(format!("{r}-"));
        before.push(format!("{r} "));
        after.push(format!("-{r}"));
        after.push(format!(".{r}"));
        after.push(r.clone());
    }

    let mut inputs = Vec::new();
    for (name, min, max, row) in &groups {
        let lengths = (min.saturating_sub(2)..=min + 2)
            .chain(max - 2..=max + 2)
            .chain([max + 40]);
        for len in lengths {
            for seed in 0..2 {
                let (mut value, mut hit) = (Vec::new(), false);
                let mut choices = Rng(seed * 1000 + len as u64);
                for _ in 0..50 {
                    value.clear();
                    sample(row, &mut choices, name, len, &mut hit, &mut value);
                    if hit {
                        break;
                    }
                }
                assert!(hit, "{name}: no sample");
                let value = String::from_utf8(value).unwrap();
                for b in &before {
                    inputs.push(format!("{b}{value} "));
                }
                for a in &after {
                    inputs.push(format!("{value}{a}"));
                    inputs.push(format!(" {value}{a}"));
                }
            }
        }
    }
    if let Ok(path) = std::env::var("BOUNDS_CORPUS") {
        std::fs::write(path, inputs.join("\n")).unwrap();
    }
    let mut matched = 0;
    for hay in &inputs {
        let want = scan(&mut exact, hay.as_bytes());
        let got = scan(&mut relaxed, hay.as_bytes());
        assert_eq!(got, want, "{hay:?}");
        matched += want.len();
    }
    eprintln!("{} inputs, {matched} matches", inputs.len());
    assert!(matched > inputs.len() / 4);
}
