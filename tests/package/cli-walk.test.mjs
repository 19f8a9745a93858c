// `draftguard scan DIR` walks directories the way git sees them (.gitignore at every level,
// .git/info/exclude, .draftguardignore; --no-ignore), and shows progress on a terminal (issue
// 15). The CLI from the packed tarball, installed into a scratch project. Which files git
// ignores is asked of git itself (`git ls-files`), not written down here.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CARD, cleanScratch, scratchProject } from './helpers.mjs';

let dir; // the scratch project: draftguard installed
let bin;

before(() => {
  dir = scratchProject('cli-walk', {}, { type: 'commonjs' });
  bin = path.join(dir, 'node_modules/.bin/draftguard');
});
after(cleanScratch);

function run(cmd, args, cwd, options = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28, ...options });
  if (r.error) throw r.error;
  return r;
}
const cli = (args, cwd) => run(bin, args, cwd);
// The user's global excludes file must not change what git lists here (the CLI does not read it).
const git = (cwd, ...args) => run('git', ['-c', 'core.excludesFile=/dev/null', ...args], cwd);

/** Writes files ({ relative path: text }) under `root`; every text file holds a card number. */
function tree(root, files) {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text ?? `my card: ${CARD}\n`);
  }
  return root;
}

/** A new git repository under the scratch project with `files`. */
function repo(name, files) {
  const root = path.join(dir, name);
  mkdirSync(root, { recursive: true });
  assert.equal(git(root, 'init', '-q').status, 0);
  return tree(root, files);
}

/** The files a scan reported findings in (every test file holds one), sorted, '/'-separated. */
function scanned(args, cwd) {
  const r = cli(['scan', '--json', ...args], cwd);
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return { files: [...new Set(JSON.parse(r.stdout).findings.map((f) => f.file.split(path.sep).join('/')))].sort(), stderr: r.stderr };
}

/** What `git ls-files` lists as tracked or untracked-and-not-ignored, sorted. */
const gitSees = (root) =>
  git(root, 'ls-files', '-z', '--cached', '--others', '--exclude-standard').stdout.split('\0').filter(Boolean).sort();

const withCard = (files) => files.filter((f) => !/(^|\/)\.(gitignore|draftguardignore)$/.test(f));

test('nested .gitignore files (negation, anchored, directory-only, **, escapes, later rules win): the files scanned are exactly the files git lists', () => {
  const root = repo('nested', {
    '.gitignore': [
      '# build output',
      'target/',
      '/dist',
      '*.log',
      '!important.log',
      '!target/debug/keep.txt', // cannot re-include: its directory is ignored
      'docs/**/*.tmp',
      '\\#notes.txt',
      'secret\\ file.txt',
      'trailing.txt   ',
      'cache/**',
      '!cache/**/*.md',
      '',
    ].join('\n'),
    'a.txt': null,
    'target/debug/out.txt': null,
    'target/debug/keep.txt': null,
    'sub/target/x.txt': null,
    'dist/bundle.js': null,
    'sub/dist/kept.js': null,
    'app.log': null,
    'important.log': null,
    'sub/important.log': null,
    'docs/a/b/c.tmp': null,
    'docs/c.tmp': null,
    'docs/readme.md': null,
    '#notes.txt': null,
    'secret file.txt': null,
    'trailing.txt': null,
    'cache/data.txt': null,
    'cache/notes.md': null,
    'cache/x/notes.md': null, // cache/x itself is ignored: nothing below it comes back
    'sub/.gitignore': '*.txt\n!keep.txt\n/local/\ngen/*\n!gen/keep/\n',
    'sub/a.txt': null,
    'sub/keep.txt': null,
    'sub/local/x.md': null,
    'sub/deeper/local/y.md': null,
    'sub/gen/drop.md': null,
    'sub/gen/keep/k.md': null,
    'sub/deeper/.gitignore': '!*.txt\n',
    'sub/deeper/again.txt': null,
  });
  const want = withCard(gitSees(root));
  // The tree says something: git leaves out a good part of it, and keeps the re-included files.
  for (const f of ['a.txt', 'important.log', 'sub/important.log', 'sub/dist/kept.js', 'sub/keep.txt', 'sub/deeper/local/y.md', 'sub/gen/keep/k.md', 'sub/deeper/again.txt', 'docs/readme.md', 'cache/notes.md']) {
    assert.ok(want.includes(f), `git lists ${f}`);
  }
  for (const f of ['target/debug/keep.txt', 'app.log', 'dist/bundle.js', 'sub/a.txt', 'docs/a/b/c.tmp', 'docs/c.tmp', '#notes.txt', 'secret file.txt', 'trailing.txt', 'cache/data.txt', 'cache/x/notes.md']) {
    assert.ok(!want.includes(f), `git ignores ${f}`);
  }
  const { files, stderr } = scanned(['.'], root);
  assert.deepEqual(files, want);
  // The .gitignore files are scanned too (git lists them); the summary counts what was ignored.
  assert.match(stderr, new RegExp(`; ${gitSees(root).length} files scanned, \\d+ ignored\\n`));
  // From a subdirectory, the .gitignore files above it still apply (git applies them).
  assert.deepEqual(scanned(['sub'], root).files, want.filter((f) => f.startsWith('sub/')));
  assert.deepEqual(scanned(['.'], path.join(root, 'sub')).files, want.filter((f) => f.startsWith('sub/')).map((f) => f.slice(4)));
});

