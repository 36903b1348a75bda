#include "graph/twitter_rank.h"

#include <atomic>
#include <cmath>
#include <string>

#include <fmt/format.h>

namespace crowdlens::graph {
namespace {

// sim_t(i, j) * |T_j| (* the edge's own weight): the unnormalised weight of follower -> followee on `topic`.
double TopicEdgeWeight(const TopicShares& shares, size_t topic, NodeId follower, NodeId followee, double edge_weight) {
  const size_t topics = shares.topic_count;
  const double similarity =
      1.0 - std::abs(shares.shares[follower * topics + topic] - shares.shares[followee * topics + topic]);
  return shares.post_counts[followee] * similarity * edge_weight;
}

// E_t: each node's posts on the topic over all posts on it; empty (uniform) when no node has any.
std::vector<double> TopicTeleport(const TopicShares& shares, size_t topic, NodeId node_count) {
  std::vector<double> teleport(node_count);
  double total = 0;
  for (NodeId node = 0; node < node_count; ++node) {
    teleport[node] = shares.shares[node * shares.topic_count + topic] * shares.post_counts[node];
    total += teleport[node];
  }
  if (!(total > 0)) return {};
  for (double& share : teleport) share /= total;
  return teleport;
}

}  // namespace

Status ValidateTopicShares(const Graph& follow_graph, const TopicShares& shares) {
  const size_t node_count = follow_graph.node_count();
  if (shares.topic_count == 0) return InvalidArgument("TwitterRank needs at least one topic");
  if (shares.shares.size() != node_count * shares.topic_count) {
    return InvalidArgument(fmt::format("topic shares hold {} values; {} nodes x {} topics need {}",
                                       shares.shares.size(), node_count, shares.topic_count,
                                       node_count * shares.topic_count));
  }
  if (shares.post_counts.size() != node_count) {
    return InvalidArgument(fmt::format("{} post counts for {} nodes", shares.post_counts.size(), node_count));
  }
  for (double share : shares.shares) {
    if (!(share >= 0 && share <= 1)) return InvalidArgument(fmt::format("a topic share of {} is not in [0, 1]", share));
  }
  for (double posts : shares.post_counts) {
    if (!(posts >= 0) || !std::isfinite(posts)) {
      return InvalidArgument(fmt::format("a post count of {} is not a non-negative number", posts));
    }
  }
  return Status::Ok();
}

std::vector<std::vector<double>> TwitterRank(const Graph& follow_graph, const TopicShares& shares,
                                             const PageRankOptions& options) {
  const NodeId node_count = follow_graph.node_count();
  const int threads = KernelThreads(options.threads, follow_graph.edge_count() + follow_graph.node_count());
  const bool use_weights = options.use_weights && follow_graph.weighted();
  std::span<const NodeId> sources = follow_graph.in_sources();
  std::vector<float> edge_weights(sources.size());
  std::vector<double> out_weight(node_count);
  std::vector<std::vector<double>> ranks;
  ranks.reserve(shares.topic_count);
  for (size_t topic = 0; topic < shares.topic_count; ++topic) {
    std::fill(out_weight.begin(), out_weight.end(), 0.0);
#pragma omp parallel for schedule(dynamic, 1024) num_threads(threads)
    for (int64_t followee = 0; followee < static_cast<int64_t>(node_count); ++followee) {
      for (EdgeIndex edge : follow_graph.in_edges(static_cast<NodeId>(followee))) {
        double own_weight = use_weights ? follow_graph.in_weight(edge) : 1.0;
        edge_weights[edge] = static_cast<float>(
            TopicEdgeWeight(shares, topic, sources[edge], static_cast<NodeId>(followee), own_weight));
        // Summed from the rounded float so that each row of the walk sums to 1 exactly.
        std::atomic_ref<double>(out_weight[sources[edge]]).fetch_add(edge_weights[edge], std::memory_order_relaxed);
      }
    }
    std::vector<double> teleport = TopicTeleport(shares, topic, node_count);
    PageRankResult result = PageRankWithTransitions(
        follow_graph, {.edge_weights = edge_weights, .out_weight = out_weight}, teleport, options);
    ranks.push_back(std::move(result.scores));
  }
  return ranks;
}

Status VerifyTwitterRank(const Graph& follow_graph, const TopicShares& shares, const PageRankOptions& options,
                         const std::vector<std::vector<double>>& ranks, double tolerance) {
  const NodeId node_count = follow_graph.node_count();
  if (ranks.size() != shares.topic_count) {
    return DataError(fmt::format("TwitterRank returned {} topics, not {}", ranks.size(), shares.topic_count));
  }
  const bool use_weights = options.use_weights && follow_graph.weighted();
  const double damping = options.damping;
  for (size_t topic = 0; topic < shares.topic_count; ++topic) {
    const std::vector<double>& rank = ranks[topic];
    if (rank.size() != node_count)
      return DataError(fmt::format("topic {}: {} scores for {} nodes", topic, rank.size(), node_count));
    double total = 0;
    for (double score : rank) {
      if (!(score >= 0)) return DataError(fmt::format("topic {}: a negative or undefined score", topic));
      total += score;
    }
    if (node_count > 0 && std::abs(total - 1) > tolerance) {
      return DataError(fmt::format("topic {}: scores sum to {}, not 1", topic, total));
    }
    // Row sums of the paper's products, then every edge's probability with its own division.
    std::vector<double> row_total(node_count, 0.0);
    for (NodeId followee = 0; followee < node_count; ++followee) {
      for (EdgeIndex edge : follow_graph.in_edges(followee)) {
        NodeId follower = follow_graph.in_sources()[edge];
        row_total[follower] +=
            TopicEdgeWeight(shares, topic, follower, followee, use_weights ? follow_graph.in_weight(edge) : 1.0);
      }
    }
    double topic_posts = 0;
    for (NodeId node = 0; node < node_count; ++node) {
      topic_posts += shares.shares[node * shares.topic_count + topic] * shares.post_counts[node];
    }
    double dangling = 0;
    for (NodeId node = 0; node < node_count; ++node) {
      if (row_total[node] == 0) dangling += rank[node];
    }
    double residual = 0;
    for (NodeId followee = 0; followee < node_count; ++followee) {
      double arriving = 0;
      for (EdgeIndex edge : follow_graph.in_edges(followee)) {
        NodeId follower = follow_graph.in_sources()[edge];
        if (row_total[follower] == 0) continue;
        double weight =
            TopicEdgeWeight(shares, topic, follower, followee, use_weights ? follow_graph.in_weight(edge) : 1.0);
        arriving += rank[follower] * weight / row_total[follower];
      }
      double teleport = topic_posts > 0 ? shares.shares[followee * shares.topic_count + topic] *
                                              shares.post_counts[followee] / topic_posts
                                        : 1.0 / node_count;
      double image = damping * arriving + (1 - damping + damping * dangling) * teleport;
      residual += std::abs(image - rank[followee]);
    }
    if (residual > tolerance) {
      return DataError(fmt::format("topic {}: not a fixed point of TwitterRank, L1 residual {:.3g} exceeds {:.3g}",
                                   topic, residual, tolerance));
    }
  }
  return Status::Ok();
}

}  // namespace crowdlens::graph
