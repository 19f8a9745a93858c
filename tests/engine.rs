//! Engine behaviour a user of the Rust API would notice.
#![cfg(not(target_arch = "wasm32"))]

use draftguard::{Category, Confidence, Guard, Locale, Options, RedactOptions, ScanError, Style};

const CARD: &str = "4111 1111 1111 1111";
const IBAN: &str = "DE89 3704 0044 0532 0130 00";

fn kinds(guard: &Guard, text: &str) -> Vec<String> {
    guard
        .scan(text)
        .unwrap()
        .iter()
        .map(|f| f.kind.to_string())
        .collect()
}

#[test]
fn finds_every_financial_kind_in_one_draft() {
    let text = format!(
        "Card {CARD}, IBAN {IBAN}, SSN 536-22-8726, ITIN 912-70-1234, routing number 021000021, account number 12345678."
    );
    assert_eq!(
        kinds(&Guard::default(), &text),
        [
            "credit_card",
            "iban",
            "us_ssn",
            "us_itin",
            "us_aba_routing",
            "bank_account"
        ]
    );
}

#[test]
fn overlapping_candidates_resolve_to_the_best_kind() {
    // Also a 9-digit candidate for bank_account and us_ssn; the routing number wins.
    let g = Guard::default();
    let f = g
        .scan("routing number and account number: 021000021")
        .unwrap();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].kind, "us_aba_routing");
    // The IBAN wins over the bank account label right before it.
    assert_eq!(kinds(&g, &format!("Kontonummer {IBAN}")), ["iban"]);
}

