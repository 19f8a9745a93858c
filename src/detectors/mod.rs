//! Detectors: one file each, declared as data plus a `validate` function.
//!
//! Adding an identifier = one file here + one line in [`REGISTRY`] + one
//! fixture in `tests/fixtures/<kind>.txt` (a test fails if the fixture is missing).

use std::fmt;

use crate::finding::Reason;

/// A [`Words`] list: the words in one string, each ended by a line feed.
/// One string, not a slice of them: a slice's pointer and length per word
/// (8 bytes each in the module, 961 words) compress far worse than text.
macro_rules! words {
    ($($w:literal),* $(,)?) => {
        concat!($($w, "\n"),*)
    };
}
#[cfg(test)]
pub(crate) use words;

pub mod api_key;
pub mod bank_account;
pub mod br_cnpj;
pub mod br_cpf;
pub mod ca_sin;
pub mod cn_resident_id;
pub mod common;
pub mod confidential_marker;
pub mod connection_string;
pub mod credit_card;
pub mod de_health_insurance;
pub mod de_id_card;
pub mod de_tax_id;
pub mod email;
pub mod es_dni;
pub mod es_nie;
pub mod fr_nir;
pub mod generic_secret;
pub mod iban;
pub mod in_aadhaar;
pub mod in_pan;
pub mod ip_address;
pub mod it_fiscal_code;
pub mod jwt;
pub mod medical;
pub mod nl_bsn;
pub mod passport_mrz;
pub mod passport_number;
pub mod password;
pub mod phone;
pub mod pl_pesel;
pub mod private_key;
pub mod secret_value;
pub mod seed_phrase;
pub mod uk_nhs;
pub mod uk_nino;
pub mod us_aba_routing;
pub mod us_drivers_license;
pub mod us_itin;
pub mod us_medicare_mbi;
pub mod us_passport;
pub mod us_ssn;

/// Every detector, in one list. Order does not matter for results: overlaps are
/// resolved by confidence, then [`Detector::priority`].
pub static REGISTRY: &[&Detector] = &[
    &credit_card::DETECTOR,
    &iban::DETECTOR,
    &us_ssn::DETECTOR,
    &us_itin::DETECTOR,
    &us_aba_routing::DETECTOR,
    &bank_account::DETECTOR,
    &private_key::DETECTOR,
    &confidential_marker::DETECTOR,
    &api_key::DETECTOR,
    &de_tax_id::DETECTOR,
    &uk_nino::DETECTOR,
    &es_dni::DETECTOR,
    &es_nie::DETECTOR,
    &it_fiscal_code::DETECTOR,
    &fr_nir::DETECTOR,
    &passport_mrz::DETECTOR,
    &de_id_card::DETECTOR,
    &nl_bsn::DETECTOR,
    &pl_pesel::DETECTOR,
    &uk_nhs::DETECTOR,
    &de_health_insurance::DETECTOR,
    &passport_number::DETECTOR,
    &connection_string::DETECTOR,
    &password::DETECTOR,
    &generic_secret::DETECTOR,
    &jwt::DETECTOR,
    &seed_phrase::DETECTOR,
    &cn_resident_id::DETECTOR,
    &in_aadhaar::DETECTOR,
    &br_cpf::DETECTOR,
    &in_pan::DETECTOR,
    &ca_sin::DETECTOR,
    &us_medicare_mbi::DETECTOR,
    &us_passport::DETECTOR,
    &us_drivers_license::DETECTOR,
    &br_cnpj::DETECTOR,
    &email::DETECTOR,
    &ip_address::DETECTOR,
    &phone::DETECTOR,
    &medical::DETECTOR,
];

/// The detectors whose patterns end with word lists ([`Terms`]), and the lists.
/// A table, not a field of [`Detector`]: all but these have none.
static TERMS: &[(&str, Terms)] = &[("medical", medical::LITERALS)];

