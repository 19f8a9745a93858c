// What the extension costs a page now that the engine starts on the first focus of an input
// (issue 12, item 7), in headless Chromium with the unpacked extension (dist/extension/):
//   - per frame, at document_start: the files every frame loads (content.js, guard.mjs);
//   - focus → guarded: from the click into a textarea to the guard's overlay in the page, on a
//     page that allows WebAssembly (the .wasm) and on one whose CSP refuses it (the .wasm
//     tried, then the JavaScript engine). A send in that time is held and sent again.
// Each sample is a fresh tab (the engine is loaded per frame). After scripts/build.sh and
// scripts/extension.sh:
//   node bench/extension.mjs [samples]
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch } from '../tests/extension/launch.mjs';

const SAMPLES = Number(process.argv[2] ?? 15);
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script src="watch.js"></script></head><body><textarea id="draft"></textarea></body></html>`;
// The page notes when the overlay is inserted, in its own clock.
const WATCH = `new MutationObserver((rs) => {
  for (const r of rs) for (const n of r.addedNodes) if (n.localName === 'draftguard-overlay') window.guardedAt ??= performance.now();
}).observe(document.documentElement, { childList: true, subtree: true });`;

const ext = await launch({
  files: { 'page.html': PAGE, 'strict.html': PAGE, 'watch.js': WATCH },
  headers: { 'strict.html': { 'Content-Security-Policy': "script-src 'self'" } },
});
const rows = [];
try {
  for (const [label, file] of [['.wasm (page allows WebAssembly)', 'page.html'], ['JS engine (CSP refuses WebAssembly)', 'strict.html']]) {
    const times = [];
    for (let i = 0; i < SAMPLES; i++) {
      const p = await ext.context.newPage();
      await p.goto(ext.url + file);
      await p.waitForTimeout(200); // the content script's module has loaded
      const focusedAt = await p.evaluate(() => {
        const t = performance.now();
        document.getElementById('draft').focus();
        return t;
      });
      await p.waitForFunction(() => window.guardedAt !== undefined, null, { timeout: 30000 });
      times.push((await p.evaluate(() => window.guardedAt)) - focusedAt);
      await p.close();
    }
    times.sort((a, b) => a - b);
    rows.push([label, times[times.length >> 1], times[times.length - 1]]);
  }
} finally {
  await ext.close();
}

const dist = path.join(path.dirname(new URL(import.meta.url).pathname), '../dist/extension');
const size = (f) => statSync(path.join(dist, f)).size;
const gz = (f) => gzipSync(readFileSync(path.join(dist, f))).length;
console.log('\nPer frame at document_start (every page and frame):');
console.log('| file | bytes | gzip |\n|---|---:|---:|');
for (const f of ['content.js', 'guard.mjs']) console.log(`| ${f} | ${size(f)} | ${gz(f)} |`);
console.log(`\nFocus → guarded, ${SAMPLES} fresh tabs each (headless Chromium; a shared machine: ranges over runs):`);
console.log('| engine | p50 ms | max ms |\n|---|---:|---:|');
for (const [label, p50, max] of rows) console.log(`| ${label} | ${p50.toFixed(0)} | ${max.toFixed(0)} |`);
