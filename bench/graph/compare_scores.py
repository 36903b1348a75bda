#!/usr/bin/python3
"""Checks two PageRank vectors against each other by node id, before any time is reported.

    compare_scores.py CROWDLENS PEER_SCORES.npy PEER_LABELS [--max-l1 1e-6]

CROWDLENS is either pagerank_run's scores .npy (its labels are then read from
the file of the same name ending in .labels.npy instead of .scores.npy) or
the CSV that `crowdlens graph pagerank -o csv` prints (node,score rows).
PEER_LABELS is the .labels.npy of the peer's input, or "dense" when node ids
are the dense ids themselves (the generated R-MAT graphs).

Both node-id sets must be the same; prints one JSON line with the L1 distance
and the largest difference, and exits 1 when the L1 distance exceeds --max-l1.

The CLI's CSV prints scores with 6 significant digits (printf %.6g), which on
its own can move the L1 distance of a large graph past 1e-6. For a CSV the
bound is therefore 1e-6 plus the rounding the printing can cause (half a unit
in the 6th significant digit of every printed score), and the JSON line says so.
"""
import argparse
import json
import sys

import numpy as np


def crowdlens_vector(path):
    if path.endswith(".npy"):
        scores = np.load(path)
        labels = np.load(path[: -len(".scores.npy")] + ".labels.npy")
        return labels.astype(np.uint64), scores
    with open(path) as handle:
        header = handle.readline().strip().split(",")
    if "node" not in header or "score" not in header:
        raise SystemExit(f"{path}: expected a CSV with node and score columns, got the header {header}")
    node_column, score_column = header.index("node"), header.index("score")
    # Node ids as integers: a float64 column would round ids above 2^53.
    nodes = np.loadtxt(path, delimiter=",", skiprows=1, usecols=node_column, dtype=np.uint64, ndmin=1)
    scores = np.loadtxt(path, delimiter=",", skiprows=1, usecols=score_column, dtype=np.float64, ndmin=1)
    return nodes, scores


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("crowdlens")
    parser.add_argument("peer_scores")
    parser.add_argument("peer_labels")
    parser.add_argument("--max-l1", type=float, default=1e-6)
    args = parser.parse_args()

    labels, scores = crowdlens_vector(args.crowdlens)
    max_l1 = args.max_l1
    printing_bound = 0.0
    if not args.crowdlens.endswith(".npy"):
        magnitudes = np.floor(np.log10(np.abs(scores[scores != 0])))
        printing_bound = float(np.sum(0.5 * 10.0 ** (magnitudes - 5)))
        max_l1 += printing_bound
    peer_scores = np.load(args.peer_scores)
    peer_labels = (np.arange(len(peer_scores), dtype=np.uint64) if args.peer_labels == "dense"
                   else np.load(args.peer_labels).astype(np.uint64))
    order, peer_order = np.argsort(labels, kind="stable"), np.argsort(peer_labels, kind="stable")
    result = {"crowdlens": args.crowdlens, "peer": args.peer_scores, "nodes": int(len(labels)),
              "peer_nodes": int(len(peer_labels))}
    if len(labels) != len(peer_labels) or not np.array_equal(labels[order], peer_labels[peer_order]):
        result.update(ok=False, why="the two vectors cover different node ids")
    else:
        difference = np.abs(scores[order] - peer_scores[peer_order])
        l1 = float(difference.sum())
        result.update(l1=l1, max_abs=float(difference.max()), crowdlens_sum=float(scores.sum()),
                      peer_sum=float(peer_scores.sum()), ok=bool(l1 <= max_l1), max_l1=max_l1,
                      printing_bound=printing_bound)
    print(json.dumps(result))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
