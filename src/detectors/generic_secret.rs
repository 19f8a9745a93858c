//! High-entropy secrets next to a secret-ish key, when no provider-specific
//! detector knows their format.
//!
//! Keys (case-insensitive, alone or as the end of a longer key such as
//! `GITHUB_TOKEN`, `stripe.secret_key`, `clientSecret`, `X-API-Key`):
//! `secret`, `token`, `api_key`/`apikey`, `access_key`, `private_key`,
//! `signing_key`, `encryption_key`, `master_key`, `session_key`,
//! `account_key` (Azure `AccountKey=`), `auth`,
//! German `Schlüssel`, `Geheimnis`, Chinese `密钥`, `秘钥`, `令牌`; in
//! `key = value`, `key: value`, JSON, `.env`, HTTP headers (`-H "X-API-Key: …"`),
//! `Authorization: Bearer …` / `Token …` / `Basic …`, a bare `Bearer …`, and
//! prose ("the API key is …", "der Schlüssel lautet …", "令牌是…"). The span is the value.
//!
//! Check rule (no public specification; thresholds tuned on the fixture):
//! the value is 16–512 characters of `[A-Za-z0-9+/=_.~-]` and
//! * hex (one letter case): at least 32 characters, Shannon entropy ≥ 3.0
//!   bits/char, digits and letters both present;
//! * otherwise (base64 / base62 / URL-safe): at least 20 characters, entropy
//!   ≥ 3.5 bits/char (≥ 3.3 from 32 characters), at least one digit, and
//!   upper and lower case letters or at least two digits. Random base62 of 20
//!   characters averages about 4.0 bits/char; identifiers that reach these
//!   values are caught by shape instead (below). On 2,000 random values each,
//!   this accepts ~96 % of base62-20 (the rest have no digit), ~99 % of
//!   base62-32, ~99 % of lower-case+digit-24 and all hex-32.
//!
//! Never reported: UUIDs, SRI hashes (`sha384-…`), base64 images (`iVBORw0KGgo…`,
//! `/9j/…`, `R0lGOD…`), identifiers and paths (`tokenExpiryInSeconds`,
//! `get_api_key_from_env`, `oauth2_token_v2`, `X509RequestInheritOptions`:
//! mostly runs of 4+ lower-case letters), placeholders as in `password`
//! ([`secret_value::PLACEHOLDER_SHAPES_DOC`]). Keys that merely contain
//! "key"/"token" as a word part (`monkey`, `keyboard`, `max_tokens`, `author`)
//! are not keys; git SHAs next to "commit"/"sha" have no secret key.
//!
//! ```
//! use draftguard::detectors::generic_secret::validate;
//! assert!(validate("Zq8vR2mXk4Lp9TnW3sYb7HdC").is_ok());
//! assert!(validate("tokenExpiryInSeconds").is_err());
//! ```
use super::secret_value::{self, entropy, is_identifier_like, is_placeholder, looks_like_word};
use super::{Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words};
use crate::finding::{Alphabet, Reason};

