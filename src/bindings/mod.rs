//! wasm-bindgen API: `Guard`, `scan`, `redact`, `kinds`, `LiveScan`.
//!
//! Thin on purpose: translates JS options into the core's ([`options`]),
//! passes results to JS through a flat buffer ([`results`]), converts UTF-8
//! byte offsets to UTF-16 code units, and turns errors into JS `Error`s with
//! clear messages. No detection logic lives here.

pub(crate) mod options;
mod results;

use std::sync::Arc;

use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::scan::Engine;
use crate::web::shell::refuse_if_broken;
use crate::{offsets, Finding, REGISTRY};

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

#[wasm_bindgen]
extern "C" {
    /// `GuardOptions` from the TypeScript section.
    #[wasm_bindgen(typescript_type = "GuardOptions")]
    pub type GuardOptions;
    /// `RedactOptions` from the TypeScript section.
    #[wasm_bindgen(typescript_type = "RedactOptions")]
    pub type RedactOptions;
}

thread_local! {
    /// The module's engine: every guard a page makes (`new Guard()`,
    /// `LiveScan`, `attach()`) scans with it, so the patterns one compiles and
    /// the caches one warms serve all of them, and `warmUp()` warms it. One
    /// per WebAssembly instance, owned by this binding, not by the core.
    static ENGINE: Arc<Engine> = Arc::new(Engine::new());
}

/// The module's engine, for every guard the binding and `attach` build.
pub(crate) fn engine() -> Arc<Engine> {
    ENGINE.with(Arc::clone)
}

/// Findings at UTF-16 spans of `text` (the text their byte offsets point into), as JS objects.
fn js_findings(text: &str, findings: &[Finding]) -> js_sys::Array {
    results::findings(findings.iter().zip(offsets::finding_spans(text, findings)))
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
            inner: options::core_guard(options.map_or(JsValue::UNDEFINED, JsValue::from))?,
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
        Ok(js_findings(text, &findings).into())
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
        let opts = options::redact_options(options.map_or(JsValue::UNDEFINED, JsValue::from))?;
        let r = self
            .inner
            .redact(text, &opts)
            .map_err(|e| JsError::new(&e.to_string()))?;
        let result = Object::new();
        set(&result, "text", &r.text.as_str().into())?;
        set(&result, "findings", &js_findings(text, &r.findings))?;
        Ok(result.into())
    }

    /// Every detector draftguard has (the same as the module function `kinds()`).
    #[wasm_bindgen(js_name = kinds, unchecked_return_type = "KindInfo[]")]
    pub fn all_kinds() -> Result<JsValue, JsError> {
        kinds()
    }

    /// The kinds this guard looks for.
    #[wasm_bindgen(js_name = activeKinds, unchecked_return_type = "string[]")]
    pub fn active_kinds(&self) -> Result<JsValue, JsError> {
        Ok(self
            .inner
            .kinds()
            .map(JsValue::from_str)
            .collect::<Array>()
            .into())
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
    /// The last result's finding objects, in order.
    objects: Array,
}

#[wasm_bindgen]
impl LiveScan {
    /// Creates a live scan with the options of `new Guard(options)`, and the same errors.
    #[wasm_bindgen(constructor)]
    pub fn new(options: Option<GuardOptions>) -> Result<LiveScan, JsError> {
        refuse_if_broken("new LiveScan()")?;
        let guard = options::core_guard(options.map_or(JsValue::UNDEFINED, JsValue::from))?;
        Ok(LiveScan {
            inner: crate::LiveScan::new(guard),
            last: None,
            index: offsets::Utf16Index::default(),
            objects: Array::new(),
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
        // A copy: what the caller does with the array is not the next scan's business.
        Ok(self.objects.slice(0, self.objects.length()).into())
    }

    /// Forgets the last draft: the next `scan` searches all of it.
    pub fn reset(&mut self) {
        self.inner.reset();
        self.last = None;
        self.objects = Array::new();
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
                new_end16 as f64 - old_end16 as f64
            }
            None => {
                self.inner.reset();
                self.inner
                    .update(&utf8(text, text.length()))
                    .map_err(error)?;
                self.index = offsets::Utf16Index::new(self.inner.text());
                0.0
            }
        };
        let changed = self.inner.last_rescan().changed;
        let (text, findings) = (self.inner.text(), self.inner.findings());
        let kept_after = findings.len() - changed.end;
        let index = &self.index;
        let built = results::findings(
            findings[changed.clone()]
                .iter()
                .map(|f| (f, (index.unit(text, f.start), index.unit(text, f.end)))),
        );
        let after = self.objects.length() - kept_after as u32;
        self.objects =
            results::spliced(&self.objects, changed.start as u32, &built, after, moved16);
        Ok(())
    }
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
    match u32::try_from(units(&text)) {
        Ok(n) => Ok(utf8(text.unchecked_ref(), n)),
        Err(_) => Err(not_a_string(&text, method)),
    }
}

/// Strings of at least this many UTF-16 units are encoded by the browser
/// ([`utf8`]); shorter ones by wasm-bindgen's loop, which costs less for them
/// (a 150-byte paragraph: 1.6 % more instructions a scan through the encoder).
const ENCODED: u32 = 256;

#[wasm_bindgen(module = "/src/bindings/text.js")]
extern "C" {
    /// Writes `text` from unit `from` on as UTF-8 into `into`, as much as
    /// fits; `done`: the units read and the bytes written (see `text.js`).
    #[wasm_bindgen(js_name = encodeInto)]
    fn encode_into(text: &JsString, from: u32, into: &mut [u8], done: &mut [u32]);

    /// The UTF-16 length of `text`, or -1 if it is not a string.
    fn units(text: &JsValue) -> i32;
}

/// `s` (of `units` UTF-16 units) as UTF-8, lone surrogates as U+FFFD (what
/// `String::from` makes of it); from [`ENCODED`] units on, encoded by the
/// browser: first into a byte a unit, what ASCII takes, then the rest into 3
/// bytes a unit, the most it can take (zeroing 3 bytes a unit for a whole
/// draft was 2.7 % of a scan of ordinary text).
fn utf8(s: &JsString, units: u32) -> String {
    if units < ENCODED {
        return String::from(s);
    }
    let (mut buf, mut done) = (vec![0; units as usize], [0u32; 2]);
    encode_into(s, 0, &mut buf, &mut done);
    let (read, mut written) = (done[0], done[1] as usize);
    if read < units {
        buf.resize(written + (units - read) as usize * 3, 0);
        encode_into(s, read, &mut buf[written..], &mut done);
        written += done[1] as usize;
    }
    buf.truncate(written);
    String::from_utf8(buf).expect("TextEncoder writes UTF-8")
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
    let list = Array::new();
    for d in REGISTRY {
        let names = Object::new();
        set(&names, "en", &d.name.en.into())?;
        set(&names, "de", &d.name.de.into())?;
        set(&names, "zh", &d.name.zh.into())?;
        let info = Object::new();
        set(&info, "kind", &d.kind.into())?;
        set(&info, "category", &d.category.as_str().into())?;
        set(&info, "names", &names)?;
        set(&info, "checks", &d.checks.into())?;
        let locales: Array = d.locales.iter().map(|l| JsValue::from_str(l)).collect();
        set(&info, "locales", &locales)?;
        list.push(&info);
    }
    Ok(list.into())
}

/// Sets `object[key] = value` (on a plain object made here: cannot fail).
fn set(object: &Object, key: &str, value: &JsValue) -> Result<(), JsError> {
    Reflect::set(object, &key.into(), value)
        .map(drop)
        .map_err(|_| JsError::new("draftguard: could not build the result"))
}
