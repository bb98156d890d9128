#!/bin/sh
# Builds the web app into web/dist/: the release wasm (opt-level z, LTO),
# shrunk with wasm-opt -Oz from the locally installed binaryen, plus the
# static files. Downloads nothing: wasm-pack runs with --mode no-install.
#
# Needs: wasm-pack, wasm-bindgen-cli 0.2.130 on PATH, the
# wasm32-unknown-unknown target, and `npm ci` in web/ (for wasm-opt).
set -eu
web=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$web")
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"

cd "$root"
wasm-pack build web --target web --release --out-dir ../pkg --mode no-install --no-typescript --no-pack

wasm_opt="$web/node_modules/.bin/wasm-opt"
if [ ! -x "$wasm_opt" ]; then
  (cd "$web" && npm ci --no-audit --no-fund)
fi
"$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  "$root/pkg/naastenmeter_web_bg.wasm" -o "$root/pkg/naastenmeter_web_bg.wasm"

rm -rf "$web/dist"
mkdir -p "$web/dist"
cp "$web/static/index.html" "$web/static/main.js" "$web/static/style.css" "$web/dist/"
cp "$root/pkg/naastenmeter_web.js" "$root/pkg/naastenmeter_web_bg.wasm" "$web/dist/"
echo "built $web/dist"
rm -f "$root/pkg/.gitignore"
