#!/usr/bin/env bash
# Posts per second through the streaming tier on this machine: `crowdlens publish` of a real
# corpus into NATS JetStream (timed alone), then 1, 2 and 4 `crowdlens worker` processes (one
# durable consumer, one shared workspace) drain the stream into a workspace, timed from their start
# until the workspace holds every post. Each run is checked against a direct `crowdlens import` of
# the same file before its figures are printed. --cluster runs the same on a 3-node cluster with replicas 3.
#
#   bench/stream/run-stream-bench.sh [--cluster] [--workers "1 2 4"]
set -euo pipefail
cd "$(dirname "$0")/../.."

BUILD=${BUILD:-build/release}
CROWDLENS=$(realpath "$BUILD/src/crowdlens")
NATS_SERVER=$(command -v nats-server || echo /usr/sbin/nats-server)
COPIES=${CROWDLENS_STREAM_BENCH_COPIES:-4}
CLUSTER=0
WORKER_COUNTS="1 2 4"
while [ $# -gt 0 ]; do
  case "$1" in
    --cluster) CLUSTER=1 ;;
    --workers) WORKER_COUNTS="$2"; shift ;;
    *) echo "usage: $0 [--cluster] [--workers \"1 2 4\"]" >&2; exit 2 ;;
  esac
  shift
done
[ -x "$NATS_SERVER" ] || { echo "nats-server is not installed (apt-get install nats-server)" >&2; exit 1; }

mkdir -p build/bench-data
# v1.1 JSON lines: the real PHEME statuses of data/sample, replicated with shifted ids.
INPUT=build/bench-data/pheme-statuses-x$COPIES.jsonl
[ -s "$INPUT" ] || python3 bench/make_tweet_corpus.py data/sample/pheme "$INPUT" "$COPIES"

WORK=$(mktemp -d /tmp/crowdlens-stream-bench.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The servers: one, or three with routes between them.
MEMBERS=1; REPLICAS=1
[ "$CLUSTER" = 1 ] && { MEMBERS=3; REPLICAS=3; }
URLS=""; ROUTES=()
CLIENT_PORTS=()
for member in $(seq 1 $MEMBERS); do CLIENT_PORTS+=("$(free_port)"); ROUTES+=("$(free_port)"); done
for member in $(seq 1 $MEMBERS); do
  index=$((member - 1))
  conf="$WORK/n$member.conf"
  {
    echo "server_name: n$member"
    echo "listen: 127.0.0.1:${CLIENT_PORTS[$index]}"
    echo "jetstream { store_dir: \"$WORK/n$member\" }"
    if [ "$MEMBERS" -gt 1 ]; then
      echo "cluster { name: bench, listen: 127.0.0.1:${ROUTES[$index]}, routes: ["
      for other in $(seq 1 $MEMBERS); do
        [ "$other" = "$member" ] || echo "  nats-route://127.0.0.1:${ROUTES[$((other - 1))]}"
      done
      echo "] }"
    fi
  } > "$conf"
  "$NATS_SERVER" -c "$conf" > "$WORK/n$member.log" 2>&1 &
  PIDS+=($!)
  URLS="${URLS:+$URLS,}nats://127.0.0.1:${CLIENT_PORTS[$index]}"
done
sleep 3

# The check: a direct import of the same file.
"$CROWDLENS" --workspace "$WORK/reference" import "$INPUT" > /dev/null 2>&1
EXPECTED=$(sqlite3 "$WORK/reference/crowdlens.db" "SELECT count(*) FROM posts")
echo "input: $INPUT ($EXPECTED posts), servers: $MEMBERS, replicas: $REPLICAS, cores: $(nproc)"
printf "%-8s %-8s %-10s %-10s %-16s %-14s\n" workers posts publish_s drain_s publish_posts_s drain_posts_s

for workers in $WORKER_COUNTS; do
  stream="BENCH$workers"; prefix="bench$workers.posts"; workspace="$WORK/ws$workers"
  "$CROWDLENS" --workspace "$workspace" init > /dev/null
  WORKER_PIDS=()
  start=$(date +%s.%N)
  # Publish alone first, so the drain below measures the workers only.
  "$CROWDLENS" publish "$INPUT" --nats "$URLS" --stream "$stream" --subject-prefix "$prefix" \
    --replicas "$REPLICAS" -o json > "$WORK/publish$workers.json"
  published=$(date +%s.%N)
  for worker in $(seq 1 "$workers"); do
    "$CROWDLENS" --workspace "$workspace" worker --nats "$URLS" --stream "$stream" --subject-prefix "$prefix" \
      --durable bench --batch 1000 > "$WORK/worker$workers-$worker.log" 2>&1 &
    WORKER_PIDS+=($!)
  done
  while :; do
    posts=$(sqlite3 -cmd ".timeout 5000" "$workspace/crowdlens.db" "SELECT count(*) FROM posts")
    [ "$posts" -ge "$EXPECTED" ] && break
    sleep 0.05
  done
  done_at=$(date +%s.%N)
  for pid in "${WORKER_PIDS[@]}"; do kill -TERM "$pid"; wait "$pid" || true; done
  posts=$(sqlite3 "$workspace/crowdlens.db" "SELECT count(*) FROM posts")
  [ "$posts" = "$EXPECTED" ] || { echo "workers=$workers: $posts posts, expected $EXPECTED" >&2; exit 1; }
  python3 - "$workers" "$posts" "$start" "$published" "$done_at" <<'PY'
import sys
workers, posts, start, published, done = sys.argv[1], int(sys.argv[2]), *map(float, sys.argv[3:])
print(f"{workers:<8} {posts:<8} {published - start:<10.2f} {done - published:<10.2f} "
      f"{posts / (published - start):<16.0f} {posts / (done - published):<14.0f}")
PY
done
