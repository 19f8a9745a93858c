//! Which bytes a pattern's matches can hold after their first byte, read
//! from its syntax tree, conservatively: a byte is in the set if some match
//! *could* hold it after its first byte. A pattern that cannot be parsed
//! gets every byte (no cuts). The live scan cuts its searches at bytes
//! outside the set (`src/scan/live.rs`, `src/scan/interior.rs`).

use regex_syntax::hir::{Class, Hir, HirKind};

/// A set of bytes: bit `b & 63` of word `b >> 6`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ByteSet(pub [u64; 4]);

impl ByteSet {
    const EMPTY: ByteSet = ByteSet([0; 4]);
    const ALL: ByteSet = ByteSet([u64::MAX; 4]);

    #[cfg(test)]
    pub fn contains(&self, b: u8) -> bool {
        self.0[usize::from(b >> 6)] & (1 << (b & 63)) != 0
    }

    fn insert_range(&mut self, lo: u8, hi: u8) {
        for b in lo..=hi {
            self.0[usize::from(b >> 6)] |= 1 << (b & 63);
        }
    }

    fn union(self, o: ByteSet) -> ByteSet {
        ByteSet(std::array::from_fn(|i| self.0[i] | o.0[i]))
    }

    fn of(bytes: &[u8]) -> ByteSet {
        let mut s = ByteSet::EMPTY;
        for &b in bytes {
            s.insert_range(b, b);
        }
        s
    }

    /// The set as 32 bytes, little-endian words (the blob's format).
    pub fn to_bytes(self) -> [u8; 32] {
        let mut out = [0; 32];
        for (i, w) in self.0.iter().enumerate() {
            out[i * 8..i * 8 + 8].copy_from_slice(&w.to_le_bytes());
        }
        out
    }
}

/// The bytes that can occur after the first byte of a match of `pattern`,
/// compiled as the engine compiles it (ASCII mode, on bytes).
pub fn interior(pattern: &str) -> ByteSet {
    regex_syntax::ParserBuilder::new()
        .utf8(false)
        .nest_limit(64)
        .build()
        .parse(&format!("(?-u){pattern}"))
        .map_or(ByteSet::ALL, |hir| facts(&hir).interior)
}

/// What a sub-pattern's matches can hold.
struct Facts {
    /// Every byte any of its matches can hold.
    all: ByteSet,
    /// Bytes its matches can hold after their first byte.
    interior: ByteSet,
    /// It can match something non-empty.
    nonempty: bool,
}

const NOTHING: Facts = Facts {
    all: ByteSet::EMPTY,
    interior: ByteSet::EMPTY,
    nonempty: false,
};

fn facts(h: &Hir) -> Facts {
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) => NOTHING,
        HirKind::Literal(lit) => Facts {
            all: ByteSet::of(&lit.0),
            interior: ByteSet::of(lit.0.get(1..).unwrap_or_default()),
            nonempty: !lit.0.is_empty(),
        },
        HirKind::Class(Class::Bytes(c)) => {
            let mut all = ByteSet::EMPTY;
            for r in c.ranges() {
                all.insert_range(r.start(), r.end());
            }
            Facts {
                all,
                interior: ByteSet::EMPTY,
                nonempty: c.ranges().iter().next().is_some(),
            }
        }
        HirKind::Class(Class::Unicode(c)) => {
            // UTF-8 of a non-ASCII character: a lead byte, then continuation bytes.
            let mut all = ByteSet::EMPTY;
            let mut interior = ByteSet::EMPTY;
            for r in c.ranges() {
                let (lo, hi) = (u32::from(r.start()), u32::from(r.end()));
                if lo < 0x80 {
                    all.insert_range(lo as u8, hi.min(0x7F) as u8);
                }
                if hi >= 0x80 {
                    all.insert_range(0x80, 0xFF);
                    interior.insert_range(0x80, 0xFF);
                }
            }
            Facts {
                all,
                interior,
                nonempty: c.ranges().iter().next().is_some(),
            }
        }
        HirKind::Capture(c) => facts(&c.sub),
        HirKind::Repetition(r) => {
            if r.max == Some(0) {
                return NOTHING;
            }
            let f = facts(&r.sub);
            // A second copy's first byte follows a first copy's bytes.
            let repeats = f.nonempty && r.max.is_none_or(|m| m >= 2);
            Facts {
                interior: if repeats {
                    f.interior.union(f.all)
                } else {
                    f.interior
                },
                ..f
            }
        }
        HirKind::Concat(subs) => {
            let mut out = NOTHING;
            for s in subs {
                let f = facts(s);
                out.interior = out.interior.union(f.interior);
                if out.nonempty {
                    // Something before it may have taken the first byte.
                    out.interior = out.interior.union(f.all);
                }
                out.all = out.all.union(f.all);
                out.nonempty |= f.nonempty;
            }
            out
        }
        HirKind::Alternation(subs) => subs.iter().map(facts).fold(NOTHING, |a, f| Facts {
            all: a.all.union(f.all),
            interior: a.interior.union(f.interior),
            nonempty: a.nonempty || f.nonempty,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(s: &ByteSet) -> String {
        (0..=255u8)
            .filter(|&b| s.contains(b))
            .map(|b| b as char)
            .collect()
    }

    #[test]
    fn known_answers() {
        assert_eq!(bytes(&interior(r"\b[0-9]{9}\b")), "0123456789");
        assert_eq!(bytes(&interior(r"[0-9]")), "");
        assert_eq!(bytes(&interior(r"(?:^|[^a-z])x+")), "x");
        assert_eq!(bytes(&interior(r"ab?c")), "bc");
        assert_eq!(bytes(&interior(r"(?:ab)?c")), "bc");
        assert_eq!(bytes(&interior(r"(?i)k[a-b]")), "ABab");
        assert_eq!(interior(r"(?s)-----BEGIN.*?END"), ByteSet::ALL);
        assert_eq!(interior(r"(unclosed"), ByteSet::ALL);
        assert!(!interior("a.*b").contains(b'\n'));
        assert!(interior("a.*b").contains(b' '));
    }
}
