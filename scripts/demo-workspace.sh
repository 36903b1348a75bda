#!/usr/bin/env bash
# Makes the demo workspace: a fresh WORKSPACE with BBCBreaking as owner, data/sample
# imported, a later (generated) follower list for growth and unfollows, and a
# target audience in crowdlens.toml. `make demo` and the browser tests both use it.
#
#   scripts/demo-workspace.sh build/release/src/crowdlens build/demo-workspace
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 BINARY WORKSPACE" >&2
  exit 2
fi
binary=$(realpath -m "$1")
workspace=$(realpath -m "$2")
shown_workspace=$2
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ ! -x "$binary" ]; then
  echo "demo-workspace: $1 is not an executable crowdlens binary; build it first (make build)" >&2
  exit 1
fi

cl() { "$binary" --workspace "$workspace" "$@"; }

rm -rf "$workspace"
echo "==> crowdlens init --owner BBCBreaking   (workspace: $shown_workspace)"
cl init --owner BBCBreaking >/dev/null
echo "==> crowdlens import data/sample"
(cd "$root" && cl import data/sample)
echo "==> crowdlens import --of BBCBreaking --ids followers data/generated/BBCBreaking-followers-later.json"
echo "    (GENERATED data, not real: a later follower list with every 25th follower dropped; see data/generated/README.md)"
(cd "$root" && cl import --of BBCBreaking --ids followers data/generated/BBCBreaking-followers-later.json >/dev/null)
printf '\n[audience]\ntarget = "(country = GB and not role in [spam]) or role = journalist"\n' >> "$workspace/crowdlens.toml"
echo "==> crowdlens import tests/fixtures/contacts/sample-matches.csv"
echo "    (a HAND-BUILT address book: names of newsroom accounts in data/sample with made-up emails; see tests/fixtures/contacts/README.md)"
(cd "$root" && cl import tests/fixtures/contacts/sample-matches.csv >/dev/null)
cl match >/dev/null
