// The extension follows what the page does (issue 12, items 5-9), loaded unpacked into Debian's
// Chromium (new headless) on local pages. 127.0.0.1 is a chat site the user added; localhost
// (the same server) is any other site.
//   5. Enter sends only on chat sites: elsewhere it is a newline and only the form's submit is
//      guarded; a re-send goes through the button of the input's own composer; the options
//      page lists the chat sites, adds one and turns one off, open tabs follow at once, and it
//      looks like the prompt (the prompt's colours and type, light and dark).
//   6. A composer the page takes out of the document and puts back later is guarded again.
//   7. Nothing happens on a page until an input is focused: no WebAssembly compiled (on a
//      strict-CSP page that would raise a violation event the page sees), and the page cannot
//      read the extension's files (use_dynamic_url).
//   8. (migration.test.mjs: allowlists move from chrome.storage.sync to the device.)
//   9. The guard's listeners come first, before a page's own capture listeners on window; and
//      the first Enter right after focus is checked while the engine is still loading.
//
//   node --test tests/extension/    (needs /usr/bin/chromium and bash scripts/extension.sh)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CARD, CARD_PREVIEW, IBAN, ROOT } from '../package/helpers.mjs';
import { SITES } from '../../extension/sites.mjs';
import { launch, press, prompting, until } from './launch.mjs';

const STRICT_CSP = { 'Content-Security-Policy': "script-src 'self'" };

