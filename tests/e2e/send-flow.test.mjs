// The send flow after the prompt (issue 12, items 2, 9 and the attach side of 5): a failed
// write-back never overwrites newer text; "Send anyway" sends exactly once on pages built in
// the ways chat pages are; sendOnEnter; a send button resolved from the guarded input.
//
//   node --test tests/e2e/send-flow.test.mjs      (needs /usr/bin/chromium and a build in pkg/)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CARD, CARD_PREVIEW, decisions, sent, setup, widget } from './harness.mjs';

const s = setup();
const draft = () => s.page.locator('#draft');

/** Types a card number and presses Enter: the dialog opens. */
async function askAbout(text = `card ${CARD}`, target = draft()) {
  await target.pressSequentially(text);
  await target.press('Enter');
  await s.prompt.waitDialog();
}

/** Waits long enough for a second send to show up, if one were coming. */
const settle = () => s.page.waitForTimeout(600);

// ---------------------------------------------------------------------------------------------
// Item 2: a failed write-back never overwrites newer text, and says what happened.

test('the draft changed while asking (textarea): nothing is written over it, nothing sent, and the notice says so', async () => {
  await widget(s.page);
  await askAbout();
  // Text arrives while the dialog is open (a collaborative editor, the page's own code).
  await s.page.evaluate(() => {
    const t = document.querySelector('#draft');
    t.value += ' — and also see the attachment';
    t.dispatchEvent(new InputEvent('input', { bubbles: true }));
  });
  await s.prompt.click('Redact and send');
  const notice = await s.prompt.waitNotice(/draft/);
  assert.equal(notice.text, 'Your draft changed while draftguard was asking, so nothing was redacted or sent. Check it and send it again.');
  assert.equal(await draft().inputValue(), `card ${CARD} — and also see the attachment`, 'the newer text is kept');
  assert.deepEqual(await sent(s.page), []);
  assert.deepEqual(await decisions(s.page), [{ action: 'edit', kinds: ['credit_card'], reason: 'draft_changed' }]);
});

test('the draft changed while asking (contenteditable): the notice does not claim it is unchanged', async () => {
  await widget(s.page, { tag: 'div', options: '{ locale: "de" }' });
  await askAbout(`Karte ${CARD}`);
  await s.page.evaluate(() => {
    document.querySelector('#draft').append(' und noch etwas');
  });
  await s.prompt.click('Schwärzen und senden');
  const notice = await s.prompt.waitNotice(/Entwurf/);
  assert.match(notice.text, /^Ihr Entwurf hat sich geändert, während draftguard nachgefragt hat/);
  assert.equal(await draft().innerText(), `Karte ${CARD} und noch etwas`);
  assert.deepEqual(await sent(s.page), []);
});

test('a redaction the page turned into something else is left as the page has it, and the notice says so', async () => {
  await widget(s.page, { options: '{ locale: "zh" }' });
  // The page's own formatting on input: it writes its version of whatever arrives.
  await s.page.evaluate(() => {
    const t = document.querySelector('#draft');
    t.addEventListener('input', () => {
      if (t.value.includes('•')) t.value = t.value.replaceAll('•', '*');
    });
  });
  await askAbout(`卡号 ${CARD}`);
  await s.prompt.click('脱敏后发送');
  const notice = await s.prompt.waitNotice(/草稿/);
  assert.equal(notice.text, '无法在此编辑器中对草稿脱敏，因此未发送任何内容。草稿此后已被更改，draftguard 保留了它现在的样子：发送前请检查。');
  assert.equal(await draft().inputValue(), '卡号 **** **** **** 1111', 'not overwritten with the draft as it was');
  assert.deepEqual(await sent(s.page), []);
  assert.deepEqual(await decisions(s.page), [{ action: 'edit', kinds: ['credit_card'], reason: 'write_back_failed' }]);
});

// ---------------------------------------------------------------------------------------------
// Item 9: "Send anyway" sends, exactly once, however the page listens.

test('a page that sends on keypress gets the re-sent Enter', async () => {
  await widget(s.page, {
    send: `input.addEventListener('keypress', (e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); sendNow(); } });`,
  });
  await askAbout();
  await s.prompt.click('Send anyway');
  await s.page.waitForFunction(() => window.sent.length > 0);
  await settle();
  assert.deepEqual(await sent(s.page), [`card ${CARD}`]);
});

test('a page that sends on beforeinput (contenteditable, insertParagraph) gets the re-sent Enter', async () => {
  await widget(s.page, {
    tag: 'div',
    send: `input.addEventListener('beforeinput', (e) => {
      if (e.inputType === 'insertParagraph' || e.inputType === 'insertLineBreak') { e.preventDefault(); sendNow(); }
    });`,
  });
  await askAbout();
  await s.prompt.click('Redact and send');
  await s.page.waitForFunction(() => window.sent.length > 0);
  await settle();
  assert.deepEqual(await sent(s.page), [`card ${CARD_PREVIEW}`]);
});

