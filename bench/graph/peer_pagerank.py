#!/usr/bin/python3
"""One PageRank run of a peer library, timed phase by phase, for the graph benchmarks.

    peer_pagerank.py TOOL PREFIX --mode fixed|converged [--iterations 20] [--threads 2]
                     [--damping 0.85] [--repeat 1] [--scores OUT.npy]

TOOL is graph-tool, igraph or networkx (the Debian packages python3-graph-tool,
python3-igraph, python3-networkx; run with /usr/bin/python3). PREFIX names the
arrays written by prepare_peer_input.py or rmat_generate: PREFIX.edges.npy
(uint32 pairs in dense ids, the fastest input each library accepts),
optionally PREFIX.labels.npy (node count = its length, else the largest id + 1)
and PREFIX.weights.npy (a weighted graph).

Modes:
- fixed: exactly --iterations power iterations from the uniform vector, no
  convergence test (tolerance 0), on --threads threads where the library has
  threads. graph-tool: centrality.pagerank(epsilon=0, max_iter=N) after
  openmp_set_num_threads. networkx cannot return an unconverged vector: its
  pagerank raises PowerIterationFailedConvergence after exactly max_iter
  iterations with tol=0, so the run is timed but yields no scores (its result
  is checked in converged mode). igraph 0.10 has no fixed-iteration PageRank
  (only PRPACK and ARPACK; implementation="power" is silently resolved to
  "prpack" by a deprecated prefix match), so fixed mode refuses igraph.
- converged: the library's own solver to convergence. igraph: the default
  Graph.pagerank() call (PRPACK). networkx: tol = 1e-10 / N, which networkx
  compares with N * tol, so it stops once an iteration changes the scores by
  less than 1e-10 in L1 (crowdlens's rule with tolerance 1e-10).

Prints one JSON line: read, build and kernel seconds, end to end (arrays on
disk to scores in memory; interpreter start and imports excluded), and for
fixed mode the kernel's ns per edge per iteration (with --repeat N, the
fastest of N kernel runs, as pagerank_run does for crowdlens). Scores (float64 by dense
id) go to --scores for compare_scores.py.
"""
import argparse
import json
import os
import sys
import time
import warnings

import numpy as np


def load_arrays(prefix):
    edges = np.load(prefix + ".edges.npy")
    labels_path = prefix + ".labels.npy"
    nodes = len(np.load(labels_path, mmap_mode="r")) if os.path.exists(labels_path) else int(edges.max()) + 1
    weights_path = prefix + ".weights.npy"
    weights = np.load(weights_path) if os.path.exists(weights_path) else None
    return edges, nodes, weights


def fastest(kernel, repeat):
    """Runs kernel() `repeat` times; returns its last result and the fastest time."""
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = kernel()
        seconds = time.perf_counter() - start
        best = seconds if best is None else min(best, seconds)
    return result, best


def run_graph_tool(edges, nodes, weights, args):
    import graph_tool
    from graph_tool.centrality import pagerank
    graph_tool.openmp_set_num_threads(args.threads)
    start = time.perf_counter()
    graph = graph_tool.Graph(directed=True)
    graph.add_vertex(nodes)
    graph.add_edge_list(edges)
    weight = None
    if weights is not None:
        # Edges of a fresh graph are indexed in insertion order.
        weight = graph.new_edge_property("double")
        weight.a[:] = weights
    built = time.perf_counter()
    def kernel():
        if args.mode == "fixed":
            return pagerank(graph, damping=args.damping, weight=weight, epsilon=0, max_iter=args.iterations,
                            ret_iter=True)
        return pagerank(graph, damping=args.damping, weight=weight, epsilon=1e-10, ret_iter=True)
    (ranks, iterations), seconds = fastest(kernel, args.repeat)
    scores = np.array(ranks.a, dtype=np.float64)
    return scores, built - start, seconds, int(iterations), {"graph_tool": graph_tool.__version__}


