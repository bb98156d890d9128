#!/bin/sh
# Lighthouse figures of the web app for BENCHMARKS.md (a report, not a test):
# performance, Largest Contentful Paint, Time to Interactive, accessibility,
# best practices, SEO and total transfer, with Lighthouse's default mobile
# preset (simulated slow 4G, 4x CPU slowdown) in Debian's Chromium.
#
#   scripts/lighthouse.sh [URL]
#
# Without URL it serves web/dist with web/serve.mjs (the compressed local
# server, as scripts/run.sh does) on a free port; build first with
# web/build.sh. LH_RUNS sets how many runs (default 3); every run is
# printed and then the median of each figure. The JSON reports go to
# target/lighthouse/reports/.
#
# Installs exactly lighthouse@12.2.3 with npm into target/lighthouse/ (never
# globally) the first time. Chromium: /usr/bin/chromium (or CHROME_PATH).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
lh="$root/target/lighthouse"
runs="${LH_RUNS:-3}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"

if [ ! -x "$lh/node_modules/.bin/lighthouse" ] ||
  [ "$(node -p "require('$lh/node_modules/lighthouse/package.json').version")" != 12.2.3 ]; then
  mkdir -p "$lh"
  [ -f "$lh/package.json" ] || echo '{"private": true}' > "$lh/package.json"
  (cd "$lh" && npm install --no-audit --no-fund --save-exact lighthouse@12.2.3)
fi

server_pid=
cleanup() { [ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true; }
trap cleanup EXIT INT TERM
if [ $# -ge 1 ]; then
  url=$1
else
  [ -f "$root/web/dist/index.html" ] || { echo "no web/dist: run web/build.sh first" >&2; exit 1; }
  log=$(mktemp)
  node "$root/web/serve.mjs" --dir "$root/web/dist" --port 0 > "$log" 2>&1 &
  server_pid=$!
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    grep -q '^serving ' "$log" && break
    sleep 0.5
  done
  url=$(sed -n 's/^serving //p' "$log")
  rm -f "$log"
  [ -n "$url" ] || { echo "the server did not start" >&2; exit 1; }
fi

mkdir -p "$lh/reports"
echo "lighthouse 12.2.3, mobile preset, $url, $(date -u +%Y-%m-%d)"
i=1
while [ "$i" -le "$runs" ]; do
  "$lh/node_modules/.bin/lighthouse" "$url" --quiet --output=json --output-path="$lh/reports/run-$i.json" \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
  i=$((i + 1))
done

# One line per run, then the median of each column.
node - "$lh/reports" "$runs" <<'JS'
const { readFileSync } = require('node:fs');
const [dir, runs] = process.argv.slice(2);
const rows = [];
for (let i = 1; i <= Number(runs); i += 1) {
  const r = JSON.parse(readFileSync(`${dir}/run-${i}.json`, 'utf8'));
  const a = (id) => r.audits[id]?.numericValue ?? NaN;
  rows.push({
    performance: r.categories.performance.score,
    'LCP s': a('largest-contentful-paint') / 1000,
    'TTI s': a('interactive') / 1000,
    accessibility: r.categories.accessibility.score,
    'best practices': r.categories['best-practices'].score,
    SEO: r.categories.seo.score,
    'transfer KiB': a('total-byte-weight') / 1024,
  });
  if (i === Number(runs)) {
    // What the last run found wanting (score below 1), to fix or explain.
    const failing = Object.values(r.audits)
      .filter((x) => x.score !== null && x.score < 1 && x.scoreDisplayMode !== 'informative' && x.scoreDisplayMode !== 'manual')
      .map((x) => `  ${x.id} (${x.score})${x.displayValue ? ': ' + x.displayValue : ''}`);
    if (failing.length) console.log(`audits below 1 in run ${i}:\n${failing.join('\n')}`);
  }
}
const keys = Object.keys(rows[0]);
const fmt = (k, v) => (k.endsWith(' s') ? v.toFixed(2) : k.endsWith('KiB') ? v.toFixed(0) : String(v));
const median = (k) => {
  const v = rows.map((r) => r[k]).sort((x, y) => x - y);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
console.log(['run', ...keys].join(' | '));
rows.forEach((r, i) => console.log([i + 1, ...keys.map((k) => fmt(k, r[k]))].join(' | ')));
console.log(['median', ...keys.map((k) => fmt(k, median(k)))].join(' | '));
JS
