// `draftguard scan` on Word, Excel and PowerPoint files (from the packed tarball): their text
// comes from the package's files module, and each finding is located the way the format names
// places. Expected findings come from the library itself: the files module's pieces, each
// scanned by a Guard, compared with what the CLI reports.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT, cleanScratch, scratchProject } from './helpers.mjs';

let dir;
let lib;
let files;
let bin;

before(async () => {
  dir = scratchProject('cli-documents', {}, { type: 'commonjs' });
  lib = createRequire(path.join(dir, 'index.js'))('draftguard');
  // The files module as the package exports it: `draftguard/files`.
  files = await import(path.join(dir, 'node_modules/draftguard/files/draftguard_files.js'));
  files.initSync({ module: readFileSync(path.join(dir, 'node_modules/draftguard/files/draftguard_files_bg.wasm')) });
  bin = path.join(dir, 'node_modules/.bin/draftguard');
  mkdirSync(path.join(dir, 'docs'), { recursive: true });
  for (const f of ['customer.docx', 'customers.xlsx', 'pitch.pptx', 'truncated.docx']) {
    copyFileSync(path.join(ROOT, 'files/tests/fixtures', f), path.join(dir, 'docs', f));
  }
});
after(cleanScratch);

function cli(args) {
  const r = spawnSync(bin, args, { cwd: dir, encoding: 'utf8' });
  if (r.error) throw r.error;
  return r;
}

/** The library's findings in each piece of `name`: location, line and column within the piece. */
function expected(name) {
  const bytes = readFileSync(path.join(dir, 'docs', name));
  const { pieces } = files.extract(bytes, files.sniff(name, bytes));
  const guard = new lib.Guard();
  return pieces.flatMap((p) =>
    guard.scan(p.text).map((f) => {
      const lineStart = p.text.lastIndexOf('\n', f.start - 1) + 1;
      return {
        location: p.location,
        line: p.text.slice(0, f.start).split('\n').length,
        column: f.start - lineStart + 1,
        kind: f.kind,
        preview: f.preview,
      };
    }),
  );
}

const pick = ({ location, line, column, kind, preview }) => ({ location, line, column, kind, preview });

test('--json: findings in docx, xlsx and pptx with their paragraph, cell or slide', () => {
  for (const name of ['customer.docx', 'customers.xlsx', 'pitch.pptx']) {
    const r = cli(['scan', '--json', `docs/${name}`]);
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    const want = expected(name);
    assert.ok(want.length >= 3, `${name} has findings`);
    assert.deepEqual(out.findings.map(pick), want, name);
    assert.equal(out.filesScanned, 1);
    for (const f of out.findings) assert.equal(f.file, `docs/${name}`);
  }
  const xlsx = JSON.parse(cli(['scan', '--json', 'docs/customers.xlsx']).stdout);
  assert.deepEqual(xlsx.findings[0].location, { type: 'cell', sheet: 'Kunden', cell: 'B2' });
  assert.ok(xlsx.findings.some((f) => f.location.sheet === 'Geheim'), 'hidden sheets too');
});

test('text output names the place as the format does; no raw value is printed', () => {
  const r = cli(['scan', 'docs']);
  assert.equal(r.status, 2, 'a document that cannot be read is a read error');
  const lines = r.stdout.trim().split('\n');
  assert.ok(lines.includes('docs/customer.docx:paragraph 2: iban (high) DE•• •••• •••• •••• ••30 00'), r.stdout);
  assert.ok(lines.includes('docs/customer.docx:word/footnotes.xml paragraph 2: password (high) ••••••••'), r.stdout);
  assert.ok(lines.includes('docs/customers.xlsx:Kunden!B2: iban (high) DE•• •••• •••• •••• ••30 00'), r.stdout);
  assert.ok(lines.includes('docs/pitch.pptx:slide 1 notes: credit_card (high) •••• •••• •••• 1111'), r.stdout);
  for (const raw of ['DE89 3704', '4111 1111 1111 1111']) assert.ok(!r.stdout.includes(raw) && !r.stderr.includes(raw));
  // The damaged one is named, with what is wrong; the others are still scanned.
  assert.match(r.stderr, /docs\/truncated\.docx: docx file not read: not a zip file, or its end is missing/);
  assert.match(r.stderr, /3 files scanned/);
});

test('--sarif: a document\'s finding has the file and a logical location, no line region', () => {
  const r = cli(['scan', '--sarif', 'docs/customers.xlsx']);
  const [run] = JSON.parse(r.stdout).runs;
  const want = expected('customers.xlsx');
  assert.equal(run.results.length, want.length);
  const [first] = run.results[0].locations;
  assert.deepEqual(first.physicalLocation, { artifactLocation: { uri: 'docs/customers.xlsx', uriBaseId: 'SRCROOT' } });
  assert.deepEqual(first.logicalLocations, [{ fullyQualifiedName: 'Kunden!B2', kind: 'element' }]);
});

test('--redact leaves a document with findings as it is and says so (exit 2); a plain zip is still skipped as binary', () => {
  const before = readFileSync(path.join(dir, 'docs/customer.docx'));
  const r = cli(['scan', '--redact', 'docs/customer.docx']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--redact rewrites UTF-8 text only; this docx file was left as it is/);
  assert.ok(readFileSync(path.join(dir, 'docs/customer.docx')).equals(before));
  // A zip that is no Office document: as before, binary.
  const zip = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(40)]);
  writeFileSync(path.join(dir, 'docs-archive.zip'), zip);
  const z = cli(['scan', '--json', 'docs-archive.zip']);
  assert.equal(z.status, 0, z.stderr);
  assert.deepEqual(JSON.parse(z.stdout).skipped, [{ file: 'docs-archive.zip', reason: 'binary' }]);
});
