// `npx draftguard scan` from the packed tarball, installed into a scratch project: what a
// user runs in a terminal, a pre-commit hook or CI. Expected findings are never hard-coded
// where the library can say them: the CLI's results are compared with the library's own
// scan of the whole text (lines and columns computed here independently).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync, chownSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync,
  statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CARD, CARD_PREVIEW, IBAN, ROOT, cleanScratch, scratchProject } from './helpers.mjs';

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

// ---- --redact never damages a file (issue 12, item 10) ------------------------------------
// Every case on real files in the scratch project; "untouched" means byte for byte, and no
// file left behind in the directory.

const SPY = new URL('./cli-fs-spy.mjs', import.meta.url).href;

/** The names in a directory, sorted. */
const listing = (d) => readdirSync(d).sort();

/** Runs the CLI with the file-system spy preloaded; returns the run and the spy's log. */
function spiedCli(args, { cwd = dir, plant } = {}) {
  const log = path.join(dir, `spy-${process.hrtime.bigint()}.json`);
  const env = { ...process.env, NODE_OPTIONS: `--import=${SPY}`, DRAFTGUARD_SPY_LOG: log };
  if (plant) env.DRAFTGUARD_SPY_PLANT = plant;
  const r = spawnSync(bin, args, { cwd, env, encoding: 'utf8' });
  if (r.error) throw r.error;
  const spy = JSON.parse(readFileSync(log, 'utf8'));
  rmSync(log);
  return { r, spy };
}

test('--redact refuses a file that is not UTF-8 (Latin-1): exit 2, the file byte for byte as it was, no copy, a clear message', () => {
  // "café, card 4111 …" in Latin-1: é is the single byte 0xE9. Decoding it as UTF-8 would
  // turn it into U+FFFD (three bytes) in what gets written.
  const bytes = Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from(`, my card: ${CARD}\n`)]);
  const file = write('latin1/notes.txt', bytes);
  const before = listing(path.dirname(file));
  for (const args of [['--in-place'], [], ['--out-dir', 'latin1-out']]) {
    const r = cli(['scan', '--redact', ...args, 'latin1/notes.txt']);
    assert.equal(r.status, 2, `${args}: ${r.stderr}`);
    assert.match(r.stderr, /latin1\/notes\.txt: not UTF-8 text \(byte 0xe9 at offset 3\); --redact rewrites UTF-8 text only, so the file was left as it is/);
    assert.ok(readFileSync(file).equals(bytes), `${args}: the file is unchanged`);
    assert.deepEqual(listing(path.dirname(file)), before, `${args}: no copy, no temporary file`);
    assert.ok(!existsSync(path.join(dir, 'latin1-out/latin1/notes.txt')), 'no copy under --out-dir');
    assertNoRaw(r.stdout, r.stderr);
  }
  // A sequence cut off at the very end of the file is refused too.
  const cut = write('latin1/cut.txt', Buffer.concat([Buffer.from(`card ${CARD} `), Buffer.from('€').subarray(0, 2)]));
  const r = cli(['scan', '--redact', '--in-place', cut]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /not UTF-8 text \(byte 0xe2 at offset 25\)/);
  assert.ok(readFileSync(cut).equals(Buffer.concat([Buffer.from(`card ${CARD} `), Buffer.from('€').subarray(0, 2)])));
  // Scanning alone still reads such a file (the bytes as U+FFFD) and reports what it finds.
  assert.equal(cli(['scan', file]).status, 1);
  // From standard input, the redacted text is standard output: an error, nothing printed.
  const piped = spawnSync(bin, ['scan', '--redact'], { cwd: dir, input: bytes });
  assert.equal(piped.status, 2);
  assert.equal(piped.stdout.length, 0);
  assert.match(piped.stderr.toString(), /<stdin>: not UTF-8 text \(byte 0xe9 at offset 3\); --redact rewrites UTF-8 text only, nothing written/);
});

