// attach() as an embedding site uses it, beyond the demo's defaults: modes, failure handling,
// option errors, detach, forms, removed inputs. Each test builds its own little chat widget on a
// blank page of the demo's origin (so the module and wasm load as they would on a real site).
//
//   node --test tests/e2e/      (needs /usr/bin/chromium and a build in pkg/)

import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../../scripts/serve.mjs';
import { launchChromium } from '../chromium.mjs';

const CARD = '4111 1111 1111 1111';
const CARD_PREVIEW = '•••• •••• •••• 1111';

let server;
let browser;
let context;
let page;
let pageErrors = [];

before(async () => {
  server = await serve({ port: 0 });
  browser = await launchChromium(['--js-flags=--expose-gc']);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  context = await browser.newContext({ locale: 'en-US' });
  page = await context.newPage();
  pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(err));
  // The server's 404 page is a blank document of the right origin.
  await page.goto(new URL('/blank-for-tests', server.url).href);
  await page.evaluate(async () => {
    document.body.replaceChildren();
    const mod = await import('/pkg/draftguard.js');
    await mod.default();
    window.dg = mod;
  });
});

afterEach(async () => {
  await context?.close();
  assert.deepEqual(pageErrors.map(String), [], 'uncaught errors on the page');
});

/**
 * Builds a chat widget: a form with a textarea (or `tag`), a send button, a sent-messages log
 * that records what the page's own send handler read, and attaches draftguard with `options`
 * (a JS expression so functions can be passed). Decisions land in window.decisions.
 */
async function widget({ tag = 'textarea', options = '{}', keepHandle = true } = {}) {
  await page.evaluate(
    ({ tag, options, keepHandle }) => {
      const form = document.createElement('form');
      const input = document.createElement(tag);
      input.id = 'draft';
      if (tag === 'input') input.type = 'text';
      const button = document.createElement('button');
      button.id = 'send';
      button.type = 'submit';
      button.textContent = 'Send';
      form.append(input, button);
      document.body.append(form);
      window.sent = [];
      window.decisions = [];
      // The page's own send: on submit (Enter in an input submits the form implicitly).
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        window.sent.push(input.value);
        input.value = '';
      });
      if (tag === 'textarea') {
        input.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            form.requestSubmit();
          }
        });
      }
      // eslint-disable-next-line no-new-func
      const opts = new Function('return ' + options)();
      const handle = window.dg.attach(input, { onDecision: (d) => window.decisions.push(d), ...opts });
      if (keepHandle) window.handle = handle;
    },
    { tag, options, keepHandle },
  );
}

const sent = () => page.evaluate(() => window.sent);
const decisions = () => page.evaluate(() => window.decisions);
const notice = () => page.locator('draftguard-overlay .notice');

test('mode "redact" redacts, sends once and says so', async () => {
  await widget({ options: '{ mode: "redact" }' });
  await page.locator('#draft').pressSequentially(`card ${CARD}`);
  await page.locator('#draft').press('Enter');
  await notice().waitFor();
  assert.equal(await notice().textContent(), '1 sensitive item was redacted before sending.×');
  assert.deepEqual(await sent(), [`card ${CARD_PREVIEW}`]);
  assert.deepEqual(await decisions(), [{ action: 'redact', kinds: ['credit_card'], reason: 'auto' }]);
  assert.equal(await page.getByRole('alertdialog').count(), 0);
});

test('mode "warn-only" never blocks and tells afterwards', async () => {
  await widget({ options: '{ mode: "warn-only", locale: "de" }' });
  await page.locator('#draft').pressSequentially(`Karte ${CARD}`);
  await page.locator('#draft').press('Enter');
  assert.deepEqual(await sent(), [`Karte ${CARD}`]);
  await notice().waitFor();
  assert.match(await notice().textContent(), /^Ihre gesendete Nachricht enthielt 1 vertrauliche Angabe\./);
});

test('redactStyle "label" writes localised labels', async () => {
  await widget({ options: '{ mode: "redact", redactStyle: "label", locale: "zh" }' });
  await page.locator('#draft').pressSequentially(`卡号 ${CARD}`);
  await page.locator('#draft').press('Enter');
  await page.waitForFunction(() => window.sent.length === 1);
  assert.deepEqual(await sent(), ['卡号 [信用卡号]']);
});

test('a guard that cannot run fails open with a visible notice, or closed when asked', async () => {
  // 10 bytes is less than the draft: the scan refuses it.
  await widget({ options: '{ maxInputBytes: 10 }' });
  await page.locator('#draft').pressSequentially(`card ${CARD}`);
  await page.locator('#draft').press('Enter');
  assert.deepEqual(await sent(), [`card ${CARD}`], 'fail open: the message went out');
  await notice().waitFor();
  assert.equal(await notice().getAttribute('role'), 'alert');
  assert.match(await notice().textContent(), /could not check this message, so it was sent unchecked/);
  assert.deepEqual(await decisions(), [{ action: 'send_anyway', kinds: [], reason: 'guard_failed' }]);

  await page.evaluate(() => {
    window.handle.detach();
    document.body.replaceChildren();
  });
  await widget({ options: '{ maxInputBytes: 10, failClosed: true }' });
  await page.locator('#draft').pressSequentially(`card ${CARD}`);
  await page.locator('#draft').press('Enter');
  await notice().waitFor();
  assert.match(await notice().textContent(), /so it was not sent\. Your draft is unchanged\./);
  assert.deepEqual(await sent(), []);
  assert.equal(await page.locator('#draft').inputValue(), `card ${CARD}`);
});

