//! API keys and access tokens in their providers' published formats.
//!
//! One table row per token format: the provider id (reported as the reason
//! `provider:<id>`), a display name, the literal keywords the prefilter looks
//! for, the value's regular expression, an optional check and whether the
//! format needs a context word. Most modern tokens carry a distinctive prefix
//! (`ghp_`, `sk-ant-api03-`, `glpat-`, `xoxb-`, `AKIA`, …) and are reported at
//! high confidence on their own. GitHub (`ghp_`, `gho_`, `ghu_`, `ghs_`,
//! `ghr_`) and npm (`npm_`) tokens end in a checksum: 30 random base62
//! characters, then the CRC-32 of those 30 characters written as six base62
//! digits (`0-9A-Za-z`, zero-padded). A token whose checksum fails is no real
//! token; it is reported only next to a context word, at medium confidence.
//!
//! Formats without a prefix (an AWS secret access key, a Datadog API key: 40
//! or 32 characters) are *context-gated*: they are looked for only near their
//! keywords (`aws_secret_access_key`, `datadog`) and reported only with a
//! context word nearby, at medium confidence; one of the row's own words must
//! be near too, since a word for secrets in general ("client_secret", "密钥")
//! does not say whose key 32 hex digits are (a generic secret then). Documented example keys
//! (`AKIAIOSFODNN7EXAMPLE`), placeholders (`ghp_xxxx…`, `<YOUR_API_KEY>`) and
//! values with too little variety (repeated or sequential characters) never match.
//! A legacy HashiCorp Vault service token (`s.` and 24 base62 characters,
//! before Vault 1.10) is too plain to be reported alone: it is gated on a
//! Vault word ("vault", `VAULT_TOKEN`, `X-Vault-Token`, "Vault-Token",
//! "保险库令牌") and must look random (upper and lower case, and a digit or
//! two capitals in a row). Placeholders written as words (`YourApiKey`,
//! `fm2_YourTokenHere`, `<your-token>`) are not tokens.
//! Stripe *test-mode* keys (`sk_test_…`) only reach test data; they are
//! context-gated so that tutorials do not raise alarms, and still reported
//! next to "stripe". A Google service-account JSON file is left to the
//! `private_key` detector: its `private_key` field is the secret, while its
//! `private_key_id` (40 hex digits) only names the key.
//!
//! `validate` sees only the value, never the words before it, so the provider
//! of a prefix-less value is decided by its shape: the gated rows have
//! pairwise distinct shapes (40 base64 = AWS secret, 32 hex = Datadog, 32
//! mixed-case = Mistral, 24 = Vercel, …); formats that would collide with them
//! (Cohere's and Cloudflare's 40-character keys, Algolia's 32 hex) are left out.
//!
//! Specs: each provider's token documentation; GitHub's "Behind GitHub's new
//! authentication token formats" (2021) and npm's "new access token format"
//! (2021) for the checksum; cross-checked against gitleaks' public rules.
//!
//! ```
//! use draftguard::detectors::api_key::validate;
//! let ok = validate("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").unwrap();
//! assert_eq!(ok.reasons, ["provider:github", "checksum:crc32"]);
//! assert!(validate("AKIAIOSFODNN7EXAMPLE").is_err()); // AWS's documented example
//! ```
use std::sync::OnceLock;

use super::{
    secret_value, ByGroup, Category, Confidence, Detector, Evidence, Invalid, L10n, Prefilter,
    Scoring, Valid, Words,
};
use crate::checksum::crc32;
use crate::finding::{Checksum, Reason};

/// A check beyond the shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// Shape only.
    None,
    /// GitHub / npm: 4-character prefix, 30 random base62 characters, then
    /// the CRC-32 of those 30 characters as 6 base62 digits.
    Crc32Base62,
}

