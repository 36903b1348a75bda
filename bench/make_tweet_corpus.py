#!/usr/bin/env python3
"""Builds the import benchmark's input: real Twitter API v1.1 statuses, replicated.

The statuses are the real PHEME journalism threads shipped in data/sample/pheme
(source tweets, reactions and retweets). To reach benchmark size, the set is
written COPIES times; copy k > 0 appends k as three digits to every status id
and user id (id_str, nested retweeted/quoted statuses, authors), so ids stay
unique and authors repeat no more often than in the real threads. The text,
entities, profiles and shapes are unchanged. The output is generated from real
data and is labelled as such; it is written under build/, never committed.

usage: make_tweet_corpus.py SAMPLE_DIR OUTPUT.jsonl COPIES
"""
import gzip
import json
import os
import sys


def statuses(root):
    for folder, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            path = os.path.join(folder, name)
            base = os.path.basename(folder)
            if name.endswith(".json") and base in ("source-tweets", "reactions"):
                with open(path, encoding="utf-8") as handle:
                    yield json.load(handle)
            elif name == "retweets.json.gz":
                with gzip.open(path, "rt", encoding="utf-8") as handle:
                    for line in handle:
                        if line.strip():
                            yield json.loads(line)


def shift(status, suffix):
    if not isinstance(status, dict):
        return
    status["id_str"] = status["id_str"] + suffix
    status.pop("id", None)
    user = status.get("user")
    if isinstance(user, dict):
        user["id_str"] = user["id_str"] + suffix
        user.pop("id", None)
    for nested in ("retweeted_status", "quoted_status"):
        shift(status.get(nested), suffix)


def main():
    sample, output, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
    originals = [json.dumps(s, ensure_ascii=False, separators=(",", ":")) for s in statuses(sample)]
    with open(output, "w", encoding="utf-8") as out:
        for copy in range(copies):
            for line in originals:
                if copy == 0:
                    out.write(line + "\n")
                    continue
                status = json.loads(line)
                shift(status, "%03d" % copy)
                out.write(json.dumps(status, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{len(originals) * copies} statuses ({len(originals)} real x {copies}) -> {output}")


if __name__ == "__main__":
    main()
