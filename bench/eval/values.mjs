// Generators of valid identifiers, from their public specifications (each cited in
// bench/eval/check.mjs, whose independent checkers the test runs over every generated value).
// Each generator takes the random source `r` and returns the compact value; the draft
// templates (bench/eval/drafts.mjs) choose how it is printed.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { BASE62, BASE64URL, DIGITS, LOWER, UPPER } from './rng.mjs';
import { crc32, VERHOEFF } from './check.mjs';

/** The Luhn digit that completes `payload` (computed left to right over the payload's parity). */
export function luhnDigit(payload) {
  let sum = 0;
  const parity = (payload.length + 1) % 2; // the digits doubled once the check digit is appended
  for (let i = 0; i < payload.length; i++) {
    let d = +payload[i];
    if (i % 2 === parity) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Card networks: [name, prefixes, lengths] (the networks' published IIN ranges). */
export const NETWORKS = [
  ['visa', ['4'], [16, 16, 16, 13, 19]],
  ['mastercard', ['51', '52', '53', '54', '55', '2221', '2305', '2720'], [16]],
  ['amex', ['34', '37'], [15]],
  ['discover', ['6011', '644', '65'], [16]],
  ['jcb', ['3528', '3566', '3589'], [16]],
  ['unionpay', ['62'], [16, 19]],
  ['diners', ['36', '300', '305'], [14]],
  ['maestro', ['5018', '5020', '5038', '6304', '6759', '6761', '6762', '6763'], [16, 13, 19]],
];
export const MAESTRO_PREFIXES = ['5018', '5020', '5038', '6304', '6759', '6761', '6762', '6763'];

/** A Luhn-valid number of `length` digits starting with `prefix`, not all one repeated tail. */
export function luhnNumber(r, prefix, length) {
  for (;;) {
    const payload = prefix + r.digits(length - prefix.length - 1);
    if (/(\d)\1{5}/.test(payload)) continue; // test-number look-alikes (4111 1111 …)
    return payload + luhnDigit(payload);
  }
}

export function card(r, network = r.pick(NETWORKS)) {
  const [name, prefixes, lengths] = network;
  return { network: name, value: luhnNumber(r, r.pick(prefixes), r.pick(lengths)) };
}

/** A card-worded number from no known issuer range (UATP 1, 7/8 petroleum and telecom, 9 national). */
export const unknownIssuerCard = (r) => luhnNumber(r, r.pick(['1', '7', '80', '87', '90', '99']), 16);

/** Groups `s` by widths (the last group takes the rest), joined by `sep`. */
export function group(s, widths, sep = ' ') {
  const out = [];
  let i = 0;
  for (const w of widths) {
    if (i >= s.length) break;
    out.push(s.slice(i, i + w));
    i += w;
  }
  if (i < s.length) out.push(s.slice(i));
  return out.join(sep);
}
export const fours = (s, sep = ' ') => s.match(/.{1,4}/g).join(sep);

// ---- IBAN ------------------------------------------------------------------------------

/** MOD 97 of a long alphanumeric string (A = 10 … Z = 35). */
function mod97(s) {
  let rem = 0;
  for (const ch of s) {
    const v = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) rem = (rem * 10 + +d) % 97;
  }
  return rem;
}

/** National check digits where the BBAN carries them (ES CCC, BE, NO MOD 11, FR clé RIB). */
const NATIONAL = {
  BE: (r) => {
    const n = r.digits(10);
    const k = Number(BigInt(n) % 97n) || 97;
    return n + String(k).padStart(2, '0');
  },
  NO: (r) => {
    for (;;) {
      const n = r.digits(10);
      const w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
      const k = 11 - ([...n].reduce((a, d, i) => a + w[i] * +d, 0) % 11);
      if (k === 10) continue;
      return n + (k === 11 ? '0' : String(k));
    }
  },
  ES: (r) => {
    const w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
    const dc = (s) => {
      const k = 11 - ([...s].reduce((a, d, i) => a + w[i] * +d, 0) % 11);
      return k === 11 ? '0' : k === 10 ? '1' : String(k);
    };
    const bank = r.digits(4), branch = r.digits(4), account = r.digits(10);
    return bank + branch + dc('00' + bank + branch) + dc(account) + account;
  },
  FR: (r) => {
    const bank = r.digits(5), branch = r.digits(5), account = r.digits(11);
    const key = 97 - Number((89n * BigInt(bank) + 15n * BigInt(branch) + 3n * BigInt(account)) % 97n);
    return bank + branch + account + String(key).padStart(2, '0');
  },
};

/** Per-country BBAN (SWIFT IBAN Registry): a generator and the national print grouping. */
const BBAN = {
  AT: [(r) => r.digits(16), [5, 11]],
  BE: [NATIONAL.BE, [3, 7, 2]],
  CH: [(r) => r.digits(5) + r.chars(DIGITS + UPPER, 12), [5, 12]],
  DE: [(r) => r.digits(18), [8, 10]],
  DK: [(r) => r.digits(14), [4, 10]],
  ES: [NATIONAL.ES, [4, 4, 2, 10]],
  FR: [NATIONAL.FR, [5, 5, 11, 2]],
  GB: [(r) => r.chars(UPPER, 4) + r.digits(14), [4, 6, 8]],
  IE: [(r) => r.chars(UPPER, 4) + r.digits(14), [4, 6, 8]],
  LU: [(r) => r.digits(3) + r.chars(DIGITS + UPPER, 13), [3, 13]],
  NL: [(r) => r.chars(UPPER, 4) + r.digits(10), [4, 10]],
  NO: [NATIONAL.NO, [4, 2, 5]],
  PL: [(r) => r.digits(24), [8, 16]],
  SE: [(r) => r.digits(20), [3, 17]],
};
export const IBAN_COUNTRIES = Object.keys(BBAN);

/** A valid IBAN: { cc, check, bban, compact, national } (national: the BBAN's own grouping). */
export function iban(r, cc = r.pick(IBAN_COUNTRIES)) {
  const [gen, widths] = BBAN[cc];
  const bban = gen(r);
  const check = String(98 - mod97(bban + cc + '00')).padStart(2, '0');
  return { cc, check, bban, compact: cc + check + bban, national: group(bban, widths) };
}

// ---- national identifiers ----------------------------------------------------------------

export function ssn(r) {
  for (;;) {
    const area = r.int(1, 899);
    if (area === 666) continue;
    const s = String(area).padStart(3, '0') + String(r.int(1, 99)).padStart(2, '0') + String(r.int(1, 9999)).padStart(4, '0');
    if (['078051120', '219099999', '123456789'].includes(s) || /^(\d)\1+$/.test(s)) continue;
    return s;
  }
}

export function itin(r) {
  const g = r.pick([r.int(50, 65), r.int(70, 88), r.int(90, 92), r.int(94, 99)]);
  return '9' + r.digits(2) + g + String(r.int(1, 9999)).padStart(4, '0');
}

export function aba(r) {
  const prefix = String(r.pick([r.int(1, 12), r.int(21, 32), r.int(61, 72)])).padStart(2, '0');
  const d = [...(prefix + r.digits(6))].map(Number);
  const sum = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5]);
  return d.join('') + String((10 - (sum % 10)) % 10);
}

