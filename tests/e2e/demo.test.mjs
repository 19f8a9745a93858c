// End-to-end tests of the mindful-sharing prompt on the demo chat page (www/), in headless
// Debian Chromium. The page embeds the built pkg/ exactly as a site would (attach()).
//
//   node --test tests/e2e/      (needs /usr/bin/chromium and a build in pkg/: bash scripts/build.sh)
//
// Screenshots of the dialog in en/de/zh are written to test-artifacts/.

import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';
import { CHROMIUM, launchChromium } from '../chromium.mjs';
import { Prompt, until } from './prompt.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');

const CARD = '4111 1111 1111 1111';
const CARD_PREVIEW = '•••• •••• •••• 1111';
const IBAN = 'DE89 3704 0044 0532 0130 00';
const IBAN_PREVIEW = 'DE•• •••• •••• •••• ••30 00';

let server;
let browser;
let context;
let page;
/** The prompt of `page` (its shadow roots are closed: see prompt.mjs). */
let prompt;
/** Every URL the page requested during the current test. */
let requests = [];
let pageErrors = [];

before(async () => {
  assert.ok(
    existsSync(CHROMIUM),
    `${CHROMIUM} not found: install it with \`apt-get install -y chromium\` (do not use \`npx playwright install\`).`,
  );
  for (const file of ['pkg/draftguard.js', 'pkg/draftguard_bg.wasm']) {
    assert.ok(existsSync(path.join(ROOT, file)), `${file} not found: build it first with \`bash scripts/build.sh\`.`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serve({ port: 0 });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage({ locale = 'en-US', colorScheme = 'light' } = {}) {
  context = await browser.newContext({ viewport: { width: 1000, height: 760 }, locale, colorScheme });
  page = await context.newPage();
  prompt = new Prompt(page);
  requests = [];
  pageErrors = [];
  page.on('request', (req) => requests.push(req.url()));
  page.on('pageerror', (err) => pageErrors.push(err));
  await page.goto(server.url);
  await page.waitForSelector('body[data-guard="ready"]', { timeout: 15_000 });
}

beforeEach(async () => {
  await openPage();
});

afterEach(async () => {
  if (!server || !context) return;
  // Nothing leaves the device and nothing is stored, after every test.
  const origin = new URL(server.url).origin;
  const foreign = requests.filter((url) => !url.startsWith(origin + '/'));
  const stored = await page
    .evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      cookies: document.cookie,
      idb: (await indexedDB.databases()).map((d) => d.name),
    }))
    .catch(() => null);
  await context.close();
  context = null;
  assert.deepEqual(foreign, [], `the page contacted something other than ${origin}`);
  if (stored) assert.deepEqual(stored, { local: 0, session: 0, cookies: '', idb: [] }, 'nothing stored');
  assert.deepEqual(pageErrors.map(String), [], 'uncaught errors on the page');
});

const draft = () => page.locator('#draft');
const sent = () => page.locator('#messages li.outgoing .bubble').allTextContents();
/** The open dialog as a user sees it (prompt.mjs), or null. */
const dialog = () => prompt.dialog();
const marks = async () => (await prompt.marks())[0] ?? [];

/** Types like a user would. */
async function typeDraft(text, target = draft()) {
  await target.click();
  await target.pressSequentially(text, { delay: 2 });
}

/** Waits until the live highlights show exactly `expected`. */
const waitForMarks = (expected) => prompt.waitMarks(expected);

/** What the dialog lists: name, category, previews and why, for each row. */
async function listed() {
  return (await prompt.waitDialog()).rows.map((r) => ({ name: r.name, category: r.category, preview: r.previews.join(' '), why: r.why }));
}

/** The element focused inside the dialog (its text or label), or null. */
const focusedInDialog = async () => (await prompt.dialog())?.focused ?? null;

test('Enter with a card number opens the dialog and sends nothing', async () => {
  const text = `Please charge my card ${CARD} today`;
  await typeDraft(text);
  await draft().press('Enter');
  const d = await prompt.waitDialog();

  assert.deepEqual(await sent(), [], 'nothing was sent');
  assert.equal(await draft().inputValue(), text, 'the draft is intact (no newline added)');
  assert.equal(d.attrs['aria-modal'], 'true');
  assert.equal(d.modal, true, 'modal: in the top layer, the page behind inert');
  assert.equal(d.labelledBy, 'Check before you send');
  assert.match(d.attrs['aria-describedby'], /\S/);
  assert.deepEqual(await listed(), [
    {
      name: 'Credit card number',
      category: 'Financial',
      preview: CARD_PREVIEW,
      why: 'Why: its check digits are valid; next to “card”',
    },
  ]);
  const note = d.note;
  assert.match(note, /financial data, medical information, passwords and confidential documents/);
  assert.equal(await focusedInDialog(), 'Redact and send', 'focus moved into the dialog');
  // The raw number appears nowhere in the dialog.
  assert.ok(!d.text.includes('4111'));
});

test('Redact and send puts the masked text in the message list (controlled text box)', async () => {
  await typeDraft(`card ${CARD}, IBAN ${IBAN}`);
  await draft().press('Enter');
  await prompt.click('Redact and send');
  await page.locator('#messages li.outgoing').first().waitFor();

  assert.deepEqual(await sent(), [`card ${CARD_PREVIEW}, IBAN ${IBAN_PREVIEW}`]);
  assert.equal(await dialog(), null, 'dialog closed');
  assert.equal(await draft().inputValue(), '', 'the page cleared its input after sending');
  assert.equal(await page.locator('#decision').textContent(), 'Last decision: redact (credit_card, iban)');
  assert.equal(await page.locator('#messages li.outgoing .tag').textContent(), 'redacted');
  await waitForMarks([]);
});

test('each finding can be kept: only the ticked ones are redacted', async () => {
  await typeDraft(`card ${CARD}, IBAN ${IBAN}`);
  await draft().press('Enter');
  await prompt.click(/^Redact: IBAN/, { role: 'checkbox' });
  await prompt.click('Redact and send');
  await page.locator('#messages li.outgoing').first().waitFor();
  assert.deepEqual(await sent(), [`card ${CARD_PREVIEW}, IBAN ${IBAN}`]);
});

test('Send anyway sends the original exactly once (send button click)', async () => {
  const text = `my IBAN is ${IBAN}`;
  await typeDraft(text);
  await page.locator('#send').click();
  await prompt.waitDialog();
  assert.deepEqual(await sent(), []);
  await prompt.click('Send anyway');
  await page.locator('#messages li.outgoing').first().waitFor();
  await page.waitForTimeout(300); // a second send would show up by now
  assert.deepEqual(await sent(), [text]);
  assert.equal(await page.locator('#decision').textContent(), 'Last decision: send_anyway (iban)');
  assert.equal(await dialog(), null);
});

test('Edit draft and Esc keep the draft intact and focused', async () => {
  const text = `IBAN ${IBAN} and card ${CARD}`;
  await typeDraft(text);
  await draft().press('Enter');
  await prompt.click('Edit draft');
  await prompt.waitNoDialog();
  assert.equal(await draft().inputValue(), text);
  assert.ok(await draft().evaluate((el) => document.activeElement === el), 'the draft has focus');
  assert.deepEqual(await sent(), []);

  await draft().press('Enter');
  await prompt.waitDialog();
  await page.keyboard.press('Escape');
  await prompt.waitNoDialog();
  assert.equal(await draft().inputValue(), text);
  assert.ok(await draft().evaluate((el) => document.activeElement === el));
  assert.deepEqual(await sent(), []);
  assert.equal(await page.locator('#decision').textContent(), 'Last decision: edit (iban, credit_card)');
});

test('Shift+Enter inserts a newline; a clean draft sends at once', async () => {
  await typeDraft('first line');
  await draft().press('Shift+Enter');
  await draft().pressSequentially('second line');
  assert.equal(await draft().inputValue(), 'first line\nsecond line');
  assert.equal(await dialog(), null);
  assert.deepEqual(await sent(), []);

  await draft().press('Enter');
  await page.locator('#messages li.outgoing').first().waitFor({ timeout: 1000 });
  assert.deepEqual(await sent(), ['first line\nsecond line']);
  assert.equal(await dialog(), null, 'no prompt for a clean draft');
});

test('a number that fails its check is not flagged and sends at once', async () => {
  await typeDraft('Order 4111 1111 1111 1112 shipped');
  await page.waitForTimeout(300);
  assert.deepEqual(await marks(), []);
  await draft().press('Enter');
  await page.locator('#messages li.outgoing').first().waitFor({ timeout: 1000 });
  assert.deepEqual(await sent(), ['Order 4111 1111 1111 1112 shipped']);
});

test('Enter during an IME composition does not send or prompt', async () => {
  await typeDraft(`卡号 ${CARD} `);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'nihao', selectionStart: 5, selectionEnd: 5 });
  // Enter commits the composition; it is not a send.
  await page.keyboard.press('Enter');
  await page.waitForTimeout(200);
  assert.equal(await dialog(), null, 'no dialog while composing');
  assert.deepEqual(await sent(), []);
  await cdp.send('Input.insertText', { text: '你好' });
  await page.waitForTimeout(50);
  assert.ok((await draft().inputValue()).startsWith(`卡号 ${CARD} `));
  // After the composition, Enter is a send again: the prompt opens.
  await draft().press('Enter');
  await prompt.waitDialog();
  assert.deepEqual(await sent(), []);
});

