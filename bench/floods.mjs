// Adversarial floods: 1 MB and 10 MB of one unit repeated, scanned in WASM under
// Node. Prints ms for both sizes and their ratio (about 10 = linear) and the
// number of findings, slowest first. `node bench/floods.mjs` after scripts/build.sh.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const pkg = fileURLToPath(new URL('../pkg/', import.meta.url));
const { initSync, Guard } = await import(`${pkg}draftguard.js`);
initSync({ module: readFileSync(`${pkg}draftguard_bg.wasm`) });
const g = new Guard();
const MB = 1 << 20;
const cases = {
  'a@b.cd ': 'a@b.cd ', '@': '@', 'x@': 'x@', 'password=': 'password=', 'password: x ': 'password: x ', '-----BEGIN': '-----BEGIN',
  '<<': '<<', 'P<UTO': 'P<UTO', 'eyJ': 'eyJ', 'eyJ.eyJ.': 'eyJa.eyJb.', 'AKIA': 'AKIA', 'ghp_': 'ghp_', 'sk-': 'sk-',
  'abandon ': 'abandon ', 'diabetes ': 'diabetes ', 'CONFIDENTIAL ': 'CONFIDENTIAL ', '机密': '机密', '1.2.3.4.': '1.2.3.4.',
  '::': '::', '+1 ': '+1 ', '(415) ': '(415) ', '0151 ': '0151 ', 'postgres://a:b@': 'postgres://a:b@', 'Server=x;': 'Server=x;',
  'secret=': 'secret=', 'token ': 'token ', 'F32.1 ': 'F32.1 ', 'AB123456C ': 'AB123456C ', x: 'x',
  'A1B2': 'A1B2', '12345678Z ': '12345678Z ', 'RSSMRA85T10A562S ': 'RSSMRA85T10A562S ', '11010519491231002X ': '11010519491231002X ',
};
const rows = [];
for (const [name, unit] of Object.entries(cases)) {
  const ub = Buffer.byteLength(unit); const small = unit.repeat(Math.ceil(MB / ub));
  const big = unit.repeat(Math.ceil(10 * MB / ub));
  let t = performance.now(); g.scan(small); const t1 = performance.now() - t;
  t = performance.now(); const n = g.scan(big).length; const t10 = performance.now() - t;
  rows.push([name, t1.toFixed(0), t10.toFixed(0), (t10 / t1).toFixed(1), n]);
}
rows.sort((a, b) => b[2] - a[2]);
console.log('| unit | 1 MB ms | 10 MB ms | ratio | findings (10 MB) |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| ${JSON.stringify(r[0])} | ${r.slice(1).join(' | ')} |`);
