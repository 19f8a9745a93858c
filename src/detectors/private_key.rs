//! Private keys in PEM / OpenSSH / OpenPGP armour.
//!
//! A `-----BEGIN … PRIVATE KEY-----` line (PKCS#1 `RSA`, SEC 1 `EC`, `DSA`,
//! PKCS#8 plain or `ENCRYPTED`, `OPENSSH`, or `PGP PRIVATE KEY BLOCK`), its
//! base64 body and the matching `-----END …-----` line. The span is the whole
//! block. A block cut off before its END line still counts once it has a line
//! of key material. The body must decode to what its label promises: a DER
//! SEQUENCE (0x30) for PEM keys, the `openssh-key-v1` magic for OpenSSH, a
//! secret-key packet for OpenPGP; legacy encrypted PEM (`Proc-Type: 4,ENCRYPTED`)
//! is accepted on its header. Public keys and certificates never match.
//! Spec: RFC 7468 (textual encodings), RFC 5208/5958 (PKCS#8), RFC 8017
//! (PKCS#1), SEC 1, OpenSSH PROTOCOL.key, RFC 4880 §6 (ASCII armour).
//!
//! ```
//! use draftguard::detectors::private_key::validate;
//! let key = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIKzJ1nRZ1pVbgkPfk2v5WzXgcrPMNs0rA4HnxVv7C7Ue\n-----END PRIVATE KEY-----";
//! assert!(validate(key).is_ok());
//! assert!(validate("-----BEGIN PRIVATE KEY-----\n...your key here...\n-----END PRIVATE KEY-----").is_err());
//! ```
use super::{Category, Confidence, Detector, Invalid, L10n, Prefilter, Scoring, Valid, Words};
use crate::codec;
use crate::finding::{Format, Reason};

/// The private key detector.
pub const DETECTOR: Detector = Detector {
    kind: "private_key",
    category: Category::Credential,
    locales: &[],
    name: L10n {
        en: "Private key",
        de: "Privater Schlüssel",
        zh: "私钥",
    },
    label: L10n {
        en: "PRIVATE KEY",
        de: "PRIVATER SCHLÜSSEL",
        zh: "私钥",
    },
    checks: "PEM/OpenSSH/OpenPGP private key block whose body decodes to its key type",
    #[cfg(not(target_family = "wasm"))]
    pattern: r"(?s)-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:.*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|(?:(?:\r?\n|\\n)[A-Za-z0-9+/=]{16,})+)",
    prefilter: Prefilter::Keywords {
        words: &["-----BEGIN"],
        before: 0,
        after: 16_000,
    },
    context: Words::NONE,
    negative_context: Words::NONE,
    scoring: Scoring {
        alone: Some(Confidence::High),
        with_context: Confidence::High,
    },
    priority: 100,
    keep_last: 0,
    keep_leading_letters: 0,
    preview: Some(preview),
    validate,
    by_group: None,
};

/// "-----BEGIN RSA PRIVATE KEY----- … (8 lines)": the armour line names the
/// kind of key and reveals nothing of it.
fn preview(block: &str) -> String {
    let unescaped = block.replace("\\n", "\n");
    let first = unescaped.lines().next().unwrap_or("").trim();
    format!("{first} … ({} lines)", unescaped.lines().count())
}

/// What follows the last "-----END " in `block` (all of it if there is none), as
/// `block.rsplit("-----END ").next()` gives it. Found forwards: a search from the back would
/// bring the standard library's reverse substring search into the `.wasm` (about 0.5 KB gzip)
/// for this one call. The marker cannot overlap itself (no proper prefix of it is also its
/// suffix), so each match starts after the one before and the last found is the last there is.
fn after_last_end(block: &str) -> &str {
    let mut rest = block;
    while let Some(at) = rest.find("-----END ") {
        rest = &rest[at + "-----END ".len()..];
    }
    rest
}

