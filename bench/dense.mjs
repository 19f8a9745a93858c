// Finding-dense chat text (issue 13's benchmark corpus): paragraphs of about 150 bytes, about
// five findings per KB, in English, German and Chinese, with code, logs and config; each
// paragraph is meant to be scanned with one call, as a pasted support thread, a log or a CSV
// export arrives. Values come from the fixtures' positive lines (tests/fixtures/*.txt), so every
// detector is represented; long base64 runs (an ssh-rsa public key) are in it too. A paragraph
// never holds a blank line (a PGP armour's is written as a line holding one space), so whoever
// splits the text at blank lines (examples/scan_paragraphs.rs, examples/account.rs) gets the
// paragraphs back whole.
//
//   node bench/dense.mjs BYTES > dense.txt   (paragraphs separated by blank lines)
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { noBlankLines } from './realtext.mjs';

const fixtures = fileURLToPath(new URL('../tests/fixtures/', import.meta.url));

/**
 * Positive fixture lines, markers removed and escapes (`\n`, `\u{…}`) applied. With
 * `{ marked: true }`: objects { text, values, confidence } (`values`: how many ⟦…⟧ the line
 * marks, `confidence`: its `+high`/`+medium`/`+low`, or '' for a plain `+`).
 */
export function positives({ marked = false } = {}) {
  const lines = [];
  for (const f of readdirSync(fixtures).filter((f) => f.endsWith('.txt')).sort()) {
    for (const line of readFileSync(fixtures + f, 'utf8').split('\n')) {
      const m = /^\+(high|medium|low)? (.*)$/.exec(line);
      if (!m) continue;
      const text = m[2]
        .replace(/[⟦⟧]/g, '')
        .replace(/\\u\{([0-9a-fA-F]+)\}/g, (_, h) => String.fromCodePoint(parseInt(h, 16)))
        .replace(/\\n/g, '\n')
        .replace(/\\t/g, '\t');
      lines.push(marked ? { text, values: m[2].split('⟦').length - 1, confidence: m[1] ?? '' } : text);
    }
  }
  return lines;
}

const FILLER = [
  'Can you check this before I send it to the team?',
  'Thanks, that fixed it. One more question about the config below.',
  'Kannst du das bitte kurz prüfen, bevor ich es weiterleite?',
  'Hier die Daten aus dem Formular, der Termin ist am 12.03.2025.',
  '请帮我看一下这段内容，明天上午十点前发给客户。',
  '2024-05-01T12:30:45.123Z INFO request id=550e8400-e29b-41d4-a716-446655440000 took 123ms',
  'Order 4411-2039 shipped on 2024-11-02, version 2.13.0, see ticket #48213.',
  'SELECT id, email FROM users WHERE created_at > \'2024-01-01\' LIMIT 100;',
];
const SSH =
  'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQC7vbqajDhA7Gw1Oqx9L1kZo8RzR5dKzP3bWm9Yq2cXf4e5Jt6sV8nH0aLm3QpR7uT2wXyZ1bC4dE6fG9hI0jK2lM5nO8pQ3rS6tU9vW1xY4zA7bC0dE3fG6hI9jK1lM4nO7pQ0rS3tU6vW9xY2zA5bC8dE1fG4hI7jK0lM3nO6pQ9rS2tU5vW8xY1zA4bC7dE0fG3hI6jK9lM2nO5pQ8rS1tU4vW7xY0zA3bC6dE9fG2hI5jK8lM1nO4pQ7rS0tU3vW6xY9z== jane@laptop';

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** About `bytes` of UTF-8 text as paragraphs of about 150 bytes, about 5 findings per KB. */
export function dense(bytes, seed = 7) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const pos = positives();
  const paras = [];
  let size = 0;
  while (size < bytes) {
    let p;
    const roll = r();
    if (roll < 0.02) p = `${pick(FILLER)} My key: ${SSH}`;
    else if (roll < 0.75) p = `${pick(FILLER)} ${pick(pos)}`;
    else p = `${pick(FILLER)} ${pick(FILLER)} ${pick(FILLER)}`;
    while (Buffer.byteLength(p) < 110) p += ` ${pick(FILLER)}`;
    p = noBlankLines(p);
    paras.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  return paras;
}

/**
 * A chat draft of about `bytes` with `values` sensitive values (issue 13's "2 KB draft with ten
 * findings"): that many `+high` fixture lines that mark exactly one value each (at most 120
 * bytes, so that ten fit), spread evenly between lines of ordinary chat text. Deterministic for
 * a `seed`.
 */
export function findingsDraft(bytes, values, seed) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const singles = positives({ marked: true })
    .filter((p) => p.values === 1 && p.confidence === 'high' && Buffer.byteLength(p.text) <= 120)
    .map((p) => noBlankLines(p.text));
  const chosen = Array.from({ length: values }, () => pick(singles));
  let size = chosen.reduce((n, v) => n + Buffer.byteLength(v) + 1, 0);
  const filler = [];
  for (;;) {
    const line = pick(FILLER);
    if (size + Buffer.byteLength(line) + 1 > bytes) break;
    filler.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  // value j comes after `before(j)` lines of ordinary text
  const before = (j) => Math.floor(((j + 1) * filler.length) / values);
  const lines = [];
  for (let i = 0, j = 0; i <= filler.length; i++) {
    while (j < values && before(j) <= i) lines.push(chosen[j++]);
    if (i < filler.length) lines.push(filler[i]);
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(dense(Number(process.argv[2] ?? 1 << 20)).join('\n\n'));
}
