#include "graph/reciprocity.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "graph/pagerank.h"

namespace crowdlens::graph {

ReciprocityResult Reciprocity(const Graph& graph, const ReciprocityOptions& options) {
  const NodeId node_count = graph.node_count();
  const int threads = KernelThreads(options.threads, graph.edge_count() + graph.node_count());
  std::span<const NodeId> sources = graph.in_sources();
  const Adjacency& in = graph.in();
  uint64_t reciprocated = 0;
  uint64_t loops = 0;
#pragma omp parallel for schedule(dynamic, 1024) num_threads(threads) reduction(+ : reciprocated, loops)
  for (int64_t target_index = 0; target_index < static_cast<int64_t>(node_count); ++target_index) {
    const NodeId target = static_cast<NodeId>(target_index);
    const EdgeIndex end = in.offsets[target + 1];
    EdgeIndex run = in.offsets[target];
    // Runs of equal sources are the multiplicity of source -> target.
    while (run < end) {
      const NodeId source = sources[run];
      EdgeIndex run_end = run + 1;
      while (run_end < end && sources[run_end] == source) ++run_end;
      const uint64_t forward = run_end - run;
      if (source == target) {
        loops += forward;
        if (!options.ignore_self_loops) reciprocated += forward;
      } else {
        // target -> source edges: occurrences of `target` in the sorted in-list of `source`.
        auto first = sources.begin() + static_cast<int64_t>(in.offsets[source]);
        auto last = sources.begin() + static_cast<int64_t>(in.offsets[source + 1]);
        auto [match_begin, match_end] = std::equal_range(first, last, target);
        reciprocated += std::min<uint64_t>(forward, static_cast<uint64_t>(match_end - match_begin));
      }
      run = run_end;
    }
  }
  ReciprocityResult result;
  result.self_loops = loops;
  result.edges = graph.edge_count() - (options.ignore_self_loops ? loops : 0);
  result.reciprocated_edges = reciprocated;
  result.reciprocity = result.edges > 0 ? static_cast<double>(reciprocated) / static_cast<double>(result.edges) : 0.0;
  return result;
}

Status VerifyReciprocity(const Graph& graph, const ReciprocityOptions& options, const ReciprocityResult& result) {
  std::vector<uint64_t> pairs;
  pairs.reserve(graph.edge_count());
  uint64_t loops = 0;
  for (NodeId target = 0; target < graph.node_count(); ++target) {
    for (EdgeIndex edge : graph.in_edges(target)) {
      NodeId source = graph.in_sources()[edge];
      if (source == target) ++loops;
      pairs.push_back(uint64_t{source} << 32 | target);
    }
  }
  std::sort(pairs.begin(), pairs.end());
  auto multiplicity = [&](uint64_t pair) {
    auto [first, last] = std::equal_range(pairs.begin(), pairs.end(), pair);
    return static_cast<uint64_t>(last - first);
  };
  uint64_t reciprocated = 0;
  for (size_t index = 0; index < pairs.size();) {
    size_t run_end = index;
    while (run_end < pairs.size() && pairs[run_end] == pairs[index]) ++run_end;
    const uint64_t source = pairs[index] >> 32;
    const uint64_t target = pairs[index] & 0xffffffffULL;
    if (source != target)
      reciprocated += std::min<uint64_t>(run_end - index, multiplicity(target << 32 | source));
    else if (!options.ignore_self_loops)
      reciprocated += run_end - index;
    index = run_end;
  }
  const uint64_t edges = pairs.size() - (options.ignore_self_loops ? loops : 0);
  if (result.edges != edges || result.reciprocated_edges != reciprocated || result.self_loops != loops) {
    return DataError(fmt::format("reciprocity counted {} of {} edges ({} loops); recounting gives {} of {} ({} loops)",
                                 result.reciprocated_edges, result.edges, result.self_loops, reciprocated, edges,
                                 loops));
  }
  return Status::Ok();
}

}  // namespace crowdlens::graph
