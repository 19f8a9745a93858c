//! Health information: ICD-10 codes and diagnosis / medication / treatment terms.
//!
//! Two shapes, one kind:
//! - an ICD-10 code — a letter, two digits, optionally `.` and one or two
//!   digits, optionally an ICD-10-GM certainty marker (`F32.1 G`, `E11.9`,
//!   `J45`) — in a category range ICD-10 uses (A00–B99, C00–D89, E00–E90,
//!   F00–F99, …, U00–U85, V01–Y98, Z00–Z99). A code is looked for only near
//!   a medical label ("diagnosis", "ICD", "Diagnose", "Befund", "诊断",
//!   "病历") or a health term, so "room A12" or "error E42" are never codes;
//! - a term from the dictionary below (about 80 English, 80 German and 70
//!   Chinese diagnoses, medications and treatments), matched as a whole word,
//!   CJK terms anywhere. A term says the draft contains health information;
//!   on its own it is low confidence, next to a personal or record word ("my",
//!   "I have", "diagnosed", "patient", "ich habe", "Befund", "我有", "确诊",
//!   "病历") medium. Near "study", "research", "zodiac", "Studie", "星座" and
//!   without such a word it is dropped, so news-like prose stays quiet.
//!
//! Phrases where a term does not mean a health condition are consumed and
//! discarded: "the Great Depression", "the depression of 1929", "tropical
//! depression", "star sign is Cancer", "Sternzeichen Krebs".
//!
//! To add a term: put it in the `en`, `de` or `zh` list of [`dictionary!`]'s
//! one invocation below (a term that extends an earlier one must come first:
//! "pregnancy test" before "pregnancy"; a test checks this). Latin terms must
//! begin and end with an ASCII letter or digit and contain no regex syntax
//! other than `-`, `'` and spaces.
//! Spec: WHO ICD-10 (2019) chapter ranges; BfArM ICD-10-GM Zusatzkennzeichen.
//!
//! ```
//! use draftguard::detectors::medical::validate;
//! assert!(validate("F32.1").is_ok());
//! assert!(validate("E99.1").is_err()); // no ICD-10 category E99
//! ```
use super::{
    Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Terms, Valid, Words,
};
use crate::finding::{Format, Reason};

/// Phrases where a term does not mean a health condition: matched, and
/// discarded (no `value` group), so the term inside goes with them.
#[cfg(not(target_family = "wasm"))]
macro_rules! discarded {
    () => {
        r"(?i:(?:the\s+)?great\s+depression|(?:economic|tropical)\s+depression|the\s+depression\s+of|(?:star|zodiac|sun)\s+sign(?:\s+is)?(?:\s+an?)?\s+cancer|cancer\s*\(?(?:zodiac|star\s+sign|horoscope)|sternzeichen(?:\s+ist)?(?:\s+der)?\s+krebs|krebs\s*\(?sternzeichen)"
    };
}

/// An ICD-10 code: a letter, two digits, a subcategory, a certainty marker.
#[cfg(not(target_family = "wasm"))]
macro_rules! icd10_code {
    () => {
        r"\b[A-Z][0-9]{2}(?:\.[0-9]{1,2})?(?: [GVAZ])?\b"
    };
}

/// Builds, from one list of terms, the keyword list of the prefilter and the
/// terms the pattern ends with.
macro_rules! dictionary {
    (
        labels: [$($k:literal),* $(,)?],
        en: [$($en:literal),* $(,)?],
        de: [$($de:literal),* $(,)?],
        zh: [$($zh:literal),* $(,)?] $(,)?
    ) => {
        /// Every health term, in dictionary order: English, German, Chinese.
        pub const TERMS: &[&str] = &[$($en,)* $($de,)* $($zh,)*];
        /// English and German terms (whole-word, case-insensitive).
        const LATIN_TERMS: &[&str] = &[$($en,)* $($de,)*];
        /// Chinese terms (substring).
        const CJK_TERMS: &[&str] = &[$($zh,)*];
        /// Prefilter keywords: the terms and the labels that introduce a code.
        const KEYWORDS: &[&str] = &[$($k,)* $($en,)* $($de,)* $($zh,)*];
        /// Discarded phrases | code. The terms come after them as
        /// [`LITERALS`], matched by a keyword automaton: compiled into the
        /// pattern they were 21 KB of its automaton.
        #[cfg(not(target_family = "wasm"))]
        const PATTERN: &str = concat!(discarded!(), r"|(?P<value>", icd10_code!(), ")");
        /// The terms the pattern ends with (see [`Terms`]).
        pub const LITERALS: Terms = Terms {
            words: LATIN_TERMS,
            anywhere: CJK_TERMS,
        };
        /// [`PATTERN`] with the terms as its last alternatives, as it was
        /// compiled before [`LITERALS`]: what the scan is held to.
        #[cfg(all(test, not(target_family = "wasm")))]
        pub(crate) const ALTERNATION: &str = concat!(
            discarded!(),
            r"|(?P<value>",
            icd10_code!(),
            r"|\b(?i:\x00" $(, "|", $en)* $(, "|", $de)*, r")\b",
            r"|(?:\x00" $(, "|", $zh)*, "))",
        );
    };
}

