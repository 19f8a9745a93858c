// Loaded into the draftguard CLI by cli.test.mjs (NODE_OPTIONS=--import=this file). It records
// the file-system calls the CLI makes while it writes a file — opens (with their flags), fsyncs,
// closes, renames — and writes them as JSON to $DRAFTGUARD_SPY_LOG when the process exits.
//
// With $DRAFTGUARD_SPY_PLANT set it also plays an attacker who wins the race for the name of
// the CLI's temporary file: just before the CLI first opens a file for writing, a symbolic link
// to $DRAFTGUARD_SPY_PLANT is put at exactly that path. A CLI that opens with O_CREAT|O_EXCL
// gets EEXIST there instead of writing through the link.

import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const real = { ...fs };
const events = [];
const paths = new Map(); // fd -> path
let planted = false;
let recording = true;

const writes = (flags) =>
  typeof flags === 'string' ? /[wa+]/.test(flags) : (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) !== 0;

fs.openSync = function openSync(file, flags = 'r', mode) {
  if (!recording) return real.openSync(file, flags, mode);
  const name = String(file);
  if (process.env.DRAFTGUARD_SPY_PLANT && !planted && writes(flags)) {
    planted = true;
    real.symlinkSync(process.env.DRAFTGUARD_SPY_PLANT, name);
    events.push({ op: 'planted', path: name });
  }
  try {
    const fd = real.openSync(file, flags, mode);
    paths.set(fd, name);
    events.push({ op: 'open', path: name, flags, mode });
    return fd;
  } catch (e) {
    events.push({ op: 'open', path: name, flags, mode, error: e.code });
    throw e;
  }
};
for (const op of ['fsyncSync', 'closeSync', 'fchmodSync', 'fchownSync']) {
  fs[op] = function (fd, ...rest) {
    if (recording) events.push({ op: op.replace(/Sync$/, ''), path: paths.get(fd) ?? `fd ${fd}`, args: rest });
    return real[op](fd, ...rest);
  };
}
fs.renameSync = function renameSync(from, to) {
  if (recording) events.push({ op: 'rename', from: String(from), to: String(to) });
  return real.renameSync(from, to);
};
syncBuiltinESMExports();

process.on('exit', () => {
  recording = false;
  if (process.env.DRAFTGUARD_SPY_LOG) {
    real.writeFileSync(process.env.DRAFTGUARD_SPY_LOG, JSON.stringify({ pid: process.pid, events }, null, 1));
  }
});
