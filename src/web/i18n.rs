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
    /// File prompt heading.
    pub file_title: &'static str,
    /// File prompt's first line; `{n}` counts the files it asks about.
    pub file_intro: Plural,
    /// Why this matters, for files.
    pub file_mindful: &'static str,
    /// Button: leave the files asked about out (`{n}` of them; no placeholder needed).
    pub remove_file: Plural,
    /// Button: attach redacted copies of the text files asked about.
    pub attach_redacted: &'static str,
    /// Button: attach the files as they are.
    pub attach_anyway: &'static str,
    /// A file's count of one kind when the kind has no plural name here (custom rules):
    /// `{n}` and `{name}`.
    pub kind_count: &'static str,
    /// Chinese counts every kind the same way (`{n}`, `{name}`); empty: English and German
    /// use the plural names of [`kind_plural`].
    pub kind_count_all: &'static str,
    /// A file without findings, listed with others.
    pub file_clean: &'static str,
    /// A file with findings that no redacted copy can be made of (Office files).
    pub no_redacted_copy: &'static str,
    /// A file whose name says it is an identity document; `{name}`.
    pub identity_note: &'static str,
    /// Files that were not checked: `{files}` lists [`Catalog::file_reason`]s.
    pub not_checked: &'static str,
    /// One file not checked: `{name}` and `{why}`.
    pub file_reason: &'static str,
    /// Why not checked: an image.
    pub why_image: &'static str,
    /// Why not checked: a PDF.
    pub why_pdf: &'static str,
    /// Why not checked: a format not read.
    pub why_format: &'static str,
    /// Why not checked: too large.
    pub why_too_large: &'static str,
    /// Why not checked: damaged.
    pub why_damaged: &'static str,
    /// Why not checked: encrypted.
    pub why_encrypted: &'static str,
    /// Why not checked: the check itself failed (the files module did not load).
    pub why_failed: &'static str,
    /// Mode "warn-only": files attached with findings; `{files}` lists them with what they hold.
    pub file_warned: &'static str,
    /// A file size in bytes (below 1 KB).
    pub bytes: Plural,
    /// The decimal separator of sizes: "1.5 MB", "1,5 MB".
    pub decimal_sep: &'static str,
    /// draftguard stopped after an internal error and the page asked to fail closed: files
    /// were not attached.
    pub failed_files: &'static str,
    /// While a large file is checked: `{name}` and `{percent}`.
    pub checking: &'static str,
    /// Button: stop checking a large file and leave it out.
    pub cancel: &'static str,
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
    file_title: "Check before you attach",
    file_intro: Plural {
        one: "{n} file you are attaching contains data that may be sensitive.",
        other: "{n} files you are attaching contain data that may be sensitive.",
    },
    file_mindful: "Once uploaded, a file can be stored, read by others or used for training. \
                   Be mindful with customer lists, financial data, identity documents and confidential documents.",
    remove_file: Plural {
        one: "Remove file",
        other: "Remove files",
    },
    attach_redacted: "Attach a redacted copy",
    attach_anyway: "Attach anyway",
    kind_count: "{name}: {n}",
    kind_count_all: "",
    file_clean: "Nothing sensitive found.",
    no_redacted_copy: "No redacted copy can be made of this format: with a redacted copy, this file is left out.",
    identity_note: "“{name}” looks like an identity document. Share passports and ID cards only where they are really needed.",
    not_checked: "Not checked: {files}.",
    file_reason: "{name} ({why})",
    why_image: "images are not read",
    why_pdf: "PDF files are not read",
    why_format: "this type of file is not read",
    why_too_large: "too large to check",
    why_damaged: "the file seems damaged",
    why_encrypted: "the file is encrypted",
    why_failed: "the check could not run",
    file_warned: "Attached with sensitive data: {files}.",
    bytes: Plural {
        one: "{n} byte",
        other: "{n} bytes",
    },
    decimal_sep: ".",
    failed_files: "draftguard could not check these files, so they were not attached.",
    checking: "Checking {name}… {percent}",
    cancel: "Cancel",
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
    file_title: "Vor dem Anhängen prüfen",
    file_intro: Plural {
        one: "{n} Datei, die Sie anhängen, enthält Angaben, die vertraulich sein könnten.",
        other: "{n} Dateien, die Sie anhängen, enthalten Angaben, die vertraulich sein könnten.",
    },
    file_mindful: "Einmal hochgeladen, kann eine Datei gespeichert, von anderen gelesen oder zum Training \
                   verwendet werden. Gehen Sie achtsam mit Kundenlisten, Finanzdaten, Ausweisdokumenten \
                   und vertraulichen Dokumenten um.",
    remove_file: Plural {
        one: "Datei entfernen",
        other: "Dateien entfernen",
    },
    attach_redacted: "Geschwärzte Kopie anhängen",
    attach_anyway: "Trotzdem anhängen",
    kind_count: "{name}: {n}",
    kind_count_all: "",
    file_clean: "Nichts Vertrauliches gefunden.",
    no_redacted_copy: "Von diesem Format kann keine geschwärzte Kopie erstellt werden: Mit geschwärzter \
                       Kopie wird diese Datei weggelassen.",
    identity_note: "„{name}“ sieht nach einem Ausweisdokument aus. Teilen Sie Reisepässe und Ausweise nur, \
                    wo sie wirklich nötig sind.",
    not_checked: "Nicht geprüft: {files}.",
    file_reason: "{name} ({why})",
    why_image: "Bilder werden nicht gelesen",
    why_pdf: "PDF-Dateien werden nicht gelesen",
    why_format: "dieser Dateityp wird nicht gelesen",
    why_too_large: "zu groß für die Prüfung",
    why_damaged: "die Datei scheint beschädigt",
    why_encrypted: "die Datei ist verschlüsselt",
    why_failed: "die Prüfung konnte nicht laufen",
    file_warned: "Mit vertraulichen Angaben angehängt: {files}.",
    bytes: Plural {
        one: "{n} Byte",
        other: "{n} Byte",
    },
    decimal_sep: ",",
    failed_files: "draftguard konnte diese Dateien nicht prüfen, daher wurden sie nicht angehängt.",
    checking: "Prüfe {name} … {percent}",
    cancel: "Abbrechen",
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
    file_title: "附加文件前请确认",
    file_intro: Plural {
        one: "您要附加的 {n} 个文件包含可能敏感的信息。",
        other: "您要附加的 {n} 个文件包含可能敏感的信息。",
    },
    file_mindful: "文件一旦上传，可能被存储、被他人阅读或用于训练。请谨慎对待客户名单、财务数据、身份证件和机密文件。",
    remove_file: Plural {
        one: "移除文件",
        other: "移除文件",
    },
    attach_redacted: "附加脱敏副本",
    attach_anyway: "仍然附加",
    kind_count: "{name}：{n} 项",
    kind_count_all: "{n} 项{name}",
    file_clean: "未发现敏感信息。",
    no_redacted_copy: "无法为此格式生成脱敏副本：选择附加脱敏副本时，将不附加此文件。",
    identity_note: "“{name}”看起来是身份证件。请仅在确有必要时分享护照和身份证。",
    not_checked: "未检查：{files}。",
    file_reason: "{name}（{why}）",
    why_image: "不读取图片",
    why_pdf: "不读取 PDF 文件",
    why_format: "不读取此类文件",
    why_too_large: "文件过大，无法检查",
    why_damaged: "文件似乎已损坏",
    why_encrypted: "文件已加密",
    why_failed: "检查无法运行",
    file_warned: "已附加含敏感信息的文件：{files}。",
    bytes: Plural {
        one: "{n} 字节",
        other: "{n} 字节",
    },
    decimal_sep: ".",
    failed_files: "draftguard 无法检查这些文件，因此未附加。",
    checking: "正在检查 {name}… {percent}",
    cancel: "取消",
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

