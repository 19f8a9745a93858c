//! Weighted digit sums: each digit times a fixed weight, summed, taken modulo
//! 10 or 11. One algorithm with per-country weights and moduli; each national
//! rule is a named function here so a detector reads `weighted::nl_elfproef(..)`.

use super::digit;

/// `Σ weight × digit` over the digits of `s`, or `None` if a byte is not a
/// digit or the lengths differ.
fn sum(s: &str, weights: &[u32]) -> Option<u32> {
    if s.len() != weights.len() {
        return None;
    }
    s.bytes()
        .zip(weights)
        .map(|(b, w)| digit(b).map(|d| d * w))
        .sum()
}

/// Dutch "11-proef" of a nine-digit BSN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11).
/// Spec: Wet algemene bepalingen burgerservicenummer; Logius, "BSN 11-proef".
///
/// ```
/// use draftguard::checksum::weighted;
/// assert!(weighted::nl_elfproef("111222333"));
/// assert!(!weighted::nl_elfproef("111222334"));
/// ```
pub fn nl_elfproef(s: &str) -> bool {
    // −1 ≡ 10 (mod 11).
    sum(s, &[9, 8, 7, 6, 5, 4, 3, 2, 10]).is_some_and(|t| t % 11 == 0)
}

/// Polish PESEL: weights 1, 3, 7, 9, 1, 3, 7, 9, 1, 3 over the first ten
/// digits; the eleventh is (10 − sum mod 10) mod 10. Spec: Ustawa o ewidencji
/// ludności, załącznik; MSWiA, "Numer PESEL".
///
/// ```
/// use draftguard::checksum::weighted;
/// assert!(weighted::pl_pesel("44051401359"));
/// assert!(!weighted::pl_pesel("44051401358"));
/// ```
pub fn pl_pesel(s: &str) -> bool {
    // ASCII first: split_at(10) inside a multi-byte character panics.
    if s.len() != 11 || !s.is_ascii() {
        return false;
    }
    let (payload, check) = s.split_at(10);
    match (
        sum(payload, &[1, 3, 7, 9, 1, 3, 7, 9, 1, 3]),
        check.bytes().next().and_then(digit),
    ) {
        (Some(t), Some(c)) => (10 - t % 10) % 10 == c,
        _ => false,
    }
}

/// UK NHS number: weights 10 … 2 over the first nine digits; the check digit
/// is 11 − (sum mod 11), 11 becoming 0 and 10 meaning the number is never
/// issued. Spec: NHS Data Dictionary, "NHS Number".
///
/// ```
/// use draftguard::checksum::weighted;
/// assert!(weighted::uk_nhs("9434765919"));
/// assert!(!weighted::uk_nhs("9434765918"));
/// ```
pub fn uk_nhs(s: &str) -> bool {
    if s.len() != 10 || !s.is_ascii() {
        return false;
    }
    let (payload, check) = s.split_at(9);
    match (
        sum(payload, &[10, 9, 8, 7, 6, 5, 4, 3, 2]),
        check.bytes().next().and_then(digit),
    ) {
        (Some(t), Some(c)) => match 11 - t % 11 {
            11 => c == 0,
            10 => false,
            k => k == c,
        },
        _ => false,
    }
}

/// German health insurance number (KVNR, unchangeable part): a letter and
/// nine digits. The letter becomes two digits (A = 01 … Z = 26); the first
/// ten of the resulting eleven digits are weighted 1, 2, 1, 2, …, the digit
/// sums of the products added, and the last digit of the total is the check
/// digit (a modified Luhn). Spec: GKV-Spitzenverband, "Richtlinien für den
/// Aufbau der Krankenversichertennummer" (§ 290 SGB V), Anlage 1.
///
/// ```
/// use draftguard::checksum::weighted;
/// assert!(weighted::de_kvnr("A123456780"));
/// assert!(!weighted::de_kvnr("A123456789"));
/// ```
pub fn de_kvnr(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || !b[0].is_ascii_uppercase() {
        return false;
    }
    let letter = u32::from(b[0] - b'A') + 1;
    let mut values = vec![letter / 10, letter % 10];
    for &c in &b[1..9] {
        match digit(c) {
            Some(d) => values.push(d),
            None => return false,
        }
    }
    let total: u32 = values
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let p = d * if i % 2 == 0 { 1 } else { 2 };
            p / 10 + p % 10
        })
        .sum();
    digit(b[9]) == Some(total % 10)
}