/// One published token format.
#[derive(Debug)]
pub struct Provider {
    /// Stable provider id, reported as `provider:<id>` ([`Reason::Provider`]).
    pub id: &'static str,
    /// Display name of the provider and format.
    pub name: &'static str,
    /// Literal keywords (case-insensitive) that open a prefilter window: the
    /// token's prefix, or for context-gated formats the words that must be near.
    pub keywords: &'static [&'static str],
    /// The value's regular expression (ASCII, no anchors).
    /// Not in the WebAssembly module: there the patterns' automata, built by
    /// `gen/` from this text, are all the engine needs (gen/tests/fresh.rs
    /// checks they are this text's).
    #[cfg(not(target_family = "wasm"))]
    pub pattern: &'static str,
    /// Checksum, if the format has one.
    pub check: Check,
    /// When a value of this format is reported.
    pub gate: Gate,
}

/// When a value of a row's format is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gate {
    /// On its own: the format says what it is.
    Open,
    /// Only with a context word nearby (and one level lower).
    Context,
    /// As [`Gate::Context`], and one of the row's own keywords must be near
    /// too ([`Evidence::Named`]): a value without a prefix of its own, whose
    /// provider only its shape names (40 base64 characters are an AWS
    /// secret, 32 hex a Datadog key). A word for secrets in general
    /// ("client_secret", "密钥") opens the gate but does not make the value
    /// that provider's. Rows whose shape says it (`…Q~…`, `sk_test_`, a
    /// Discord or Telegram bot token, Facebook's `EAA…` and X's 22 `A`s)
    /// are [`Gate::Context`].
    OwnWords,
}

impl Provider {
    /// `true` if a value of this format is reported only with a context word nearby.
    pub fn gated(&self) -> bool {
        self.gate != Gate::Open
    }
}

/// Declares the provider table and derives the detector's pattern and
/// keyword list from it at compile time, so a provider is one row.
macro_rules! providers {
    ($( ($id:literal, $name:literal, [$($kw:literal),+ $(,)?], $re:literal, $check:ident, $gate:ident) ),+ $(,)?) => {
        /// Every supported token format, in the order `validate` tries them
        /// (specific shapes before the context-gated generic ones).
        pub const PROVIDERS: &[Provider] = &[ $( Provider {
            id: $id,
            name: $name,
            keywords: &[$($kw),+],
            #[cfg(not(target_family = "wasm"))]
            pattern: $re,
            check: Check::$check,
            gate: Gate::$gate,
        } ),+ ];
        /// One alternation of every row's pattern; the value is bounded on the
        /// left by a word boundary (or Telegram's `/bot` URL prefix) and on the
        /// right by a character that cannot continue a token.
        #[cfg(not(target_family = "wasm"))]
        const PATTERN: &str = concat!(
            r"(?:\b|/bot)(?P<value>",
            $( "(?:", $re, ")|", )+
            r"\x00)(?:[^A-Za-z0-9_\-]|$)"
        );
        const KEYWORDS: &[&str] = &[ $( $($kw,)+ )+ ];
    };
}

