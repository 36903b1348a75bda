#!/usr/bin/env python3
"""Writes the PHEME threads of a folder as one JSON-lines stream in time order,
for replaying with `crowdlens watch --replay` (demo and benchmark input).

Every source tweet, reaction and retweet (Twitter API v1.1 statuses, unchanged
but for compact separators) becomes one line, sorted by created_at (stable).

Usage (from the repository root):
  python3 bench/listen/make_pheme_stream.py data/sample/pheme build/pheme-stream.jsonl
"""
import datetime
import glob
import gzip
import json
import os
import sys


def created(status):
    return datetime.datetime.strptime(status["created_at"], "%a %b %d %H:%M:%S %z %Y")


def main():
    root, out_path = sys.argv[1], sys.argv[2]
    statuses = []
    for folder in ("source-tweets", "reactions"):
        for path in sorted(glob.glob(os.path.join(root, "*", "*", "*", folder, "*.json"))):
            with open(path, encoding="utf-8") as source:
                statuses.append(json.load(source))
    for path in sorted(glob.glob(os.path.join(root, "*", "*", "*", "retweets.json.gz"))):
        with gzip.open(path, "rt", encoding="utf-8") as source:
            statuses.extend(json.loads(line) for line in source if line.strip())
    statuses.sort(key=created)
    with open(out_path, "w", encoding="utf-8") as out:
        for status in statuses:
            out.write(json.dumps(status, ensure_ascii=False, separators=(",", ":")) + "\n")
    print("{} statuses -> {}".format(len(statuses), out_path))


main()
