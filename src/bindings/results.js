// draftguard's result objects, built in JavaScript from a flat buffer the module writes
// (src/bindings/results.rs). Building each object from Rust costs one crossing per key and a
// string decode per value; here the strings of a whole result arrive as one string, decoded once,
// and every object is one literal with the same keys in the same order (one hidden class).
//
// `text` holds every string of the result end to end; `ends[i]` is where string i ends in it
// (UTF-16 units). `records` holds per finding: kind, category, start, end (UTF-16 units of the
// draft), confidence, preview, value (NONE: no value), the number of reasons, then the reasons;
// kind, category, confidence, preview, value and reasons as string numbers.

const NONE = 0xffffffff;

/** The findings of `records` as plain `Finding` objects, in order. */
export function findings(text, ends, records) {
  const strings = new Array(ends.length);
  for (let i = 0, at = 0; i < ends.length; i++) {
    strings[i] = text.slice(at, ends[i]);
    at = ends[i];
  }
  const out = [];
  for (let i = 0; i < records.length; ) {
    const count = records[i + 7];
    const reasons = new Array(count);
    for (let r = 0; r < count; r++) reasons[r] = strings[records[i + 8 + r]];
    const value = records[i + 6];
    out.push(
      value === NONE
        ? {
            kind: strings[records[i]],
            category: strings[records[i + 1]],
            start: records[i + 2],
            end: records[i + 3],
            confidence: strings[records[i + 4]],
            reasons,
            preview: strings[records[i + 5]],
          }
        : {
            kind: strings[records[i]],
            category: strings[records[i + 1]],
            start: records[i + 2],
            end: records[i + 3],
            confidence: strings[records[i + 4]],
            reasons,
            preview: strings[records[i + 5]],
            value: strings[value],
          },
    );
    i += 8 + count;
  }
  return out;
}

/**
 * A live scan's next result: the first `before` objects of `last`, then `built`, then the
 * objects of `last` from `after` on — the same objects if `moved` is 0, else copies whose
 * offsets moved by `moved` UTF-16 units (the objects handed out before never change).
 */
export function spliced(last, before, built, after, moved) {
  const out = last.slice(0, before);
  for (let i = 0; i < built.length; i++) out.push(built[i]);
  for (let i = after; i < last.length; i++) {
    const f = last[i];
    if (moved === 0) {
      out.push(f);
    } else {
      const copy = { ...f };
      copy.start = f.start + moved;
      copy.end = f.end + moved;
      out.push(copy);
    }
  }
  return out;
}
