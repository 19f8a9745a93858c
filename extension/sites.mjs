// The chat sites the extension knows: where Enter sends a message, which element is the
// composer (`input`) and which button sends (`sendButton`). `attach()` resolves the send-button
// selector relative to the composer (the nearest ancestor of the input holding a match), so a
// comma-separated list is fine and markup that appears later still counts.
//
// On these sites the composer is guarded on Enter and on its send button. Everywhere else (and
// for any other input on a chat site) only the real send paths are guarded — the form's submit
// and its submit button — and Enter is a newline, never a send (a GitHub comment, a support
// form, a mail body). The user can add sites where Enter sends and turn any site off (options
// page; settings.mjs merges the two).
//
// The selectors follow the sites' markup as published; they could not be checked against the
// live sites from the build machine (no network).

export const SITES = Object.freeze([
  {
    name: 'ChatGPT',
    hosts: ['chatgpt.com', 'chat.openai.com'],
    input: '#prompt-textarea, textarea[name="prompt-textarea"]',
    sendButton: '#composer-submit-button, button[data-testid="send-button"]',
  },
  {
    name: 'Claude',
    hosts: ['claude.ai'],
    input: 'div.ProseMirror[contenteditable="true"], [data-testid="chat-input"]',
    sendButton: 'button[aria-label="Send message"], button[aria-label="Send Message"]',
  },
  {
    name: 'Gemini',
    hosts: ['gemini.google.com'],
    input: 'rich-textarea .ql-editor, div.ql-editor[contenteditable="true"]',
    sendButton: 'button.send-button, button[aria-label="Send message"]',
  },
  {
    name: 'Microsoft Copilot',
    hosts: ['copilot.microsoft.com'],
    input: '#userInput, textarea[data-testid="composer-input"]',
    sendButton: 'button[data-testid="submit-button"], button[aria-label="Submit message"]',
  },
  {
    name: 'Perplexity',
    hosts: ['perplexity.ai', 'www.perplexity.ai'],
    input: '#ask-input, textarea[placeholder]',
    sendButton: 'button[aria-label="Submit"], button[data-testid="submit-button"]',
  },
  {
    name: 'Mistral Le Chat',
    hosts: ['chat.mistral.ai'],
    input: 'div.ProseMirror[contenteditable="true"], textarea',
    sendButton: 'button[type="submit"], button[aria-label="Send question"]',
  },
  {
    name: 'DeepSeek',
    hosts: ['chat.deepseek.com'],
    input: '#chat-input, textarea',
    sendButton: 'div[role="button"][aria-disabled="false"]',
  },
  {
    name: 'Grok',
    hosts: ['grok.com'],
    input: 'div.tiptap[contenteditable="true"], div.ProseMirror[contenteditable="true"], textarea',
    sendButton: 'button[type="submit"], button[aria-label="Submit"]',
  },
  {
    name: 'Poe',
    hosts: ['poe.com'],
    input: 'textarea[class*="GrowingTextArea"], textarea',
    sendButton: 'button[data-button-send="true"], button[class*="SendButton"]',
  },
  {
    // huggingface.co is much more than the chat (model cards, discussions): only /chat.
    name: 'HuggingChat',
    hosts: ['huggingface.co'],
    path: '/chat',
    input: 'textarea',
    sendButton: 'button[type="submit"], button[aria-label="Send message"]',
  },
]);

/** On a chat site, buttons that say they send, besides the site's own. */
export const GENERIC_SEND_BUTTON =
  'button[aria-label*="send" i], button[data-testid*="send" i], button[title*="send" i], [role="button"][aria-label*="send" i]';

/** A site's key in the settings (turning it off): its first host. */
export const siteKey = (site) => site.hosts[0];

/**
 * A host name as the user typed it ("https://Chat.Example.com/x", "*.example.com"), reduced to
 * the host; null if it is not one.
 */
export function normalizeHost(text) {
  let h = String(text).trim().toLowerCase();
  h = h.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, '').replace(/^\*\./, '');
  h = h.replace(/:\d+$/, '').replace(/\.$/, '');
  const label = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';
  return new RegExp(`^${label}(?:\\.${label})*$`).test(h) ? h : null;
}

/** True if `hostname` is `host` or one of its subdomains. */
export function hostMatches(hostname, host) {
  const h = hostname.toLowerCase();
  return h === host || h.endsWith(`.${host}`);
}

/**
 * The chat sites in effect: the built-in ones, then the user's own (`settings.chatSites`:
 * `{ host, name?, input?, sendButton? }`), without those switched off (`settings.chatSitesOff`,
 * by key). A user's site without a send button gets the generic one; without an input
 * selector, every input on it is its composer.
 */
export function chatSites(settings) {
  const off = new Set(settings.chatSitesOff ?? []);
  const own = (settings.chatSites ?? [])
    .map((s) => ({ ...s, host: normalizeHost(s.host ?? '') }))
    .filter((s) => s.host)
    .map((s) => ({
      name: s.name?.trim() || s.host,
      hosts: [s.host],
      input: s.input?.trim() || null,
      sendButton: s.sendButton?.trim() || GENERIC_SEND_BUTTON,
      custom: true,
    }));
  return [...SITES, ...own].filter((s) => !off.has(siteKey(s)));
}

/**
 * The chat site a page on `hostname` (and `pathname`) belongs to, or null. A user's own site
 * wins over a built-in one for the same host, so adding a host fixes a built-in entry whose
 * selectors no longer fit the site's markup.
 */
export function chatSiteFor(settings, hostname, pathname = '/') {
  const sites = chatSites(settings);
  const hit = (s) =>
    s.hosts.some((h) => hostMatches(hostname, h)) &&
    (!s.path || pathname === s.path || pathname.startsWith(`${s.path}/`));
  return sites.find((s) => s.custom && hit(s)) ?? sites.find(hit) ?? null;
}

/** The send-button selector on a chat site: its own, and buttons that say they send. */
export function sendButtonOf(site) {
  return site.sendButton === GENERIC_SEND_BUTTON ? site.sendButton : `${site.sendButton}, ${GENERIC_SEND_BUTTON}`;
}
