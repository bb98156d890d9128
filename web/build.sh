#!/bin/sh
# Builds the web app into web/dist/ (or NAASTENMETER_DIST, for example a
# build around another instrument that must not replace the default one):
# the release wasm (opt-level z, LTO),
# shrunk with wasm-opt -Oz from the locally installed binaryen, plus the
# static files with the welcome page prerendered into index.html, and the
# printable questionnaire in Dutch and English
# (questionnaire-nl.html, questionnaire-en.html, made by `naastenmeter paper`
# from the same instrument). Then web/hash-compress.mjs gives the wasm, JS
# and CSS content-hashed names and writes .br and .gz beside every text and
# wasm file (docs/hosting.md). Downloads nothing: wasm-pack runs with
# --mode no-install.
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
# -ocimfs 0: wasm-opt does not inline a function into its only caller. That
# makes the module larger (791 KB -> 814 KB) but it compresses much better:
# first load 339,773 -> 315,305 bytes gzip (even no wasm-opt at all, -O0,
# compresses better than plain -Oz: LLVM's code repeats more before
# functions are merged into their callers). Measured with -Os, -Oz -Oz,
# --converge, --gufa, -tnh, --strip-*: each within about 1 KB of this.
# -Oz twice: a second pass finds a little more (first load 296,117 ->
# 295,612 bytes gzip, measured with the compact SHA-256 of .cargo/config.toml).
"$wasm_opt" -Oz -Oz -ocimfs 0 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  "$pkg/naastenmeter_web_bg.wasm" -o "$pkg/naastenmeter_web_bg.wasm"

# The paper questionnaire from the instrument the app ships (the same one
# web/build.rs reads: NAASTENMETER_INSTRUMENT, relative to web/, or the
# default). A native build of the command-line tool, in the dev profile
# that its tests share.
instrument="${NAASTENMETER_INSTRUMENT:-$root/instruments/naastenmeter-v1.json}"
case "$instrument" in /*) ;; *) instrument="$web/$instrument" ;; esac
cargo build -q -p naastenmeter-cli
naastenmeter="$CARGO_TARGET_DIR/debug/naastenmeter"

rm -rf "$dist"
mkdir -p "$dist"
cp "$web/static/index.html" "$web/static/main.js" "$web/static/nomodule.js" "$web/static/style.css" \
  "$web/static/paper.css" "$web/static/naastenmeter-print-host.css" "$dist/"
# The welcome page, rendered natively to HTML inside index.html, so it can be
# read before the wasm has arrived (src/bin/prerender.rs). Built from the
# same instrument as the wasm (build.rs reads NAASTENMETER_INSTRUMENT too).
cargo run -q -p naastenmeter-web --features prerender --bin prerender -- "$dist/index.html"
# Offline use, only when the person chooses it (docs/hosting.md): the
# service worker (hash-compress.mjs writes its file list), the web app
# manifest and its icons (icon-192.png and icon-512.png are icon.svg drawn
# at those sizes). The embed and the single file carry none of these.
cp "$web/static/sw.js" "$web/static/manifest.webmanifest" "$web/static/icon.svg" \
  "$web/static/icon-192.png" "$web/static/icon-512.png" "$dist/"
cp "$pkg/naastenmeter_web.js" "$pkg/naastenmeter_web_bg.wasm" "$dist/"
for language in nl en; do
  "$naastenmeter" paper --instrument "$instrument" --language "$language" > "$dist/questionnaire-$language.html"
done
# Earlier published versions of the default instrument, in binary form: the
# app fetches one only when a result made with it is opened (build.rs lists
# them with their SHA-256, which the app checks).
mkdir -p "$dist/instruments"
for published in "$root"/instruments/published/naastenmeter-*.json; do
  version=$(basename "$published" .json)
  "$naastenmeter" validate "$published" --binary "$dist/instruments/$version.bin" > /dev/null
done
node "$web/hash-compress.mjs" "$dist" > /dev/null
echo "built $dist"
rm -f "$pkg/.gitignore"
