#!/usr/bin/env bash
# Builds pkg/ (ES module + .wasm, loadable by browsers and by Node 20 via initSync).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
wasm-pack --quiet build --target web --release --out-dir pkg 2>&1 | grep -v "target_features" || true
test -f pkg/draftguard_bg.wasm || { echo "build: pkg/draftguard_bg.wasm was not produced" >&2; exit 1; }
raw=$(wc -c < pkg/draftguard_bg.wasm)
gz=$(gzip -9 -c pkg/draftguard_bg.wasm | wc -c)
echo "built pkg/: draftguard_bg.wasm ${raw} bytes, ${gz} bytes gzip -9"
