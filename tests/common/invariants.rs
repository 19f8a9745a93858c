// What must hold for any draft and any options: shared by the fuzz targets
// (fuzz/fuzz_targets/*.rs, nightly) and the stable replay of their corpus
// (tests/fuzz_regressions.rs), so a crash the fuzzer finds stays a test.
//
// Input format (bytes → options + draft), stable so saved inputs keep meaning:
// a first byte without the high bit set means default options and the whole
// input is the draft (lossy UTF-8). With the high bit set, bytes 1..=7 choose
// options (see `decode`) and the rest is the draft, whose first lines can
// become a custom rule, an allowlist entry and an allowlist pattern.

#![allow(dead_code)] // each user calls a different subset

use draftguard::detectors::Locale;
use draftguard::scan::{CustomRule, Normalized, CHECKSUM_VALIDATORS};
use draftguard::{
    Category, Confidence, Finding, Guard, LiveScan, Options, RedactOptions, ScanError, Style,
    REGISTRY,
};

/// Custom-rule patterns a fuzz input can pick. A fixed menu rather than
/// arbitrary text: custom rules are interned for the life of the process
/// (by design, see src/scan/custom.rs), so ever-new patterns would only
/// measure the fuzzer's memory. The menu covers empty matches, empty and
/// missing value groups, alternatives with several value groups, anchors.
pub const RULE_PATTERNS: &[&str] = &[
    r"\d{4,19}",
    r"(?P<value>[A-Z]{2}\d{2}[A-Z0-9]{4,30})",
    r"emp-(?P<value>\d{6})",
    r"(?P<value>)x",
    r"(?P<value>a*)",
    r"x*",
    r"^",
    r"$",
    r"\b",
    r".",
    r"(?s).+",
    r"(?P<value>\w+)@|#(?P<value2>\d+)",
    r"[0-9 -]{8,}",
    r"(?i)secret[:=]\s*(?P<value>\S+)",
    r"\p{L}+",
    r"(",
    r"(?P<value>",
    r"[^\x00-\x7F]+",
];

/// Allowlist patterns a fuzz input can pick (compiled per guard).
pub const ALLOW_PATTERNS: &[&str] = &[
    r"4242 ?4242 ?4242 ?4242",
    r".*",
    r"",
    r"\d+",
    r"[",
    r"(?P<value>x)",
    r"\+1 ?800.*",
];

/// Locale tags a fuzz input can pick, valid and not.
pub const LOCALES: &[&str] = &[
    "en",
    "de",
    "zh",
    "fr",
    "es",
    "it",
    "nl",
    "pl",
    "pt",
    "hi",
    "de-CH",
    "zh-Hans-CN",
    "EN_us",
    "x",
    "",
    "1a",
    "toolong",
    "ñ",
];

/// A fuzz input: options and the draft.
pub struct Input {
    pub options: Options,
    pub redact: RedactOptions,
    pub text: String,
}

