// Node entry for `import ... from 'draftguard'` (Node 20+): the browser/bundler module,
// initialised synchronously from the .wasm next to it, so Guard works right after import.
// `init()` and `initSync()` stay exported; after this they return at once, so code written
// for the browser (`await init()`) runs unchanged.
import { readFileSync } from 'node:fs';
import { initSync } from './draftguard.js';

initSync({ module: readFileSync(new URL('./draftguard_bg.wasm', import.meta.url)) });

export * from './draftguard.js';
export { default } from './draftguard.js';
