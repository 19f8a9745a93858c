// Two builds of the module side by side: node bench/ab.mjs PKG_A PKG_B [ROUNDS]
//
// Each pkg/ directory (as scripts/build.sh makes it; keep a copy of the old one: cp -r pkg
// /tmp/pkg-old) scans the same pieces of real text (2 MiB) and of the dense corpus (1 MiB), one
// scan call per piece, alternated round by round (the order flips every round), in one Node
// process and in one Chromium page. It prints each build's best pass and the median of the
// rounds' time ratios (A's time ÷ B's: above 1, B is faster). The bench's absolute times move 2×
// on this shared machine; two builds measured in the same rounds move together. What changes
// instructions (bench/module-account.sh) does not always change time alike: measure both.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dense } from './dense.mjs';
import { realText } from './realtext.mjs';
import { launchChromium } from '../tests/chromium.mjs';

const [A, B] = process.argv.slice(2, 4).map((p) => p && resolve(p));
const rounds = Number(process.argv[4] ?? 15);
if (!A || !B || !existsSync(join(A, 'draftguard_bg.wasm')) || !existsSync(join(B, 'draftguard_bg.wasm'))) {
  console.error('usage: node bench/ab.mjs PKG_A PKG_B [ROUNDS]   (directories as scripts/build.sh makes pkg/)');
  process.exit(2);
}
const corpora = { real: realText(2 << 20).chunks, dense: dense(1 << 20) };
const megabytes = (c) => corpora[c].reduce((n, p) => n + Buffer.byteLength(p), 0) / 1e6;

/** Runs `pass(build, corpus)` (milliseconds) for both builds, `rounds` times; prints the result. */
async function compare(where, pass) {
  const best = { a: {}, b: {} };
  const ratios = { real: [], dense: [] };
  for (let r = 0; r < rounds; r++) {
    const t = {};
    for (const k of r % 2 ? ['b', 'a'] : ['a', 'b']) {
      for (const c of ['real', 'dense']) {
        t[k + c] = await pass(k, c);
        best[k][c] = Math.min(best[k][c] ?? Infinity, t[k + c]);
      }
    }
    for (const c of ['real', 'dense']) ratios[c].push(t[`a${c}`] / t[`b${c}`]);
  }
  for (const c of ['real', 'dense']) {
    const median = ratios[c].sort((x, y) => x - y)[ratios[c].length >> 1];
    const speed = (k) => ((megabytes(c) / best[k][c]) * 1000).toFixed(1);
    console.log(
      `${where}, ${c}: A ${speed('a')} MB/s, B ${speed('b')} MB/s (best passes); ` +
        `A's time ÷ B's: ${(best.a[c] / best.b[c]).toFixed(3)} best, ${median.toFixed(3)} median of ${rounds} rounds`,
    );
  }
}

const guards = {};
for (const [k, dir] of [['a', A], ['b', B]]) {
  const m = await import(join(dir, 'draftguard.js'));
  m.initSync({ module: readFileSync(join(dir, 'draftguard_bg.wasm')) });
  guards[k] = new m.Guard();
}
await compare('Node', (k, c) => {
  const t0 = performance.now();
  for (const p of corpora[c]) guards[k].scan(p);
  return performance.now() - t0;
});

const dirs = { a: A, b: B };
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  const m = /^\/(a|b)\/([\w.-]+)$/.exec(path);
  const file = m && join(dirs[m[1]], m[2]);
  let body = path === '/' ? '<!doctype html><title>ab</title>' : null;
  if (file && existsSync(file)) body = readFileSync(file);
  const type = path === '/' ? 'text/html' : path.endsWith('.wasm') ? 'application/wasm' : 'text/javascript';
  res.writeHead(body === null ? 404 : 200, {
    'Content-Type': type,
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
  });
  res.end(body ?? '');
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.evaluate(async (corpora) => {
    window.corpora = corpora;
    window.guards = {};
    for (const k of ['a', 'b']) {
      const m = await import(`/${k}/draftguard.js`);
      await m.default({ module_or_path: `/${k}/draftguard_bg.wasm` });
      window.guards[k] = new m.Guard();
    }
  }, corpora);
  await compare('Chromium', (k, c) =>
    page.evaluate(({ k, c }) => {
      const t0 = performance.now();
      for (const p of window.corpora[c]) window.guards[k].scan(p);
      return performance.now() - t0;
    }, { k, c }),
  );
} finally {
  await browser.close();
  server.close();
}
