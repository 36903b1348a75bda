#!/usr/bin/python3
"""Counts what the TwiBot-20 sample holds, independently of crowdlens.

Prints the number of users and tweets, the users per domain label (the file
spells business "Bussiness"), the median follower count by the number of
domains a user has, and the baselines a topic classifier should beat:
labelling every user with all four domains, or with politics only. The
evaluation test (tests/analyses/segment_twibot_test.cc) checks its reading of
the file against these counts.

Usage: /usr/bin/python3 tests/expected/scripts/twibot_domains.py \
           ../shared/data/twibot20-sample/TwiBot-20_sample.json
"""
import json
import sys
from collections import Counter

DOMAINS = ["politics", "business", "entertainment", "sports"]


def domains_of(user):
    names = {name.strip().lower() for name in (user.get("domain") or [])}
    return {"business" if name == "bussiness" else name for name in names}


def baseline(users, predict):
    """Per-domain precision and recall, and the share of user x domain decisions that are right."""
    right = 0
    rows = []
    for domain in DOMAINS:
        tp = sum(1 for u in users if domain in predict(u) and domain in domains_of(u))
        fp = sum(1 for u in users if domain in predict(u) and domain not in domains_of(u))
        fn = sum(1 for u in users if domain not in predict(u) and domain in domains_of(u))
        right += sum(1 for u in users if (domain in predict(u)) == (domain in domains_of(u)))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        rows.append(f"  {domain:<14} precision {precision:.3f} recall {recall:.3f}")
    return rows, right / (4 * len(users))


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        users = json.load(handle)
    tweets = sum(len(user.get("tweet") or []) for user in users)
    per_domain = Counter(domain for user in users for domain in domains_of(user))
    print(f"users {len(users)}")
    print(f"tweets {tweets}")
    for domain in DOMAINS:
        print(f"{domain} {per_domain[domain]}")
    print("label sets:")
    for labels, count in Counter(tuple(sorted(domains_of(u))) for u in users).most_common():
        print(f"  {count:3d} {', '.join(labels)}")
    # What the label sets follow: the median follower count by the number of domains a user has.
    by_size = {}
    for user in users:
        followers = int(str(user["profile"].get("followers_count") or "0").strip() or 0)
        by_size.setdefault(len(domains_of(user)), []).append(followers)
    for size in sorted(by_size):
        counts = sorted(by_size[size])
        print(f"users with {size} domain(s): {len(counts)}, median followers {counts[len(counts) // 2]}")
    for name, predict in [("all four", lambda u: set(DOMAINS)), ("politics only", lambda u: {"politics"})]:
        rows, hamming = baseline(users, predict)
        print(f"baseline {name}: hamming accuracy {hamming:.3f}")
        print("\n".join(rows))


if __name__ == "__main__":
    main()
