#!/usr/bin/env bash
# The graph benchmarks: crowdlens PageRank beside graph-tool, igraph and
# networkx, one tool at a time, on the same graphs with the same thread and
# iteration counts. Every score vector is compared with crowdlens's by node id
# (L1 at most 1e-6) before its time is reported; a failed check fails the run.
#
#   bench/graph/run-graph-bench.sh                      # real graphs + R-MAT 1m,10m,50m
#   bench/graph/run-graph-bench.sh --sizes 1m --no-real # a quick run
#   bench/graph/run-graph-bench.sh --billion            # manual: 1e9-edge R-MAT .clg, 20 iterations
#
# Options: --sizes LIST (R-MAT edge counts: 1m, 10m, 50m or plain numbers; "none" for no R-MAT), --no-real,
# --threads N (default 2), --iterations N (default 20), --repeat N (fixed-iteration kernels run N times in
# one process and the fastest counts, for crowdlens and the peers alike; default 3),
# --networkx-max-edges N (default 2000000),
# --billion (only the billion-edge run; needs ~12 GiB free RAM and ~6 GB of disk).
#
# Inputs: the real graphs in $CROWDLENS_SHARED_DATA (default ../shared/data) and R-MAT graphs generated
# under build/bench-data/graph/ (file names say "generated"). Peers: the Debian packages python3-graph-tool,
# python3-igraph and python3-networkx, run with /usr/bin/python3. Binaries come from $CROWDLENS_BUILD
# (default build/release; `cmake --build build/release --target crowdlens rmat_generate pagerank_run`).
# Raw results go to build/bench-results/graph-<time>/ and the tables to its summary.md
# (bench/graph/report_table.py).
set -euo pipefail
cd "$(dirname "$0")/../.."
# OpenMP threads sleep when idle instead of spinning, for every tool alike: a
# spinning runtime steals the other core from whatever else runs.
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-passive}

BUILD=${CROWDLENS_BUILD:-build/release}
SHARED=${CROWDLENS_SHARED_DATA:-../shared/data}
DATA=build/bench-data/graph
PY=/usr/bin/python3
HERE=bench/graph
SIZES=1m,10m,50m
REAL=1
THREADS=2
ITERATIONS=20
REPEAT=3
NETWORKX_MAX_EDGES=2000000
BILLION=0
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES=$2; shift 2 ;;
    --no-real) REAL=0; shift ;;
    --threads) THREADS=$2; shift 2 ;;
    --iterations) ITERATIONS=$2; shift 2 ;;
    --repeat) REPEAT=$2; shift 2 ;;
    --networkx-max-edges) NETWORKX_MAX_EDGES=$2; shift 2 ;;
    --billion) BILLION=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "run-graph-bench.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

GENERATE=$BUILD/bench/graph/rmat_generate
RUN_CROWDLENS=$BUILD/bench/graph/pagerank_run
CLI=$BUILD/src/crowdlens
for binary in "$GENERATE" "$RUN_CROWDLENS"; do
  if [ ! -x "$binary" ]; then
    echo "run-graph-bench.sh: $binary is missing; build it with" >&2
    echo "  cmake --build $BUILD --target crowdlens rmat_generate pagerank_run" >&2
    exit 2
  fi
done
HAVE_CLI=0
if [ -x "$CLI" ] && "$CLI" graph pagerank --help >/dev/null 2>&1; then HAVE_CLI=1; fi
if ! "$PY" -c 'import graph_tool, igraph, networkx, numpy' 2>/dev/null; then
  echo "run-graph-bench.sh: $PY cannot import graph_tool, igraph, networkx and numpy;" >&2
  echo "  apt-get install -y python3-graph-tool python3-igraph python3-networkx python3-numpy" >&2
  exit 2
fi

mkdir -p "$DATA"
RUN_DIR=build/bench-results/graph-$(date +%Y%m%d-%H%M%S)
mkdir -p "$RUN_DIR"
FAILED=0

# measure NAME COMMAND...: runs COMMAND under /usr/bin/time -v; keeps its stdout
# (one JSON line), stderr, time report and the load average just before it.
measure() {
  local name=$1
  shift
  cut -d' ' -f1-3 /proc/loadavg > "$RUN_DIR/$name.loadavg"
  echo "  $name" >&2
  if ! /usr/bin/time -v -o "$RUN_DIR/$name.time" "$@" > "$RUN_DIR/$name.out" 2> "$RUN_DIR/$name.err"; then
    echo "run-graph-bench.sh: $name failed:" >&2
    tail -5 "$RUN_DIR/$name.err" >&2
    FAILED=1
    return 1
  fi
}