test('--redact --in-place keeps every byte it does not redact: BOM, CRLF and lone CR, mixed scripts, emoji across window cuts, rare characters', async () => {
  // A short file first: a byte order mark and CRLF line endings.
  const short = `my card: ${CARD}\r\nIBAN ${IBAN}\r\nthe end\r\n`;
  const small = write('roundtrip/small.txt', Buffer.from(`\uFEFF${short}`));
  assert.equal(cli(['scan', '--redact', '--in-place', small]).status, 1);
  assert.ok(readFileSync(small).equals(Buffer.from(`\uFEFF${new lib.Guard().redact(short).text}`)), 'BOM and CRLF kept');
  assert.ok(readFileSync(small, 'utf8').startsWith('\uFEFFmy card: [CREDIT CARD]\r\nIBAN [IBAN]\r\n'));

  const { WINDOW, OVERLAP } = await import(path.join(dir, 'node_modules/draftguard/cli/windows.mjs'));
  const lines = [
    `Notes\u2028with a line separator, a NEL\u0085 and a lone CR\rhere`,
    `😀 my card: ${CARD} (expires soon)`,
    `IBAN ${IBAN} — Überweisung für Zoë, naïve café, ﬁ ligature, e\u0301 (combining)`,
    `信用卡号：４１１１ １１１１ １１１１ １１１１。𠜎𠜱𠝹 (astral CJK) and 👩‍👩‍👧 (ZWJ)`,
    `db password: ${PASSWORD}`,
    `RTL \u202Eevil\u202C and \u200F marks, a BOM in the middle \uFEFF, U+FFFD \uFFFD, U+FFFF \uFFFF, tab\there`,
    `aws_access_key_id = ${AWS}`,
  ];
  // More than one window, with a run of emoji starting at an odd offset across each cut the
  // window scan makes (window end, owned part's end, next window's start), so that every cut
  // would fall between the halves of a surrogate pair.
  let body = '';
  let n = 0;
  while (body.length < WINDOW - OVERLAP) body += `${lines[n++ % lines.length]}\r\n`;
  if (body.length % 2 === 0) body += 'x';
  body += `${'😀'.repeat(OVERLAP + 1000)}\r\n`;
  for (let k = 0; k < 200; k++) body += `${lines[k % lines.length]}\r\n`;
  body += 'no newline at the end';
  const original = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]);
  assert.ok(body.length > WINDOW + OVERLAP, 'the file needs more than one window');
  const file = write('roundtrip/notes.txt', original);
  const before = listing(path.dirname(file));
  const r = cli(['scan', '--redact', '--in-place', '--json', file]);
  assert.equal(r.status, 1, r.stderr);
  const got = readFileSync(file);
  // The BOM is kept, and is not counted in columns (as editors count).
  assert.ok(got.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'byte order mark kept');
  const findings = JSON.parse(r.stdout).findings;
  assert.deepEqual(findings.map(pick), expected(body), 'the same findings as the library on the text after the BOM');
  // Byte-exact outside the values: between two findings, the file's own bytes; in place of
  // each value, its label.
  let at = 3; // in got
  let from = 0; // in body, UTF-16
  for (const f of [...findings, { start: body.length, end: body.length }]) {
    const keep = Buffer.from(body.slice(from, f.start));
    assert.ok(got.subarray(at, at + keep.length).equals(keep), `bytes before ${f.start} unchanged`);
    at += keep.length;
    if (f.start === body.length) break;
    const label = got.subarray(at).toString('utf8').match(/^\[[A-Z ]+\]/)?.[0];
    assert.ok(label, `a label in place of the ${f.kind} at ${f.start}`);
    at += Buffer.byteLength(label);
    from = f.end;
  }
  assert.equal(at, got.length, 'nothing after the last unchanged byte');
  assert.ok(got.equals(Buffer.concat([original.subarray(0, 3), Buffer.from(new lib.Guard({ maxInputBytes: 64 << 20 }).redact(body).text)])));
  assert.deepEqual(listing(path.dirname(file)), before, 'no temporary file left');
  assertNoRaw(r.stdout, r.stderr, got.toString('utf8'));
});

