#!/bin/sh
# Builds the JavaScript/TypeScript package into js/pkg/ (package.json,
# naastenmeter_js.js, naastenmeter_js.d.ts, naastenmeter_js_bg.wasm): release
# wasm shrunk with wasm-opt -Oz from the locally installed binaryen (web's
# node_modules), --target web, which works in bundlers and, with initSync,
# in Node.js. Downloads nothing: wasm-pack runs with --mode no-install.
#
# Needs: wasm-pack, wasm-bindgen-cli 0.2.130 on PATH, the
# wasm32-unknown-unknown target, and `npm ci` in web/ (for wasm-opt).
set -eu
js=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$js")
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"

cd "$root"
wasm-pack build js --target web --release --out-dir pkg --mode no-install

wasm_opt="$root/web/node_modules/.bin/wasm-opt"
if [ ! -x "$wasm_opt" ]; then
  (cd "$root/web" && npm ci --no-audit --no-fund)
fi
"$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  "$js/pkg/naastenmeter_js_bg.wasm" -o "$js/pkg/naastenmeter_js_bg.wasm"
echo "built $js/pkg"
