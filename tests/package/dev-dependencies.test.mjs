// What the test command's `npm ci` installs (issue 12, item 15): the project's own tools only.
// The libraries the benchmark compares draftguard with (redact-pii pulls @google-cloud/dlp,
// grpc and packages with install scripts) are their own package, bench/peers, which only the
// full benchmark installs (`node bench/run.mjs`, via `npm ci --prefix bench/peers`).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.mjs';

const json = (rel) => JSON.parse(readFileSync(path.join(ROOT, rel), 'utf8'));

/** The packages a lock file installs: { 'node_modules/x': entry }. */
const installs = (rel) => Object.fromEntries(Object.entries(json(rel).packages).filter(([k]) => k.startsWith('node_modules/')));
const name = (key) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);

const PEERS = ['redact-pii', '@redactpii/node', '@secretlint/core', '@secretlint/secretlint-rule-preset-recommend'];
// Packages that must never come with `npm ci` of the test command: the peers and what redact-pii pulls in.
const NOT_IN_TESTS = /^(redact-pii|@redactpii\/|@secretlint\/|secretlint|@google-cloud\/|@grpc\/|grpc|google-gax|protobufjs)/;
// Install scripts run arbitrary code at `npm ci`; the only one the project needs: esbuild fetches its platform binary package.
const INSTALL_SCRIPTS_ALLOWED = new Set(['esbuild']);

for (const lock of ['package-lock.json', 'tests/package/package-lock.json']) {
  test(`${lock} (installed by the test command) has no bench peer, nothing they pull in, and no install script but esbuild's`, () => {
    const packages = installs(lock);
    assert.ok(Object.keys(packages).length > 0);
    const peers = Object.keys(packages).map(name).filter((n) => NOT_IN_TESTS.test(n));
    assert.deepEqual(peers, [], `${lock} installs bench peers or their dependencies`);
    const scripts = Object.entries(packages).filter(([, p]) => p.hasInstallScript).map(([k]) => name(k));
    assert.deepEqual(scripts.filter((n) => !INSTALL_SCRIPTS_ALLOWED.has(n)), [], 'packages with install scripts');
  });
}

test('package.json: no bench peer among the dev dependencies', () => {
  const { dependencies = {}, devDependencies = {} } = json('package.json');
  for (const peer of PEERS) assert.ok(!(peer in dependencies) && !(peer in devDependencies), peer);
});

test('bench/peers pins every peer to one exact version, with a lock file that agrees (@redactpii/node 1.0.17 as measured)', () => {
  const pkg = json('bench/peers/package.json');
  assert.equal(pkg.private, true);
  assert.deepEqual(Object.keys(pkg.dependencies).sort(), [...PEERS].sort());
  for (const [peer, version] of Object.entries(pkg.dependencies)) {
    assert.match(version, /^\d+\.\d+\.\d+$/, `${peer} is pinned exactly`);
    assert.equal(installs('bench/peers/package-lock.json')[`node_modules/${peer}`]?.version, version, `${peer} in the lock file`);
  }
  assert.equal(pkg.dependencies['@redactpii/node'], '1.0.17');
  assert.equal(pkg.dependencies['redact-pii'], '3.4.0');
});
