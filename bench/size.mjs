// Size of the built package (after scripts/build.sh), printed as a table row per file.
//   node bench/size.mjs
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const pkg = fileURLToPath(new URL('../pkg/', import.meta.url));
const TARGET_GZIP = 150 * 1024;
const rows = [];
for (const name of ['draftguard_bg.wasm', 'draftguard.js']) {
  const bytes = readFileSync(`${pkg}${name}`);
  const gz = gzipSync(bytes, { level: 9 }).length;
  const br = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;
  const target = name.endsWith('.wasm') ? `≤ ${TARGET_GZIP / 1024} KB gzip: ${gz <= TARGET_GZIP ? 'met' : `missed by ${((gz - TARGET_GZIP) / 1024).toFixed(0)} KB`}` : '';
  rows.push([name, `${bytes.length}`, `${gz}`, `${br}`, target]);
}
const head = ['file', 'raw B', 'gzip -9 B', 'brotli 11 B', 'target'];
const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
const line = (r) => '| ' + r.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
console.log(line(head));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
rows.forEach((r) => console.log(line(r)));