dictionary! {
    labels: ["diagnosis", "diagnose", "icd", "befund", "诊断", "病历"],
    en: [
        // Diagnoses
        "diabetes", "diabetic", "depression", "depressive disorder", "anxiety disorder",
        "panic disorder", "bipolar disorder", "schizophrenia", "ptsd", "ocd", "adhd",
        "autism", "anorexia", "bulimia", "eating disorder", "dementia", "alzheimer's",
        "alzheimers", "parkinson's", "epilepsy", "multiple sclerosis", "hiv positive", "hiv test", "hiv",
        "hepatitis", "tuberculosis", "cancer", "tumour", "tumor", "leukemia", "leukaemia",
        "lymphoma", "melanoma", "carcinoma", "metastases", "metastasis", "heart attack",
        "heart failure", "hypertension", "asthma", "copd", "cystic fibrosis", "crohn's disease",
        "ulcerative colitis", "celiac disease", "coeliac disease", "endometriosis",
        "infertility", "miscarriage", "abortion", "pregnancy test", "pregnancy", "pregnant",
        "syphilis", "gonorrhea", "chlamydia", "herpes", "long covid", "alcoholism",
        "addiction", "overdose", "suicidal", "self-harm", "psychosis", "migraine",
        // Medications
        "insulin", "metformin", "antidepressants", "antidepressant", "antipsychotics",
        "antipsychotic", "sertraline", "fluoxetine", "citalopram", "escitalopram",
        "venlafaxine", "bupropion", "quetiapine", "olanzapine", "risperidone", "aripiprazole",
        "methylphenidate", "ritalin", "adderall", "lorazepam", "diazepam", "alprazolam",
        "xanax", "prozac", "zoloft", "oxycodone", "methadone", "buprenorphine",
        "antiretroviral", "levothyroxine", "warfarin",
        // Treatments and tests
        "chemotherapy", "chemo", "radiotherapy", "radiation therapy", "dialysis",
        "psychotherapy", "psychiatrist", "biopsy", "mammogram", "colonoscopy", "ivf",
    ],
    de: [
        // Diagnosen
        "Diabetiker", "Diabetikerin", "Depressionen", "depressiv", "Angststörung",
        "Panikstörung", "bipolare Störung", "Schizophrenie", "Autismus", "Magersucht",
        "Bulimie", "Essstörung", "Demenz", "Alzheimer", "Parkinson", "Epilepsie",
        "Multiple Sklerose", "Tuberkulose", "Krebserkrankung", "Krebs",
        "Brustkrebs", "Lungenkrebs", "Darmkrebs", "Prostatakrebs", "Hautkrebs", "Tumor",
        "Leukämie", "Lymphom", "Metastasen", "Herzinfarkt", "Schlaganfall",
        "Herzinsuffizienz", "Bluthochdruck", "Morbus Crohn", "Colitis ulcerosa", "Zöliakie",
        "Endometriose", "Unfruchtbarkeit", "Fehlgeburt", "Schwangerschaftsabbruch",
        "Abtreibung", "Schwangerschaftstest", "Schwangerschaft", "schwanger", "Syphilis",
        "Chlamydien", "Alkoholsucht", "Drogensucht", "Suizidgedanken", "Psychose", "Migräne",
        "Schilddrüsenunterfunktion", "Hashimoto",
        // Medikamente
        "Antidepressiva", "Antidepressivum", "Psychopharmaka", "Neuroleptika", "Sertralin",
        "Fluoxetin", "Venlafaxin", "Quetiapin", "Levothyroxin", "L-Thyroxin", "Methadon",
        "Tavor", "Opioide",
        // Behandlungen
        "Chemotherapie", "Strahlentherapie", "Bestrahlung", "Dialyse", "Psychotherapie",
        "Psychotherapeutin", "Psychotherapeut", "Psychiatrie", "Psychiater", "Psychiaterin",
        "Krankschreibung", "Arbeitsunfähigkeitsbescheinigung", "AU-Bescheinigung", "Biopsie",
        "Mammographie", "Darmspiegelung", "künstliche Befruchtung", "Entzugsklinik",
        "Reha-Klinik",
    ],
    zh: [
        // 诊断
        "糖尿病", "抑郁症", "抑郁", "焦虑症", "双相情感障碍", "精神分裂症", "自闭症", "多动症",
        "老年痴呆", "阿尔茨海默", "帕金森", "癫痫", "艾滋病", "乙肝", "肝炎", "肺结核", "结核病",
        "癌症", "肿瘤", "乳腺癌", "肺癌", "肝癌", "胃癌", "白血病", "淋巴瘤", "心脏病",
        "心肌梗死", "中风", "脑梗", "高血压", "哮喘", "不孕不育", "不孕", "人工流产", "流产",
        "堕胎", "怀孕", "孕检", "验孕", "性病", "梅毒", "淋病", "尿毒症", "厌食症", "暴食症",
        "进食障碍", "失眠症", "偏头痛", "自杀", "自残", "新冠",
        // 药物
        "胰岛素", "二甲双胍", "抗抑郁药", "舍曲林", "氟西汀", "安眠药", "抗病毒药",
        // 治疗
        "化疗", "放疗", "透析", "心理治疗", "心理咨询", "精神科", "精神病", "心理医生",
        "住院", "活检", "试管婴儿", "戒毒",
    ],
}

