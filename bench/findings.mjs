// What a finding costs in Node, the JS object included (issue 13, item 2: ≤ 3 µs per finding).
// The finding-dense corpus (bench/dense.mjs: ~150-byte paragraphs, ~4 findings per KB) scanned
// one paragraph per call, as pasted threads, logs and exports arrive, through Guard.scan,
// Guard.redact and LiveScan.scan; and one call that returns 30,000 findings. Best of several runs;
// prints a table. After scripts/build.sh:
//
//   node bench/findings.mjs                 # the 1 MiB dense corpus, generated in-process
//   node bench/findings.mjs /tmp/dense.txt  # a file (paragraphs separated by blank lines)
//   node bench/findings.mjs --quick         # 64 KiB, one run: does it work?
//   node bench/findings.mjs --pkg=DIR       # another build (a copy of pkg/ from before a change)
//
// "per finding" is the whole time over the findings (search included). "built per finding" is
// what the findings themselves add, where a call returns many: the case runs twice, as is and
// with `maxFindings: 1`, which still searches, validates and scores everything but builds one
// finding per call (offsets, preview, reasons, the JS object); the difference over the findings
// not built (the two are run in turn, so both see the same machine). (With one paragraph per call
// most calls return one finding or none: no difference to measure; the same corpus in 64 KiB
// chunks gives one.) The last row is what a call with nothing to find costs: the floor under the
// one-paragraph-per-call rows.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dense } from './dense.mjs';

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const file = args.find((a) => !a.startsWith('--'));
const pkgArg = args.find((a) => a.startsWith('--pkg='));
const pkg = pkgArg ? `${pkgArg.slice(6).replace(/\/$/, '')}/` : fileURLToPath(new URL('../pkg/', import.meta.url));
if (!existsSync(`${pkg}draftguard_bg.wasm`)) {
  console.error('bench: pkg/ is missing; run `bash scripts/build.sh` first');
  process.exit(1);
}
const { initSync, Guard, LiveScan } = await import(`${pkg}draftguard.js`);
initSync({ module: readFileSync(`${pkg}draftguard_bg.wasm`) });

const paras = file ? readFileSync(file, 'utf8').split('\n\n') : dense(QUICK ? 64 * 1024 : 1 << 20);
const bytes = paras.reduce((n, p) => n + Buffer.byteLength(p) + 2, 0);
const chunks = [];
for (let i = 0, c = ''; i < paras.length; i++) {
  c += (c ? '\n\n' : '') + paras[i];
  if (c.length >= 64 * 1024 || i === paras.length - 1) chunks.push(c), (c = '');
}
const emails = Array.from({ length: QUICK ? 3000 : 30000 }, (_, i) => `mail user${i}@mailbox.org now`).join('\n');
const RUNS = QUICK ? 1 : 7;

/** Best time of `runs` runs of `f` over every text, in ms, and the findings of one run. */
function best(texts, runs, f) {
  f(texts[0]); // the first scans build what later ones reuse
  let ms = Infinity;
  let found = 0;
  for (let r = 0; r < runs; r++) {
    let n = 0;
    const t = performance.now();
    for (const p of texts) n += f(p);
    ms = Math.min(ms, performance.now() - t);
    found = n;
  }
  return { ms, found };
}

const scan = (o) => { const g = new Guard(o); return (p) => g.scan(p).length; };
const redact = (o) => { const g = new Guard(o); return (p) => g.redact(p).findings.length; };
const live = (o) => { const l = new LiveScan(o); return (p) => { l.reset(); return l.scan(p).length; }; };
const dense1 = `${paras.length} paragraphs, ${(bytes / 1024).toFixed(0)} KiB`;
const cases = [
  [`Guard.scan: ${dense1}`, paras, RUNS, scan, {}, true],
  [`Guard.scan, includeValue: ${dense1}`, paras, RUNS, scan, { includeValue: true }],
  [`Guard.redact (text + findings): ${dense1}`, paras, RUNS, redact, {}],
  [`LiveScan.scan, each paragraph a new draft: ${dense1}`, paras, RUNS, live, {}],
  [`Guard.scan: the same in ${chunks.length} chunks of 64 KiB, one call each`, chunks, RUNS, scan, {}, false, true],
  [`Guard.scan: one call, ${(emails.length / 1024).toFixed(0)} KiB of email addresses`, [emails], QUICK ? 1 : 3, scan, {}, false, true],
];
/** `best` of `f` and of `g` with their runs taken in turn, so both see the same machine. */
function bestPair(texts, runs, f, g) {
  let a = { ms: Infinity, found: 0 };
  let b = { ms: Infinity, found: 0 };
  for (let r = 0; r < runs; r++) {
    const x = best(texts, 1, f);
    const y = best(texts, 1, g);
    a = { ms: Math.min(a.ms, x.ms), found: x.found };
    b = { ms: Math.min(b.ms, y.ms), found: y.found };
  }
  return [a, b];
}

const rows = [];
for (const [name, texts, runs, make, options, target, many] of cases) {
  let all;
  let built = '';
  if (many) {
    let capped;
    [all, capped] = bestPair(texts, runs * 2, make(options), make({ ...options, maxFindings: 1 }));
    built = `${(((all.ms - capped.ms) * 1000) / Math.max(1, all.found - capped.found)).toFixed(2)} µs`;
  } else {
    all = best(texts, runs, make(options));
  }
  const per = (all.ms * 1000) / Math.max(1, all.found);
  rows.push([name, `${all.found}`, `${all.ms.toFixed(1)} ms`, `${per.toFixed(2)} µs`, built,
    target ? (per <= 3 ? 'met' : 'missed') : '']);
}
// What a call costs with nothing to find: the floor under the one-paragraph-per-call rows.
{
  const g = new Guard();
  const empty = best(Array(QUICK ? 1000 : 20000).fill(''), RUNS, (p) => g.scan(p).length);
  rows.push(['Guard.scan of an empty draft (per call, no finding)', '0',
    `${((empty.ms * 1000) / (QUICK ? 1000 : 20000)).toFixed(2)} µs`, '', '', '']);
}

const head = ['case (best of runs)', 'findings', 'time', 'per finding', 'built per finding', '≤ 3 µs per finding'];
const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
const line = (r) => '| ' + r.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
console.log(`draftguard findings bench — ${pkg} in Node ${process.version}${QUICK ? ' (--quick: numbers meaningless)' : ''}\n`);
console.log(line(head));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
rows.forEach((r) => console.log(line(r)));