providers! {
    // AKIA long-term, ASIA temporary (STS), ABIA / ACCA partition keys. The IAM
    // unique IDs AIDA (user), AROA (role), AGPA (group), ANPA / ANVA (policy),
    // AIPA (instance profile) share the shape but are identifiers, not
    // credentials: they fill CloudTrail logs and are left out on purpose.
    ("aws", "AWS access key ID", ["akia", "asia", "abia", "acca"],
        r"(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}", None, Open),
    ("gcp", "Google API key (Google Cloud, Firebase, Maps, Gemini)", ["aiza"],
        r"AIza[A-Za-z0-9_\-]{35}", None, Open),
    ("gcp", "Google OAuth client secret", ["gocspx-"], r"GOCSPX-[A-Za-z0-9_\-]{28}", None, Open),
    ("azure", "Azure AD / Entra ID client secret", ["q~"],
        r"[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.\-]{31,34}", None, Context),
    ("github", "GitHub token (classic PAT, OAuth, user-to-server, server-to-server, refresh)",
        ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], r"gh[pousr]_[A-Za-z0-9]{36}", Crc32Base62, Open),
    ("github", "GitHub fine-grained personal access token", ["pat_"],
        r"github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}", None, Open),
    ("gitlab", "GitLab personal / deploy / runner / pipeline trigger token",
        ["glpat-", "gldt-", "glrt-", "glptt-"],
        r"gl(?:pat|rt)-[A-Za-z0-9_\-]{27,300}\.[0-9a-z]{9}|gl(?:pat|dt|rt)-[A-Za-z0-9_\-]{20}|glptt-[0-9a-f]{40}",
        None, Open),
    ("stripe", "Stripe live secret / restricted key, webhook secret",
        ["_live_", "whsec_"], r"[sr]k_live_[A-Za-z0-9]{24,99}|whsec_[A-Za-z0-9]{32,64}", None, Open),
    ("stripe", "Stripe test-mode key", ["k_test_"], r"[sr]k_test_[A-Za-z0-9]{24,99}", None, Context),
    ("slack", "Slack bot / user / app / refresh token", ["xox", "xapp-"],
        r"xox[abpr]-[0-9]{1,13}(?:-[0-9]{1,13}){0,3}-[A-Za-z0-9]{20,64}|xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,13}-[a-f0-9]{64}",
        None, Open),
    // Token rotation: the refresh token `xoxe-1-…` (146 characters after the
    // prefix today) and the rotating access token `xoxe.xoxp-1-…` / `xoxe.xoxb-1-…`.
    ("slack", "Slack rotating access / refresh token", ["xoxe"],
        r"xoxe(?:\.xox[bp])?-[0-9]-[A-Za-z0-9]{140,170}", None, Open),
    ("slack", "Slack incoming / workflow webhook URL", ["hooks."],
        r"https://hooks\.slack\.com/(?:services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{24}|(?:workflows|triggers)/T[A-Z0-9]{8,12}/(?:A[A-Z0-9]{8,12}/)?[0-9]{8,20}/[A-Za-z0-9]{24,32})",
        None, Open),
    ("discord", "Discord webhook URL", ["discord"],
        r"https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_\-]{60,68}", None, Open),
    ("discord", "Discord bot token", ["discord"],
        r"[MNO][A-Za-z0-9_\-]{23,25}\.[A-Za-z0-9_\-]{6}\.[A-Za-z0-9_\-]{27,38}", None, Context),
    ("telegram", "Telegram bot token", ["telegram", "/bot"],
        r"[0-9]{8,10}:AA[A-Za-z0-9_\-]{33}", None, Context),
    ("openai", "OpenAI API key (project, service account, admin, legacy)",
        ["t3blbkfj"],
        r"sk-(?:proj|svcacct|admin)-[A-Za-z0-9_\-]{58,74}T3BlbkFJ[A-Za-z0-9_\-]{58,74}|sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}",
        None, Open),
    ("anthropic", "Anthropic API / admin key", ["sk-ant-"],
        r"sk-ant-(?:api03|admin01)-[A-Za-z0-9_\-]{93}AA", None, Open),
    ("openrouter", "OpenRouter API key", ["sk-or-v1-"], r"sk-or-v1-[0-9a-f]{64}", None, Open),
    ("huggingface", "Hugging Face access token", ["hf_"], r"hf_[A-Za-z]{34}", None, Open),
    ("groq", "Groq API key", ["gsk_"], r"gsk_[A-Za-z0-9]{52}", None, Open),
    ("replicate", "Replicate API token", ["r8_"], r"r8_[A-Za-z0-9]{37}", None, Open),
    ("perplexity", "Perplexity API key", ["pplx-"], r"pplx-[A-Za-z0-9]{48}", None, Open),
    ("xai", "xAI (Grok) API key", ["xai-"], r"xai-[A-Za-z0-9]{80}", None, Open),
    ("langsmith", "LangSmith API key", ["lsv2_"], r"lsv2_(?:pt|sk)_[0-9a-f]{32}_[0-9a-f]{10}", None, Open),
    ("sendgrid", "SendGrid API key", ["sg."], r"SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}", None, Open),
    ("brevo", "Brevo (Sendinblue) API key", ["xkeysib-"], r"xkeysib-[0-9a-f]{64}-[A-Za-z0-9]{16}", None, Open),
    ("mailgun", "Mailgun API key", ["key-"], r"key-[0-9a-f]{32}", None, Context),
    ("mailchimp", "Mailchimp API key", ["-us"], r"[0-9a-f]{32}-us[0-9]{1,2}", None, Open),
    ("npm", "npm access token", ["npm_"], r"npm_[A-Za-z0-9]{36}", Crc32Base62, Open),
    ("pypi", "PyPI upload token", ["pypi-ageichlwas5vcmc"], r"pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\-]{50,300}", None, Open),
    ("rubygems", "RubyGems API key", ["rubygems_"], r"rubygems_[0-9a-f]{48}", None, Open),
    ("nuget", "NuGet API key", ["oy2"], r"oy2[a-z0-9]{43}", None, Open),
    ("clojars", "Clojars deploy token", ["clojars_"], r"CLOJARS_[a-z0-9]{60}", None, Open),
    ("dockerhub", "Docker Hub personal access token", ["pat_"], r"dckr_pat_[A-Za-z0-9_\-]{27}", None, Open),
    ("artifactory", "JFrog Artifactory API key", ["akcp"], r"AKCp[A-Za-z0-9]{69}", None, Open),
    ("shopify", "Shopify access token / shared secret", ["shp"],
        r"shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}", None, Open),
    ("atlassian", "Atlassian API token (Jira, Confluence)", ["atatt3"], r"ATATT3[A-Za-z0-9_\-=]{186}", None, Open),
    ("heroku", "Heroku API key", ["hrku-aa"], r"HRKU-AA[A-Za-z0-9_\-]{58}", None, Open),
    ("digitalocean", "DigitalOcean token (personal, OAuth, refresh)", ["_v1_"],
        r"do[opr]_v1_[a-f0-9]{64}", None, Open),
    ("linear", "Linear API key", ["lin_api_"], r"lin_api_[A-Za-z0-9]{40}", None, Open),
    ("notion", "Notion integration token", ["ntn_", "secret_"], r"ntn_[0-9]{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43}", None, Open),
    ("postman", "Postman API key", ["pmak-"], r"PMAK-[a-f0-9]{24}-[a-f0-9]{34}", None, Open),
    ("doppler", "Doppler token", ["dp."], r"dp\.(?:pt|st|sa|ct)\.[A-Za-z0-9]{40,44}", None, Open),
    ("vault", "HashiCorp Vault service token", ["hvs."],
        r"hvs\.[A-Za-z0-9_\-]{90,120}", None, Open),
    // Before Vault 1.10 a service token was `s.` and 24 base62 characters:
    // too plain alone (`s.` + a long identifier), so only next to a Vault word.
    ("vault", "HashiCorp Vault legacy service token", ["vault", "保险库"],
        r"s\.[A-Za-z0-9]{24}", None, OwnWords),
    ("terraform", "Terraform Cloud / HCP API token", [".atlasv1."], r"[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=\-]{60,70}", None, Open),
    ("pulumi", "Pulumi access token", ["pul-"], r"pul-[a-f0-9]{40}", None, Open),
    ("sentry", "Sentry user / organization auth token", ["sntry"],
        r"sntryu_[a-f0-9]{64}|sntrys_eyJ[A-Za-z0-9+/=]{60,400}_[A-Za-z0-9+/]{43}", None, Open),
    ("grafana", "Grafana Cloud / service account token", ["glc_", "glsa_"],
        r"glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}", None, Open),
    ("newrelic", "New Relic user API key", ["nrak-"],
        r"NRAK-[A-Z0-9]{27}", None, Open),
    ("dynatrace", "Dynatrace API token", ["dt0c01."], r"dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}", None, Open),
    ("square", "Square access token / application secret", ["sq0", "eaa"],
        r"sq0atp-[A-Za-z0-9_\-]{22}|sq0csp-[A-Za-z0-9_\-]{43}|EAAA[A-Za-z0-9_\-]{60}", None, Open),
    ("braintree", "PayPal Braintree access token", ["access_token$production$"],
        r"access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32}", None, Open),
    ("shippo", "Shippo API token", ["_live_"], r"shippo_live_[a-f0-9]{40}", None, Open),
    ("easypost", "EasyPost production API key", ["ezak"], r"EZAK[A-Za-z0-9]{54}", None, Open),
    ("age", "age secret key", ["age-secret-key-1"], r"AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}", None, Open),
    // `fo1_` (flyctl's older access tokens); macaroons `fm1a_` / `fm1r_` /
    // `fm2_` (base64 of MsgPack, several hundred characters, after "FlyV1 ",
    // several joined by commas).
    ("flyio", "Fly.io access / macaroon token", ["fo1_", "fm1", "fm2_"],
        r"fo1_[A-Za-z0-9_\-]{43}|fm(?:1[ar]?|2)_[A-Za-z0-9+/_\-]{100,400}={0,3}", None, Open),
    ("supabase", "Supabase personal access token", ["sbp_"], r"sbp_[a-f0-9]{40}", None, Open),
    ("planetscale", "PlanetScale token / password", ["pscale_"],
        r"pscale_(?:tkn|oauth|pw)_[A-Za-z0-9_=.\-]{31,63}[A-Za-z0-9_=\-]", None, Open),
    ("databricks", "Databricks personal access token", ["dapi"], r"dapi[a-f0-9]{32}(?:-[0-9])?", None, Open),
    ("alibaba", "Alibaba Cloud AccessKey ID", ["ltai"], r"LTAI[A-Za-z0-9]{12,20}", None, Open),
    ("tencent", "Tencent Cloud SecretId", ["akid"], r"AKID[A-Za-z0-9]{32}", None, Open),
    ("figma", "Figma personal access token", ["figd_"], r"figd_[A-Za-z0-9_\-]{40}", None, Open),
    ("airtable", "Airtable personal access token", ["airtable"], r"pat[A-Za-z0-9]{14}\.[a-f0-9]{64}", None, Open),
    ("asana", "Asana personal access token", ["asana"], r"[12]/[0-9]{13,16}(?:/[0-9]{13,16})?:[0-9a-f]{32}", None, Open),
    ("dropbox", "Dropbox access token", ["dropbox"], r"sl\.(?:u\.)?[A-Za-z0-9_\-]{130,400}", None, Open),
    ("mapbox", "Mapbox secret token", ["sk.eyj1ijoi"], r"sk\.eyJ1Ijoi[A-Za-z0-9_\-]{30,120}\.[A-Za-z0-9_\-]{22}", None, Open),
    ("1password", "1Password secret key", ["a3-"],
        r"A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}", None, Open),
    ("cloudflare", "Cloudflare Origin CA key", ["v1.0-"], r"v1\.0-[a-f0-9]{24}-[a-f0-9]{146}", None, Open),
    ("zapier", "Zapier webhook URL", ["hooks."], r"https://hooks\.zapier\.com/hooks/catch/[0-9]{4,10}/[a-z0-9]{5,10}/?", None, Open),
    ("contentful", "Contentful personal access token", ["cfpat-"], r"CFPAT-[A-Za-z0-9_\-]{43}", None, Open),
    ("prefect", "Prefect API key", ["pnu_"], r"pnu_[A-Za-z0-9]{36}", None, Open),
    ("readme", "ReadMe API key", ["rdme_"], r"rdme_[a-z0-9]{70}", None, Open),
    ("twilio", "Twilio API key SID / account SID", ["twilio"], r"(?:SK|AC)[0-9a-f]{32}", None, OwnWords),
    ("facebook", "Facebook / Meta access token", ["eaa", "facebook"],
        r"EAA[B-Z0-9][A-Za-z0-9]{90,250}", None, Context),
    ("twitter", "X / Twitter app bearer token", ["twitter"],
        r"A{22}[A-Za-z0-9%]{80,110}", None, Context),
    ("okta", "Okta API token", ["okta"], r"00[A-Za-z0-9_\-]{40}", None, OwnWords),
    ("azure", "Azure storage account key", ["accountkey"], r"[A-Za-z0-9+/]{86}==", None, OwnWords),
    ("contentful", "Contentful delivery / management token", ["contentful"], r"[A-Za-z0-9_\-]{43}", None, OwnWords),
    ("aws", "AWS secret access key", ["aws_secret", "secretaccesskey"],
        r"[A-Za-z0-9/+]{40}", None, OwnWords),
    ("datadog", "Datadog API key", ["datadog", "dd_api_key"], r"[0-9a-f]{32}", None, OwnWords),
    ("mistral", "Mistral AI API key", ["mistral"], r"[A-Za-z0-9]{32}", None, OwnWords),
    ("vercel", "Vercel access token", ["vercel"], r"[A-Za-z0-9]{24}", None, OwnWords),
}

