// End-to-end test of the demo page (www/) in headless Chromium.
//
//   npm run test:e2e        (needs /usr/bin/chromium and a wasm-pack build in pkg/)

import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = '/usr/bin/chromium';

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
    assert.ok(
      existsSync(path.join(ROOT, file)),
      `${file} not found: build it first with \`wasm-pack build --target web --release --out-dir pkg\`.`,
    );
  }
  server = await serve({ port: 0 });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  page = await context.newPage();
  requests = [];
  pageErrors = [];
  page.on('request', (req) => requests.push(req.url()));
  page.on('pageerror', (err) => pageErrors.push(err));
  await page.goto(server.url);
  // Detector ready: the loading notice disappears and the panel reports its state.
  await page.locator('#status').waitFor({ state: 'hidden', timeout: 15_000 });
  await page.waitForFunction(
    () => document.querySelector('#findings-summary').textContent === 'Nothing sensitive found.',
    null,
    { timeout: 5_000 },
  );
});

afterEach(async () => {
  if (!server || !context) return;
  const origin = new URL(server.url).origin;
  const foreign = requests.filter((url) => !url.startsWith(origin + '/'));
  await context?.close();
  assert.deepEqual(foreign, [], `the page contacted something other than ${origin}`);
  assert.deepEqual(pageErrors.map(String), [], 'uncaught errors on the page');
});

/** Types like a user would, then waits for the overlay to reflect the whole draft. */
async function typeDraft(text) {
  const draft = page.locator('#draft');
  await draft.click();
  await draft.pressSequentially(text, { delay: 5 });
  assert.equal(await draft.inputValue(), text);
  await page.waitForFunction(
    (t) => {
      const h = document.querySelector('#highlights').textContent.replace(/\u200b$/, '');
      return h === t;
    },
    text,
  );
}

const markTexts = () => page.locator('#highlights mark').allTextContents();

async function findings() {
  return page.locator('#findings li.finding').evaluateAll((items) =>
    items.map((li) => ({
      kind: li.querySelector('.kind').textContent,
      name: li.querySelector('.name').textContent,
      preview: li.querySelector('.preview').textContent,
      confidence: li.querySelector('.confidence').textContent,
      reasons: li.querySelector('.reasons').textContent,
    })),
  );
}

test('highlights a card number and an IBAN as they are typed', async () => {
  const text = `Hi, my card is ${CARD} and my IBAN is ${IBAN}.`;
  await typeDraft(text);

  assert.deepEqual(await markTexts(), [CARD, IBAN]);
  assert.deepEqual(
    await page.locator('#highlights mark').evaluateAll((ms) => ms.map((m) => m.dataset.kind)),
    ['credit_card', 'iban'],
  );

  const found = await findings();
  assert.equal(found.length, 2, JSON.stringify(found));
  assert.deepEqual(
    found.map(({ kind, preview }) => ({ kind, preview })),
    [
      { kind: 'credit_card', preview: CARD_PREVIEW },
      { kind: 'iban', preview: IBAN_PREVIEW },
    ],
  );
  for (const f of found) {
    assert.ok(f.name && f.name !== f.kind, `plain-language name shown for ${f.kind}: ${f.name}`);
    assert.match(f.confidence, /^(high|medium|low)$/);
    assert.ok(f.reasons.length > 0, `reasons shown for ${f.kind}`);
  }
  assert.match(found[0].reasons, /luhn/);
  assert.equal(await page.locator('#findings-summary').textContent(), '2 items of sensitive data found.');

  // The highlight sits exactly where the card is drawn in the textarea: the overlay's text
  // starts at the textarea's content box and the mark lies within the textarea.
  const box = await page.locator('#draft').boundingBox();
  const mark = await page.locator('#highlights mark').first().boundingBox();
  assert.ok(mark.x > box.x && mark.x + mark.width < box.x + box.width, 'card mark inside the textarea horizontally');
  assert.ok(mark.y > box.y && mark.y + mark.height < box.y + box.height, 'card mark inside the textarea vertically');
});

