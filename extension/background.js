// Service worker: opens the options page once, right after installation; moves allowlists an
// earlier version kept in chrome.storage.sync to this device (settings.mjs, `migrate`); and
// marks tabs where the content script could not start with a badge, so the user knows drafts
// there are not checked. (A page whose CSP forbids WebAssembly is not such a tab: the content
// script uses the engine's JavaScript translation there.) It keeps no state and never sees a
// draft.
import { languageOf, t } from './i18n.mjs';
import { migrate } from './settings.mjs';

chrome.runtime.onInstalled.addListener(({ reason }) => {
  // The first run of a new version (or of the extension): allowlists leave the synced storage.
  migrate().catch((e) => console.warn(`draftguard: settings not migrated (${e.message})`));
  if (reason === 'install') chrome.runtime.openOptionsPage();
});

function inactiveTitle() {
  return t(languageOf('auto', self.navigator?.languages ?? [self.navigator?.language]), 'inactive');
}

chrome.runtime.onMessage.addListener((message, sender) => {
  const tabId = sender.tab?.id;
  if (message?.type !== 'draftguard:inactive' || tabId === undefined) return;
  // Per tab: navigating the tab resets both.
  chrome.action.setBadgeText({ tabId, text: '!' });
  chrome.action.setBadgeBackgroundColor({ tabId, color: '#b45309' });
  chrome.action.setTitle({ tabId, title: inactiveTitle() });
});
