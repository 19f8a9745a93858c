//! What a [`Guard`](super::Guard) looks for ([`Options`]), and the one place
//! options are checked: limits, defaults and names, with errors that name the
//! field as the JS API spells it (`maxFindings`, `customRules[2].pattern`).
//!
//! The JS binding and `attach` translate JS values into [`Options`] — reading
//! the keys [`Field::ALL`] and [`RuleField::ALL`] list, checking each value's
//! JS type — and check nothing else. What needs compiling (custom rules'
//! patterns, allowlist patterns) is checked when the guard compiles it, with
//! errors that name the field too.

use std::fmt;

use super::custom::{self, CustomRule};
use crate::detectors::{Category, Confidence, REGISTRY};

/// Default limit on the size of a draft, in UTF-8 bytes.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;
/// The largest `max_input_bytes` accepted.
pub const MAX_INPUT_BYTES_LIMIT: usize = 256 * 1024 * 1024;
/// Most entries an allowlist may have.
pub const MAX_ALLOWLIST: usize = 10_000;
/// Most allowlist patterns (compiled together into one automaton).
pub const MAX_ALLOWLIST_PATTERNS: usize = 1_000;
/// Most custom rules (each is compiled when the guard is built).
pub const MAX_CUSTOM_RULES: usize = 100;
/// The largest `max_findings` accepted.
pub const MAX_FINDINGS_LIMIT: usize = 1 << 24;
/// Most locale tags.
pub const MAX_LOCALES: usize = 100;

/// What a [`Guard`](super::Guard) looks for. The default finds every kind at every confidence.
#[derive(Clone, Debug)]
pub struct Options {
    /// Only these kinds (`None`: all registered kinds).
    pub kinds: Option<Vec<String>>,
    /// Never these kinds.
    pub exclude_kinds: Vec<String>,
    /// Only kinds of these categories (`None`: all).
    pub categories: Option<Vec<Category>>,
    /// The user's languages as BCP 47 tags (`"de-CH"`, `"zh-Hans-CN"`, `"en"`).
    /// They switch on country-specific detectors (the German tax ID for `de`).
    /// `None`: every detector. Kinds listed in `kinds` are on whatever the
    /// locales. Context words of all three languages always count: the
    /// language of the draft, not of the browser, decides which words appear.
    pub locales: Option<Vec<String>>,
    /// Drop findings below this confidence.
    pub min_confidence: Confidence,
    /// Values never reported, compared without separators and case-insensitively
    /// ("4111 1111 1111 1111" allows "4111-1111-1111-1111" too).
    pub allowlist: Vec<String>,
    /// Regular expressions (Rust `regex` syntax, ASCII mode) for values never
    /// reported: a finding whose value as typed matches one entirely is dropped
    /// (`"4242 ?4242 ?4242 ?4242"` for a test card, `"\\+1 ?800.*"`).
    pub allowlist_patterns: Vec<String>,
    /// Detectors defined by the application (patterns, optionally validated).
    pub custom_rules: Vec<CustomRule>,
    /// Drafts longer than this (UTF-8 bytes) are refused with [`ScanError::TooLarge`](super::ScanError::TooLarge).
    pub max_input_bytes: usize,
    /// Return at most this many findings: the first ones in text order, the
    /// same as the start of the full list (`None`: all). Bounds what is built
    /// per finding (previews, reasons, and in JS one object each); the search
    /// still covers the whole text, and [`Guard::redact`](super::Guard::redact)
    /// replaces every finding whatever the cap.
    pub max_findings: Option<usize>,
    /// Put the raw value in [`Finding::value`](crate::Finding::value). Off by
    /// default: findings carry only a masked preview.
    pub include_value: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            kinds: None,
            exclude_kinds: Vec::new(),
            categories: None,
            locales: None,
            min_confidence: Confidence::Low,
            allowlist: Vec::new(),
            allowlist_patterns: Vec::new(),
            custom_rules: Vec::new(),
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            max_findings: None,
            include_value: false,
        }
    }
}

