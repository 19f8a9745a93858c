// Ignore rules with git's semantics (gitignore(5)): the rules of one .gitignore,
// .draftguardignore or .git/info/exclude file, matched against paths below the directory they
// belong to.
//
// Written here rather than taken from a package: the walk needs git's own question, "does the
// last rule of this file that matches *this path itself* (not a parent) ignore or re-include
// it", asked level by level as it descends (an ignored directory is never entered, so its
// parents are never asked about again). The npm `ignore` package answers a different one (it
// folds parent directories into each answer), which gives wrong results once a deeper file
// re-includes what a shallower one ignores.

/** An ignore file's rules. `base` is its directory as a key ('' or 'dir/sub/'), see walk.mjs. */
export function parseRules(text, base) {
  const rules = [];
  for (let line of text.split('\n')) {
    if (line.endsWith('\r')) line = line.slice(0, -1);
    const rule = parseRule(line);
    if (rule) rules.push(rule);
  }
  return { base, rules };
}

/** One line of an ignore file as { negative, dirOnly, basename, re }, or null if it is no rule. */
export function parseRule(line) {
  if (line === '' || line.startsWith('#')) return null;
  let p = trimTrailingSpaces(line);
  let negative = false;
  if (p.startsWith('!')) {
    negative = true;
    p = p.slice(1);
  }
  let dirOnly = false;
  if (p.endsWith('/')) {
    dirOnly = true;
    p = p.slice(0, -1);
  }
  if (p === '') return null;
  // No slash left: the pattern matches a name at any depth below the file's directory.
  // Otherwise it matches the path relative to that directory (a leading slash only anchors).
  const basename = !p.includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  const source = globToRegExp(bytes(p));
  return { negative, dirOnly, basename, re: source === null ? null : new RegExp(`^${source}$`, 'u') };
}

/**
 * Whether `rules` say `rel` (relative to their base, '/'-separated; `name` its last part) is
 * ignored (true), re-included (false), or nothing matches (undefined). The last match wins.
 */
export function decide(rules, rel, name, isDir) {
  for (let i = rules.length - 1; i >= 0; i--) {
    const r = rules[i];
    if (r.re === null || (r.dirOnly && !isDir)) continue;
    if (r.re.test(bytes(r.basename ? name : rel))) return !r.negative;
  }
  return undefined;
}

/**
 * A string's UTF-8 bytes, one character each: git matches bytes, so `?` or `[!a]` is one byte
 * of "é" (two bytes), which then does not match. ASCII strings are their own bytes.
 */
const bytes = (s) => (/[^\x00-\x7f]/.test(s) ? Buffer.from(s, 'utf8').toString('latin1') : s);

/** Drops unescaped trailing spaces (only spaces, as git does; "\ " keeps one). */
function trimTrailingSpaces(s) {
  let end = s.length;
  let lastSpace = -1;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === ' ') {
      if (lastSpace === -1) lastSpace = i;
    } else {
      if (s[i] === '\\') {
        i++;
        if (i === s.length) return s;
      }
      lastSpace = -1;
    }
  }
  if (lastSpace !== -1) end = lastSpace;
  return s.slice(0, end);
}

const CLASSES = {
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  blank: ' \\t',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '\\x21-\\x7e',
  lower: 'a-z',
  print: '\\x20-\\x7e',
  punct: '!-\\/:-@\\[-`{-~',
  space: ' \\t\\n\\r\\f\\v',
  upper: 'A-Z',
  xdigit: '0-9a-fA-F',
};

const literal = (c) => `\\u{${c.codePointAt(0).toString(16)}}`;

/**
 * A glob as git's wildmatch reads it (with WM_PATHNAME) as a regular expression source, or
 * null for a pattern that can match nothing (an unclosed "[", a trailing backslash).
 * `*`, `?` and `[...]` never match "/"; `**` matches across directories only as a whole
 * path component: a leading "**\/", a trailing "/**", or "/**\/" in the middle (zero or more
 * directories); any other run of stars is one `*`.
 */
function globToRegExp(p) {
  let out = '';
  const chars = [...p];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '\\') {
      if (i + 1 === chars.length) return null;
      out += literal(chars[++i]);
    } else if (c === '*') {
      let j = i;
      while (chars[j + 1] === '*') j++;
      const atStart = i === 0 || chars[i - 1] === '/';
      if (j > i && atStart && chars[j + 1] === '/') {
        out += '(?:.*/)?'; // "**/": zero or more directories
        i = j + 1;
      } else if (j > i && atStart && j + 1 === chars.length) {
        out += '.*'; // "/**" at the end: everything inside
        i = j;
      } else {
        out += '[^/]*';
        i = j;
      }
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const cls = bracket(chars, i);
      if (cls === null) return null;
      out += cls.source;
      i = cls.end;
    } else {
      out += literal(c);
    }
  }
  return out;
}

/** The bracket expression opening at chars[at]: { source, end } (end: index of its "]"), or null. */
function bracket(chars, at) {
  let i = at + 1;
  let negate = false;
  if (chars[i] === '!' || chars[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  for (let first = true; i < chars.length; first = false, i++) {
    let c = chars[i];
    if (c === ']' && !first) return { source: negate ? `[^/${body}]` : `(?!/)[${body}]`, end: i };
    if (c === '[' && chars[i + 1] === ':') {
      const close = chars.indexOf(':', i + 2);
      const name = close === -1 ? '' : chars.slice(i + 2, close).join('');
      if (close !== -1 && chars[close + 1] === ']') {
        if (!(name in CLASSES)) return null;
        body += CLASSES[name];
        i = close + 1;
        continue;
      }
    }
    if (c === '\\') {
      i++;
      if (i === chars.length) return null;
      c = chars[i];
    }
    let item = literal(c);
    if (chars[i + 1] === '-' && chars[i + 2] !== undefined && chars[i + 2] !== ']') {
      let hi = chars[i + 2];
      i += 2;
      if (hi === '\\') {
        i++;
        if (i === chars.length) return null;
        hi = chars[i];
      }
      // Reversed ("z-a"): wildmatch has already matched its first character on its own.
      if (hi.codePointAt(0) >= c.codePointAt(0)) {
        item += `-${literal(hi)}`;
      }
    }
    body += item;
  }
  return null; // no closing "]"
}
