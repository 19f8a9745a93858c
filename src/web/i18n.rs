//! Every string the prompt shows, in English, German and Chinese.
//!
//! One catalog per language, as data; nothing in the DOM layer spells a
//! user-visible literal. Plural messages carry CLDR's categories for each
//! language: English and German distinguish "one" and "other", Chinese has
//! only "other". `{n}`, `{names}`, `{word}` and `{provider}` are placeholders.
//!
//! This module is pure Rust (no DOM), so the catalogs are tested natively.
//!
//! ```
//! use draftguard::web::i18n::{catalog, plural};
//! use draftguard::Locale;
//! assert_eq!(plural(&catalog(Locale::En).intro, 1), "Your message contains 1 item that may be sensitive.");
//! assert_eq!(plural(&catalog(Locale::De).intro, 2), "Ihre Nachricht enthält 2 Angaben, die vertraulich sein könnten.");
//! assert_eq!(plural(&catalog(Locale::Zh).intro, 3), "您的消息包含 3 项可能敏感的信息。");
//! ```

use crate::{Category, Confidence, Locale, Reason};

/// A message with a plural form per CLDR category; `{n}` is the count.
#[derive(Debug)]
pub struct Plural {
    /// n = 1 (English, German). Chinese has no "one" form: same as `other`.
    pub one: &'static str,
    /// Every other count.
    pub other: &'static str,
}

