#!/bin/sh
# Side-by-side estimation benchmark, in one run: naastenmeter (on 2 threads
# and on 1) against the peers that are installed: the C++ `polca` (PyPI,
# module pypolca), R poLCA and StepMix. Every tool gets the same data, the
# same number of random starts, the same iteration limit and the same
# tolerance on the total log-likelihood. Each run prints a RESULT line; the
# summary at the end gives per tool and data set the median wall time of
# REPEAT runs and the best log-likelihood (which must agree).
#
# The peers are installed by hand (recipe in BENCHMARKS.md, section
# Estimation); nothing here is needed by the tests.
#
# Usage (from the repository root):
#   PY=/path/to/python R_LIBS=/path/to/rlib sh bench/run.sh
# Settings (environment):
#   PY           Python with stepmix and/or pypolca (default python3)
#   R_LIBS       R library holding poLCA (R poLCA is skipped without it)
#   REPEAT       runs per tool and data set (default 3)
#   PEER_SLOW    runs of the peers on the synthetic set to convergence
#                (default 1: minutes per run); 0 skips them
#   SYN          the synthetic CSV (written when missing)
#   SYN_ITER     iterations per start of the fixed-work synthetic run (20;
#                tolerance -1, so no tool stops early on a rounding-sized
#                fall of the log-likelihood)
#   SEED         seed of the random starts of naastenmeter, polca and R
#                poLCA (default 1; each tool draws its own starts from it)
#   ACCELERATE   naastenmeter's --accelerate: squarem (default) or none
#                (plain EM, poLCA's algorithm)
#   TOOLS        subset of: naastenmeter polca poLCA-R stepmix
#   CASES        subset of: carcinoma values synthetic-fixed synthetic
#                synthetic-same-starts (needs R poLCA, which draws the starts)
set -eu
PY=${PY:-python3}
REPEAT=${REPEAT:-3}
PEER_SLOW=${PEER_SLOW:-1}
SYN_ITER=${SYN_ITER:-20}
export SEED=${SEED:-1}
ACCELERATE=${ACCELERATE:-squarem}
ACCELERATE_DEFAULT=$ACCELERATE
TOOLS=${TOOLS:-naastenmeter polca poLCA-R stepmix}
CASES=${CASES:-carcinoma values synthetic-fixed synthetic}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
SYN=${SYN:-$CARGO_TARGET_DIR/naastenmeter-synthetic.csv}
TMP=$(mktemp -d)
LOG=$TMP/results
trap 'rm -rf "$TMP"' EXIT

cargo build -q --profile bench -p naastenmeter-cli
cargo build -q --profile bench -p naastenmeter-estimate --example synthetic
BIN=$CARGO_TARGET_DIR/release/naastenmeter
[ -f "$SYN" ] || "$CARGO_TARGET_DIR/release/examples/synthetic" "$SYN"

has() { case " $TOOLS " in *" $1 "*) return 0 ;; esac; return 1; }

# naastenmeter NAME THREADS DATA CLASSES STARTS MAXITER TOL: wall time and
# peak resident memory of the whole command (reading the CSV included).
ours() {
  /usr/bin/time -v -o "$TMP/time" "$BIN" fit --kind classes --classes "$4" --starts "$5" \
    --seed "$SEED" --accelerate "$ACCELERATE" --max-iterations "$6" --tolerance "$7" \
    --threads "$2" --out /dev/null ${START_VALUES:+--start-values "$START_VALUES"} "$3" \
    > "$TMP/out" 2> "$TMP/err"
  ll=$(awk -v k="$4" '$1 == k { print $2 }' "$TMP/out")
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, a, ":"); s = 0;
    for (i = 1; i <= n; i++) s = s * 60 + a[i]; print s }' "$TMP/time")
  rss=$(awk -F': ' '/Maximum resident/ { print $2 }' "$TMP/time")
  iterations=$(sed -n 's/.* \([0-9]*\) EM iterations in all.*/\1/p' "$TMP/err")
  echo "RESULT tool=naastenmeter-${2}thread${LABEL:-} set=$1 secs=$secs ll=$ll rss_kb=$rss iterations=$iterations" | tee -a "$LOG"
}

