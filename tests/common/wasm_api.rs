// Tests of the wasm-bindgen API in a real JS engine, shared by
// tests/wasm_node.rs and tests/wasm_browser.rs via include!. They call the
// exported binding functions and read the results with JS operations, so
// UTF-16 offsets are checked with JS's own `String.prototype.slice`.

use draftguard::bindings::{kinds, Guard, LiveScan};
use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}

fn string(v: &JsValue, key: &str) -> String {
    get(v, key).as_string().unwrap_or_else(|| panic!("{key} is not a string"))
}

fn number(v: &JsValue, key: &str) -> u32 {
    get(v, key).as_f64().unwrap_or_else(|| panic!("{key} is not a number")) as u32
}

fn options<T: JsCast>(json: &str) -> T {
    js_sys::JSON::parse(json).unwrap().unchecked_into()
}

fn findings(guard: &Guard, text: &str) -> Vec<JsValue> {
    let v = guard.scan(text.into()).map_err(JsValue::from).unwrap();
    assert!(Array::is_array(&v));
    Array::from(&v).iter().collect()
}

fn error_message(r: Result<impl Sized, wasm_bindgen::JsError>) -> String {
    let e: JsValue = r.err().map(JsValue::from).expect("expected an error");
    assert!(e.is_instance_of::<js_sys::Error>(), "errors are JS Error objects");
    string(&e, "message")
}

#[wasm_bindgen_test]
fn scan_returns_plain_objects_with_utf16_offsets() {
    let guard = Guard::new(None).unwrap();
    let text = "😀 卡号：４１１１ １１１１ １１１１ １１１１, IBAN DE89 3704 0044 0532 0130 00 🎉";
    let js_text = JsString::from(text);
    let found = findings(&guard, text);
    assert_eq!(found.len(), 2);
    let card = &found[0];
    assert_eq!(string(card, "kind"), "credit_card");
    assert_eq!(string(card, "category"), "financial");
    assert_eq!(string(card, "confidence"), "high");
    assert_eq!(string(card, "preview"), "•••• •••• •••• １１１１");
    assert!(get(card, "value").is_undefined(), "no raw value by default");
    let slice = js_text.slice(number(card, "start"), number(card, "end"));
    assert_eq!(String::from(slice), "４１１１ １１１１ １１１１ １１１１");
    let reasons: Vec<String> = Array::from(&get(card, "reasons")).iter().map(|r| r.as_string().unwrap()).collect();
    assert_eq!(reasons, ["luhn", "issuer:visa", "context:卡号"]);
    let iban = &found[1];
    assert_eq!(string(iban, "kind"), "iban");
    assert_eq!(String::from(js_text.slice(number(iban, "start"), number(iban, "end"))), "DE89 3704 0044 0532 0130 00");
    assert_eq!(Object::keys(card.unchecked_ref::<Object>()).length(), 7);
}

