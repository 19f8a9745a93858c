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
const dialog = () => page.getByRole('alertdialog');
const sent = () => page.locator('#messages li.outgoing .bubble').allTextContents();
const marks = () => page.locator('draftguard-overlay .mirror mark').allTextContents();

/** Types like a user would. */
async function typeDraft(text, target = draft()) {
  await target.click();
  await target.pressSequentially(text, { delay: 2 });
}

/** Waits until the live highlights show exactly `expected`. */
async function waitForMarks(expected) {
  await page.waitForFunction(
    (want) => {
      const root = document.querySelector('draftguard-overlay')?.shadowRoot;
      const got = [...(root?.querySelectorAll('.mirror mark') ?? [])].map((m) => m.textContent);
      return JSON.stringify(got) === JSON.stringify(want);
    },
    expected,
    { timeout: 5_000 },
  );
}

/** What the dialog lists: name, category, preview for each finding. */
async function listed() {
  return dialog()
    .locator('li.finding')
    .evaluateAll((items) =>
      items.map((li) => ({
        name: li.querySelector('.name').textContent,
        category: li.querySelector('.category').textContent,
        preview: li.querySelector('.preview').textContent,
        why: li.querySelector('.why').textContent,
      })),
    );
}

/** The element focused inside the dialog's shadow root (its text), or null. */
const focusedInDialog = () =>
  page.evaluate(() => {
    const a = document.querySelector('draftguard-dialog')?.shadowRoot?.activeElement;
    return a ? a.textContent || a.getAttribute('aria-label') : null;
  });

test('Enter with a card number opens the dialog and sends nothing', async () => {
  const text = `Please charge my card ${CARD} today`;
  await typeDraft(text);
  await draft().press('Enter');
  await dialog().waitFor();

  assert.deepEqual(await sent(), [], 'nothing was sent');
  assert.equal(await draft().inputValue(), text, 'the draft is intact (no newline added)');
  assert.equal(await dialog().getAttribute('aria-modal'), 'true');
  const title = await dialog().getAttribute('aria-labelledby');
  assert.equal(await page.locator(`draftguard-dialog #${title}`).textContent(), 'Check before you send');
  assert.match(await dialog().getAttribute('aria-describedby'), /\S/);
  assert.deepEqual(await listed(), [
    {
      name: 'Credit card number',
      category: 'Financial',
      preview: CARD_PREVIEW,
      why: 'Why: its check digits are valid; next to “card”',
    },
  ]);
  const note = await dialog().locator('.note').textContent();
  assert.match(note, /financial data, medical information, passwords and confidential documents/);
  assert.equal(await focusedInDialog(), 'Redact and send', 'focus moved into the dialog');
  // The raw number appears nowhere in the dialog.
  assert.ok(!(await dialog().textContent()).includes('4111'));
});

test('Redact and send puts the masked text in the message list (controlled text box)', async () => {
  await typeDraft(`card ${CARD}, IBAN ${IBAN}`);
  await draft().press('Enter');
  await dialog().getByRole('button', { name: 'Redact and send' }).click();
  await page.locator('#messages li.outgoing').first().waitFor();

  assert.deepEqual(await sent(), [`card ${CARD_PREVIEW}, IBAN ${IBAN_PREVIEW}`]);
  assert.equal(await dialog().count(), 0, 'dialog closed');
  assert.equal(await draft().inputValue(), '', 'the page cleared its input after sending');
  assert.equal(await page.locator('#decision').textContent(), 'Last decision: redact (credit_card, iban)');
  assert.equal(await page.locator('#messages li.outgoing .tag').textContent(), 'redacted');
  await waitForMarks([]);
});

test('each finding can be kept: only the ticked ones are redacted', async () => {
  await typeDraft(`card ${CARD}, IBAN ${IBAN}`);
  await draft().press('Enter');
  await dialog().getByRole('checkbox', { name: /IBAN/ }).uncheck();
  await dialog().getByRole('button', { name: 'Redact and send' }).click();
  await page.locator('#messages li.outgoing').first().waitFor();
  assert.deepEqual(await sent(), [`card ${CARD_PREVIEW}, IBAN ${IBAN}`]);
});