test('--redact skips a file with a NUL byte anywhere, also after the first 8,000 bytes and after the first 1 MiB read: untouched, no finding reported', () => {
  const text = `my card: ${CARD}\n${'ordinary log line, nothing to see here\n'.repeat(60000)}`;
  for (const at of [9000, 2_000_000]) {
    const bytes = Buffer.from(text);
    bytes[at] = 0;
    const file = write(`nul/at-${at}.log`, bytes);
    const before = listing(path.dirname(file));
    let r = cli(['scan', '--redact', '--in-place', file]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '', 'no finding reported for a binary file');
    assert.match(r.stderr, new RegExp(`at-${at}\\.log: skipped, binary file`));
    assert.match(r.stderr, /0 findings; 0 files scanned, 1 binary skipped/);
    assert.ok(readFileSync(file).equals(bytes), `NUL at ${at}: the file is unchanged`);
    assert.deepEqual(listing(path.dirname(file)), before, 'no copy, no temporary file');
    r = cli(['scan', '--redact', file]);
    assert.equal(r.status, 0);
    assert.deepEqual(listing(path.dirname(file)), before);
    r = cli(['scan', file]);
    assert.match(r.stderr, /skipped, binary file/, 'scanning alone skips it too');
  }
  // From standard input, --redact cannot skip what it was asked to print: exit 2.
  const r = cli(['scan', '--redact'], { input: Buffer.from(`card ${CARD}\n\0`) });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /<stdin>: binary data \(a NUL byte\); nothing written/);
  assert.equal(r.stdout, '');
});

test('--redact creates its temporary file exclusively, with a random name: a link planted at that name is not followed', () => {
  const victim = write('planted/victim.txt', 'an unrelated file the link points to\n');
  const file = write('planted/dir/notes.txt', NOTES);
  const { r, spy } = spiedCli(['scan', '--redact', '--in-place', 'planted/dir/notes.txt'], { plant: victim });
  assert.equal(r.status, 1, r.stderr);
  assert.equal(readFileSync(victim, 'utf8'), 'an unrelated file the link points to\n', 'the planted link was not written through');
  assert.equal(readFileSync(file, 'utf8'), new lib.Guard().redact(NOTES).text, 'and the file was still redacted');
  const opens = spy.events.filter((e) => e.op === 'open' && e.flags !== 'r');
  const [planted] = spy.events.filter((e) => e.op === 'planted');
  assert.equal(opens[0].path, planted.path);
  assert.equal(opens[0].error, 'EEXIST', 'the first name was taken: O_EXCL refused it');
  assert.equal(opens.length, 2, 'a second, new name was tried');
  for (const o of opens) {
    assert.equal(o.flags, 'wx', 'opened with O_CREAT | O_EXCL');
    assert.equal(path.dirname(o.path), path.dirname(path.resolve(dir, file)), 'in the target directory, so the rename stays on one file system');
    assert.ok(!o.path.includes(String(spy.pid)), `the name does not come from the process id: ${o.path}`);
    assert.match(path.basename(o.path), /[0-9a-f]{24}/, '96 random bits in the name');
  }
  assert.notEqual(opens[0].path, opens[1].path);
  rmSync(planted.path);
  assert.deepEqual(listing(path.dirname(file)), ['notes.txt'], 'no temporary file left');
});

test('--redact flushes the new file to disk (fsync) before it renames it over the target, then flushes the directory', () => {
  const file = write('fsync/notes.txt', NOTES);
  const { r, spy } = spiedCli(['scan', '--redact', '--in-place', file]);
  assert.equal(r.status, 1, r.stderr);
  const e = spy.events;
  const created = e.find((x) => x.op === 'open' && x.flags === 'wx');
  assert.ok(created, `the new file is created exclusively (${JSON.stringify(e.filter((x) => x.op === 'open'))})`);
  const tmp = created.path;
  const i = (pred) => e.findIndex(pred);
  const fsync = i((x) => x.op === 'fsync' && x.path === tmp);
  const close = i((x) => x.op === 'close' && x.path === tmp);
  const rename = i((x) => x.op === 'rename' && x.from === tmp);
  const dirSync = i((x, k) => k > rename && x.op === 'fsync' && x.path === path.dirname(tmp));
  assert.ok(fsync !== -1, 'the new file is fsynced');
  assert.ok(fsync < close && close < rename, 'fsync, close, then rename');
  assert.equal(e[rename].to, path.resolve(dir, file));
  assert.ok(dirSync > rename, 'the directory is fsynced after the rename');
  // A copy is written the same careful way.
  const copy = spiedCli(['scan', '--redact', write('fsync/copy-me.txt', NOTES)]);
  assert.equal(copy.r.status, 1, copy.r.stderr);
  const c = copy.spy.events;
  const t = c.find((x) => x.op === 'open' && x.flags === 'wx').path;
  const renamed = c.findIndex((x) => x.op === 'rename' && x.from === t);
  assert.equal(c[renamed].to, path.join(dir, 'fsync/copy-me.redacted.txt'));
  assert.ok(c.findIndex((x) => x.op === 'fsync' && x.path === t) < renamed, 'the copy is fsynced before its rename');
});

