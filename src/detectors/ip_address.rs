//! Public IP address (IPv4 or IPv6).
//!
//! IPv4: four decimal octets 0–255 joined by dots, no leading zeros (`010`
//! is octal to some parsers and never how an address is written). A dotted
//! quad that is one link of a longer chain (`1.2.3.4.5`, an OID
//! `1.3.6.1.4.1`, `host.1.2.3.4`, `v1.2.3.4.5`) is not an address.
//! IPv6: eight groups of up to four hex digits, `::` for one run of zero
//! groups, optionally ending in an embedded dotted quad (RFC 4291 §2.2).
//!
//! Only public addresses are reported — an address that identifies a
//! subscriber or a server on the internet. Private, shared, loopback,
//! link-local, multicast, reserved and documentation ranges are never
//! reported (they are in every config snippet and identify no one outside a
//! network): 0/8, 10/8, 100.64/10, 127/8, 169.254/16, 172.16/12, 192.0.0/24,
//! 192.0.2/24, 192.168/16, 198.18/15, 198.51.100/24, 203.0.113/24, 224/4,
//! 240/4; for IPv6 everything outside global unicast 2000::/3, and
//! 2001:db8::/32 and 3fff::/20 (documentation). Well-known public DNS
//! resolvers (8.8.8.8, 1.1.1.1, 9.9.9.9, …) are services, not personal data.
//! An address is personal data (GDPR recital 30) whether or not a word says
//! it is one: a public IPv4 address with at most one single-digit octet
//! (`185.120.39.51`, `93.83.2.112`) and a global IPv6 address are medium on
//! their own ([`Evidence::Strong`]), in brackets, quotes and logs as anywhere.
//! A network rather than a host — an IPv4 address ending in `.0`, an IPv6
//! address whose interface identifier (last 64 bits) is zero — is not
//! strong: low alone, medium with a word.
//! Versions and section numbers are mostly single digits: with two or three
//! single-digit octets (`2.6.32.27`, `3.5.140.2`) a quad is low alone and
//! medium next to a context word such as "IP", "server", "ssh"; a quad of
//! single digits (`1.2.3.4`, `4.2.0.1`) is weak, reported only near such a
//! word, and then low. Near "version", "release", "section", "OID" a finding
//! is dropped, however many digits its octets have.
//! Spec: RFC 791, RFC 4291, RFC 5952, IANA special-purpose address registries
//! (RFC 6890), RFC 5737 and RFC 3849 / RFC 9637 (documentation ranges).
//!
//! ```
//! use draftguard::detectors::ip_address::validate;
//! assert!(validate("84.17.45.201").is_ok());
//! assert!(validate("192.168.0.1").is_err()); // private
//! ```
use super::{
    Category, Confidence, Detector, Evidence, Invalid, L10n, Prefilter, Scoring, Valid, Words,
};
use crate::finding::{Format, Reason};

