// draftguard demo page: highlights sensitive data in the draft as you type.
//
// The draft textarea works on its own; the detector (pkg/draftguard.js + .wasm) is loaded
// with a dynamic import so that a missing or broken build only disables detection.
// User text is only ever put into the DOM through text nodes / textContent.

const $ = (sel) => document.querySelector(sel);

const draft = $('#draft');
const highlights = $('#highlights');
const statusEl = $('#status');
const findingsList = $('#findings');
const summary = $('#findings-summary');
const messages = $('#messages');
const composer = $('#composer');
const notice = $('#send-notice');
const noticeText = $('#send-notice-text');
const redactSendBtn = $('#redact-send');
const sendAnywayBtn = $('#send-anyway');
const keepEditingBtn = $('#keep-editing');

/** @type {null | { scan(text: string): any[], redact(text: string, o: object): { text: string, findings: any[] } }} */
let guard = null;
/** kind id -> English plain-language name */
const kindNames = new Map();
let detectorState = 'loading'; // 'loading' | 'ready' | 'unavailable'

let frame = 0;
let lastFindings = [];
let lastSignature = null;

// ---------------------------------------------------------------------------
// Detector loading

async function loadDetector() {
  try {
    const mod = await import('./pkg/draftguard.js');
    await mod.default();
    guard = new mod.Guard({});
    for (const info of mod.kinds()) kindNames.set(info.kind, info.names?.en || info.kind);
    detectorState = 'ready';
    setStatus('', null);
  } catch (err) {
    guard = null;
    detectorState = 'unavailable';
    console.error('draftguard failed to load:', err);
    setStatus(
      'Sensitive-data detection is unavailable: the detector could not be loaded. ' +
        'You can still write and send messages, but nothing will be checked.',
      'warn',
    );
  }
  lastSignature = null;
  update(); // at once, so the panel and the status notice change together
}

function setStatus(text, tone) {
  statusEl.textContent = text;
  statusEl.className = 'status' + (tone ? ' ' + tone : '');
  statusEl.hidden = !text;
}

// ---------------------------------------------------------------------------
// Scanning and rendering

function scheduleUpdate() {
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    update();
  });
}

function scan(text) {
  if (!guard || text === '') return [];
  try {
    const found = guard.scan(text);
    if (detectorState === 'failed') {
      detectorState = 'ready';
      setStatus('', null);
    }
    return found;
  } catch (err) {
    detectorState = 'failed';
    setStatus(`This draft could not be checked: ${err?.message || err}`, 'warn');
    return [];
  }
}

