//! Telephone number, international (E.164) or national format.
//!
//! International: `+` (or `00`) and a country calling code, then the national
//! significant number (NSN), grouped by spaces, dashes or parentheses; a
//! trunk `(0)` may follow the code where the country dials one
//! (`+49 (0)30 1234 5678`). The NSN must have a length and first digit the
//! country's numbering plan allows (a compact table of about 40 plans, not a
//! full libphonenumber): NANP `+1` 10 digits `NXX NXX XXXX`; UK `+44` 9–10;
//! (9 only in some `1…` areas); DE `+49` 7–11; FR `+33` 9; CH `+41` 9; ES `+34` 9 starting 6–9; CN `+86`
//! mobile `1[3-9]` + 9 digits, landline 10–11; IN `+91` 10; …
//!
//! An international number is a phone on its own: `+` and a calling code
//! (grouped or one run, `+14155552671`), or `00` and a calling code in
//! groups (`0049 30 8296 8397`), with a national number its plan allows, is
//! medium without a context word — in brackets or quotes as anywhere
//! ([`Evidence::Strong`]). `00…` written as one bare run is weak.
//!
//! National: only shapes that are phone-like by their grouping — NANP
//! `(415) 555-2671` / `415-555-2671` (3-3-4); a trunk `0` then an area code
//! group and a subscriber number that does not start with 0 (`020 7946 0018`,
//! `030 12345678`, `(030) 1234567`), French pairs `01 23 45 67 89`; Chinese
//! mobiles `138 0013 8000` (3-4-4); Indian mobiles `98765 43210` (5-5);
//! Spanish `912 345 678` (3-3-3); US numbers with dots `415.555.2671`. These
//! are low alone (a grouped number can be a price or a count), medium next to
//! a word such as "phone", "Tel.", "Handy", "电话", "手机".
//!
//! One bare run of digits is never reported without such a word (eleven
//! digits are also IDs, PESELs, order numbers). After one (a label: the word
//! before the run), a run that is a mobile number of a plan whose mobiles
//! have a prefix of their own is as good as a grouped number, medium
//! ([`Evidence::Labelled`]): Chinese mobiles `1[3-9]` + 9 digits, the way
//! they are written (`电话 16076910180`, `"phone": "15455652026"`), UK `07…`,
//! German `015…`–`017…`, French `06`/`07`, Indian `[6-9]` + 9 and Spanish
//! `6`/`7` + 8 digits. Any other run (`Handy 4155552671`, a landline
//! `02079460018`) is low; so is a mobile run whose phone word only follows
//! it (a closing "有问题再联系", "call me") or that has an everyday-reference
//! word near it too ("Kundennummer 19239278579", "订单号").
//!
//! Numbers reserved for fiction in the NANP (555-0100 – 555-0199) are never
//! reported; no-number shapes such as dates, prices, versions, ISBNs and
//! order numbers fail the plans or the grouping, and "order", "invoice",
//! "ID" nearby drop a finding. Phone has the lowest priority, so a card,
//! IBAN or ID number claiming the same digits wins.
//! Spec: ITU-T E.164 and the ITU national numbering plan notifications
//! (e.g. Ofcom National Telephone Numbering Plan, BNetzA Ortsnetzkennzahlen,
//! NANPA, ARCEP, MIIT). Not looked for: numbers without an area code
//! (`555-2671`).
//!
//! ```
//! use draftguard::detectors::phone::validate;
//! assert!(validate("+44 20 7946 0018").is_ok());
//! assert!(validate("+44 20 7946 001").is_err()); // 9-digit London number
//! ```
use super::{
    shape, Category, Confidence, Detector, Evidence, Invalid, L10n, Prefilter, Scoring, Valid,
    Words,
};
use crate::finding::{Format, Reason};

