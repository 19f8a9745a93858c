// Word, Excel and PowerPoint files (.docx, .xlsx, .pptx) for `draftguard scan`: their text
// comes from the files module (files/draftguard_files.js, the one the browser prompt loads on
// the first attachment), one piece per paragraph, cell or slide paragraph, each with a
// location that makes sense for the format: "Kunden!B2", "paragraph 12", "slide 3".
//
// Only a file that starts like a zip is read whole (up to MAX_BYTES); every other file keeps
// the streaming path in main.mjs. The module is loaded on the first such file.

import fs from 'node:fs';

/** A document larger than this is not read (the files module caps what it inflates anyway). */
export const MAX_BYTES = 256 * 1024 * 1024;

let files = null;

/** The files module, initialised synchronously from its .wasm next to it. */
async function filesModule() {
  if (!files) {
    const m = await import('../files/draftguard_files.js');
    m.initSync({ module: fs.readFileSync(new URL('../files/draftguard_files_bg.wasm', import.meta.url)) });
    files = m;
  }
  return files;
}

/**
 * The pieces of `name` if it is an Office document the files module reads
 * (`{format, pieces: [{text, location}]}`), or null for any other file (not a zip, or a zip
 * that is no Office document: the caller treats it as before). A damaged document throws an
 * Error that says what is wrong.
 */
export async function readDocument(name) {
  const fd = fs.openSync(name, 'r');
  let bytes;
  try {
    const head = Buffer.alloc(4);
    if (fs.readSync(fd, head, 0, 4, 0) < 4 || head.readUInt32BE(0) !== 0x504b0304) return null;
    const { size } = fs.fstatSync(fd);
    if (size > MAX_BYTES) throw new Error(`a ${Math.round(size / 2 ** 20)} MiB document; at most ${MAX_BYTES / 2 ** 20} MiB are read`);
    bytes = Buffer.alloc(size);
    for (let at = 0; at < size; ) {
      const n = fs.readSync(fd, bytes, at, size - at, at);
      if (n === 0) break;
      at += n;
    }
  } finally {
    fs.closeSync(fd);
  }
  const m = await filesModule();
  const format = m.sniff(name, bytes);
  if (!['docx', 'xlsx', 'pptx'].includes(format)) return null;
  try {
    return m.extract(bytes, format);
  } catch (e) {
    throw new Error(`${format} file not read: ${e.message}`);
  }
}

/**
 * The pieces joined into one text for the scan ("\n" between pieces) and a function that maps
 * an offset in it (UTF-16) to its piece: `{ piece, offset }`, offset within the piece's text.
 */
export function joined(pieces) {
  const starts = [];
  let at = 0;
  for (const p of pieces) {
    starts.push(at);
    at += p.text.length + 1;
  }
  const text = pieces.map((p) => p.text).join('\n');
  const pieceAt = (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { piece: pieces[lo], offset: offset - starts[lo] };
  };
  return { text, pieceAt };
}

/** 1-based line and column (UTF-16) of `offset` in `text`. */
export function lineColumn(text, offset) {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** A location as people name it: "Kunden!B2", "paragraph 12", "word/footnotes.xml paragraph 1", "slide 3", "slide 3 notes". */
export function locationLabel(location) {
  switch (location.type) {
    case 'cell': {
      const sheet = /^[\p{L}\p{N}_]+$/u.test(location.sheet) ? location.sheet : `'${location.sheet.replaceAll("'", "''")}'`;
      return `${sheet}!${location.cell}`;
    }
    case 'paragraph':
      return location.part === 'word/document.xml' ? `paragraph ${location.index}` : `${location.part} paragraph ${location.index}`;
    case 'slide':
      return `slide ${location.slide}`;
    case 'notes':
      return `slide ${location.slide} notes`;
    default:
      return location.type;
  }
}