/** ISO 7064 MOD 11,10 check digit. */
function mod1110(s) {
  let p = 10;
  for (const ch of s) {
    let sum = (p + +ch) % 10;
    if (sum === 0) sum = 10;
    p = (sum * 2) % 11;
  }
  return String((11 - p) % 10);
}

export function deTaxId(r) {
  for (;;) {
    const rep = r.int(0, 9);
    const times = r.pick([2, 2, 3]);
    const others = r.shuffle([...DIGITS].filter((d) => +d !== rep)).slice(0, 10 - times);
    const ten = r.shuffle([...others, ...Array(times).fill(String(rep))]).join('');
    if (ten[0] === '0' || /(.)\1\1/.test(ten)) continue;
    return ten + mod1110(ten);
  }
}

export function nino(r) {
  const first = [...UPPER].filter((c) => !'DFIQUV'.includes(c));
  const second = first.filter((c) => c !== 'O');
  for (;;) {
    const p = r.pick(first) + r.pick(second);
    if (['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(p)) continue;
    return p + r.digits(6) + r.pick(['A', 'B', 'C', 'D']);
  }
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
export function dni(r) {
  const n = String(r.int(1000000, 99999999)).padStart(8, '0');
  return n === '12345678' ? dni(r) : n + DNI_LETTERS[+n % 23];
}
export function nie(r) {
  const x = r.int(0, 2);
  const n = r.digits(7);
  return 'XYZ'[x] + n + DNI_LETTERS[+(x + n) % 23];
}

export function itFiscal(r) {
  const odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
  const day = r.int(1, 28) + (r.chance(0.5) ? 40 : 0);
  const body = r.chars(UPPER, 6) + r.digits(2) + r.pick([...'ABCDEHLMPRST']) + String(day).padStart(2, '0')
    + r.pick([...'ABCDEFGHLMZ']) + String(r.int(1, 999)).padStart(3, '0');
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = body[i];
    const v = c >= 'A' ? c.charCodeAt(0) - 65 : +c;
    sum += i % 2 === 0 ? odd[v] : v;
  }
  return body + String.fromCharCode(65 + (sum % 26));
}

export function nir(r) {
  const dept = r.chance(0.1) ? r.pick(['2A', '2B']) : String(r.pick([r.int(1, 19), r.int(21, 95)])).padStart(2, '0');
  const body = String(r.int(1, 2)) + r.digits(2) + String(r.int(1, 12)).padStart(2, '0') + dept
    + String(r.int(1, 999)).padStart(3, '0') + String(r.int(1, 999)).padStart(3, '0');
  const key = 97 - Number(BigInt(body.replace('2A', '19').replace('2B', '18')) % 97n);
  return body + String(key).padStart(2, '0');
}

export function bsn(r) {
  for (;;) {
    const n = String(r.int(1, 9)) + r.digits(7);
    const k = [...n].reduce((a, d, i) => a + (9 - i) * +d, 0) % 11;
    if (k < 10) return n + k;
  }
}

export function pesel(r) {
  const year = r.int(1940, 2015);
  const month = r.int(1, 12);
  const day = r.int(1, 28);
  const m = month + (year >= 2000 ? 20 : 0);
  const body = String(year % 100).padStart(2, '0') + String(m).padStart(2, '0') + String(day).padStart(2, '0') + r.digits(4);
  const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  return body + String((10 - ([...body].reduce((a, d, i) => a + w[i] * +d, 0) % 10)) % 10);
}

export function nhs(r) {
  for (;;) {
    const n = String(r.int(4, 9)) + r.digits(8);
    const k = 11 - ([...n].reduce((a, d, i) => a + (10 - i) * +d, 0) % 11);
    if (k === 10) continue;
    return n + (k === 11 ? '0' : String(k));
  }
}

export function kvnr(r) {
  const letter = r.pick([...UPPER]);
  const eight = r.digits(8);
  const digits = String(letter.charCodeAt(0) - 64).padStart(2, '0') + eight;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const p = +digits[i] * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(p / 10) + (p % 10);
  }
  return letter + eight + (sum % 10);
}

/** ICAO 9303 7-3-1 check digit. */
export function icao(field) {
  const w = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field[i];
    sum += (c === '<' ? 0 : c >= 'A' ? c.charCodeAt(0) - 55 : +c) * w[i % 3];
  }
  return String(sum % 10);
}

