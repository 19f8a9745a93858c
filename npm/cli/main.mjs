// `draftguard scan [paths…]`: the library's engine on files, directories and standard input.
//
// Never prints a raw value: findings are reported with their masked preview only, and the
// guard is never asked for values (`includeValue` stays off).

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Guard, kinds } from '../node.mjs';
import { scanWindows } from './windows.mjs';
import { replacements } from './replacements.mjs';
import { toSarif } from './sarif.mjs';
import { walk } from './walk.mjs';
import { progressLine } from './progress.mjs';
import { joined, lineColumn, locationLabel, readDocument } from './documents.mjs';

const USAGE = `Usage: draftguard scan [options] [path ...]
       draftguard kinds

Scans files, directories (recursively, the way git sees them: see "What is skipped") or
standard input (no path, or "-") for sensitive data, on this machine. Prints one line per
finding,
  FILE:LINE:COLUMN: KIND (CONFIDENCE) MASKED-PREVIEW
with lines and columns from 1, columns in UTF-16 code units. Raw values are never printed.
Binary files (a NUL byte anywhere) are skipped with a note; files of any size are read
in overlapping windows.

Word, Excel and PowerPoint files (.docx, .xlsx, .pptx, recognised by their content) are
read too, paragraph by paragraph, cell by cell, slide by slide; their findings are located
the way the format names places:
  FILE:LOCATION: KIND (CONFIDENCE) MASKED-PREVIEW
e.g. customers.xlsx:Kunden!B2, contract.docx:paragraph 12, pitch.pptx:slide 3 notes
(--json: "location", with line and column within that paragraph or cell).

Options:
  --min-confidence LEVEL  report (and fail on) findings of LEVEL or above:
                          low (default), medium or high
  --json                  print {findings, skipped, ...} as JSON
  --sarif                 print a SARIF 2.1.0 log (code scanning in CI)
  --kinds A,B             only these kinds (see "draftguard kinds")
  --exclude-kinds A,B     not these kinds
  --locales en,de         country-specific detectors for these languages (default: all)
  --no-ignore             walk directories without reading any ignore file: everything
                          but .git, node_modules included
  --redact                also write a redacted copy of each file with findings, next to
                          it as NAME.redacted.EXT (standard input: to standard output)
  --out-dir DIR           with --redact: write the copies under DIR instead, same relative paths
  --in-place              with --redact: overwrite the inputs instead of writing copies
                          (a symbolic link: the file it points to; mode kept, and the
                          owner where permitted; a file with other hard links is refused)
  --style STYLE           with --redact: label (default, "[CREDIT CARD]"), mask or char
  --no-progress           no progress line
  -q, --quiet             no progress line, no notes, no summary on standard error
                          (errors are still printed)
  -h, --help              this text
  -v, --version           the version

What is skipped: a directory is walked as git sees it. .git is never entered. What the
.gitignore files at every level, the repository's .git/info/exclude and .draftguardignore
files (same syntax, at any level, read after the .gitignore beside them) ignore is
skipped, and so is node_modules unless an ignore file re-includes it ("!node_modules/").
The global excludes file (core.excludesFile) is not read, so every machine skips the same
files. Ignored files often hold secrets (.env): the summary counts what was ignored, and a
file named on the command line is always scanned, ignored or not (a directory named is
walked, its contents as the rules say). --no-ignore skips only .git: it is what you ask
for to see everything, dependencies too. Symbolic links inside a
directory are not followed (listed as skipped in --json); a link named on the command
line is.

Progress: a scan that runs longer than a second shows files, MB and findings so far on
standard error when it is a terminal, redrawn in place and erased at the end. It never
goes to standard output, so --json and --sarif output stays clean.

--redact only rewrites UTF-8 text: any other file is left as it is (exit status 2; a
document with findings too). What it
writes keeps every byte but the redacted values (byte order mark and line endings too),
goes to a new temporary file in the same directory, is flushed to disk, then renamed.

Exit status: 0 no findings, 1 findings at or above --min-confidence, 2 usage or read error,
or a file --redact would not rewrite.`;

const CONFIDENCE_RANK = { low: 0, medium: 1, high: 2 };

class UsageError extends Error {}

/** Runs the command line; resolves to the exit status. `io` is for tests. */
export async function main(argv, io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }) {
  const err = (line) => io.stderr.write(`draftguard: ${line}\n`);
  try {
    return await run(argv, io, err);
  } catch (e) {
    if (e instanceof UsageError) {
      err(e.message);
      io.stderr.write('Try "draftguard --help".\n');
      return 2;
    }
    err(e?.message ?? String(e));
    return 2;
  }
}

