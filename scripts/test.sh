#!/usr/bin/env bash
# Runs every check, in order: format, lint, native tests, release build, size
# budget, browser tests. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/tests/e2e/node_modules/.bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }
step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy (native and wasm)"
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown -- -D warnings
step "native tests"
cargo test
step "release build"
trunk build --release
step "size budget"
node scripts/size-budget.mjs
step "browser tests (Playwright Test; HTML report in tests/e2e/artifacts/report)"
(cd tests/e2e && DIST="$PWD/../../dist" npx --no-install playwright test)
