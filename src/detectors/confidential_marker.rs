//! Document classification markers.
//!
//! Headers and stamps that say a document is not for sharing: CONFIDENTIAL,
//! STRICTLY CONFIDENTIAL, INTERNAL (USE) ONLY, NDA, TOP SECRET, attorney–client
//! privileged, privileged & confidential, the Traffic Light Protocol labels
//! TLP:RED and TLP:AMBER(+STRICT); German Vertraulich, Streng vertraulich,
//! Nur für den internen Gebrauch, Nur für den Dienstgebrauch (VS-NfD),
//! (Streng) geheim; Chinese 绝密, 机密, 秘密 (the three levels of the state
//! secrets law), 内部资料, 保密. Latin markers match as whole words, never
//! inside "confidentiality" or "agenda"; CJK markers anywhere.
//! A marker written as a stamp — all capitals, a TLP label, a legal privilege
//! notice, a Chinese classification level — is reported on its own; the same
//! words in ordinary prose ("please keep this confidential", "请保密") only next
//! to a document word (document, memo, report, Dokument, 文件 …).
//! Spec: FIRST Traffic Light Protocol 2.0; VSA (German classified information
//! directive) §3; PRC Law on Guarding State Secrets art. 10.
//!
//! ```
//! use draftguard::detectors::confidential_marker::validate;
//! assert!(!validate("STRICTLY CONFIDENTIAL").unwrap().weak);
//! assert!(validate("confidential").unwrap().weak);
//! ```
use super::{Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words};
use crate::finding::{Marker, Reason};

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
    checks: "Classification stamps (CONFIDENTIAL, TLP:RED, VS-NfD, 绝密…) as whole words",
    #[cfg(not(target_family = "wasm"))]
    pattern: r"(?i)\b(?:strictly confidential|highly confidential|privileged (?:and|&) confidential|confidential|for internal use only|internal use only|internal only|attorney-client privileged?|attorney client privileged?|top secret|nda|tlp:(?:red|amber\+strict|amber)|streng vertraulich|vertraulich|nur f(?:ü|ue)r den internen gebrauch|nur f(?:ü|ue)r den dienstgebrauch|vs-nfd|streng geheim|geheim)\b|绝密|机密|秘密|内部资料|保密",
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
        before: 48,
        after: 48,
    },
    context: Words {
        en: &[
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
        de: &[
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
        zh: &[
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
    by_group: None,
};

/// The marker is not secret itself: the preview shows it as written.
fn preview(marker: &str) -> String {
    marker.to_string()
}

/// Classifies a marker: a stamp stands alone, prose needs a document word.
pub fn validate(marker: &str) -> Result<Valid, Invalid> {
    let lower = crate::scan::lower(marker);
    let compact: String = lower.chars().filter(|c| c.is_alphanumeric()).collect();
    if compact.is_empty() {
        return Err(Invalid::Format);
    }
    let latin = marker.chars().any(|c| c.is_ascii_alphabetic());
    let all_caps = latin && !marker.chars().any(|c| c.is_lowercase());
    let (reason, stamp) = if lower.starts_with("tlp:") {
        (Marker::Tlp, true)
    } else if lower.contains("privileged") {
        (Marker::LegalPrivilege, true)
    } else if lower == "vs-nfd" {
        (Marker::Marking, true) // always written VS-NfD
    } else if !latin {
        // 绝密 / 机密 / 秘密 are classification levels; 内部资料 a stamp; 保密 often just "keep it secret".
        (Marker::Cjk, marker != "保密")
    } else {
        (Marker::Marking, all_caps)
    };
    Ok(Valid {
        compact,
        reasons: vec![Reason::Marker(reason)],
        weak: !stamp,
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
            "绝密",
            "内部资料",
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
        ] {
            assert!(validate(prose).unwrap().weak, "{prose}");
        }
    }
}
