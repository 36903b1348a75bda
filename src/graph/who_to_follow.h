// Who to follow over a plain follow graph (edges follower -> followee), after
// Twitter's WTF service (Gupta, Goel, Lin, Sharma, Wang and Zadeh, "WTF: The
// Who to Follow Service at Twitter", WWW 2013):
//   1. the seed's "circle of trust": the `circle.top` nodes most visited by
//      Monte-Carlo personalised PageRank walks from the seed (monte_carlo_pagerank.h);
//   2. the bipartite graph whose left side (hubs) is the circle and whose
//      right side (authorities) is everyone the circle follows;
//   3. personalised SALSA on it (salsa.h), restarting to the circle in
//      proportion to each member's visits. Authorities by score are whom the
//      seed may be "interested in"; hubs by score are accounts "similar to" it.
// The seed and whom it already follows are never suggested.
//
//   RandomWalkIndex index(graph, /*use_weights=*/false);
//   Result<WhoToFollowResult> wtf = WhoToFollow(graph, index, seed, {});
//   for (const FollowCandidate& candidate : wtf->interested_in) ...
//
// Design choice: SALSA runs on the small bipartite graph cut out of the big
// one (the circle's out-lists, laid out directly as incoming CSR), never over
// the whole graph, so one seed costs the walks plus its circle's out-degree,
// not O(m). The cut graph keeps the big graph's node ids as labels, so
// VerifySalsa can check the run on it exactly. (On R-MAT graphs a circle of
// 500 reaches the hubs and the cut is millions of edges: docs/benchmarks.md.)
//
// Key-account mining (MineKeyAccountFollows) is the simpler companion: whom a
// hand-picked set of accounts follow, each follow weighted by how selective its
// follower is (see KeyAccountWeight).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/status.h"
#include "graph/graph.h"
#include "graph/monte_carlo_pagerank.h"
#include "graph/salsa.h"

namespace crowdlens::graph {

struct WhoToFollowOptions {
  // The circle of trust: walks from the seed; `circle.top` members (WTF: 500).
  MonteCarloOptions circle{.damping = 0.85, .walks = 20000, .random_seed = 1, .top = 500};
  double restart_probability = 0.15;  // of the personalised SALSA walk
  int salsa_max_iterations = 200;
  double salsa_tolerance = 1e-10;      // L1 change of the hub scores
  int threads = 0;                     // 0: OpenMP's default
};

// An account the seed may be interested in: an authority of the bipartite graph.
struct FollowCandidate {
  NodeId node = 0;
  double score = 0;                  // SALSA authority score (all authorities sum to 1)
  uint32_t circle_followers = 0;     // members of the circle who follow it
  uint32_t mutual_follows = 0;       // accounts the seed follows who follow it
};

// An account similar to the seed: a hub (a circle member that follows someone) the seed does not follow.
struct SimilarAccount {
  NodeId node = 0;
  double score = 0;                  // SALSA hub score (all hubs sum to 1)
  uint32_t circle_rank = 0;          // 1: the circle's most visited member
  double circle_share = 0;           // its share of the walks' visits
  uint32_t shared_follows = 0;       // accounts both it and the seed follow
  uint32_t mutual_follows = 0;       // accounts the seed follows who follow it
};

struct WhoToFollowResult {
  MonteCarloResult circle;                    // the circle of trust, most visited first
  std::vector<FollowCandidate> interested_in; // score > 0, best first (ties by node id)
  std::vector<SimilarAccount> similar_to;     // score > 0, best first (ties by node id)
  uint32_t seed_follows = 0;                  // out-degree of the seed
  uint32_t authorities = 0;                   // right side of the bipartite graph
  uint64_t bipartite_edges = 0;
  int salsa_iterations = 0;
  bool salsa_converged = false;
};

// The bipartite graph of step 2 and the SALSA options of step 3, for checking
// a run with VerifySalsa: labels of `graph` are the big graph's node ids.
struct CircleBipartite {
  Graph graph;
  std::vector<NodeId> hubs;     // dense ids in `graph` of the circle's members
  std::vector<double> restart;  // per node of `graph`: the member's visit share, else 0
  SalsaOptions salsa_options() const;
};

// Builds step 2 from a circle (members with their visit shares): dense ids in
// ascending label order, repeated edges once, self-follows dropped.
CircleBipartite BuildCircleBipartite(const RandomWalkIndex& index, std::span<const VisitShare> circle);

// kInvalidArgument for a seed outside the graph or bad walk or SALSA settings;
// a seed that follows no one gets empty lists (nothing to walk from).
// `index` must be built over `graph`.
Result<WhoToFollowResult> WhoToFollow(const Graph& graph, const RandomWalkIndex& index, NodeId seed,
                                      const WhoToFollowOptions& options);

// One key account of MineKeyAccountFollows, with the counts its weight is made of
// (the graph's degrees, or better figures such as a profile's when the caller has them).
struct KeyAccount {
  NodeId node = 0;
  int64_t followers = 0;
  int64_t following = 0;
};

// How much one follow by this key account counts:
//   log2(2 + followers) / log2(2 + following)
// so a follow from someone followed by thousands who follows few counts most;
// a key account following 2 accounts with 1,000 followers weighs 10/2 = 5,
// one following 1,000 with 10 followers weighs 3.6/10 = 0.36.
double KeyAccountWeight(const KeyAccount& key_account);

// An account the key accounts follow.
struct KeyAccountCandidate {
  NodeId node = 0;
  double score = 0;                  // sum of the weights of the key accounts that follow it
  std::vector<uint32_t> followed_by; // indices into the key accounts, heaviest first
  uint32_t mutual_follows = 0;       // accounts the seed follows who follow it (0 without a seed)
};

struct KeyAccountOptions {
  // The account suggestions are for: it and whom it follows are left out. kNoSeed: none.
  static constexpr NodeId kNoSeed = ~NodeId{0};
  NodeId seed = kNoSeed;
};

// Every account a key account follows, except the key accounts themselves,
// the seed and whom the seed follows; best score first, then most key
// accounts, then node id. kInvalidArgument for a node outside the graph.
Result<std::vector<KeyAccountCandidate>> MineKeyAccountFollows(const RandomWalkIndex& index,
                                                               std::span<const KeyAccount> key_accounts,
                                                               const KeyAccountOptions& options);

}  // namespace crowdlens::graph
