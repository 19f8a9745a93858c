// Re-inserted inputs stay guarded (issue 12, item 6): frameworks keep a composer element and
// put it back (Vue keep-alive, per-conversation caches). Playwright's clock stands in for the
// seconds the input is away; the garbage collector is asked to run (--expose-gc).
//
//   node --test tests/e2e/reinsert.test.mjs      (needs /usr/bin/chromium and a build in pkg/)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CARD, sent, setup, widget } from './harness.mjs';
import { until } from './prompt.mjs';

const s = setup();

test('an input out of the page for more than 10 s and put back is still guarded', async () => {
  await s.open({ clock: true });
  await widget(s.page);
  await s.page.evaluate(() => {
    window.kept = document.querySelector('form');
    window.kept.remove(); // the framework keeps it for later
  });
  await s.page.clock.runFor(12_000);
  await s.page.evaluate(() => document.body.append(window.kept));
  await s.page.clock.runFor(1_000);
  await s.page.locator('#draft').pressSequentially(`card ${CARD}`);
  await s.page.locator('#draft').press('Enter');
  await s.prompt.waitDialog();
  assert.deepEqual(await sent(s.page), []);
  // Highlights come back with it; the handle says it is attached.
  await s.prompt.waitMarks([CARD]);
  assert.equal(await s.page.evaluate(() => window.handle.detached), false);
});

test('a send right after the input is put back is checked, before the next poll', async () => {
  await s.open({ clock: true });
  await widget(s.page);
  await s.page.evaluate(() => {
    window.kept = document.querySelector('form');
    window.kept.remove();
  });
  await s.page.clock.runFor(12_000);
  // Put back, typed into and sent within the same task: no poll has run in between.
  await s.page.evaluate((card) => {
    document.body.append(window.kept);
    const draft = document.querySelector('#draft');
    draft.value = `card ${card}`;
  }, CARD);
  await s.page.locator('#draft').press('Enter');
  await s.prompt.waitDialog();
  assert.deepEqual(await sent(s.page), []);
});

test('detached tells the truth: after detach(), and once an input the page dropped is collected', async () => {
  await s.open({ clock: true });
  await widget(s.page);
  await s.page.evaluate(() => window.handle.detach());
  assert.equal(await s.page.evaluate(() => window.handle.detached), true);

  // A second input, which the page removes and forgets: nothing of draftguard's keeps it alive.
  await s.page.evaluate(() => {
    document.body.replaceChildren();
    const input = document.createElement('textarea');
    document.body.append(input);
    window.second = window.dg.attach(input);
    window.collected = false;
    window.registry = new FinalizationRegistry(() => (window.collected = true));
    window.registry.register(input, 'input');
    input.remove();
  });
  await s.page.clock.runFor(12_000);
  await until(async () => {
    await s.page.evaluate(() => window.gc());
    await s.page.clock.runFor(1_000);
    return s.page.evaluate(() => window.collected && window.second.detached);
  }, { timeout: 20_000, what: 'the removed input to be collected and let go' });
  assert.deepEqual(await s.page.evaluate(() => document.querySelectorAll('draftguard-overlay').length), 0);
});
