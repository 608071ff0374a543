#!/usr/bin/env bash
# Serves the app on 127.0.0.1 (installing what is missing first). Usage: scripts/serve.sh [--release]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/tests/e2e/node_modules/.bin:$PATH"
PORT="${PORT:-8080}"
echo "Serving the assessment at http://127.0.0.1:$PORT/"
exec trunk serve --address 127.0.0.1 --port "$PORT" "$@"