/// The generic secret detector.
pub const DETECTOR: Detector = Detector {
    kind: "generic_secret",
    category: Category::Credential,
    locales: &[],
    name: L10n {
        en: "Secret key or token",
        de: "Geheimer Schlüssel oder Token",
        zh: "密钥或令牌",
    },
    label: L10n {
        en: "SECRET",
        de: "GEHEIMNIS",
        zh: "密钥",
    },
    checks: "High-entropy value next to a secret-like key (thresholds per alphabet)",
    #[cfg(not(target_family = "wasm"))]
    pattern: concat!(
        "(?:",
        // key = value, key: value, "key": "value", X-API-Key: value. The match
        // starts at the keyword (`GITHUB_TOKEN`, `accessToken`): patterns that
        // start with literals let the regex skip ahead instead of scanning.
        r#"(?i:(?:secret|token|api[_-]?key|access[_-]?key|private[_-]?key|signing[_-]?key|encryption[_-]?key|master[_-]?key|session[_-]?key|account[_-]?key|auth)(?:[_.-]?(?:key|token|secret|value|b64|base64|base|hex|raw|str|string|data|prod|live))?(?:[_.-](?:key|value|b64|base64|base|hex|raw|str|string|data|prod|live))?)\b["']?[ \t]*(?::=|=>|[:=])[ \t]*(?:["'`]|“|„|‘|「|[(\[{<]|【|（|《)?"#,
        r#"(?i:(?:bearer|token|basic)[ \t]+(?:["'`]|“|„|‘|「|[(\[{<]|【|（|《)?)?"#,
        // Authorization: Bearer …, a bare Bearer …
        r#"|\b(?i:authorization)["']?[ \t]*[:=][ \t]*["']?(?i:bearer|token|basic)[ \t]+(?:["'`]|“|„|‘|「|[(\[{<]|【|（|《)?|\b(?i:bearer)[ \t]+(?:["'`]|“|„|‘|「|[(\[{<]|【|（|《)?"#,
        // prose: the API key is …, der Schlüssel lautet …
        r#"|\b(?i:secret|token|api[ -]?key|access[ -]?key|schlüssel|geheimnis)[ \t]+(?i:is|ist|lautet)[ \t]*:?[ \t]+(?i:(?:now|jetzt)[ \t]+)?(?:["'`]|“|„|‘|「|[(\[{<]|【|（|《)?"#,
        r#"|(?i:schlüssel|geheimnis)[ \t]*[:=][ \t]*(?:["'`]|“|„|‘|「|[(\[{<]|【|（|《)?"#,
        // 密钥是… 令牌：…
        r#"|(?:密钥|秘钥|令牌)[ \t]*(?:(?:是|为)[ \t]*(?:：|:)?|：|:|=)[ \t]*(?:["'`]|“|„|‘|「|[(\[{<]|【|（|《)?"#,
        ")",
        // A trailing `.` ends the sentence, not the value.
        r#"(?P<value>[A-Za-z0-9+/_.~=-]{15,511}[A-Za-z0-9+/_~=-])"#,
    ),
    prefilter: Prefilter::Keywords {
        words: &[
            "secret",
            "token",
            "api_key",
            "apikey",
            "api-key",
            "api key",
            "access_key",
            "accesskey",
            "access-key",
            "private_key",
            "privatekey",
            "private-key",
            "signing_key",
            "signing-key",
            "signingkey",
            "encryption_key",
            "encryption-key",
            "encryptionkey",
            "master_key",
            "master-key",
            "masterkey",
            "accountkey",
            "account_key",
            "session_key",
            "session-key",
            "sessionkey",
            "auth\"",
            "auth'",
            "auth:",
            "auth=",
            "auth =",
            "auth_",
            "authorization",
            "bearer",
            "schlüssel",
            "geheimnis",
            "密钥",
            "秘钥",
            "令牌",
        ],
        before: 64,
        after: 600,
    },
    context: Words::NONE,
    // Pagination cursors and CSRF tokens are random but not credentials.
    negative_context: Words {
        en: words![
            "page",
            "cursor",
            "continuation",
            "pagination",
            "csrf",
            "xsrf",
            "nonce",
        ],
        de: words![],
        zh: words![],
    },
    scoring: Scoring {
        alone: Some(Confidence::High),
        with_context: Confidence::High,
    },
    priority: 30,
    keep_last: 0,
    keep_leading_letters: 0,
    preview: Some(secret_value::preview),
    validate,
    by_group: None,
};

/// The earliest byte where the value of the pattern's match `hay[start..end]`
/// can start, read from the match alone (no captures): after its first `:`,
/// `=`, blank or non-ASCII byte, and after its last byte the value cannot hold.
/// The value is the end of the match, all bytes of its class; every way the
/// pattern reaches it passes one of the first (`key=`, `key: `, `Bearer `,
/// "the API key is ", `Schlüssel`, `令牌`), so that byte is before the value.
/// A scan uses it to leave a match unvalidated whose value lies inside a
/// finding that wins over it anyway ([`crate::Guard::scan`]).
pub(crate) fn value_after(hay: &[u8], start: usize, end: usize) -> usize {
    let m = &hay[start..end];
    let first = m
        .iter()
        .position(|&b| matches!(b, b':' | b'=' | b' ' | b'\t') || b >= 0x80);
    let last = m.iter().rposition(|&b| {
        !(b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'_' | b'.' | b'~' | b'=' | b'-'))
    });
    start + first.max(last).map_or(0, |i| i + 1)
}

