#!/usr/bin/env bash
# Installs every Debian package that crowdlens's build, tests, benchmarks and
# demo need. Idempotent: when all are present it changes nothing and exits 0.
set -euo pipefail

PACKAGES=(
  # toolchain
  g++ cmake ninja-build pkg-config make
  # libraries the product links
  libsimdjson-dev libsqlite3-dev libcli11-dev libfmt-dev nlohmann-json3-dev libtomlplusplus-dev libcpp-httplib-dev
  zlib1g-dev libzstd-dev libzip-dev libutf8proc-dev libicu-dev libhyperscan-dev libstemmer-dev
  # data the location gazetteer is generated from at build time (GeoNames cities, ISO 3166, a word list)
  libgeonames0 libgeonames-common libglib2.0-bin iso-codes wamerican
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev libyaml-cpp-dev sqlite3 gzip zstd python3
  # peers the graph tests and benchmarks compare against (Debian's python3)
  python3-igraph python3-graph-tool python3-networkx time
  # the HTTP load test (bench/server)
  wrk
  # fuzzing (make fuzz): clang with libFuzzer, OpenMP for clang, YAML for the conformance seeds
  clang-14 libfuzzer-14-dev libomp-14-dev python3-yaml
  # browser tests
  chromium
  # beyond one machine (docs/scale.md): graph kernels on MPI with CombBLAS, streaming ingest on NATS JetStream
  openmpi-bin libopenmpi-dev libcombblas-dev nats-server libnats-dev libwebsockets-dev python3-websockets
)

missing=()
for package in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "install-deps: run as root or install sudo to install: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: done"
