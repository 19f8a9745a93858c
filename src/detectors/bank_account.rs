//! Bank account number given next to an explicit label.
//!
//! Domestic account numbers (US 6–17 digits, German Kontonummer up to 10,
//! Chinese 16–19, …) have no common structure or check digit, so a run of
//! 6–19 digits (optionally dash-grouped) is reported only right after a strong
//! label such as "account number", "Kontonummer" or "银行账号", and always with
//! low confidence. IBANs and cards are found by their own detectors and win overlaps.
//!
//! ```
//! use draftguard::detectors::bank_account::validate;
//! assert!(validate("12345678").is_ok());
//! assert!(validate("00000000").is_err());
//! assert!(validate("2024-05-01").is_err()); // a date
//! ```
use super::{
    shape, Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words,
};
use crate::finding::{Format, Reason};

/// The bank account detector.
pub const DETECTOR: Detector = Detector {
    kind: "bank_account",
    category: Category::Financial,
    locales: &[],
    name: L10n {
        en: "Bank account number",
        de: "Kontonummer",
        zh: "银行账号",
    },
    label: L10n {
        en: "ACCOUNT NUMBER",
        de: "KONTONUMMER",
        zh: "银行账号",
    },
    checks: "6–19 digits right after an account-number label; not a date, not one repeated digit",
    #[cfg(not(target_family = "wasm"))]
    pattern: r"\b(?:[0-9]{6,19}|[0-9]{2,6}(?:-[0-9]{2,10}){1,3})\b",
    prefilter: Prefilter::Digits(6),
    context: Words {
        en: words![
            "account number",
            "account no",
            "account #",
            "acct",
            "acct no",
            "acct #",
            "a/c",
            "bank account",
            "checking account",
            "savings account",
        ],
        de: words![
            "kontonummer",
            "konto-nr",
            "konto nr",
            "kontonr",
            "bankkonto",
            "girokonto",
            "sparkonto",
        ],
        zh: words!["银行账号", "银行账户", "账号", "账户号码", "帐号", "存折"],
    },
    negative_context: super::common::NOT_SENSITIVE,
    scoring: Scoring {
        alone: None,
        with_context: Confidence::Low,
    },
    priority: 10,
    keep_last: 4,
    keep_leading_letters: 0,
    preview: None,
    validate,
    by_group: None,
};

/// Returns the digits if `candidate` could be an account number.
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let digits = shape::compact(candidate)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Invalid::Format);
    }
    if !(6..=19).contains(&digits.len()) {
        return Err(Invalid::Length);
    }
    if shape::all_same(&digits) || is_date(candidate) {
        return Err(Invalid::Component);
    }
    Ok(Valid::new(
        digits,
        vec![Reason::Format(Format::AccountShape)],
    ))
}

/// `2024-05-01` or `01-05-2024`: a date, not an account.
fn is_date(candidate: &str) -> bool {
    let num = |p: &str| p.parse::<u32>().ok();
    let mut parts = candidate.split('-');
    let (Some(a), Some(b), Some(c), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let (y, m, d) = match (a.len(), b.len(), c.len()) {
        (4, 2, 2) => (num(a), num(b), num(c)),
        (2, 2, 4) => (num(c), num(b), num(a)),
        _ => return false,
    };
    matches!((y, m, d), (Some(y), Some(m), Some(d)) if (1900..=2099).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
}
