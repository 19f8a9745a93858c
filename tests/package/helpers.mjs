// Shared by the package tests: pack dist/npm/ with `npm pack`, install the tarball into
// scratch projects (in the system temp directory, offline: the package has no dependencies),
// serve a directory to headless Chromium.

import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist/npm');
export { CHROMIUM, CHROMIUM_ARGS } from '../chromium.mjs';

// Test values: a Visa test number (Luhn-valid) and the IBAN from the ECBS examples.
export const CARD = '4111 1111 1111 1111';
export const CARD_PREVIEW = '•••• •••• •••• 1111';
export const IBAN = 'DE89 3704 0044 0532 0130 00';

const scratchDirs = [];

/** Packs dist/npm/ once per process; returns { tarball, info } (info: `npm pack --json`). */
let packed;
export function pack() {
  if (packed) return packed;
  if (!existsSync(path.join(DIST, 'package.json'))) {
    throw new Error('dist/npm/ is missing: run `bash scripts/build.sh && bash scripts/package.sh` first');
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'draftguard-pack-'));
  scratchDirs.push(dir);
  const out = execFileSync('npm', ['pack', DIST, '--json', '--pack-destination', dir, '--loglevel=error'], {
    encoding: 'utf8',
  });
  const [info] = JSON.parse(out);
  packed = { tarball: path.join(dir, info.filename), info };
  return packed;
}

/**
 * A new project in the temp directory with `files` ({ relative path: contents }) and the packed
 * tarball installed as a dependency, the way a user would: `npm install ./draftguard-x.y.z.tgz`.
 */
export function scratchProject(name, files, { type = 'module' } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `draftguard-${name}-`));
  scratchDirs.push(dir);
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: `scratch-${name}`, version: '1.0.0', private: true, type }, null, 2),
  );
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', pack().tarball], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return dir;
}

/** Removes every scratch directory this process made. */
export function cleanScratch() {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.css': 'text/css',
};

/**
 * Serves `dir` on 127.0.0.1 (any free port); resolves to { url, close }. Test content only.
 * `headers`: extra response headers per file name, e.g. { 'csp.html': { 'Content-Security-Policy': … } }.
 */
export async function serveDir(dir, { headers = {} } = {}) {
  const server = createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = path.join(dir, rel.endsWith('/') ? `${rel}index.html` : rel);
    if (!file.startsWith(dir + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      ...headers[path.relative(dir, file)],
    });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => { server.close(resolve); server.closeAllConnections(); }),
  };
}

/**
 * Opens `url` in `browser` and waits for the page to publish `document.body.dataset.result`
 * (JSON). Resolves to { result, requests, errors }: every URL requested, every page error.
 */
export async function runPage(browser, url) {
  const page = await browser.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.body?.dataset.result !== undefined, null, { timeout: 15000 });
    const result = JSON.parse(await page.evaluate(() => document.body.dataset.result));
    return { result, requests, errors };
  } catch (e) {
    throw new Error(`${url}: ${e.message}\npage errors: ${errors.join('\n') || 'none'}`);
  } finally {
    await page.close();
  }
}

/**
 * The app every browser scratch project runs: init, scan a draft, redact it, publish the
 * results (masked previews and offsets only) for the test to read.
 */
export const APP = `
import init, { Guard, attach, kinds } from 'draftguard';

async function main() {
  await init();
  const text = 'my card: ${CARD}, IBAN ${IBAN}';
  const guard = new Guard({ minConfidence: 'medium' });
  const findings = guard.scan(text);
  return {
    findings: findings.map((f) => ({ kind: f.kind, preview: f.preview, value: text.slice(f.start, f.end) === ${JSON.stringify(CARD)} ? 'card' : text.slice(f.start, f.end) === ${JSON.stringify(IBAN)} ? 'iban' : 'other' })),
    redacted: guard.redact(text).text,
    kinds: kinds().length,
    attach: typeof attach,
  };
}

main().then(
  (r) => { document.body.dataset.result = JSON.stringify(r); },
  (e) => { document.body.dataset.result = JSON.stringify({ error: String(e && e.stack || e) }); },
);
`;

/** What APP must publish when the package works. */
export function assertApp(assert, result) {
  assert.equal(result.error, undefined, result.error);
  assert.deepEqual(result.findings, [
    { kind: 'credit_card', preview: CARD_PREVIEW, value: 'card' },
    { kind: 'iban', preview: 'DE•• •••• •••• •••• ••30 00', value: 'iban' },
  ]);
  assert.equal(result.redacted, 'my card: [CREDIT CARD], IBAN [IBAN]');
  assert.ok(result.kinds >= 40, `kinds() lists every detector (${result.kinds})`);
  assert.equal(result.attach, 'function', 'the DOM layer is exported too');
}
