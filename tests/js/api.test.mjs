// The built package (pkg/, built by scripts/build.sh) used from Node 20
// exactly as the README shows: import, initSync, new Guard, scan, redact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../../pkg/', import.meta.url));
if (!existsSync(`${pkg}draftguard.js`)) {
  throw new Error(`pkg/ is missing: build it first (bash scripts/build.sh)`);
}
const { initSync, Guard, LiveScan, kinds } = await import(`${pkg}draftguard.js`);
initSync({ module: readFileSync(`${pkg}draftguard_bg.wasm`) });

const CARD = '4111 1111 1111 1111';
const IBAN = 'DE89 3704 0044 0532 0130 00';

const OFFSET_DRAFTS = [
  [`👩‍👩‍👧‍👦 pay ${CARD} now`, CARD],
  [`信用卡号：４１１１ １１１１ １１１１ １１１１。`, '４１１１ １１１１ １１１１ １１１１'],
  [`𝒳𝒴 Konto ${IBAN} 🎉`, IBAN],
  [`SSN\u00a0536\u20112\u200b2\u20118726`, '536\u20112\u200b2\u20118726'],
];

test('text.slice(start, end) is the value as typed, after emoji, CJK and full-width digits', () => {
  const guard = new Guard();
  for (const [text, value] of OFFSET_DRAFTS) {
    const found = guard.scan(text);
    assert.equal(found.length, 1, text);
    assert.equal(text.slice(found[0].start, found[0].end), value);
  }
});

test('a long draft (the browser encodes it for the module) has the same offsets, lone surrogates too', () => {
  const guard = new Guard();
  // Over 256 UTF-16 units: src/bindings/mod.rs hands it to TextEncoder.encodeInto.
  const pad = 'Grüße 😀 卡片 tea, \ud800 a lone surrogate, \udfff another; '.repeat(8);
  assert.ok(pad.length > 256);
  assert.deepEqual(guard.scan(pad), []);
  for (const [text, value] of OFFSET_DRAFTS) {
    const long = `${pad} ${text} ${pad}`;
    const found = guard.scan(long);
    assert.equal(found.length, 1, text);
    assert.equal(long.slice(found[0].start, found[0].end), value);
    assert.equal(found[0].start, pad.length + 1 + guard.scan(text)[0].start);
  }
});

test('a long draft encodes whole wherever its first non-ASCII character falls', () => {
  // The module takes a long draft in two steps: a byte a unit (ASCII), then the rest at 3 bytes
  // a unit. Each tail below is where the first step stops, at every place near its end.
  const guard = new Guard();
  for (const tail of ['😀', '\ud800', '\udfff', '卡', 'é', '😀😀', '\udfff\ud800', '€']) {
    for (let k = 250; k < 262; k++) {
      const text = `${'x'.repeat(k)} ${tail}${tail} card ${CARD} ${tail}`;
      const found = guard.scan(text);
      assert.equal(found.length, 1, `${k} ${tail}`);
      assert.equal(found[0].start, text.indexOf(CARD), `${k} ${tail}`);
      assert.equal(text.slice(found[0].start, found[0].end), CARD);
    }
  }
});

test('a finding carries kind, category, confidence, reasons and a masked preview only', () => {
  const [f] = new Guard().scan(`my card: ${CARD}`);
  assert.deepEqual(f, {
    kind: 'credit_card',
    category: 'financial',
    start: 9,
    end: 28,
    confidence: 'high',
    reasons: ['luhn', 'issuer:visa', 'context:card'],
    preview: '•••• •••• •••• 1111',
  });
  assert.ok(!JSON.stringify(f).includes('4111'), 'no raw value in a finding');
});

test('precision: order numbers, Luhn failures and ordinary prose are not flagged', () => {
  const guard = new Guard();
  for (const text of [
    'Order 4111 1111 1111 1112 has shipped',
    'I forgot my password again, and my card is at home',
    'Meeting at 10:30 on 2024-05-01, room 4111, bring the Q3 numbers',
    'build 550e8400-e29b-41d4-a716-446655440000',
    '',
  ]) {
    assert.deepEqual(guard.scan(text), [], text);
  }
});

test('contact details are found but stay quiet: a phone number is low or medium, never high', () => {
  const [f] = new Guard().scan('Call me on +1 415 555 2671 after lunch');
  assert.equal(f.kind, 'phone');
  assert.equal(f.category, 'contact');
  assert.ok(['low', 'medium'].includes(f.confidence), f.confidence);
  assert.deepEqual(new Guard({ minConfidence: 'high' }).scan('Call me on +1 415 555 2671'), []);
});