/// Plural names of the built-in kinds for counts in a file's summary ("1,204 email
/// addresses"): the kind's id, English and German (singular, plural). Chinese counts every kind
/// with one measure word ([`Catalog::kind_count_all`]). A built-in kind missing here fails a
/// test; a custom rule's kind is counted as "{name}: {n}".
const KIND_PLURALS: &[(&str, [&str; 2], [&str; 2])] = &[
    (
        "api_key",
        ["API key or access token", "API keys or access tokens"],
        [
            "API-Schlüssel oder Zugangstoken",
            "API-Schlüssel oder Zugangstokens",
        ],
    ),
    (
        "bank_account",
        ["bank account number", "bank account numbers"],
        ["Kontonummer", "Kontonummern"],
    ),
    (
        "br_cnpj",
        [
            "Brazilian company number (CNPJ)",
            "Brazilian company numbers (CNPJ)",
        ],
        [
            "brasilianische Firmennummer (CNPJ)",
            "brasilianische Firmennummern (CNPJ)",
        ],
    ),
    (
        "br_cpf",
        ["Brazilian CPF number", "Brazilian CPF numbers"],
        [
            "brasilianische Steuernummer (CPF)",
            "brasilianische Steuernummern (CPF)",
        ],
    ),
    (
        "ca_sin",
        [
            "Canadian Social Insurance Number",
            "Canadian Social Insurance Numbers",
        ],
        [
            "kanadische Sozialversicherungsnummer (SIN)",
            "kanadische Sozialversicherungsnummern (SIN)",
        ],
    ),
    (
        "cn_resident_id",
        ["Chinese resident ID number", "Chinese resident ID numbers"],
        [
            "chinesische Personalausweisnummer",
            "chinesische Personalausweisnummern",
        ],
    ),
    (
        "confidential_marker",
        [
            "confidential document marker",
            "confidential document markers",
        ],
        ["Vertraulichkeitsvermerk", "Vertraulichkeitsvermerke"],
    ),
    (
        "connection_string",
        [
            "password in a connection string",
            "passwords in connection strings",
        ],
        [
            "Passwort in einer Verbindungszeichenfolge",
            "Passwörter in Verbindungszeichenfolgen",
        ],
    ),
    (
        "credit_card",
        ["credit card number", "credit card numbers"],
        ["Kreditkartennummer", "Kreditkartennummern"],
    ),
    (
        "de_health_insurance",
        [
            "German health insurance number (KVNR)",
            "German health insurance numbers (KVNR)",
        ],
        [
            "Krankenversichertennummer (KVNR)",
            "Krankenversichertennummern (KVNR)",
        ],
    ),
    (
        "de_id_card",
        [
            "German ID card / passport number",
            "German ID card / passport numbers",
        ],
        ["Ausweis- / Reisepassnummer", "Ausweis- / Reisepassnummern"],
    ),
    (
        "de_tax_id",
        ["German tax ID (Steuer-ID)", "German tax IDs (Steuer-ID)"],
        [
            "steuerliche Identifikationsnummer (Steuer-ID)",
            "steuerliche Identifikationsnummern (Steuer-ID)",
        ],
    ),
    (
        "email",
        ["email address", "email addresses"],
        ["E-Mail-Adresse", "E-Mail-Adressen"],
    ),
    (
        "es_dni",
        ["Spanish ID number (DNI)", "Spanish ID numbers (DNI)"],
        [
            "spanische Ausweisnummer (DNI)",
            "spanische Ausweisnummern (DNI)",
        ],
    ),
    (
        "es_nie",
        [
            "Spanish foreigner ID number (NIE)",
            "Spanish foreigner ID numbers (NIE)",
        ],
        [
            "spanische Ausländer-Identifikationsnummer (NIE)",
            "spanische Ausländer-Identifikationsnummern (NIE)",
        ],
    ),
    (
        "fr_nir",
        [
            "French social security number (NIR)",
            "French social security numbers (NIR)",
        ],
        [
            "französische Sozialversicherungsnummer (NIR)",
            "französische Sozialversicherungsnummern (NIR)",
        ],
    ),
    (
        "generic_secret",
        ["secret key or token", "secret keys or tokens"],
        [
            "geheimer Schlüssel oder Token",
            "geheime Schlüssel oder Tokens",
        ],
    ),
    ("iban", ["IBAN", "IBANs"], ["IBAN", "IBANs"]),
    (
        "in_aadhaar",
        ["Indian Aadhaar number", "Indian Aadhaar numbers"],
        ["indische Aadhaar-Nummer", "indische Aadhaar-Nummern"],
    ),
    (
        "in_pan",
        ["Indian PAN (tax ID)", "Indian PANs (tax IDs)"],
        [
            "indische Steuernummer (PAN)",
            "indische Steuernummern (PAN)",
        ],
    ),
    (
        "ip_address",
        ["IP address", "IP addresses"],
        ["IP-Adresse", "IP-Adressen"],
    ),
    (
        "it_fiscal_code",
        [
            "Italian fiscal code (codice fiscale)",
            "Italian fiscal codes (codice fiscale)",
        ],
        [
            "italienische Steuernummer (Codice fiscale)",
            "italienische Steuernummern (Codice fiscale)",
        ],
    ),
    (
        "jwt",
        ["JSON Web Token", "JSON Web Tokens"],
        ["JSON Web Token", "JSON Web Tokens"],
    ),
    (
        "medical",
        [
            "piece of health information",
            "pieces of health information",
        ],
        ["Gesundheitsangabe", "Gesundheitsangaben"],
    ),
    (
        "nl_bsn",
        [
            "Dutch citizen service number (BSN)",
            "Dutch citizen service numbers (BSN)",
        ],
        [
            "niederländische Bürgerservicenummer (BSN)",
            "niederländische Bürgerservicenummern (BSN)",
        ],
    ),
    (
        "passport_mrz",
        [
            "passport / ID card machine-readable zone",
            "passport / ID card machine-readable zones",
        ],
        [
            "maschinenlesbare Zone (Reisepass / Ausweis)",
            "maschinenlesbare Zonen (Reisepass / Ausweis)",
        ],
    ),
    (
        "passport_number",
        ["passport number", "passport numbers"],
        ["Reisepassnummer", "Reisepassnummern"],
    ),
    (
        "password",
        ["password", "passwords"],
        ["Passwort", "Passwörter"],
    ),
    (
        "phone",
        ["phone number", "phone numbers"],
        ["Telefonnummer", "Telefonnummern"],
    ),
    (
        "pl_pesel",
        [
            "Polish national ID number (PESEL)",
            "Polish national ID numbers (PESEL)",
        ],
        [
            "polnische Identifikationsnummer (PESEL)",
            "polnische Identifikationsnummern (PESEL)",
        ],
    ),
    (
        "private_key",
        ["private key", "private keys"],
        ["privater Schlüssel", "private Schlüssel"],
    ),
    (
        "seed_phrase",
        ["wallet recovery phrase", "wallet recovery phrases"],
        [
            "Wiederherstellungsphrase (Wallet)",
            "Wiederherstellungsphrasen (Wallet)",
        ],
    ),
    (
        "uk_nhs",
        ["NHS number", "NHS numbers"],
        ["NHS-Nummer", "NHS-Nummern"],
    ),
    (
        "uk_nino",
        [
            "UK National Insurance number",
            "UK National Insurance numbers",
        ],
        [
            "britische Sozialversicherungsnummer (National Insurance)",
            "britische Sozialversicherungsnummern (National Insurance)",
        ],
    ),
    (
        "us_aba_routing",
        ["US bank routing number", "US bank routing numbers"],
        ["US-Bankleitzahl (ABA)", "US-Bankleitzahlen (ABA)"],
    ),
    (
        "us_drivers_license",
        ["US driver's license number", "US driver's license numbers"],
        ["US-Führerscheinnummer", "US-Führerscheinnummern"],
    ),
    (
        "us_itin",
        ["US taxpayer ID (ITIN)", "US taxpayer IDs (ITIN)"],
        ["US-Steuernummer (ITIN)", "US-Steuernummern (ITIN)"],
    ),
    (
        "us_medicare_mbi",
        ["US Medicare number (MBI)", "US Medicare numbers (MBI)"],
        ["US-Medicare-Nummer (MBI)", "US-Medicare-Nummern (MBI)"],
    ),
    (
        "us_passport",
        ["US passport number", "US passport numbers"],
        ["US-Reisepassnummer", "US-Reisepassnummern"],
    ),
    (
        "us_ssn",
        ["US Social Security number", "US Social Security numbers"],
        [
            "US-Sozialversicherungsnummer (SSN)",
            "US-Sozialversicherungsnummern (SSN)",
        ],
    ),
];

