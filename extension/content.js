// Content script (a classic script, as Manifest V3 requires): loads the real one, an ES module
// from the extension's own files, which loads the engine from the same place (the .wasm, or
// where the page's CSP forbids WebAssembly, its JavaScript translation). If that still fails,
// the toolbar icon says so for this tab: drafts there are not checked.
import(chrome.runtime.getURL('guard.mjs')).catch((e) => {
  console.warn(`draftguard: not active on this page (${e && e.message})`);
  chrome.runtime.sendMessage({ type: 'draftguard:inactive' }).catch(() => {});
});
