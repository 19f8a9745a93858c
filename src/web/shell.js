// The JavaScript around the prompt's WebAssembly (bundled into pkg/draftguard.js).
//
// Every call from the browser into the prompt's wasm — event listeners, timers, observers, the
// send attempts — goes through a Shell, which catches what the wasm cannot catch itself: a trap
// (a Rust panic under panic=abort, `unreachable`, running out of memory) or a page exception
// thrown through wasm. Either leaves the module mid-way (borrow flags set, the stack pointer
// lowered, a dialog half built), so after one the module is *broken*: no call goes into it
// again. Every element the prompt put on the page is removed here, without wasm; a send that
// was under way, and every later one, fails as the page asked (`failClosed`), with a notice and
// `onDecision({ action, kinds: [], reason: "error" })`.
//
// A Shell also recognises send attempts (Enter in the input, a click on its send button, its
// form's submit), so that this keeps working when the wasm cannot run, and resolves the send
// button; what to do with an attempt is decided in wasm (src/web/attach.rs).
//
// Nothing here reads or keeps draft text.

let broken = false;
/** Every live shell: all of them go down when the module breaks. */
const shells = new Set();
/** Events a shell dispatched itself (files handed on after the user decided): no shell stops them. */
const ours = new WeakSet();
/**
 * The files module (files/: an attachment's text), loaded on the first attachment and never
 * before: pages that never attach never fetch it. Relative to this module (pkg/draftguard.js),
 * so the npm package, bundlers and the extension find it beside the core.
 */
let filesModule = null;
let filesLoaded = null;
function loadFiles(url) {
  // `url` (the `filesModule` option): where a relative import is not allowed, e.g. a
  // browser extension's content script. Otherwise the literal path, which bundlers follow.
  const loading = url ? import(/* webpackIgnore: true */ /* @vite-ignore */ url) : import('./files/draftguard_files.js');
  filesModule ??= loading.then(async (m) => {
    await m.default(url ? { module_or_path: new URL('draftguard_files_bg.wasm', url) } : undefined);
    filesLoaded = m;
    return m;
  });
  return filesModule;
}

/** Whether the module broke (a trap or an exception through wasm); no call may go into it. */
/**
 * The files Worker (pkg/files/worker.js: the same engine, off the main thread) for files over
 * WORKER_BYTES, started on the first such file. Where it cannot start or load (a bundler that
 * did not carry it, a page whose CSP refuses it, an extension's content script), files are
 * checked on the main thread instead.
 */
const WORKER_BYTES = 1 << 20;
let worker = null;
let workerFailed = false;
let jobIds = 0;
const jobs = new Map();
function filesWorker() {
  if (worker || workerFailed) return worker;
  try {
    const url = new URL('./files/worker.js', import.meta.url);
    worker = new Worker(url, { type: 'module' });
  } catch {
    workerFailed = true;
    return null;
  }
  worker.onmessage = ({ data }) => jobs.get(data.id)?.(data);
  worker.onerror = (e) => {
    e.preventDefault?.();
    workerFailed = true;
    worker?.terminate();
    worker = null;
    for (const [id, on] of jobs) {
      jobs.delete(id);
      on({ type: 'failed' });
    }
  };
  return worker;
}

/** Bytes of a text file decoded per task on the main thread. */
const DECODE_BYTES = 1 << 20;

/**
 * `{parts, encoding}` of a file the files module sniffed as text (so valid: UTF-8 without a NUL,
 * or UTF-16 with a byte order mark), decoded a megabyte per task: joined, the parts are the
 * text `extractText` returns in one call (tens of milliseconds for a large file; so is joining
 * them, which the module's reading in steps does not need). The encoding is told by the byte
 * order mark, as in files/src/text.rs; a lone UTF-16 surrogate becomes U+FFFD there and here.
 */
async function decodeInSteps(bytes) {
  const [b0, b1, b2] = bytes;
  const [label, encoding, skip] =
    b0 === 0xff && b1 === 0xfe ? ['utf-16le', 'utf-16le', 2]
    : b0 === 0xfe && b1 === 0xff ? ['utf-16be', 'utf-16be', 2]
    : b0 === 0xef && b1 === 0xbb && b2 === 0xbf ? ['utf-8', 'utf-8-bom', 3]
    : ['utf-8', 'utf-8', 0];
  const decoder = new TextDecoder(label, { ignoreBOM: true });
  const parts = [];
  for (let at = skip; at < bytes.length; at += DECODE_BYTES) {
    parts.push(decoder.decode(bytes.subarray(at, at + DECODE_BYTES), { stream: true }));
    await nextTask();
  }
  parts.push(decoder.decode());
  return { parts, encoding };
}

