// The extension's JavaScript engine (wasm2js, for pages whose CSP refuses WebAssembly) beside
// the WebAssembly build: file sizes, cold start, warm-up, per-draft latency, in Node and in
// headless Chromium. After scripts/build.sh and scripts/extension.sh:
//   node bench/js-engine.mjs [--no-browser]
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { draft } from './corpus.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const FILES = {
  wasm: { glue: join(root, 'pkg/draftguard.js'), module: join(root, 'pkg/draftguard_bg.wasm') },
  js: { glue: join(root, 'dist/js-engine/draftguard_js.js') },
};
for (const f of [FILES.wasm.glue, FILES.wasm.module, FILES.js.glue]) {
  if (!existsSync(f)) throw new Error(`${f} is missing: run bash scripts/build.sh && bash scripts/extension.sh`);
}
const SIZES = [200, 2048, 10240];
const DRAFTS = Object.fromEntries(SIZES.map((b) => [b, Array.from({ length: 20 }, (_, i) => draft(b, i + 1))]));

// ---- one engine in this process: load, first scan, warm-up, latency ---------------------
// (a string, so that Chromium runs the very same code)
const MEASURE = `async function measure(load, drafts, sizes) {
  const t0 = performance.now();
  const m = await load();
  const t1 = performance.now();
  new m.Guard().scan(drafts[2048][0]);
  const t2 = performance.now();
  m.warmUp();
  const t3 = performance.now();
  const guard = new m.Guard();
  const latency = {};
  for (const bytes of sizes) {
    const ds = drafts[bytes];
    ds.forEach((d) => guard.scan(d));
    const n = bytes > 5000 ? 300 : 1000;
    const times = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      guard.scan(ds[i % ds.length]);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    latency[bytes] = [times[n >> 1], times[Math.floor(n * 0.99)]].map((x) => x * 1000);
  }
  return { load: t1 - t0, firstScan: t2 - t1, warmUp: t3 - t2, latency };
}`;
const measure = new Function(`return (${MEASURE})`)();

if (process.argv[2] === '--child') {
  const engine = process.argv[3];
  const load = engine === 'wasm'
    ? async () => {
      const m = await import(FILES.wasm.glue);
      m.initSync({ module: new WebAssembly.Module(readFileSync(FILES.wasm.module)) });
      return m;
    }
    : () => import(FILES.js.glue);
  const cold = process.argv[4] === 'cold';
  const r = await measure(load, DRAFTS, cold ? [] : SIZES);
  console.log(JSON.stringify(r));
  process.exit(0);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const child = (engine, mode) =>
  JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', engine, mode]).toString());

function node(engine) {
  const colds = Array.from({ length: 7 }, () => child(engine, 'cold'));
  const warm = child(engine, 'warm');
  return {
    load: median(colds.map((c) => c.load)),
    cold: median(colds.map((c) => c.load + c.firstScan)),
    warmUp: median(colds.map((c) => c.warmUp)),
    latency: warm.latency,
  };
}

/** Serves the engines' files and a blank page on 127.0.0.1, cross-origin isolated (5 µs timers). */
async function serve() {
  const files = { '/draftguard.js': FILES.wasm.glue, '/draftguard_bg.wasm': FILES.wasm.module, '/draftguard_js.js': FILES.js.glue };
  const server = createServer((req, res) => {
    const file = files[new URL(req.url, 'http://x').pathname];
    const type = !file ? 'text/html' : file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript';
    res.writeHead(200, { 'Content-Type': type, 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' });
    res.end(file ? readFileSync(file) : '<!doctype html><title>bench</title>');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

async function chromium() {
  const pw = await import('playwright-core');
  const server = await serve();
  const browser = await pw.chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const result = { version: browser.version() };
  try {
    for (const engine of ['wasm', 'js']) {
      const colds = [];
      let warm;
      for (let i = 0; i < 8; i++) {
        // A fresh page and a fresh URL each time: nothing cached, a new module instance.
        const page = await browser.newPage();
        await page.goto(server.url);
        const r = await page.evaluate(async ({ src, engine, drafts, sizes, i }) => {
          const load = engine === 'wasm'
            ? async () => {
              const m = await import(`/draftguard.js?${i}`);
              await m.default({ module_or_path: `/draftguard_bg.wasm?${i}` });
              return m;
            }
            : () => import(`/draftguard_js.js?${i}`);
          return new Function(`return (${src})`)()(load, drafts, sizes);
        }, { src: MEASURE, engine, drafts: DRAFTS, sizes: i === 7 ? SIZES : [], i });
        if (i === 7) warm = r;
        else colds.push(r);
        await page.close();
      }
      result[engine] = {
        load: median(colds.map((c) => c.load)),
        cold: median(colds.map((c) => c.load + c.firstScan)),
        warmUp: median(colds.map((c) => c.warmUp)),
        latency: warm.latency,
      };
    }
  } finally {
    await browser.close();
    server.close();
  }
  return result;
}

// ---- table -----------------------------------------------------------------------------
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
const size = (f) => statSync(f).size;
const gz = (f) => gzipSync(readFileSync(f), { level: 9 }).length;
const dirSize = (d) => readdirSync(d).reduce((s, f) => s + size(join(d, f)), 0);
const rows = [
  ['files: raw / gzip -9', kb(size(FILES.wasm.module) + size(FILES.wasm.glue)) + ' / ' + kb(gz(FILES.wasm.module) + gz(FILES.wasm.glue)) + ' (.wasm + glue)',
    `${kb(size(FILES.js.glue))} / ${kb(gz(FILES.js.glue))}`],
];
const ext = join(root, 'dist/extension');
const zip = readdirSync(join(root, 'dist')).find((f) => /^draftguard-extension-.*\.zip$/.test(f));
if (existsSync(ext) && zip) {
  const js = size(join(ext, 'draftguard_js.js'));
  const z = size(join(root, 'dist', zip));
  rows.push(['extension: dist/extension/, zip', `without the JS engine ≈ ${kb(dirSize(ext) - js)}, zip ≈ ${kb(z - gz(FILES.js.glue))}`, `with: ${kb(dirSize(ext))}, zip ${kb(z)}`]);
}
const ms = (x) => `${x.toFixed(1)} ms`;
const us = ([p50, p99]) => `${p50.toFixed(0)} / ${p99.toFixed(0)} µs`;
const envs = [['Node ' + process.version, { wasm: node('wasm'), js: node('js') }]];
if (!process.argv.includes('--no-browser') && existsSync(CHROMIUM)) {
  const c = await chromium();
  envs.push([`Chromium ${c.version}`, c]);
}
for (const [env, r] of envs) {
  rows.push([`${env}: load (wasm: fetch, compile, instantiate; JS: fetch, parse, run the module)`, ms(r.wasm.load), ms(r.js.load)]);
  rows.push([`${env}: cold start = load + first 2 KB scan`, ms(r.wasm.cold), ms(r.js.cold)]);
  rows.push([`${env}: warmUp() (attach() runs it 250 ms after attaching)`, ms(r.wasm.warmUp), ms(r.js.warmUp)]);
  for (const b of SIZES) rows.push([`${env}: draft ${b} B, p50 / p99`, us(r.wasm.latency[b]), us(r.js.latency[b])]);
}

const head = ['measure', 'WebAssembly', 'JS engine (wasm2js)'];
const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
const line = (r) => '| ' + r.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
console.log('draftguard: JS engine (extension fallback) vs WebAssembly\n');
console.log(line(head));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
rows.forEach((r) => console.log(line(r)));
