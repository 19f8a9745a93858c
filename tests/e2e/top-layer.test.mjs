// The prompt is usable over anything a page shows (issue 12, item 3): it is a modal <dialog> in
// the browser's top layer. Driven as a user would: buttons found in the accessibility tree (a
// page's modal makes everything else inert there) and clicked with the real mouse at their
// centre, so whatever is drawn on top would take the click.
//
//   node --test tests/e2e/top-layer.test.mjs      (needs /usr/bin/chromium and a build in pkg/)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CARD, CARD_PREVIEW, decisions, sent, setup } from './harness.mjs';

const s = setup();

/** A chat composer inside `container`, guarded; the page's send on Enter records window.sent. */
async function composerIn(setupContainer) {
  await s.page.evaluate((setupContainer) => {
    // eslint-disable-next-line no-new-func
    const container = new Function(setupContainer)();
    const input = document.createElement('textarea');
    input.id = 'draft';
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        window.sent.push(input.value);
        input.value = '';
      }
    });
    container.append(input);
    window.dg.attach(input, { onDecision: (d) => window.decisions.push(d) });
  }, setupContainer);
}

test('over the page\'s own modal <dialog> (showModal): the prompt is on top and answers clicks', async () => {
  await composerIn(`
    const d = document.createElement('dialog');
    d.id = 'page-modal';
    document.body.append(d);
    d.showModal();
    return d;
  `);
  await s.page.locator('#draft').pressSequentially(`card ${CARD}`);
  await s.page.locator('#draft').press('Enter');
  const d = await s.prompt.waitDialog();
  await s.prompt.click('Redact and send');
  await s.page.waitForFunction(() => window.sent.length > 0);
  assert.deepEqual(await sent(s.page), [`card ${CARD_PREVIEW}`]);
  assert.equal(d.modal, true, 'a modal dialog: in the top layer, the page behind inert');
  assert.equal(await s.page.evaluate(() => document.querySelector('#page-modal').open), true, 'the page\'s modal is untouched');
});

test('over a full-screen overlay with the highest z-index', async () => {
  await composerIn(`
    const veil = document.createElement('div');
    veil.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:rgba(255,255,255,0.6)';
    document.body.append(veil);
    return veil;
  `);
  await s.page.locator('#draft').pressSequentially(`card ${CARD}`);
  await s.page.locator('#draft').press('Enter');
  await s.prompt.waitDialog();
  await s.prompt.click('Send anyway');
  await s.page.waitForFunction(() => window.sent.length > 0);
  assert.deepEqual(await sent(s.page), [`card ${CARD}`]);
  assert.deepEqual(await decisions(s.page), [{ action: 'send_anyway', kinds: ['credit_card'] }]);
});

test('inside a small iframe: the dialog fits the frame and its buttons work', async () => {
  await s.page.evaluate(async () => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width:420px;height:320px;border:0';
    frame.src = '/blank-for-tests';
    document.body.append(frame);
    await new Promise((r) => frame.addEventListener('load', r, { once: true }));
    const w = frame.contentWindow;
    const dg = await w.eval('import("/pkg/draftguard.js")');
    await dg.default();
    const doc = frame.contentDocument;
    doc.body.replaceChildren();
    const input = doc.createElement('textarea');
    input.id = 'draft';
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        window.sent.push(input.value);
        input.value = '';
      }
    });
    doc.body.append(input);
    dg.attach(input, { onDecision: (d) => window.decisions.push(d) });
  });
  const input = s.page.frameLocator('iframe').locator('#draft');
  await input.pressSequentially(`IBAN DE89 3704 0044 0532 0130 00 and card ${CARD}`);
  await input.press('Enter');
  const d = await s.prompt.waitDialog();
  assert.ok(d.box.top >= 0 && d.box.bottom <= d.viewport, `the dialog fits the frame (${JSON.stringify(d.box)})`);
  await s.prompt.click('Redact and send');
  await s.page.waitForFunction(() => window.sent.length > 0);
  assert.deepEqual(await sent(s.page), [`IBAN DE•• •••• •••• •••• ••30 00 and card ${CARD_PREVIEW}`]);
});
