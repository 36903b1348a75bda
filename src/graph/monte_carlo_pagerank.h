// Monte-Carlo personalised PageRank from one seed node (Fogaras, Racz, Csalogany
// and Sarlos, Internet Mathematics 2005): random walks start at the seed, and
// at every step stop with probability 1 - damping (or at a node with no
// out-edges); otherwise they move along an out-edge chosen by weight. The
// share of all visits that land on a node estimates its PageRank personalised
// to the seed (renewal-reward: each walk is one cycle of the restarting walk),
// with the dangling convention of pagerank.h. Twitter's Who-To-Follow builds a
// user's "circle of trust" this way (Gupta et al., WWW 2013): the top nodes of
// an egocentric walk.
//
//   RandomWalkIndex index(graph);
//   Result<MonteCarloResult> circle = MonteCarloPageRank(index, seed, {.walks = 100000, .top = 500});
//   Status checked = VerifyMonteCarloPageRank(graph, seed, options, *circle, 0.01);
//
// The walks are split into fixed batches, each with its own random stream
// derived from (random_seed, batch), so the result depends on the options only,
// never on the number of threads or their timing.
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.h"
#include "graph/graph.h"

namespace crowdlens::graph {

// What the walks read, built once per graph and shared by many seeds:
// outgoing adjacency and, for a weighted walk, each out-list's running weight
// sums for sampling an edge by binary search.
class RandomWalkIndex {
 public:
  explicit RandomWalkIndex(const Graph& graph, bool use_weights = true);

  NodeId node_count() const { return node_count_; }
  bool weighted() const { return !cumulative_weight_.empty(); }
  // A random out-neighbour of `node` given a uniform draw in [0, 1); `node` must have out-edges.
  NodeId Step(NodeId node, double uniform) const;
  // The outgoing adjacency the walks read (sorted out-lists), for kernels that build on the walks.
  const Adjacency& out() const { return out_.view(); }
  bool HasOutEdges(NodeId node) const {
    return out_.view().degree(node) > 0 && (!weighted() || total_weight(node) > 0);
  }

 private:
  double total_weight(NodeId node) const { return cumulative_weight_[out_.view().offsets[node + 1] - 1]; }

  NodeId node_count_;
  OutAdjacency out_;
  std::vector<double> cumulative_weight_;  // running sum within each out-list; empty: unweighted
};

struct MonteCarloOptions {
  double damping = 0.85;      // probability that a walk takes another step
  uint64_t walks = 100000;    // walks started at the seed
  uint64_t random_seed = 1;   // the same seed gives the same walks
  size_t top = 500;           // how many of the most visited nodes to return (WTF's circle of trust: 500)
  bool include_seed = false;  // whether the seed itself may appear in `top`
  int threads = 0;            // 0: OpenMP's default
};

// One node of the result: its visits and its share of all visits.
struct VisitShare {
  NodeId node = 0;
  uint64_t visits = 0;
  double share = 0;
};

struct MonteCarloResult {
  std::vector<VisitShare> top;  // most visits first, ties by node id
  uint64_t walks = 0;
  uint64_t total_visits = 0;    // all visits, the seed's included
  uint64_t distinct_nodes = 0;  // nodes visited at least once
};

// kInvalidArgument for a seed outside the graph, no walks, or damping outside [0, 1).
Result<MonteCarloResult> MonteCarloPageRank(const RandomWalkIndex& index, NodeId seed,
                                            const MonteCarloOptions& options);

// Checks the shares against personalised PageRank computed exactly by a plain
// serial power iteration: every node in `top` within `tolerance` of its exact
// score, shares summing to at most 1, and the list sorted by visits.
Status VerifyMonteCarloPageRank(const Graph& graph, NodeId seed, const MonteCarloOptions& options,
                                const MonteCarloResult& result, double tolerance, bool use_weights = true);

}  // namespace crowdlens::graph
