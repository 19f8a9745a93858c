//! Normalisation with a map back to the original text.
//!
//! Patterns run on a normalised copy in which full-width and other Unicode
//! decimal digits become ASCII digits, full-width letters ASCII letters,
//! no-break, thin and ideographic spaces an ASCII space, Unicode dashes `-`,
//! and zero-width characters (and the soft hyphen) disappear. Everything else
//! is copied unchanged. The map is sparse, one entry per changed character, so
//! ASCII text costs nothing and CJK prose only what it changes.

use std::borrow::Cow;

/// Text prepared for matching, with offsets mappable to the original.
#[derive(Debug)]
pub struct Normalized<'a> {
    text: Cow<'a, str>,
    edits: Vec<Edit>,
}

/// One changed character: at normalised byte `norm` it produced `norm_len`
/// (0 or 1) bytes from `orig_len` bytes at original offset `orig`.
#[derive(Clone, Copy, Debug)]
struct Edit {
    norm: usize,
    orig: usize,
    norm_len: usize,
    orig_len: usize,
}

/// What a character becomes: removed, or one ASCII byte.
fn replacement(c: char) -> Option<Option<u8>> {
    let cp = c as u32;
    let ascii = |base: u32, first: u8| Some(Some(first + (cp - base) as u8));
    match cp {
        0xFF10..=0xFF19 => ascii(0xFF10, b'0'), // full-width digits
        0x0660..=0x0669 => ascii(0x0660, b'0'), // Arabic-Indic digits
        0x06F0..=0x06F9 => ascii(0x06F0, b'0'), // Extended Arabic-Indic digits
        0x0966..=0x096F => ascii(0x0966, b'0'), // Devanagari digits
        0xFF21..=0xFF3A => ascii(0xFF21, b'A'), // full-width Latin capitals
        0xFF41..=0xFF5A => ascii(0xFF41, b'a'), // full-width Latin small letters
        0x00A0 | 0x2000..=0x200A | 0x202F | 0x205F | 0x3000 => Some(Some(b' ')),
        0x2010..=0x2015 | 0x2212 | 0xFE63 | 0xFF0D => Some(Some(b'-')),
        0xFF0E => Some(Some(b'.')),
        0xFF0F => Some(Some(b'/')),
        0x00AD | 0x180E | 0x200B..=0x200D | 0x2060 | 0xFEFF => Some(None),
        _ => None,
    }
}

impl<'a> Normalized<'a> {
    /// Normalises `text`. Borrows it unchanged when there is nothing to change.
    pub fn new(text: &'a str) -> Normalized<'a> {
        if text.is_ascii() {
            return Normalized {
                text: Cow::Borrowed(text),
                edits: Vec::new(),
            };
        }
        let mut out: Option<String> = None;
        let mut edits = Vec::new();
        let mut copied_to = 0; // original bytes before this are already in `out`
        let bytes = text.as_bytes();
        let mut next = 0;
        while next < bytes.len() {
            // Eight ASCII bytes at a time: most of a text with some non-ASCII is ASCII.
            if let Some(chunk) = bytes.get(next..next + 8) {
                let word = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
                if word & 0x8080_8080_8080_8080 == 0 {
                    next += 8;
                    continue;
                }
            }
            let i = next;
            next += 1;
            // Only these UTF-8 lead bytes start a character `replacement` changes;
            // ASCII, CJK ideographs and continuation bytes are skipped cheaply.
            if !matches!(
                bytes[i],
                0xC2 | 0xD9 | 0xDB | 0xE0 | 0xE1 | 0xE2 | 0xE3 | 0xEF
            ) {
                continue;
            }
            let Some(c) = text[i..].chars().next() else {
                continue;
            };
            let Some(rep) = replacement(c) else { continue };
            let buf = out.get_or_insert_with(|| String::with_capacity(text.len()));
            buf.push_str(&text[copied_to..i]);
            let norm = buf.len();
            if let Some(b) = rep {
                buf.push(b as char);
            }
            edits.push(Edit {
                norm,
                orig: i,
                norm_len: usize::from(rep.is_some()),
                orig_len: c.len_utf8(),
            });
            copied_to = i + c.len_utf8();
        }
        match out {
            None => Normalized {
                text: Cow::Borrowed(text),
                edits,
            },
            Some(mut buf) => {
                buf.push_str(&text[copied_to..]);
                Normalized {
                    text: Cow::Owned(buf),
                    edits,
                }
            }
        }
    }

    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// A copy that owns its text, to keep between drafts.
    pub fn into_owned(self) -> Normalized<'static> {
        Normalized {
            text: Cow::Owned(self.text.into_owned()),
            edits: self.edits,
        }
    }

