// draftguard demo chat: a page that embeds draftguard exactly as a site would.
//
// The page has its own chat logic (a controlled text box whose state, not the DOM, is what it
// sends — like React — plus a contenteditable "rich" editor); draftguard is attached to both with
// three lines and intercepts sending. If the module fails to load, the chat keeps working and says
// that drafts are unchecked. User text only ever reaches the DOM as text (textContent).

const $ = (sel) => document.querySelector(sel);

const textarea = $('#draft');
const rich = $('#rich');
const sendButton = $('#send');
const composer = $('#composer');
const messages = $('#messages');
const statusEl = $('#status');
const decisionEl = $('#decision');
const languageSelect = $('#language');
const variantSelect = $('#variant');
const samplesSelect = $('#samples');

// ---------------------------------------------------------------------------
// The page's own strings (draftguard brings its own for the prompt).

const STRINGS = {
  en: {
    title: 'draftguard demo chat',
    tagline: 'A chat page that uses draftguard as any site would: try sending a card number.',
    language: 'Language',
    editor: 'Editor',
    variant_textarea: 'Plain text box',
    variant_rich: 'Rich editor (contenteditable)',
    samples: 'Sample drafts',
    samples_pick: 'Insert a sample…',
    conversation: 'Conversation',
    greeting: 'Hi! How can I help you today?',
    your_message: 'Your message',
    placeholder: 'Write a message…',
    send: 'Send',
    hint: 'Enter sends, Shift+Enter adds a line.',
    privacy: 'Everything runs in this page, in WebAssembly. Messages go only to the list above; nothing is sent anywhere or stored.',
    unavailable: 'Sensitive-data checks are unavailable (the detector could not be loaded). You can still write and send; drafts are not checked.',
    redacted_tag: 'redacted',
    attach: 'Attach files',
    hint_files: 'Attach, drop or paste a file, e.g.',
    attached: 'attached',
    decision: (d) => `Last decision: ${d.action}${d.kinds.length ? ` (${d.kinds.join(', ')})` : ''}${d.reason ? ` — ${d.reason}` : ''}`,
  },
  de: {
    title: 'draftguard-Demo-Chat',
    tagline: 'Eine Chat-Seite, die draftguard wie jede Website einbindet: Senden Sie eine Kartennummer.',
    language: 'Sprache',
    editor: 'Editor',
    variant_textarea: 'Einfaches Textfeld',
    variant_rich: 'Rich-Editor (contenteditable)',
    samples: 'Beispielentwürfe',
    samples_pick: 'Beispiel einfügen…',
    conversation: 'Unterhaltung',
    greeting: 'Hallo! Wie kann ich helfen?',
    your_message: 'Ihre Nachricht',
    placeholder: 'Nachricht schreiben…',
    send: 'Senden',
    hint: 'Enter sendet, Umschalt+Enter fügt eine Zeile ein.',
    privacy: 'Alles läuft in dieser Seite, in WebAssembly. Nachrichten landen nur in der Liste oben; nichts wird gesendet oder gespeichert.',
    unavailable: 'Die Prüfung auf vertrauliche Daten ist nicht verfügbar (der Detektor konnte nicht geladen werden). Sie können weiter schreiben und senden; Entwürfe werden nicht geprüft.',
    redacted_tag: 'geschwärzt',
    attach: 'Dateien anhängen',
    hint_files: 'Hängen Sie eine Datei an, ziehen Sie sie hierher oder fügen Sie sie ein, z. B.',
    attached: 'angehängt',
    decision: (d) => `Letzte Entscheidung: ${d.action}${d.kinds.length ? ` (${d.kinds.join(', ')})` : ''}${d.reason ? ` — ${d.reason}` : ''}`,
  },
  zh: {
    title: 'draftguard 演示聊天',
    tagline: '一个像普通网站一样嵌入 draftguard 的聊天页面：试着发送一个卡号。',
    language: '语言',
    editor: '编辑器',
    variant_textarea: '普通文本框',
    variant_rich: '富文本编辑器（contenteditable）',
    samples: '示例草稿',
    samples_pick: '插入示例…',
    conversation: '对话',
    greeting: '你好！今天有什么可以帮你？',
    your_message: '你的消息',
    placeholder: '输入消息…',
    send: '发送',
    hint: '按 Enter 发送，Shift+Enter 换行。',
    privacy: '一切都在本页面的 WebAssembly 中运行。消息只进入上面的列表，不会发送到任何地方，也不会被存储。',
    unavailable: '敏感数据检查不可用（无法加载检测器）。你仍然可以编写和发送消息，但草稿不会被检查。',
    redacted_tag: '已脱敏',
    attach: '附加文件',
    hint_files: '附加、拖放或粘贴一个文件，例如',
    attached: '已附加',
    decision: (d) => `最近的决定：${d.action}${d.kinds.length ? `（${d.kinds.join('、')}）` : ''}${d.reason ? ` — ${d.reason}` : ''}`,
  },
};

