// Attachments: files chosen in the composer's file input, dropped onto it or pasted into it are
// checked before the page gets them. The page here is a chat whose own handlers "upload" a file
// the moment they see it (window.uploaded records what they read, bytes included), so a file
// that reached the page before the user decided would show up there.
//
//   node --test tests/e2e/      (needs /usr/bin/chromium and a build in pkg/ and pkg/files/)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './harness.mjs';
import { until } from './prompt.mjs';

const s = setup();

const CARD = '4111 1111 1111 1111';
const IBAN = 'DE89 3704 0044 0532 0130 00';
const CSV = `name,email,iban,card\nErika Mustermann,erika@example.com,${IBAN},${CARD}\nMax Muster,max@example.com,GB82 WEST 1234 5698 7654 32,5555 5555 5555 4444\n`;
const CLEAN = 'Shopping list\nmilk, eggs, bread\n';
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

const file = (name, content, mimeType = 'text/plain') => ({ name, mimeType, buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });

/**
 * A chat composer: a form with a textarea, a file input (`multiple`) and a send button; the
 * page's own handlers take a file as soon as they see it — on the input's `input` and
 * `change`, on a drop onto the form, on a paste into the textarea — and record it, read whole.
 */
async function chat(options = '{}') {
  await s.page.evaluate((options) => {
    const form = document.createElement('form');
    form.id = 'composer';
    const input = document.createElement('textarea');
    input.id = 'draft';
    const files = document.createElement('input');
    files.type = 'file';
    files.id = 'files';
    files.multiple = true;
    const button = document.createElement('button');
    button.id = 'send';
    button.textContent = 'Send';
    form.append(input, files, button);
    document.body.append(form);
    window.uploaded = [];
    window.events = [];
    window.decisions = [];
    const take = async (how, list) => {
      for (const f of list) {
        const bytes = [...new Uint8Array(await f.arrayBuffer())];
        window.uploaded.push({ how, name: f.name, type: f.type, size: f.size, bytes });
      }
    };
    for (const type of ['input', 'change']) {
      files.addEventListener(type, () => {
        window.events.push(`${type}:${files.files.length}`);
        if (type === 'change') take('input', [...files.files]);
      });
    }
    form.addEventListener('dragover', (e) => e.preventDefault());
    form.addEventListener('drop', (e) => {
      e.preventDefault();
      window.events.push(`drop:${e.dataTransfer.files.length}`);
      take('drop', [...e.dataTransfer.files]);
    });
    input.addEventListener('paste', (e) => {
      window.events.push(`paste:${e.clipboardData.files.length}`);
      if (e.clipboardData.files.length) {
        e.preventDefault();
        take('paste', [...e.clipboardData.files]);
      }
    });
    form.addEventListener('submit', (e) => e.preventDefault());
    // eslint-disable-next-line no-new-func
    const opts = new Function('return ' + options)();
    window.handle = window.dg.attach(input, { onDecision: (d) => window.decisions.push(d), ...opts });
  }, options);
}

const uploaded = () => s.page.evaluate(() => window.uploaded);
const events = () => s.page.evaluate(() => window.events);
const decisions = () => s.page.evaluate(() => window.decisions);
const text = (u) => Buffer.from(u.bytes).toString('utf8');
const waitUploaded = (n) => s.page.waitForFunction((n) => window.uploaded.length >= n, n);

/** Drops `files` (name, type, text) onto the textarea, as a DataTransfer from outside the page would. */
const drop = (files) =>
  s.page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name, { type: f.type }));
    dt.setData('text/plain', 'dropped text');
    const target = document.querySelector('#draft');
    const r = target.getBoundingClientRect();
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, composed: true, dataTransfer: dt, clientX: r.x + 5, clientY: r.y + 5 }));
  }, files);

/** Pastes `files` into the textarea, as a clipboard holding files would. */
const paste = (files) =>
  s.page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name, { type: f.type }));
    document.querySelector('#draft').dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, composed: true, clipboardData: dt }));
  }, files);