/// The strings of one language.
#[derive(Debug)]
pub struct Catalog {
    /// `lang` attribute of the dialog.
    pub lang: &'static str,
    /// Dialog heading.
    pub title: &'static str,
    /// First line of the dialog.
    pub intro: Plural,
    /// Why this matters.
    pub mindful: &'static str,
    /// Button: close the dialog and go back to the draft.
    pub edit: &'static str,
    /// Button: redact the findings chosen and send.
    pub redact_send: &'static str,
    /// Button: send the draft as it is.
    pub send_anyway: &'static str,
    /// Toggle label on each finding: replace it when sending.
    pub redact_this: &'static str,
    /// Shown beside the masked preview.
    pub will_be_sent_as: &'static str,
    /// Label before the reasons, with its colon.
    pub why: &'static str,
    /// Category names.
    pub categories: [&'static str; 6],
    /// "high", "medium", "low" certainty.
    pub confidence: [&'static str; 3],
    /// Count badge tooltip.
    pub badge: Plural,
    /// Inline notice after pasting sensitive content; `{names}` lists the kinds.
    pub pasted: &'static str,
    /// The redacted text could not be written into the editor (the draft is as it was).
    pub write_back_failed: &'static str,
    /// The redaction did not stick and the draft has changed since: left as it is now.
    pub write_back_left: &'static str,
    /// The draft changed while the dialog was open: nothing redacted, nothing sent.
    pub draft_changed: &'static str,
    /// The page did not take the re-sent Enter (it ignores synthetic keys).
    pub press_enter_again: &'static str,
    /// The page did not take the re-sent click.
    pub click_send_again: &'static str,
    /// The module stopped after an internal error while the message was held (fail open).
    pub stopped_held: &'static str,
    /// The guard failed and the message was sent unchecked (fail open).
    pub failed_open: &'static str,
    /// The guard failed and the message was held back (fail closed).
    pub failed_closed: &'static str,
    /// Mode "redact": what was replaced before sending.
    pub auto_redacted: Plural,
    /// Mode "warn-only": what the sent message contained.
    pub warned: Plural,
    /// Close button of notices.
    pub dismiss: &'static str,
    /// A group's count in the dialog: "3 items".
    pub items: Plural,
    /// Under a group's first values: "and 4,812 more".
    pub and_more: Plural,
    /// The last row, for the kinds past the ones shown: "12 items of other kinds".
    pub other_kinds: Plural,
    /// Groups digits of counts: "4,812", "4.812".
    pub thousands_sep: &'static str,
    /// Joins names in a list: ", ".
    pub list_sep: &'static str,
    /// Joins reasons: "; ".
    pub clause_sep: &'static str,
    /// Reason: a check digit / checksum verified.
    pub why_checksum: &'static str,
    /// Reason: a context word nearby; `{word}`.
    pub why_context: &'static str,
    /// Reason: a provider's published key format; `{provider}`.
    pub why_provider: &'static str,
    /// Reason: random-looking like a generated secret.
    pub why_entropy: &'static str,
    /// Reason: a confidentiality marking.
    pub why_marker: &'static str,
    /// Reason: a word suggesting something else lowered the certainty; `{word}`.
    pub why_unlikely: &'static str,
    /// Reason: a card number from no known card network, next to a card word.
    pub why_issuer_unknown: &'static str,
    /// Reason: anything else; `{name}` is the kind's name.
    pub why_shape: &'static str,
}

const EN: Catalog = Catalog {
    lang: "en",
    title: "Check before you send",
    intro: Plural {
        one: "Your message contains {n} item that may be sensitive.",
        other: "Your message contains {n} items that may be sensitive.",
    },
    mindful: "Once sent, a message can be stored, read by others or used for training. \
              Be mindful with financial data, medical information, passwords and confidential documents.",
    edit: "Edit draft",
    redact_send: "Redact and send",
    send_anyway: "Send anyway",
    redact_this: "Redact",
    will_be_sent_as: "Sent as",
    why: "Why: ",
    categories: [
        "Financial",
        "Government ID",
        "Password or key",
        "Medical",
        "Confidential",
        "Contact",
    ],
    confidence: ["very likely", "likely", "possibly"],
    badge: Plural {
        one: "{n} sensitive item in this draft",
        other: "{n} sensitive items in this draft",
    },
    pasted: "What you pasted contains {names}. You will be asked before it is sent.",
    write_back_failed: "The draft could not be redacted in this editor, so nothing was sent. \
                        Your draft is unchanged.",
    write_back_left: "The draft could not be redacted in this editor, so nothing was sent. \
                      It has changed since, so draftguard left it as it is now: check it before sending.",
    draft_changed: "Your draft changed while draftguard was asking, so nothing was redacted or sent. \
                    Check it and send it again.",
    press_enter_again: "The page did not take the message. Press Enter again to send it.",
    click_send_again: "The page did not take the message. Click the send button again to send it.",
    stopped_held: "draftguard stopped after an internal error, so this message was not sent; \
                   your draft stays in the box. If you send it again, it goes out unchecked.",
    failed_open: "draftguard could not check this message, so it was sent unchecked.",
    failed_closed: "draftguard could not check this message, so it was not sent. \
                    Your draft is unchanged.",
    auto_redacted: Plural {
        one: "{n} sensitive item was redacted before sending.",
        other: "{n} sensitive items were redacted before sending.",
    },
    warned: Plural {
        one: "The message you sent contained {n} sensitive item.",
        other: "The message you sent contained {n} sensitive items.",
    },
    dismiss: "Dismiss",
    items: Plural {
        one: "{n} item",
        other: "{n} items",
    },
    and_more: Plural {
        one: "and {n} more",
        other: "and {n} more",
    },
    other_kinds: Plural {
        one: "{n} item of another kind",
        other: "{n} items of other kinds",
    },
    thousands_sep: ",",
    list_sep: ", ",
    clause_sep: "; ",
    why_checksum: "its check digits are valid",
    why_context: "next to “{word}”",
    why_provider: "the key format of {provider}",
    why_entropy: "random like a generated secret",
    why_marker: "a confidentiality marking",
    why_unlikely: "less certain: next to “{word}”",
    why_issuer_unknown: "called a card, though from no known card network",
    why_shape: "has the format of a {name}",
};

const DE: Catalog = Catalog {
    lang: "de",
    title: "Vor dem Senden prüfen",
    intro: Plural {
        one: "Ihre Nachricht enthält {n} Angabe, die vertraulich sein könnte.",
        other: "Ihre Nachricht enthält {n} Angaben, die vertraulich sein könnten.",
    },
    mindful: "Einmal gesendet, kann eine Nachricht gespeichert, von anderen gelesen oder zum Training \
              verwendet werden. Gehen Sie achtsam mit Finanzdaten, Gesundheitsinformationen, Passwörtern \
              und vertraulichen Dokumenten um.",
    edit: "Entwurf bearbeiten",
    redact_send: "Schwärzen und senden",
    send_anyway: "Trotzdem senden",
    redact_this: "Schwärzen",
    will_be_sent_as: "Gesendet als",
    why: "Warum: ",
    categories: [
        "Finanzen",
        "Ausweis/Steuer",
        "Passwort oder Schlüssel",
        "Gesundheit",
        "Vertraulich",
        "Kontakt",
    ],
    confidence: ["sehr wahrscheinlich", "wahrscheinlich", "möglicherweise"],
    badge: Plural {
        one: "{n} vertrauliche Angabe in diesem Entwurf",
        other: "{n} vertrauliche Angaben in diesem Entwurf",
    },
    pasted: "Der eingefügte Text enthält {names}. Vor dem Senden werden Sie gefragt.",
    write_back_failed: "Der Entwurf konnte in diesem Editor nicht geschwärzt werden, daher wurde nichts \
                        gesendet. Ihr Entwurf ist unverändert.",
    write_back_left: "Der Entwurf konnte in diesem Editor nicht geschwärzt werden, daher wurde nichts \
                      gesendet. Er hat sich seitdem geändert, daher hat draftguard ihn so gelassen, wie er \
                      jetzt ist: Prüfen Sie ihn vor dem Senden.",
    draft_changed: "Ihr Entwurf hat sich geändert, während draftguard nachgefragt hat; daher wurde nichts \
                    geschwärzt oder gesendet. Prüfen Sie ihn und senden Sie ihn erneut.",
    press_enter_again: "Die Seite hat die Nachricht nicht angenommen. Drücken Sie erneut die Eingabetaste, \
                        um sie zu senden.",
    click_send_again: "Die Seite hat die Nachricht nicht angenommen. Klicken Sie erneut auf die \
                       Senden-Schaltfläche, um sie zu senden.",
    stopped_held: "draftguard wurde nach einem internen Fehler beendet, daher wurde diese Nachricht nicht \
                   gesendet; Ihr Entwurf bleibt im Eingabefeld. Wenn Sie ihn erneut senden, geht er \
                   ungeprüft hinaus.",
    failed_open: "draftguard konnte diese Nachricht nicht prüfen; sie wurde ungeprüft gesendet.",
    failed_closed: "draftguard konnte diese Nachricht nicht prüfen, daher wurde sie nicht gesendet. \
                    Ihr Entwurf ist unverändert.",
    auto_redacted: Plural {
        one: "{n} vertrauliche Angabe wurde vor dem Senden geschwärzt.",
        other: "{n} vertrauliche Angaben wurden vor dem Senden geschwärzt.",
    },
    warned: Plural {
        one: "Ihre gesendete Nachricht enthielt {n} vertrauliche Angabe.",
        other: "Ihre gesendete Nachricht enthielt {n} vertrauliche Angaben.",
    },
    dismiss: "Schließen",
    items: Plural {
        one: "{n} Angabe",
        other: "{n} Angaben",
    },
    and_more: Plural {
        one: "und {n} weitere",
        other: "und {n} weitere",
    },
    other_kinds: Plural {
        one: "{n} Angabe anderer Art",
        other: "{n} Angaben anderer Art",
    },
    thousands_sep: ".",
    list_sep: ", ",
    clause_sep: "; ",
    why_checksum: "die Prüfziffer stimmt",
    why_context: "steht neben „{word}“",
    why_provider: "Schlüsselformat von {provider}",
    why_entropy: "zufällig wie ein erzeugtes Geheimnis",
    why_marker: "ein Vertraulichkeitsvermerk",
    why_unlikely: "weniger sicher: steht neben „{word}“",
    why_issuer_unknown: "als Karte bezeichnet, aber von keinem bekannten Kartennetz",
    why_shape: "hat das Format: {name}",
};

const ZH: Catalog = Catalog {
    lang: "zh",
    title: "发送前请确认",
    intro: Plural {
        one: "您的消息包含 {n} 项可能敏感的信息。",
        other: "您的消息包含 {n} 项可能敏感的信息。",
    },
    mindful: "消息一旦发送，可能被存储、被他人阅读或用于训练。请谨慎对待财务数据、医疗信息、密码和机密文件。",
    edit: "编辑草稿",
    redact_send: "脱敏后发送",
    send_anyway: "仍然发送",
    redact_this: "脱敏",
    will_be_sent_as: "发送为",
    why: "原因：",
    categories: ["财务", "身份证件", "密码或密钥", "医疗", "机密", "联系方式"],
    confidence: ["很可能", "可能", "或许"],
    badge: Plural {
        one: "此草稿中有 {n} 项敏感信息",
        other: "此草稿中有 {n} 项敏感信息",
    },
    pasted: "您粘贴的内容包含{names}。发送前会先询问您。",
    write_back_failed: "无法在此编辑器中对草稿脱敏，因此未发送任何内容。您的草稿保持不变。",
    write_back_left: "无法在此编辑器中对草稿脱敏，因此未发送任何内容。草稿此后已被更改，draftguard 保留了它现在的样子：发送前请检查。",
    draft_changed: "在 draftguard 询问期间您的草稿已更改，因此没有脱敏，也没有发送任何内容。请检查后重新发送。",
    press_enter_again: "页面未接收此消息。请再次按 Enter 键发送。",
    click_send_again: "页面未接收此消息。请再次点击发送按钮。",
    stopped_held: "draftguard 因内部错误已停止，因此此消息未发送；您的草稿仍保留在输入框中。如果再次发送，它将不经检查发出。",
    failed_open: "draftguard 无法检查此消息，消息已在未检查的情况下发送。",
    failed_closed: "draftguard 无法检查此消息，因此未发送。您的草稿保持不变。",
    auto_redacted: Plural {
        one: "发送前已对 {n} 项敏感信息脱敏。",
        other: "发送前已对 {n} 项敏感信息脱敏。",
    },
    warned: Plural {
        one: "您发送的消息包含 {n} 项敏感信息。",
        other: "您发送的消息包含 {n} 项敏感信息。",
    },
    dismiss: "关闭",
    items: Plural {
        one: "{n} 项",
        other: "{n} 项",
    },
    and_more: Plural {
        one: "还有 {n} 项",
        other: "还有 {n} 项",
    },
    other_kinds: Plural {
        one: "其他类型的 {n} 项",
        other: "其他类型的 {n} 项",
    },
    thousands_sep: ",",
    list_sep: "、",
    clause_sep: "；",
    why_checksum: "校验位正确",
    why_context: "旁边有“{word}”",
    why_provider: "符合 {provider} 的密钥格式",
    why_entropy: "像生成的密钥一样随机",
    why_marker: "带有保密标记",
    why_unlikely: "不太确定：旁边有“{word}”",
    why_issuer_unknown: "被称为卡号，但不属于已知的卡组织",
    why_shape: "符合{name}的格式",
};

/// The catalog of `locale`.
pub fn catalog(locale: Locale) -> &'static Catalog {
    match locale {
        Locale::En => &EN,
        Locale::De => &DE,
        Locale::Zh => &ZH,
    }
}

/// Every catalog (for tests and tools).
pub const ALL: [&Catalog; 3] = [&EN, &DE, &ZH];

/// `message` for the count `n`, with `{n}` filled in. The category is chosen
/// by the catalog's language rules (English and German: 1 is "one").
pub fn plural(message: &Plural, n: usize) -> String {
    let form = if n == 1 { message.one } else { message.other };
    form.replace("{n}", &n.to_string())
}

/// `n` with its digits grouped in threes: "4,812" (English, Chinese), "4.812" (German).
pub fn count(cat: &Catalog, n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(cat.thousands_sep);
        }
        out.push(d);
    }
    out
}

