//! Custom rules and allowlist patterns against regex-lite 0.1.9, the engine
//! that compiled them until the product's own parser (`src/pattern/syntax.rs`)
//! replaced it in the module: the same accept/reject decision and error
//! message, the same leftmost-first match from every start offset (a
//! character boundary), the same capture names and value spans, and the
//! same whole-value decision of an allowlist pattern.
//!
//! The patterns: every pattern in the tests, the README and the built-in
//! detectors (the largest real patterns), and thousands generated with a
//! fixed seed from a small grammar over the whole syntax (classes, POSIX and
//! Perl classes, flags, groups, repetitions, boundaries, escapes) plus
//! mutations of them that regex-lite mostly rejects. The haystacks: ASCII,
//! German umlauts, CJK, emoji, digits, line breaks, word boundaries, every
//! fixture line, and long ones (matches over 4 KB: the Pike VM's).
//! `PATTERNS_N` sets how many patterns are generated (default 4,000).
#![cfg(not(target_arch = "wasm32"))]

mod common {
    pub mod invariants;
}

use common::invariants::{ALLOW_PATTERNS, RULE_PATTERNS};
use draftguard::pattern::{AnyWhole, Custom};

/// The limits `src/pattern/mod.rs` gave regex-lite.
const SIZE_LIMIT: usize = 1 << 20;
const NEST_LIMIT: u32 = 64;

/// Patterns written in the tests, the README and the docs (besides the
/// fuzz targets' menus, `RULE_PATTERNS` and `ALLOW_PATTERNS`).
const WRITTEN: &[&str] = &[
    r"\bEMP-[0-9]{6}\b",
    r"\bGC(?P<value>[0-9]{16})\b",
    r"EMP-[0-9]{6}",
    r"\bEMP-(?P<value>[0-9]{6})\b",
    r"(?m)^Project [A-Z][a-z]+$",
    r"(?i)ticket #?[0-9]+",
    r"GC(?P<value>[0-9]{16})",
    r"\bEMP-7-[0-9]{6}\b",
    "a*",
    "(?P<value>a*)",
    r"(?P<value>)x|^|$|\b",
    "(unclosed",
    "a{1000}{1000}",
    "x",
    "[",
    "4242",
    "4111",
    r"4111[ -]?1111[ -]?1111[ -]?1111",
    r"4242)|(.*",
    r".*)|(",
    r"4242$)|(?:.*",
    r"x\",
    "4242|5555.*",
    "5555 ?5555 ?5555 ?4444",
    "4000 ?0000 ?0000 ?[0-9]{4}",
    "9123[0-9]{12}",
    "a+",
    "/000",
    // What regex-lite refuses, one of each kind, and its corners.
    r"(?=a)",
    r"(?<!a)b",
    r"\1",
    r"\pL",
    r"[a&&b]",
    r"[a--b]",
    r"[a~~b]",
    r"[[a]]",
    r"[[:alpha:]]",
    r"[[:^digit:]x]",
    r"[[:foo:]]",
    r"(?i)[\x41-Z]",
    r"(?i)[M-c]+",
    r"(?i)é",
    r"(?i)[à-ÿ]",
    r"(?x) a b # comment",
    r"(?x)[a-  ]",
    r"(?x)[a - c]",
    r"\b{start}\w+\b{end}",
    r"\b{start-half}x\b{end-half}",
    r"\b{5}",
    r"\b{foo}",
    r"\<\w+\>",
    r"(?R)^a$",
    r"(?Rm)^a$",
    r"(?u:\w)",
    r"(?)",
    r"(?i-)",
    r"(?--i)",
    r"(?ii)",
    r"(?P<>a)",
    r"(?P<1a>a)",
    r"(?P<a.b[1]>x)",
    r"(?P<a>x)(?P<a>y)",
    r"(a){0}(b)",
    r"x{2,1}",
    r"x{,2}",
    r"x{ 2 , 3 }",
    r"x{99999999999}",
    r"\x{110000}",
    r"\u{D800}",
    r"\x{}",
    r"\xZZ",
    r"\U0001F600",
    r"\u00e4",
    r"\☃",
    r"\ ",
    r"a**",
    r"a*?",
    r"(?U)a+?b+",
    r"*",
    r"{2}",
    r"((((((((((a))))))))))",
];

/// A small random number generator (splitmix64), fixed seed: the same
/// patterns and haystacks on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}

/// Characters of the haystacks and of the patterns' literals.
const CHARS: &[&str] = &[
    "a", "b", "c", "x", "A", "B", "Z", "é", "ä", "ö", "ü", "Ä", "ß", "中", "文", "😀", "0", "1",
    "7", "9", " ", "-", "_", ".", "@", "#", ":", "\n", "\r", "\t", "/", "(", ")", "€", "ǅ", "ſ",
    "K",
];