test('a clean file is read, then passes at once, without a prompt, exactly as chosen', async () => {
  const requests = [];
  s.page.on('request', (r) => requests.push(r.url()));
  await chat();
  await s.page.locator('#files').setInputFiles(file('list.txt', CLEAN));
  await waitUploaded(1);
  const [u] = await uploaded();
  assert.equal(u.name, 'list.txt');
  assert.equal(u.type, 'text/plain');
  assert.equal(text(u), CLEAN);
  assert.equal(await s.prompt.dialog(), null);
  assert.deepEqual(await events(), ['input:1', 'change:1']);
  assert.deepEqual(await decisions(), []);
  assert.ok(requests.some((u) => u.endsWith('/pkg/files/draftguard_files_bg.wasm')), 'it was read by the files module');
});

test('a file with findings: the page sees nothing until the user decides; "Attach anyway" gives it exactly that file', async () => {
  await chat();
  await s.page.locator('#files').setInputFiles(file('customers.csv', CSV, 'text/csv'));
  const d = await s.prompt.waitDialog();
  assert.equal(d.title, 'Check before you attach');
  assert.equal(d.intro, '1 file you are attaching contains data that may be sensitive.');
  assert.equal(d.rows.length, 1);
  assert.equal(d.rows[0].name, 'customers.csv');
  assert.equal(d.rows[0].category, `${CSV.length} bytes`);
  assert.equal(d.rows[0].why, '2 IBANs, 2 credit card numbers');
  assert.deepEqual(d.rows[0].previews, ['DE•• •••• •••• •••• ••30 00', '•••• •••• •••• 1111', 'GB•• •••• •••• •••• ••54 32']);
  assert.deepEqual(d.buttons, ['Remove file', 'Attach anyway', 'Attach a redacted copy']);
  // The page's own handlers saw nothing, and the input holds nothing a page could read later.
  assert.deepEqual(await events(), []);
  assert.deepEqual(await uploaded(), []);
  assert.equal(await s.page.evaluate(() => document.querySelector('#files').files.length), 0);

  await s.prompt.click('Attach anyway');
  await waitUploaded(1);
  const [u] = await uploaded();
  assert.deepEqual([u.name, u.type, text(u)], ['customers.csv', 'text/csv', CSV]);
  assert.deepEqual(await events(), ['input:1', 'change:1']);
  assert.equal(await s.page.evaluate(() => document.querySelector('#files').files[0].name), 'customers.csv');
  assert.deepEqual(await decisions(), [
    {
      action: 'attach_anyway',
      kinds: ['iban', 'credit_card'],
      files: [{ name: 'customers.csv', size: CSV.length, kinds: ['iban', 'credit_card'], checked: true, result: 'attached' }],
    },
  ]);
});

test('"Remove file" keeps it from the page for good', async () => {
  await chat();
  await s.page.locator('#files').setInputFiles(file('customers.csv', CSV, 'text/csv'));
  await s.prompt.waitDialog();
  await s.prompt.click('Remove file');
  await s.prompt.waitNoDialog();
  await until(async () => (await decisions()).length === 1, { what: 'the decision' });
  assert.deepEqual(await uploaded(), []);
  assert.deepEqual(await events(), []);
  assert.equal(await s.page.evaluate(() => document.querySelector('#files').files.length), 0);
  const [dec] = await decisions();
  assert.equal(dec.action, 'remove');
  assert.equal(dec.files[0].result, 'removed');
});

test('"Attach a redacted copy" gives a new file of the same name and type, in the file\'s own encoding', async () => {
  await chat();
  // UTF-16 LE with a byte order mark: the copy must be too.
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV, 'utf16le')]);
  await s.page.locator('#files').setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: utf16 });
  await s.prompt.waitDialog();
  await s.prompt.click('Attach a redacted copy');
  await waitUploaded(1);
  const [u] = await uploaded();
  assert.equal(u.name, 'export.csv');
  assert.equal(u.type, 'text/csv');
  const want = CSV.replace(IBAN, 'DE•• •••• •••• •••• ••30 00')
    .replace(CARD, '•••• •••• •••• 1111')
    .replace('GB82 WEST 1234 5698 7654 32', 'GB•• •••• •••• •••• ••54 32')
    .replace('5555 5555 5555 4444', '•••• •••• •••• 4444');
  assert.deepEqual(Buffer.from(u.bytes), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(want, 'utf16le')]));
  const [dec] = await decisions();
  assert.equal(dec.action, 'redact');
  assert.equal(dec.files[0].result, 'redacted');
  // Nothing of a raw value in what the page was told.
  assert.ok(!JSON.stringify(dec).includes('4111'));
});