/// Words that let a context-gated format (or a token failing its checksum)
/// be reported: each gated row's keywords in some spelling, and a few names
/// of secrets per language.
const CONTEXT: Words = Words {
    en: words![
        "aws_secret_access_key",
        "aws_secret_key",
        "secret_access_key",
        "secretaccesskey",
        "aws secret access key",
        "aws secret key",
        "accountkey",
        "azure",
        "client_secret",
        "client secret",
        "discord",
        "discord_token",
        "telegram",
        "bot_token",
        "bot token",
        "stripe",
        "stripe_secret_key",
        "twilio",
        "twilio_api_key",
        "twilio_account_sid",
        "facebook",
        "fb_access_token",
        "twitter",
        "twitter_bearer_token",
        "bearer_token",
        "okta",
        "okta_api_token",
        "contentful",
        "contentful_access_token",
        "datadog",
        "dd_api_key",
        "datadog_api_key",
        "mistral",
        "mistral_api_key",
        "mailgun",
        "mailgun_api_key",
        "vercel",
        "vercel_token",
        "vault",
        "vault_token",
        "vault token",
        "x-vault-token",
        "github",
        "github_token",
        "gh_token",
        "npm_token",
    ],
    de: words![
        "zugangsschlüssel",
        "geheimer schlüssel",
        "api-schlüssel",
        "zugangstoken",
        "vault-token",
        "vault-zugangstoken",
    ],
    zh: words![
        "密钥",
        "令牌",
        "访问密钥",
        "机器人",
        "vault令牌",
        "保险库令牌",
    ],
};