/// A generated pattern of nesting `depth` at most.
fn pattern(r: &mut Rng, depth: u32) -> String {
    let n = 1 + r.below(4);
    let mut alts = Vec::new();
    for _ in 0..1 + usize::from(r.below(4) == 0) * r.below(3) {
        let mut s = String::new();
        for _ in 0..n {
            s += &piece(r, depth);
        }
        alts.push(s);
    }
    alts.join("|")
}

/// One item of a concatenation, maybe repeated.
fn piece(r: &mut Rng, depth: u32) -> String {
    let atom = match r.below(if depth == 0 { 6 } else { 9 }) {
        0 | 1 => literal(r),
        2 => r
            .pick(&[
                ".",
                r"\d",
                r"\w",
                r"\s",
                r"\D",
                r"\W",
                r"\S",
                r"\b",
                r"\B",
                "^",
                "$",
                r"\A",
                r"\z",
                r"\<",
                r"\>",
                r"\b{start}",
                r"\b{end}",
                r"\b{start-half}",
                r"\b{end-half}",
                r"\.",
                r"\-",
                r"\x41",
                r"\u{e4}",
                r"\x{1F600}",
                r"\t",
                r"\n",
                r"\#",
                r"\ ",
                r"\u4e2d",
            ])
            .to_string(),
        3 | 4 => class(r),
        5 => r.pick(&["a", "ab", "é", "中文", "0", " "]).to_string(),
        _ => {
            let inner = pattern(r, depth - 1);
            match r.below(12) {
                0 | 1 => format!("({inner})"),
                2 | 3 => format!("(?:{inner})"),
                4 => format!("(?P<value>{inner})"),
                5 => format!("(?<value{}>{inner})", r.below(3)),
                6 => format!("(?i:{inner})"),
                7 => format!("(?-i:{inner})"),
                8 => format!("(?s:{inner})"),
                9 => format!("(?m:{inner})"),
                10 => format!("(?U:{inner})"),
                _ => format!(
                    "(?{}){inner}",
                    r.pick(&["i", "s", "m", "x", "U", "R", "is", "mR", "u", "i-s"])
                ),
            }
        }
    };
    let rep = match r.below(10) {
        0 => "?",
        1 => "*",
        2 => "+",
        3 => r.pick(&[
            "{2}", "{0,3}", "{1,}", "{2,4}", "{0}", "{1}", "{0,1}", "{3,}",
        ]),
        4 => r.pick(&["??", "*?", "+?", "{1,3}?", "{2,}?"]),
        _ => "",
    };
    atom + rep
}

/// A literal character, escaped where it must be.
fn literal(r: &mut Rng) -> String {
    let c = r.pick(CHARS);
    match c {
        "." | "(" | ")" | "#" => format!("\\{c}"),
        "\n" => r"\n".into(),
        "\r" => r"\r".into(),
        "\t" => r"\t".into(),
        c => c.into(),
    }
}

/// A bracketed class.
fn class(r: &mut Rng) -> String {
    let mut s = String::from("[");
    if r.below(3) == 0 {
        s.push('^');
    }
    for _ in 0..1 + r.below(3) {
        s += r.pick(&[
            "a-z",
            "A-Z",
            "0-9",
            "ä-ü",
            "一-龥",
            "a",
            "é",
            "中",
            "😀",
            r"\d",
            r"\w",
            r"\s",
            r"\W",
            "[:alpha:]",
            "[:^digit:]",
            "[:punct:]",
            "[:upper:]",
            "_",
            r"\-",
            " ",
            r"\x00-\x7F",
            "À-ÿ",
            "-",
            r"\n",
            "ſ",
            "K",
        ]);
    }
    s + "]"
}

/// `p` with a few characters inserted, removed or replaced: mostly errors.
fn mutate(r: &mut Rng, p: &str) -> String {
    let mut chars: Vec<String> = p.chars().map(String::from).collect();
    for _ in 0..1 + r.below(2) {
        let at = r.below(chars.len() + 1);
        let junk = r.pick(&[
            "(",
            ")",
            "[",
            "]",
            "{",
            "}",
            "\\",
            "?",
            "*",
            "+",
            "|",
            "{2,1}",
            r"\p{L}",
            "(?=",
            r"\1",
            "[[:foo:]]",
            "&&",
            "--",
            "~~",
            "(?P<>",
            "(?z)",
            "(?--i)",
            "(?i-)",
            "{,",
            "-",
            "^",
            r"\x",
            r"\u{",
            "(?<",
            "(?P<a>",
            r"\b{",
            r"\e",
            "(?x)",
            "#",
            "[^",
            ":]",
        ]);
        match r.below(3) {
            0 if at < chars.len() => {
                chars.remove(at);
            }
            1 if at < chars.len() => chars[at] = junk.into(),
            _ => chars.insert(at, junk.into()),
        }
    }
    chars.concat()
}

