// The browser extension (dist/extension/, built by scripts/extension.sh) loaded unpacked into
// Debian's Chromium (--load-extension, new headless mode), on local chat pages:
//   - the prompt appears on Enter and on the send button; "Redact and send", "Edit draft" and
//     "Send anyway" do what they say, in a textarea, a contenteditable editor, a page with
//     React's value tracking emulated, and a real React 19 app (controlled textarea) that
//     sends its own state;
//   - the options page lists the engine's detectors and stores settings that the content
//     script follows: mode, allowlist, per-site disable (the allowlists on the device only);
//   - on pages whose CSP refuses WebAssembly to content scripts (`script-src 'self'`,
//     `default-src 'self'`, sent as headers), the JavaScript engine guards the input the same
//     way and the toolbar shows no "!" (that badge is for an extension that could not start at
//     all, which no page can cause honestly: no test here);
//   - storage holds settings only, never a draft; no request leaves the machine.
// The pages here send on Enter; 127.0.0.1 is added as a chat site. What differs between chat
// sites and others, settings in open tabs, re-inserted inputs, the engine loaded on focus and
// the relay that puts the guard first: follows-page.test.mjs.
//
//   node --test tests/extension/    (needs /usr/bin/chromium and bash scripts/extension.sh)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CARD, CARD_PREVIEW, IBAN } from '../package/helpers.mjs';
import { SYNCED } from '../../extension/settings.mjs';
import { buildReactChat } from '../package/react-chat.mjs';
import { launch, notice, press, prompting, until } from './launch.mjs';

const IBAN_PREVIEW = 'DE•• •••• •••• •••• ••30 00';

// Pages whose CSP lets no WebAssembly compile in a content script (crbug.com/1385796), as
// served by many large sites: the extension guards them with its JavaScript engine.
const STRICT_CSP = {
  'csp-script-src.html': "script-src 'self'",
  'csp-default-src.html': "default-src 'self'",
};

let ext;

// A chat page sends on Enter and on its send button (a <button type="button">, found by the
// extension's generic selector), and records what it sent in window.sent.
const chatPage = (input, { head = '', valueOf = 'el.value', clear = "el.value = ''" } = {}) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">${head}<title>chat</title></head>
<body><main><ul id="log"></ul>${input}<button type="button" id="send" aria-label="Send message">➤</button></main>
<script src="chat.js"></script></body></html>`;

const CHAT_JS = `
const el = document.getElementById('draft');
window.sent = [];
window.state = '';
const read = () => (el.isContentEditable ? el.innerText : (window.tracked ? window.state : el.value));
function send() {
  const text = read();
  if (!text.trim()) return;
  window.sent.push(text);
  const li = document.createElement('li');
  li.textContent = text;
  document.getElementById('log').append(li);
  if (el.isContentEditable) el.textContent = ''; else el.value = '';
  window.state = '';
}
el.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); send(); }
});
document.getElementById('send').addEventListener('click', send);
if (document.body.dataset.react !== undefined) {
  // What React does with a controlled input: an own 'value' property records every
  // programmatic write; the state changes only when an input event finds the DOM value
  // different from that record. The page sends its state, not the DOM.
  window.tracked = true;
  const proto = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value');
  let recorded = '';
  Object.defineProperty(el, 'value', {
    configurable: true,
    get() { return proto.get.call(this); },
    set(v) { recorded = String(v); proto.set.call(this, v); },
  });
  el.addEventListener('input', () => {
    const now = proto.get.call(el);
    if (now !== recorded) { recorded = now; window.state = now; }
  });
}
`;

// The page takes a file the moment its input says one was chosen (window.files records it).
const FILES_JS = `
window.files = [];
const input = document.getElementById('files');
input.addEventListener('change', async () => {
  for (const f of input.files) window.files.push([f.name, await f.text()]);
});
`;

before(async () => {
  const chat = chatPage('<textarea id="draft"></textarea>');
  ext = await launch({
    files: {
      'chat.js': CHAT_JS,
      'chat.html': chatPage('<textarea id="draft" rows="3"></textarea>'),
      'editor.html': chatPage('<div id="draft" contenteditable="true" role="textbox"></div>'),
      'tracked.html': chat.replace('<body>', '<body data-react>'),
      'files.html': chatPage('<textarea id="draft"></textarea><input type="file" id="files">').replace(
        '<script src="chat.js"></script>',
        '<script src="chat.js"></script><script src="files.js"></script>',
      ),
      'files.js': FILES_JS,
      ...Object.fromEntries(Object.keys(STRICT_CSP).map((file) => [file, chat])),
    },
    headers: Object.fromEntries(Object.entries(STRICT_CSP).map(([file, csp]) => [file, { 'Content-Security-Policy': csp }])),
    write: buildReactChat,
  });
  // These pages send on Enter: to the extension, 127.0.0.1 is a chat site the user added.
  await ext.settings({ chatSites: [{ host: '127.0.0.1' }] });
});

after(async () => {
  await ext?.close();
});

/**
 * Opens a chat page and focuses its input; with `guarded`, waits until the content script has
 * attached to it (its overlay element is in the page), so what the test types is checked.
 */
async function open(file, { guarded = true } = {}) {
  const page = await ext.context.newPage();
  await page.goto(ext.url + file);
  await page.locator('#draft').click();
  if (guarded) await page.locator('draftguard-overlay').waitFor({ state: 'attached', timeout: 10000 });
  return page;
}

const sent = (page) => page.evaluate(() => window.sent);

async function setSettings(patch) {
  await ext.settings(patch);
}

test('the extension is installed with its service worker, and opens its options page once', async () => {
  assert.match(ext.extensionId, /^[a-p]{32}$/);
  const isOptions = (p) => p.url() === `chrome-extension://${ext.extensionId}/options.html`;
  for (let i = 0; i < 100 && !ext.context.pages().some(isOptions); i++) await new Promise((r) => setTimeout(r, 100));
  const options = ext.context.pages().filter(isOptions);
  assert.equal(options.length, 1, `pages: ${ext.context.pages().map((p) => p.url())}`);
  await options[0].close();
});