/** A Promise that settles in a new task, as soon as the page's tasks let it: a message to itself, without the 4 ms a nested timer waits. */
function nextTask() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export function isBroken() {
  return broken;
}

/** The next node up from `node`, across shadow roots: the nearest ancestors come first. */
function up(node) {
  return node instanceof ShadowRoot ? node.host : node.parentNode;
}

/** Stops an event before any page handler sees it. */
function hold(e) {
  e.preventDefault();
  e.stopImmediatePropagation();
}

export class Shell {
  /**
   * One per guarded input. `options`: `failClosed`, `sendOnEnter`, `sendButton` (an element, a
   * selector or null), `onDecision` (or null), `css` (the prompt's styles) and `texts`
   * (`failedOpen`, `failedClosed`, `stoppedHeld`, `dismiss`, `lang`) for failure notices.
   */
  constructor(input, options) {
    // Held weakly: an input that left the page for good must be collectable (attach.rs lets
    // go of it too after a while, and comes back if it is inserted again).
    this.input = new WeakRef(input);
    this.options = options;
    // The same for a send button given as an element (it may sit in the same composer).
    this.button = options.sendButton instanceof Element ? new WeakRef(options.sendButton) : options.sendButton;
    this.hosts = new Set();
    this.listeners = new Set();
    this.timers = new Set();
    this.observers = new Set();
    this.door = [];
    this.composing = false;
    this.passing = false;
    this.attempts = new Set();
    this.pending = new WeakSet();
    this.held = false;
    this.stopped = false;
    this.sheet = null;
    shells.add(this);
  }

  /** Starts recognising send attempts; `onSend(event, kind, element)` decides (kind: "enter", "click" or "submit"). */
  start(onSend) {
    this.onSend = onSend;
    const on = (type, f) => {
      window.addEventListener(type, f, true);
      this.door.push([type, f]);
    };
    on('keydown', (e) => this.keydown(e));
    on('click', (e) => this.click(e));
    on('submit', (e) => this.submit(e));
    on('compositionstart', (e) => {
      if (this.aimed(e)) this.composing = true;
    });
    on('compositionend', (e) => {
      if (this.aimed(e)) this.composing = false;
    });
  }

  aimed(e) {
    const input = this.input.deref();
    return !!input && e.composedPath().includes(input);
  }

  keydown(e) {
    if (!this.options.sendOnEnter || e.key !== 'Enter' || e.shiftKey || e.altKey) return;
    // Enter that commits an IME composition (Chinese, Japanese) is not a send.
    if (e.isComposing || e.keyCode === 229 || this.composing) return;
    if (this.aimed(e)) this.send(e, 'enter', null);
  }

  click(e) {
    const button = this.sendButton();
    if (button && e.composedPath().includes(button)) this.send(e, 'click', button);
  }

  submit(e) {
    const form = e.target;
    const input = this.input.deref();
    if (!input || !(form instanceof HTMLFormElement)) return;
    if (form.contains(input) || input.form === form) this.send(e, 'submit', form);
  }

  /**
   * The send button of this input: the given element; for a selector, the first match in the
   * nearest ancestor of the input that has one (its form or composer, never another composer's
   * button); without either, the submit button of the input's form.
   */
  sendButton() {
    const given = this.button;
    if (given instanceof WeakRef) return given.deref() ?? null;
    const input = this.input.deref();
    if (!input) return null;
    if (typeof given === 'string') {
      for (let n = up(input); n; n = up(n)) {
        const hit = n.querySelector?.(given);
        if (hit) return hit;
      }
      return null;
    }
    const form = input.form ?? input.closest('form');
    if (!form) return null;
    for (const el of form.elements) {
      if ((el instanceof HTMLButtonElement || el instanceof HTMLInputElement) && (el.type === 'submit' || el.type === 'image')) return el;
    }
    return null;
  }

