#!/usr/bin/env bash
# Checks that the core computes identical numbers natively and as WebAssembly:
# 600 reports from both builds must match byte for byte.
set -euo pipefail
cd "$(dirname "$0")/.."
rustup target add wasm32-wasip1 >/dev/null 2>&1
cargo build -q --release -p naastenmeter-core --example reports_for_comparison
cargo build -q --release -p naastenmeter-core --example reports_for_comparison --target wasm32-wasip1
native=$(mktemp) wasm=$(mktemp)
target/release/examples/reports_for_comparison > "$native"
node --no-warnings scripts/wasi-run.mjs target/wasm32-wasip1/release/examples/reports_for_comparison.wasm > "$wasm"
if cmp -s "$native" "$wasm" && [ "$(wc -l < "$native")" -eq 603 ]; then
  echo "native and wasm: identical reports ($(wc -l < "$native") lines)"
else
  echo "native and wasm reports differ:" >&2
  diff "$native" "$wasm" | head -20 >&2
  exit 1
fi
