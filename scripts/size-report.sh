#!/usr/bin/env bash
# Where the first-load bytes are: the size of each file of the release build, the
# first screen's wasm split into code and data, and its largest functions and data
# (twiggy, on that module as the split leaves it, before wasm-bindgen and
# wasm-opt, where names are still there).
# Installs twiggy on first use. Usage: scripts/size-report.sh [--build] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/tests/e2e/node_modules/.bin:$PATH"
TWIGGY_VERSION=0.8.0
if ! command -v twiggy >/dev/null 2>&1; then
  echo "installing twiggy $TWIGGY_VERSION (first use)"
  cargo install twiggy --version "$TWIGGY_VERSION" --locked
fi
if [[ "${1:-}" == "--build" ]]; then shift; trunk build --release; fi
top="${1:-30}"
wasm=$(ls dist/assets/soc-readiness_bg-*.wasm 2>/dev/null | head -1 || true)
raw=target/wasm-split/wasm-release/soc-readiness.wasm   # written by scripts/split-wasm.mjs
if [[ -z "$wasm" || ! -f "$raw" ]]; then
  echo "no release build: run scripts/size-report.sh --build" >&2
  exit 1
fi

echo "== Files: the first load, then the parts fetched after it (gzip -9) =="
node -e "import('./scripts/size-budget.mjs').then(m => console.log(m.sizeTable(m.measureDist('dist')).text))"
echo
echo "== The first screen's wasm by section (bytes; notData is what the browser compiles) =="
node scripts/wasm-sections.mjs "$wasm"
echo
echo "== Its largest items before wasm-opt (twiggy top $top, names kept) =="
twiggy top -n "$top" "$raw" | grep -v "custom section\|\"function names\"" | cut -c1-160
