#!/usr/bin/env bash
# Builds the release app and benchmarks it (sizes, browser timings, native scoring).
# Set NO_BUILD=1 to bench the existing dist/ as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/tests/e2e/node_modules/.bin:$PATH"
[ -n "${NO_BUILD:-}" ] || trunk build --release
exec node tests/e2e/bench.mjs
