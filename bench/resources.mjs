// Resource bounds through the JS API (issue 12, items 12–13), after scripts/build.sh:
//   node bench/resources.mjs
// Prints a table: the cost of large allowlists on a finding-dense draft, what maxFindings
// saves, and the WebAssembly memory after 2,000 guards with distinct custom rules.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../pkg/', import.meta.url));
const { initSync, Guard } = await import(`${pkg}draftguard.js`);
const wasm = initSync({ module: readFileSync(`${pkg}draftguard_bg.wasm`) });

/** A Luhn-valid 16-digit card number from `i`. */
function card(i) {
  const body = `4${String(10000000000000 + i * 7).padStart(14, '0')}`;
  for (let d = 0; d < 10; d++) {
    const n = body + d;
    let sum = 0;
    for (let k = 0; k < n.length; k++) {
      let x = Number(n[n.length - 1 - k]);
      if (k % 2) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
      sum += x;
    }
    if (sum % 10 === 0) return n;
  }
  throw new Error('unreachable');
}

const quick = process.argv.includes('--quick');
const N = quick ? 500 : 20_000;
const cards = Array.from({ length: N }, (_, i) => card(i));
const text = cards.map((c) => `card ${c}`).join('\n');
const allowlist = cards.filter((_, i) => i % 2 === 0).slice(0, 10_000);
const allowlistPatterns = Array.from({ length: 1000 }, (_, i) => `9${String(i).padStart(3, '0')}[0-9]{12}`);
const time = (f, runs = 3) => {
  const ts = [];
  let out;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    out = f();
    ts.push(performance.now() - t0);
  }
  ts.sort((a, b) => a - b);
  return [ts[Math.floor(runs / 2)], out];
};

const rows = [];
const plain = new Guard({ kinds: ['credit_card'] });
const [tPlain, fPlain] = time(() => plain.scan(text));
rows.push([`scan, ${N.toLocaleString('en')} cards, no allowlist`, `${tPlain.toFixed(1)} ms`, `${fPlain.length} findings`]);
const [tBuild, listed] = time(() => new Guard({ kinds: ['credit_card'], allowlist, allowlistPatterns }), 1);
rows.push([`new Guard: ${allowlist.length.toLocaleString('en')} values + 1,000 patterns`, `${tBuild.toFixed(1)} ms`, '']);
const [tListed, fListed] = time(() => listed.scan(text));
rows.push(['the same scan with that allowlist', `${tListed.toFixed(1)} ms`, `${fListed.length} findings`]);
const capped = new Guard({ kinds: ['credit_card'], allowlist, allowlistPatterns, maxFindings: 100 });
const [tCapped, fCapped] = time(() => capped.scan(text));
rows.push(['the same with maxFindings: 100', `${tCapped.toFixed(1)} ms`, `${fCapped.length} findings`]);

const mb = () => wasm.memory.buffer.byteLength / 2 ** 20;
const rule = (i) => ({ kind: `employee_id_${i}`, pattern: `\\bEMP-${i}-[0-9]{6}\\b`, context: [`staff ${i}`] });
for (let i = 0; i < 20; i++) new Guard({ customRules: [rule(i)] }).free();
const before = mb();
const guards = quick ? 200 : 2000;
const [tRules] = time(() => {
  for (let i = 20; i < 20 + guards; i++) {
    const g = new Guard({ customRules: [rule(i)] });
    g.scan(`staff ${i}: EMP-${i}-123456`);
    g.free();
  }
}, 1);
rows.push([`${guards.toLocaleString('en')} guards with distinct custom rules, each freed`, `${tRules.toFixed(0)} ms`, `wasm memory ${before.toFixed(1)} → ${mb().toFixed(1)} MiB`]);

const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
console.log(`\n| measure | time | result |\n|---|---|---|`);
for (const r of rows) console.log(`| ${r[0].padEnd(w[0])} | ${r[1].padStart(w[1])} | ${r[2]} |`);