# check NAME CROWDLENS_SCORES PEER_SCORES PEER_LABELS: the comparison that gates a figure.
check() {
  local name=$1
  if ! "$PY" "$HERE/compare_scores.py" "$2" "$3" "$4" > "$RUN_DIR/$name.check"; then
    echo "run-graph-bench.sh: CHECK FAILED for $name: $(cat "$RUN_DIR/$name.check")" >&2
    FAILED=1
  fi
}

# bench_graph NAME INPUT PEER_PREFIX PEER_LABELS: every tool on one graph.
bench_graph() {
  local name=$1 input=$2 prefix=$3 labels=$4
  local edges
  edges=$("$PY" -c "import numpy; print(numpy.load('$prefix.edges.npy', mmap_mode='r').shape[0])")
  echo "== $name ($edges edges)" >&2
  echo "$input" > "$RUN_DIR/$name.input"

  # crowdlens: fixed iterations from text, the same from the binary .clg, then its default (converged) call.
  "$RUN_CROWDLENS" "$input" --threads "$THREADS" --iterations 1 --tolerance 0 --write-clg "$DATA/$name.clg" > /dev/null
  measure "$name.crowdlens.fixed" "$RUN_CROWDLENS" "$input" --threads "$THREADS" --iterations "$ITERATIONS" \
    --tolerance 0 --repeat "$REPEAT" --scores "$RUN_DIR/$name.crowdlens.fixed.scores.npy" \
    --labels "$RUN_DIR/$name.crowdlens.fixed.labels.npy" || true
  measure "$name.crowdlens-clg.fixed" "$RUN_CROWDLENS" "$DATA/$name.clg" --threads "$THREADS" \
    --iterations "$ITERATIONS" --tolerance 0 --repeat "$REPEAT" --scores "$RUN_DIR/$name.crowdlens-clg.fixed.scores.npy" \
    --labels "$RUN_DIR/$name.crowdlens-clg.fixed.labels.npy" || true
  measure "$name.crowdlens.converged" "$RUN_CROWDLENS" "$input" --threads "$THREADS" \
    --scores "$RUN_DIR/$name.crowdlens.converged.scores.npy" \
    --labels "$RUN_DIR/$name.crowdlens.converged.labels.npy" || true
  if [ "$HAVE_CLI" = 1 ]; then
    # The product itself, end to end: parse, rank, print every row as CSV.
    measure "$name.crowdlens-cli.fixed" "$CLI" graph pagerank "$input" --threads "$THREADS" \
      --iterations "$ITERATIONS" --tolerance 0 -o csv || true
    measure "$name.crowdlens-cli.converged" "$CLI" graph pagerank "$input" --threads "$THREADS" -o csv || true
  fi

  # Peers, each checked against crowdlens before its time counts.
  measure "$name.graph-tool.fixed" "$PY" "$HERE/peer_pagerank.py" graph-tool "$prefix" --mode fixed \
    --iterations "$ITERATIONS" --threads "$THREADS" --repeat "$REPEAT" \
    --scores "$RUN_DIR/$name.graph-tool.fixed.scores.npy" &&
    check "$name.graph-tool.fixed" "$RUN_DIR/$name.crowdlens.fixed.scores.npy" \
      "$RUN_DIR/$name.graph-tool.fixed.scores.npy" "$labels"
  check "$name.crowdlens-clg.fixed" "$RUN_DIR/$name.crowdlens-clg.fixed.scores.npy" \
    "$RUN_DIR/$name.graph-tool.fixed.scores.npy" "$labels"
  measure "$name.igraph.converged" "$PY" "$HERE/peer_pagerank.py" igraph "$prefix" --mode converged \
    --scores "$RUN_DIR/$name.igraph.converged.scores.npy" &&
    check "$name.igraph.converged" "$RUN_DIR/$name.crowdlens.converged.scores.npy" \
      "$RUN_DIR/$name.igraph.converged.scores.npy" "$labels"
  if [ "$HAVE_CLI" = 1 ]; then
    check "$name.crowdlens-cli.fixed" "$RUN_DIR/$name.crowdlens-cli.fixed.out" \
      "$RUN_DIR/$name.graph-tool.fixed.scores.npy" "$labels"
    check "$name.crowdlens-cli.converged" "$RUN_DIR/$name.crowdlens-cli.converged.out" \
      "$RUN_DIR/$name.igraph.converged.scores.npy" "$labels"
    rm -f "$RUN_DIR/$name".crowdlens-cli.*.out
  fi
  if [ "$edges" -le "$NETWORKX_MAX_EDGES" ]; then
    measure "$name.networkx.fixed" "$PY" "$HERE/peer_pagerank.py" networkx "$prefix" --mode fixed \
      --iterations "$ITERATIONS" --repeat "$REPEAT" || true
    measure "$name.networkx.converged" "$PY" "$HERE/peer_pagerank.py" networkx "$prefix" --mode converged \
      --scores "$RUN_DIR/$name.networkx.converged.scores.npy" &&
      check "$name.networkx.converged" "$RUN_DIR/$name.crowdlens.converged.scores.npy" \
        "$RUN_DIR/$name.networkx.converged.scores.npy" "$labels"
  fi
}

