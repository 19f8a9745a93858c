//! Document classification markers.
//!
//! Headers and stamps that say a document is not for sharing: CONFIDENTIAL,
//! STRICTLY CONFIDENTIAL, INTERNAL (USE) ONLY, NDA, TOP SECRET, attorney–client
//! privileged, privileged & confidential, the Traffic Light Protocol labels
//! TLP:RED and TLP:AMBER(+STRICT); German Vertraulich, Streng vertraulich,
//! Nur für den (zum) internen Gebrauch, Nur für den Dienstgebrauch (VS-NfD),
//! (Streng) geheim; Chinese 绝密, 机密, 秘密 (the three levels of the state
//! secrets law), 内部资料, 保密. Latin markers match as whole words, never
//! inside "confidentiality", "agenda" or a constant's name (`CONFIDENTIAL_FLAG`).
//!
//! A marker written as a stamp is reported on its own; the same words in
//! ordinary prose ("please keep this confidential", "请保密") only next to a
//! document word (document, memo, report, Dokument, 文件 …). A stamp is:
//! - a TLP label, a legal privilege notice, VS-NfD;
//! - any marker in brackets (`[Confidential]`, `【机密】`, `（内部资料）`);
//! - any marker that opens a subject line, in any case, as the whole subject
//!   or its first part ("Betreff: Streng vertraulich – Gehaltsliste",
//!   "Subject: Re: Confidential – …", "主题：机密"; not "Subject: Top secret
//!   recipe", a title);
//! - a Latin marker in capitals — unless it sits in running prose, between
//!   lower-case words or in a list of capitalised names, as a flag or a
//!   constant is named ("set the CONFIDENTIAL flag", "PUBLIC, CONFIDENTIAL
//!   and SECRET values");
//! - a Chinese classification level (绝密, 机密, 秘密, 内部资料) at the start of
//!   a line or right before a document word (机密文件, 绝密级). 保密 ("keep it
//!   secret") is a stamp only in brackets.
//!
//! A Chinese marker inside a longer word is no marker at all: 机密性
//! ("confidentiality"), 保密意识, Japanese 秘密鍵 ("private key"). Elsewhere
//! in a sentence it is prose ("这份文件是机密" is reported through 文件).
//! Spec: FIRST Traffic Light Protocol 2.0; VSA (German classified information
//! directive) §3; PRC Law on Guarding State Secrets art. 10.
//!
//! ```
//! use draftguard::detectors::confidential_marker::validate;
//! assert!(!validate("STRICTLY CONFIDENTIAL").unwrap().weak);
//! assert!(validate("confidential").unwrap().weak);
//! assert!(validate("").is_err());
//! ```
use super::{
    ByGroup, Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words,
};
use crate::finding::{Marker, Reason};

/// The Latin markers, longest first (alternatives of a regex, case-insensitive).
#[cfg(not(target_family = "wasm"))]
macro_rules! latin_markers {
    () => {
        "strictly confidential|highly confidential|privileged (?:and|&) confidential|confidential|for internal use only|internal use only|internal only|attorney-client privileged?|attorney client privileged?|top secret|nda|tlp:(?:red|amber\\+strict|amber)|streng vertraulich|vertraulich|nur (?:f(?:ü|ue)r den|zum) internen gebrauch|nur f(?:ü|ue)r den dienstgebrauch|vs-nfd|streng geheim|geheim"
    };
}

/// The Chinese markers: the three levels of the state secrets law, 内部资料, 保密.
#[cfg(not(target_family = "wasm"))]
macro_rules! cjk_markers {
    () => {
        "绝密|机密|秘密|内部资料|保密"
    };
}

/// Words right after a Chinese marker that make it a stamp (机密文件, 绝密级).
#[cfg(not(target_family = "wasm"))]
macro_rules! cjk_document_words {
    () => {
        "文件|文档|资料|材料|信息|数据|级|协议|合同|报告|附件|事项"
    };
}

