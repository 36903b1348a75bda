// LoadEdgeList: reads a text edge list (SNAP, KONECT, Network Repository,
// Matrix Market, CSV/TSV) straight into a Graph, for `crowdlens graph ...` on
// files without a workspace and for the benchmarks.
//
// A line is "source target [weight]" separated by spaces, tabs or commas;
// lines starting with '#' or '%' are comments; a Matrix Market file's size
// line is skipped and a "symmetric" one is read as undirected. Node ids are
// unsigned integers; the graph's labels are those ids. The file is
// memory-mapped (gzip/zstd inputs, and the largest member of a zip archive,
// are decompressed first) and parsed by all threads in newline-aligned chunks.
//
// A line that is not an edge is skipped and counted; the first few are kept
// with their line numbers so the user can fix them. Nothing else is lost.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "graph/graph.h"
#include "graph/graph_builder.h"

namespace crowdlens::graph {

struct EdgeListOptions {
  // Read a third column as the weight (when present on every edge line).
  bool use_weights = true;
  bool undirected = false;
  bool merge_duplicates = false;
  bool drop_self_loops = false;
  int threads = 0;  // 0: all hardware threads
};

struct EdgeListProblem {
  uint64_t line = 0;
  std::string message;
};

struct EdgeListLoad {
  Graph graph;
  uint64_t bytes = 0;
  uint64_t lines = 0;
  uint64_t edges = 0;
  uint64_t skipped_lines = 0;               // lines that were not edges (not comments)
  std::vector<EdgeListProblem> problems;    // the first few skipped lines, with why
};

Result<EdgeListLoad> LoadEdgeList(const std::string& path, const EdgeListOptions& options);

}  // namespace crowdlens::graph
