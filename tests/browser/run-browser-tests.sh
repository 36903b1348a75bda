#!/usr/bin/env bash
# Browser tests of the dashboard against the real server: makes a fresh demo
# workspace from data/sample and a stream of its PHEME posts for the server's
# watch to replay (the live panel), builds web/ (npm ci only when node_modules is
# missing or older than package-lock.json), starts `BINARY serve --port 0`,
# reads its address from the first line it prints and runs web/tests/ with
# headless Chromium. The server is stopped on every exit; the exit status is the tests'.
#
#   tests/browser/run-browser-tests.sh build/release/src/crowdlens
# Screenshots go to $CROWDLENS_ARTIFACTS (default: build/browser-artifacts).
# Exits 77 (skipped) when node, npm or Chromium is missing.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 BINARY" >&2
  exit 2
fi
binary=$(realpath -m "$1")
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
web="$root/web"
export CROWDLENS_CHROMIUM=${CROWDLENS_CHROMIUM:-/usr/bin/chromium}
export CROWDLENS_ARTIFACTS=${CROWDLENS_ARTIFACTS:-$root/build/browser-artifacts}

if [ ! -x "$binary" ]; then
  echo "browser tests: $1 is not an executable crowdlens binary; build it first" >&2
  exit 1
fi
for tool in node npm; do
  if ! command -v "$tool" >/dev/null; then
    echo "browser tests skipped: $tool is not installed (apt-get install nodejs npm)" >&2
    exit 77
  fi
done
if [ ! -x "$CROWDLENS_CHROMIUM" ]; then
  echo "browser tests skipped: no Chromium at $CROWDLENS_CHROMIUM (scripts/install-deps.sh installs it)" >&2
  exit 77
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/crowdlens-browser.XXXXXX")
server_pid=""
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$scratch"
}
trap stop_server EXIT
trap 'exit 130' INT TERM

echo "==> demo workspace in $scratch/workspace"
if ! "$root/scripts/demo-workspace.sh" "$binary" "$scratch/workspace" >"$scratch/workspace.log" 2>&1; then
  cat "$scratch/workspace.log" >&2
  echo "browser tests: making the demo workspace failed (log above)" >&2
  exit 1
fi

cd "$web"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  echo "==> npm ci"
  npm ci --no-audit --no-fund
  touch node_modules
fi
echo "==> npm run build"
npm run build --silent >"$scratch/build.log" 2>&1 || { cat "$scratch/build.log" >&2; exit 1; }

# The sample's PHEME threads as a stream in time order, replayed by the server's watch for the live panel.
python3 "$root/bench/listen/make_pheme_stream.py" "$root/data/sample/pheme" "$scratch/stream.jsonl" >/dev/null
echo "==> crowdlens serve --port 0 --watch stream.jsonl --replay"
"$binary" -w "$scratch/workspace" serve --host 127.0.0.1 --port 0 --static "$web/dist" \
  --watch "$scratch/stream.jsonl" --replay --window 1h >"$scratch/serve.out" 2>"$scratch/serve.err" &
server_pid=$!
url=""
for _ in $(seq 1 300); do
  if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
  first_line=$(head -n 1 "$scratch/serve.out" 2>/dev/null || true)
  if [[ "$first_line" =~ ^Serving\ (http://[^[:space:]]+/)$ ]]; then
    url=${BASH_REMATCH[1]}
    break
  fi
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "browser tests: the server printed no 'Serving http://HOST:PORT/' line; its output:" >&2
  cat "$scratch/serve.out" "$scratch/serve.err" >&2
  exit 1
fi
echo "==> server at $url; screenshots in $CROWDLENS_ARTIFACTS"
mkdir -p "$CROWDLENS_ARTIFACTS"

status=0
CROWDLENS_URL="$url" node --test --test-concurrency=1 tests/dashboard.test.mjs || status=$?
if [ "$status" -ne 0 ]; then
  echo "browser tests failed; the server's log:" >&2
  tail -n 40 "$scratch/serve.out" "$scratch/serve.err" >&2 || true
fi
exit "$status"
