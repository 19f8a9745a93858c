//! Payment card number (PAN), ISO/IEC 7812.
//!
//! 13–19 digits: an issuer identification number (IIN) prefix, an account
//! number and a Luhn check digit. Written contiguous or grouped by spaces or
//! dashes: 4-4-4-4, 4-4-4-4-3 (19 digits), 4-6-5 (Amex), 4-6-4 (Diners).
//! A candidate is a card only if it passes Luhn *and* its prefix and length
//! fall in a range of a major network (Visa, Mastercard incl. 2221–2720,
//! American Express, Discover, JCB, Diners Club, UnionPay, Maestro) with a
//! length that network issues (Visa 13, 16 or 19 digits: no 18-digit Visa).
//! A Luhn-valid number of 12–19 digits whose prefix is in no known range
//! (a new or private-label issuer) is a card only right after a card word
//! ("card", "Karte", "卡号"): medium, reason `issuer:unknown`; so is a 12-digit
//! Maestro (5018, 5020, 5038, 6304, 6759, 6761–6763). Not an ICCID (89…, the
//! number of a SIM card), a 13-digit 1… (a Unix time in milliseconds) or a
//! stand-in ("1234 5678 9012 …").
//! Never a part of a longer number: groups joined by single spaces are one
//! number ("4111 1111 1111 1111 2345" is an order number, not a card; a
//! trailing 3-digit CVV or an expiry date `12/27` is not part of it).
//! Spec: ISO/IEC 7812-1; the networks' published IIN tables.
//!
//! ```
//! use draftguard::detectors::credit_card::validate;
//! assert_eq!(validate("4111 1111 1111 1111").unwrap().reasons, ["luhn", "issuer:visa"]);
//! assert!(validate("4111 1111 1111 1112").is_err()); // Luhn fails
//! ```
use super::{
    shape, Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words,
};
use crate::checksum::luhn;
use crate::finding::{Checksum, Reason};

/// The credit card detector.
pub const DETECTOR: Detector = Detector {
    kind: "credit_card",
    category: Category::Financial,
    locales: &[],
    name: L10n {
        en: "Credit card number",
        de: "Kreditkartennummer",
        zh: "信用卡号",
    },
    label: L10n {
        en: "CREDIT CARD",
        de: "KREDITKARTE",
        zh: "信用卡号",
    },
    checks: "Luhn check plus issuer range and length of 8 card networks; an unknown issuer (issuer:unknown) or a 12-digit Maestro only next to a card word",
    #[cfg(not(target_family = "wasm"))]
    pattern: r"\b(?:[0-9]{4}(?:[ -][0-9]{4}){2,3}(?:[ -][0-9]{3})?|[0-9]{4}[ -][0-9]{6}[ -][0-9]{4,5}|[0-9]{12,19})\b",
    prefilter: Prefilter::Digits(12),
    context: Words {
        en: words![
            "card",
            "credit card",
            "debit card",
            "card number",
            "card no",
            "cc",
            "visa",
            "mastercard",
            "amex",
            "american express",
            "discover",
            "jcb",
            "diners",
            "unionpay",
            "maestro",
            "pan",
            "cvv",
            "cvc",
            "expiry",
            "exp",
        ],
        de: words![
            "karte",
            "kreditkarte",
            "kreditkartennummer",
            "kartennummer",
            "debitkarte",
            "girocard",
            "ec-karte",
            "bankkarte",
            "ablaufdatum",
            "gültig bis",
            "prüfziffer",
        ],
        zh: words![
            "信用卡",
            "银行卡",
            "卡号",
            "借记卡",
            "储蓄卡",
            "银联",
            "有效期",
            "安全码",
            "这张卡",
            "刷卡",
        ],
    },
    negative_context: super::common::NOT_SENSITIVE,
    scoring: Scoring {
        alone: Some(Confidence::Medium),
        with_context: Confidence::High,
    },
    priority: 90,
    keep_last: 4,
    keep_leading_letters: 0,
    preview: None,
    validate,
    by_group: None,
};

/// A card network and the IIN ranges and lengths it issues.
struct Network {
    /// Reported as `issuer:<id>` ([`Reason::Issuer`]).
    id: &'static str,
    /// Inclusive prefix ranges, compared on as many leading digits as the bounds have.
    ranges: &'static [(u32, u32)],
    /// The lengths it issues (Visa: 13, 16 and 19, never 18).
    lengths: &'static [usize],
}

