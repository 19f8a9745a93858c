//! Passwords written into a draft: in prose or in configuration.
//!
//! Forms: prose ("my password is hunter2!", "the wifi password is …",
//! "mein Passwort ist …", "Das Kennwort lautet …", "我的密码是…", "口令：…"),
//! a label without a colon ("temp password …", "neues Passwort …", "pw …",
//! "初始密码…", "临时密码 …"), `key = value` / `key: value` / JSON / `.env`
//! assignments where the key is `password`, `passwd`, `pwd`, `pass`, `pw`,
//! `Passwort`, `Kennwort` or ends in one of them (`DB_PASSWORD=…`,
//! `MYSQL_ROOT_PASSWORD=…`, `ADMIN_PASS=…`, `PGPASSWORD=…`, `"dbPassword": "…"`),
//! `--password …` / `--password=…`, `-p…` glued to its value in a
//! mysql/mariadb command (`mysql -uroot -pS3cret db`), `sshpass -p …`,
//! `docker login -p …`, `redis-cli -a …` and `curl -u user:…` (a curl command
//! against example.com/.org/.net is a documentation example and stays silent).
//! The span is the value only, so a redaction keeps the key: `DB_PASSWORD=[PASSWORD]`.
//! A value may be quoted or bracketed (`'…'`, `(…)`, `【…】`).
//!
//! There is no public specification; the check rule is this detector's own.
//! A value is at least 4 printable ASCII characters without spaces or quotes;
//! trailing sentence punctuation `.,;:?)` is not part of it, a trailing `!`
//! is. It must not be a placeholder or reference (see
//! [`secret_value::PLACEHOLDER_SHAPES_DOC`]: `<YOUR_PASSWORD>`, `${DB_PASSWORD}`,
//! `********`, `changeme`, roff markup, …), a word or code identifier
//! (`required`, `string`, `newPassword`: so "password is required" and
//! "Passwort vergessen" stay silent), a flag (`-u`) or a URL; in brackets not
//! a one-case name (`<db-password-1>`).
//!
//! A *passphrase* — four to eight words of letters joined by `-`, `_`, `.`
//! (`correct-horse-battery-staple`), or by spaces right after a `key:` /
//! `key =` / `密码：` label, none of them a code or sentence word
//! ([`is_passphrase`]) — is a password, plausible however plain its words.
//! Words with spaces after "is" are a sentence ("the password is reset every
//! ninety days"), not a passphrase.
//!
//! A value of 6+ characters mixing at least two classes (lower, upper, digit,
//! symbol), or of 6+ digits, is *plausible* (labelled weak passwords such as
//! `Summer2024!` or `P@ssw0rd123` are: only true placeholders are ignored);
//! shorter values are *weak*. Confidence: explicit assignment (`=`, `key:`,
//! JSON `":`, `--password`, `-p`, `-u`, `密码：`) of a plausible value: high;
//! of a weak value: medium. Prose ("… is …", "…是…", a label without a colon)
//! of a plausible value: medium; a weak value in prose is not reported (the
//! engine has one "weak" level, which drops it without context; "low for
//! very weak values" is therefore not expressible).
//!
//! URLs with credentials (`postgres://u:p@h`, `?password=` in a URL, JDBC,
//! ADO.NET `Password=…;`) belong to `connection_string`: this detector has no
//! URL forms, rejects values containing `://`, and loses overlaps there by priority.
//!
//! ```
//! use draftguard::detectors::password::validate;
//! assert!(validate("hunter2!").is_ok());
//! assert!(validate("${DB_PASSWORD}").is_err());
//! ```
use super::secret_value::{self, classes, is_constant_name, is_placeholder, looks_like_word};
use super::{
    ByGroup, Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words,
};
use crate::finding::{Format, Reason};

/// `key = value`, `key: value`, `"key": "value"`, `KEY=value` (.env),
/// `--password=value`: a key that is, or ends in, a password word.
#[cfg(not(target_family = "wasm"))]
macro_rules! assignment {
    () => {
        r#"(?:\b(?i:(?:[a-z0-9]+[_.-])*(?:password|passwd|passwort|kennwort|pass|pwd|pw))|\b[a-z][A-Za-z0-9]*(?:Password|Passwd|Pass|Pwd|Pw)|\b[A-Z][A-Z0-9]*(?:PASSWORD|PASSWD|PWD))\b["']?[ \t]*(?::=|=>|[:=])[ \t]*"#
    };
}