/// Brazilian CPF: two mod-11 check digits over the 11 digits; the first
/// weights 10…2 over digits 1–9, the second 11…2 over digits 1–10; each check
/// digit is (sum × 10 mod 11) mod 10. Spec: Receita Federal, Instrução
/// Normativa RFB nº 1.548/2015.
///
/// ```
/// use draftguard::checksum::weighted;
/// assert!(weighted::br_cpf("52998224725"));
/// assert!(!weighted::br_cpf("52998224726"));
/// ```
pub fn br_cpf(s: &str) -> bool {
    let check = |n: usize, weights: &[u32]| sum(&s[..n], weights).map(|t| t * 10 % 11 % 10);
    s.len() == 11
        && s.bytes().all(|b| b.is_ascii_digit())
        && check(9, &[10, 9, 8, 7, 6, 5, 4, 3, 2]) == digit(s.as_bytes()[9])
        && check(10, &[11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) == digit(s.as_bytes()[10])
}

/// Brazilian CNPJ: two mod-11 check digits over the 14 digits, weights
/// 5,4,3,2,9,…,2 and 6,5,4,3,2,9,…,2; a remainder below 2 gives 0, else 11 − r.
/// Spec: Receita Federal, Instrução Normativa RFB nº 2.119/2022.
///
/// ```
/// use draftguard::checksum::weighted;
/// assert!(weighted::br_cnpj("11222333000181"));
/// assert!(!weighted::br_cnpj("11222333000182"));
/// ```
pub fn br_cnpj(s: &str) -> bool {
    const W: [u32; 13] = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    let check =
        |n: usize| sum(&s[..n], &W[13 - n..]).map(|t| if t % 11 < 2 { 0 } else { 11 - t % 11 });
    s.len() == 14
        && s.bytes().all(|b| b.is_ascii_digit())
        && check(12) == digit(s.as_bytes()[12])
        && check(13) == digit(s.as_bytes()[13])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by fuzzing: a multi-byte character across the split point panicked.
    #[test]
    fn non_ascii_input_is_invalid_not_a_panic() {
        assert!(!pl_pesel("4.!-0\u{11}11\u{FFFD}"));
        assert!(!pl_pesel("440514013é"));
        assert!(!uk_nhs("94347659é"));
        for f in [nl_elfproef, de_kvnr, br_cpf, br_cnpj] {
            assert!(!f("1234567890é"));
        }
    }

    #[test]
    fn brazilian_check_digits_known_answers() {
        for ok in ["52998224725", "11144477735", "39053344705"] {
            assert!(br_cpf(ok), "{ok}");
        }
        assert!(!br_cpf("52998224752") && !br_cpf("5299822472") && !br_cpf("5299822472a"));
        for ok in ["11222333000181", "60401056000180", "33859234000148"] {
            assert!(br_cnpj(ok), "{ok}");
        }
        assert!(!br_cnpj("11222333000118") && !br_cnpj("1122233300018"));
    }

    #[test]
    fn dutch_bsn_known_answers() {
        // Test BSNs published for software testing (RvIG / Logius).
        assert!(nl_elfproef("111222333"));
        assert!(nl_elfproef("123456782"));
        assert!(!nl_elfproef("123456789"));
        assert!(!nl_elfproef("11122233"));
        assert!(!nl_elfproef("11122233x"));
    }

    #[test]
    fn polish_pesel_known_answers() {
        // Examples from the Polish Wikipedia article on PESEL.
        assert!(pl_pesel("44051401359"));
        assert!(pl_pesel("02070803628"));
        assert!(!pl_pesel("02070803627"));
        assert!(!pl_pesel("0207080362"));
    }

    #[test]
    fn kvnr_known_answers() {
        // A12345678: 0·1 1·2 1·1 2·2 3·1 4·2 5·1 6·2→3 7·1 8·2→7 = 40 → 0.
        assert!(de_kvnr("A123456780"));
        assert!(de_kvnr("F561021588"));
        assert!(de_kvnr("Z637060758"));
        assert!(!de_kvnr("Z637060757"));
        assert!(!de_kvnr("a123456780"));
        assert!(!de_kvnr("A12345678"));
    }

    #[test]
    fn nhs_known_answers() {
        // NHS Digital's example number 943 476 5919.
        assert!(uk_nhs("9434765919"));
        assert!(!uk_nhs("9434765910"));
        // A payload whose check would be 10 is never valid.
        let ten = (0..1000)
            .map(|i| format!("{:09}", 400_000_000 + i))
            .find(|p| (0..10).all(|c| !uk_nhs(&format!("{p}{c}"))))
            .expect("one payload in eleven has no valid check digit");
        assert_eq!(ten.len(), 9);
    }
}