/// The plural names (singular, plural) of a built-in kind in `lang` ("en" or "de").
pub fn kind_plural(kind: &str, lang: &str) -> Option<[&'static str; 2]> {
    let (_, en, de) = KIND_PLURALS.iter().find(|(k, _, _)| *k == kind)?;
    match lang {
        "en" => Some(*en),
        "de" => Some(*de),
        _ => None,
    }
}

impl Catalog {
    /// `n` findings of one kind, for a file's summary: "1,204 email addresses" (English,
    /// German), "1,204 项电子邮件地址" (Chinese); `name` is the kind's name in this language,
    /// used where there is no plural name (custom rules).
    pub fn kind_count(&self, kind: &str, name: &str, n: usize) -> String {
        let shown = count(self, n);
        if !self.kind_count_all.is_empty() {
            return self
                .kind_count_all
                .replace("{n}", &shown)
                .replace("{name}", name);
        }
        match kind_plural(kind, self.lang) {
            Some([one, other]) => format!("{shown} {}", if n == 1 { one } else { other }),
            None => self
                .kind_count
                .replace("{name}", name)
                .replace("{n}", &shown),
        }
    }

    /// A file size as people read it: "312 bytes", "48.2 KB", "20.0 MB" (units of 1,024,
    /// one decimal, the language's decimal separator). `bytes` as JavaScript has it (a
    /// `File`'s size); only the rounding is done in floating point: Rust's float formatting
    /// would add kilobytes to the module, and a 64-bit integer cast from it breaks wasm2js
    /// (the extension's JavaScript engine).
    pub fn file_size(&self, bytes: f64) -> String {
        const UNITS: [(f64, &str); 3] = [
            (1_073_741_824.0, "GB"),
            (1_048_576.0, "MB"),
            (1_024.0, "KB"),
        ];
        for (size, unit) in UNITS {
            if bytes >= size {
                let tenths = (bytes * 10.0 / size + 0.5) as usize;
                return format!(
                    "{}{}{} {unit}",
                    count(self, tenths / 10),
                    self.decimal_sep,
                    tenths % 10
                );
            }
        }
        plural_count(self, &self.bytes, bytes as usize)
    }
}

