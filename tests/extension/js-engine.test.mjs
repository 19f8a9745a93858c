// The extension's JavaScript engine (dist/js-engine/draftguard_js.js: the crate through
// wasm2js, built by scripts/wasm2js.sh) against the WebAssembly build (pkg/), in Node: the two
// must find exactly the same things, since the extension swaps one for the other on pages
// whose CSP refuses WebAssembly. Also: the JS engine needs neither WebAssembly nor eval.
//
//   node --test tests/extension/    (after scripts/build.sh and scripts/extension.sh)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../package/helpers.mjs';

const PKG = path.join(ROOT, 'pkg');
const JS_ENGINE = path.join(ROOT, 'dist/js-engine/draftguard_js.js');
assert.ok(existsSync(path.join(PKG, 'draftguard_bg.wasm')), 'pkg/ is missing: run bash scripts/build.sh');
assert.ok(existsSync(JS_ENGINE), 'dist/js-engine/ is missing: run bash scripts/extension.sh (or scripts/wasm2js.sh)');

const wasm = await import(path.join(PKG, 'draftguard.js'));
wasm.initSync({ module: readFileSync(path.join(PKG, 'draftguard_bg.wasm')) });
const js = await import(JS_ENGINE);

const texts = (dir) =>
  readdirSync(path.join(ROOT, dir))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => [`${dir}/${f}`, readFileSync(path.join(ROOT, dir, f), 'utf8')]);
const DRAFTS = texts('tests/drafts');
const FIXTURES = texts('tests/fixtures');

/** What each engine returns for `call(engine)`: its value, or the error's message. */
function both(call) {
  const run = (engine) => {
    try {
      return { value: call(engine) };
    } catch (e) {
      return { error: String(e?.message ?? e) };
    }
  };
  return [run(wasm), run(js)];
}

const OPTIONS = [{}, { includeValue: true, minConfidence: 'low' }, { minConfidence: 'high', locales: ['de'] }];

test('tests/drafts: the same findings (kind, span, confidence, reasons, preview, value) under each option set', () => {
  assert.ok(DRAFTS.length >= 5);
  let findings = 0;
  for (const options of OPTIONS) {
    const [w, j] = both((e) => {
      const guard = new e.Guard(options);
      return DRAFTS.map(([, text]) => guard.scan(text));
    });
    assert.ok(w.value, w.error);
    for (const [i, [name]] of DRAFTS.entries()) assert.deepEqual(j.value[i], w.value[i], `${name} ${JSON.stringify(options)}`);
    findings += w.value.flat().length;
  }
  assert.ok(findings > 200, `${findings} findings compared`);
});

test('tests/drafts and every detector fixture: the same redaction in each style', () => {
  for (const style of ['label', 'mask', 'char']) {
    const [w, j] = both((e) => {
      const guard = new e.Guard();
      return [...DRAFTS, ...FIXTURES].map(([, text]) => guard.redact(text, { style, locale: 'de' }));
    });
    assert.ok(w.value, w.error);
    assert.deepEqual(j.value, w.value, style);
  }
});

test('the same detector list, and the same errors for bad options and input', () => {
  const [wk, jk] = both((e) => e.kinds());
  assert.deepEqual(jk, wk);
  for (const call of [
    (e) => new e.Guard({ kinds: 'iban' }),
    (e) => new e.Guard({ nope: 1 }),
    (e) => new e.Guard({ customRules: [{ kind: 'x', pattern: '(' }] }),
    (e) => new e.Guard().scan(42),
    (e) => new e.Guard({ maxInputBytes: 10 }).scan('a'.repeat(11)),
  ]) {
    const [w, j] = both(call);
    assert.ok(w.error, 'the call is refused');
    assert.deepEqual(j, w);
  }
});

test('a 2 MB draft (memory grows past its first size) and small drafts after it: still the same', () => {
  // wasm2js emulates memory growth with a new ArrayBuffer; the glue is patched to notice
  // (scripts/wasm2js.sh). Without that, every scan after growth reads stale memory.
  const big = DRAFTS.map(([, t]) => t).join('\n').repeat(100);
  assert.ok(big.length > 2e6);
  const [w, j] = both((e) => {
    const guard = new e.Guard();
    const found = guard.scan(big);
    return { count: found.length, last: found.at(-1), after: DRAFTS.map(([, text]) => guard.scan(text)) };
  });
  assert.ok(w.value.count > 10000, `${w.value.count} findings`);
  assert.deepEqual(j.value, w.value);
});

test('the JS engine runs without WebAssembly and without code generation from strings', () => {
  // What a page with `script-src 'self'` allows a content script; in a fresh process, with
  // WebAssembly removed and eval / new Function switched off.
  const script = `
    delete globalThis.WebAssembly;
    const { Guard } = await import(${JSON.stringify(JS_ENGINE)});
    const [f] = new Guard().scan('my card 4111 1111 1111 1111');
    console.log(f.kind, f.preview);
  `;
  const out = execFileSync(process.execPath, ['--disallow-code-generation-from-strings', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  assert.equal(out.trim(), 'credit_card •••• •••• •••• 1111');
});