const DE_ID_ALPHABET = '0123456789CFGHJKLMNPRTVWXYZ';
/** A German ID card serial with letters among its digits, and its check digit. */
export function deIdCard(r) {
  for (;;) {
    const s = r.pick([...'CFGHJKLMNPRTVWXYZ']) + r.chars(DE_ID_ALPHABET, 8);
    if (!/[0-9]/.test(s.slice(1))) continue;
    return s + icao(s);
  }
}

const SURNAMES = ['MUELLER', 'SCHMIDT', 'NGUYEN', 'GARCIA', 'KOWALSKI', 'SMITH', 'WANG', 'ROSSI', 'DUBOIS', 'JANSEN'];
const GIVEN = ['ANNA', 'LUKAS', 'MEI', 'JOHN', 'SOFIA', 'PETER', 'LI', 'MARIA', 'JONAS', 'EMMA'];
const yymmdd = (r) => r.digits(2) + String(r.int(1, 12)).padStart(2, '0') + String(r.int(1, 28)).padStart(2, '0');
/** A TD3 passport MRZ (two lines of 44). */
export function mrz(r) {
  const country = r.pick(['D<<', 'GBR', 'FRA', 'NLD', 'CHN', 'USA', 'ESP', 'ITA']);
  const names = `${r.pick(SURNAMES)}<<${r.pick(GIVEN)}`;
  const l1 = `P<${country}${names}`.padEnd(44, '<');
  const doc = r.chars(UPPER + DIGITS, 2) + r.digits(7);
  const dob = yymmdd(r), exp = String(r.int(26, 35)) + yymmdd(r).slice(2);
  const personal = r.chance(0.5) ? '<'.repeat(14) : r.digits(10).padEnd(14, '<');
  const pcheck = personal === '<'.repeat(14) ? '<' : icao(personal);
  let l2 = doc + icao(doc) + country + dob + icao(dob) + r.pick(['M', 'F']) + exp + icao(exp) + personal + (pcheck === '<' ? '0' : pcheck);
  l2 += icao(l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43));
  return `${l1}\n${l2}`;
}