test('textarea: Enter with a card number opens the prompt; "Redact and send" sends the masked text', async () => {
  const page = await open('chat.html');
  await page.locator('#draft').pressSequentially(`my card ${CARD}`);
  await page.locator('#draft').press('Enter');
  await press(page, 'Redact and send');
  await page.waitForFunction(() => window.sent.length === 1);
  assert.deepEqual(await sent(page), [`my card ${CARD_PREVIEW}`]);
  await page.close();
});

test('send button: "Edit draft" keeps the draft and sends nothing; "Send anyway" sends it as typed', async () => {
  const page = await open('chat.html');
  await page.locator('#draft').pressSequentially(`IBAN ${IBAN}`);
  await page.locator('#send').click();
  await press(page, 'Edit draft');
  assert.deepEqual(await sent(page), []);
  assert.equal(await page.locator('#draft').inputValue(), `IBAN ${IBAN}`, 'the draft is as it was');
  await page.locator('#send').click();
  await press(page, 'Send anyway');
  await page.waitForFunction(() => window.sent.length === 1);
  assert.deepEqual(await sent(page), [`IBAN ${IBAN}`], 'the user chose to send it');
  await page.close();
});

test('a draft without sensitive data is sent at once, with no prompt', async () => {
  const page = await open('chat.html');
  await page.locator('#draft').pressSequentially('see you at 10:30, order 4111 1111 1111 1112');
  await page.locator('#draft').press('Enter');
  assert.deepEqual(await sent(page), ['see you at 10:30, order 4111 1111 1111 1112']);
  assert.equal(await prompting(page), false);
  await page.close();
});

test('contenteditable editor: the prompt appears and redaction reaches what the page sends', async () => {
  const page = await open('editor.html');
  await page.locator('#draft').pressSequentially(`pay to ${IBAN}`);
  await page.locator('#send').click();
  await press(page, 'Redact and send');
  await page.waitForFunction(() => window.sent.length === 1);
  assert.deepEqual(await sent(page), [`pay to ${IBAN_PREVIEW}`]);
  await page.close();
});

test('React-style value tracker: the page sends its own state, and that state is redacted', async () => {
  const page = await open('tracked.html');
  await page.locator('#draft').pressSequentially(`card ${CARD}`);
  assert.equal(await page.evaluate(() => window.state), `card ${CARD}`, 'the page tracks its state');
  await page.locator('#draft').press('Enter');
  await press(page, 'Redact and send');
  await page.waitForFunction(() => window.sent.length === 1);
  assert.deepEqual(await sent(page), [`card ${CARD_PREVIEW}`]);
  await page.close();
});