test('Send anyway sends the original exactly once (send button click)', async () => {
  const text = `my IBAN is ${IBAN}`;
  await typeDraft(text);
  await page.locator('#send').click();
  await dialog().waitFor();
  assert.deepEqual(await sent(), []);
  await dialog().getByRole('button', { name: 'Send anyway' }).click();
  await page.locator('#messages li.outgoing').first().waitFor();
  await page.waitForTimeout(300); // a second send would show up by now
  assert.deepEqual(await sent(), [text]);
  assert.equal(await page.locator('#decision').textContent(), 'Last decision: send_anyway (iban)');
  assert.equal(await dialog().count(), 0);
});

test('Edit draft and Esc keep the draft intact and focused', async () => {
  const text = `IBAN ${IBAN} and card ${CARD}`;
  await typeDraft(text);
  await draft().press('Enter');
  await dialog().getByRole('button', { name: 'Edit draft' }).click();
  await dialog().waitFor({ state: 'detached' });
  assert.equal(await draft().inputValue(), text);
  assert.ok(await draft().evaluate((el) => document.activeElement === el), 'the draft has focus');
  assert.deepEqual(await sent(), []);

  await draft().press('Enter');
  await dialog().waitFor();
  await page.keyboard.press('Escape');
  await dialog().waitFor({ state: 'detached' });
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
  assert.equal(await dialog().count(), 0);
  assert.deepEqual(await sent(), []);

  await draft().press('Enter');
  await page.locator('#messages li.outgoing').first().waitFor({ timeout: 1000 });
  assert.deepEqual(await sent(), ['first line\nsecond line']);
  assert.equal(await dialog().count(), 0, 'no prompt for a clean draft');
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
  assert.equal(await dialog().count(), 0, 'no dialog while composing');
  assert.deepEqual(await sent(), []);
  await cdp.send('Input.insertText', { text: '你好' });
  await page.waitForTimeout(50);
  assert.ok((await draft().inputValue()).startsWith(`卡号 ${CARD} `));
  // After the composition, Enter is a send again: the prompt opens.
  await draft().press('Enter');
  await dialog().waitFor();
  assert.deepEqual(await sent(), []);
});

test('live highlights follow the draft, with UTF-16 offsets after emoji and CJK', async () => {
  const text = `😀 卡号：${CARD} and ${IBAN}`;
  await typeDraft(text);
  await waitForMarks([CARD, IBAN]);
  assert.equal(await page.locator('draftguard-overlay .badge').first().textContent(), '2');
  assert.equal(await page.locator('draftguard-overlay .badge').first().getAttribute('title'), '2 sensitive items in this draft');
  // The highlight is drawn over the card inside the text box.
  const box = await draft().boundingBox();
  const mark = await page.locator('draftguard-overlay .mirror mark').first().boundingBox();
  assert.ok(mark.x > box.x && mark.x + mark.width < box.x + box.width, 'mark inside the box horizontally');
  assert.ok(mark.y > box.y && mark.y + mark.height < box.y + box.height, 'mark inside the box vertically');
  // Editing the card away clears its highlight.
  await draft().fill('nothing here');
  await waitForMarks([]);
  assert.ok(await page.locator('draftguard-overlay .badge').first().isHidden());
});

test('pasting sensitive text shows a gentle notice', async () => {
  await draft().click();
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    const el = document.querySelector('#draft');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, `AWS_ACCESS_KEY_ID=AKIALACI57K43PEADJ4S`);
  const notice = page.locator('draftguard-overlay .notice');
  await notice.waitFor();
  assert.equal(await notice.getAttribute('role'), 'status');
  assert.match(await notice.textContent(), /^What you pasted contains API key/);
  assert.ok(!(await notice.textContent()).includes('AKIA'), 'no raw value in the notice');
});

