//! Passwords embedded in connection strings: URLs and DSNs with credentials.
//!
//! Forms: the userinfo of any `scheme://user:password@host` URL
//! (`postgres://`, `postgresql://`, `mysql://`, `mongodb://`, `mongodb+srv://`,
//! `redis://:password@host`, `rediss://`, `amqp(s)://`, `ftp://`, `sftp://`,
//! `smtp://`, `https://user:token@github.com/…`; RFC 3986 §3.2.1); a
//! `password=` / `pwd=` parameter of a URL or JDBC URL
//! (`jdbc:postgresql://h/db?user=x&password=y`, `jdbc:sqlserver://h;password=y`);
//! Oracle `user/password@` (`jdbc:oracle:thin:scott/…@h:1521:orcl`, `sqlplus u/p@db`);
//! ADO.NET / ODBC keyword strings (`Server=…;Database=…;User Id=…;Password=…;`,
//! `Data Source=…;Password=…`, `Driver=…;UID=…;PWD=…`).
//!
//! Span: the password only. The redaction must remove the secret, and only the
//! secret: `postgres://app:[PASSWORD]@db.internal:5432/orders` still tells the
//! reader which database and which user the question is about, and a user or
//! host name alone grants nothing. This detector owns every URL/DSN with
//! credentials; `password` has no URL forms and loses overlaps here by priority.
//!
//! Not reported: URLs without a password (`https://user@github.com`, e-mail
//! addresses), host:port (`http://localhost:8080 `: a value of at most 5 digits
//! is a port), IPv6 hosts, and placeholder passwords as in `password`
//! ([`secret_value::PLACEHOLDER_SHAPES_DOC`]: `<password>`, `${PW}`, `****`) or
//! passwords that read as a word (`user:password@`, `postgres:postgres@`,
//! `guest:guest@`, `scott/tiger@`). `localhost` is not special: a real-looking
//! password on a local database is often the same one used elsewhere, so it is
//! reported; the customary local examples are word passwords and stay silent.
//! There is no check digit; the value rules are this detector's own.
//!
//! ```
//! use draftguard::detectors::connection_string::validate;
//! assert!(validate("Xk9#mQ2v").is_ok());
//! assert!(validate("password").is_err());
//! ```
use super::secret_value::{self, is_constant_name, is_placeholder, looks_like_word};
use super::{Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words};
use crate::finding::{Format, Reason};

/// The connection string detector.
pub const DETECTOR: Detector = Detector {
    kind: "connection_string",
    category: Category::Credential,
    locales: &[],
    name: L10n {
        en: "Password in a connection string",
        de: "Passwort in einer Verbindungszeichenfolge",
        zh: "连接字符串中的密码",
    },
    label: L10n {
        en: "PASSWORD",
        de: "PASSWORT",
        zh: "密码",
    },
    checks:
        "Credentials inside URLs, JDBC, ODBC and ADO.NET connection strings; placeholders ignored",
    #[cfg(not(target_family = "wasm"))]
    pattern: concat!(
        // scheme://user:password@ (no brackets: IPv6 hosts are not userinfo).
        // Inside userinfo `&` and `;` are password characters: it ends at `@`.
        r#"\b[A-Za-z][A-Za-z0-9+.-]{1,30}://[^\s:/?#@\[\]"'`<>\x80-\xff]*:(?P<value2>[^\s/?#@"'`<>\x80-\xff]+)@"#,
        "|(?:",
        // Oracle user/password@
        r#"\bjdbc:oracle:[a-z]+:[^\s/@:"'<>]+/|\bsqlplus[ \t]+(?:-[A-Za-z][ \t]+)*["'`(\[{<]?[^\s/@"'<>-][^\s/@"'<>]*/"#,
        // password parameter of a URL or JDBC URL
        r#"|\b(?i:jdbc:[a-z0-9]+:(?:[a-z]+:)?|[a-z][a-z0-9+.-]{1,30}://)[^\s"'<>]{0,300}?[?&;](?i:password|passwd|pwd)="#,
        ")",
        // The value may be quoted or bracketed; a trailing `.`, `,` or `:` ends the sentence.
        r#"(?:["'`(\[{<])?(?P<value>[^\s/?#@&;"'`<>\x80-\xff]*[^\s/?#@&;"'`<>\x80-\xff.,:)\]}])(?:[@;&#"'`\s)\]}>,.:!?\x80-\xff]|$)"#,
        // ADO.NET / ODBC: another connection keyword, then Password= / Pwd=.
        // Only `;` ends the value here: `@`, `/`, `?`, `#`, `&` are password characters
        // (a `?` last is the sentence's).
        r#"|\b(?i:server|data source|host|address|addr|driver|dsn|provider|user id|userid|uid|user|username|initial catalog|database)[ \t]*=[^\n]{0,200}?;[ \t]*(?i:password|pwd)[ \t]*=[ \t]*"#,
        r#"(?:["'`(\[{<])?(?P<value3>[^\s;"'`<>\x80-\xff]*[^\s;"'`<>\x80-\xff.,:?)\]}])(?:[;"'`\s)\]}>,.:!?\x80-\xff]|$)"#,
    ),
    prefilter: Prefilter::Keywords {
        // The scheme, or the first keyword of an ADO.NET/ODBC string: the
        // password comes after it, so windows reach far forward only.
        words: &[
            "://",
            "jdbc:",
            "sqlplus",
            "server=",
            "server =",
            "data source",
            "host=",
            "host =",
            "address=",
            "addr=",
            "driver=",
            "dsn=",
            "provider=",
            "user id",
            "userid=",
            "uid=",
            "user=",
            "username=",
            "initial catalog",
            "database=",
            "database =",
        ],
        before: 40,
        after: 320,
    },
    context: Words::NONE,
    negative_context: Words::NONE,
    scoring: Scoring {
        alone: Some(Confidence::High),
        with_context: Confidence::High,
    },
    priority: 60,
    keep_last: 0,
    keep_leading_letters: 0,
    preview: Some(secret_value::preview),
    validate,
    by_group: None,
};

