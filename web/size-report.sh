#!/bin/sh
# Prints the size of every file of the web app's first load (web/dist/):
# raw, and as sent compressed: the .gz (gzip -9) and .br (brotli 11) that
# web/build.sh writes beside it; then the totals, gzip against the 290 KB
# budget. The files have content-hashed names; asset-manifest.json says
# which is which. Build first: web/build.sh. Usage: web/size-report.sh
set -eu
dist="$(cd "$(dirname "$0")" && pwd)/dist"
[ -d "$dist" ] || { echo "no $dist: run web/build.sh first" >&2; exit 1; }
# The hashed name of a plain one (the plain name in an older build).
hashed() { sed -n "s/^ *\"$1\": \"\(.*\)\",\{0,1\}$/\1/p" "$dist/asset-manifest.json" 2>/dev/null | grep . || echo "$1"; }
total_gz=0
total_br=0
printf '%-28s %10s %10s %10s\n' file bytes gzip brotli
for f in index.html main.js style.css naastenmeter_web.js naastenmeter_web_bg.wasm; do
  path="$dist/$(hashed "$f")"
  raw=$(wc -c < "$path")
  if [ -f "$path.gz" ]; then gz=$(wc -c < "$path.gz"); else gz=$(gzip -9 -c "$path" | wc -c); fi
  if [ -f "$path.br" ]; then br=$(wc -c < "$path.br"); else br=0; fi
  total_gz=$((total_gz + gz))
  total_br=$((total_br + br))
  printf '%-28s %10d %10d %10d\n' "$f" "$raw" "$gz" "$br"
done
printf '%-28s %10s %10d %10d  (gzip %d KB, brotli %d KB; budget 290 KB = 296960 gzip, issue 13)\n' "first load" "" "$total_gz" "$total_br" \
  $((total_gz / 1024)) $((total_br / 1024))

# Embedding (dist/, made by `node web/package.mjs`): the loader on its own,
# the first load of the embedded app (loader + what it loads), the demo
# partner's configuration block, and the single-file version.
# NM_DIST measures another dist/ folder.
repo=$(cd "$(dirname "$dist")/.." && pwd)
dist_root="${NM_DIST:-$repo/dist}"
[ -d "$dist_root/embed" ] || { echo "no $dist_root/embed: run node web/package.mjs for the embedding figures"; exit 0; }
echo
printf '%-28s %10s %10s\n' "embedded file" bytes gzip
total=0
for f in naastenmeter-embed.js naastenmeter_web.js naastenmeter_web_bg.wasm style.css; do
  raw=$(wc -c < "$dist_root/embed/$f")
  gz=$(gzip -9 -c "$dist_root/embed/$f" | wc -c)
  total=$((total + gz))
  printf '%-28s %10d %10d\n' "$f" "$raw" "$gz"
done
loader=$(gzip -9 -c "$dist_root/embed/naastenmeter-embed.js" | wc -c)
printf '%-28s %10s %10d  (budget 5 KB = 5120)\n' "loader, gzip" "" "$loader"
printf '%-28s %10s %10d  (%d KB; budget 290 KB plus configuration)\n' "embedded first load, gzip" "" "$total" $((total / 1024))
config=$(sed -n '/data-naastenmeter-config>/,/<\/script>/p' "$repo/examples/partner-site/index.html" | gzip -9 | wc -c)
printf '%-28s %10s %10d  (the demo partner'"'"'s JSON block)\n' "configuration, gzip" "" "$config"
printf '%-28s %10d %10s  (budget 800 KB = 819200 uncompressed)\n' "naastenmeter.html" "$(wc -c < "$dist_root/naastenmeter.html")" ""
