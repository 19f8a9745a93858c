//! Small decoders shared by detectors (base64 for PEM bodies and JWT parts).

/// Decodes standard (`+/`) or URL-safe (`-_`) base64, padded or not, ignoring
/// ASCII whitespace. `None` on any other character or an impossible length.
///
/// ```
/// use draftguard::codec::base64;
/// assert_eq!(base64("aGk=").as_deref(), Some(&b"hi"[..]));
/// assert_eq!(base64("eyJhbGciOiJIUzI1NiJ9").as_deref(), Some(&br#"{"alg":"HS256"}"#[..]));
/// assert_eq!(base64("a$b"), None);
/// ```
pub fn base64(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    let mut padding = 0;
    for b in s.bytes() {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => {
                padding += 1;
                continue;
            }
            b if b.is_ascii_whitespace() => continue,
            _ => return None,
        };
        if padding > 0 {
            return None; // data after padding
        }
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    // 6 leftover bits can only come from a truncated quantum.
    (bits < 6 && padding <= 2).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_4648_test_vectors() {
        for (enc, dec) in [
            ("", ""),
            ("Zg==", "f"),
            ("Zm8=", "fo"),
            ("Zm9v", "foo"),
            ("Zm9vYg==", "foob"),
            ("Zm9vYmE=", "fooba"),
            ("Zm9vYmFy", "foobar"),
        ] {
            assert_eq!(base64(enc).as_deref(), Some(dec.as_bytes()), "{enc}");
        }
        assert_eq!(base64("Zm9vYg").as_deref(), Some(&b"foob"[..]), "unpadded");
        assert_eq!(base64("_-8"), Some(vec![0xff, 0xef]));
        assert_eq!(base64("Z"), None);
        assert_eq!(base64("Zg==Zg"), None);
    }
}