const page = (body, script) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>test</title>
<script src="watch.js"></script></head><body>${body}<script src="${script}"></script></body></html>`;

// Every page: what the page itself can see of the extension. CSP violations, and each time the
// guard's overlay element is inserted (it is inserted again when an input is attached anew).
const WATCH_JS = `
window.violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective));
window.overlays = 0;
new MutationObserver((records) => {
  for (const r of records) for (const n of r.addedNodes) if (n.localName === 'draftguard-overlay') window.overlays++;
}).observe(document.documentElement, { childList: true, subtree: true });
`;

// A chat page: Enter (from the input's own keydown listener) and the send button send.
const CHAT_JS = `
window.sent = [];
const el = document.getElementById('draft');
function send() {
  if (!el.value.trim()) return;
  window.sent.push(el.value);
  el.value = '';
}
el.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); send(); }
});
document.getElementById('send').addEventListener('click', send);
if (location.hash.startsWith('#draft=')) el.value = decodeURIComponent(location.hash.slice(7));
// A composer the app keeps while it shows something else, and puts back (Vue keep-alive).
const composer = document.getElementById('composer');
const slot = composer.parentElement;
window.park = () => composer.remove();
window.unpark = () => slot.append(composer);
`;
const CHAT = page(
  '<main><div id="composer"><textarea id="draft" rows="3"></textarea><button type="button" id="send" aria-label="Send message">➤</button></div></main>',
  'chat.js',
);

// A comment form on an ordinary site: Enter is a newline, the submit button posts.
const FORUM_JS = `
window.sent = [];
document.getElementById('comment').addEventListener('submit', (e) => {
  e.preventDefault();
  const el = document.getElementById('draft');
  window.sent.push(el.value);
  el.value = '';
});
`;
const FORUM = page('<form id="comment"><textarea id="draft" rows="4"></textarea><button type="submit">Comment</button></form>', 'forum.js');

// Two composers with identical send buttons (a chat and a side panel, two conversations).
const COMPOSERS_JS = `
window.sent = [];
for (const c of document.querySelectorAll('.composer')) {
  const input = c.querySelector('textarea');
  const send = () => {
    if (!input.value.trim()) return;
    window.sent.push(c.id + ': ' + input.value);
    input.value = '';
  };
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); send(); } });
  c.querySelector('button').addEventListener('click', send);
}
`;
const COMPOSERS = page(
  ['a', 'b'].map((id) => `<section class="composer" id="${id}"><textarea></textarea><button type="button" aria-label="Send message">➤</button></section>`).join(''),
  'composers.js',
);

// A page whose own listeners sit on window in the capture phase, registered while it loads:
// the earliest a page script can listen.
const CAPTURE_JS = `
window.sent = [];
const el = document.getElementById('draft');
function send() {
  if (!el.value.trim()) return;
  window.sent.push(el.value);
  el.value = '';
}
window.addEventListener('keydown', (e) => {
  if (e.target === el && e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); send(); }
}, true);
window.addEventListener('click', (e) => { if (e.target.closest && e.target.closest('#send')) send(); }, true);
`;
const CAPTURE = page('<textarea id="draft"></textarea><button type="button" id="send" aria-label="Send message">➤</button>', 'capture.js');

let ext;

before(async () => {
  ext = await launch({
    files: {
      'watch.js': WATCH_JS,
      'chat.js': CHAT_JS,
      'chat.html': CHAT,
      'strict.html': CHAT.replace('<main>', '<main><button type="button" id="other">other</button>'),
      'forum.js': FORUM_JS,
      'forum.html': FORUM,
      'composers.js': COMPOSERS_JS,
      'composers.html': COMPOSERS,
      'capture.js': CAPTURE_JS,
      'capture.html': CAPTURE,
    },
    headers: { 'strict.html': STRICT_CSP },
  });
  await ext.settings({ chatSites: [{ host: '127.0.0.1' }] });
});

after(async () => {
  await ext?.close();
});

/** Opens `file` on the chat site (or `url`), focuses `input`; waits until it is guarded. */
async function open(file, { url = ext.url, input = '#draft' } = {}) {
  const p = await ext.context.newPage();
  await p.goto(url + file);
  await p.locator(input).click();
  await p.locator('draftguard-overlay').waitFor({ state: 'attached', timeout: 15000 });
  return p;
}

const sent = (p) => p.evaluate(() => window.sent);
/** The page's count of guard overlays inserted so far. */
const overlays = (p) => p.evaluate(() => window.overlays);

test('5: on an ordinary site Enter is a newline; the form’s submit button is guarded, and "Send anyway" posts it', async () => {
  const p = await open('forum.html', { url: ext.otherUrl });
  const draft = p.locator('#draft');
  await draft.pressSequentially(`card ${CARD}`);
  await draft.press('Enter');
  await draft.pressSequentially('thanks');
  assert.equal(await draft.inputValue(), `card ${CARD}\nthanks`, 'Enter made a new line');
  assert.equal(await prompting(p), false, 'no prompt on Enter');
  assert.deepEqual(await sent(p), []);
  await p.getByRole('button', { name: 'Comment' }).click();
  await press(p, 'Send anyway');
  await p.waitForFunction(() => window.sent.length === 1);
  assert.deepEqual(await sent(p), [`card ${CARD}\nthanks`], 'posted as the user chose');
  await p.close();
});

test('5: "Send anyway" sends through the send button of the input’s own composer, not the first in the page', async () => {
  const p = await open('composers.html', { input: '#b textarea' });
  await p.locator('#b textarea').pressSequentially(`IBAN ${IBAN}`);
  await p.locator('#b textarea').press('Enter');
  await press(p, 'Send anyway');
  await p.waitForFunction(() => window.sent.length > 0);
  assert.deepEqual(await sent(p), [`b: IBAN ${IBAN}`]);
  // And a click on the other composer's button is not this input's send.
  await p.locator('#b textarea').pressSequentially(`card ${CARD}`);
  await p.locator('#a textarea').fill('hello');
  await p.locator('#a button').click();
  assert.deepEqual(await sent(p), [`b: IBAN ${IBAN}`, 'a: hello'], 'composer a sent at once');
  assert.equal(await prompting(p), false);
  await p.close();
});

test('5: the options page lists the chat sites, adds one and turns one off; an open tab follows without a reload', async (t) => {
  t.after(() => ext.settings({ chatSites: [{ host: '127.0.0.1' }], chatSitesOff: [] }));
  // A chat page on a site the extension does not know: Enter is the page's.
  const tab = await open('chat.html', { url: ext.otherUrl });
  await tab.locator('#draft').pressSequentially(`card ${CARD}`);
  await tab.locator('#draft').press('Enter');
  assert.deepEqual(await sent(tab), [`card ${CARD}`], 'not a chat site: Enter is not intercepted');

  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.waitForFunction(() => document.body.dataset.ready === 'true');
  for (const site of SITES) {
    const row = options.locator('#sites li', { hasText: site.name });
    assert.equal(await row.count(), 1, `${site.name} listed`);
    assert.ok((await row.textContent()).includes(site.hosts[0]), `${site.name}: its host shown`);
    assert.ok(await row.getByRole('checkbox').isChecked(), `${site.name} is on`);
  }
  await options.getByLabel('Host name (e.g.').fill('http://localhost:8080/chat');
  await options.getByLabel('Name (optional)').fill('Local chat');
  await options.getByRole('button', { name: 'Add', exact: true }).click();
  await options.getByRole('checkbox', { name: 'ChatGPT' }).uncheck();
  let before = await overlays(tab);
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByText('Saved.').waitFor();
  const stored = await ext.worker.evaluate(() => chrome.storage.sync.get(['chatSites', 'chatSitesOff']));
  assert.deepEqual(stored.chatSites.at(-1), { host: 'localhost', name: 'Local chat' });
  assert.deepEqual(stored.chatSitesOff, ['chatgpt.com']);

  await until(async () => (await overlays(tab)) > before, 'the open tab attached its input anew');
  await tab.locator('#draft').pressSequentially(`card ${CARD}`);
  await tab.locator('#draft').press('Enter');
  await press(tab, 'Edit draft');
  assert.deepEqual(await sent(tab), [`card ${CARD}`], 'now a chat site: held back');

  // Turned off again (the user's own site): Enter is the page's once more.
  await options.getByRole('checkbox', { name: 'Local chat' }).uncheck();
  before = await overlays(tab);
  await options.getByRole('button', { name: 'Save' }).click();
  await until(async () => (await overlays(tab)) > before, 'the open tab attached its input anew');
  await tab.locator('#draft').press('Enter');
  assert.deepEqual(await sent(tab), [`card ${CARD}`, `card ${CARD}`]);
  await options.close();
  await tab.close();
});

test('5: settings apply in open tabs: the extension turned off and on again for the site', async (t) => {
  t.after(() => ext.settings({ disabledSites: [] }));
  const tab = await open('chat.html');
  await ext.settings({ disabledSites: ['127.0.0.1'] });
  await tab.locator('draftguard-overlay').waitFor({ state: 'detached', timeout: 5000 });
  await tab.locator('#draft').pressSequentially(`card ${CARD}`);
  await tab.locator('#draft').press('Enter');
  assert.deepEqual(await sent(tab), [`card ${CARD}`], 'off: sent as typed');
  await ext.settings({ disabledSites: [] });
  await tab.locator('draftguard-overlay').waitFor({ state: 'attached', timeout: 5000 });
  await tab.locator('#draft').pressSequentially(`IBAN ${IBAN}`);
  await tab.locator('#draft').press('Enter');
  await press(tab, 'Redact and send');
  await tab.waitForFunction(() => window.sent.length === 2);
  assert.equal((await sent(tab))[1], 'IBAN DE•• •••• •••• •••• ••30 00');
  await tab.close();
});

/** The prompt's colours for `scheme` ("light" or "dark"), from its stylesheet. */
function promptColours(scheme) {
  const css = readFileSync(path.join(ROOT, 'src/web/prompt.css'), 'utf8');
  const block = scheme === 'dark' ? css.match(/prefers-color-scheme:\s*dark\)\s*\{\s*:host\s*\{([^}]*)\}/)[1] : css.match(/:host\s*\{([^}]*)\}/)[1];
  const light = scheme === 'dark' ? promptColours('light') : {};
  const colours = { ...light };
  for (const [, name, value] of block.matchAll(/--dg-([a-z-]+):\s*var\(--draftguard-[a-z-]+,\s*([^;]+)\);/g)) colours[name] = value.trim();
  return colours;
}

test('5: the options page looks like the prompt: its type, colours and buttons, light and dark', async () => {
  const options = await ext.context.newPage();
  // Any colour as the browser computes it, for comparing.
  const rgb = (colour) => options.evaluate((c) => {
    const e = document.createElement('i');
    e.style.color = c;
    document.body.append(e);
    const v = getComputedStyle(e).color;
    e.remove();
    return v;
  }, colour);
  for (const scheme of ['light', 'dark']) {
    await options.emulateMedia({ colorScheme: scheme });
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.waitForFunction(() => document.body.dataset.ready === 'true');
    const prompt = promptColours(scheme);
    const style = (selector, ...props) =>
      options.locator(selector).first().evaluate((e, props) => props.map((p) => getComputedStyle(e)[p]), props);
    const [font, size, bg, fg] = await style('body', 'fontFamily', 'fontSize', 'backgroundColor', 'color');
    assert.equal(font.replaceAll('"', ''), prompt.font.replaceAll('"', '').replace(/\s+/g, ' '), `${scheme}: the prompt's font stack`);
    assert.equal(size, '14px', `${scheme}: the prompt's type size`);
    assert.equal(bg, await rgb(prompt.bg), `${scheme}: background`);
    assert.equal(fg, await rgb(prompt.fg), `${scheme}: text`);
    const [saveBg, saveFg, saveRadius, saveWeight] = await style('button[type=submit]', 'backgroundColor', 'color', 'borderTopLeftRadius', 'fontWeight');
    assert.deepEqual([saveBg, saveFg, saveRadius, saveWeight], [await rgb(prompt.accent), await rgb(prompt['accent-fg']), '8px', '600'], `${scheme}: the primary button is the prompt's`);
    const [panelBorder, panelRadius] = await style('fieldset.panel', 'borderTopColor', 'borderTopLeftRadius');
    assert.deepEqual([panelBorder, panelRadius], [await rgb(prompt.border), prompt.radius], `${scheme}: panels as the prompt's`);
    const [fieldBorder, fieldBg] = await style('#allowlist', 'borderTopColor', 'backgroundColor');
    assert.deepEqual([fieldBorder, fieldBg], [await rgb(prompt.border), await rgb(prompt.bg)], `${scheme}: fields drawn in the prompt's colours`);
  }
  await options.close();
});

