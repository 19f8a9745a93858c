//! wasm-bindgen API: `Guard`, `scan`, `redact`, `kinds`, `LiveScan`.
//!
//! Thin on purpose: converts options and results between JS and the core,
//! converts UTF-8 byte offsets to UTF-16 code units, and turns errors into JS
//! `Error`s with clear messages. No detection logic lives here.

use std::sync::Arc;

use js_sys::JsString;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::scan::Engine;
use crate::web::shell::refuse_if_broken;
use crate::{
    offsets, redact, Category, Confidence, CustomRule, Finding, Locale, Options, REGISTRY,
};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** Broad class of sensitive data. */
export type Category = "financial" | "government_id" | "credential" | "medical" | "confidential" | "contact";

/** How sure the guard is that a finding is what its kind says. */
export type Confidence = "high" | "medium" | "low";

/** A supported UI language. BCP 47 tags such as "de-CH" or "zh-Hans" are accepted too. */
export type Locale = "en" | "de" | "zh";

/** Options for `new Guard(options)`. Unknown keys, kinds or categories throw an Error. */
export interface GuardOptions {
  /** Only these kinds (default: all). See `kinds()`. */
  kinds?: string[];
  /** Never these kinds. */
  excludeKinds?: string[];
  /** Only kinds of these categories (default: all). */
  categories?: Category[];
  /**
   * The user's languages as BCP 47 tags. They switch on country-specific detectors (the German
   * tax ID for "de", US SSNs for "en"). Default: in a browser, `navigator.languages`; elsewhere
   * every detector. Kinds named in `kinds` are on whatever the locales. Context words of
   * English, German and Chinese always count, whatever the locales.
   */
  locales?: string[];
  /** Drop findings below this confidence (default "low": report everything). */
  minConfidence?: Confidence;
  /** Values never reported, compared without separators, case-insensitively. */
  allowlist?: string[];
  /** Regular expressions (Rust regex syntax); a finding whose value as typed matches one entirely is dropped. */
  allowlistPatterns?: string[];
  /** Detectors of your own: a pattern, optionally checked by a built-in validator. */
  customRules?: CustomRule[];
  /** Refuse drafts longer than this many UTF-8 bytes (default 16 MiB, at most 256 MiB). */
  maxInputBytes?: number;
  /**
   * Return at most this many findings, the first in text order (default: all; `attach` uses
   * 10,000). Bounds the objects built per finding; `redact` still replaces every finding.
   */
  maxFindings?: number;
  /** Include the raw value in `Finding.value` (default false: masked preview only). */
  includeValue?: boolean;
}

/** One piece of sensitive data in a draft. */
export interface Finding {
  /** Stable snake_case id: "credit_card", "iban", "us_ssn", "us_itin", "us_aba_routing", "bank_account", ... */
  kind: string;
  category: Category;
  /** UTF-16 code units, end exclusive: `text.slice(start, end)` is the value as typed. */
  start: number;
  end: number;
  confidence: Confidence;
  /** Why it was flagged, e.g. ["luhn", "issuer:visa", "context:card"]. */
  reasons: string[];
  /** The value masked, e.g. "•••• •••• •••• 4242". */
  preview: string;
  /** The raw value; only present with `includeValue: true`. */
  value?: string;
}

/** A detector defined by the application. */
export interface CustomRule {
  /** snake_case id, different from every built-in kind, e.g. "employee_id". */
  kind: string;
  /** Rust regex syntax (ASCII mode). A group named `value` — `(?P<value>...)` — is the span. */
  pattern: string;
  /** Plain-language name (default: the kind). */
  name?: string;
  /** "luhn" | "mod97" | "iban" | "aba", or a built-in kind whose check the value must pass. */
  validator?: string;
  /** Default "confidential". */
  category?: Category;
  /** Words that raise confidence (whole words; CJK anywhere). */
  context?: string[];
  /** Report only next to a context word (default false). */
  contextRequired?: boolean;
  /** Confidence without context (default "medium"); one level higher with context. */
  confidence?: Confidence;
}