const CN_REGIONS = ['110105', '110108', '310104', '310115', '440305', '440106', '330106', '510107', '420106', '320102', '370202', '500103'];
export function cnId(r) {
  const y = r.int(1950, 2005), m = r.int(1, 12), d = r.int(1, 28);
  const body = r.pick(CN_REGIONS) + y + String(m).padStart(2, '0') + String(d).padStart(2, '0') + r.digits(3);
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const k = (12 - ([...body].reduce((a, x, i) => a + w[i] * +x, 0) % 11)) % 11;
  return body + (k === 10 ? 'X' : String(k));
}

/** A first-generation (15-digit) resident ID: region, YYMMDD, sequence; no check character. */
export const cnId15 = (r) => r.pick(CN_REGIONS) + String(r.int(40, 99)) + String(r.int(1, 12)).padStart(2, '0') + String(r.int(1, 28)).padStart(2, '0') + r.digits(3);

export function aadhaar(r) {
  const body = String(r.int(2, 9)) + r.digits(10);
  let c = 0;
  // Verhoeff: the body is processed from the right, positions shifted by one for the check.
  for (let i = 0; i < body.length; i++) c = VERHOEFF.d[c][VERHOEFF.p[(i + 1) % 8][+body[body.length - 1 - i]]];
  const inv = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];
  return body + inv[c];
}

export function cpf(r) {
  for (;;) {
    const base = r.digits(9);
    if (/^(.)\1+$/.test(base)) continue;
    const dv = (s) => ((([...s].reduce((a, d, i) => a + +d * (s.length + 1 - i), 0)) * 10) % 11) % 10;
    const d1 = dv(base);
    return base + d1 + dv(base + d1);
  }
}