test('pattern by pattern, the walk leaves out exactly what git leaves out (git ls-files asked for each of 60 rule sets)', async () => {
  const { walk } = await import(path.join(dir, 'node_modules/draftguard/cli/walk.mjs'));
  const root = repo('patterns', {});
  const names = [
    'a.txt', 'b.txt', 'ab.txt', '1.txt', '*', '[a].txt', '#c', 'a ', '!x', 'c', 'a/b', 'a/c', 'a/x/c', 'a/x/y/c', 'a/x/b.md',
    'b/a.txt', 'b/c', 'b/x.md', 'x/y/z.md', 'x/z.md', 'aXb', 'a/Yb', 'd/e/f/a/g.txt', 'q/a', 'ab/c', 'sp ace.txt', 'é.txt', 'E.TXT',
  ];
  tree(root, Object.fromEntries(names.map((n) => [n, 'x\n'])));
  const ruleSets = [
    '*.txt', '/a.txt', 'a/', 'a', 'a/b', '/a/x/', '**/c', 'a/**', 'a/**/c', '**/a/**', 'a*', '*a*/', '?.txt', '[ab].txt',
    '[!a].txt', '[^a].txt', '[a-c]*', '[[:digit:]]*', '[[:upper:]]*', '\\*', '\\[a].txt', 'b/*.txt', '*/c', 'a/*/c', '**', '*',
    'x/**/*.md', '***.txt', 'a**b', 'a/**b', '#c', '\\#c', '!a', 'a\\ ', 'a ', '\\!x', 'd\\', 'a[', '[z-a]*', 'x/', '/x/z.md',
    'sp ace.txt', 'sp?ace.txt', '?.TXT', 'é.txt', '*/', '/*', 'a/x', 'a/x/**/', 'd/**/a/', 'e/f/', '**/e/f/',
    ['*', '!*/', '!*.md'], ['a/', '!a/b'], ['*.txt', '!b/*.txt'], ['/*', '!/a'], ['a/**', '!a/x/'], ['a/x/', '!a/x/c'],
    ['**/c', '!a/**/c', 'a/x/y/c'], ['*.md', '!x/*.md'],
  ];
  const seen = (lines) => {
    writeFileSync(path.join(root, '.gitignore'), `${[lines].flat().join('\n')}\n`);
    const want = gitSees(root).filter((f) => f !== '.gitignore');
    const got = [...walk(root)].filter((e) => e.name).map((e) => path.relative(root, e.name).split(path.sep).join('/'))
      .filter((f) => f !== '.gitignore').sort();
    return { want, got };
  };
  let differ = [];
  let excluding = 0;
  for (const lines of ruleSets) {
    const { want, got } = seen(lines);
    if (want.length < names.length) excluding += 1;
    if (JSON.stringify(got) !== JSON.stringify(want)) differ.push({ rules: lines, gitOnly: want.filter((f) => !got.includes(f)), walkOnly: got.filter((f) => !want.includes(f)) });
  }
  assert.deepEqual(differ, []);
  assert.ok(excluding >= ruleSets.length - 12, `most rule sets leave something out (${excluding} of ${ruleSets.length})`);
});