    /// Normalised offset of original char boundary `i`.
    pub fn to_normalized(&self, i: usize) -> usize {
        let k = self.edits.partition_point(|e| e.orig < i);
        match k.checked_sub(1).map(|k| self.edits[k]) {
            None => i,
            // `i` is a char boundary after the edited character: past its end.
            Some(e) => e.norm + e.norm_len + (i - e.orig - e.orig_len),
        }
    }

    /// Makes this the normalisation of the original text with bytes
    /// `start..end` (char boundaries) replaced by `with`. Normalisation maps
    /// each character on its own, so the rest of the text and its map stay
    /// as they are, shifted. Returns the normalised bytes that replaced
    /// `to_normalized(start)..to_normalized(end)`.
    pub fn splice(&mut self, start: usize, end: usize, with: &str) -> std::ops::Range<usize> {
        let (ns, ne) = (self.to_normalized(start), self.to_normalized(end));
        let piece = Normalized::new(with);
        let inserted = ns..ns + piece.as_str().len();
        self.text.to_mut().replace_range(ns..ne, piece.as_str());
        let after = self.edits.partition_point(|e| e.orig < end);
        let shifted: Vec<Edit> = self.edits[after..]
            .iter()
            .map(|e| Edit {
                norm: e.norm - ne + inserted.end,
                orig: e.orig - end + start + with.len(),
                ..*e
            })
            .collect();
        self.edits
            .truncate(self.edits.partition_point(|e| e.orig < start));
        self.edits.extend(piece.edits.iter().map(|e| Edit {
            norm: e.norm + ns,
            orig: e.orig + start,
            ..*e
        }));
        self.edits.extend(shifted);
        inserted
    }

    /// Original offset of normalised byte `i` (for a span start). A start just
    /// after removed characters maps past them.
    pub fn start_to_original(&self, i: usize) -> usize {
        let k = self.edits.partition_point(|e| e.norm <= i);
        if k == 0 {
            return i;
        }
        let e = self.edits[k - 1];
        if i < e.norm + e.norm_len {
            e.orig
        } else {
            e.orig + e.orig_len + (i - e.norm - e.norm_len)
        }
    }

    /// Original offset for a span end (exclusive) at normalised byte `i`:
    /// the end of the original character that produced byte `i - 1`, so
    /// removed characters after a value are not included in its span.
    pub fn end_to_original(&self, i: usize) -> usize {
        if i == 0 {
            return 0;
        }
        let last = i - 1;
        let k = self.edits.partition_point(|e| e.norm <= last);
        if k > 0 {
            let e = self.edits[k - 1];
            if last < e.norm + e.norm_len {
                return e.orig + e.orig_len;
            }
        }
        self.start_to_original(last) + 1
    }
}

