#!/usr/bin/env python3
"""Ground truth for `crowdlens locate`: the country each PHEME author tweeted from.

A tweet with a place tag (`place.country_code`) says where its author was; an author's
country is the code on most of their tagged tweets (ties: the alphabetically first).
Authors are read from source tweets, reactions and retweets, as they are embedded in
each status (`user.location`, `user.time_zone`); a retweeted or quoted status counts
for its own author.

  python3 tests/expected/scripts/location_ground_truth.py ../shared/data/pheme-journalism/threads
      prints one author a line: id, country, location, time zone (tab-separated;
      tabs, newlines and backslashes in the texts escaped as \\t \\n \\r \\\\)
  python3 tests/expected/scripts/location_ground_truth.py ../shared/data/pheme-journalism/threads \\
      --evaluate build/release/src/crowdlens
      runs `crowdlens locate --batch - -o ndjson` on the locations and prints coverage and accuracy
"""
import argparse
import collections
import gzip
import json
import os
import subprocess
import sys


def authors(root):
    found = {}

    def walk(status):
        if not status:
            return
        user = status["user"]
        record = found.setdefault(user["id_str"], {"location": user.get("location") or "",
                                                    "time_zone": user.get("time_zone") or "",
                                                    "countries": collections.Counter()})
        place = status.get("place") or {}
        if place.get("country_code"):
            record["countries"][place["country_code"]] += 1
        walk(status.get("retweeted_status"))
        walk(status.get("quoted_status"))

    for folder, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            path = os.path.join(folder, name)
            if name.endswith(".json") and os.path.basename(folder) in ("source-tweets", "reactions"):
                with open(path, encoding="utf-8") as stream:
                    walk(json.load(stream))
            elif name == "retweets.json.gz":
                with gzip.open(path, "rt", encoding="utf-8") as stream:
                    for line in stream:
                        if line.strip():
                            walk(json.loads(line))
    truth = []
    for user_id, record in sorted(found.items()):
        if record["countries"]:
            country = sorted(record["countries"].items(), key=lambda item: (-item[1], item[0]))[0][0]
            truth.append((user_id, country, record["location"], record["time_zone"]))
    return truth


def escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def evaluate(truth, binary):
    def run(lines):
        output = subprocess.run([binary, "locate", "--batch", "-", "-o", "ndjson"], input="\n".join(lines) + "\n",
                                capture_output=True, text=True, check=True).stdout
        return [json.loads(line) for line in output.splitlines() if line.strip()]

    def flat(text):
        return " ".join(text.split())

    with_text = [row for row in truth if row[2].strip()]
    text_only = run([flat(row[2]) for row in with_text])
    resolved = [(row, answer) for row, answer in zip(with_text, text_only) if answer.get("country")]
    correct = sum(1 for row, answer in resolved if answer["country"] == row[1])
    print(f"authors with a place-tagged tweet: {len(truth)}; with a profile location: {len(with_text)}")
    print(f"profile text: resolved {len(resolved)}/{len(with_text)} (coverage {len(resolved) / len(with_text):.3f}), "
          f"country correct {correct}/{len(resolved)} (accuracy {correct / max(len(resolved), 1):.3f})")
    with_zone = run([flat(row[2]) + "\t" + flat(row[3]) for row in truth])
    resolved = [(row, answer) for row, answer in zip(truth, with_zone) if answer.get("country")]
    correct = sum(1 for row, answer in resolved if answer["country"] == row[1])
    by_zone = sum(1 for _, answer in resolved if answer["method"] == "time_zone")
    print(f"text, then time zone: resolved {len(resolved)}/{len(truth)} (coverage {len(resolved) / len(truth):.3f}, "
          f"{by_zone} by time zone), country correct {correct}/{len(resolved)} "
          f"(accuracy {correct / max(len(resolved), 1):.3f})")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("threads", help="pheme-journalism/threads")
    parser.add_argument("--evaluate", metavar="CROWDLENS", help="the crowdlens binary to evaluate")
    args = parser.parse_args()
    truth = authors(args.threads)
    if args.evaluate:
        evaluate(truth, args.evaluate)
        return
    for user_id, country, location, time_zone in truth:
        sys.stdout.write("\t".join([user_id, country, escape(location), escape(time_zone)]) + "\n")


if __name__ == "__main__":
    main()