export function cnpj(r) {
  const base = r.digits(8) + '0001';
  const dv = (s, w) => {
    const x = [...s].reduce((a, d, i) => a + +d * w[i], 0) % 11;
    return x < 2 ? 0 : 11 - x;
  };
  const d1 = dv(base, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  return base + d1 + dv(base + d1, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
}

export const pan = (r) => r.chars(UPPER, 3) + r.pick([...'PCHFATBLJG']) + r.chars(UPPER, 1) + String(r.int(1, 9999)).padStart(4, '0') + r.chars(UPPER, 1);

export const sin = (r) => luhnNumber(r, r.pick(['1', '2', '3', '4', '5', '6', '7', '9']), 9);

const MBI_A = 'ACDEFGHJKMNPQRTUVWXY';
export function mbi(r) {
  const an = () => r.chars(DIGITS + MBI_A, 1);
  return String(r.int(1, 9)) + r.chars(MBI_A, 1) + an() + r.digits(1) + r.chars(MBI_A, 1) + an() + r.digits(1) + r.chars(MBI_A, 2) + r.digits(2);
}

/** A number that is no obvious sequence ("12345678", "00000000"). */
function noSequence(r, n) {
  for (;;) {
    const s = r.digits(n);
    if (/(\d)\1\1/.test(s) || '0123456789'.includes(s.slice(0, 4)) || '9876543210'.includes(s.slice(0, 4))) continue;
    return s;
  }
}
export const usPassport = (r) => (r.chance(0.5) ? String(r.int(1, 9)) + noSequence(r, 8) : r.pick([...'ACEFGHJKLMNPRTVWXYZ']) + noSequence(r, 8));
export const caDriversLicense = (r) => r.pick([...UPPER]) + noSequence(r, 7);
export const cnPassport = (r) => r.pick(['E', 'G']) + noSequence(r, 8);
export const ukPassport = (r) => String(r.int(1, 9)) + noSequence(r, 8);

// ---- credentials ---------------------------------------------------------------------------

const WORDS = readFileSync(fileURLToPath(new URL('../../src/detectors/bip39_english.txt', import.meta.url)), 'utf8').trim().split('\n');
/** The BIP-39 English list is read from the file the spec publishes (its SHA-256 is checked). */
export const BIP39_SHA256 = '2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda';
export const bip39Words = () => WORDS;

/** A BIP-39 mnemonic of 12 or 24 words: entropy, then the first bits of its SHA-256. */
export function seedPhrase(r) {
  const words = r.pick([12, 12, 24]);
  const entBytes = (words * 11 * 32) / 33 / 8;
  const ent = Buffer.from(Array.from({ length: entBytes }, () => r.int(0, 255)));
  const hash = createHash('sha256').update(ent).digest();
  let bits = [...ent].map((b) => b.toString(2).padStart(8, '0')).join('');
  bits += [...hash].map((b) => b.toString(2).padStart(8, '0')).join('').slice(0, entBytes / 4);
  return bits.match(/.{11}/g).map((b) => WORDS[parseInt(b, 2)]).join(' ');
}

/** A password someone would choose: 8–14 characters of at least three classes. */
export function password(r) {
  for (;;) {
    const n = r.int(8, 14);
    const s = r.chars(LOWER + UPPER + DIGITS + '!#$%&*+?@^~', n);
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(s)).length;
    if (classes >= 3 && /^[A-Za-z0-9]/.test(s)) return s;
  }
}
/** A weak but real password of the kind people label ("Summer2024!", "P@ssw0rd123"). */
export const weakPassword = (r) => r.pick([
  () => r.pick(['Summer', 'Winter', 'Spring', 'Autumn', 'Sommer', 'Herbst']) + r.int(2019, 2026) + r.pick(['!', '', '#', '?']),
  () => r.pick(['P@ssw0rd', 'Passw0rd', 'Welcome', 'Qwerty', 'Hallo']) + r.int(1, 999) + r.pick(['', '!']),
  () => r.pick(['Bayern', 'Tiger', 'Dragon', 'Monkey', 'Sunshine']) + r.int(10, 99) + r.pick(['!', '$', '']),
])();
/** A passphrase of dictionary words joined by one separator ("correct-horse-battery-staple"). */
export function passphrase(r, sep = r.pick(['-', '_', '.', ' '])) {
  return Array.from({ length: r.int(4, 5) }, () => r.pick(WORDS)).join(sep);
}

/** A GitHub classic token: ghp_ + 30 base62 + CRC-32 of them in six base62 digits. */
export function githubToken(r) {
  const body = r.chars(BASE62, 30);
  let c = crc32(body);
  let tail = '';
  for (let i = 0; i < 6; i++) {
    tail = BASE62[c % 62] + tail;
    c = Math.floor(c / 62);
  }
  return r.pick(['ghp_', 'gho_', 'ghs_']) + body + tail;
}

/** Provider tokens by their published formats; [class, value]. */
export function providerToken(r) {
  return r.pick([
    () => ['github', githubToken(r)],
    () => ['aws_access_key_id', 'AKIA' + r.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)],
    () => ['slack_bot', `xoxb-${r.int(1e9, 9e11)}-${r.int(1e9, 9e11)}-${r.chars(BASE62, 24)}`],
    () => ['gitlab', 'glpat-' + r.chars(BASE62 + '_-', 20)],
    () => ['stripe_live', 'sk_live_' + r.chars(BASE62, 24 + r.int(0, 75))],
    () => ['slack_webhook', `https://hooks.slack.com/services/T${r.chars(UPPER + DIGITS, 8)}/B${r.chars(UPPER + DIGITS, 8)}/${r.chars(BASE62, 24)}`],
    () => ['anthropic', 'sk-ant-api03-' + r.chars(BASE64URL, 93) + 'AA'],
    () => ['google_api', 'AIza' + r.chars(BASE62 + '_-', 35)],
  ])();
}