/// `c` in lower case, for matching words case-insensitively: ASCII, Latin-1,
/// Latin Extended-A, Latin Extended Additional (Vietnamese), Greek,
/// Cyrillic and full-width Latin capitals; every other character unchanged.
/// `char::to_lowercase` would bring std's whole Unicode case table into the
/// module (about 5 KB gzip) for the context words of three languages; both
/// sides of a comparison (the words and the text) are folded with this, so
/// they agree. Unlike std, `İ` becomes a plain `i` (one character for one).
pub fn lower_char(c: char) -> char {
    let cp = c as u32;
    // Most letters beyond Latin in a draft are CJK, where nothing below
    // changes: answered before the ranges are compared.
    if (0x1F00..0xFF21).contains(&cp) {
        return c;
    }
    let to = |d: u32| char::from_u32(cp + d).unwrap_or(c);
    // A run of capital/small pairs, the capital first at `first`'s parity.
    let paired = |first: u32| if cp % 2 == first % 2 { to(1) } else { c };
    match cp {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => to(0x20),
        0x130 => 'i',
        0x100..=0x137 | 0x14A..=0x177 => paired(0x100),
        0x139..=0x148 | 0x179..=0x17E => paired(0x139),
        0x178 => 'ÿ',
        0x370..=0x373 | 0x376 | 0x3D8..=0x3EF => paired(0x370),
        0x37F => 'ϳ',
        0x391..=0x3A1 | 0x3A3..=0x3AB => to(0x20),
        0x3CF => 'ϗ',
        0x3F4 => 'θ',
        0x3F7 | 0x3FA => to(1),
        0x3F9 => 'ϲ',
        0x3FD..=0x3FF => char::from_u32(cp - 0x82).unwrap_or(c),
        0x386 => 'ά',
        0x388..=0x38A => to(0x25),
        0x38C => 'ό',
        0x38E..=0x38F => to(0x3F),
        0x400..=0x40F => to(0x50),
        0x410..=0x42F => to(0x20),
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F => paired(0x460),
        0x4C0 => 'ӏ',
        0x4C1..=0x4CE => paired(0x4C1),
        0x1E00..=0x1E95 | 0x1EA0..=0x1EFF => paired(0x1E00),
        0x1E9E => 'ß',
        0xFF21..=0xFF3A => to(0x20),
        _ => c,
    }
}

/// Appends `s` in lower case ([`lower_char`]) to `out`; ASCII in place.
pub fn push_lower(out: &mut String, s: &str) {
    if s.is_ascii() {
        let at = out.len();
        out.push_str(s);
        out[at..].make_ascii_lowercase();
    } else {
        out.extend(s.chars().map(lower_char));
    }
}