edge_count() {  # 1m -> 1000000, 10m, 50m, 1b, or a plain number
  case "$1" in
    *k) echo $(( ${1%k} * 1000 )) ;;
    *m) echo $(( ${1%m} * 1000000 )) ;;
    *b) echo $(( ${1%b} * 1000000000 )) ;;
    *) echo "$1" ;;
  esac
}

if [ "$BILLION" = 1 ]; then
  # Manual: a billion-edge R-MAT graph written directly as a .clg from slot ids,
  # then 20 PageRank iterations from the mapped file. No peer can hold it on this
  # machine, so the check is VerifyPageRank on a converged run of the same file.
  BIG=$DATA/rmat-1b.generated.clg
  echo "== rmat-1b (1,000,000,000 edges, scale 26); load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  if [ ! -s "$BIG" ]; then
    measure rmat-1b.generate "$GENERATE" --edges 1000000000 --scale 26 --seed 1 --clg "$BIG"
  fi
  echo "$BIG" > "$RUN_DIR/rmat-1b.input"
  measure rmat-1b.crowdlens-clg.fixed "$RUN_CROWDLENS" "$BIG" --threads "$THREADS" --iterations "$ITERATIONS" \
    --tolerance 0 || true
  if [ "$HAVE_CLI" = 1 ]; then
    measure rmat-1b.crowdlens-cli.fixed "$CLI" graph pagerank "$BIG" --threads "$THREADS" \
      --iterations "$ITERATIONS" --tolerance 0 --top 10 -o csv || true
  fi
  measure rmat-1b.crowdlens-clg.converged "$RUN_CROWDLENS" "$BIG" --threads "$THREADS" || true
else
  if [ "$REAL" = 1 ]; then
    # name|file: the real graphs of shared/data, read by crowdlens as they are.
    for entry in "slashdot|$SHARED/snap-slashdot/soc-Slashdot0902.txt.gz" \
                 "twitter-follows|$SHARED/nr-soc-twitter-follows/soc-twitter-follows.zip" \
                 "higgs-mention|$SHARED/snap-higgs/higgs-mention_network.edgelist" \
                 "congress|$SHARED/snap-congress-twitter/congress.edgelist"; do
      name=${entry%%|*}
      file=${entry#*|}
      if [ ! -f "$file" ]; then
        echo "run-graph-bench.sh: $file is missing; skipping $name (set CROWDLENS_SHARED_DATA)" >&2
        continue
      fi
      [ -s "$DATA/$name.edges.npy" ] || "$PY" "$HERE/prepare_peer_input.py" "$file" "$DATA/$name" > /dev/null
      bench_graph "$name" "$file" "$DATA/$name" "$DATA/$name.labels.npy"
    done
  fi
  if [ "$SIZES" != none ]; then
    for size in ${SIZES//,/ }; do
      edges=$(edge_count "$size")
      name=rmat-$size
      prefix=$DATA/$name.generated
      if [ ! -s "$prefix.txt" ] || [ ! -s "$prefix.edges.npy" ]; then
        echo "== generating $name ($edges edges, seed 1) into $prefix.txt" >&2
        "$GENERATE" --edges "$edges" --seed 1 --text "$prefix.txt" --npy "$prefix.edges.npy"
      fi
      bench_graph "$name" "$prefix.txt" "$prefix" dense
    done
  fi
fi

"$PY" "$HERE/report_table.py" "$RUN_DIR" > "$RUN_DIR/summary.md"
ln -sfn "$(basename "$RUN_DIR")" build/bench-results/graph-latest
cat "$RUN_DIR/summary.md"
if [ "$FAILED" = 1 ]; then
  echo "run-graph-bench.sh: some runs or checks FAILED (see above and $RUN_DIR)" >&2
  exit 1
fi