/** The tokens of issue 14 item 10; [class, value]. */
export function newToken(r) {
  return r.pick([
    () => ['fly_io', `FlyV1 fm2_${r.chars(UPPER + LOWER + DIGITS + '+/', 180)}`],
    () => ['fly_io_fm1', `fm1_${r.chars(BASE64URL, 120)}`],
    () => ['slack_refresh', `xoxe-1-${r.chars(BASE62, 140)}`],
    () => ['slack_xoxe_xoxp', `xoxe.xoxp-1-${r.chars(BASE62, 140)}`],
    () => ['slack_workflow_webhook', `https://hooks.slack.com/workflows/T${r.chars(UPPER + DIGITS, 10)}/A${r.chars(UPPER + DIGITS, 10)}/${r.digits(18)}/${r.chars(BASE62, 24)}`],
  ])();
}

/** A JWS: header and payload as base64url JSON, a random signature. */
export function jwt(r) {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const header = r.pick([{ alg: 'HS256', typ: 'JWT' }, { alg: 'RS256', typ: 'JWT', kid: r.chars(BASE62, 8) }, { alg: 'ES256' }]);
  const payload = { sub: `u_${r.digits(6)}`, iat: 1_700_000_000 + r.int(0, 9e7), ...(r.chance(0.5) ? { email_verified: true } : { role: r.pick(['admin', 'user']) }) };
  return `${b64(header)}.${b64(payload)}.${r.chars(BASE64URL, header.alg === 'HS256' ? 43 : 86)}`;
}

/** A PEM / OpenSSH private key block whose body decodes to what its label promises. */
export function privateKey(r) {
  const rand = (n) => Array.from({ length: n }, () => r.int(0, 255));
  const der = (n) => Buffer.from([0x30, 0x82, n >> 8, n & 0xff, 0x02, 0x01, 0x00, ...rand(n - 3)]);
  const body = (bytes) => bytes.toString('base64').match(/.{1,64}/g).join('\n');
  return r.pick([
    () => `-----BEGIN RSA PRIVATE KEY-----\n${body(der(r.int(300, 600)))}\n-----END RSA PRIVATE KEY-----`,
    () => `-----BEGIN PRIVATE KEY-----\n${body(der(r.int(60, 300)))}\n-----END PRIVATE KEY-----`,
    () => `-----BEGIN EC PRIVATE KEY-----\n${body(der(r.int(100, 120)))}\n-----END EC PRIVATE KEY-----`,
    () => `-----BEGIN OPENSSH PRIVATE KEY-----\n${body(Buffer.concat([Buffer.from('openssh-key-v1\0'), Buffer.from(rand(r.int(200, 400)))]))}\n-----END OPENSSH PRIVATE KEY-----`,
  ])();
}

/** A high-entropy secret without a provider format. */
export const genericSecret = (r) => r.pick([() => r.chars(BASE62, r.int(24, 48)), () => r.chars('0123456789abcdef', r.pick([32, 40, 64])).replace(/^[a-f]/, '7')])();

