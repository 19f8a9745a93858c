//! What a scan reports: [`Finding`]s, each of a [`Kind`], with the
//! [`Reason`]s it was reported for.
//!
//! A kind is a built-in detector (a `&'static` [`Detector`] of the registry)
//! or one of a guard's custom rules. A custom rule's data belongs to the guard
//! that was built with it and to the findings it produced (reference-counted):
//! nothing of it outlives them, so a page creating guards with ever new rules
//! does not grow memory.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use crate::detectors::{Category, Confidence, Detector, Invalid, Locale, Scoring, Valid};

/// One piece of sensitive data found in a draft.
#[derive(Clone)]
pub struct Finding {
    /// The detector's stable id, e.g. `"credit_card"` (compares equal to a `&str`).
    pub kind: Kind,
    /// The detector's category.
    pub category: Category,
    /// UTF-8 byte offset of the value's first byte in the scanned text.
    pub start: usize,
    /// UTF-8 byte offset just past the value.
    pub end: usize,
    /// How sure the guard is.
    pub confidence: Confidence,
    /// Why, as typed facts: `[Checksum(Luhn), Issuer("visa"), Context("card")]`,
    /// which read (`to_string()`, and in JS) `"luhn"`, `"issuer:visa"`, `"context:card"`.
    pub reasons: Vec<Reason>,
    /// The value as typed, masked: `"•••• •••• •••• 1111"`.
    pub preview: String,
    /// The raw value, only with [`Options::include_value`](crate::Options::include_value).
    pub value: Option<String>,
}

impl Finding {
    /// The built-in detector that produced this finding (`None` for a custom rule).
    pub fn detector(&self) -> Option<&'static Detector> {
        self.kind.detector()
    }
}

impl PartialEq for Finding {
    fn eq(&self, o: &Finding) -> bool {
        (
            self.kind.as_str(),
            self.category,
            self.start,
            self.end,
            self.confidence,
        ) == (o.kind.as_str(), o.category, o.start, o.end, o.confidence)
            && (&self.reasons, &self.preview, &self.value) == (&o.reasons, &o.preview, &o.value)
    }
}

impl Eq for Finding {}

impl fmt::Debug for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Finding")
            .field("kind", &self.kind.as_str())
            .field("category", &self.category)
            .field("start", &self.start)
            .field("end", &self.end)
            .field("confidence", &self.confidence)
            .field("reasons", &self.reasons)
            .field("preview", &self.preview)
            .field("value", &self.value)
            .finish()
    }
}

/// A detector's `validate` function.
pub type Validate = fn(&str) -> Result<Valid, Invalid>;

/// The kind of a finding: a built-in detector or a custom rule. Cheap to
/// clone; reads as its id (`kind == "iban"`, `&*kind`, `format!("{kind}")`).
#[derive(Clone)]
pub struct Kind(Source);

#[derive(Clone)]
enum Source {
    Builtin(&'static Detector),
    Custom(Arc<Custom>),
}

/// A custom rule's data, owned.
pub(crate) struct Custom {
    pub kind: Box<str>,
    pub name: Box<str>,
    pub label: Box<str>,
    pub checks: Box<str>,
    pub category: Category,
    pub scoring: Scoring,
    pub validate: Validate,
}

/// Overlap priority of every custom rule (built-in detectors: see [`Detector::priority`]).
const CUSTOM_PRIORITY: u8 = 60;

impl Kind {
    /// The kind of built-in detector `d`.
    pub const fn of(d: &'static Detector) -> Kind {
        Kind(Source::Builtin(d))
    }

    pub(crate) fn custom(c: Custom) -> Kind {
        Kind(Source::Custom(Arc::new(c)))
    }

