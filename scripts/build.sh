#!/usr/bin/env bash
# Builds pkg/ (ES module + .wasm, loadable by browsers and by Node 20 via initSync).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# cargo rustc with --crate-type cdylib, not wasm-pack (cargo build): the crate is also an rlib
# (native tests, examples), and for a crate with both types cargo does not pass -C lto
# (rust-lang/cargo#9672), so the profile's `lto = true` never reached the .wasm (27 KB gzip).
mapfile -t rustc_args < <(grep -v '^#' scripts/wasm-rustc-args)
cargo rustc --quiet --lib --release --target wasm32-unknown-unknown --crate-type cdylib -- "${rustc_args[@]}"
wasm=target/wasm32-unknown-unknown/release/draftguard.wasm
# wasm-opt -Oz from the pinned npm binaryen (Debian's binaryen 108 breaks the module), with the
# features rustc emits (strip = true drops the target_features section it would read them from).
test -x node_modules/.bin/wasm-opt || { echo "build: node_modules/.bin/wasm-opt is missing; run scripts/setup.sh (npm ci)" >&2; exit 1; }
# The module before wasm-opt, which bench/account.sh (the bytes account) can name function by function.
cp "$wasm" "${wasm%.wasm}.pre-opt.wasm"
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$wasm" -o "$wasm.opt"
mv "$wasm.opt" "$wasm"
rm -rf pkg
# Without the debugging `name` section (6.7 KB, 0.8 KB gzip: function names for stack traces,
# which a user never reads) and the `producers` one. scripts/package.sh runs the same.
wasm-bindgen --target web --remove-name-section --remove-producers-section --out-dir pkg "$wasm" 2>&1 | { grep -v "target_features" || true; }
test -f pkg/draftguard_bg.wasm || { echo "build: pkg/draftguard_bg.wasm was not produced" >&2; exit 1; }
# The prompt's own JavaScript (src/web/shell.js: it catches a trap of the wasm) comes out of
# wasm-bindgen as a snippet file beside the glue. Bundle it in: pkg/draftguard.js stays one
# self-contained module for every consumer (the npm package, the extension, the demo), and page
# script cannot import the snippet on its own.
if [ -d pkg/snippets ]; then
  test -x node_modules/.bin/esbuild || { echo "build: node_modules/.bin/esbuild is missing; run scripts/setup.sh (npm ci)" >&2; exit 1; }
  node_modules/.bin/esbuild pkg/draftguard.js --bundle --format=esm --log-level=warning \
    --external:./files/draftguard_files.js \
    --banner:js='/* @ts-self-types="./draftguard.d.ts" */' --allow-overwrite --outfile=pkg/draftguard.js
  rm -rf pkg/snippets
fi
raw=$(wc -c < pkg/draftguard_bg.wasm)
gz=$(gzip -9 -c pkg/draftguard_bg.wasm | wc -c)
echo "built pkg/: draftguard_bg.wasm ${raw} bytes, ${gz} bytes gzip -9"

# The files module (files/: an attachment's text), a second module beside the core, never
# linked into it: the prompt imports ./files/draftguard_files.js (relative to draftguard.js, so
# the npm package, bundlers and the extension find it) on the first attachment, and pages that
# never attach never load it.
cargo rustc --quiet --lib --release -p draftguard-files --target wasm32-unknown-unknown --crate-type cdylib
fwasm=target/wasm32-unknown-unknown/release/draftguard_files.wasm
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$fwasm" -o "$fwasm.opt"
mv "$fwasm.opt" "$fwasm"
wasm-bindgen --target web --remove-name-section --remove-producers-section --out-dir pkg/files "$fwasm" 2>&1 | { grep -v "target_features" || true; }
test -f pkg/files/draftguard_files_bg.wasm || { echo "build: pkg/files/draftguard_files_bg.wasm was not produced" >&2; exit 1; }
# The files Worker (large attachments off the page's main thread: the same engine, the CLI's
# overlapping windows), beside the module it imports.
cp files/js/worker.js npm/cli/windows.mjs npm/cli/replacements.mjs pkg/files/
raw=$(wc -c < pkg/files/draftguard_files_bg.wasm)
gz=$(gzip -9 -c pkg/files/draftguard_files_bg.wasm | wc -c)
echo "built pkg/files/: draftguard_files_bg.wasm ${raw} bytes, ${gz} bytes gzip -9 (loaded on the first attachment)"
