#include "graph/graph.h"

namespace crowdlens::graph {

OutAdjacency::OutAdjacency(const Graph& graph) {
  const NodeId node_count = graph.node_count();
  const Adjacency& in = graph.in();
  offsets_.assign(static_cast<size_t>(node_count) + 1, 0);
  for (NodeId source : in.neighbors) ++offsets_[source + 1];
  for (NodeId node = 0; node < node_count; ++node) offsets_[node + 1] += offsets_[node];
  targets_.resize(in.neighbors.size());
  if (graph.weighted()) weights_.resize(in.neighbors.size());
  // Walking targets in ascending order leaves every out-list sorted.
  std::vector<EdgeIndex> next(offsets_.begin(), offsets_.end() - 1);
  for (NodeId target = 0; target < node_count; ++target) {
    for (EdgeIndex edge : in.edges(target)) {
      EdgeIndex slot = next[in.neighbors[edge]]++;
      targets_[slot] = target;
      if (!weights_.empty()) weights_[slot] = in.weights[edge];
    }
  }
  view_ = {.offsets = offsets_, .neighbors = targets_, .weights = weights_};
}

}  // namespace crowdlens::graph
