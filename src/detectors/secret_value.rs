//! Shared judgement of a secret *value* for the keyword-led credential
//! detectors (`password`, `connection_string`, `generic_secret`): is it a
//! placeholder or a reference rather than a secret, does it read as a word
//! or an identifier, how random does it look. Pure functions, no regexes.

use crate::pattern::automata::WordSet;

/// Placeholder and reference shapes that are never reported as a secret
/// (the README copies this list).
pub const PLACEHOLDER_SHAPES_DOC: &str = "\
Placeholders and references, never reported: in angle brackets, braces or square \
brackets, a word, a name or the blank to fill in (`<YOUR_PASSWORD>`, `{password}`, `{{ pw }}`, \
`[REDACTED]`, `<db-password-1>`; a real-looking value in brackets is reported: `(Sommer2024!)`), \
regex classes (`[a-zA-Z0-9]`); shell, \
CI and template references (`$DB_PASSWORD`, `${DB_PASSWORD}`, `${{ secrets.X }}`, \
`$(cat secret)`, `%PASSWORD%`, `$env:PW`); code that reads a secret \
(`process.env.X`, `os.environ[...]`, `os.getenv(...)`, `getPassword()`, \
`config.db.password`); masks and fillers (`********`, `xxxx`, `...`, `•••`, `000000`, \
one character repeated); names and constants (`WIN32_ERROR`, `oauth2_token_v2`); code (`password::X`, `&str`, `*mut`, `&[u8]`, `__u32`, `0x04`, `self.get(x)`), HTML entities (`&quot`), roff markup (`locked\\&`, `\\fIpass\\fP`), `word:word` (`pserver:anoncvs`), YAML tags (`!vault`) and paths (`/tmp`, `~/.pgpass`); values that read as a word or an identifier (`secret`, \
`Required`, `NONE`, `string`, `newPassword`, `user_password`), including `changeme`, \
`password`, `Passwort`, `null`, `none`, `true`, `false`, `undefined`; phrases such as \
`your_password_here`, `changeme123`, `example`, `placeholder`, `redacted`; empty values.";

/// Words (lower case) that, contained in a value, mark it as an example rather
/// than a secret: `your_password_here`, `changeme123`, `<insert-token>`.
const PLACEHOLDER_PARTS: &[&str] = &[
    "your",
    "here",
    "changeme",
    "change_me",
    "change-me",
    "changeit",
    "example",
    "placeholder",
    "redacted",
    "dummy",
    "sample",
    "insert",
    "replace",
    "xxxx",
    "****",
    "....",
    "••",
    "dein",
    "ihr_",
    "todo",
    "mypass",
];

/// HTML-escaped markup (`correct.&quot;`) and roff markup (`locked\&`,
/// `\fIpass\fP`, `\-\-stdin`): code, not a secret.
const MARKUP: &[&str] = &[
    "&quot", "&amp", "&lt", "&gt", "&#", "\\&", "\\f", "\\-", "\\(",
];

/// A regex character class: `a-zA-Z0-9`.
const CHARACTER_CLASSES: &[&str] = &["a-z", "a-f", "0-9"];

/// What no secret contains, in either case: [`MARKUP`], [`CHARACTER_CLASSES`]
/// and [`PLACEHOLDER_PARTS`], looked for in one pass.
static NEVER_IN_A_SECRET: WordSet = WordSet::new(&[MARKUP, CHARACTER_CLASSES, PLACEHOLDER_PARTS]);

