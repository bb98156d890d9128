#!/bin/sh
# Where the web app's wasm goes: code and data sections raw and gzip, and,
# when twiggy is installed (`cargo install twiggy`), the largest functions
# of a build that keeps its names. Rebuilds the wasm; takes a minute or two.
# Usage: web/size-analysis.sh [N]   (N: how many functions to list, default 30)
set -eu
web=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$web")
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$root"
cargo build -q --release --target wasm32-unknown-unknown -p naastenmeter-web
wasm-bindgen --target web --out-dir "$out" --no-typescript \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/naastenmeter_web.wasm"
features="--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals"
# The shipped form (as web/build.sh makes it) and one that keeps names.
"$web/node_modules/.bin/wasm-opt" -Oz -Oz -ocimfs 0 $features "$out/naastenmeter_web_bg.wasm" -o "$out/shipped.wasm"
"$web/node_modules/.bin/wasm-opt" -Oz -Oz -ocimfs 0 --debuginfo $features "$out/naastenmeter_web_bg.wasm" -o "$out/named.wasm"
python3 - "$out/shipped.wasm" <<'PY'
import gzip, sys
data = open(sys.argv[1], 'rb').read()
def leb(i):
    value = shift = 0
    while True:
        byte = data[i]; i += 1
        value |= (byte & 0x7f) << shift; shift += 7
        if byte < 0x80:
            return value, i
i = 8
print(f"{'section':10} {'bytes':>10} {'gzip -9':>10}")
while i < len(data):
    kind = data[i]; size, i = leb(i + 1); body = data[i:i + size]; i += size
    name = {10: 'code', 11: 'data'}.get(kind)
    if name:
        print(f"{name:10} {len(body):10d} {len(gzip.compress(body, 9)):10d}")
print(f"{'whole':10} {len(data):10d} {len(gzip.compress(data, 9)):10d}")
PY
if command -v twiggy >/dev/null; then
  twiggy top -n "${1:-30}" "$out/named.wasm"
else
  echo "(install twiggy for the largest functions: cargo install twiggy)"
fi