/// The phone number detector.
pub const DETECTOR: Detector = Detector {
    kind: "phone",
    category: Category::Contact,
    locales: &[],
    name: L10n {
        en: "Phone number",
        de: "Telefonnummer",
        zh: "电话号码",
    },
    label: L10n {
        en: "PHONE",
        de: "TELEFON",
        zh: "电话",
    },
    checks: "Numbering-plan length and prefixes of about 40 countries; +/00 international numbers medium alone, national groupings low alone, one bare run only next to a phone word (medium if a mobile of its plan)",
    // After `+CC` or `(area)` any grouping; otherwise only the national shapes
    // `validate` accepts (FR pairs, trunk 0 + area code, NANP, CN, IN, ES, or
    // one bare run), so dates, times and "1 1 1 1 …" never reach `validate`.
    #[cfg(not(target_family = "wasm"))]
    pattern: concat!(
        r"(?:(?:\+[1-9][0-9]{0,2}[ -]?(?:\(0\)[ -]?)?(?:\([0-9]{1,5}\)[ -]?)?|\([0-9]{2,5}\)[ -]?)",
        r"(?:[0-9]{1,6}(?:[ -][0-9]{2,8}){1,4}|[0-9]{5,15})",
        r"|\b(?:0[1-9](?:[ -][0-9]{2}){4}|0[1-9][0-9]{1,4}(?:[ -][0-9]{2,8}){1,4}|00[1-9][0-9]{0,2}(?:[ -][0-9]{1,8}){1,5}",
        r"|1[ -][2-9][0-9]{2}[ -][0-9]{3}[ -][0-9]{4}|[2-9][0-9]{2}(?:[ -][0-9]{2,4}){1,3}|1[3-9][0-9](?:[ -][0-9]{4}){2}",
        r"|[6-9][0-9]{4}[ -][0-9]{5}|(?:1\.)?[2-9][0-9]{2}\.[0-9]{3}\.[0-9]{4}|[0-9]{5,15}))\b",
    ),
    // A dotted US number's largest digit cluster is its last four digits.
    prefilter: Prefilter::Digits(4),
    context: Words {
        en: words![
            "phone",
            "phone number",
            "phone no",
            "tel",
            "telephone",
            "mobile",
            "mobile number",
            "cell",
            "cellphone",
            "call",
            "call me",
            "text me",
            "sms",
            "whatsapp",
            "signal",
            "fax",
            "landline",
            "hotline",
            "reach me",
            "dial",
            "contact",
            "my number",
            "cell number",
        ],
        de: words![
            "telefon",
            "telefonnummer",
            "tel",
            "handy",
            "handynummer",
            "mobil",
            "mobilnummer",
            "mobiltelefon",
            "festnetz",
            "rufnummer",
            "anrufen",
            "ruf mich an",
            "erreichbar",
            "fax",
            "durchwahl",
            "kontakt",
            "meine nummer",
            "telefonnr",
        ],
        zh: words![
            "电话",
            "手机",
            "联系方式",
            "联系电话",
            "手机号",
            "电话号码",
            "座机",
            "致电",
            "微信",
            "打给我",
            "联系",
            "我的号码",
        ],
    },
    negative_context: super::common::NOT_SENSITIVE,
    scoring: Scoring {
        alone: Some(Confidence::Low),
        with_context: Confidence::Medium,
    },
    priority: 10,
    keep_last: 2,
    keep_leading_letters: 0,
    preview: None,
    validate,
    by_group: None,
};

/// A country's numbering plan, as far as a draft needs it.
struct Plan {
    /// Country calling code.
    cc: &'static str,
    /// Lengths of the national significant number.
    nsn: std::ops::RangeInclusive<usize>,
    /// Digits an NSN may start with.
    first: &'static [u8],
    /// The country dials a trunk `0` nationally, so `+CC (0)…` is customary.
    trunk0: bool,
}

const fn plan(
    cc: &'static str,
    nsn: std::ops::RangeInclusive<usize>,
    first: &'static [u8],
    trunk0: bool,
) -> Plan {
    Plan {
        cc,
        nsn,
        first,
        trunk0,
    }
}

const ANY: &[u8] = b"123456789";

