#!/bin/sh
# Builds the web app and runs the browser tests in headless Chromium.
#
# Needs (see the README): Debian's chromium at /usr/bin/chromium (or set
# CHROMIUM), Node 20+, wasm-pack, wasm-bindgen-cli 0.2.130, the
# wasm32-unknown-unknown target. npm packages come from package-lock.json.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

"$root/web/build.sh"
# The distribution forms (embed with SRI, single file) from that build.
node "$root/web/package.mjs"
# The app built around an instrument with script, event attributes and
# javascript: URLs in every text, for security.test.mjs; its own folder, so
# web/dist stays the real app.
export NM_HOSTILE_DIST="${NM_HOSTILE_DIST:-$root/target/hostile-dist}"
NAASTENMETER_INSTRUMENT="$root/tests/data/hostile-instrument.json" NAASTENMETER_DIST="$NM_HOSTILE_DIST" "$root/web/build.sh"
cd "$here"
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] || [ ! -d node_modules/jsqr ] || [ ! -d node_modules/pngjs ]; then
  npm ci --no-audit --no-fund
fi
node --test --test-concurrency=1 app.test.mjs flow.test.mjs first-paint.test.mjs back-forward-cache.test.mjs result.test.mjs professional.test.mjs paper.test.mjs embed.test.mjs formal.test.mjs embed-single-file.test.mjs security.test.mjs offline.test.mjs