/// The password detector.
pub const DETECTOR: Detector = Detector {
    kind: "password",
    category: Category::Credential,
    locales: &[],
    name: L10n {
        en: "Password",
        de: "Passwort",
        zh: "密码",
    },
    label: L10n {
        en: "PASSWORD",
        de: "PASSWORT",
        zh: "密码",
    },
    checks:
        "The value given for a password in prose, config, .env and commands; placeholders ignored",
    #[cfg(not(target_family = "wasm"))]
    pattern: concat!(
        "(?:",
        // A passphrase of words joined by spaces, after an explicit `key:` /
        // `key =` / `密码：` / `密码是`, or after "my password is" / "mein
        // Passwort ist" / "… Passwort lautet" (in other prose, "is" followed
        // by words is a sentence: "the password is reset every ninety days").
        "(?:",
        assignment!(),
        r#"|(?:密码|口令)[ \t]*(?:(?:是|为)[ \t]*(?:：|:)?|：|:|=)[ \t]*"#,
        r#"|\b(?i:my|mein)[ \t]+(?i:(?:new|current|neues|aktuelles)[ \t]+)?(?i:password|passphrase|passwort|kennwort)[ \t]+(?i:is|ist)[ \t]*:?[ \t]+"#,
        r#"|\b(?i:password|passwort|kennwort)[ \t]+(?i:lautet)[ \t]*:?[ \t]+"#,
        r#")(?:["'`(\[{<]|“|„|‘|「|【|（|《)?"#,
        r#"(?P<value>[a-z]{3,12}(?:[ ][a-z]{3,12}){3,7})"#,
        // A curl command against a documentation host (example.com, .org,
        // .net: RFC 2606) is an example: matched without a value, nothing reported.
        r#"|\b(?i:curl)\b[^\n|;&]{0,300}?\bexample\.(?i:com|org|net)\b"#,
        "|(?:",
        assignment!(),
        // --password value
        r#"|--(?i:password|passwd|pass)[ \t]+"#,
        // mysql -u root -pS3cret
        r#"|\b(?i:mysql|mysqldump|mysqladmin|mysqlimport|mysqlsh|mariadb)\b[^\n|;&]{0,160}?[ \t]-p"#,
        // sshpass -p …, docker login -p …, redis-cli -a …
        r#"|\b(?i:sshpass|docker[ \t]+login|podman[ \t]+login|redis-cli)\b[^\n|;&]{0,160}?[ \t]-[pa][ \t]+"#,
        // curl -u user:password …
        r#"|\b(?i:curl|wget)\b[^\n|;&]{0,160}?[ \t](?:-u|--user|-a|--auth)[ \t]*["']?[^\s:"'@]{1,64}:"#,
        // prose: my password (for the vpn) is (now) …
        r#"|\b(?i:password|passwort|kennwort|passcode|pw|pwd)(?:[ \t]+(?i:for|to|of|für|fürs|zum|zur|von|vom)[ \t]+[^\n:=]{1,40}?)?[ \t]+(?i:is|was|ist|lautet|war|are)[ \t]*:?[ \t]+(?i:(?:now|still|jetzt|nun|noch)[ \t]+)?"#,
        // a label without a colon: temp password …, neues Passwort …, pw …
        r#"|\b(?i:password|passwort|kennwort|pw|pwd)[ \t]+"#,
        // 密码是… 密码：… 口令为… 初始密码…
        r#"|(?:密码|口令)[ \t]*(?:(?:是|为)[ \t]*(?:：|:)?|：|:|=)?[ \t]*"#,
        ")",
        // In brackets, closed right after it: `(…)`, `<…>`, `【…】`.
        r#"(?:(?P<bracket>[(\[{<]|【|（|《)(?P<value2>[^\x00-\x20"'`<>()\[\]{}\x7f-\xff]+)(?:[)\]}>]|】|）|》)"#,
        // Or quoted, or as it is.
        r#"|(?:["'`]|“|„|‘|「)?(?P<value3>[^\x00-\x20"'`<>\x7f-\xff]*[^\x00-\x20"'`<>\x7f-\xff.,;:?)\]}])))"#,
    ),
    prefilter: Prefilter::Keywords {
        words: &[
            "pass",
            "pw",
            "kennwort",
            "密码",
            "口令",
            "mysql",
            "mariadb",
            "docker login",
            "podman login",
            "redis-cli",
            "curl",
        ],
        before: 48,
        after: 200,
    },
    // Assignment syntax next to the value: it is meant as a password.
    context: Words {
        en: words![
            "=",
            "\":",
            "\" :",
            "':",
            "password:",
            "password :",
            "passwd:",
            "pwd:",
            "pass:",
            "pw:",
            "--password",
            "--pass",
            "-p",
            "-a",
            "-u",
            "--user",
        ],
        de: words!["passwort:", "passwort :", "kennwort:", "kennwort :"],
        zh: words!["密码：", "密码:", "口令：", "口令:", "是：", "为："],
    },
    negative_context: Words::NONE,
    scoring: Scoring {
        alone: Some(Confidence::Medium),
        with_context: Confidence::High,
    },
    priority: 50,
    keep_last: 0,
    keep_leading_letters: 0,
    preview: Some(secret_value::preview),
    validate,
    by_group: Some(ByGroup {
        validate: validate_in,
        preview: preview_in,
    }),
};

