// The driver of bench/module-account.sh: scans every piece of CORPUS (pieces separated by blank
// lines, one Guard.scan each, every detector on) PASSES times with the package in PKG, and
// prints the findings of one pass. Run under callgrind with 2 and 4 passes, the difference is
// what two warm passes cost: the module, its JS glue and V8 together.
//
//   node --predictable --no-liftoff bench/module-count.mjs PKG CORPUS PASSES
import { readFileSync } from 'node:fs';

const [pkg, corpus, passes] = process.argv.slice(2);
const m = await import(`${pkg}/draftguard.js`);
m.initSync({ module: readFileSync(`${pkg}/draftguard_bg.wasm`) });
const guard = new m.Guard({ kinds: m.kinds().map((k) => k.kind) });
const pieces = readFileSync(corpus, 'utf8').split('\n\n');
let found = 0;
for (let r = 0; r < Number(passes); r++) {
  found = 0;
  for (const p of pieces) found += guard.scan(p).length;
}
console.log(found);
