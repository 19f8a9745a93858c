// Accuracy of draftguard on drafts it was not written against (issue 14, "Measuring it").
//
//   node bench/eval.mjs [--seed 1] [--n 5000] [--real-mb 21] [--classes] [--examples]
//                       [--quick] [--no-real] [--pkg DIR] [--dump]
//
// 1. Generates `n` labelled drafts from `seed` (bench/eval/drafts.mjs: en/de/zh chat messages
//    and code snippets, about 40 % hard negatives; the values are valid by their
//    specifications, bench/eval/values.mjs, checked by bench/eval/check.mjs), scans each with
//    the built engine (pkg/, `bash scripts/build.sh`) through Node with the default options
//    (every detector, every confidence), and prints precision and recall per kind at each
//    confidence threshold. --classes adds recall per class (the way a value was written) and
//    false findings per hard-negative class; --examples lists a few misses and false findings
//    per kind, by draft id and class with the value masked.
// 2. Scans `--real-mb` MB of third-party text on this machine (bench/realtext.mjs: crate and
//    npm docs, Debian docs, crate sources, man pages, cut into chat-sized chunks) and prints
//    false prompts per 1,000 chunks.
// --quick: 400 drafts and 0.25 MB of real text (a smoke run; numbers meaningless).
// --dump: print the drafts as JSON lines and stop (no engine needed).
//
// Through Node and pkg/ rather than a native Rust example: the build that test.sh makes
// anyway is what ships, and 5,000 drafts scan in well under a second; a native example would
// add a release build of the crate to every run.
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './eval/drafts.mjs';
import { realText, describe } from './realtext.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
  return v;
};
const quick = flag('--quick');
const seed = Number(option('--seed', 1));
const n = Number(option('--n', quick ? 400 : 5000));
const realMb = flag('--no-real') ? 0 : Number(option('--real-mb', quick ? 0.25 : 21));
if (!Number.isInteger(seed) || seed < 0 || !Number.isInteger(n) || n < 1 || !(realMb >= 0)) {
  throw new Error('--seed and --n must be non-negative integers (n >= 1), --real-mb a number >= 0');
}

const t0 = performance.now();
const drafts = generate({ seed, n });
// process.exit would cut a piped --dump short: the evaluation is a function that --dump skips.
if (flag('--dump')) process.stdout.write(drafts.map((d) => JSON.stringify(d)).join('\n') + '\n');
else await evaluate();

