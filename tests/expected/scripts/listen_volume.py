#!/usr/bin/env python3
"""Independent day-by-day volume of a one-word listening query over the
Kaggle vaccination tweets CSV, for tests/analyses/listen_test.cc.

Standard library only (csv, gzip, json, re); shares no code with crowdlens.
A post matches WORD when its lower-cased text holds WORD as a whole word:
not preceded by a word character or '@' (an @mention is not the word), not
followed by a word character. `--not OTHER` leaves out posts that hold OTHER
the same way. Rows are keyed by tweet id (a repeated id counts once, the
last row wins, as the importer's upsert does); days are UTC dates of the
`date` column.

Usage (from the repository root):
  python3 tests/expected/scripts/listen_volume.py data/sample/vaccine/vaccination_tweets.csv.gz moderna
  python3 tests/expected/scripts/listen_volume.py data/sample/vaccine/vaccination_tweets.csv.gz pfizer --not moderna
Prints {"matched": N, "days": {"YYYY-MM-DD": N, ...}} as JSON.
"""
import csv
import gzip
import json
import re
import sys


def holds(text, word):
    return re.search(r"(?<![\w@])" + re.escape(word) + r"(?!\w)", text) is not None


def main():
    path, word = sys.argv[1], sys.argv[2].lower()
    excluded = sys.argv[4].lower() if len(sys.argv) > 4 and sys.argv[3] == "--not" else None
    opener = gzip.open if path.endswith(".gz") else open
    rows = {}
    with opener(path, "rt", encoding="utf-8", newline="") as source:
        for row in csv.DictReader(source):
            rows[row["id"]] = row
    days = {}
    for row in rows.values():
        text = row["text"].lower()
        if not holds(text, word) or (excluded and holds(text, excluded)):
            continue
        day = row["date"][:10]
        days[day] = days.get(day, 0) + 1
    print(json.dumps({"matched": sum(days.values()), "days": dict(sorted(days.items()))}))


main()
