//! Custom rules from options: a pattern, an optional built-in validator, a kind.
//!
//! A rule becomes a [`Kind`] like the built-in detectors, so findings, overlap
//! resolution and redaction treat it the same. The compiled rule belongs to
//! the guard built with it (and its clones and findings): dropping them frees
//! it, so a page creating guards with ever new rules does not grow memory.
//! Compiling a rule costs about a millisecond: build a guard once and reuse it.

use crate::checksum::{aba, iso7064::mod_97_10, luhn};
use crate::detectors::{self, Category, Confidence, Invalid, Scoring, Valid, REGISTRY};
use crate::finding::{Checksum, Custom, Kind, Reason, Validate, Word};

use super::context::WordIndex;
use super::options::OptionsError;

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

impl CustomRule {
    /// A rule with the defaults for everything but its kind and pattern: no
    /// name (the kind is shown) and no validator, category confidential, no
    /// context words, confidence medium.
    pub fn new(kind: impl Into<String>, pattern: impl Into<String>) -> CustomRule {
        CustomRule {
            kind: kind.into(),
            name: None,
            pattern: pattern.into(),
            validator: None,
            category: Category::Confidential,
            context: Vec::new(),
            context_required: false,
            confidence: Confidence::Medium,
        }
    }
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
        vec![Reason::CustomRule],
    ))
}

fn luhn_check(v: &str) -> Result<Valid, Invalid> {
    let d = detectors::shape::alnum_upper(v);
    (d.bytes().all(|b| b.is_ascii_digit()) && luhn::is_valid(&d))
        .then(|| {
            Valid::new(
                d,
                vec![Reason::CustomRule, Reason::Checksum(Checksum::Luhn)],
            )
        })
        .ok_or(Invalid::Checksum)
}

fn mod97_check(v: &str) -> Result<Valid, Invalid> {
    let d = detectors::shape::alnum_upper(v);
    mod_97_10::is_valid(&d)
        .then(|| {
            Valid::new(
                d,
                vec![Reason::CustomRule, Reason::Checksum(Checksum::Mod97)],
            )
        })
        .ok_or(Invalid::Checksum)
}

fn aba_check(v: &str) -> Result<Valid, Invalid> {
    let d = detectors::shape::alnum_upper(v);
    aba::is_valid(&d)
        .then(|| Valid::new(d, vec![Reason::CustomRule, Reason::Checksum(Checksum::Aba)]))
        .ok_or(Invalid::Checksum)
}

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

/// Checks `rule`'s fields (all but compiling its pattern) and returns its
/// validator; `at` names the rule in errors (`customRules[2]`).
pub(super) fn check(rule: &CustomRule, at: &str) -> Result<Validate, OptionsError> {
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
    Ok(validate)
}

/// Checks `rule` and compiles it; `at` names it in errors.
pub(super) fn compiled(rule: &CustomRule, at: &str) -> Result<super::Compiled, OptionsError> {
    let bad = |field: &str, m: String| OptionsError(format!("{at}.{field}: {m}"));
    let validate = check(rule, at)?;
    let k = &rule.kind;
    let regex = crate::pattern::Custom::new(&rule.pattern).map_err(|e| bad("pattern", e))?;
    let kind = Kind::custom(Custom {
        kind: k.as_str().into(),
        name: rule
            .name
            .clone()
            .unwrap_or_else(|| k.replace('_', " "))
            .into(),
        label: k.replace('_', " ").to_ascii_uppercase().into(), // ids are ASCII
        checks: match &rule.validator {
            Some(v) => format!("custom rule, {v} check").into(),
            None => "custom rule".into(),
        },
        category: rule.category,
        scoring: Scoring {
            alone: (!rule.context_required).then_some(rule.confidence),
            with_context: rule.confidence.raised(),
        },
        validate,
    });
    let words = rule
        .context
        .iter()
        .map(|w| Word::from(super::normalize::lower(w)));
    Ok(super::Compiled::from_regex(
        kind,
        // No set for a custom rule: its searches are never cut (a live scan
        // searches it whole).
        super::interior::ByteSet::ALL,
        false,
        WordIndex::new(words),
        WordIndex::new(std::iter::empty::<Word>()),
        super::compiled::Regex::Custom(regex),
    ))
}
