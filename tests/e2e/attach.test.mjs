// attach() as an embedding site uses it, beyond the demo's defaults: modes, failure handling,
// option errors, detach, forms, removed inputs. Each test builds its own little chat widget on a
// blank page of the demo's origin (so the module and wasm load as they would on a real site).
// The prompt's shadow roots are closed: tests read and press it through prompt.mjs.
//
//   node --test tests/e2e/      (needs /usr/bin/chromium and a build in pkg/)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CARD, CARD_PREVIEW, setup, widget as build } from './harness.mjs';

const s = setup();
const widget = (opts) => build(s.page, opts);

const sent = () => s.page.evaluate(() => window.sent);
const decisions = () => s.page.evaluate(() => window.decisions);

test('mode "redact" redacts, sends once and says so', async () => {
  await widget({ options: '{ mode: "redact" }' });
  await s.page.locator('#draft').pressSequentially(`card ${CARD}`);
  await s.page.locator('#draft').press('Enter');
  assert.equal((await s.prompt.waitNotice()).text, '1 sensitive item was redacted before sending.');
  assert.deepEqual(await sent(), [`card ${CARD_PREVIEW}`]);
  assert.deepEqual(await decisions(), [{ action: 'redact', kinds: ['credit_card'], reason: 'auto' }]);
  assert.equal(await s.prompt.dialog(), null);
});

test('mode "warn-only" never blocks and tells afterwards', async () => {
  await widget({ options: '{ mode: "warn-only", locale: "de" }' });
  await s.page.locator('#draft').pressSequentially(`Karte ${CARD}`);
  await s.page.locator('#draft').press('Enter');
  assert.deepEqual(await sent(), [`Karte ${CARD}`]);
  assert.match((await s.prompt.waitNotice()).text, /^Ihre gesendete Nachricht enthielt 1 vertrauliche Angabe\./);
});

test('redactStyle "label" writes localised labels', async () => {
  await widget({ options: '{ mode: "redact", redactStyle: "label", locale: "zh" }' });
  await s.page.locator('#draft').pressSequentially(`卡号 ${CARD}`);
  await s.page.locator('#draft').press('Enter');
  await s.page.waitForFunction(() => window.sent.length === 1);
  assert.deepEqual(await sent(), ['卡号 [信用卡号]']);
});

test('a guard that cannot run fails open with a visible notice, or closed when asked', async () => {
  // 10 bytes is less than the draft: the scan refuses it.
  await widget({ options: '{ maxInputBytes: 10 }' });
  await s.page.locator('#draft').pressSequentially(`card ${CARD}`);
  await s.page.locator('#draft').press('Enter');
  assert.deepEqual(await sent(), [`card ${CARD}`], 'fail open: the message went out');
  const notice = await s.prompt.waitNotice();
  assert.equal(notice.role, 'alert');
  assert.match(notice.text, /could not check this message, so it was sent unchecked/);
  assert.deepEqual(await decisions(), [{ action: 'send_anyway', kinds: [], reason: 'guard_failed' }]);

  await s.page.evaluate(() => {
    window.handle.detach();
    document.body.replaceChildren();
  });
  await widget({ options: '{ maxInputBytes: 10, failClosed: true }' });
  await s.page.locator('#draft').pressSequentially(`card ${CARD}`);
  await s.page.locator('#draft').press('Enter');
  assert.match((await s.prompt.waitNotice()).text, /so it was not sent\. Your draft is unchanged\./);
  assert.deepEqual(await sent(), []);
  assert.equal(await s.page.locator('#draft').inputValue(), `card ${CARD}`);
});

test('Enter in a text input goes through the form: held, then submitted once', async () => {
  await widget({ tag: 'input' });
  await s.page.locator('#draft').pressSequentially(`IBAN DE89 3704 0044 0532 0130 00`);
  await s.page.locator('#draft').press('Enter');
  await s.prompt.waitDialog();
  assert.deepEqual(await sent(), []);
  await s.prompt.click('Send anyway');
  await s.page.waitForFunction(() => window.sent.length > 0);
  await s.page.waitForTimeout(200);
  assert.deepEqual(await sent(), ['IBAN DE89 3704 0044 0532 0130 00']);
});

test('the send button (as an element) is intercepted too', async () => {
  await widget({ options: '{ sendButton: document.querySelector("#send") }' });
  await s.page.locator('#draft').pressSequentially(`card ${CARD}`);
  await s.page.locator('#send').click();
  await s.prompt.waitDialog();
  await s.prompt.click('Redact and send');
  await s.page.waitForFunction(() => window.sent.length > 0);
  await s.page.waitForTimeout(200);
  assert.deepEqual(await sent(), [`card ${CARD_PREVIEW}`]);
});

test('the input removed while asking: the dialog closes, nothing is sent or written', async () => {
  await widget();
  await s.page.locator('#draft').pressSequentially(`card ${CARD}`);
  await s.page.locator('#draft').press('Enter');
  await s.prompt.waitDialog();
  await s.page.evaluate(() => document.querySelector('form').remove());
  await s.prompt.waitNoDialog({ timeout: 2000 });
  assert.deepEqual(await sent(), []);
  assert.deepEqual(await decisions(), [{ action: 'edit', kinds: ['credit_card'], reason: 'target_removed' }]);
});