/// `true` if `v` starts with `prefix` (lower case), ASCII letters in either case.
fn starts_with_any_case(v: &str, prefix: &str) -> bool {
    v.as_bytes()
        .get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// `true` if `v` is a placeholder, a reference to a secret stored elsewhere,
/// or a mask — see [`PLACEHOLDER_SHAPES_DOC`].
pub fn is_placeholder(v: &str) -> bool {
    let b = v.as_bytes();
    let Some(&first) = b.first() else {
        return true;
    };
    let last = b[b.len() - 1];
    if matches!(first, b'<' | b'{' | b'[' | b'(') || matches!(last, b'>' | b'}' | b']') {
        return true;
    }
    if first == b'$' && (b.len() == 1 || is_identifier(&v[1..]) || b"{(".contains(&b[1])) {
        return true;
    }
    if starts_with_any_case(v, "$env:") || (first == b'%' && last == b'%') {
        return true;
    }
    if [
        "process.env",
        "os.environ",
        "os.getenv",
        "env(",
        "env[",
        "getenv",
    ]
    .iter()
    .any(|p| starts_with_any_case(v, p))
    {
        return true;
    }
    // A call or an attribute path: `getPassword()`, `input(`, `settings.DB_PASS`,
    // `self.byte_at(self.start`.
    if last == b'(' || last == b'[' || is_dotted_path(v) {
        return true;
    }
    if let Some(open) = v.find('(') {
        let callee = &v[..open];
        if is_identifier(callee) || is_dotted_path(callee) {
            return true;
        }
    }
    // Code: a path segment (`password::DETECTOR`), a type (`&str`, `*mut`,
    // `&'a str`), a hex literal (`0x04`).
    let and_star = matches!(first, b'&' | b'*') && b.len() > 1;
    if matches!(first, b':' | b'=')
        || v.contains("::")
        || (first == b'_' && is_identifier(v))
        || (and_star && (b"[('".contains(&b[1]) || is_identifier(&v[1..])))
        || (starts_with_any_case(v, "0x")
            && b.len() <= 18
            && b[2..].iter().all(u8::is_ascii_hexdigit))
    {
        return true;
    }
    // `word:word` (`pserver:anoncvs`, `pw_Name:pw_Passwd`).
    if v.contains(':')
        && v.split(':').all(|p| {
            p.is_empty() || looks_like_word(p) || is_identifier_like(p) || is_constant_name(p)
        })
    {
        return true;
    }
    // A YAML tag (`!vault |`, `!Ref DbPassword`) or a path (`/tmp`, `~/.pgpass`).
    if (first == b'!' && is_identifier(&v[1..]))
        || first == b'/'
        || ["~/", "./", "../"].iter().any(|p| v.starts_with(p))
    {
        return true;
    }
    if b.iter().all(|&c| b"*xX.#-_?~0".contains(&c)) || v.chars().all(|c| c == '•') {
        return true;
    }
    if b.iter().all(|&c| c == first) {
        return true;
    }
    NEVER_IN_A_SECRET.in_text(v)
}

/// `true` if `v` reads as a word or a code identifier rather than a secret:
/// `secret`, `Required`, `NONE`, `newPassword`, `user_password`, `get-token`.
pub fn looks_like_word(v: &str) -> bool {
    let b = v.as_bytes();
    if b.is_empty() || !b[0].is_ascii_alphabetic() {
        return false;
    }
    // One word in any case: lower, Capitalised or UPPER.
    let rest = &b[1..];
    if rest.iter().all(u8::is_ascii_lowercase) || b.iter().all(u8::is_ascii_uppercase) {
        return true;
    }
    // snake_case / kebab-case / SCREAMING_SNAKE made of letter words.
    if b.iter()
        .all(|&c| c.is_ascii_alphabetic() || c == b'_' || c == b'-')
        && (b.iter().all(|c| !c.is_ascii_uppercase()) || b.iter().all(|c| !c.is_ascii_lowercase()))
    {
        return true;
    }
    // camelCase / PascalCase: letters only, each capital starting a lower-case run.
    if b.iter().all(u8::is_ascii_alphabetic) {
        let humps = b
            .windows(2)
            .all(|w| !(w[0].is_ascii_uppercase() && w[1].is_ascii_uppercase()));
        let ends_lower = b[b.len() - 1].is_ascii_lowercase();
        return humps && ends_lower;
    }
    false
}

/// Names, constants and paths: every `_ - . /`-separated part (at least two)
/// is a word, a word with a short number (`oauth2`, `v2`), or an upper-case
/// acronym with digits (`WIN32`, `X509`): `oauth2_token_v2`, `WIN32_ERROR`,
/// `Uri_PROPERTY`, `src/main/app-config.yml`.
pub fn is_identifier_like(v: &str) -> bool {
    // One part (most values): not joined, so not an identifier.
    if !v.bytes().any(|b| matches!(b, b'_' | b'-' | b'.' | b'/')) {
        return false;
    }
    let parts = || v.split(['_', '-', '.', '/']).filter(|p| !p.is_empty());
    let word = |p: &&str| {
        let letters = p.trim_end_matches(|c: char| c.is_ascii_digit());
        p.len() - letters.len() <= 2 && (letters.is_empty() || looks_like_word(letters))
    };
    // `WIN32`, `X509`, and short lower-case names with a number: `x25519`, `sha256`.
    let acronym = |p: &&str| {
        let b = p.as_bytes();
        (b.iter().any(u8::is_ascii_uppercase)
            && b.iter()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()))
            || (b.len() <= 6
                && b[0].is_ascii_lowercase()
                && b.iter()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()))
    };
    // One pass over the parts (no vector of them: a value is checked for every candidate).
    let (mut n, mut words) = (0, 0);
    for p in parts() {
        let w = word(&p);
        if !w && !acronym(&p) {
            return false;
        }
        n += 1;
        words += usize::from(w);
    }
    n >= 2 && words * 2 >= n
}

