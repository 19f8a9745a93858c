//! UTF-8 byte offsets → UTF-16 code unit offsets, for JavaScript.
//!
//! JS strings index UTF-16 code units: an emoji outside the BMP is two units,
//! a CJK character one, a full-width digit one. The conversion happens once,
//! at the binding, for all offsets of a result in one pass over the text.

/// Converts each UTF-8 byte offset in `offsets` (each on a char boundary of
/// `text`, in any order) to the UTF-16 code unit offset of the same position.
pub fn to_utf16(text: &str, offsets: &mut [usize]) {
    if text.is_ascii() {
        return;
    }
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
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

    #[test]
    fn ascii_is_identity() {
        let mut offs = [3, 1];
        to_utf16("abcd", &mut offs);
        assert_eq!(offs, [3, 1]);
    }
}
