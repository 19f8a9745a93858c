// The extension's settings → attach() options, and the send-button selectors per site,
// checked in Node against the real engine (dist/npm/node.mjs).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { DIST } from '../package/helpers.mjs';
import { DEFAULTS, attachOptions, disabledOn } from '../../extension/settings.mjs';
import { GENERIC_SEND_BUTTON, SITES, sendButtonFor } from '../../extension/sites.mjs';

const { Guard } = await import(path.join(DIST, 'node.mjs'));

/** The GuardOptions part of attach options (what new Guard() accepts). */
const guardPart = ({ mode, sendButton, locale, ...rest }) => rest;

test('sites: each listed LLM chat host (and its subdomains) gets its own send button, others the generic one', () => {
  for (const site of SITES) {
    for (const host of site.hosts) {
      assert.ok(sendButtonFor(host).startsWith(site.sendButton), host);
      assert.ok(sendButtonFor(`app.${host}`).startsWith(site.sendButton), `app.${host}`);
    }
  }
  assert.equal(sendButtonFor('notchatgpt.com'), GENERIC_SEND_BUTTON, 'a suffix is not a subdomain');
  assert.equal(sendButtonFor('example.org'), GENERIC_SEND_BUTTON);
});

test('per-site disable matches the host and its subdomains only', () => {
  const s = { ...DEFAULTS, disabledSites: ['intranet.example.com', '*.corp.test'] };
  assert.ok(disabledOn(s, 'intranet.example.com'));
  assert.ok(disabledOn(s, 'wiki.intranet.example.com'));
  assert.ok(disabledOn(s, 'a.corp.test'));
  assert.ok(!disabledOn(s, 'example.com'));
  assert.ok(!disabledOn(s, 'evilintranet.example.com'));
});

test('default settings make valid options; categories and kinds switched off are not reported', () => {
  const text = 'card 4111 1111 1111 1111, mail jane.doe@gmail.com';
  // By default contact details alone do not prompt (as attach() itself).
  assert.deepEqual(new Guard(guardPart(attachOptions(DEFAULTS, 'x.test'))).scan(text).map((f) => f.kind), ['credit_card']);
  const on = { ...DEFAULTS, disabledCategories: [] };
  assert.deepEqual(new Guard(guardPart(attachOptions(on, 'x.test'))).scan(text).map((f) => f.kind), ['credit_card', 'email']);
  const off = { ...DEFAULTS, disabledCategories: ['contact'], disabledKinds: ['credit_card'] };
  assert.deepEqual(new Guard(guardPart(attachOptions(off, 'x.test'))).scan(text), []);
});

test('allowed domains: email addresses there pass, the same name elsewhere is still reported', () => {
  const s = { ...DEFAULTS, disabledCategories: [], allowedDomains: ['acme.com', '@corp.example.org', 'not a domain'] };
  const guard = new Guard(guardPart(attachOptions(s, 'x.test')));
  const kinds = (t) => guard.scan(t).map((f) => f.kind);
  assert.deepEqual(kinds('write to jane.doe@acme.com'), []);
  assert.deepEqual(kinds('write to jane.doe@mail.acme.com'), []);
  assert.deepEqual(kinds('write to jane.doe@corp.example.org'), []);
  assert.deepEqual(kinds('write to jane.doe@acme.com.evil.io'), ['email']);
  assert.deepEqual(kinds('write to jane.doe@notacme.com'), ['email']);
});
