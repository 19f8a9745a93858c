// Options page: reads and writes the settings through settings.mjs (allowlists on this device,
// the rest synced). The detector list comes from the engine itself (kinds()), so it is never
// out of date; the chat sites from sites.mjs plus the user's own. Open tabs follow a save at
// once (the content script listens to chrome.storage.onChanged). Text in en/de/zh (i18n.mjs).

import init, { Guard, kinds } from './draftguard.js';
import { languageOf, t } from './i18n.mjs';
import { CATEGORIES, DEFAULTS, load, save } from './settings.mjs';
import { GENERIC_SEND_BUTTON, SITES, normalizeHost, siteKey } from './sites.mjs';

const form = document.getElementById('settings');
const status = document.getElementById('status');
const field = (id) => document.getElementById(id);
const lines = (name) => form.elements[name].value.split('\n').map((s) => s.trim()).filter(Boolean);
const make = (tag, { dataset = {}, ...props } = {}, ...children) => {
  const e = Object.assign(document.createElement(tag), props);
  Object.assign(e.dataset, dataset);
  e.append(...children);
  return e;
};
const checkbox = (name, value, checked = true) => make('input', { type: 'checkbox', name, value, checked });

await init();
const settings = await load();
const all = kinds();
let lang = languageOf(settings.language, navigator.languages);
/** The user's own chat sites, as edited on this page (saved with the rest). */
let ownSites = settings.chatSites.map((s) => ({ ...s }));

/** Every text of the page in the current language. */
function translate() {
  document.documentElement.lang = lang;
  for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(lang, e.dataset.i18n);
  for (const e of document.querySelectorAll('[data-kind-name]')) {
    e.textContent = all.find((k) => k.kind === e.dataset.kindName).names[lang];
  }
}

// Categories, each with its kinds.
const box = field('kinds');
for (const category of CATEGORIES) {
  const label = make('label', { className: 'category' }, checkbox('category', category), ' ', make('span', { dataset: { i18n: category } }));
  const details = make('details', {}, make('summary', { dataset: { i18n: 'kindsSummary' } }));
  for (const k of all.filter((k) => k.category === category)) {
    details.append(
      make('label', { className: 'kind' }, checkbox('kind', k.kind), ' ', make('span', { dataset: { kindName: k.kind } }), make('small', {}, ` — ${k.checks}`)),
    );
  }
  box.append(label, details);
}

/** The chat sites: built-in, then the user's own; each can be switched off, the user's removed. */
function renderSites(off) {
  const list = field('sites');
  list.replaceChildren();
  const own = ownSites.map((s) => ({ name: s.name || s.host, hosts: [s.host], own: true }));
  for (const site of [...SITES, ...own]) {
    const key = siteKey(site);
    const row = make(
      'li',
      { className: 'site' },
      make('label', { className: 'toggle' }, checkbox('site', key, !off.has(key)), ' ', make('span', { className: 'name' }, site.name)),
      make('span', { className: 'hosts' }, site.hosts.join(', ') + (site.path ?? '')),
    );
    if (site.own) {
      const remove = make('button', { type: 'button', className: 'remove', dataset: { i18n: 'chatRemove' } });
      remove.setAttribute('aria-label', `${t(lang, 'chatRemove')}: ${site.name}`);
      remove.addEventListener('click', () => {
        ownSites = ownSites.filter((s) => s.host !== key);
        renderSites(sitesOff());
        translate();
      });
      row.append(make('span', { className: 'tag', dataset: { i18n: 'chatYours' } }), remove);
    }
    list.append(row);
  }
}
const sitesOff = () => new Set([...form.querySelectorAll('input[name=site]:not(:checked)')].map((e) => e.value));

/** A CSS selector the browser accepts (empty: none given). */
function validSelector(selector) {
  if (!selector) return true;
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/** Adds the site typed in the "add" fields, if any; throws with a message if it is not valid. */
function addTypedSite() {
  const [host, name, input, sendButton] = ['siteHost', 'siteName', 'siteInput', 'siteButton'].map((id) => field(id).value.trim());
  if (!host && !input && !sendButton) return false;
  const clean = normalizeHost(host);
  if (!clean) throw new Error(t(lang, 'notHost', { list: host || '""' }));
  const bad = [input, sendButton].filter((s) => !validSelector(s));
  if (bad.length) throw new Error(t(lang, 'notSelector', { list: bad.join(', ') }));
  const site = { host: clean };
  if (name) site.name = name;
  if (input) site.input = input;
  if (sendButton && sendButton !== GENERIC_SEND_BUTTON) site.sendButton = sendButton;
  const off = sitesOff();
  off.delete(clean); // adding a site means it is on
  ownSites = [...ownSites.filter((s) => s.host !== clean), site];
  for (const id of ['siteHost', 'siteName', 'siteInput', 'siteButton']) field(id).value = '';
  renderSites(off);
  translate();
  return true;
}

function say(text, error = false) {
  status.className = error ? 'error' : '';
  status.textContent = text;
}

field('addSite').addEventListener('click', () => {
  try {
    addTypedSite();
    say('');
  } catch (err) {
    say(t(lang, 'notSaved', { error: err.message }), true);
  }
});

// Show the stored settings.
form.elements.mode.value = settings.mode;
form.elements.minConfidence.value = settings.minConfidence;
form.elements.language.value = settings.language;
for (const el of form.querySelectorAll('input[name=category]')) el.checked = !settings.disabledCategories.includes(el.value);
for (const el of form.querySelectorAll('input[name=kind]')) el.checked = !settings.disabledKinds.includes(el.value);
for (const name of ['allowlist', 'allowedDomains', 'disabledSites']) form.elements[name].value = settings[name].join('\n');
renderSites(new Set(settings.chatSitesOff));
translate();

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  try {
    addTypedSite(); // typed but not added yet: the user means it
    const next = {
      ...DEFAULTS,
      mode: form.elements.mode.value,
      minConfidence: form.elements.minConfidence.value,
      language: form.elements.language.value,
      disabledCategories: [...form.querySelectorAll('input[name=category]:not(:checked)')].map((el) => el.value),
      disabledKinds: [...form.querySelectorAll('input[name=kind]:not(:checked)')].map((el) => el.value),
      allowlist: lines('allowlist'),
      allowedDomains: lines('allowedDomains'),
      disabledSites: lines('disabledSites'),
      chatSites: ownSites,
      chatSitesOff: [...sitesOff()],
    };
    const bad = next.allowedDomains.filter((d) => !/^@?[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(d));
    if (bad.length) throw new Error(t(lang, 'notDomain', { list: bad.join(', ') }));
    // The engine checks the rest, exactly as the content script will use it.
    new Guard({ minConfidence: next.minConfidence, excludeKinds: next.disabledKinds, allowlist: next.allowlist }).free();
    await save(next);
    lang = languageOf(next.language, navigator.languages);
    translate();
    say(t(lang, 'saved'));
  } catch (err) {
    say(t(lang, 'notSaved', { error: err.message }), true);
  }
});
document.body.dataset.ready = 'true';