/// The confidential-marker detector.
pub const DETECTOR: Detector = Detector {
    kind: "confidential_marker",
    category: Category::Confidential,
    locales: &[],
    name: L10n {
        en: "Confidential document marker",
        de: "Vertraulichkeitsvermerk",
        zh: "保密文件标识",
    },
    // Not the marker itself: "[CONFIDENTIAL]" would be found again in the
    // redacted draft (and nest on every redaction).
    label: L10n {
        en: "CLASSIFICATION MARK",
        de: "EINSTUFUNGSVERMERK",
        zh: "密级标识",
    },
    checks: "Classification stamps (CONFIDENTIAL, TLP:RED, VS-NfD, 【绝密】, the first words of a subject line …): whole words, not inside a word (机密性) or naming a flag in prose",
    #[cfg(not(target_family = "wasm"))]
    pattern: concat!(
        "(?i:",
        // Running prose: a lower-case word (or a capitalised list item) on
        // either side of the marker. A flag or a constant, not a stamp.
        r"(?P<prose>(?-i:\b(?:[a-z]+|[A-Z][A-Z0-9_]*,))[ \t]+)(?P<value>",
        latin_markers!(),
        r")\b(?-i:[ \t]+[a-z]+\b|,[ \t]+[A-Z][A-Z0-9_]+\b)",
        // In brackets: a stamp.
        r"|(?P<bracketed>[\[(<{]|（|【|「|『|〔|《)[ \t]*(?P<value2>",
        latin_markers!(),
        r"|",
        cjk_markers!(),
        r")",
        // The first words of a subject line (after "Re:"/"AW:"/"Fwd:"/"WG:"):
        // the subject classifies the message; the line may be quoted.
        // Bounded, so the match starts within the keyword window before the
        // marker's keyword.
        r"|(?m:^)[ \t*#>]{0,4}(?:['\x22`(\[<{]|“|‘|„|「|【|（)?(?P<subject>subject|betreff|主题|标题)[ \t]{0,2}(?::|：)[ \t]{0,2}(?:(?:re|aw|fwd?|wg)[ \t]?:[ \t]{0,2}){0,2}(?:['\x22`]|“|‘|„)?(?:(?P<value7>",
        latin_markers!(),
        // A Latin marker is the subject, or its first part: a separator or the
        // line's end follows ("Subject: Confidential – Q3"), not another word
        // ("Subject: Top secret recipe" is a title).
        r")\b[ \t]{0,2}(?:[^\sA-Za-z0-9\x80-\xff]|–|—|“|”|‘|’|」|】|）|》|。|，|；|：|！|？|、|(?m:$))|(?P<value8>",
        cjk_markers!(),
        r")(?:",
        cjk_document_words!(),
        r"|[\x00-\x7f]|[\xc0-\xdf][\x80-\xbf]|[\xe0-\xe3\xea-\xef][\x80-\xbf]{2}|[\xf0-\xf7][\x80-\xbf]{3}|\z))",
        // A Chinese level at a line start, followed by a document word or
        // anything but another CJK character (机密性 is a word of its own).
        r"|(?m:^)[ \t*#>|'`\x22-]*(?P<value3>",
        cjk_markers!(),
        r")(?P<line_start>",
        cjk_document_words!(),
        r"|[\x00-\x7f]|[\xc0-\xdf][\x80-\xbf]|[\xe0-\xe3\xea-\xef][\x80-\xbf]{2}|[\xf0-\xf7][\x80-\xbf]{3}|\z)",
        // Right before a document word: 机密文件.
        r"|(?P<value4>",
        cjk_markers!(),
        r")(?P<document>",
        cjk_document_words!(),
        r")",
        // Inside a longer word (机密性, 秘密鍵): no value group, nothing reported.
        r"|(?:",
        cjk_markers!(),
        r")[\xe4-\xe9][\x80-\xbf]{2}",
        // Anywhere else.
        r"|\b(?P<value5>",
        latin_markers!(),
        r")\b|(?P<value6>",
        cjk_markers!(),
        r"))",
    ),
    prefilter: Prefilter::Keywords {
        words: &[
            "confidential",
            "internal",
            "privileged",
            "secret",
            "nda",
            "tlp:",
            "vertraulich",
            "gebrauch",
            "vs-nfd",
            "geheim",
            "绝密",
            "机密",
            "秘密",
            "内部资料",
            "保密",
        ],
        // 64: a subject label (up to 32 bytes with "Re: AW: ") before a marker
        // whose keyword is its last word ("Nur für den internen Gebrauch").
        before: 64,
        after: 48,
    },
    context: Words {
        en: words![
            "document",
            "memo",
            "report",
            "draft",
            "attachment",
            "slide",
            "deck",
            "contract",
            "agreement",
            "do not distribute",
            "do not forward",
            "marked",
        ],
        de: words![
            "dokument",
            "unterlage",
            "unterlagen",
            "bericht",
            "entwurf",
            "anhang",
            "vertrag",
            "protokoll",
            "nicht weitergeben",
            "nicht zur weitergabe",
        ],
        zh: words![
            "文件",
            "资料",
            "报告",
            "合同",
            "协议",
            "附件",
            "材料",
            "请勿外传",
            "不得外传",
        ],
    },
    negative_context: Words::NONE,
    scoring: Scoring {
        alone: Some(Confidence::Medium),
        with_context: Confidence::High,
    },
    priority: 50,
    keep_last: 0,
    keep_leading_letters: 0,
    preview: Some(preview),
    validate,
    by_group: Some(ByGroup {
        validate: validate_in,
        preview: preview_in,
    }),
};

