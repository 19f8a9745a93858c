#!/usr/bin/env bash
# Assembles the Manifest V3 browser extension in dist/extension/ (load it unpacked from there)
# and packs it as dist/draftguard-extension-VERSION.zip (what the Chrome Web Store takes).
# Sources: extension/; the engine: pkg/draftguard.js + pkg/draftguard_bg.wasm (run
# scripts/build.sh first), and for pages whose CSP refuses WebAssembly the same engine as
# JavaScript, dist/js-engine/draftguard_js.js (built here by scripts/wasm2js.sh). The
# version is Cargo.toml's.
set -euo pipefail
cd "$(dirname "$0")/.."

for f in pkg/draftguard.js pkg/draftguard_bg.wasm pkg/files/draftguard_files.js pkg/files/draftguard_files_bg.wasm; do
  test -f "$f" || { echo "extension: $f is missing; run scripts/build.sh first" >&2; exit 1; }
done
bash scripts/wasm2js.sh
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1)

out=dist/extension
rm -rf "$out"
mkdir -p "$out"
cp extension/*.js extension/*.mjs extension/*.html extension/*.css "$out/"
cp pkg/draftguard.js pkg/draftguard_bg.wasm dist/js-engine/draftguard_js.js "$out/"
# The files module, which draftguard.js imports (./files/) on the first attachment.
mkdir -p "$out/files"
cp pkg/files/draftguard_files.js pkg/files/draftguard_files_bg.wasm "$out/files/"
# The content script's module in one file: with use_dynamic_url, a module loaded by a content
# script resolves its relative imports to the extension's fixed ID, which pages (and so content
# scripts) may not load; one file has no relative imports. (Not minified: it is short.)
node_modules/.bin/esbuild extension/guard.mjs --bundle --format=esm --log-level=warning --outfile="$out/guard.mjs"
# The options page looks like the prompt: the prompt's colours, radius and type (light and
# dark), taken from its stylesheet.
node --input-type=module - "$out/theme.css" <<'JS'
import { readFileSync, writeFileSync } from 'node:fs';
const css = readFileSync('src/web/prompt.css', 'utf8');
const tokens = (block) => (block.match(/--dg-[a-z-]+:[^;]+;/g) ?? []).map((d) => `  ${d.replace(/\s+/g, ' ')}`);
const light = tokens(css.match(/:host\s*\{[^}]*\}/)?.[0] ?? '');
const dark = tokens(css.match(/prefers-color-scheme:\s*dark\)\s*\{\s*:host\s*\{[^}]*\}/)?.[0] ?? '');
if (light.length < 8 || dark.length < 4) throw new Error('extension: no --dg-* colours found in src/web/prompt.css');
writeFileSync(process.argv[2], `/* The prompt's theme (src/web/prompt.css), written by scripts/extension.sh. */
:root {
${light.join('\n')}
}
@media (prefers-color-scheme: dark) {
  :root {
  ${dark.join('\n  ')}
  }
}
`);
JS
VERSION="$version" node -e '
  const fs = require("fs");
  const m = JSON.parse(fs.readFileSync("extension/manifest.json", "utf8"));
  m.version = process.env.VERSION;
  fs.writeFileSync(process.argv[1], JSON.stringify(m, null, 2) + "\n");
' "$out/manifest.json"

zipfile="dist/draftguard-extension-$version.zip"
rm -f "$zipfile"
# Python's zipfile (python3 is on every machine this project supports; zip may not be).
(cd "$out" && python3 -m zipfile -c "../$(basename "$zipfile")" ./*)
echo "extension: $out/ ($(du -sk "$out" | cut -f1) KB), $zipfile ($(wc -c < "$zipfile") bytes)"
