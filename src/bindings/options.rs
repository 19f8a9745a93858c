//! JS options objects → core options. Each key the core lists
//! ([`Field::ALL`], [`RuleField::ALL`]) is read once and its JS type checked,
//! naming the field; everything else — limits, names, defaults — is the
//! core's ([`crate::scan::options`]). `attach` passes its own keys through
//! the same translator.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::redact::{RedactOptions, Style};
use crate::scan::options::{self, Field, RuleField};
use crate::{CustomRule, Locale, Options, OptionsError};

/// Keys of a `RedactOptions` object.
const REDACT_KEYS: &[&str] = &["style", "locale", "maskChar"];

/// An error about the options object called `what` ("GuardOptions").
fn error(what: &str, message: impl std::fmt::Display) -> JsError {
    JsError::new(&format!("invalid {what}: {message}"))
}

/// A core error about the options object called `what`, as a JS `Error`.
pub(crate) fn core_error(what: &str, e: OptionsError) -> JsError {
    error(what, e.0)
}

/// `typeof value`, for messages.
fn js_type(value: &JsValue) -> String {
    if value.is_null() {
        return "null".into();
    }
    if js_sys::Array::is_array(value) {
        return "array".into();
    }
    value.js_typeof().as_string().unwrap_or_default()
}

/// A JS options object being read: `what` names it in errors.
pub(crate) struct Object<'a> {
    value: JsValue,
    what: &'a str,
}

impl<'a> Object<'a> {
    /// `value` as an options object whose keys are all in `keys` (`undefined`
    /// and `null`: an empty one).
    pub(crate) fn new(
        value: JsValue,
        what: &'a str,
        keys: &[&[&str]],
    ) -> Result<Object<'a>, JsError> {
        let value = if value.is_undefined() || value.is_null() {
            js_sys::Object::new().into()
        } else if value.is_object() && !js_sys::Array::is_array(&value) {
            value
        } else {
            return Err(error(what, "expected an object"));
        };
        for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter() {
            let key = key.as_string().unwrap_or_default();
            if !keys.iter().any(|list| list.contains(&key.as_str())) {
                let all: Vec<&str> = keys.iter().flat_map(|list| list.iter().copied()).collect();
                return Err(error(
                    what,
                    format!("unknown option {key:?}; expected one of {}", all.join(", ")),
                ));
            }
        }
        Ok(Object { value, what })
    }

    /// The value of `key`; `None` for `undefined` and `null` (the default).
    pub(crate) fn get(&self, key: &str) -> Option<JsValue> {
        js_sys::Reflect::get(&self.value, &key.into())
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    }

    /// An error about this object.
    pub(crate) fn error(&self, message: impl std::fmt::Display) -> JsError {
        error(self.what, message)
    }

    /// A wrong JS type for `field` (named as in messages: `maxFindings`, `kinds[2]`).
    fn expected(&self, field: &str, what: &str, got: &JsValue) -> JsError {
        self.error(format!("{field} must be {what}, got {}", js_type(got)))
    }

    /// The string at `key`.
    pub(crate) fn string(&self, key: &str) -> Result<Option<String>, JsError> {
        self.get(key).map(|v| self.as_string(key, v)).transpose()
    }

    /// The boolean at `key`.
    pub(crate) fn bool(&self, key: &str) -> Result<Option<bool>, JsError> {
        self.get(key)
            .map(|v| {
                v.as_bool()
                    .ok_or_else(|| self.expected(key, "true or false", &v))
            })
            .transpose()
    }

    /// The number at `key`.
    fn number(&self, key: &str) -> Result<Option<f64>, JsError> {
        self.get(key)
            .map(|v| v.as_f64().ok_or_else(|| self.expected(key, "a number", &v)))
            .transpose()
    }

    /// The array of strings at `key`.
    fn strings(&self, key: &str) -> Result<Option<Vec<String>>, JsError> {
        self.get(key)
            .map(|v| {
                self.array(key, &v)?
                    .iter()
                    .enumerate()
                    .map(|(i, s)| self.as_string(&format!("{key}[{i}]"), s))
                    .collect()
            })
            .transpose()
    }

    fn as_string(&self, field: &str, v: JsValue) -> Result<String, JsError> {
        v.as_string()
            .ok_or_else(|| self.expected(field, "a string", &v))
    }

    fn array(&self, field: &str, v: &JsValue) -> Result<js_sys::Array, JsError> {
        if js_sys::Array::is_array(v) {
            Ok(v.clone().unchecked_into())
        } else {
            Err(self.expected(field, "an array", v))
        }
    }

    /// A core error, as an error about this object.
    fn core(&self, e: OptionsError) -> JsError {
        core_error(self.what, e)
    }
}