test('React 19 controlled textarea: the app sends its state; redaction and each decision reach it', async () => {
  const page = await open('react.html');
  await page.locator('#draft').pressSequentially(`card ${CARD}`);
  await page.locator('#draft').press('Enter');
  await press(page, 'Redact and send');
  await page.waitForFunction(() => window.sent.length === 1);
  assert.deepEqual(await sent(page), [`card ${CARD_PREVIEW}`]);
  assert.equal(await page.locator('#log li').last().textContent(), `card ${CARD_PREVIEW}`, 'what React rendered');
  assert.equal(await page.locator('#draft').inputValue(), '', 'React cleared its input');
  await page.locator('#draft').pressSequentially(`IBAN ${IBAN}`);
  await page.locator('#send').click();
  // This step failed once in CI (no prompt within 15 s) and never again here: when it does,
  // say whether the draft went out unasked or is still waiting.
  await press(page, 'Edit draft').catch(async (err) => {
    const state = await page.evaluate(() => ({ sent: window.sent, draft: document.querySelector('#draft').value }));
    throw new Error(`${err.message}; the page had sent ${JSON.stringify(state.sent)}, the draft holds ${JSON.stringify(state.draft)}`);
  });
  assert.equal(await page.locator('#draft').inputValue(), `IBAN ${IBAN}`);
  await page.locator('#draft').press('End');
  await page.locator('#draft').pressSequentially(' thanks');
  await page.locator('#send').click();
  await press(page, 'Send anyway');
  await page.waitForFunction(() => window.sent.length === 2);
  assert.equal((await sent(page))[1], `IBAN ${IBAN} thanks`, 'the edited draft, as the user chose');
  await page.close();
});

test('options page: lists every detector from the engine, saves settings, rejects a bad domain', async () => {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const kinds = await page.locator('input[name=kind]').count();
  assert.ok(kinds >= 40, `${kinds} kinds listed`);
  assert.equal(await page.locator('input[name=category]').count(), 6);
  assert.equal(await page.locator('input[name=mode]:checked').getAttribute('value'), 'ask', 'defaults shown');

  await page.locator('#allowedDomains').fill('not a domain');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Not saved: not a domain: not a domain').waitFor();

  await page.locator('#allowedDomains').fill('example.org');
  await page.locator('input[name=mode][value="warn-only"]').check();
  await page.locator('#allowlist').fill(CARD);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved.').waitFor();
  const [synced, device] = await ext.worker.evaluate(() => Promise.all([chrome.storage.sync.get(null), chrome.storage.local.get(null)]));
  assert.equal(synced.mode, 'warn-only');
  assert.deepEqual(device.allowlist, [CARD]);
  assert.deepEqual(device.allowedDomains, ['example.org']);
  assert.deepEqual(Object.keys(synced).sort(), [...SYNCED].sort(), 'synced: settings only, no allowlist');
  assert.deepEqual(Object.keys(device).sort(), ['allowedDomains', 'allowlist'], 'on the device: the allowlists');
  await page.close();
});

test('saved settings apply on the next page load: warn-only never blocks; allowlisted values pass', async () => {
  await setSettings({ mode: 'warn-only', allowlist: [], disabledSites: [] });
  let page = await open('chat.html');
  await page.locator('#draft').pressSequentially(`card ${CARD}`);
  await page.locator('#draft').press('Enter');
  assert.deepEqual(await sent(page), [`card ${CARD}`], 'warn-only: sent as typed');
  await notice(page);
  await page.close();

  await setSettings({ mode: 'ask', allowlist: [CARD] });
  page = await open('chat.html');
  await page.locator('#draft').pressSequentially(`card ${CARD}`);
  await page.locator('#draft').press('Enter');
  assert.deepEqual(await sent(page), [`card ${CARD}`], 'an allowlisted value is not asked about');
  await page.locator('#draft').pressSequentially(`IBAN ${IBAN}`);
  await page.locator('#draft').press('Enter');
  await press(page, 'Redact and send');
  await page.waitForFunction(() => window.sent.length === 2);
  assert.deepEqual((await sent(page))[1], `IBAN ${IBAN_PREVIEW}`);
  await page.close();
  await setSettings({ allowlist: [] });
});

test('per-site disable: on a listed host the extension does nothing', async () => {
  await setSettings({ mode: 'ask', disabledSites: ['127.0.0.1'] });
  const page = await open('chat.html', { guarded: false });
  await page.waitForTimeout(1000); // time enough for the content script to have attached, were it on
  await page.locator('#draft').pressSequentially(`card ${CARD}`);
  await page.locator('#draft').press('Enter');
  assert.deepEqual(await sent(page), [`card ${CARD}`]);
  assert.equal(await page.locator('draftguard-overlay').count(), 0, 'nothing of the extension on the page');
  await page.close();
  await setSettings({ disabledSites: [] });
});

