#!/usr/bin/env python3
"""Extract plain Twitter API v1.1 files from the rtweet httptest cassette
search_tweets.json.gz.

Usage: python3 extract_twitter_v1.py CASSETTE.json.gz OUT_DIR

Writes
  OUT_DIR/search_rstats.json : the response body string of the first
                               interaction, byte for byte as recorded
                               (UTF-8, no trailing newline added).
  OUT_DIR/statuses.jsonl     : every status of body["statuses"] of every
                               interaction, in order, one compact JSON object
                               per line (separators ',' ':', non-ASCII kept as
                               UTF-8, key order kept), first occurrence of each
                               id_str only, each line ending in '\n'.
"""
import gzip, json, os, sys

cassette, out = sys.argv[1], sys.argv[2]
with gzip.open(cassette, "rt", encoding="utf-8") as f:
    doc = json.load(f)
inter = doc["http_interactions"]
bodies = [i["response"]["body"]["string"] for i in inter]
with open(os.path.join(out, "search_rstats.json"), "w", encoding="utf-8", newline="") as f:
    f.write(bodies[0])
seen = set()
n = 0
with open(os.path.join(out, "statuses.jsonl"), "w", encoding="utf-8", newline="") as f:
    for body in bodies:
        b = json.loads(body)
        for st in b.get("statuses", []):
            if st["id_str"] in seen:
                continue
            seen.add(st["id_str"])
            f.write(json.dumps(st, ensure_ascii=False, separators=(",", ":")) + "\n")
            n += 1
print(f"interactions={len(bodies)} statuses_written={n}", file=sys.stderr)
