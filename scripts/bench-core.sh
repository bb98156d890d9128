#!/usr/bin/env bash
# Speed of the core, natively and as WebAssembly in Node.js, side by side.
# Figures go to BENCHMARKS.md with this command.
set -euo pipefail
cd "$(dirname "$0")/.."
rustup target add wasm32-wasip1 >/dev/null 2>&1

for profile in release bench; do
  echo "== native, profile $profile"
  cargo run -q --profile "$profile" -p naastenmeter-core --example bench_scoring
done

echo "== wasm (wasm32-wasip1 in Node.js $(node --version)), profile release"
cargo build -q --release -p naastenmeter-core --example bench_scoring --target wasm32-wasip1
node --no-warnings scripts/wasi-run.mjs target/wasm32-wasip1/release/examples/bench_scoring.wasm