test('the contenteditable editor behaves the same', async () => {
  await page.locator('#variant').selectOption('rich');
  const rich = page.locator('#rich');
  await typeDraft(`hello`, rich);
  await rich.press('Shift+Enter');
  await rich.pressSequentially(`my card is ${CARD}`);
  await page.waitForFunction(() => {
    const root = document.querySelectorAll('draftguard-overlay')[1]?.shadowRoot;
    return root?.querySelectorAll('.box').length > 0;
  });
  await rich.press('Enter');
  await dialog().waitFor();
  assert.deepEqual(await sent(), []);
  assert.deepEqual((await listed()).map((f) => f.preview), [CARD_PREVIEW]);
  await dialog().getByRole('button', { name: 'Redact and send' }).click();
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
  await dialog().waitFor({ state: 'detached' });
  assert.equal(await rich.innerText(), text);
  await rich.press('Enter');
  await dialog().getByRole('button', { name: 'Send anyway' }).click();
  await page.locator('#messages li.outgoing').first().waitFor();
  await page.waitForTimeout(300);
  assert.deepEqual(await sent(), [text]);
});

test('keyboard only: Tab stays in the dialog, Enter activates, Esc goes back', async () => {
  await typeDraft(`card ${CARD}`);
  await draft().press('Enter');
  await dialog().waitFor();
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
  await dialog().waitFor({ state: 'detached' });
  assert.equal(await draft().inputValue(), `card ${CARD}`);
  // And again, sending with the keyboard alone.
  await draft().press('Enter');
  await dialog().waitFor();
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
  await dialog().getByRole('button', { name: 'Redact and send' }).click();
  const notice = page.locator('draftguard-overlay .notice.warn');
  await notice.waitFor();
  assert.equal(await notice.getAttribute('role'), 'alert');
  assert.match(await notice.textContent(), /could not be redacted.*nothing was sent/);
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
  for (const [lang, want] of Object.entries(expect)) {
    await page.locator('#language').selectOption(lang);
    await draft().fill('');
    await typeDraft(`${lang === 'zh' ? '卡号' : 'Karte/card'} ${CARD} IBAN ${IBAN}`);
    await draft().press('Enter');
    await dialog().waitFor();
    assert.equal(await dialog().getAttribute('lang'), lang);
    assert.equal(await dialog().locator('h2').textContent(), want.title);
    assert.deepEqual(await dialog().locator('.actions button').allTextContents(), want.buttons);
    assert.equal((await listed())[0].name, want.name);
    await page.waitForTimeout(250); // the dialog's entrance animation
    await page.screenshot({ path: path.join(ARTIFACTS, `dialog-${lang}.png`) });
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
  }
  // Plurals: two findings in each language.
  await page.locator('#language').selectOption('de');
  await draft().press('Enter');
  assert.equal(await dialog().locator('.intro').textContent(), 'Ihre Nachricht enthält 2 Angaben, die vertraulich sein könnten.');
  await page.keyboard.press('Escape');
});

test('the UI language follows the browser language by default', async () => {
  await context.close();
  await openPage({ locale: 'zh-CN', colorScheme: 'dark' });
  await typeDraft(`卡号 ${CARD}`);
  await draft().press('Enter');
  await dialog().waitFor();
  assert.equal(await dialog().locator('h2').textContent(), '发送前请确认');
  assert.equal(await page.locator('[data-t="send"]').textContent(), '发送');
  // Dark mode comes from prefers-color-scheme.
  const bg = await dialog().evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(bg, 'rgb(28, 33, 40)');
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join(ARTIFACTS, 'dialog-zh-dark.png') });
});

test('the page only contacts its own server', async () => {
  await typeDraft(`card ${CARD}`);
  await draft().press('Enter');
  await dialog().getByRole('button', { name: 'Redact and send' }).click();
  await page.locator('#messages li.outgoing').first().waitFor();
  await page.waitForLoadState('networkidle');
  assert.ok(requests.some((u) => u.endsWith('/pkg/draftguard_bg.wasm')), 'the wasm was fetched from the server');
  // (afterEach asserts no foreign request and no storage)
});

test('without the detector the chat still works and the page says so', async () => {
  await context.close();
  context = await browser.newContext();
  page = await context.newPage();
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
