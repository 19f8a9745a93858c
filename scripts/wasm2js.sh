#!/usr/bin/env bash
# Builds the JS engine: the same crate as pkg/ (scanner and attach() prompt), with its
# WebAssembly translated to JavaScript by binaryen's wasm2js. The browser extension loads it
# only where a page's Content-Security-Policy refuses to compile WebAssembly.
#
#   dist/js-engine/draftguard_js.js   one ES module: Guard, attach, kinds, warmUp (as pkg/)
#
# Steps: a release build without the reference-types target feature (its own target dir, so
# pkg/'s build is untouched); wasm-bindgen (bundler glue: plain ES modules, no fetch, no
# WebAssembly API); wasm2js; one patch to the glue; esbuild bundles and minifies. Tools:
# wasm-bindgen-cli, and binaryen + esbuild from package.json (pinned; scripts/setup.sh).
# Skips the slow part (wasm2js, ~30 s) when the compiled module and this script are unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

WASM2JS=node_modules/.bin/wasm2js
ESBUILD=node_modules/.bin/esbuild
for tool in "$WASM2JS" "$ESBUILD"; do
  test -x "$tool" || { echo "wasm2js: $tool is missing; run scripts/setup.sh (npm ci)" >&2; exit 1; }
done

# Why without reference-types: with it (rustc's default), wasm-bindgen's runtime is compiled
# for an externref table (cfg wbg_reference_types), and wasm-bindgen adds that second table
# to the module, which wasm2js refuses ("multiple tables"). Stripping the module's
# target_features section is not enough: `strip = true` already drops it, wasm-bindgen then
# detects the table from the runtime's exports, and the runtime still imports
# __wbindgen_externref_statics_end, which only the externref pass provides. Without the
# feature, wasm-bindgen keeps JS values in its JS-side heap, as on older targets.
target_dir=target/js-engine
# cargo rustc --crate-type cdylib, as scripts/build.sh: LTO applies only so (rust-lang/cargo#9672).
RUSTFLAGS="-C target-feature=-reference-types" \
  cargo rustc --quiet --lib --release --target wasm32-unknown-unknown --target-dir "$target_dir" --crate-type cdylib
wasm="$target_dir/wasm32-unknown-unknown/release/draftguard.wasm"

out=dist/js-engine
stamp=$(cat "$wasm" "$0" package-lock.json | sha256sum | cut -d' ' -f1)
if [ -f "$out/draftguard_js.js" ] && [ "$(cat "$out/.stamp" 2>/dev/null)" = "$stamp" ]; then
  echo "wasm2js: $out/draftguard_js.js is up to date"
  exit 0
fi

work="$target_dir/wasm2js"
rm -rf "$work" "$out"
mkdir -p "$work" "$out"
wasm-bindgen --target bundler --out-name draftguard_js --no-typescript --out-dir "$work" "$wasm"

# rustc's defaults that wasm2js lowers itself (memory.copy/fill, saturating float-to-int,
# sign extension). -Oz and -O measured alike (size within 1 % after minifying, speed within
# the noise of bench/js-engine.mjs); without either the output is 3× larger before minifying.
"$WASM2JS" --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals -Oz "$work/draftguard_js_bg.wasm" -o "$work/draftguard_js_bg.wasm.js"

# The glue notices memory growth by the old buffer being detached, which a real
# WebAssembly.Memory does and wasm2js's emulated memory (a new ArrayBuffer, the old one
# left intact) does not: compare the buffer itself, which is right for both.
node - "$work" <<'EOF'
const fs = require('fs');
const dir = process.argv[2];
const edit = (file, pairs) => {
  let text = fs.readFileSync(`${dir}/${file}`, 'utf8');
  for (const [from, to] of pairs) {
    if (text.split(from).length !== 2) {
      throw new Error(`wasm2js: ${file} changed shape (wasm-bindgen upgrade?); not found once: ${from}`);
    }
    text = text.replace(from, to);
  }
  fs.writeFileSync(`${dir}/${file}`, text);
};
edit('draftguard_js_bg.js', [
  ['cachedUint8ArrayMemory0 === null || cachedUint8ArrayMemory0.byteLength === 0',
   'cachedUint8ArrayMemory0 === null || cachedUint8ArrayMemory0.buffer !== wasm.memory.buffer'],
  // The findings' flat buffer (src/bindings/results.rs) crosses as u32 slices.
  ['cachedUint32ArrayMemory0 === null || cachedUint32ArrayMemory0.byteLength === 0',
   'cachedUint32ArrayMemory0 === null || cachedUint32ArrayMemory0.buffer !== wasm.memory.buffer'],
  ['cachedDataViewMemory0 === null || cachedDataViewMemory0.buffer.detached === true || (cachedDataViewMemory0.buffer.detached === undefined && cachedDataViewMemory0.buffer !== wasm.memory.buffer)',
   'cachedDataViewMemory0 === null || cachedDataViewMemory0.buffer !== wasm.memory.buffer'],
]);
// The bundler glue imports the module as "./x_bg.wasm"; here it is wasm2js's ES module.
edit('draftguard_js.js', [['"./draftguard_js_bg.wasm"', '"./draftguard_js_bg.wasm.js"']]);
// The data segments (the automata, word lists, texts: 360 KB) as strings of one character
// per byte instead of wasm2js's base64: the same bytes, and gzip finds their repeats again
// (base64 cuts every byte across two characters): 419 → 395 KB gzip for the whole file.
{
  const file = `${dir}/draftguard_js_bg.wasm.js`;
  let text = fs.readFileSync(file, 'utf8');
  const call = /base64DecodeToExistingUint8Array\((\w+), (\d+), "([A-Za-z0-9+/=]*)"\)/g;
  if (!call.test(text)) throw new Error('wasm2js: no base64 data segment found (binaryen upgrade?)');
  const escape = { 0x22: '\\"', 0x5c: '\\\\', 0x0a: '\\n', 0x0d: '\\r' };
  text = text.replace(call, (_, view, offset, b64) => {
    const chars = [...Buffer.from(b64, 'base64')].map((b) => escape[b] ?? String.fromCharCode(b)).join('');
    return `bytesToExistingUint8Array(${view}, ${offset}, "${chars}")`;
  });
  const at = 'function initActiveSegments(';
  if (text.split(at).length !== 2) throw new Error(`wasm2js: not found once: ${at}`);
  text = text.replace(at, `function bytesToExistingUint8Array(uint8Array, offset, s) {
  for (var i = 0; i < s.length; i++) uint8Array[offset + i] = s.charCodeAt(i);
}
${at}`);
  fs.writeFileSync(file, text);
}
EOF

# The files module (attachments) stays a module of its own, beside this one.
"$ESBUILD" "$work/draftguard_js.js" --bundle --format=esm --minify --legal-comments=none \
  --external:./files/draftguard_files.js \
  --log-level=warning --outfile="$out/draftguard_js.js"
# Pages with a strict CSP are the reason this file exists: it must not need 'unsafe-eval'.
# (A `Function(...)` after a backtick is text: wasm-bindgen's debug formatting of a function.)
if grep -Eq '(^|[^[:alnum:]_$.`])(eval|Function)\(|new Function' "$out/draftguard_js.js"; then
  echo "wasm2js: $out/draftguard_js.js uses eval or new Function" >&2
  exit 1
fi
echo "$stamp" > "$out/.stamp"
raw=$(wc -c < "$out/draftguard_js.js")
gz=$(gzip -9 -c "$out/draftguard_js.js" | wc -c)
echo "wasm2js: $out/draftguard_js.js ${raw} bytes, ${gz} bytes gzip -9"
