// The packed tarball in browser apps, each run in headless Chromium:
//   - a Vite production build,
//   - a webpack production build,
//   - a page with no bundler at all (<script type="module"> and an import map).
// Each app imports 'draftguard', awaits init(), scans and redacts a draft (helpers.mjs APP).
// The tests check what the user sees (findings, previews, redacted text), that the .wasm came
// from the app's own files, and that nothing was requested from anywhere but the local server.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { build as viteBuild, createServer as viteServer } from 'vite';
import webpack from 'webpack';
import { APP, CHROMIUM, CHROMIUM_ARGS, DIST, assertApp, cleanScratch, runPage, scratchProject, serveDir } from './helpers.mjs';

let browser;
before(async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} not found: apt-get install -y chromium`);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  cleanScratch();
});

const WASM_BYTES = () => readFileSync(path.join(DIST, 'draftguard_bg.wasm'));

/** Serves `dir`, runs the page, checks the app result and where requests went. */
async function check(dir, pagePath = '') {
  const server = await serveDir(dir);
  try {
    const { result, requests, errors } = await runPage(browser, server.url + pagePath);
    assertApp(assert, result);
    assert.deepEqual(errors, []);
    const foreign = requests.filter((u) => !u.startsWith(server.url));
    assert.deepEqual(foreign, [], 'no request leaves the local server');
    const wasm = requests.filter((u) => u.endsWith('.wasm'));
    assert.equal(wasm.length, 1, `one .wasm fetched: ${requests.join(', ')}`);
    return { requests, wasm: wasm[0] };
  } finally {
    await server.close();
  }
}

test('Vite: a production build of an app that imports draftguard runs in Chromium', async () => {
  const dir = scratchProject('vite', {
    'index.html': '<!doctype html><link rel="icon" href="data:,"><title>vite app</title><script type="module" src="/main.js"></script>',
    'main.js': APP,
  });
  await viteBuild({ root: dir, logLevel: 'silent', configFile: false, build: { outDir: 'dist' } });
  const assets = readdirSync(path.join(dir, 'dist/assets'));
  const emitted = assets.filter((f) => f.endsWith('.wasm'));
  assert.equal(emitted.length, 1, `Vite emitted the .wasm as an asset: ${assets}`);
  assert.ok(readFileSync(path.join(dir, 'dist/assets', emitted[0])).equals(WASM_BYTES()), 'the package .wasm, unchanged');
  const { wasm } = await check(path.join(dir, 'dist'));
  assert.match(wasm, /\/assets\/draftguard_bg-[\w-]+\.wasm$/);
});

test('Vite dev server: the app runs with optimizeDeps.exclude, as the README says', async () => {
  const dir = scratchProject('vite-dev', {
    'index.html': '<!doctype html><link rel="icon" href="data:,"><title>vite app</title><script type="module" src="/main.js"></script>',
    'main.js': APP,
  });
  // Pre-bundling would move the glue away from its .wasm (the README says why).
  const server = await viteServer({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0 },
    optimizeDeps: { exclude: ['draftguard'] },
  });
  await server.listen();
  try {
    const url = server.resolvedUrls.local[0];
    const { result, requests, errors } = await runPage(browser, url);
    assertApp(assert, result);
    assert.deepEqual(errors, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith(url)), []);
    assert.deepEqual(requests.filter((u) => u.endsWith('.wasm')), [`${url}node_modules/draftguard/draftguard_bg.wasm`]);
  } finally {
    await server.close();
  }
});

test('webpack: a production build of an app that imports draftguard runs in Chromium', async () => {
  const dir = scratchProject('webpack', {
    'src/index.js': APP,
    'dist/index.html': '<!doctype html><link rel="icon" href="data:,"><title>webpack app</title><script src="main.js"></script>',
  });
  const stats = await new Promise((resolve, reject) =>
    webpack(
      {
        context: dir,
        mode: 'production',
        target: 'web',
        entry: './src/index.js',
        output: { path: path.join(dir, 'dist'), publicPath: 'auto' },
        performance: { hints: false },
      },
      (err, s) => (err ? reject(err) : resolve(s)),
    ),
  );
  assert.ok(!stats.hasErrors(), stats.toString({ all: false, errors: true }));
  assert.ok(!stats.hasWarnings(), stats.toString({ all: false, warnings: true }));
  const emitted = readdirSync(path.join(dir, 'dist')).filter((f) => f.endsWith('.wasm'));
  assert.equal(emitted.length, 1, 'webpack emitted the .wasm as an asset');
  assert.ok(readFileSync(path.join(dir, 'dist', emitted[0])).equals(WASM_BYTES()), 'the package .wasm, unchanged');
  await check(path.join(dir, 'dist'));
});

test('no bundler: a plain HTML page loads the package with an import map and await init()', async () => {
  const dir = scratchProject('plain', {
    'index.html': `<!doctype html><link rel="icon" href="data:,"><title>plain page</title>
<script type="importmap">{ "imports": { "draftguard": "./node_modules/draftguard/draftguard.js" } }</script>
<script type="module" src="./app.js"></script>`,
    'app.js': APP,
  });
  const { wasm } = await check(dir);
  assert.match(wasm, /\/node_modules\/draftguard\/draftguard_bg\.wasm$/);
});

test('the .wasm sub-path: a Vite app can load draftguard/draftguard_bg.wasm itself (?url) and pass it to init()', async () => {
  const dir = scratchProject('vite-wasm-url', {
    'index.html': '<!doctype html><link rel="icon" href="data:,"><title>vite app</title><script type="module" src="/main.js"></script>',
    'main.js': APP.replace(
      'await init();',
      "await init({ module_or_path: (await import('draftguard/draftguard_bg.wasm?url')).default });",
    ),
  });
  await viteBuild({ root: dir, logLevel: 'silent', configFile: false, build: { outDir: 'dist' } });
  await check(path.join(dir, 'dist'));
});
