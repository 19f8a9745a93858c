// What `npm pack` puts in the draftguard tarball, and what `npm publish` would see.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DIST, ROOT, cleanScratch, pack } from './helpers.mjs';

after(cleanScratch);

// Every file the tarball may hold. Anything else (sources, tests, target/, maps, the
// bundler-target wasm typings, wasm-pack's .gitignore) fails the test.
const EXPECTED = [
  'CHANGELOG.md',
  'README.md',
  'bin/draftguard.mjs',
  'cli/documents.mjs',
  'cli/ignore.mjs',
  'cli/main.mjs',
  'cli/progress.mjs',
  'cli/replacements.mjs',
  'cli/sarif.mjs',
  'cli/walk.mjs',
  'cli/windows.mjs',
  'draftguard.cjs',
  'draftguard.d.cts',
  'draftguard.d.ts',
  'draftguard.js',
  'draftguard_bg.wasm',
  'files/draftguard_files.d.ts',
  'files/draftguard_files.js',
  'files/draftguard_files_bg.wasm',
  'files/replacements.mjs',
  'files/windows.mjs',
  'files/worker.js',
  'node.mjs',
  'package.json',
];

test('the tarball holds exactly the package files, nothing else; its size is reported', (t) => {
  const { info } = pack();
  const files = info.files.map((f) => f.path).sort();
  for (const f of files) {
    assert.ok(!/(^|\/)(src|tests?|target|www|bench|node_modules|examples)\//.test(f), `${f} does not belong in the package`);
    assert.ok(!/\.(rs|toml|lock|map|tgz|log)$|^\.|\/\./.test(f), `${f} does not belong in the package`);
  }
  assert.deepEqual(files, EXPECTED);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const wasm = info.files.find((f) => f.path === 'draftguard_bg.wasm').size;
  t.diagnostic(`draftguard@${info.version}: ${kb(info.size)} packed, ${kb(info.unpackedSize)} unpacked, ${info.entryCount} files (wasm ${kb(wasm)})`);
  console.log(`# package size: ${info.size} bytes packed, ${info.unpackedSize} bytes unpacked, ${info.entryCount} files`);
});

test('version: the package version is the crate version, with a CHANGELOG entry', () => {
  const pkg = JSON.parse(readFileSync(path.join(DIST, 'package.json'), 'utf8'));
  const crate = readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "(.+)"$/m)[1];
  assert.equal(pkg.version, crate);
  assert.equal(pack().info.version, crate);
  assert.match(readFileSync(path.join(DIST, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## \\[${crate.replaceAll('.', '\\.')}\\]`, 'm'));
});

test('package.json: exports map for types, Node import/require, bundlers and browsers; no side effects; the CLI bin', () => {
  const pkg = JSON.parse(readFileSync(path.join(DIST, 'package.json'), 'utf8'));
  assert.equal(pkg.name, 'draftguard');
  assert.equal(pkg.sideEffects, false);
  assert.equal(pkg.type, 'module');
  assert.deepEqual(pkg.bin, { draftguard: 'bin/draftguard.mjs' });
  const root = pkg.exports['.'];
  assert.deepEqual(Object.keys(root), ['node', 'types', 'browser', 'import', 'default'], 'node before the generic conditions');
  assert.equal(root.node.import.default, './node.mjs');
  assert.equal(root.node.require.default, './draftguard.cjs');
  assert.equal(root.browser, './draftguard.js');
  assert.equal(pkg.exports['./draftguard_bg.wasm'], './draftguard_bg.wasm');
  // Every path the manifest names is in the tarball.
  const files = new Set(pack().info.files.map((f) => f.path));
  const named = JSON.stringify([pkg.exports, pkg.main, pkg.module, pkg.types, pkg.bin]).match(/"\.?\/?[\w./-]+\.(?:m?js|cjs|d\.c?ts|wasm|json)"/g);
  for (const p of named) assert.ok(files.has(JSON.parse(p).replace(/^\.\//, '')), `${p} is in the tarball`);
});

/** Names declared with `export` in a .d.ts, split into values and types. */
function declared(dts) {
  const values = new Set();
  const types = new Set();
  for (const [, kind, name] of dts.matchAll(/^export (?:declare )?(class|function|const|let|type|interface|enum) (\w+)/gm)) {
    (kind === 'type' || kind === 'interface' ? types : values).add(name);
    if (kind === 'class' || kind === 'enum') types.add(name);
  }
  if (/^export default /m.test(dts)) values.add('default');
  return { values, types };
}

test('declarations: every runtime export of every entry is declared in its .d.ts, every declared value exists', async () => {
  const esm = declared(readFileSync(path.join(DIST, 'draftguard.d.ts'), 'utf8'));
  const cjs = declared(readFileSync(path.join(DIST, 'draftguard.d.cts'), 'utf8'));
  const browser = await import(path.join(DIST, 'draftguard.js'));
  const node = await import(path.join(DIST, 'node.mjs'));
  const required = createRequire(import.meta.url)(path.join(DIST, 'draftguard.cjs'));
  // Every runtime export is declared (a class the API only returns, such as AttachHandle, may
  // be declared as an interface), and every declared function or class exists at runtime.
  const check = (mod, dts, what) => {
    const runtime = Object.keys(mod);
    assert.deepEqual(runtime.filter((n) => !dts.values.has(n) && !dts.types.has(n)), [], `${what}: exported but not declared`);
    assert.deepEqual([...dts.values].filter((n) => !runtime.includes(n)), [], `${what}: declared but not exported`);
  };
  check(browser, esm, 'draftguard.js vs draftguard.d.ts');
  check(node, esm, 'node.mjs vs draftguard.d.ts');
  check(required, cjs, 'draftguard.cjs vs draftguard.d.cts');
  // The public types the README promises are declared for both module systems.
  for (const t of ['Finding', 'GuardOptions', 'RedactOptions', 'RedactResult', 'KindInfo', 'CustomRule', 'Guard', 'LiveScan', 'AttachOptions', 'AttachHandle']) {
    assert.ok(esm.types.has(t) && cjs.types.has(t), `type ${t}`);
  }
  for (const v of ['Guard', 'LiveScan', 'kinds', 'attach']) assert.ok(cjs.values.has(v) && esm.values.has(v), v);
});

test('npm publish --dry-run accepts the package', () => {
  const out = execFileSync('npm', ['publish', '--dry-run', '--json', '--loglevel=error', '--ignore-scripts'], {
    cwd: DIST,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const parsed = JSON.parse(out.slice(out.indexOf('{')));
  const info = parsed.draftguard ?? parsed; // npm 11 keys the report by package name
  assert.equal(info.name, 'draftguard');
  assert.deepEqual(info.files.map((f) => f.path).sort(), EXPECTED);
});
