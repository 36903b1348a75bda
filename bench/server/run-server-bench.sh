#!/usr/bin/env bash
# Load test of `crowdlens serve` with wrk (docs/benchmarks.md, "HTTP API"):
#  1. the demo workspace (data/sample, as `make demo` builds it);
#  2. a GENERATED crowd of 1,000,000 followers (bench/server/make_follower_ids.py);
#  3. the demo workspace while an import writes to it, with the server's memory before and after.
# For each endpoint: the first (cold) request's time with curl, then wrk for DURATION seconds
# with CONNECTIONS connections on 2 threads: requests/s, p50 and p99 latency, errors.
#
#   bench/server/run-server-bench.sh            # CROWDLENS_BUILD=build/release by default
#   SECTIONS="importing" bench/server/run-server-bench.sh   # only some of: demo crowd importing
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${CROWDLENS_BUILD:-$root/build/release}
binary=$build/src/crowdlens
out=$root/build/bench-server
duration=${DURATION:-10}
connections=${CONNECTIONS:-32}
sections=" ${SECTIONS:-demo crowd importing} "
mkdir -p "$out"
command -v wrk >/dev/null || { echo "run-server-bench: wrk is missing (scripts/install-deps.sh installs it)" >&2; exit 1; }

serve() {  # WORKSPACE -> sets server_pid and base
  "$binary" -w "$1" serve --port 0 --quiet --rate 1000000000 > "$out/serve.out" 2> "$out/serve.err" &
  server_pid=$!
  for _ in $(seq 100); do
    base=$(head -1 "$out/serve.out" 2>/dev/null | sed -n 's|^Serving \(http://[^ ]*\)/$|\1|p')
    [ -n "$base" ] && return 0
    sleep 0.1
  done
  echo "run-server-bench: the server did not start: $(cat "$out/serve.err")" >&2
  exit 1
}
stop() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; }
rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$server_pid/status"; }

measure() {  # LABEL PATH
  local cold
  cold=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$base$2")
  wrk -t2 -c"$connections" -d"${duration}s" --latency "$base$2" > "$out/wrk.txt"
  awk -v label="$1" -v path="$2" -v cold="$cold" '
    /Requests\/sec/ {rps = $2}
    /^ +50%/ {p50 = $2}
    /^ +99%/ {p99 = $2}
    /Non-2xx/ {errors += $NF}
    /Socket errors/ {for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) errors += $i + 0}
    END {split(cold, c, " "); printf "| %s | `%s` | %s (HTTP %s) | %.0f | %s | %s | %d |\n", label, path, c[2] "s", c[1], rps, p50, p99, errors}
  ' "$out/wrk.txt"
}

header() { echo "| workspace | endpoint | first request | requests/s | p50 | p99 | errors |"; echo "|---|---|---|---|---|---|---|"; }

endpoints=(
  "/api/v1/status"
  "/api/v1/audience"
  "/api/v1/audience?segment=target&limit=50"
  "/api/v1/influence?top=100&limit=50"
  "/api/v1/reach?when=1"
  "/api/v1/mix"
  "/api/v1/trends"
  "/api/v1/network?limit=300"
)

if [[ $sections == *" demo "* || ! -f "$out/demo/crowdlens.db" ]]; then
  "$root/scripts/demo-workspace.sh" "$binary" "$out/demo" > /dev/null
fi
if [[ $sections == *" demo "* ]]; then
echo "## demo workspace"
serve "$out/demo"
header
for endpoint in "${endpoints[@]}"; do measure demo "$endpoint"; done
stop
echo
fi

if [[ $sections == *" crowd "* ]]; then
echo "## GENERATED crowd of 1,000,000 followers"
if [ ! -f "$out/crowd-1m/crowdlens.db" ]; then
  python3 "$root/bench/server/make_follower_ids.py" 1000000 "$out/followers-1m.json"
  rm -rf "$out/crowd-1m"
  "$binary" -w "$out/crowd-1m" init --owner synthetic_owner > /dev/null
  "$binary" -w "$out/crowd-1m" import --of synthetic_owner --ids followers "$out/followers-1m.json" > /dev/null
fi
serve "$out/crowd-1m"
header
# (This crowd has no target audience, so the member list is asked for with a rule every follower matches.)
for endpoint in "/api/v1/status" "/api/v1/audience?top=10&unfollows=10" \
                "/api/v1/audience?segment=followers%20%3E%3D%200&limit=50&offset=500000"; do
  measure crowd-1m "$endpoint"
done
stop
echo
fi

if [[ $sections == *" importing "* ]]; then
echo "## demo workspace while an import writes to it"
rm -rf "$out/demo-writing"
cp -r "$out/demo" "$out/demo-writing"
serve "$out/demo-writing"
curl -s -o /dev/null "$base/api/v1/status"
before=$(rss_kib)
"$binary" -w "$out/demo-writing" import "$root/data/sample/pheme" "$root/data/sample/vaccine" > "$out/import.txt" 2>&1 &
import_pid=$!
header
measure demo-importing "/api/v1/status"
measure demo-importing "/api/v1/influence?top=20"
wait "$import_pid"
after=$(rss_kib)
peak=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
# Settled: the last state's answers asked for, then past the label refresh interval (5 s).
curl -s -o /dev/null "$base/api/v1/status"; curl -s -o /dev/null "$base/api/v1/influence?top=20"; sleep 6
settled=$(rss_kib)
stop
# The same workspace served afresh, the same endpoints under the same load: the memory it needs anyway.
serve "$out/demo-writing"
wrk -t2 -c"$connections" -d"${duration}s" "$base/api/v1/status" > /dev/null
wrk -t2 -c"$connections" -d"${duration}s" "$base/api/v1/influence?top=20" > /dev/null
fresh=$(rss_kib)
stop
echo
echo "server memory (RSS, KiB): ${before} before the import, ${peak} at its peak, ${after} when the import ended,"
echo "${settled} settled; a fresh server on the imported workspace under the same load: ${fresh}"
fi