test('live highlights follow the draft, with UTF-16 offsets after emoji and CJK', async () => {
  const text = `😀 卡号：${CARD} and ${IBAN}`;
  await typeDraft(text);
  await waitForMarks([CARD, IBAN]);
  const [badge] = await prompt.badges();
  assert.equal(badge.text, '2');
  assert.equal(badge.title, '2 sensitive items in this draft');
  // The highlight is drawn over the card inside the text box.
  const box = await draft().boundingBox();
  const [mark] = await prompt.boxes('draftguard-overlay', '.mirror mark');
  assert.ok(mark.x > box.x && mark.x + mark.width < box.x + box.width, 'mark inside the box horizontally');
  assert.ok(mark.y > box.y && mark.y + mark.height < box.y + box.height, 'mark inside the box vertically');
  // Editing the card away clears its highlight.
  await draft().fill('nothing here');
  await waitForMarks([]);
  assert.ok((await prompt.badges())[0].hidden);
});

test('pasting sensitive text shows a gentle notice', async () => {
  await draft().click();
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    const el = document.querySelector('#draft');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, `AWS_ACCESS_KEY_ID=AKIALACI57K43PEADJ4S`);
  const notice = await prompt.waitNotice();
  assert.equal(notice.role, 'status');
  assert.match(notice.text, /^What you pasted contains API key/);
  assert.ok(!notice.text.includes('AKIA'), 'no raw value in the notice');
});