/// The word lists `kind`'s pattern ends with, if it has any ([`Terms`]).
pub fn terms(kind: &str) -> Option<&'static Terms> {
    TERMS.iter().find(|(k, _)| *k == kind).map(|(_, t)| t)
}

/// Looks a detector up by its stable `kind` id.
pub fn by_kind(kind: &str) -> Option<&'static Detector> {
    REGISTRY.iter().copied().find(|d| d.kind == kind)
}

/// A kind of sensitive data and how to find it.
#[derive(Debug)]
pub struct Detector {
    /// Stable snake_case id, e.g. `"credit_card"`; part of the public API.
    pub kind: &'static str,
    /// Broad class, used for options and the user-facing prompt.
    pub category: Category,
    /// Languages (BCP 47 primary subtags) of the places this identifier is
    /// used in, e.g. `&["de"]` for the German tax ID. A guard whose `locales`
    /// option names none of them leaves the detector off unless `kinds` asks
    /// for it. Empty: used everywhere (cards, IBANs, keys).
    pub locales: &'static [&'static str],
    /// Plain-language name, e.g. "Credit card number".
    pub name: L10n,
    /// Upper-case label for redaction, e.g. "CREDIT CARD" (rendered `[CREDIT CARD]`).
    pub label: L10n,
    /// What is validated, in one line (English), for settings UIs and docs:
    /// "Luhn check plus issuer range and length of 8 card networks".
    pub checks: &'static str,
    /// Candidate pattern (Rust `regex` syntax, ASCII mode) run on normalised
    /// text. If it has a capture group named `value` (or several, `value`,
    /// `value2`, … for alternatives that end differently), the first that took
    /// part is the finding's span and what `validate` sees (`password\s*=\s*(?P<value>\S+)`);
    /// otherwise the whole match is. Number patterns start and end with `\b`.
    /// Not in the WebAssembly module: there the patterns' automata, built by
    /// `gen/` from this text, are all the engine needs (gen/tests/fresh.rs
    /// checks they are this text's). Word lists that end it are kept apart
    /// ([`terms`]).
    #[cfg(not(target_family = "wasm"))]
    pub pattern: &'static str,
    /// What must be in the text before the pattern runs at all.
    pub prefilter: Prefilter,
    /// Words that make a candidate more likely to be this kind, per language.
    pub context: Words,
    /// Words that make a candidate *less* likely ("order number", "invoice").
    pub negative_context: Words,
    /// Confidence without and with context. `alone: None` means a candidate is
    /// reported only when a context word is near it.
    pub scoring: Scoring,
    /// Specificity: where candidates of two kinds overlap, the higher priority
    /// wins (then the higher confidence). Catch-alls (bank_account,
    /// generic_secret, password) are low; checksum-validated kinds high.
    pub priority: u8,
    /// How many trailing alphanumerics a mask customarily keeps ("•••• 4242").
    pub keep_last: u8,
    /// Leading letters kept by a mask (the IBAN country code); digits never are.
    pub keep_leading_letters: u8,
    /// A preview for values masking would make useless (a whole PEM block);
    /// `None`: the masked value (`•••• •••• •••• 4242`), capped in length.
    pub preview: Option<fn(&str) -> String>,
    /// Checks a candidate (as typed, normalised) and returns the compact value.
    pub validate: fn(&str) -> Result<Valid, Invalid>,
    /// For a pattern whose named groups tell which alternative matched (the
    /// API-key table: group `p<i>` is row `i`): `validate` and `preview` told
    /// that group's name. The scan resolves a match's groups anyway; these
    /// answer as `validate` and `preview` do, without finding the row again.
    pub by_group: Option<ByGroup>,
}

/// [`Detector::by_group`]: validation and preview of a value whose pattern's
/// group `group` (not a `value` group) took part in the match.
#[derive(Clone, Copy, Debug)]
pub struct ByGroup {
    /// `validate(value)`, for a value that matched in `group`.
    pub validate: fn(value: &str, group: &str) -> Result<Valid, Invalid>,
    /// `preview(value)`, for a value that matched in `group`.
    pub preview: fn(value: &str, group: &str) -> String,
}

