// GraphBuilder: the only way a Graph is made from edges. Collects edges by
// their source labels (a file's node ids, or account keys), gives every label
// a dense 32-bit id and lays the edges out as incoming CSR.
//
//   GraphBuilder builder({.weighted = true});
//   builder.AddEdge(17, 42, 3.0f);
//   Graph graph = std::move(builder).Build();
//
// Dense ids follow the ascending order of labels, so a graph built twice from
// the same edges is the same graph, and output sorted by id is sorted by label.
#pragma once

#include <cstdint>
#include <vector>

#include "graph/graph.h"

namespace crowdlens::graph {

struct BuildOptions {
  bool weighted = false;          // keep the weights; otherwise every edge weighs 1
  bool merge_duplicates = false;  // one edge per (source, target), weights summed; else a multigraph
  bool drop_self_loops = false;
  bool undirected = false;        // add every edge in both directions
};

class GraphBuilder {
 public:
  explicit GraphBuilder(BuildOptions options = {}) : options_(options) {}

  void Reserve(size_t edges);
  void AddEdge(uint64_t source_label, uint64_t target_label, float weight = 1.0f);
  // A node with no edges (an account that follows no one and has no followers).
  void AddNode(uint64_t label) { isolated_.push_back(label); }

  Graph Build() &&;

 private:
  BuildOptions options_;
  std::vector<uint64_t> sources_;
  std::vector<uint64_t> targets_;
  std::vector<float> weights_;
  std::vector<uint64_t> isolated_;
  friend Graph BuildFromLabelledEdges(std::vector<uint64_t>&& sources, std::vector<uint64_t>&& targets,
                                      std::vector<float>&& weights, std::vector<uint64_t>&& isolated,
                                      const BuildOptions& options);
};

// The bulk path behind GraphBuilder and LoadEdgeList: parallel arrays of
// labels (weights empty when unweighted). Consumes the arrays to bound peak memory.
Graph BuildFromLabelledEdges(std::vector<uint64_t>&& sources, std::vector<uint64_t>&& targets,
                             std::vector<float>&& weights, std::vector<uint64_t>&& isolated,
                             const BuildOptions& options);

}  // namespace crowdlens::graph
