// Shared by the extension's browser tests: Debian's Chromium in new headless mode with the
// unpacked extension (dist/extension/, built by scripts/extension.sh) in a fresh profile, and
// the test pages served from a temporary directory on 127.0.0.1 — reachable as
// http://127.0.0.1:PORT/ and as http://localhost:PORT/, two sites as far as the extension is
// concerned.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, serveDir } from '../package/helpers.mjs';
import { DEVICE_ONLY } from '../../extension/settings.mjs';
import { Prompt } from '../e2e/prompt.mjs';

/** The unpacked extension: dist/extension/, or DRAFTGUARD_EXTENSION (e.g. an earlier build, to see what a test catches). */
export const EXT = process.env.DRAFTGUARD_EXTENSION ? path.resolve(process.env.DRAFTGUARD_EXTENSION) : path.join(ROOT, 'dist/extension');

/**
 * Launches Chromium with the extension; `files` ({ name: contents }) are served, `headers`
 * ({ name: { header: value } }) sent with them; `write(dir)` may add more. `extension`: the
 * unpacked extension's directory; `profile`: a browser profile to use (and keep) instead of a
 * fresh one. Resolves to the running set-up: `context`, `worker` (the service worker), `extensionId`,
 * `url` / `otherUrl` (the same server under two host names), every request and page error seen,
 * `settings(patch)` to store settings as the options page does, and `close()`.
 */
export async function launch({ files = {}, headers = {}, write = () => {}, extension = EXT, profile = null } = {}) {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} not found: apt-get install -y chromium`);
  assert.ok(existsSync(path.join(extension, 'manifest.json')), `${extension} is missing: run bash scripts/extension.sh`);
  const site = mkdtempSync(path.join(os.tmpdir(), 'draftguard-ext-site-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(site, name), text);
  await write(site);
  const server = await serveDir(site, { headers });
  const ownProfile = !profile;
  profile ??= mkdtempSync(path.join(os.tmpdir(), 'draftguard-ext-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true, // Chromium's new headless mode, which runs extensions
    locale: 'en-US',
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
  });
  const requests = [];
  const pageErrors = [];
  context.on('request', (r) => requests.push(r.url()));
  context.on('page', (p) => p.on('pageerror', (e) => pageErrors.push(`${p.url()}: ${e.message}`)));
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  const running = {
    context,
    worker,
    extensionId: new URL(worker.url()).host,
    url: server.url,
    otherUrl: server.url.replace('127.0.0.1', 'localhost'),
    requests,
    pageErrors,
    /** Stores settings as the options page does: allowlists on the device, the rest synced. */
    async settings(patch) {
      const device = Object.fromEntries(Object.entries(patch).filter(([k]) => DEVICE_ONLY.includes(k)));
      const synced = Object.fromEntries(Object.entries(patch).filter(([k]) => !DEVICE_ONLY.includes(k)));
      await running.worker.evaluate(([s, d]) => Promise.all([chrome.storage.sync.set(s), chrome.storage.local.set(d)]), [synced, device]);
    },
    /** Closes the browser; the profile is removed unless it was given. */
    async close() {
      await context.close();
      await server.close();
      for (const dir of ownProfile ? [site, profile] : [site]) rmSync(dir, { recursive: true, force: true });
    },
  };
  return running;
}

/** Waits until `check()` (async) is true, trying every 50 ms up to `tries` times. */
export async function until(check, message, tries = 200) {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`timed out: ${message}`);
}

// The prompt's shadow roots are closed: its buttons are pressed through the accessibility tree
// with the real mouse, and the dialog is read through DevTools (tests/e2e/prompt.mjs).

/** Presses the prompt's button `name` once its dialog is open. */
export async function press(page, name, { timeout = 15000 } = {}) {
  const prompt = new Prompt(page);
  await prompt.waitDialog({ timeout });
  await prompt.click(name);
}

/** Whether the prompt's dialog is open. */
export async function prompting(page) {
  return (await new Prompt(page).dialog()) !== null;
}

/** Waits for one of the prompt's notices (e.g. warn-only's). */
export function notice(page) {
  return new Prompt(page).waitNotice();
}