  /**
   * Starts checking attachments: files chosen in the composer's file input (`input` and
   * `change`), dropped onto the composer or pasted into it are stopped in the capture phase on
   * `window`, before any handler of the page, and `onFiles(attempt)` decides (attach.rs). The
   * page gets them only through `deliver`. A file input's own list is emptied at once, so a
   * page that reads `input.files` later sees nothing either.
   */
  watchFiles(onFiles) {
    this.onFiles = onFiles;
    const on = (type, f) => {
      window.addEventListener(type, f, true);
      this.door.push([type, f]);
    };
    on('input', (e) => this.fileInput(e));
    on('change', (e) => this.fileInput(e));
    on('drop', (e) => this.fileCarrier(e, 'drop', e.dataTransfer));
    on('paste', (e) => this.fileCarrier(e, 'paste', e.clipboardData));
  }

  /**
   * The file inputs of this composer: `fileInput` as given (an element), or the matches of a
   * selector (default any file input) in the nearest ancestor of the input that has one — its
   * form or composer, never another composer's.
   */
  fileInputAimed(el) {
    const given = this.options.fileInput;
    if (given instanceof Element) return el === given;
    const input = this.input.deref();
    if (!input) return false;
    const selector = typeof given === 'string' ? given : 'input[type="file"]';
    for (let n = up(input); n; n = up(n)) {
      if (n.querySelector?.(selector)) return n.contains(el) && el.matches(selector);
    }
    return false;
  }

  /** Where a drop or a paste counts: the input's form, else the composer holding its file input, else the input. */
  area() {
    const input = this.input.deref();
    if (!input) return null;
    const form = input.form ?? input.closest('form');
    if (form) return form;
    const given = this.options.fileInput;
    const selector = typeof given === 'string' ? given : 'input[type="file"]';
    for (let n = up(input); n && n !== document.body && n !== document.documentElement; n = up(n)) {
      if (given instanceof Element ? n.contains(given) : n.querySelector?.(selector)) return n;
    }
    return input;
  }

  fileInput(e) {
    const el = e.target;
    if (this.stopped || ours.has(e) || !(el instanceof HTMLInputElement) || el.type !== 'file') return;
    if (!this.fileInputAimed(el)) return;
    const files = [...(el.files ?? [])];
    // The other of `input`/`change` for a choice being checked: the page sees neither.
    if (!files.length) {
      if (this.pending.has(el)) hold(e);
      return;
    }
    this.take(e, { kind: 'input', target: el, files, strings: [] }, () => {
      el.value = '';
      this.pending.add(el);
    });
  }

  fileCarrier(e, kind, data) {
    if (this.stopped || ours.has(e) || !data) return;
    const files = [...(data.files ?? [])];
    const area = this.area();
    if (!files.length || !area || !e.composedPath().includes(area)) return;
    // What else it carries (text, HTML, a URL) is handed on with the files.
    const strings = [];
    for (const type of data.types) if (type !== 'Files') strings.push([type, data.getData(type)]);
    this.take(e, { kind, target: e.target, files, strings, x: e.clientX ?? 0, y: e.clientY ?? 0 }, () => {});
  }

  /** Holds an attachment back and hands it to wasm; a broken module passes it or keeps it out, as the page asked. */
  take(e, attempt, clear) {
    if (broken && !this.options.failClosed) return;
    hold(e);
    clear();
    if (broken) return this.notice(this.options.texts.failedFiles);
    this.attempts.add(attempt);
    try {
      this.onFiles(attempt);
    } catch (err) {
      fail(err, this, null);
    }
  }

  /**
   * Reads `file` and extracts its text with the files module; `done` gets `{format, text,
   * encoding}` (the pieces joined by newlines; a large text file's text as `parts` to join,
   * decoded in steps) or `{format, error}` (a FileError's code, or "failed" when the module
   * did not load).
   */
  inspect(file, done) {
    // Not where the module is named by URL (an extension's content script cannot start a
    // Worker from the extension's files).
    const aside = file.size > WORKER_BYTES && this.options.worker && !this.options.filesModule;
    if (aside && filesWorker()) {
      try {
        return this.inspectAside(file, done);
      } catch {
        // Options a Worker cannot be given (not structured-cloneable): here, then.
      }
    }
    this.inspectHere(file, done);
  }