// Realistic drafts, all values fake (test card numbers, published sample IDs).
const SAMPLES = [
  { id: 'card-en', label: 'EN — card number', text: 'Can you book the hotel for me? Use my card 4111 1111 1111 1111, expiry 08/27.' },
  { id: 'iban-de', label: 'DE — IBAN', text: 'Bitte überweise die Miete auf mein Konto, IBAN DE89 3704 0044 0532 0130 00. Danke!' },
  { id: 'taxid-de', label: 'DE — Steuer-ID', text: 'Für die Steuererklärung: meine Steuer-ID ist 36 574 261 809.' },
  { id: 'id-zh', label: '中文 — 身份证号', text: '帮我填一下这张表，我的身份证号码是11010519491231002X，电话稍后给你。' },
  { id: 'medical-en', label: 'EN — medical', text: 'Rewrite this email to my boss: I was diagnosed with depression and I am on sertraline, so I need Friday off.' },
  { id: 'secret-en', label: 'EN — .env with keys', text: 'Why does this fail?\nAWS_ACCESS_KEY_ID=AKIALACI57K43PEADJ4S\nDB_PASSWORD=Vpn2024#ok\nDEBUG=true' },
  { id: 'password-de', label: 'DE — Passwort', text: 'Kannst du dich für mich einloggen? Mein Passwort ist Sommer2024' },
  { id: 'clean-en', label: 'EN — nothing sensitive', text: 'What is a good name for a cat that likes to sleep in boxes?' },
];

let locale = pickLocale();
let variant = 'textarea';
/** The last decision the prompt reported (its line is shown in the page's language). */
let lastDecision = null;

function pickLocale() {
  for (const tag of navigator.languages || []) {
    const primary = tag.split('-')[0].toLowerCase();
    if (primary in STRINGS) return primary;
  }
  return 'en';
}

function t(key) {
  return STRINGS[locale][key] ?? STRINGS.en[key];
}

function translatePage() {
  document.documentElement.lang = locale;
  languageSelect.value = locale;
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
  for (const el of document.querySelectorAll('[data-t-placeholder]')) el.placeholder = t(el.dataset.tPlaceholder);
  for (const el of document.querySelectorAll('[data-t-aria-label]')) el.setAttribute('aria-label', t(el.dataset.tAriaLabel));
  document.title = t('title');
  if (document.body.dataset.guard === 'unavailable') statusEl.textContent = t('unavailable');
  // The last decision's line too: it stays on the page until the next one.
  if (lastDecision) decisionEl.textContent = t('decision')(lastDecision);
}

// ---------------------------------------------------------------------------
// The page's own chat logic (knows nothing about draftguard).

// A controlled text box: the page keeps the draft in its state and sends the state.
let draftState = '';
textarea.addEventListener('input', () => {
  draftState = textarea.value;
});

function currentDraft() {
  return variant === 'textarea' ? draftState : rich.innerText.replace(/\n$/, '');
}

function clearDraft() {
  if (variant === 'textarea') {
    draftState = '';
    textarea.value = '';
  } else {
    rich.replaceChildren();
  }
}

function send() {
  const text = currentDraft();
  if (text.trim() === '') return;
  const li = document.createElement('li');
  li.className = 'message outgoing';
  const bubble = document.createElement('p');
  bubble.className = 'bubble';
  bubble.textContent = text;
  li.append(bubble);
  messages.append(li);
  li.scrollIntoView({ block: 'nearest' });
  clearDraft();
  (variant === 'textarea' ? textarea : rich).focus();
}

for (const editor of [textarea, rich]) {
  editor.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      send();
    }
  });
}
composer.addEventListener('submit', (event) => {
  event.preventDefault();
  send();
});

// Attachments: the page "uploads" a file the moment it gets one — chosen with the attach button,
// dropped onto the composer or pasted into it — and shows it in the conversation (a text file
// with its first lines, so a redacted copy can be seen). draftguard checks each file before
// this code sees it.
const attachInput = $('#attach');

