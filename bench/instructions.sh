#!/usr/bin/env bash
# Instructions per MiB of scan (callgrind; repeatable on a shared machine, unlike wall time).
#   bash bench/instructions.sh [BINARY] [FILE...]
# BINARY defaults to target/release/examples/scan_once (cargo build --release --example scan_once);
# FILE defaults to the bench corpus (5 MiB clean and mixed, written by bench/corpus.mjs).
# Each figure is (instructions scanning FILE - instructions scanning an empty file) / MiB, so
# pattern compilation and the keyword automaton's construction are left out.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/examples/scan_once}
shift || true
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: > "$tmp/empty.txt"
if [ $# -eq 0 ]; then
  node -e "import('./bench/corpus.mjs').then(m => { const fs = require('fs');
    fs.writeFileSync('$tmp/clean.txt', m.corpus(5 * 1024 * 1024, { sensitive: false }));
    fs.writeFileSync('$tmp/mixed.txt', m.corpus(5 * 1024 * 1024)); })"
  set -- "$tmp/clean.txt" "$tmp/mixed.txt"
fi
refs() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 | awk '/refs:/ { gsub(",", "", $NF); print $NF }'; }
financial=credit_card,iban,us_ssn,us_itin,us_aba_routing,bank_account
printf '| file | kinds | instructions / MiB |\n|---|---|---|\n'
for f in "$@"; do
  mib=$(stat -c %s "$f" | awk '{ print $1 / 1048576 }')
  for set in all non-credential financial; do
    case $set in
      all) a=$(refs "$bin" "$f"); e=$(refs "$bin" "$tmp/empty.txt") ;;
      non-credential) a=$(refs "$bin" "$f" credential); e=$(refs "$bin" "$tmp/empty.txt" credential) ;;
      financial) a=$(KINDS=$financial refs "$bin" "$f"); e=$(KINDS=$financial refs "$bin" "$tmp/empty.txt") ;;
    esac
    printf '| %s | %s | %.1f M |\n' "$(basename "$f")" "$set" "$(echo "$a $e $mib" | awk '{ print ($1 - $2) / $3 / 1e6 }')"
  done
done
