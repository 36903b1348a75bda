#!/usr/bin/env python3
"""Run counts.py over every reference input and write
tests/expected/counts.json and tests/expected/diagnostics.json.

Usage (from the repository root, /work/main):
  python3 tests/expected/scripts/make_counts.py [SHARED_DATA_DIR]
SHARED_DATA_DIR defaults to ../shared/data (i.e. /work/shared/data).

Keys are paths relative to the repository root for data/sample/...,
and relative to SHARED_DATA_DIR for everything else.
"""
import glob
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SHARED = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else \
    os.path.abspath(os.path.join(ROOT, "..", "shared", "data"))
COUNTS = os.path.join(HERE, "counts.py")


def run(kind, *args):
    out = subprocess.run([sys.executable, COUNTS, kind, *args], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    jobs = []  # (key, kind, args)
    for f in ("search_rstats.json", "statuses.jsonl"):
        jobs.append(("data/sample/twitter-v1/" + f, "v1",
                     [os.path.join(ROOT, "data/sample/twitter-v1", f)]))
    for f in sorted(os.listdir(os.path.join(ROOT, "data/sample/twitter-v2"))):
        if not f.endswith(".jsonl"):
            continue
        kind = {"flat.jsonl": "flat", "users.jsonl": "users"}.get(f, "v2")
        jobs.append(("data/sample/twitter-v2/" + f, kind,
                     [os.path.join(ROOT, "data/sample/twitter-v2", f)]))
    jobs.append(("data/sample/pheme", "pheme", [os.path.join(ROOT, "data/sample/pheme")]))
    jobs.append(("pheme-journalism/threads/en/germanwings-crash", "pheme",
                 [os.path.join(SHARED, "pheme-journalism/threads/en/germanwings-crash")]))
    for f in ("snap-congress-twitter/congress.edgelist",
              "konect-ego-twitter/out.ego-twitter",
              "snap-higgs/higgs-mention_network.edgelist",
              "snap-slashdot/soc-Slashdot0902.txt.gz"):
        jobs.append((f, "edgelist", [os.path.join(SHARED, f)]))
    jobs.append(("nr-soc-twitter-follows/soc-twitter-follows.zip:soc-twitter-follows.mtx", "mtx",
                 [os.path.join(SHARED, "nr-soc-twitter-follows/soc-twitter-follows.zip"),
                  "soc-twitter-follows.mtx"]))
    for p in sorted(glob.glob(os.path.join(SHARED, "twarc-csv-v2-testdata/test-data/*.jsonl"))):
        f = os.path.basename(p)
        kind = {"flat.jsonl": "flat", "users.jsonl": "users"}.get(f, "v2")
        jobs.append(("twarc-csv-v2-testdata/test-data/" + f, kind, [p]))
    # extra: shipped files not covered above
    jobs.append(("data/sample/congress/congress.edgelist", "edgelist",
                 [os.path.join(ROOT, "data/sample/congress/congress.edgelist")]))
    jobs.append(("data/sample/congress/congress_network_data.json", "congressjson",
                 [os.path.join(ROOT, "data/sample/congress/congress_network_data.json")]))
    jobs.append(("data/sample/vaccine/vaccination_tweets.csv.gz", "csv",
                 [os.path.join(ROOT, "data/sample/vaccine/vaccination_tweets.csv.gz")]))

    counts, diags, commands = {}, {}, {}
    for key, kind, args in jobs:
        r = run(kind, *args)
        counts[key] = r["counts"]
        diags[key] = r["diagnostics"]
        rel = [os.path.relpath(a, ROOT) if os.path.exists(a) else a for a in args]
        commands[key] = "python3 tests/expected/scripts/counts.py %s %s" % (kind, " ".join(rel))
        print(key, json.dumps(r["counts"]), file=sys.stderr)
    with open(os.path.join(ROOT, "tests/expected/counts.json"), "w") as f:
        json.dump(counts, f, indent=2)
        f.write("\n")
    with open(os.path.join(ROOT, "tests/expected/diagnostics.json"), "w") as f:
        json.dump({"commands": commands, "diagnostics": diags}, f, indent=2, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
