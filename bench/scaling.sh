#!/bin/sh
# Scaling row of the estimation benchmark (issue 17): naastenmeter alone on
# synthetic sets of ROWS respondents (20 items x 5 categories, 4 classes,
# made by the crate's simulator as in bench/run.sh), fixed work (10 starts x
# 20 iterations, tolerance -1). Per size it prints the median over REPEAT
# runs of the time per iteration, (time with 20 iterations - time with 0) /
# 200, so reading the CSV is left out, and the peak resident memory against
# the budget of 1 byte per answer plus 8 MB. Each CSV is deleted after its
# size (10 M rows take about 400 MB).
#
# Usage (from the repository root):
#   ROWS="1000000 10000000" THREADS=2 REPEAT=3 sh bench/scaling.sh
set -eu
ROWS=${ROWS:-1000000 10000000}
THREADS=${THREADS:-2}
REPEAT=${REPEAT:-3}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
TMP=$(mktemp -d "$CARGO_TARGET_DIR/scaling.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

cargo build -q --profile bench -p naastenmeter-cli
cargo build -q --profile bench -p naastenmeter-estimate --example synthetic
BIN=$CARGO_TARGET_DIR/release/naastenmeter

# run CSV ITERATIONS: prints "seconds peak_kb" of one whole command.
run() {
  /usr/bin/time -v -o "$TMP/time" "$BIN" fit --kind classes --classes 4 --starts 10 \
    --seed 1 --max-iterations "$2" --tolerance -1 --threads "$THREADS" --out /dev/null "$1" \
    > /dev/null 2> "$TMP/err"
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, a, ":"); s = 0;
      for (i = 1; i <= n; i++) s = s * 60 + a[i]; secs = s }
    /Maximum resident/ { kb = $2 } END { print secs, kb }' "$TMP/time"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $THREADS threads =="
for rows in $ROWS; do
  csv=$TMP/synthetic-$rows.csv
  "$CARGO_TARGET_DIR/release/examples/synthetic" "$csv" "$rows"
  : > "$TMP/per-iteration"
  : > "$TMP/peak"
  for _ in $(seq "$REPEAT"); do
    set -- $(run "$csv" 0)
    zero=$1
    set -- $(run "$csv" 20)
    echo "$1 $zero" | awk '{ printf "%.6f\n", ($1 - $2) / 200 }' >> "$TMP/per-iteration"
    echo "$2" >> "$TMP/peak"
    echo "RESULT rows=$rows secs0=$zero secs20=$1 peak_kb=$2"
  done
  per=$(median < "$TMP/per-iteration")
  peak=$(median < "$TMP/peak")
  budget=$(( (rows * 20 + 8 * 1024 * 1024) / 1024 ))
  echo "SCALING rows=$rows ms_per_iteration=$(echo "$per" | awk '{ printf "%.1f", $1 * 1000 }') peak_kb=$peak budget_kb=$budget"
  rm -f "$csv"
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg) =="