/// The IP address detector.
pub const DETECTOR: Detector = Detector {
    kind: "ip_address",
    category: Category::Contact,
    locales: &[],
    name: L10n {
        en: "IP address",
        de: "IP-Adresse",
        zh: "IP 地址",
    },
    label: L10n {
        en: "IP ADDRESS",
        de: "IP-ADRESSE",
        zh: "IP地址",
    },
    checks: "Public IPv4/IPv6 addresses, medium alone unless version-like (single-digit octets); private, reserved, documentation and resolver addresses ignored",
    // IPv4: the whole dot-joined chain around a quad is matched, so a quad that
    // is one link of a longer chain reaches `validate` with its neighbours and
    // is rejected there. At most eight host labels before the quad: a label
    // may hold `-`, so in `84.17.45.201-84.17.45.201-…` every match's search
    // read the rest of the run for a longer chain (quadratic); a longer chain
    // is still matched from a later label and still rejected. IPv6: only global unicast (first group 2xxx/3xxx) can
    // be reported, so the pattern starts there.
    #[cfg(not(target_family = "wasm"))]
    pattern: r"\b(?:(?:[A-Za-z0-9_-]+\.){0,8}[0-9]+(?:\.[0-9]+){3,}(?:\.[A-Za-z0-9_-]+)*\b|[23][0-9A-Fa-f]{3}(?:::?[0-9A-Fa-f]{1,4}){1,10}(?:(?:\.[0-9]{1,3}){3}\b|::|\b))",
    prefilter: Prefilter::Always(Some(scope)),
    context: Words {
        en: words![
            "ip",
            "ip address",
            "ipv4",
            "ipv6",
            "my ip",
            "public ip",
            "server",
            "host",
            "ssh",
            "ping",
            "vpn",
            "router",
            "firewall",
            "whitelist",
            "allowlist",
            "blocked",
            "login from",
            "addr",
        ],
        de: words![
            "ip-adresse",
            "ip-adressen",
            "ip",
            "server",
            "rechner",
            "anmeldung von",
            "zugriff von",
            "freigeben",
        ],
        zh: words!["ip地址", "地址", "服务器", "公网", "登录", "主机", "内网"],
    },
    negative_context: Words {
        en: words![
            "version", "versions", "ver", "release", "build", "firmware", "section", "chapter",
            "oid", "step",
        ],
        de: words!["version", "abschnitt", "kapitel", "ziffer", "randnummer"],
        zh: words!["版本", "章节", "第"],
    },
    scoring: Scoring {
        alone: Some(Confidence::Low),
        with_context: Confidence::Medium,
    },
    priority: 20,
    keep_last: 0,
    keep_leading_letters: 0,
    preview: None,
    validate,
    by_group: None,
};

/// Public DNS resolvers and other addresses of well-known services.
const SERVICES_V4: &[[u8; 4]] = &[
    [8, 8, 8, 8],
    [8, 8, 4, 4],
    [1, 1, 1, 1],
    [1, 0, 0, 1],
    [9, 9, 9, 9],
    [149, 112, 112, 112],
    [208, 67, 222, 222],
    [208, 67, 220, 220],
];

const SERVICES_V6: &[&str] = &[
    "2001:4860:4860::8888",
    "2001:4860:4860::8844",
    "2606:4700:4700::1111",
    "2606:4700:4700::1001",
    "2620:fe::fe",
    "2620:fe::9",
];

/// `ADDRESS[b]`: an address can hold byte `b` (ASCII letters, digits, `_`,
/// `-`, `.`, `:`): [`IN`], or [`DOT`] or [`COLON`].
const ADDRESS: [u8; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-') {
            t[b] = IN;
        }
        if c == b'.' {
            t[b] = DOT;
        }
        if c == b':' {
            t[b] = COLON;
        }
        b += 1;
    }
    t
};
/// In [`ADDRESS`]: an address byte other than `.` and `:`.
const IN: u8 = 1;
/// In [`ADDRESS`]: a `.` (the count of a run's dots is the sum of these, halved).
const DOT: u8 = 2;
/// In [`ADDRESS`]: a `:`, worth three dots (one is enough, as three dots are).
const COLON: u8 = 3 * DOT;

/// Where an address can be (the detector's [`super::Scope`]): a run of
/// [`ADDRESS`] bytes with a digit and three `.` or a `:` in it. Every match
/// of the pattern is such a run's part: it holds address bytes only, a
/// digit (IPv4's numbers; IPv6's first group starts with 2 or 3) and three
/// `.` (IPv4: `[0-9]+(?:\.[0-9]+){3,}`) or a `:` (IPv6); the byte after a
/// run is no address byte, so no match holds it. Most text has few digits,
/// and most runs with one (`2024`, `v2`, `x86_64`, `v1.8.3`, `foo.py`) have
/// neither three dots nor a colon. A run is read once, its separators
/// counted on the way.
fn scope(hay: &[u8], from: usize) -> Option<std::ops::Range<usize>> {
    let mut i = from;
    loop {
        i = crate::scan::next_digit(hay, i, hay.len());
        if i == hay.len() {
            return None;
        }
        // The run's dots and colons, weighed: enough with three dots or a colon.
        let mut sum = 0usize;
        // Not before `from`: a call after a match must not read the text again.
        let mut start = i;
        while start > from {
            let c = ADDRESS[usize::from(hay[start - 1])];
            if c == 0 {
                break;
            }
            sum += usize::from(c & !IN);
            start -= 1;
        }
        let mut end = i + 1;
        while end < hay.len() {
            let c = ADDRESS[usize::from(hay[end])];
            if c == 0 {
                break;
            }
            sum += usize::from(c & !IN);
            end += 1;
        }
        if sum >= 3 * usize::from(DOT) {
            return Some(start..end);
        }
        i = end;
    }
}

