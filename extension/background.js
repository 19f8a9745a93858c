// Service worker: opens the options page once, right after installation, and marks tabs where
// the content script could not start (the page's CSP forbids WebAssembly) with a badge, so the
// user knows drafts there are not checked. It keeps no state and never sees a draft; settings
// live in chrome.storage.sync (see settings.mjs).
chrome.runtime.onInstalled.addListener(({ reason }) => {
  if (reason === 'install') chrome.runtime.openOptionsPage();
});

const INACTIVE = {
  en: 'draftguard cannot check drafts on this page: its security policy blocks WebAssembly.',
  de: 'draftguard kann auf dieser Seite keine Entwürfe prüfen: Ihre Sicherheitsrichtlinie blockiert WebAssembly.',
  zh: 'draftguard 无法检查此页面上的草稿：该页面的安全策略阻止了 WebAssembly。',
};

function inactiveTitle() {
  const lang = (self.navigator?.language || 'en').slice(0, 2).toLowerCase();
  return INACTIVE[lang] || INACTIVE.en;
}

chrome.runtime.onMessage.addListener((message, sender) => {
  const tabId = sender.tab?.id;
  if (message?.type !== 'draftguard:inactive' || tabId === undefined) return;
  // Per tab: navigating the tab resets both.
  chrome.action.setBadgeText({ tabId, text: '!' });
  chrome.action.setBadgeBackgroundColor({ tabId, color: '#b45309' });
  chrome.action.setTitle({ tabId, title: inactiveTitle() });
});