test('--redact --in-place on a symbolic link redacts the file it points to and the link stays a link', () => {
  const real = write('links/real/notes.txt', NOTES);
  const link = path.join(dir, 'links/notes-link.txt');
  symlinkSync('real/notes.txt', link);
  const r = cli(['scan', '--redact', '--in-place', 'links/notes-link.txt']);
  assert.equal(r.status, 1, r.stderr);
  assert.ok(lstatSync(link).isSymbolicLink(), 'still a link');
  assert.equal(readlinkSync(link), 'real/notes.txt', 'pointing where it did');
  assert.equal(readFileSync(real, 'utf8'), new lib.Guard().redact(NOTES).text, 'the file it points to is redacted: no copy of the secret left');
  assert.match(r.stderr, /links\/notes-link\.txt: redacted in place \(in .*links\/real\/notes\.txt, which it links to\)/);
  assert.deepEqual(listing(path.join(dir, 'links')), ['notes-link.txt', 'real']);
  assert.deepEqual(listing(path.join(dir, 'links/real')), ['notes.txt']);
});

test('--redact --in-place refuses a file with other hard links (they would keep the secret): exit 2, both names unchanged', () => {
  const file = write('hardlinks/notes.txt', NOTES);
  linkSync(file, path.join(dir, 'hardlinks/other-name.txt'));
  const r = cli(['scan', '--redact', '--in-place', file]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /notes\.txt: has 2 hard links; --in-place would leave the original text under the other names, so the file was left as it is/);
  assert.equal(readFileSync(file, 'utf8'), NOTES);
  assert.equal(statSync(file).ino, statSync(path.join(dir, 'hardlinks/other-name.txt')).ino, 'still one file');
  assert.deepEqual(listing(path.join(dir, 'hardlinks')), ['notes.txt', 'other-name.txt']);
});

test('--redact keeps permissions: a 0600 file stays 0600 in place and its copy is 0600; 0666 is not cut by the umask in place; the owner is kept', () => {
  const secret = write('modes/secret.txt', NOTES);
  chmodSync(secret, 0o600);
  let r = cli(['scan', '--redact', secret]);
  assert.equal(r.status, 1, r.stderr);
  assert.equal(statSync(path.join(dir, 'modes/secret.redacted.txt')).mode & 0o777, 0o600, 'the copy of a 0600 file is 0600');
  r = cli(['scan', '--redact', '--in-place', secret]);
  assert.equal(r.status, 1, r.stderr);
  assert.equal(statSync(secret).mode & 0o7777, 0o600, 'in place: still 0600');
  const shared = write('modes/shared.txt', NOTES);
  chmodSync(shared, 0o666);
  const script = write('modes/deploy.sh', `#!/bin/sh\n# card ${CARD}\n`);
  chmodSync(script, 0o750);
  r = cli(['scan', '--redact', '--in-place', shared, script]);
  assert.equal(r.status, 1, r.stderr);
  assert.equal(statSync(shared).mode & 0o7777, 0o666, 'exactly the mode it had, whatever the umask');
  assert.equal(statSync(script).mode & 0o7777, 0o750, 'still executable');
  if (process.getuid?.() === 0) {
    // Only root may give a file to someone else; as root, the owner and group are kept.
    const owned = write('modes/owned.txt', NOTES);
    chownSync(owned, 4321, 4322);
    r = cli(['scan', '--redact', '--in-place', owned]);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual([statSync(owned).uid, statSync(owned).gid], [4321, 4322], 'owner and group kept');
    assert.equal(readFileSync(owned, 'utf8'), new lib.Guard().redact(NOTES).text);
  }
});

// ---- the documented pre-commit hook (issue 12, item 11) ------------------------------------