    /// The stable id, e.g. `"credit_card"`.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Source::Builtin(d) => d.kind,
            Source::Custom(c) => &c.kind,
        }
    }

    /// The built-in detector (`None` for a custom rule).
    pub fn detector(&self) -> Option<&'static Detector> {
        match self.0 {
            Source::Builtin(d) => Some(d),
            Source::Custom(_) => None,
        }
    }

    /// The category of its findings.
    pub fn category(&self) -> Category {
        match &self.0 {
            Source::Builtin(d) => d.category,
            Source::Custom(c) => c.category,
        }
    }

    /// Plain-language name in `locale` ("Credit card number").
    pub fn name(&self, locale: Locale) -> &str {
        match &self.0 {
            Source::Builtin(d) => d.name.get(locale),
            Source::Custom(c) => &c.name,
        }
    }

    /// Upper-case redaction label in `locale` ("CREDIT CARD").
    pub fn label(&self, locale: Locale) -> &str {
        match &self.0 {
            Source::Builtin(d) => d.label.get(locale),
            Source::Custom(c) => &c.label,
        }
    }

    /// What is validated, in one line (English).
    pub fn checks(&self) -> &str {
        match &self.0 {
            Source::Builtin(d) => d.checks,
            Source::Custom(c) => &c.checks,
        }
    }

    /// Confidence without and with context.
    pub fn scoring(&self) -> Scoring {
        match &self.0 {
            Source::Builtin(d) => d.scoring,
            Source::Custom(c) => c.scoring,
        }
    }

    /// Where overlapping candidates of two kinds meet, the higher priority wins.
    pub fn priority(&self) -> u8 {
        match &self.0 {
            Source::Builtin(d) => d.priority,
            Source::Custom(_) => CUSTOM_PRIORITY,
        }
    }

    /// Checks a candidate and returns its compact value.
    pub fn validate(&self, candidate: &str) -> Result<Valid, Invalid> {
        match &self.0 {
            Source::Builtin(d) => (d.validate)(candidate),
            Source::Custom(c) => (c.validate)(candidate),
        }
    }

    /// Trailing alphanumerics a mask keeps ("•••• 4242").
    pub fn keep_last(&self) -> u8 {
        self.detector().map_or(0, |d| d.keep_last)
    }

    /// Leading letters a mask keeps (the IBAN country code).
    pub fn keep_leading_letters(&self) -> u8 {
        self.detector().map_or(0, |d| d.keep_leading_letters)
    }

    /// Validation and preview told which group matched ([`crate::detectors::ByGroup`]).
    pub fn by_group(&self) -> Option<crate::detectors::ByGroup> {
        self.detector().and_then(|d| d.by_group)
    }

    /// The detector's own preview, for values masking would make useless.
    pub fn own_preview(&self) -> Option<fn(&str) -> String> {
        self.detector().and_then(|d| d.preview)
    }
}

impl Deref for Kind {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Kind {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Kind {
    fn eq(&self, o: &Kind) -> bool {
        self.as_str() == o.as_str()
    }
}

impl Eq for Kind {}

impl PartialEq<str> for Kind {
    fn eq(&self, o: &str) -> bool {
        self.as_str() == o
    }
}

impl PartialEq<&str> for Kind {
    fn eq(&self, o: &&str) -> bool {
        self.as_str() == *o
    }
}

impl PartialEq<Kind> for &str {
    fn eq(&self, o: &Kind) -> bool {
        *self == o.as_str()
    }
}

impl PartialEq<String> for Kind {
    fn eq(&self, o: &String) -> bool {
        self.as_str() == o
    }
}

impl std::hash::Hash for Kind {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.as_str().hash(h);
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// Defines an enum of facts that each read as one fixed string, with `ALL`
/// (every value, for tests and tools) and `as_str` (the canonical string).
macro_rules! named {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $s:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The canonical string, as the JS API reports it.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $s,)*
                }
            }
        }
    };
}

