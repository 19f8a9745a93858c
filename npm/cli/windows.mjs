// Scans text of any length in overlapping windows, so a huge file never sits in memory whole.
//
// Window k covers text[w, w + L); the next one starts OVERLAP code units before its end. Each
// window *owns* the findings that start in its middle part, from where the last one's ended to
// OVERLAP/2 before its own end (the first window from 0, the last to the end): the owned parts
// tile the text, so every finding is reported by exactly one window, and every owned finding
// has about OVERLAP/2 code units of the text on either side of its start in its window (context
// words before it, the value itself and what follows). Values longer than OVERLAP/2 (a private
// key block is a few KB) are the only ones that could be cut; OVERLAP is 64 Ki code units.
//
// No cut falls between the two halves of a surrogate pair (an emoji, a rare CJK character): a
// window never ends or starts with half a character (the engine would see U+FFFD there), and
// the redacted document is written in pieces of whole characters (each piece is encoded to
// UTF-8 on its own; half a pair would become U+FFFD in the file).

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
  // Each window must move on by at least one code unit after the cuts are moved off pairs.
  if (!(window >= 4 && overlap >= 4)) throw new RangeError('scanWindows: window and overlap must be at least 4');
  const half = overlap >> 1;
  let buf = ''; // text[bufStart, bufStart + buf.length)
  let bufStart = 0;
  let ownFrom = 0; // where the part the next window owns begins (absolute)
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

  // Scans buf, the window, and handles the findings that start in [ownFrom, ownTo).
  const processWindow = (ownTo) => {
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
    ownFrom = ownTo;
  };

  for await (const chunk of chunks) {
    buf += chunk;
    while (buf.length >= window + overlap) {
      const full = buf;
      const end = wholeCharacters(full, window + overlap);
      buf = full.slice(0, end);
      processWindow(bufStart + wholeCharacters(full, end - half));
      const next = wholeCharacters(full, end - overlap);
      buf = full.slice(next);
      bufStart += next;
    }
  }
  processWindow(bufStart + buf.length);
  return bufStart + buf.length;
}

/** `at`, or one less if `at` falls between the halves of a surrogate pair in `s`. */
function wholeCharacters(s, at) {
  const c = s.charCodeAt(at);
  return at > 0 && c >= 0xdc00 && c <= 0xdfff && (s.charCodeAt(at - 1) & 0xfc00) === 0xd800 ? at - 1 : at;
}
