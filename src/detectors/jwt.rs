//! JSON Web Tokens: signed (JWS) and encrypted (JWE) compact serialisations.
//!
//! A JWS is three base64url parts joined by dots, `header.payload.signature`;
//! a JWE is five, `header.encrypted_key.iv.ciphertext.tag`. The header is a
//! JSON object with an `"alg"` member (so it almost always starts `eyJ`, the
//! encoding of `{"`). A candidate counts only if its header decodes to a JSON
//! object whose `alg` is a string, and, for a JWS, its payload decodes to a JSON
//! object and the signature is present (empty only with `"alg":"none"`); a JWE
//! header must also name its `enc`, and its IV, ciphertext and tag must be
//! present. The JSON check is a small strict syntax check (no JSON crate in the
//! core). Unsigned tokens (`alg: none`) are weak: reported only next to a word
//! like "token" or "bearer". The published examples of jwt.io and RFC 7519 are
//! not secrets and are ignored. Spec: RFC 7519 (JWT), RFC 7515 §7.1 (JWS
//! compact serialisation), RFC 7516 §7.1 (JWE), RFC 7518 (algorithm names).
//!
//! Whether a token has expired is not reported: the core has no clock on
//! `wasm32-unknown-unknown`, and an expired token's claims are still personal data.
//!
//! ```
//! use draftguard::detectors::jwt::validate;
//! let token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1XzQ4MjEzIn0.zV0Hhd1P3f6Xl0tq2E6aGdhB7QyGX2rF9h3c8m5LkYw";
//! assert_eq!(validate(token).unwrap().reasons, ["jwt", "alg:HS256"]);
//! // A header that is not JSON with an "alg" member.
//! assert!(validate("eyJub3QiOiJhIHRva2VuIn0.eyJzdWIiOiJ1XzQ4MjEzIn0.zV0Hhd1P3f6Xl0tq2E6aGdhB7Qy").is_err());
//! ```
use super::{Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words};
use crate::codec;
use crate::finding::{Format, Reason};

/// The JSON Web Token detector.
pub const DETECTOR: Detector = Detector {
    kind: "jwt",
    category: Category::Credential,
    locales: &[],
    name: L10n {
        en: "JSON Web Token",
        de: "JSON Web Token",
        zh: "JSON Web 令牌",
    },
    label: L10n {
        en: "JWT",
        de: "JWT",
        zh: "JWT 令牌",
    },
    checks: "Header and payload decode to JSON with an alg; signature present",
    // A base64url character before `eyJ` would make it the middle of some
    // other string; `%3D` is a URL-encoded `=` ("next=%2F%3Ftoken%3DeyJ…").
    #[cfg(not(target_family = "wasm"))]
    pattern: r"(?:^|[^A-Za-z0-9_-]|%3[Dd])(?P<value>eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,})?)",
    prefilter: Prefilter::Keywords {
        words: &["eyJ"],
        before: 3,
        after: 16_000,
    },
    context: Words {
        en: words![
            "token",
            "jwt",
            "bearer",
            "authorization",
            "access_token",
            "id_token",
            "refresh_token",
            "cookie",
            "session",
        ],
        de: words!["token", "zugangstoken", "sitzung"],
        zh: words!["令牌", "凭证", "会话"],
    },
    negative_context: Words::NONE,
    scoring: Scoring {
        alone: Some(Confidence::High),
        with_context: Confidence::High,
    },
    priority: 90,
    keep_last: 0,
    keep_leading_letters: 0,
    preview: Some(preview),
    validate,
    by_group: None,
};