/// Every match holds one of these (the detector's [`super::Needs`]), ASCII
/// letters in either case:
/// - the URL userinfo form ends at `@`;
/// - the Oracle forms begin `jdbc:oracle:` or `sqlplus`;
/// - the `password=` form of a URL or JDBC URL and the ADO.NET/ODBC form
///   hold `password`, `passwd` or `pwd` (`(?i)` folds ASCII letters only:
///   the patterns are built without Unicode), so `passw` or `pwd`.
///
/// So a window around `://`, `server=` or `uid=` that holds none of them —
/// most URLs in documentation — is not searched at all.
pub(crate) const NEEDS: &[&str] = &["@", "passw", "pwd", "jdbc:oracle:", "sqlplus"];

/// Whether a match can begin at byte `s` (the detector's [`super::MayStart`]).
///
/// Every alternative of the pattern (ASCII, as every built-in pattern:
/// `(?i)` folds ASCII letters only) begins with one of:
/// - a scheme, `[A-Za-z][A-Za-z0-9+.-]{1,30}`, right before `://` (the URL
///   forms);
/// - `jdbc:` (the Oracle and `password=` forms) or `sqlplus`;
/// - an ADO.NET/ODBC keyword: `server`, `data source`, `host`, `address`,
///   `addr`, `driver`, `dsn`, `provider`, `user id`, `userid`, `uid`,
///   `user`, `username`, `initial catalog`, `database`.
///
/// So a match begins at two letters that begin one of the words above (`jd`,
/// `sq`, `se`, `da`, `ho`, `ad`, `dr`, `ds`, `pr`, `us`, `ui`, `in`, in
/// either case), or at a run of 2 to 31 scheme bytes followed by `://`.
/// Anything else — most word starts in the prose around a URL — cannot
/// begin one, and is ruled out after reading the word once, where stepping
/// the pattern's automaton costs several times as much a byte.
pub(crate) fn may_start(hay: &[u8], s: usize) -> bool {
    let b0 = hay[s];
    if !b0.is_ascii_alphabetic() {
        return false;
    }
    let b1 = hay.get(s + 1).copied().unwrap_or(0);
    // A letter's low five bits are its place in the alphabet, in either case.
    if b1.is_ascii_alphabetic() && (SECOND[usize::from(b0 & 31)] >> (b1 & 31)) & 1 != 0 {
        return true;
    }
    let mut i = s + 1;
    let last = hay.len().min(s + 31);
    while i < last && SCHEME[usize::from(hay[i])] {
        i += 1;
    }
    // Byte by byte: `starts_with` stays a call at `opt-level = "z"`.
    i >= s + 2 && i + 2 < hay.len() && hay[i] == b':' && hay[i + 1] == b'/' && hay[i + 2] == b'/'
}

/// `SECOND[a & 31]` has bit `b & 31` set if the letters `a`, `b` begin
/// `jdbc:`, `sqlplus` or an ADO.NET/ODBC keyword ([`may_start`]).
const SECOND: [u32; 32] = {
    let words = [
        *b"jd", *b"sq", *b"se", *b"da", *b"ho", *b"ad", *b"dr", *b"ds", *b"pr", *b"us", *b"ui",
        *b"in",
    ];
    let mut t = [0u32; 32];
    let mut i = 0;
    while i < words.len() {
        t[(words[i][0] & 31) as usize] |= 1 << (words[i][1] & 31);
        i += 1;
    }
    t
};

/// `SCHEME[b]`: byte `b` can be in a scheme after its first letter (`[A-Za-z0-9+.-]`).
const SCHEME: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || matches!(c, b'+' | b'.' | b'-');
        b += 1;
    }
    t
};

/// Checks that the password part of a connection string is a real secret.
pub fn validate(value: &str) -> Result<Valid, Invalid> {
    if value.len() < 3 || value.len() > 256 {
        return Err(Invalid::Length);
    }
    // `http://host:8080 ` reaches here as "8080": a port, not a password.
    let port = value.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
    if port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Invalid::Component);
    }
    if is_placeholder(value) || looks_like_word(value) || is_constant_name(value) {
        return Err(Invalid::Format);
    }
    let compact = super::shape::alnum_upper(value);
    Ok(Valid::new(
        compact,
        vec![Reason::Format(Format::Credentials)],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_words_and_placeholders_are_not_passwords() {
        assert!(validate("8080").is_err());
        assert!(validate("postgres").is_err());
        assert!(validate("${PW}").is_err());
        assert!(validate("****").is_err());
        assert!(validate("s3cr3t-Pa55").is_ok());
    }
}
