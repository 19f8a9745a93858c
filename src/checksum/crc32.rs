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
    // Bit at a time: the values are a token's 30 characters, and a 1 KB
    // lookup table cost the module 1 KB gzip (its entries do not compress).
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}
