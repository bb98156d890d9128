#!/bin/sh
# Prints the size of every file of the web app's first load (web/dist/),
# raw and gzip -9, and the gzip total against the 150 KB budget.
# Build first: web/build.sh. Usage: web/size-report.sh
set -eu
dist="$(cd "$(dirname "$0")" && pwd)/dist"
[ -d "$dist" ] || { echo "no $dist: run web/build.sh first" >&2; exit 1; }
total=0
printf '%-28s %10s %10s\n' file bytes gzip
for f in index.html main.js style.css naastenmeter_web.js naastenmeter_web_bg.wasm; do
  raw=$(wc -c < "$dist/$f")
  gz=$(gzip -9 -c "$dist/$f" | wc -c)
  total=$((total + gz))
  printf '%-28s %10d %10d\n' "$f" "$raw" "$gz"
done
printf '%-28s %10s %10d  (%d KB; budget 150 KB)\n' "first load, gzip" "" "$total" $((total / 1024))