/// Returns the address in canonical form if `candidate` is a public IP address.
pub fn validate(candidate: &str) -> Result<Valid, Invalid> {
    if candidate.contains(':') {
        validate_v6(candidate)
    } else {
        validate_v4(candidate)
    }
}

fn validate_v4(candidate: &str) -> Result<Valid, Invalid> {
    let parts: Vec<&str> = candidate.split('.').collect();
    if parts.len() != 4 {
        return Err(Invalid::Format);
    }
    let mut octets = [0u8; 4];
    for (o, p) in octets.iter_mut().zip(&parts) {
        if p.is_empty() || p.len() > 3 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Invalid::Format);
        }
        if p.len() > 1 && p.starts_with('0') {
            return Err(Invalid::Format);
        }
        *o = p.parse().map_err(|_| Invalid::Component)?;
    }
    if !is_public_v4(octets) || SERVICES_V4.contains(&octets) {
        return Err(Invalid::Component);
    }
    // Versions and section numbers are mostly single digits ("2.6.32.27",
    // "1.2.3.4"); addresses mostly are not. An address ending in .0 names a
    // network ("route add -net 192.56.76.0"), not a host.
    let single_digits = octets.iter().filter(|&&o| o < 10).count();
    Ok(Valid {
        // Four octets of one to three digits without a leading zero, each at most 255: the
        // candidate is the address as it is written canonically.
        compact: candidate.to_owned(),
        reasons: vec![Reason::Format(Format::Ipv4Public)],
        weak: single_digits == 4,
        evidence: if single_digits <= 1 && octets[3] != 0 {
            Evidence::Strong
        } else {
            Evidence::Plain
        },
    })
}

/// `false` for the IANA special-purpose and documentation ranges.
fn is_public_v4(o: [u8; 4]) -> bool {
    let [a, b, c, _] = o;
    !matches!(
        (a, b, c),
        (0, _, _)
            | (10, _, _)
            | (100, 64..=127, _)
            | (127, _, _)
            | (169, 254, _)
            | (172, 16..=31, _)
            | (192, 0, 0)
            | (192, 0, 2)
            | (192, 88, 99)
            | (192, 168, _)
            | (198, 18..=19, _)
            | (198, 51, 100)
            | (203, 0, 113)
            | (224..=255, _, _)
    )
}

fn validate_v6(candidate: &str) -> Result<Valid, Invalid> {
    let s = parse_v6(candidate).ok_or(Invalid::Format)?;
    let global_unicast = s[0] & 0xe000 == 0x2000;
    let documentation = (s[0] == 0x2001 && s[1] == 0x0db8) || (s[0] & 0xfff0) == 0x3ff0;
    // 2001::/23: IETF protocol assignments (Teredo, benchmarking, ORCHID, …).
    let protocol = s[0] == 0x2001 && s[1] < 0x0200;
    if !global_unicast || documentation || protocol {
        return Err(Invalid::Component);
    }
    if SERVICES_V6.iter().any(|&x| parse_v6(x) == Some(s)) {
        return Err(Invalid::Component);
    }
    // A zero interface identifier names a /64 network ("2600:2d00:0:2::/64"), not a host.
    let network = s[4..].iter().all(|&g| g == 0);
    Ok(Valid {
        evidence: if network {
            Evidence::Plain
        } else {
            Evidence::Strong
        },
        ..Valid::new(canonical_v6(s), vec![Reason::Format(Format::Ipv6Public)])
    })
}

