//! Word lists shared by several detectors.

use super::Words;

/// Words that mark a number as an everyday reference rather than a secret:
/// order, invoice, tracking, ticket numbers. Near one of these, a candidate
/// loses one confidence level.
pub const NOT_SENSITIVE: Words = Words {
    en: words![
        "order",
        "orders",
        "order id",
        "id",
        "ids",
        "user id",
        "invoices",
        "order number",
        "order no",
        "invoice",
        "tracking",
        "tracking number",
        "shipment",
        "ticket",
        "case number",
        "reference",
        "ref",
        "serial",
        "serial number",
        "isbn",
        "timestamp",
        "transaction id",
        "sku",
        "part number",
        "issue",
        "customer number",
        "customer no",
    ],
    de: words![
        "bestellung",
        "bestellnummer",
        "rechnung",
        "rechnungsnummer",
        "sendungsnummer",
        "sendungsverfolgung",
        "auftragsnummer",
        "vorgangsnummer",
        "aktenzeichen",
        "seriennummer",
        "artikelnummer",
        "kundennummer",
        "ticketnummer",
    ],
    zh: words![
        "订单",
        "订单号",
        "发票",
        "快递单号",
        "运单号",
        "物流单号",
        "序列号",
        "工单",
        "流水号",
        "编号",
        "客户编号",
        "客户号",
    ],
};

/// Longest group of a longer number: digit groups are printed 1–6 wide
/// ("0012 3456 7890", "DE89 3704", "45 0200051332"); a longer run next to a
/// value is a number of its own ("4111111111111111 5555555555554444").
const GROUP_MAX: usize = 6;

/// `true` if the number candidate `b[s..e]` is cut out of a longer number:
/// a short group with a digit is joined by one space to a digit at the
/// candidate's start or end ("0012 ⟦3456 7890 1234 5678⟧", "DE12 ⟦3704 0044 0532 0130⟧ 00", an
/// 18-digit "⟦4111 1111 1111 1111⟧ 11"). A group that is itself one link of
/// a chain (`12/27`, `10:30`, `2024-01-15`, `v1.2`) is another value, not
/// part of this one, and so is a card's CVV: 3 digits (4 after a 15-digit
/// Amex) that end the run ("4111 1111 1111 1111 123"). `kind` is the
/// detector's id. Reads at most 8 bytes on each side of the candidate.
pub(crate) fn inside_longer_number(kind: &str, b: &[u8], s: usize, e: usize) -> bool {
    // A joiner with a letter or digit beyond it: the group is a link of a chain.
    let chained = |at: usize, beyond: Option<usize>| {
        b"-./:".contains(&b[at])
            && beyond.is_some_and(|i| i < b.len() && b[i].is_ascii_alphanumeric())
    };
    if s >= 2 && b[s].is_ascii_digit() && b[s - 1] == b' ' && b[s - 2].is_ascii_digit() {
        let end = s - 1;
        let len = (0..end)
            .rev()
            .take(GROUP_MAX + 1)
            .take_while(|&i| b[i].is_ascii_alphanumeric())
            .count();
        let start = end - len;
        if len <= GROUP_MAX && !(start > 0 && chained(start - 1, start.checked_sub(2))) {
            return true;
        }
    }
    if !(e + 1 < b.len() && b[e - 1].is_ascii_digit() && b[e] == b' ' && b[e + 1].is_ascii_digit())
    {
        return false;
    }
    let start = e + 1;
    let len = (start..b.len())
        .take(GROUP_MAX + 1)
        .take_while(|&i| b[i].is_ascii_alphanumeric())
        .count();
    let end = start + len;
    if len > GROUP_MAX || (end < b.len() && chained(end, Some(end + 1))) {
        return false;
    }
    let group = &b[start..end];
    let run_ends = !(end + 1 < b.len() && b[end] == b' ' && b[end + 1].is_ascii_digit());
    let digits = b[s..e].iter().filter(|c| c.is_ascii_digit()).count();
    let cvv = kind == super::credit_card::DETECTOR.kind
        && run_ends
        && group.iter().all(u8::is_ascii_digit)
        && (len == 3 || (len == 4 && digits == 15));
    !cvv
}

#[cfg(test)]
mod tests {
    use super::inside_longer_number;

    /// Whether the value marked `⟦…⟧` in `text` is cut out of a longer number.
    fn inside(kind: &str, text: &str) -> bool {
        let s = text.find('⟦').unwrap();
        let e = text.find('⟧').unwrap() - '⟦'.len_utf8();
        let plain = text.replace(['⟦', '⟧'], "");
        inside_longer_number(kind, plain.as_bytes(), s, e)
    }

    #[test]
    fn groups_joined_by_one_space_make_one_number() {
        for t in [
            "tracking 0012 ⟦3456 7890 1234 5678⟧",
            "tracking ⟦0012 3456 7890⟧ 1234 5678",
            "IBAN DE12 ⟦3704 0044 0532 0130⟧ 00",
            "member ⟦4111 1111 1111 1111⟧ 11",
            "order ⟦4111 1111 1111 1111⟧ 2345 67",
            "order ⟦4111 1111 1111 1111⟧ 2345.",
            "1234 ⟦4111 1111 1111 1111⟧",
            "ES91 2100 0418 45 ⟦0200051332⟧",
            "card ⟦4111 1111 1111 1111⟧ 123 456",
        ] {
            assert!(inside("credit_card", t), "{t}");
        }
        // A CVV follows a card only.
        assert!(inside("phone", "call ⟦030 1234567⟧ 123"));
    }

    #[test]
    fn other_values_around_a_number_are_not_part_of_it() {
        for t in [
            "card ⟦4111 1111 1111 1111⟧ 12/27 123",
            "card ⟦4111 1111 1111 1111⟧ 123",
            "Amex ⟦3782 822463 10005⟧ 1234",
            "at 10:30 ⟦4111 1111 1111 1111⟧",
            "on 2024-01-15 ⟦4111 1111 1111 1111⟧",
            "⟦4111111111111111⟧ 5555555555554444",
            "4111111111111111 ⟦5555555555554444⟧",
            "Visa ⟦4111 1111 1111 1111⟧ exp 12 27",
            "No. 1. ⟦4111 1111 1111 1111⟧",
            "⟦4111 1111 1111 1111⟧  2345",
            "⟦4111 1111 1111 1111⟧",
        ] {
            assert!(!inside("credit_card", t), "{t}");
        }
        // A value that starts or ends with a letter continues no digit run.
        assert!(!inside("iban", "Tel 030 1234 ⟦DE89370400440532013000⟧"));
        assert!(!inside("uk_nino", "⟦AB 12 34 56 C⟧ 12"));
    }
}
