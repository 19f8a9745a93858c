// The content script proper (an ES module loaded by content.js): guards every textarea and
// contenteditable element the user focuses, with the settings from the options page.
// The engine runs here, in the page's tab, from the extension's own files; nothing is sent
// anywhere and nothing about a draft is stored.

import init, * as wasmEngine from './draftguard.js';
import { attachOptions, disabledOn, load } from './settings.mjs';

/** WebAssembly refused: the page's CSP (a CompileError in Chromium), or no WebAssembly at all. */
const refused = (e) =>
  typeof WebAssembly !== 'object' || e instanceof WebAssembly.CompileError || e instanceof EvalError;

/**
 * The WebAssembly engine's `attach`, or null where the page's Content-Security-Policy refuses
 * to compile WebAssembly in content scripts (crbug.com/1385796; many large sites). Any other
 * failure is thrown: content.js then marks the tab as unguarded.
 */
async function wasmAttach() {
  try {
    await init({ module_or_path: chrome.runtime.getURL('draftguard_bg.wasm') });
    return wasmEngine.attach;
  } catch (e) {
    if (!refused(e)) throw e;
    console.info('draftguard: this page does not allow WebAssembly; using the JavaScript engine');
    return null;
  }
}

/** As content.js does when this module fails: say so (no draft text) and mark the tab. */
function inactive(e) {
  console.warn(`draftguard: not active on this page (${e && e.message})`);
  chrome.runtime.sendMessage({ type: 'draftguard:inactive' }).catch(() => {});
}

const settings = await load();
if (!disabledOn(settings, location.hostname)) {
  let attach = await wasmAttach();
  // Where WebAssembly is refused: the same crate translated to JavaScript (draftguard_js.js,
  // built by scripts/wasm2js.sh), imported when the first input is focused. It is 1.7 MB of
  // JavaScript, about 0.1 s to load, which most pages and frames never need.
  let jsEngine = null;
  const options = attachOptions(settings, location.hostname);
  // Element → its AttachHandle. Holding the handle matters: once a handle is garbage-collected,
  // the guard behind it is freed and the input is no longer guarded.
  const guarded = new WeakMap();

  /** The chat input an event came from: a textarea or the root of a contenteditable region. */
  const inputOf = (node) => {
    if (!(node instanceof HTMLElement)) return null;
    if (node instanceof HTMLTextAreaElement) return node.readOnly || node.disabled ? null : node;
    if (!node.isContentEditable) return null;
    let root = node;
    while (root.parentElement?.isContentEditable) root = root.parentElement;
    return root;
  };

  const attachTo = (el) => {
    try {
      guarded.set(el, attach(el, options));
    } catch (e) {
      guarded.set(el, null);
      // Invalid settings or an element attach() refuses: say so, never with draft text.
      console.warn(`draftguard: this input is not guarded (${e.message})`);
    }
  };

  const guard = (event) => {
    const el = inputOf(event.composedPath()[0]);
    if (!el || guarded.has(el)) return;
    if (attach) return attachTo(el);
    guarded.set(el, null); // taken: attached once the JS engine is loaded
    jsEngine ??= import('./draftguard_js.js').then((m) => {
      attach = m.attach;
    }, inactive);
    jsEngine.then(() => attach && attachTo(el));
  };
  // Focus comes before the first keystroke, for inputs that exist now and ones added later.
  document.addEventListener('focusin', guard, true);
  const active = document.activeElement;
  if (active) guard({ composedPath: () => [active] });
}
