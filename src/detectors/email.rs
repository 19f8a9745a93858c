//! Email address (a practical subset of RFC 5322 `addr-spec`).
//!
//! `local@domain`: the local part is dot-separated atoms of letters, digits
//! and `_ % + ' -` (no leading, trailing or double dot; at most 64
//! characters); the domain is dot-separated labels of letters, digits and
//! inner hyphens (at most 63 characters each) ending in a top-level domain of
//! 2–24 letters. Quoted local parts and address literals (`"a b"@x`,
//! `a@[192.0.2.1]`) are not looked for.
//!
//! Not reported, because they name no person or are not addresses at all:
//! - reserved and placeholder domains: `example.*` and `*.example`, `.test`,
//!   `.invalid`, `.localhost`, `.local` (RFC 2606, RFC 6761), `domain.tld`,
//!   `domain.com`, `yourdomain.*`, `mydomain.*`; `user@localhost` has no TLD
//!   and never matches;
//! - SSH remotes: `git@github.com:org/repo.git` (an address followed by `:`
//!   and a non-space) and every `git@` user;
//! - no-reply senders (`noreply@`, `no-reply@`, `donotreply@`);
//! - asset names such as `icon@2x.png` (a first domain label like `2x`, or a
//!   file extension as TLD), npm scopes and versions (`@scope/pkg`,
//!   `lodash@4.17.21`), `@mentions` (no local part).
//!
//! Role mailboxes (`info@`, `support@`, `sales@`, …) belong to no one person:
//! they are weak and reported only near a context word such as "email".
//! Spec: RFC 5322 §3.4.1, RFC 5321 §4.5.3.1 (length limits), RFC 2606, RFC 6761.
//!
//! ```
//! use draftguard::detectors::email::validate;
//! assert!(validate("jane.doe@posteo.de").is_ok());
//! assert!(validate("you@example.com").is_err());
//! ```
use super::{Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words};
use crate::finding::{Format, Reason};

/// The email address detector.
pub const DETECTOR: Detector = Detector {
    kind: "email",
    category: Category::Contact,
    locales: &[],
    name: L10n {
        en: "Email address",
        de: "E-Mail-Adresse",
        zh: "电子邮件地址",
    },
    label: L10n {
        en: "EMAIL",
        de: "E-MAIL",
        zh: "邮箱",
    },
    checks: "RFC 5322 address shape with a real TLD; example and reserved domains ignored",
    // The address is the `value`; the one byte after it is matched so that an
    // SSH remote (`git@host:path`) does not match at all.
    // Not right after `/` or `:` (but after `mailto:`): `https://user@host/…` and
    // `pserver:anoncvs@host` are URL user-info.
    #[cfg(not(target_family = "wasm"))]
    pattern: r"(?:^|(?i:mailto:)|[^/:A-Za-z0-9_%+.-])(?P<value>[A-Za-z0-9_][A-Za-z0-9_%+'-]*(?:\.[A-Za-z0-9_%+'-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24})\b(?:[^:]|:\s|:$|$)",
    prefilter: Prefilter::Keywords {
        words: &["@"],
        before: 64,
        after: 255,
    },
    context: Words {
        en: words![
            "email", "e-mail", "mail", "mail me", "email me", "contact", "reach me", "write to",
            "address",
        ],
        de: words![
            "e-mail",
            "e-mail-adresse",
            "mailadresse",
            "mail-adresse",
            "emailadresse",
            "kontakt",
            "erreichbar",
            "schreib",
            "schreiben",
            "adresse",
        ],
        zh: words!["邮箱", "电子邮件", "电邮", "邮件", "联系方式", "联系"],
    },
    negative_context: Words::NONE,
    scoring: Scoring {
        alone: Some(Confidence::Medium),
        with_context: Confidence::Medium,
    },
    priority: 30,
    keep_last: 0,
    keep_leading_letters: 0,
    preview: None,
    validate,
    by_group: None,
};

/// Second-level names used as placeholders in docs and forms ("you@yourdomain.com").
const PLACEHOLDER_NAMES: &[&str] = &[
    "example",
    "domain",
    "yourdomain",
    "your-domain",
    "mydomain",
    "my-domain",
    "yourcompany",
    "your-company",
    "yoursite",
    "somedomain",
];

/// Reserved or placeholder top-level domains (RFC 2606, RFC 6761, "domain.tld").
const RESERVED_TLDS: &[&str] = &["example", "test", "invalid", "localhost", "local", "tld"];