/// Checks that the block's body is key material of the labelled type.
/// Newlines escaped as `\n` (keys inside JSON or .env values) are understood.
pub fn validate(block: &str) -> Result<Valid, Invalid> {
    let unescaped = block.replace("\\n", "\n");
    let block = unescaped.as_str();
    let first_line = block.lines().next().ok_or(Invalid::Format)?;
    let label = first_line
        .trim_start_matches("-----BEGIN ")
        .trim_end_matches('-');
    let complete = block.contains("-----END ");
    if complete && after_last_end(block).trim_end_matches('-') != label {
        return Err(Invalid::Format);
    }
    let legacy_encrypted = block.contains("Proc-Type: 4,ENCRYPTED");
    let body: String = block
        .lines()
        .skip(1)
        .map(str::trim)
        .filter(|l| !l.starts_with("-----") && !l.contains(':') && !l.is_empty())
        .filter(|l| !(label.starts_with("PGP") && l.starts_with('=') && l.len() == 5)) // armour CRC
        .collect();
    if body.len() < 60 {
        return Err(Invalid::Length);
    }
    if !body.is_ascii() {
        return Err(Invalid::Format); // base64 is ASCII (and the slice below needs it)
    }
    // A cut-off block decodes up to its last whole base64 quantum.
    let usable = if complete {
        body.as_str()
    } else {
        &body[..body.len() / 4 * 4]
    };
    let der = codec::base64(usable).ok_or(Invalid::Format)?;
    let (ok, reason) = match label {
        "OPENSSH PRIVATE KEY" => (der.starts_with(b"openssh-key-v1\0"), "openssh"),
        "PGP PRIVATE KEY BLOCK" => (der.first().is_some_and(|&b| is_secret_key_packet(b)), "pgp"),
        "RSA PRIVATE KEY" => (legacy_encrypted || der.first() == Some(&0x30), "rsa"),
        "EC PRIVATE KEY" => (legacy_encrypted || der.first() == Some(&0x30), "ec"),
        "DSA PRIVATE KEY" => (legacy_encrypted || der.first() == Some(&0x30), "dsa"),
        "ENCRYPTED PRIVATE KEY" => (der.first() == Some(&0x30), "pkcs8_encrypted"),
        "PRIVATE KEY" => (der.first() == Some(&0x30), "pkcs8"),
        _ => (der.first() == Some(&0x30), "other"),
    };
    if !ok {
        return Err(Invalid::Component);
    }
    let mut reasons = vec![Reason::Format(Format::PemBlock), Reason::KeyType(reason)];
    if !complete {
        reasons.push(Reason::Format(Format::Truncated));
    }
    Ok(Valid::new(body, reasons))
}

/// OpenPGP packet header byte of a secret key (tag 5) or secret subkey (tag 7) packet.
fn is_secret_key_packet(b: u8) -> bool {
    if b & 0x80 == 0 {
        return false;
    }
    let tag = if b & 0x40 != 0 {
        b & 0x3f
    } else {
        (b >> 2) & 0x0f
    };
    matches!(tag, 5 | 7)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EC: &str = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIJmOB4uCoy0U5Suylr2+LmrWVEojPE/tPwAbTrodqeReoAoGCCqGSM49\nAwEHoUQDQgAE\n-----END EC PRIVATE KEY-----";

    /// `after_last_end` is `rsplit("-----END ").next()`: for every sequence of up to six pieces
    /// of markers, near-markers and text.
    #[test]
    fn after_last_end_is_what_rsplit_gives() {
        let pieces = [
            "-----END ",
            "-----END",
            "-",
            "------END ",
            "END ",
            " ",
            "RSA",
            "é",
        ];
        crate::testing::each_sequence(&pieces, 6, |text| {
            let want = text.rsplit("-----END ").next().unwrap();
            assert_eq!(after_last_end(text), want, "{text:?}");
        });
    }

    #[test]
    fn labels_must_match_and_bodies_must_decode_to_their_type() {
        assert_eq!(validate(EC).unwrap().reasons, ["pem_block", "type:ec"]);
        assert_eq!(
            validate(&EC.replace("END EC", "END RSA")),
            Err(Invalid::Format)
        );
        // Random base64 that is not a DER SEQUENCE.
        let fake = EC.replace("MHcCAQEE", "AHcCAQEE");
        assert_eq!(validate(&fake), Err(Invalid::Component));
    }

    #[test]
    fn a_cut_off_block_still_counts() {
        let cut = &EC[..EC.find("\nAwEH").unwrap()];
        assert_eq!(
            validate(cut).unwrap().reasons,
            ["pem_block", "type:ec", "truncated"]
        );
    }

    #[test]
    fn pgp_packet_tags() {
        assert!(is_secret_key_packet(0x94)); // old format, tag 5
        assert!(is_secret_key_packet(0xc5)); // new format, tag 5
        assert!(!is_secret_key_packet(0x99)); // old format, tag 6: public key
        assert!(!is_secret_key_packet(0xc6));
    }
}