/// Broad class of a finding. Serialised in snake_case in the JS API.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// Cards, bank accounts, routing numbers.
    Financial,
    /// National IDs, tax IDs, passports, driver's licences.
    GovernmentId,
    /// Passwords, API keys, private keys.
    Credential,
    /// Health information.
    Medical,
    /// Classification markers on business documents.
    Confidential,
    /// Email addresses, phone numbers.
    Contact,
}

impl Category {
    /// Every category, in display order.
    pub const ALL: [Category; 6] = [
        Category::Financial,
        Category::GovernmentId,
        Category::Credential,
        Category::Medical,
        Category::Confidential,
        Category::Contact,
    ];

    /// The stable snake_case id used in the JS API.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Financial => "financial",
            Category::GovernmentId => "government_id",
            Category::Credential => "credential",
            Category::Medical => "medical",
            Category::Confidential => "confidential",
            Category::Contact => "contact",
        }
    }

    /// Parses the snake_case id.
    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How sure the guard is that a finding is what its kind says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Confidence {
    /// Plausible; shown quietly.
    Low,
    /// Valid structure and checksum, no context.
    Medium,
    /// Valid and confirmed by context, or a strong checksum on its own.
    High,
}

impl Confidence {
    /// `"low" | "medium" | "high"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }

    /// Parses `"low" | "medium" | "high"`.
    pub fn parse(s: &str) -> Option<Confidence> {
        [Confidence::Low, Confidence::Medium, Confidence::High]
            .into_iter()
            .find(|c| c.as_str() == s)
    }

    pub(crate) fn raised(self) -> Confidence {
        match self {
            Confidence::Low => Confidence::Medium,
            _ => Confidence::High,
        }
    }

    pub(crate) fn lowered(self) -> Option<Confidence> {
        match self {
            Confidence::High => Some(Confidence::Medium),
            Confidence::Medium => Some(Confidence::Low),
            Confidence::Low => None,
        }
    }
}

/// Confidence of a validated candidate without and with context.
#[derive(Clone, Copy, Debug)]
pub struct Scoring {
    /// Confidence with no context word nearby; `None`: context is required.
    pub alone: Option<Confidence>,
    /// Confidence with a context word nearby.
    pub with_context: Confidence,
}

/// What must be present before a detector's pattern runs, and where it runs.
#[derive(Clone, Copy, Debug)]
pub enum Prefilter {
    /// A cluster of at least this many ASCII digits (after normalisation)
    /// joined by single separators. The pattern runs around the cluster;
    /// matches must stand alone (not one link of a `-`/`.`/`/` chain) and are
    /// shortened group by group when they do not validate.
    Digits(u8),
    /// One of these ASCII keywords, matched case-insensitively (one pass over
    /// the text for all detectors). The pattern runs from `before` bytes
    /// before a hit to `after` bytes after it.
    Keywords {
        /// Literal keywords or prefixes: `"ghp_"`, `"password"`, `"-----BEGIN"`.
        words: &'static [&'static str],
        /// Bytes the window reaches before a keyword hit.
        before: u16,
        /// Bytes the window reaches after a keyword hit.
        after: u16,
    },
    /// The pattern runs over the whole text (for shapes with no keyword);
    /// with a [`Scope`], the search skips to the places its matches can be.
    Always(Option<Scope>),
}

/// Where in a text a whole-text pattern's matches can be: `scope(hay, from)`
/// is the first run of bytes of `hay`, after `from` or holding it, that may
/// hold a match starting at or after `from`; `None` if there is none.
///
/// The search then runs only over each run (from `from` at the earliest),
/// with the byte after the run as context for `\b` and `$`, and finds
/// exactly what a search over the whole text finds — if the detector's
/// scope keeps its promise: **every match of its pattern lies inside one
/// run, and the byte after a run is no part of a match.** Each scope's doc
/// says why that holds for its pattern; the engine's tests compare the
/// findings with and without scopes. A scope must cost less than the
/// lazy DFA's pass it saves (a few instructions a byte) and stay linear:
/// called again from the end of the last match, it must not re-read the
/// text before `from`.
pub type Scope = fn(hay: &[u8], from: usize) -> Option<std::ops::Range<usize>>;

