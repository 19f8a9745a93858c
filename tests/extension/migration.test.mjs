// Issue 12, item 8: allowlists stay on the device. An earlier version kept the allowlist (the
// user's own card numbers and IBANs, by design) and the allowed email domains in
// chrome.storage.sync, synced to the user's account. When the new version first runs, they
// move to chrome.storage.local and are deleted from sync, before any page asks for them.
//
// The update as Chromium sees it: a copy of dist/extension/ at version 0.0.1 runs in a profile
// and stores what an earlier version stored; the browser closes; the same directory comes back
// with the real version in the same profile.
//
//   node --test tests/extension/    (needs /usr/bin/chromium and bash scripts/extension.sh)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CARD } from '../package/helpers.mjs';
import { EXT, launch, prompting, until } from './launch.mjs';

const CHAT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>chat</title></head>
<body><textarea id="draft"></textarea><button type="button" aria-label="Send message">➤</button><script src="chat.js"></script></body></html>`;
const CHAT_JS = `
window.sent = [];
const el = document.getElementById('draft');
el.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); window.sent.push(el.value); el.value = ''; }
});
`;

test('allowlists an earlier version synced move to this device on the first run of the new version', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'draftguard-ext-update-'));
  const extension = path.join(dir, 'extension');
  const profile = path.join(dir, 'profile');
  cpSync(EXT, extension, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(extension, 'manifest.json'), 'utf8'));
  const setVersion = (version) => writeFileSync(path.join(extension, 'manifest.json'), JSON.stringify({ ...manifest, version }));
  const both = (worker) => worker.evaluate(() => Promise.all([chrome.storage.sync.get(null), chrome.storage.local.get(null)]));
  try {
    setVersion('0.0.1');
    let ext = await launch({ extension, profile });
    // The options page opens after installing; let it settle before playing the old version.
    const isOptions = (p) => p.url().endsWith('/options.html');
    await until(() => ext.context.pages().some(isOptions), 'the options page opened after installing');
    const options = ext.context.pages().find(isOptions);
    await options.waitForFunction(() => document.body.dataset.ready === 'true');
    await options.close();
    await ext.worker.evaluate(
      ([card]) =>
        Promise.all([
          chrome.storage.sync.set({ allowlist: [card], allowedDomains: ['acme.example'], mode: 'ask', chatSites: [{ host: '127.0.0.1' }] }),
          chrome.storage.local.clear(),
        ]),
      [CARD],
    );
    assert.deepEqual((await both(ext.worker))[0].allowlist, [CARD], 'stored as an earlier version did');
    await ext.close();

    setVersion(manifest.version);
    ext = await launch({ extension, profile, files: { 'chat.html': CHAT, 'chat.js': CHAT_JS } });
    try {
      // No page is open: the service worker moves them.
      await until(async () => !('allowlist' in (await both(ext.worker))[0]), 'the allowlist left chrome.storage.sync');
      const [synced, device] = await both(ext.worker);
      assert.equal(synced.allowedDomains, undefined, 'the allowed domains left it too');
      assert.equal(synced.mode, 'ask', 'other settings stay synced');
      assert.deepEqual([device.allowlist, device.allowedDomains], [[CARD], ['acme.example']], 'kept on this device');
      // And the allowlist still works.
      const p = await ext.context.newPage();
      await p.goto(`${ext.url}chat.html`);
      await p.locator('#draft').click();
      await p.locator('draftguard-overlay').waitFor({ state: 'attached', timeout: 15000 });
      await p.locator('#draft').pressSequentially(`my card ${CARD}`);
      await p.locator('#draft').press('Enter');
      assert.deepEqual(await p.evaluate(() => window.sent), [`my card ${CARD}`], 'an allowlisted value is not asked about');
      assert.equal(await prompting(p), false);
    } finally {
      await ext.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