test('several files at once are listed together; the choice applies to the ones with findings', async () => {
  await chat();
  await s.page.locator('#files').setInputFiles([
    file('list.txt', CLEAN),
    file('customers.csv', CSV, 'text/csv'),
    file('photo.jpg', JPEG, 'image/jpeg'),
  ]);
  const d = await s.prompt.waitDialog();
  assert.deepEqual(d.rows.map((r) => [r.name, r.why]), [
    ['list.txt', 'Nothing sensitive found.'],
    ['customers.csv', '2 IBANs, 2 credit card numbers'],
    ['photo.jpg', 'Not checked: photo.jpg (images are not read).'],
  ]);
  assert.deepEqual(await uploaded(), []);
  await s.prompt.click('Remove file');
  await waitUploaded(2);
  assert.deepEqual((await uploaded()).map((u) => u.name), ['list.txt', 'photo.jpg']);
  assert.deepEqual((await decisions())[0].files.map((f) => [f.name, f.checked, f.result]), [
    ['list.txt', true, 'attached'],
    ['customers.csv', true, 'removed'],
    ['photo.jpg', false, 'attached'],
  ]);
});

test('a file that cannot be read passes with a note that it was not checked', async () => {
  await chat();
  await s.page.locator('#files').setInputFiles(file('photo.jpg', JPEG, 'image/jpeg'));
  await waitUploaded(1);
  assert.equal((await s.prompt.waitNotice(/Not checked/)).text, 'Not checked: photo.jpg (images are not read).');
  assert.equal(await s.prompt.dialog(), null);
  await s.page.locator('#files').setInputFiles(file('scan.pdf', '%PDF-1.7\n%...\n', 'application/pdf'));
  await waitUploaded(2);
  assert.equal((await s.prompt.waitNotice(/scan\.pdf/)).text, 'Not checked: scan.pdf (PDF files are not read).');
});

test('a file named like an identity document gets a mindful note even when it cannot be read', async () => {
  await chat('{ locale: "de" }');
  await s.page.locator('#files').setInputFiles(file('Personalausweis.jpg', JPEG, 'image/jpeg'));
  const d = await s.prompt.waitDialog();
  assert.equal(d.title, 'Vor dem Anhängen prüfen');
  assert.equal(d.rows[0].why, 'Nicht geprüft: Personalausweis.jpg (Bilder werden nicht gelesen).');
  assert.match(d.text, /„Personalausweis\.jpg“ sieht nach einem Ausweisdokument aus/);
  assert.deepEqual(d.buttons, ['Datei entfernen', 'Trotzdem anhängen']);
  assert.deepEqual(await uploaded(), []);
  await s.prompt.click('Trotzdem anhängen');
  await waitUploaded(1);
  assert.equal((await uploaded())[0].name, 'Personalausweis.jpg');
});

test('a dropped file is held, then dropped again on the page with what else it carried', async () => {
  await chat('{ locale: "zh" }');
  await drop([{ name: 'customers.csv', type: 'text/csv', text: CSV }]);
  const d = await s.prompt.waitDialog();
  assert.equal(d.title, '附加文件前请确认');
  assert.equal(d.rows[0].why, '2 项IBAN 国际银行账号、2 项信用卡号');
  assert.deepEqual(await events(), []);
  await s.prompt.click('附加脱敏副本');
  await waitUploaded(1);
  const [u] = await uploaded();
  assert.equal(u.how, 'drop');
  assert.ok(!text(u).includes(CARD) && text(u).includes('•••• •••• •••• 1111'));
  assert.deepEqual(await events(), ['drop:1']);
  assert.equal(await s.page.evaluate(() => new Promise((r) => {
    document.querySelector('#composer').addEventListener('drop', (e) => r(e.dataTransfer.getData('text/plain')), { once: true });
    const dt = new DataTransfer();
    dt.items.add(new File(['x'], 'ok.txt', { type: 'text/plain' }));
    dt.setData('text/plain', 'carried');
    document.querySelector('#draft').dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
  })), 'carried');
});

