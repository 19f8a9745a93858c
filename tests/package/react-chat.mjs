// Builds a small React 19 chat app (a controlled <textarea>, Enter or the send button sends the
// React state) with esbuild, for the browser-extension tests: the real thing a
// "React-style controlled input" means. Resolved from this package's node_modules.

import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

const APP = `
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';

window.sent = [];
function Chat() {
  const [draft, setDraft] = useState('');
  const [log, setLog] = useState([]);
  const send = () => {
    if (!draft.trim()) return;
    window.sent.push(draft); // what the app sends: its state
    setLog((l) => [...l, draft]);
    setDraft('');
  };
  return h('main', null,
    h('ul', { id: 'log' }, log.map((t, i) => h('li', { key: i }, t))),
    h('textarea', {
      id: 'draft',
      value: draft,
      onChange: (e) => setDraft(e.target.value),
      onKeyDown: (e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); send(); } },
    }),
    h('button', { type: 'button', id: 'send', 'aria-label': 'Send message', onClick: send }, '➤'));
}
createRoot(document.getElementById('root')).render(h(Chat));
`;

/** Writes `react.html` and `react-app.js` into `dir`. */
export async function buildReactChat(dir) {
  await build({
    stdin: { contents: APP, resolveDir: HERE, loader: 'js' },
    bundle: true,
    format: 'esm',
    outfile: path.join(dir, 'react-app.js'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  writeFileSync(
    path.join(dir, 'react.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>react chat</title></head>' +
      '<body><div id="root"></div><script type="module" src="react-app.js"></script></body></html>',
  );
}