/// Words in file names that say "identity document", lower-case: English, German, French,
/// Spanish, Italian, Chinese. Matched anywhere in the name, so `Personalausweis_scan.jpg` and
/// `my-passport.pdf` count; "id" alone does not (`user_id.csv`).
const IDENTITY_WORDS: &[&str] = &[
    "passport",
    "id card",
    "id-card",
    "id_card",
    "idcard",
    "id-front",
    "id_front",
    "id-back",
    "id_back",
    "identity card",
    "identity-card",
    "identity_card",
    "identity document",
    "national id",
    "national_id",
    "national-id",
    "driver's licen",
    "drivers licen",
    "drivers-licen",
    "drivers_licen",
    "driving licen",
    "driving-licen",
    "driving_licen",
    "residence permit",
    "residence-permit",
    "ausweis",
    "reisepass",
    "führerschein",
    "fuehrerschein",
    "aufenthaltstitel",
    "passeport",
    "carte d'identit",
    "carte-identit",
    "carte_identit",
    "pasaporte",
    "passaporto",
    "carta d'identit",
    "身份证",
    "护照",
    "驾驶证",
    "驾照",
    "居留许可",
];

/// Whether a file's name says it is an identity document (passport, ID card, Ausweis,
/// Reisepass, 身份证, 护照, driving licence …): the prompt says so even when the content
/// cannot be read.
pub fn is_identity_document(name: &str) -> bool {
    // draftguard's own case fold (Latin, Greek, Cyrillic): std's Unicode case table would
    // cost the module 5 KB gzip.
    let lower = crate::scan::lower(name).replace('\u{2019}', "'");
    IDENTITY_WORDS.iter().any(|w| lower.contains(w))
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

    #[test]
    fn every_file_message_exists_in_every_language() {
        for c in ALL {
            for p in [&c.file_intro, &c.bytes] {
                assert!(
                    p.one.contains("{n}") && p.other.contains("{n}"),
                    "{}",
                    c.lang
                );
            }
            for s in [
                c.file_title,
                c.file_mindful,
                c.remove_file.one,
                c.remove_file.other,
                c.attach_redacted,
                c.attach_anyway,
                c.file_clean,
                c.no_redacted_copy,
                c.why_image,
                c.why_pdf,
                c.why_format,
                c.why_too_large,
                c.why_damaged,
                c.why_encrypted,
                c.why_failed,
                c.decimal_sep,
                c.failed_files,
            ] {
                assert!(!s.trim().is_empty(), "{}", c.lang);
            }
            assert!(c.identity_note.contains("{name}"), "{}", c.lang);
            assert!(
                c.checking.contains("{name}") && c.checking.contains("{percent}"),
                "{}",
                c.lang
            );
            assert!(!c.cancel.trim().is_empty(), "{}", c.lang);
            assert!(c.not_checked.contains("{files}"), "{}", c.lang);
            assert!(c.file_warned.contains("{files}"), "{}", c.lang);
            assert!(
                c.file_reason.contains("{name}") && c.file_reason.contains("{why}"),
                "{}",
                c.lang
            );
            assert!(
                c.kind_count.contains("{name}") && c.kind_count.contains("{n}"),
                "{}",
                c.lang
            );
            if c.lang != "en" {
                for (mine, en) in [
                    (c.file_title, EN.file_title),
                    (c.attach_redacted, EN.attach_redacted),
                    (c.attach_anyway, EN.attach_anyway),
                    (c.remove_file.one, EN.remove_file.one),
                    (c.identity_note, EN.identity_note),
                    (c.why_image, EN.why_image),
                    (c.cancel, EN.cancel),
                    (c.file_mindful, EN.file_mindful),
                ] {
                    assert_ne!(mine, en, "{}: not translated", c.lang);
                }
            }
        }
    }

    #[test]
    fn file_summaries_count_kinds_with_plural_names() {
        assert_eq!(
            EN.kind_count("email", "Email address", 1204),
            "1,204 email addresses"
        );
        assert_eq!(
            EN.kind_count("credit_card", "Credit card number", 1),
            "1 credit card number"
        );
        assert_eq!(
            DE.kind_count("email", "E-Mail-Adresse", 1204),
            "1.204 E-Mail-Adressen"
        );
        assert_eq!(DE.kind_count("password", "Passwort", 1), "1 Passwort");
        assert_eq!(DE.kind_count("password", "Passwort", 3), "3 Passwörter");
        assert_eq!(
            ZH.kind_count("credit_card", "信用卡号", 310),
            "310 项信用卡号"
        );
        // A custom rule's kind has no plural name: its name and the count.
        assert_eq!(
            EN.kind_count("employee_id", "Employee ID", 2),
            "Employee ID: 2"
        );
    }

    #[test]
    fn every_built_in_kind_has_plural_names() {
        for d in crate::REGISTRY {
            for lang in ["en", "de"] {
                let [one, other] = kind_plural(d.kind, lang).unwrap_or_else(|| {
                    panic!("{}: no plural name in {lang} (KIND_PLURALS)", d.kind)
                });
                assert!(!one.is_empty() && !other.is_empty(), "{}", d.kind);
            }
        }
        for (kind, _, _) in KIND_PLURALS {
            assert!(
                crate::REGISTRY.iter().any(|d| d.kind == *kind),
                "{kind}: not a built-in kind"
            );
        }
    }

    #[test]
    fn file_sizes_read_as_people_write_them() {
        assert_eq!(EN.file_size(1.0), "1 byte");
        assert_eq!(EN.file_size(312.0), "312 bytes");
        assert_eq!(EN.file_size(49_357.0), "48.2 KB");
        assert_eq!(DE.file_size(49_357.0), "48,2 KB");
        assert_eq!(ZH.file_size(20_971_520.0), "20.0 MB");
        assert_eq!(EN.file_size(3_221_225_472.0), "3.0 GB");
    }

    #[test]
    fn identity_documents_are_known_by_name() {
        for name in [
            "passport.jpg",
            "My Passport scan.PDF",
            "Personalausweis_Rückseite.png",
            "reisepass.heic",
            "id-card-front.jpg",
            "身份证正面.jpg",
            "护照.pdf",
            "driver’s license.png",
            "FÜHRERSCHEIN.pdf",
        ] {
            assert!(is_identity_document(name), "{name}");
        }
        for name in [
            "customers.csv",
            "user_id.csv",
            "photo.jpg",
            "invoice.pdf",
            "ideas.txt",
        ] {
            assert!(!is_identity_document(name), "{name}");
        }
    }
}