/// The API key detector.
pub const DETECTOR: Detector = Detector {
    kind: "api_key",
    category: Category::Credential,
    locales: &[],
    name: L10n {
        en: "API key or access token",
        de: "API-Schlüssel oder Zugangstoken",
        zh: "API 密钥或访问令牌",
    },
    label: L10n {
        en: "API KEY",
        de: "API-SCHLÜSSEL",
        zh: "API 密钥",
    },
    checks: "Published token formats of 73 providers; GitHub and npm CRC-32 checksums; documented example keys ignored",
    #[cfg(not(target_family = "wasm"))]
    pattern: PATTERN,
    prefilter: Prefilter::Keywords {
        words: KEYWORDS,
        before: 100,
        after: 420,
    },
    context: CONTEXT,
    negative_context: Words::NONE,
    scoring: Scoring {
        alone: Some(Confidence::High),
        with_context: Confidence::High,
    },
    priority: 95,
    keep_last: 0,
    keep_leading_letters: 0,
    preview: Some(preview),
    validate,
    // The scan knows the row from the detector's own match (group `p<row>`).
    by_group: Some(ByGroup {
        validate: |candidate, group| validate_as(candidate, row(group)),
        preview: |value, group| preview_as(value, row(group)),
    }),
};

/// The rows as one pattern that matches whole values, one group per row:
/// the inside of the detector's `value` group, whose NFA (compiled at
/// development time by `gen/`) has a group `p<index>` around each row.
fn rows() -> &'static crate::pattern::automata::Groups {
    static ROWS: OnceLock<crate::pattern::automata::Groups> = OnceLock::new();
    ROWS.get_or_init(|| {
        crate::pattern::automata::Groups::inside("detector:api_key", "value")
            .expect("the blob holds the API-key detector")
    })
}

