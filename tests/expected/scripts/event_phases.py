#!/usr/bin/env python3
"""Independent counts of posts and accounts with a hashtag before, during and
after an event in the PHEME threads of data/sample, for
tests/analyses/event_sample_test.cc.

Standard library only (gzip, json, os, datetime); shares no code with
crowdlens. Every tweet object in the threads is read (source tweets,
reactions, retweets.json.gz with one tweet per line) together with the tweets
embedded in them (retweeted_status, quoted_status), keyed by id (a tweet
seen twice counts once). A tweet has the tag when one of its
entities.hashtags is the tag in any case. Windows: before = [from - 14 days,
from), during = [from, to + 1 day), after = [to + 1 day, to + 15 days), UTC.

Usage (from the repository root):
  python3 tests/expected/scripts/event_phases.py data/sample/pheme germanwings 2015-03-24 2015-03-24
Prints {"before": [posts, accounts], "during": [...], "after": [...]} as JSON.
"""
import datetime
import gzip
import json
import os
import sys

DAY = 86400


def tweets_in(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as source:
        text = source.read()
    try:
        yield json.loads(text)
        return
    except json.JSONDecodeError:
        pass
    for line in text.splitlines():
        if line.strip():
            yield json.loads(line)


def with_embedded(tweet):
    yield tweet
    for key in ("retweeted_status", "quoted_status"):
        if isinstance(tweet.get(key), dict):
            yield from with_embedded(tweet[key])


def seconds(date):
    return int(datetime.datetime.strptime(date, "%Y-%m-%d").replace(tzinfo=datetime.timezone.utc).timestamp())


def main():
    root, tag, first, last = sys.argv[1], sys.argv[2].lower().lstrip("#"), sys.argv[3], sys.argv[4]
    start, end = seconds(first), seconds(last) + DAY
    tweets = {}
    for folder, _, files in os.walk(root):
        for name in files:
            if name.endswith(".json") or name.endswith(".json.gz"):
                if name in ("annotation.json", "structure.json"):
                    continue
                for tweet in tweets_in(os.path.join(folder, name)):
                    if not isinstance(tweet, dict) or "id" not in tweet:
                        continue
                    for each in with_embedded(tweet):
                        tweets[str(each.get("id_str") or each["id"])] = each
    phases = {"before": (start - 14 * DAY, start), "during": (start, end), "after": (end, end + 14 * DAY)}
    counts = {phase: [0, set()] for phase in phases}
    for tweet in tweets.values():
        tags = {entry["text"].lower() for entry in tweet.get("entities", {}).get("hashtags", [])}
        if tag not in tags:
            continue
        at = int(datetime.datetime.strptime(tweet["created_at"], "%a %b %d %H:%M:%S %z %Y").timestamp())
        for phase, (low, high) in phases.items():
            if low <= at < high:
                counts[phase][0] += 1
                counts[phase][1].add(tweet["user"]["id_str"] if "id_str" in tweet["user"] else str(tweet["user"]["id"]))
    print(json.dumps({phase: [posts, len(users)] for phase, (posts, users) in counts.items()}))


if __name__ == "__main__":
    main()
