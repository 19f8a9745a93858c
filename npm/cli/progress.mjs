// The progress line of a long scan: files, megabytes and findings so far, on standard error,
// redrawn in place. Shown only on a terminal, only once the scan has run for a second, at
// most ten times a second, and erased before anything else is written (so it never stays
// in the scrollback or mixes with a message).
//
// No timer: the scan calls tick() between reads, so a synchronous scan needs no event-loop
// turn to be shown, and a scan waiting for input does not redraw a line that did not change.

/** Milliseconds before the line first appears, and between two redraws. */
export const AFTER_MS = 1000;
export const EVERY_MS = 100;

/**
 * A progress line on `stream` (a TTY), or one that draws nothing when `enabled` is false.
 * Counters: `files` (done), `bytes` (read), `findings`.
 */
export function progressLine(stream, enabled, now = () => performance.now()) {
  const started = now();
  let next = started + AFTER_MS;
  let shown = 0; // width of the line on screen, 0 if none
  const p = {
    files: 0,
    bytes: 0,
    findings: 0,
    /** Redraws the line if it is time to. */
    tick() {
      if (!enabled) return;
      const t = now();
      if (t < next) return;
      next = t + EVERY_MS;
      const mb = (p.bytes / 1e6).toFixed(1);
      let line = `draftguard: ${count(p.files, 'file')}, ${mb} MB, ${count(p.findings, 'finding')} so far`;
      // One line, never wrapped: \r only returns to the start of the last row.
      if (stream.columns > 1) line = line.slice(0, stream.columns - 1);
      stream.write(`\r${line.padEnd(shown)}`);
      shown = line.length;
    },
    /** Erases the line (if shown); the next tick() draws it again. */
    clear() {
      if (shown === 0) return;
      stream.write(`\r${' '.repeat(shown)}\r`);
      shown = 0;
    },
  };
  return p;
}

const count = (n, word) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