/// A code name joined by `_` whose parts are all words or upper-case
/// acronyms (`WIN32_ERROR`, `Uri_PROPERTY`, `MI_UsernameCreds`). Stricter than
/// [`is_identifier_like`]: `Sunny_Day42` and `Rhein-Main77` stay passwords.
pub fn is_constant_name(v: &str) -> bool {
    v.contains('_')
        && v.split('_').filter(|p| !p.is_empty()).all(|p| {
            looks_like_word(p)
                || (p.bytes().any(|c| c.is_ascii_uppercase())
                    && p.bytes()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()))
        })
}

/// Character classes present in `v`: lower, upper, digit, other (symbols).
pub fn classes(v: &str) -> u8 {
    let b = v.as_bytes();
    let has = |f: fn(&u8) -> bool| u8::from(b.iter().any(f));
    has(u8::is_ascii_lowercase)
        + has(u8::is_ascii_uppercase)
        + has(u8::is_ascii_digit)
        + has(|c| !c.is_ascii_alphanumeric())
}

/// Shannon entropy of `v`'s bytes, in bits per character.
pub fn entropy(v: &str) -> f64 {
    let mut counts = [0u32; 256];
    // The bytes seen, a bit each: summed in byte order as before, without
    // passing over all 256 counts for the few dozen a value has.
    let mut seen = [0u64; 4];
    for &c in v.as_bytes() {
        counts[usize::from(c)] += 1;
        seen[usize::from(c / 64)] |= 1 << (c % 64);
    }
    let n = v.len() as f64;
    (0..4usize)
        .flat_map(|w| {
            let mut bits = seen[w];
            std::iter::from_fn(move || {
                let i = bits.trailing_zeros() as usize;
                bits &= bits.wrapping_sub(1);
                (i < 64).then_some(w * 64 + i)
            })
        })
        .map(|b| {
            let p = f64::from(counts[b]) / n;
            -p * p.log2()
        })
        .sum()
}

/// The preview of a secret: a fixed mask that reveals neither characters nor length.
pub fn preview(_value: &str) -> String {
    "••••••••".to_string()
}

fn is_identifier(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && (b[0].is_ascii_alphabetic() || b[0] == b'_')
        && b.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'_')
}

/// `a.b`, `config.db.password`, `self.password`: identifiers joined by dots.
fn is_dotted_path(s: &str) -> bool {
    s.contains('.')
        && s.split('.')
            .all(|p| is_identifier(p) && !p.bytes().any(|c| c.is_ascii_digit()))
}

/// Well-known keys published in vendors' documentation, which open nothing
/// of anyone's (AWS's examples are caught by their `EXAMPLE` marker).
const DOCUMENTED: &[&str] = &[
    // Azurite / Azure Storage Emulator account key for `devstoreaccount1`.
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
];

