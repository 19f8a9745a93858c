//! Text to compare two engines on: every fixture line, draft and ordinary
//! message, and a seeded generator of any amount of chat-like text —
//! finding-dense and clean, English, German and Chinese, code, logs, config,
//! values wrapped, glued, mangled and spelled oddly, and floods.
#![allow(dead_code)] // Shared by several test crates; each uses a part.
#![allow(clippy::disallowed_methods)] // std case mapping: fine in tests (clippy.toml)

use super::ordinary::{self, Lcg};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests");

/// Fixture syntax: `\n`, `\t`, `\\`, `\u{…}` escapes; markers removed.
pub fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('u') if chars.peek() == Some(&'{') => {
                chars.next();
                let hex: String = chars.by_ref().take_while(|&c| c != '}').collect();
                out.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
            }
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out.replace(['⟦', '⟧'], "")
}

/// Every line of every fixture (positive and negative), as drafts.
pub fn fixture_lines() -> Vec<String> {
    let mut lines = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(format!("{DIR}/fixtures"))
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    for path in files {
        lines.extend(fixture_drafts(
            &std::fs::read_to_string(&path).expect("UTF-8"),
        ));
    }
    lines
}

/// The drafts of one fixture file's text (its `+`, `-` and `~` lines), unescaped.
pub fn fixture_drafts(file: &str) -> Vec<String> {
    file.lines()
        .filter_map(|line| line.split_once(' '))
        .filter(|(sign, _)| sign.starts_with(['+', '-', '~']))
        .map(|(_, draft)| unescape(draft))
        .collect()
}

/// Every sample draft (tests/drafts), markers removed, one text per draft.
pub fn drafts() -> Vec<String> {
    let mut out = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(format!("{DIR}/drafts"))
        .expect("drafts")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("UTF-8");
        for draft in text.split("\n=== ").skip(1) {
            let body = draft.split_once('\n').map_or("", |(_, b)| b);
            let mut plain = String::new();
            let mut rest = body;
            while let Some(open) = rest.find('⟦') {
                plain.push_str(&rest[..open]);
                let after = &rest[open + '⟦'.len_utf8()..];
                let close = after.find('⟧').expect("closed marker");
                let inner = &after[..close];
                plain.push_str(inner.split_once('|').map_or(inner, |(_, v)| v));
                rest = &after[close + '⟧'.len_utf8()..];
            }
            plain.push_str(rest);
            out.push(plain);
        }
        out.push(text); // the whole file, markers and all, as one text
    }
    out
}

/// Fixtures, drafts, ordinary messages, and all fixtures in one text.
pub fn samples() -> Vec<String> {
    let mut all = fixture_lines();
    all.push(all.join("\n"));
    all.extend(drafts());
    all.extend(ordinary::messages());
    all
}

const FILLER: &[&str] = &[
    "Can you check this before I send it to the team?",
    "Thanks, that fixed it. One more question about the config below.",
    "Here is the stack trace from yesterday, the job failed after 3 retries on 2024-05-01.",
    "Kannst du das bitte kurz prüfen, bevor ich es weiterleite?",
    "Hier die Daten aus dem Formular, der Termin ist am 12.03.2025 um 14:00 Uhr.",
    "Bitte fasse das Protokoll zusammen: Teilnehmer 7, Dauer 45 Minuten, Raum 3.14.",
    "请帮我看一下这段内容，明天上午十点前发给客户。",
    "这个函数为什么返回空值？我已经检查了第 42 行和版本 1.8.3 的更新说明。",
    "2024-05-01T12:30:45.123Z INFO request id=550e8400-e29b-41d4-a716-446655440000 took 123ms",
    "2024-05-01 12:30:46,001 WARN [worker-3] retry 2/5 after 1500 ms (pid 48213)",
    "Order 4411-2039 shipped on 2024-11-02, version 2.13.0, see ticket #48213.",
    "SELECT id, email FROM users WHERE created_at > '2024-01-01' LIMIT 100;",
    "fn main() {\n    let total: u64 = items.iter().map(|i| i.price * 100).sum();\n}",
    "const res = await fetch(`/api/v2/items?page=${page}&limit=50`);",
    "server:\n  port: 8080\n  workers: 4\n  timeout_ms: 30000",
    "[database]\nhost = \"db.internal\"\nport = 5432\npool_size = 20",
    "The password must be at least 12 characters long.",
    "Ich habe mein Passwort vergessen, kannst du helfen?",
    "我忘记密码了，怎么重置？",
    "My card expired, I'll update the payment method tomorrow.",
];

/// Characters and pieces that make text odd: separators, invisible and
/// full-width characters, quotes, CJK punctuation.
const ODD: &[&str] = &[
    " ",
    "  ",
    "\n",
    "\r\n",
    "\t",
    "-",
    ".",
    ",",
    ":",
    ";",
    "/",
    "_",
    "=",
    "\"",
    "'",
    "`",
    "(",
    ")",
    "[",
    "]",
    "<",
    ">",
    "{",
    "}",
    "\u{200B}",
    "\u{00A0}",
    "\u{2011}",
    "\u{202F}",
    "，",
    "。",
    "：",
    "「",
    "」",
    "😀",
    "é",
    "ß",
    "卡号",
    "４",
    "１",
    "０",
    "@",
    "#",
    "$",
    "%",
    "&",
    "|",
    "\\",
    "<<",
    "eyJ",
    "-----BEGIN ",
    "://",
    "sk-",
    "ghp_",
    "AKIA",
    "xoxb-",
    "+49 ",
    "+1 ",
    "00",
];