// ---- contact -------------------------------------------------------------------------------

const LOCALS = ['jana.koch', 'm.schneider', 'li.wei', 'tom.baker', 'anna_k', 'jdoe', 'zhang.min', 'sarah.oconnor', 'k.nowak', 'felix+news', 'wang_fang88', 'p.meyer'];
const DOMAINS = ['posteo.de', 'gmail.com', 'outlook.com', 'web.de', 'qq.com', '163.com', 'gmx.net', 'proton.me', 'acme-logistics.co.uk', 'mueller-bau.de', 'sina.cn', 'hey.com'];
export const email = (r) => `${r.pick(LOCALS)}${r.chance(0.3) ? r.int(1, 99) : ''}@${r.pick(DOMAINS)}`;

/** A phone number as a [class, printed] pair in one of the national and international forms. */
export function phone(r) {
  const nxx = () => String(r.int(2, 9)) + r.digits(2);
  const usLine = () => { let s; do s = r.digits(4); while (s.startsWith('01')); return s; };
  const area = () => r.pick(['212', '312', '415', '617', '206', '303', '512', '646', '718', '919']);
  const exch = () => { let s; do s = nxx(); while (s === '555'); return s; };
  return r.pick([
    () => ['us_parens', `(${area()}) ${exch()}-${usLine()}`],
    () => ['us_dashes', `${area()}-${exch()}-${usLine()}`],
    () => ['us_e164', `+1 ${area()} ${exch()} ${usLine()}`],
    () => ['us_dotted', `${area()}.${exch()}.${usLine()}`],
    () => ['de_national', `0${r.pick(['30', '40', '89', '221', '69'])} ${String(r.int(2, 9))}${r.digits(6)}`],
    () => ['de_e164', `+49 ${r.pick(['30', '40', '89', '151', '170', '176'])} ${String(r.int(2, 9))}${r.digits(3)} ${r.digits(4)}`],
    () => ['de_00', `0049 ${r.pick(['30', '40', '89', '151', '176'])} ${String(r.int(2, 9))}${r.digits(3)} ${r.digits(4)}`],
    () => ['uk_trunk_0', `+44 (0)20 ${String(r.int(3, 8))}${r.digits(3)} ${r.digits(4)}`],
    () => ['uk_00', `0044 20 ${String(r.int(3, 8))}${r.digits(3)} ${r.digits(4)}`],
    () => ['uk_mobile', `07${r.int(4, 9)}${r.digits(2)} ${r.digits(6)}`],
    () => ['fr_pairs', `0${r.int(1, 7)} ${r.digits(2)} ${r.digits(2)} ${r.digits(2)} ${r.digits(2)}`],
    () => ['cn_mobile_spaced', `1${r.int(3, 9)}${r.digits(1)} ${r.digits(4)} ${r.digits(4)}`],
    () => ['cn_mobile_plain', `1${r.int(3, 9)}${r.digits(9)}`],
    () => ['cn_mobile_86', `+86 1${r.int(3, 9)}${r.digits(1)} ${r.digits(4)} ${r.digits(4)}`],
    () => ['cn_mobile_86_plain', `+86 1${r.int(3, 9)}${r.digits(9)}`],
    () => ['ch_e164', `+41 ${r.pick(['44', '31', '79', '78'])} ${r.int(2, 9)}${r.digits(2)} ${r.digits(2)} ${r.digits(2)}`],
  ])();
}

/** A public IPv4 address outside every special-purpose, documentation and resolver range. */
export function publicIp(r) {
  for (;;) {
    const a = r.int(11, 223);
    if ([100, 127, 169, 172, 192, 198, 203].includes(a)) continue;
    return `${a}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
  }
}
export const publicIpv6 = (r) => `2a0${r.int(1, 9)}:${r.chars('0123456789abcdef', 3)}:${r.chars('0123456789abcdef', 4)}:${r.int(1, 9)}${r.chars('0123456789abcdef', 2)}::${r.chars('123456789abcdef', 1)}${r.chars('0123456789abcdef', 2)}`;