test('offsets are UTF-16: emoji and CJK before a card', async () => {
  const text = `😀 卡号：${CARD}`;
  await typeDraft(text);
  assert.deepEqual(await markTexts(), [CARD]);
  const found = await findings();
  assert.deepEqual(
    found.map(({ kind, preview }) => ({ kind, preview })),
    [{ kind: 'credit_card', preview: CARD_PREVIEW }],
  );
});

test('a harmless draft has no highlights and no findings', async () => {
  await typeDraft('Order 4111 1111 1111 1112 shipped');
  assert.deepEqual(await markTexts(), []);
  assert.equal(await page.locator('#findings li.finding').count(), 0);
  assert.equal(await page.locator('#findings-summary').textContent(), 'Nothing sensitive found.');

  // With nothing found, Send posts the message straight away.
  await page.locator('#send').click();
  await assert.doesNotReject(
    page.locator('#messages li.outgoing', { hasText: 'Order 4111 1111 1111 1112 shipped' }).waitFor(),
  );
  assert.equal(await page.locator('#draft').inputValue(), '');
});

test('"Redact and send" posts only the masked card', async () => {
  const text = `Please charge my card ${CARD} today`;
  await typeDraft(text);
  await page.locator('#send').click();

  const notice = page.locator('#send-notice');
  await notice.waitFor({ state: 'visible' });
  assert.match(await notice.textContent(), /sensitive data/i);
  // Nothing was sent yet and the draft is intact.
  assert.equal(await page.locator('#messages li.outgoing').count(), 0);
  assert.equal(await page.locator('#draft').inputValue(), text);

  await page.getByRole('button', { name: 'Redact and send' }).click();

  const sent = page.locator('#messages li.outgoing').last();
  await sent.waitFor();
  const sentText = await sent.locator('.bubble').textContent();
  assert.ok(sentText.includes(CARD_PREVIEW), `sent message shows the masked card: ${sentText}`);
  assert.ok(!sentText.includes(CARD), `sent message does not contain the card number: ${sentText}`);
  assert.ok(!/4111/.test(sentText), `no leading card digits in the sent message: ${sentText}`);
  assert.equal(sentText, `Please charge my card ${CARD_PREVIEW} today`);
  assert.ok(await notice.isHidden());
  assert.equal(await page.locator('#draft').inputValue(), '');
  assert.equal(await page.locator('#highlights mark').count(), 0);
});

test('the page only contacts its own server', async () => {
  await typeDraft(`card ${CARD}`);
  await page.waitForLoadState('networkidle');
  assert.ok(requests.length >= 4, `expected page, script, module and wasm requests: ${requests.join(', ')}`);
  assert.ok(requests.some((u) => u.endsWith('/pkg/draftguard_bg.wasm')), 'the wasm was fetched from the server');
  const origin = new URL(server.url).origin;
  for (const url of requests) assert.ok(url.startsWith(origin + '/'), `request to ${url}`);
});

test('without the detector the draft still works and the page says so', async () => {
  const ctx = await browser.newContext();
  try {
    const p = await ctx.newPage();
    const errors = [];
    p.on('pageerror', (err) => errors.push(err));
    await p.route('**/pkg/**', (route) => route.fulfill({ status: 404, body: 'Not Found' }));
    await p.goto(server.url);
    const status = p.locator('#status');
    await status.waitFor({ state: 'visible' });
    await p.waitForFunction(() => /unavailable/i.test(document.querySelector('#status').textContent));
    assert.equal(await p.locator('#findings-summary').textContent(), 'Detection unavailable.');

    const text = `my card is ${CARD}`;
    await p.locator('#draft').pressSequentially(text);
    assert.equal(await p.locator('#draft').inputValue(), text);
    assert.equal(await p.locator('#highlights mark').count(), 0);
    await p.locator('#draft').press('Enter');
    await p.locator('#messages li.outgoing', { hasText: text }).waitFor();
    assert.deepEqual(errors.map(String), []);
  } finally {
    await ctx.close();
  }
});
