#!/usr/bin/env bash
# Builds each fuzz target's seed corpus under OUTDIR/<target>/ from the real
# data the tests use: tests/fixtures, data/sample, the strings of the tests
# (queries, audience rules, locations, timestamps) and, when it lies beside the
# checkout, ../shared/data (twitter-text's conformance texts, tweepy cassettes,
# twarc-csv files, a Matrix Market graph). Large files give only their first
# MAX_SEED_BYTES (decompressed), so nothing large is copied and the seeds fit
# the targets' -max_len. The sniffing target's seeds are the readers' seeds
# behind the byte that names them as fuzz_sniff.cc expects.
#
#   tests/fuzz/make-seeds.sh build/fuzz/seeds
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: tests/fuzz/make-seeds.sh OUTDIR" >&2
  exit 2
fi
OUT=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SAMPLE=$ROOT/data/sample
FIXTURES=$ROOT/tests/fixtures
SHARED=$(cd "$ROOT/.." && pwd)/shared/data
HELPERS=$ROOT/tests/fuzz/seed_helpers.py
MAX_SEED_BYTES=${MAX_SEED_BYTES:-16384}
# Index into fuzz_sniff.cc's kNames for each reader target's seeds.
declare -A SNIFF_NAME_INDEX=(
  [twitter_v1]=1 [twitter_v2]=1 [cassette]=0 [edge_list]=8 [matrix_market]=7 [congress_network]=0
  [contacts_csv]=11 [vcard]=6 [x_archive]=2 [bluesky]=1 [mastodon]=0 [tweet_csv]=12)

# seed TARGET FILE...: the first MAX_SEED_BYTES of each file (gunzipped when gzip), one seed per file.
seed() {
  local target=$1; shift
  mkdir -p "$OUT/$target"
  local file
  for file in "$@"; do
    [ -f "$file" ] || continue
    local name
    name=$(printf '%s' "${file#"$ROOT"/}" | sha1sum | cut -c1-16)
    if [ "$(head -c 2 "$file" | od -An -tx1 | tr -d ' ')" = "1f8b" ]; then
      { gzip -dc "$file" 2>/dev/null || true; } | head -c "$MAX_SEED_BYTES" > "$OUT/$target/$name"
    else
      head -c "$MAX_SEED_BYTES" "$file" > "$OUT/$target/$name"
    fi
  done
}

# first N FILE...: the first N of the files (in name order).
first() { local count=$1; shift; printf '%s\n' "$@" | sort | head -n "$count"; }

mkdir -p "$OUT"