async function showAttachment(file) {
  const li = document.createElement('li');
  li.className = 'message outgoing attachment';
  const bubble = document.createElement('div');
  bubble.className = 'bubble';
  const name = document.createElement('p');
  name.className = 'file-name';
  name.textContent = `📎 ${file.name} · ${Math.max(1, Math.round(file.size / 1024))} KB`;
  bubble.append(name);
  if (file.type.startsWith('text/') || /\.(csv|tsv|txt|md|json|env|log|ya?ml|ini|toml)$/i.test(file.name)) {
    const peek = document.createElement('pre');
    peek.className = 'peek';
    peek.textContent = (await file.text()).split('\n').slice(0, 4).join('\n');
    bubble.append(peek);
  }
  li.append(bubble);
  const tag = document.createElement('span');
  tag.className = 'tag';
  tag.textContent = t('attached');
  li.append(tag);
  messages.append(li);
  li.scrollIntoView({ block: 'nearest' });
}

attachInput.addEventListener('change', () => {
  for (const file of attachInput.files) showAttachment(file);
  attachInput.value = '';
});
composer.addEventListener('dragover', (event) => event.preventDefault());
composer.addEventListener('drop', (event) => {
  event.preventDefault();
  for (const file of event.dataTransfer.files) showAttachment(file);
});
for (const editor of [textarea, rich]) {
  editor.addEventListener('paste', (event) => {
    if (!event.clipboardData?.files.length) return;
    event.preventDefault();
    for (const file of event.clipboardData.files) showAttachment(file);
  });
}

function onDecision(d) {
  lastDecision = d;
  decisionEl.textContent = t('decision')(d);
  if (d.files) return;
  if (d.action === 'redact') {
    const last = messages.lastElementChild;
    if (last?.classList.contains('outgoing') && !last.querySelector('.tag')) {
      last.classList.add('redacted');
      const tag = document.createElement('span');
      tag.className = 'tag';
      tag.textContent = t('redacted_tag');
      last.append(tag);
    }
  }
}

// ---------------------------------------------------------------------------
// Page controls

function showVariant(next) {
  variant = next;
  variantSelect.value = next;
  textarea.hidden = next !== 'textarea';
  rich.hidden = next !== 'rich';
  (next === 'textarea' ? textarea : rich).focus();
}

function fillSamples() {
  const pick = samplesSelect.options[0];
  samplesSelect.replaceChildren(pick);
  for (const s of SAMPLES) {
    const o = document.createElement('option');
    o.value = s.id;
    o.textContent = s.label;
    samplesSelect.append(o);
  }
}

function insertSample(id) {
  const sample = SAMPLES.find((s) => s.id === id);
  if (!sample) return;
  const editor = variant === 'textarea' ? textarea : rich;
  editor.focus();
  if (variant === 'textarea') editor.select();
  else document.getSelection().selectAllChildren(editor);
  // As if typed: the editor's undo stack and input events see it.
  document.execCommand('insertText', false, sample.text);
}

variantSelect.addEventListener('change', () => showVariant(variantSelect.value));
samplesSelect.addEventListener('change', () => {
  insertSample(samplesSelect.value);
  samplesSelect.value = '';
});
languageSelect.addEventListener('change', () => {
  locale = languageSelect.value;
  translatePage();
  guardEditors();
});

// ---------------------------------------------------------------------------
// draftguard: three lines is all an embedding site needs —
//   import init, { attach } from './pkg/draftguard.js';
//   await init();
//   attach(textarea, { sendButton: '#send' });

let draftguard = null;
let handles = [];

function guardEditors() {
  if (!draftguard) return;
  for (const h of handles) h.detach();
  handles = [textarea, rich].map((el) =>
    draftguard.attach(el, { sendButton: '#send', locale, onDecision }),
  );
}

async function loadGuard() {
  try {
    const mod = await import('./pkg/draftguard.js');
    await mod.default();
    draftguard = mod;
    guardEditors();
    document.body.dataset.guard = 'ready';
  } catch (err) {
    // Fail open, visibly: the chat works, the user knows drafts are unchecked.
    console.error('draftguard failed to load:', err?.message || err);
    statusEl.textContent = t('unavailable');
    statusEl.className = 'status warn';
    statusEl.hidden = false;
    document.body.dataset.guard = 'unavailable';
  }
}

translatePage();
fillSamples();
showVariant('textarea');
loadGuard();
