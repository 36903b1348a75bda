#!/usr/bin/python3
"""Reads a graph written by `crowdlens graph export` with networkx and prints
what it found as JSON, so a test can check the file with a reader that is not
crowdlens's own. Run with Debian's python3 (python3-networkx):

    /usr/bin/python3 read_exported_graph.py graphml crowd.graphml
"""
import json
import sys

import networkx


def main():
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "graphml":
        graph = networkx.read_graphml(path, force_multigraph=True)
    elif kind == "gexf":
        graph = networkx.read_gexf(path)
    else:
        raise SystemExit("usage: read_exported_graph.py graphml|gexf FILE")
    nodes = {}
    for node, attributes in graph.nodes(data=True):
        handle = attributes.get("handle", attributes.get("label"))
        nodes[handle] = {key: value for key, value in attributes.items()}
    edges = []
    id_to_handle = {node: attributes.get("handle", attributes.get("label")) for node, attributes in graph.nodes(data=True)}
    for source, target, attributes in graph.edges(data=True):
        edges.append([id_to_handle[source], id_to_handle[target], attributes.get("layer"), float(attributes.get("weight", 1))])
    edges.sort()
    print(json.dumps({"directed": graph.is_directed(), "nodes": nodes, "edges": edges}, sort_keys=True))


if __name__ == "__main__":
    main()