/// Calling codes are prefix-free, so at most one entry fits a number.
const PLANS: &[Plan] = &[
    plan("1", 10..=10, b"23456789", false), // NANP
    plan("7", 10..=10, b"3489", true),      // RU, KZ
    plan("20", 8..=10, ANY, true),          // EG
    plan("27", 9..=9, ANY, true),           // ZA
    plan("30", 10..=10, b"2689", false),    // GR
    plan("31", 9..=9, ANY, true),           // NL
    plan("32", 8..=9, ANY, true),           // BE
    plan("33", 9..=9, ANY, true),           // FR
    plan("34", 9..=9, b"6789", false),      // ES
    plan("36", 8..=9, ANY, true),           // HU
    plan("39", 6..=11, b"03", false),       // IT (landlines keep their 0)
    plan("40", 9..=9, b"237", true),        // RO
    plan("41", 9..=9, ANY, true),           // CH
    plan("43", 7..=13, ANY, true),          // AT
    plan("44", 9..=10, b"123789", true),    // UK
    plan("45", 8..=8, ANY, false),          // DK
    plan("46", 7..=9, ANY, true),           // SE
    plan("47", 8..=8, ANY, false),          // NO
    plan("48", 9..=9, ANY, false),          // PL
    plan("49", 7..=11, ANY, true),          // DE
    plan("52", 10..=10, ANY, false),        // MX
    plan("55", 10..=11, ANY, true),         // BR
    plan("60", 8..=10, ANY, true),          // MY
    plan("61", 9..=9, b"23478", true),      // AU
    plan("62", 8..=12, ANY, true),          // ID
    plan("63", 8..=10, ANY, true),          // PH
    plan("64", 8..=10, ANY, true),          // NZ
    plan("65", 8..=8, b"3689", false),      // SG
    plan("66", 8..=9, ANY, true),           // TH
    plan("81", 9..=10, ANY, true),          // JP
    plan("82", 8..=10, ANY, true),          // KR
    plan("84", 9..=10, ANY, true),          // VN
    plan("86", 10..=11, ANY, true),         // CN
    plan("90", 10..=10, b"2358", true),     // TR
    plan("91", 10..=10, ANY, true),         // IN
    plan("351", 9..=9, b"29", false),       // PT
    plan("352", 6..=11, ANY, false),        // LU
    plan("353", 7..=9, ANY, true),          // IE
    plan("358", 6..=10, ANY, true),         // FI
    plan("420", 9..=9, ANY, false),         // CZ
    plan("852", 8..=8, b"2345679", false),  // HK
    plan("886", 8..=9, ANY, true),          // TW
    plan("971", 8..=9, ANY, true),          // AE
    plan("972", 8..=9, ANY, true),          // IL
];

/// A candidate split into its parts.
struct Parts {
    plus: bool,
    /// Groups joined by dots (`415.555.2671`).
    dotted: bool,
    /// `(0)` after the country code.
    trunk_marker: bool,
    /// Digit groups; `true` if written in parentheses.
    groups: Vec<(String, bool)>,
}

fn parse(candidate: &str) -> Result<Parts, Invalid> {
    let mut parts = Parts {
        plus: false,
        dotted: false,
        trunk_marker: false,
        groups: Vec::new(),
    };
    let mut cur = String::new();
    let mut in_paren = false;
    let flush = |cur: &mut String, paren: bool, groups: &mut Vec<(String, bool)>| {
        if !cur.is_empty() {
            groups.push((std::mem::take(cur), paren));
        }
    };
    for (i, b) in candidate.bytes().enumerate() {
        match b {
            b'+' if i == 0 => parts.plus = true,
            b'0'..=b'9' => cur.push(b as char),
            b'(' if !in_paren => {
                flush(&mut cur, false, &mut parts.groups);
                in_paren = true;
            }
            b')' if in_paren => {
                in_paren = false;
                if cur == "0" && parts.plus && parts.groups.len() == 1 {
                    parts.trunk_marker = true;
                    cur.clear();
                } else {
                    flush(&mut cur, true, &mut parts.groups);
                }
            }
            b' ' | b'-' if !in_paren => flush(&mut cur, false, &mut parts.groups),
            // Dots join plain digit groups only: no `+`, space, dash or parenthesis.
            b'.' if !cur.is_empty() && !candidate.bytes().any(|c| b"+ -()".contains(&c)) => {
                parts.dotted = true;
                flush(&mut cur, false, &mut parts.groups);
            }
            _ => return Err(Invalid::Format),
        }
    }
    if in_paren {
        return Err(Invalid::Format);
    }
    flush(&mut cur, false, &mut parts.groups);
    if parts.groups.is_empty() || parts.groups.len() > 7 {
        return Err(Invalid::Format);
    }
    Ok(parts)
}