const NETWORKS: &[Network] = &[
    Network {
        id: "amex",
        ranges: &[(34, 34), (37, 37)],
        lengths: &[15],
    },
    Network {
        id: "diners",
        ranges: &[(300, 305), (36, 36), (38, 39)],
        lengths: &[14, 15, 16, 17, 18, 19],
    },
    Network {
        id: "jcb",
        ranges: &[(3528, 3589)],
        lengths: &[16, 17, 18, 19],
    },
    Network {
        id: "visa",
        ranges: &[(4, 4)],
        lengths: &[13, 16, 19],
    },
    Network {
        id: "mastercard",
        ranges: &[(51, 55), (2221, 2720)],
        lengths: &[16],
    },
    Network {
        id: "discover",
        ranges: &[(6011, 6011), (644, 649), (65, 65), (622126, 622925)],
        lengths: &[16, 17, 18, 19],
    },
    Network {
        id: "unionpay",
        ranges: &[(62, 62), (81, 81)],
        lengths: &[16, 17, 18, 19],
    },
    Network {
        id: "maestro",
        ranges: &[
            (5018, 5018),
            (5020, 5020),
            (5038, 5038),
            (5893, 5893),
            (6304, 6304),
            (6759, 6759),
            (6761, 6763),
        ],
        lengths: &[12, 13, 14, 15, 16, 17, 18, 19],
    },
];

/// The network whose ranges and lengths fit `pan` (ASCII digits), if any.
fn network(pan: &str) -> Option<&'static Network> {
    NETWORKS.iter().find(|n| {
        n.lengths.contains(&pan.len())
            && n.ranges.iter().any(|&(lo, hi)| {
                let width = lo.to_string().len();
                pan[..width]
                    .parse::<u32>()
                    .is_ok_and(|p| (lo..=hi).contains(&p))
            })
    })
}

/// Whether `pan` starts with a prefix of a known network, whatever its length.
fn known_prefix(pan: &str) -> bool {
    NETWORKS.iter().any(|n| {
        n.ranges.iter().any(|&(lo, hi)| {
            let width = lo.to_string().len();
            pan[..width]
                .parse::<u32>()
                .is_ok_and(|p| (lo..=hi).contains(&p))
        })
    })
}

