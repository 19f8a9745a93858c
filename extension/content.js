// Content script: a classic script (as Manifest V3 requires), run at document_start in every
// frame, before any script of the page. It does the least that has to happen that early and
// leaves the rest to guard.mjs (an ES module from the extension's own files), which loads the
// settings, and the engine only when an input is first focused.
//
// First in line. A page that sends on Enter or on a click from its own capture-phase listener
// on `window` would send before the guard saw the event, if the guard's listeners came after
// the page's; and the guard's come late: the engine attaches when an input is focused. So this
// script registers, before the page can, the first capture listener on `window` for every event
// that can send a message, and relays each event to the capture listeners the engine adds on
// `window` or `document` (this world's `addEventListener` hands those to the relay instead of
// the browser). Whatever the engine does with an event — hold it back with
// stopImmediatePropagation, or let it through — happens before any listener of the page.
// This world is the extension's own (an isolated world): the page sees none of it.
//
// While the engine is still loading for a focused input, guard.mjs tells the relay which events
// to hold back (`gate.hold`); it sends them again once the input is guarded. If guard.mjs cannot
// load, the toolbar icon says so for this tab: drafts there are not checked.
(() => {
  /** Events that can send a message (Enter, a click on a send button, a form's submit). */
  const SEND_EVENTS = ['keydown', 'keypress', 'keyup', 'beforeinput', 'click', 'submit', 'pointerdown', 'pointerup', 'mousedown', 'mouseup'];
  const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype;

  /** Per event type: the engine's capture listeners, those on `window` before those on `document`. */
  const relay = new Map(SEND_EVENTS.map((type) => [type, []]));
  const gate = {
    /** Set by guard.mjs: returns true for an event to hold back while the engine loads. */
    hold: null,
  };

  const isCapture = (options) => (typeof options === 'boolean' ? options : Boolean(options?.capture));
  const relayed = (target, type, options) =>
    (target === window || target === document) && relay.has(type) && isCapture(options);
  const drop = (type, target, listener) => {
    const list = relay.get(type);
    const at = list.findIndex((e) => e.target === target && e.listener === listener);
    if (at >= 0) list.splice(at, 1);
  };

  function first(event) {
    if (gate.hold?.(event)) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    const list = relay.get(event.type);
    for (const entry of [...list]) {
      if (!list.includes(entry)) continue; // removed by a listener before it
      if (entry.once) drop(event.type, entry.target, entry.listener);
      try {
        if (typeof entry.listener === 'function') entry.listener.call(entry.target, event);
        else entry.listener.handleEvent(event);
      } catch (e) {
        console.error('draftguard:', e);
      }
      // Held back (stopPropagation or stopImmediatePropagation): nothing after it runs, of
      // the engine or of the page.
      if (event.cancelBubble) break;
    }
  }
  for (const type of SEND_EVENTS) add.call(window, type, first, true);

  EventTarget.prototype.addEventListener = function addEventListener(type, listener, options) {
    if (!listener || !relayed(this, type, options)) return add.call(this, type, listener, options);
    const list = relay.get(type);
    if (list.some((e) => e.target === this && e.listener === listener) || options?.signal?.aborted) return;
    options?.signal?.addEventListener('abort', () => drop(type, this, listener), { once: true });
    const entry = { target: this, listener, once: Boolean(options?.once) };
    // Listeners on window run before those on document, as in a real dispatch.
    const at = this === window ? list.findIndex((e) => e.target !== window) : -1;
    list.splice(at < 0 ? list.length : at, 0, entry);
  };
  EventTarget.prototype.removeEventListener = function removeEventListener(type, listener, options) {
    if (relayed(this, type, options)) drop(type, this, listener);
    return remove.call(this, type, listener, options);
  };

  import(chrome.runtime.getURL('guard.mjs'))
    .then((m) => m.start(gate))
    .catch((e) => {
      console.warn(`draftguard: not active on this page (${e && e.message})`);
      chrome.runtime.sendMessage({ type: 'draftguard:inactive' }).catch(() => {});
    });
})();