/// The first row whose format `value` has.
pub fn provider(value: &str) -> Option<&'static Provider> {
    row(rows().first_group(value.as_bytes())?)
}

/// The row of the pattern's group `p<index>`.
fn row(group: &str) -> Option<&'static Provider> {
    PROVIDERS.get(group.strip_prefix('p')?.parse::<usize>().ok()?)
}

/// Checks that `candidate` is a token of a known format and not a placeholder.
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    validate_as(candidate, provider(candidate))
}

/// [`validate`] for a candidate of the format `p` (`None`: of none).
fn validate_as(candidate: &str, p: Option<&'static Provider>) -> Result<Valid, Invalid> {
    let p = p.ok_or(Invalid::Format)?;
    if secret_value::is_stand_in_token(candidate) {
        return Err(Invalid::Component);
    }
    if !mixed_enough(candidate, p) {
        return Err(Invalid::Component);
    }
    let mut reasons = vec![Reason::Provider(p.id)];
    let mut weak = p.gated();
    if p.check == Check::Crc32Base62 {
        if github_checksum_holds(candidate) {
            reasons.push(Reason::Checksum(Checksum::Crc32));
        } else {
            weak = true;
        }
    }
    let evidence = if p.gate == Gate::OwnWords {
        Evidence::Named(p.keywords)
    } else {
        Evidence::Plain
    };
    Ok(Valid {
        compact: candidate.to_ascii_uppercase(),
        reasons,
        weak,
        evidence,
    })
}

