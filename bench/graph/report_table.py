#!/usr/bin/python3
"""Prints the Markdown tables of one run of run-graph-bench.sh.

    report_table.py build/bench-results/graph-<time>

Reads the files the driver leaves per run, named GRAPH.TOOL.MODE.*: .out (the
tool's JSON line), .err (the crowdlens CLI's timing line), .time (the report
of /usr/bin/time -v: peak RSS and wall time), .loadavg (the 1, 5 and 15
minute load averages just before the run) and .check (compare_scores.py's
verdict). A figure whose check failed is printed as "CHECK FAILED", never as
a number; a run that did not happen is "-".
"""
import json
import os
import re
import sys


def read(path):
    try:
        with open(path) as handle:
            return handle.read()
    except FileNotFoundError:
        return None


class Run:
    """What the driver recorded for one GRAPH.TOOL.MODE."""

    def __init__(self, directory, name):
        self.name = name
        base = os.path.join(directory, name)
        out = read(base + ".out")
        self.record = None
        if out and out.strip().startswith("{"):
            self.record = json.loads(out.strip().splitlines()[-1])
        self.stderr = read(base + ".err") or ""
        self.peak_rss = None
        self.wall = None
        timing = read(base + ".time") or ""
        match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", timing)
        if match:
            self.peak_rss = int(match.group(1)) * 1024
        match = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", timing)
        if match:
            seconds = 0.0
            for part in match.group(1).split(":"):
                seconds = seconds * 60 + float(part)
            self.wall = seconds
        self.succeeded = "Exit status: 0" in timing
        self.loadavg = (read(base + ".loadavg") or "").strip()
        check = read(base + ".check")
        self.check = json.loads(check) if check else None

    @property
    def present(self):
        return self.succeeded

    def get(self, key):
        return self.record.get(key) if self.present and self.record else None

    def checked(self):
        """True when a comparison with a peer passed, False when it failed, None without one."""
        return None if self.check is None else bool(self.check.get("ok"))

    def cli_timing(self):
        """Load seconds, iterations and kernel seconds from the crowdlens CLI's stderr line."""
        match = re.search(r"loaded in ([\d.]+) s; pagerank: (\d+) iteration\(s\) in ([\d.]+) s", self.stderr)
        return (float(match.group(1)), int(match.group(2)), float(match.group(3))) if match else None


def number(value, digits=1):
    return "-" if value is None else f"{value:,.{digits}f}"


def gib(value):
    return "-" if value is None else f"{value / 2**30:.2f} GiB" if value >= 2**30 else f"{value / 2**20:.0f} MiB"


def gated(run, text):
    """A figure of `run`, or why it is not reported."""
    if not run.present:
        return "-"
    if run.checked() is False:
        return "CHECK FAILED"
    return text


def l1(run):
    if run.check is None:
        return "-"
    if not run.check.get("ok"):
        return "FAILED: " + (f"{run.check['l1']:.1e}" if "l1" in run.check else run.check.get("why", "?"))
    return f"{run.check['l1']:.1e}"


