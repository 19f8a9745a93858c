//! Context words around a candidate, whole-word and CJK-aware.
//!
//! The text just before and after a candidate is lower-cased and searched for
//! a detector's words. A word written in Latin letters matches only as a whole
//! word ("lic" never matches inside "public", "card" not inside "discard");
//! a CJK character counts as a word boundary ("卡号4111", "SSN号码"). A word
//! written in CJK characters matches anywhere, as CJK text has no spaces.

use crate::detectors::Words;

/// Characters looked at before a candidate (labels come first: "Card no.: …").
pub const BEFORE: usize = 48;
/// Characters looked at after a candidate ("… (Visa)", "… 是我的卡号").
pub const AFTER: usize = 24;

/// The lower-cased neighbourhood of `text[start..end]`, with the candidate
/// itself replaced by a space so no word can span it.
pub fn neighbourhood(text: &str, start: usize, end: usize) -> String {
    let before: String = {
        let head = &text[..start];
        let from = head
            .char_indices()
            .rev()
            .take(BEFORE)
            .last()
            .map_or(start, |(i, _)| i);
        head[from..].to_lowercase()
    };
    let after: String = text[end..]
        .chars()
        .take(AFTER)
        .collect::<String>()
        .to_lowercase();
    format!("{before} {after}")
}

/// The first of `words` found in `hay` (already lower-cased), if any.
pub fn find(hay: &str, words: &Words) -> Option<&'static str> {
    words.all().find(|w| contains_word(hay, w))
}

/// `true` if `word` occurs in `hay` as a whole word (or anywhere, for CJK words).
pub fn contains_word(hay: &str, word: &str) -> bool {
    let Some(first) = word.chars().next() else {
        return false;
    };
    if is_cjk(first) {
        return hay.contains(word);
    }
    let last = word.chars().next_back().unwrap_or(first);
    let mut from = 0;
    while let Some(pos) = hay[from..].find(word) {
        let s = from + pos;
        let e = s + word.len();
        let before_ok = !is_word_char(first)
            || hay[..s]
                .chars()
                .next_back()
                .is_none_or(|c| !is_word_char(c));
        let after_ok =
            !is_word_char(last) || hay[e..].chars().next().is_none_or(|c| !is_word_char(c));
        if before_ok && after_ok {
            return true;
        }
        from = s + first.len_utf8();
    }
    false
}

/// Letters and digits of alphabetic scripts; CJK characters are word
/// boundaries for Latin words.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}

/// Han, kana, hangul and CJK punctuation/full-width forms.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_words_match_whole_words_only() {
        assert!(contains_word("my card no is", "card"));
        assert!(contains_word("card: ", "card"));
        assert!(!contains_word("discard this", "card"));
        assert!(!contains_word("cards", "card"));
        assert!(!contains_word("a public key", "lic"));
        assert!(contains_word("konto-nr. ", "konto-nr"));
        assert!(contains_word("acct #", "acct #"));
        assert!(contains_word("social security number", "social security"));
    }

    #[test]
    fn cjk_is_a_boundary_and_cjk_words_match_inside_text() {
        assert!(contains_word("我的ssn号码是", "ssn"));
        assert!(contains_word("这是我的信用卡号码", "信用卡"));
        assert!(!contains_word("überweisungen", "überweisung"));
        assert!(contains_word("die überweisung an", "überweisung"));
    }

    #[test]
    fn neighbourhood_excludes_the_candidate_and_is_bounded() {
        let text = "x".repeat(100) + " Card 4111111111111111 Visa" + &"y".repeat(100);
        let s = text.find("4111").unwrap();
        let n = neighbourhood(&text, s, s + 16);
        assert!(n.contains("card") && n.contains("visa") && !n.contains("4111"));
        assert!(n.chars().count() <= BEFORE + AFTER + 1);
        // Multi-byte characters are counted as characters, never split.
        let text = "信用卡号：4111111111111111";
        let s = text.find('4').unwrap();
        assert!(neighbourhood(text, s, text.len()).contains("信用卡"));
    }
}
