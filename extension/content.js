// Content script (a classic script, as Manifest V3 requires): loads the real one, an ES module
// from the extension's own files, which loads the engine's .wasm from the same place. If that
// fails (a page whose CSP forbids WebAssembly), the toolbar icon says so for this tab.
import(chrome.runtime.getURL('guard.mjs')).catch((e) => {
  console.warn(`draftguard: not active on this page (${e && e.message})`);
  chrome.runtime.sendMessage({ type: 'draftguard:inactive' }).catch(() => {});
});