test('the contenteditable editor behaves the same', async () => {
  await page.locator('#variant').selectOption('rich');
  const rich = page.locator('#rich');
  await typeDraft(`hello`, rich);
  await rich.press('Shift+Enter');
  await rich.pressSequentially(`my card is ${CARD}`);
  await until(async () => (await prompt.inRoots('draftguard-overlay', (root) => root.querySelectorAll('.box').length))[1] > 0, {
    what: 'highlight boxes in the rich editor',
  });
  await rich.press('Enter');
  await prompt.waitDialog();
  assert.deepEqual(await sent(), []);
  assert.deepEqual((await listed()).map((f) => f.preview), [CARD_PREVIEW]);
  await prompt.click('Redact and send');
  await page.locator('#messages li.outgoing').first().waitFor();
  assert.deepEqual(await sent(), [`hello\nmy card is ${CARD_PREVIEW}`]);
  assert.equal(await rich.textContent(), '', 'the page cleared its editor after sending');
});

test('contenteditable: Edit keeps the draft, Send anyway sends it once', async () => {
  await page.locator('#variant').selectOption('rich');
  const rich = page.locator('#rich');
  const text = `IBAN ${IBAN}`;
  await typeDraft(text, rich);
  await rich.press('Enter');
  await page.keyboard.press('Escape');
  await prompt.waitNoDialog();
  assert.equal(await rich.innerText(), text);
  await rich.press('Enter');
  await prompt.click('Send anyway');
  await page.locator('#messages li.outgoing').first().waitFor();
  await page.waitForTimeout(300);
  assert.deepEqual(await sent(), [text]);
});