# peer TOOL NAME DATA CLASSES STARTS MAXITER TOL
peer() {
  tool=$1; shift
  case $tool in
    polca) "$PY" bench/polca_fit.py "$@" ;;
    stepmix) "$PY" bench/stepmix_fit.py "$@" ;;
    # Few distinct answer patterns: poLCA() itself. The synthetic set: its
    # EM alone (post-fit statistics take very long on 100,000 patterns).
    poLCA-R) case $1 in
        synthetic*) Rscript bench/polca_fit.R "$@" em ;;
        *) Rscript bench/polca_fit.R "$@" full ;;
      esac ;;
  esac | tee -a "$LOG"
}

peer_available() {
  case $1 in
    polca) "$PY" -c "import pypolca" 2>/dev/null ;;
    stepmix) "$PY" -c "import stepmix" 2>/dev/null ;;
    poLCA-R) command -v Rscript > /dev/null && Rscript -e 'library(poLCA)' > /dev/null 2>&1 ;;
  esac
}

# The cases: NAME DATA CLASSES STARTS MAXITER TOL
set -- \
  "carcinoma tests/data/carcinoma.csv 4 20 1000 1e-10" \
  "values tests/data/values.csv 3 20 1000 1e-10" \
  "synthetic-fixed $SYN 4 10 $SYN_ITER -1" \
  "synthetic $SYN 4 10 1000 1e-10" \
  "synthetic-same-starts $SYN 4 10 1000 1e-10"

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) =="
for case in "$@"; do
  # shellcheck disable=SC2086
  set -- $case
  case " $CASES " in *" $1 "*) ;; *) continue ;; esac
  # The same starts in both tools: R poLCA draws its random starts (with
  # SEED, as poLCA does) and writes them; naastenmeter starts from the very
  # same values, plain EM and SQUAREM. Both then do the same EM path, so the
  # times compare the same work to convergence, free of start luck.
  if [ "$1" = synthetic-same-starts ]; then
    if ! peer_available poLCA-R; then
      echo "synthetic-same-starts: skipped, R poLCA draws the starts and is not installed"
      continue
    fi
    export STARTS_OUT="$TMP/starts.csv"
    peer poLCA-R "$@"
    unset STARTS_OUT
    for _ in $(seq 2 "$REPEAT"); do peer poLCA-R "$@"; done
    if has polca && peer_available polca; then
      export STARTS_IN="$TMP/starts.csv"
      for _ in $(seq "$REPEAT"); do peer polca "$@"; done
      unset STARTS_IN
    fi
    for _ in $(seq "$REPEAT"); do
      for acc in none squarem; do
        START_VALUES="$TMP/starts.csv" ACCELERATE=$acc LABEL="-$acc" ours "$1" 2 "$2" "$3" "$4" "$5" "$6"
        START_VALUES="$TMP/starts.csv" ACCELERATE=$acc LABEL="-$acc" ours "$1" 1 "$2" "$3" "$4" "$5" "$6"
      done
      grep -h "per start" "$TMP/err" || true
    done
    # Assignments before a function call may outlive it in some shells.
    unset START_VALUES LABEL
    ACCELERATE=$ACCELERATE_DEFAULT
    continue
  fi
  if has naastenmeter; then
    for _ in $(seq "$REPEAT"); do
      ours "$1" 2 "$2" "$3" "$4" "$5" "$6"
      ours "$1" 1 "$2" "$3" "$4" "$5" "$6"
    done
  fi
  runs=$REPEAT
  [ "$1" = synthetic ] && runs=$PEER_SLOW
  for tool in polca poLCA-R stepmix; do
    has "$tool" && peer_available "$tool" || continue
    # StepMix takes about 0.4 s per iteration on the synthetic set: to
    # convergence that is far too long, so it only runs the fixed work.
    [ "$tool" = stepmix ] && [ "$1" = synthetic ] && continue
    for _ in $(seq "$runs"); do peer "$tool" "$@"; done
  done
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg) =="

echo "== summary: median wall time of the runs, best log-likelihood =="
sed -n 's/^RESULT tool=\([^ ]*\) set=\([^ ]*\) secs=\([^ ]*\) ll=\([^ ]*\).*/\2 \1 \3 \4/p' "$LOG" |
  sort -k1,1 -k2,2 -k3,3n |
  awk '
    function flush() {
      if (n) printf "%-16s %-22s median %9.3f s of %d  best LL %s\n", set, tool, v[int((n + 1) / 2)], n, best
    }
    $1 != set || $2 != tool { flush(); set = $1; tool = $2; n = 0; best = $4 }
    { v[++n] = $3; if ($4 + 0 > best + 0) best = $4 }
    END { flush() }'