/// Checks that `value` looks like a real password, not a placeholder or a word.
pub fn validate(value: &str) -> Result<Valid, Invalid> {
    if value.len() < 4 || value.len() > 128 {
        return Err(Invalid::Length);
    }
    if value.starts_with('-') || value.contains("://") {
        return Err(Invalid::Format);
    }
    let phrase = is_passphrase(value);
    // Words with spaces between them are a passphrase or a sentence.
    if !phrase
        && (value.contains(' ')
            || is_placeholder(value)
            || looks_like_word(value)
            || is_constant_name(value)
            || is_emptied_assignment(value))
    {
        return Err(Invalid::Format);
    }
    let all_digits = value.bytes().all(|b| b.is_ascii_digit());
    let plausible = phrase || (value.len() >= 6 && (all_digits || classes(value) >= 2));
    let compact = super::shape::alnum_upper(value);
    Ok(Valid {
        compact,
        reasons: vec![Reason::Format(if plausible {
            Format::Plausible
        } else {
            Format::Weak
        })],
        weak: !plausible,
        evidence: super::Evidence::Plain,
    })
}

/// `NAME=` with nothing after it, or a placeholder (`FB_ACCESS_TOKEN=`,
/// `FB_ACCESS_TOKEN=[API`): an assignment whose value was taken out — by a
/// redaction (`[API KEY]`, a mask) or in a template — not a password. A
/// redacted draft scanned again reported the label as one.
fn is_emptied_assignment(value: &str) -> bool {
    value.split_once('=').is_some_and(|(name, rest)| {
        is_constant_name(name)
            && (rest.is_empty()
                || is_placeholder(rest)
                || rest.starts_with(crate::mask::PREVIEW_MASK))
    })
}

/// Words that make a run of words a name in code, not a passphrase:
/// `db-password-hash`, `config.db.password.value`, `org.apache.commons.logging`.
/// One of them anywhere and the run is not a passphrase.
const CODE_WORDS: &[&str] = &[
    "password",
    "passwd",
    "pass",
    "pwd",
    "passwort",
    "kennwort",
    "secret",
    "token",
    "key",
    "user",
    "username",
    "name",
    "hash",
    "input",
    "value",
    "string",
    "str",
    "env",
    "config",
    "conf",
    "settings",
    "field",
    "get",
    "set",
    "database",
    "admin",
    "root",
    "auth",
    "api",
    "data",
    "default",
    "test",
    "tmp",
    "temp",
    "file",
    "path",
    "var",
    "org",
    "com",
    "net",
    "java",
    "http",
    "https",
    "www",
    "localhost",
    "example",
    "sample",
    "dummy",
    "placeholder",
    "change",
    "insert",
    "replace",
];

/// Words that glue a sentence together (`reset-link-for-users`, "the
/// password is reset every ninety days"). A run joined by `-`, `_` or `.`
/// may hold one of them (`morning-eyebrow-guard-marble-that`: word lists
/// for passphrases have them); a run joined by spaces none, since in prose
/// it would be the rest of a sentence ("my password is still not working").
const SENTENCE_WORDS: &[&str] = &[
    "the", "and", "for", "not", "you", "your", "with", "from", "this", "that", "are", "was", "has",
    "have", "must", "will", "can", "all", "any", "our", "its", "into", "here", "new", "old", "now",
    "still", "always", "never", "just", "also", "very", "too", "being", "been", "really", "again",
    "then", "when", "what", "which", "who", "why", "how", "but", "only", "about", "after",
    "before", "were", "same", "wrong", "weak", "invalid", "expired", "der", "die", "das", "und",
    "ist", "mit", "nicht", "ein", "eine", "dein", "ihr", "noch", "immer", "jetzt", "schon",
    "wieder", "auch", "sehr", "falsch", "leider",
];