/// Where a match of a pattern searched from starts can begin:
/// `may_start(hay, s)` is `false` only if no match of the detector's pattern
/// begins at byte `s` of `hay` (a UTF-8 text; `s` is a start the pattern's
/// first bytes allow). The search then skips `s` without stepping the
/// pattern's automaton from there. Each filter's doc says why it keeps that
/// promise; a test checks every start it rules out, in every fixture and
/// draft, against an anchored search, and the engine's tests compare the
/// findings with and without it. It must cost less than the automaton's
/// steps it saves (a few instructions a byte).
pub type MayStart = fn(hay: &[u8], s: usize) -> bool;

/// The patterns searched from starts that rule out most starts before
/// stepping their automaton ([`MayStart`]).
pub fn may_start(kind: &str) -> Option<MayStart> {
    match kind {
        "connection_string" => Some(connection_string::may_start),
        _ => None,
    }
}

/// What a window of a keyword-led detector must hold to be searched at all.
/// A window is searched over its own bytes only, so a match in it lies
/// inside it, and with the match what the match holds. Each declaration's
/// doc says why its detector's findings hold it; the engine's tests compare
/// the findings with and without the filter.
#[derive(Clone, Copy, Debug)]
pub struct Needs {
    /// Words one of which every match holds (ASCII letters in either case);
    /// empty: no such words.
    pub words: &'static [&'static str],
    /// Every value that validates holds at least this many ASCII digits
    /// (after normalisation), so a window with fewer holds no finding.
    pub digits: u8,
}

/// The keyword-led detectors whose windows must hold something ([`Needs`]).
pub fn needs(kind: &str) -> Option<Needs> {
    let digits = |digits| Needs { words: &[], digits };
    match kind {
        "connection_string" => Some(Needs {
            words: connection_string::NEEDS,
            digits: 0,
        }),
        // `validate` requires a digit.
        "passport_number" => Some(digits(1)),
        // The pattern's value is nine digits.
        "ca_sin" => Some(digits(9)),
        _ => None,
    }
}

/// One string per supported UI language.
#[derive(Clone, Copy, Debug)]
pub struct L10n {
    /// English.
    pub en: &'static str,
    /// German.
    pub de: &'static str,
    /// Chinese (simplified).
    pub zh: &'static str,
}

impl L10n {
    /// The string for `locale`.
    pub fn get(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::En => self.en,
            Locale::De => self.de,
            Locale::Zh => self.zh,
        }
    }
}

/// A supported language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Locale {
    /// English (default).
    #[default]
    En,
    /// German.
    De,
    /// Chinese (simplified).
    Zh,
}

impl Locale {
    /// Parses a BCP 47 tag by its primary language: `"de-CH"` → German.
    pub fn parse(tag: &str) -> Option<Locale> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Locale::En),
            "de" => Some(Locale::De),
            "zh" => Some(Locale::Zh),
            _ => None,
        }
    }
}

/// Context words per language, lower case. Latin words match as whole words
/// (so "lic" never matches inside "public"); CJK words match as substrings,
/// because CJK text has no spaces.
#[derive(Clone, Copy, Debug)]
pub struct Words {
    /// English: each word ended by a line feed ([`words!`]).
    pub en: &'static str,
    /// German, the same way.
    pub de: &'static str,
    /// Chinese, the same way.
    pub zh: &'static str,
}

impl Words {
    /// No words.
    pub const NONE: Words = Words {
        en: words![],
        de: words![],
        zh: words![],
    };

    /// All words of all languages.
    pub fn all(&self) -> impl Iterator<Item = &'static str> {
        self.en
            .lines()
            .chain(self.de.lines())
            .chain(self.zh.lines())
    }
}