/// Options that cannot be used, with a message naming the problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionsError(pub String);

impl fmt::Display for OptionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid draftguard options: {}", self.0)
    }
}

impl std::error::Error for OptionsError {}

/// Defines an enum of option names: `ALL` (the keys a JS object may have, in
/// documentation order) and `name` (the key).
macro_rules! fields {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $key:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every field, in documentation order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The key in a JS options object, and the field's name in errors.
            pub const fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $key,)*
                }
            }
        }
    };
}

fields! {
    /// A field of [`Options`], by its name in the JS API (`GuardOptions`).
    Field {
        /// [`Options::kinds`]: a list of kind ids.
        Kinds => "kinds",
        /// [`Options::exclude_kinds`]: a list of kind ids.
        ExcludeKinds => "excludeKinds",
        /// [`Options::categories`]: a list of category ids.
        Categories => "categories",
        /// [`Options::locales`]: a list of BCP 47 tags.
        Locales => "locales",
        /// [`Options::min_confidence`]: `"low"`, `"medium"` or `"high"`.
        MinConfidence => "minConfidence",
        /// [`Options::allowlist`]: a list of values.
        Allowlist => "allowlist",
        /// [`Options::allowlist_patterns`]: a list of patterns.
        AllowlistPatterns => "allowlistPatterns",
        /// [`Options::custom_rules`]: a list of rules ([`RuleField`]).
        CustomRules => "customRules",
        /// [`Options::max_input_bytes`]: a whole number.
        MaxInputBytes => "maxInputBytes",
        /// [`Options::max_findings`]: a whole number.
        MaxFindings => "maxFindings",
        /// [`Options::include_value`]: true or false.
        IncludeValue => "includeValue",
    }
}

fields! {
    /// A field of a [`CustomRule`], by its name in the JS API.
    RuleField {
        /// [`CustomRule::kind`]: a string (required).
        Kind => "kind",
        /// [`CustomRule::pattern`]: a string (required).
        Pattern => "pattern",
        /// [`CustomRule::name`]: a string.
        Name => "name",
        /// [`CustomRule::validator`]: a string.
        Validator => "validator",
        /// [`CustomRule::category`]: a category id.
        Category => "category",
        /// [`CustomRule::context`]: a list of words.
        Context => "context",
        /// [`CustomRule::context_required`]: true or false.
        ContextRequired => "contextRequired",
        /// [`CustomRule::confidence`]: `"low"`, `"medium"` or `"high"`.
        Confidence => "confidence",
    }
}

/// Options as checked, with what is normalised.
pub(crate) struct Checked {
    /// The primary language subtags of [`Options::locales`], lower case.
    pub locales: Option<Vec<String>>,
    /// [`Options::max_findings`]; `usize::MAX` for all.
    pub max_findings: usize,
}