test('a pasted file is held until the user decides', async () => {
  await chat();
  await paste([{ name: 'keys.env', type: '', text: 'AWS_ACCESS_KEY_ID=AKIALACI57K43PEADJ4S\nDB_PASSWORD=Vpn2024#ok\n' }]);
  const d = await s.prompt.waitDialog();
  assert.equal(d.rows[0].name, 'keys.env');
  assert.deepEqual(await events(), []);
  await s.prompt.click('Remove file');
  await s.prompt.waitNoDialog();
  await until(async () => (await decisions()).length === 1, { what: 'the decision' });
  assert.deepEqual(await events(), []);
  await paste([{ name: 'list.txt', type: 'text/plain', text: CLEAN }]);
  await waitUploaded(1);
  assert.deepEqual(await events(), ['paste:1']);
  assert.equal((await uploaded())[0].how, 'paste');
});

test('a script cannot answer the file prompt', async () => {
  await chat();
  await s.page.locator('#files').setInputFiles(file('customers.csv', CSV, 'text/csv'));
  await s.prompt.waitDialog();
  await s.prompt.asPage('Attach anyway', (b) => b.click());
  await s.page.waitForTimeout(300);
  assert.ok(await s.prompt.dialog(), 'the prompt is still open');
  assert.deepEqual(await uploaded(), []);
  await s.page.keyboard.press('Escape');
  await s.prompt.waitNoDialog();
  await until(async () => (await decisions()).length === 1, { what: 'the decision' });
  assert.equal((await decisions())[0].action, 'remove');
  assert.deepEqual(await uploaded(), []);
});

test('checkFiles: false leaves attachments to the page; files outside the composer are not touched', async () => {
  await chat('{ checkFiles: false }');
  await s.page.locator('#files').setInputFiles(file('customers.csv', CSV, 'text/csv'));
  await waitUploaded(1);
  assert.equal(await s.prompt.dialog(), null);

  await s.open();
  await chat();
  await s.page.evaluate(() => {
    const other = document.createElement('input');
    other.type = 'file';
    other.id = 'avatar';
    document.body.append(other);
    other.addEventListener('change', () => window.events.push(`avatar:${other.files.length}`));
  });
  await s.page.locator('#avatar').setInputFiles(file('customers.csv', CSV, 'text/csv'));
  await until(async () => (await events()).includes('avatar:1'), { what: 'the other input\'s change' });
  assert.equal(await s.prompt.dialog(), null);
});

test('the files module loads on the first attachment only, from the page\'s origin; nothing is stored', async () => {
  const requests = [];
  s.page.on('request', (r) => requests.push(r.url()));
  await chat();
  await s.page.waitForTimeout(300);
  assert.ok(!requests.some((u) => u.includes('draftguard_files')), 'not loaded before a file is attached');
  await s.page.locator('#files').setInputFiles(file('customers.csv', CSV, 'text/csv'));
  await s.prompt.waitDialog();
  await s.prompt.click('Attach a redacted copy');
  await waitUploaded(1);
  const origin = new URL(s.page.url()).origin;
  assert.ok(requests.some((u) => u === `${origin}/pkg/files/draftguard_files_bg.wasm`));
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin + '/')), []);
  const stored = await s.page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
    idb: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
  }));
  assert.deepEqual(stored, { local: 0, session: 0, cookie: '', idb: [], caches: [] });
});

