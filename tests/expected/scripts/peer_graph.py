#!/usr/bin/python3
"""Runs a graph kernel in a peer library and prints `label,value` lines.

The graph tests compare crowdlens's kernels with these results by label.
Run it with Debian's /usr/bin/python3, where python3-igraph, python3-graph-tool
and python3-networkx are installed:

  /usr/bin/python3 peer_graph.py TOOL KERNEL[,KERNEL...] FILE DAMPING [--undirected] [--unweighted]

  TOOL    igraph | graph-tool | networkx
  KERNEL  pagerank     label,score        (DAMPING is the damping factor)
          components   label,smallest label of its weakly connected component
          kcore        label,core number  (degree = in + out, as crowdlens)
          kcore_in     label,in-core number (degree = in-degree)
          reciprocity  one line: reciprocity,value (self-loops ignored)
          Several kernels, comma-separated, share one load of the graph; each
          kernel's lines then follow a "# KERNEL" line.
  FILE    an edge list: "source target [weight]" lines, '#' or '%' comments,
          Matrix Market (size line skipped; "symmetric" means undirected),
          plain, .gz or .zip (the largest member).

The file is read here, independently of crowdlens's reader. Nodes are the
labels that appear on an edge line, so isolated ids in a numbering gap do not
exist (as in crowdlens). Exit status 3 means the peer library is missing,
2 a kernel the tool does not run here.
"""
import gzip
import io
import sys
import zipfile

try:
    import numpy as np
except ImportError:
    print("python3-numpy is not installed (apt-get install python3-numpy)", file=sys.stderr)
    sys.exit(3)


def read_text(path):
    with open(path, "rb") as handle:
        head = handle.read(4)
    if head[:2] == b"\x1f\x8b":
        with gzip.open(path, "rb") as handle:
            return handle.read().decode("utf-8", "replace")
    if head == b"PK\x03\x04":
        with zipfile.ZipFile(path) as archive:
            member = max(archive.infolist(), key=lambda info: info.file_size)
            return archive.read(member).decode("utf-8", "replace")
    with open(path, "rb") as handle:
        return handle.read().decode("utf-8", "replace")


def read_edges(path, weighted):
    """Returns (sources, targets, weights or None, symmetric) with labels as int64."""
    text = read_text(path)
    lines = text.splitlines()
    symmetric = False
    skip_size_line = False
    if lines and lines[0].lstrip("%").startswith("MatrixMarket"):
        symmetric = "symmetric" in lines[0]
        skip_size_line = True
    body = []
    for line in lines:
        stripped = line.strip()
        if not stripped or stripped[0] in "#%":
            continue
        if skip_size_line:
            skip_size_line = False
            continue
        body.append(stripped)
    text = "\n".join(body).replace(",", " ").replace(";", " ")
    columns = len(body[0].replace(",", " ").replace(";", " ").split()) if body else 0
    values = np.fromstring(text, sep=" ") if body else np.zeros(0)
    if columns < 2 or len(values) != columns * len(body):
        raise SystemExit(f"{path}: expected every line to hold the same number of columns (two or three)")
    values = values.reshape(len(body), columns)
    has_weights = weighted and columns >= 3
    sources = values[:, 0].astype(np.int64)
    targets = values[:, 1].astype(np.int64)
    weights = values[:, 2].copy() if has_weights else None
    return sources, targets, weights, symmetric


def smallest_label_per_component(membership, labels):
    """Names each node's component by the smallest label in it."""
    smallest = {}
    for node, component in enumerate(membership):
        smallest.setdefault(component, int(labels[node]))
    return [smallest[component] for component in membership]


def run_igraph(kernels, graph_data):
    import igraph
    labels, sources, targets, weights, undirected, damping = graph_data
    graph = igraph.Graph(n=len(labels), edges=np.column_stack([sources, targets]).tolist(), directed=not undirected)
    results = {}
    for kernel in kernels:
        if kernel == "pagerank":
            results[kernel] = graph.pagerank(damping=damping, directed=not undirected,
                                             weights=weights.tolist() if weights is not None else None)
        elif kernel == "components":
            results[kernel] = smallest_label_per_component(graph.connected_components(mode="weak").membership, labels)
        elif kernel == "kcore":
            results[kernel] = graph.coreness(mode="all")
        elif kernel == "kcore_in":
            results[kernel] = graph.coreness(mode="in")
        elif kernel == "reciprocity":
            results[kernel] = graph.reciprocity(ignore_loops=True)
    return results


