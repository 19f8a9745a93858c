// Real text without planted values (issue 13's clean corpus): third-party documentation and
// source code already on the machine, cut into chat-sized chunks (200 to 2,000 bytes, at
// paragraph breaks), as a user pastes a README section, a function, a man page's options or a
// changelog into a chat. Sources, in this order, each given an equal share of what is still
// wanted (a source with less text leaves its shortfall to the ones after it):
//
//   Rust crate docs     .md files of the crates in Cargo.lock, from cargo's registry sources
//   npm package docs    .md files of the npm packages installed for the project (node_modules/,
//                       tests/package/, and bench/peers/ when the benchmark has installed it)
//   Debian docs         /usr/share/doc/: READMEs, changelogs, copyright files, .txt (gunzipped)
//   Rust crate sources  .rs files of the crates in Cargo.lock
//   man pages           /usr/share/man/ in English, German and Simplified Chinese (roff source)
//
// Within a source, files are grouped (by crate, package, Debian package, language) and taken
// round-robin over the groups, each group's files in a fixed pseudo-random order, at most 32 KB
// of a file (a run of paragraphs starting at a fixed pseudo-random one); the chunks of all
// sources are then shuffled together, so that any prefix of the corpus is a sample of all of
// it. Everything is sorted first and every choice comes from a fixed seed: the same machine
// gives the same corpus. A missing source is left out, never an error; `sources` says what was
// used. Blank lines inside a chunk are written as a line holding one space ("\n \n"), so that
// chunks joined by blank lines ("\n\n") are split back exactly by whoever reads the file
// paragraph by paragraph (examples/scan_paragraphs.rs).
//
//   node bench/realtext.mjs BYTES > real.txt   (chunks separated by blank lines; the
//                                               composition on stderr)
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const MIN = 200;
const MAX = 2000;
const FILE_CAP = 32 * 1024;
const utf8 = (s) => Buffer.byteLength(s);
const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function shuffle(list, r) {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** Every file under `dir` (following no links out of it), sorted; [] if it is not there. */
function files(dir) {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath ?? e.path, e.name))
      .sort(byName);
  } catch {
    return [];
  }
}

const isDir = (d) => {
  try {
    return statSync(d).isDirectory();
  } catch {
    return false;
  }
};

/** `dir`'s subdirectories, sorted; [] if it is not there. */
const subdirs = (dir) => {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort(byName);
  } catch {
    return [];
  }
};