test('detach() removes every trace; the page sends as before', async () => {
  await widget();
  await s.page.locator('#draft').pressSequentially(`card ${CARD}`);
  await s.prompt.waitMarks([CARD]);
  await s.page.evaluate(() => window.handle.detach());
  assert.equal(await s.page.locator('draftguard-overlay').count(), 0);
  await s.page.locator('#draft').press('Enter');
  assert.deepEqual(await sent(), [`card ${CARD}`]);
  // And it can be attached again.
  await s.page.evaluate(() => { window.handle = window.dg.attach(document.querySelector('#draft')); });
  assert.equal(await s.page.locator('draftguard-overlay').count(), 1);
});

test('a throwing onDecision does not break the prompt', async () => {
  await widget({ options: '{ onDecision: () => { throw new Error("page bug"); } }' });
  await s.page.locator('#draft').pressSequentially(`card ${CARD}`);
  await s.page.locator('#draft').press('Enter');
  await s.prompt.click('Send anyway');
  await s.page.waitForFunction(() => window.sent.length > 0);
  assert.deepEqual(await sent(), [`card ${CARD}`]);
});

test('bad targets and options are clear errors, and nothing is attached', async () => {
  const errors = await s.page.evaluate(() => {
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
      tryIt(() => window.dg.attach(ta, { maxFindings: '10' })),
      tryIt(() => window.dg.attach(ta, { kinds: ['visa'] })),
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
    // GuardOptions keys given to attach are read as the same translator reads them for a Guard, and
    // their errors name AttachOptions, the object the page passed (issue 13, item 5).
    'invalid AttachOptions: minConfidence must be "low", "medium" or "high", got "sure"',
    'invalid AttachOptions: highlight must be true or false, got string',
    'invalid AttachOptions: expected an object',
    'invalid AttachOptions: maxFindings must be a number, got string',
    errors[11],
    'attach(): this element is already guarded; call detach() on its handle first',
    'no error',
  ]);
  assert.match(errors[5], /^invalid AttachOptions: unknown option "sendButon"; expected one of sendButton, /);
  assert.match(errors[11], /^invalid AttachOptions: unknown kind "visa"; known kinds: credit_card, /);
});

test('a React-style value tracker sees the redaction (native setter + input event)', async () => {
  await widget();
  // What React does: an own `value` property on the node records every programmatic write;
  // onChange fires only when an input event finds the DOM value different from the record.
  await s.page.evaluate(() => {
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
  await s.page.locator('#draft').pressSequentially(`card ${CARD}`);
  await s.page.locator('#draft').press('Enter');
  await s.prompt.click('Redact and send');
  await s.page.waitForFunction(() => window.sent.length > 0);
  assert.deepEqual(await sent(), [`card ${CARD_PREVIEW}`], 'the state the page sends is the redacted text');
});

test('the input stays guarded when the page drops the handle (garbage-collected)', async () => {
  await widget({ keepHandle: false });
  for (let i = 0; i < 4; i++) {
    await s.page.evaluate(() => window.gc());
    await s.page.waitForTimeout(50); // FinalizationRegistry callbacks run after a GC
  }
  await s.page.locator('#draft').pressSequentially(`card ${CARD}`);
  await s.page.locator('#draft').press('Enter');
  await s.prompt.waitDialog({ timeout: 2000 });
  assert.deepEqual(await sent(), []);
});

test('contact details alone do not prompt by default; they do when asked for', async () => {
  await widget();
  await s.page.locator('#draft').pressSequentially('Contact me at anna.schmidt@example.org or +49 151 23456789');
  await s.page.locator('#draft').press('Enter');
  assert.deepEqual(await sent(), ['Contact me at anna.schmidt@example.org or +49 151 23456789']);
  await s.page.evaluate(() => {
    window.handle.detach();
    document.body.replaceChildren();
  });
  await widget({ options: '{ categories: ["contact"] }' });
  await s.page.locator('#draft').pressSequentially('Contact me at john.doe@gmail.com');
  await s.page.locator('#draft').press('Enter');
  await s.prompt.waitDialog();
  assert.deepEqual(await sent(), []);
});

test('highlights follow edits anywhere in a long draft (the live scan), UTF-16 offsets included', async () => {
  await widget();
  const IBAN = 'DE89 3704 0044 0532 0130 00';
  const SSN = '536-22-8726';
  const filler = 'Notes from the meeting 😀 会议 at 10:30, order 4411-2039, nothing else here.\n'.repeat(800);
  await s.page.locator('#draft').fill(`card ${CARD}\n${filler}IBAN ${IBAN}`);
  const marks = (want) => s.prompt.waitMarks(want);
  await marks([CARD, IBAN]);
  // Type a value in the middle, key by key.
  await s.page.evaluate(() => {
    const t = document.querySelector('#draft');
    const mid = t.value.indexOf('\n', t.value.length >> 1) + 1;
    t.focus();
    t.setSelectionRange(mid, mid);
  });
  await s.page.keyboard.type(`SSN ${SSN}, `, { delay: 5 });
  await marks([CARD, SSN, IBAN]);
  // Delete the card at the start: the marks after it move.
  await s.page.evaluate(() => {
    const t = document.querySelector('#draft');
    t.setSelectionRange(5, 6);
  });
  await s.page.keyboard.press('Backspace');
  await marks([SSN, IBAN]);
  assert.equal((await s.prompt.badges())[0].text, '2');
});
