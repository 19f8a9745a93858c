// Scans text of any length in overlapping windows, so a huge file never sits in memory whole.
//
// Window k covers text[w, w + L); the next one starts OVERLAP code units before its end. Each
// window *owns* the findings that start in its middle part, [w + OVERLAP/2, w + L - OVERLAP/2)
// (the first window from 0, the last to the end): the owned parts tile the text, so every
// finding is reported by exactly one window, and every owned finding has at least OVERLAP/2
// code units of the text on either side of its start in its window (context words before it,
// the value itself and what follows). Values longer than OVERLAP/2 (a private key block is a
// few KB) are the only ones that could be cut; OVERLAP is 64 Ki code units.

/** UTF-16 code units the windows share. */
export const OVERLAP = 1 << 16;
/** New text per window, in UTF-16 code units. */
export const WINDOW = 1 << 20;

/**
 * Scans the text from `chunks` (an async iterable of strings) window by window.
 *
 * `scanWindow(text)` returns `{ findings, replacements? }`: findings with UTF-16 `start`/`end`
 * into `text`, sorted, not overlapping, and with `write`, the replacement string of each one;
 * the redacted document is then passed to `write` piece by piece, in order.
 *
 * Calls `onFinding(finding)` for each finding once, with `start`/`end` made absolute and
 * 1-based `line`, `column`, `endLine`, `endColumn` (columns in UTF-16 code units; lines end at
 * "\n"). Resolves to the number of UTF-16 code units scanned.
 */
export async function scanWindows(chunks, scanWindow, { onFinding, write, window = WINDOW, overlap = OVERLAP } = {}) {
  const half = overlap >> 1;
  let buf = ''; // text[bufStart, bufStart + buf.length)
  let bufStart = 0;
  let first = true;
  let emitted = 0; // the redacted output covers text[0, emitted); also: no finding may start before it
  const cursor = { pos: 0, line: 1, lineStart: 0 }; // line and line start of absolute position pos

  // Moves the cursor forward to absolute position `to` (inside buf).
  const advance = (to) => {
    let i = buf.indexOf('\n', cursor.pos - bufStart);
    while (i !== -1 && bufStart + i < to) {
      cursor.line += 1;
      cursor.lineStart = bufStart + i + 1;
      i = buf.indexOf('\n', i + 1);
    }
    cursor.pos = to;
  };

  const processWindow = (last) => {
    const ownFrom = bufStart + (first ? 0 : half);
    const ownTo = last ? bufStart + buf.length : bufStart + buf.length - half;
    const { findings, replacements } = scanWindow(buf);
    for (let n = 0; n < findings.length; n++) {
      const f = findings[n];
      const start = bufStart + f.start;
      const end = bufStart + f.end;
      if (start < ownFrom || start >= ownTo || start < emitted) continue;
      if (write) {
        write(buf.slice(emitted - bufStart, f.start));
        write(replacements[n]);
      }
      advance(start);
      const line = cursor.line;
      const column = start - cursor.lineStart + 1;
      advance(end);
      onFinding?.({ ...f, start, end, line, column, endLine: cursor.line, endColumn: end - cursor.lineStart + 1 });
      emitted = end;
    }
    if (emitted < ownTo) {
      write?.(buf.slice(emitted - bufStart, ownTo - bufStart));
      emitted = ownTo;
    }
    if (cursor.pos < ownTo) advance(ownTo);
    first = false;
  };

  for await (const chunk of chunks) {
    buf += chunk;
    while (buf.length >= window + overlap) {
      const full = buf;
      buf = full.slice(0, window + overlap);
      processWindow(false);
      const next = bufStart + buf.length - overlap;
      buf = full.slice(next - bufStart);
      bufStart = next;
    }
  }
  processWindow(true);
  return bufStart + buf.length;
}
