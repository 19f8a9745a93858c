#!/usr/bin/env bash
# Where the time goes in the module: instructions of a warm pass in Node, by function (V8's
# code for each wasm function, the JS glue, V8 and Node in C++). Instruction counts repeat to
# 0.1 % on this shared machine, where times move 2x: the way to measure a change to the module,
# the glue or the JS crossing (bench/account.sh counts the native build, which has no crossing).
#
#   bash bench/module-account.sh          # dense and real text, 1 MiB each; about 10 minutes
#   MODULE_TOP=40 bash bench/module-account.sh
#
# Node runs with --predictable (one thread, fixed seeds) and --no-liftoff (every function
# compiled by TurboFan, as a warm page has them), under callgrind, twice per corpus: 2 and 4
# passes over it; the difference, halved, is what a warm pass costs (V8 still optimises the
# glue in the first passes). The functions are named by
# V8's perf map (--perf-basic-prof) of a build that keeps the module's name section
# (target/module-account: the release profile without `strip`; the shipped code, but for the
# name section and a few bytes of layout). Needs valgrind: bash scripts/setup.sh --account
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
size=${ACCOUNT_BYTES:-1048576}
top=${MODULE_TOP:-25}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v valgrind >/dev/null || bash scripts/setup.sh --account
test -x node_modules/.bin/wasm-opt || { echo "module-account: run scripts/setup.sh first (npm ci)" >&2; exit 1; }

# The module with its function names: the release build, unstripped, then wasm-opt and
# wasm-bindgen as scripts/build.sh runs them, keeping the name section.
mapfile -t rustc_args < <(grep -v '^#' scripts/wasm-rustc-args)
CARGO_TARGET_DIR=target/module-account CARGO_PROFILE_RELEASE_STRIP=false \
  cargo rustc --quiet --lib --release --target wasm32-unknown-unknown --crate-type cdylib -- "${rustc_args[@]}"
wasm=target/module-account/wasm32-unknown-unknown/release/draftguard.wasm
node_modules/.bin/wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$wasm" -o "$tmp/draftguard.wasm"
wasm-bindgen --target web --out-dir "$tmp/pkg" "$tmp/draftguard.wasm" 2>&1 | { grep -v "target_features" || true; }

node bench/dense.mjs "$size" > "$tmp/dense.txt"
node bench/realtext.mjs "$size" > "$tmp/real.txt" 2> /dev/null
commit=$(git rev-parse --short HEAD)
git diff --quiet HEAD -- src Cargo.toml Cargo.lock || commit="$commit with uncommitted changes"
echo "Measured on $(date -u +%Y-%m-%d) at $commit ($(node --version); every detector on)."
echo
for corpus in dense real; do
  for passes in 2 4; do
    # V8 writes its perf map to /tmp/perf-<pid>.map; valgrind runs node in its own process.
    valgrind --tool=callgrind --dump-instr=yes --callgrind-out-file="$tmp/$corpus-$passes.cg" \
      node --predictable --no-liftoff --perf-basic-prof bench/module-count.mjs "$tmp/pkg" "$tmp/$corpus.txt" "$passes" \
      > "$tmp/$corpus-$passes.out" 2> "$tmp/$corpus-$passes.log" &
    pid=$!
    wait "$pid" || { cat "$tmp/$corpus-$passes.log" >&2; exit 1; }
    mv "/tmp/perf-$pid.map" "$tmp/$corpus-$passes.map"
  done
  python3 bench/module-account.py "$corpus" "$(wc -c < "$tmp/$corpus.txt")" "$top" \
    "$tmp/$corpus-2.cg" "$tmp/$corpus-2.map" 2 "$tmp/$corpus-4.cg" "$tmp/$corpus-4.map" 4
done