# Readers, fed as one format each.
mapfile -t pheme_statuses < <(first 24 "$SAMPLE"/pheme/*/*/*/source-tweets/*.json)
mapfile -t pheme_reactions < <(first 24 "$SAMPLE"/pheme/en/ferguson/*/reactions/*.json)
mapfile -t pheme_retweets < <(first 4 "$SAMPLE"/pheme/*/*/*/retweets.json.gz)
seed twitter_v1 "$SAMPLE"/twitter-v1/statuses.jsonl "$SAMPLE"/twitter-v1/search_rstats.json \
  "$FIXTURES"/graph/statuses.jsonl "$FIXTURES"/segments/statuses.jsonl \
  "${pheme_statuses[@]}" "${pheme_reactions[@]}" "${pheme_retweets[@]}"
seed twitter_v2 "$SAMPLE"/twitter-v2/*.jsonl
if [ -d "$SHARED/twarc-csv-v2-testdata/test-data" ]; then
  mapfile -t twarc_pages < <(first 16 "$SHARED"/twarc-csv-v2-testdata/test-data/*.jsonl)
  seed twitter_v2 "${twarc_pages[@]}"
fi
seed cassette "$SAMPLE"/twitter-v1/*.json.gz
if [ -d "$SHARED/tweepy-cassettes/cassettes" ]; then
  mapfile -t tweepy < <(first 16 "$SHARED"/tweepy-cassettes/cassettes/*.yaml)
  seed cassette "${tweepy[@]}"
fi
mapfile -t follow_lists < <(first 6 "$SAMPLE"/pheme/*/*/*/who-follows-whom.dat)
seed edge_list "$FIXTURES"/graph/follows.txt "${follow_lists[@]}"
[ -f "$SHARED/snap-ego-twitter-partial/12831.edges" ] && seed edge_list "$SHARED"/snap-ego-twitter-partial/12831.edges
[ -f "$SHARED/konect-ego-twitter/out.ego-twitter" ] && seed edge_list "$SHARED"/konect-ego-twitter/out.ego-twitter
mkdir -p "$OUT/matrix_market"
printf '%%%%MatrixMarket matrix coordinate pattern general\n%% follows among four accounts\n4 4 3\n1 2\n2 3\n4 1\n' \
  > "$OUT/matrix_market/small-pattern"
if [ -f "$SHARED/nr-soc-twitter-follows/soc-twitter-follows.zip" ]; then
  python3 "$HELPERS" zip-head "$OUT/matrix_market" "$SHARED/nr-soc-twitter-follows/soc-twitter-follows.zip" .mtx "$MAX_SEED_BYTES"
fi
python3 "$HELPERS" congress "$OUT/congress_network" "$SAMPLE/congress/congress_network_data.json" 12
python3 "$HELPERS" congress "$OUT/congress_network" "$SAMPLE/congress/congress_network_data.json" 40
seed contacts_csv "$FIXTURES"/contacts/*.csv "$FIXTURES"/contacts/linkedin/* "$FIXTURES"/contacts/malformed/*.csv
seed vcard "$FIXTURES"/contacts/*.vcf "$FIXTURES"/segments/contacts.vcf "$FIXTURES"/contacts/malformed/*.vcf
mapfile -t archive_files < <(find "$FIXTURES/x-archive" -name '*.js' | sort)
seed x_archive "${archive_files[@]}"
seed bluesky "$FIXTURES"/bluesky/*
seed mastodon "$FIXTURES"/mastodon/*
seed tweet_csv "$FIXTURES"/csv/twarc.csv "$SAMPLE"/vaccine/vaccination_tweets.csv.gz

# Sniffing: every reader seed behind the byte that picks a fitting name.
mkdir -p "$OUT/sniff"
for target in "${!SNIFF_NAME_INDEX[@]}"; do
  prefix=$(printf "\\\\x%02x" "${SNIFF_NAME_INDEX[$target]}")
  for file in "$OUT/$target"/*; do
    [ -f "$file" ] || continue
    { printf "$prefix"; cat "$file"; } > "$OUT/sniff/$target-$(basename "$file")"
  done
done

# The CSV reader: every CSV the readers take.
seed csv "$FIXTURES"/contacts/*.csv "$FIXTURES"/contacts/linkedin/* "$FIXTURES"/contacts/malformed/*.csv \
  "$FIXTURES"/csv/twarc.csv "$FIXTURES"/mastodon/following_accounts.csv "$SAMPLE"/vaccine/vaccination_tweets.csv.gz

# Parsers of short texts: the strings their tests use.
python3 "$HELPERS" literals "$OUT/query" "$ROOT"/tests/analyses/query_test.cc "$ROOT"/tests/analyses/listen_test.cc \
  "$ROOT"/tests/analyses/watch_test.cc "$ROOT"/tests/cli/listen_test.cc
python3 "$HELPERS" literals "$OUT/audience_rule" "$ROOT"/tests/analyses/audience_rule_test.cc \
  "$ROOT"/tests/analyses/audience_test.cc "$ROOT"/tests/cli/audience_command_test.cc
python3 "$HELPERS" literals "$OUT/location" "$ROOT"/tests/text/location_test.cc "$ROOT"/tests/text/location_tokens_test.cc
python3 "$HELPERS" literals "$OUT/timestamp" "$ROOT"/tests/core/time_test.cc
# ...and the dates the fixtures carry, in every shape their sources write.
grep -rhoE '"(created_at|createdAt|generationDate|indexedAt)": ?"[^"]{1,40}"' "$FIXTURES" | cut -d'"' -f4 | sort -u |
  head -n 60 | while IFS= read -r date; do
    printf '%s' "$date" > "$OUT/timestamp/$(printf '%s' "$date" | sha1sum | cut -c1-16)"
  done
python3 "$HELPERS" literals "$OUT/entities" "$ROOT"/tests/text/entities_test.cc
# Request targets: the paths and queries the server's tests send.
python3 "$HELPERS" literals "$OUT/http_request" "$ROOT"/tests/server/api_server_test.cc
if [ -f "$SHARED/twitter-text-conformance/extract.yml" ]; then
  python3 "$HELPERS" yaml-texts "$OUT/entities" "$SHARED/twitter-text-conformance/extract.yml" 400
fi

for target in "$OUT"/*/; do
  printf 'make-seeds: %-18s %5d seeds\n' "$(basename "$target")" "$(find "$target" -type f | wc -l)"
done