test('a Word document is read in the browser too; no redacted copy of it is offered, and a damaged one is named as not checked', async () => {
  const { readFileSync } = await import('node:fs');
  const fixture = (name) => readFileSync(new URL(`../../files/tests/fixtures/${name}`, import.meta.url));
  await chat();
  const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  await s.page.locator('#files').setInputFiles({ name: 'customer.docx', mimeType: docx, buffer: fixture('customer.docx') });
  const d = await s.prompt.waitDialog();
  assert.equal(d.rows[0].why, '1 IBAN, 1 credit card number, 1 confidential document marker, 1 password');
  assert.match(d.text, /No redacted copy can be made of this format/);
  assert.deepEqual(d.buttons, ['Remove file', 'Attach anyway']);
  await s.prompt.click('Attach anyway');
  await waitUploaded(1);
  assert.ok(Buffer.from((await uploaded())[0].bytes).equals(fixture('customer.docx')), 'the document, byte for byte');

  await s.page.locator('#files').setInputFiles({ name: 'contract.docx', mimeType: docx, buffer: fixture('truncated.docx') });
  await waitUploaded(2);
  assert.equal((await s.prompt.waitNotice(/contract\.docx/)).text, 'Not checked: contract.docx (the file seems damaged).');
});

/** A CSV of about `bytes` with an IBAN and a card number every 50 rows. */
function bigCsv(bytes) {
  const rows = ['id,name,iban,card'];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const row = i % 50 === 0 ? `${i},Customer ${i},${IBAN},${CARD}` : `${i},Customer ${i},,`;
    rows.push(row);
    size += row.length + 1;
  }
  return rows.join('\n') + '\n';
}

test('a file over 1 MB is checked in the Worker, off the main thread: the same prompt, and the redacted copy from the Worker', async () => {
  const requests = [];
  s.page.on('request', (r) => requests.push(r.url()));
  await chat();
  const csv = bigCsv(1.5 * 2 ** 20);
  const n = csv.split('\n').filter((l) => l.includes(IBAN)).length;
  await s.page.locator('#files').setInputFiles(file('export.csv', csv, 'text/csv'));
  const d = await s.prompt.waitDialog();
  assert.equal(d.rows[0].why, `${n.toLocaleString('en')} IBANs, ${n.toLocaleString('en')} credit card numbers`);
  assert.deepEqual(d.rows[0].previews, ['DE•• •••• •••• •••• ••30 00', '•••• •••• •••• 1111', 'DE•• •••• •••• •••• ••30 00']);
  assert.ok(requests.some((u) => u.endsWith('/pkg/files/worker.js')), 'the Worker was started');
  assert.deepEqual(await uploaded(), []);
  await s.prompt.click('Attach a redacted copy');
  await waitUploaded(1);
  const [u] = await uploaded();
  assert.equal(u.name, 'export.csv');
  assert.equal(text(u), csv.replaceAll(IBAN, 'DE•• •••• •••• •••• ••30 00').replaceAll(CARD, '•••• •••• •••• 1111'));
  assert.deepEqual((await decisions())[0].files, [{ name: 'export.csv', size: Buffer.byteLength(csv), kinds: ['iban', 'credit_card'], checked: true, result: 'redacted' }]);
});

/**
 * Chooses huge.csv (40 MB, an IBAN and a card every 50 rows) in the composer's file input. Made
 * in the page (through Playwright's protocol it would take seconds) and chosen as a file picker
 * does: the input's list set, then `input` and `change`.
 */
