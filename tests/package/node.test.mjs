// The packed tarball in Node 20 projects: an ES module script and a CommonJS script that use
// draftguard right after import/require (synchronous init, no await), the .wasm sub-path,
// and TypeScript type-checking against the package's declarations (ESM and CJS).

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CARD, CARD_PREVIEW, IBAN, cleanScratch, scratchProject } from './helpers.mjs';

after(cleanScratch);

const run = (dir, file) => JSON.parse(execFileSync(process.execPath, [file], { cwd: dir, encoding: 'utf8' }));
const DRAFT = `my card: ${CARD}, IBAN ${IBAN}`;

test('Node ESM: import { Guard } from "draftguard" scans at once, without init()', () => {
  const dir = scratchProject('node-esm', {
    'main.js': `
import { Guard, kinds } from 'draftguard';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const text = ${JSON.stringify(DRAFT)};
const found = new Guard().scan(text);
const wasm = readFileSync(fileURLToPath(import.meta.resolve('draftguard/draftguard_bg.wasm')));
console.log(JSON.stringify({
  found: found.map((f) => [f.kind, f.preview, text.slice(f.start, f.end)]),
  kinds: kinds().length,
  wasmValid: WebAssembly.validate(wasm),
  resolved: fileURLToPath(import.meta.resolve('draftguard')),
}));
`,
  });
  const r = run(dir, 'main.js');
  assert.deepEqual(r.found, [
    ['credit_card', CARD_PREVIEW, CARD],
    ['iban', 'DE•• •••• •••• •••• ••30 00', IBAN],
  ]);
  assert.ok(r.kinds >= 40);
  assert.equal(r.wasmValid, true, 'draftguard/draftguard_bg.wasm resolves to the module');
  assert.equal(path.basename(r.resolved), 'node.mjs', 'Node takes the node/import entry');
});

test('Node CJS: require("draftguard") scans at once, without init()', () => {
  const dir = scratchProject(
    'node-cjs',
    {
      'main.js': `
const { Guard, kinds } = require('draftguard');
const fs = require('node:fs');
const text = ${JSON.stringify(DRAFT)};
const guard = new Guard({ minConfidence: 'high' });
console.log(JSON.stringify({
  found: guard.scan(text).map((f) => [f.kind, f.preview, text.slice(f.start, f.end)]),
  redacted: guard.redact(text, { style: 'mask' }).text,
  kinds: kinds().length,
  wasmValid: WebAssembly.validate(fs.readFileSync(require.resolve('draftguard/draftguard_bg.wasm'))),
  resolved: require.resolve('draftguard'),
}));
`,
    },
    { type: 'commonjs' },
  );
  const r = run(dir, 'main.js');
  assert.deepEqual(r.found, [
    ['credit_card', CARD_PREVIEW, CARD],
    ['iban', 'DE•• •••• •••• •••• ••30 00', IBAN],
  ]);
  assert.equal(r.redacted, `my card: ${CARD_PREVIEW}, IBAN DE•• •••• •••• •••• ••30 00`);
  assert.ok(r.kinds >= 40);
  assert.equal(r.wasmValid, true);
  assert.equal(path.basename(r.resolved), 'draftguard.cjs', 'Node takes the node/require entry');
});

test('import and require in one Node process both work (each has its own instance)', () => {
  const dir = scratchProject('node-both', {
    'main.mjs': `
import { createRequire } from 'node:module';
import { Guard as G1 } from 'draftguard';
const { Guard: G2 } = createRequire(import.meta.url)('draftguard');
const t = ${JSON.stringify(DRAFT)};
console.log(JSON.stringify([new G1().scan(t).length, new G2().scan(t).length]));
`,
  });
  assert.deepEqual(run(dir, 'main.mjs'), [2, 2]);
});

const TSC = fileURLToPath(new URL('./node_modules/typescript/bin/tsc', import.meta.url));

test('TypeScript: the declarations type-check a consumer (ESM and CJS, nodenext) and reject misuse', () => {
  const consumer = (imp) => `${imp}
const options: GuardOptions = { minConfidence: 'high', kinds: ['credit_card'], locales: ['de'] };
const guard = new Guard(options);
const findings: Finding[] = guard.scan('text');
const first: Finding | undefined = findings[0];
const start: number | undefined = first?.start;
const preview: string | undefined = first?.preview;
const redacted: string = guard.redact('text', { style: 'mask', locale: 'de' }).text;
const all: KindInfo[] = kinds();
const names: string = all[0].names.zh;
const live = new LiveScan(options);
const typed: Finding[] = live.scan('text');
live.reset();
export { start, preview, redacted, names, typed };
`;
  const dir = scratchProject('typescript', {
    'esm.mts': consumer("import init, { Guard, LiveScan, kinds, type Finding, type GuardOptions, type KindInfo } from 'draftguard';\nawait init();"),
    'cjs.cts': consumer("import { Guard, LiveScan, kinds, type Finding, type GuardOptions, type KindInfo } from 'draftguard';"),
    'bad.mts': "import { Guard, LiveScan } from 'draftguard';\nnew Guard({ minConfidence: 'very' });\nnew Guard().scan(42);\nnew LiveScan().scan(42);\n",
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        lib: ['es2022', 'dom', 'esnext.disposable'],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      files: ['esm.mts', 'cjs.cts'],
    }),
    'tsconfig.bad.json': JSON.stringify({ extends: './tsconfig.json', files: ['bad.mts'] }),
  });
  execFileSync(process.execPath, [TSC, '-p', '.'], { cwd: dir, encoding: 'utf8' });
  // Misuse is caught: a bad option value and a non-string draft.
  let out = '';
  try {
    execFileSync(process.execPath, [TSC, '-p', 'tsconfig.bad.json'], { cwd: dir, encoding: 'utf8' });
  } catch (e) {
    out = e.stdout;
  }
  assert.match(out, /bad\.mts\(2,/, out);
  assert.match(out, /bad\.mts\(3,/, out);
  assert.match(out, /bad\.mts\(4,/, out);
});