/// Algorithm names of RFC 7518 (and RFC 8037 / 8812), reported as `alg:<name>`
/// ([`Reason::Algorithm`]); any other as `alg:other`.
const ALGS: &[&str] = &[
    "HS256",
    "HS384",
    "HS512",
    "RS256",
    "RS384",
    "RS512",
    "ES256",
    "ES384",
    "ES512",
    "ES256K",
    "PS256",
    "PS384",
    "PS512",
    "EdDSA",
    "none",
    "RSA1_5",
    "RSA-OAEP",
    "RSA-OAEP-256",
    "A128KW",
    "A192KW",
    "A256KW",
    "dir",
    "ECDH-ES",
    "ECDH-ES+A128KW",
    "ECDH-ES+A192KW",
    "ECDH-ES+A256KW",
    "A128GCMKW",
    "A192GCMKW",
    "A256GCMKW",
    "PBES2-HS256+A128KW",
    "PBES2-HS384+A192KW",
    "PBES2-HS512+A256KW",
];

/// Signatures of tokens published as examples (jwt.io's default token,
/// RFC 7519 §3.1): pasting them shares nothing.
const PUBLISHED_EXAMPLES: &[&str] = &[
    "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
    "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
];

/// "eyJ…(JWT, HS256)": the kind of token and its algorithm, nothing of its claims.
fn preview(token: &str) -> String {
    let kind = if token.split('.').count() == 5 {
        "JWE"
    } else {
        "JWT"
    };
    let header = token.split('.').next().unwrap_or("");
    match header_alg(header).and_then(|alg| ALGS.iter().find(|a| **a == alg)) {
        Some(alg) => format!("eyJ…({kind}, {alg})"),
        None => format!("eyJ…({kind})"),
    }
}

/// Checks that `token` is a JWS or JWE whose header (and JWS payload) are JSON objects.
pub fn validate(token: &str) -> Result<Valid, Invalid> {
    let parts: Vec<&str> = token.split('.').collect();
    if parts.len() != 3 && parts.len() != 5 {
        return Err(Invalid::Format);
    }
    let header = decode_object(parts[0]).ok_or(Invalid::Format)?;
    let alg = member_str(&header, "alg").ok_or(Invalid::Format)?;
    if alg.is_empty()
        || alg.len() > 32
        || !alg
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+_-".contains(&b))
    {
        return Err(Invalid::Component);
    }
    let alg_reason = Reason::Algorithm(ALGS.iter().find(|a| **a == alg).map_or("other", |a| a));
    let mut weak = false;
    let kind = if parts.len() == 3 {
        decode_object(parts[1]).ok_or(Invalid::Format)?;
        let signature = parts[2];
        if alg == "none" {
            if !signature.is_empty() {
                return Err(Invalid::Component);
            }
            weak = true;
        } else if signature.is_empty() {
            // A token with its signature cut off is not a usable credential.
            return Err(Invalid::Length);
        }
        if PUBLISHED_EXAMPLES.contains(&signature) {
            return Err(Invalid::Component);
        }
        Format::Jwt
    } else {
        if !header.iter().any(|(k, _)| *k == "enc") {
            return Err(Invalid::Component);
        }
        if parts[2..].iter().any(|p| p.is_empty()) {
            return Err(Invalid::Length);
        }
        Format::Jwe
    };
    let mut reasons = vec![Reason::Format(kind), alg_reason];
    if weak {
        reasons.push(Reason::Format(Format::Unsigned));
    }
    let compact = super::shape::alnum_upper(token);
    Ok(Valid {
        compact,
        reasons,
        weak,
        evidence: super::Evidence::Plain,
    })
}

/// The `alg` of a base64url header, if it decodes to a JSON object with one.
fn header_alg(part: &str) -> Option<String> {
    let members = decode_object(part)?;
    member_str(&members, "alg").map(str::to_string)
}

/// A top-level member: raw key (escapes untouched) and raw JSON value.
type Members = Vec<(String, String)>;

/// Decodes a base64url part to UTF-8 JSON and returns its top-level members,
/// if it is exactly one JSON object.
fn decode_object(part: &str) -> Option<Members> {
    if part.is_empty() || part.contains('=') {
        return None;
    }
    let bytes = codec::base64(part)?;
    let text = std::str::from_utf8(&bytes).ok()?;
    let mut p = Parser {
        b: text.as_bytes(),
        i: 0,
    };
    p.ws();
    let members = p.object(0)?;
    p.ws();
    (p.i == p.b.len()).then_some(members)
}

