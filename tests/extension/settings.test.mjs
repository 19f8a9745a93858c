// The extension's settings → attach() options, the chat sites, where settings are stored and
// the move of old allowlists, and the UI text catalogs, checked in Node (attach options against
// the real engine, dist/npm/node.mjs).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { DIST } from '../package/helpers.mjs';
import { CATALOGS, LANGUAGES, languageOf, t } from '../../extension/i18n.mjs';
import { DEFAULTS, DEVICE_ONLY, SYNCED, attachOptions, disabledOn, load, migrate, save, touchesSettings } from '../../extension/settings.mjs';
import { GENERIC_SEND_BUTTON, SITES, chatSiteFor, chatSites, normalizeHost, sendButtonOf } from '../../extension/sites.mjs';

const { Guard } = await import(path.join(DIST, 'node.mjs'));

/** The GuardOptions part of attach options (what new Guard() accepts). */
const guardPart = ({ mode, sendButton, sendOnEnter, locale, ...rest }) => rest;

/** A chrome.storage area in memory. */
function area(initial = {}) {
  const data = structuredClone(initial);
  return {
    data,
    async get(keys) {
      const list = keys == null ? Object.keys(data) : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(list.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
    },
    async set(items) {
      Object.assign(data, structuredClone(items));
    },
    async remove(keys) {
      for (const k of Array.isArray(keys) ? keys : [keys]) delete data[k];
    },
  };
}

test('chat sites: each built-in host (and its subdomains) is its site; other hosts are no chat site', () => {
  for (const site of SITES) {
    assert.ok(site.input && site.sendButton, `${site.name}: an input and a send button`);
    for (const host of site.hosts) {
      assert.equal(chatSiteFor(DEFAULTS, host, site.path ?? '/')?.name, site.name, host);
      assert.equal(chatSiteFor(DEFAULTS, `app.${host}`, site.path ?? '/')?.name, site.name, `app.${host}`);
    }
  }
  assert.equal(chatSiteFor(DEFAULTS, 'notchatgpt.com'), null, 'a suffix is not a subdomain');
  assert.equal(chatSiteFor(DEFAULTS, 'github.com'), null);
  assert.equal(chatSiteFor(DEFAULTS, 'huggingface.co', '/chat/conversation/1')?.name, 'HuggingChat');
  assert.equal(chatSiteFor(DEFAULTS, 'huggingface.co', '/meta-llama/discussions'), null, 'HuggingChat is only under /chat');
  assert.equal(chatSiteFor(DEFAULTS, 'huggingface.co', '/chatbots'), null);
});

test('chat sites: the user adds one (host as typed, defaults for the rest), turns any off, overrides a built-in', () => {
  const settings = {
    ...DEFAULTS,
    chatSites: [{ host: 'https://Chat.Example.com/app' }, { host: 'chatgpt.com', input: '#mine', sendButton: '#go' }, { host: 'not a host' }],
    chatSitesOff: ['claude.ai'],
  };
  const own = chatSiteFor(settings, 'chat.example.com');
  assert.deepEqual({ ...own }, { name: 'chat.example.com', hosts: ['chat.example.com'], input: null, sendButton: GENERIC_SEND_BUTTON, custom: true });
  assert.equal(sendButtonOf(own), GENERIC_SEND_BUTTON);
  assert.equal(chatSiteFor(settings, 'claude.ai'), null, 'turned off');
  assert.equal(chatSiteFor(settings, 'chatgpt.com').input, '#mine', 'the user’s entry wins');
  assert.ok(sendButtonOf(chatSiteFor(settings, 'chatgpt.com')).startsWith('#go, '));
  assert.equal(chatSites(settings).length, SITES.length - 1 + 2, 'the invalid host is dropped');
  assert.equal(chatSiteFor({ ...settings, chatSitesOff: ['chat.example.com'] }, 'chat.example.com'), null, 'the user’s own turned off');
});

test('host names as users type them', () => {
  assert.equal(normalizeHost('  HTTPS://Chat.Example.com:8443/x?y#z '), 'chat.example.com');
  assert.equal(normalizeHost('*.corp.test'), 'corp.test');
  assert.equal(normalizeHost('localhost'), 'localhost');
  assert.equal(normalizeHost('127.0.0.1:8080'), '127.0.0.1');
  for (const bad of ['', 'a b', 'exa_mple.com', '-', 'http://']) assert.equal(normalizeHost(bad), null, bad);
});

test('attach options: Enter sends only from a chat site’s composer; other inputs are guarded on submit alone', () => {
  const site = chatSiteFor(DEFAULTS, 'chatgpt.com');
  const composer = attachOptions(DEFAULTS, site, true);
  assert.equal(composer.sendOnEnter, true);
  assert.equal(composer.sendButton, sendButtonOf(site));
  for (const other of [attachOptions(DEFAULTS, site, false), attachOptions(DEFAULTS, null, true), attachOptions(DEFAULTS)]) {
    assert.equal(other.sendOnEnter, false);
    assert.equal(other.sendButton, undefined, 'the form’s own submit button, nothing else');
  }
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
  assert.deepEqual(new Guard(guardPart(attachOptions(DEFAULTS))).scan(text).map((f) => f.kind), ['credit_card']);
  const on = { ...DEFAULTS, disabledCategories: [] };
  assert.deepEqual(new Guard(guardPart(attachOptions(on))).scan(text).map((f) => f.kind), ['credit_card', 'email']);
  const off = { ...DEFAULTS, disabledCategories: ['contact'], disabledKinds: ['credit_card'] };
  assert.deepEqual(new Guard(guardPart(attachOptions(off))).scan(text), []);
});

test('allowed domains: email addresses there pass, the same name elsewhere is still reported', () => {
  const s = { ...DEFAULTS, disabledCategories: [], allowedDomains: ['acme.com', '@corp.example.org', 'not a domain'] };
  const guard = new Guard(guardPart(attachOptions(s)));
  const kinds = (text) => guard.scan(text).map((f) => f.kind);
  assert.deepEqual(kinds('write to jane.doe@acme.com'), []);
  assert.deepEqual(kinds('write to jane.doe@mail.acme.com'), []);
  assert.deepEqual(kinds('write to jane.doe@corp.example.org'), []);
  assert.deepEqual(kinds('write to jane.doe@acme.com.evil.io'), ['email']);
  assert.deepEqual(kinds('write to jane.doe@notacme.com'), ['email']);
});

test('storage: allowlists on the device, everything else synced; saving puts each in its place', async () => {
  assert.deepEqual([...DEVICE_ONLY].sort(), ['allowedDomains', 'allowlist']);
  assert.deepEqual([...SYNCED, ...DEVICE_ONLY].sort(), Object.keys(DEFAULTS).sort());
  const storage = { sync: area(), local: area() };
  await save({ ...DEFAULTS, allowlist: ['4111 1111 1111 1111'], allowedDomains: ['acme.com'], mode: 'redact', chatSites: [{ host: 'a.test' }] }, storage);
  assert.deepEqual(Object.keys(storage.sync.data).sort(), [...SYNCED].sort());
  assert.deepEqual(storage.local.data, { allowlist: ['4111 1111 1111 1111'], allowedDomains: ['acme.com'] });
  const loaded = await load(storage);
  assert.equal(loaded.mode, 'redact');
  assert.deepEqual(loaded.allowlist, ['4111 1111 1111 1111']);
  assert.deepEqual(loaded.chatSites, [{ host: 'a.test' }]);
  assert.ok(touchesSettings({ allowlist: {} }, 'local'));
  assert.ok(touchesSettings({ mode: {} }, 'sync'));
  assert.ok(!touchesSettings({ allowlist: {} }, 'sync'), 'not where settings live');
  assert.ok(!touchesSettings({ other: {} }, 'local'));
});

test('migration: an earlier version’s synced allowlists join the device’s and leave sync; run twice, nothing changes', async () => {
  const storage = {
    sync: area({ allowlist: ['DE89 3704 0044 0532 0130 00', 'same'], allowedDomains: ['acme.com'], mode: 'warn-only' }),
    local: area({ allowlist: ['same', 'local only'] }),
  };
  assert.equal(await migrate(storage), true);
  assert.deepEqual(storage.sync.data, { mode: 'warn-only' }, 'only the other settings stay synced');
  assert.deepEqual(storage.local.data, { allowlist: ['same', 'local only', 'DE89 3704 0044 0532 0130 00'], allowedDomains: ['acme.com'] });
  assert.equal(await migrate(storage), false, 'nothing left to move');
  assert.deepEqual(storage.local.data.allowlist, ['same', 'local only', 'DE89 3704 0044 0532 0130 00']);
  // load() migrates too (a content script may run before the service worker did).
  const fresh = { sync: area({ allowlist: ['x'] }), local: area() };
  assert.deepEqual((await load(fresh)).allowlist, ['x']);
  assert.deepEqual(fresh.sync.data, {});
});

test('UI text: every catalog has every text, placeholders included; the language follows the setting or the browser', () => {
  const keys = Object.keys(CATALOGS.en).sort();
  for (const lang of LANGUAGES) {
    assert.deepEqual(Object.keys(CATALOGS[lang]).sort(), keys, `${lang}: the same texts as en`);
    for (const key of keys) {
      const placeholders = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      assert.deepEqual(placeholders(CATALOGS[lang][key]), placeholders(CATALOGS.en[key]), `${lang}.${key}`);
      assert.ok(CATALOGS[lang][key].trim(), `${lang}.${key} is not empty`);
    }
  }
  assert.equal(languageOf('de', ['zh-CN']), 'de');
  assert.equal(languageOf('auto', ['fr-FR', 'zh-CN', 'en']), 'zh');
  assert.equal(languageOf('auto', ['fr-FR']), 'en');
  assert.equal(t('de', 'notDomain', { list: 'x, y' }), 'keine Domain: x, y');
  assert.throws(() => t('en', 'nope'), /no text for nope/);
});
