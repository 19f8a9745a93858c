// Throughput and latency of Guard.scan from Node (the built pkg/), printed as a table.
//   node bench/scan-node.mjs            (after scripts/build.sh)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { corpus, draft } from './corpus.mjs';

const pkg = fileURLToPath(new URL('../pkg/', import.meta.url));
const { initSync, Guard } = await import(`${pkg}draftguard.js`);
const wasm = readFileSync(`${pkg}draftguard_bg.wasm`);
let t0 = performance.now();
initSync({ module: wasm });
const guard = new Guard();
guard.scan('card 4111 1111 1111 1111');
const coldMs = performance.now() - t0;

const MB = 1024 * 1024;
const rows = [];
function throughput(name, text, runs = 5) {
  const bytes = Buffer.byteLength(text);
  let best = Infinity;
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    findings = guard.scan(text).length;
    best = Math.min(best, performance.now() - t);
  }
  rows.push([name, `${(bytes / MB).toFixed(2)} MB`, `${findings}`, `${best.toFixed(1)} ms`, `${(bytes / MB / (best / 1000)).toFixed(0)} MB/s`]);
}
function latency(name, bytes, n = 400) {
  const drafts = Array.from({ length: 20 }, (_, i) => draft(bytes, i + 1));
  const times = [];
  for (let i = 0; i < n; i++) {
    const d = drafts[i % drafts.length];
    const t = performance.now();
    guard.scan(d);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  rows.push([name, `${bytes} B`, '', `p50 ${(q(0.5) * 1000).toFixed(0)} µs`, `p99 ${(q(0.99) * 1000).toFixed(0)} µs`]);
}

throughput('mixed chat text (en/de/zh, code, config, logs)', corpus(5 * MB));
throughput('same text without sensitive values', corpus(5 * MB, { sensitive: false }));
throughput('10 MB of digits (adversarial)', '7'.repeat(10 * MB), 3);
throughput('10 MB of "1 " (adversarial)', '1 '.repeat(5 * MB), 3);
latency('draft latency', 2 * 1024);
latency('draft latency', 10 * 1024);

const gz = (await import('node:zlib')).gzipSync(wasm, { level: 9 }).length;
console.log(`draftguard scan bench — Node ${process.version}, wasm ${wasm.length} B (${gz} B gzip -9), init + first scan ${coldMs.toFixed(1)} ms\n`);
const widths = [0, 1, 2, 3, 4].map((c) => Math.max(...rows.map((r) => r[c].length), 6));
const head = ['case', 'size', 'found', 'time', 'rate'];
const line = (r) => '| ' + r.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
console.log(line(head));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
rows.forEach((r) => console.log(line(r)));