#[wasm_bindgen_test]
fn redact_replaces_values_and_reports_original_offsets() {
    let guard = Guard::new(Some(JsValue::NULL.unchecked_into())).unwrap();
    let text = "Karte 4111 1111 1111 1111 und SSN 536-22-8726";
    let r = guard.redact(text.into(), Some(options(r#"{"locale":"de-DE"}"#))).map_err(JsValue::from).unwrap();
    assert_eq!(string(&r, "text"), "Karte [KREDITKARTE] und SSN [SSN]");
    let f = Array::from(&get(&r, "findings")).get(0);
    assert_eq!((number(&f, "start"), number(&f, "end")), (6, 25));
    let masked = guard.redact(text.into(), Some(options(r#"{"style":"mask","maskChar":"*"}"#))).map_err(JsValue::from).unwrap();
    assert_eq!(string(&masked, "text"), "Karte **** **** **** 1111 und SSN ***-**-8726");
}

#[wasm_bindgen_test]
fn options_are_validated_with_clear_errors() {
    let msg = error_message(Guard::new(Some(options(r#"{"minConfidense":"high"}"#))));
    assert!(msg.contains("unknown option \"minConfidense\""), "{msg}");
    let msg = error_message(Guard::new(Some(options(r#"{"kinds":["visa"]}"#))));
    assert!(msg.contains("unknown kind \"visa\"") && msg.contains("credit_card"), "{msg}");
    let msg = error_message(Guard::new(Some(options(r#"{"maxInputBytes":-5}"#))));
    assert!(msg.contains("maxInputBytes"), "{msg}");
    let msg = error_message(Guard::new(Some(JsValue::from_str("strict").unchecked_into())));
    assert!(msg.contains("expected an object"), "{msg}");
    let guard = Guard::new(None).unwrap();
    let msg = error_message(guard.redact("x".into(), Some(options(r#"{"style":"bold"}"#))));
    assert!(msg.contains("style"), "{msg}");
    let small = Guard::new(Some(options(r#"{"maxInputBytes":8}"#))).unwrap();
    let msg = error_message(small.scan("123456789".into()));
    assert!(msg.contains("too large"), "{msg}");
}

#[wasm_bindgen_test]
fn options_change_what_is_reported() {
    let text = "card 4111111111111111, account number 12345678";
    let all = Guard::new(None).unwrap();
    assert_eq!(findings(&all, text).len(), 2);
    let sure = Guard::new(Some(options(r#"{"minConfidence":"medium","includeValue":true}"#))).unwrap();
    let f = findings(&sure, text);
    assert_eq!(f.len(), 1);
    assert_eq!(string(&f[0], "value"), "4111111111111111");
    let allow = Guard::new(Some(options(r#"{"allowlist":["4111 1111 1111 1111"],"categories":["financial"]}"#))).unwrap();
    assert_eq!(findings(&allow, text).iter().map(|f| string(f, "kind")).collect::<Vec<_>>(), ["bank_account"]);
}

#[wasm_bindgen_test]
fn kinds_lists_every_detector_in_three_languages() {
    let list = Array::from(&kinds().map_err(JsValue::from).unwrap());
    assert!(list.length() >= 6);
    let card = list.iter().find(|k| string(k, "kind") == "credit_card").unwrap();
    let names = get(&card, "names");
    assert_eq!(string(&names, "de"), "Kreditkartennummer");
    assert_eq!(string(&names, "zh"), "信用卡号");
}

/// JSON of a scan result, to compare two of them.
fn json(v: &JsValue) -> String {
    String::from(js_sys::JSON::stringify(v).unwrap())
}

#[wasm_bindgen_test]
fn a_live_scan_equals_a_full_scan_after_every_edit_in_utf16() {
    let guard = Guard::new(None).unwrap();
    let mut live = LiveScan::new(None).unwrap();
    let start = "😀 卡号：４１１１ １１１１ １１１１ １１１, 👩‍👩‍👧 IBAN DE89 3704 0044 0532 0130 00 🎉\n".repeat(40);
    let mut text = JsString::from(start.as_str());
    // (UTF-16 offset as a fraction of the length, units deleted, inserted):
    // typing, deleting, an emoji, one half of a surrogate pair, paste, undo-like.
    let edits: [(f64, u32, &str); 12] = [
        (0.5, 0, "１"),
        (0.5, 1, ""),
        (0.0, 0, "🎉"),
        (1.0, 0, "card 4111 1111 1111 1111"),
        (0.25, 3, "😀"),
        (0.75, 0, "\u{200B}"),
        (0.1, 20, ""),
        (0.3, 0, "SSN 536-22-8726 "),
        (0.9, 1, "x"),
        (0.6, 0, "😀😀"),
        (0.0, 2, ""),
        (1.0, 1, ""),
    ];
    let check = |live: &mut LiveScan, text: &JsString| {
        let want = guard.scan(text.clone().into()).map_err(JsValue::from).unwrap();
        let got = live.scan(text.clone().into()).map_err(JsValue::from).unwrap();
        assert_eq!(json(&got), json(&want), "{}", String::from(text.clone()));
        // Offsets are JS's: every finding's slice is what a full scan says it is.
        for f in Array::from(&got).iter() {
            assert!(number(&f, "end") <= text.length());
        }
    };
    check(&mut live, &text);
    for (at, delete, insert) in edits {
        let at = (f64::from(text.length()) * at) as u32;
        let end = (at + delete).min(text.length());
        text = text.slice(0, at).concat(&insert.into()).concat(&text.slice(end, text.length()));
        check(&mut live, &text);
    }
    // A lone half of a surrogate pair, then the other half: one emoji.
    let at = text.length() / 2;
    let (head, tail) = (text.slice(0, at), text.slice(at, text.length()));
    let high = JsString::from_char_code1(0xD83D);
    text = head.concat(&high).concat(&tail);
    check(&mut live, &text);
    text = head.concat(&high).concat(&JsString::from_char_code1(0xDE00)).concat(&tail);
    check(&mut live, &text);
}

#[wasm_bindgen_test]
fn a_live_scan_fails_like_scan_and_recovers() {
    let mut live = LiveScan::new(Some(options(r#"{"maxInputBytes":40}"#))).unwrap();
    let msg = error_message(live.scan(JsValue::from_f64(42.0)));
    assert!(msg.contains("text must be a string, got number"), "{msg}");
    assert_eq!(Array::from(&live.scan("SSN 536-22-8726".into()).map_err(JsValue::from).unwrap()).length(), 1);
    let msg = error_message(live.scan("SSN 536-22-8726 and a lot more text than forty bytes".into()));
    assert!(msg.contains("too large"), "{msg}");
    let after = live.scan("card 4111 1111 1111 1111".into()).map_err(JsValue::from).unwrap();
    assert_eq!(string(&Array::from(&after).get(0), "kind"), "credit_card");
    let msg = error_message(LiveScan::new(Some(options(r#"{"kinds":["visa"]}"#))));
    assert!(msg.contains("unknown kind \"visa\""), "{msg}");
}

#[wasm_bindgen_test]
fn options_of_the_wrong_type_name_the_field() {
    // Before: "invalid GuardOptions: invalid type: string \"10\", expected f64".
    let msg = error_message(Guard::new(Some(options(r#"{"maxFindings":"10"}"#))));
    assert_eq!(msg, "invalid GuardOptions: maxFindings must be a number, got string");
    let msg = error_message(Guard::new(Some(options(r#"{"customRules":[{"kind":"emp","pattern":"x","confidence":2}]}"#))));
    assert_eq!(msg, "invalid GuardOptions: customRules[0].confidence must be a string, got number");
    let msg = error_message(LiveScan::new(Some(options(r#"{"categories":["financial",null]}"#))));
    assert_eq!(msg, "invalid GuardOptions: categories[1] must be a string, got null");
}

/// A finding as the binding built it before its flat buffer: a plain object
/// made key by key from the core's finding, its offsets counted in JS.
fn reference(text: &str, f: &draftguard::Finding) -> JsValue {
    let object = Object::new();
    let units = |byte: usize| f64::from(JsString::from(&text[..byte]).length());
    let set = |k: &str, v: JsValue| Reflect::set(&object, &k.into(), &v).unwrap();
    set("kind", f.kind.as_str().into());
    set("category", f.category.as_str().into());
    set("start", units(f.start).into());
    set("end", units(f.end).into());
    set("confidence", f.confidence.as_str().into());
    set("reasons", f.reasons.iter().map(|r| JsValue::from(r.to_string())).collect::<Array>().into());
    set("preview", f.preview.as_str().into());
    if let Some(v) = &f.value {
        set("value", v.as_str().into());
    }
    object.into()
}

#[wasm_bindgen_test]
fn scan_objects_are_the_core_findings_key_by_key() {
    let drafts = [
        include_str!("../drafts/credentials.txt"),
        include_str!("../drafts/financial.txt"),
        include_str!("../drafts/ids-contact-medical.txt"),
        include_str!("../drafts/ids-gov-eu.txt"),
        include_str!("../drafts/ids-gov-world.txt"),
        "👩‍👩‍👧‍👦 信用卡号：４１１１ １１１１ １１１１ １１１１ 🎉 Mitarbeiter EMP-123456",
    ];
    let json_options = r#"{"includeValue":true,"locales":["en","de","zh"],
        "customRules":[{"kind":"employee_id","pattern":"\\bEMP-[0-9]{6}\\b","context":["mitarbeiter"]}]}"#;
    let guard = Guard::new(Some(options(json_options))).unwrap();
    let core = draftguard::Guard::new(draftguard::Options {
        include_value: true,
        locales: Some(vec!["en".into(), "de".into(), "zh".into()]),
        custom_rules: vec![draftguard::CustomRule {
            context: vec!["mitarbeiter".into()],
            ..draftguard::CustomRule::new("employee_id", r"\bEMP-[0-9]{6}\b")
        }],
        ..draftguard::Options::default()
    })
    .unwrap();
    let mut count = 0;
    for text in drafts {
        let want: Array = core.scan(text).unwrap().iter().map(|f| reference(text, f)).collect();
        let got = guard.scan(text.into()).map_err(JsValue::from).unwrap();
        assert_eq!(json(&got), json(&want.clone().into()), "{text}");
        count += want.length();
    }
    assert!(count > 100, "{count} findings");
}
