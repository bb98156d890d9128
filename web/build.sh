#!/bin/sh
# Builds the web app into web/dist/ (or NAASTENMETER_DIST, for example a
# build around another instrument that must not replace the default one):
# the release wasm (opt-level z, LTO),
# shrunk with wasm-opt -Oz from the locally installed binaryen, plus the
# static files. Downloads nothing: wasm-pack runs with --mode no-install.
#
# Needs: wasm-pack, wasm-bindgen-cli 0.2.130 on PATH, the
# wasm32-unknown-unknown target, and `npm ci` in web/ (for wasm-opt).
set -eu
web=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$web")
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
dist="${NAASTENMETER_DIST:-$web/dist}"
case "$dist" in /*) ;; *) dist="$PWD/$dist" ;; esac
# wasm-pack's output goes beside the dist folder when that is not the
# default, so two builds never share one pkg/ folder.
if [ -n "${NAASTENMETER_DIST:-}" ]; then pkg="$dist.pkg"; else pkg="$root/pkg"; fi

cd "$root"
wasm-pack build web --target web --release --out-dir "$pkg" --mode no-install --no-typescript --no-pack

wasm_opt="$web/node_modules/.bin/wasm-opt"
if [ ! -x "$wasm_opt" ]; then
  (cd "$web" && npm ci --no-audit --no-fund)
fi
"$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  "$pkg/naastenmeter_web_bg.wasm" -o "$pkg/naastenmeter_web_bg.wasm"

rm -rf "$dist"
mkdir -p "$dist"
cp "$web/static/index.html" "$web/static/main.js" "$web/static/style.css" "$dist/"
cp "$pkg/naastenmeter_web.js" "$pkg/naastenmeter_web_bg.wasm" "$dist/"
echo "built $dist"
rm -f "$pkg/.gitignore"
