// `npx draftguard scan` from the packed tarball, installed into a scratch project: what a
// user runs in a terminal, a pre-commit hook or CI. Expected findings are never hard-coded
// where the library can say them: the CLI's results are compared with the library's own
// scan of the whole text (lines and columns computed here independently).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CARD, CARD_PREVIEW, IBAN, cleanScratch, scratchProject } from './helpers.mjs';

let dir; // the scratch project: draftguard installed, test files under work/
let lib; // the installed library, for reference results
let bin;

before(() => {
  dir = scratchProject('cli', {}, { type: 'commonjs' });
  lib = createRequire(path.join(dir, 'index.js'))('draftguard');
  bin = path.join(dir, 'node_modules/.bin/draftguard');
});
after(cleanScratch);

/** Runs the CLI in the scratch project; returns { status, stdout, stderr }. */
function cli(args, { input, cwd = dir } = {}) {
  const r = spawnSync(bin, args, { cwd, input, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.error) throw r.error;
  return r;
}

function write(rel, contents) {
  const file = path.join(dir, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, contents);
  return file;
}

// Raw values that appear in the test files; none may ever be printed.
const PASSWORD = 'Tr0ub4dor&3xq';
const AWS = 'AKIAIOSFODNN7EXAMPLF';
const EMAIL = 'jane.doe@gmail.com';
const RAW = [CARD, IBAN, PASSWORD, AWS, EMAIL, '4111111111111111', 'DE89370400440532013000'];

const NOTES = [
  'Meeting notes',
  `😀 my card: ${CARD} (expires soon)`,
  `IBAN ${IBAN}\r`,
  `db password: ${PASSWORD}`,
  `信用卡号：４１１１ １１１１ １１１１ １１１１。`,
  `aws_access_key_id = ${AWS}`,
  `write to ${EMAIL}`,
  'Order 4111 1111 1111 1112 shipped',
  '',
].join('\n');

/** The library's findings for `text`, with 1-based line/column (UTF-16) computed here. */
function expected(text, options = {}) {
  const guard = new lib.Guard({ maxInputBytes: 256 * 1024 * 1024, ...options });
  return guard.scan(text).map((f) => {
    const lineStart = text.lastIndexOf('\n', f.start - 1) + 1;
    return {
      line: text.slice(0, f.start).split('\n').length,
      column: f.start - lineStart + 1,
      kind: f.kind,
      confidence: f.confidence,
      preview: f.preview,
    };
  });
}

const pick = ({ line, column, kind, confidence, preview }) => ({ line, column, kind, confidence, preview });

function assertNoRaw(...outputs) {
  for (const out of outputs) for (const raw of RAW) assert.ok(!out.includes(raw), `a raw value was printed: ${raw.slice(0, 4)}…`);
}

test('npx draftguard scan DIR: one line per finding with file:line:column (UTF-16), kind, confidence, masked preview; exit 1', () => {
  write('work/notes.txt', NOTES);
  write('work/sub/clean.md', '# Nothing to see\nJust prose, an order number 4111 1111 1111 1112 and 10:30.\n');
  write('work/image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, ...Buffer.from(CARD)]));
  write('work/node_modules/dep/index.js', `const card = "${CARD}";\n`);
  write('work/.git/config', `password = ${PASSWORD}\n`);
  const r = spawnSync('npx', ['--offline', 'draftguard', 'scan', 'work'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const want = expected(NOTES).map((f) => `${path.join('work', 'notes.txt')}:${f.line}:${f.column}: ${f.kind} (${f.confidence}) ${f.preview}`);
  assert.ok(want.length >= 6, `the library finds the test values (${want.length})`);
  assert.deepEqual(r.stdout.trimEnd().split('\n'), want);
  // Spot checks a user would make by eye: the card after an emoji (two UTF-16 code units) is at column 13 of line 2.
  assert.ok(r.stdout.includes(`work/notes.txt:2:13: credit_card (high) ${CARD_PREVIEW}\n`), r.stdout);
  assert.match(r.stderr, /work\/image\.png: skipped, binary file/);
  assert.match(r.stderr, /; 2 files scanned, 1 binary skipped/, 'notes.txt and clean.md; nothing under node_modules or .git');
  assertNoRaw(r.stdout, r.stderr);
});

test('exit status follows --min-confidence; a clean file exits 0', () => {
  const clean = write('work2/clean.txt', 'Lunch at 12? The build number is 4111 1111 1111 1112.\n');
  const email = write('work2/email.txt', `Write to ${EMAIL} please.\n`);
  let r = cli(['scan', clean]);
  assert.equal(r.status, 0);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /0 findings; 1 file scanned/);
  const [f] = expected(readFileSync(email, 'utf8'));
  assert.equal(f.kind, 'email');
  assert.notEqual(f.confidence, 'high', 'contact details are never high');
  r = cli(['scan', email]);
  assert.equal(r.status, 1, 'default threshold low: the email counts');
  r = cli(['scan', '--min-confidence', 'high', email]);
  assert.equal(r.status, 0, 'below the threshold: not reported, exit 0');
  assert.equal(r.stdout, '');
  assertNoRaw(r.stdout, r.stderr);
});

test('usage mistakes and unreadable paths exit 2 with a clear message', () => {
  let r = cli(['scan', '--min-confidence', 'sure', 'x']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--min-confidence must be low, medium or high, got "sure"/);
  r = cli(['scan', '--kinds', 'credit_crad', '-']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /credit_crad/);
  r = cli(['scan', 'does/not/exist.txt']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /does\/not\/exist\.txt: no such file or directory/);
  r = cli(['scan', '--bogus']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--bogus/);
  r = cli(['scan', '--json', '--sarif', '-'], { input: '' });
  assert.equal(r.status, 2);
  r = cli(['--help']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /Usage: draftguard scan/);
  r = cli(['--version']);
  assert.equal(r.stdout.trim(), JSON.parse(readFileSync(path.join(dir, 'node_modules/draftguard/package.json'), 'utf8')).version);
});

test('draftguard kinds lists every detector the engine has, for --kinds', () => {
  const r = cli(['kinds']);
  assert.equal(r.status, 0);
  assert.deepEqual(r.stdout.trimEnd().split('\n').map((l) => l.split(/\s+/)[0]), lib.kinds().map((k) => k.kind));
});

test('standard input: no path or "-"', () => {
  for (const args of [['scan'], ['scan', '-']]) {
    const r = cli(args, { input: NOTES });
    assert.equal(r.status, 1);
    assert.deepEqual(
      r.stdout.trimEnd().split('\n'),
      expected(NOTES).map((f) => `<stdin>:${f.line}:${f.column}: ${f.kind} (${f.confidence}) ${f.preview}`),
    );
    assertNoRaw(r.stdout, r.stderr);
  }
});

test('--json: findings with file, line, column, kind, confidence, reasons and preview, never the value', () => {
  const file = write('work3/notes.txt', NOTES);
  const r = cli(['scan', '--json', file]);
  assert.equal(r.status, 1);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.findings.map(pick), expected(NOTES));
  for (const f of out.findings) {
    assert.equal(f.file, file);
    assert.deepEqual(Object.keys(f).sort(), ['category', 'column', 'confidence', 'end', 'endColumn', 'endLine', 'file', 'kind', 'line', 'preview', 'reasons', 'start']);
    assert.equal(NOTES.slice(f.start, f.end).length, f.end - f.start);
  }
  const card = out.findings.find((f) => f.kind === 'credit_card');
  assert.equal(NOTES.slice(card.start, card.end), CARD, 'start/end are UTF-16 offsets into the file');
  assert.equal(card.endColumn - card.column, CARD.length);
  assert.equal(out.filesScanned, 1);
  assertNoRaw(r.stdout, r.stderr);
});

test('--sarif: a SARIF 2.1.0 log with a rule per detector and a located result per finding', () => {
  write('work4/a/notes.txt', NOTES);
  const r = cli(['scan', '--sarif', 'a'], { cwd: path.join(dir, 'work4') });
  assert.equal(r.status, 1);
  const log = JSON.parse(r.stdout);
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema, /sarif-2\.1\.0/);
  const [run] = log.runs;
  assert.equal(run.tool.driver.name, 'draftguard');
  assert.equal(run.columnKind, 'utf16CodeUnits');
  const rules = run.tool.driver.rules;
  assert.deepEqual(rules.map((x) => x.id), lib.kinds().map((k) => k.kind));
  const want = expected(NOTES);
  assert.equal(run.results.length, want.length);
  run.results.forEach((res, i) => {
    assert.equal(res.ruleId, want[i].kind);
    assert.equal(rules[res.ruleIndex].id, res.ruleId);
    assert.equal(res.level, { high: 'error', medium: 'warning', low: 'note' }[want[i].confidence]);
    assert.ok(res.message.text.includes(want[i].preview));
    const loc = res.locations[0].physicalLocation;
    assert.deepEqual(loc.artifactLocation, { uri: 'a/notes.txt', uriBaseId: 'SRCROOT' });
    assert.equal(loc.region.startLine, want[i].line);
    assert.equal(loc.region.startColumn, want[i].column);
  });
  assert.ok(run.originalUriBaseIds.SRCROOT.uri.startsWith('file:///'));
  assertNoRaw(r.stdout, r.stderr);
});

test('--redact writes NAME.redacted.EXT next to the input and leaves the input as it was', () => {
  const file = write('work5/notes.txt', NOTES);
  write('work5/clean.txt', 'nothing here\n');
  const r = cli(['scan', '--redact', 'work5']);
  assert.equal(r.status, 1);
  assert.equal(readFileSync(file, 'utf8'), NOTES, 'the input is untouched');
  const copy = readFileSync(path.join(dir, 'work5/notes.redacted.txt'), 'utf8');
  assert.equal(copy, new lib.Guard().redact(NOTES).text, 'the library would redact the same');
  assert.ok(copy.includes('my card: [CREDIT CARD] (expires soon)'));
  assert.ok(!existsSync(path.join(dir, 'work5/clean.redacted.txt')), 'no copy for a file without findings');
  assertNoRaw(r.stdout, r.stderr, copy);
});

test('--redact --out-dir mirrors paths; --style mask; refusing to overwrite an input without --in-place', () => {
  write('work6/src/notes.txt', NOTES);
  let r = cli(['scan', '--redact', '--style', 'mask', '--out-dir', 'redacted', 'src'], { cwd: path.join(dir, 'work6') });
  assert.equal(r.status, 1, r.stderr);
  assert.equal(
    readFileSync(path.join(dir, 'work6/redacted/src/notes.txt'), 'utf8'),
    new lib.Guard().redact(NOTES, { style: 'mask' }).text,
  );
  // --out-dir . would write the copy over the input itself: refused, input unchanged.
  r = cli(['scan', '--redact', '--out-dir', '.', 'src/notes.txt'], { cwd: path.join(dir, 'work6') });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /would overwrite the input.*--in-place/);
  assert.equal(readFileSync(path.join(dir, 'work6/src/notes.txt'), 'utf8'), NOTES);
  // With the explicit flag it does.
  const mode = statSync(path.join(dir, 'work6/src/notes.txt')).mode;
  r = cli(['scan', '--redact', '--in-place', 'src/notes.txt'], { cwd: path.join(dir, 'work6') });
  assert.equal(r.status, 1);
  assert.equal(readFileSync(path.join(dir, 'work6/src/notes.txt'), 'utf8'), new lib.Guard().redact(NOTES).text);
  assert.equal(statSync(path.join(dir, 'work6/src/notes.txt')).mode, mode, 'file mode kept');
});

