#!/usr/bin/env python3
"""Independent count of the posts per author that carry a hashtag, over the
PHEME threads of data/sample, for tests/cli/prospects_command_test.cc.

Standard library only (gzip, json, os); shares no code with crowdlens.
Every Twitter API v1.1 status in the threads counts once by id: source
tweets, reactions, the JSON lines of retweets.json.gz, and the statuses they
embed with their own user (retweeted_status, quoted_status), as crowdlens
imports those too. A status carries the hashtag when its entities.hashtags
(or extended_tweet's) hold it, or its text holds "#TAG" as a whole tag (any
case). Authors are keyed by user id; the handle shown is the screen_name of
the author's newest status.

Usage (from the repository root):
  python3 tests/expected/scripts/hashtag_authors.py data/sample/pheme germanwings
Prints {"posts": N, "retweets": N, "authors": N, "by_handle": {"handle": [posts, retweets], ...}}.
"""
import gzip
import json
import os
import re
import sys


def statuses(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as source:
        text = source.read()
    text = text.strip()
    if not text:
        return
    try:
        yield json.loads(text)
    except json.JSONDecodeError:
        for line in text.splitlines():
            if line.strip():
                yield json.loads(line)


def with_embedded(status):
    yield status
    for key in ("retweeted_status", "quoted_status"):
        inner = status.get(key)
        if isinstance(inner, dict) and isinstance(inner.get("user"), dict):
            yield from with_embedded(inner)


def carries(status, tag, pattern):
    for holder in (status, status.get("extended_tweet") or {}):
        for item in (holder.get("entities") or {}).get("hashtags", []):
            if item.get("text", "").lower() == tag:
                return True
    text = (status.get("extended_tweet") or {}).get("full_text") or status.get("full_text") or status.get("text") or ""
    return pattern.search(text) is not None


def main():
    root, tag = sys.argv[1], sys.argv[2].lower().lstrip("#")
    pattern = re.compile(r"(?<![\w&])[#＃]" + re.escape(tag) + r"(?!\w)", re.IGNORECASE)
    seen = {}
    for folder, _, files in os.walk(root):
        for name in sorted(files):
            if not (name.endswith(".json") or name.endswith(".json.gz")):
                continue
            if name in ("annotation.json", "structure.json"):
                continue
            for top in statuses(os.path.join(folder, name)):
                if not isinstance(top, dict) or "user" not in top:
                    continue
                for status in with_embedded(top):
                    seen[status["id_str"]] = status
    authors = {}
    for status in seen.values():
        if not carries(status, tag, pattern):
            continue
        user = status["user"]
        entry = authors.setdefault(user["id_str"], {"handle": user["screen_name"], "newest": "", "posts": 0, "retweets": 0})
        entry["posts"] += 1
        entry["retweets"] += 1 if "retweeted_status" in status else 0
        if int(status["id_str"]) > int(entry["newest"] or 0):
            entry["newest"] = status["id_str"]
            entry["handle"] = user["screen_name"]
    by_handle = {entry["handle"]: [entry["posts"], entry["retweets"]] for entry in authors.values()}
    print(json.dumps({
        "posts": sum(entry["posts"] for entry in authors.values()),
        "retweets": sum(entry["retweets"] for entry in authors.values()),
        "authors": len(authors),
        "by_handle": dict(sorted(by_handle.items(), key=lambda item: (-item[1][0], item[0].lower()))),
    }))


main()
