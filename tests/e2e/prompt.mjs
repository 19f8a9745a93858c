// Reading and using draftguard's prompt from tests. Its shadow roots are closed: page script
// cannot reach inside, and neither can Playwright's locators (they pierce open roots only).
// DevTools can: the Chrome DevTools Protocol's DOM domain pierces closed roots, and its
// accessibility tree is the one screen readers get. So these helpers read the prompt through
// CDP, find buttons by role and name in the accessibility tree, and press them with Playwright's
// real mouse and keyboard — trusted input, as a user's.

/** Waits (polling, up to `timeout` ms) until `check()` returns something truthy; returns it. */
export async function until(check, { timeout = 5_000, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const got = await check();
    if (got) return got;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export class Prompt {
  constructor(page) {
    this.page = page;
    this.session = null;
  }

  async cdp() {
    this.session ??= await this.page.context().newCDPSession(this.page);
    return this.session;
  }

  /** Every node of the page (frames and shadow roots, closed ones too). */
  async nodes() {
    const cdp = await this.cdp();
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const all = [];
    const walk = (n) => {
      all.push(n);
      for (const c of n.children ?? []) walk(c);
      for (const c of n.shadowRoots ?? []) walk(c);
      if (n.contentDocument) walk(n.contentDocument);
    };
    walk(root);
    return all;
  }

  /**
   * Runs `fn(root, arg)` in the page for the shadow root of every `<tag>` host (closed or not)
   * and returns the results, in document order. `fn` must be self-contained; it gets the
   * ShadowRoot as its first argument.
   */
  async inRoots(tag, fn, arg = null) {
    const cdp = await this.cdp();
    const hosts = (await this.nodes()).filter((n) => n.localName === tag && n.shadowRoots?.length);
    const out = [];
    for (const h of hosts) {
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: h.shadowRoots[0].backendNodeId });
      const r = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: `function (arg) { return (${fn})(this, arg); }`,
        arguments: [{ value: arg }],
        returnByValue: true,
        awaitPromise: true,
      });
      if (r.exceptionDetails) throw new Error(`in <${tag}>: ${r.exceptionDetails.exception?.description}`);
      out.push(r.result.value);
    }
    return out;
  }

  /** The open dialog as a user sees it, or null: attributes, texts, rows, buttons. */
  async dialog() {
    const [d] = await this.inRoots('draftguard-dialog', (root) => {
      const d = root.querySelector('[role=alertdialog]');
      if (!d || (d.localName === 'dialog' && !d.open)) return null;
      const text = (sel, from = d) => from.querySelector(sel)?.textContent ?? null;
      const attrs = {};
      for (const a of d.attributes) attrs[a.name] = a.value;
      const labelled = root.getElementById(d.getAttribute('aria-labelledby'));
      const box = d.getBoundingClientRect();
      return {
        attrs,
        modal: d.matches(':modal'),
        title: text('h2'),
        labelledBy: labelled?.textContent ?? null,
        intro: text('.intro'),
        note: text('.note'),
        text: d.textContent,
        rows: [...d.querySelectorAll('li.finding')].map((li) => ({
          name: text('.name', li),
          category: text('.category', li),
          count: text('.count', li),
          previews: [...li.querySelectorAll('.preview')].map((p) => p.textContent),
          more: text('.more', li),
          why: text('.why:not(.kinds)', li),
          kinds: text('.kinds', li),
        })),
        buttons: [...d.querySelectorAll('.actions button')].map((b) => b.textContent),
        focused: (() => {
          const a = root.activeElement;
          return a ? a.textContent || a.getAttribute('aria-label') : null;
        })(),
        background: getComputedStyle(d).backgroundColor,
        box: { top: box.top, bottom: box.bottom, height: box.height },
        viewport: innerHeight,
      };
    });
    return d ?? null;
  }

  async waitDialog({ timeout = 5_000 } = {}) {
    return until(() => this.dialog(), { timeout, what: 'the dialog' });
  }

  async waitNoDialog({ timeout = 5_000 } = {}) {
    await until(async () => (await this.dialog()) === null, { timeout, what: 'the dialog to close' });
  }

  /** The notices on the page: { text, role, warn }. */
  async notices() {
    const all = await this.inRoots('draftguard-overlay', (root) =>
      [...root.querySelectorAll('.notice')].map((n) => ({ text: n.querySelector('p').textContent, role: n.getAttribute('role'), warn: n.classList.contains('warn') })),
    );
    const failures = await this.inRoots('draftguard-notice', (root) =>
      [...root.querySelectorAll('.notice')].map((n) => ({ text: n.querySelector('p').textContent, role: n.getAttribute('role'), warn: true })),
    );
    return [...all.flat(), ...failures.flat()];
  }

  async waitNotice(match = /./, { timeout = 5_000 } = {}) {
    return until(async () => (await this.notices()).find((n) => match.test(n.text)), { timeout, what: `a notice matching ${match}` });
  }

  /** The highlighted values of each guarded input (mirror marks), per overlay. */
  async marks() {
    return this.inRoots('draftguard-overlay', (root) => [...root.querySelectorAll('.mirror mark')].map((m) => m.textContent));
  }

  async waitMarks(want, { overlay = 0, timeout = 5_000 } = {}) {
    await until(async () => JSON.stringify((await this.marks())[overlay] ?? []) === JSON.stringify(want), { timeout, what: `marks ${JSON.stringify(want)}` });
  }

  /** Each overlay's badge: { text, title, hidden }. */
  async badges() {
    return this.inRoots('draftguard-overlay', (root) => {
      const b = root.querySelector('.badge');
      return { text: b.textContent, title: b.getAttribute('title'), hidden: b.hidden || getComputedStyle(b).display === 'none' };
    });
  }

  /** Boxes (client rects) of `selector` inside the first `<tag>` root. */
  async boxes(tag, selector) {
    const [r] = await this.inRoots(tag, (root, sel) => [...root.querySelectorAll(sel)].map((e) => {
      const b = e.getBoundingClientRect();
      return { x: b.x, y: b.y, width: b.width, height: b.height };
    }), selector);
    return r ?? [];
  }

  /**
   * Elements with `role` and accessible `name` (a string or a RegExp) in the accessibility
   * tree of every frame, as the user's assistive technology gets them (inert content is not
   * there). Returns backend node ids.
   */
  async byRole(role, name) {
    const cdp = await this.cdp();
    const docs = (await this.nodes()).filter((n) => n.nodeType === 9);
    const found = [];
    for (const doc of docs) {
      const { nodes } = await cdp.send('Accessibility.queryAXTree', { backendNodeId: doc.backendNodeId, role });
      for (const n of nodes) {
        if (n.ignored) continue;
        const label = n.name?.value ?? '';
        if (typeof name === 'string' ? label === name : name.test(label)) found.push(n.backendDOMNodeId);
      }
    }
    return found;
  }

  /** Clicks (real mouse, at its centre) the one element with `role` and `name`. */
  async click(name, { role = 'button' } = {}) {
    const ids = await until(async () => {
      const ids = await this.byRole(role, name);
      return ids.length ? ids : null;
    }, { what: `${role} "${name}"` });
    if (ids.length !== 1) throw new Error(`${ids.length} ${role}s named "${name}"`);
    const cdp = await this.cdp();
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: ids[0] });
    const { quads } = await cdp.send('DOM.getContentQuads', { backendNodeId: ids[0] });
    const q = quads[0];
    const x = (q[0] + q[2] + q[4] + q[6]) / 4;
    const y = (q[1] + q[3] + q[5] + q[7]) / 4;
    await this.page.mouse.click(x, y);
  }

  /**
   * What the page's own script could do to the prompt's element with `role` and `name`: run
   * `fn(element)` on it in the page's world (DevTools reaches it; page script would need a
   * reference it cannot get). Used to check that synthetic input is ignored.
   */
  async asPage(name, fn, { role = 'button' } = {}) {
    const [id] = await this.byRole(role, name);
    if (!id) throw new Error(`no ${role} "${name}"`);
    const cdp = await this.cdp();
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: id });
    await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: `function () { (${fn})(this); }` });
  }
}