/** Findings with sane offsets, sorted by position. */
function usable(findings, text) {
  return findings
    .filter((f) => Number.isInteger(f.start) && Number.isInteger(f.end) && f.start < f.end && f.end <= text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Sorted findings without overlaps (the earliest, longest one wins), for highlighting. */
function nonOverlapping(sorted) {
  const out = [];
  let pos = 0;
  for (const f of sorted) {
    if (f.start < pos) continue;
    out.push(f);
    pos = f.end;
  }
  return out;
}

function update() {
  const text = draft.value;
  lastFindings = usable(scan(text), text);
  renderHighlights(text, nonOverlapping(lastFindings));
  renderFindings(lastFindings);
}

function renderHighlights(text, findings) {
  const frag = document.createDocumentFragment();
  let pos = 0;
  for (const f of findings) {
    if (f.start > pos) frag.append(document.createTextNode(text.slice(pos, f.start)));
    const mark = document.createElement('mark');
    mark.dataset.kind = f.kind;
    mark.dataset.confidence = f.confidence;
    mark.textContent = text.slice(f.start, f.end);
    frag.append(mark);
    pos = f.end;
  }
  if (pos < text.length) frag.append(document.createTextNode(text.slice(pos)));
  // A textarea shows an empty last line after a trailing newline; a div does not.
  if (text === '' || text.endsWith('\n')) frag.append(document.createTextNode('\u200b'));
  highlights.replaceChildren(frag);
  syncGeometry();
}

function nameOf(kind) {
  return kindNames.get(kind) || kind.replace(/_/g, ' ');
}

function renderFindings(findings) {
  // Rebuild the list only when what it shows changes, so the live region stays quiet
  // while the user types around existing findings.
  const signature =
    detectorState + '\n' +
    findings.map((f) => [f.kind, f.preview, f.confidence, (f.reasons || []).join(',')].join('|')).join('\n');
  if (signature === lastSignature) return;
  lastSignature = signature;

  if (detectorState === 'loading') {
    summary.textContent = 'Loading the detector…';
  } else if (detectorState === 'unavailable') {
    summary.textContent = 'Detection unavailable.';
  } else if (findings.length === 0) {
    summary.textContent = 'Nothing sensitive found.';
  } else {
    summary.textContent =
      findings.length === 1 ? '1 item of sensitive data found.' : `${findings.length} items of sensitive data found.`;
  }
  summary.classList.toggle('alert', findings.length > 0);

  const items = findings.map((f, index) => {
    const li = document.createElement('li');
    li.className = 'finding';
    li.dataset.kind = f.kind;
    li.dataset.confidence = f.confidence;

    const head = el('div', 'finding-head');
    head.append(el('span', 'name', nameOf(f.kind)), el('code', 'kind', f.kind));

    const details = el('dl', 'finding-details');
    details.append(
      el('dt', '', 'Masked'),
      el('dd', 'preview', f.preview),
      el('dt', '', 'Confidence'),
      el('dd', 'confidence', f.confidence),
      el('dt', '', 'Why'),
      el('dd', 'reasons', (f.reasons || []).join(', ')),
    );

    const show = el('button', 'show link', 'Select in draft');
    show.type = 'button';
    show.addEventListener('click', () => selectFinding(index));

    li.append(head, details, show);
    return li;
  });
  findingsList.replaceChildren(...items);
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function selectFinding(index) {
  const f = lastFindings[index];
  if (!f) return;
  draft.focus();
  draft.setSelectionRange(f.start, f.end);
}

// ---------------------------------------------------------------------------
// Keeping the overlay aligned with the textarea

function syncGeometry() {
  const cs = getComputedStyle(draft);
  const borderX = parseFloat(cs.borderLeftWidth) + parseFloat(cs.borderRightWidth);
  // Room taken by a vertical scrollbar inside the textarea (0 with overlay scrollbars).
  const scrollbar = Math.max(0, draft.offsetWidth - draft.clientWidth - borderX);
  highlights.style.paddingRight = `${parseFloat(cs.paddingRight) + scrollbar}px`;
  syncScroll();
}

function syncScroll() {
  highlights.scrollTop = draft.scrollTop;
  highlights.scrollLeft = draft.scrollLeft;
}

// ---------------------------------------------------------------------------
// Sending

function appendMessage(text, { redacted = false } = {}) {
  const li = el('li', 'message outgoing');
  const bubble = el('p', 'bubble', text);
  li.append(bubble);
  if (redacted) {
    li.classList.add('redacted');
    li.append(el('span', 'tag', 'redacted'));
  }
  messages.append(li);
  li.scrollIntoView({ block: 'nearest' });
  draft.value = '';
  hideNotice();
  update();
  draft.focus();
}

function showNotice(findings) {
  const names = [...new Set(findings.map((f) => nameOf(f.kind)))];
  noticeText.textContent =
    `This message contains ${findings.length === 1 ? 'sensitive data' : `${findings.length} pieces of sensitive data`}` +
    ` (${names.join(', ')}). Send it redacted?`;
  notice.hidden = false;
  redactSendBtn.focus();
}

function hideNotice() {
  notice.hidden = true;
}

function trySend() {
  const text = draft.value;
  if (text.trim() === '') {
    draft.focus();
    return;
  }
  const findings = usable(scan(text), text);
  if (findings.length > 0) showNotice(findings);
  else appendMessage(text);
}

composer.addEventListener('submit', (event) => {
  event.preventDefault();
  trySend();
});

draft.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && !event.altKey) {
    event.preventDefault();
    trySend();
  }
});

redactSendBtn.addEventListener('click', () => {
  const text = draft.value;
  if (!guard) return appendMessage(text);
  let result;
  try {
    result = guard.redact(text, { style: 'mask', locale: 'en' });
  } catch (err) {
    setStatus(`Could not redact this message: ${err?.message || err}`, 'warn');
    return;
  }
  appendMessage(result.text, { redacted: result.findings.length > 0 });
});

sendAnywayBtn.addEventListener('click', () => appendMessage(draft.value));

keepEditingBtn.addEventListener('click', () => {
  hideNotice();
  draft.focus();
});

notice.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    hideNotice();
    draft.focus();
  }
});

draft.addEventListener('input', () => {
  if (!notice.hidden) hideNotice();
  scheduleUpdate();
});
draft.addEventListener('scroll', syncScroll);
new ResizeObserver(() => syncGeometry()).observe(draft);

update();
loadDetector();