test('redact: labels in three languages, masks that keep the last four', () => {
  const guard = new Guard();
  const text = `Karte ${CARD}, IBAN ${IBAN}`;
  assert.equal(guard.redact(text).text, 'Karte [CREDIT CARD], IBAN [IBAN]');
  assert.equal(guard.redact(text, { locale: 'de' }).text, 'Karte [KREDITKARTE], IBAN [IBAN]');
  assert.equal(guard.redact(text, { locale: 'zh-CN' }).text, 'Karte [信用卡号], IBAN [银行账号]');
  const masked = guard.redact(text, { style: 'mask' });
  assert.equal(masked.text, 'Karte •••• •••• •••• 1111, IBAN DE•• •••• •••• •••• ••30 00');
  assert.equal(masked.findings.length, 2);
  assert.equal(text.slice(masked.findings[1].start, masked.findings[1].end), IBAN);
  assert.equal(guard.redact(text, { style: 'char', maskChar: '█' }).text, `Karte ${'█'.repeat(19)}, IBAN ${'█'.repeat(27)}`);
});

test('bad input gets an Error with a clear message, never a crash', () => {
  assert.throws(() => new Guard({ kind: ['iban'] }), { name: 'Error', message: /unknown option "kind"/ });
  assert.throws(() => new Guard({ kinds: ['passport'] }), /unknown kind "passport"/);
  assert.throws(() => new Guard({ categories: ['money'] }), /unknown category "money"/);
  assert.throws(() => new Guard({ minConfidence: 3 }), /minConfidence|invalid type/);
  assert.throws(() => new Guard({ maxInputBytes: Infinity }), /maxInputBytes/);
  assert.throws(() => new Guard([]), /expected an object/);
  assert.throws(() => new Guard().redact('x', { maskChar: '' }), /maskChar/);
  const small = new Guard({ maxInputBytes: 1024 });
  assert.throws(() => small.scan('x'.repeat(1025)), /too large.*1025 bytes/);
  // The guard still works after an error.
  assert.equal(small.scan(`card ${CARD}`).length, 1);
});

test('a draft that is not a string, and absurd option sizes, get a clear Error', () => {
  const g = new Guard();
  // Before: a number or an object reached the allocator ("RuntimeError: memory access out of bounds").
  for (const bad of [42, {}, [CARD], null, undefined, Symbol('x')]) {
    assert.throws(() => g.scan(bad), { name: 'Error', message: /scan\(text\): text must be a string, got / });
    assert.throws(() => g.redact(bad), { name: 'Error', message: /redact\(text\): text must be a string/ });
  }
  assert.throws(() => new Guard({ customRules: Array.from({ length: 101 }, (_, i) => ({ kind: `r${i}`, pattern: 'x' })) }),
    /customRules has 101 entries, at most 100/);
  assert.throws(() => new Guard({ allowlistPatterns: Array(1001).fill('a+') }), /allowlistPatterns has 1001 entries/);
  assert.throws(() => new Guard({ allowlistPatterns: ['a'.repeat(5000)] }), /allowlistPatterns\[0\]: must be at most 4096 bytes/);
  assert.throws(() => new Guard({ locales: Array(101).fill('en') }), /locales has 101 entries/);
  assert.throws(() => new Guard({ customRules: [{ kind: 'emp', pattern: 'x', context: Array(1001).fill('w') }] }), /customRules\[0\]\.context/);
  for (const key of ['kinds', 'excludeKinds', 'categories', 'locales', 'allowlist', 'allowlistPatterns', 'customRules']) {
    assert.throws(() => new Guard({ [key]: 'iban' }), new RegExp(`${key} must be an array, got string`));
  }
  for (const n of [-1, 0, 1.5, NaN, 2 ** 40]) {
    assert.throws(() => new Guard({ maxInputBytes: n }), /maxInputBytes must be a whole number from 1 to 268435456/);
  }
  // The guard still works after every error.
  assert.equal(g.scan(`card ${CARD}`).length, 1);
});

test('10 MB drafts scan to completion, adversarial ones included', () => {
  const guard = new Guard();
  for (const text of ['7'.repeat(10_000_000), '1 '.repeat(5_000_000), 'SSN card IBAN '.repeat(700_000)]) {
    assert.deepEqual(guard.scan(text), []);
  }
  const needle = `${'lorem ipsum 42 '.repeat(600_000)} card ${CARD} end`;
  const found = guard.scan(needle);
  assert.equal(found.length, 1);
  assert.equal(needle.slice(found[0].start, found[0].end), CARD);
});