async function evaluate() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const pkg = resolve(option('--pkg', join(root, 'pkg')));
  let engine;
  try {
    engine = await import(`${pkg}/draftguard.js`);
    engine.initSync({ module: readFileSync(`${pkg}/draftguard_bg.wasm`) });
  } catch (e) {
    throw new Error(`cannot load the engine from ${pkg} (build it with: bash scripts/build.sh): ${e.message}`);
  }
  const guard = new engine.Guard({ minConfidence: 'low' });
  const KINDS = engine.kinds().map((k) => k.kind);
  const CONTACT = new Set(engine.kinds().filter((k) => k.category === 'contact').map((k) => k.kind));
  const LEVELS = ['low', 'medium', 'high'];
  const RANK = { low: 0, medium: 1, high: 2 };

  /** The value masked as the house prints it: letters and digits as •, the last two kept, capped. */
  function masked(s) {
    const flat = s.replace(/\s+/g, ' ');
    let keep = 2;
    let out = '';
    for (let i = flat.length - 1; i >= 0; i--) {
      const c = flat[i];
      if (/[\p{L}\p{N}]/u.test(c)) out = (keep-- > 0 ? c : '•') + out;
      else out = c + out;
    }
    return out.length > 28 ? `${out.slice(0, 12)}…${out.slice(-12)}` : out;
  }

  const overlaps = (a, b) => a.start < b.end && b.start < a.end;

  // ---- scan and count ------------------------------------------------------------------------

  const tScan = performance.now();
  const perKind = new Map(KINDS.map((k) => [k, { values: 0, hit: [0, 0, 0], found: [0, 0, 0], right: [0, 0, 0], misses: [], falses: [] }]));
  const perClass = new Map();
  const negatives = { drafts: 0, false: [0, 0, 0], prompted: 0 };
  let findingsTotal = 0;
  for (const d of drafts) {
    const findings = guard.scan(d.text);
    findingsTotal += findings.length;
    const cls = perClass.get(d.cls) ?? { values: 0, hit: [0, 0, 0], drafts: 0, false: [0, 0, 0], kinds: new Map() };
    perClass.set(d.cls, cls);
    cls.drafts++;
    if (d.bait) negatives.drafts++;
    for (const label of d.labels) {
      const k = perKind.get(label.kind);
      if (!k) throw new Error(`draft ${d.id}: label kind ${label.kind} is not a kind of this engine`);
      k.values++;
      cls.values++;
      const best = Math.max(-1, ...findings.filter((f) => f.kind === label.kind && overlaps(f, label)).map((f) => RANK[f.confidence]));
      for (let t = 0; t <= best; t++) {
        k.hit[t]++;
        cls.hit[t]++;
      }
      if (best < 1 && k.misses.length < 400) {
        const instead = findings.filter((f) => overlaps(f, label)).map((f) => `${f.kind} ${f.confidence}`);
        if (best === 0) instead.unshift(`${label.kind} low`);
        k.misses.push(`${d.id} ${d.cls}: ${masked(d.text.slice(label.start, label.end))}${instead.length ? ` (found: ${instead.join(', ')})` : ' (nothing)'}`);
      }
    }
    let prompt = false;
    for (const f of findings) {
      const k = perKind.get(f.kind);
      const right = d.labels.some((l) => l.kind === f.kind && overlaps(f, l));
      for (let t = 0; t <= RANK[f.confidence]; t++) {
        k.found[t]++;
        if (right) k.right[t]++;
        else {
          cls.false[t]++;
          if (d.bait) negatives.false[t]++;
        }
      }
      if (!right) {
        cls.kinds.set(f.kind, (cls.kinds.get(f.kind) ?? 0) + 1);
        if (RANK[f.confidence] >= 1 && !CONTACT.has(f.kind)) prompt = true;
        if (k.falses.length < 400) k.falses.push(`${d.id} ${d.cls}: ${masked(d.text.slice(f.start, f.end))} (${f.confidence})`);
      }
    }
    if (d.bait && prompt) negatives.prompted++;
  }
  const scanMs = performance.now() - tScan;

  // ---- print ---------------------------------------------------------------------------------

  const ratio = (a, b) => (b ? (a / b).toFixed(2) : '–');
  const table = (head, rows) => {
    const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => String(r[c]).length)));
    const line = (r) => '| ' + r.map((x, c) => (c === 0 ? String(x).padEnd(widths[c]) : String(x).padStart(widths[c]))).join(' | ') + ' |';
    return [line(head), '|' + widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|', ...rows.map(line)].join('\n');
  };
  const row = (name, k) => [name, k.values,
    ...[0, 1, 2].flatMap((t) => [ratio(k.right[t], k.found[t]), ratio(k.hit[t], k.values)]),
    `${k.found[0] - k.right[0]} / ${k.found[1] - k.right[1]}`];
  const sum = (list) => list.reduce((a, k) => ({
    values: a.values + k.values,
    hit: a.hit.map((x, t) => x + k.hit[t]),
    found: a.found.map((x, t) => x + k.found[t]),
    right: a.right.map((x, t) => x + k.right[t]),
  }), { values: 0, hit: [0, 0, 0], found: [0, 0, 0], right: [0, 0, 0] });

  const positives = drafts.length - negatives.drafts;
  const out = [];
  out.push(`draftguard accuracy evaluation — seed ${seed}, ${drafts.length} drafts (${positives} with values, ${negatives.drafts} hard negatives), ${[...perClass.keys()].length} classes; engine: ${relative(root, pkg) || '.'}/ through Node ${process.version}, default options (every detector, minConfidence low)`);
  out.push('');
  out.push('Matching rule: a finding is right if its kind equals a label\'s kind and its UTF-16 span overlaps the labelled span; a label is found at a threshold if such a finding has at least that confidence.');
  out.push('Every other finding is false (a finding in a hard-negative draft always is). P = right findings / findings of the kind at or above the threshold; R = labels found / labels. "false" counts false findings at >= low / >= medium.');
  out.push('');
  const head = ['kind', 'values', '>= low P', 'R', '>= medium P', 'R', '>= high P', 'R', 'false'];
  const kindRows = KINDS.filter((k) => !CONTACT.has(k)).map((k) => row(k, perKind.get(k)));
  const contactRows = KINDS.filter((k) => CONTACT.has(k)).map((k) => row(k, perKind.get(k)));
  out.push(table(head, [
    ...kindRows,
    ...contactRows,
    row('**all kinds**', sum([...perKind.values()])),
    row('**all but contact kinds**', sum(KINDS.filter((k) => !CONTACT.has(k)).map((k) => perKind.get(k)))),
  ]));
  out.push('');
  const per1000 = (x, of) => (of ? ((1000 * x) / of).toFixed(1) : '–');
  out.push(`Hard negatives: ${negatives.drafts} drafts; false findings per 1,000 of them: ${negatives.false.map((x, t) => `${per1000(x, negatives.drafts)} at >= ${LEVELS[t]}`).join(', ')}; drafts that would prompt (a finding >= medium, not a contact kind): ${per1000(negatives.prompted, negatives.drafts)} per 1,000.`);

  if (flag('--classes')) {
    out.push('');
    out.push('Recall per class (the way the values were written):');
    out.push('');
    const classRows = [...perClass.entries()].filter(([, c]) => c.values).sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([name, c]) => [name, c.values, ratio(c.hit[0], c.values), ratio(c.hit[1], c.values), ratio(c.hit[2], c.values), c.false[0] ? `${c.false[0]} (${[...c.kinds].map(([k, x]) => `${k} ${x}`).join(', ')})` : '0']);
    out.push(table(['class', 'values', 'R >= low', 'R >= medium', 'R >= high', 'false findings >= low'], classRows));
    out.push('');
    out.push('Hard-negative classes (bait kind / class):');
    out.push('');
    const negRows = [...perClass.entries()].filter(([name]) => name.startsWith('negative/')).sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([name, c]) => [name.slice('negative/'.length), c.drafts, c.false[0], c.false[1], c.false[2], [...c.kinds].map(([k, x]) => `${k} ${x}`).join(', ') || '–']);
    out.push(table(['class', 'drafts', 'false >= low', '>= medium', '>= high', 'kinds found'], negRows));
  }

  if (flag('--examples')) {
    out.push('');
    out.push('Examples per kind (values masked): misses are labels with no right finding at >= medium; false findings at any confidence.');
    for (const k of KINDS) {
      const { misses, falses } = perKind.get(k);
      if (!misses.length && !falses.length) continue;
      out.push('');
      out.push(`${k}:`);
      // A few of each, spread over the classes.
      const spread = (list) => {
        const seen = new Set();
        const picked = list.filter((x) => {
          const c = x.split(' ')[1];
          if (seen.has(c)) return false;
          seen.add(c);
          return true;
        });
        return [...picked, ...list.filter((x) => !picked.includes(x))].slice(0, 5);
      };
      for (const m of spread(misses)) out.push(`  miss   ${m}`);
      for (const f of spread(falses)) out.push(`  false  ${f}`);
    }
  }

  let realMs = 0;
  if (realMb > 0) {
    const tReal = performance.now();
    const corpus = realText(Math.round(realMb * 1024 * 1024));
    const perKindReal = new Map();
    const chunksWith = [0, 0, 0];
    const realExamples = [];
    for (const [i, c] of corpus.chunks.entries()) {
      const found = guard.scan(c).filter((f) => !CONTACT.has(f.kind));
      for (const f of found.filter((x) => RANK[x.confidence] >= 1)) {
        // The words before the value (public text), then the value masked.
        const before = c.slice(Math.max(0, f.start - 32), f.start).replace(/\s+/g, ' ');
        realExamples.push(`chunk ${i}: ${f.kind} ${f.confidence} …${before}${masked(c.slice(f.start, f.end))}`);
      }
      const top = Math.max(-1, ...found.map((f) => RANK[f.confidence]));
      for (let t = 0; t <= top; t++) chunksWith[t]++;
      for (const k of new Set(found.filter((f) => RANK[f.confidence] >= 1).map((f) => f.kind))) perKindReal.set(k, (perKindReal.get(k) ?? 0) + 1);
    }
    realMs = performance.now() - tReal;
    const chunks = corpus.chunks.length;
    out.push('');
    out.push(`False prompts on third-party text (none of it is the user's: every finding in it counts as false). A false prompt: a chunk with at least one finding of confidence >= medium whose kind is not a contact kind (${[...CONTACT].join(', ')}).`);
    out.push(describe(corpus));
    out.push('');
    const top = [...perKindReal.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    out.push(table(['real text', 'chunks', 'false prompts per 1,000 chunks (>= medium)', 'the same at >= high', 'per 1,000 with a finding >= low', 'kinds (chunks, >= medium)'], [
      [`${(corpus.chunks.reduce((a, c) => a + Buffer.byteLength(c), 0) / 1048576).toFixed(1)} MB`, chunks, per1000(chunksWith[1], chunks), per1000(chunksWith[2], chunks), per1000(chunksWith[0], chunks), top.slice(0, 6).map(([k, x]) => `${k} ${x}`).join(', ') || '–'],
    ]));
    if (flag('--examples') && realExamples.length) {
      out.push('');
      out.push('Findings >= medium in the real text (the 32 characters before each, the value masked):');
      for (const e of realExamples.slice(0, 20)) out.push(`  ${e}`);
    }
  }

  out.push('');
  out.push(`generated in ${(tScan - t0).toFixed(0)} ms, ${drafts.length} drafts scanned in ${scanMs.toFixed(0)} ms (${findingsTotal} findings)${realMb > 0 ? `, real text read and scanned in ${(realMs / 1000).toFixed(1)} s` : ''}`);
  console.log(out.join('\n'));
}