/// Decodes a fuzz input (format in the header of this file).
pub fn decode(data: &[u8]) -> Input {
    let mut input = Input {
        options: Options::default(),
        redact: RedactOptions::default(),
        text: String::new(),
    };
    if data.len() < 8 || data[0] & 0x80 == 0 {
        input.text = String::from_utf8_lossy(data).into_owned();
        return input;
    }
    let (flags, b) = (data[0], &data[1..8]);
    let mut text = String::from_utf8_lossy(&data[8..]).into_owned();
    let o = &mut input.options;
    o.min_confidence =
        [Confidence::Low, Confidence::Medium, Confidence::High][usize::from(b[0] % 3)];
    o.include_value = b[0] & 0x04 != 0;
    input.redact.style = [Style::Label, Style::Mask, Style::Char][usize::from((b[0] >> 3) % 3)];
    input.redact.locale = [Locale::En, Locale::De, Locale::Zh][usize::from((b[0] >> 5) % 3)];
    input.redact.mask_char = ['•', '*', 'x', '4', '\u{200B}', '😀'][usize::from(b[6] % 6)];
    let pick = |seed: u8, i: usize| (i * 37 + usize::from(seed)).is_multiple_of(5);
    if flags & 0x01 != 0 {
        o.kinds = Some(
            REGISTRY
                .iter()
                .enumerate()
                .filter(|(i, _)| pick(b[1], *i))
                .map(|(_, d)| d.kind.to_string())
                .collect(),
        );
    }
    if flags & 0x02 != 0 {
        o.exclude_kinds = REGISTRY
            .iter()
            .enumerate()
            .filter(|(i, _)| pick(b[2], *i))
            .map(|(_, d)| d.kind.to_string())
            .collect();
    }
    if flags & 0x04 != 0 {
        let all = [
            Category::Financial,
            Category::GovernmentId,
            Category::Credential,
            Category::Contact,
            Category::Medical,
            Category::Confidential,
        ];
        o.categories = Some(
            all.iter()
                .enumerate()
                .filter(|(i, _)| b[3] >> i & 1 == 1)
                .map(|(_, c)| *c)
                .collect(),
        );
    }
    if flags & 0x08 != 0 {
        o.locales = Some(vec![
            LOCALES[usize::from(b[3]) % LOCALES.len()].to_string(),
            LOCALES[usize::from(b[4]) % LOCALES.len()].to_string(),
        ]);
    }
    if flags & 0x10 != 0 {
        // 0 (rejected), tiny limits (drafts refused), or the default.
        o.max_input_bytes = [0, 1, 16, 256, 4096, usize::MAX][usize::from(b[5] % 6)];
        if o.max_input_bytes == usize::MAX {
            o.max_input_bytes = draftguard::scan::DEFAULT_MAX_INPUT_BYTES;
        }
    }
    // The draft's first line can become an allowlist entry.
    if flags & 0x20 != 0 {
        let (first, rest) = text.split_once('\n').unwrap_or((text.as_str(), ""));
        o.allowlist.push(first.to_string());
        o.allowlist_patterns
            .push(ALLOW_PATTERNS[usize::from(b[5]) % ALLOW_PATTERNS.len()].to_string());
        text = rest.to_string();
    }
    if flags & 0x40 != 0 {
        let validators: Vec<&str> = CHECKSUM_VALIDATORS
            .iter()
            .copied()
            .chain(REGISTRY.iter().map(|d| d.kind))
            .collect();
        let v = usize::from(b[6]) % (validators.len() + 1);
        o.custom_rules.push(CustomRule {
            kind: "fuzz_rule".into(),
            name: None,
            pattern: RULE_PATTERNS[usize::from(b[4]) % RULE_PATTERNS.len()].to_string(),
            validator: validators.get(v).map(|s| s.to_string()),
            category: Category::Confidential,
            context: if b[6] & 0x80 != 0 {
                vec!["ref".into(), "编号".into()]
            } else {
                vec![]
            },
            context_required: b[6] & 0xC0 == 0xC0,
            confidence: Confidence::Medium,
        });
    }
    input.text = text;
    input
}

/// UTF-8 byte offset → UTF-16 code units, independently of the crate's own
/// conversion (`draftguard::offsets::to_utf16`), which is compared against it.
pub fn utf16_index(text: &str, byte: usize) -> usize {
    text[..byte].encode_utf16().count()
}

/// Every property of a scan result a user relies on.
pub fn check_findings(guard_opts: &Options, text: &str, found: &[Finding]) {
    let mut offsets: Vec<usize> = found.iter().flat_map(|f| [f.start, f.end]).collect();
    draftguard::offsets::to_utf16(text, &mut offsets);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let mut last_end = 0;
    for (i, f) in found.iter().enumerate() {
        assert!(
            f.start < f.end && f.end <= text.len(),
            "span out of range: {f:?} in {} bytes",
            text.len()
        );
        assert!(
            text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
            "span not on char boundaries: {f:?}"
        );
        assert!(
            f.start >= last_end,
            "findings overlap or are out of order: {found:?}"
        );
        last_end = f.end;
        assert!(
            f.confidence >= guard_opts.min_confidence,
            "{f:?} below the floor"
        );
        let (s16, e16) = (offsets[2 * i], offsets[2 * i + 1]);
        assert_eq!(
            (s16, e16),
            (utf16_index(text, f.start), utf16_index(text, f.end)),
            "UTF-16 conversion differs for {f:?}"
        );
        // What JS's text.slice(start, end) returns is the value as typed.
        let slice = String::from_utf16(&utf16[s16..e16])
            .unwrap_or_else(|_| panic!("UTF-16 span splits a surrogate pair: {f:?}"));
        assert_eq!(slice, text[f.start..f.end], "slice differs for {f:?}");
        match &f.value {
            Some(v) => {
                assert!(
                    guard_opts.include_value,
                    "value without includeValue: {f:?}"
                );
                assert_eq!(v, &text[f.start..f.end]);
            }
            None => assert!(
                !guard_opts.include_value,
                "no value with includeValue: {f:?}"
            ),
        }
        assert!(!f.preview.is_empty(), "empty preview: {f:?}");
    }
}

