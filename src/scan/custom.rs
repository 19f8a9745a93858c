//! Custom rules from options: a pattern, an optional built-in validator, a kind.
//!
//! A rule becomes a [`Detector`] like the built-in ones, so findings, overlap
//! resolution and redaction treat it the same. Rules are interned with their
//! compiled pattern: each distinct rule is allocated and compiled once per
//! process and reused by every guard that names it again (a page creating a
//! guard per keystroke neither grows memory nor recompiles).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use crate::checksum::{aba, iso7064::mod_97_10, luhn};
use crate::detectors::{
    self, Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words, REGISTRY,
};

use super::OptionsError;

/// A detector defined by the embedding application.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CustomRule {
    /// Stable snake_case id (`"employee_id"`), different from every built-in kind.
    pub kind: String,
    /// Plain-language name shown to the user (default: the kind).
    pub name: Option<String>,
    /// Rust `regex` syntax, ASCII mode; a group named `value` is the span.
    pub pattern: String,
    /// A built-in check the value must pass: `"luhn"`, `"mod97"`, `"iban"`,
    /// `"aba"`, or the kind of any built-in detector (its `validate`).
    pub validator: Option<String>,
    /// Category of the findings (default: confidential).
    pub category: Category,
    /// Context words (any language, lower-cased when matched).
    pub context: Vec<String>,
    /// Report only next to a context word.
    pub context_required: bool,
    /// Confidence without context; one level higher with context.
    pub confidence: Confidence,
}

/// Names accepted as `validator`, besides built-in kinds.
pub const CHECKSUM_VALIDATORS: &[&str] = &["luhn", "mod97", "iban", "aba"];

/// Longest pattern accepted, in bytes; compiled programs are size-limited too.
pub(super) const MAX_PATTERN: usize = 4096;
/// Most context words of one rule, and the longest one, in bytes.
const MAX_CONTEXT_WORDS: usize = 1_000;
const MAX_CONTEXT_WORD: usize = 100;

fn no_check(v: &str) -> Result<Valid, Invalid> {
    Ok(Valid::new(
        detectors::shape::alnum_upper(v),
        vec!["custom_rule"],
    ))
}

fn luhn_check(v: &str) -> Result<Valid, Invalid> {
    let d = detectors::shape::alnum_upper(v);
    (d.bytes().all(|b| b.is_ascii_digit()) && luhn::is_valid(&d))
        .then(|| Valid::new(d, vec!["custom_rule", "luhn"]))
        .ok_or(Invalid::Checksum)
}

fn mod97_check(v: &str) -> Result<Valid, Invalid> {
    let d = detectors::shape::alnum_upper(v);
    mod_97_10::is_valid(&d)
        .then(|| Valid::new(d, vec!["custom_rule", "mod97"]))
        .ok_or(Invalid::Checksum)
}

fn aba_check(v: &str) -> Result<Valid, Invalid> {
    let d = detectors::shape::alnum_upper(v);
    aba::is_valid(&d)
        .then(|| Valid::new(d, vec!["custom_rule", "aba_checksum"]))
        .ok_or(Invalid::Checksum)
}

/// A detector's `validate` function.
type Validate = fn(&str) -> Result<Valid, Invalid>;

fn validator(name: Option<&str>) -> Result<Validate, String> {
    Ok(match name {
        None => no_check,
        Some("luhn") => luhn_check,
        Some("mod97") => mod97_check,
        Some("aba") => aba_check,
        Some("iban") => detectors::iban::validate,
        Some(kind) => match detectors::by_kind(kind) {
            Some(d) => d.validate,
            None => {
                let kinds: Vec<&str> = REGISTRY.iter().map(|d| d.kind).collect();
                return Err(format!(
                    "unknown validator {kind:?}; expected one of {} or a built-in kind ({})",
                    CHECKSUM_VALIDATORS.join(", "),
                    kinds.join(", ")
                ));
            }
        },
    })
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// Checks `rule` and returns its (interned) detector, compiled; `at` names it in errors.
pub(super) fn compiled(
    rule: &CustomRule,
    at: &str,
) -> Result<&'static super::Compiled, OptionsError> {
    let bad = |field: &str, m: String| OptionsError(format!("{at}.{field}: {m}"));
    let k = &rule.kind;
    if !(2..=40).contains(&k.len())
        || !k.starts_with(|c: char| c.is_ascii_lowercase())
        || !k
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        return Err(bad(
            "kind",
            format!("{k:?} must be 2–40 characters of a-z, 0-9 and _, starting with a letter"),
        ));
    }
    if detectors::by_kind(k).is_some() {
        return Err(bad(
            "kind",
            format!("{k:?} is a built-in kind; choose another name"),
        ));
    }
    if rule.pattern.is_empty() || rule.pattern.len() > MAX_PATTERN {
        return Err(bad(
            "pattern",
            format!("must be 1 to {MAX_PATTERN} bytes long"),
        ));
    }
    let validate = validator(rule.validator.as_deref()).map_err(|e| bad("validator", e))?;
    if rule.context.len() > MAX_CONTEXT_WORDS
        || rule.context.iter().any(|w| w.len() > MAX_CONTEXT_WORD)
    {
        return Err(bad(
            "context",
            format!("at most {MAX_CONTEXT_WORDS} words of at most {MAX_CONTEXT_WORD} bytes each"),
        ));
    }
    if rule.context_required && rule.context.is_empty() {
        return Err(bad(
            "contextRequired",
            "needs at least one context word".into(),
        ));
    }
    static INTERNED: OnceLock<Mutex<HashMap<CustomRule, &'static super::Compiled>>> =
        OnceLock::new();
    let mut map = INTERNED
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    if let Some(c) = map.get(rule) {
        return Ok(c);
    }
    let regex = crate::pattern::Pattern::new(&rule.pattern).map_err(|e| bad("pattern", e))?;
    let name = leak(
        rule.name
            .clone()
            .unwrap_or_else(|| rule.kind.replace('_', " ")),
    );
    let label = leak(rule.kind.replace('_', " ").to_uppercase());
    let words: Vec<&'static str> = rule
        .context
        .iter()
        .map(|w| leak(w.to_lowercase()))
        .collect();
    let d: &'static Detector = Box::leak(Box::new(Detector {
        kind: leak(rule.kind.clone()),
        category: rule.category,
        locales: &[],
        name: L10n {
            en: name,
            de: name,
            zh: name,
        },
        label: L10n {
            en: label,
            de: label,
            zh: label,
        },
        checks: leak(match &rule.validator {
            Some(v) => format!("custom rule, {v} check"),
            None => "custom rule".to_string(),
        }),
        pattern: leak(rule.pattern.clone()),
        prefilter: Prefilter::Always,
        context: Words {
            en: Box::leak(words.into_boxed_slice()),
            de: &[],
            zh: &[],
        },
        negative_context: Words::NONE,
        scoring: Scoring {
            alone: (!rule.context_required).then_some(rule.confidence),
            with_context: rule.confidence.raised(),
        },
        priority: 60,
        keep_last: 0,
        keep_leading_letters: 0,
        preview: None,
        validate,
    }));
    let compiled: &'static super::Compiled =
        Box::leak(Box::new(super::Compiled::from_regex(d, regex)));
    map.insert(rule.clone(), compiled);
    Ok(compiled)
}
