// The content script proper (an ES module loaded by content.js at document_start in every
// frame): guards the textarea and contenteditable inputs the user focuses, with the settings
// from the options page, and follows changes to them in open tabs.
//
// The engine runs here, in the page's tab, from the extension's own files; nothing is sent
// anywhere and nothing about a draft is stored. It is loaded when an editable element is first
// focused, not in every frame: most pages and frames never need it, and compiling WebAssembly
// on a page whose CSP forbids it raises a violation event the page can see and report.
//
// What counts as sending follows the page: on a known chat site (sites.mjs, plus the user's
// own) Enter and the site's send button send from its composer; everywhere else only the form's
// submit and its submit button do, and Enter is a newline.

import { attachOptions, disabledOn, load, touchesSettings } from './settings.mjs';
import { chatSiteFor } from './sites.mjs';

/** WebAssembly refused: the page's CSP (a CompileError in Chromium), or no WebAssembly at all. */
const refused = (e) =>
  typeof WebAssembly !== 'object' || e instanceof WebAssembly.CompileError || e instanceof EvalError;

/** Says the extension could not start here (no draft text) and marks the tab. */
function inactive(e) {
  console.warn(`draftguard: not active on this page (${e && e.message})`);
  chrome.runtime.sendMessage({ type: 'draftguard:inactive' }).catch(() => {});
}

/**
 * The engine's `attach`: the WebAssembly build, or where the page's Content-Security-Policy
 * refuses to compile WebAssembly in content scripts (crbug.com/1385796; many large sites) the
 * same crate translated to JavaScript (draftguard_js.js, built by scripts/wasm2js.sh: 1.7 MB,
 * about 0.1 s to load). Any other failure is thrown.
 */
async function loadEngine() {
  // An empty module first: where the page's CSP refuses WebAssembly, that is known at once,
  // without loading the glue and fetching the .wasm only to have it refused.
  if (!wasmAllowed()) return javascriptEngine();
  try {
    const wasm = await import(chrome.runtime.getURL('draftguard.js'));
    await wasm.default({ module_or_path: chrome.runtime.getURL('draftguard_bg.wasm') });
    return wasm.attach;
  } catch (e) {
    if (!refused(e)) throw e;
    return javascriptEngine();
  }
}

/** The 8 bytes of an empty WebAssembly module: `\0asm`, version 1. */
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/** `false` if this page refuses to compile WebAssembly (see `refused`). */
function wasmAllowed() {
  try {
    new WebAssembly.Module(EMPTY_MODULE);
    return true;
  } catch (e) {
    if (!refused(e)) throw e;
    return false;
  }
}

async function javascriptEngine() {
  console.info('draftguard: this page does not allow WebAssembly; using the JavaScript engine');
  return (await import(chrome.runtime.getURL('draftguard_js.js'))).attach;
}

const matches = (el, selector) => {
  try {
    return el.matches(selector);
  } catch {
    return false; // a selector the user typed that the browser does not accept
  }
};

/** The element's parent, across shadow roots. */
const up = (node) => node.parentElement ?? (node.parentNode instanceof ShadowRoot ? node.parentNode.host : null);

/**
 * The button `selector` gives for `input`: a match in the nearest ancestor of the input that
 * holds one (its composer or form), as `attach()` resolves it — never just the first match in
 * the document.
 */
function buttonFor(input, selector) {
  for (let node = up(input); node; node = up(node)) {
    try {
      const hit = node.querySelector(selector);
      if (hit) return hit;
    } catch {
      return null;
    }
  }
  return null;
}

/** Whether `event` went through `el` (across shadow roots). */
const through = (event, el) => event.composedPath().includes(el);

/** Enter as a send: not with Shift or Alt, never committing an IME composition. */
const isSendingEnter = (e) =>
  e.type === 'keydown' && e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.isComposing && e.keyCode !== 229;

/** What it takes to send a held-back event again (read while it is dispatched). */
const heldOf = (event) => ({
  type: event.type,
  target: event.composedPath()[0],
  ctrlKey: event.ctrlKey,
  metaKey: event.metaKey,
  submitter: event.submitter,
});

/** Sends a held-back event again, now that the input is guarded (once: the user's first try). */
function replay(held, el) {
  if (held.type === 'keydown') {
    const { ctrlKey, metaKey } = held;
    const init = { key: 'Enter', code: 'Enter', keyCode: 13, which: 13, ctrlKey, metaKey, bubbles: true, cancelable: true, composed: true };
    el.dispatchEvent(new KeyboardEvent('keydown', init));
  } else if (held.type === 'click') {
    held.target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, view: window }));
  } else if (held.type === 'submit' && held.target.isConnected) {
    held.target.requestSubmit(held.submitter?.form === held.target ? held.submitter : null);
  }
}

/**
 * Starts guarding this frame. `gate` is content.js's relay: its `hold(event)` is asked first
 * about every event that can send a message.
 */
