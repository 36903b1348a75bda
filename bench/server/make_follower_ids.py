#!/usr/bin/env python3
"""Writes a GENERATED follower-id list for load tests: N distinct numeric ids in the
shape of Twitter's followers/ids response ({"ids": [...]}), from a fixed seed so every
run is the same. Not real accounts; never presented as real data."""
import json
import random
import sys

if len(sys.argv) != 3:
    sys.exit("usage: make_follower_ids.py COUNT OUTPUT.json")
count = int(sys.argv[1])
generator = random.Random(20261127)
ids = generator.sample(range(10**9, 10**9 + 50 * count), count)
with open(sys.argv[2], "w") as out:
    json.dump({"ids": [str(value) for value in ids], "next_cursor": 0, "previous_cursor": 0}, out)
