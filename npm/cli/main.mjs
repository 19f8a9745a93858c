// `draftguard scan [paths…]`: the library's engine on files, directories and standard input.
//
// Never prints a raw value: findings are reported with their masked preview only, and the
// guard is never asked for values (`includeValue` stays off).

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Guard, kinds } from '../node.mjs';
import { scanWindows } from './windows.mjs';
import { replacements } from './replacements.mjs';
import { toSarif } from './sarif.mjs';

const USAGE = `Usage: draftguard scan [options] [path ...]
       draftguard kinds

Scans files, directories (recursively; .git and node_modules are skipped) or standard
input (no path, or "-") for sensitive data, on this machine. Prints one line per finding,
  FILE:LINE:COLUMN: KIND (CONFIDENCE) MASKED-PREVIEW
with lines and columns from 1, columns in UTF-16 code units. Raw values are never printed.
Binary files are skipped with a note; files of any size are read in overlapping windows.

Options:
  --min-confidence LEVEL  report (and fail on) findings of LEVEL or above:
                          low (default), medium or high
  --json                  print {findings, skipped, ...} as JSON
  --sarif                 print a SARIF 2.1.0 log (code scanning in CI)
  --kinds A,B             only these kinds (see "draftguard kinds")
  --exclude-kinds A,B     not these kinds
  --locales en,de         country-specific detectors for these languages (default: all)
  --redact                also write a redacted copy of each file with findings, next to
                          it as NAME.redacted.EXT (standard input: to standard output)
  --out-dir DIR           with --redact: write the copies under DIR instead, same relative paths
  --in-place              with --redact: overwrite the inputs instead of writing copies
  --style STYLE           with --redact: label (default, "[CREDIT CARD]"), mask or char
  -h, --help              this text
  -v, --version           the version

Exit status: 0 no findings, 1 findings at or above --min-confidence, 2 usage or read error.`;

const SKIP_DIRS = new Set(['.git', 'node_modules']);
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

  // What to scan: files in the order given, directories walked in name order.
  const inputs = [];
  const skipped = [];
  let failed = false;
  for (const p of paths.length ? paths : ['-']) {
    if (p === '-') {
      inputs.push({ name: '<stdin>', stdin: true });
      continue;
    }
    let st;
    try {
      st = fs.statSync(p);
    } catch (e) {
      err(`${p}: ${e.code === 'ENOENT' ? 'no such file or directory' : e.message}`);
      failed = true;
      continue;
    }
    if (st.isDirectory()) walk(p, inputs, skipped);
    else if (st.isFile()) inputs.push({ name: p });
    else skipped.push({ file: p, reason: 'not a regular file' });
  }

  const findings = [];
  let scanned = 0;
  for (const input of inputs) {
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
    let out = null;
    try {
      if (o.redact) out = redactTarget(input, o, io);
      const result = await scanInput(input, io, guard, redactOptions, found, out);
      if (result === 'binary') {
        skipped.push({ file: input.name, reason: 'binary' });
        err(`${input.name}: skipped, binary file`);
        out?.discard();
        continue;
      }
      scanned += 1;
      if (out) {
        if (findings.length > before) {
          out.commit();
          if (!input.stdin) err(`${input.name}: redacted copy written to ${out.target}`);
        } else {
          out.discard();
        }
      }
    } catch (e) {
      out?.discard();
      err(`${input.name}: ${e.code === 'EACCES' ? 'permission denied' : e.message}`);
      failed = true;
    }
  }

  // Standard input redacted: the redacted text is standard output, so the report goes to stderr.
  const report = o.redact && inputs.some((i) => i.stdin) ? io.stderr : io.stdout;
  if (o.json) {
    report.write(`${JSON.stringify({ version: version(), minConfidence, findings, skipped, filesScanned: scanned }, null, 2)}\n`);
  } else if (o.sarif) {
    report.write(`${JSON.stringify(toSarif({ findings, kinds: kinds(), version: version(), cwd: process.cwd() }), null, 2)}\n`);
  } else {
    for (const f of findings) report.write(`${f.file}:${f.line}:${f.column}: ${f.kind} (${f.confidence}) ${f.preview}\n`);
  }
  err(summary(findings, scanned, skipped));
  if (failed) return 2;
  return findings.length ? 1 : 0;
}

/** Scans one input; resolves to 'binary' if it was skipped as binary. */
async function scanInput(input, io, guard, redactOptions, onFinding, out) {
  const stream = input.stdin ? io.stdin : fs.createReadStream(input.name, { highWaterMark: 1 << 20 });
  let binary = false;
  async function* text() {
    const decoder = new TextDecoder('utf-8'); // invalid bytes become U+FFFD; a BOM is dropped
    let first = true;
    for await (const bytes of stream) {
      if (first) {
        first = false;
        // git's rule: a NUL byte in the first 8000 bytes means binary (UTF-16 text too).
        if (bytes.subarray(0, 8000).includes(0)) {
          binary = true;
          stream.destroy?.();
          return;
        }
      }
      yield decoder.decode(bytes, { stream: true });
    }
    yield decoder.decode();
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

/** Where a redacted copy goes; written to a temporary file first, renamed on commit(). */
function redactTarget(input, o, io) {
  if (input.stdin) {
    return { target: '<stdout>', write: (s) => io.stdout.write(s), commit() {}, discard() {} };
  }
  let target;
  if (o['in-place']) {
    target = input.name;
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
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.draftguard-${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', o['in-place'] ? fs.statSync(input.name).mode : 0o644);
  let open = true;
  const close = () => {
    if (open) fs.closeSync(fd);
    open = false;
  };
  return {
    target,
    write: (s) => fs.writeSync(fd, s),
    commit() {
      close();
      fs.renameSync(tmp, target);
    },
    discard() {
      close();
      fs.rmSync(tmp, { force: true });
    },
  };
}

function walk(dir, inputs, skipped) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(p, inputs, skipped);
    } else if (entry.isFile()) {
      inputs.push({ name: p });
    } else if (entry.isSymbolicLink()) {
      skipped.push({ file: p, reason: 'symbolic link' });
    }
  }
}

function summary(findings, scanned, skipped) {
  const by = { high: 0, medium: 0, low: 0 };
  for (const f of findings) by[f.confidence] += 1;
  const files = new Set(findings.map((f) => f.file)).size;
  const levels = Object.entries(by).filter(([, n]) => n).map(([c, n]) => `${n} ${c}`).join(', ');
  const binary = skipped.filter((s) => s.reason === 'binary').length;
  return (
    `${plural(findings.length, 'finding')}${findings.length ? ` (${levels}) in ${plural(files, 'file')}` : ''}; ` +
    `${plural(scanned, 'file')} scanned` +
    (binary ? `, ${binary} binary skipped` : '')
  );
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

function version() {
  return JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
}
