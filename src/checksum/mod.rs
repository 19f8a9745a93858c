//! Check-digit algorithms, one file each.
//!
//! Pure functions over ASCII digit (or alphanumeric) strings: no regexes, no
//! knowledge of detectors. Each module carries known-answer tests taken from
//! its public specification. Later algorithms (ISO 7064 MOD 11-2 and MOD 11,10,
//! ICAO 9303 7-3-1, Verhoeff) sit beside these.

pub mod aba;
pub mod crc32;
pub mod icao9303;
pub mod iso7064;
pub mod luhn;
pub mod sha256;
pub mod verhoeff;
pub mod weighted;

/// Value of an ASCII digit, or `None` for any other byte.
#[inline]
pub(crate) fn digit(b: u8) -> Option<u32> {
    b.is_ascii_digit().then(|| u32::from(b - b'0'))
}
