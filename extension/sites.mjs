// Send buttons of widely used LLM chat sites, by host. `attach()` matches the selector on
// every click (a comma-separated list is fine), so markup that appears later still counts.
// Enter and a form's submit are intercepted on every site without a selector.

export const SITES = [
  { name: 'ChatGPT', hosts: ['chatgpt.com', 'chat.openai.com'], sendButton: '#composer-submit-button, button[data-testid="send-button"]' },
  { name: 'Claude', hosts: ['claude.ai'], sendButton: 'button[aria-label="Send message"], button[aria-label="Send Message"]' },
  { name: 'Gemini', hosts: ['gemini.google.com'], sendButton: 'button.send-button, button[aria-label="Send message"]' },
  { name: 'Microsoft Copilot', hosts: ['copilot.microsoft.com'], sendButton: 'button[data-testid="submit-button"], button[aria-label="Submit message"]' },
  { name: 'Perplexity', hosts: ['perplexity.ai', 'www.perplexity.ai'], sendButton: 'button[aria-label="Submit"], button[data-testid="submit-button"]' },
  { name: 'Mistral Le Chat', hosts: ['chat.mistral.ai'], sendButton: 'button[type="submit"], button[aria-label="Send question"]' },
  { name: 'DeepSeek', hosts: ['chat.deepseek.com'], sendButton: 'div[role="button"][aria-disabled="false"]' },
  { name: 'Grok', hosts: ['grok.com'], sendButton: 'button[type="submit"], button[aria-label="Submit"]' },
  { name: 'Poe', hosts: ['poe.com'], sendButton: 'button[data-button-send="true"], button[class*="SendButton"]' },
  { name: 'HuggingChat', hosts: ['huggingface.co'], sendButton: 'button[type="submit"], button[aria-label="Send message"]' },
];

/** Any other site: buttons that say they send. */
export const GENERIC_SEND_BUTTON =
  'button[aria-label*="send" i], button[data-testid*="send" i], button[title*="send" i], [role="button"][aria-label*="send" i]';

/** The send-button selector for `hostname`: the site's own, or the generic one. */
export function sendButtonFor(hostname) {
  const host = hostname.toLowerCase();
  const site = SITES.find((s) => s.hosts.some((h) => host === h || host.endsWith(`.${h}`)));
  return site ? `${site.sendButton}, ${GENERIC_SEND_BUTTON}` : GENERIC_SEND_BUTTON;
}