/// `prefix_` + 30 base62 characters + base62(CRC-32 of those 30), 6 digits.
fn github_checksum_holds(token: &str) -> bool {
    let Some(body) = token.get(4..) else {
        return false;
    };
    if body.len() != 36 {
        return false;
    }
    let (random, check) = body.split_at(30);
    base62_6(crc32::checksum(random.as_bytes())) == check
}

/// `n` in base62 (`0-9A-Za-z`), left-padded with `0` to six digits.
fn base62_6(mut n: u32) -> String {
    const DIGITS: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut out = [b'0'; 6];
    for slot in out.iter_mut().rev() {
        *slot = DIGITS[(n % 62) as usize];
        n /= 62;
    }
    String::from_utf8(out.to_vec()).expect("ASCII")
}

/// Shapes that code identifiers can take must look random: a prefix-less
/// AWS secret, a Mistral or Vercel key, a legacy Notion `secret_` token has
/// upper, lower case and digits; a Hugging Face token mixes cases; a bare
/// hex key has both letters and digits.
fn mixed_enough(value: &str, p: &Provider) -> bool {
    let has = |f: fn(&u8) -> bool| value.as_bytes().iter().any(f);
    let (upper, lower, digit) = (
        has(u8::is_ascii_uppercase),
        has(u8::is_ascii_lowercase),
        has(u8::is_ascii_digit),
    );
    match p.id {
        "notion" => upper && lower && digit,
        "aws" | "mistral" | "vercel" | "okta" | "contentful" | "azure" if p.gated() => {
            upper && lower && digit
        }
        // Random letters; a camelCase identifier (`hf_downloadModelWeights…`)
        // has no two capitals in a row, a random token almost surely does
        // (all but about 1 in 1,100).
        "huggingface" => {
            lower
                && value
                    .as_bytes()
                    .windows(2)
                    .any(|w| w.iter().all(u8::is_ascii_uppercase))
        }
        "datadog" => lower && digit,
        // A legacy Vault token is 24 random base62 characters; an identifier
        // after `s.` (`s.getElementsByTagNameNS`) has no digit and no two
        // capitals in a row (a random token lacks both about 1 in 5,000 times).
        "vault" if p.gated() => {
            upper
                && lower
                && (digit
                    || value
                        .as_bytes()
                        .windows(2)
                        .any(|w| w.iter().all(u8::is_ascii_uppercase)))
        }
        _ => true,
    }
}