/// Prefixes of values that are not secrets: SRI hashes and base64 images.
const NOT_SECRET_PREFIXES: &[&str] = &[
    "sha1-",
    "sha256-",
    "sha384-",
    "sha512-",
    "iVBORw0KGgo",
    "/9j/",
    "R0lGOD",
    "UklGR",
    "PHN2Zy",
];

/// Checks that `value` is random enough to be a secret and is not a known non-secret shape.
pub fn validate(value: &str) -> Result<Valid, Invalid> {
    let v = value.trim_end_matches(['.', '-', '_', '~']);
    if v.len() < 16 || v.len() > 512 {
        return Err(Invalid::Length);
    }
    if is_uuid(v) || NOT_SECRET_PREFIXES.iter().any(|p| v.starts_with(p)) {
        return Err(Invalid::Format);
    }
    // Base64 JSON (`eyJ…`) is a JWT's shape: the `jwt` detector decides, and
    // what it rejects (published examples, placeholders, broken tokens) is not a secret here either.
    if v.starts_with("eyJ") {
        return Err(Invalid::Format);
    }
    if is_placeholder(v)
        || secret_value::is_stand_in_token(v)
        || looks_like_word(v)
        || is_identifier_like(v)
    {
        return Err(Invalid::Format);
    }
    let b = v.as_bytes();
    let digits = b.iter().filter(|c| c.is_ascii_digit()).count();
    let lower = b.iter().any(u8::is_ascii_lowercase);
    let upper = b.iter().any(u8::is_ascii_uppercase);
    let h = entropy(v);
    // Humps only mean words in mixed case; lower-case random text has long letter runs.
    if lower && upper && is_wordy(v) {
        return Err(Invalid::Format);
    }
    let hex = b.iter().all(u8::is_ascii_hexdigit) && !(lower && upper);
    let reason = if hex {
        if v.len() < 32 {
            return Err(Invalid::Length);
        }
        if h < 3.0 || digits == 0 || digits == v.len() {
            return Err(Invalid::Component);
        }
        Alphabet::Hex
    } else {
        if v.len() < 20 {
            return Err(Invalid::Length);
        }
        let need = if v.len() >= 32 { 3.3 } else { 3.5 };
        if h < need || digits == 0 || !((lower && upper) || digits >= 2) {
            return Err(Invalid::Component);
        }
        Alphabet::Base64
    };
    Ok(Valid::new(
        v.to_ascii_uppercase(),
        vec![Reason::Entropy(reason)],
    ))
}

/// 8-4-4-4-12 hex digits.
fn is_uuid(v: &str) -> bool {
    v.split('-').map(str::len).eq([8, 4, 4, 4, 12])
        && v.bytes().all(|c| c == b'-' || c.is_ascii_hexdigit())
}

/// Mostly dictionary-like humps (`X509RequestInheritOptions`): at least 65 %
/// of the value is in runs of an optional capital and 4+ lower-case letters.
/// Random base62 rarely is (about 0.5 % of 20-character values).
fn is_wordy(v: &str) -> bool {
    let b = v.as_bytes();
    let mut covered = 0;
    let mut i = 0;
    while i < b.len() {
        let start = i;
        if b[i].is_ascii_uppercase() {
            i += 1;
        }
        let lower_start = i;
        while i < b.len() && b[i].is_ascii_lowercase() {
            i += 1;
        }
        if i - lower_start >= 4 {
            covered += i - start;
        }
        if i == start {
            i += 1;
        }
    }
    covered * 100 >= b.len() * 65
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_values_pass_and_shapes_do_not() {
        assert!(validate("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b").is_ok());
        assert!(validate("550e8400-e29b-41d4-a716-446655440000").is_err());
        assert!(validate(
            "sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC"
        )
        .is_err());
        assert!(validate("get_api_key_from_env").is_err());
        assert!(validate("oauth2_access_token_v2").is_err());
        assert!(validate("aaaaaaaaaaaaaaaaaaaaaaaa").is_err());
        assert!(validate("X509RequestInheritOptions").is_err());
    }
}