/// `true` for four to eight words of letters (3–12 each, lower case after
/// the first letter) joined by one separator, none a [`CODE_WORDS`] word, at
/// most one (none when joined by spaces) a [`SENTENCE_WORDS`] word.
pub fn is_passphrase(v: &str) -> bool {
    let Some(sep) = v.bytes().find(|b| matches!(b, b' ' | b'-' | b'_' | b'.')) else {
        return false;
    };
    let words: Vec<&str> = v.split(char::from(sep)).collect();
    let letters = |w: &&str| {
        let b = w.as_bytes();
        (3..=12).contains(&b.len())
            && b[0].is_ascii_alphabetic()
            && b[1..].iter().all(u8::is_ascii_lowercase)
    };
    // The lists are lower case (a test checks): compared without a lower-case copy.
    let is = |list: &[&str], w: &str| list.iter().any(|l| l.eq_ignore_ascii_case(w));
    (4..=8).contains(&words.len())
        && words.iter().all(|w| letters(w) && !is(CODE_WORDS, w))
        && words.iter().filter(|w| is(SENTENCE_WORDS, w)).count() <= usize::from(sep != b' ')
}

/// [`validate`] for a value in brackets (group `bracket`): brackets are how
/// templates mark a blank to fill in, so a bracketed name in one letter case
/// (`<db-password-1>`, `{API_KEY_2}`) is not a password either.
fn validate_in(value: &str, _group: &str) -> Result<Valid, Invalid> {
    if is_passphrase(value) {
        return validate(value);
    }
    let b = value.as_bytes();
    let mixed = b.iter().any(u8::is_ascii_uppercase) && b.iter().any(u8::is_ascii_lowercase);
    if !mixed && secret_value::is_identifier_like(value) {
        return Err(Invalid::Format);
    }
    validate(value)
}

fn preview_in(value: &str, _group: &str) -> String {
    secret_value::preview(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_assignment_whose_value_was_taken_out_is_no_password() {
        assert!(validate("FB_ACCESS_TOKEN=[API").is_err());
        assert!(validate("FB_ACCESS_TOKEN=").is_err());
        assert!(validate("FB_ACCESS_TOKEN=\u{2022}\u{2022}\u{2022}").is_err());
        assert!(validate("Sommer=2024x").is_ok());
        // A redacted draft scanned again reported the label (tests/properties.rs found it).
        let token = "EAAGeMovz1m6bulB8Wu6QBOWzeFrCw9rPPZdywuahoQhe5qDzUWTu0OZqvfkfXKPQBotuvlT337IJUKLsWD6Kd985ndLgnEPgMoC6HMCQfNQVMyTkFaGVnVQcvHziyeW3DPzBsTT4Q8EgA2DhufTbh1bkiVcSA0VndQ3gDVjPxQ6PUbcJdOyhlHo";
        let guard = crate::Guard::default();
        let opts = crate::redact::RedactOptions::default();
        let once = guard
            .redact(&format!(" passwd:  FB_ACCESS_TOKEN={token}"), &opts)
            .unwrap();
        assert_eq!(once.text, " passwd:  FB_ACCESS_TOKEN=[API KEY]");
        assert_eq!(guard.scan(&once.text).unwrap(), vec![]);
    }

    #[test]
    fn the_word_lists_are_lower_case() {
        for w in CODE_WORDS.iter().chain(SENTENCE_WORDS) {
            assert_eq!(
                *w,
                w.to_ascii_lowercase(),
                "is_passphrase compares in either case"
            );
        }
    }

    #[test]
    fn plausible_weak_and_rejected_values() {
        assert!(!validate("hunter2!").unwrap().weak);
        assert!(!validate("123456").unwrap().weak);
        assert!(validate("ab12").unwrap().weak);
        for bad in [
            "abc",
            "required",
            "-u",
            "https://x",
            "<YOUR_PASSWORD>",
            "********",
        ] {
            assert!(validate(bad).is_err(), "{bad}");
        }
        // Passphrases (issue 14 item 3).
        for phrase in [
            "correct-horse-battery-staple",
            "correct horse battery staple",
            "Correct.Horse.Battery.Staple",
            "mango_river_silent_frost_ocean",
        ] {
            assert!(!validate(phrase).unwrap().weak, "{phrase}");
        }
        for name in [
            "new-user-password-hash",
            "config.db.password.value",
            "org.apache.commons.logging",
            "correct-horse",
            "your-password-goes-here",
        ] {
            assert!(validate(name).is_err(), "{name}");
        }
        // In brackets: a real-looking value is a password, a blank to fill in is not.
        assert!(validate_in("Sunny-Day42", "bracket").is_ok());
        for blank in ["db-password-1", "API_KEY_2", "your-password", "a-zA-Z0-9"] {
            assert!(validate_in(blank, "bracket").is_err(), "{blank}");
        }
    }
}
