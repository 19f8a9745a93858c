#!/usr/bin/env bash
# Assembles the publishable npm package `draftguard` in dist/npm/ (git-ignored) from the
# wasm-pack output in pkg/ (run scripts/build.sh first) and the sources in npm/.
#
#   draftguard.js, .d.ts, _bg.wasm   pkg/ as built (`--target web`): bundlers and plain browsers
#   draftguard.cjs, .d.cts           require('draftguard'): wasm-bindgen `--target nodejs` glue for
#                                    the same compiled module (0.2 s, no second cargo build)
#   node.mjs                         import in Node: the web module, initialised synchronously
#   files/draftguard_files.js, _bg.wasm  the files module (docx/xlsx/pptx/text), loaded on the
#                                    first attachment; `draftguard/files`
#   bin/, cli/                       the `draftguard scan` command line
#
# The version is Cargo.toml's; CHANGELOG.md must have an entry for it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

raw=target/wasm32-unknown-unknown/release/draftguard.wasm
for f in pkg/draftguard.js pkg/draftguard.d.ts pkg/draftguard_bg.wasm pkg/files/draftguard_files.js pkg/files/draftguard_files_bg.wasm "$raw"; do
  test -f "$f" || { echo "package: $f is missing; run scripts/build.sh first" >&2; exit 1; }
done

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1)
grep -q "^## \[$version\]" CHANGELOG.md \
  || { echo "package: CHANGELOG.md has no '## [$version]' entry for Cargo.toml's version" >&2; exit 1; }

out=dist/npm
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
wasm-bindgen --target nodejs --remove-name-section --remove-producers-section --out-dir "$tmp" "$raw" 2>&1 | { grep -v "target_features" || true; }
# Both glues must drive the very same module, or require() and import would differ.
cmp -s "$tmp/draftguard_bg.wasm" pkg/draftguard_bg.wasm \
  || { echo "package: $raw does not match pkg/draftguard_bg.wasm; run scripts/build.sh again" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out/bin" "$out/cli" "$out/files"
cp pkg/draftguard.js pkg/draftguard.d.ts pkg/draftguard_bg.wasm "$out/"
# The files module (an attachment's text): beside the core, where draftguard.js imports it
# from on the first attachment; the CLI reads docx/xlsx/pptx with it.
cp pkg/files/draftguard_files.js pkg/files/draftguard_files.d.ts pkg/files/draftguard_files_bg.wasm "$out/files/"
# The files Worker (large attachments off the main thread) and the windows it scans in.
cp pkg/files/worker.js pkg/files/windows.mjs pkg/files/replacements.mjs "$out/files/"
# The CommonJS glue requires the prompt's JavaScript snippet (an ES module): bundle it in as
# CommonJS, so require('draftguard') works on every Node 20 (see scripts/build.sh). esbuild
# follows only plain string requires, and wasm-bindgen writes some as String.raw`...`.
sed -i 's/require(String\.raw`\([^`]*\)`)/require("\1")/g' "$tmp/draftguard.js"
esbuild=$PWD/node_modules/.bin/esbuild
# The files module stays a module of its own (import() on the first attachment, in browsers).
(cd "$tmp" && "$esbuild" draftguard.js --bundle --platform=node --format=cjs \
  --external:./files/draftguard_files.js \
  --log-level=warning --outfile="$OLDPWD/$out/draftguard.cjs")
cp "$tmp/draftguard.d.ts" "$out/draftguard.d.cts"
cp npm/node.mjs "$out/"
cp npm/bin/draftguard.mjs "$out/bin/"
cp npm/cli/*.mjs "$out/cli/"
chmod +x "$out/bin/draftguard.mjs"
cp npm/README.md CHANGELOG.md "$out/"
VERSION="$version" node -e '
  const fs = require("fs");
  const p = JSON.parse(fs.readFileSync("npm/package.json", "utf8"));
  p.version = process.env.VERSION;
  fs.writeFileSync(process.argv[1], JSON.stringify(p, null, 2) + "\n");
' "$out/package.json"
echo "packaged $out/: draftguard@$version ($(du -sk "$out" | cut -f1) KB unpacked)"