export async function start(gate) {
  let settings = await load();
  /** The engine's attach(), once loaded; `engine` is the loading. */
  let attach = null;
  let engine = null;
  // Element → its AttachHandle; `seen` (one weak reference per element ever attached) lets a
  // settings change reach every guarded input without keeping removed ones alive.
  const handles = new WeakMap();
  const seen = new Set();
  const tracked = new WeakSet();
  /** Inputs focused while the engine loads → what they wait for and the send held back. */
  const pending = new Map();

  const off = () => disabledOn(settings, location.hostname);
  const site = () => chatSiteFor(settings, location.hostname, location.pathname);
  const isComposer = (s, el) => Boolean(s) && (!s.input || matches(el, s.input));

  /** The input an event came from: a textarea, a chat site's composer, or a contenteditable root. */
  const inputOf = (node) => {
    if (!(node instanceof HTMLElement)) return null;
    if (node.isContentEditable) {
      let root = node;
      while (root.parentElement?.isContentEditable) root = root.parentElement;
      return root;
    }
    if (node instanceof HTMLTextAreaElement || (node instanceof HTMLInputElement && isComposer(site(), node))) {
      return node.readOnly || node.disabled ? null : node;
    }
    return null;
  };

  const optionsFor = (el) => {
    const s = site();
    return attachOptions(settings, s, isComposer(s, el));
  };

  const attachTo = (el) => {
    try {
      handles.set(el, attach(el, optionsFor(el)));
      if (!tracked.has(el)) {
        for (const ref of seen) if (!ref.deref()) seen.delete(ref);
        tracked.add(el);
        seen.add(new WeakRef(el));
      }
      return true;
    } catch (e) {
      // Invalid settings or an element attach() refuses: say so, never with draft text.
      console.warn(`draftguard: this input is not guarded (${e.message})`);
      return false;
    }
  };

  const guarded = (el) => {
    const handle = handles.get(el);
    // `detached`: the input was out of the document long enough for attach() to let it go
    // (frameworks keep a composer and insert it again), or the settings changed.
    return Boolean(handle) && !handle.detached;
  };

  const guard = (el) => {
    if (guarded(el) || pending.has(el) || off()) return;
    if (attach) return void attachTo(el);
    const options = optionsFor(el);
    pending.set(el, { enter: options.sendOnEnter, sendButton: options.sendButton, held: null });
    engine ??= loadEngine();
    engine.then(
      (a) => {
        attach = a;
        const wait = pending.get(el);
        pending.delete(el);
        if (!wait || off() || !el.isConnected || !attachTo(el)) return;
        if (wait.held) replay(wait.held, el);
      },
      (e) => {
        pending.clear();
        inactive(e);
      },
    );
  };

  /** Whether `event` is a way of sending the draft of `el`, which waits for the engine. */
  const sends = (event, el, wait) => {
    if (event.type === 'keydown') return wait.enter && isSendingEnter(event) && through(event, el);
    if (event.type === 'submit') return event.target instanceof HTMLFormElement && event.target.contains(el);
    if (event.type !== 'click') return false;
    const target = event.composedPath()[0];
    const button = target instanceof Element ? target.closest('button, input[type=submit], input[type=image], [role=button]') : null;
    if (!button) return false;
    if (button.form && button.form === el.closest('form') && button.type === 'submit') return true;
    return Boolean(wait.sendButton) && buttonFor(el, wait.sendButton) === button;
  };

  // While the engine loads for a focused input, its send is held back and sent again once the
  // input is guarded: the first Enter after focus is checked like any other.
  gate.hold = (event) => {
    for (const [el, wait] of pending) {
      if (!sends(event, el, wait)) continue;
      wait.held ??= heldOf(event);
      return true;
    }
    return false;
  };

  // Focus comes before the first keystroke, for inputs that exist now and ones added later.
  window.addEventListener(
    'focusin',
    (event) => {
      const el = inputOf(event.composedPath()[0]);
      if (el) guard(el);
    },
    true,
  );
  const active = inputOf(document.activeElement);
  if (active) guard(active);

  // Settings apply in open tabs at once: every guarded input is attached again with the new
  // options (the draft stays as it is), or let go where the extension is now off.
  let version = 0;
  chrome.storage.onChanged.addListener(async (changes, area) => {
    if (!touchesSettings(changes, area)) return;
    const mine = ++version;
    const next = await load();
    if (mine !== version) return; // a newer change is being applied
    settings = next;
    for (const ref of seen) {
      const el = ref.deref();
      if (!el) {
        seen.delete(ref);
        continue;
      }
      const handle = handles.get(el);
      if (handle && !handle.detached) handle.detach();
      handles.delete(el);
      // One out of the page now is attached when it is focused again.
      if (el.isConnected && !off()) attachTo(el);
    }
    for (const [el, wait] of pending) {
      const options = optionsFor(el);
      wait.enter = options.sendOnEnter;
      wait.sendButton = options.sendButton;
    }
    // The focused input, where the extension was off until now.
    const focused = inputOf(document.activeElement);
    if (focused) guard(focused);
  });
}