test('.git/info/exclude is read, also from a linked worktree (the main repository\'s)', () => {
  const root = repo('exclude', { 'notes.txt': null, 'private/todo.txt': null, 'build.out': null, '.git/info/exclude': 'private/\n*.out\n' });
  assert.equal(git(root, 'add', 'notes.txt').status, 0);
  assert.equal(git(root, '-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', 'commit', '-qm', 'start').status, 0);
  const want = withCard(gitSees(root));
  assert.deepEqual(want, ['notes.txt'], 'git leaves out what info/exclude names');
  assert.deepEqual(scanned(['.'], root).files, want);
  // A linked worktree has a .git file; its exclude file is the main repository's.
  const wt = path.join(dir, 'exclude-worktree');
  assert.equal(git(root, 'worktree', 'add', '-q', wt).status, 0);
  tree(wt, { 'private/todo.txt': null, 'new.txt': null });
  assert.deepEqual(withCard(gitSees(wt)), ['new.txt', 'notes.txt']);
  assert.deepEqual(scanned([wt], dir).files, ['new.txt', 'notes.txt'].map((f) => path.join(wt, f)));
});

test('.draftguardignore: same syntax at any level, after the .gitignore beside it (it may re-include), in a repository or not', () => {
  const root = repo('dgignore', {
    '.gitignore': 'dist/\n',
    '.draftguardignore': '!dist/\n*.snap\n',
    'dist/bundle.js': null,
    'src/app.js': null,
    'src/app.snap': null,
    'src/fixtures/.draftguardignore': '*\n!real.txt\n',
    'src/fixtures/fake-cards.txt': null,
    'src/fixtures/real.txt': null,
  });
  assert.deepEqual(withCard(gitSees(root)).filter((f) => f.startsWith('dist/')), [], 'git ignores dist/');
  assert.deepEqual(scanned(['.'], root).files, ['dist/bundle.js', 'src/app.js', 'src/fixtures/real.txt']);
  // Outside a repository too (and .gitignore files as well: a copy of a repository skips the same files).
  const plain = tree(path.join(dir, 'plain'), {
    '.draftguardignore': 'generated/\n',
    'generated/x.txt': null,
    'notes.txt': null,
    'lib/.gitignore': 'build/\n',
    'lib/build/out.txt': null,
  });
  assert.deepEqual(scanned(['.'], plain).files, ['notes.txt']);
});

test('--no-ignore reads no ignore file and walks node_modules too; .git is never walked', () => {
  const root = repo('noignore', {
    '.gitignore': 'target/\n*.log\n',
    '.draftguardignore': 'notes/\n',
    '.git/info/exclude': 'private/\n',
    'a.txt': null,
    'target/out.txt': null,
    'app.log': null,
    'notes/n.txt': null,
    'private/p.txt': null,
    'node_modules/dep/config.js': null,
  });
  tree(root, { '.git/secret.txt': null });
  const all = ['a.txt', 'app.log', 'node_modules/dep/config.js', 'notes/n.txt', 'private/p.txt', 'target/out.txt'];
  assert.deepEqual(scanned(['--no-ignore', '.'], root).files, all);
  assert.deepEqual(scanned(['.'], root).files, ['a.txt'], 'without it: only what no rule ignores (node_modules is skipped by default)');
  // A .gitignore may re-include node_modules: it is a default rule, not a fixed one.
  tree(root, { '.gitignore': 'target/\n*.log\n!node_modules/\n' });
  assert.deepEqual(scanned(['.'], root).files, ['a.txt', 'node_modules/dep/config.js']);
});