/** Options for `guard.redact(text, options)`. */
export interface RedactOptions {
  /** "label" (default): "[CREDIT CARD]"; "mask": "•••• •••• •••• 4242"; "char": every character replaced. */
  style?: "label" | "mask" | "char";
  /** Language of labels (default "en"). */
  locale?: Locale | string;
  /** The single character used by "mask" and "char" (default "•"). */
  maskChar?: string;
}

/** A redacted draft. `findings` carry offsets into the original text. */
export interface RedactResult {
  text: string;
  findings: Finding[];
}

/** A detector the guard knows: enough to generate a settings UI. */
export interface KindInfo {
  kind: string;
  category: Category;
  /** Plain-language names: { en: "Credit card number", de: "Kreditkartennummer", zh: "信用卡号" }. */
  names: { en: string; de: string; zh: string };
  /** What is validated, in one line: "Luhn check plus issuer range and length of 8 card networks". */
  checks: string;
  /** Languages whose users get this detector by default (see GuardOptions.locales); empty: everyone. */
  locales: string[];
}
"#;

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct JsGuardOptions {
    kinds: Option<Vec<String>>,
    exclude_kinds: Option<Vec<String>>,
    categories: Option<Vec<String>>,
    locales: Option<Vec<String>>,
    min_confidence: Option<String>,
    allowlist: Option<Vec<String>>,
    allowlist_patterns: Option<Vec<String>>,
    custom_rules: Option<Vec<JsCustomRule>>,
    max_input_bytes: Option<f64>,
    max_findings: Option<f64>,
    include_value: Option<bool>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct JsCustomRule {
    kind: String,
    pattern: String,
    name: Option<String>,
    validator: Option<String>,
    category: Option<String>,
    context: Option<Vec<String>>,
    context_required: Option<bool>,
    confidence: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct JsRedactOptions {
    style: Option<String>,
    locale: Option<String>,
    mask_char: Option<String>,
}

#[derive(Serialize)]
struct JsFinding<'a> {
    kind: &'a str,
    category: &'a str,
    start: usize,
    end: usize,
    confidence: &'a str,
    reasons: Vec<String>,
    preview: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<&'a str>,
}

#[derive(Serialize)]
struct JsRedactResult<'a> {
    text: &'a str,
    findings: Vec<JsFinding<'a>>,
}

#[derive(Serialize)]
struct JsKindInfo {
    kind: &'static str,
    category: &'static str,
    names: JsNames,
    checks: &'static str,
    locales: &'static [&'static str],
}

#[derive(Serialize)]
struct JsNames {
    en: &'static str,
    de: &'static str,
    zh: &'static str,
}

#[wasm_bindgen]
extern "C" {
    /// `GuardOptions` from the TypeScript section.
    #[wasm_bindgen(typescript_type = "GuardOptions")]
    pub type GuardOptions;
    /// `RedactOptions` from the TypeScript section.
    #[wasm_bindgen(typescript_type = "RedactOptions")]
    pub type RedactOptions;
}

pub(crate) const GUARD_OPTION_KEYS: &[&str] = &[
    "kinds",
    "excludeKinds",
    "categories",
    "locales",
    "minConfidence",
    "allowlist",
    "allowlistPatterns",
    "customRules",
    "maxInputBytes",
    "maxFindings",
    "includeValue",
];
/// Options whose value is a list.
const ARRAY_OPTION_KEYS: &[&str] = &[
    "kinds",
    "excludeKinds",
    "categories",
    "locales",
    "allowlist",
    "allowlistPatterns",
    "customRules",
];
const REDACT_OPTION_KEYS: &[&str] = &["style", "locale", "maskChar"];
const CUSTOM_RULE_KEYS: &[&str] = &[
    "kind",
    "pattern",
    "name",
    "validator",
    "category",
    "context",
    "contextRequired",
    "confidence",
];

