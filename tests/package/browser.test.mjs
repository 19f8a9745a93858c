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
  // The core's .wasm, and beside it the files module (its own chunk and .wasm, fetched only
  // when a file is attached).
  const emitted = assets.filter((f) => f.endsWith('.wasm') && !f.startsWith('draftguard_files'));
  assert.equal(emitted.length, 1, `Vite emitted the .wasm as an asset: ${assets}`);
  assert.ok(assets.some((f) => /^draftguard_files_bg-[\w-]+\.wasm$/.test(f)), `the files module's .wasm: ${assets}`);
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
  // The core's .wasm, and the files module's (its own chunk, fetched only when a file is attached).
  const emitted = readdirSync(path.join(dir, 'dist')).filter((f) => f.endsWith('.wasm'));
  assert.equal(emitted.length, 2, `webpack emitted the core's and the files module's .wasm as assets: ${emitted}`);
  assert.equal(emitted.filter((f) => readFileSync(path.join(dir, 'dist', f)).equals(WASM_BYTES())).length, 1, 'the package .wasm, unchanged');
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

// An app whose composer takes pasted files: draftguard checks a pasted file with the files
// module, which the package ships beside the core and the core imports on the first
// attachment; the bundler must carry it (and its .wasm) along. A clean file reaches the page's
// own paste handler after the check; the app publishes what it got.
const FILES_APP = `
import init, { attach } from 'draftguard';

async function main() {
  await init();
  const form = document.createElement('form');
  const input = document.createElement('textarea');
  form.append(input);
  document.body.append(form);
  attach(input);
  const got = new Promise((resolve) => {
    input.addEventListener('paste', async (e) => {
      const files = [...e.clipboardData.files];
      resolve(await Promise.all(files.map(async (f) => [f.name, await f.text()])));
    });
  });
  const dt = new DataTransfer();
  dt.items.add(new File(['milk, eggs, bread\\n'], 'list.txt', { type: 'text/plain' }));
  input.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: dt }));
  const requested = performance.getEntriesByType('resource').map((r) => r.name);
  return { got: await got, loadedBefore: requested.filter((u) => u.includes('draftguard_files')).length };
}

main().then(
  (r) => { document.body.dataset.result = JSON.stringify(r); },
  (e) => { document.body.dataset.result = JSON.stringify({ error: String(e && e.stack || e) }); },
);
`;

/** Serves `dir`, runs FILES_APP's page: the pasted file was checked (the files module loaded from the app's own server) and handed on. */
async function checkFiles(dir) {
  const server = await serveDir(dir);
  try {
    const { result, requests, errors } = await runPage(browser, server.url);
    assert.equal(result.error, undefined, result.error);
    assert.deepEqual(result.got, [['list.txt', 'milk, eggs, bread\n']]);
    assert.equal(result.loadedBefore, 0, 'the files module is not loaded before a file is attached');
    assert.deepEqual(errors, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith(server.url)), [], 'no request leaves the local server');
    const wasm = requests.filter((u) => u.endsWith('.wasm'));
    // The core's and the files module's (webpack names them by hash, so only two are counted).
    assert.equal(wasm.length, 2, `the core's and the files module's .wasm: ${wasm.join(', ')}`);
  } finally {
    await server.close();
  }
}

test('attachments: Vite and webpack builds and a plain page load the files module from the package', async () => {
  const vite = scratchProject('vite-files', {
    'index.html': '<!doctype html><link rel="icon" href="data:,"><title>vite app</title><script type="module" src="/main.js"></script>',
    'main.js': FILES_APP,
  });
  await viteBuild({ root: vite, logLevel: 'silent', configFile: false, build: { outDir: 'dist' } });
  await checkFiles(path.join(vite, 'dist'));

  const wp = scratchProject('webpack-files', {
    'src/index.js': FILES_APP,
    'dist/index.html': '<!doctype html><link rel="icon" href="data:,"><title>webpack app</title><script src="main.js"></script>',
  });
  const stats = await new Promise((resolve, reject) =>
    webpack(
      { context: wp, mode: 'production', target: 'web', entry: './src/index.js', output: { path: path.join(wp, 'dist'), publicPath: 'auto' }, performance: { hints: false } },
      (err, s) => (err ? reject(err) : resolve(s)),
    ),
  );
  assert.ok(!stats.hasErrors(), stats.toString({ all: false, errors: true }));
  await checkFiles(path.join(wp, 'dist'));

  const plain = scratchProject('plain-files', {
    'index.html': `<!doctype html><link rel="icon" href="data:,"><title>plain page</title>
<script type="importmap">{ "imports": { "draftguard": "./node_modules/draftguard/draftguard.js" } }</script>
<script type="module" src="./app.js"></script>`,
    'app.js': FILES_APP,
  });
  await checkFiles(plain);
});
