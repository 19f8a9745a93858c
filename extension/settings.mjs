// The extension's settings: stored with chrome.storage.sync (the user's own browser profile),
// turned into `attach()` options. Drafts and findings are never stored anywhere.

import { sendButtonFor } from './sites.mjs';

export const DEFAULTS = Object.freeze({
  /** UI language of the prompt: "auto" (the browser's), "en", "de" or "zh". */
  language: 'auto',
  /** Categories and kinds switched off (contact details alone do not prompt by default). */
  disabledCategories: ['contact'],
  disabledKinds: [],
  minConfidence: 'medium',
  /** Values never reported (a test card, your own company number …). */
  allowlist: [],
  /** Email addresses at these domains are never reported. */
  allowedDomains: [],
  /** "ask", "redact" (automatically) or "warn-only". */
  mode: 'ask',
  /** Host names where the extension does nothing. */
  disabledSites: [],
});

export const CATEGORIES = ['financial', 'government_id', 'credential', 'medical', 'confidential', 'contact'];

/** The stored settings, completed with the defaults. */
export async function load(storage = chrome.storage.sync) {
  return { ...DEFAULTS, ...(await storage.get(Object.keys(DEFAULTS))) };
}

/** Stores settings; only the known keys. */
export async function save(settings, storage = chrome.storage.sync) {
  const clean = {};
  for (const key of Object.keys(DEFAULTS)) clean[key] = settings[key] ?? DEFAULTS[key];
  await storage.set(clean);
}

/** True if the extension is off for `hostname` (the host itself or a parent domain listed). */
export function disabledOn(settings, hostname) {
  const host = hostname.toLowerCase();
  return settings.disabledSites.some((s) => {
    const site = s.trim().toLowerCase().replace(/^\*\./, '');
    return site && (host === site || host.endsWith(`.${site}`));
  });
}

/** A domain typed by the user as a regex fragment; null if it is not a domain. */
function domainPattern(domain) {
  const d = domain.trim().toLowerCase().replace(/^@/, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d)) return null;
  return d.replaceAll('.', '\\.');
}

/** `attach()` options for a page on `hostname`. */
export function attachOptions(settings, hostname) {
  const options = {
    mode: settings.mode,
    minConfidence: settings.minConfidence,
    categories: CATEGORIES.filter((c) => !settings.disabledCategories.includes(c)),
    excludeKinds: settings.disabledKinds,
    allowlist: settings.allowlist,
    sendButton: sendButtonFor(hostname),
  };
  const domains = settings.allowedDomains.map(domainPattern).filter(Boolean);
  if (domains.length) options.allowlistPatterns = [`(?i)[^@\\s]+@(?:[a-z0-9-]+\\.)*(?:${domains.join('|')})`];
  if (settings.language !== 'auto') options.locale = settings.language;
  return options;
}
