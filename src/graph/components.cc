#include "graph/components.h"

#include <fmt/format.h>

#include <deque>

#include "graph/pagerank.h"

namespace crowdlens::graph {

ConcurrentDisjointSets::ConcurrentDisjointSets(size_t size) : parent_(size) {
  for (size_t element = 0; element < size; ++element) parent_[element].store(element, std::memory_order_relaxed);
}

uint64_t ConcurrentDisjointSets::Find(uint64_t element) {
  while (true) {
    uint64_t parent = parent_[element].load(std::memory_order_acquire);
    if (parent == element) return element;
    uint64_t grandparent = parent_[parent].load(std::memory_order_acquire);
    if (grandparent != parent) {
      // Path halving: a failed exchange means another thread moved it closer already.
      parent_[element].compare_exchange_weak(parent, grandparent, std::memory_order_acq_rel);
    }
    element = grandparent;
  }
}

void ConcurrentDisjointSets::Union(uint64_t first, uint64_t second) {
  while (true) {
    first = Find(first);
    second = Find(second);
    if (first == second) return;
    if (first < second) std::swap(first, second);
    // Hook the larger root under the smaller; retry if `first` stopped being a root meanwhile.
    uint64_t expected = first;
    if (parent_[first].compare_exchange_strong(expected, second, std::memory_order_acq_rel)) return;
  }
}

ComponentsResult WeaklyConnectedComponents(const Graph& graph, const ComponentsOptions& options) {
  const NodeId node_count = graph.node_count();
  const int threads = KernelThreads(options.threads, graph.edge_count() + graph.node_count());
  ConcurrentDisjointSets sets(node_count);
  const std::vector<NodeId> blocks = EdgeBalancedBlocks(graph.in(), static_cast<size_t>(threads) * 32);
  const int64_t block_count = static_cast<int64_t>(blocks.size() - 1);
  std::span<const NodeId> sources = graph.in_sources();
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
  for (int64_t block = 0; block < block_count; ++block) {
    for (NodeId target = blocks[block]; target < blocks[block + 1]; ++target) {
      for (EdgeIndex edge : graph.in_edges(target)) {
        // In-lists are sorted, so repeated sources (a multigraph) come together.
        if (edge > graph.in().offsets[target] && sources[edge] == sources[edge - 1]) continue;
        sets.Union(sources[edge], target);
      }
    }
  }
  ComponentsResult result;
  result.component.resize(node_count);
  // Roots are the smallest nodes of their sets, so a root is met before any other member.
  for (NodeId node = 0; node < node_count; ++node) {
    NodeId root = static_cast<NodeId>(sets.Find(node));
    if (root == node) {
      result.component[node] = static_cast<NodeId>(result.sizes.size());
      result.sizes.push_back(0);
    } else {
      result.component[node] = result.component[root];
    }
    ++result.sizes[result.component[node]];
  }
  return result;
}

Status VerifyComponents(const Graph& graph, const ComponentsResult& result) {
  const NodeId node_count = graph.node_count();
  if (result.component.size() != node_count) {
    return DataError(fmt::format("{} component labels for {} nodes", result.component.size(), node_count));
  }
  std::vector<uint64_t> sizes(result.sizes.size(), 0);
  for (NodeId component : result.component) {
    if (component >= sizes.size()) return DataError(fmt::format("component {} out of range", component));
    ++sizes[component];
  }
  for (size_t component = 0; component < sizes.size(); ++component) {
    if (sizes[component] != result.sizes[component] || sizes[component] == 0) {
      return DataError(
          fmt::format("component {} has {} nodes, reported {}", component, sizes[component], result.sizes[component]));
    }
  }
  for (NodeId target = 0; target < node_count; ++target) {
    for (EdgeIndex edge : graph.in_edges(target)) {
      NodeId source = graph.in_sources()[edge];
      if (result.component[source] != result.component[target]) {
        return DataError(fmt::format("edge {} -> {} joins components {} and {}", source, target,
                                     result.component[source], result.component[target]));
      }
    }
  }
  // Breadth-first search over in- and out-edges counts the true components.
  OutAdjacency out(graph);
  std::vector<bool> seen(node_count, false);
  uint64_t searched = 0;
  std::deque<NodeId> frontier;
  for (NodeId start = 0; start < node_count; ++start) {
    if (seen[start]) continue;
    ++searched;
    seen[start] = true;
    frontier.push_back(start);
    while (!frontier.empty()) {
      NodeId node = frontier.front();
      frontier.pop_front();
      auto visit = [&](NodeId neighbour) {
        if (!seen[neighbour]) {
          seen[neighbour] = true;
          frontier.push_back(neighbour);
        }
      };
      for (EdgeIndex edge : graph.in_edges(node)) visit(graph.in_sources()[edge]);
      for (EdgeIndex edge : out.edges(node)) visit(out.targets()[edge]);
    }
  }
  if (searched != result.sizes.size()) {
    return DataError(
        fmt::format("{} components reported, a breadth-first search finds {}", result.sizes.size(), searched));
  }
  return Status::Ok();
}

}  // namespace crowdlens::graph
