#!/usr/bin/env bash
# Runs every test draftguard has, after installing what they need (idempotent).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
step() { printf '\n\033[1m=== %s\033[0m\n' "$*"; }

step "format";                     cargo fmt --all --check
# One command per line: under `set -e` a failure inside `a && b && c` (but
# the last) does not stop the script, and a failing check went unnoticed.
step "clippy (native)";            cargo clippy --all-targets -- -D warnings
cargo clippy -p draftguard-gen --all-targets -- -D warnings
cargo clippy -p draftguard-files --all-targets -- -D warnings
step "clippy (wasm32)";            cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
step "native tests";               cargo test
step "attachments' text (files/: docx, xlsx, pptx, text; malformed and damaged files)"; cargo test -p draftguard-files
step "automata generator: src/pattern/automata.bin is what gen/ builds"; cargo test -p draftguard-gen
step "differential: the engine with and without its shortcuts (digit set, context gates), 20 MB (release)"
DIFFERENTIAL_MB=20 cargo test --release --test differential
step "fuzz, 10 s per target (longer: bash scripts/fuzz.sh 600)"
if cargo +nightly-2026-10-30 fuzz --version >/dev/null 2>&1; then
  FUZZ_SEED=1 bash scripts/fuzz.sh 10
else
  echo "SKIPPED: nightly-2026-10-30 or cargo-fuzz is not installed (see scripts/setup.sh)"
fi
step "build pkg/";                 bash scripts/build.sh
step "wasm tests in Node";         wasm-pack test --node -- --test wasm_node
step "wasm tests in Chromium";     wasm-pack test --headless --chrome -- --test wasm_browser
step "JS API tests (Node)";        node --test tests/js/
step "bench smoke: tiny sizes, numbers meaningless (the real run: node bench/run.mjs)"
node bench/run.mjs --quick --no-native
node bench/floods.mjs --quick x
node bench/dialog.mjs --quick
step "accuracy evaluation: the generator is deterministic, its values valid, --quick end to end (the table: node bench/eval.mjs)"; node --test bench/eval/test.mjs
step "demo page end-to-end (Playwright + Chromium)"; node --test tests/e2e/
step "npm package: assemble dist/npm/"; bash scripts/package.sh
step "npm package + CLI from the packed tarball (Vite, webpack, plain page in Chromium; Node ESM/CJS; TypeScript)"; node --test tests/package/
step "browser extension: assemble dist/extension/"; bash scripts/extension.sh
step "browser extension loaded unpacked in Chromium (new headless)"; node --test tests/extension/
step "all tests passed"