/// The marker is not secret itself: the preview shows it as written.
fn preview(marker: &str) -> String {
    marker.to_string()
}

/// Classifies a marker on its own: a stamp stands alone, prose needs a
/// document word. Capitals make a Latin marker a stamp; a Chinese marker is a
/// stamp only by where it stands ([`validate_in`]).
pub fn validate(marker: &str) -> Result<Valid, Invalid> {
    classify(marker, None)
}

/// [`validate`] for a marker found where the pattern's group `group` says:
/// `bracketed`, opening a `subject` line, at a `line_start`, before a
/// `document` word, or in running `prose`.
fn validate_in(marker: &str, group: &str) -> Result<Valid, Invalid> {
    classify(marker, Some(group))
}

fn preview_in(marker: &str, _group: &str) -> String {
    preview(marker)
}

fn classify(marker: &str, group: Option<&str>) -> Result<Valid, Invalid> {
    let lower = crate::scan::lower(marker);
    let compact: String = lower.chars().filter(|c| c.is_alphanumeric()).collect();
    if compact.is_empty() {
        return Err(Invalid::Format);
    }
    let latin = marker.chars().any(|c| c.is_ascii_alphabetic());
    let all_caps = latin && !marker.chars().any(|c| c.is_lowercase());
    let bracketed = group == Some("bracketed");
    let subject = group == Some("subject");
    let (reason, stamp) = if lower.starts_with("tlp:") {
        (Marker::Tlp, true)
    } else if lower.contains("privileged") {
        (Marker::LegalPrivilege, true)
    } else if lower == "vs-nfd" {
        (Marker::Marking, true) // always written VS-NfD
    } else if !latin {
        // 保密 is often just "keep it secret": a stamp only in brackets.
        let placed = matches!(group, Some("line_start" | "document" | "subject"));
        (Marker::Cjk, bracketed || (placed && marker != "保密"))
    } else {
        (
            Marker::Marking,
            bracketed || subject || (all_caps && group != Some("prose")),
        )
    };
    Ok(Valid {
        compact,
        reasons: vec![Reason::Marker(reason)],
        weak: !stamp,
        evidence: super::Evidence::Plain,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_stand_alone_prose_needs_context() {
        for stamp in [
            "CONFIDENTIAL",
            "TLP:AMBER",
            "tlp:red",
            "Attorney-Client Privileged",
            "VERTRAULICH",
        ] {
            assert!(!validate(stamp).unwrap().weak, "{stamp}");
        }
        for prose in [
            "confidential",
            "Confidential",
            "vertraulich",
            "nda",
            "保密",
            "geheim",
            "机密",
        ] {
            assert!(validate(prose).unwrap().weak, "{prose}");
        }
    }

    #[test]
    fn where_a_marker_stands_makes_it_a_stamp() {
        assert!(!validate_in("绝密", "bracketed").unwrap().weak);
        assert!(!validate_in("内部资料", "line_start").unwrap().weak);
        assert!(!validate_in("机密", "document").unwrap().weak);
        assert!(!validate_in("Confidential", "bracketed").unwrap().weak);
        assert!(!validate_in("保密", "bracketed").unwrap().weak);
        assert!(validate_in("保密", "line_start").unwrap().weak);
        assert!(validate_in("CONFIDENTIAL", "prose").unwrap().weak);
        assert!(!validate_in("Streng vertraulich", "subject").unwrap().weak);
        assert!(!validate_in("机密", "subject").unwrap().weak);
        assert!(validate_in("保密", "subject").unwrap().weak);
        assert!(!validate_in("TLP:RED", "prose").unwrap().weak);
    }
}
