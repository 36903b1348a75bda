// Weakly connected components: the node sets joined by edges when directions
// are ignored, computed by a concurrent union-find over the in-edges.
//
//   ComponentsResult components = WeaklyConnectedComponents(graph, {});
//   NodeId largest = *std::max_element(components.sizes.begin(), components.sizes.end());
//   Status checked = VerifyComponents(graph, components);
//
// Every thread links the two ends of its edges with compare-and-swap,
// always hooking the larger root under the smaller, and shortens paths by
// halving as it finds roots (the lock-free union-find of Anderson and Woll,
// STOC 1991, in the "link by index" form Jayanti and Tarjan analyse, PODC
// 2016). A root is therefore the smallest node of its set, which makes the
// result independent of the thread schedule. One pass over the edges
// suffices, unlike label propagation, which needs as many as the diameter.
#pragma once

#include <atomic>
#include <vector>

#include "core/status.h"
#include "graph/graph.h"

namespace crowdlens::graph {

// Disjoint sets over [0, size) that several threads may join at once.
// Find and Union are safe to call concurrently; read roots after the joins.
class ConcurrentDisjointSets {
 public:
  explicit ConcurrentDisjointSets(size_t size);

  // The smallest element of `element`'s set (once no Union is running).
  uint64_t Find(uint64_t element);
  void Union(uint64_t first, uint64_t second);

 private:
  std::vector<std::atomic<uint64_t>> parent_;
};

struct ComponentsOptions {
  int threads = 0;  // 0: OpenMP's default
};

struct ComponentsResult {
  // Per node, its component: components are numbered 0, 1, ... in the order of
  // their smallest node, so the numbering depends only on the graph.
  std::vector<NodeId> component;
  std::vector<NodeId> sizes;  // nodes per component
  NodeId component_count() const { return static_cast<NodeId>(sizes.size()); }
};

ComponentsResult WeaklyConnectedComponents(const Graph& graph, const ComponentsOptions& options);

// Checks the partition against a breadth-first search over both directions:
// both ends of every edge share a component, the sizes add up, and there are
// exactly as many components as the search finds (so no component is split).
Status VerifyComponents(const Graph& graph, const ComponentsResult& result);

}  // namespace crowdlens::graph