test('5: the options page in German and Chinese', async (t) => {
  t.after(() => ext.settings({ language: 'auto' }));
  const options = await ext.context.newPage();
  for (const [language, save, chat] of [['de', 'Speichern', 'Chat-Seiten'], ['zh', '保存', '聊天网站']]) {
    await ext.settings({ language });
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.waitForFunction(() => document.body.dataset.ready === 'true');
    assert.equal(await options.evaluate(() => document.documentElement.lang), language);
    await options.getByRole('button', { name: save }).waitFor();
    await options.getByText(chat, { exact: true }).waitFor();
  }
  await options.close();
});

test('6: a composer taken out of the page for more than 10 s and put back is guarded again', async () => {
  const p = await open('chat.html');
  await p.evaluate(() => window.park());
  await p.waitForTimeout(11_000); // attach() lets an input go after 10 s out of the document
  const before = await overlays(p);
  await p.evaluate(() => window.unpark());
  await p.locator('#draft').click();
  // Guarded again: attach() takes it back by itself when it sees it in the page (it looks every
  // 0.5 s), or the extension attaches it anew on focus once attach() has let it go for good.
  await until(async () => (await overlays(p)) > before, 'the composer is guarded again (its overlay is back)');
  await p.locator('#draft').pressSequentially(`card ${CARD}`);
  await p.locator('#draft').press('Enter');
  await press(p, 'Redact and send');
  await p.waitForFunction(() => window.sent.length === 1);
  assert.deepEqual(await sent(p), [`card ${CARD_PREVIEW}`]);
  await p.close();
});