/// The eight groups of the IPv6 address `text` is, read as `std::net::Ipv6Addr`'s `FromStr`
/// reads it (`core::net::parser`, which this follows step by step; a test holds the two to the
/// same answers): up to eight `:`-separated groups of one to four hex digits, one `::` for a run
/// of zero groups, the last two groups optionally written as a dotted quad; no zone, nothing
/// else. Its own code because `core::net` cost the `.wasm` about 2.6 KB gzip.
fn parse_v6(text: &str) -> Option<[u16; 8]> {
    let mut p = text.as_bytes();
    let mut head = [0; 8];
    let (head_len, head_quad) = read_groups(&mut p, &mut head);
    if head_len < 8 {
        // A dotted quad ends an address: none before `::`.
        if head_quad {
            return None;
        }
        p = p.strip_prefix(b"::")?;
        // `::` stands for at least one group.
        let mut tail = [0; 7];
        let (tail_len, _) = read_groups(&mut p, &mut tail[..7 - head_len]);
        head[8 - tail_len..].copy_from_slice(&tail[..tail_len]);
    }
    p.is_empty().then_some(head)
}

/// Reads up to `groups.len()` `:`-separated groups from `p` into `groups`, the last two of them
/// possibly one dotted quad, and returns how many it read and whether a quad ended them. What
/// does not read as a group (or a quad) is left in `p`, the `:` before it too.
fn read_groups(p: &mut &[u8], groups: &mut [u16]) -> (usize, bool) {
    let limit = groups.len();
    for i in 0..limit {
        let Some(rest) = (if i == 0 {
            Some(*p)
        } else {
            p.strip_prefix(b":")
        }) else {
            return (i, false);
        };
        if i + 1 < limit {
            if let Some(([a, b, c, d], after)) = read_quad(rest) {
                groups[i] = u16::from_be_bytes([a, b]);
                groups[i + 1] = u16::from_be_bytes([c, d]);
                *p = after;
                return (i + 2, true);
            }
        }
        let Some((group, after)) = read_number(rest, 16, 4) else {
            return (i, false);
        };
        groups[i] = group as u16;
        *p = after;
    }
    (limit, false)
}

/// A dotted quad at the start of `p` (four decimal octets, no leading zeros) and what follows it.
fn read_quad(mut p: &[u8]) -> Option<([u8; 4], &[u8])> {
    let mut octets = [0; 4];
    for (i, octet) in octets.iter_mut().enumerate() {
        if i > 0 {
            p = p.strip_prefix(b".")?;
        }
        let (value, after) = read_number(p, 10, 3)?;
        if p[0] == b'0' && p.len() - after.len() > 1 {
            return None;
        }
        *octet = u8::try_from(value).ok()?;
        p = after;
    }
    Some((octets, p))
}

/// The number the digits (in `radix`) at the start of `p` spell and what follows them; none if
/// there is no digit or more than `max` of them.
fn read_number(p: &[u8], radix: u32, max: usize) -> Option<(u32, &[u8])> {
    let digit = |b: &u8| char::from(*b).to_digit(radix);
    let len = p.iter().take_while(|b| digit(b).is_some()).count();
    if len == 0 || len > max {
        return None;
    }
    let value = p[..len]
        .iter()
        .filter_map(digit)
        .fold(0, |v, d| v * radix + d);
    Some((value, &p[len..]))
}

