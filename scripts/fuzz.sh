#!/usr/bin/env bash
# Fuzzes the `scan`, `redact`, `validators`, `live` and `differential` targets (fuzz/fuzz_targets/) for
# SECONDS each (default 10), with nightly Rust and cargo-fuzz (scripts/setup.sh
# installs both; FUZZ_SEED fixes libFuzzer's seed). The corpus starts from the saved regression inputs
# (tests/fuzz-corpus/) and every fixture and draft file; it grows in
# $FUZZ_CORPUS (default fuzz/corpus, not committed). A crash, a timeout
# (10 s per input) or a broken invariant fails the run and leaves the input in
# fuzz/artifacts/<target>/: copy it to tests/fuzz-corpus/<target>/ so stable
# `cargo test --test fuzz_regressions` replays it from then on.
#
#   bash scripts/fuzz.sh 600            # ten minutes per target
#   bash scripts/fuzz.sh 30 redact      # one target
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# Keep in step with scripts/setup.sh.
NIGHTLY=${FUZZ_TOOLCHAIN:-nightly-2026-10-30}
secs=${1:-10}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(scan redact validators live differential)
corpus=${FUZZ_CORPUS:-fuzz/corpus}
for t in "${targets[@]}"; do
  mkdir -p "$corpus/$t"
  cp -n tests/fuzz-corpus/"$t"/* tests/fixtures/*.txt tests/drafts/*.txt "$corpus/$t/"
  # -s none: safe Rust needs no AddressSanitizer, and runs ~3x faster without it;
  # -a: debug assertions (integer overflow panics) stay on.
  log="$corpus/$t.log"
  rc=0
  seed=()
  [ -z "${FUZZ_SEED:-}" ] || seed=(-seed="$FUZZ_SEED")
  cargo "+$NIGHTLY" fuzz run --sanitizer none --debug-assertions "$t" "$corpus/$t" -- \
    -max_total_time="$secs" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 "${seed[@]}" >"$log" 2>&1 || rc=$?
  if [ "$rc" -ne 0 ]; then
    tail -n 60 "$log" >&2
    echo "fuzz: target $t failed (input saved under fuzz/artifacts/$t/)" >&2
    exit 1
  fi
  # The last status line (execs, coverage "cov", features "ft", corpus size) and totals.
  done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -n 1 || true)
  execs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}' || true)
  echo "fuzz $t: ${secs}s, $execs execs — $done_line"
done