/// One mutation of `s` at a random char boundary: insert, delete, duplicate,
/// change case, replace a digit.
fn mutate(r: &mut Lcg, s: &str) -> String {
    if s.is_empty() {
        return r.pick(ODD).to_string();
    }
    let bounds: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
    let at = bounds[(r.next() as usize) % bounds.len()];
    let next = bounds.iter().copied().find(|&i| i > at).unwrap_or(s.len());
    match r.next() % 7 {
        0 | 1 => format!("{}{}{}", &s[..at], r.pick(ODD), &s[at..]),
        2 => format!("{}{}", &s[..at], &s[next..]),
        3 => format!("{}{}", &s[..next], &s[at..]),
        4 => s.to_uppercase(),
        5 => s.to_lowercase(),
        _ => {
            let d = char::from(b'0' + (r.next() % 10) as u8).to_string();
            match s[at..].find(|c: char| c.is_ascii_digit()) {
                Some(i) => format!("{}{d}{}", &s[..at + i], &s[at + i + 1..]),
                None => s.to_string(),
            }
        }
    }
}

/// A flood: a long repetition of something an engine has to look at.
fn flood(r: &mut Lcg, bytes: usize) -> String {
    let unit = match r.next() % 14 {
        0 => "4111 1111 1111 1111 ".to_string(),
        1 => {
            let n = 1 + (r.next() % 30) as usize;
            r.digits(n) + " "
        }
        2 => "password: ".into(),
        3 => "pass pw secret token key-".into(),
        4 => "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/".into(),
        5 => "<<<<<<<<<<".into(),
        6 => "eyJhbGciOiJIUzI1NiJ9.".into(),
        7 => "a@b.".into(),
        8 => "卡号密码身份证护照".into(),
        9 => "abandon ability able about above absent ".into(),
        10 => "-----BEGIN PRIVATE KEY-----\n".into(),
        11 => "1.2.3.4.".into(),
        12 => "ABCDEF12G34H567I ".into(),
        _ => r.pick(ODD).to_string(),
    };
    let mut s = String::with_capacity(bytes + unit.len());
    while s.len() < bytes {
        s.push_str(&unit);
    }
    s
}

/// One paragraph: filler and fixture lines, wrapped, mangled or not.
fn paragraph(r: &mut Lcg, lines: &[String], dense: bool) -> String {
    let mut p = String::new();
    let parts = 1 + r.next() % 4;
    for _ in 0..parts {
        let piece = if dense && !r.next().is_multiple_of(3) {
            let line = &lines[(r.next() as usize) % lines.len()];
            match r.next() % 10 {
                0 => mutate(r, line),
                1 => {
                    let m = mutate(r, line);
                    mutate(r, &m)
                }
                2 => format!("\"{line}\""),
                3 => format!("({line})"),
                4 => format!("`{line}`"),
                _ => line.clone(),
            }
        } else if r.next().is_multiple_of(4) {
            let t = r.pick(ordinary::TEMPLATES);
            ordinary::fill(t, r)
        } else {
            r.pick(FILLER).to_string()
        };
        p.push_str(&piece);
        p.push_str(match r.next() % 4 {
            0 => "\n",
            1 => ", ",
            2 => "",
            _ => " ",
        });
    }
    p
}

/// About `bytes` of texts in chunks (each a list of drafts to scan one by
/// one): paragraphs, longer texts of several kilobytes, and floods.
pub fn generated(bytes: usize, seed: u64) -> impl Iterator<Item = Vec<String>> {
    let lines = fixture_lines();
    let mut r = Lcg(seed);
    let mut made = 0;
    std::iter::from_fn(move || {
        if made >= bytes {
            return None;
        }
        let mut chunk = Vec::new();
        let mut size = 0;
        while size < 256 << 10 && made + size < bytes {
            let dense = r.next().is_multiple_of(2);
            let text = match r.next() % 20 {
                0 => {
                    let size = 1 << (8 + r.next() % 9);
                    flood(&mut r, size)
                }
                1 | 2 => {
                    // A long text: many paragraphs, sometimes with a flood inside.
                    let mut t = String::new();
                    let n = 10 + r.next() % 60;
                    for _ in 0..n {
                        t.push_str(&paragraph(&mut r, &lines, dense));
                        t.push_str("\n\n");
                    }
                    if r.next().is_multiple_of(3) {
                        let at = (r.next() as usize) % t.len().max(1);
                        let at = t.floor_char_boundary(at);
                        let size = 1 << (6 + r.next() % 8);
                        let f = flood(&mut r, size);
                        t.insert_str(at, &f);
                    }
                    t
                }
                _ => paragraph(&mut r, &lines, dense),
            };
            size += text.len();
            chunk.push(text);
        }
        made += size;
        Some(chunk)
    })
}
