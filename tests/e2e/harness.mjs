// What the attach() tests share: a server for the demo's origin, headless Chromium, a fresh
// blank page per test with pkg/ loaded as window.dg, and a little chat widget builder.
//
//   node --test tests/e2e/      (needs /usr/bin/chromium and a build in pkg/)

import { before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../../scripts/serve.mjs';
import { launchChromium } from '../chromium.mjs';
import { Prompt } from './prompt.mjs';

export const CARD = '4111 1111 1111 1111';
export const CARD_PREVIEW = '•••• •••• •••• 1111';
export const IBAN = 'DE89 3704 0044 0532 0130 00';

/**
 * Registers the hooks and returns the per-test state: `page`, `prompt` (see prompt.mjs),
 * `context`, and `open(options)` to start over with another page (e.g. `{ clock: true }`
 * installs Playwright's clock before the page loads).
 */
export function setup({ browserArgs = [] } = {}) {
  const s = { server: null, browser: null, context: null, page: null, prompt: null, errors: [] };

  s.open = async ({ clock = false, viewport = { width: 1000, height: 760 }, url = '/blank-for-tests' } = {}) => {
    await s.context?.close();
    s.context = await s.browser.newContext({ locale: 'en-US', viewport });
    s.page = await s.context.newPage();
    s.prompt = new Prompt(s.page);
    s.errors = [];
    s.page.on('pageerror', (err) => s.errors.push(err));
    if (clock) await s.page.clock.install();
    // The server's 404 page is a blank document of the right origin.
    await s.page.goto(new URL(url, s.server.url).href);
    await s.page.evaluate(async () => {
      document.body.replaceChildren();
      const mod = await import('/pkg/draftguard.js');
      await mod.default();
      window.dg = mod;
      window.sent = [];
      window.decisions = [];
    });
  };

  before(async () => {
    s.server = await serve({ port: 0 });
    s.browser = await launchChromium(['--js-flags=--expose-gc', ...browserArgs]);
  });
  after(async () => {
    await s.browser?.close();
    await s.server?.close();
  });
  beforeEach(() => s.open());
  afterEach(async () => {
    await s.context?.close();
    s.context = null;
    assert.deepEqual(s.errors.map(String), [], 'uncaught errors on the page');
  });
  return s;
}

/**
 * Builds a chat widget in `page`: a form with a textarea (or `tag`), a send button, and the
 * page's own send (window.sent records what it read), then attaches draftguard with `options`
 * (a JS expression, so functions can be passed). Decisions land in window.decisions.
 * `send`: how the page sends — "submit" (Enter in a textarea submits the form; the form's
 * submit sends), or a script body run after the widget is built (with `input`, `form`,
 * `button` and `sendNow()` in scope) that wires its own send.
 */
export async function widget(page, { tag = 'textarea', options = '{}', keepHandle = true, send = 'submit' } = {}) {
  await page.evaluate(
    ({ tag, options, keepHandle, send }) => {
      const form = document.createElement('form');
      const input = document.createElement(tag);
      input.id = 'draft';
      if (tag === 'input') input.type = 'text';
      if (tag === 'div') input.contentEditable = 'true';
      const button = document.createElement('button');
      button.id = 'send';
      button.type = 'submit';
      button.textContent = 'Send';
      form.append(input, button);
      document.body.append(form);
      window.sent = [];
      window.decisions = [];
      const read = () => (tag === 'div' ? input.innerText.replace(/\n$/, '') : input.value);
      const sendNow = () => {
        window.sent.push(read());
        if (tag === 'div') input.replaceChildren();
        else input.value = '';
      };
      window.sendNow = sendNow;
      if (send === 'submit') {
        // The page's own send: on submit (Enter in an input submits the form implicitly).
        form.addEventListener('submit', (e) => {
          e.preventDefault();
          sendNow();
        });
        if (tag !== 'input') {
          input.addEventListener('keydown', (e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
              e.preventDefault();
              form.requestSubmit();
            }
          });
        }
      } else {
        form.addEventListener('submit', (e) => e.preventDefault());
        // eslint-disable-next-line no-new-func
        new Function('input', 'form', 'button', 'sendNow', send)(input, form, button, sendNow);
      }
      // eslint-disable-next-line no-new-func
      const opts = new Function('return ' + options)();
      const handle = window.dg.attach(input, { onDecision: (d) => window.decisions.push(d), ...opts });
      if (keepHandle) window.handle = handle;
    },
    { tag, options, keepHandle, send },
  );
}

export const sent = (page) => page.evaluate(() => window.sent);
export const decisions = (page) => page.evaluate(() => window.decisions);

/** Whether anything of draftguard's is on the page: its hosts, in every frame. */
export const hostsOnPage = (page) =>
  page.evaluate(() => [...document.querySelectorAll('draftguard-dialog, draftguard-overlay, draftguard-notice')].map((h) => h.localName));