/// `true` if a token-shaped `value` is a documentation example or a hand-typed
/// stand-in: a published example key, marker words, long runs of one character,
/// counting sequences, or too few distinct characters. Shared by `api_key` and
/// `generic_secret` so both know the same examples.
pub fn is_stand_in_token(value: &str) -> bool {
    const MARKERS: &[&str] = &[
        "example",
        "placeholder",
        "your_",
        "yourkey",
        "yourtoken",
        "dummy",
        "sample",
        "redacted",
        "changeme",
        "xxxxx",
        "abcdef",
        "123456",
    ];
    static ANY_MARKER: WordSet = WordSet::new(&[MARKERS]);
    if DOCUMENTED.contains(&value) || ANY_MARKER.in_text(value) {
        return true;
    }
    // An X / Twitter bearer token legitimately starts with 22 `A`s; nothing
    // real is mostly `A`s.
    let body = value.trim_start_matches('A').as_bytes();
    if body.len() * 2 < value.len() {
        return true;
    }
    let mut run = 1;
    for w in body.windows(2) {
        run = if w[0] == w[1] { run + 1 } else { 1 };
        if run >= 6 {
            return true;
        }
    }
    let (mut seen, mut distinct) = ([false; 256], 0);
    for &b in body {
        distinct += usize::from(!seen[usize::from(b)]);
        seen[usize::from(b)] = true;
    }
    distinct < (body.len() / 2).min(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entropy_sums_in_byte_order_as_a_pass_over_every_count_did() {
        let reference = |v: &str| -> f64 {
            let mut counts = [0u32; 256];
            v.bytes().for_each(|c| counts[usize::from(c)] += 1);
            let n = v.len() as f64;
            (counts.iter().filter(|&&k| k > 0))
                .map(|&k| -(f64::from(k) / n) * (f64::from(k) / n).log2())
                .sum()
        };
        let mut x = 0x2545_f491_4f6c_dd1du64;
        for len in 0..300 {
            let v: String = (0..len)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    char::from(b"aA0+/=_-~.zZ9#@!"[(x % 15) as usize])
                })
                .chain("éü卡".chars().take(len % 4))
                .collect();
            assert_eq!(entropy(&v).to_bits(), reference(&v).to_bits(), "{v}");
        }
    }

    #[test]
    fn placeholders_and_references() {
        for p in [
            "<YOUR_PASSWORD>",
            "{password}",
            "${DB_PASSWORD}",
            "$DB_PASSWORD",
            "%PASSWORD%",
            "$(cat",
            "process.env.DB_PASS",
            "os.environ[",
            "********",
            "xxx",
            "...",
            "changeme",
            "your_password_here",
            "getPassword()",
            "config.db.password",
            "000000",
            "aaaaaaa",
            "[REDACTED]",
            "!vault",
            "/tmp",
            "~/.pgpass",
            ":DETECTOR",
            "&str",
            "*mut",
            "0x04",
            "__u32",
            "&[u8",
            "sys::FLAGS_PASS",
            "self.byte_at(self.host_start",
            "correct.&quot",
            "pserver:anoncvs",
            "A-Za-z0-9",
            "locked\\&",
            "\\fIsecret\\fP",
            "pw_Name:pw_Passwd:pw_Uid",
        ] {
            assert!(is_placeholder(p), "{p}");
        }
        for s in ["hunter2!", "S3cr3t!", "$ecret1!", "Tr0ub4dor&3", "v1.2.3x9"] {
            assert!(!is_placeholder(s), "{s}");
        }
    }

    #[test]
    fn words_and_identifiers() {
        for w in [
            "password",
            "Passwort",
            "NONE",
            "null",
            "string",
            "newPassword",
            "user_password",
            "tokenExpiryInSeconds",
            "get_api_key_from_env",
            "API_KEY",
        ] {
            assert!(looks_like_word(w), "{w}");
        }
        for w in [
            "WIN32_ERROR",
            "Uri_PROPERTY",
            "oauth2_token_v2",
            "src/main/app.yml",
        ] {
            assert!(is_identifier_like(w), "{w}");
        }
        for s in ["My_Pass_2024", "Sommer2024", "a9S_kpXz9w3"] {
            assert!(!is_identifier_like(s), "{s}");
        }
        for w in [
            "WIN32_ERROR",
            "Uri_PROPERTY",
            "MI_UsernameCreds",
            "D3DKMT_DEFRAG_OP",
        ] {
            assert!(is_constant_name(w), "{w}");
        }
        for s in ["Sunny_Day42", "Rhein-Main77", "My_Pass_2024"] {
            assert!(!is_constant_name(s), "{s}");
        }
        for s in ["hunter2", "dRaGoN", "S3cret", "Xk9mQ2vLp", "aB3dE"] {
            assert!(!looks_like_word(s), "{s}");
        }
    }

    #[test]
    fn entropy_of_known_strings() {
        assert_eq!(entropy("aaaa"), 0.0);
        assert!((entropy("abcd") - 2.0).abs() < 1e-9);
        assert!(entropy("0123456789abcdef") > 3.99);
    }
}
