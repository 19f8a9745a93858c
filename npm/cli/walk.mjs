// Walking a directory the way git sees it: what .gitignore files (at every level),
// .git/info/exclude and .draftguardignore files ignore is not entered or listed.
//
// Rules are matched as git matches them while it descends: an entry is asked about on its own
// path, against the rules of every ignore file above it, the deepest file first and the last
// matching rule of a file deciding; an ignored directory is not entered, so nothing below it
// can be re-included (as in git). Precedence, lowest first: the built-in rule (node_modules/),
// .git/info/exclude, then per directory from the top down its .gitignore and its
// .draftguardignore. A directory holding a .git of its own (a submodule, a nested repository)
// starts over with its own exclude file: the .gitignore files of the repository around it do
// not apply inside it, as git sees it; .draftguardignore files above it still do.
//
// Paths are matched as keys: '/'-separated, relative to the top of the repository the walk is
// in (or to the directory walked, outside a repository), directories with a trailing '/'.

import fs from 'node:fs';
import path from 'node:path';
import { decide, parseRules } from './ignore.mjs';

/** The ignore files read in every directory, lowest precedence first. */
export const IGNORE_FILES = ['.gitignore', '.draftguardignore'];

/** Skipped by default, as before ignore files were read; a .gitignore may re-include it. */
const BUILT_IN = { base: '', git: false, ...parseRules('node_modules/\n', '') };

const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * The entries of `dir` and everything below it, in name order, as
 *   { name }              a regular file to scan (its path: `dir` joined with the names below it)
 *   { skipped: { file, reason } }   a symbolic link (links are not followed)
 *   { ignored: path }     a file or directory an ignore rule leaves out (a directory once)
 *   { error: message }    a directory that could not be read
 * `.git` is never entered. With `ignore: false` no ignore file is read and only .git is left out.
 */
export function* walk(dir, { ignore = true } = {}) {
  if (!ignore) {
    yield* descend(dir, '', null);
    return;
  }
  // The repository the directory is in: its exclude file and the ignore files of the
  // directories between its top and `dir` apply to `dir` too, as git applies them.
  const abs = path.resolve(dir);
  const top = repositoryTop(abs);
  const sets = [BUILT_IN];
  let key = '';
  if (top !== null) {
    addExclude(sets, top, '');
    const parts = path.relative(top, abs).split(path.sep).filter(Boolean);
    let at = top;
    for (const part of parts) {
      addIgnoreFiles(sets, at, key);
      at = path.join(at, part);
      key += `${part}/`;
    }
  }
  yield* descend(dir, key, sets);
}

/** The entries below `dir` (whose key is `key`) under the rule sets `sets` (null: no rules). */
function* descend(dir, key, sets) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    yield { error: `${dir}: ${e.code === 'EACCES' ? 'permission denied' : e.message}` };
    return;
  }
  entries.sort(byName);
  if (sets) {
    // A repository of its own: the rules of the repository around it stop at its top.
    if (key !== '' && entries.some((e) => e.name === '.git')) {
      sets = sets.filter((s) => !s.git);
      addExclude(sets, dir, key);
    } else {
      sets = [...sets];
    }
    addIgnoreFiles(sets, dir, key, entries);
  }
  for (const entry of entries) {
    const name = entry.name;
    if (name === '.git') continue;
    const p = path.join(dir, name);
    const isDir = entry.isDirectory();
    if (sets && ignored(sets, `${key}${name}`, name, isDir)) {
      yield { ignored: p };
    } else if (isDir) {
      yield* descend(p, `${key}${name}/`, sets);
    } else if (entry.isFile()) {
      yield { name: p };
    } else if (entry.isSymbolicLink()) {
      yield { skipped: { file: p, reason: 'symbolic link' } };
    }
  }
}

/** Whether the entry with key `key` is ignored: the deepest rule set with a matching rule decides. */
function ignored(sets, key, name, isDir) {
  for (let i = sets.length - 1; i >= 0; i--) {
    const set = sets[i];
    const verdict = decide(set.rules, key.slice(set.base.length), name, isDir);
    if (verdict !== undefined) return verdict;
  }
  return false;
}

/** Adds the rules of `dir`'s ignore files (regular files only, as git reads them). */
function addIgnoreFiles(sets, dir, key, entries) {
  for (const file of IGNORE_FILES) {
    const entry = entries ? entries.find((e) => e.name === file) : statEntry(path.join(dir, file));
    if (!entry?.isFile()) continue;
    const text = readText(path.join(dir, file));
    if (text !== null) sets.push({ git: file === '.gitignore', ...parseRules(text, key) });
  }
}

/** Adds the repository's .git/info/exclude (for a worktree: the main repository's). */
function addExclude(sets, top, key) {
  const gitDir = commonGitDir(path.join(top, '.git'));
  const text = gitDir === null ? null : readText(path.join(gitDir, 'info', 'exclude'));
  if (text !== null) sets.push({ git: true, ...parseRules(text, key) });
}

/** The nearest directory at or above `abs` with a .git entry, or null. */
function repositoryTop(abs) {
  for (let dir = abs; ; dir = path.dirname(dir)) {
    if (statEntry(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return null;
  }
}

/**
 * The git directory that holds info/exclude: `.git` itself, or for a linked worktree or a
 * submodule (`.git` is a file "gitdir: PATH"), that directory's common directory.
 */
function commonGitDir(dotGit) {
  const st = statEntry(dotGit);
  if (st?.isDirectory()) return dotGit;
  if (!st?.isFile()) return null;
  const gitdir = readText(dotGit)?.match(/^gitdir: (.+?)\r?\n?$/m)?.[1];
  if (!gitdir) return null;
  const dir = path.resolve(path.dirname(dotGit), gitdir);
  const common = readText(path.join(dir, 'commondir'))?.trim();
  return common ? path.resolve(dir, common) : dir;
}

function statEntry(p) {
  try {
    return fs.lstatSync(p);
  } catch {
    return null;
  }
}

function readText(p) {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return null;
  }
}