/// Why a finding was reported: one fact each. Typed, so the prompt words
/// each kind of fact in the user's language (`web::i18n` matches on it) and a
/// new kind of fact cannot go unworded. Each reads as a canonical string
/// (`Display`; in the JS API and the CLI): `"luhn"`, `"issuer:visa"`,
/// `"context:card"`, and compares equal to it (`reason == "luhn"`).
/// Cheap: every payload is `&'static` data except a custom rule's context
/// word, which is shared with the rule.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Reason {
    /// A check digit or checksum verified: `"luhn"`, `"mod97"`, `"checksum:crc32"`, ….
    Checksum(Checksum),
    /// The value's structure is this kind's (a component in range, a known
    /// format): `"ssn_structure"`, `"phone_plan"`, `"nanp"`, ….
    Format(Format),
    /// An API key in a provider's published format: `"provider:<id>"` (`"provider:github"`).
    Provider(&'static str),
    /// The card network whose issuer range a card number is in: `"issuer:<network>"` (`"issuer:visa"`).
    Issuer(&'static str),
    /// A Luhn-valid card number whose prefix is in no known network's issuer
    /// ranges (a new or private-label issuer), reported because a card word is
    /// next to it: `"issuer:unknown"`.
    IssuerUnknown,
    /// An IBAN's country: `"country:<ISO 3166 code>"` (`"country:DE"`).
    Country(&'static str),
    /// The algorithm a token's header names: `"alg:<name>"` (`"alg:HS256"`, `"alg:other"`).
    Algorithm(&'static str),
    /// The key type a PEM block's label names: `"type:<type>"` (`"type:rsa"`).
    KeyType(&'static str),
    /// A passport number in one country's shape: `"shape:<country>"` (`"shape:de"`, `"shape:generic"`).
    Shape(&'static str),
    /// The number of words of a seed phrase: `"words:12"`; `None`: `"words:other"`.
    Words(Option<u8>),
    /// Random like a generated secret: `"entropy:hex"`, `"entropy:base64"`.
    Entropy(Alphabet),
    /// A classification or confidentiality marking: `"marker"`, `"tlp"`, ….
    Marker(Marker),
    /// One of the application's custom rules matched: `"custom_rule"`.
    CustomRule,
    /// A context word near the value: `"context:<word>"` (`"context:card"`).
    Context(Word),
    /// A word near the value that suggests something else, which lowered the
    /// confidence: `"unlikely:<word>"` (`"unlikely:order"`).
    Unlikely(Word),
}

named! {
    /// A check digit or checksum rule (the algorithms are in [`crate::checksum`]).
    Checksum {
        /// Luhn (mod 10): cards, Canadian SIN.
        Luhn => "luhn",
        /// ISO 7064 MOD 97-10: IBANs.
        Mod97 => "mod97",
        /// The French NIR's key (97 minus the number mod 97).
        Mod97Key => "mod97_key",
        /// The ABA routing number checksum (weights 3, 7, 1).
        Aba => "aba_checksum",
        /// The Dutch BSN's eleven test.
        Elfproef => "elfproef",
        /// Weighted mod 11 check digits (Brazilian CPF and CNPJ).
        Mod11 => "mod11",
        /// ISO 7064 MOD 11-2: Chinese resident ID.
        Mod11_2 => "mod11_2",
        /// ISO 7064 MOD 11,10: German tax ID.
        Mod11_10 => "mod11_10",
        /// Verhoeff: Aadhaar.
        Verhoeff => "verhoeff",
        /// ICAO 9303 check digits (weights 7, 3, 1): MRZ, German ID card.
        Icao9303 => "icao9303",
        /// The KVNR's check digit (German health insurance number).
        KvnrMod10 => "kvnr_mod10",
        /// The NHS number's mod 11 check digit.
        NhsMod11 => "nhs_mod11",
        /// The PESEL check digit.
        Pesel => "pesel_check",
        /// The Italian fiscal code's check letter.
        CfCheckLetter => "cf_check_letter",
        /// The Spanish DNI/NIE letter (mod 23).
        Mod23Letter => "mod23_letter",
        /// The BIP-39 checksum of a seed phrase.
        Bip39 => "bip39",
        /// A token's embedded CRC-32 (GitHub tokens).
        Crc32 => "checksum:crc32",
    }
}

named! {
    /// A fact about a value's structure: what fits this kind besides a checksum.
    Format {
        /// A bank account number's length and shape.
        AccountShape => "account_shape",
        /// A valid date of birth in the number.
        BirthDate => "birth_date",
        /// A known region code in the number.
        Region => "region",
        /// A connection string with a user and a password.
        Credentials => "credentials",
        /// A role mailbox (info@, support@).
        EmailRole => "email_role",
        /// A personal email address.
        EmailSyntax => "email_syntax",
        /// The Indian PAN's structure.
        PanStructure => "pan_structure",
        /// A public IPv4 address.
        Ipv4Public => "ipv4_public",
        /// A public IPv6 address.
        Ipv6Public => "ipv6_public",
        /// An ICD-10 code.
        Icd10 => "icd10",
        /// A health term.
        HealthTerm => "health_term",
        /// The UK National Insurance number's structure.
        NinoStructure => "nino_structure",
        /// A US state's driver's licence format.
        StateFormat => "state_format",
        /// The US ITIN's structure.
        ItinStructure => "itin_structure",
        /// The Medicare Beneficiary Identifier's format.
        MbiFormat => "mbi_format",
        /// A US passport number's shape.
        PassportShape => "passport_shape",
        /// The SSN's structure (area, group, serial).
        SsnStructure => "ssn_structure",
        /// A German ID card serial's structure, without its check digit.
        SerialStructure => "serial_structure",
        /// A password that reads like one.
        Plausible => "plausible",
        /// A short or simple password.
        Weak => "weak",
        /// A phone number in a numbering plan.
        PhonePlan => "phone_plan",
        /// An international number with a valid country code.
        International => "international",
        /// A North American number.
        Nanp => "nanp",
        /// A Chinese mobile number.
        CnMobile => "cn_mobile",
        /// An Indian mobile number.
        InMobile => "in_mobile",
        /// A Spanish number.
        Es => "es",
        /// A French number in pairs.
        Fr => "fr",
        /// A national number with a trunk 0 and an area code.
        Trunk0 => "trunk0",
        /// A signed JSON Web Token.
        Jwt => "jwt",
        /// A JSON Web Encryption token.
        Jwe => "jwe",
        /// A token without a signature.
        Unsigned => "unsigned",
        /// A PEM block that decodes.
        PemBlock => "pem_block",
        /// A PEM block cut short.
        Truncated => "truncated",
    }
}

named! {
    /// The alphabet of a random-looking secret.
    Alphabet {
        /// Hex digits.
        Hex => "hex",
        /// Base64 (or base64url) characters.
        Base64 => "base64",
    }
}

named! {
    /// A confidentiality marking.
    Marker {
        /// "CONFIDENTIAL", "VS-NfD", "Streng vertraulich", ….
        Marking => "marker",
        /// A Traffic Light Protocol label ("TLP:RED").
        Tlp => "tlp",
        /// "Privileged & confidential", attorney-client.
        LegalPrivilege => "legal_privilege",
        /// A Chinese classification (绝密, 机密, 秘密, 内部资料).
        Cjk => "cjk_marker",
    }
}

impl Reason {
    /// Every reason without a payload from detector data or the text (the
    /// checksums, formats, alphabets, markings, `IssuerUnknown` and `CustomRule`), for tests
    /// and tools.
    pub fn fixed() -> impl Iterator<Item = Reason> {
        let checksums = Checksum::ALL.iter().map(|&c| Reason::Checksum(c));
        let formats = Format::ALL.iter().map(|&f| Reason::Format(f));
        let entropy = Alphabet::ALL.iter().map(|&a| Reason::Entropy(a));
        let markers = Marker::ALL.iter().map(|&m| Reason::Marker(m));
        checksums
            .chain(formats)
            .chain(entropy)
            .chain(markers)
            .chain([Reason::IssuerUnknown, Reason::CustomRule])
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Checksum(c) => f.write_str(c.as_str()),
            Reason::Format(x) => f.write_str(x.as_str()),
            Reason::Provider(id) => write!(f, "provider:{id}"),
            Reason::Issuer(id) => write!(f, "issuer:{id}"),
            Reason::IssuerUnknown => f.write_str("issuer:unknown"),
            Reason::Country(cc) => write!(f, "country:{cc}"),
            Reason::Algorithm(a) => write!(f, "alg:{a}"),
            Reason::KeyType(t) => write!(f, "type:{t}"),
            Reason::Shape(s) => write!(f, "shape:{s}"),
            Reason::Words(Some(n)) => write!(f, "words:{n}"),
            Reason::Words(None) => f.write_str("words:other"),
            Reason::Entropy(a) => write!(f, "entropy:{}", a.as_str()),
            Reason::Marker(m) => f.write_str(m.as_str()),
            Reason::CustomRule => f.write_str("custom_rule"),
            Reason::Context(w) => write!(f, "context:{w}"),
            Reason::Unlikely(w) => write!(f, "unlikely:{w}"),
        }
    }
}

impl PartialEq<str> for Reason {
    /// Compares the canonical string with `s`, without building it.
    fn eq(&self, s: &str) -> bool {
        /// What is left of `s` after each piece written matched its start.
        struct Rest<'a>(&'a str);
        impl fmt::Write for Rest<'_> {
            fn write_str(&mut self, piece: &str) -> fmt::Result {
                self.0 = self.0.strip_prefix(piece).ok_or(fmt::Error)?;
                Ok(())
            }
        }
        let mut rest = Rest(s);
        fmt::write(&mut rest, format_args!("{self}")).is_ok() && rest.0.is_empty()
    }
}

impl PartialEq<&str> for Reason {
    fn eq(&self, s: &&str) -> bool {
        *self == **s
    }
}

impl PartialEq<String> for Reason {
    fn eq(&self, s: &String) -> bool {
        *self == **s
    }
}

/// A context word as a [`Reason`] holds it: a detector's own (`&'static`) or
/// one of a custom rule's (shared with the rule: cloning it copies no text).
/// Reads as the word (`&*word`, `format!("{word}")`).
#[derive(Clone)]
pub struct Word(WordText);

#[derive(Clone)]
enum WordText {
    Static(&'static str),
    Shared(Arc<str>),
}

impl Word {
    /// The word, lower case.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            WordText::Static(w) => w,
            WordText::Shared(w) => w,
        }
    }
}

impl From<&'static str> for Word {
    fn from(w: &'static str) -> Word {
        Word(WordText::Static(w))
    }
}

