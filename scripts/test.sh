#!/usr/bin/env bash
# Runs every test draftguard has, after installing what they need (idempotent).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
step() { printf '\n\033[1m=== %s\033[0m\n' "$*"; }

step "format";                     cargo fmt --check
step "clippy (native)";            cargo clippy --all-targets -- -D warnings
step "clippy (wasm32)";            cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
step "native tests";               cargo test
step "build pkg/";                 bash scripts/build.sh
step "wasm tests in Node";         wasm-pack test --node -- --test wasm_node
step "wasm tests in Chromium";     wasm-pack test --headless --chrome -- --test wasm_browser
step "JS API tests (Node)";        node --test tests/js/
step "demo page end-to-end (Playwright + Chromium)"; node --test tests/e2e/
step "npm package: assemble dist/npm/"; bash scripts/package.sh
step "npm package + CLI from the packed tarball (Vite, webpack, plain page in Chromium; Node ESM/CJS; TypeScript)"; node --test tests/package/
step "browser extension: assemble dist/extension/"; bash scripts/extension.sh
step "browser extension loaded unpacked in Chromium (new headless)"; node --test tests/extension/
step "all tests passed"