const chooseHuge = () =>
  s.page.evaluate((row) => {
    const input = document.querySelector('#files');
    const dt = new DataTransfer();
    dt.items.add(new File([row.repeat(Math.ceil((40 * 2 ** 20) / row.length))], 'huge.csv', { type: 'text/csv' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, `1,Customer,${IBAN},${CARD}\n` + '2,Customer,,\n'.repeat(49));

/** A 40 MB file chosen in the composer: its progress note appears, and Cancel leaves it out. */
async function cancelLarge(options) {
  await chat(options);
  await chooseHuge();
  const progress = await until(async () => (await s.prompt.inRoots('draftguard-progress', (root) => root.querySelector('.notice p')?.textContent))[0], { what: 'the progress note', timeout: 20_000 });
  assert.match(progress, /^Checking huge\.csv… \d+ %$/);
  await s.prompt.click('Cancel');
  await until(async () => (await s.prompt.inRoots('draftguard-progress', () => 1)).length === 0, { what: 'the progress note to go' });
  await s.page.waitForTimeout(300);
  assert.equal(await s.prompt.dialog(), null);
  assert.deepEqual(await uploaded(), []);
  assert.deepEqual(await events(), []);
  assert.equal(await s.page.evaluate(() => document.querySelector('#files').files.length), 0);
}

test('a large file shows its progress, and Cancel leaves it out: the page gets nothing', () => cancelLarge());

/** Options that name the files module by URL, as the extension does: no Worker, the page's main thread. */
const IN_PAGE = "{ filesModule: new URL('/pkg/files/draftguard_files.js', location.href).href }";

test('without a Worker (the files module named by URL, as the extension names it), a large file is checked on the page in steps: the same prompt and copy', async () => {
  const requests = [];
  s.page.on('request', (r) => requests.push(r.url()));
  await chat(IN_PAGE);
  // UTF-16 LE with a byte order mark and an emoji on most rows, decoded a megabyte at a time:
  // the first megabyte ends between the two halves of an emoji (the header padded to put one
  // there), which must come out whole (a U+FFFD in the copy would show it). The first card is
  // at the start, the last near the end.
  let csv = bigCsv(1.5 * 2 ** 20).replaceAll(',,\n', ',,🙂\n');
  const split = 2 ** 19 - 1; // the UTF-16 unit before the first megabyte's end (after the mark)
  csv = csv.replace('\n', ' '.repeat(split - csv.lastIndexOf('🙂', split)) + '\n');
  assert.equal(csv.codePointAt(split), 0x1f642);
  const n = csv.split('\n').filter((l) => l.includes(IBAN)).length;
  const bom = Buffer.from([0xff, 0xfe]);
  await s.page.locator('#files').setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.concat([bom, Buffer.from(csv, 'utf16le')]) });
  const d = await s.prompt.waitDialog();
  assert.equal(d.rows[0].why, `${n.toLocaleString('en')} IBANs, ${n.toLocaleString('en')} credit card numbers`);
  assert.deepEqual(d.rows[0].previews, ['DE•• •••• •••• •••• ••30 00', '•••• •••• •••• 1111', 'DE•• •••• •••• •••• ••30 00']);
  assert.ok(!requests.some((u) => u.endsWith('/worker.js')), 'no Worker');
  assert.deepEqual(await uploaded(), []);
  await s.prompt.click('Attach a redacted copy');
  await waitUploaded(1);
  const [u] = await uploaded();
  const want = csv.replaceAll(IBAN, 'DE•• •••• •••• •••• ••30 00').replaceAll(CARD, '•••• •••• •••• 1111');
  assert.ok(Buffer.from(u.bytes).equals(Buffer.concat([bom, Buffer.from(want, 'utf16le')])), 'the copy: every value masked, every other byte as it was');
  assert.deepEqual((await decisions())[0].files, [{ name: 'export.csv', size: 2 + 2 * csv.length, kinds: ['iban', 'credit_card'], checked: true, result: 'redacted' }]);
});

test('without a Worker, a large file shows its progress too, and Cancel leaves it out', () => cancelLarge(IN_PAGE));

test('without a Worker, detaching while a large file is checked hands it on as chosen: the file is not lost', async () => {
  await chat(IN_PAGE);
  await chooseHuge();
  await until(async () => (await s.prompt.inRoots('draftguard-progress', () => 1)).length === 1, { what: 'the progress note', timeout: 20_000 });
  await s.page.evaluate(() => window.handle.detach());
  await waitUploaded(1);
  const [u] = await s.page.evaluate(() => window.uploaded.map((u) => ({ name: u.name, size: u.size })));
  assert.equal(u.name, 'huge.csv');
  assert.ok(u.size > 40 * 2 ** 20);
  assert.equal((await s.prompt.inRoots('draftguard-progress', () => 1)).length, 0, 'the note is gone');
  await s.page.waitForTimeout(300);
  assert.equal(await s.prompt.dialog(), null);
});
