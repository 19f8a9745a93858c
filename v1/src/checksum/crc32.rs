//! CRC-32 (IEEE 802.3, the zlib / PNG / gzip polynomial, reflected 0xEDB88320).
//!
//! Used by GitHub and npm access tokens, whose last six characters are the
//! base62 encoding of the CRC-32 of the random part. Initial value and final
//! XOR are 0xFFFFFFFF; the check value of "123456789" is 0xCBF43926.

/// The CRC-32 of `data`.
///
/// ```
/// use draftguard::checksum::crc32;
/// assert_eq!(crc32::checksum(b"123456789"), 0xCBF4_3926);
/// ```
pub fn checksum(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc = TABLE[usize::from((crc as u8) ^ b)] ^ (crc >> 8);
    }
    !crc
}

/// Byte-at-a-time lookup table, computed at compile time.
const TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::checksum;

    #[test]
    fn known_answers() {
        assert_eq!(checksum(b""), 0);
        assert_eq!(checksum(b"123456789"), 0xCBF4_3926);
        assert_eq!(checksum(b"a"), 0xE8B7_BE43);
        assert_eq!(
            checksum(b"The quick brown fox jumps over the lazy dog"),
            0x414F_A339
        );
    }
}
