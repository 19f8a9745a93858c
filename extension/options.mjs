// Options page: reads and writes chrome.storage.sync through settings.mjs. The detector list
// comes from the engine itself (kinds()), so it is never out of date.

import init, { Guard, kinds } from './draftguard.js';
import { CATEGORIES, DEFAULTS, load, save } from './settings.mjs';

const CATEGORY_NAMES = {
  financial: 'Financial data (cards, IBANs, bank accounts)',
  government_id: 'Government IDs (national IDs, tax IDs, passports)',
  credential: 'Passwords, API keys and private keys',
  medical: 'Health information',
  confidential: 'Confidential-document markers',
  contact: 'Contact details (email, phone, IP address)',
};

const form = document.getElementById('settings');
const status = document.getElementById('status');
const checkbox = (name, value) => Object.assign(document.createElement('input'), { type: 'checkbox', name, value });
const lines = (name) => form.elements[name].value.split('\n').map((s) => s.trim()).filter(Boolean);

await init();
const settings = await load();
const all = kinds();

// Categories, each with its kinds.
const box = document.getElementById('kinds');
for (const category of CATEGORIES) {
  const label = document.createElement('label');
  label.className = 'category';
  label.append(checkbox('category', category), ' ', CATEGORY_NAMES[category]);
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = 'Kinds';
  details.append(summary);
  for (const k of all.filter((k) => k.category === category)) {
    const kl = document.createElement('label');
    kl.className = 'kind';
    const small = document.createElement('small');
    small.textContent = ` — ${k.checks}`;
    kl.append(checkbox('kind', k.kind), ' ', k.names.en, small);
    details.append(kl);
  }
  box.append(label, details);
}

// Show the stored settings.
form.elements.mode.value = settings.mode;
form.elements.minConfidence.value = settings.minConfidence;
form.elements.language.value = settings.language;
for (const el of form.querySelectorAll('input[name=category]')) el.checked = !settings.disabledCategories.includes(el.value);
for (const el of form.querySelectorAll('input[name=kind]')) el.checked = !settings.disabledKinds.includes(el.value);
for (const name of ['allowlist', 'allowedDomains', 'disabledSites']) form.elements[name].value = settings[name].join('\n');

form.addEventListener('submit', async (e) => {
  e.preventDefault();
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
  };
  const bad = next.allowedDomains.filter((d) => !/^@?[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(d));
  try {
    if (bad.length) throw new Error(`not a domain: ${bad.join(', ')}`);
    // The engine checks the rest, exactly as the content script will use it.
    new Guard({ minConfidence: next.minConfidence, excludeKinds: next.disabledKinds, allowlist: next.allowlist }).free();
    await save(next);
    status.className = '';
    status.textContent = 'Saved.';
  } catch (err) {
    status.className = 'error';
    status.textContent = `Not saved: ${err.message}`;
  }
});
document.body.dataset.ready = 'true';
