#!/bin/sh
# Side-by-side estimation benchmark: naastenmeter against the peers that are
# installed (StepMix; the C++ `polca` and R poLCA when present). Peers are
# installed by hand (see BENCHMARKS.md); nothing here is needed by the tests.
#
# Usage: sh bench/run.sh [python-with-peers]   (run from the repository root)
set -eu
PY=${1:-python3}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
cargo build -q --profile bench -p naastenmeter-cli
BIN=$CARGO_TARGET_DIR/release/naastenmeter
SYN=${SYN:-/tmp/naastenmeter-synthetic.csv}
[ -f "$SYN" ] || "$PY" bench/make_synthetic.py "$SYN"

ours() { # data classes starts extra-args...
  data=$1 k=$2 s=$3; shift 3
  /usr/bin/time -f "  peak RSS %M KB, wall %e s" "$BIN" fit --kind classes --classes "$k" \
    --starts "$s" --seed 1 --out /dev/null "$@" "$data" 2>&1 | grep -E "^ +$k |peak RSS"
}

echo "== naastenmeter =="
echo "carcinoma, 4 classes, 20 starts:";  ours tests/data/carcinoma.csv 4 20
echo "values, 3 classes, 20 starts:";     ours tests/data/values.csv 3 20
echo "synthetic 100k x 20 x 5, 4 classes, 10 starts:"; ours "$SYN" 4 10
echo "synthetic, 1,000 EM iterations (10 starts x 100, tolerance 0):"
ours "$SYN" 4 10 --max-iterations 100 --tolerance 0

if "$PY" -c "import stepmix" 2>/dev/null; then
  echo "== StepMix =="
  "$PY" bench/stepmix_fit.py tests/data/carcinoma.csv 4 20 1000 1e-10
  "$PY" bench/stepmix_fit.py tests/data/values.csv 3 20 1000 1e-10
  "$PY" bench/stepmix_fit.py "$SYN" 4 1 100 0
fi
if "$PY" -c "import pypolca" 2>/dev/null; then
  echo "== polca (C++) =="
  "$PY" bench/polca_fit.py tests/data/carcinoma.csv 4 20 1000 1e-10
  "$PY" bench/polca_fit.py tests/data/values.csv 3 20 1000 1e-10
  "$PY" bench/polca_fit.py "$SYN" 4 1 100 0
fi
