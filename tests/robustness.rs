//! Randomised drafts built from every detector's keywords, digits, separators,
//! CJK, emoji, zero-width and full-width characters: no scan or redaction may
//! panic, and every span must lie on character boundaries of the input.
#![cfg(not(target_arch = "wasm32"))]

use draftguard::{Guard, Prefilter, RedactOptions, Style, REGISTRY};

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

/// Pieces drafts are made of: every keyword, plus shapes of values.
fn pieces() -> Vec<String> {
    let mut p: Vec<String> = [
        "4111",
        " ",
        "-",
        ".",
        "/",
        ":",
        "=",
        "\n",
        "\"",
        "'",
        "@",
        "<<",
        "0",
        "9",
        "12",
        "2024-05-01",
        "X",
        "x",
        "ß",
        "é",
        "卡号",
        "密码",
        "：",
        "😀",
        "👩‍👩‍👧",
        "\u{200B}",
        "\u{00A0}",
        "４",
        "Ｘ",
        "DE89",
        "eyJ",
        "ghp_",
        "AKIA",
        "-----BEGIN ",
        "PRIVATE KEY-----",
        "-----END ",
        "password",
        "Passwort: ",
        "://",
        "user:",
        "abandon ",
        "P<UTO",
        "ICD",
        "F32.1",
        "+49 ",
        "(415) ",
        "sk-",
        "\\n",
        "\u{FFFD}",
        "\t",
        "ü",
        "Ω",
        "𝒳",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for d in REGISTRY {
        if let Prefilter::Keywords { words, .. } = d.prefilter {
            p.extend(words.iter().map(|w| w.to_string()));
        }
        p.extend(d.context.all().map(|w| format!(" {w} ")));
    }
    p
}

/// A draft of up to `max_pieces` pieces with arbitrary characters inserted:
/// ASCII, Latin, CJK, emoji, full-width, zero-width and combining marks.
fn draft(rng: &mut Lcg, pieces: &[String], max_pieces: usize) -> String {
    let n = rng.next() % max_pieces;
    let mut text: String = (0..n)
        .map(|_| pieces[rng.next() % pieces.len()].as_str())
        .collect();
    for _ in 0..rng.next() % 24 {
        let c = match rng.next() % 6 {
            0 => char::from(32 + (rng.next() % 95) as u8),
            1 => char::from_u32(0xC0 + (rng.next() % 0x180) as u32).unwrap_or('é'),
            2 => char::from_u32(0x4E00 + (rng.next() % 0x5000) as u32).unwrap_or('中'),
            3 => char::from_u32(0x1F600 + (rng.next() % 0x50) as u32).unwrap_or('😀'),
            4 => char::from_u32(0xFF01 + (rng.next() % 0x5E) as u32).unwrap_or('Ａ'),
            _ => ['\u{200B}', '\u{0301}', '\u{00A0}', '\u{FEFF}', '0', '-'][rng.next() % 6],
        };
        let boundaries: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        text.insert(boundaries[rng.next() % boundaries.len()], c);
    }
    text
}

#[test]
fn random_drafts_never_panic_and_spans_fall_on_char_boundaries() {
    let guard = Guard::default();
    let pieces = pieces();
    // DRAFTGUARD_ROUNDS / DRAFTGUARD_SEED search longer locally; CI runs the default.
    let env = |k: &str, d: u64| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    let mut rng = Lcg(env("DRAFTGUARD_SEED", 0x5eed));
    for round in 0..env("DRAFTGUARD_ROUNDS", 4000) {
        let text = draft(&mut rng, &pieces, 40);
        let found = guard
            .scan(&text)
            .unwrap_or_else(|e| panic!("round {round}: {e}"));
        for f in &found {
            assert!(
                f.start < f.end && f.end <= text.len(),
                "round {round}: span {f:?} in {text:?}"
            );
            assert!(
                text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
                "round {round}: {f:?} in {text:?}"
            );
        }
        for style in [Style::Label, Style::Mask, Style::Char] {
            guard
                .redact(
                    &text,
                    &RedactOptions {
                        style,
                        ..RedactOptions::default()
                    },
                )
                .unwrap();
        }
    }
}

#[test]
fn every_validator_survives_arbitrary_input() {
    // Custom rules can send any matched text to a built-in kind's `validate`.
    let pieces = pieces();
    let env = |k: &str, d: u64| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    let mut rng = Lcg(env("DRAFTGUARD_SEED", 0x5eed) ^ 0xabc);
    for _ in 0..env("DRAFTGUARD_ROUNDS", 4000) {
        let text = draft(&mut rng, &pieces, 12);
        for d in REGISTRY {
            let _ = (d.validate)(&text);
            if let Some(preview) = d.preview {
                let _ = preview(&text);
            }
        }
    }
}
