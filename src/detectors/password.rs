//! Passwords written into a draft: in prose or in configuration.
//!
//! Forms: prose ("my password is hunter2!", "the wifi password is …",
//! "mein Passwort ist …", "Das Kennwort lautet …", "我的密码是…", "口令：…"),
//! `key = value` / `key: value` / JSON / `.env` assignments where the key is
//! `password`, `passwd`, `pwd`, `pass`, `pw`, `Passwort`, `Kennwort` or ends in
//! one of them (`DB_PASSWORD=…`, `MYSQL_ROOT_PASSWORD=…`, `ADMIN_PASS=…`,
//! `"dbPassword": "…"`), `--password …` / `--password=…`, and `-p…` glued to
//! its value in a mysql/mariadb command (`mysql -u root -pS3cret db`).
//! The span is the value only, so a redaction keeps the key: `DB_PASSWORD=[PASSWORD]`.
//!
//! There is no public specification; the check rule is this detector's own.
//! A value is at least 4 printable ASCII characters without spaces or quotes
//! (a quoted passphrase with spaces is covered up to its first space: the
//! engine reports one `value` group and the regex has no lookaround to tell
//! the quoted form apart); trailing sentence punctuation `.,;:?)` is not part
//! of it, a trailing `!` is. It must not be a placeholder or reference (see
//! [`secret_value::PLACEHOLDER_SHAPES_DOC`]: `<YOUR_PASSWORD>`, `${DB_PASSWORD}`,
//! `********`, `changeme`, …), a word or code identifier (`required`,
//! `string`, `newPassword`: so "password is required" and "Passwort vergessen"
//! stay silent), a flag (`-u`) or a URL.
//!
//! A value of 6+ characters mixing at least two classes (lower, upper, digit,
//! symbol), or of 6+ digits, is *plausible*; shorter values are *weak*.
//! Confidence: explicit assignment (`=`, `key:`, JSON `":`, `--password`,
//! `-p`, `密码：`) of a plausible value: high; of a weak value: medium. Prose
//! ("… is …", "…是…") of a plausible value: medium; a weak value in prose is
//! not reported (the engine has one "weak" level, which drops it without
//! context; "low for very weak values" is therefore not expressible).
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
        // key = value, key: value, "key": "value", KEY=value (.env), --password=value
        r#"(?:\b(?i:(?:[a-z0-9]+[_.-])*(?:password|passwd|passwort|kennwort|pass|pwd|pw))|\b[a-z][A-Za-z0-9]*(?:Password|Passwd|Pass|Pwd|Pw))\b["']?[ \t]*(?::=|=>|[:=])[ \t]*"#,
        // --password value
        r#"|--(?i:password|passwd|pass)[ \t]+"#,
        // mysql -u root -pS3cret
        r#"|\b(?i:mysql|mysqldump|mysqladmin|mysqlimport|mysqlsh|mariadb)\b[^\n|;&]{0,160}?[ \t]-p"#,
        // sshpass -p …, docker login -p …, redis-cli -a …
        r#"|\b(?i:sshpass|docker[ \t]+login|podman[ \t]+login|redis-cli)\b[^\n|;&]{0,160}?[ \t]-[pa][ \t]+"#,
        // prose: my password (for the vpn) is (now) …
        r#"|\b(?i:password|passwort|kennwort|passcode|pw|pwd)(?:[ \t]+(?i:for|to|of|für|fürs|zum|zur|von|vom)[ \t]+[^\n:=]{1,40}?)?[ \t]+(?i:is|was|ist|lautet|war|are)[ \t]*:?[ \t]+(?i:(?:now|still|jetzt|nun|noch)[ \t]+)?"#,
        // 密码是… 密码：… 口令为…
        r#"|(?:密码|口令)[ \t]*(?:(?:是|为)[ \t]*(?:：|:)?|：|:|=)[ \t]*"#,
        ")",
        // In brackets, closed right after it: `(…)`, `<…>`, `【…】`.
        r#"(?:(?P<bracket>[(\[{<]|【|（|《)(?P<value>[^\x00-\x20"'`<>()\[\]{}\x7f-\xff]+)(?:[)\]}>]|】|）|》)"#,
        // Or quoted, or as it is.
        r#"|(?:["'`]|“|„|‘|「)?(?P<value2>[^\x00-\x20"'`<>\x7f-\xff]*[^\x00-\x20"'`<>\x7f-\xff.,;:?)\]}]))"#,
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
        ],
        before: 48,
        after: 200,
    },
    // Assignment syntax next to the value: it is meant as a password.
    context: Words {
        en: &[
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
        ],
        de: &["passwort:", "passwort :", "kennwort:", "kennwort :"],
        zh: &["密码：", "密码:", "口令：", "口令:", "是：", "为："],
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
    if is_placeholder(value) || looks_like_word(value) || is_constant_name(value) {
        return Err(Invalid::Format);
    }
    let all_digits = value.bytes().all(|b| b.is_ascii_digit());
    let plausible = value.len() >= 6 && (all_digits || classes(value) >= 2);
    let compact = super::shape::alnum_upper(value);
    Ok(Valid {
        compact,
        reasons: vec![Reason::Format(if plausible {
            Format::Plausible
        } else {
            Format::Weak
        })],
        weak: !plausible,
    })
}

/// [`validate`] for a value in brackets (group `bracket`): brackets are how
/// templates mark a blank to fill in, so a bracketed name in one letter case
/// (`<db-password-1>`, `{API_KEY_2}`) is not a password either.
fn validate_in(value: &str, _group: &str) -> Result<Valid, Invalid> {
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
        // In brackets: a real-looking value is a password, a blank to fill in is not.
        assert!(validate_in("Sunny-Day42", "bracket").is_ok());
        for blank in ["db-password-1", "API_KEY_2", "your-password", "a-zA-Z0-9"] {
            assert!(validate_in(blank, "bracket").is_err(), "{blank}");
        }
    }
}
