// The evaluation's own pseudo-random numbers: splitmix32 (the 32-bit cousin of splitmix64,
// Steele, Lea & Flood 2014), so that a seed gives the same drafts on every machine and Node
// version (Math.random and its order of calls are not reproducible).

/** splitmix32 over a 32-bit state: a function returning floats in [0, 1). */
function splitmix32(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return ((z ^ (z >>> 16)) >>> 0) / 2 ** 32;
  };
}

/** A 32-bit seed for item `i` of a run seeded `seed`: drafts do not depend on each other. */
export function subSeed(seed, i) {
  const r = splitmix32((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca77)) >>> 0);
  r();
  return Math.floor(r() * 2 ** 32);
}

/** A generator with the helpers the value and draft generators use. */
export function rng(seed) {
  const next = splitmix32(seed);
  const r = {
    next,
    /** An integer in [lo, hi]. */
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    /** One element of `list`. */
    pick: (list) => list[Math.floor(next() * list.length)],
    /** true with probability p. */
    chance: (p) => next() < p,
    /** n characters drawn from `alphabet`. */
    chars: (alphabet, n) => {
      let s = '';
      for (let i = 0; i < n; i++) s += alphabet[Math.floor(next() * alphabet.length)];
      return s;
    },
    /** n decimal digits (leading zeros allowed). */
    digits: (n) => r.chars('0123456789', n),
    /** A copy of `list` in random order. */
    shuffle: (list) => {
      const a = [...list];
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    },
    /** One of `entries` ([weight, value]) with probability proportional to its weight. */
    weighted: (entries) => {
      const total = entries.reduce((n, [w]) => n + w, 0);
      let x = next() * total;
      for (const [w, v] of entries) {
        if ((x -= w) < 0) return v;
      }
      return entries[entries.length - 1][1];
    },
  };
  return r;
}

export const DIGITS = '0123456789';
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const BASE62 = DIGITS + UPPER + LOWER;
export const BASE64URL = UPPER + LOWER + DIGITS + '-_';