/// Word lists that end a detector's pattern, matched by a keyword automaton
/// built at run time rather than compiled into the pattern's automaton
/// ([`terms`]). The detector matches as its pattern followed by the
/// alternatives `|(?P<value>\b(?i:words…)\b|anywhere…)` would, in the
/// pattern's ASCII mode: at one start the pattern's own match comes first,
/// then the first term in list order; a term's match is the finding's span.
#[derive(Clone, Copy, Debug)]
pub struct Terms {
    /// Whole words (an ASCII word boundary on both sides), ASCII letters in either case.
    pub words: &'static [&'static str],
    /// Anywhere (CJK terms), ASCII letters in either case.
    pub anywhere: &'static [&'static str],
}

/// A validated candidate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Valid {
    /// The value without separators, upper case (used for the allowlist).
    pub compact: String,
    /// Why it is believed: `Checksum(Luhn)`, `Issuer("visa")`, ….
    pub reasons: Vec<Reason>,
    /// A weak shape of this kind (e.g. an unformatted SSN): report it only
    /// with context, and one confidence level lower.
    pub weak: bool,
    /// What this shape says on its own, where the shapes of one kind differ
    /// more than `weak` tells (`weak` wins over it).
    pub evidence: Evidence,
}

/// How much a validated value's shape says on its own, next to its
/// detector's [`Scoring`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Evidence {
    /// As the detector's [`Scoring`] says.
    #[default]
    Plain,
    /// Written this way the value is its kind even without a context word:
    /// alone it scores as with context (an international phone number
    /// `+49 30 …`, an IPv4 address with multi-digit octets). A negative
    /// context word near it ("version") scores it as [`Evidence::Plain`]. No
    /// effect on a detector that reports nothing alone (`alone: None`).
    Strong,
    /// Ambiguous alone, plain after a label: reported only with a context
    /// word, and at the detector's with-context confidence only if one is
    /// before the value (a label) and no negative context word is near;
    /// otherwise one level lower (a Chinese mobile written as one run after
    /// "电话" is medium; an 11-digit "Kundennummer" or "customer no." in a
    /// message that ends "有问题再联系" is low).
    Labelled,
    /// Its provider is named by its shape alone (a prefix-less API key: 32
    /// hex characters are "a Datadog key"): a context word opens its gate
    /// only if one of these words (the provider's name, its variable's name)
    /// is near too, compared in lower case without `_`, `-` and spaces. A
    /// `clientSecret` near 32 hex digits is a secret, not a Datadog key.
    Named(&'static [&'static str]),
}

impl Valid {
    pub(crate) fn new(compact: String, reasons: Vec<Reason>) -> Valid {
        Valid {
            compact,
            reasons,
            weak: false,
            evidence: Evidence::Plain,
        }
    }
}

/// Why a candidate is not this kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Invalid {
    /// Wrong number of characters.
    Length,
    /// Wrong shape: characters, grouping or separators.
    Format,
    /// The check digit(s) do not match.
    Checksum,
    /// A component is out of range (issuer prefix, country, area number, …).
    Component,
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Invalid::Length => "wrong length",
            Invalid::Format => "wrong format",
            Invalid::Checksum => "check digit mismatch",
            Invalid::Component => "component out of range",
        })
    }
}

impl std::error::Error for Invalid {}

/// Helpers shared by detectors' `validate` functions.
pub(crate) mod shape {
    use super::Invalid;

    /// `true` for a separator a value may be grouped with: a space or `-`
    /// (a pattern, not a search of a list: asked for every byte of a match).
    pub fn is_separator(b: u8) -> bool {
        matches!(b, b' ' | b'-')
    }