/// `s` written as `Ipv6Addr`'s `Display` writes it (RFC 5952: each group in hex without leading
/// zeros, the first of the longest runs of two or more zero groups as `::`), in capitals. Not for
/// an IPv4-mapped address (`::ffff:0:0/96`), which `Display` ends with a dotted quad: no global
/// unicast address is one.
fn canonical_v6(s: [u16; 8]) -> String {
    let (mut start, mut len) = (0, 0);
    let mut i = 0;
    while i < 8 {
        let run = s[i..].iter().take_while(|&&g| g == 0).count();
        if run > len {
            (start, len) = (i, run);
        }
        i += run.max(1);
    }
    let mut out = String::with_capacity(39);
    let push_groups = |out: &mut String, groups: &[u16]| {
        for (k, &g) in groups.iter().enumerate() {
            if k > 0 {
                out.push(':');
            }
            let digits = 4 - (g.leading_zeros() / 4).min(3);
            for d in (0..digits).rev() {
                out.push(char::from(
                    b"0123456789ABCDEF"[usize::from(g >> (4 * d) & 15)],
                ));
            }
        }
    };
    if len > 1 {
        push_groups(&mut out, &s[..start]);
        out.push_str("::");
        push_groups(&mut out, &s[start + len..]);
    } else {
        push_groups(&mut out, &s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `parse_v6` and `canonical_v6` against `std::net::Ipv6Addr`'s `FromStr` and `Display`
    /// (which `validate_v6` used until they replaced it) over every string of up to six bytes
    /// from an alphabet of address bytes and junk, random sequences of pieces (groups of every
    /// length and case, `:`, `::`, dotted quads right and wrong, junk) and addresses written
    /// out in every way (`::` for any run of zero groups, leading zeros, case, a quad tail),
    /// whole and with a byte dropped.
    #[test]
    fn parses_and_writes_ipv6_as_std_does() {
        fn same(text: &str) {
            let std = text.parse::<std::net::Ipv6Addr>().ok();
            assert_eq!(parse_v6(text), std.map(|a| a.segments()), "{text:?}");
            if let Some(a) = std.filter(|a| a.to_ipv4_mapped().is_none()) {
                let want = a.to_string().to_ascii_uppercase();
                assert_eq!(canonical_v6(a.segments()), want, "{text:?}");
            }
        }
        let mut checked = 0;
        // Every string of up to six bytes from the alphabet.
        let alphabet = [":", ".", "0", "1", "2", "5", "f", "F", "g", "%"];
        crate::testing::each_sequence(&alphabet, 6, |text| {
            same(text);
            checked += 1;
        });
        let mut seed = 1u64;
        let mut below = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        // Random sequences of pieces.
        let pieces = [
            "0",
            "1",
            "00",
            "01",
            "000",
            "0000",
            "00000",
            "f",
            "FF",
            "aBc",
            "ffff",
            "FFFF",
            "10000",
            "12345",
            "2001",
            "2a00",
            "g",
            ":",
            ":",
            ":",
            "::",
            "::",
            ":::",
            ".",
            "1.2.3.4",
            "0.0.0.0",
            "255.255.255.255",
            "256.1.2.3",
            "1.2.3.256",
            "01.2.3.4",
            "1.2.3.04",
            "1.2.3",
            "1.2.3.4.5",
            "1234.1.1.1",
            "1.2.3.4a",
            "%",
            "%1",
            "[",
            "]",
            " ",
            "é",
        ];
        for _ in 0..300_000 {
            let text: String = (0..below(24))
                .map(|_| pieces[below(pieces.len())])
                .collect();
            same(&text);
            checked += 1;
        }
        // Addresses written out: zero groups often, any zero run as `::`, leading zeros, case,
        // a quad for the last two groups; whole and with one byte dropped.
        for _ in 0..300_000 {
            let mut g = [0u16; 8];
            for x in &mut g {
                if below(2) == 0 {
                    *x = (below(0x1_0000) >> (4 * below(4))) as u16;
                }
            }
            let zeros: Vec<usize> = (0..8).filter(|&i| g[i] == 0).collect();
            let zero_run = (!zeros.is_empty()).then(|| {
                let from = zeros[below(zeros.len())];
                let end = (from..8).find(|&k| g[k] != 0).unwrap_or(8);
                (from, from + 1 + below(end - from))
            });
            let quad = below(3) == 0;
            let groups = if quad { 6 } else { 8 };
            let mut out = String::new();
            let mut i = 0;
            while i < groups {
                if let Some((_, to)) = zero_run.filter(|&(from, _)| from == i && below(2) == 0) {
                    out.push_str("::");
                    i = to;
                    continue;
                }
                if i > 0 && !out.ends_with("::") {
                    out.push(':');
                }
                // Now and then five digits: one too many.
                let width = if below(40) == 0 {
                    5
                } else {
                    [0, 0, 2, 4][below(4)]
                };
                let hex = format!("{:0width$x}", g[i]);
                out.push_str(&if below(2) == 0 {
                    hex.to_ascii_uppercase()
                } else {
                    hex
                });
                i += 1;
            }
            if quad && i <= 6 {
                if i > 0 && !out.ends_with("::") {
                    out.push(':');
                }
                let [a, b] = g[6].to_be_bytes();
                let [c, d] = g[7].to_be_bytes();
                out.push_str(&format!("{a}.{b}.{c}.{d}"));
            }
            same(&out);
            let mut dropped = out.clone().into_bytes();
            if !dropped.is_empty() {
                dropped.remove(below(dropped.len()));
            }
            same(std::str::from_utf8(&dropped).unwrap());
            checked += 2;
        }
        assert!(checked > 1_700_000);
    }

    /// An IPv4 address's compact form is the candidate itself: what `Ipv4Addr`'s `Display` wrote
    /// of its octets (which `validate_v4` used until then), for every quad of these octets.
    #[test]
    fn ipv4_compact_is_what_std_writes() {
        let octets = [
            "", "0", "00", "01", "1", "9", "10", "42", "99", "100", "199", "200", "255", "256",
            "999", "0255", "1000", "a", " 1",
        ];
        for a in octets {
            for b in octets {
                for c in octets {
                    for d in octets {
                        let text = format!("{a}.{b}.{c}.{d}");
                        if let Ok(v) = validate(&text) {
                            let o = [a, b, c, d].map(|o| o.parse().unwrap());
                            assert_eq!(v.compact, std::net::Ipv4Addr::from(o).to_string());
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn public_addresses_pass() {
        assert_eq!(validate("84.17.45.201").unwrap().compact, "84.17.45.201");
        assert!(validate("2a00:1450:4001:82b::200e").is_ok());
        assert!(validate("2a02:8070:a1c2:4e00:d5f1:3b2a:91c4:7e10").is_ok());
        assert!(validate("2a00:1450:4001:82b::84.17.45.201").is_ok());
    }

    #[test]
    fn private_reserved_and_documentation_ranges_are_not_reported() {
        for a in [
            "10.1.2.3",
            "172.20.0.5",
            "192.168.178.1",
            "127.0.0.1",
            "169.254.10.20",
            "100.64.0.1",
            "192.0.2.44",
            "198.51.100.7",
            "203.0.113.9",
            "224.0.0.251",
            "255.255.255.0",
            "0.0.0.0",
            "2001:db8::1",
            "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
            "3fff:1234::1",
            "fe80::1",
            "::1",
            "8.8.8.8",
            "2606:4700:4700::1111",
        ] {
            assert_eq!(validate(a), Err(Invalid::Component), "{a}");
        }
    }

    #[test]
    fn malformed_quads_and_chains_fail() {
        assert_eq!(validate("84.17.045.201"), Err(Invalid::Format));
        assert_eq!(validate("84.17.256.201"), Err(Invalid::Component));
        assert_eq!(validate("1.2.3.4.5"), Err(Invalid::Format));
        assert_eq!(validate("v1.84.17.45.201"), Err(Invalid::Format));
        assert_eq!(
            validate("2a00:1450:4001:82b:1:2:3:4:5"),
            Err(Invalid::Format)
        );
        assert!(validate("5.6.7.8").unwrap().weak);
    }

    #[test]
    fn multi_digit_octets_and_global_ipv6_are_strong_evidence() {
        for a in [
            "185.120.39.51",
            "93.83.2.112",
            "3.120.45.67",
            "2a00:1450:4001:82b::200e",
        ] {
            let v = validate(a).unwrap();
            assert_eq!((v.weak, v.evidence), (false, Evidence::Strong), "{a}");
        }
        for a in ["2.6.32.27", "3.5.140.2", "5.15.0.91"] {
            let v = validate(a).unwrap();
            assert_eq!((v.weak, v.evidence), (false, Evidence::Plain), "{a}");
        }
        assert!(validate("4.2.0.1").unwrap().weak);
        // Networks, not hosts: a .0 address, a /64 prefix.
        for a in ["192.56.76.0", "2600:2d00:0:2::"] {
            let v = validate(a).unwrap();
            assert_eq!((v.weak, v.evidence), (false, Evidence::Plain), "{a}");
        }
    }
}
