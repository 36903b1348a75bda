#!/usr/bin/env bash
# Runs the benchmarks on this machine and writes the raw results to
# build/bench-results/. Figures go into docs/benchmarks.md by hand, with the
# machine they were measured on.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=build/release
DATA=build/bench-data
OUT=build/bench-results
SHARED=${CROWDLENS_SHARED_DATA:-../shared/data}
mkdir -p "$DATA" "$OUT"

# v1.1 JSON lines: the real PHEME statuses of data/sample, replicated with
# shifted ids (generated from real data; see bench/make_tweet_corpus.py).
COPIES=${CROWDLENS_BENCH_COPIES:-20}
TWEETS="$DATA/pheme-statuses-x$COPIES.jsonl"
[ -s "$TWEETS" ] || python3 bench/make_tweet_corpus.py data/sample/pheme "$TWEETS" "$COPIES"

# The largest real directed graph in shared/data: SNAP soc-Slashdot0902 (948,464 edges).
EDGES="$DATA/soc-Slashdot0902.txt"
[ -s "$EDGES" ] || zcat "$SHARED/snap-slashdot/soc-Slashdot0902.txt.gz" > "$EDGES"

export CROWDLENS_BENCH_TWEETS="$TWEETS" CROWDLENS_BENCH_EDGES="$EDGES"
"$BUILD/bench/import_bench" --benchmark_out="$OUT/import.json" --benchmark_out_format=json "$@"
# Listening: query matching, Space-Saving, watch replay (2 copies of the PHEME statuses).
LISTEN_TWEETS="$DATA/pheme-statuses-x2.jsonl"
[ -s "$LISTEN_TWEETS" ] || python3 bench/make_tweet_corpus.py data/sample/pheme "$LISTEN_TWEETS" 2
CROWDLENS_BENCH_VACCINE=data/sample/vaccine/vaccination_tweets.csv.gz CROWDLENS_BENCH_LISTEN_TWEETS="$LISTEN_TWEETS" \
  "$BUILD/bench/listen_bench" --benchmark_out="$OUT/listen.json" --benchmark_out_format=json
# PageRank beside graph-tool, igraph and networkx (bench/graph/run-graph-bench.sh --help).
CROWDLENS_BUILD="$BUILD" CROWDLENS_SHARED_DATA="$SHARED" bench/graph/run-graph-bench.sh --sizes "${CROWDLENS_BENCH_GRAPH_SIZES:-1m,10m,50m}"