def run_igraph(edges, nodes, weights, args):
    import igraph
    if args.mode == "fixed":
        raise SystemExit("igraph 0.10 has no fixed-iteration PageRank (PRPACK and ARPACK solve to convergence)")
    start = time.perf_counter()
    # A two-dimensional buffer of igraph_integer_t (int64) is igraph's fastest edge input.
    graph = igraph.Graph(n=nodes, edges=memoryview(np.ascontiguousarray(edges, dtype=np.int64)), directed=True)
    weight_list = weights.tolist() if weights is not None else None
    built = time.perf_counter()
    scores = np.array(graph.pagerank(damping=args.damping, weights=weight_list), dtype=np.float64)
    done = time.perf_counter()
    return scores, built - start, done - built, None, {"igraph": igraph.__version__}


def run_networkx(edges, nodes, weights, args):
    import networkx
    start = time.perf_counter()
    # A multigraph: R-MAT graphs repeat edges, and a DiGraph would merge them.
    graph = networkx.MultiDiGraph()
    graph.add_nodes_from(range(nodes))
    if weights is None:
        graph.add_edges_from(edges.tolist())
    else:
        graph.add_weighted_edges_from(zip(edges[:, 0].tolist(), edges[:, 1].tolist(), weights.tolist()))
    built = time.perf_counter()
    if args.mode == "fixed":
        def kernel():
            try:
                networkx.pagerank(graph, alpha=args.damping, max_iter=args.iterations, tol=0.0, weight="weight")
            except networkx.PowerIterationFailedConvergence:
                return args.iterations
            raise SystemExit("networkx converged with tol=0; cannot time a fixed iteration count")
        iterations, seconds = fastest(kernel, args.repeat)
        return None, built - start, seconds, iterations, {"networkx": networkx.__version__}
    result = networkx.pagerank(graph, alpha=args.damping, max_iter=10000, tol=1e-10 / nodes, weight="weight")
    scores = np.fromiter((result[node] for node in range(nodes)), dtype=np.float64, count=nodes)
    done = time.perf_counter()
    return scores, built - start, done - built, None, {"networkx": networkx.__version__}


RUNNERS = {"graph-tool": run_graph_tool, "igraph": run_igraph, "networkx": run_networkx}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("tool", choices=sorted(RUNNERS))
    parser.add_argument("prefix")
    parser.add_argument("--mode", choices=["fixed", "converged"], required=True)
    parser.add_argument("--iterations", type=int, default=20)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--damping", type=float, default=0.85)
    parser.add_argument("--repeat", type=int, default=1,
                        help="fixed mode: run the kernel this many times and report the fastest")
    parser.add_argument("--scores")
    args = parser.parse_args()
    warnings.simplefilter("ignore")

    start = time.perf_counter()
    edges, nodes, weights = load_arrays(args.prefix)
    read_seconds = time.perf_counter() - start
    scores, build_seconds, kernel_seconds, iterations, versions = RUNNERS[args.tool](edges, nodes, weights, args)
    if scores is not None and args.scores:
        np.save(args.scores, scores)
    record = {
        "tool": args.tool, "mode": args.mode, "input": args.prefix, "nodes": nodes, "edges": int(len(edges)),
        "weighted": weights is not None, "threads": args.threads if args.tool == "graph-tool" else 1,
        "read_seconds": round(read_seconds, 4), "build_seconds": round(build_seconds, 4),
        "kernel_seconds": round(kernel_seconds, 4),
        "end_to_end_seconds": round(read_seconds + build_seconds + kernel_seconds, 4),
        "kernel_runs": args.repeat if args.mode == "fixed" else 1,
        "iterations": iterations, "scores_written": scores is not None and bool(args.scores), **versions,
    }
    if args.mode == "fixed" and iterations:
        record["ns_per_edge_iteration"] = round(kernel_seconds / iterations / len(edges) * 1e9, 3)
    print(json.dumps(record))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
