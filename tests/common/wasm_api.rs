// Tests of the wasm-bindgen API in a real JS engine, shared by
// tests/wasm_node.rs and tests/wasm_browser.rs via include!. They call the
// exported binding functions and read the results with JS operations, so
// UTF-16 offsets are checked with JS's own `String.prototype.slice`.

use draftguard::bindings::{kinds, Guard};
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
