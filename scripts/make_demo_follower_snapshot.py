#!/usr/bin/env python3
"""Writes data/generated/BBCBreaking-followers-later.json: a GENERATED
follower list for the demo's owner, so the demo can show growth and the
unfollow log. It is not real data.

It takes BBCBreaking's (user id 5402612) followers as the PHEME threads in
data/sample/pheme record them (who-follows-whom.dat: "follower followee" per
line), drops every 25th of them in ascending id order (they "unfollow"), and
writes the rest as one complete followers/ids page ("next_cursor_str": "0").

    python3 scripts/make_demo_follower_snapshot.py

The demo imports it after data/sample with
    crowdlens import --of BBCBreaking --ids followers data/generated/BBCBreaking-followers-later.json
"""
import json
import pathlib

OWNER_ID = "5402612"
ROOT = pathlib.Path(__file__).resolve().parent.parent
PHEME = ROOT / "data" / "sample" / "pheme"
OUT = ROOT / "data" / "generated" / "BBCBreaking-followers-later.json"

followers = set()
for path in sorted(PHEME.rglob("who-follows-whom.dat")):
    for line in path.read_text().splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[1] == OWNER_ID and parts[0] != OWNER_ID:
            followers.add(parts[0])

ordered = sorted(followers, key=int)
kept = [user for index, user in enumerate(ordered) if index % 25 != 24]
OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps({
    "ids": kept,
    "next_cursor_str": "0",
    "previous_cursor_str": "0",
}) + "\n")
print(f"{len(ordered)} followers in PHEME, {len(ordered) - len(kept)} dropped, {len(kept)} written to {OUT}")