/// The value of string member `key`, without its quotes (escapes untouched).
fn member_str<'m>(members: &'m Members, key: &str) -> Option<&'m str> {
    let (_, v) = members.iter().find(|(k, _)| k == key)?;
    v.strip_prefix('"')?.strip_suffix('"')
}

/// A strict JSON syntax checker (RFC 8259) that keeps an object's top-level members.
struct Parser<'a> {
    b: &'a [u8],
    i: usize,
}

/// Nesting deeper than this is not a token header or claims set.
const MAX_DEPTH: u8 = 16;

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        (self.peek() == Some(c)).then(|| self.i += 1)
    }

    /// `{ "key": value, … }`; the members with raw keys and values.
    fn object(&mut self, depth: u8) -> Option<Members> {
        self.eat(b'{')?;
        let mut members = Vec::new();
        self.ws();
        if self.eat(b'}').is_some() {
            return Some(members);
        }
        loop {
            self.ws();
            let ks = self.i;
            self.string()?;
            let key = String::from_utf8(self.b[ks + 1..self.i - 1].to_vec()).ok()?;
            self.ws();
            self.eat(b':')?;
            self.ws();
            let vs = self.i;
            self.value(depth + 1)?;
            let value = String::from_utf8(self.b[vs..self.i].to_vec()).ok()?;
            members.push((key, value));
            self.ws();
            if self.eat(b'}').is_some() {
                return Some(members);
            }
            self.eat(b',')?;
        }
    }

    fn value(&mut self, depth: u8) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        match self.peek()? {
            b'{' => self.object(depth).map(drop),
            b'[' => {
                self.i += 1;
                self.ws();
                if self.eat(b']').is_some() {
                    return Some(());
                }
                loop {
                    self.ws();
                    self.value(depth + 1)?;
                    self.ws();
                    if self.eat(b']').is_some() {
                        return Some(());
                    }
                    self.eat(b',')?;
                }
            }
            b'"' => self.string(),
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        self.b[self.i..]
            .starts_with(word)
            .then(|| self.i += word.len())
    }

    fn string(&mut self) -> Option<()> {
        self.eat(b'"')?;
        loop {
            match self.peek()? {
                b'"' => {
                    self.i += 1;
                    return Some(());
                }
                b'\\' => {
                    self.i += 1;
                    match self.peek()? {
                        b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => self.i += 1,
                        b'u' => {
                            let hex = self.b.get(self.i + 1..self.i + 5)?;
                            if !hex.iter().all(u8::is_ascii_hexdigit) {
                                return None;
                            }
                            self.i += 5;
                        }
                        _ => return None,
                    }
                }
                0..=0x1f => return None,
                _ => self.i += 1,
            }
        }
    }

    fn digits(&mut self) -> Option<()> {
        let s = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        (self.i > s).then_some(())
    }

    fn number(&mut self) -> Option<()> {
        let _ = self.eat(b'-');
        if self.eat(b'0').is_none() {
            self.digits()?;
        }
        if self.eat(b'.').is_some() {
            self.digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            self.digits()?;
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(s: &str) -> String {
        // Test-only encoder, the inverse of codec::base64 (URL-safe, unpadded).
        const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let mut out = String::new();
        for chunk in s.as_bytes().chunks(3) {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
            for i in 0..=chunk.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            }
        }
        out
    }

    fn token(header: &str, payload: &str, sig: &str) -> String {
        format!("{}.{}.{sig}", b64(header), b64(payload))
    }

    #[test]
    fn json_checker_is_strict() {
        let ok = |s: &str| decode_object(&b64(s)).is_some();
        assert!(ok(r#"{"alg":"HS256"}"#));
        assert!(ok("{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}"));
        assert!(ok(
            r#" {"a":[1,-2.5e3,true,null,{"b":"\u00e9\n"}],"c":{}} "#
        ));
        assert!(!ok(r#"{"alg":"HS256""#));
        assert!(!ok(r#"{"alg":"HS256"} x"#));
        assert!(!ok(r#"{"alg":HS256}"#));
        assert!(!ok(r#"{'alg':'HS256'}"#));
        assert!(!ok(r#"{"alg":"HS256",}"#));
        assert!(!ok(r#"["alg"]"#));
        assert!(!ok(&format!("{}{}", "[".repeat(40), "]".repeat(40))));
    }

    #[test]
    fn header_needs_a_string_alg_and_payload_must_be_an_object() {
        let sig = "c2lnbmF0dXJlLWJ5dGVzLWhlcmUtMzJieXRlcw";
        assert_eq!(
            validate(&token(
                r#"{"alg":"ES256","kid":"k1"}"#,
                r#"{"sub":"x"}"#,
                sig
            ))
            .unwrap()
            .reasons,
            ["jwt", "alg:ES256"]
        );
        assert_eq!(
            validate(&token(r#"{"alg":"XY99"}"#, "{}", sig))
                .unwrap()
                .reasons,
            ["jwt", "alg:other"]
        );
        assert!(validate(&token(r#"{"typ":"JWT"}"#, "{}", sig)).is_err());
        assert!(validate(&token(r#"{"alg":256}"#, "{}", sig)).is_err());
        assert!(validate(&token(r#"{"alg":"HS256"}"#, "not json", sig)).is_err());
        assert!(validate(&token(r#"{"alg":"HS256"}"#, r#"["sub"]"#, sig)).is_err());
    }

    #[test]
    fn signatures_unsigned_tokens_and_published_examples() {
        let unsigned = token(r#"{"alg":"none"}"#, r#"{"sub":"x"}"#, "");
        let v = validate(&unsigned).unwrap();
        assert!(v.weak);
        assert_eq!(v.reasons, ["jwt", "alg:none", "unsigned"]);
        assert_eq!(
            validate(&token(r#"{"alg":"HS256"}"#, r#"{"sub":"x"}"#, "")),
            Err(Invalid::Length)
        );
        let jwt_io = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
        assert_eq!(validate(jwt_io), Err(Invalid::Component));
    }

    #[test]
    fn jwe_needs_enc_and_its_parts() {
        let h = b64(r#"{"alg":"dir","enc":"A128CBC-HS256"}"#);
        let ok = format!("{h}..aXYtYnl0ZXMtMTY.Y2lwaGVydGV4dA.dGFnLWJ5dGVzLTE2");
        assert_eq!(validate(&ok).unwrap().reasons, ["jwe", "alg:dir"]);
        assert_eq!(preview(&ok), "eyJ…(JWE, dir)");
        let no_enc = format!(
            "{}..aXYtYnl0ZXMtMTY.Y2lwaGVydGV4dA.dGFnLWJ5dGVzLTE2",
            b64(r#"{"alg":"dir"}"#)
        );
        assert_eq!(validate(&no_enc), Err(Invalid::Component));
        let no_iv = format!("{h}...Y2lwaGVydGV4dA.dGFnLWJ5dGVzLTE2");
        assert_eq!(validate(&no_iv), Err(Invalid::Length));
    }

    #[test]
    fn preview_shows_kind_and_algorithm_only() {
        let t = token(
            r#"{"alg":"RS256","typ":"JWT"}"#,
            r#"{"email":"a@b.c"}"#,
            "c2ln",
        );
        assert_eq!(preview(&t), "eyJ…(JWT, RS256)");
    }

    #[test]
    fn token_like_floods_finish() {
        let g = crate::Guard::default();
        let header = b64(r#"{"alg":"HS256"}"#);
        // Not "eyJ".repeat(…): the engine's keyword windows are quadratic in
        // a long run of letters and digits with many hits (prefilter::word_end).
        for text in [
            format!("{header}.").repeat(20_000),
            format!("{header}.e30.c2ln ").repeat(10_000),
        ] {
            assert!(g.scan(&text).is_ok());
        }
    }
}