  /**
   * `inspect` in the files Worker, with a progress note and a *Cancel* that removes the file
   * (`done` gets `{cancelled: true}`); the report has `counts` and `previews` instead of the
   * text, and `job` to ask the Worker for the redacted copy. Falls back to the main thread if
   * the Worker fails.
   */
  inspectAside(file, done) {
    const id = ++jobIds;
    let settled = false;
    const settle = (report) => {
      if (settled) return;
      settled = true;
      jobs.delete(id);
      progress.close();
      this.call(done, report);
    };
    const progress = this.progress(file.name, () => {
      worker?.postMessage({ type: 'cancel', id });
      settle({ format: '', cancelled: true });
    });
    jobs.set(id, (m) => {
      if (m.type === 'progress') progress.update(m.done / m.total);
      else if (m.type === 'result') settle({ ...m.report, job: id });
      else if (m.type === 'failed' && !settled) {
        settled = true;
        progress.close();
        this.inspectHere(file, done);
      }
    });
    try {
      worker.postMessage({ type: 'check', id, file, options: this.options.worker.options, redact: this.options.worker.redact });
    } catch (err) {
      jobs.delete(id);
      progress.close();
      throw err;
    }
  }

  /** The redacted copy of a file the Worker checked (job `id`): a Promise of the new File. */
  redactedAside(file, id) {
    return new Promise((resolve) => {
      jobs.set(id, (m) => {
        if (m.type !== 'redacted' && m.type !== 'failed') return;
        jobs.delete(id);
        resolve(m.type === 'redacted' ? new File([m.bytes], file.name, { type: file.type, lastModified: file.lastModified }) : null);
      });
      worker?.postMessage({ type: 'redact', id });
    });
  }

  /** The Worker may forget job `id` (decided without a redacted copy). */
  release(id) {
    worker?.postMessage({ type: 'drop', id });
  }

  /** A note near the input while a large file is checked: name, percent, and *Cancel* (`cancel` called once, on a trusted click). */
  progress(name, cancel) {
    const t = this.options.texts;
    const input = this.input.deref();
    const root = this.host('draftguard-progress');
    const wrap = document.createElement('div');
    wrap.className = 'notices';
    const box = document.createElement('div');
    box.className = 'notice';
    box.setAttribute('role', 'status');
    box.lang = t.lang;
    const p = document.createElement('p');
    const say = (part) => (p.textContent = t.checking.replace('{name}', name).replace('{percent}', `${Math.floor(part * 100)} %`));
    say(0);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'cancel';
    button.textContent = t.cancel;
    let asked = false;
    button.addEventListener('click', (e) => {
      if (!e.isTrusted || asked) return;
      asked = true;
      this.call(cancel);
    });
    box.append(p, button);
    wrap.append(box);
    root.append(wrap);
    const r = input?.getBoundingClientRect() ?? { left: 8, top: 8, bottom: 8, width: 240 };
    wrap.style.left = `${r.left}px`;
    wrap.style.maxWidth = `${Math.max(r.width, 240)}px`;
    wrap.style.top = r.top > 90 ? `${r.top - 6}px` : `${r.bottom + 6}px`;
    if (r.top > 90) wrap.style.transform = 'translateY(-100%)';
    return { update: say, close: () => this.unhost(root) };
  }