/// Returns the number in E.164-like compact form (national numbers as
/// written) if `candidate` fits a numbering plan in a phone-like shape.
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let parts = parse(candidate)?;
    let digits: String = parts.groups.iter().map(|(g, _)| g.as_str()).collect();
    if shape::all_same(&digits) {
        return Err(Invalid::Component);
    }
    let international = parts.plus || digits.starts_with("00");
    if international {
        let rest = if parts.plus {
            &digits[..]
        } else {
            &digits[2..]
        };
        let (plan, nsn) = PLANS
            .iter()
            .find_map(|p| rest.strip_prefix(p.cc).map(|nsn| (p, nsn)))
            .ok_or(Invalid::Component)?;
        if parts.trunk_marker && !plan.trunk0 {
            return Err(Invalid::Format);
        }
        if !plan.nsn.contains(&nsn.len()) {
            return Err(Invalid::Length);
        }
        if !plan.first.contains(&nsn.as_bytes()[0]) || !national_rules(plan.cc, nsn) {
            return Err(Invalid::Component);
        }
        return Ok(Valid {
            compact: format!("+{}{nsn}", plan.cc),
            reasons: vec![
                Reason::Format(Format::PhonePlan),
                Reason::Format(Format::International),
            ],
            // "0049…" written as one bare run is too easily something else.
            weak: !parts.plus && parts.groups.len() == 1,
            // A calling code and a national number its plan allows, after
            // `+` or grouped after `00`: nothing else is written that way.
            evidence: Evidence::Strong,
        });
    }
    if parts.trunk_marker {
        return Err(Invalid::Format);
    }
    let groups: Vec<usize> = parts.groups.iter().map(|(g, _)| g.len()).collect();
    let bare = groups.len() == 1;
    let reason = national(&digits, &groups, parts.groups[0].1).ok_or(Invalid::Format)?;
    // Dots: the US style only (415.555.2671, 1.415.555.2671).
    if parts.dotted && reason != Format::Nanp {
        return Err(Invalid::Format);
    }
    // One bare run: a mobile of its plan after a phone word is as good as a
    // grouped number; any other run stays weak.
    let mobile = bare && bare_mobile(&digits);
    Ok(Valid {
        compact: digits,
        reasons: vec![Reason::Format(Format::PhonePlan), Reason::Format(reason)],
        weak: bare && !mobile,
        evidence: if mobile {
            Evidence::Labelled
        } else {
            Evidence::Plain
        },
    })
}

/// `true` if national `digits` written as one run are a mobile number of a
/// plan whose mobiles have a prefix of their own: CN `1[3-9]` + 9 digits; UK
/// `07[1-57-9]` + 8 (not 070 personal numbers or 076 pagers); DE
/// `01[5-7]` + 8–9; FR `0[67]` + 8; IN `[6-9]` + 9; ES `[67]` + 8.
fn bare_mobile(digits: &str) -> bool {
    let b = digits.as_bytes();
    let in_range = |i: usize, lo: u8, hi: u8| b.get(i).is_some_and(|c| (lo..=hi).contains(c));
    match b.len() {
        11 if b[0] == b'1' => in_range(1, b'3', b'9'),
        11 if digits.starts_with("07") => in_range(2, b'1', b'9') && b[2] != b'6',
        11 | 12 if digits.starts_with("01") => in_range(2, b'5', b'7'),
        10 if b[0] == b'0' => in_range(1, b'6', b'7'),
        10 => in_range(0, b'6', b'9'),
        9 => in_range(0, b'6', b'7'),
        _ => false,
    }
}

/// Extra rules of a few plans on the NSN.
fn national_rules(cc: &str, nsn: &str) -> bool {
    let b = nsn.as_bytes();
    match cc {
        "1" => nanp(nsn),
        // Mobiles 1[3-9] + 9 digits; Beijing 10 + 8; other areas never start with 1.
        "86" => match b[0] {
            b'1' => (nsn.len() == 11 && (b'3'..=b'9').contains(&b[1])) || nsn.starts_with("10"),
            _ => true,
        },
        // UK: 10 digits, except a few 01… areas with 9.
        "44" => b[0] == b'1' || nsn.len() == 10,
        _ => true,
    }
}