/// A generated haystack.
fn haystack(r: &mut Rng) -> String {
    let words = [
        "ab",
        "EMP-123456",
        "GC4111111111111111",
        "Straße",
        "Müller",
        "中文字",
        "😀😀",
        "1234",
        "x_y",
        "a.b",
        "über",
        "ÄÖÜ",
        "ticket #42",
        "Project Alpha",
        "\r\n",
        "  ",
        "aaa",
        "é",
    ];
    let mut s = String::new();
    for _ in 0..r.below(8) {
        if r.below(2) == 0 {
            s += r.pick(&words);
        } else {
            s += r.pick(CHARS);
        }
    }
    s
}

/// What `src/pattern/mod.rs` made of a regex-lite error: the size limit in
/// its own words, the rest as regex-lite says it.
fn lite_error(e: regex_lite::Error) -> String {
    let m = e.to_string();
    if m.contains("size limit") || m.contains("exceeds size") {
        format!("compiled pattern exceeds the size limit of {SIZE_LIMIT} bytes")
    } else {
        m
    }
}

fn lite(p: &str) -> Result<regex_lite::Regex, String> {
    regex_lite::RegexBuilder::new(p)
        .size_limit(SIZE_LIMIT)
        .nest_limit(NEST_LIMIT)
        .build()
        .map_err(lite_error)
}

fn is_value(name: Option<&str>) -> bool {
    name.and_then(|n| n.strip_prefix("value"))
        .is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit()))
}

/// What was compared, for the summary line.
#[derive(Default, Debug)]
struct Counts {
    accepted: usize,
    rejected: usize,
    searches: usize,
    matches: usize,
    value_spans: usize,
    whole_values: usize,
}