  inspectHere(file, done) {
    (async () => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const m = await loadFiles(this.options.filesModule);
      const format = m.sniff(file.name, bytes);
      if (format === 'pdf' || format === 'unreadable') return { format };
      // Sniffing and extracting read every byte: two tasks, not one.
      await nextTask();
      if (format === 'text' && bytes.length > DECODE_BYTES) return { format, ...(await decodeInSteps(bytes)) };
      try {
        const { text, encoding } = m.extractText(bytes, format);
        return { format, text, encoding: encoding ?? 'utf-8' };
      } catch (err) {
        return { format, error: err?.code ?? 'failed' };
      }
    })()
      .catch(() => ({ format: 'unreadable', error: 'failed' }))
      // In a task of its own: extracting a large file's text is one already.
      .then((r) => this.soon(() => done(r)));
  }

  /** A copy of `file` with `text` as its content, in the file's own encoding (the files module is loaded by then). */
  redacted(file, text, encoding) {
    return new File([filesLoaded.encode(text, encoding)], file.name, { type: file.type, lastModified: file.lastModified });
  }

  /**
   * Hands `files` to the page the way the user gave them: a file input gets them as its list
   * and `input` + `change`; a drop or a paste is dispatched again on its target with them (and
   * what else it carried). Nothing left: nothing happens.
   */
  deliver(attempt, files) {
    // A redacted copy from the Worker is a Promise: hand on once all are there.
    if (files.some((f) => f instanceof Promise)) {
      Promise.all(files).then((all) => this.deliver(attempt, all.filter(Boolean)));
      return;
    }
    this.attempts.delete(attempt);
    const { kind, target } = attempt;
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(f);
    const fire = (ev) => {
      ours.add(ev);
      target.dispatchEvent(ev);
    };
    if (kind === 'input') {
      this.pending.delete(target);
      if (!files.length) return;
      target.files = dt.files;
      fire(new Event('input', { bubbles: true, composed: true }));
      fire(new Event('change', { bubbles: true }));
      return;
    }
    for (const [type, value] of attempt.strings) dt.setData(type, value);
    if (!files.length && !attempt.strings.length) return;
    const init = { bubbles: true, cancelable: true, composed: true };
    if (kind === 'drop') fire(new DragEvent('drop', { ...init, dataTransfer: dt, clientX: attempt.x, clientY: attempt.y }));
    else fire(new ClipboardEvent('paste', { ...init, clipboardData: dt }));
  }

  /** Attachments under way when the module broke: passed as chosen, or kept out (failClosed). */
  dropAttempts() {
    for (const a of this.attempts) {
      if (this.options.failClosed) {
        this.attempts.delete(a);
        if (a.kind === 'input') this.pending.delete(a.target);
      } else {
        this.deliver(a, a.files);
      }
    }
  }

  send(e, kind, element) {
    if (this.stopped || this.passing) return;
    if (broken) return this.failSend(e);
    try {
      this.onSend(e, kind, element);
    } catch (err) {
      fail(err, this, e);
    }
  }

  /** Whether a send attempt is held back (asking, writing the redaction back, re-sending). */
  holding(on) {
    this.held = on;
  }

  /** Calls `f(arg)` in wasm unless the module broke; a throw breaks it. */
  call(f, arg) {
    if (broken || this.stopped) return;
    try {
      f(arg);
    } catch (err) {
      fail(err, this, null);
    }
  }

  /** addEventListener with `f` called through `call`; returns what `unlisten` takes. */
  listen(target, type, capture, passive, f) {
    const wrapper = (e) => this.call(f, e);
    target.addEventListener(type, wrapper, { capture, passive });
    this.listeners.add([target, type, wrapper, capture]);
    return wrapper;
  }

  unlisten(target, type, wrapper, capture) {
    target.removeEventListener(type, wrapper, capture);
    for (const l of this.listeners) if (l[2] === wrapper) this.listeners.delete(l);
  }

  /** Calls `f` once after `ms` milliseconds, outside the current listener. */
  defer(ms, f) {
    setTimeout(() => this.call(f), ms);
  }

  /** Calls `f` (through `call`) in a new task as soon as the page's tasks let it (`nextTask`). */
  soon(f) {
    nextTask().then(() => this.call(f));
  }

  /** Calls `f` every `ms` milliseconds; returns the id `clear` takes. */
  every(ms, f) {
    const id = setInterval(() => this.call(f), ms);
    this.timers.add(id);
    return id;
  }

  clear(id) {
    clearInterval(id);
    this.timers.delete(id);
  }

  /** Calls `f` whenever `element`'s size changes; returns what `unobserve` takes. */
  observe(element, f) {
    const o = new ResizeObserver(() => this.call(f));
    o.observe(element);
    this.observers.add(o);
    return o;
  }

  unobserve(o) {
    o.disconnect();
    this.observers.delete(o);
  }

  /**
   * A custom element appended to `<html>` with a *closed* shadow root styled by the prompt's
   * CSS (a constructed stylesheet: allowed under a strict CSP). Returns the root. Page script
   * cannot reach inside (what is highlighted would tell it what was found, and in the
   * extension, which values the user allowed); page CSS cannot either.
   */
  host(tag) {
    const host = document.createElement(tag);
    const root = host.attachShadow({ mode: 'closed' });
    if (!this.sheet) {
      this.sheet = new CSSStyleSheet();
      this.sheet.replaceSync(this.options.css);
    }
    root.adoptedStyleSheets = [this.sheet];
    document.documentElement.append(host);
    this.hosts.add(host);
    return root;
  }

  unhost(root) {
    this.drop(root.host);
  }

  drop(host) {
    host.remove();
    this.hosts.delete(host);
  }

  /** Removes everything this shell put on the page and every listener (detach). */
  stop() {
    this.takeDown();
    for (const [type, f] of this.door) window.removeEventListener(type, f, true);
    this.door = [];
    this.stopped = true;
    shells.delete(this);
  }

  /** Everything but the send-attempt listeners, which a broken module still needs. */
  takeDown() {
    for (const host of this.hosts) host.remove();
    this.hosts.clear();
    for (const [target, type, wrapper, capture] of this.listeners) target.removeEventListener(type, wrapper, capture);
    this.listeners.clear();
    for (const id of this.timers) clearInterval(id);
    this.timers.clear();
    for (const o of this.observers) o.disconnect();
    this.observers.clear();
  }

  /** A send attempt the module cannot check: held back or let through, as the page asked. */
  failSend(e) {
    if (this.options.failClosed) hold(e);
    // Held: fail closed, or the wasm held it before it broke (then it cannot go out now).
    const held = e.defaultPrevented;
    const t = this.options.texts;
    this.notice(held ? (this.options.failClosed ? t.failedClosed : t.stoppedHeld) : t.failedOpen);
    this.decide(held ? 'edit' : 'send_anyway');
    if (!held) {
      // What this attempt causes in the same task (Enter → the page's submit) is the same send.
      this.passing = true;
      setTimeout(() => (this.passing = false));
    }
  }

  decide(action) {
    try {
      this.options.onDecision?.({ action, kinds: [], reason: 'error' });
    } catch {
      // The page's callback failing must not break the rest.
    }
  }

  /** A warning next to the input, built without wasm. */
  notice(text) {
    for (const host of this.hosts) if (host.localName === 'draftguard-notice') this.drop(host);
    const input = this.input.deref();
    if (!input?.isConnected) return;
    const root = this.host('draftguard-notice');
    const wrap = document.createElement('div');
    wrap.className = 'notices';
    const box = document.createElement('div');
    box.className = 'notice warn';
    box.setAttribute('role', 'alert');
    box.setAttribute('part', 'notice');
    box.lang = this.options.texts.lang;
    const p = document.createElement('p');
    p.textContent = text;
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'close';
    close.textContent = '×';
    close.setAttribute('aria-label', this.options.texts.dismiss);
    close.title = this.options.texts.dismiss;
    close.addEventListener('click', () => this.unhost(root));
    box.append(p, close);
    wrap.append(box);
    root.append(wrap);
    const r = input.getBoundingClientRect();
    wrap.style.left = `${r.left}px`;
    wrap.style.maxWidth = `${Math.max(r.width, 240)}px`;
    wrap.style.top = r.top > 90 ? `${r.top - 6}px` : `${r.bottom + 6}px`;
    if (r.top > 90) wrap.style.transform = 'translateY(-100%)';
  }
}

/**
 * The module broke while `owner` was running (`event`: the send attempt under way, if any).
 * Takes every shell down; a send held by an open dialog fails, and so does `event`.
 */
function fail(err, owner, event) {
  if (!broken) {
    broken = true;
    // The kind of error only: a message could hold text from the page.
    console.error(`draftguard stopped after an internal error (${err?.name ?? 'error'}); drafts on this page are no longer checked. Reload the page to check them again.`);
  }
  for (const s of shells) {
    const asking = s.held;
    s.held = false;
    try {
      s.takeDown();
      s.dropAttempts();
      if (s === owner && event) {
        s.failSend(event);
      } else if (asking) {
        // The draft was held while asking: it stays, unsent, and the user is told.
        const t = s.options.texts;
        s.notice(s.options.failClosed ? t.failedClosed : t.stoppedHeld);
        s.input.deref()?.focus();
        s.decide('edit');
      }
    } catch {
      // One shell's page being odd must not keep the others from going down.
    }
  }
}