    /// ASCII alphanumerics of `s`, upper-cased; the separator bytes seen.
    /// Fails on any other character or on mixed separators ("4111 1111-1111").
    pub fn compact(s: &str) -> Result<String, Invalid> {
        // Bytes (ASCII only), made a `String` once at the end.
        let mut out = Vec::with_capacity(s.len());
        let mut sep: Option<u8> = None;
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() {
                out.push(b.to_ascii_uppercase());
            } else if is_separator(b) {
                if sep.is_some_and(|x| x != b) {
                    return Err(Invalid::Format);
                }
                sep = Some(b);
            } else {
                return Err(Invalid::Format);
            }
        }
        Ok(String::from_utf8(out).expect("ASCII letters and digits"))
    }

    /// The ASCII letters and digits of `s`, upper-cased: the compact form of a
    /// value for the allowlist ("4111-1111" and "4111 1111" compare equal).
    pub fn alnum_upper(s: &str) -> String {
        // Bytes, not characters: no byte of a non-ASCII character is an ASCII
        // letter or digit. Collected into a buffer of the right size, not
        // pushed to a `String` character by character (a JWT's compact form
        // cost 20 k instructions that way).
        let mut out = Vec::with_capacity(s.len());
        out.extend(
            s.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| b.to_ascii_uppercase()),
        );
        String::from_utf8(out).expect("ASCII letters and digits")
    }

    /// The digits of a separator-grouped number that must have exactly `n`
    /// ASCII digits (`"536-22-8726"`, 9): [`compact`], then the length and
    /// digit check every fixed-length national number starts with.
    pub fn digits(s: &str, n: usize) -> Result<String, Invalid> {
        let d = compact(s)?;
        if d.len() != n || !d.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Invalid::Length);
        }
        Ok(d)
    }

    /// Lengths of the groups of `s` split at separators.
    pub fn groups(s: &str) -> Vec<usize> {
        s.split(|c: char| c.is_ascii() && is_separator(c as u8))
            .map(str::len)
            .collect()
    }

    /// `true` for digits people type as a stand-in: one repeated digit or a
    /// counting run up or down ("00000000", "12345678", "987654321").
    pub fn is_stand_in_digits(digits: &str) -> bool {
        all_same(digits) || "0123456789".contains(digits) || "9876543210".contains(digits)
    }

    /// `true` if every character of the ASCII digit string is the same ("0000000").
    pub fn all_same(digits: &str) -> bool {
        let b = digits.as_bytes();
        b.iter().all(|&c| c == b[0])
    }
}

#[cfg(test)]
mod registry_tests {
    use super::*;

    #[test]
    fn every_detector_is_well_formed() {
        let mut kinds: Vec<&str> = REGISTRY.iter().map(|d| d.kind).collect();
        kinds.sort_unstable();
        kinds.dedup();
        assert_eq!(kinds.len(), REGISTRY.len(), "kinds are unique");
        for d in REGISTRY {
            let k = d.kind;
            assert!(
                k.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{k}"
            );
            for s in [
                d.name.en, d.name.de, d.name.zh, d.label.en, d.label.de, d.label.zh,
            ] {
                assert!(
                    !s.trim().is_empty(),
                    "{k}: every name and label in en, de, zh"
                );
            }
            assert!(d.checks.len() > 10, "{k}: says what it validates");
            for l in d.locales {
                assert!(
                    (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_lowercase()),
                    "{k}: locale {l:?}"
                );
            }
            // Neighbourhoods are lower-cased before matching: an upper-case word never matches.
            for w in d.context.all().chain(d.negative_context.all()) {
                assert_eq!(
                    w,
                    crate::scan::lower(w),
                    "{k}: context word {w:?} must be lower case"
                );
                assert!(
                    !w.trim().is_empty() && w.trim() == w,
                    "{k}: context word {w:?}"
                );
            }
            // A context-gated detector needs words in every language the
            // product speaks, or German and Chinese drafts can never trigger it.
            if d.scoring.alone.is_none() {
                for (lang, words) in [
                    ("en", d.context.en),
                    ("de", d.context.de),
                    ("zh", d.context.zh),
                ] {
                    assert!(!words.is_empty(), "{k}: context-gated without {lang} words");
                }
            }
        }
    }
}
