// The content script proper (an ES module loaded by content.js): guards every textarea and
// contenteditable element the user focuses, with the settings from the options page.
// The engine runs here, in the page's tab, from the extension's own files; nothing is sent
// anywhere and nothing about a draft is stored.

import init, { attach } from './draftguard.js';
import { attachOptions, disabledOn, load } from './settings.mjs';

const settings = await load();
if (!disabledOn(settings, location.hostname)) {
  await init({ module_or_path: chrome.runtime.getURL('draftguard_bg.wasm') });
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

  const guard = (event) => {
    const el = inputOf(event.composedPath()[0]);
    if (!el || guarded.has(el)) return;
    try {
      guarded.set(el, attach(el, options));
    } catch (e) {
      guarded.set(el, null);
      // Invalid settings or an element attach() refuses: say so, never with draft text.
      console.warn(`draftguard: this input is not guarded (${e.message})`);
    }
  };
  // Focus comes before the first keystroke, for inputs that exist now and ones added later.
  document.addEventListener('focusin', guard, true);
  const active = document.activeElement;
  if (active) guard({ composedPath: () => [active] });
}