test('a page that sends on Enter without preventDefault, and has a form, sends once', async () => {
  // Like a framework: the page sends its state, and the box is cleared on the next render.
  await widget(s.page, {
    send: `let state = '';
           input.addEventListener('input', () => { state = input.value; });
           const send = () => { if (!state.trim()) return; window.sent.push(state); setTimeout(() => { state = ''; input.value = ''; }); };
           input.addEventListener('keydown', (e) => { if (e.key === 'Enter' && !e.shiftKey) send(); });
           form.addEventListener('submit', send);`,
  });
  await askAbout();
  await s.prompt.click('Send anyway');
  await s.page.waitForFunction(() => window.sent.length > 0);
  await settle();
  assert.deepEqual(await sent(s.page), [`card ${CARD}`], 'no second send through the form');
});

test('a page that ignores synthetic keys: "press Enter again", and the next real Enter sends without asking', async () => {
  await widget(s.page, {
    send: `input.addEventListener('keydown', (e) => {
      if (!e.isTrusted) return;
      if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); sendNow(); }
    });`,
  });
  await askAbout();
  await s.prompt.click('Send anyway');
  const notice = await s.prompt.waitNotice(/again/);
  assert.equal(notice.text, 'The page did not take the message. Press Enter again to send it.');
  assert.deepEqual(await sent(s.page), []);
  assert.equal(await draft().inputValue(), `card ${CARD}`);
  await draft().press('Enter');
  await s.page.waitForFunction(() => window.sent.length > 0);
  assert.equal(await s.prompt.dialog(), null, 'not asked again');
  assert.deepEqual(await sent(s.page), [`card ${CARD}`]);
  // The approval was for that draft only: the same text typed again is asked about again.
  await askAbout();
  assert.deepEqual(await sent(s.page), [`card ${CARD}`]);
});

test('the approval ends when the draft changes: an edited draft is asked about again', async () => {
  await widget(s.page, {
    send: `input.addEventListener('keydown', (e) => {
      if (!e.isTrusted) return;
      if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); sendNow(); }
    });`,
  });
  await askAbout();
  await s.prompt.click('Send anyway');
  await s.prompt.waitNotice(/again/);
  await draft().pressSequentially(' and my IBAN DE89 3704 0044 0532 0130 00');
  await draft().press('Enter');
  await s.prompt.waitDialog();
  assert.deepEqual(await sent(s.page), []);
});

// ---------------------------------------------------------------------------------------------
// Part of item 5: sendOnEnter, and the send button of this input.

test('sendOnEnter: false — Enter is a newline; the send button and the form are still guarded', async () => {
  await widget(s.page, {
    options: '{ sendOnEnter: false }',
    // The page sends on its submit button's click (and keeps the form from submitting).
    send: `button.addEventListener('click', (e) => { e.preventDefault(); sendNow(); });`,
  });
  await draft().pressSequentially(`card ${CARD}`);
  await draft().press('Enter');
  await draft().pressSequentially('second line');
  assert.equal(await draft().inputValue(), `card ${CARD}\nsecond line`);
  assert.equal(await s.prompt.dialog(), null, 'Enter is not a send');
  // The send button: the form's button, as no sendButton was given.
  await s.page.locator('#send').click();
  await s.prompt.waitDialog();
  await s.prompt.click('Send anyway');
  await s.page.waitForFunction(() => window.sent.length > 0);
  await settle();
  assert.deepEqual(await sent(s.page), [`card ${CARD}\nsecond line`]);
  // The form's submit, however the page triggers it.
  await draft().pressSequentially(`card ${CARD}`);
  await s.page.evaluate(() => document.querySelector('form').requestSubmit());
  await s.prompt.waitDialog();
});

test('sendButton as a selector is this composer\'s button, never the first match on the page', async () => {
  await s.page.evaluate(() => {
    // Two composers with the same markup; only the second is guarded.
    for (const id of ['a', 'b']) {
      const box = document.createElement('div');
      box.className = 'composer';
      box.id = id;
      const input = document.createElement('textarea');
      const button = document.createElement('button');
      button.className = 'send';
      button.textContent = 'Send';
      // The page sends on the button only; Enter does nothing of its own here.
      button.addEventListener('click', () => {
        if (input.value.trim()) window.sent.push(`${id}: ${input.value}`);
        input.value = '';
      });
      box.append(input, button);
      document.body.append(box);
    }
    window.dg.attach(document.querySelector('#b textarea'), {
      sendButton: '.send',
      onDecision: (d) => window.decisions.push(d),
    });
  });
  const a = s.page.locator('#a textarea');
  const b = s.page.locator('#b textarea');
  await b.pressSequentially(`card ${CARD}`);
  await a.pressSequentially('hello from a');
  // The other composer's button is not this input's send button.
  await s.page.locator('#a .send').click();
  assert.deepEqual(await sent(s.page), ['a: hello from a']);
  assert.equal(await s.prompt.dialog(), null);
  // Enter in b: held; Send anyway re-sends through b's own button.
  await a.pressSequentially('second from a');
  await b.press('Enter');
  await s.prompt.waitDialog();
  await s.prompt.click('Send anyway');
  await s.page.waitForFunction(() => window.sent.length > 1);
  await settle();
  assert.deepEqual(await sent(s.page), ['a: hello from a', `b: card ${CARD}`]);
  assert.equal(await a.inputValue(), 'second from a', 'a was not sent');
  // A click on b's button is guarded.
  await b.pressSequentially(`card ${CARD}`);
  await s.page.locator('#b .send').click();
  await s.prompt.waitDialog();
});