/// NANP `NPA NXX XXXX`: area code and exchange start 2–9; 555-0100…0199 is fictional.
fn nanp(nsn: &str) -> bool {
    let b = nsn.as_bytes();
    nsn.len() == 10
        && (b'2'..=b'9').contains(&b[0])
        && (b'2'..=b'9').contains(&b[3])
        && !(&nsn[3..6] == "555" && &nsn[6..8] == "01")
}

/// Whether national `digits` grouped as `groups` are a phone-like shape, and which.
fn national(digits: &str, groups: &[usize], first_in_parens: bool) -> Option<Format> {
    let b = digits.as_bytes();
    let bare = groups.len() == 1;
    let n = digits.len();
    // NANP: (415) 555-2671, 415-555-2671, 1-415-555-2671.
    let nsn = if n == 11 && b[0] == b'1' {
        &digits[1..]
    } else {
        digits
    };
    // Chinese mobile written as one run: 13800138000 (before NANP's 1 + 10 digits:
    // "14155552671" reads as both; one run is weak either way).
    if bare && n == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1]) {
        return Some(Format::CnMobile);
    }
    let nanp_grouping = bare || groups.ends_with(&[3, 3, 4]);
    if nsn.len() == 10 && nanp(nsn) && nanp_grouping {
        return Some(Format::Nanp);
    }
    if first_in_parens && !(b[0] == b'0' || groups[0] == 3) {
        return None;
    }
    // Chinese mobile: 138 0013 8000.
    if n == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1]) && (bare || groups == [3, 4, 4]) {
        return Some(Format::CnMobile);
    }
    // Indian mobile: 98765 43210.
    if n == 10 && (b'6'..=b'9').contains(&b[0]) && (bare || groups == [5, 5]) {
        return Some(Format::InMobile);
    }
    // Spanish: 912 345 678, 612 34 56 78.
    if n == 9
        && (b'6'..=b'9').contains(&b[0])
        && (bare || groups == [3, 3, 3] || groups == [3, 2, 2, 2])
    {
        return Some(Format::Es);
    }
    // A trunk 0, an area code group, a subscriber number (UK, DE, FR, CH, IN, CN landlines).
    if b[0] == b'0' && b[1] != b'0' && (10..=12).contains(&n) {
        if bare {
            return Some(Format::Trunk0);
        }
        if n == 10 && groups == [2, 2, 2, 2, 2] {
            return Some(Format::Fr);
        }
        let area_ok = (3..=6).contains(&groups[0]);
        let subscriber_starts = b[groups[0]];
        let rest_ok = groups[1..].iter().all(|&g| g >= 2);
        // A UK mobile's six digits may start with 0 ("07700 090123").
        let uk_mobile = digits.starts_with("07") && groups == [5, 6];
        if area_ok && (subscriber_starts != b'0' || uk_mobile) && rest_ok {
            return Some(Format::Trunk0);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> bool {
        validate(s).is_ok()
    }

    #[test]
    fn international_numbers_of_the_main_plans() {
        for s in [
            "+1 415 555 2671",
            "+1 (415) 555-2671",
            "+14155552671",
            "+44 20 7946 0018",
            "+44 7700 900123",
            "+49 30 12345678",
            "+49 (0)30 1234 5678",
            "+49 151 23456789",
            "+33 1 23 45 67 89",
            "+86 138 0013 8000",
            "+86 10 1234 5678",
            "+91 98765 43210",
            "+41 44 668 18 00",
            "+34 912 345 678",
            "0049 30 12345678",
        ] {
            assert!(ok(s), "{s}");
        }
    }

    #[test]
    fn international_numbers_that_break_their_plan() {
        assert_eq!(validate("+44 20 7946 001"), Err(Invalid::Component));
        assert_eq!(validate("+33 1 23 45 67 8"), Err(Invalid::Length));
        assert_eq!(validate("+34 512 345 678"), Err(Invalid::Component));
        assert_eq!(validate("+86 128 0013 8000"), Err(Invalid::Component));
        assert_eq!(validate("+1 (0)415 555 2671"), Err(Invalid::Format));
        assert_eq!(validate("+1 415 555 0123"), Err(Invalid::Component));
        assert_eq!(validate("+999 1234 5678"), Err(Invalid::Component));
        assert_eq!(validate("+49 030 12345678"), Err(Invalid::Component));
    }

    #[test]
    fn national_shapes() {
        for s in [
            "(415) 555-2671",
            "415-555-2671",
            "1-415-555-2671",
            "020 7946 0018",
            "030 12345678",
            "(030) 1234567",
            "01 23 45 67 89",
            "044 668 18 00",
            "138 0013 8000",
            "98765 43210",
            "912 345 678",
        ] {
            assert!(ok(s), "{s}");
            assert!(!validate(s).unwrap().weak, "{s}");
        }
        assert!(validate("4155552671").unwrap().weak);
        assert!(validate("02079460018").unwrap().weak);
    }

    #[test]
    fn international_numbers_are_strong_evidence() {
        for s in [
            "+1 617 389 2452",
            "+14155552671",
            "0049 30 8296 8397",
            "+44 (0)20 7946 0018",
        ] {
            assert_eq!(validate(s).unwrap().evidence, Evidence::Strong, "{s}");
        }
        // One bare 00 run stays weak; national groupings are plain.
        assert!(validate("00493082968397").unwrap().weak);
        assert_eq!(
            validate("(415) 555-2671").unwrap().evidence,
            Evidence::Plain
        );
    }

    #[test]
    fn a_bare_run_is_labelled_only_if_it_is_a_mobile_of_its_plan() {
        for s in [
            "19589310171",  // CN
            "07700900123",  // UK
            "015123456789", // DE
            "01761234567",  // DE
            "0612345678",   // FR
            "9876543210",   // IN
            "612345678",    // ES
        ] {
            let v = validate(s).unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!((v.weak, v.evidence), (false, Evidence::Labelled), "{s}");
        }
        for s in [
            "4155552671",  // NANP: no mobile prefix of its own
            "02079460018", // UK landline
            "07012345678", // UK personal number
            "07612345678", // UK pager
            "0301234567",  // DE landline
            "0112345678",  // FR landline
            "912345678",   // ES landline
        ] {
            let v = validate(s).unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!((v.weak, v.evidence), (true, Evidence::Plain), "{s}");
        }
    }

    #[test]
    fn chinese_mobiles_dotted_us_numbers_and_uk_mobiles() {
        // A bare Chinese mobile is one (not 1 + a NANP number), reported only after a label.
        let cn = validate("13800138000").unwrap();
        assert_eq!((cn.weak, cn.evidence), (false, Evidence::Labelled));
        assert_eq!(cn.reasons, ["phone_plan", "cn_mobile"]);
        assert!(validate("+8613800138000").is_ok());
        assert!(validate("+86 13800138000").is_ok());
        assert_eq!(validate("12125552671").map(|v| v.weak), Ok(true)); // 1 + NANP, not CN
        for s in ["415.555.2671", "1.415.555.2671"] {
            let v = validate(s).unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!(v.reasons, ["phone_plan", "nanp"], "{s}");
            assert!(!v.weak, "{s}");
        }
        for s in [
            "415.555.0123",
            "01.23.45.67.89",
            "415.555-2671",
            "+1.415.555.2671",
            "41.5555.2671",
        ] {
            assert!(validate(s).is_err(), "{s}");
        }
        assert!(validate("07700 090123").is_ok());
        assert!(validate("0207 090 123").is_err());
    }

    #[test]
    fn numbers_that_are_not_phones() {
        for s in [
            "1-800-555-0199", // fictional
            "2024-11-24",
            "4411-2039-7781",
            "1234 5678 9012",
            "978-3-16-148410-0",
            "536-22-8726",
            "1700000000",
            "0532 0130 00",
            "1002934857",
            "4111 1111 1111 1111",
        ] {
            assert!(!ok(s), "{s}");
        }
    }
}
