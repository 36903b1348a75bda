#include "graph/kcore.h"

#include <fmt/format.h>

#include <algorithm>

namespace crowdlens::graph {

namespace {

// The degree a mode counts.
uint32_t ModeDegree(const Graph& graph, const OutAdjacency& out, KCoreMode mode, NodeId node) {
  const EdgeIndex in_degree = graph.in().degree(node);
  const EdgeIndex out_degree = out.view().degree(node);
  switch (mode) {
    case KCoreMode::kIn:
      return static_cast<uint32_t>(in_degree);
    case KCoreMode::kOut:
      return static_cast<uint32_t>(out_degree);
    case KCoreMode::kAll:
      break;
  }
  return static_cast<uint32_t>(in_degree + out_degree);
}

}  // namespace

KCoreResult KCoreDecomposition(const Graph& graph, const KCoreOptions& options) {
  const NodeId node_count = graph.node_count();
  KCoreResult result;
  if (node_count == 0) return result;
  OutAdjacency out(graph);
  std::span<const NodeId> in_sources = graph.in_sources();
  std::span<const NodeId> out_targets = out.targets();
  // Degrees beyond 2^32 - 1 do not occur below 2^31 edges per node; the graph's edge count bounds them.
  std::vector<uint32_t> degree(node_count);
  uint32_t max_degree = 0;
  for (NodeId node = 0; node < node_count; ++node) {
    degree[node] = ModeDegree(graph, out, options.mode, node);
    max_degree = std::max(max_degree, degree[node]);
  }
  // Bucket sort by degree: `order` lists nodes by current degree, `bucket_start[d]`
  // is where degree d begins, `position[v]` is v's place in `order`.
  std::vector<NodeId> bucket_start(static_cast<size_t>(max_degree) + 1, 0);
  for (NodeId node = 0; node < node_count; ++node) ++bucket_start[degree[node]];
  NodeId start = 0;
  for (uint32_t value = 0; value <= max_degree; ++value) {
    NodeId count = bucket_start[value];
    bucket_start[value] = start;
    start += count;
  }
  std::vector<NodeId> order(node_count);
  std::vector<NodeId> position(node_count);
  for (NodeId node = 0; node < node_count; ++node) {
    position[node] = bucket_start[degree[node]]++;
    order[position[node]] = node;
  }
  for (uint32_t value = max_degree; value > 0; --value) bucket_start[value] = bucket_start[value - 1];
  bucket_start[0] = 0;

  // Peel in order; a neighbour with a higher current degree drops by one: swap it
  // to the front of its bucket and move the bucket's start past it.
  auto lower = [&](NodeId removed, NodeId neighbour) {
    if (degree[neighbour] <= degree[removed]) return;
    uint32_t neighbour_degree = degree[neighbour];
    NodeId front = bucket_start[neighbour_degree];
    NodeId front_node = order[front];
    if (front_node != neighbour) {
      std::swap(order[front], order[position[neighbour]]);
      position[front_node] = position[neighbour];
      position[neighbour] = front;
    }
    ++bucket_start[neighbour_degree];
    --degree[neighbour];
  };
  // A removed node counted towards the degree of its targets (in- and all-degree)
  // and of its sources (out- and all-degree).
  const bool lowers_sources = options.mode != KCoreMode::kIn;
  const bool lowers_targets = options.mode != KCoreMode::kOut;
  for (NodeId index = 0; index < node_count; ++index) {
    NodeId node = order[index];
    if (lowers_sources) {
      for (EdgeIndex edge : graph.in_edges(node)) lower(node, in_sources[edge]);
    }
    if (lowers_targets) {
      for (EdgeIndex edge : out.edges(node)) lower(node, out_targets[edge]);
    }
  }
  result.core = std::move(degree);
  result.max_core = *std::max_element(result.core.begin(), result.core.end());
  return result;
}

Status VerifyKCore(const Graph& graph, const KCoreOptions& options, const KCoreResult& result) {
  const NodeId node_count = graph.node_count();
  if (result.core.size() != node_count) {
    return DataError(fmt::format("{} core numbers for {} nodes", result.core.size(), node_count));
  }
  OutAdjacency out(graph);
  std::vector<uint32_t> value(node_count);
  for (NodeId node = 0; node < node_count; ++node) {
    value[node] = ModeDegree(graph, out, options.mode, node);
  }
  // The neighbours whose edges make up a node's degree: in-neighbours for the in-degree, and so on.
  const bool counts_sources = options.mode != KCoreMode::kOut;
  const bool counts_targets = options.mode != KCoreMode::kIn;
  // Synchronous h-index updates (the operator is monotone, so values only fall).
  std::vector<uint32_t> next(node_count);
  std::vector<uint32_t> neighbour_values;
  bool changed = true;
  while (changed) {
    changed = false;
    for (NodeId node = 0; node < node_count; ++node) {
      neighbour_values.clear();
      if (counts_sources) {
        for (EdgeIndex edge : graph.in_edges(node)) neighbour_values.push_back(value[graph.in_sources()[edge]]);
      }
      if (counts_targets) {
        for (EdgeIndex edge : out.edges(node)) neighbour_values.push_back(value[out.targets()[edge]]);
      }
      std::sort(neighbour_values.begin(), neighbour_values.end(), std::greater<>());
      uint32_t h_index = 0;
      while (h_index < neighbour_values.size() && neighbour_values[h_index] >= h_index + 1) ++h_index;
      next[node] = h_index;
      changed |= h_index != value[node];
    }
    value.swap(next);
  }
  uint32_t max_core = 0;
  for (NodeId node = 0; node < node_count; ++node) {
    if (value[node] != result.core[node]) {
      return DataError(fmt::format("node {}: core number {} but the h-index iteration gives {}", node,
                                   result.core[node], value[node]));
    }
    max_core = std::max(max_core, value[node]);
  }
  if (max_core != result.max_core)
    return DataError(fmt::format("max core {} reported as {}", max_core, result.max_core));
  return Status::Ok();
}

}  // namespace crowdlens::graph
