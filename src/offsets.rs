//! UTF-8 byte offsets → UTF-16 code unit offsets, for JavaScript.
//!
//! JS strings index UTF-16 code units: an emoji outside the BMP is two units,
//! a CJK character one, a full-width digit one. The conversion happens once,
//! at the binding, for all offsets of a result in one pass over the text.

/// Converts each UTF-8 byte offset in `offsets` (each on a char boundary of
/// `text`, in any order) to the UTF-16 code unit offset of the same position.
pub fn to_utf16(text: &str, offsets: &mut [usize]) {
    // Most results have no finding: then the text is not read at all.
    if offsets.is_empty() || text.is_ascii() {
        return;
    }
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    crate::sort::indices_by_key(&mut order, &|i| offsets[i]);
    let mut units = 0;
    let mut byte = 0;
    let mut chars = text.chars();
    for i in order {
        let target = offsets[i];
        while byte < target {
            let Some(c) = chars.next() else { break };
            byte += c.len_utf8();
            units += c.len_utf16();
        }
        offsets[i] = units;
    }
}

/// Each finding's `(start, end)` in UTF-16 code units of `text` (the text
/// the findings' byte offsets point into), in the findings' order.
pub fn finding_spans(text: &str, findings: &[crate::Finding]) -> Vec<(usize, usize)> {
    let mut offs: Vec<usize> = findings.iter().flat_map(|f| [f.start, f.end]).collect();
    to_utf16(text, &mut offs);
    offs.chunks_exact(2).map(|se| (se[0], se[1])).collect()
}

/// UTF-8 ↔ UTF-16 offsets in a text that is edited, without walking it from
/// its start: marks (byte, unit) at char boundaries about every [`STEP`]
/// bytes, moved and refreshed on each edit. A live scan of a long draft
/// converts the offsets of a few findings per keystroke with it.
#[derive(Clone, Debug, Default)]
pub struct Utf16Index {
    /// (byte, UTF-16 unit) at char boundaries, in order; the first is (0, 0).
    marks: Vec<(usize, usize)>,
}

/// Bytes between marks: a conversion walks at most this far.
pub const STEP: usize = 1024;

impl Utf16Index {
    /// The index of `text`.
    pub fn new(text: &str) -> Utf16Index {
        let mut index = Utf16Index {
            marks: vec![(0, 0)],
        };
        index.mark(text, 0, 0, text.len());
        index
    }

    /// Adds marks from (`byte`, `unit`) up to byte `end` of `text`.
    fn mark(&mut self, text: &str, mut byte: usize, mut unit: usize, end: usize) {
        let mut next = byte + STEP;
        for c in text[byte..end].chars() {
            byte += c.len_utf8();
            unit += c.len_utf16();
            if byte >= next && byte < end {
                self.marks.push((byte, unit));
                next = byte + STEP;
            }
        }
    }

    /// The UTF-16 offset of char boundary `byte` of `text` (the indexed text).
    pub fn unit(&self, text: &str, byte: usize) -> usize {
        let (b, u) = self.marks[self.marks.partition_point(|m| m.0 <= byte) - 1];
        u + text[b..byte].chars().map(char::len_utf16).sum::<usize>()
    }

    /// The byte offset of UTF-16 offset `unit` of `text` (the indexed text);
    /// an offset inside a surrogate pair gives its character's start.
    pub fn byte(&self, text: &str, unit: usize) -> usize {
        let (mut b, mut u) = self.marks[self.marks.partition_point(|m| m.1 <= unit) - 1];
        for c in text[b..].chars() {
            if u + c.len_utf16() > unit {
                break;
            }
            b += c.len_utf8();
            u += c.len_utf16();
        }
        b
    }

    /// Follows an edit of the indexed text: bytes `start..old_end` (UTF-16
    /// `start_unit..old_end_unit`) were replaced, and `text` is the text now.
    /// `new_end` is where the replacement ends in it.
    pub fn splice(
        &mut self,
        text: &str,
        (start, old_end, new_end): (usize, usize, usize),
        (start_unit, old_end_unit): (usize, usize),
    ) {
        let first = self.marks.partition_point(|m| m.0 <= start);
        let after = self.marks.partition_point(|m| m.0 < old_end);
        let new_end_unit = start_unit
            + text[start..new_end]
                .chars()
                .map(char::len_utf16)
                .sum::<usize>();
        let tail: Vec<(usize, usize)> = self.marks[after..]
            .iter()
            .map(|&(b, u)| (b - old_end + new_end, u - old_end_unit + new_end_unit))
            .collect();
        self.marks.truncate(first);
        let (b, u) = *self.marks.last().expect("the first mark stays");
        self.mark(text, b, u, new_end);
        self.marks.extend(tail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_cjk_and_full_width_digits() {
        let text = "😀 卡号 ４１ x";
        // byte offsets of: 😀(0) ' '(4) 卡(5) 号(8) ' '(11) ４(12) １(15) ' '(18) x(19) end(20);
        // UTF-16 units:    😀 is 2, every other character 1.
        let mut offs = [20, 0, 5, 12, 19, 4];
        to_utf16(text, &mut offs);
        assert_eq!(offs, [10, 0, 3, 6, 9, 2]);
        let utf16: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16(&utf16[6..8]).unwrap(), "４１");
    }

    /// Every offset of `text`, converted by walking it from the start.
    fn check(index: &Utf16Index, text: &str) {
        let mut unit = 0;
        for (byte, c) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(index.unit(text, byte), unit, "byte {byte} of {text:?}");
            assert_eq!(index.byte(text, unit), byte, "unit {unit} of {text:?}");
            if c.len_utf16() == 2 && byte < text.len() {
                assert_eq!(index.byte(text, unit + 1), byte, "inside a surrogate pair");
            }
            unit += c.len_utf16();
        }
    }

    #[test]
    fn the_index_converts_like_a_walk_and_follows_edits() {
        let piece = "ab 😀 卡号 ４１ é\n";
        let mut text = piece.repeat(400);
        let mut index = Utf16Index::new(&text);
        check(&index, &text);
        for (start, end, with) in [
            (0, 0, "x"),
            (5000, 5000, "😀😀"),
            (3000, 9000, ""),
            (100, 104, &piece.repeat(300)),
            (0, 0, ""),
        ] {
            let (start, end) = (
                text.floor_char_boundary(start),
                text.floor_char_boundary(end),
            );
            let units = (index.unit(&text, start), index.unit(&text, end));
            text.replace_range(start..end, with);
            index.splice(&text, (start, end, start + with.len()), units);
            check(&index, &text);
            // A walk stays short: marks are at most two steps apart.
            assert!(index
                .marks
                .windows(2)
                .all(|m| m[1].0 - m[0].0 <= 2 * STEP + 4));
        }
    }

    #[test]
    fn ascii_is_identity() {
        let mut offs = [3, 1];
        to_utf16("abcd", &mut offs);
        assert_eq!(offs, [3, 1]);
    }
}
