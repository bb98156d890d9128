#!/usr/bin/env bash
# Installs everything Naastenmeter needs to build and test, on a fresh Debian
# machine with rustup, Node.js and npm. Each step is skipped when already done,
# so running it again is quick. Nothing here downloads outside the package
# registries (crates.io, npm, Debian).
set -euo pipefail
cd "$(dirname "$0")/.."

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate
# in Cargo.lock, or the generated JavaScript does not match the wasm.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

step() { printf '\n== %s\n' "$*"; }

step "Rust targets and components"
rustup target add wasm32-unknown-unknown wasm32-wasip1 thumbv7em-none-eabihf >/dev/null 2>&1
rustup component add rustfmt clippy >/dev/null 2>&1 || true

if [ -n "$WASM_BINDGEN_VERSION" ] && ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
  step "wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
if ! command -v wasm-pack >/dev/null; then
  step "wasm-pack (a few minutes, once)"
  cargo install wasm-pack --locked
fi

if [ ! -x /usr/bin/chromium ]; then
  step "Chromium for the browser tests (Debian package)"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

for dir in web tests/browser; do
  if [ -f "$dir/package-lock.json" ]; then
    step "npm packages in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