/// File extensions that end asset names such as `logo@2x.png`.
const FILE_EXTENSIONS: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "tif", "tiff", "avif", "heic", "pdf",
    "js", "mjs", "cjs", "ts", "tsx", "jsx", "css", "scss", "less", "map", "json", "txt", "log",
    "html", "htm", "xml", "yml", "yaml", "toml", "lock", "tgz", "gz", "mp3", "mp4", "wav",
];

/// Local parts that are not a person's mailbox at all.
const NOT_A_MAILBOX: &[&str] = &[
    "git",
    "noreply",
    "no-reply",
    "no_reply",
    "donotreply",
    "do-not-reply",
    "do_not_reply",
    "mailer-daemon",
];

/// Role mailboxes: real, but nobody's personal address.
const ROLES: &[&str] = &[
    "info",
    "support",
    "sales",
    "contact",
    "hello",
    "admin",
    "office",
    "service",
    "help",
    "billing",
    "webmaster",
    "postmaster",
    "abuse",
    "security",
    "privacy",
    "press",
    "jobs",
    "careers",
    "team",
    "kontakt",
    "buero",
    "vertrieb",
];

/// Returns the address, lower-cased, if `candidate` is a personal-looking email address.
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let (local, domain) = candidate.split_once('@').ok_or(Invalid::Format)?;
    if local.is_empty() || local.len() > 64 || domain.len() > 253 {
        return Err(Invalid::Length);
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(Invalid::Format);
    }
    let local_ok = local
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"._%+'-".contains(&b));
    if !local_ok {
        return Err(Invalid::Format);
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 {
        return Err(Invalid::Format);
    }
    for l in &labels {
        let ok = !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !ok {
            return Err(Invalid::Format);
        }
    }
    let lower_local = local.to_ascii_lowercase();
    let lower_domain = domain.to_ascii_lowercase();
    let labels: Vec<&str> = lower_domain.split('.').collect();
    let tld = labels[labels.len() - 1];
    let second = labels[labels.len() - 2];
    if !tld.bytes().all(|b| b.is_ascii_alphabetic()) || tld.len() < 2 {
        return Err(Invalid::Format);
    }
    if RESERVED_TLDS.contains(&tld)
        || labels.contains(&"example")
        || PLACEHOLDER_NAMES.contains(&second)
    {
        return Err(Invalid::Component);
    }
    if FILE_EXTENSIONS.contains(&tld) || is_scale_suffix(labels[0]) {
        return Err(Invalid::Format);
    }
    if NOT_A_MAILBOX.contains(&lower_local.as_str()) {
        return Err(Invalid::Component);
    }
    let role = ROLES.contains(&lower_local.as_str());
    Ok(Valid {
        // `local@domain` upper-cased (the same as its lower-cased parts upper-cased).
        compact: candidate.to_ascii_uppercase(),
        reasons: vec![Reason::Format(if role {
            Format::EmailRole
        } else {
            Format::EmailSyntax
        })],
        weak: role,
        evidence: super::Evidence::Plain,
    })
}

/// `2x`, `3x`, `1.5x`-style first labels of asset names (`logo@2x.png`).
fn is_scale_suffix(label: &str) -> bool {
    label
        .strip_suffix('x')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_addresses() {
        for a in [
            "jane.doe@posteo.de",
            "li.wei+news@qq.com",
            "o'brien@mail.co.uk",
            "max_mustermann-1@web.de",
            "zhang3@mails.tsinghua.edu.cn",
        ] {
            assert!(validate(a).is_ok(), "{a}");
        }
    }

    #[test]
    fn rejects_placeholders_assets_and_service_users() {
        assert_eq!(validate("you@example.com"), Err(Invalid::Component));
        assert_eq!(validate("name@example.org"), Err(Invalid::Component));
        assert_eq!(validate("a@mail.example.de"), Err(Invalid::Component));
        assert_eq!(validate("user@domain.tld"), Err(Invalid::Component));
        assert_eq!(validate("me@yourdomain.com"), Err(Invalid::Component));
        assert_eq!(validate("bob@printer.local"), Err(Invalid::Component));
        assert_eq!(validate("git@github.com"), Err(Invalid::Component));
        assert_eq!(validate("noreply@github.com"), Err(Invalid::Component));
        assert_eq!(validate("logo@2x.png"), Err(Invalid::Format));
        assert_eq!(validate("icon@sprite.svg"), Err(Invalid::Format));
        assert_eq!(validate("a..b@x.com"), Err(Invalid::Format));
        assert_eq!(validate("a@x.c0m"), Err(Invalid::Format));
    }

    #[test]
    fn role_mailboxes_are_weak() {
        assert!(validate("support@acme.io").unwrap().weak);
        assert!(!validate("jane@acme.io").unwrap().weak);
    }
}
