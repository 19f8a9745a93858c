// The prompt under stress (issue 12, item 1): a pasted export with thousands of findings, and
// the module failing while it works. The speed figures are in bench/dialog.mjs, not here.
//
//   node --test tests/e2e/stress.test.mjs      (needs /usr/bin/chromium and a build in pkg/)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CARD, CARD_PREVIEW, IBAN, decisions, hostsOnPage, sent, setup, widget } from './harness.mjs';
import { until } from './prompt.mjs';

const s = setup();


/** Puts `rows` lines of an export with a card number and an IBAN each into the draft. */
async function pasteExport(rows) {
  await s.page.evaluate((rows) => {
    const cards = ['4111 1111 1111 1111', '5500 0000 0000 0004'];
    let text = 'customer export\n';
    for (let i = 0; i < rows; i++) text += `${i}; card ${cards[i % 2]}; IBAN DE89 3704 0044 0532 0130 00\n`;
    const t = document.querySelector('#draft');
    t.focus();
    t.value = text;
    t.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, rows);
}

test('5,000 findings: one row per kind with counts, a screenful at most, and Redact covers all', async () => {
  await widget(s.page);
  await pasteExport(2500); // 2,500 cards + 2,500 IBANs
  // The badge counts them all; a draft this long is not drawn over (see overlay.rs).
  await until(async () => (await s.prompt.badges())[0]?.text === '5000', { what: 'the badge to count 5000', timeout: 30_000 });
  assert.deepEqual((await s.prompt.marks())[0], []);
  await s.page.locator('#draft').press('Enter');
  const d = await s.prompt.waitDialog({ timeout: 30_000 });
  assert.deepEqual(
    d.rows.map((r) => [r.name, r.count, r.previews.length, r.more]),
    [
      ['Credit card number', '2,500 items', 3, 'and 2,497 more'],
      ['IBAN (bank account)', '2,500 items', 3, 'and 2,497 more'],
    ],
  );
  assert.equal(d.intro, 'Your message contains 5,000 items that may be sensitive.');
  assert.ok(d.box.top >= 0 && d.box.bottom <= d.viewport, `the dialog fits the screen (${JSON.stringify(d.box)})`);
  assert.deepEqual(d.buttons, ['Edit draft', 'Send anyway', 'Redact and send']);

  // Edit draft works and gives the draft back; the next Enter asks again.
  await s.prompt.click('Edit draft');
  await s.prompt.waitNoDialog();
  assert.deepEqual(await sent(s.page), []);
  await s.page.locator('#draft').press('Enter');
  await s.prompt.waitDialog({ timeout: 30_000 });
  await s.prompt.click('Redact and send');
  await s.page.waitForFunction(() => window.sent.length === 1, null, { timeout: 30_000 });
  const [message] = await sent(s.page);
  assert.ok(!message.includes(CARD) && !message.includes('5500 0000 0000 0004') && !message.includes(IBAN), 'no raw value left');
  assert.equal(message.split(CARD_PREVIEW).length - 1, 1250);
  assert.equal(message.split('DE•• •••• •••• •••• ••30 00').length - 1, 2500);
  assert.deepEqual(await decisions(s.page), [
    { action: 'edit', kinds: ['credit_card', 'iban'] },
    { action: 'redact', kinds: ['credit_card', 'iban'] },
  ]);
});

test('a contenteditable with 300 findings is redacted in one go, every value, one input event', async () => {
  await widget(s.page, { tag: 'div' });
  await s.page.evaluate(() => {
    const editor = document.querySelector('#draft');
    for (let i = 0; i < 300; i++) {
      const line = document.createElement('div');
      line.append(`${i}; card `, Object.assign(document.createElement('b'), { textContent: '4111 1111' }), ' 1111 1111');
      editor.append(line);
    }
    window.inputs = 0;
    editor.addEventListener('input', () => window.inputs++);
    editor.focus();
    editor.dispatchEvent(new InputEvent('input', { bubbles: true }));
  });
  await s.page.locator('#draft').press('End');
  await s.page.locator('#draft').press('Enter');
  const d = await s.prompt.waitDialog({ timeout: 30_000 });
  assert.equal(d.rows[0].count, '300 items');
  await s.page.evaluate(() => (window.inputs = 0));
  await s.prompt.click('Redact and send');
  await s.page.waitForFunction(() => window.sent.length === 1, null, { timeout: 30_000 });
  const [message] = await sent(s.page);
  assert.equal(message.split('\n').length, 300);
  assert.ok(!message.includes('4111 1111 1111 1111'));
  assert.equal(message.split(CARD_PREVIEW).length - 1, 300, 'values split across <b> and text are replaced too');
  assert.equal(await s.page.evaluate(() => window.inputs), 1);
});

test('a scan capped by maxFindings: the dialog says "3+", and Redact still covers every value', async () => {
  await widget(s.page, { options: '{ maxFindings: 3 }' });
  const cards = Array.from({ length: 10 }, (_, i) => `${i}: card ${CARD}`).join('\n');
  await s.page.locator('#draft').fill(cards);
  await s.page.locator('#draft').press('Enter');
  const d = await s.prompt.waitDialog();
  assert.equal(d.intro, 'Your message contains 3+ items that may be sensitive.');
  await s.prompt.click('Redact and send');
  await s.page.waitForFunction(() => window.sent.length === 1);
  const [message] = await sent(s.page);
  assert.ok(!message.includes(CARD));
  assert.equal(message.split(CARD_PREVIEW).length - 1, 10);
});

test('many kinds: the first five get a row, the rest share one with one toggle', async () => {
  await widget(s.page);
  const draft = [
    `card ${CARD}`,
    `IBAN ${IBAN}`,
    'SSN 536-22-8726',
    'AWS_ACCESS_KEY_ID=AKIALACI57K43PEADJ4S',
    'password: Sommer2024!x',
    'I was diagnosed with depression and take sertraline',
    'CONFIDENTIAL - do not forward',
    'postgres://admin:s3cretPassw0rd@db.acme.test:5432/prod',
  ].join('\n');
  await s.page.locator('#draft').fill(draft);
  await s.page.locator('#draft').press('Enter');
  const d = await s.prompt.waitDialog();
  assert.equal(d.rows.length, 6);
  const rest = d.rows[5];
  assert.deepEqual(d.rows.slice(0, 5).map((r) => r.name), [
    'Credit card number',
    'IBAN (bank account)',
    'US Social Security number',
    'API key or access token',
    'Password',
  ]);
  assert.equal(rest.name, '4 items of other kinds');
  assert.equal(rest.kinds, 'Health information, Confidential document marker, Password in a connection string');
  // Untick only the shared row: the kinds in it stay as typed, the others are redacted.
  await s.prompt.click(new RegExp(`^Redact: ${rest.name}`), { role: 'checkbox' });
  await s.prompt.click('Redact and send');
  await s.page.waitForFunction(() => window.sent.length === 1);
  const [message] = await sent(s.page);
  assert.ok(!message.includes(CARD) && !message.includes(IBAN) && !message.includes('536-22-8726'));
  assert.ok(!message.includes('AKIALACI57K43PEADJ4S') && !message.includes('Sommer2024!x'));
  assert.ok(message.includes('s3cretPassw0rd') && message.includes('depression'), 'the kinds of the shared row, not ticked, are kept');
});

// A page bug that throws while draftguard reads the draft: an exception that unwinds through
// the module, which leaves it as inconsistent as a trap does. The textarea's value getter
// throws once, on the first read after the user's next key or click of the kind armed
// (window.armNext = "keydown" or "click"): the page's listener runs before draftguard's.
const BREAKS_ONCE = () => {
  const native = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value');
  Object.defineProperty(HTMLTextAreaElement.prototype, 'value', {
    configurable: true,
    get() {
      if (window.throwOnce) {
        window.throwOnce = false;
        throw new Error('page bug');
      }
      return native.get.call(this);
    },
    set(v) {
      native.set.call(this, v);
    },
  });
  for (const type of ['keydown', 'click']) {
    window.addEventListener(type, (e) => {
      if (e.isTrusted && window.armNext === type) {
        window.armNext = null;
        window.throwOnce = true;
      }
    }, true);
  }
};

test('failClosed: a module that fails while checking a send holds it, says so, and holds every later one', async () => {
  await s.page.evaluate(BREAKS_ONCE);
  await widget(s.page, { options: '{ failClosed: true }' });
  await s.page.locator('#draft').pressSequentially(`card ${CARD}`);
  await s.prompt.waitMarks([CARD]);
  await s.page.evaluate(() => (window.armNext = 'keydown'));
  await s.page.locator('#draft').press('Enter');
  const notice = await s.prompt.waitNotice(/could not check/);
  assert.equal(notice.role, 'alert');
  assert.equal(notice.text, 'draftguard could not check this message, so it was not sent. Your draft is unchanged.');
  assert.deepEqual(await sent(s.page), []);
  assert.equal(await s.page.locator('#draft').inputValue(), `card ${CARD}`);
  assert.deepEqual(await decisions(s.page), [{ action: 'edit', kinds: [], reason: 'error' }]);
  assert.deepEqual(await hostsOnPage(s.page), ['draftguard-notice'], 'the highlights are gone; only the notice is there');

  // Later sends: the module is not called again, and fail closed still holds them.
  await s.page.locator('#draft').press('Enter');
  await s.page.locator('#send').click();
  assert.deepEqual(await sent(s.page), []);
  assert.deepEqual((await decisions(s.page)).length, 3);
  const errors = await s.page.evaluate(() => {
    const tryIt = (f) => {
      try {
        f();
        return 'no error';
      } catch (e) {
        return e.message;
      }
    };
    return [tryIt(() => new window.dg.Guard().scan('x')), tryIt(() => window.dg.attach(document.createElement('textarea')))];
  });
  assert.match(errors[0], /draftguard stopped after an internal error/);
  assert.match(errors[1], /^attach\(\): draftguard stopped after an internal error/);
  // detach() still takes everything away, without the module.
  await s.page.evaluate(() => window.handle.detach());
  assert.deepEqual(await hostsOnPage(s.page), []);
  assert.equal(await s.page.evaluate(() => window.handle.detached), true);
  await s.page.locator('#draft').press('Enter');
  assert.deepEqual(await sent(s.page), [`card ${CARD}`], 'detached: the page sends as before');
});

test('fail open: the failing send goes out with a notice, and onDecision says why', async () => {
  await s.page.evaluate(BREAKS_ONCE);
  await widget(s.page);
  await s.page.locator('#draft').pressSequentially(`card ${CARD}`);
  await s.page.evaluate(() => (window.armNext = 'keydown'));
  await s.page.locator('#draft').press('Enter');
  await s.page.waitForFunction(() => window.sent.length === 1);
  assert.deepEqual(await sent(s.page), [`card ${CARD}`]);
  const notice = await s.prompt.waitNotice(/could not check/);
  assert.equal(notice.text, 'draftguard could not check this message, so it was sent unchecked.');
  assert.deepEqual(await decisions(s.page), [{ action: 'send_anyway', kinds: [], reason: 'error' }]);
});

test('a failure while the dialog is open: dialog and backdrop removed, draft kept, the user told', async () => {
  await s.page.evaluate(BREAKS_ONCE);
  await widget(s.page);
  await s.page.locator('#draft').pressSequentially(`card ${CARD}`);
  await s.page.locator('#draft').press('Enter');
  await s.prompt.waitDialog();
  await s.page.evaluate(() => (window.armNext = 'click'));
  await s.prompt.click('Redact and send');
  const notice = await s.prompt.waitNotice(/stopped after an internal error/);
  assert.equal(
    notice.text,
    'draftguard stopped after an internal error, so this message was not sent; your draft stays in the box. If you send it again, it goes out unchecked.',
  );
  assert.equal(await s.prompt.dialog(), null);
  assert.deepEqual(await hostsOnPage(s.page), ['draftguard-notice'], 'no dialog, no backdrop left');
  assert.equal(await s.page.evaluate(() => document.activeElement?.localName), 'textarea', 'the page is usable again');
  assert.deepEqual(await sent(s.page), []);
  assert.equal(await s.page.locator('#draft').inputValue(), `card ${CARD}`);
  assert.deepEqual(await decisions(s.page), [{ action: 'edit', kinds: [], reason: 'error' }]);
  // Fail open from now on: sending again sends it, unchecked, and says so.
  await s.page.locator('#draft').press('Enter');
  await s.page.waitForFunction(() => window.sent.length === 1);
  assert.equal((await s.prompt.waitNotice(/sent unchecked/)).role, 'alert');
});