/// Translates `GuardOptions` keys of `object` into core options: a key it
/// has replaces the field of `base`. `locales` defaults to the browser's
/// languages (`navigator.languages`; none outside a browser).
pub(crate) fn guard_options(object: &Object<'_>, base: Options) -> Result<Options, JsError> {
    let mut o = base;
    for &field in Field::ALL {
        let key = field.name();
        match field {
            Field::Kinds => {
                if let Some(v) = object.strings(key)? {
                    o.kinds = Some(v);
                }
            }
            Field::ExcludeKinds => {
                if let Some(v) = object.strings(key)? {
                    o.exclude_kinds = v;
                }
            }
            Field::Categories => {
                if let Some(v) = object.strings(key)? {
                    let categories = v.iter().map(|c| options::category(c, ""));
                    o.categories = Some(
                        categories
                            .collect::<Result<_, _>>()
                            .map_err(|e| object.core(e))?,
                    );
                }
            }
            Field::Locales => {
                if let Some(v) = object.strings(key)? {
                    o.locales = Some(v);
                }
            }
            Field::MinConfidence => {
                if let Some(c) = object.string(key)? {
                    o.min_confidence = options::confidence(&c, key).map_err(|e| object.core(e))?;
                }
            }
            Field::Allowlist => {
                if let Some(v) = object.strings(key)? {
                    o.allowlist = v;
                }
            }
            Field::AllowlistPatterns => {
                if let Some(v) = object.strings(key)? {
                    o.allowlist_patterns = v;
                }
            }
            Field::CustomRules => {
                if let Some(v) = object.get(key) {
                    let rules = object.array(key, &v)?;
                    o.custom_rules = rules
                        .iter()
                        .enumerate()
                        .map(|(i, r)| custom_rule(object, &format!("{key}[{i}]"), r))
                        .collect::<Result<_, _>>()?;
                }
            }
            Field::MaxInputBytes => {
                if let Some(n) = object.number(key)? {
                    o.max_input_bytes =
                        options::whole_number(field, n).map_err(|e| object.core(e))?;
                }
            }
            Field::MaxFindings => {
                if let Some(n) = object.number(key)? {
                    o.max_findings =
                        Some(options::whole_number(field, n).map_err(|e| object.core(e))?);
                }
            }
            Field::IncludeValue => {
                if let Some(b) = object.bool(key)? {
                    o.include_value = b;
                }
            }
        }
    }
    if o.locales.is_none() {
        o.locales = browser_languages();
    }
    Ok(o)
}

/// Translates one element of `customRules`; `at` names it (`customRules[2]`).
fn custom_rule(parent: &Object<'_>, at: &str, value: JsValue) -> Result<CustomRule, JsError> {
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(parent.expected(at, "an object", &value));
    }
    let what = format!("{}: {at}", parent.what);
    let keys: Vec<&str> = RuleField::ALL.iter().map(|f| f.name()).collect();
    let object = Object::new(value, &what, &[&keys])?;
    let field = |f: RuleField| format!("{at}.{}", f.name());
    let required = |f: RuleField| {
        object
            .get(f.name())
            .map(|v| parent.as_string(&field(f), v))
            .unwrap_or_else(|| Err(parent.expected(&field(f), "a string", &JsValue::UNDEFINED)))
    };
    let mut rule = CustomRule::new(required(RuleField::Kind)?, required(RuleField::Pattern)?);
    for &f in RuleField::ALL {
        let Some(v) = object.get(f.name()) else {
            continue;
        };
        match f {
            RuleField::Kind | RuleField::Pattern => {}
            RuleField::Name => rule.name = Some(parent.as_string(&field(f), v)?),
            RuleField::Validator => rule.validator = Some(parent.as_string(&field(f), v)?),
            RuleField::Category => {
                let c = parent.as_string(&field(f), v)?;
                rule.category = options::category(&c, &format!("{}: ", field(f)))
                    .map_err(|e| parent.core(e))?;
            }
            RuleField::Context => {
                rule.context = parent
                    .array(&field(f), &v)?
                    .iter()
                    .enumerate()
                    .map(|(i, w)| parent.as_string(&format!("{}[{i}]", field(f)), w))
                    .collect::<Result<_, _>>()?;
            }
            RuleField::ContextRequired => {
                rule.context_required = v
                    .as_bool()
                    .ok_or_else(|| parent.expected(&field(f), "true or false", &v))?;
            }
            RuleField::Confidence => {
                let c = parent.as_string(&field(f), v)?;
                rule.confidence = options::confidence(&c, &field(f)).map_err(|e| parent.core(e))?;
            }
        }
    }
    Ok(rule)
}

/// Builds a core guard from a JS `GuardOptions` object (`undefined`/`null`:
/// defaults), scanning with the module's engine.
pub(crate) fn core_guard(value: JsValue) -> Result<crate::Guard, JsError> {
    let keys: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
    let object = Object::new(value, "GuardOptions", &[&keys])?;
    let options = guard_options(&object, Options::default())?;
    crate::Guard::with_engine(options, super::engine()).map_err(|e| object.core(e))
}

/// Translates a JS `RedactOptions` object (`undefined`/`null`: defaults).
pub(crate) fn redact_options(value: JsValue) -> Result<RedactOptions, JsError> {
    let object = Object::new(value, "RedactOptions", &[REDACT_KEYS])?;
    let mut o = RedactOptions::default();
    if let Some(s) = object.string("style")? {
        o.style = Style::parse(&s).ok_or_else(|| {
            object.error(format!(
                "style must be \"label\", \"mask\" or \"char\", got {s:?}"
            ))
        })?;
    }
    if let Some(l) = object.string("locale")? {
        o.locale = Locale::parse(&l).ok_or_else(|| {
            object.error(format!("unsupported locale {l:?}; supported: en, de, zh"))
        })?;
    }
    if let Some(m) = object.string("maskChar")? {
        let mut chars = m.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_alphanumeric() => o.mask_char = c,
            _ => {
                return Err(object.error(format!(
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
