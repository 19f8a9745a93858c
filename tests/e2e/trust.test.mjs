// Only the user answers the prompt, and page script cannot read what it found (issue 12, item 4).
//
//   node --test tests/e2e/trust.test.mjs      (needs /usr/bin/chromium and a build in pkg/)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CARD, decisions, sent, setup, widget } from './harness.mjs';

const s = setup();

test('page script can neither reach the dialog nor answer it: synthetic clicks and keys do nothing', async () => {
  await widget(s.page);
  await s.page.locator('#draft').pressSequentially(`card ${CARD}`);
  await s.page.locator('#draft').press('Enter');
  await s.prompt.waitDialog();

  // What any script on the page can try: the host is there, its shadow root is not reachable.
  const reach = await s.page.evaluate(() => {
    const host = document.querySelector('draftguard-dialog');
    const button = host?.shadowRoot?.querySelector('.send-anyway');
    button?.click(); // an open root would let this through
    return { host: !!host, root: host?.shadowRoot ?? null };
  });
  assert.deepEqual(reach, { host: true, root: null });

  // Even with a reference (DevTools has one; a page could get one through a leak), a script's
  // click, Enter or Esc is not the user's: nothing happens.
  await s.prompt.asPage('Send anyway', (b) => b.click());
  await s.prompt.asPage('Send anyway', (b) => {
    b.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
  });
  await s.prompt.asPage('Edit draft', (b) => {
    const dialog = b.closest('dialog') ?? b.closest('[role=alertdialog]');
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
  });
  await s.page.waitForTimeout(300);
  assert.deepEqual(await sent(s.page), [], 'nothing was sent');
  assert.deepEqual(await decisions(s.page), [], 'no decision was reported');
  assert.notEqual(await s.prompt.dialog(), null, 'the dialog is still asking');

  // The user's own click answers.
  await s.prompt.click('Send anyway');
  await s.page.waitForFunction(() => window.sent.length > 0);
  assert.deepEqual(await decisions(s.page), [{ action: 'send_anyway', kinds: ['credit_card'] }]);
});

test('page script cannot read what is highlighted, so it cannot learn the allowlist from it', async () => {
  await widget(s.page, { options: '{ allowlist: ["5500 0000 0000 0004"] }' });
  const text = `cards ${CARD} and 5500 0000 0000 0004`;
  await s.page.locator('#draft').pressSequentially(text);
  await s.prompt.waitMarks([CARD]); // DevTools sees the highlight: only the card not allowed
  // Every text node a script can walk to (open shadow roots included), outside the input.
  const readable = await s.page.evaluate(() => {
    const out = [];
    const walk = (root) => {
      const it = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let n = it.currentNode; n; n = it.nextNode()) {
        if (n.nodeType === Node.TEXT_NODE && n.parentElement?.localName !== 'textarea') out.push(n.data);
        if (n.shadowRoot) walk(n.shadowRoot);
      }
    };
    walk(document.documentElement);
    return {
      text: out.join(' '),
      overlayRoot: document.querySelector('draftguard-overlay')?.shadowRoot ?? null,
    };
  });
  assert.equal(readable.overlayRoot, null);
  assert.ok(!readable.text.includes('4111'), 'the highlighted card is not readable');
  assert.ok(!readable.text.includes('5500'), 'nor the allowed one beside it');
});