test('Enter in a text input goes through the form: held, then submitted once', async () => {
  await widget({ tag: 'input' });
  await page.locator('#draft').pressSequentially(`IBAN DE89 3704 0044 0532 0130 00`);
  await page.locator('#draft').press('Enter');
  await page.getByRole('alertdialog').waitFor();
  assert.deepEqual(await sent(), []);
  await page.getByRole('button', { name: 'Send anyway' }).click();
  await page.waitForFunction(() => window.sent.length > 0);
  await page.waitForTimeout(200);
  assert.deepEqual(await sent(), ['IBAN DE89 3704 0044 0532 0130 00']);
});

test('the send button (as an element) is intercepted too', async () => {
  await widget({ options: '{ sendButton: document.querySelector("#send") }' });
  await page.locator('#draft').pressSequentially(`card ${CARD}`);
  await page.locator('#send').click();
  await page.getByRole('alertdialog').waitFor();
  await page.getByRole('button', { name: 'Redact and send' }).click();
  await page.waitForFunction(() => window.sent.length > 0);
  await page.waitForTimeout(200);
  assert.deepEqual(await sent(), [`card ${CARD_PREVIEW}`]);
});

test('the input removed while asking: the dialog closes, nothing is sent or written', async () => {
  await widget();
  await page.locator('#draft').pressSequentially(`card ${CARD}`);
  await page.locator('#draft').press('Enter');
  await page.getByRole('alertdialog').waitFor();
  await page.evaluate(() => document.querySelector('form').remove());
  await page.getByRole('alertdialog').waitFor({ state: 'detached', timeout: 2000 });
  assert.deepEqual(await sent(), []);
  assert.deepEqual(await decisions(), [{ action: 'edit', kinds: ['credit_card'], reason: 'target_removed' }]);
});

test('detach() removes every trace; the page sends as before', async () => {
  await widget();
  await page.locator('#draft').pressSequentially(`card ${CARD}`);
  await page.waitForFunction(() =>
    document.querySelector('draftguard-overlay')?.shadowRoot.querySelectorAll('mark').length === 1);
  await page.evaluate(() => window.handle.detach());
  assert.equal(await page.locator('draftguard-overlay').count(), 0);
  await page.locator('#draft').press('Enter');
  assert.deepEqual(await sent(), [`card ${CARD}`]);
  // And it can be attached again.
  await page.evaluate(() => { window.handle = window.dg.attach(document.querySelector('#draft')); });
  assert.equal(await page.locator('draftguard-overlay').count(), 1);
});

test('a throwing onDecision does not break the prompt', async () => {
  await widget({ options: '{ onDecision: () => { throw new Error("page bug"); } }' });
  await page.locator('#draft').pressSequentially(`card ${CARD}`);
  await page.locator('#draft').press('Enter');
  await page.getByRole('button', { name: 'Send anyway' }).click();
  await page.waitForFunction(() => window.sent.length > 0);
  assert.deepEqual(await sent(), [`card ${CARD}`]);
});

test('bad targets and options are clear errors, and nothing is attached', async () => {
  const errors = await page.evaluate(() => {
    const ta = document.createElement('textarea');
    document.body.append(ta);
    const tryIt = (f) => {
      try {
        f();
        return 'no error';
      } catch (e) {
        return e.message;
      }
    };
    const out = [
      tryIt(() => window.dg.attach(document.createElement('div'))),
      tryIt(() => window.dg.attach(Object.assign(document.createElement('input'), { type: 'checkbox' }))),
      tryIt(() => window.dg.attach('#draft')),
      tryIt(() => window.dg.attach(ta, { mode: 'loud' })),
      tryIt(() => window.dg.attach(ta, { locale: 'fr' })),
      tryIt(() => window.dg.attach(ta, { sendButon: '#send' })),
      tryIt(() => window.dg.attach(ta, { sendButton: '##' })),
      tryIt(() => window.dg.attach(ta, { minConfidence: 'sure' })),
      tryIt(() => window.dg.attach(ta, { highlight: 'yes' })),
      tryIt(() => window.dg.attach(ta, [])),
    ];
    const h = window.dg.attach(ta);
    out.push(tryIt(() => window.dg.attach(ta)));
    h.detach();
    out.push(tryIt(() => window.dg.attach(ta).detach()));
    return out;
  });
  assert.deepEqual(errors, [
    'attach(): <div> is not a textarea, a text input or a contenteditable element',
    'attach(): an <input type="checkbox"> holds no draft; expected a textarea, a text input or a contenteditable element',
    'attach(): target must be an HTML element',
    'invalid AttachOptions: mode must be "ask", "redact" or "warn-only", got "loud"',
    'invalid AttachOptions: unsupported locale "fr"; supported: en, de, zh',
    errors[5],
    'invalid AttachOptions: sendButton "##" is not a valid CSS selector',
    'invalid GuardOptions: minConfidence must be "low", "medium" or "high", got "sure"',
    'invalid AttachOptions: highlight must be true or false',
    'invalid AttachOptions: expected an object',
    'attach(): this element is already guarded; call detach() on its handle first',
    'no error',
  ]);
  assert.match(errors[5], /^invalid AttachOptions: unknown option "sendButon"; expected one of sendButton, /);
});