/// Returns the compact digits if `candidate` is a Luhn-valid card number: of
/// a known network (13–19 digits), or weak (reported only next to a card
/// word, one level lower): a 12-digit Maestro, one bare run of 17–19 digits
/// not UnionPay's (grouped it is a card's print; bare it is as often a
/// 64-bit integer), or a number whose prefix is in
/// no known network's ranges (`issuer:unknown`; not a SIM card's ICCID, 89…,
/// nor a 13-digit millisecond timestamp).
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let pan = shape::compact(candidate)?;
    if !pan.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Invalid::Format);
    }
    if !(12..=19).contains(&pan.len()) {
        return Err(Invalid::Length);
    }
    let groups = shape::groups(candidate);
    let grouping_ok = groups.len() == 1
        || matches!(
            groups.as_slice(),
            [4, 4, 4, 4] | [4, 4, 4, 4, 3] | [4, 6, 5] | [4, 6, 4] | [4, 4, 4]
        );
    if !grouping_ok {
        return Err(Invalid::Format);
    }
    if shape::all_same(&pan) {
        return Err(Invalid::Component);
    }
    if !luhn::is_valid(&pan) {
        return Err(Invalid::Checksum);
    }
    if let Some(network) = network(&pan) {
        let reasons = vec![Reason::Checksum(Checksum::Luhn), Reason::Issuer(network.id)];
        // One bare run of 17–19 digits reads as a 64-bit integer (most of
        // them are 19 or 20 digits long: hash constants, IDs in code) one
        // time in ten Luhn-valid: a card only next to a card word — except
        // UnionPay's, whose debit cards are 19 digits, written as one run.
        let long_bare = groups.len() == 1 && pan.len() >= 17 && network.id != "unionpay";
        return Ok(Valid {
            weak: pan.len() == 12 || long_bare,
            evidence: super::Evidence::Plain,
            ..Valid::new(pan, reasons)
        });
    }
    // A 13-digit 1… reads as a Unix time in milliseconds (2001–2033).
    let timestamp = pan.len() == 13 && pan.starts_with('1');
    if known_prefix(&pan) || pan.starts_with("89") || timestamp || shape::is_stand_in_digits(&pan) {
        return Err(Invalid::Component);
    }
    Ok(Valid {
        weak: true,
        evidence: super::Evidence::Plain,
        ..Valid::new(
            pan,
            vec![Reason::Checksum(Checksum::Luhn), Reason::IssuerUnknown],
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brand(s: &str) -> String {
        validate(s).map_or("none".into(), |v| v.reasons[1].to_string())
    }

    #[test]
    fn recognises_every_network_by_its_test_numbers() {
        assert_eq!(brand("4111111111111111"), "issuer:visa");
        assert_eq!(brand("4222222222222"), "issuer:visa");
        assert_eq!(brand("5555555555554444"), "issuer:mastercard");
        assert_eq!(brand("2223003122003222"), "issuer:mastercard");
        assert_eq!(brand("2720992593319364"), "issuer:mastercard");
        assert_eq!(brand("378282246310005"), "issuer:amex");
        assert_eq!(brand("3782 822463 10005"), "issuer:amex");
        assert_eq!(brand("6011111111111117"), "issuer:discover");
        assert_eq!(brand("3530111333300000"), "issuer:jcb");
        assert_eq!(brand("30569309025904"), "issuer:diners");
        assert_eq!(brand("6200000000000005"), "issuer:unionpay");
        assert_eq!(brand("6759649826438453"), "issuer:maestro");
    }

    #[test]
    fn rejects_numbers_outside_every_network() {
        // Luhn-valid, 13 digits from 1…: a millisecond timestamp, not a card.
        let ts = format!("170000000000{}", luhn::check_digit("170000000000").unwrap());
        assert!(luhn::is_valid(&ts));
        assert_eq!(validate(&ts), Err(Invalid::Component));
        // Mastercard 2-series stops at 2720: 2721… is no network's, a card
        // only next to a card word.
        let mc = format!(
            "272100000000000{}",
            luhn::check_digit("272100000000000").unwrap()
        );
        assert!(luhn::is_valid(&mc));
        let unknown = validate(&mc).unwrap();
        assert!(unknown.weak);
        assert_eq!(unknown.reasons, ["luhn", "issuer:unknown"]);
        // Amex is 15 digits only.
        assert_eq!(validate("3782822463100052"), Err(Invalid::Component));
        // Visa issues 13, 16 and 19 digits: an 18-digit 4… is a membership number.
        assert!(luhn::is_valid("411111111111111118"));
        assert_eq!(validate("411111111111111118"), Err(Invalid::Component));
    }

    #[test]
    fn unknown_issuers_and_12_digit_maestro_are_weak() {
        // Luhn-valid, prefixes of no known network (UATP 1…, petroleum 7…, national 9…).
        for pan in [
            "7000 1234 5678 9010",
            "100012345678902",
            "9912345678901234561",
        ] {
            let v = validate(pan).unwrap_or_else(|e| panic!("{pan}: {e}"));
            assert!(v.weak, "{pan}");
            assert_eq!(v.reasons, ["luhn", "issuer:unknown"], "{pan}");
        }
        let maestro = validate("5018 0000 1239").unwrap();
        assert!(maestro.weak);
        assert_eq!(maestro.reasons, ["luhn", "issuer:maestro"]);
        assert!(!validate("4111 1111 1111 1111").unwrap().weak);
        // 12 digits of another network, an ICCID, a stand-in: no card.
        let visa12 = format!("41111111111{}", luhn::check_digit("41111111111").unwrap());
        assert_eq!(validate(&visa12), Err(Invalid::Component));
        assert_eq!(validate("8949020000123456788"), Err(Invalid::Component));
        assert_eq!(validate("1234 5678 9012"), Err(Invalid::Checksum));
    }

    #[test]
    fn rejects_bad_grouping_and_mixed_separators() {
        assert_eq!(validate("411 1111 1111 11111"), Err(Invalid::Format));
        assert_eq!(validate("4111 1111-1111 1111"), Err(Invalid::Format));
        assert_eq!(validate("4111111111111112"), Err(Invalid::Checksum));
        assert_eq!(validate("0000000000000000"), Err(Invalid::Component));
    }
}