test('keyboard only: Tab stays in the dialog, Enter activates, Esc goes back', async () => {
  await typeDraft(`card ${CARD}`);
  await draft().press('Enter');
  await prompt.waitDialog();
  const seen = [];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    seen.push(await focusedInDialog());
  }
  // Redact and send → checkbox → Edit draft → Send anyway → Redact and send → checkbox.
  assert.deepEqual(seen, [
    `Redact: Credit card number ${CARD_PREVIEW}`,
    'Edit draft',
    'Send anyway',
    'Redact and send',
    `Redact: Credit card number ${CARD_PREVIEW}`,
  ]);
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focusedInDialog(), 'Redact and send');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focusedInDialog(), 'Edit draft');
  await page.keyboard.press('Enter');
  await prompt.waitNoDialog();
  assert.equal(await draft().inputValue(), `card ${CARD}`);
  // And again, sending with the keyboard alone.
  await draft().press('Enter');
  await prompt.waitDialog();
  await page.keyboard.press('Enter'); // focus starts on "Redact and send"
  await page.locator('#messages li.outgoing').first().waitFor();
  assert.deepEqual(await sent(), [`card ${CARD_PREVIEW}`]);
});

test('a redaction the page rejects is not sent and the draft is kept', async () => {
  // A framework-controlled box that refuses changes containing the mask character.
  await page.evaluate(() => {
    const el = document.querySelector('#draft');
    let last = '';
    el.addEventListener('input', () => {
      if (el.value.includes('•')) el.value = last;
      else last = el.value;
    });
  });
  const text = `card ${CARD}`;
  await typeDraft(text);
  await draft().press('Enter');
  await prompt.click('Redact and send');
  const notice = await prompt.waitNotice();
  assert.equal(notice.role, 'alert');
  assert.ok(notice.warn);
  assert.equal(notice.text, 'The draft could not be redacted in this editor, so nothing was sent. Your draft is unchanged.');
  assert.equal(await draft().inputValue(), text);
  assert.deepEqual(await sent(), []);
  assert.equal(await page.locator('#decision').textContent(), 'Last decision: edit (credit_card) — write_back_failed');
});

test('German and Chinese prompts are translated (screenshots in test-artifacts/)', async () => {
  const expect = {
    en: { title: 'Check before you send', buttons: ['Edit draft', 'Send anyway', 'Redact and send'], name: 'Credit card number' },
    de: { title: 'Vor dem Senden prüfen', buttons: ['Entwurf bearbeiten', 'Trotzdem senden', 'Schwärzen und senden'], name: 'Kreditkartennummer' },
    zh: { title: '发送前请确认', buttons: ['编辑草稿', '仍然发送', '脱敏后发送'], name: '信用卡号' },
  };
  const decided = { en: 'Last decision:', de: 'Letzte Entscheidung:', zh: '最近的决定：' };
  for (const [lang, want] of Object.entries(expect)) {
    await page.locator('#language').selectOption(lang);
    // The line the last language's decision (Escape: edit) left on the page
    // switches language with the page.
    if (lang !== 'en') {
      const line = await page.locator('#decision').textContent();
      assert.ok(line.startsWith(decided[lang]), line);
    }
    await draft().fill('');
    await typeDraft(`${lang === 'zh' ? '卡号' : 'Karte/card'} ${CARD} IBAN ${IBAN}`);
    await draft().press('Enter');
    const d = await prompt.waitDialog();
    assert.equal(d.attrs.lang, lang);
    assert.equal(d.title, want.title);
    assert.deepEqual(d.buttons, want.buttons);
    assert.equal((await listed())[0].name, want.name);
    await page.waitForTimeout(250); // the dialog's entrance animation
    await page.screenshot({ path: path.join(ARTIFACTS, `dialog-${lang}.png`) });
    await page.keyboard.press('Escape');
    await prompt.waitNoDialog();
  }
  // Plurals: two findings in each language.
  await page.locator('#language').selectOption('de');
  await draft().press('Enter');
  assert.equal((await prompt.waitDialog()).intro, 'Ihre Nachricht enthält 2 Angaben, die vertraulich sein könnten.');
  await page.keyboard.press('Escape');
});