test('every documented GuardOptions key is accepted, and locales gate country detectors', () => {
  const dts = readFileSync(`${pkg}draftguard.d.ts`, 'utf8');
  const body = dts.slice(dts.indexOf('export interface GuardOptions {'), dts.indexOf('}', dts.indexOf('export interface GuardOptions {')));
  const keys = [...body.matchAll(/^\s+(\w+)\?:/gm)].map((m) => m[1]);
  assert.ok(keys.length >= 8, `found ${keys}`);
  const values = { kinds: ['iban'], excludeKinds: [], categories: ['financial'], locales: ['de'], minConfidence: 'low',
    allowlist: [], allowlistPatterns: ['x'], customRules: [], maxInputBytes: 1000, maxFindings: 100, includeValue: false };
  for (const k of keys) {
    assert.ok(k in values, `test has no sample value for documented option ${k}`);
    assert.doesNotThrow(() => new Guard({ [k]: values[k] }), k);
  }
  const german = new Guard({ locales: ['de-DE'] });
  assert.deepEqual(german.scan(`SSN 536-22-8726, Karte ${CARD}`).map((f) => f.kind), ['credit_card']);
  assert.ok(!german.activeKinds().includes('us_ssn'));
  assert.ok(new Guard().activeKinds().includes('us_ssn'), 'in Node the default is every detector');
  assert.throws(() => new Guard({ locales: ['??'] }), /locales/);
});

test('kinds() and Guard.kinds() describe every detector: names in three languages, what is validated', () => {
  const list = kinds();
  assert.deepEqual(Guard.kinds(), list);
  assert.ok(list.length >= 40, `${list.length} kinds`);
  for (const k of list) {
    assert.match(k.kind, /^[a-z][a-z0-9_]+$/);
    assert.ok(['financial', 'government_id', 'credential', 'medical', 'confidential', 'contact'].includes(k.category), k.kind);
    assert.ok(k.checks.length > 10, `${k.kind} says what it validates`);
    assert.ok(Array.isArray(k.locales), k.kind);
    for (const lang of ['en', 'de', 'zh']) assert.ok(k.names[lang].length > 1, `${k.kind} ${lang}`);
  }
  assert.deepEqual(list.find((k) => k.kind === 'de_tax_id').locales, ['de']);
  for (const k of ['credit_card', 'iban', 'us_ssn', 'us_itin', 'us_aba_routing', 'bank_account']) {
    const info = list.find((x) => x.kind === k);
    assert.ok(info, k);
    for (const lang of ['en', 'de', 'zh']) assert.ok(info.names[lang].length > 1, `${k} ${lang}`);
  }
});

