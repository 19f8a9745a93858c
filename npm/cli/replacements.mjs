// Splits the engine's redacted text back into one replacement per finding.
//
// `guard.redact(text)` returns the whole text with each finding's value replaced and nothing
// else changed. The command line redacts huge files window by window and keeps only the
// findings each window owns (./windows.mjs), so it needs each finding's replacement on its
// own. Where each replacement ends follows from the style (see src/redact.rs): a label is
// "[...]" with no "]" inside; "mask" and "char" give one character per visible character of
// the value. The split is then checked: the pieces must put the redacted text back together
// exactly, or this throws rather than write a wrong file.

const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/gu;

/**
 * @param {string} text the text that was redacted
 * @param {{start: number, end: number}[]} findings the redact result's findings (UTF-16, sorted)
 * @param {string} redacted the redact result's text
 * @param {"label" | "mask" | "char"} style
 * @returns {string[]} the replacement of each finding
 */
export function replacements(text, findings, redacted, style) {
  const out = [];
  let at = 0; // position in text
  let rat = 0; // the same position in redacted
  for (const f of findings) {
    rat += f.start - at;
    let end;
    if (style === 'label') {
      end = redacted.indexOf(']', rat) + 1;
      if (end === 0) throw mismatch();
    } else {
      const visible = [...text.slice(f.start, f.end).replace(INVISIBLE, '')].length;
      end = rat;
      for (let n = 0; n < visible; n++) {
        if (end >= redacted.length) throw mismatch();
        end += redacted.codePointAt(end) > 0xffff ? 2 : 1;
      }
    }
    out.push(redacted.slice(rat, end));
    rat = end;
    at = f.end;
  }
  // Check: the pieces and the unchanged text between them must give back `redacted`.
  let rebuilt = '';
  at = 0;
  findings.forEach((f, n) => {
    rebuilt += text.slice(at, f.start) + out[n];
    at = f.end;
  });
  rebuilt += text.slice(at);
  if (rebuilt !== redacted) throw mismatch();
  return out;
}

function mismatch() {
  return new Error('draftguard: internal error: could not split the redacted text into replacements; the redacted copy was not written');
}