test('a file named on the command line is scanned even if ignored; an ignored directory named is walked', () => {
  const root = repo('explicit', { '.gitignore': '.env\nbuild/\n', '.env': null, 'build/out.js': null, 'build/sub/x.js': null, 'ok.txt': null });
  assert.deepEqual(scanned(['.'], root).files, ['ok.txt'], 'walked: .env and build/ are ignored');
  assert.deepEqual(scanned(['.env', 'ok.txt'], root).files, ['.env', 'ok.txt']);
  assert.deepEqual(scanned(['build'], root).files, ['build/out.js', 'build/sub/x.js']);
});

// ---- progress on a terminal --------------------------------------------------------------

const PROGRESS = /draftguard: [\d,]+ files?, \d+\.\d MB, [\d,]+ findings? so far/;

/**
 * Runs `draftguard scan ARGS` on standard input that comes in two parts 1.5 s apart (a scan
 * that really runs longer than the one second the progress line waits for), with standard
 * error a terminal (`script` runs it in a pseudo-terminal) or a pipe.
 */
function slowScan(args, { terminal }) {
  const part = path.join(dir, 'part.txt');
  writeFileSync(part, `${'The quarterly numbers look fine, see ticket 4521 and room 12 at 10:30 today.\n'.repeat(30000)}card ${CARD}\n`);
  const cmd = `(cat '${part}'; sleep 1.5; cat '${part}') | '${bin}' scan ${args.join(' ')}`;
  // script (util-linux, in Debian's essential bsdutils) gives the command a pseudo-terminal for
  // its stdout and stderr, and copies what the terminal shows to its own stdout.
  return terminal
    ? run('script', ['-qfec', cmd, '/dev/null'], dir, { stdio: ['ignore', 'pipe', 'pipe'] })
    : run('sh', ['-c', cmd], dir, { stdio: ['ignore', 'pipe', 'pipe'] });
}

test('a scan longer than a second shows files, MB and findings so far on a terminal, redrawn in place and erased before the report; never in a pipe', () => {
  let r = slowScan(['--json'], { terminal: true });
  assert.equal(r.status, 1, r.stdout);
  const shown = r.stdout;
  assert.match(shown, PROGRESS, `the progress line: ${JSON.stringify(shown.slice(0, 300))}`);
  assert.match(shown, /\rdraftguard: 0 files, [1-9]\d*\.\d MB, \d+ findings? so far/, 'drawn from the start of the line, with what was read so far');
  // Erased (spaces over it, back to the start of the line) before anything else is written:
  // what the terminal shows after it is the JSON report and the summary, nothing mixed in.
  const erase = [...shown.matchAll(/\r +\r/g)].pop();
  assert.ok(erase, 'the line is erased');
  const end = erase.index + erase[0].length;
  assert.match(shown.slice(shown.lastIndexOf('so far'), end), /^so far *\r +\r$/, 'erased right after its last drawing');
  const rest = shown.slice(end);
  const [json, summary] = rest.replaceAll('\r\n', '\n').split(/\n(?=draftguard: )/);
  assert.equal(JSON.parse(json).findings.filter((f) => f.kind === 'credit_card').length, 2);
  assert.match(summary, /^draftguard: \d+ findings? .*; 1 file scanned\n$/);

  // In a pipe: no progress, whatever the time.
  r = slowScan([], { terminal: false });
  assert.equal(r.status, 1, r.stderr);
  assert.doesNotMatch(r.stderr, /so far/);
  assert.match(r.stderr, /^draftguard: \d+ findings?.*; 1 file scanned\n$/);

  // On a terminal, --no-progress and --quiet turn it off (--quiet the summary too).
  r = slowScan(['--no-progress'], { terminal: true });
  assert.equal(r.status, 1, r.stdout);
  assert.doesNotMatch(r.stdout, /so far/);
  assert.match(r.stdout, /draftguard: \d+ findings?.*; 1 file scanned/);
  r = slowScan(['--quiet'], { terminal: true });
  assert.equal(r.status, 1, r.stdout);
  assert.doesNotMatch(r.stdout, /so far|draftguard:/);
  assert.match(r.stdout, /<stdin>:\d+:\d+: credit_card/, 'findings are still reported');
});
