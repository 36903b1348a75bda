#!/usr/bin/env bash
# Runs every fuzz target of a CROWDLENS_FUZZ build for SECONDS each, one after
# another (one process each, so the machine keeps its other cores), over
# SEEDS/<target> (read only) and BUILD/corpus/<target> (where new inputs go).
# Prints one summary line per target (runs, coverage, crashes); a crashing
# input is kept as BUILD/crashes/<target>-crash-<sha1> and the script exits 1
# when any target crashed. Full logs: BUILD/fuzz-logs/<target>.log.
#
#   tests/fuzz/run-fuzz.sh build/fuzz build/fuzz/seeds 60 [TARGET...]
set -uo pipefail

if [ $# -lt 3 ]; then
  echo "usage: tests/fuzz/run-fuzz.sh BUILD SEEDS SECONDS [TARGET...]" >&2
  exit 2
fi
BUILD=$1 SEEDS=$2 SECONDS_EACH=$3
shift 3
HERE=$(cd "$(dirname "$0")" && pwd)

# target  -max_len  dictionary (or -): inputs as large as a reader's seeds, short texts for the small parsers.
TARGETS=(
  "twitter_v1 16384 json" "twitter_v2 16384 json" "cassette 16384 json" "x_archive 16384 json"
  "bluesky 16384 json" "mastodon 16384 json" "congress_network 16384 json"
  "edge_list 8192 -" "matrix_market 8192 -" "contacts_csv 8192 csv" "vcard 8192 vcard" "tweet_csv 16384 csv"
  "sniff 16385 json" "csv 8192 csv" "query 512 query" "audience_rule 512 audience_rule"
  "location 256 -" "entities 1024 -" "timestamp 64 -" "http_request 1024 http"
)

mkdir -p "$BUILD/corpus" "$BUILD/crashes" "$BUILD/fuzz-logs"
failed=0
for entry in "${TARGETS[@]}"; do
  read -r target max_len dictionary <<< "$entry"
  if [ $# -gt 0 ] && [[ ! " $* " == *" $target "* ]]; then continue; fi
  binary=$BUILD/tests/fuzz/fuzz_$target
  if [ ! -x "$binary" ]; then
    echo "fuzz_$target: not built ($binary missing)" >&2
    failed=1
    continue
  fi
  corpus=$BUILD/corpus/$target
  mkdir -p "$corpus" "$SEEDS/$target"
  log=$BUILD/fuzz-logs/$target.log
  dict_flag=()
  [ "$dictionary" != "-" ] && dict_flag=(-dict="$HERE/$dictionary.dict")
  started=$(date +%s)
  "$binary" -max_total_time="$SECONDS_EACH" -max_len="$max_len" -timeout=25 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$BUILD/crashes/$target-" "${dict_flag[@]}" \
    "$corpus" "$SEEDS/$target" > "$log" 2>&1
  status=$?
  elapsed=$(( $(date +%s) - started ))
  runs=$(grep -oE 'stat::number_of_executed_units: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$')
  cov=$(grep -oE '^#[0-9]+.*cov: [0-9]+' "$log" | tail -1 | grep -oE 'cov: [0-9]+' | grep -oE '[0-9]+')
  features=$(grep -oE '^#[0-9]+.*ft: [0-9]+' "$log" | tail -1 | grep -oE 'ft: [0-9]+' | grep -oE '[0-9]+')
  crashes=0
  if [ $status -ne 0 ]; then
    crashes=1
    failed=1
  fi
  printf 'fuzz_%-17s %4ss  runs %10s  cov %6s  ft %7s  crashes %d%s\n' "$target" "$elapsed" "${runs:-?}" \
    "${cov:-?}" "${features:-?}" "$crashes" \
    "$([ $crashes -ne 0 ] && echo "  (exit $status; see $log and $BUILD/crashes/)")"
done
exit $failed
