// The files Worker: checks a large attachment off the page's main thread with the same engine
// (the core module, `../draftguard.js`, and the files module beside this file), built by
// scripts/build.sh into pkg/files/worker.js. shell.js starts it for files over 1 MB.
//
// Messages in: {type: "check", id, file, options, redact} — read the File, extract its text,
// scan it in overlapping windows (./windows.mjs, the CLI's) with a Guard of `options` (the
// input's own guard's options), and keep a text file with findings for a copy; {type:
// "redact", id} — that copy's bytes (redacted as `redact` says: the input's redactStyle and
// locale), in the file's encoding; {type: "cancel" | "drop", id} — forget the job.
// Messages out: {type: "progress", id, done, total}; {type: "result", id, report} with report
// {format, error?, encoding?, counts: [[kind, n]], previews}; {type: "redacted", id, bytes}.
// Nothing leaves the Worker but counts, masked previews and the redacted copy.

import initCore, { Guard } from '../draftguard.js';
import initFiles, { sniff, extractText, encode } from './draftguard_files.js';
import { scanWindows } from './windows.mjs';
import { replacements } from './replacements.mjs';

const ready = Promise.all([initCore(), initFiles()]);
const jobs = new Map();
const PREVIEWS = 3;

self.onmessage = async ({ data }) => {
  await ready;
  if (data.type === 'check') {
    jobs.set(data.id, { cancelled: false });
    let report;
    try {
      report = await check(data);
    } catch (e) {
      report = { format: 'unreadable', error: e?.code ?? 'failed' };
    }
    if (jobs.get(data.id)?.cancelled !== false) return jobs.delete(data.id);
    if (!report.keep) jobs.delete(data.id);
    else jobs.set(data.id, { cancelled: false, ...report.keep });
    delete report.keep;
    self.postMessage({ type: 'result', id: data.id, report });
  } else if (data.type === 'redact') {
    const job = jobs.get(data.id);
    jobs.delete(data.id);
    let bytes = new Uint8Array(0);
    if (job) {
      // Scanned again, now with the replacements: most checks end without a redacted copy.
      const parts = [];
      await scanWindows(
        (async function* () {
          for (let at = 0; at < job.text.length; at += 1 << 20) yield job.text.slice(at, at + (1 << 20));
        })(),
        (window) => {
          const r = job.guard.redact(window, job.redact);
          return { findings: r.findings, replacements: replacements(window, r.findings, r.text, job.redact.style) };
        },
        { write: (s) => parts.push(s) },
      );
      bytes = encode(parts.join(''), job.encoding);
    }
    self.postMessage({ type: 'redacted', id: data.id, bytes }, [bytes.buffer]);
  } else if (data.type === 'cancel' || data.type === 'drop') {
    const job = jobs.get(data.id);
    if (job) job.cancelled = true;
    jobs.delete(data.id);
  }
};

async function check({ id, file, options, redact }) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const format = sniff(file.name, bytes);
  if (format === 'pdf' || format === 'unreadable') return { format };
  let read;
  try {
    read = extractText(bytes, format);
  } catch (e) {
    return { format, error: e?.code ?? 'failed' };
  }
  const { text } = read;
  const encoding = format === 'text' ? read.encoding ?? 'utf-8' : null;
  const guard = new Guard(options);
  const counts = new Map();
  const previews = [];
  // The text in 1 Mi-unit chunks; between two, the Worker reads its messages (a cancel) and
  // tells the page how far it is.
  async function* chunks() {
    for (let at = 0; at < text.length; at += 1 << 20) {
      if (jobs.get(id)?.cancelled !== false) throw new Error('cancelled');
      self.postMessage({ type: 'progress', id, done: at, total: text.length });
      yield text.slice(at, at + (1 << 20));
      await new Promise((r) => setTimeout(r, 0));
    }
  }
  await scanWindows(chunks(), (window) => ({ findings: guard.scan(window) }), {
    onFinding: (f) => {
      counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
      if (previews.length < PREVIEWS) previews.push(f.preview);
    },
  });
  const found = counts.size > 0;
  return { format, encoding, counts: [...counts], previews, keep: found && encoding ? { text, guard, redact, encoding } : null };
}