/// Parses an optional JS options object; `undefined` and `null` mean defaults.
/// Unknown keys are errors (serde-wasm-bindgen only reads the known ones, so
/// a misspelt option would otherwise be silently ignored).
fn parse<T: for<'de> Deserialize<'de> + Default>(
    value: Option<JsValue>,
    what: &str,
    keys: &[&str],
) -> Result<T, JsError> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(T::default());
    };
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(JsError::new(&format!("invalid {what}: expected an object")));
    }
    check_keys(&value, what, keys)?;
    if what == "GuardOptions" {
        // serde would say "Reflect.get called on non-object" for `kinds: "iban"`.
        for key in ARRAY_OPTION_KEYS {
            let v = js_sys::Reflect::get(&value, &(*key).into()).unwrap_or(JsValue::UNDEFINED);
            if !v.is_undefined() && !v.is_null() && !js_sys::Array::is_array(&v) {
                return Err(JsError::new(&format!(
                    "invalid {what}: {key} must be an array, got {}",
                    v.js_typeof().as_string().unwrap_or_default()
                )));
            }
        }
        let rules =
            js_sys::Reflect::get(&value, &"customRules".into()).unwrap_or(JsValue::UNDEFINED);
        if js_sys::Array::is_array(&rules) {
            for (i, rule) in js_sys::Array::from(&rules).iter().enumerate() {
                if rule.is_object() {
                    check_keys(
                        &rule,
                        &format!("GuardOptions: customRules[{i}]"),
                        CUSTOM_RULE_KEYS,
                    )?;
                }
            }
        }
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("invalid {what}: {e}")))
}

/// Fails on any own key of the object `value` that is not in `keys`.
fn check_keys(value: &JsValue, what: &str, keys: &[&str]) -> Result<(), JsError> {
    for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !keys.contains(&key.as_str()) {
            return Err(JsError::new(&format!(
                "invalid {what}: unknown option {key:?}; expected one of {}",
                keys.join(", ")
            )));
        }
    }
    Ok(())
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true))
        .map_err(|e| JsError::new(&format!("draftguard: could not build the result: {e}")))
}

fn guard_options(js: JsGuardOptions) -> Result<Options, JsError> {
    let bad = |m: String| JsError::new(&format!("invalid GuardOptions: {m}"));
    let defaults = Options::default();
    let category = |c: &str, at: &str| {
        Category::parse(c).ok_or_else(|| {
            let all: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
            bad(format!(
                "{at}unknown category {c:?}; expected one of {}",
                all.join(", ")
            ))
        })
    };
    let confidence = |c: &str, at: &str| {
        Confidence::parse(c).ok_or_else(|| {
            bad(format!(
                "{at} must be \"low\", \"medium\" or \"high\", got {c:?}"
            ))
        })
    };
    let categories = match js.categories {
        None => None,
        Some(cs) => Some(
            cs.iter()
                .map(|c| category(c, ""))
                .collect::<Result<Vec<_>, _>>()?,
        ),
    };
    let custom_rules = js
        .custom_rules
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            Ok(CustomRule {
                kind: r.kind,
                name: r.name,
                pattern: r.pattern,
                validator: r.validator,
                category: match r.category {
                    None => Category::Confidential,
                    Some(c) => category(&c, &format!("customRules[{i}].category: "))?,
                },
                context: r.context.unwrap_or_default(),
                context_required: r.context_required.unwrap_or(false),
                confidence: match r.confidence {
                    None => Confidence::Medium,
                    Some(c) => confidence(&c, &format!("customRules[{i}].confidence"))?,
                },
            })
        })
        .collect::<Result<Vec<_>, JsError>>()?;
    let min_confidence = match js.min_confidence {
        None => defaults.min_confidence,
        Some(c) => confidence(&c, "minConfidence")?,
    };
    let max_input_bytes = match js.max_input_bytes {
        None => defaults.max_input_bytes,
        Some(n)
            if n.is_finite()
                && n.fract() == 0.0
                && n >= 1.0
                && n <= crate::scan::MAX_INPUT_BYTES_LIMIT as f64 =>
        {
            n as usize
        }
        Some(n) => {
            return Err(bad(format!(
                "maxInputBytes must be a whole number from 1 to {}, got {n}",
                crate::scan::MAX_INPUT_BYTES_LIMIT
            )))
        }
    };
    let max_findings = match js.max_findings {
        None => None,
        Some(n)
            if n.is_finite()
                && n.fract() == 0.0
                && n >= 1.0
                && n <= crate::scan::MAX_FINDINGS_LIMIT as f64 =>
        {
            Some(n as usize)
        }
        Some(n) => {
            return Err(bad(format!(
                "maxFindings must be a whole number from 1 to {}, got {n}",
                crate::scan::MAX_FINDINGS_LIMIT
            )))
        }
    };
    Ok(Options {
        kinds: js.kinds,
        exclude_kinds: js.exclude_kinds.unwrap_or_default(),
        categories,
        locales: js.locales.or_else(browser_languages),
        min_confidence,
        allowlist: js.allowlist.unwrap_or_default(),
        allowlist_patterns: js.allowlist_patterns.unwrap_or_default(),
        custom_rules,
        max_input_bytes,
        max_findings,
        include_value: js.include_value.unwrap_or(false),
    })
}

