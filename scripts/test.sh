#!/usr/bin/env bash
# Sets up and runs every check: formatting, lints, the no_std and wasm builds,
# all Rust tests and the browser tests. This is the README's test command and
# what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh

step() { printf '\n== %s\n' "$*"; }

step "Formatting"
cargo fmt --all -- --check

step "Lints"
cargo clippy -p naastenmeter-core -p naastenmeter-estimate -p naastenmeter-cli --all-targets -- -D warnings
cargo clippy -p naastenmeter-web --target wasm32-unknown-unknown -- -D warnings
# The build's native prerender of the welcome page (web/src/bin/prerender.rs).
cargo clippy -p naastenmeter-web --features prerender --bin prerender -- -D warnings
cargo clippy -p naastenmeter-js --target wasm32-unknown-unknown -- -D warnings

step "The core builds without std (bare-metal target) and for WebAssembly"
cargo build -p naastenmeter-core --target thumbv7em-none-eabihf
cargo build -p naastenmeter-core --target wasm32-unknown-unknown

step "Rust tests"
cargo test -p naastenmeter-core -p naastenmeter-estimate -p naastenmeter-cli
# The web app's reducer is pure: its no-data-loss property test runs natively.
cargo test -p naastenmeter-web

step "Identical numbers natively and in WebAssembly"
./scripts/compare-native-wasm.sh

step "JS/TS package, tested from Node.js"
./js/build.sh
node --test tests/node/

step "Browser tests (the built app in headless Chromium)"
./tests/browser/run.sh