/// The health information detector.
pub const DETECTOR: Detector = Detector {
    kind: "medical",
    category: Category::Medical,
    locales: &[],
    name: L10n {
        en: "Health information",
        de: "Gesundheitsdaten",
        zh: "健康信息",
    },
    label: L10n {
        en: "HEALTH INFO",
        de: "GESUNDHEITSDATEN",
        zh: "健康信息",
    },
    checks: "ICD-10 codes next to a diagnosis label; health terms in en/de/zh",
    #[cfg(not(target_family = "wasm"))]
    pattern: PATTERN,
    prefilter: Prefilter::Keywords {
        words: KEYWORDS,
        before: 24,
        after: 64,
    },
    context: Words {
        en: words![
            "my",
            "i have",
            "i've",
            "i had",
            "i'm on",
            "i am on",
            "i take",
            "i'm taking",
            "diagnosed",
            "diagnosis",
            "patient",
            "prescribed",
            "prescription",
            "suffer",
            "suffering",
            "treated for",
            "tested positive",
            "icd",
            "icd-10",
            "medical record",
            "medical history",
        ],
        de: words![
            "ich habe",
            "ich hab",
            "habe ich",
            "ich nehme",
            "mein",
            "meine",
            "meiner",
            "meinem",
            "meinen",
            "diagnose",
            "diagnostiziert",
            "befund",
            "patient",
            "patientin",
            "leide",
            "erkrankt",
            "verschrieben",
            "arztbrief",
            "krankenakte",
            "icd",
            "icd-10-gm",
        ],
        zh: words![
            "我有",
            "我得了",
            "确诊",
            "病历",
            "患有",
            "我在吃",
            "医生说",
            "诊断",
            "病人",
            "患者",
            "我的",
            "我妈",
            "我爸",
            "复查",
            "就诊",
            "处方",
        ],
    },
    negative_context: Words {
        en: words![
            "zodiac",
            "horoscope",
            "research",
            "study",
            "studies",
            "statistics",
            "awareness",
            "news",
            "article",
            "charity",
            "economy",
        ],
        de: words![
            "sternzeichen",
            "horoskop",
            "studie",
            "forschung",
            "statistik",
            "wirtschaft",
            "nachrichten",
        ],
        zh: words!["星座", "研究", "报道", "新闻", "统计"],
    },
    scoring: Scoring {
        alone: Some(Confidence::Low),
        with_context: Confidence::Medium,
    },
    priority: 40,
    keep_last: 0,
    keep_leading_letters: 0,
    preview: None,
    validate,
    by_group: None,
};

/// First and last ICD-10 category (letter, two digits) of each block of chapters.
const ICD10_RANGES: &[(&str, &str)] = &[
    ("A00", "B99"),
    ("C00", "D89"),
    ("E00", "E90"),
    ("F00", "F99"),
    ("G00", "G99"),
    ("H00", "H95"),
    ("I00", "I99"),
    ("J00", "J99"),
    ("K00", "K93"),
    ("L00", "L99"),
    ("M00", "M99"),
    ("N00", "N99"),
    ("O00", "O99"),
    ("P00", "P96"),
    ("Q00", "Q99"),
    ("R00", "R99"),
    ("S00", "T98"),
    ("U00", "U85"),
    ("V01", "Y98"),
    ("Z00", "Z99"),
];