test('the pre-commit hook in npm/README.md, run by git: every staged file is scanned whatever its name (spaces, non-ASCII, quotes, colons, a leading dash, renamed, under node_modules)', () => {
  const readme = readFileSync(path.join(ROOT, 'npm/README.md'), 'utf8');
  const hook = readme.match(/### As a git pre-commit hook[\s\S]*?```(?:bash|sh)\n([\s\S]*?)```/)?.[1];
  assert.ok(hook, 'npm/README.md shows the hook');
  const repo = scratchProject('hook', {});
  const git = (...args) => {
    const r = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
    if (r.error) throw r.error;
    return r;
  };
  const put = (name, text) => {
    mkdirSync(path.dirname(path.join(repo, name)), { recursive: true });
    writeFileSync(path.join(repo, name), text);
  };
  const commits = () => Number(git('rev-list', '--count', 'HEAD').stdout.trim() || 0);
  git('init', '-q');
  for (const [k, v] of [['user.name', 'Test'], ['user.email', 'test@example.com'], ['commit.gpgsign', 'false'], ['core.hooksPath', '.git/hooks']]) {
    git('config', k, v);
  }
  writeFileSync(path.join(repo, '.git/hooks/pre-commit'), hook, { mode: 0o755 });
  put('.gitignore', 'node_modules/\n');
  git('add', '.gitignore', 'package.json');
  let r = git('commit', '-q', '-m', 'start');
  assert.equal(r.status, 0, r.stderr);

  // Clean files with awkward names go through, and each of them was scanned.
  const clean = ['clean notes.txt', 'ünïcödé/说明 文件.md', 'it\'s "quoted".txt', '-n.txt', '1:2.txt'];
  for (const name of clean) put(name, 'Lunch at 12? Ticket 4521, room 12 at 10:30.\n');
  git('add', '--', ...clean);
  r = git('commit', '-q', '-m', 'clean files');
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
  assert.match(r.stderr, new RegExp(`0 findings; ${clean.length} files scanned`), 'every staged file was scanned');
  assert.equal(commits(), 2);

  // A secret in any of these names blocks the commit, and the report names the file.
  const secrets = {
    'my notes.txt': `my card: ${CARD}\n`,
    'données/reçu n°1.txt': `IBAN ${IBAN}\n`,
    'say "hi".txt': `db password: ${PASSWORD}\n`,
    '-rf.txt': `aws_access_key_id = ${AWS}\n`,
    '1:x.txt': `card ${CARD}\n`,
    'node_modules/vendored/config.txt': `password = ${PASSWORD}\n`,
  };
  for (const [name, text] of Object.entries(secrets)) {
    assert.ok(expected(text, { minConfidence: 'high' }).length > 0, `the library finds a high-confidence value in ${name}`);
    put(name, text);
  }
  git('add', '-f', '--', ...Object.keys(secrets));
  put('my notes.txt', 'cleaned in the working tree, but not staged\n');
  r = git('commit', '-q', '-m', 'secrets');
  assert.notEqual(r.status, 0, 'the commit is blocked');
  assert.equal(commits(), 2, 'nothing was committed');
  const out = r.stdout + r.stderr;
  for (const name of Object.keys(secrets)) {
    assert.ok(out.includes(`./${name}:1:`), `the staged ${JSON.stringify(name)} is reported:\n${out}`);
  }
  assert.match(out, /draftguard: sensitive data in the staged files \(see above\); commit with --no-verify to override/);
  assertNoRaw(out);

  // A renamed file (status R) that gained a secret is scanned too.
  git('reset', '-q');
  const long = Array.from({ length: 40 }, (_, i) => `line ${i}: the quarterly numbers look fine\n`).join('');
  put('old name.txt', long);
  git('add', 'old name.txt');
  assert.equal(git('commit', '-q', '-m', 'old').status, 0);
  git('mv', 'old name.txt', 'new näme.txt');
  put('new näme.txt', `${long}my card: ${CARD}\n`);
  git('add', 'new näme.txt');
  assert.match(git('diff', '--cached', '--name-status').stdout, /^R\d+\t/, 'git sees a rename');
  r = git('commit', '-q', '-m', 'rename');
  assert.notEqual(r.status, 0, 'the renamed file with a card blocks the commit');
  assert.ok((r.stdout + r.stderr).includes('./new näme.txt:41:10: credit_card (high)'), r.stdout + r.stderr);
});
