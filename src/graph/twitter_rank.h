// TwitterRank (Weng, Lim, Jiang and He, WSDM 2010): topic-sensitive PageRank
// over the follow graph. The walker moves from a follower to a followee with a
// probability proportional to how much the followee posts and how similar the
// two are on the topic; it teleports to accounts in proportion to their share
// of the topic.
//
//   TopicShares shares{.topic_count = 3, .shares = ..., .post_counts = ...};
//   std::vector<std::vector<double>> ranks = TwitterRank(follow_graph, shares, {});
//   // ranks[topic][node]
//
// For topic t the edge follower i -> followee j weighs
//   |T_j| * sim_t(i, j),  sim_t(i, j) = 1 - |DT'_it - DT'_jt|
// and the walker leaves i along each edge with its weight over the sum of i's
// edge weights. The paper divides |T_j| by the followees' post total but
// multiplies by sim afterwards, so its rows sum to less than 1 and the walk
// leaks mass; normalising each row by the product's sum keeps it a
// probability distribution ("proportional to"), and a follower whose every
// followee weighs 0 is dangling, its mass going by the teleport. The teleport
// is E_t = column t of DT'' (DT column-normalised), here
// DT_jt = shares_jt * |T_j|; a topic no node has teleports uniformly.
// Each topic then runs the PageRank kernel (pagerank.h) on the reweighted edges.
#pragma once

#include <vector>

#include "core/status.h"
#include "graph/graph.h"
#include "graph/pagerank.h"

namespace crowdlens::graph {

// Per node and topic, the share of the node's posts on the topic (rows sum to 1,
// or 0 for a node with no classified posts), node-major: shares[node * topic_count + topic].
struct TopicShares {
  size_t topic_count = 0;
  std::vector<double> shares;
  std::vector<double> post_counts;  // |T_j|, posts per node
};

// Checks the shapes and values TwitterRank takes on trust: at least one topic,
// node_count * topic_count shares in [0, 1], node_count finite non-negative post
// counts. kInvalidArgument says which.
Status ValidateTopicShares(const Graph& follow_graph, const TopicShares& shares);

// One rank vector (summing to 1) per topic. Edges of `follow_graph` point follower -> followee.
// Options' damping, iterations, tolerance and threads apply; personalization is ignored;
// with use_weights on a weighted graph each edge's weight multiplies its topic weight.
// Requires ValidateTopicShares and ValidatePageRankOptions to pass.
std::vector<std::vector<double>> TwitterRank(const Graph& follow_graph, const TopicShares& shares,
                                             const PageRankOptions& options);

// Checks every topic's vector is a probability vector and a fixed point of the
// TwitterRank equation within `tolerance` (L1 residual), with the transition
// probabilities recomputed edge by edge, independently of the kernel.
Status VerifyTwitterRank(const Graph& follow_graph, const TopicShares& shares, const PageRankOptions& options,
                         const std::vector<std::vector<double>>& ranks, double tolerance);

}  // namespace crowdlens::graph
