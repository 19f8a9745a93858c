//! Masks and previews of values: what a finding shows of its value (its
//! preview, made when the finding is), and the mask [`crate::redact`] puts in
//! its place. Shared by the scan (previews) and redaction, neither of which
//! needs the other for it.

use crate::finding::Kind;

/// The character previews are masked with.
pub const PREVIEW_MASK: char = '•';

/// Longest preview, in characters; longer masks keep their start and end.
pub const PREVIEW_MAX_CHARS: usize = 40;

/// The masked preview of a finding's value: the detector's own preview, or the
/// mask, shortened to [`PREVIEW_MAX_CHARS`] around an ellipsis.
pub fn preview(value: &str, d: &Kind) -> String {
    if let Some(own) = d.own_preview() {
        return own(value);
    }
    let masked = mask(value, d, PREVIEW_MASK);
    // Counted, not collected: a preview is built for every finding.
    let chars = masked.chars().count();
    if chars <= PREVIEW_MAX_CHARS {
        return masked;
    }
    let at = |n: usize| {
        masked
            .char_indices()
            .nth(n)
            .map_or(masked.len(), |(i, _)| i)
    };
    let head = &masked[..at(PREVIEW_MAX_CHARS / 2)];
    let tail = &masked[at(chars - (PREVIEW_MAX_CHARS / 2 - 1))..];
    format!("{head}…{tail}")
}

/// `value` with its letters and digits replaced by `mask_char`, except the
/// detector's customary kept characters; separators stay, invisible characters go.
pub fn mask(value: &str, d: &Kind, mask_char: char) -> String {
    if value.is_ascii() {
        // Most values: their bytes are their characters, read without decoding
        // (a preview is masked for every finding).
        masked(value.bytes().map(char::from), value.len(), d, mask_char)
    } else {
        masked(value.chars(), value.len(), d, mask_char)
    }
}

/// [`mask`] of the characters `chars` of a value of `len` bytes.
fn masked(
    chars: impl Iterator<Item = char> + Clone,
    len: usize,
    d: &Kind,
    mask_char: char,
) -> String {
    let total = chars.clone().filter(|c| c.is_alphanumeric()).count();
    let keep_from = total.saturating_sub(usize::from(d.keep_last()));
    // Never keep more than half of a short value.
    let keep_from = keep_from.max(total / 2 + total % 2);
    let mut utf8 = [0; 4];
    let mask_str: &str = mask_char.encode_utf8(&mut utf8);
    let mut seen = 0;
    let mut out = String::with_capacity(len + total * (mask_str.len() - 1));
    for c in chars {
        if is_invisible(c) {
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(if c.is_whitespace() { ' ' } else { c });
            continue;
        }
        let leading_letter = seen < usize::from(d.keep_leading_letters()) && c.is_alphabetic();
        if leading_letter || seen >= keep_from {
            out.push(c);
        } else {
            out.push_str(mask_str);
        }
        seen += 1;
    }
    out
}

/// Characters that have no width and no meaning in a value (soft hyphen,
/// zero-width spaces and joiners, word joiner, BOM): masks and replacements drop them.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c as u32,
        0x00AD | 0x180E | 0x200B..=0x200D | 0x2060 | 0xFEFF
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::{credit_card, iban};

    const CARD: Kind = Kind::of(&credit_card::DETECTOR);
    const IBAN: Kind = Kind::of(&iban::DETECTOR);

    #[test]
    fn masks_keep_separators_and_the_customary_tail() {
        assert_eq!(
            mask("4111 1111 1111 1111", &CARD, '•'),
            "•••• •••• •••• 1111"
        );
        assert_eq!(
            mask("4111-1111-1111-1111", &CARD, '*'),
            "****-****-****-1111"
        );
        assert_eq!(
            mask("DE89 3704 0044 0532 0130 00", &IBAN, '•'),
            "DE•• •••• •••• •••• ••30 00"
        );
        assert_eq!(
            mask("４１１１\u{200B}１１１１１１１１１１１１", &CARD, '•'),
            "••••••••••••１１１１"
        );
        assert_eq!(mask("4111\u{00A0}1111", &CARD, '•'), "•••• 1111");
    }
}