impl Options {
    /// Checks every limit and name (custom rules' fields included), in field
    /// order; what needs compiling is checked when it is compiled.
    pub(crate) fn check(&self) -> Result<Checked, OptionsError> {
        for (field, len, max) in [
            (
                Field::CustomRules,
                self.custom_rules.len(),
                MAX_CUSTOM_RULES,
            ),
            (Field::Allowlist, self.allowlist.len(), MAX_ALLOWLIST),
            (
                Field::AllowlistPatterns,
                self.allowlist_patterns.len(),
                MAX_ALLOWLIST_PATTERNS,
            ),
            (
                Field::Locales,
                self.locales.as_ref().map_or(0, Vec::len),
                MAX_LOCALES,
            ),
        ] {
            if len > max {
                return Err(OptionsError(format!(
                    "{} has {len} entries, at most {max} are allowed",
                    field.name()
                )));
            }
        }
        for (i, rule) in self.custom_rules.iter().enumerate() {
            let at = format!("{}[{i}]", Field::CustomRules.name());
            if self.custom_rules[..i].iter().any(|o| o.kind == rule.kind) {
                return Err(OptionsError(format!(
                    "{at}.kind: {:?} is used by two rules",
                    rule.kind
                )));
            }
            custom::check(rule, &at)?;
        }
        let all_kinds = || {
            REGISTRY
                .iter()
                .map(|d| d.kind)
                .chain(self.custom_rules.iter().map(|r| r.kind.as_str()))
        };
        for k in self.kinds.iter().flatten().chain(&self.exclude_kinds) {
            if !all_kinds().any(|d| d == k) {
                let all: Vec<&str> = all_kinds().collect();
                return Err(OptionsError(format!(
                    "unknown kind {k:?}; known kinds: {}",
                    all.join(", ")
                )));
            }
        }
        if self.max_input_bytes == 0 || self.max_input_bytes > MAX_INPUT_BYTES_LIMIT {
            return Err(OptionsError(format!(
                "{} must be between 1 and {MAX_INPUT_BYTES_LIMIT}, got {}",
                Field::MaxInputBytes.name(),
                self.max_input_bytes
            )));
        }
        if let Some(n) = self
            .max_findings
            .filter(|&n| n == 0 || n > MAX_FINDINGS_LIMIT)
        {
            return Err(OptionsError(format!(
                "{} must be between 1 and {MAX_FINDINGS_LIMIT}, got {n}",
                Field::MaxFindings.name(),
            )));
        }
        if let Some(i) = self
            .allowlist_patterns
            .iter()
            .position(|p| p.len() > custom::MAX_PATTERN)
        {
            return Err(OptionsError(format!(
                "{}[{i}]: must be at most {} bytes long",
                Field::AllowlistPatterns.name(),
                custom::MAX_PATTERN
            )));
        }
        let locales = match &self.locales {
            None => None,
            Some(tags) => Some(
                tags.iter()
                    .map(|t| primary_subtag(t))
                    .collect::<Result<Vec<_>, _>>()?,
            ),
        };
        Ok(Checked {
            locales,
            max_findings: self.max_findings.unwrap_or(usize::MAX),
        })
    }
}

/// `n` as the value of the whole-number option `field` ([`Field::MaxInputBytes`]
/// or [`Field::MaxFindings`]), for hosts whose numbers are floating point
/// (JavaScript): a fraction, `NaN` or a number out of range is an error.
pub fn whole_number(field: Field, n: f64) -> Result<usize, OptionsError> {
    let max = match field {
        Field::MaxInputBytes => MAX_INPUT_BYTES_LIMIT,
        Field::MaxFindings => MAX_FINDINGS_LIMIT,
        _ => {
            return Err(OptionsError(format!(
                "{} is not a number option",
                field.name()
            )))
        }
    };
    if n.is_finite() && n.fract() == 0.0 && n >= 1.0 && n <= max as f64 {
        Ok(n as usize)
    } else {
        Err(OptionsError(format!(
            "{} must be a whole number from 1 to {max}, got {}",
            field.name(),
            number_text(n)
        )))
    }
}

/// `n` as JavaScript would print it, for the numbers an error message
/// shows: whole numbers below 2^53, decimals to six places, NaN and the
/// infinities; larger ones are only said to be larger. (Rust's own float
/// formatting would bring about 5 KB gzip into the module for this message.)
/// In f64 and u32 arithmetic only: binaryen's wasm2js (the extension's JS
/// engine) mistranslates a saturating f64 → u64 conversion.
fn number_text(n: f64) -> String {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if n.is_nan() {
        return "NaN".into();
    }
    let sign = if n < 0.0 { "-" } else { "" };
    let a = n.abs();
    if a == f64::INFINITY {
        return format!("{sign}Infinity");
    }
    if a >= EXACT {
        return format!("{sign}a number of 2^53 or more");
    }
    let mut whole = a.trunc();
    let mut micros = ((a - whole) * 1e6).round();
    if micros >= 1e6 {
        whole += 1.0;
        micros = 0.0;
    }
    // Digits of `whole`, exact: every step stays an integer below 2^53.
    let mut digits = Vec::new();
    loop {
        let d = whole % 10.0;
        digits.push(b'0' + d as u8);
        whole = (whole - d) / 10.0;
        if whole == 0.0 {
            break;
        }
    }
    digits.reverse();
    let whole = String::from_utf8(digits).expect("ASCII digits");
    let micros = micros as u32;
    if micros == 0 {
        return format!("{sign}{whole}");
    }
    let frac = format!("{micros:06}");
    format!("{sign}{whole}.{}", frac.trim_end_matches('0'))
}

