#!/usr/bin/env bash
# Sets everything up, builds pkg/ and serves the demo chat page on localhost.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
exec node scripts/serve.mjs
