// The accuracy evaluation's own test (scripts/test.sh runs it after building pkg/):
// the generator is deterministic, every generated value passes its kind's independent
// checker (and the checkers reject what their specifications reject), the corpus has the
// shape the evaluation promises, and `node bench/eval.mjs --quick` runs end to end.
// No accuracy figure is asserted: the table is a report, not a target.
//   node --test bench/eval/test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generate, NEGATIVE_CLASSES, POSITIVE_CLASSES } from './drafts.mjs';
import * as C from './check.mjs';
import { BIP39_SHA256, IBAN_COUNTRIES } from './values.mjs';

const evalCmd = fileURLToPath(new URL('../eval.mjs', import.meta.url));
const run = (...args) => execFileSync(process.execPath, [evalCmd, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });

test('the same seed gives byte-identical drafts in separate processes; another seed other drafts', () => {
  const a = run('--dump', '--seed', '7', '--n', '600');
  const b = run('--dump', '--seed', '7', '--n', '600');
  assert.equal(createHash('sha256').update(a).digest('hex'), createHash('sha256').update(b).digest('hex'));
  const c = run('--dump', '--seed', '8', '--n', '600');
  assert.notEqual(a, c);
  // Drafts differ one by one, not only somewhere.
  const [la, lc] = [a.trim().split('\n'), c.trim().split('\n')];
  assert.ok(la.filter((x, i) => x !== lc[i]).length > 500, 'most drafts change with the seed');
  // Draft i depends on (seed, i) only: a shorter run is a prefix of a longer one.
  assert.equal(run('--dump', '--seed', '7', '--n', '100'), la.slice(0, 100).join('\n') + '\n');
});

test('a piped --dump holds every draft (the process does not exit before stdout drains)', () => {
  const lines = execSync(`"${process.execPath}" "${evalCmd}" --dump --n 5000 | wc -l`, { encoding: 'utf8' });
  assert.equal(Number(lines.trim()), 5000);
});

test('the checkers accept the specifications\' published examples and reject their altered forms', () => {
  const cases = [
    ['credit_card', '4539 1488 0343 6467', '4539 1488 0343 6468'],
    ['iban', 'DE89 3704 0044 0532 0130 00', 'DE88 3704 0044 0532 0130 00'],
    ['iban', 'GB29 NWBK 6016 1331 9268 19', 'GB29 NWBK 6016 1331 9268 18'],
    ['iban', 'NO93 8601 1117 947', 'NO93 8601 1117 948'],
    ['us_ssn', '536-22-8726', '666-22-8726'],
    ['us_itin', '912-70-1234', '912-69-1234'],
    ['us_aba_routing', '021000021', '021000022'],
    ['de_tax_id', '36 574 261 809', '36574261890'],
    ['uk_nino', 'JG 10 37 59 A', 'QQ 12 34 56 C'],
    ['es_dni', '53464097E', '53464097F'],
    ['es_nie', 'X8990608T', 'X8990608R'],
    ['it_fiscal_code', 'RSSMRA85T10A562S', 'RSSMRA85T10A562T'],
    ['fr_nir', '1 84 12 76 451 089 46', '1 84 12 76 451 089 47'],
    ['nl_bsn', '111222333', '111222334'],
    ['pl_pesel', '44051401359', '44051401358'],
    ['uk_nhs', '943 476 5919', '943 476 5918'],
    ['de_health_insurance', 'A123456780', 'A123456789'],
    ['de_id_card', 'L01X00T471', 'L01X00T472'],
    ['passport_mrz', 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10', 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C37UTO7408122F1204159ZE184226B<<<<<10'],
    ['cn_resident_id', '11010519491231002X', '110105194912310021'],
    ['cn_resident_id', '110105491231002', '110105491331002'],
    ['in_aadhaar', '2341 2341 2346', '2341 2341 2347'],
    ['br_cpf', '529.982.247-25', '529.982.247-26'],
    ['br_cnpj', '11.222.333/0001-81', '11.222.333/0001-82'],
    ['in_pan', 'ABCPE1234F', 'ABCXE1234F'],
    ['ca_sin', '130 456 783', '130 456 784'],
    ['us_medicare_mbi', '1EG4-TE5-MK73', '1EG4-TS5-MK73'],
  ];
  for (const [kind, valid, invalid] of cases) {
    assert.equal(C.CHECKERS[kind](valid), true, `${kind}: ${valid} is valid`);
    assert.equal(C.CHECKERS[kind](invalid), false, `${kind}: ${invalid} is not`);
  }
  // The SWIFT IBAN Registry's example of every country the generator uses.
  for (const iban of ['AT611904300234573201', 'BE68539007547034', 'CH9300762011623852957', 'DE89370400440532013000',
    'DK5000400440116243', 'ES9121000418450200051332', 'FR1420041010050500013M02606', 'GB29NWBK60161331926819',
    'IE29AIBK93115212345678', 'LU280019400644750000', 'NL91ABNA0417164300', 'NO9386011117947',
    'PL61109010140000071219812874', 'SE4550000000058398257466']) {
    assert.equal(C.ibanValid(iban), true, iban);
    assert.equal(C.ibanValid(iban.slice(0, 4) + iban.slice(5)), false, `${iban} one character short`);
  }
  assert.deepEqual(Object.keys(C.IBAN_STRUCTURE).sort(), IBAN_COUNTRIES.slice().sort());
  assert.equal(C.crc32('123456789'), 0xcbf43926); // the CRC-32 check value
  assert.deepEqual(Object.keys(C.CHECKERS).sort(), cases.map(([k]) => k).filter((k, i, a) => a.indexOf(k) === i).sort(), 'every checker has a known-answer case');
});

