// PageRank (Page et al. 1999) over a Graph's incoming CSR: weighted or not,
// personalised or uniform teleport, dangling nodes handled as in the
// literature (their mass is redistributed by the teleport distribution, the
// "strongly preferential" convention of Gleich 2015, which is what igraph's
// PRPACK, networkx and graph-tool compute for the uniform case).
//
//   PageRankResult ranks = PageRank(graph, {.damping = 0.85, .tolerance = 1e-10});
//   Status checked = VerifyPageRank(graph, options, ranks, 1e-6);
//
// The kernel pulls: each node sums contribution[source] over its in-edges, so
// threads write only their own nodes and need no atomics. contribution[u] =
// score[u] / out_weight[u] is computed once per node and iteration (no
// division per edge), and nodes are split into blocks of about equal
// in-edges + nodes so that a few hubs do not leave one core idle.
#pragma once

#include <span>
#include <vector>

#include "core/status.h"
#include "graph/graph.h"

namespace crowdlens::graph {

struct PageRankOptions {
  double damping = 0.85;
  // Enough for the default tolerance at any damping up to about 0.98 (the error shrinks by `damping` per iteration).
  int max_iterations = 1000;
  // Stop once the L1 change of an iteration falls below this; 0 runs exactly max_iterations.
  double tolerance = 1e-10;
  bool use_weights = true;  // ignored on an unweighted graph
  // Teleport distribution over nodes (normalised here); empty: uniform.
  std::span<const double> personalization;
  int threads = 0;  // 0: OpenMP's default
};

struct PageRankResult {
  std::vector<double> scores;  // sums to 1
  int iterations = 0;
  double l1_change = 0;  // of the last iteration
  bool converged = false;
};

// Checks what PageRank takes on trust: damping in [0, 1), at least one iteration,
// a non-negative tolerance, and a personalization of one finite non-negative
// entry per node with a positive sum. kInvalidArgument says which.
Status ValidatePageRankOptions(const Graph& graph, const PageRankOptions& options);

// Requires ValidatePageRankOptions(graph, options).ok().
PageRankResult PageRank(const Graph& graph, const PageRankOptions& options);

// Checks that `result` is a probability vector and a fixed point of the PageRank
// equation within `tolerance` (L1 residual), computed independently of the kernel.
Status VerifyPageRank(const Graph& graph, const PageRankOptions& options, const PageRankResult& result,
                      double tolerance);

// The walk PageRank iterates, given explicitly: TwitterRank and other
// topic-sensitive variants reweight the edges and reuse the kernel.
struct TransitionWeights {
  // One weight per in-edge, parallel to graph.in_sources(); empty: every edge weighs 1.
  std::span<const float> edge_weights;
  // Per node, the sum of the weights of its outgoing edges; 0 marks a dangling node.
  std::span<const double> out_weight;
};

// PageRank over explicit transition weights; `teleport` (summing to 1, one
// entry per node) or empty for uniform. options.use_weights and
// options.personalization are ignored.
PageRankResult PageRankWithTransitions(const Graph& graph, const TransitionWeights& transitions,
                                       std::span<const double> teleport, const PageRankOptions& options);

// Splits [0, node_count) into about `block_count` ranges of nodes with equal
// in-edges + nodes, for pull kernels scheduled block by block. Returns the
// block boundaries: first 0, last node_count.
std::vector<NodeId> EdgeBalancedBlocks(const Adjacency& adjacency, size_t block_count);

// The number of threads a kernel runs on for a requested count (0: OpenMP's
// default), given the edges + nodes it touches: below about 64 thousand, one
// thread, since waking others costs more than the work (and far more on a busy machine).
int KernelThreads(int requested, uint64_t work);

}  // namespace crowdlens::graph
