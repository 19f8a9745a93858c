// The extension's settings, turned into `attach()` options. Drafts and findings are never
// stored anywhere.
//
// Where they live: the allowlists — values never reported (the user's own card numbers and
// IBANs, by design) and email domains never reported (the user's employer) — stay on this
// device, in chrome.storage.local. Everything else is in chrome.storage.sync, so it follows
// the user to their other browsers. Earlier versions kept the allowlists in sync too;
// `migrate()` moves them out (and deletes them there) the first time this version runs.

import { sendButtonOf } from './sites.mjs';

export const DEFAULTS = Object.freeze({
  /** UI language of the prompt and the options page: "auto" (the browser's), "en", "de" or "zh". */
  language: 'auto',
  /** Categories and kinds switched off (contact details alone do not prompt by default). */
  disabledCategories: ['contact'],
  disabledKinds: [],
  minConfidence: 'medium',
  /** Values never reported (a test card, your own company number …). Device only. */
  allowlist: [],
  /** Email addresses at these domains are never reported. Device only. */
  allowedDomains: [],
  /** "ask", "redact" (automatically) or "warn-only". */
  mode: 'ask',
  /** Host names where the extension does nothing. */
  disabledSites: [],
  /** The user's own chat sites, where Enter sends: { host, name?, input?, sendButton? }. */
  chatSites: [],
  /** Chat sites (built-in or the user's) switched off, by key (their first host). */
  chatSitesOff: [],
});

/** Settings that never leave the device (chrome.storage.local). */
export const DEVICE_ONLY = Object.freeze(['allowlist', 'allowedDomains']);
/** Settings synced with the user's browser profile (chrome.storage.sync). */
export const SYNCED = Object.freeze(Object.keys(DEFAULTS).filter((k) => !DEVICE_ONLY.includes(k)));

export const CATEGORIES = ['financial', 'government_id', 'credential', 'medical', 'confidential', 'contact'];

const areas = () => ({ sync: chrome.storage.sync, local: chrome.storage.local });

/**
 * Moves allowlist entries an earlier version stored in `sync` to `local` (merged with what is
 * there, duplicates dropped) and deletes them from `sync`. Does nothing when there are none;
 * safe to run from several places at once (the result is the same union).
 */
export async function migrate({ sync, local } = areas()) {
  const old = await sync.get(DEVICE_ONLY);
  const keys = DEVICE_ONLY.filter((k) => k in old);
  if (!keys.length) return false;
  const here = await local.get(keys);
  const merged = {};
  for (const k of keys) merged[k] = [...new Set([...(here[k] ?? []), ...(old[k] ?? [])])];
  await local.set(merged);
  await sync.remove(keys);
  return true;
}

/** The stored settings, completed with the defaults (migrating old allowlists first). */
export async function load(storage = areas()) {
  await migrate(storage);
  const [synced, device] = await Promise.all([storage.sync.get(SYNCED), storage.local.get(DEVICE_ONLY)]);
  return { ...DEFAULTS, ...synced, ...device };
}

/** Stores settings: the known keys only, each in its area. */
export async function save(settings, { sync, local } = areas()) {
  const pick = (keys) => Object.fromEntries(keys.map((k) => [k, settings[k] ?? DEFAULTS[k]]));
  await Promise.all([sync.set(pick(SYNCED)), local.set(pick(DEVICE_ONLY))]);
}

/** True if a storage change (chrome.storage.onChanged) touches the settings. */
export function touchesSettings(changes, area) {
  const keys = area === 'local' ? DEVICE_ONLY : area === 'sync' ? SYNCED : [];
  return keys.some((k) => k in changes);
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

/**
 * `attach()` options for an input. `site` is the page's chat site (or null) and `composer`
 * whether the input is that site's composer: only there does Enter send, and the site's send
 * button counts. Any other input is guarded on its form's submit (and submit button) alone.
 */
export function attachOptions(settings, site = null, composer = false) {
  const chat = Boolean(site && composer);
  const options = {
    mode: settings.mode,
    minConfidence: settings.minConfidence,
    categories: CATEGORIES.filter((c) => !settings.disabledCategories.includes(c)),
    excludeKinds: settings.disabledKinds,
    allowlist: settings.allowlist,
    sendOnEnter: chat,
    // Attachments are read by the files module the extension ships; a content script's module
    // may not import it relative to draftguard.js (see guard.mjs), so it is named here.
    ...(globalThis.chrome?.runtime?.getURL ? { filesModule: chrome.runtime.getURL('files/draftguard_files.js') } : {}),
  };
  if (chat) options.sendButton = sendButtonOf(site);
  const domains = settings.allowedDomains.map(domainPattern).filter(Boolean);
  if (domains.length) options.allowlistPatterns = [`(?i)[^@\\s]+@(?:[a-z0-9-]+\\.)*(?:${domains.join('|')})`];
  if (settings.language !== 'auto') options.locale = settings.language;
  return options;
}