async function run(argv, io, err) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        sarif: { type: 'boolean' },
        'min-confidence': { type: 'string' },
        kinds: { type: 'string' },
        'exclude-kinds': { type: 'string' },
        locales: { type: 'string' },
        redact: { type: 'boolean' },
        'out-dir': { type: 'string' },
        'in-place': { type: 'boolean' },
        style: { type: 'string' },
        'no-ignore': { type: 'boolean' },
        'no-progress': { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new UsageError(e.message);
  }
  const { values: o, positionals } = parsed;
  if (o.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (o.version) {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (command === 'kinds') {
    for (const k of kinds()) io.stdout.write(`${k.kind.padEnd(22)} ${k.category.padEnd(14)} ${k.names.en}\n`);
    return 0;
  }
  if (command !== 'scan') throw new UsageError(command ? `unknown command ${JSON.stringify(command)}` : 'no command');

  const minConfidence = o['min-confidence'] ?? 'low';
  if (!(minConfidence in CONFIDENCE_RANK)) {
    throw new UsageError(`--min-confidence must be low, medium or high, got ${JSON.stringify(minConfidence)}`);
  }
  if (o.json && o.sarif) throw new UsageError('choose one of --json and --sarif');
  const style = o.style ?? 'label';
  if (!['label', 'mask', 'char'].includes(style)) {
    throw new UsageError(`--style must be label, mask or char, got ${JSON.stringify(style)}`);
  }
  if (!o.redact && (o['out-dir'] !== undefined || o['in-place'] || o.style !== undefined)) {
    throw new UsageError('--out-dir, --in-place and --style go with --redact');
  }
  if (o['out-dir'] !== undefined && o['in-place']) throw new UsageError('choose one of --out-dir and --in-place');
  const list = (s) => s?.split(',').map((x) => x.trim()).filter(Boolean);
  const options = { minConfidence };
  if (o.kinds !== undefined) options.kinds = list(o.kinds);
  if (o['exclude-kinds'] !== undefined) options.excludeKinds = list(o['exclude-kinds']);
  if (o.locales !== undefined) options.locales = list(o.locales);
  let guard;
  try {
    guard = new Guard(options); // names the bad option or kind
  } catch (e) {
    throw new UsageError(e.message);
  }
  const redactOptions = { style };
  const targets = paths.length ? paths : ['-'];
  // Standard input redacted: the redacted text is standard output, so the report goes to stderr.
  const stdinRedacted = o.redact && targets.includes('-');
  // The progress line is on stderr only, so it never mixes with what goes to stdout (the
  // report is written after it is erased); not while redacted text streams to stdout.
  const progress = progressLine(io.stderr, Boolean(io.stderr.isTTY) && !o.quiet && !o['no-progress'] && !stdinRedacted);
  const problem = (line) => {
    progress.clear();
    err(line);
  };
  const note = (line) => {
    if (!o.quiet) problem(line);
  };

  const skipped = [];
  let ignored = 0;
  let failed = false;
  const findings = [];
  let scanned = 0;
  // The whole list first: copies --redact writes (under --out-dir, say) must not be walked.
  for (const input of [...inputsOf(targets, { ignore: !o['no-ignore'] })]) {
    if (input.error) {
      problem(input.error);
      failed = true;
      continue;
    }
    if (input.skipped) {
      skipped.push(input.skipped);
      continue;
    }
    if (input.ignored) {
      ignored += 1;
      continue;
    }
    const before = findings.length;
    const found = (f) =>
      findings.push({
        file: input.name,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        start: f.start,
        end: f.end,
        kind: f.kind,
        category: f.category,
        confidence: f.confidence,
        reasons: f.reasons,
        preview: f.preview,
      });
    const onBytes = (n) => {
      progress.bytes += n;
      progress.findings = findings.length;
      progress.tick();
    };
    let out = null;
    try {
      const doc = input.stdin ? null : await readDocument(input.name);
      if (doc) {
        await scanDocument(doc, guard, (f) => findings.push({ file: input.name, ...f }));
        onBytes(fs.statSync(input.name).size);
        scanned += 1;
        if (o.redact && findings.length > before) {
          problem(`${input.name}: --redact rewrites UTF-8 text only; this ${doc.format} file was left as it is`);
          failed = true;
        }
        continue;
      }
      if (o.redact) out = redactTarget(input, o, io);
      const result = await scanInput(input, io, guard, redactOptions, found, out, onBytes);
      if (result === 'binary') {
        // A NUL byte may come after findings in text before it: none of them counts.
        findings.length = before;
        out?.discard();
        if (out && input.stdin) throw new Error(`binary data (a NUL byte); ${out.wrote ? 'the redacted text written above is incomplete' : 'nothing written'}`);
        skipped.push({ file: input.name, reason: 'binary' });
        note(`${input.name}: skipped, binary file`);
        continue;
      }
      scanned += 1;
      if (out) {
        if (findings.length > before) {
          out.commit();
          if (!input.stdin) note(`${input.name}: ${out.done}`);
        } else {
          out.discard();
        }
      }
    } catch (e) {
      findings.length = before;
      out?.discard();
      problem(`${input.name}: ${e.code === 'EACCES' ? 'permission denied' : e.message}`);
      failed = true;
    } finally {
      progress.files += 1;
      progress.findings = findings.length;
      progress.tick();
    }
  }
  progress.clear();

  const report = stdinRedacted ? io.stderr : io.stdout;
  if (o.json) {
    report.write(`${JSON.stringify({ version: version(), minConfidence, findings, skipped, filesScanned: scanned }, null, 2)}\n`);
  } else if (o.sarif) {
    report.write(`${JSON.stringify(toSarif({ findings, kinds: kinds(), version: version(), cwd: process.cwd() }), null, 2)}\n`);
  } else {
    for (const f of findings) {
      const where = f.location ? locationLabel(f.location) : `${f.line}:${f.column}`;
      report.write(`${f.file}:${where}: ${f.kind} (${f.confidence}) ${f.preview}\n`);
    }
  }
  if (!o.quiet) err(summary(findings, scanned, skipped, ignored));
  if (failed) return 2;
  return findings.length ? 1 : 0;
}

/**
 * What to scan, in the order given: files as named (even if an ignore file names
 * them), directories walked (see walk.mjs), "-" standard input. Yields what walk() yields.
 */
function* inputsOf(targets, { ignore }) {
  for (const p of targets) {
    if (p === '-') {
      yield { name: '<stdin>', stdin: true };
      continue;
    }
    let st;
    try {
      st = fs.statSync(p);
    } catch (e) {
      yield { error: `${p}: ${e.code === 'ENOENT' ? 'no such file or directory' : e.message}` };
      continue;
    }
    if (st.isDirectory()) yield* walk(p, { ignore });
    else if (st.isFile()) yield { name: p };
    else yield { skipped: { file: p, reason: 'not a regular file' } };
  }
}

/**
 * Scans a document's pieces (one text, "\n" between them, in windows as any file) and calls
 * `onFinding` with each finding located in its piece: `location`, and `line`, `column`,
 * `endLine`, `endColumn`, `start`, `end` within that piece's text.
 */
function scanDocument(doc, guard, onFinding) {
  const { text, pieceAt } = joined(doc.pieces);
  // One chunk: the windows cut it as they cut any long text.
  const chunks = (async function* () {
    yield text;
  })();
  return scanWindows(chunks, (window) => ({ findings: guard.scan(window) }), {
    onFinding: (f) => {
      const { piece, offset } = pieceAt(f.start);
      const end = offset + (f.end - f.start);
      const from = lineColumn(piece.text, offset);
      const to = lineColumn(piece.text, end);
      onFinding({
        location: piece.location,
        line: from.line,
        column: from.column,
        endLine: to.line,
        endColumn: to.column,
        start: offset,
        end,
        kind: f.kind,
        category: f.category,
        confidence: f.confidence,
        reasons: f.reasons,
        preview: f.preview,
      });
    },
  });
}

/** One buffer for every file read: a read stream per file allocated 1 MiB each time. */
const READ_BUFFER = Buffer.allocUnsafe(1 << 20);

/**
 * A file's bytes, chunk by chunk, read synchronously into READ_BUFFER: each chunk is valid
 * only until the next is read. Most files are small; an asynchronous read stream per file
 * cost a thread-pool round trip per open, read and close, and a new 1 MiB buffer per file.
 */
function* fileChunks(name) {
  const fd = fs.openSync(name, 'r');
  try {
    for (;;) {
      const n = fs.readSync(fd, READ_BUFFER, 0, READ_BUFFER.length, null);
      if (n === 0) return;
      yield READ_BUFFER.subarray(0, n);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Scans one input; resolves to 'binary' if it was skipped as binary. Reports bytes read to `onBytes`. */
async function scanInput(input, io, guard, redactOptions, onFinding, out, onBytes) {
  const stream = input.stdin ? io.stdin : fileChunks(input.name);
  let binary = false;
  async function* text() {
    // Scanning alone reads bytes that are not UTF-8 as U+FFFD. Redacting refuses them: the
    // copy must give back every byte it did not mean to change, so the decoder is fatal.
    // ignoreBOM keeps a byte order mark in the text, to be written back (it is not counted
    // in columns, as editors do not count it).
    const decoder = new TextDecoder('utf-8', { fatal: Boolean(out), ignoreBOM: true });
    const where = { read: 0, tail: Buffer.alloc(0) }; // bytes read before this chunk; the last 3 of them
    let start = true;
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      // A NUL byte anywhere means binary (UTF-16 text too). Git looks at the first 8000 bytes
      // only; a self-extracting archive has a text header and its payload after it.
      onBytes(bytes.length);
      if (bytes.includes(0)) {
        binary = true;
        stream.destroy?.();
        return;
      }
      let s;
      try {
        s = decoder.decode(bytes, { stream: true });
      } catch {
        throw notUtf8(where, bytes, out);
      }
      where.read += bytes.length;
      // A copy: the chunk's buffer is reused for the next read.
      where.tail = Buffer.from((bytes.length >= 3 ? bytes : Buffer.concat([where.tail, bytes])).subarray(-3));
      if (start && s) {
        start = false;
        if (s.startsWith('\uFEFF')) {
          out?.write('\uFEFF');
          s = s.slice(1);
        }
      }
      yield s;
    }
    try {
      yield decoder.decode();
    } catch {
      throw notUtf8(where, new Uint8Array(0), out);
    }
  }
  const scanWindow = out
    ? (window) => {
        const r = guard.redact(window, redactOptions);
        return { findings: r.findings, replacements: replacements(window, r.findings, r.text, redactOptions.style) };
      }
    : (window) => ({ findings: guard.scan(window) });
  await scanWindows(text(), scanWindow, { onFinding, write: out?.write });
  return binary ? 'binary' : 'ok';
}

/** The error for bytes that are not UTF-8, naming the first bad byte and its offset. */
function notUtf8({ read, tail }, bytes, out) {
  // The last chunk was valid up to a character it may have cut: start at that character.
  let from = 0;
  while (from < tail.length && (tail[from] & 0xc0) === 0x80) from += 1;
  const seen = Buffer.concat([tail.subarray(from), bytes]);
  const at = invalidUtf8At(seen);
  const offset = read - (tail.length - from) + at;
  const what = at < seen.length ? `byte 0x${seen[at].toString(16).padStart(2, '0')} at offset ${offset}` : `a character cut off at the end`;
  return new Error(
    `not UTF-8 text (${what}); --redact rewrites UTF-8 text only, ` +
      (out.wrote === undefined ? 'so the file was left as it is' : out.wrote ? 'the redacted text written stops before it' : 'nothing written'),
  );
}

/** Index of the first byte of `b` that does not belong to a valid UTF-8 sequence (b.length if none). */
function invalidUtf8At(b) {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n;
    let min;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) [n, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    if (i + n >= b.length) return i; // cut off at the end
    let cp = n ? c & (0x3f >> n) : c;
    for (let k = 1; k <= n; k++) {
      if ((b[i + k] & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (b[i + k] & 0x3f);
    }
    if (n && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) return i;
    i += n + 1;
  }
  return i;
}

/**
 * Where a redacted copy goes. It is written to a new file with a random name in the target's
 * directory, created exclusively (O_EXCL: never a file or link that was already there), and on
 * commit() flushed to disk (fsync), renamed over the target, and the directory flushed too.
 */
function redactTarget(input, o, io) {
  if (input.stdin) {
    const stdout = {
      wrote: false,
      write: (s) => {
        stdout.wrote ||= s.length > 0;
        io.stdout.write(s);
      },
      commit() {},
      discard() {},
    };
    return stdout;
  }
  const st = fs.statSync(input.name); // through a link: the file it points to
  let target;
  if (o['in-place']) {
    // A link stays a link: the file it points to is redacted. A file with other hard links is
    // refused: they would keep the original text while this name got the redacted one.
    target = fs.realpathSync(input.name);
    if (st.nlink > 1) {
      throw new Error(`has ${st.nlink} hard links; --in-place would leave the original text under the other names, so the file was left as it is (redact a copy instead)`);
    }
  } else if (o['out-dir'] !== undefined) {
    const rel = path.relative(process.cwd(), path.resolve(input.name));
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      throw new Error(`--out-dir mirrors paths below the current directory; this file is outside it`);
    }
    target = path.join(o['out-dir'], rel);
  } else {
    const ext = path.extname(input.name);
    target = ext && path.basename(input.name) !== ext
      ? `${input.name.slice(0, -ext.length)}.redacted${ext}`
      : `${input.name}.redacted`;
  }
  if (!o['in-place'] && fs.existsSync(target) && fs.realpathSync(target) === fs.realpathSync(input.name)) {
    throw new Error(`the redacted copy would overwrite the input (${target}); use --in-place to mean that`);
  }
  const dir = path.dirname(target);
  fs.mkdirSync(dir, { recursive: true });
  // A copy gets the input's permissions less the umask, as cp gives (a 0600 file's copy is 0600).
  // In place, the new file starts private and gets the input's owner and exact mode before the
  // rename.
  const { fd, tmp } = createTemp(dir, o['in-place'] ? 0o600 : st.mode & 0o777);
  let open = true;
  const close = () => {
    if (open) fs.closeSync(fd);
    open = false;
  };
  const linked = o['in-place'] && fs.lstatSync(input.name).isSymbolicLink();
  return {
    done: o['in-place'] ? `redacted in place${linked ? ` (in ${target}, which it links to)` : ''}` : `redacted copy written to ${target}`,
    write: (s) => writeAll(fd, Buffer.from(s, 'utf8')),
    commit() {
      if (o['in-place']) keepOwnerAndMode(fd, st);
      fs.fsyncSync(fd);
      close();
      fs.renameSync(tmp, target);
      fsyncDirectory(dir);
    },
    discard() {
      close();
      fs.rmSync(tmp, { force: true });
    },
  };
}

/** A new file in `dir` with a random name, created exclusively; retries if the name is taken. */
function createTemp(dir, mode) {
  for (let attempt = 1; ; attempt++) {
    const tmp = path.join(dir, `.draftguard-${randomBytes(12).toString('hex')}.tmp`);
    try {
      return { fd: fs.openSync(tmp, 'wx', mode), tmp };
    } catch (e) {
      if (e.code !== 'EEXIST' || attempt === 10) throw e;
    }
  }
}

function writeAll(fd, bytes) {
  for (let at = 0; at < bytes.length; ) at += fs.writeSync(fd, bytes, at, bytes.length - at);
}

/**
 * The input's owner where this process may set it (root may; an owner may set the group), then
 * its mode. Set-user-ID and set-group-ID bits are kept only with the owner and group they were for.
 */
function keepOwnerAndMode(fd, st) {
  let mode = st.mode & 0o7777;
  try {
    fs.fchownSync(fd, st.uid, st.gid);
  } catch {
    // Not permitted: the file now belongs to whoever ran the command, as with sed -i.
    mode &= ~0o4000;
    try {
      fs.fchownSync(fd, fs.fstatSync(fd).uid, st.gid);
    } catch {
      mode &= ~0o2000;
    }
  }
  fs.fchmodSync(fd, mode); // after chown, which may clear set-id bits
}

/** Flushes a directory's entries (the rename) to disk; not possible on every platform. */
function fsyncDirectory(dir) {
  let fd;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a directory; the rename is still done.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function summary(findings, scanned, skipped, ignored) {
  const by = { high: 0, medium: 0, low: 0 };
  for (const f of findings) by[f.confidence] += 1;
  const files = new Set(findings.map((f) => f.file)).size;
  const levels = Object.entries(by).filter(([, n]) => n).map(([c, n]) => `${n} ${c}`).join(', ');
  const binary = skipped.filter((s) => s.reason === 'binary').length;
  return (
    `${plural(findings.length, 'finding')}${findings.length ? ` (${levels}) in ${plural(files, 'file')}` : ''}; ` +
    `${plural(scanned, 'file')} scanned` +
    (binary ? `, ${binary} binary skipped` : '') +
    (ignored ? `, ${ignored} ignored` : '')
  );
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

function version() {
  return JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
}
