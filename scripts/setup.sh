#!/usr/bin/env bash
# Installs every tool the app's build and tests need, skipping what is already
# present at the pinned version. Shared by scripts/serve.sh, scripts/test.sh and CI.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION="0.21.14"
BINARYEN_NPM="132"   # pinned in tests/e2e/package.json too
export PATH="$HOME/.cargo/bin:$PWD/tests/e2e/node_modules/.bin:$PATH"

say() { printf '[setup] %s\n' "$*"; }
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"

# 1. Rust target for the browser build.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. Trunk, pinned (0.22 needs a newer rustc).
if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

# 3. wasm-bindgen-cli, exactly the version in Cargo.lock. Without --locked:
#    its own lockfile names a dependency the registry lacks.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WB_VERSION"; then
  say "installing wasm-bindgen-cli $WB_VERSION"
  cargo install --force "wasm-bindgen-cli@$WB_VERSION"
fi

# 3b. wasm-split-cli, which splits the wasm so the first screen loads only its
#     own code (scripts/split-wasm.mjs). It has no --version: ask cargo.
WASM_SPLIT_VERSION="0.2.4"   # the wasm_split_helpers in Cargo.lock must speak the same protocol
installed=$(cargo install --list)
if ! grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:" <<<"$installed"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION"
  cargo install --locked "wasm_split_cli_support@$WASM_SPLIT_VERSION" --features build-binary
fi

# 4. Debian's Chromium and its driver for the browser tests.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing chromium"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# 5. npm packages of the browser tests (@playwright/test and playwright-core,
#    axe-core, binaryen for wasm-opt) from the committed lockfile.
#    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD keeps Playwright from fetching a browser
#    of its own: the tests drive Debian's Chromium (tests/e2e/playwright.config.mjs).
#    A copy of the lockfile in node_modules/ marks a finished install, so a
#    second run with the same lockfile installs nothing.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if ! cmp -s tests/e2e/package-lock.json tests/e2e/node_modules/.setup-package-lock.json 2>/dev/null; then
  say "installing npm packages"
  (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error \
    && cp package-lock.json node_modules/.setup-package-lock.json)
fi
wasm-opt --version | grep -q "version $BINARYEN_NPM" || { echo "wasm-opt $BINARYEN_NPM expected" >&2; exit 1; }

# 6. Crates, so Trunk can build offline.
cargo fetch --locked -q
say "ready: $(trunk --version), $(wasm-bindgen --version), wasm-split-cli $WASM_SPLIT_VERSION, $(wasm-opt --version), $(/usr/bin/chromium --version)"
