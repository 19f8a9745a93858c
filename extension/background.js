// Service worker: opens the options page once, right after installation. It keeps no state
// and never sees a draft; settings live in chrome.storage.sync (see settings.mjs).
chrome.runtime.onInstalled.addListener(({ reason }) => {
  if (reason === 'install') chrome.runtime.openOptionsPage();
});