/// "ghp_•••• (40 chars)": a published prefix says what kind of token it is
/// and is no secret; nothing after it is shown.
fn preview(value: &str) -> String {
    preview_as(value, provider(value))
}

/// [`preview`] for a value of the format `p` (`None`: of none).
fn preview_as(value: &str, p: Option<&'static Provider>) -> String {
    let len = value.chars().count();
    let shown = p
        .filter(|p| !p.gated())
        .and_then(|p| {
            p.keywords.iter().find(|k| {
                value
                    .get(..k.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(k))
            })
        })
        .map_or("", |k| &value[..k.len()]);
    format!("{shown}•••• ({len} chars)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_is_in_the_pattern_and_has_keywords() {
        for p in PROVIDERS {
            #[cfg(not(target_family = "wasm"))]
            assert!(PATTERN.contains(p.pattern), "{} not in pattern", p.id);
            assert!(!p.keywords.is_empty());
            for k in p.keywords {
                assert!(KEYWORDS.contains(k));
                assert_eq!(*k, k.to_ascii_lowercase(), "keywords are lower case");
            }
        }
    }

    #[test]
    fn every_gated_row_has_a_context_word() {
        for p in PROVIDERS.iter().filter(|p| p.gated()) {
            assert!(
                CONTEXT.all().any(|w| w.contains(p.id)),
                "{}: gated but no context word names it",
                p.id
            );
        }
    }

    #[test]
    fn at_least_sixty_providers() {
        let mut ids: Vec<&str> = PROVIDERS.iter().map(|p| p.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert!(ids.len() >= 60, "{} providers", ids.len());
    }

    #[test]
    fn base62_checksum_encoding() {
        assert_eq!(base62_6(0), "000000");
        assert_eq!(base62_6(61), "00000z");
        assert_eq!(base62_6(62), "000010");
        assert_eq!(base62_6(u32::MAX), "4gfFC3");
    }

    #[test]
    fn checksum_of_published_expired_github_tokens() {
        // Bodies and checksums of expired classic tokens published in
        // therootcompany/base62-token.js issue #2 (real tokens, not generated
        // here: they pin the alphabet order and that the CRC covers the body only).
        for (body, check) in [
            ("zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ", "0mLq17"),
            ("adE7dp8rHP6gUTuPwxLTZjZdtya3sV", "0UQzQM"),
            ("H3xbiBdlzffNx7Y56iNsPw3joObj7U", "2nO29h"),
        ] {
            assert_eq!(base62_6(crc32::checksum(body.as_bytes())), check);
        }
    }

    #[test]
    fn github_checksum_decides_confidence() {
        let good = "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";
        assert!(!validate(good).unwrap().weak);
        let bad = "ghp_JOnRcqAkB6YhZzDxI2E4pRWxtm9uXh2A3jTn";
        let v = validate(bad).unwrap();
        assert!(v.weak);
        assert_eq!(v.reasons, ["provider:github"]);
    }

    #[test]
    fn placeholders_and_examples_are_not_keys() {
        for v in [
            "AKIAIOSFODNN7EXAMPLE",
            "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "sk_live_abcdefghijklmnopqrstuvwxyz",
            "glpat-12345678901234567890",
        ] {
            assert!(validate(v).is_err(), "{v}");
        }
    }

    #[test]
    fn preview_shows_only_the_published_prefix() {
        assert_eq!(
            preview("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"),
            "ghp_•••• (40 chars)"
        );
        assert_eq!(
            preview("0a1b2c3d4e5f60718293a4b5c6d7e8f9"),
            "•••• (32 chars)"
        );
    }
}
