#!/usr/bin/env bash
# Who-to-follow for one account on big generated graphs: an R-MAT graph per size
# is written as a binary .clg under build/bench-data/graph/ (kept and reused),
# then bench/graph/suggest_run loads it, builds the random-walk index once and
# times the suggestion step (circle of trust + SALSA) per account, after
# checking the first account's SALSA run with its verifier.
#
#   bench/graph/run-suggest-bench.sh                    # R-MAT 50m (generates ~230 MB once)
#   bench/graph/run-suggest-bench.sh --sizes 1m,10m     # quicker
#   bench/graph/run-suggest-bench.sh --skip-generate    # only graphs already generated
#
# Options: --sizes LIST (edge counts: 1m, 10m, 50m or plain numbers), --threads N (default 2),
# --seeds N (accounts drawn at random, default 20), --walks N (default 20000), --skip-generate.
# Binaries come from $CROWDLENS_BUILD (default build/release;
# `cmake --build build/release --target rmat_generate suggest_run`, with -DCROWDLENS_BUILD_BENCH=ON).
# Results: one JSON line per size on stdout and in build/bench-results/suggest-<time>.jsonl.
set -euo pipefail
cd "$(dirname "$0")/../.."
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-passive}

BUILD=${CROWDLENS_BUILD:-build/release}
DATA=build/bench-data/graph
SIZES=50m
THREADS=2
SEEDS=20
WALKS=20000
GENERATE_MISSING=1
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --seeds) SEEDS=$2; shift 2 ;;
    --walks) WALKS=$2; shift 2 ;;
    --skip-generate) GENERATE_MISSING=0; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "run-suggest-bench.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

GENERATE=$BUILD/bench/graph/rmat_generate
RUN=$BUILD/bench/graph/suggest_run
for binary in "$GENERATE" "$RUN"; do
  if [ ! -x "$binary" ]; then
    echo "run-suggest-bench.sh: $binary is missing; build it with" >&2
    echo "  cmake --build $BUILD --target rmat_generate suggest_run" >&2
    exit 1
  fi
done
mkdir -p "$DATA" build/bench-results
RESULTS=build/bench-results/suggest-$(date -u +%Y%m%dT%H%M%SZ).jsonl

edges_of() {
  case "$1" in
    *m) echo $(( ${1%m} * 1000000 )) ;;
    *) echo "$1" ;;
  esac
}

IFS=, read -r -a sizes <<< "$SIZES"
for size in "${sizes[@]}"; do
  graph=$DATA/rmat-$size.generated.clg
  if [ ! -f "$graph" ]; then
    if [ "$GENERATE_MISSING" = 0 ]; then
      echo "== rmat-$size: $graph not generated; skipped (--skip-generate)" >&2
      continue
    fi
    echo "== rmat-$size: generating $graph" >&2
    "$GENERATE" --edges "$(edges_of "$size")" --seed 1 --clg "$graph" >&2
  fi
  echo "== rmat-$size: suggestions for $SEEDS accounts + the one following the most; load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  "$RUN" "$graph" --threads "$THREADS" --seeds "$SEEDS" --walks "$WALKS" | tee -a "$RESULTS"
done
echo "results: $RESULTS" >&2