def run_graph_tool(kernels, graph_data):
    import graph_tool
    import graph_tool.centrality
    import graph_tool.topology
    labels, sources, targets, weights, undirected, damping = graph_data
    graph = graph_tool.Graph(directed=not undirected)
    graph.add_vertex(len(labels))
    graph.add_edge_list(np.column_stack([sources, targets]))
    results = {}
    for kernel in kernels:
        if kernel == "pagerank":
            weight = None
            if weights is not None:
                weight = graph.new_edge_property("double")
                weight.a = weights
            ranks = graph_tool.centrality.pagerank(graph, damping=damping, weight=weight, epsilon=1e-9,
                                                   max_iter=100000)
            results[kernel] = ranks.a.tolist()
        elif kernel == "components":
            component, _ = graph_tool.topology.label_components(graph, directed=False)
            results[kernel] = smallest_label_per_component(component.a.tolist(), labels)
        elif kernel == "kcore":
            results[kernel] = graph_tool.topology.kcore_decomposition(graph).a.tolist()
    return results


def run_networkx(kernels, graph_data):
    import networkx
    labels, sources, targets, weights, undirected, damping = graph_data
    node_count = len(labels)
    graph = networkx.MultiGraph() if undirected else networkx.MultiDiGraph()
    graph.add_nodes_from(range(node_count))
    if weights is not None:
        graph.add_weighted_edges_from(zip(sources.tolist(), targets.tolist(), weights.tolist()))
    else:
        graph.add_edges_from(zip(sources.tolist(), targets.tolist()))
    results = {}
    for kernel in kernels:
        if kernel == "pagerank":
            ranks = networkx.pagerank(graph, alpha=damping, weight="weight", tol=1e-14, max_iter=100000)
            results[kernel] = [ranks[node] for node in range(node_count)]
        elif kernel == "components":
            membership = [0] * node_count
            parts = networkx.connected_components(graph) if undirected else networkx.weakly_connected_components(graph)
            for index, members in enumerate(parts):
                for node in members:
                    membership[node] = index
            results[kernel] = smallest_label_per_component(membership, labels)
        elif kernel == "kcore":
            # networkx refuses multigraphs and self-loops here: only meaningful on simple graphs.
            simple = networkx.Graph(graph) if undirected else networkx.DiGraph(graph)
            cores = networkx.core_number(simple)
            results[kernel] = [cores[node] for node in range(node_count)]
    return results


RUNNERS = {"igraph": ("python3-igraph", run_igraph),
           "graph-tool": ("python3-graph-tool", run_graph_tool),
           "networkx": ("python3-networkx", run_networkx)}


def main(argv):
    if len(argv) < 5 or argv[1] not in RUNNERS:
        print(__doc__, file=sys.stderr)
        return 2
    tool, kernels, path, damping = argv[1], argv[2].split(","), argv[3], float(argv[4])
    undirected = "--undirected" in argv[5:]
    weighted = "--unweighted" not in argv[5:]
    package, runner = RUNNERS[tool]
    try:
        __import__(tool.replace("-", "_"))
    except ImportError:
        print(f"{package} is not installed (apt-get install {package})", file=sys.stderr)
        return 3
    sources, targets, weights, symmetric = read_edges(path, weighted)
    undirected = undirected or symmetric
    labels, dense = np.unique(np.concatenate([sources, targets]), return_inverse=True)
    edge_count = len(sources)
    results = runner(kernels, (labels, dense[:edge_count], dense[edge_count:], weights, undirected, damping))
    out = io.StringIO()
    for kernel in kernels:
        if kernel not in results:
            print(f"{tool} does not run {kernel} here", file=sys.stderr)
            return 2
        if len(kernels) > 1:
            out.write(f"# {kernel}\n")
        values = results[kernel]
        if isinstance(values, float):
            out.write(f"{kernel},{values!r}\n")
            continue
        for label, value in zip(labels.tolist(), values):
            out.write(f"{label},{value!r}\n")
    sys.stdout.write(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