/// The category whose id is `id` (`"financial"`); `at` says where it was
/// given, as a prefix of the message (`""`, `"customRules[0].category: "`).
pub fn category(id: &str, at: &str) -> Result<Category, OptionsError> {
    Category::parse(id).ok_or_else(|| {
        let all: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
        OptionsError(format!(
            "{at}unknown category {id:?}; expected one of {}",
            all.join(", ")
        ))
    })
}

/// The confidence whose id is `id` (`"medium"`); `at` names the field.
pub fn confidence(id: &str, at: &str) -> Result<Confidence, OptionsError> {
    Confidence::parse(id).ok_or_else(|| {
        OptionsError(format!(
            "{at} must be \"low\", \"medium\" or \"high\", got {id:?}"
        ))
    })
}

/// The primary language subtag of a BCP 47 tag, lower-cased: `"de-CH"` → `"de"`.
fn primary_subtag(tag: &str) -> Result<String, OptionsError> {
    let primary = tag.split(['-', '_']).next().unwrap_or("");
    if (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(primary.to_ascii_lowercase())
    } else {
        Err(OptionsError(format!(
            "{}: {tag:?} is not a language tag such as \"en\", \"de-CH\" or \"zh-Hans\"",
            Field::Locales.name()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_name_the_field() {
        assert_eq!(whole_number(Field::MaxFindings, 10.0), Ok(10));
        for n in [0.0, -1.0, 1.5, f64::NAN, f64::INFINITY, 2f64.powi(40)] {
            let e = whole_number(Field::MaxInputBytes, n).unwrap_err().0;
            assert!(
                e.starts_with("maxInputBytes must be a whole number from 1 to 268435456, got "),
                "{e}"
            );
        }
        assert!(whole_number(Field::IncludeValue, 1.0).is_err());
    }

    #[test]
    fn a_rejected_number_reads_as_javascript_prints_it() {
        let cases = [
            (0.0, "0"),
            (-1.0, "-1"),
            (1.5, "1.5"),
            (0.1, "0.1"),
            (-2.25, "-2.25"),
            (300000000.0, "300000000"),
            (1099511627776.0, "1099511627776"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "Infinity"),
            (f64::NEG_INFINITY, "-Infinity"),
            (1e300, "a number of 2^53 or more"),
        ];
        for (n, text) in cases {
            let e = whole_number(Field::MaxFindings, n).unwrap_err().0;
            assert!(e.ends_with(&format!(", got {text}")), "{n}: {e}");
        }
    }

    #[test]
    fn names_are_the_js_keys_and_unique() {
        let mut keys: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
        keys.extend(RuleField::ALL.iter().map(|f| f.name()));
        assert_eq!(keys.len(), 19);
        assert_eq!(Field::MaxFindings.name(), "maxFindings");
        assert_eq!(RuleField::ContextRequired.name(), "contextRequired");
        let rules = &keys[Field::ALL.len()..];
        let mut sorted = rules.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), rules.len());
    }

    #[test]
    fn checked_options_are_normalised() {
        let c = Options {
            locales: Some(vec!["de-CH".into(), "zh_Hans".into(), "EN".into()]),
            max_findings: Some(5),
            ..Options::default()
        }
        .check()
        .expect("valid");
        assert_eq!(
            c.locales.as_deref(),
            Some(&["de".into(), "zh".into(), "en".into()][..])
        );
        assert_eq!(c.max_findings, 5);
        assert_eq!(
            Options::default().check().expect("valid").max_findings,
            usize::MAX
        );
    }
}