test('the UI language follows the browser language by default', async () => {
  await context.close();
  await openPage({ locale: 'zh-CN', colorScheme: 'dark' });
  await typeDraft(`卡号 ${CARD}`);
  await draft().press('Enter');
  const d = await prompt.waitDialog();
  assert.equal(d.title, '发送前请确认');
  assert.equal(await page.locator('[data-t="send"]').textContent(), '发送');
  // Dark mode comes from prefers-color-scheme.
  assert.equal(d.background, 'rgb(28, 33, 40)');
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join(ARTIFACTS, 'dialog-zh-dark.png') });
});

test('the page only contacts its own server', async () => {
  await typeDraft(`card ${CARD}`);
  await draft().press('Enter');
  await prompt.click('Redact and send');
  await page.locator('#messages li.outgoing').first().waitFor();
  await page.waitForLoadState('networkidle');
  assert.ok(requests.some((u) => u.endsWith('/pkg/draftguard_bg.wasm')), 'the wasm was fetched from the server');
  // (afterEach asserts no foreign request and no storage)
});

test('without the detector the chat still works and the page says so', async () => {
  await context.close();
  context = await browser.newContext();
  page = await context.newPage();
  prompt = new Prompt(page);
  requests = [];
  pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(err));
  await page.route('**/pkg/**', (route) => route.fulfill({ status: 404, body: 'Not Found' }));
  await page.goto(server.url);
  await page.waitForSelector('body[data-guard="unavailable"]');
  assert.match(await page.locator('#status').textContent(), /unavailable/);
  const text = `my card is ${CARD}`;
  await typeDraft(text);
  assert.equal(await draft().inputValue(), text);
  await draft().press('Enter');
  await page.locator('#messages li.outgoing').first().waitFor();
  assert.deepEqual(await sent(), [text]);
});

test('attaching customers.csv: the prompt names the file and what is in it; a redacted copy is what the chat gets', async () => {
  const csv = path.join(ROOT, 'www/samples/customers.csv');
  await page.locator('#attach').setInputFiles(csv);
  const d = await prompt.waitDialog();
  assert.equal(d.title, 'Check before you attach');
  assert.equal(d.rows[0].name, 'customers.csv');
  assert.equal(d.rows[0].why, '24 IBANs, 8 credit card numbers');
  assert.deepEqual(d.rows[0].previews, [IBAN_PREVIEW, CARD_PREVIEW, 'GB•• •••• •••• •••• ••54 32']);
  assert.equal(await page.locator('#messages li.attachment').count(), 0, 'the chat has not got the file');
  await page.screenshot({ path: path.join(ARTIFACTS, 'file-prompt-en.png') });
  await prompt.click('Attach a redacted copy');
  await page.locator('#messages li.attachment').waitFor();
  const shown = await page.locator('#messages li.attachment .bubble').textContent();
  assert.match(shown, /📎 customers\.csv/);
  assert.match(shown, /DE•• •••• •••• •••• ••30 00,•••• •••• •••• 1111/);
  assert.ok(!shown.includes(IBAN) && !shown.includes(CARD));
  assert.match(await page.locator('#decision').textContent(), /redact \(iban, credit_card\)/);
});