/// The two engines on pattern `p` and `hays`: a difference is a message.
/// `step` > 1 searches from every `step`th character boundary only.
fn compare(p: &str, hays: &[String], step: usize, counts: &mut Counts) -> Result<(), String> {
    let ours = Custom::new(p);
    let theirs = lite(p);
    let (ours, theirs) = match (ours, theirs) {
        (Err(a), Err(b)) if a == b => {
            counts.rejected += 1;
            return Ok(());
        }
        (Ok(a), Ok(b)) => (a, b),
        (a, b) => {
            return Err(format!(
                "{p:?}: ours {:?}, regex-lite {:?}",
                a.err(),
                b.err()
            ))
        }
    };
    counts.accepted += 1;
    let names: Vec<Option<&str>> = theirs.capture_names().collect();
    if ours.capture_names() != names {
        return Err(format!(
            "{p:?}: capture names {:?} vs {names:?}",
            ours.capture_names()
        ));
    }
    let whole = AnyWhole::new(&[p.to_string()]).map_err(|e| format!("{p:?}: AnyWhole {e:?}"))?;
    let anchored = lite(&format!("^(?:(?:{p}))$")).ok();
    for hay in hays {
        let mut values = vec![hay.as_str()];
        for start in (0..=hay.len())
            .filter(|&i| hay.is_char_boundary(i))
            .step_by(step)
        {
            counts.searches += 1;
            let a = ours
                .find_at(hay.as_bytes(), start)
                .map(|m| (m.start(), m.end()));
            let b = theirs.find_at(hay, start).map(|m| (m.start(), m.end()));
            if a != b {
                return Err(format!(
                    "{p:?} in {hay:?} from {start}: ours {a:?}, regex-lite {b:?}"
                ));
            }
            let Some((s, e)) = b else { continue };
            counts.matches += 1;
            values.push(&hay[s..e]);
            let a = ours.value_span(hay.as_bytes(), start, is_value);
            let caps = theirs.captures_at(hay, start).expect("a match");
            let b = (names.iter().enumerate())
                .filter(|(_, n)| is_value(**n))
                .find_map(|(g, _)| caps.get(g))
                .map(|v| (v.start(), v.end()));
            if a != b {
                return Err(format!(
                    "{p:?} in {hay:?} from {start}: value ours {a:?}, regex-lite {b:?}"
                ));
            }
            counts.value_spans += usize::from(b.is_some());
        }
        // Allowlist patterns: the haystack and every match as a value. (The
        // pasted `^(?:(?:p))$` does not compile where `p` ends in an `x`
        // comment: the tree cannot be broken out of, the text could.)
        if let Some(anchored) = &anchored {
            for v in values {
                counts.whole_values += 1;
                if whole.matches(v.as_bytes()) != anchored.is_match(v) {
                    return Err(format!(
                        "{p:?}: allowlist value {v:?}: ours {}",
                        whole.matches(v.as_bytes())
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Every line of every fixture, without its markers.
fn fixture_lines() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut lines = Vec::new();
    for entry in std::fs::read_dir(dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).expect("a fixture");
            lines.extend(
                text.lines()
                    .filter(|l| !l.starts_with('#') && !l.is_empty())
                    .map(|l| l.replace(['⟦', '⟧'], "")),
            );
        }
    }
    lines
}

#[test]
fn own_parser_decides_and_matches_as_regex_lite() {
    let mut r = Rng(0x5EED_0013);
    let mut hays: Vec<String> = (0..24).map(|_| haystack(&mut r)).collect();
    hays.extend(
        [
            "",
            "a",
            "é",
            "中",
            "😀",
            "\n",
            "a\r\nb",
            "EMP-123456 GC4111111111111111",
        ]
        .map(String::from),
    );
    let n: usize = std::env::var("PATTERNS_N")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(4000);
    let written = || {
        WRITTEN
            .iter()
            .chain(RULE_PATTERNS)
            .chain(ALLOW_PATTERNS)
            .copied()
    };
    let mut patterns: Vec<String> = written().map(String::from).collect();
    patterns.extend(
        draftguard::detectors::REGISTRY
            .iter()
            .map(|d| d.pattern.to_string()),
    );
    for i in 0..n {
        let p = pattern(&mut r, 3);
        patterns.push(if i % 4 == 3 { mutate(&mut r, &p) } else { p });
    }
    // Nesting at the limit and just past it, in groups and in repetitions.
    for depth in [62, 63, 64, 65, 66] {
        patterns.push(format!("{}a{}", "(".repeat(depth), ")".repeat(depth)));
        patterns.push(format!("a{}", "*".repeat(depth)));
        patterns.push(format!("{}a{}", "(?:".repeat(depth), ")+".repeat(depth)));
    }
    let mut counts = Counts::default();
    let mut failures = Vec::new();
    for p in &patterns {
        // Each pattern against a few generated haystacks (all would take long).
        let mine: Vec<String> = (0..6).map(|_| hays[r.below(hays.len())].clone()).collect();
        if let Err(e) = compare(p, &mine, 1, &mut counts) {
            failures.push(e);
        }
    }
    // The written patterns and the detectors' against every fixture line,
    // from every fifth start (every start: a minute more).
    let lines = fixture_lines();
    for p in WRITTEN
        .iter()
        .copied()
        .chain(draftguard::detectors::REGISTRY.iter().map(|d| d.pattern))
    {
        if let Err(e) = compare(p, &lines, 5, &mut counts) {
            failures.push(e);
        }
    }
    eprintln!(
        "{} patterns; {counts:?}; {} fixture lines",
        patterns.len(),
        lines.len()
    );
    assert!(
        failures.is_empty(),
        "{} differences, the first:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
    assert!(
        counts.accepted > n / 2 && counts.rejected > n / 8,
        "{counts:?}"
    );
}

/// Matches longer than 4 KB: their groups come from the Pike VM, whose
/// memory does not grow with the match.
#[test]
fn long_matches_have_the_same_value_spans() {
    let long = format!("key: {}x{} end", "a".repeat(6000), "é中".repeat(3000));
    let hays = [long.clone(), format!("{long}\n{long}"), "b".repeat(10_000)];
    let mut counts = Counts::default();
    for p in [
        r"key: (?P<value>\w+)",
        r"(?P<value>a+)x",
        r"(?s)key: (?P<value>.*) end",
        r"key: (?P<value>.*?)é",
        r"(?P<value>[^ ]+) end",
        r"(?:a|aa)+(?P<value>x)",
        r"(b+)(?P<value>b)",
    ] {
        let whole = Custom::new(p).unwrap();
        let theirs = lite(p).unwrap();
        for hay in &hays {
            for start in [0, 1, 5, 4000] {
                let a = whole.value_span(hay.as_bytes(), start, is_value);
                let caps = theirs.captures_at(hay, start);
                let b = caps.and_then(|c| c.name("value").map(|v| (v.start(), v.end())));
                assert_eq!(a, b, "{p:?} from {start}");
                counts.value_spans += 1;
            }
        }
    }
    assert_eq!(counts.value_spans, 7 * 3 * 4);
}