/// `message` for the count `n`, with `{n}` filled in as [`count`] writes it.
pub fn plural_count(cat: &Catalog, message: &Plural, n: usize) -> String {
    let form = if n == 1 { message.one } else { message.other };
    form.replace("{n}", &count(cat, n))
}

/// The first language of `tags` (BCP 47, most preferred first) that has a
/// catalog; English when none has.
pub fn negotiate<'a>(tags: impl IntoIterator<Item = &'a str>) -> Locale {
    tags.into_iter()
        .find_map(Locale::parse)
        .unwrap_or(Locale::En)
}

impl Catalog {
    /// The name of a category.
    pub fn category(&self, c: Category) -> &'static str {
        let i = Category::ALL.iter().position(|x| *x == c).unwrap_or(0);
        self.categories[i]
    }

    /// "very likely" / "likely" / "possibly".
    pub fn confidence(&self, c: Confidence) -> &'static str {
        match c {
            Confidence::High => self.confidence[0],
            Confidence::Medium => self.confidence[1],
            Confidence::Low => self.confidence[2],
        }
    }

    /// Names joined as a list in this language: "credit card number, IBAN".
    pub fn list(&self, names: &[&str]) -> String {
        names.join(self.list_sep)
    }

    /// Why a finding was flagged, in plain language: at most three short
    /// phrases from its [`Reason`]s, strongest first (checksums and
    /// providers, then context, randomness, markings and words that lowered
    /// the certainty). `name` is the kind's plain-language name, used when no
    /// reason says more than that the value has the kind's format.
    pub fn explain(&self, reasons: &[Reason], name: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for strong in [true, false] {
            for why in reasons.iter().map(Why::of) {
                if why == Why::Format || why.is_strong() != strong {
                    continue;
                }
                let s = self.words(why, name);
                if !out.contains(&s) && out.len() < 3 {
                    out.push(s);
                }
            }
        }
        if out.is_empty() {
            out.push(self.words(Why::Format, name));
        }
        out
    }

    /// `why` in this language; `name` (the kind's name) for [`Why::Format`].
    pub fn words(&self, why: Why<'_>, name: &str) -> String {
        match why {
            Why::Checksum => self.why_checksum.to_string(),
            Why::Provider(id) => self.why_provider.replace("{provider}", &pretty(id)),
            Why::Context(word) => self.why_context.replace("{word}", word),
            Why::Entropy => self.why_entropy.to_string(),
            Why::Marker => self.why_marker.to_string(),
            Why::Unlikely(word) => self.why_unlikely.replace("{word}", word),
            Why::IssuerUnknown => self.why_issuer_unknown.to_string(),
            Why::Format => self.why_shape.replace("{name}", name),
        }
    }
}