def main():
    directory = sys.argv[1]
    inputs = sorted((name for name in os.listdir(directory) if name.endswith(".input")),
                    key=lambda name: os.path.getmtime(os.path.join(directory, name)))
    graphs = [name[: -len(".input")] for name in inputs]
    runs = {}
    for graph in graphs:
        for tool in ["crowdlens", "crowdlens-clg", "crowdlens-cli", "graph-tool", "igraph", "networkx"]:
            for mode in ["fixed", "converged"]:
                runs[graph, tool, mode] = Run(directory, f"{graph}.{tool}.{mode}")

    print("### PageRank per iteration: 20 iterations, tolerance 0, same thread count\n")
    print("ns per edge per iteration of the kernel call (setup included, divided by 20; the fastest of "
          "the runs in one process, --repeat); lower is better. "
          "crowdlens and graph-tool on the requested threads, networkx on one (scipy). The speedup is "
          "graph-tool's figure over crowdlens's. Every figure is gated by the L1 check against crowdlens.\n")
    print("| graph | nodes | edges | crowdlens | crowdlens (.clg) | graph-tool | networkx | vs graph-tool "
          "| L1 vs graph-tool | load avg |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for graph in graphs:
        ours = runs[graph, "crowdlens", "fixed"]
        clg = runs[graph, "crowdlens-clg", "fixed"]
        if not ours.present and not clg.present:
            continue
        reference = ours if ours.present else clg
        peer = runs[graph, "graph-tool", "fixed"]
        networkx = runs[graph, "networkx", "fixed"]
        speedup = "-"
        if ours.present and peer.present and peer.checked():
            speedup = f"**{peer.get('ns_per_edge_iteration') / ours.get('ns_per_edge_iteration'):.1f}x**"
        print(f"| {graph} | {reference.get('nodes'):,} | {reference.get('edges'):,} "
              f"| {number(ours.get('ns_per_edge_iteration'), 2)} | {number(clg.get('ns_per_edge_iteration'), 2)} "
              f"| {gated(peer, number(peer.get('ns_per_edge_iteration'), 2))} "
              f"| {gated(networkx, number(networkx.get('ns_per_edge_iteration'), 2))} | {speedup} | {l1(peer)} "
              f"| {ours.loadavg} |")

    print("\n### End to end, each tool's default call to convergence\n")
    print("Seconds from the file on disk to the scores in memory, in-process (interpreter start and imports "
          "excluded for the Python peers): crowdlens parses the text file (or the .gz/.zip) and runs "
          "PageRank with its defaults (at most 100 iterations, L1 tolerance 1e-10); igraph builds its graph "
          "from the uint32 .npy and runs Graph.pagerank() (PRPACK); networkx builds a MultiDiGraph and runs "
          "pagerank with an L1 stopping rule of 1e-10. `crowdlens CLI` is the wall time of the whole "
          "`crowdlens graph pagerank FILE -o csv` process, printing every row.\n")
    print("| graph | edges | crowdlens (iterations) | crowdlens CLI | igraph | networkx | vs igraph "
          "| L1 vs igraph | L1 vs networkx | load avg |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for graph in graphs:
        ours = runs[graph, "crowdlens", "converged"]
        if not ours.present:
            continue
        cli = runs[graph, "crowdlens-cli", "converged"]
        igraph = runs[graph, "igraph", "converged"]
        networkx = runs[graph, "networkx", "converged"]
        speedup = "-"
        if igraph.present and igraph.checked():
            speedup = f"**{igraph.get('end_to_end_seconds') / ours.get('end_to_end_seconds'):.1f}x**"
        cli_text = gated(cli, number(cli.wall, 2)) if cli.present else "-"
        print(f"| {graph} | {ours.get('edges'):,} "
              f"| {number(ours.get('end_to_end_seconds'), 2)} ({ours.get('iterations')}) | {cli_text} "
              f"| {gated(igraph, number(igraph.get('end_to_end_seconds'), 2))} "
              f"| {gated(networkx, number(networkx.get('end_to_end_seconds'), 2))} | {speedup} "
              f"| {l1(igraph)} | {l1(networkx)} | {ours.loadavg} |")

    print("\n### Loading and memory\n")
    print("`load` is crowdlens's LoadEdgeList (parse on the requested threads, then build the CSR) on a file in "
          "the page cache; MB/s counts decompressed text. `.clg` is ReadGraphFile of the binary file "
          "(mapped, every section's CRC-32 checked). `graph B/edge` is Graph::memory_bytes() over edges "
          "(offsets, sources, out-weights, labels, weights if any). Peak RSS is /usr/bin/time's maximum "
          "resident set of the whole process of the 20-iteration run (igraph: its converged run), Python "
          "interpreter and libraries included for the peers.\n")
    print("| graph | text MB | load s | load MB/s | .clg load s | graph B/edge | peak RSS crowdlens "
          "| crowdlens (.clg) | graph-tool | igraph | networkx |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for graph in graphs:
        ours = runs[graph, "crowdlens", "fixed"]
        clg = runs[graph, "crowdlens-clg", "fixed"]
        if not ours.present and not clg.present:
            continue
        reference = ours if ours.present else clg
        text_bytes = ours.get("text_bytes")
        print(f"| {graph} | {number(text_bytes / 1e6 if text_bytes else None, 1)} "
              f"| {number(ours.get('load_seconds'), 3)} | {number(ours.get('load_mb_per_second'), 0)} "
              f"| {number(clg.get('load_seconds'), 3)} | {number(reference.get('graph_bytes_per_edge'), 2)} "
              f"| {gib(ours.peak_rss if ours.present else None)} | {gib(clg.peak_rss if clg.present else None)} "
              f"| {gib(runs[graph, 'graph-tool', 'fixed'].peak_rss)} "
              f"| {gib(runs[graph, 'igraph', 'converged'].peak_rss)} "
              f"| {gib(runs[graph, 'networkx', 'fixed'].peak_rss)} |")

    billion = runs.get(("rmat-1b", "crowdlens-clg", "fixed"))
    if billion is not None and billion.present:
        converged = runs["rmat-1b", "crowdlens-clg", "converged"]
        print("\n### Billion-edge R-MAT (.clg, mapped)\n")
        print(f"{billion.get('nodes'):,} nodes, {billion.get('edges'):,} edges: load {billion.get('load_seconds'):.1f} s, "
              f"20 iterations in {billion.get('kernel_seconds'):.1f} s "
              f"({billion.get('ns_per_edge_iteration'):.2f} ns per edge per iteration), "
              f"peak RSS {gib(billion.peak_rss)}, wall {number(billion.wall, 1)} s, load average {billion.loadavg}. "
              f"Converged run: {converged.get('iterations')} iterations, check: {converged.get('check')}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
