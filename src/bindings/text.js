// A JavaScript string into the module's memory as UTF-8 (src/bindings/mod.rs `utf8`): the
// browser's encoder writes straight into a buffer the module made, where wasm-bindgen's own
// conversion copies ASCII one character at a time in a JavaScript loop (about 35 instructions
// a character: as many as the whole scan of a character of ordinary text). For a short string
// that loop is the cheaper of the two: the module takes those the usual way.

const encoder = new TextEncoder();

/** The UTF-16 length of `text`, or -1 if it is not a string. */
export function units(text) {
  return typeof text === 'string' ? text.length : -1;
}

/**
 * Writes `text` from UTF-16 unit `from` on as UTF-8 into `into`, as much as fits (a character
 * whole or not at all); `done` gets the units read and the bytes written.
 */
export function encodeInto(text, from, into, done) {
  const r = encoder.encodeInto(from > 0 ? text.substring(from) : text, into);
  done[0] = r.read;
  done[1] = r.written;
}