test('--redact on standard input prints the redacted text; the report goes to stderr', () => {
  const r = cli(['scan', '--redact', '--style', 'char'], { input: NOTES });
  assert.equal(r.status, 1);
  assert.equal(r.stdout, new lib.Guard().redact(NOTES, { style: 'char' }).text);
  assert.match(r.stderr, /<stdin>:2:13: credit_card/);
  assertNoRaw(r.stdout, r.stderr);
});

test('a file larger than the engine takes in one call (16 MiB) is scanned in windows: every finding exactly once, as in one whole-text scan', async () => {
  const { WINDOW, OVERLAP } = await import(path.join(dir, 'node_modules/draftguard/cli/windows.mjs'));
  // ~17 MB of ordinary lines, with test values placed across every window boundary
  // and every edge of the part a window owns (the overlap's middle).
  const filler = 'The quarterly numbers look fine, see ticket 4521 and room 12 at 10:30 today.\n';
  const values = [`card ${CARD}`, `IBAN ${IBAN}`, `password: ${PASSWORD}`, `mail ${EMAIL}`];
  let text = '';
  const target = 17 * 1024 * 1024;
  const marks = [];
  for (let w = WINDOW; w < target; w += WINDOW) {
    for (const d of [0, OVERLAP / 2, OVERLAP]) marks.push(w + d);
  }
  let m = 0;
  let v = 0;
  const parts = [];
  let len = 0;
  while (len < target) {
    if (m < marks.length && len + 200 > marks[m]) {
      const value = values[v++ % values.length];
      // Put the value so that it straddles the mark.
      const pad = Math.max(0, marks[m] - len - (value.length >> 1));
      const line = `${'x'.repeat(pad)} ${value}\n`;
      parts.push(line);
      len += line.length;
      m++;
    } else {
      parts.push(filler);
      len += filler.length;
    }
  }
  text = parts.join('');
  const file = write('big/huge.log', text);
  assert.ok(statSync(file).size > 16 * 1024 * 1024);

  const r = cli(['scan', '--json', '--redact', file]);
  assert.equal(r.status, 1, r.stderr);
  const got = JSON.parse(r.stdout).findings.map(pick);
  const want = expected(text);
  assert.ok(want.length >= marks.length, `${want.length} values in the file`);
  assert.equal(got.length, want.length, 'each value found exactly once');
  assert.deepEqual(got, want);
  const copy = readFileSync(path.join(dir, 'big/huge.redacted.log'), 'utf8');
  assert.ok(copy === new lib.Guard({ maxInputBytes: 64 << 20 }).redact(text).text, 'the redacted copy is the whole-text redaction');
});