test('7: nothing runs on a strict-CSP page until an input is focused; the page cannot read the extension’s files', async () => {
  const p = await ext.context.newPage();
  const isEngine = (u) => u.startsWith('chrome-extension://') && /\/draftguard(_bg\.wasm|\.js|_js\.js)$/.test(u);
  const from = ext.requests.length;
  await p.goto(ext.url + 'strict.html');
  // The content script is there (its module was loaded) …
  await until(() => ext.requests.slice(from).some((u) => u.endsWith('/guard.mjs')), 'the content script loaded');
  // … and focus on something that is not an input starts nothing either.
  await p.locator('#other').click();
  await p.waitForTimeout(1000);
  assert.deepEqual(await p.evaluate(() => window.violations), [], 'no CSP violation the page could report');
  assert.deepEqual(ext.requests.slice(from).filter(isEngine), [], 'no engine loaded');
  for (const file of ['guard.mjs', 'draftguard.js', 'draftguard_bg.wasm']) {
    const probe = await p.evaluate((url) => fetch(url).then((r) => `read (${r.status})`, () => 'refused'), `chrome-extension://${ext.extensionId}/${file}`);
    assert.equal(probe, 'refused', `the page cannot read ${file} (and so tell the extension is installed)`);
  }
  // The input focused: now the engine starts (on this page, WebAssembly is refused and the
  // JavaScript engine guards it: the violation the page sees comes from that first try).
  await p.locator('#draft').click();
  await p.locator('draftguard-overlay').waitFor({ state: 'attached', timeout: 15000 });
  assert.ok((await p.evaluate(() => window.violations)).length > 0, 'the page does see violations (this check works)');
  await p.close();
});

test('9: the guard comes before the page’s own capture listeners on window; "Send anyway" then sends once', async () => {
  const p = await open('capture.html');
  await p.locator('#draft').pressSequentially(`card ${CARD}`);
  await p.locator('#draft').press('Enter');
  await press(p, 'Edit draft');
  assert.deepEqual(await sent(p), [], 'Enter held back before the page saw it');
  await p.locator('#send').click();
  await press(p, 'Send anyway');
  await p.waitForFunction(() => window.sent.length > 0);
  assert.deepEqual(await sent(p), [`card ${CARD}`], 'sent once, as typed');
  await p.close();
});

test('9: the first Enter right after focus is checked, while the engine is still loading', async () => {
  const p = await ext.context.newPage();
  // A draft the page restored; on this page the engine is the JavaScript one (the slowest to load).
  await p.goto(`${ext.url}strict.html#draft=${encodeURIComponent(`card ${CARD}`)}`);
  await p.locator('#draft').click();
  await p.locator('#draft').press('Enter');
  await press(p, 'Send anyway');
  await p.waitForFunction(() => window.sent.length > 0);
  assert.deepEqual(await sent(p), [`card ${CARD}`]);
  await p.close();
});