/// Issue 14 item 8, the label wins (src/scan/resolve.rs has the rule): one
/// value that validates as several kinds is reported as the kind its label
/// names, for every pair of kinds whose shapes overlap.
#[test]
fn the_label_wins_for_every_pair_of_overlapping_kinds() {
    // 712354141: a Luhn-valid SIN, a valid SSN, an 11-proef BSN, an ABA routing
    // number (prefix 71, check digit), a US and a UK passport shape.
    // 54652958307: a PESEL, a Steuer-ID and a CPF. C73829104: a US passport
    // shape and a German ID card / passport serial. 943 476 5919: an NHS
    // number and a phone number.
    let cases = [
        ("SIN 712 354 141", "712 354 141", "ca_sin"),
        (
            "Canadian social insurance number 712 354 141",
            "712 354 141",
            "ca_sin",
        ),
        (
            "kanadische Sozialversicherungsnummer (SIN): 712354141",
            "712354141",
            "ca_sin",
        ),
        ("加拿大社会保险号：712354141", "712354141", "ca_sin"),
        ("SSN 712-35-4141", "712-35-4141", "us_ssn"),
        (
            "meine US-Sozialversicherungsnummer: 712-35-4141",
            "712-35-4141",
            "us_ssn",
        ),
        ("BSN 712354141", "712354141", "nl_bsn"),
        (
            "niederländische Sozialversicherungsnummer 712354141",
            "712354141",
            "nl_bsn",
        ),
        ("routing number 712354141", "712354141", "us_aba_routing"),
        ("US passport number 712354141", "712354141", "us_passport"),
        (
            "amerikanischer Reisepass: 712354141",
            "712354141",
            "us_passport",
        ),
        (
            "UK passport number 712354141",
            "712354141",
            "passport_number",
        ),
        ("PESEL 54652958307", "54652958307", "pl_pesel"),
        ("polnische PESEL 54652958307", "54652958307", "pl_pesel"),
        ("Steuer-ID 54652958307", "54652958307", "de_tax_id"),
        ("德国税号 54652958307", "54652958307", "de_tax_id"),
        ("CPF 546.529.583-07", "546.529.583-07", "br_cpf"),
        ("US passport number C73829104", "C73829104", "us_passport"),
        ("U.S. passport no. C73829104", "C73829104", "us_passport"),
        ("我的美国护照号码是C73829104", "C73829104", "us_passport"),
        ("Personalausweis C73829104", "C73829104", "de_id_card"),
        (
            "German passport number C73829104",
            "C73829104",
            "de_id_card",
        ),
        (
            "Chinese passport number G73829104",
            "G73829104",
            "passport_number",
        ),
        ("NHS number 943 476 5919", "943 476 5919", "uk_nhs"),
        ("call me at 943 476 5919", "943 476 5919", "phone"),
        // A catch-all's label does not take a value from a more specific kind.
        (
            "routing number and account number: 712354141",
            "712354141",
            "us_aba_routing",
        ),
    ];
    let g = Guard::default();
    let mut wrong = Vec::new();
    for (text, value, kind) in cases {
        let at = text.find(value).unwrap();
        let found = g.scan(text).unwrap();
        let on_value: Vec<&str> = (found.iter())
            .filter(|f| f.start < at + value.len() && at < f.end)
            .map(|f| &*f.kind)
            .collect();
        if on_value != [kind] {
            wrong.push(format!("{text:?}: want {kind}, got {on_value:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn options_filter_kinds_categories_and_confidence() {
    let text = format!("{CARD} and SSN 536-22-8726 and account number 12345678");
    let only_cards = Guard::new(Options {
        kinds: Some(vec!["credit_card".into()]),
        ..Options::default()
    })
    .unwrap();
    assert_eq!(kinds(&only_cards, &text), ["credit_card"]);
    let no_cards = Guard::new(Options {
        exclude_kinds: vec!["credit_card".into()],
        ..Options::default()
    })
    .unwrap();
    assert_eq!(kinds(&no_cards, &text), ["us_ssn", "bank_account"]);
    let gov = Guard::new(Options {
        categories: Some(vec![Category::GovernmentId]),
        ..Options::default()
    })
    .unwrap();
    assert_eq!(kinds(&gov, &text), ["us_ssn"]);
    let sure = Guard::new(Options {
        min_confidence: Confidence::Medium,
        ..Options::default()
    })
    .unwrap();
    assert_eq!(kinds(&sure, &text), ["credit_card", "us_ssn"]);
}

#[test]
fn invalid_options_are_clear_errors() {
    let e = Guard::new(Options {
        kinds: Some(vec!["creditcard".into()]),
        ..Options::default()
    })
    .unwrap_err();
    assert!(e.to_string().contains("unknown kind \"creditcard\""), "{e}");
    assert!(
        e.to_string().contains("credit_card"),
        "lists the known kinds: {e}"
    );
    assert!(Guard::new(Options {
        max_input_bytes: 0,
        ..Options::default()
    })
    .is_err());
    assert!(Guard::new(Options {
        allowlist: vec![String::new(); 10_001],
        ..Options::default()
    })
    .is_err());
}

#[test]
fn absurd_option_sizes_are_refused_naming_the_field() {
    let err = |o: Options| Guard::new(o).unwrap_err().to_string();
    let e = err(Options {
        custom_rules: (0..101).map(|i| rule(&format!("r{i}"), "x")).collect(),
        ..Options::default()
    });
    assert!(
        e.contains("customRules has 101 entries, at most 100"),
        "{e}"
    );
    let e = err(Options {
        allowlist_patterns: vec!["a+".into(); 1001],
        ..Options::default()
    });
    assert!(e.contains("allowlistPatterns has 1001 entries"), "{e}");
    let e = err(Options {
        allowlist_patterns: vec!["a".repeat(5000)],
        ..Options::default()
    });
    assert!(
        e.contains("allowlistPatterns[0]: must be at most 4096 bytes"),
        "{e}"
    );
    let e = err(Options {
        locales: Some(vec!["en".into(); 101]),
        ..Options::default()
    });
    assert!(e.contains("locales has 101 entries"), "{e}");
    let mut r = rule("emp", "x");
    r.context = vec!["w".into(); 1001];
    let e = err(Options {
        custom_rules: vec![r.clone()],
        ..Options::default()
    });
    assert!(
        e.contains("customRules[0].context: at most 1000 words"),
        "{e}"
    );
    r.context = vec!["w".repeat(101)];
    let e = err(Options {
        custom_rules: vec![r],
        ..Options::default()
    });
    assert!(e.contains("customRules[0].context"), "{e}");
    // At the limits, guards are made.
    assert!(Guard::new(Options {
        custom_rules: (0..100).map(|i| rule(&format!("r{i}"), "x")).collect(),
        allowlist_patterns: vec!["a+".into(); 1000],
        locales: Some(vec!["en".into(); 100]),
        ..Options::default()
    })
    .is_ok());
}

#[test]
fn allowlisted_values_are_not_reported_in_any_spelling() {
    let g = Guard::new(Options {
        allowlist: vec![
            "4111-1111-1111-1111".into(),
            "de89370400440532013000".into(),
        ],
        ..Options::default()
    })
    .unwrap();
    assert!(g.scan(&format!("{CARD} {IBAN}")).unwrap().is_empty());
    assert_eq!(kinds(&g, "5555555555554444"), ["credit_card"]);
}

#[test]
fn raw_values_only_on_request() {
    let text = format!("card {CARD}");
    let f = Guard::default().scan(&text).unwrap();
    assert_eq!(f[0].value, None);
    assert!(!f[0].preview.contains("4111"));
    let with = Guard::new(Options {
        include_value: true,
        ..Options::default()
    })
    .unwrap();
    assert_eq!(with.scan(&text).unwrap()[0].value.as_deref(), Some(CARD));
}

#[test]
fn spans_are_the_value_as_typed_after_emoji_cjk_and_full_width_digits() {
    let g = Guard::default();
    for (text, value) in [
        ("😀🎉 card 4111 1111 1111 1111 ok", "4111 1111 1111 1111"),
        (
            "信用卡号：４１１１ １１１１ １１１１ １１１１。",
            "４１１１ １１１１ １１１１ １１１１",
        ),
        (
            "卡号4111\u{200B}1111\u{200B}1111\u{200B}1111\u{200B}!",
            "4111\u{200B}1111\u{200B}1111\u{200B}1111",
        ),
        (
            "Ｉ Ｂ Ａ Ｎ ＤＥ８９３７０４００４４０５３２０１３０００",
            "ＤＥ８９３７０４００４４０５３２０１３０００",
        ),
    ] {
        let f = g.scan(text).unwrap();
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        assert_eq!(&text[f[0].start..f[0].end], value);
    }
}

#[test]
fn redaction_never_leaves_a_digit_of_a_value_except_the_kept_ones() {
    let g = Guard::default();
    let text = format!("卡号 ４１１１ １１１１ １１１１ １１１１, IBAN {IBAN}, SSN 536-22-8726, routing number 021000021");
    for style in [Style::Label, Style::Mask, Style::Char] {
        let r = g
            .redact(
                &text,
                &RedactOptions {
                    style,
                    ..RedactOptions::default()
                },
            )
            .unwrap();
        assert_eq!(r.findings.len(), 4);
        let digits: String = r.text.chars().filter(|c| c.is_numeric()).collect();
        // The mask keeps the customary last four of each of the four values; the others keep none.
        let kept = if style == Style::Mask { 4 * 4 } else { 0 };
        assert_eq!(digits.chars().count(), kept, "{style:?}: {}", r.text);
    }
    let masked = g
        .redact(
            &text,
            &RedactOptions {
                style: Style::Mask,
                ..RedactOptions::default()
            },
        )
        .unwrap();
    assert!(
        masked.text.contains("•••• •••• •••• １１１１")
            && masked.text.contains("DE•• •••• •••• •••• ••30 00"),
        "{}",
        masked.text
    );
    let r = g
        .redact(&format!("card {CARD}"), &RedactOptions::default())
        .unwrap();
    assert_eq!(r.text, "card [CREDIT CARD]");
    let r = g
        .redact(
            &format!("card {CARD}"),
            &RedactOptions {
                locale: Locale::De,
                ..RedactOptions::default()
            },
        )
        .unwrap();
    assert_eq!(r.text, "card [KREDITKARTE]");
    let r = g
        .redact(
            &format!("card {CARD}"),
            &RedactOptions {
                locale: Locale::Zh,
                style: Style::Label,
                mask_char: '*',
            },
        )
        .unwrap();
    assert_eq!(r.text, "card [信用卡号]");
}

#[test]
fn redaction_is_idempotent() {
    let g = Guard::default();
    for style in [Style::Label, Style::Mask, Style::Char] {
        let opts = RedactOptions {
            style,
            ..RedactOptions::default()
        };
        // Found by the property test: a marker's label was the marker itself.
        let once = g
            .redact(&format!("card {CARD} iban {IBAN} TOP SECRET 秘密"), &opts)
            .unwrap()
            .text;
        let twice = g.redact(&once, &opts).unwrap();
        assert!(twice.findings.is_empty(), "{style:?}: {once}");
        assert_eq!(twice.text, once);
    }
}

#[test]
fn empty_and_oversized_drafts() {
    let g = Guard::default();
    assert!(g.scan("").unwrap().is_empty());
    let small = Guard::new(Options {
        max_input_bytes: 10,
        ..Options::default()
    })
    .unwrap();
    assert_eq!(
        small.scan("12345678901"),
        Err(ScanError::TooLarge {
            bytes: 11,
            limit: 10
        })
    );
    assert!(small.scan("1234567890").is_ok());
}

#[test]
fn adversarial_drafts_finish_and_find_what_is_there() {
    let g = Guard::default();
    let mb = 1 << 20;
    for (name, text) in [
        ("digits", "7".repeat(mb)),
        ("separators", "1 ".repeat(mb / 2)),
        ("dashes", "12-".repeat(mb / 3)),
        ("keywords", "card number IBAN SSN routing ".repeat(mb / 29)),
        ("mixed scripts", "卡号 ４１ Konto 😀 12 ".repeat(mb / 30)),
        ("zero width", "4\u{200B}".repeat(mb / 4)),
        // Keyword floods inside one long run of letters and digits (each hit
        // once walked to the end of the run: quadratic, hours at this size).
        ("jwt keyword flood", "eyJ".repeat(mb / 3)),
        ("aws keyword flood", "AKIA".repeat(mb / 4)),
        ("digit clusters in one word", "123456a".repeat(mb / 7)),
        ("password flood", "password=".repeat(mb / 9)),
        ("pem flood", "-----BEGIN".repeat(mb / 10)),
        ("mrz flood", "<<".repeat(mb / 2)),
        (
            "seed words",
            "abandon ability able about above ".repeat(mb / 33),
        ),
    ] {
        assert!(g.scan(&text).is_ok(), "{name}");
    }
    // A sea of digit groups is searched in linear time. A card joined to it
    // by single spaces is part of one longer number (issue 14, item 11); set
    // apart, it is found, once.
    let sea = |card_sep: &str| {
        format!(
            "{}{card_sep}{CARD}{card_sep}{}",
            "12 ".repeat(100_000),
            " 34".repeat(100_000)
        )
    };
    assert!(kinds(&g, &sea("")).is_empty());
    assert_eq!(kinds(&g, &sea("; ")), ["credit_card"]);
    let many = format!("card {CARD}; ").repeat(10_000);
    assert_eq!(g.scan(&many).unwrap().len(), 10_000);
}

#[test]
fn locales_switch_country_detectors_on_and_off() {
    let de = |kinds: Option<Vec<String>>| {
        Guard::new(Options {
            locales: Some(vec!["de-CH".into()]),
            kinds,
            ..Options::default()
        })
        .unwrap()
    };
    // US identifiers are off for a German-only user; cards and IBANs are everywhere.
    assert_eq!(
        kinds(&de(None), &format!("SSN 536-22-8726, Karte {CARD}")),
        ["credit_card"]
    );
    // Naming a kind switches it on whatever the locales.
    assert_eq!(
        kinds(&de(Some(vec!["us_ssn".into()])), "SSN 536-22-8726"),
        ["us_ssn"]
    );
    // Context words of every language count whatever the locales: a Chinese draft on an English browser.
    let en = Guard::new(Options {
        locales: Some(vec!["en-US".into()]),
        ..Options::default()
    })
    .unwrap();
    assert_eq!(
        en.scan(&format!("卡号 {CARD}")).unwrap()[0].confidence,
        Confidence::High
    );
    let e = Guard::new(Options {
        locales: Some(vec!["deutsch!".into()]),
        ..Options::default()
    })
    .unwrap_err();
    assert!(
        e.to_string().contains("\"deutsch!\" is not a language tag"),
        "{e}"
    );
}

fn rule(kind: &str, pattern: &str) -> draftguard::CustomRule {
    draftguard::CustomRule {
        kind: kind.into(),
        name: Some("Employee ID".into()),
        pattern: pattern.into(),
        validator: None,
        category: Category::Confidential,
        context: vec![],
        context_required: false,
        confidence: Confidence::Medium,
    }
}

#[test]
fn custom_rules_find_validate_redact_and_respect_context() {
    let emp = rule("employee_id", r"\bEMP-[0-9]{6}\b");
    let mut card = rule("gift_card", r"\bGC(?P<value>[0-9]{16})\b");
    card.validator = Some("luhn".into());
    card.context = vec!["Gutschein".into()];
    card.context_required = true;
    let g = Guard::new(Options {
        custom_rules: vec![emp, card],
        ..Options::default()
    })
    .unwrap();
    let text = "Ticket from EMP-123456: Gutschein GC4111111111111111, GC4111111111111112";
    let f = g.scan(text).unwrap();
    let got: Vec<(&str, &str, Confidence)> = f
        .iter()
        .map(|f| (f.kind.as_str(), &text[f.start..f.end], f.confidence))
        .collect();
    // The value group is the span; the Luhn failure is not reported.
    assert_eq!(
        got,
        [
            ("employee_id", "EMP-123456", Confidence::Medium),
            ("gift_card", "4111111111111111", Confidence::High)
        ]
    );
    assert_eq!(f[1].reasons, ["custom_rule", "luhn", "context:gutschein"]);
    let r = g.redact(text, &RedactOptions::default()).unwrap();
    assert_eq!(
        r.text,
        "Ticket from [EMPLOYEE ID]: Gutschein GC[GIFT CARD], GC4111111111111112"
    );
    // Without its context word the gated rule stays silent.
    assert_eq!(kinds(&g, "GC4111111111111111"), Vec::<&str>::new());
    // Custom kinds can be selected and excluded like built-in ones.
    let only = Guard::new(Options {
        custom_rules: vec![rule("employee_id", r"EMP-[0-9]{6}")],
        kinds: Some(vec!["employee_id".into()]),
        ..Options::default()
    })
    .unwrap();
    assert_eq!(kinds(&only, &format!("EMP-123456 {CARD}")), ["employee_id"]);
}

/// Fuzzing found it: a custom rule whose pattern can match the empty string
/// (`a*`, `^`, `\b`, an empty `value` group) made `scan` loop forever.
#[test]
fn custom_rules_that_match_the_empty_string_finish() {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let scan = |pattern: &str, text: &str| -> Vec<String> {
            let g = Guard::new(Options {
                custom_rules: vec![rule("emp", pattern)],
                kinds: Some(vec!["emp".into()]),
                ..Options::default()
            })
            .unwrap();
            g.scan(text)
                .unwrap()
                .iter()
                .map(|f| text[f.start..f.end].to_string())
                .collect()
        };
        let got = (
            scan("a*", "baaab a 卡号"),
            scan("(?P<value>a*)", "baaab"),
            scan("(?P<value>)x|^|$|\\b", "x y"),
        );
        tx.send(got).unwrap();
    });
    let (a, value_group, empty) = rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("scan did not finish");
    assert_eq!(a, ["aaa", "a"]);
    assert_eq!(value_group, ["aaa"]);
    assert!(empty.is_empty(), "{empty:?}");
}

#[test]
fn bad_custom_rules_and_allowlist_patterns_name_the_field() {
    let err = |o: Options| Guard::new(o).unwrap_err().to_string();
    let with = |r: draftguard::CustomRule| Options {
        custom_rules: vec![r],
        ..Options::default()
    };
    assert!(err(with(rule("Employee", "x"))).contains("customRules[0].kind"));
    assert!(err(with(rule("credit_card", "x"))).contains("is a built-in kind"));
    assert!(err(with(rule("emp", "(unclosed"))).contains("customRules[0].pattern"));
    assert!(
        err(with(rule("emp", "a{1000}{1000}"))).contains("customRules[0].pattern"),
        "size limit"
    );
    let mut r = rule("emp", "x");
    r.validator = Some("crc99".into());
    assert!(err(with(r)).contains("customRules[0].validator: unknown validator \"crc99\""));
    let mut r = rule("emp", "x");
    r.context_required = true;
    assert!(err(with(r)).contains("contextRequired"));
    let two = Options {
        custom_rules: vec![rule("emp", "x"), rule("emp", "y")],
        ..Options::default()
    };
    assert!(err(two).contains("used by two rules"));
    let bad = Options {
        allowlist_patterns: vec!["4242".into(), "[".into()],
        ..Options::default()
    };
    assert!(err(bad).contains("allowlistPatterns[1]"));
}

#[test]
fn allowlist_patterns_drop_matching_values_entirely() {
    let g = Guard::new(Options {
        allowlist_patterns: vec![r"4111[ -]?1111[ -]?1111[ -]?1111".into()],
        ..Options::default()
    })
    .unwrap();
    assert!(g.scan(&format!("test card {CARD}")).unwrap().is_empty());
    assert_eq!(kinds(&g, "card 5555 5555 5555 4444"), ["credit_card"]);
    // Anchored: a pattern matching part of a value does not allow it.
    let partial = Guard::new(Options {
        allowlist_patterns: vec!["4111".into()],
        ..Options::default()
    })
    .unwrap();
    assert_eq!(kinds(&partial, &format!("card {CARD}")), ["credit_card"]);
}

/// Issue 12, item 14: an allowlist pattern was anchored by pasting text
/// around it, so `4242)|(.*` compiled and allowlisted everything.
#[test]
fn an_allowlist_pattern_cannot_break_out_of_its_anchors() {
    for bad in [r"4242)|(.*", r".*)|(", r"4242$)|(?:.*", r"x\"] {
        let e = Guard::new(Options {
            allowlist_patterns: vec!["1234".into(), bad.into()],
            ..Options::default()
        })
        .unwrap_err()
        .to_string();
        assert!(e.contains("allowlistPatterns[1]"), "{bad}: {e}");
    }
    // A pattern that is an alternation on its own still has to match the whole value.
    let g = Guard::new(Options {
        allowlist_patterns: vec!["4242|5555.*".into()],
        ..Options::default()
    })
    .unwrap();
    assert_eq!(kinds(&g, &format!("card {CARD}")), ["credit_card"]);
    assert!(kinds(&g, "card 5555 5555 5555 4444").is_empty());
}

/// Issue 12, item 13: thousands of allowlist values and patterns against
/// thousands of findings: one set and one automaton, and exact.
#[test]
fn large_allowlists_stay_exact() {
    // 10,000 card numbers (Luhn-valid, distinct), every second one allowlisted.
    let cards: Vec<String> = (0..10_000u64)
        .map(|i| {
            let body = format!("4{:014}", 100_000_000_000 + i * 7);
            let check = (0..10)
                .find(|d| draftguard::checksum::luhn::is_valid(&format!("{body}{d}")))
                .unwrap();
            format!("{body}{check}")
        })
        .collect();
    let allowlist: Vec<String> = cards.iter().step_by(2).cloned().collect();
    // 1,000 patterns; the last one allows a whole family of test numbers.
    let mut patterns: Vec<String> = (0..999).map(|i| format!("9{i:03}[0-9]{{12}}")).collect();
    patterns.push("4000 ?0000 ?0000 ?[0-9]{4}".into());
    let g = Guard::new(Options {
        allowlist: allowlist[..5_000.min(allowlist.len())].to_vec(),
        allowlist_patterns: patterns,
        kinds: Some(vec!["credit_card".into()]),
        ..Options::default()
    })
    .unwrap();
    let text: String = cards
        .iter()
        .map(|c| format!("card {c}\n"))
        .collect::<String>()
        + "card 4000 0000 0000 0002\n";
    let found = g.scan(&text).unwrap();
    assert_eq!(found.len(), 5_000);
    for f in &found {
        let v = &text[f.start..f.end];
        let i = cards.iter().position(|c| c == v).expect("a listed card");
        assert_eq!(i % 2, 1, "allowlisted card {v} reported");
    }
}

/// Issue 12, item 13: `max_findings` returns the start of the full list,
/// while redaction still replaces every finding.
#[test]
fn max_findings_caps_the_list_not_the_redaction() {
    let text = format!("card {CARD}\n").repeat(50);
    let all = Guard::default().scan(&text).unwrap();
    assert_eq!(all.len(), 50);
    let capped = Guard::new(Options {
        max_findings: Some(7),
        ..Options::default()
    })
    .unwrap();
    assert_eq!(capped.scan(&text).unwrap(), all[..7]);
    let r = capped.redact(&text, &RedactOptions::default()).unwrap();
    assert!(!r.text.contains("4111"), "{}", r.text);
    assert_eq!(r.findings, all[..7]);
    let mut live = draftguard::LiveScan::new(capped.clone());
    assert_eq!(live.update(&text).unwrap(), &all[..7]);
    let shorter = &text[text.len() / 2..];
    assert_eq!(
        live.update(shorter).unwrap(),
        &Guard::default().scan(shorter).unwrap()[..7]
    );
    for bad in [0, draftguard::scan::MAX_FINDINGS_LIMIT + 1] {
        let e = Guard::new(Options {
            max_findings: Some(bad),
            ..Options::default()
        })
        .unwrap_err()
        .to_string();
        assert!(e.contains("maxFindings must be between 1 and"), "{e}");
    }
}

/// An API-key finding's provider and preview come from the row the scan's
/// own match took (its group `p<row>`), not from matching the value again:
/// they must be what the value alone gives.
#[test]
fn api_key_rows_from_the_match_are_the_rows_of_the_value() {
    use draftguard::detectors::api_key;
    use draftguard::Reason;
    let mut texts = vec![std::fs::read_to_string("tests/fixtures/api_key.txt").unwrap()];
    for entry in std::fs::read_dir("tests/drafts").unwrap() {
        texts.push(std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    let g = Guard::default();
    let preview = api_key::DETECTOR.preview.unwrap();
    let mut seen = 0;
    for raw in texts {
        let text = raw
            .replace(['⟦', '⟧'], "")
            .replace("\\n", "\n")
            .replace("\\t", "\t");
        for f in g.scan(&text).unwrap() {
            if f.kind.as_str() != "api_key" {
                continue;
            }
            let value = &text[f.start..f.end];
            let row = api_key::provider(value).expect("a finding's value has a row");
            assert!(
                f.reasons.contains(&Reason::Provider(row.id)),
                "{value}: {:?}",
                f.reasons
            );
            assert_eq!(f.preview, preview(value), "{value}");
            seen += 1;
        }
    }
    assert!(seen >= 50, "{seen} API keys");
}