fn redact_options(js: JsRedactOptions) -> Result<redact::RedactOptions, JsError> {
    let bad = |m: String| JsError::new(&format!("invalid RedactOptions: {m}"));
    let mut o = redact::RedactOptions::default();
    if let Some(s) = js.style {
        o.style = match s.as_str() {
            "label" => redact::Style::Label,
            "mask" => redact::Style::Mask,
            "char" => redact::Style::Char,
            _ => {
                return Err(bad(format!(
                    "style must be \"label\", \"mask\" or \"char\", got {s:?}"
                )))
            }
        };
    }
    if let Some(l) = js.locale {
        o.locale = Locale::parse(&l)
            .ok_or_else(|| bad(format!("unsupported locale {l:?}; supported: en, de, zh")))?;
    }
    if let Some(m) = js.mask_char {
        let mut chars = m.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_alphanumeric() => o.mask_char = c,
            _ => {
                return Err(bad(format!(
                    "maskChar must be one character that is not a letter or digit, got {m:?}"
                )))
            }
        }
    }
    Ok(o)
}

/// `navigator.languages` when running in a browser (a `window` exists), else `None`.
pub(crate) fn browser_languages() -> Option<Vec<String>> {
    let global = js_sys::global();
    let window = js_sys::Reflect::get(&global, &"window".into())
        .ok()
        .filter(|w| w.is_object())?;
    let navigator = js_sys::Reflect::get(&window, &"navigator".into())
        .ok()
        .filter(|n| n.is_object())?;
    let languages = js_sys::Reflect::get(&navigator, &"languages".into()).ok()?;
    let tags: Vec<String> = js_sys::Array::from(&languages)
        .iter()
        .filter_map(|l| l.as_string())
        .collect();
    (!tags.is_empty()).then_some(tags)
}

/// Converts findings' byte offsets to UTF-16 and borrows them as JS-shaped records.
fn js_findings<'a>(text: &str, findings: &'a [Finding]) -> Vec<JsFinding<'a>> {
    findings
        .iter()
        .zip(offsets::finding_spans(text, findings))
        .map(|(f, span)| js_finding(f, span))
        .collect()
}

/// A finding as a JS-shaped record, at UTF-16 span `(start, end)`.
fn js_finding(f: &Finding, (start, end): (usize, usize)) -> JsFinding<'_> {
    JsFinding {
        kind: &f.kind,
        category: f.category.as_str(),
        start,
        end,
        confidence: f.confidence.as_str(),
        reasons: f.reasons.iter().map(|r| r.to_string()).collect(),
        preview: &f.preview,
        value: f.value.as_deref(),
    }
}