/** Every tab's toolbar badge text and title, as the service worker set them. */
const badges = () =>
  ext.worker.evaluate(async () => {
    const tabs = await chrome.tabs.query({});
    return Promise.all(tabs.map(async (t) => [await chrome.action.getBadgeText({ tabId: t.id }), await chrome.action.getTitle({ tabId: t.id })]));
  });

for (const [file, csp] of Object.entries(STRICT_CSP)) {
  test(`CSP "${csp}" (no WebAssembly in content scripts): the JavaScript engine guards the page, no "!" badge`, async () => {
    const page = await ext.context.newPage();
    const logged = [];
    page.on('console', (m) => { if (m.text().startsWith('draftguard')) logged.push(`${m.type()}: ${m.text()}`); });
    // (A load through the per-session URL of use_dynamic_url is also seen under the fixed ID.)
    const engineLoads = () => ext.requests.filter((u) => u === `chrome-extension://${ext.extensionId}/draftguard_js.js`).length;
    const loadsBefore = engineLoads();
    await page.goto(ext.url + file);
    assert.equal(await page.evaluate(() => typeof WebAssembly.compile), 'function', 'the page itself has WebAssembly');
    await page.waitForTimeout(300);
    assert.equal(engineLoads(), loadsBefore, 'the JS engine is not loaded before an input is focused');
    const fallback = page.waitForEvent('console', {
      predicate: (m) => m.type() === 'info' && m.text().includes('using the JavaScript engine'),
      timeout: 10000,
    });
    await page.locator('#draft').click();
    await fallback;
    await page.locator('draftguard-overlay').waitFor({ state: 'attached', timeout: 15000 });
    assert.equal(engineLoads(), loadsBefore + 1, 'the JS engine is loaded on focus, once');
    await page.locator('#draft').pressSequentially(`my card ${CARD}`);
    await page.locator('#draft').press('Enter');
    await press(page, 'Redact and send');
    await page.waitForFunction(() => window.sent.length === 1);
    assert.deepEqual(await sent(page), [`my card ${CARD_PREVIEW}`]);
    await page.locator('#draft').pressSequentially(`IBAN ${IBAN}`);
    await page.locator('#send').click();
    await press(page, 'Edit draft');
    assert.equal(await page.locator('#draft').inputValue(), `IBAN ${IBAN}`, 'the draft is as it was');
    assert.deepEqual(await sent(page), [`my card ${CARD_PREVIEW}`]);
    assert.deepEqual(logged, ['info: draftguard: this page does not allow WebAssembly; using the JavaScript engine'], 'no draft text logged');
    assert.deepEqual((await badges()).filter(([text]) => text !== ''), [], 'no badge: this tab is guarded');
    await page.close();
  });
}

test('a file chosen in the composer is checked with the files module the extension ships: held until the user decides', async () => {
  const page = await open('files.html');
  const csv = `name,iban\nErika,${IBAN}\n`;
  await page.locator('#files').setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await until(() => prompting(page), 'the file prompt');
  assert.deepEqual(await page.evaluate(() => window.files), [], 'the page has not got the file');
  await press(page, 'Attach a redacted copy');
  await until(async () => (await page.evaluate(() => window.files)).length === 1, 'the redacted copy');
  assert.deepEqual(await page.evaluate(() => window.files), [['customers.csv', `name,iban\nErika,${IBAN_PREVIEW}\n`]]);
  await page.close();
});

test('no request left the machine, no page error, and storage holds no draft', async () => {
  // chrome-extension:// URLs are the extension's own files (under its ID, or the per-session ID
  // of use_dynamic_url), read from disk.
  const foreign = ext.requests.filter((u) => !u.startsWith(ext.url) && !u.startsWith('chrome-extension://') && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(ext.pageErrors, []);
  const all = JSON.stringify(await ext.worker.evaluate(async () => [await chrome.storage.sync.get(null), await chrome.storage.local.get(null)]));
  for (const draft of [IBAN, 'my card', 'pay to', CARD_PREVIEW]) assert.ok(!all.includes(draft), `storage holds no draft text (${draft.slice(0, 6)}…)`);
});