test('a React-style value tracker sees the redaction (native setter + input event)', async () => {
  await widget();
  // What React does: an own `value` property on the node records every programmatic write;
  // onChange fires only when an input event finds the DOM value different from the record.
  await page.evaluate(() => {
    const el = document.querySelector('#draft');
    const proto = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value');
    let tracked = el.value;
    Object.defineProperty(el, 'value', {
      configurable: true,
      get() { return proto.get.call(this); },
      set(v) { tracked = String(v); proto.set.call(this, v); },
    });
    window.state = '';
    el.addEventListener('input', () => {
      const now = proto.get.call(el);
      if (now !== tracked) { tracked = now; window.state = now; } // React's onChange
    });
    // The page sends its state, not the DOM.
    document.querySelector('form').addEventListener('submit', (e) => {
      e.stopImmediatePropagation();
      e.preventDefault();
      window.sent.push(window.state);
    }, true);
  });
  await page.locator('#draft').pressSequentially(`card ${CARD}`);
  await page.locator('#draft').press('Enter');
  await page.getByRole('button', { name: 'Redact and send' }).click();
  await page.waitForFunction(() => window.sent.length > 0);
  assert.deepEqual(await sent(), [`card ${CARD_PREVIEW}`], 'the state the page sends is the redacted text');
});

test('the input stays guarded when the page drops the handle (garbage-collected)', async () => {
  await widget({ keepHandle: false });
  for (let i = 0; i < 4; i++) {
    await page.evaluate(() => window.gc());
    await page.waitForTimeout(50); // FinalizationRegistry callbacks run after a GC
  }
  await page.locator('#draft').pressSequentially(`card ${CARD}`);
  await page.locator('#draft').press('Enter');
  await page.getByRole('alertdialog').waitFor({ timeout: 2000 });
  assert.deepEqual(await sent(), []);
});

test('contact details alone do not prompt by default; they do when asked for', async () => {
  await widget();
  await page.locator('#draft').pressSequentially('Contact me at anna.schmidt@example.org or +49 151 23456789');
  await page.locator('#draft').press('Enter');
  assert.deepEqual(await sent(), ['Contact me at anna.schmidt@example.org or +49 151 23456789']);
  await page.evaluate(() => {
    window.handle.detach();
    document.body.replaceChildren();
  });
  await widget({ options: '{ categories: ["contact"] }' });
  await page.locator('#draft').pressSequentially('Contact me at john.doe@gmail.com');
  await page.locator('#draft').press('Enter');
  await page.getByRole('alertdialog').waitFor();
  assert.deepEqual(await sent(), []);
});

test('highlights follow edits anywhere in a long draft (the live scan), UTF-16 offsets included', async () => {
  await widget();
  const IBAN = 'DE89 3704 0044 0532 0130 00';
  const SSN = '536-22-8726';
  const filler = 'Notes from the meeting 😀 会议 at 10:30, order 4411-2039, nothing else here.\n'.repeat(800);
  await page.locator('#draft').fill(`card ${CARD}\n${filler}IBAN ${IBAN}`);
  const marks = (want) =>
    page.waitForFunction(
      (want) => {
        const root = document.querySelector('draftguard-overlay')?.shadowRoot;
        const got = [...(root?.querySelectorAll('.mirror mark') ?? [])].map((m) => m.textContent);
        return JSON.stringify(got) === JSON.stringify(want);
      },
      want,
      { timeout: 5_000 },
    );
  await marks([CARD, IBAN]);
  // Type a value in the middle, key by key.
  await page.evaluate(() => {
    const t = document.querySelector('#draft');
    const mid = t.value.indexOf('\n', t.value.length >> 1) + 1;
    t.focus();
    t.setSelectionRange(mid, mid);
  });
  await page.keyboard.type(`SSN ${SSN}, `, { delay: 5 });
  await marks([CARD, SSN, IBAN]);
  // Delete the card at the start: the marks after it move.
  await page.evaluate(() => {
    const t = document.querySelector('#draft');
    t.setSelectionRange(5, 6);
  });
  await page.keyboard.press('Backspace');
  await marks([SSN, IBAN]);
  assert.equal(await page.locator('draftguard-overlay .badge').first().textContent(), '2');
});