thread_local! {
    /// The module's engine: every guard a page makes (`new Guard()`,
    /// `LiveScan`, `attach()`) scans with it, so the patterns one compiles and
    /// the caches one warms serve all of them, and `warmUp()` warms it. One
    /// per WebAssembly instance, owned by this binding, not by the core.
    static ENGINE: Arc<Engine> = Arc::new(Engine::new());
}

/// Builds a core guard from a JS `GuardOptions` object (`undefined`/`null`: defaults).
pub(crate) fn core_guard(options: Option<JsValue>) -> Result<crate::Guard, JsError> {
    let js: JsGuardOptions = parse(options, "GuardOptions", GUARD_OPTION_KEYS)?;
    crate::Guard::with_engine(guard_options(js)?, ENGINE.with(Arc::clone))
        .map_err(|e| JsError::new(&e.to_string()))
}

/// A configured scanner for drafts.
#[wasm_bindgen]
pub struct Guard {
    inner: crate::Guard,
}

#[wasm_bindgen]
impl Guard {
    /// Creates a guard. Throws an Error naming the problem for unknown keys, kinds,
    /// categories or out-of-range values.
    #[wasm_bindgen(constructor)]
    pub fn new(options: Option<GuardOptions>) -> Result<Guard, JsError> {
        refuse_if_broken("new Guard()")?;
        Ok(Guard {
            inner: core_guard(options.map(JsValue::from))?,
        })
    }

    /// Finds sensitive data in `text`. Offsets are UTF-16 code units.
    #[wasm_bindgen(unchecked_return_type = "Finding[]")]
    pub fn scan(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsValue, JsError> {
        refuse_if_broken("Guard.scan()")?;
        let text = &text_arg(text, "scan")?;
        let findings = self
            .inner
            .scan(text)
            .map_err(|e| JsError::new(&e.to_string()))?;
        to_js(&js_findings(text, &findings))
    }

    /// Scans `text` and returns it with every finding replaced.
    #[wasm_bindgen(unchecked_return_type = "RedactResult")]
    pub fn redact(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        options: Option<RedactOptions>,
    ) -> Result<JsValue, JsError> {
        refuse_if_broken("Guard.redact()")?;
        let text = &text_arg(text, "redact")?;
        let opts = redact_options(parse(
            options.map(JsValue::from),
            "RedactOptions",
            REDACT_OPTION_KEYS,
        )?)?;
        let r = self
            .inner
            .redact(text, &opts)
            .map_err(|e| JsError::new(&e.to_string()))?;
        to_js(&JsRedactResult {
            text: &r.text,
            findings: js_findings(text, &r.findings),
        })
    }

    /// Every detector draftguard has (the same as the module function `kinds()`).
    #[wasm_bindgen(js_name = kinds, unchecked_return_type = "KindInfo[]")]
    pub fn all_kinds() -> Result<JsValue, JsError> {
        kinds()
    }

    /// The kinds this guard looks for.
    #[wasm_bindgen(js_name = activeKinds, unchecked_return_type = "string[]")]
    pub fn active_kinds(&self) -> Result<JsValue, JsError> {
        to_js(&self.inner.kinds().collect::<Vec<_>>())
    }
}

/// A scanner for a draft being typed: `scan(text)` returns exactly what
/// `Guard.scan(text)` returns, but after the first draft it searches only
/// around what changed since the last call (any edit: typing, paste, undo).
/// Keep one per input.
///
/// The keystroke's cost does not grow with the draft: the edit is found by
/// comparing slices of the last and the new draft in JS (the draft is not
/// copied into WebAssembly), offsets are converted with an index, and the
/// objects of findings the edit did not touch are the last result's (those
/// after the edit are copies with moved offsets).
#[wasm_bindgen]
pub struct LiveScan {
    inner: crate::LiveScan,
    /// The last draft as JS has it (`None`: scan the next one whole).
    last: Option<JsString>,
    /// UTF-16 offsets of `inner.text()`.
    index: offsets::Utf16Index,
    /// The last result's finding objects and their UTF-16 spans, in order.
    objects: Vec<JsValue>,
    spans: Vec<(usize, usize)>,
}

#[wasm_bindgen]
impl LiveScan {
    /// Creates a live scan with the options of `new Guard(options)`, and the same errors.
    #[wasm_bindgen(constructor)]
    pub fn new(options: Option<GuardOptions>) -> Result<LiveScan, JsError> {
        refuse_if_broken("new LiveScan()")?;
        Ok(LiveScan {
            inner: crate::LiveScan::new(core_guard(options.map(JsValue::from))?),
            last: None,
            index: offsets::Utf16Index::default(),
            objects: Vec::new(),
            spans: Vec::new(),
        })
    }

