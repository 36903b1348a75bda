#include "graph/monte_carlo_pagerank.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <unordered_map>

#include "graph/pagerank.h"

namespace crowdlens::graph {
namespace {

// Walks per batch: each batch has its own random stream, so this fixes the result's dependence on the seed.
constexpr uint64_t kWalksPerBatch = 1024;

// SplitMix64 (Steele, Lea and Flood, OOPSLA 2014): decorrelates the streams of neighbouring batches.
uint64_t SplitMix64(uint64_t value) {
  value += 0x9e3779b97f4a7c15ULL;
  value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
  value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
  return value ^ (value >> 31);
}

// A uniform double in [0, 1) from the top 53 bits (the same on every standard library).
double UniformDraw(std::mt19937_64& random) { return static_cast<double>(random() >> 11) * 0x1.0p-53; }

}  // namespace

RandomWalkIndex::RandomWalkIndex(const Graph& graph, bool use_weights) : node_count_(graph.node_count()), out_(graph) {
  if (!use_weights || !graph.weighted()) return;
  const Adjacency& view = out_.view();
  cumulative_weight_.resize(view.neighbors.size());
  for (NodeId node = 0; node < node_count_; ++node) {
    double running = 0;
    for (EdgeIndex edge : view.edges(node)) {
      running += view.weight(edge);
      cumulative_weight_[edge] = running;
    }
  }
}

NodeId RandomWalkIndex::Step(NodeId node, double uniform) const {
  const Adjacency& view = out_.view();
  const EdgeIndex begin = view.offsets[node];
  const EdgeIndex degree = view.degree(node);
  if (!weighted()) {
    return view.neighbors[begin + std::min<EdgeIndex>(degree - 1, static_cast<EdgeIndex>(uniform * degree))];
  }
  // The first edge whose running sum exceeds the draw; zero-weight edges are never chosen.
  const double threshold = uniform * total_weight(node);
  auto first = cumulative_weight_.begin() + static_cast<int64_t>(begin);
  auto chosen = std::upper_bound(first, first + static_cast<int64_t>(degree), threshold);
  EdgeIndex offset = std::min<EdgeIndex>(degree - 1, static_cast<EdgeIndex>(chosen - first));
  return view.neighbors[begin + offset];
}

Result<MonteCarloResult> MonteCarloPageRank(const RandomWalkIndex& index, NodeId seed,
                                            const MonteCarloOptions& options) {
  if (seed >= index.node_count()) {
    return InvalidArgument(fmt::format("seed node {} is not in a graph of {} nodes", seed, index.node_count()));
  }
  if (options.walks == 0) return InvalidArgument("Monte-Carlo PageRank needs at least one walk");
  if (!(options.damping >= 0 && options.damping < 1)) {
    return InvalidArgument(fmt::format("the damping factor must be at least 0 and below 1, not {}", options.damping));
  }
  const int threads = KernelThreads(options.threads, options.walks * 8);
  const uint64_t batches = (options.walks + kWalksPerBatch - 1) / kWalksPerBatch;
  std::unordered_map<NodeId, uint64_t> visits;
#pragma omp parallel num_threads(threads)
  {
    std::unordered_map<NodeId, uint64_t> local;
#pragma omp for schedule(dynamic, 1)
    for (int64_t batch = 0; batch < static_cast<int64_t>(batches); ++batch) {
      std::mt19937_64 random(SplitMix64(options.random_seed ^ SplitMix64(static_cast<uint64_t>(batch))));
      const uint64_t first_walk = static_cast<uint64_t>(batch) * kWalksPerBatch;
      const uint64_t walk_count = std::min(kWalksPerBatch, options.walks - first_walk);
      for (uint64_t walk = 0; walk < walk_count; ++walk) {
        NodeId node = seed;
        while (true) {
          ++local[node];
          if (UniformDraw(random) >= options.damping || !index.HasOutEdges(node)) break;
          node = index.Step(node, UniformDraw(random));
        }
      }
    }
    // Counts add up the same in any order, so merging keeps the result deterministic.
#pragma omp critical(crowdlens_monte_carlo_merge)
    for (const auto& [node, count] : local) visits[node] += count;
  }

  MonteCarloResult result;
  result.walks = options.walks;
  result.distinct_nodes = visits.size();
  std::vector<VisitShare> ranked;
  ranked.reserve(visits.size());
  for (const auto& [node, count] : visits) {
    result.total_visits += count;
    if (node != seed || options.include_seed) ranked.push_back({.node = node, .visits = count});
  }
  const size_t kept = std::min(options.top, ranked.size());
  auto more_visited = [](const VisitShare& first, const VisitShare& second) {
    return first.visits != second.visits ? first.visits > second.visits : first.node < second.node;
  };
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<int64_t>(kept), ranked.end(), more_visited);
  ranked.resize(kept);
  for (VisitShare& entry : ranked)
    entry.share = static_cast<double>(entry.visits) / static_cast<double>(result.total_visits);
  result.top = std::move(ranked);
  return result;
}

Status VerifyMonteCarloPageRank(const Graph& graph, NodeId seed, const MonteCarloOptions& options,
                                const MonteCarloResult& result, double tolerance, bool use_weights) {
  const NodeId node_count = graph.node_count();
  if (seed >= node_count) return InvalidArgument(fmt::format("seed node {} is not in the graph", seed));
  const bool weighted = use_weights && graph.weighted();
  // Personalised PageRank to the seed, by the textbook push iteration with a division per edge.
  std::vector<double> out_weight(node_count, 0.0);
  for (NodeId target = 0; target < node_count; ++target) {
    for (EdgeIndex edge : graph.in_edges(target))
      out_weight[graph.in_sources()[edge]] += weighted ? graph.in_weight(edge) : 1.0;
  }
  std::vector<double> exact(node_count, 0.0), next(node_count);
  exact[seed] = 1;
  for (int iteration = 0; iteration < 1000; ++iteration) {
    double dangling = 0;
    for (NodeId node = 0; node < node_count; ++node) {
      if (out_weight[node] == 0) dangling += exact[node];
    }
    std::fill(next.begin(), next.end(), 0.0);
    for (NodeId target = 0; target < node_count; ++target) {
      for (EdgeIndex edge : graph.in_edges(target)) {
        NodeId source = graph.in_sources()[edge];
        if (out_weight[source] > 0) {
          next[target] +=
              options.damping * exact[source] * (weighted ? graph.in_weight(edge) : 1.0) / out_weight[source];
        }
      }
    }
    next[seed] += 1 - options.damping + options.damping * dangling;
    double change = 0;
    for (NodeId node = 0; node < node_count; ++node) change += std::abs(next[node] - exact[node]);
    exact.swap(next);
    if (change < 1e-12) break;
  }
  double total_share = 0;
  for (size_t rank = 0; rank < result.top.size(); ++rank) {
    const VisitShare& entry = result.top[rank];
    if (entry.node >= node_count) return DataError(fmt::format("node {} is not in the graph", entry.node));
    if (rank > 0 && entry.visits > result.top[rank - 1].visits) return DataError("the visited nodes are not sorted");
    if (entry.node == seed && !options.include_seed) return DataError("the seed appears among the results");
    if (std::abs(entry.share - exact[entry.node]) > tolerance) {
      return DataError(fmt::format("node {}: visit share {:.5f} but personalised PageRank {:.5f}", entry.node,
                                   entry.share, exact[entry.node]));
    }
    total_share += entry.share;
  }
  if (total_share > 1 + 1e-12) return DataError(fmt::format("visit shares sum to {}", total_share));
  return Status::Ok();
}

}  // namespace crowdlens::graph
