// Independent checkers for the generated values: each takes a value *as printed in a draft*
// and says whether it is a valid identifier of its kind, from the public specification (cited
// per function). They are written as validators (sum over the whole number, compare), not as
// the generators' check-digit computations run again, and share no code with draftguard (its
// Rust checksums are what the evaluation measures). The test (bench/eval/test.mjs) runs every
// generated positive value through the checker of its kind.

const compact = (s) => s.replace(/[\s.\-/]/g, '');
const onlyDigits = (s) => /^[0-9]+$/.test(s);

/** Luhn (ISO/IEC 7812-1 Annex B): doubling every second digit from the right, sum ≡ 0 mod 10. */
export function luhnValid(s) {
  if (!onlyDigits(s)) return false;
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    let d = s.charCodeAt(s.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** ISO 7064 MOD 97-10 over an alphanumeric string (A = 10 … Z = 35): remainder 1. */
function mod97is1(s) {
  let rem = 0;
  for (const ch of s.toUpperCase()) {
    const v = /[0-9]/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of v) rem = (rem * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rem === 1;
}

/**
 * IBAN (ISO 13616-1; SWIFT IBAN Registry): the country's length and BBAN structure
 * (n digits, a upper-case letters, c alphanumerics), and MOD 97-10 over BBAN + country + check.
 */
export const IBAN_STRUCTURE = {
  AT: '5n11n', BE: '3n7n2n', CH: '5n12c', DE: '8n10n', DK: '4n9n1n', ES: '4n4n1n1n10n',
  FR: '5n5n11c2n', GB: '4a6n8n', IE: '4a6n8n', LU: '3n13c', NL: '4a10n', NO: '4n6n1n',
  PL: '8n16n', SE: '3n16n1n',
};
export function ibanValid(printed) {
  const s = printed.replace(/[\s.\-]/g, '').toUpperCase();
  const cc = s.slice(0, 2);
  const structure = IBAN_STRUCTURE[cc];
  if (!structure || !/^[0-9]{2}$/.test(s.slice(2, 4))) return false;
  const re = new RegExp('^' + structure.replace(/(\d+)([nac])/g, (_, n, t) => `${{ n: '[0-9]', a: '[A-Z]', c: '[A-Z0-9]' }[t]}{${n}}`) + '$');
  const bban = s.slice(4);
  return re.test(bban) && mod97is1(bban + cc + s.slice(2, 4));
}

/** US SSN (SSA POMS RM 10201): area 001–899 but not 666, group 01–99, serial 0001–9999. */
export function ssnValid(printed) {
  const s = compact(printed);
  if (!/^[0-9]{9}$/.test(s)) return false;
  const area = +s.slice(0, 3), group = +s.slice(3, 5), serial = +s.slice(5);
  return area >= 1 && area <= 899 && area !== 666 && group >= 1 && serial >= 1;
}

/** US ITIN (IRS): 9XX, group 50–65, 70–88, 90–92, 94–99. */
export function itinValid(printed) {
  const s = compact(printed);
  if (!/^9[0-9]{8}$/.test(s)) return false;
  const g = +s.slice(3, 5);
  return (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || (g >= 94 && g <= 99);
}

/** ABA routing number: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 mod 10, known prefix. */
export function abaValid(printed) {
  const s = compact(printed);
  if (!/^[0-9]{9}$/.test(s)) return false;
  const p = +s.slice(0, 2);
  if (!((p <= 12) || (p >= 21 && p <= 32) || (p >= 61 && p <= 72) || p === 80)) return false;
  const d = [...s].map(Number);
  return (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8])) % 10 === 0;
}

/** ISO 7064 MOD 11,10 (hybrid system): after the check digit the running value is 1 mod 10. */
function mod1110Valid(s) {
  let p = 10;
  for (const ch of s.slice(0, -1)) {
    let sum = (p + (ch.charCodeAt(0) - 48)) % 10;
    if (sum === 0) sum = 10;
    p = (sum * 2) % 11;
  }
  return (p + (s.charCodeAt(s.length - 1) - 48)) % 10 === 1;
}

/** German Steuer-ID (§ 139b AO; python-stdnum de.idnr): digit rules and MOD 11,10. */
export function deTaxIdValid(printed) {
  const s = compact(printed);
  if (!/^[1-9][0-9]{10}$/.test(s)) return false;
  const counts = new Map();
  for (const ch of s.slice(0, 10)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const repeated = [...counts.values()].filter((c) => c > 1);
  if (repeated.length !== 1 || repeated[0] > 3) return false;
  if (/(.)\1\1/.test(s.slice(0, 10))) return false;
  return mod1110Valid(s);
}

/** UK NINO (HMRC NIM39110): prefix rules, six digits, suffix A–D. */
export function ninoValid(printed) {
  const s = printed.replace(/\s/g, '').toUpperCase();
  const m = /^([A-Z])([A-Z])[0-9]{6}[A-D]$/.exec(s);
  if (!m) return false;
  if ('DFIQUV'.includes(m[1]) || 'DFIQUVO'.includes(m[2])) return false;
  return !['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(m[1] + m[2]);
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
/** Spanish DNI (RD 1553/2005): number mod 23 indexes the control letter. */
export function dniValid(printed) {
  const s = compact(printed).toUpperCase();
  return /^[0-9]{8}[A-Z]$/.test(s) && DNI_LETTERS[+s.slice(0, 8) % 23] === s[8];
}
/** Spanish NIE: X/Y/Z read as 0/1/2, then the DNI rule. */
export function nieValid(printed) {
  const s = compact(printed).toUpperCase();
  return /^[XYZ][0-9]{7}[A-Z]$/.test(s) && DNI_LETTERS[+('XYZ'.indexOf(s[0]) + s.slice(1, 8)) % 23] === s[8];
}

/** Italian codice fiscale (DM 23/12/1976): check letter from the odd/even tables. */
export function itFiscalValid(printed) {
  const s = printed.toUpperCase();
  if (!/^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/.test(s)) return false;
  const odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = s[i];
    const v = /[0-9]/.test(c) ? +c : c.charCodeAt(0) - 65;
    sum += i % 2 === 0 ? odd[v] : v;
  }
  return String.fromCharCode(65 + (sum % 26)) === s[15];
}

/** French NIR (INSEE): key = 97 − (13 digits mod 97), Corsica 2A → 19, 2B → 18. */
export function nirValid(printed) {
  const s = compact(printed).toUpperCase();
  if (!/^[12][0-9]{4}(?:[0-9]{2}|2A|2B)[0-9]{8}$/.test(s)) return false;
  const body = s.slice(0, 13).replace('2A', '19').replace('2B', '18');
  return 97 - Number(BigInt(body) % 97n) === +s.slice(13);
}

/** Dutch BSN (11-proef): 9·d1 + … + 2·d8 − d9 ≡ 0 mod 11. */
export function bsnValid(printed) {
  const s = compact(printed);
  if (!/^[0-9]{9}$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * +s[i];
  return (sum - +s[8]) % 11 === 0 && s !== '000000000';
}

/** Polish PESEL: weights 1 3 7 9 … over all eleven digits (check weight 1): sum ≡ 0 mod 10; a real date. */
export function peselValid(s) {
  if (!/^[0-9]{11}$/.test(s)) return false;
  const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3, 1];
  if ([...s].reduce((n, d, i) => n + w[i] * +d, 0) % 10 !== 0) return false;
  let month = +s.slice(2, 4);
  const century = { 0: 1900, 1: 2000, 2: 2100, 3: 2200, 4: 1800 }[Math.floor(month / 20)];
  month %= 20;
  return realDate(century + +s.slice(0, 2), month, +s.slice(4, 6));
}

/** UK NHS number: weights 10 … 2 and the check digit as weight 1: sum ≡ 0 mod 11. */
export function nhsValid(printed) {
  const s = compact(printed);
  if (!/^[0-9]{10}$/.test(s)) return false;
  return [...s].reduce((n, d, i) => n + (10 - i || 1) * +d, 0) % 11 === 0 && ![...s].every((d) => d === s[0]);
}

/** German KVNR: letter as two digits, weights 1 2 1 2 …, digit sums; last digit of total = check. */
export function kvnrValid(s) {
  if (!/^[A-Z][0-9]{9}$/.test(s)) return false;
  const digits = String(s.charCodeAt(0) - 64).padStart(2, '0') + s.slice(1, 9);
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const p = +digits[i] * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(p / 10) + (p % 10);
  }
  return sum % 10 === +s[9];
}

/** ICAO Doc 9303 7-3-1 check digit of a field (A = 10 … Z = 35, < = 0). */
function icao(field) {
  const w = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field[i];
    const v = c === '<' ? 0 : /[0-9]/.test(c) ? +c : c.charCodeAt(0) - 55;
    sum += v * w[i % 3];
  }
  return String(sum % 10);
}

/** German ID card / passport serial (PAuswV): allowed alphabet, first a letter, ICAO check if 10 long. */
export function deIdCardValid(s) {
  if (!/^[CFGHJKLMNPRTVWXYZ][0-9CFGHJKLMNPRTVWXYZ]{8}[0-9]?$/.test(s)) return false;
  return s.length === 9 || icao(s.slice(0, 9)) === s[9];
}

/** A TD3 (passport) MRZ: every check digit and the composite (ICAO Doc 9303 Part 4). */
export function mrzValid(zone) {
  const lines = zone.split('\n');
  if (lines.length !== 2 || lines.some((l) => !/^[A-Z0-9<]{44}$/.test(l))) return false;
  const l = lines[1];
  return icao(l.slice(0, 9)) === l[9] && icao(l.slice(13, 19)) === l[19] && icao(l.slice(21, 27)) === l[27]
    && icao(l.slice(28, 42)) === l[42] && icao(l.slice(0, 10) + l.slice(13, 20) + l.slice(21, 43)) === l[43];
}

const CN_PROVINCES = /^(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[1-3])/;
/**
 * Chinese resident ID (GB 11643-1999): province, real date, MOD 11-2 check character; the
 * first-generation 15-digit number: province and a real 19YYMMDD date, no check character.
 */
export function cnIdValid(printed) {
  const s = compact(printed).toUpperCase();
  if (/^[0-9]{15}$/.test(s)) return CN_PROVINCES.test(s) && realDate(1900 + +s.slice(6, 8), +s.slice(8, 10), +s.slice(10, 12));
  if (!CN_PROVINCES.test(s)) return false;
  if (!/^[1-9][0-9]{16}[0-9X]$/.test(s)) return false;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...s.slice(0, 17)].reduce((n, d, i) => n + w[i] * +d, 0) + (s[17] === 'X' ? 10 : +s[17]);
  return sum % 11 === 1 && realDate(+s.slice(6, 10), +s.slice(10, 12), +s.slice(12, 14));
}

// Verhoeff (1969): the dihedral group D5's multiplication and the permutation table.
const VD = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VP = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
export const VERHOEFF = { d: VD, p: VP };
/** Aadhaar (UIDAI): twelve digits, first 2–9, Verhoeff over all twelve gives 0. */
export function aadhaarValid(printed) {
  const s = compact(printed);
  if (!/^[2-9][0-9]{11}$/.test(s)) return false;
  let c = 0;
  for (let i = 0; i < s.length; i++) c = VD[c][VP[i % 8][+s[s.length - 1 - i]]];
  return c === 0;
}

/** Brazilian CPF (Receita Federal): two mod-11 check digits. */
export function cpfValid(printed) {
  const s = compact(printed);
  if (!/^[0-9]{11}$/.test(s) || /^(.)\1+$/.test(s)) return false;
  const dv = (n) => {
    const sum = [...s.slice(0, n)].reduce((a, d, i) => a + +d * (n + 1 - i), 0);
    return ((sum * 10) % 11) % 10;
  };
  return dv(9) === +s[9] && dv(10) === +s[10];
}

/** Brazilian CNPJ: two mod-11 check digits (weights 5…2 9…2, then 6…2 9…2). */
export function cnpjValid(printed) {
  const s = compact(printed);
  if (!/^[0-9]{14}$/.test(s)) return false;
  const dv = (n) => {
    const w = n === 12 ? [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] : [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    const r = [...s.slice(0, n)].reduce((a, d, i) => a + +d * w[i], 0) % 11;
    return r < 2 ? 0 : 11 - r;
  };
  return dv(12) === +s[12] && dv(13) === +s[13];
}

/** Indian PAN (Rule 114): AAA + holder type + letter + 0001–9999 + letter. */
export const panValid = (s) => /^[A-Z]{3}[PCHFATBLJG][A-Z](?!0000)[0-9]{4}[A-Z]$/.test(s.toUpperCase());

/** Canadian SIN (ESDC): first digit 1–7 or 9, Luhn over nine digits. */
export function sinValid(printed) {
  const s = compact(printed);
  return /^[1-79][0-9]{8}$/.test(s) && luhnValid(s);
}

/** US MBI (CMS): C A AN N A AN N A A N N, letters without S L O I B Z. */
export function mbiValid(printed) {
  const s = printed.replace(/[\s-]/g, '').toUpperCase();
  const A = '[AC-HJKMNP-RT-Y]', AN = '[0-9AC-HJKMNP-RT-Y]';
  return new RegExp(`^[1-9]${A}${AN}[0-9]${A}${AN}[0-9]${A}${A}[0-9]{2}$`).test(s);
}

/** A payment card: Luhn and 12–19 digits. */
export const cardValid = (printed) => /^[0-9]{12,19}$/.test(compact(printed)) && luhnValid(compact(printed));

/** A GitHub token: 30 base62 characters, then their CRC-32 in six base62 digits. */
export function githubTokenValid(s) {
  const m = /^gh[pousr]_([A-Za-z0-9]{30})([A-Za-z0-9]{6})$/.exec(s);
  if (!m) return false;
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let v = 0;
  for (const ch of m[2]) v = v * 62 + alphabet.indexOf(ch);
  return v === crc32(m[1]);
}

/** CRC-32 (IEEE 802.3, reflected 0xEDB88320) of an ASCII string, bit by bit. */
export function crc32(s) {
  let c = 0xffffffff;
  for (let i = 0; i < s.length; i++) {
    c ^= s.charCodeAt(i);
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** A real Gregorian date. */
export function realDate(y, m, d) {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

/** The checker of each kind that has a check (kinds without one are structure-only here). */
export const CHECKERS = {
  credit_card: cardValid,
  iban: ibanValid,
  us_ssn: ssnValid,
  us_itin: itinValid,
  us_aba_routing: abaValid,
  de_tax_id: deTaxIdValid,
  uk_nino: ninoValid,
  es_dni: dniValid,
  es_nie: nieValid,
  it_fiscal_code: itFiscalValid,
  fr_nir: nirValid,
  nl_bsn: bsnValid,
  pl_pesel: peselValid,
  uk_nhs: nhsValid,
  de_health_insurance: kvnrValid,
  de_id_card: deIdCardValid,
  passport_mrz: mrzValid,
  cn_resident_id: cnIdValid,
  in_aadhaar: aadhaarValid,
  br_cpf: cpfValid,
  br_cnpj: cnpjValid,
  in_pan: panValid,
  ca_sin: sinValid,
  us_medicare_mbi: mbiValid,
};