/// Accepts an ICD-10 code in a used category range, or a dictionary term.
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    let b = candidate.as_bytes();
    let is_code = b.len() >= 3
        && b[0].is_ascii_uppercase()
        && b[1].is_ascii_digit()
        && b[2].is_ascii_digit()
        && candidate.is_ascii();
    if is_code {
        let category = &candidate[..3];
        let in_range = ICD10_RANGES
            .iter()
            .any(|&(lo, hi)| (lo..=hi).contains(&category));
        if !in_range {
            return Err(Invalid::Component);
        }
        let compact: String = candidate.chars().filter(|c| *c != ' ').collect();
        return Ok(Valid::new(compact, vec![Reason::Format(Format::Icd10)]));
    }
    let lower = crate::scan::lower(candidate);
    // Every term lower-cased once per process: comparing the candidate with
    // each term was 20 % of a scan of a sentence that names a condition.
    static LOWERED: std::sync::OnceLock<std::collections::HashSet<String>> =
        std::sync::OnceLock::new();
    let terms = LOWERED.get_or_init(|| {
        (LATIN_TERMS.iter().chain(CJK_TERMS))
            .map(|t| crate::scan::lower(t))
            .collect()
    });
    if terms.contains(&lower) {
        return Ok(Valid::new(
            upper(&lower),
            vec![Reason::Format(Format::HealthTerm)],
        ));
    }
    Err(Invalid::Format)
}

/// `term.to_uppercase()` for the terms' own letters (ASCII, ä, ö, ü; CJK has
/// no case): std's version brings every Unicode case table into the module
/// (about 5 KB gzip) for three letters. A test checks it on every term.
fn upper(term: &str) -> String {
    term.chars()
        .map(|c| match c {
            'ä' => 'Ä',
            'ö' => 'Ö',
            'ü' => 'Ü',
            c => c.to_ascii_uppercase(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::disallowed_methods)] // compared with std's case mapping
    fn upper_case_of_every_term_is_std_s() {
        for t in LATIN_TERMS.iter().chain(CJK_TERMS) {
            let lower = t.to_lowercase();
            assert_eq!(upper(&lower), lower.to_uppercase(), "{t}");
        }
    }

    #[test]
    fn codes_in_icd10_ranges() {
        for c in [
            "F32.1", "E11.9", "J45", "F32.1 G", "C50.9", "U07.1", "Z00.0",
        ] {
            assert!(validate(c).is_ok(), "{c}");
        }
        for c in ["E99", "H97.1", "K95", "P98", "V00", "Y99"] {
            assert_eq!(validate(c), Err(Invalid::Component), "{c}");
        }
    }

    #[test]
    fn terms_match_case_insensitively_and_nothing_else() {
        assert!(validate("Diabetes").is_ok());
        assert!(validate("CHEMOTHERAPIE").is_ok());
        assert!(validate("糖尿病").is_ok());
        assert_eq!(validate("diabetesx"), Err(Invalid::Format));
    }

    #[test]
    #[allow(clippy::disallowed_methods)] // compared with std's case mapping
    fn the_dictionary_is_well_formed() {
        // Leftmost-first alternation: a term that extends an earlier one past a
        // word boundary ("pregnancy test" after "pregnancy") would never match.
        let shadows = |a: &str, b: &str, cjk: bool| {
            let (a, b) = (a.to_lowercase(), b.to_lowercase());
            a != b
                && b.starts_with(&a)
                && (cjk || !b[a.len()..].starts_with(|c: char| c.is_alphanumeric()))
        };
        for (list, cjk) in [(LATIN_TERMS, false), (CJK_TERMS, true)] {
            for (i, a) in list.iter().enumerate() {
                for b in &list[i + 1..] {
                    assert!(!shadows(a, b, cjk), "{b:?} must come before {a:?}");
                }
            }
        }
        for t in LATIN_TERMS {
            let ends = [t.chars().next().unwrap(), t.chars().last().unwrap()];
            assert!(ends.iter().all(char::is_ascii_alphanumeric), "{t:?}");
            assert!(
                t.chars().all(|c| c.is_alphanumeric() || " -'".contains(c)),
                "{t:?}"
            );
        }
        for t in CJK_TERMS {
            assert!(
                t.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)),
                "{t:?}"
            );
        }
        assert!(TERMS.len() >= 200, "{} terms", TERMS.len());
    }
}
