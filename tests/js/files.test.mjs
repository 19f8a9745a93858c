// The files module (pkg/files/, built by scripts/build.sh from files/src/wasm.rs) from Node:
// sniff, extract with locations as plain objects, extractText, typed errors, encode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../../pkg/files/', import.meta.url));
if (!existsSync(`${pkg}draftguard_files.js`)) {
  throw new Error(`pkg/files/ is missing: build it first (bash scripts/build.sh)`);
}
const { initSync, sniff, extract, extractText, encode } = await import(`${pkg}draftguard_files.js`);
initSync({ module: readFileSync(`${pkg}draftguard_files_bg.wasm`) });

const fixture = (name) => readFileSync(fileURLToPath(new URL(`../../files/tests/fixtures/${name}`, import.meta.url)));

test('Office files give their pieces with a location each, as plain objects', () => {
  const docx = fixture('customer.docx');
  assert.equal(sniff('x.bin', docx), 'docx');
  const d = extract(docx, 'docx');
  assert.equal(d.format, 'docx');
  assert.deepEqual(d.pieces[1], {
    text: 'Customer: Erika Mustermann, IBAN DE89 3704 0044 0532 0130 00.',
    location: { type: 'paragraph', part: 'word/document.xml', index: 2 },
  });
  const x = extract(fixture('customers.xlsx'), 'xlsx');
  assert.deepEqual(x.pieces[0], { text: 'Name', location: { type: 'cell', sheet: 'Kunden', cell: 'A1' } });
  const p = extract(fixture('pitch.pptx'), sniff('pitch.pptx', fixture('pitch.pptx')));
  assert.deepEqual(p.pieces[0].location, { type: 'slide', slide: 1 });
  assert.ok(p.pieces.some((piece) => piece.location.type === 'notes'));
});

test('extractText is the pieces joined by newlines, one string, with a text file\'s encoding', () => {
  for (const [name, format] of [['customer.docx', 'docx'], ['customers.xlsx', 'xlsx'], ['pitch.pptx', 'pptx']]) {
    const bytes = fixture(name);
    const joined = extract(bytes, format).pieces.map((p) => p.text).join('\n');
    assert.deepEqual(extractText(bytes, format), { format, text: joined, encoding: null });
  }
  const utf16 = new Uint8Array([0xff, 0xfe, 0x68, 0x00, 0xe9, 0x00, 0x0a, 0x00]);
  assert.deepEqual(extractText(utf16, 'text'), { format: 'text', text: 'hé\n', encoding: 'utf-16le' });
  assert.deepEqual(extractText(new Uint8Array(0), 'text'), { format: 'text', text: '', encoding: null });
  assert.throws(() => extractText(fixture('bomb.docx'), 'docx'), { name: 'FileError', code: 'compression_ratio' });
  assert.throws(() => extractText(new Uint8Array(1), 'odt'), { name: 'FileError', code: 'bad_argument' });
});

test('text by content, in its encoding, and encode writes it back byte for byte', () => {
  const utf16 = new Uint8Array([0xff, 0xfe, 0x68, 0x00, 0xe9, 0x00, 0x0a, 0x00]);
  assert.equal(sniff('notes', utf16), 'text');
  const { pieces } = extract(utf16, 'text');
  assert.deepEqual(pieces, [{ text: 'hé\n', location: { type: 'text', encoding: 'utf-16le' } }]);
  assert.deepEqual(encode('hé\n', 'utf-16le'), utf16);
  assert.deepEqual([...encode('a', 'utf-8-bom')], [0xef, 0xbb, 0xbf, 0x61]);
  assert.deepEqual([...encode('a', 'utf-16be')], [0xfe, 0xff, 0x00, 0x61]);
});

test('what is not read, and damage, are typed errors with a code', () => {
  const pdf = new TextEncoder().encode('%PDF-1.7\n...');
  assert.equal(sniff('scan.pdf', pdf), 'pdf');
  assert.throws(() => extract(pdf, 'pdf'), { name: 'FileError', code: 'not_readable', format: 'pdf' });
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]);
  assert.equal(sniff('photo.jpg', jpeg), 'unreadable');
  assert.throws(() => extract(fixture('truncated.docx'), 'docx'), (e) => e.name === 'FileError' && /^zip_|not_a_zip/.test(e.code));
  assert.throws(() => extract(fixture('bomb.docx'), 'docx'), { name: 'FileError', code: 'compression_ratio' });
  assert.throws(() => extract(new Uint8Array(1), 'odt'), { name: 'FileError', code: 'bad_argument' });
  assert.throws(() => encode('x', 'latin-1'), { name: 'FileError', code: 'bad_argument' });
});
