// The objects scans return (issue 13, item 2): built in JavaScript from a flat buffer the module
// writes, they must be exactly what they were when wasm built them key by key — the public
// `Finding` shape, its keys in the same order, the same values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = `${root}pkg/`;
if (!existsSync(`${pkg}draftguard.js`)) {
  throw new Error(`pkg/ is missing: build it first (bash scripts/build.sh)`);
}
const { initSync, Guard, LiveScan } = await import(`${pkg}draftguard.js`);
initSync({ module: readFileSync(`${pkg}draftguard_bg.wasm`) });

const KEYS = ['kind', 'category', 'start', 'end', 'confidence', 'reasons', 'preview'];
const customRules = [{ kind: 'employee_id', pattern: '\\bEMP-[0-9]{6}\\b', context: ['mitarbeiter'] }];

// tests/js/shape.jsonl: texts (the first two positive lines of every fixture, CJK and emoji
// before values, a custom rule) with what `new Guard({ includeValue: true, customRules })` gave
// for them, as JSON.stringify wrote it, made once with the build before the flat buffer (the
// module at 8af04e8, serde-wasm-bindgen building each object).
const shape = readFileSync(`${root}tests/js/shape.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const withoutValue = (findings) => findings.map(({ value, ...f }) => f);

test('Guard.scan, redact and LiveScan give the objects the build before the flat buffer gave, key for key', () => {
  const withValue = new Guard({ includeValue: true, customRules });
  const plain = new Guard({ customRules });
  const live = new LiveScan({ includeValue: true, customRules });
  assert.ok(shape.length > 80 && shape.filter((s) => s.findings.length).length > 70, 'the expected data holds findings');
  for (const { text, findings } of shape) {
    const want = JSON.stringify(findings);
    assert.equal(JSON.stringify(withValue.scan(text)), want, text);
    assert.equal(JSON.stringify(withValue.redact(text).findings), want, text);
    live.reset();
    assert.equal(JSON.stringify(live.scan(text)), want, text);
    assert.equal(JSON.stringify(plain.scan(text)), JSON.stringify(withoutValue(findings)), text);
  }
});

test('every fixture and draft: plain objects with the documented keys in order, nothing shared between them', () => {
  const files = [];
  for (const dir of ['tests/fixtures', 'tests/drafts']) {
    for (const f of readdirSync(`${root}${dir}`).sort()) files.push(`${root}${dir}/${f}`);
  }
  const guard = new Guard();
  const withValue = new Guard({ includeValue: true });
  let count = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const found = guard.scan(text);
    const valued = withValue.scan(text);
    assert.deepEqual(withoutValue(valued), found, file);
    assert.deepEqual(guard.redact(text).findings, found, file);
    assert.deepEqual(new LiveScan().scan(text), found, file);
    const reasons = new Set();
    for (const [i, f] of found.entries()) {
      assert.equal(Object.getPrototypeOf(f), Object.prototype, file);
      assert.deepEqual(Object.keys(f), KEYS, file);
      assert.deepEqual(Object.keys(valued[i]), [...KEYS, 'value'], file);
      assert.ok(Number.isInteger(f.start) && Number.isInteger(f.end) && f.start < f.end, file);
      assert.equal(valued[i].value, text.slice(f.start, f.end), `${file}: value is text.slice(start, end)`);
      for (const k of ['kind', 'category', 'confidence', 'preview']) assert.equal(typeof f[k], 'string', file);
      assert.ok(Array.isArray(f.reasons) && f.reasons.length > 0 && f.reasons.every((r) => typeof r === 'string'), file);
      assert.ok(!reasons.has(f.reasons), `${file}: each finding has its own reasons array`);
      reasons.add(f.reasons);
      count++;
    }
  }
  assert.ok(count > 600, `${count} findings`);
});

test('a caller changing a result changes nothing the next scan returns', () => {
  const card = 'card 4111 1111 1111 1111 and IBAN DE89 3704 0044 0532 0130 00';
  const guard = new Guard();
  const first = guard.scan(card);
  first[0].reasons.push('mine');
  first[0].kind = 'mine';
  first.pop();
  assert.deepEqual(guard.scan(card), new Guard().scan(card));
  // Kinds whose patterns run near their keywords and digits only: an edit far away touches neither finding.
  const options = { kinds: ['credit_card', 'iban'] };
  const live = new LiveScan(options);
  const draft = `${card}\n${'Some earlier chat text. '.repeat(100)}`;
  const a = live.scan(draft);
  assert.equal(a.length, 2);
  const [card0, iban0] = a;
  a.pop();
  a.push({ kind: 'mine' });
  const b = live.scan(`${draft}!`);
  assert.deepEqual(b, new Guard(options).scan(`${draft}!`));
  assert.equal(b[0], card0, 'an untouched finding is the same object as in the last result');
  assert.equal(b[1], iban0);
  // An edit before them: copies at the new offsets; the objects handed out before stay as they were.
  const c = live.scan(`😀${draft}!`);
  assert.deepEqual(c, new Guard(options).scan(`😀${draft}!`));
  assert.equal(c[0].start, card0.start + 2);
  assert.notEqual(c[0], card0);
  assert.deepEqual([card0.start, iban0.start], [5, 34]);
});
