// Service worker: opens the options page once, right after installation, and marks tabs where
// the content script could not start with a badge, so the user knows drafts there are not
// checked. (A page whose CSP forbids WebAssembly is not such a tab: the content script uses the
// engine's JavaScript translation there.) It keeps no state and never sees a draft; settings
// live in chrome.storage.sync (see settings.mjs).
chrome.runtime.onInstalled.addListener(({ reason }) => {
  if (reason === 'install') chrome.runtime.openOptionsPage();
});

const INACTIVE = {
  en: 'draftguard could not start on this page: drafts here are not checked.',
  de: 'draftguard konnte auf dieser Seite nicht starten: Entwürfe werden hier nicht geprüft.',
  zh: 'draftguard 无法在此页面上启动：此处的草稿不会被检查。',
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