test('the TypeScript declarations read like docs', () => {
  const dts = readFileSync(`${pkg}draftguard.d.ts`, 'utf8');
  assert.match(dts, /export interface Finding \{/);
  assert.match(dts, /scan\(text: string\): Finding\[\];/);
  assert.match(dts, /constructor\(options\?: GuardOptions \| null\);/);
  assert.match(dts, /redact\(text: string, options\?: RedactOptions \| null\): RedactResult;/);
});

test('custom rules and allowlist patterns from JS, with errors that name the field', () => {
  const guard = new Guard({
    customRules: [
      { kind: 'employee_id', name: 'Employee ID', pattern: '\\bEMP-[0-9]{6}\\b', category: 'confidential' },
      { kind: 'gift_card', pattern: 'GC(?P<value>[0-9]{16})', validator: 'luhn', context: ['voucher'], contextRequired: true },
    ],
    allowlistPatterns: ['5555 ?5555 ?5555 ?4444'],
  });
  const text = 'EMP-123456 voucher GC4111111111111111, test card 5555 5555 5555 4444';
  const found = guard.scan(text);
  assert.deepEqual(found.map((f) => [f.kind, text.slice(f.start, f.end), f.confidence]), [
    ['employee_id', 'EMP-123456', 'medium'],
    ['gift_card', '4111111111111111', 'high'],
  ]);
  assert.equal(guard.redact(text).text, '[EMPLOYEE ID] voucher GC[GIFT CARD], test card 5555 5555 5555 4444');
  assert.throws(() => new Guard({ customRules: [{ kind: 'x1', pattern: '(' }] }), /customRules\[0\]\.pattern/);
  assert.throws(() => new Guard({ customRules: [{ kind: 'emp', pattern: 'x', validatr: 'luhn' }] }), /customRules\[0\]: unknown option "validatr"/);
  assert.throws(() => new Guard({ customRules: [{ kind: 'emp', pattern: 'x', confidence: 'sure' }] }), /customRules\[0\]\.confidence/);
  assert.throws(() => new Guard({ allowlistPatterns: ['['] }), /allowlistPatterns\[0\]/);
});

test('LiveScan: typing a draft character by character gives what Guard.scan gives, every time', () => {
  const guard = new Guard({ minConfidence: 'medium' });
  const live = new LiveScan({ minConfidence: 'medium' });
  const draft = `Hi 👋 here is my card ${CARD}, Überweisung an ${IBAN} 🎉 und SSN 536-22-8726.\n`;
  const before = 'Some earlier chat text. '.repeat(200);
  let text = before;
  assert.deepEqual(live.scan(text), guard.scan(text));
  for (const c of draft) {
    text += c;
    assert.deepEqual(live.scan(text), guard.scan(text), text.slice(before.length));
  }
  // Edits anywhere: in the middle, an emoji, a paste over a value, undo.
  const edits = [
    (t) => t.slice(0, 10) + '😀' + t.slice(10),
    (t) => t.replace(CARD, '4111 1111 1111 1112'),
    (t) => t.replace('1112', '1111'),
    (t) => t.slice(0, -30),
    (t) => `card ${CARD} ` + t,
    (t) => t.replace(IBAN, ''),
  ];
  for (const edit of edits) {
    text = edit(text);
    const found = live.scan(text);
    assert.deepEqual(found, guard.scan(text));
    for (const f of found) assert.equal(typeof text.slice(f.start, f.end), 'string');
  }
  assert.throws(() => live.scan(42), /scan\(text\): text must be a string, got number/);
  assert.deepEqual(live.scan(text), guard.scan(text), 'works after an error');
  live.reset();
  assert.deepEqual(live.scan(text), guard.scan(text));
  assert.throws(() => new LiveScan({ kinds: ['visa'] }), /unknown kind "visa"/);
});

test('maxFindings returns the first findings and redact still covers every one (issue 12, item 13)', () => {
  const text = `card ${CARD}\n`.repeat(40);
  const all = new Guard().scan(text);
  assert.equal(all.length, 40);
  const guard = new Guard({ maxFindings: 5 });
  assert.deepEqual(guard.scan(text), all.slice(0, 5));
  const redacted = guard.redact(text);
  assert.ok(!redacted.text.includes('4111'), redacted.text);
  assert.equal(redacted.findings.length, 5);
  const live = new LiveScan({ maxFindings: 5 });
  assert.deepEqual(live.scan(text), all.slice(0, 5));
  assert.deepEqual(live.scan(text.slice(100)), new Guard().scan(text.slice(100)).slice(0, 5));
  for (const bad of [0, -1, 1.5, 2 ** 24 + 1]) {
    assert.throws(() => new Guard({ maxFindings: bad }), /maxFindings/, String(bad));
  }
});

test('an allowlist pattern cannot break out of its anchors (issue 12, item 14)', () => {
  assert.throws(() => new Guard({ allowlistPatterns: ['1234', '4242)|(.*'] }), /allowlistPatterns\[1\]/);
  const guard = new Guard({ allowlistPatterns: ['4242|5555.*'] });
  assert.equal(guard.scan(`card ${CARD}`).length, 1);
  assert.equal(guard.scan('card 5555 5555 5555 4444').length, 0);
});

test('an option of the wrong type gets an Error naming the field (issue 13, item 5)', () => {
  // Before: "invalid GuardOptions: invalid type: string \"10\", expected f64", naming no field.
  for (const [options, message] of [
    [{ maxFindings: '10' }, 'maxFindings must be a number, got string'],
    [{ maxInputBytes: true }, 'maxInputBytes must be a number, got boolean'],
    [{ includeValue: 'yes' }, 'includeValue must be true or false, got string'],
    [{ minConfidence: 3 }, 'minConfidence must be a string, got number'],
    [{ kinds: ['iban', 7] }, 'kinds[1] must be a string, got number'],
    [{ customRules: ['x'] }, 'customRules[0] must be an object, got string'],
    [{ customRules: [{ kind: 'emp' }] }, 'customRules[0].pattern must be a string, got undefined'],
    [{ customRules: [{ kind: 'emp', pattern: 'x', context: 'word' }] }, 'customRules[0].context must be an array, got string'],
    [{ customRules: [{ kind: 'emp', pattern: 'x', contextRequired: 1 }] }, 'customRules[0].contextRequired must be true or false, got number'],
  ]) {
    assert.throws(() => new Guard(options), { name: 'Error', message: `invalid GuardOptions: ${message}` }, JSON.stringify(options));
    assert.throws(() => new LiveScan(options), { message: `invalid GuardOptions: ${message}` });
  }
  assert.throws(() => new Guard().redact('x', { style: 1 }), { message: 'invalid RedactOptions: style must be a string, got number' });
  // null and undefined are the default, as before.
  assert.equal(new Guard({ maxFindings: null, kinds: undefined }).scan(`card ${CARD}`).length, 1);
});
