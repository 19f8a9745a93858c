#!/usr/bin/env bash
# The engine's account (issue 13): where the time and the bytes go. Prints the two tables
# that README.md's "Where the time and the bytes go" shows.
#
#   bash bench/account.sh          # both, about 5 minutes (builds included)
#   bash bench/account.sh time     # instructions per finding by stage (callgrind), dense and clean corpus
#   bash bench/account.sh bytes    # the shipped .wasm by crate, by function, the data section by symbol
#
# Time: examples/account.rs (release, with debug info) scans a 1 MiB dense corpus
# (bench/dense.mjs, one scan per paragraph) and a 1 MiB clean one (bench/corpus.mjs
# without sensitive values, one scan) twice under callgrind, each pass dumped apart;
# bench/account-time.py gives every instruction to one stage (its table: STAGES).
# Bytes: pkg/ as scripts/build.sh builds it, and the same build again with a link map;
# bench/account-bytes.py checks that the second is byte for byte the first, then
# attributes every byte of the shipped module.
#
# Needs valgrind, GNU binutils (addr2line, c++filt) and twiggy 0.8.0: bash scripts/setup.sh --account
# ACCOUNT_BYTES=262144 bash bench/account.sh time   # a smaller corpus (default 1048576)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
what=${1:-all}
case $what in all | time | bytes) ;; *) echo "usage: bash bench/account.sh [time|bytes]" >&2; exit 2 ;; esac
size=${ACCOUNT_BYTES:-1048576}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for tool in valgrind addr2line c++filt twiggy python3 node; do
  if ! command -v "$tool" >/dev/null; then
    echo "account: $tool is missing; installing the account's tools (bash scripts/setup.sh --account)" >&2
    bash scripts/setup.sh --account
    break
  fi
done

commit=$(git rev-parse --short HEAD)
git diff --quiet HEAD -- src Cargo.toml Cargo.lock examples || commit="$commit with uncommitted changes"
echo "Measured on $(date -u +%Y-%m-%d) at $commit ($(rustc --version | cut -d' ' -f1-2))."

time_account() {
  echo
  echo "## Where the time goes (callgrind: instructions, not seconds)"
  echo
  # Its own target dir: debug info changes the release build's fingerprint.
  CARGO_TARGET_DIR=target/account CARGO_PROFILE_RELEASE_DEBUG=true CARGO_PROFILE_RELEASE_STRIP=false \
    cargo build --quiet --release --example account
  local bin=target/account/release/examples/account
  node bench/dense.mjs "$size" > "$tmp/dense.txt"
  node --input-type=module -e "import { corpus } from './bench/corpus.mjs';
    process.stdout.write(corpus($size, { sensitive: false }));" > "$tmp/clean.txt"
  local c
  for c in dense clean; do
    # Collect only inside the two passes; dump after each: $c.cg.1 (first pass), $c.cg.2 (again).
    valgrind --tool=callgrind --dump-instr=yes --collect-atstart=no \
      --toggle-collect='account::cold_pass' --toggle-collect='account::warm_pass' \
      --dump-after='*::cold_pass' --dump-after='*::warm_pass' \
      --callgrind-out-file="$tmp/$c.cg" "$bin" "$tmp/$c.txt" > "$tmp/$c.out" 2> "$tmp/$c.log" ||
      { cat "$tmp/$c.log" >&2; exit 1; }
  done
  local dense_paras dense_bytes dense_found clean_paras clean_bytes clean_found
  read -r dense_paras dense_bytes dense_found < "$tmp/dense.out"
  read -r clean_paras clean_bytes clean_found < "$tmp/clean.out"
  echo "Corpora: dense, $dense_bytes bytes in $dense_paras paragraphs, one scan each (bench/dense.mjs);"
  echo "clean, $clean_bytes bytes without sensitive values, one scan (bench/corpus.mjs). Default guard."
  echo "\"again\": the second pass over the same text (patterns compiled, lazy DFAs warm), as on a page"
  echo "that has been guarding drafts for a while; \"first pass\": the first scans after loading."
  echo
  python3 bench/account-time.py "$bin" \
    --run 'dense, again' "$tmp/dense.cg.2" "$dense_bytes" "$dense_found" 10 \
    --run 'dense, first pass' "$tmp/dense.cg.1" "$dense_bytes" "$dense_found" 5 \
    --run 'clean, again' "$tmp/clean.cg.2" "$clean_bytes" "$clean_found" 5
}

bytes_account() {
  echo
  echo "## Where the bytes go (the shipped .wasm)"
  echo
  bash scripts/build.sh > "$tmp/build.log" 2>&1 || { cat "$tmp/build.log" >&2; exit 1; }
  # The same build with a link map, in its own target dir (the flag changes the fingerprint);
  # a fixed map path, or every run would rebuild every crate.
  mkdir -p target/account-wasm
  local map=$PWD/target/account-wasm/draftguard.map
  # As scripts/build.sh builds it (cargo rustc, cdylib: LTO), before wasm-opt: wasm-opt rewrites
  # function bodies, so a link map names the module it gets, not the one it makes.
    local rustc_args
  mapfile -t rustc_args < <(grep -v '^#' scripts/wasm-rustc-args)
  CARGO_TARGET_DIR=target/account-wasm CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C link-arg=--Map=$map" \
    cargo rustc --quiet --lib --release --target wasm32-unknown-unknown --crate-type cdylib -- "${rustc_args[@]}"
  local raw=target/account-wasm/wasm32-unknown-unknown/release/draftguard.wasm
  wasm-bindgen --target web --out-dir "$tmp/bindgen" "$raw" 2> "$tmp/bindgen.log"
  if ! cmp -s "$raw" target/wasm32-unknown-unknown/release/draftguard.pre-opt.wasm; then
    echo "account: the build with a link map differs from scripts/build.sh's (before wasm-opt); its map cannot describe it" >&2
    exit 1
  fi
  local module=$tmp/bindgen/draftguard_bg.wasm
  echo "Shipped (pkg/draftguard_bg.wasm, after wasm-opt -Oz): $(wc -c < pkg/draftguard_bg.wasm) bytes," \
    "$(gzip -9 -c pkg/draftguard_bg.wasm | wc -c) bytes gzip -9. Described below: the same module before" \
    "wasm-opt, $(wc -c < "$module") bytes, $(gzip -9 -c "$module" | wc -c) bytes gzip -9 (wasm-opt rewrites"
  echo "function bodies, so only this one can be named function by function)."
  echo
  twiggy top -f csv -n 10000000 "$module" > "$tmp/twiggy.csv"
  python3 bench/account-bytes.py "$module" "$raw" "$map" --twiggy "$tmp/twiggy.csv"
}

case $what in
  time) time_account ;;
  bytes) bytes_account ;;
  all) time_account; bytes_account ;;
esac