test('every generated positive value passes its kind\'s checker; the BIP-39 list is the published one', () => {
  const drafts = generate({ seed: 1, n: 5000 });
  const checked = new Map();
  for (const d of drafts) {
    for (const l of d.labels) {
      assert.ok(l.start >= 0 && l.end <= d.text.length && l.start < l.end, `${d.id}: span inside the text`);
      const value = d.text.slice(l.start, l.end);
      const check = C.CHECKERS[l.kind];
      if (check) {
        assert.ok(check(value), `${d.id} (${d.cls}): ${l.kind} value fails its checker`);
        checked.set(l.kind, (checked.get(l.kind) ?? 0) + 1);
      }
      if (l.kind === 'api_key' && /^gh[pos]_/.test(value)) assert.ok(C.githubTokenValid(value), `${d.id}: GitHub token CRC`);
    }
  }
  for (const kind of Object.keys(C.CHECKERS)) assert.ok(checked.get(kind) >= 10, `${kind}: at least 10 values checked (${checked.get(kind) ?? 0})`);
  const words = readFileSync(fileURLToPath(new URL('../../src/detectors/bip39_english.txt', import.meta.url)));
  assert.equal(createHash('sha256').update(words).digest('hex'), BIP39_SHA256);
});

test('the corpus: 5,000 drafts by default, ~40 % hard negatives, every class and language present', () => {
  const drafts = generate({ seed: 1 });
  assert.equal(drafts.length, 5000);
  const negatives = drafts.filter((d) => d.bait);
  assert.ok(negatives.length > 0.35 * 5000 && negatives.length < 0.45 * 5000, `${negatives.length} hard negatives`);
  assert.ok(negatives.every((d) => d.labels.length === 0));
  assert.ok(drafts.filter((d) => !d.bait).every((d) => d.labels.length > 0));
  const classes = new Set(drafts.map((d) => d.cls));
  for (const c of [...POSITIVE_CLASSES, ...NEGATIVE_CLASSES]) assert.ok(classes.has(c), `class ${c} is drawn`);
  assert.deepEqual([...new Set(drafts.map((d) => d.lang))].sort(), ['code', 'de', 'en', 'zh']);
});

test('node bench/eval.mjs --quick runs end to end on the built pkg/', () => {
  const out = run('--quick');
  assert.match(out, /\| kind +\| values \| >= low P \|/);
  for (const kind of ['credit_card', 'iban', 'password', 'phone', 'email', 'ip_address']) assert.match(out, new RegExp(`^\\| ${kind} `, 'm'));
  assert.match(out, /\| \*\*all kinds\*\* /);
  assert.match(out, /Hard negatives: \d+ drafts/);
  assert.match(out, /false prompts per 1,000 chunks/);
});
