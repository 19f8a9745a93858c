#!/usr/bin/env bash
# Installs every tool draftguard needs, at pinned versions, idempotently:
# skips whatever is already present at the right version. Safe to run again.
#
#   rustup target wasm32-unknown-unknown, wasm-pack, wasm-bindgen-cli (matching
#   the crate's pinned wasm-bindgen), a pinned nightly + cargo-fuzz (fuzzing),
#   Debian chromium + chromium-driver, npm dev deps (binaryen's wasm2js and esbuild among
#   them: scripts/wasm2js.sh builds the extension's JavaScript engine with them).
#   `--account`: also valgrind, binutils and twiggy for bench/account.sh (not needed by the tests).
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_PACK_VERSION=0.15.1
WASM_BINDGEN_VERSION=0.2.130   # must equal the `wasm-bindgen = "=…"` pin in Cargo.toml
FUZZ_NIGHTLY=nightly-2026-10-30  # cargo-fuzz needs nightly; scripts/fuzz.sh uses the same
CARGO_FUZZ_VERSION=0.13.2

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

# Cargo.toml and this script must agree, or wasm-pack falls back to a download that fails here.
if ! grep -q "wasm-bindgen = \"=$WASM_BINDGEN_VERSION\"" Cargo.toml; then
  echo "setup: Cargo.toml does not pin wasm-bindgen = \"=$WASM_BINDGEN_VERSION\"" >&2
  exit 1
fi

command -v cargo >/dev/null || { echo "setup: cargo (rustup) is required" >&2; exit 1; }
command -v node >/dev/null || { echo "setup: node 20+ is required" >&2; exit 1; }

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rust target wasm32-unknown-unknown: present"
else
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# Fuzzing (scripts/fuzz.sh) needs a nightly toolchain and cargo-fuzz. If this machine
# cannot fetch a toolchain, say so and go on: scripts/test.sh then skips only the fuzz
# run, and `cargo test` still replays the saved fuzz inputs on stable.
if rustup run "$FUZZ_NIGHTLY" rustc --version >/dev/null 2>&1; then
  say "rust $FUZZ_NIGHTLY (fuzzing): present"
else
  say "installing rust $FUZZ_NIGHTLY (fuzzing, minimal profile)"
  rustup toolchain install "$FUZZ_NIGHTLY" --profile minimal \
    || say "WARNING: could not install $FUZZ_NIGHTLY; the fuzz run will be skipped"
fi
if [ "$(cargo fuzz --version 2>/dev/null)" = "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  say "cargo-fuzz $CARGO_FUZZ_VERSION: present"
else
  say "installing cargo-fuzz $CARGO_FUZZ_VERSION (about a minute)"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --force \
    || say "WARNING: could not install cargo-fuzz; the fuzz run will be skipped"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "wasm-bindgen-cli $WASM_BINDGEN_VERSION: present"
else
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes)"
  # no --locked: a locked dependency version of 0.2.130 is not in the registry
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ "$(wasm-pack --version 2>/dev/null)" = "wasm-pack $WASM_PACK_VERSION" ]; then
  say "wasm-pack $WASM_PACK_VERSION: present"
else
  say "installing wasm-pack $WASM_PACK_VERSION (a few minutes)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked --force
fi

# A CJK font too, so the Chinese prompt renders (and its test screenshots are readable).
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && [ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then
  say "chromium + chromedriver + CJK font: present"
else
  say "installing Debian chromium + chromium-driver + fonts-wqy-microhei"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-wqy-microhei
fi

if [ -f package-lock.json ]; then
  if [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
    say "npm dev dependencies: present"
  else
    say "installing npm dev dependencies (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi
# Vite, webpack and TypeScript for the npm-package tests (tests/package/, its own lock file).
if [ -f tests/package/package-lock.json ]; then
  if [ -d tests/package/node_modules ] && [ tests/package/node_modules/.package-lock.json -nt tests/package/package-lock.json ]; then
    say "package-test dependencies (tests/package): present"
  else
    say "installing package-test dependencies (npm ci in tests/package)"
    npm ci --prefix tests/package --no-audit --no-fund --loglevel=error
  fi
fi
# The engine's account (bench/account.sh) and nothing else needs valgrind (callgrind), GNU
# binutils (addr2line, c++filt) and twiggy: only with --account, never for the tests.
if [ "${1:-}" = "--account" ]; then
  TWIGGY_VERSION=0.8.0
  if command -v valgrind >/dev/null && command -v addr2line >/dev/null && command -v c++filt >/dev/null; then
    say "valgrind + binutils (account): present"
  else
    say "installing Debian valgrind + binutils (account)"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends valgrind binutils
  fi
  if [ "$(twiggy --version 2>/dev/null)" = "twiggy-opt $TWIGGY_VERSION" ]; then
    say "twiggy $TWIGGY_VERSION (account): present"
  else
    say "installing twiggy $TWIGGY_VERSION (account, a few minutes)"
    cargo install twiggy --version "$TWIGGY_VERSION" --locked --force
  fi
fi
say "tools ready"