    /// The findings in `text`, the draft as it is now: the same as
    /// `Guard.scan(text)`. Offsets are UTF-16 code units. Findings the edit
    /// did not touch are the same objects as in the last result: treat
    /// results as read-only.
    #[wasm_bindgen(unchecked_return_type = "Finding[]")]
    pub fn scan(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsValue, JsError> {
        refuse_if_broken("LiveScan.scan()")?;
        let text: JsString = text.dyn_into().map_err(|t| not_a_string(&t, "scan"))?;
        if let Err(e) = self.rescan(&text) {
            self.reset();
            return Err(e);
        }
        self.last = Some(text);
        Ok(self.objects.iter().collect::<js_sys::Array>().into())
    }

    /// Forgets the last draft: the next `scan` searches all of it.
    pub fn reset(&mut self) {
        self.inner.reset();
        self.last = None;
        self.objects.clear();
        self.spans.clear();
    }
}

impl LiveScan {
    /// Brings the scan, the index and the objects up to `text`.
    fn rescan(&mut self, text: &JsString) -> Result<(), JsError> {
        let error = |e: crate::ScanError| JsError::new(&e.to_string());
        let moved16 = match &self.last {
            Some(last) => {
                let (start16, old_end16, new_end16) = changed16(last, text);
                let was = self.inner.text();
                let start = self.index.byte(was, start16);
                let old_end = self.index.byte(was, old_end16);
                let with = String::from(text.slice(start16 as u32, new_end16 as u32));
                self.inner.edit(start..old_end, &with).map_err(error)?;
                self.index.splice(
                    self.inner.text(),
                    (start, old_end, start + with.len()),
                    (start16, old_end16),
                );
                new_end16 as isize - old_end16 as isize
            }
            None => {
                self.inner.reset();
                self.inner.update(&String::from(text)).map_err(error)?;
                self.index = offsets::Utf16Index::new(self.inner.text());
                0
            }
        };
        let changed = self.inner.last_rescan().changed;
        let (text, findings) = (self.inner.text(), self.inner.findings());
        let kept_after = findings.len() - changed.end;
        let mut objects = Vec::with_capacity(findings.len());
        let mut spans = Vec::with_capacity(findings.len());
        objects.extend_from_slice(&self.objects[..changed.start]);
        spans.extend_from_slice(&self.spans[..changed.start]);
        for f in &findings[changed.clone()] {
            let span = (self.index.unit(text, f.start), self.index.unit(text, f.end));
            objects.push(to_js(&js_finding(f, span))?);
            spans.push(span);
        }
        let after = self.objects.len() - kept_after;
        for (object, &(s, e)) in self.objects[after..].iter().zip(&self.spans[after..]) {
            let span = (
                s.wrapping_add_signed(moved16),
                e.wrapping_add_signed(moved16),
            );
            objects.push(if moved16 == 0 {
                object.clone()
            } else {
                moved(object, span)?
            });
            spans.push(span);
        }
        (self.objects, self.spans) = (objects, spans);
        Ok(())
    }
}

/// A copy of finding object `object` at UTF-16 span `(start, end)`.
fn moved(object: &JsValue, (start, end): (usize, usize)) -> Result<JsValue, JsError> {
    thread_local! {
        // Made once: a JS string from Rust costs a decode each time.
        static KEYS: [JsValue; 2] = [JsValue::from_str("start"), JsValue::from_str("end")];
    }
    let copy = js_sys::Object::assign(&js_sys::Object::new(), object.unchecked_ref());
    KEYS.with(|[s, e]| {
        js_sys::Reflect::set(&copy, s, &(start as f64).into())?;
        js_sys::Reflect::set(&copy, e, &(end as f64).into())
    })
    .map_err(|_| JsError::new("draftguard: could not build the result"))?;
    Ok(copy.into())
}

/// The UTF-16 units that changed from `old` to `new`: `start..old_end` became
/// `start..new_end`, never splitting a surrogate pair. Found by comparing
/// slices of the two strings in JS, coarse to fine: a few dozen calls for a
/// 100 KB draft, and no copy of it.
fn changed16(old: &JsString, new: &JsString) -> (usize, usize, usize) {
    const STEPS: [u32; 4] = [8192, 512, 32, 1];
    let (lo, ln) = (old.length(), new.length());
    let same = |a: u32, b: u32, len: u32| old.slice(a, a + len) == new.slice(b, b + len);
    let unit = |s: &JsString, i: u32| s.char_code_at(i) as u32;
    let n = lo.min(ln);
    let mut start = 0;
    for step in STEPS {
        while start + step <= n && same(start, start, step) {
            start += step;
        }
    }
    if start > 0 && (0xD800..0xDC00).contains(&unit(old, start - 1)) {
        start -= 1; // a high surrogate whose pair differs: the character changed
    }
    let room = n - start;
    let mut tail = 0;
    for step in STEPS {
        while tail + step <= room && same(lo - tail - step, ln - tail - step, step) {
            tail += step;
        }
    }
    if tail > 0 && (0xDC00..0xE000).contains(&unit(old, lo - tail)) {
        tail -= 1; // a low surrogate whose pair differs
    }
    (start as usize, (lo - tail) as usize, (ln - tail) as usize)
}

/// The draft argument as a string. Taken as a `JsValue`: with `&str`, the glue
/// would pass a number or an object straight to the allocator and the call
/// would end in "RuntimeError: memory access out of bounds".
fn text_arg(text: JsValue, method: &str) -> Result<String, JsError> {
    text.as_string().ok_or_else(|| not_a_string(&text, method))
}

fn not_a_string(text: &JsValue, method: &str) -> JsError {
    JsError::new(&format!(
        "{method}(text): text must be a string, got {}",
        text.js_typeof().as_string().unwrap_or_default()
    ))
}

/// Builds what the first scans build on the way (every built-in pattern,
/// the set of digit patterns, the keyword automaton), so a page can pay for
/// it when idle instead of during a keystroke:
/// `requestIdleCallback(() => warmUp())`. Results never depend on it.
/// `attach()` does this by itself.
#[wasm_bindgen(js_name = warmUp)]
pub fn warm_up() {
    ENGINE.with(|e| e.warm_up());
}

/// Every detector draftguard has, with its category, localised names, what it
/// validates and its locales.
#[wasm_bindgen(unchecked_return_type = "KindInfo[]")]
pub fn kinds() -> Result<JsValue, JsError> {
    let list: Vec<JsKindInfo> = REGISTRY
        .iter()
        .map(|d| JsKindInfo {
            kind: d.kind,
            category: d.category.as_str(),
            names: JsNames {
                en: d.name.en,
                de: d.name.de,
                zh: d.name.zh,
            },
            checks: d.checks,
            locales: d.locales,
        })
        .collect();
    to_js(&list)
}
