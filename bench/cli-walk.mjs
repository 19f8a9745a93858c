// `draftguard scan DIR` on a big tree: files walked, MB, seconds, and where the time goes.
// Prints a table. After scripts/build.sh && scripts/package.sh:
//
//   node bench/cli-walk.mjs [DIR] [--against REF]
//
// DIR: default ~/.cargo/registry/src (crate sources), else /usr/share/doc.
// --against REF: also runs the CLI as it was at git REF (its npm/cli/ on today's package and
// engine), e.g. --against 6331813 for the CLI before ignore files and synchronous reads.
//
// Rows:
//   CLI …                the command as a user runs it (a new process, stdout to /dev/null)
//   read only            every file the walk yields, read and decoded as the CLI reads it
//   engine, per file     Guard.scan on each file's text (already in memory), one call per file
//   engine, 1 MiB blocks the same texts joined into ~1 MiB blocks: the engine's floor here
// "per file" minus "1 MiB blocks" is what one call per file costs; "CLI" minus "read only"
// minus "per file" is the rest of the CLI (windows, lines and columns, process start).

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist/npm');
if (!fs.existsSync(path.join(DIST, 'cli/walk.mjs'))) {
  console.error('dist/npm/ is missing or old: run `bash scripts/build.sh && bash scripts/package.sh` first');
  process.exit(2);
}
const args = process.argv.slice(2);
const againstAt = args.indexOf('--against');
const against = againstAt === -1 ? null : args.splice(againstAt, 2)[1];
const cargoSrc = path.join(os.homedir(), '.cargo/registry/src');
const tree = args[0] ?? (fs.existsSync(cargoSrc) ? cargoSrc : '/usr/share/doc');

const { walk } = await import(path.join(DIST, 'cli/walk.mjs'));
const { Guard } = await import(path.join(DIST, 'node.mjs'));

const MB = 1e6;
const rows = [];
const row = (what, files, bytes, ms, note = '') =>
  rows.push([what, files.toLocaleString('en-US'), (bytes / MB).toFixed(1), (ms / 1000).toFixed(2), `${(bytes / MB / (ms / 1000)).toFixed(1)}`, note]);

/** Runs a CLI; returns { ms, summary } (its summary line). */
function runCli(bin, extra) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [bin, 'scan', ...extra, tree], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t;
  const summary = r.stderr.trimEnd().split('\n').pop().replace(/^draftguard: /, '');
  return { ms, summary };
}

// What the walk yields, with the sizes the CLI will read.
let t = performance.now();
const files = [];
let ignored = 0;
for (const e of walk(tree)) {
  if (e.name) files.push(e.name);
  else if (e.ignored) ignored += 1;
}
const walkMs = performance.now() - t;
const allFiles = [...walk(tree, { ignore: false })].filter((e) => e.name).map((e) => e.name);
const sizeOf = (list) => list.reduce((n, f) => n + fs.statSync(f).size, 0);
// What the CLI before ignore files walked: everything but .git and node_modules.
const beforeFiles = allFiles.filter((f) => !f.split(path.sep).includes('node_modules'));

// Read only: as the CLI reads (one reused buffer, NUL check, streaming UTF-8 decode).
const buf = Buffer.allocUnsafe(1 << 20);
const texts = [];
let bytes = 0;
t = performance.now();
for (const name of files) {
  const fd = fs.openSync(name, 'r');
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let text = '';
  let binary = false;
  for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) {
    bytes += n;
    const chunk = buf.subarray(0, n);
    if (chunk.includes(0)) {
      binary = true;
      break;
    }
    text += decoder.decode(chunk, { stream: true });
  }
  fs.closeSync(fd);
  if (!binary) texts.push(text + decoder.decode());
}
const readMs = performance.now() - t;

const guard = new Guard({ maxInputBytes: 64 << 20 });
guard.scan('warm up 4111 1111 1111 1111');
let found = 0;
t = performance.now();
for (const text of texts) if (text.length <= 1 << 20) found += guard.scan(text).length;
const perFileMs = performance.now() - t;
const small = texts.filter((x) => x.length <= 1 << 20);
const smallBytes = small.reduce((n, x) => n + Buffer.byteLength(x), 0);

const blocks = [];
for (let i = 0, block = ''; i < small.length; i++) {
  block += `${small[i]}\n`;
  if (block.length >= 1 << 20 || i === small.length - 1) {
    blocks.push(block);
    block = '';
  }
}
t = performance.now();
let foundBlocks = 0;
for (const block of blocks) foundBlocks += guard.scan(block).length;
const blockMs = performance.now() - t;

// The CLI itself, last (the runs above have warmed the page cache for both).
// Runs that read everything (--no-ignore, the CLI before ignore files) only below 2 GB:
// a repository with a 10 GB target/ is what ignore files are for.
const allBytes = sizeOf(allFiles);
const everything = allBytes < 2e9;
const now = runCli(path.join(DIST, 'bin/draftguard.mjs'), []);
const noIgnore = everything ? runCli(path.join(DIST, 'bin/draftguard.mjs'), ['--no-ignore']) : null;
let before = null;
if (against && everything) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draftguard-against-'));
  fs.cpSync(DIST, dir, { recursive: true });
  fs.rmSync(path.join(dir, 'cli'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'cli'));
  const listed = execFileSync('git', ['ls-tree', '--name-only', `${against}:npm/cli`], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const f of listed) fs.writeFileSync(path.join(dir, 'cli', f), execFileSync('git', ['show', `${against}:npm/cli/${f}`], { cwd: ROOT }));
  before = runCli(path.join(dir, 'bin/draftguard.mjs'), []);
  fs.rmSync(dir, { recursive: true });
}

console.log(`draftguard scan on ${tree} — Node ${process.version}, ${os.cpus().length} cores`);
console.log(`walk: ${files.length.toLocaleString('en-US')} files to scan, ${ignored} paths ignored, ${allFiles.length.toLocaleString('en-US')} files without ignore files; walking took ${walkMs.toFixed(0)} ms`);
console.log('MB: the sizes of the files walked (binary files are read only up to their first NUL byte)');
console.log(`texts: ${texts.length.toLocaleString('en-US')} (${(files.length - texts.length).toLocaleString('en-US')} binary); engine runs below on the ${small.length.toLocaleString('en-US')} up to 1 Mi code units\n`);
const summaryFiles = (r) => r.summary.split('; ')[1];
if (before) row(`CLI at ${against}`, beforeFiles.length, sizeOf(beforeFiles), before.ms, summaryFiles(before));
row('CLI', files.length, sizeOf(files), now.ms, summaryFiles(now));
if (noIgnore) row('CLI --no-ignore', allFiles.length, allBytes, noIgnore.ms, summaryFiles(noIgnore));
else rows.push(['CLI --no-ignore', allFiles.length.toLocaleString('en-US'), (allBytes / MB).toFixed(1), '', '', 'not run: 2 GB or more (so neither is --against)']);
row('read only (as the CLI reads)', files.length, bytes, readMs, 'MB: bytes read');
row('engine, one call per file', small.length, smallBytes, perFileMs, `${found} findings`);
row('engine, ~1 MiB blocks', blocks.length, smallBytes, blockMs, `${foundBlocks} findings`);

const head = ['run', 'files', 'MB', 's', 'MB/s', 'notes'];
const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
const line = (r) => `| ${r.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
console.log(line(head));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
