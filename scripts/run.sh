#!/usr/bin/env bash
# Sets up, builds the web app and serves it on http://localhost:8080
# (another port: PORT=9000 scripts/run.sh). Stop with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh
./web/build.sh
exec node web/serve.mjs --dir web/dist --port "${PORT:-8080}"