/** The file as text: gunzipped if it ends in .gz; null if it is not UTF-8 text. */
const decoder = new TextDecoder('utf-8', { fatal: true });
function text(file) {
  try {
    let bytes = readFileSync(file);
    if (file.endsWith('.gz')) bytes = gunzipSync(bytes);
    if (bytes.includes(0)) return null;
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

// ---- the sources: each returns [group, files][] ------------------------------------------

/** name-version of every registry package in Cargo.lock. */
function lockedCrates() {
  let lock;
  try {
    lock = readFileSync(join(root, 'Cargo.lock'), 'utf8');
  } catch {
    return [];
  }
  const out = [];
  for (const block of lock.split('[[package]]').slice(1)) {
    const name = /^name = "(.*)"$/m.exec(block)?.[1];
    const version = /^version = "(.*)"$/m.exec(block)?.[1];
    if (name && version && /^source = "registry\+/m.test(block)) out.push(`${name}-${version}`);
  }
  return out.sort(byName);
}

/** The crates of Cargo.lock that cargo has unpacked (the first registry that has each). */
function crateDirs() {
  const home = process.env.CARGO_HOME || join(homedir(), '.cargo');
  const registries = subdirs(join(home, 'registry', 'src')).map((d) => join(home, 'registry', 'src', d));
  const out = [];
  for (const crate of lockedCrates()) {
    const dir = registries.map((r) => join(r, crate)).find(isDir);
    if (dir) out.push([crate, dir]);
  }
  return out;
}

function crateFiles(ext) {
  return crateDirs()
    .map(([crate, dir]) => [crate, files(dir).filter((f) => f.endsWith(ext) && !relative(dir, f).split(sep).includes('target'))])
    .filter(([, fs]) => fs.length);
}

/**
 * .md files of the project's installed npm packages, by package: node_modules/, then
 * tests/package/node_modules/ and bench/peers/node_modules/ (each installed from its lock file;
 * a package found in several keeps the first).
 */
function npmDocs() {
  const groups = new Map();
  for (const where of ['node_modules', 'tests/package/node_modules', 'bench/peers/node_modules']) {
    const dir = join(root, where);
    if (!existsSync(dir)) continue;
    const real = realpathSync(dir);
    const here = new Map();
    for (const f of files(real)) {
      if (!/\.md$/i.test(f)) continue;
      // node_modules/a/…, node_modules/@s/a/…, and nested node_modules/ as their own packages
      const parts = relative(real, f).split(sep);
      const i = parts.lastIndexOf('node_modules');
      const rest = parts.slice(i + 1);
      const pkg = rest[0]?.startsWith('@') ? rest.slice(0, 2).join('/') : rest[0];
      if (!pkg || rest.length < (pkg.includes('/') ? 3 : 2) || groups.has(pkg)) continue;
      if (!here.has(pkg)) here.set(pkg, []);
      here.get(pkg).push(f);
    }
    for (const [pkg, fs] of here) groups.set(pkg, fs);
  }
  return [...groups.entries()].sort((a, b) => byName(a[0], b[0]));
}

/** Plain-text files of /usr/share/doc/, by Debian package. */
function debianDocs() {
  const dir = '/usr/share/doc';
  const plain = /(^|\/)(README|NEWS|changelog|changelog\.Debian|copyright|AUTHORS|TODO|THANKS|FAQ|CHANGES|HISTORY)[^/]*$|\.(txt|md|rst)(\.gz)?$/i;
  return subdirs(dir)
    .map((pkg) => [pkg, files(join(dir, pkg)).filter((f) => plain.test(f) && !/\.(html?|pdf|png|gif|svg|jpg)(\.gz)?$/i.test(f))])
    .filter(([, fs]) => fs.length);
}

/** man pages (sections 1-8) in English, German and Simplified Chinese, one group per language. */
function manPages() {
  const dir = '/usr/share/man';
  const section = (d) => subdirs(d).filter((s) => /^man[1-8]$/.test(s)).flatMap((s) => files(join(d, s)));
  return [['en', section(dir)], ['de', section(join(dir, 'de'))], ['zh_CN', section(join(dir, 'zh_CN'))]]
    .filter(([, fs]) => fs.length);
}

const SOURCES = [
  ['Rust crate docs (.md, crates in Cargo.lock)', () => crateFiles('.md')],
  ['npm package docs (.md of installed packages)', npmDocs],
  ['Debian package docs (/usr/share/doc)', debianDocs],
  ['Rust crate sources (.rs, crates in Cargo.lock)', () => crateFiles('.rs')],
  ['man pages (roff; en, de, zh_CN)', manPages],
];

// ---- cutting text into chunks -----------------------------------------------------------

/** The text's paragraphs (split at blank lines), none longer than MAX bytes. */
function paragraphs(s) {
  const out = [];
  for (let p of s.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    p = p.replace(/^\n+/, '').trimEnd();
    if (!p) continue;
    if (utf8(p) <= MAX) {
      out.push(p);
      continue;
    }
    // A long paragraph: by lines; a line longer than MAX (minified code) in MAX-byte pieces.
    let cur = '';
    for (const line of p.split('\n')) {
      for (const piece of cut(line)) {
        if (cur && utf8(cur) + 1 + utf8(piece) > MAX) {
          out.push(cur);
          cur = '';
        }
        cur = cur ? `${cur}\n${piece}` : piece;
      }
    }
    if (cur.trim()) out.push(cur);
  }
  return out;
}

/** `line` in pieces of at most MAX bytes, cut between characters. */
function cut(line) {
  if (utf8(line) <= MAX) return [line];
  const pieces = [];
  let cur = '';
  let size = 0;
  for (const ch of line) {
    const n = utf8(ch);
    if (size + n > MAX) {
      pieces.push(cur);
      cur = '';
      size = 0;
    }
    cur += ch;
    size += n;
  }
  if (cur) pieces.push(cur);
  return pieces;
}

/** Blank lines inside a chunk as a line holding one space: a chunk never holds "\n\n". */
export const noBlankLines = (s) => s.replace(/\n(?=\n)/g, '\n ');

const SEP = '\n \n';

/** Chunks of MIN to MAX bytes from one file's text: whole paragraphs, at most FILE_CAP bytes. */
function chunks(s, r) {
  const paras = paragraphs(s);
  if (!paras.length) return [];
  // At most FILE_CAP bytes, from a pseudo-random paragraph of those that leave FILE_CAP after them.
  let start = 0;
  let after = paras.reduce((n, p) => n + utf8(p), 0);
  if (after > FILE_CAP) {
    let lastStart = 0;
    for (let i = 0; i < paras.length && after >= FILE_CAP; i++) {
      lastStart = i;
      after -= utf8(paras[i]);
    }
    start = Math.floor(r() * (lastStart + 1));
  }
  const out = [];
  let cur = [];
  let size = 0;
  let target = MIN + Math.floor(r() * (MAX - MIN + 1));
  const flush = () => {
    if (size >= MIN) out.push(noBlankLines(cur.join(SEP)));
    cur = [];
    size = 0;
    target = MIN + Math.floor(r() * (MAX - MIN + 1));
  };
  let total = 0;
  for (let i = start; i < paras.length && total < FILE_CAP; i++) {
    const n = utf8(paras[i]);
    if (cur.length && size + utf8(SEP) + n > MAX) flush();
    size += (cur.length ? utf8(SEP) : 0) + n;
    cur.push(paras[i]);
    total += n;
    if (size >= target) flush();
  }
  flush();
  return out;
}

// ---- the corpus ----------------------------------------------------------------------------

/**
 * About `bytes` of real text in chunks of 200 to 2,000 bytes (none holds a blank line).
 * Returns { chunks, sources: [{ name, files, bytes, chunks, present }] } (`present`: the source
 * is on this machine).
 */
export function realText(bytes, seed = 13) {
  const r = rng(seed);
  const all = [];
  const sources = [];
  let wanted = bytes;
  for (let s = 0; s < SOURCES.length; s++) {
    const [name, list] = SOURCES[s];
    const share = wanted / (SOURCES.length - s);
    // Round-robin over the groups, each group's files in a fixed pseudo-random order.
    const queues = list().map(([, fs]) => shuffle(fs, r));
    const used = { name, files: 0, bytes: 0, chunks: 0, present: queues.length > 0 };
    while (used.bytes < share && queues.some((q) => q.length)) {
      for (const q of queues) {
        if (used.bytes >= share) break;
        const file = q.shift();
        const t = file === undefined ? null : text(file);
        if (t === null) continue;
        const cs = chunks(t, r);
        if (cs.length) used.files++;
        for (const c of cs) {
          if (used.bytes >= share) break;
          all.push(c);
          used.bytes += utf8(c);
          used.chunks++;
        }
      }
    }
    sources.push(used);
    wanted -= used.bytes;
  }
  return { chunks: shuffle(all, r), sources };
}

/** The composition as lines of text. */
export function describe({ chunks: cs, sources }) {
  const total = cs.reduce((n, c) => n + utf8(c), 0);
  const lines = sources.filter((s) => s.chunks).map((s) =>
    `  ${s.name}: ${(s.bytes / 1024).toFixed(0)} KB in ${s.chunks} chunks from ${s.files} files`);
  const missing = sources.filter((s) => !s.present).map((s) => s.name);
  if (missing.length) lines.push(`  not on this machine (left out): ${missing.join('; ')}`);
  lines.unshift(`real text: ${(total / 1024).toFixed(0)} KB in ${cs.length} chunks (${MIN}-${MAX} bytes, mean ${(total / Math.max(1, cs.length)).toFixed(0)}):`);
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const corpus = realText(Number(process.argv[2] ?? 1 << 20));
  process.stderr.write(`${describe(corpus)}\n`);
  process.stdout.write(corpus.chunks.join('\n\n'));
}