/// `s` in lower case ([`lower_char`]).
pub fn lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_lower(&mut out, s);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    #[allow(clippy::disallowed_methods)] // compared with std's
    fn lower_case_agrees_with_std_in_the_scripts_it_covers() {
        let covered = (0..0x180)
            .chain(0x370..0x530)
            .chain(0x1E00..0x1F00)
            .chain(0xFF00..0xFF60);
        let mut folded = 0;
        for c in covered.filter_map(char::from_u32) {
            let std: Vec<char> = c.to_lowercase().collect();
            let mine = lower_char(c);
            match std[..] {
                _ if c == 'İ' => assert_eq!(mine, 'i'),
                [one] => assert_eq!(mine, one, "{c:?} U+{:04X}", c as u32),
                _ => assert_eq!(mine, c, "{c:?}"),
            }
            folded += usize::from(mine != c);
        }
        assert!(folded > 450, "{folded}");
        // Elsewhere nothing changes, and nothing becomes what std would not make of it.
        for c in (0..0x11000).filter_map(char::from_u32) {
            let mine = lower_char(c);
            assert!(
                mine == c || c.to_lowercase().eq([mine]) || c == 'İ',
                "{c:?}"
            );
        }
        assert_eq!(
            lower("GRÖẞE Ärzte ΣΟΦΊΑ ПАРОЛЬ ＰＡＳＳ"),
            "größe ärzte σοφία пароль ｐａｓｓ"
        );
    }

    use super::*;

    fn span(n: &Normalized, s: usize, e: usize) -> (usize, usize) {
        (n.start_to_original(s), n.end_to_original(e))
    }

    #[test]
    fn ascii_is_borrowed_and_identity() {
        let n = Normalized::new("card 4111");
        assert!(matches!(n.text, Cow::Borrowed(_)));
        assert_eq!(span(&n, 5, 9), (5, 9));
    }

    #[test]
    fn cjk_without_edits_is_borrowed() {
        let n = Normalized::new("卡号 4111");
        assert!(matches!(n.text, Cow::Borrowed(_)));
        assert_eq!(span(&n, 7, 11), (7, 11));
    }

    #[test]
    fn full_width_digits_map_back_to_their_characters() {
        let orig = "号４１１１ ok";
        let n = Normalized::new(orig);
        assert_eq!(n.as_str(), "号4111 ok");
        let (s, e) = span(&n, 3, 7);
        assert_eq!(&orig[s..e], "４１１１");
        let (s, e) = span(&n, 8, 10);
        assert_eq!(&orig[s..e], "ok");
    }

    /// Normalising skips eight ASCII bytes at a time: a character it replaces
    /// is replaced wherever it lies among ASCII bytes, at every offset
    /// modulo eight, as a character at a time would.
    #[test]
    fn replaced_characters_are_found_at_every_offset_among_ascii() {
        for pad in 0..17 {
            for (c, to) in [("４", "4"), ("\u{200B}", ""), ("\u{00A0}", " "), ("é", "é")] {
                let orig = format!("{}{c}{}{c}x", "a".repeat(pad), "b".repeat(pad % 9));
                let want = format!("{}{to}{}{to}x", "a".repeat(pad), "b".repeat(pad % 9));
                let n = Normalized::new(&orig);
                assert_eq!(n.as_str(), want, "{orig:?}");
                let end = n.as_str().len();
                assert_eq!(n.end_to_original(end), orig.len(), "{orig:?}");
            }
        }
    }

    #[test]
    fn zero_width_characters_vanish_inside_and_stay_outside_a_span() {
        let orig = "a\u{200B}41\u{200B}11\u{200B} b";
        let n = Normalized::new(orig);
        assert_eq!(n.as_str(), "a4111 b");
        let (s, e) = span(&n, 1, 5);
        assert_eq!(&orig[s..e], "41\u{200B}11");
    }

    #[test]
    fn a_splice_equals_normalising_the_edited_text() {
        let before = "a\u{200B}４１ 卡号\u{00A0}1111\u{2011}22 ｘ";
        for (start, end, with) in [
            (0, 0, "１"),
            (1, 4, ""),
            (4, 7, "\u{3000}９\u{00AD}"),
            (before.len(), before.len(), "\u{FEFF}7"),
            (0, before.len(), "plain"),
            (14, 21, "x"),
        ] {
            let mut n = Normalized::new(before).into_owned();
            let old = n.as_str().to_string();
            let (ns, ne) = (n.to_normalized(start), n.to_normalized(end));
            let inserted = n.splice(start, end, with);
            let after = format!("{}{with}{}", &before[..start], &before[end..]);
            let fresh = Normalized::new(&after);
            assert_eq!(n.as_str(), fresh.as_str(), "{after:?}");
            assert_eq!(inserted.start, ns);
            assert_eq!(&n.as_str()[inserted.end..], &old[ne..]);
            for i in (0..=after.len()).filter(|&i| after.is_char_boundary(i)) {
                assert_eq!(
                    n.to_normalized(i),
                    fresh.to_normalized(i),
                    "{after:?} at {i}"
                );
            }
            for i in 0..=fresh.as_str().len() {
                if fresh.as_str().is_char_boundary(i) {
                    assert_eq!(n.start_to_original(i), fresh.start_to_original(i));
                    assert_eq!(n.end_to_original(i), fresh.end_to_original(i));
                }
            }
        }
    }

    #[test]
    fn no_break_and_thin_spaces_become_spaces() {
        let orig = "4111\u{00A0}1111\u{202F}1111\u{2009}1111";
        let n = Normalized::new(orig);
        assert_eq!(n.as_str(), "4111 1111 1111 1111");
        assert_eq!(span(&n, 0, 19), (0, orig.len()));
        assert_eq!(span(&n, 5, 9), (6, 10));
    }
}