/// The validated compact form of a finding's value (as the engine saw it,
/// normalised), alphanumerics upper-cased; `None` for a value that is not one
/// (a custom rule's match that no validator checked leaves this empty too).
pub fn compact_value(text: &str, f: &Finding) -> Option<String> {
    let norm = Normalized::new(&text[f.start..f.end]);
    let valid = f.kind.validate(norm.as_str()).ok()?;
    let v: String = valid
        .compact
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (!v.is_empty()).then_some(v)
}

fn alnum_upper(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Redaction keeps every character outside the findings, and what replaces a
/// finding never contains its value: the label, or a mask keeping at most the
/// customary last characters.
pub fn check_redaction(text: &str, found: &[Finding], opts: &RedactOptions) {
    let out = draftguard::redact::apply(text, found, opts);
    let mut rebuilt = String::new();
    let mut at = 0;
    for f in found {
        rebuilt.push_str(&text[at..f.start]);
        let alone = draftguard::redact::apply(text, std::slice::from_ref(f), opts);
        let replacement = &alone[f.start..alone.len() - (text.len() - f.end)];
        rebuilt.push_str(replacement);
        at = f.end;
        if opts.style == Style::Label {
            let label = f.kind.label(opts.locale);
            assert_eq!(replacement, format!("[{label}]"), "{f:?}");
            continue;
        }
        if opts.mask_char.is_alphanumeric() {
            continue; // the mask itself is a letter or digit: nothing to compare
        }
        let d = &f.kind;
        let kept = replacement.chars().filter(|c| c.is_alphanumeric()).count();
        let total = text[f.start..f.end]
            .chars()
            .filter(|c| c.is_alphanumeric())
            .count();
        let leading = usize::from(d.keep_leading_letters());
        assert!(
            kept <= usize::from(d.keep_last()) + leading && kept <= total / 2 + leading,
            "{:?} keeps {kept} of {total} letters and digits: {f:?}",
            opts.style,
        );
        if let Some(v) = compact_value(text, f) {
            assert!(
                !alnum_upper(replacement).contains(&v),
                "replacement leaks the value of {f:?}"
            );
        }
    }
    rebuilt.push_str(&text[at..]);
    assert_eq!(out, rebuilt, "text outside the findings changed");
}

/// Builds the guard and scans, checking the findings; errors must be the
/// documented ones. Returns the guard and findings when there are some to redact.
pub fn check_scan(input: &Input) -> Option<(Guard, Vec<Finding>)> {
    let guard = match Guard::new(input.options.clone()) {
        Ok(g) => g,
        Err(e) => {
            assert!(!e.0.is_empty(), "an options error must say what is wrong");
            return None;
        }
    };
    let found = match guard.scan(&input.text) {
        Ok(f) => f,
        Err(ScanError::TooLarge { bytes, limit }) => {
            assert!(bytes > limit && bytes == input.text.len());
            return None;
        }
    };
    check_findings(&input.options, &input.text, &found);
    Some((guard, found))
}

/// [`check_scan`], then redaction in the input's style and the two others.
pub fn check_input(input: &Input) {
    let Some((guard, found)) = check_scan(input) else {
        return;
    };
    let redacted = guard
        .redact(&input.text, &input.redact)
        .expect("scan succeeded");
    assert_eq!(redacted.findings, found, "redact scans like scan");
    for style in [Style::Label, Style::Mask, Style::Char] {
        let opts = RedactOptions {
            style,
            ..input.redact
        };
        check_redaction(&input.text, &found, &opts);
    }
}

/// Separates the drafts of a live-scan input (see [`check_live`]).
pub const EDIT: char = '\u{1}';

/// A draft and the edits typed into it: the input's text split at [`EDIT`].
/// The first part is the first draft; each later part is one edit: its first
/// character picks where (a share of the draft), its second how many
/// characters go, the rest is inserted there. A `LiveScan` follows every
/// draft, through `update` and `edit` in turn, and after each it must return
/// exactly what a full scan of that draft returns.
pub fn check_live(input: &Input) {
    let Ok(guard) = Guard::new(input.options.clone()) else {
        return;
    };
    let Ok(guard2) = Guard::new(input.options.clone()) else {
        unreachable!("the same options build twice");
    };
    let mut live = LiveScan::new(guard2);
    let mut parts = input.text.split(EDIT);
    let mut draft = parts.next().unwrap_or("").to_string();
    let check = |live: &mut LiveScan, draft: &str, edit: Option<(std::ops::Range<usize>, &str)>| {
        let got = match edit {
            Some((range, with)) => live.edit(range, with).map(<[Finding]>::to_vec),
            None => live.update(draft).map(<[Finding]>::to_vec),
        };
        assert_eq!(got, guard.scan(draft), "live scan of {draft:?}");
        assert_eq!(live.text(), if got.is_ok() { draft } else { "" });
    };
    check(&mut live, &draft, None);
    for (n, part) in parts.enumerate() {
        let mut chars = part.chars();
        let at = chars.next().map_or(0, |c| c as usize);
        let gone = chars.next().map_or(0, |c| c as usize % 16);
        let with = chars.as_str();
        let bounds: Vec<usize> = draft
            .char_indices()
            .map(|(i, _)| i)
            .chain([draft.len()])
            .collect();
        let start = bounds[at % bounds.len()];
        let end = bounds[(at % bounds.len() + gone).min(bounds.len() - 1)];
        // `edit` takes a range of the draft the live scan holds (none after an error).
        let held = live.text() == draft;
        draft.replace_range(start..end, with);
        let edit = (n % 2 == 1 && held).then_some((start..end, with));
        check(&mut live, &draft, edit);
    }
}

/// Every validator, preview and checksum on arbitrary text: never a panic,
/// and the same answer twice. (A compact form may be empty: a password of
/// symbols only, "#$%&!", has no letters or digits to compare.)
pub fn check_validators(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    for d in REGISTRY {
        let once = (d.validate)(&text).map(|v| v.compact);
        assert_eq!(once, (d.validate)(&text).map(|v| v.compact), "{}", d.kind);
        if let Some(preview) = d.preview {
            let _ = preview(&text);
        }
        let _ = draftguard::mask::preview(&text, &draftguard::Kind::of(d));
    }
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    use draftguard::checksum::*;
    let _ = luhn::is_valid(&digits);
    let _ = luhn::check_digit(&digits);
    let _ = aba::is_valid(&digits);
    let _ = verhoeff::is_valid(&digits);
    let _ = verhoeff::check_digit(&digits);
    let _ = crc32::checksum(data);
    let _ = icao9303::check_digit(&text);
    let _ = icao9303::is_valid(&text, data.first().copied().unwrap_or(b'0'));
    let _ = iso7064::mod_97_10::is_valid(&text);
    let _ = iso7064::mod_97_10::remainder(&text);
    let _ = iso7064::mod_97_10::check_digits(&text);
    let _ = iso7064::mod_11_2::is_valid(&text);
    let _ = iso7064::mod_11_2::check_char(&text);
    let _ = iso7064::mod_11_10::is_valid(&text);
    let _ = iso7064::mod_11_10::check_digit(&text);
    for f in [
        weighted::nl_elfproef,
        weighted::pl_pesel,
        weighted::uk_nhs,
        weighted::de_kvnr,
        weighted::br_cpf,
        weighted::br_cnpj,
    ] {
        let _ = f(&text);
        let _ = f(&digits);
    }
    let _ = draftguard::codec::base64(&text);
}
