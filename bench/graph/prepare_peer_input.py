#!/usr/bin/python3
"""Turns a real text edge list into the arrays the Python peers load fastest.

    prepare_peer_input.py SOURCE PREFIX

SOURCE is a SNAP/KONECT/Network Repository edge list or a Matrix Market file,
plain, gzip or zip (the largest member is the graph). Writes
    PREFIX.edges.npy    uint32 pairs (source, target) in dense ids
    PREFIX.labels.npy   uint64: labels[dense id] is the node id in SOURCE
    PREFIX.weights.npy  float64 per edge, only when the file has a weight column
and prints one JSON line of counts.

This parser is written independently of crowdlens's loader, with the rules the
loader documents (src/graph/edge_list_file.h): '#' and '%' lines are comments;
fields are separated by spaces, tabs, commas or semicolons; a Matrix Market
size line is skipped and a "symmetric" banner adds every non-loop edge in both
directions; a third column is the weight (1 where absent) and makes the graph
weighted; dense ids follow the ascending order of node ids. Because the checks
compare scores by node id, a disagreement between the two parsers shows up as
a failed check rather than being hidden.
"""
import gzip
import json
import re
import sys
import zipfile

import numpy as np

SEPARATORS = re.compile(rb"[ \t,;\r]+")


def read_bytes(path):
    with open(path, "rb") as handle:
        magic = handle.read(4)
    if magic.startswith(b"PK\x03\x04"):
        with zipfile.ZipFile(path) as archive:
            largest = max(archive.infolist(), key=lambda member: member.file_size)
            return archive.read(largest)
    if magic.startswith(b"\x1f\x8b"):
        with gzip.open(path, "rb") as handle:
            return handle.read()
    with open(path, "rb") as handle:
        return handle.read()


def parse(text):
    symmetric = False
    lines = text.split(b"\n")
    start = 0
    if text.startswith(b"%%MatrixMarket") or text.startswith(b"%MatrixMarket"):
        symmetric = b"symmetric" in lines[0]
        while start < len(lines) and (not lines[start] or lines[start].startswith(b"%")):
            start += 1
        start += 1  # the size line
    sources, targets, weights = [], [], []
    weighted = False
    for number, line in enumerate(lines[start:], start + 1):
        fields = SEPARATORS.split(line.strip(b" \t,;\r"))
        if not fields[0] or fields[0].startswith((b"#", b"%")):
            continue
        if len(fields) < 2:
            raise SystemExit(f"line {number}: expected two node ids, got {line!r}")
        sources.append(int(fields[0]))
        targets.append(int(fields[1]))
        if len(fields) >= 3:
            weights.append(float(fields[2]))
            weighted = True
        else:
            weights.append(1.0)
    return (np.array(sources, dtype=np.uint64), np.array(targets, dtype=np.uint64),
            np.array(weights, dtype=np.float64), weighted, symmetric)


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    source_path, prefix = sys.argv[1], sys.argv[2]
    sources, targets, weights, weighted, symmetric = parse(read_bytes(source_path))
    if symmetric:
        loops = sources == targets
        sources, targets = (np.concatenate([sources, targets[~loops]]),
                            np.concatenate([targets, sources[~loops]]))
        weights = np.concatenate([weights, weights[~loops]])
    labels = np.unique(np.concatenate([sources, targets]))
    edges = np.empty((len(sources), 2), dtype=np.uint32)
    edges[:, 0] = np.searchsorted(labels, sources)
    edges[:, 1] = np.searchsorted(labels, targets)
    np.save(prefix + ".edges.npy", edges)
    np.save(prefix + ".labels.npy", labels.astype(np.uint64))
    if weighted:
        np.save(prefix + ".weights.npy", weights)
    print(json.dumps({"source": source_path, "nodes": int(len(labels)), "edges": int(len(edges)),
                      "weighted": weighted, "symmetric_doubled": symmetric}))


if __name__ == "__main__":
    main()