/// What the prompt says about a [`Reason`]: the kind of fact, and what it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why<'a> {
    /// A check digit or checksum verified.
    Checksum,
    /// A provider's published key format (the provider's id).
    Provider(&'a str),
    /// A context word nearby.
    Context(&'a str),
    /// Random like a generated secret.
    Entropy,
    /// A confidentiality marking.
    Marker,
    /// A word nearby that lowered the certainty.
    Unlikely(&'a str),
    /// A card number from no known card network, next to a card word.
    IssuerUnknown,
    /// The value has the kind's format: said only when nothing else is.
    Format,
}

impl<'a> Why<'a> {
    /// How `reason` is worded. Every kind of reason is named here (no
    /// catch-all): a new one does not compile until it is given words.
    pub fn of(reason: &'a Reason) -> Why<'a> {
        match reason {
            Reason::Checksum(_) => Why::Checksum,
            Reason::Provider(id) => Why::Provider(id),
            Reason::Context(word) => Why::Context(word),
            Reason::Entropy(_) => Why::Entropy,
            Reason::Marker(_) => Why::Marker,
            Reason::Unlikely(word) => Why::Unlikely(word),
            Reason::IssuerUnknown => Why::IssuerUnknown,
            Reason::Format(_)
            | Reason::Issuer(_)
            | Reason::Country(_)
            | Reason::Algorithm(_)
            | Reason::KeyType(_)
            | Reason::Shape(_)
            | Reason::Words(_)
            | Reason::CustomRule => Why::Format,
        }
    }

    /// Said first: what verifies the value itself (a checksum, a provider's format).
    fn is_strong(self) -> bool {
        matches!(self, Why::Checksum | Why::Provider(_))
    }
}

/// `"github"` → `"GitHub"`, `"aws"` → `"AWS"`; other ids with `_` as spaces
/// and a capital first letter.
fn pretty(provider: &str) -> String {
    const KNOWN: &[(&str, &str)] = &[
        ("github", "GitHub"),
        ("gitlab", "GitLab"),
        ("aws", "AWS"),
        ("gcp", "Google Cloud"),
        ("openai", "OpenAI"),
        ("huggingface", "Hugging Face"),
        ("sendgrid", "SendGrid"),
        ("openrouter", "OpenRouter"),
        ("pypi", "PyPI"),
        ("npm", "npm"),
    ];
    if let Some((_, name)) = KNOWN.iter().find(|(id, _)| *id == provider) {
        return name.to_string();
    }
    let spaced = provider.replace(['_', '-'], " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(c) => std::iter::once(c.to_ascii_uppercase()) // provider ids are ASCII
            .chain(chars)
            .collect(),
        None => spaced,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_follow_each_language() {
        assert_eq!(plural(&EN.badge, 1), "1 sensitive item in this draft");
        assert_eq!(plural(&EN.badge, 0), "0 sensitive items in this draft");
        assert_eq!(
            plural(&DE.badge, 1),
            "1 vertrauliche Angabe in diesem Entwurf"
        );
        assert_eq!(
            plural(&DE.badge, 5),
            "5 vertrauliche Angaben in diesem Entwurf"
        );
        assert_eq!(plural(&ZH.badge, 1), "此草稿中有 1 项敏感信息");
        assert_eq!(
            plural(&ZH.auto_redacted, 2),
            "发送前已对 2 项敏感信息脱敏。"
        );
    }

    #[test]
    fn every_catalog_has_every_message_and_placeholder() {
        for c in ALL {
            for p in [
                &c.intro,
                &c.badge,
                &c.auto_redacted,
                &c.warned,
                &c.items,
                &c.and_more,
                &c.other_kinds,
            ] {
                assert!(
                    p.one.contains("{n}") && p.other.contains("{n}"),
                    "{}",
                    c.lang
                );
            }
            assert!(c.pasted.contains("{names}"), "{}", c.lang);
            assert!(c.why_context.contains("{word}"), "{}", c.lang);
            assert!(c.why_unlikely.contains("{word}"), "{}", c.lang);
            assert!(c.why_provider.contains("{provider}"), "{}", c.lang);
            assert!(c.why_shape.contains("{name}"), "{}", c.lang);
            for s in [
                c.title,
                c.mindful,
                c.edit,
                c.redact_send,
                c.send_anyway,
                c.redact_this,
                c.why,
                c.dismiss,
                c.write_back_failed,
                c.write_back_left,
                c.draft_changed,
                c.press_enter_again,
                c.click_send_again,
                c.stopped_held,
                c.failed_open,
                c.failed_closed,
            ] {
                assert!(!s.trim().is_empty(), "{}", c.lang);
            }
        }
        // Translated, not copied: the German and Chinese buttons differ from English.
        assert_ne!(DE.redact_send, EN.redact_send);
        assert_ne!(ZH.redact_send, EN.redact_send);
    }

    #[test]
    fn the_mindful_note_names_what_to_be_careful_with() {
        assert!(["financial", "medical", "passwords", "confidential"]
            .iter()
            .all(|w| EN.mindful.contains(w)));
        assert!(["Finanzdaten", "Gesundheit", "Passwört", "vertraulich"]
            .iter()
            .all(|w| DE.mindful.contains(w)));
        assert!(["财务", "医疗", "密码", "机密"]
            .iter()
            .all(|w| ZH.mindful.contains(w)));
    }

    #[test]
    fn reasons_read_as_plain_language() {
        use crate::finding::{Checksum, Format};
        assert_eq!(
            EN.explain(
                &[
                    Reason::Checksum(Checksum::Luhn),
                    Reason::Issuer("visa"),
                    Reason::Context("card".into()),
                ],
                "Credit card number"
            ),
            ["its check digits are valid", "next to “card”"]
        );
        assert_eq!(
            DE.explain(
                &[
                    Reason::Provider("github"),
                    Reason::Checksum(Checksum::Crc32)
                ],
                "API-Schlüssel"
            ),
            ["Schlüsselformat von GitHub", "die Prüfziffer stimmt"]
        );
        assert_eq!(
            DE.explain(
                &[
                    Reason::Checksum(Checksum::Luhn),
                    Reason::IssuerUnknown,
                    Reason::Context("karte".into()),
                ],
                "Kreditkartennummer"
            ),
            [
                "die Prüfziffer stimmt",
                "als Karte bezeichnet, aber von keinem bekannten Kartennetz",
                "steht neben „karte“"
            ]
        );
        assert_eq!(
            ZH.explain(&[Reason::Format(Format::SsnStructure)], "美国社会安全号码"),
            ["符合美国社会安全号码的格式"]
        );
    }

    /// The name of `reason`'s variant. No catch-all: a new variant must be
    /// added here, and then to the list the test below expects to see.
    fn variant(reason: &Reason) -> &'static str {
        match reason {
            Reason::Checksum(_) => "Checksum",
            Reason::Format(_) => "Format",
            Reason::Provider(_) => "Provider",
            Reason::Issuer(_) => "Issuer",
            Reason::IssuerUnknown => "IssuerUnknown",
            Reason::Country(_) => "Country",
            Reason::Algorithm(_) => "Algorithm",
            Reason::KeyType(_) => "KeyType",
            Reason::Shape(_) => "Shape",
            Reason::Words(_) => "Words",
            Reason::Entropy(_) => "Entropy",
            Reason::Marker(_) => "Marker",
            Reason::CustomRule => "CustomRule",
            Reason::Context(_) => "Context",
            Reason::Unlikely(_) => "Unlikely",
        }
    }

    /// Every reason the detectors give on the fixtures and sample drafts
    /// (with a custom rule, whose context words are its own), and every
    /// reason without a payload.
    fn every_reason() -> Vec<Reason> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests");
        let mut text = String::new();
        for sub in ["fixtures", "drafts"] {
            for entry in std::fs::read_dir(format!("{dir}/{sub}")).expect("test data") {
                text += &std::fs::read_to_string(entry.expect("entry").path()).expect("UTF-8");
            }
        }
        text += "\nMitarbeiter EMP-123456, GC4111111111111111";
        let guard = crate::Guard::new(crate::Options {
            custom_rules: vec![crate::CustomRule {
                kind: "employee_id".into(),
                name: None,
                pattern: r"\bEMP-[0-9]{6}\b|GC(?P<value>[0-9]{16})".into(),
                validator: None,
                category: Category::Confidential,
                context: vec!["Mitarbeiter".into()],
                context_required: false,
                confidence: Confidence::Medium,
            }],
            ..crate::Options::default()
        })
        .expect("options");
        let mut all: Vec<Reason> = Reason::fixed().collect();
        for f in guard.scan(&text).expect("scan") {
            for r in f.reasons {
                if !all.contains(&r) {
                    all.push(r);
                }
            }
        }
        all
    }

    #[test]
    fn every_reason_has_words_in_every_language() {
        let all = every_reason();
        let mut variants: Vec<&str> = all.iter().map(variant).collect();
        variants.sort_unstable();
        variants.dedup();
        assert_eq!(
            variants,
            [
                "Algorithm",
                "Checksum",
                "Context",
                "Country",
                "CustomRule",
                "Entropy",
                "Format",
                "Issuer",
                "IssuerUnknown",
                "KeyType",
                "Marker",
                "Provider",
                "Shape",
                "Unlikely",
                "Words"
            ],
            "every kind of reason occurs in the test data (add a fixture line that gives a new one)"
        );
        for c in ALL {
            let format = c.words(Why::Format, "NAME");
            for r in &all {
                let why = Why::of(r);
                let words = c.words(why, "NAME");
                assert!(
                    !words.trim().is_empty() && !words.contains(['{', '}']),
                    "{}: {r} reads {words:?}",
                    c.lang
                );
                if why != Why::Format {
                    assert_ne!(
                        words, format,
                        "{}: {r} says no more than the format",
                        c.lang
                    );
                    if c.lang != "en" {
                        assert_ne!(
                            words,
                            EN.words(why, "NAME"),
                            "{}: {r} is not translated",
                            c.lang
                        );
                    }
                }
                assert!(!c.explain(std::slice::from_ref(r), "NAME").is_empty());
            }
        }
    }

    #[test]
    fn every_checksum_reads_as_a_checksum() {
        use crate::finding::Checksum;
        for c in ALL {
            for &sum in Checksum::ALL {
                assert_eq!(
                    c.explain(&[Reason::Checksum(sum)], "NAME"),
                    [c.why_checksum],
                    "{}: {sum:?}",
                    c.lang
                );
            }
        }
    }

    #[test]
    fn counts_are_grouped_per_language() {
        assert_eq!(count(&EN, 7), "7");
        assert_eq!(count(&EN, 4812), "4,812");
        assert_eq!(count(&DE, 4812), "4.812");
        assert_eq!(count(&ZH, 1_234_567), "1,234,567");
        assert_eq!(plural_count(&EN, &EN.and_more, 4812), "and 4,812 more");
        assert_eq!(plural_count(&DE, &DE.items, 1), "1 Angabe");
        assert_eq!(
            plural_count(&ZH, &ZH.other_kinds, 1000),
            "其他类型的 1,000 项"
        );
    }

    #[test]
    fn languages_are_negotiated_from_preferences() {
        assert_eq!(negotiate(["fr-FR", "de-CH", "en"]), Locale::De);
        assert_eq!(negotiate(["zh-Hans-CN"]), Locale::Zh);
        assert_eq!(negotiate(["ja"]), Locale::En);
        assert_eq!(negotiate(Vec::<&str>::new()), Locale::En);
    }
}