impl From<String> for Word {
    fn from(w: String) -> Word {
        Word(WordText::Shared(w.into()))
    }
}

impl Deref for Word {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Word {
    fn eq(&self, o: &Word) -> bool {
        self.as_str() == o.as_str()
    }
}

impl Eq for Word {}

impl std::hash::Hash for Word {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.as_str().hash(h);
    }
}

impl fmt::Display for Word {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Word {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_read_as_their_canonical_strings() {
        let cases: [(Reason, &str); 11] = [
            (Reason::Checksum(Checksum::Luhn), "luhn"),
            (Reason::IssuerUnknown, "issuer:unknown"),
            (Reason::Checksum(Checksum::Crc32), "checksum:crc32"),
            (Reason::Issuer("visa"), "issuer:visa"),
            (Reason::Country("DE"), "country:DE"),
            (Reason::Words(Some(12)), "words:12"),
            (Reason::Words(None), "words:other"),
            (Reason::Entropy(Alphabet::Base64), "entropy:base64"),
            (Reason::Marker(Marker::Cjk), "cjk_marker"),
            (Reason::Context("卡号".into()), "context:卡号"),
            (
                Reason::Unlikely(String::from("order").into()),
                "unlikely:order",
            ),
        ];
        for (reason, s) in cases {
            assert_eq!(reason.to_string(), s);
            assert!(reason == s, "{reason:?} == {s:?}");
            let (last, _) = s.char_indices().last().expect("not empty");
            assert!(reason != s[..last], "{reason:?}: a prefix is not equal");
            assert!(
                reason != format!("{s}x"),
                "{reason:?}: a longer string is not equal"
            );
        }
    }

    #[test]
    fn fixed_reasons_read_differently() {
        let mut seen: Vec<String> = Reason::fixed().map(|r| r.to_string()).collect();
        let n = seen.len();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), n, "two fixed reasons read the same");
    }
}
