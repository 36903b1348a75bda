#include "graph/who_to_follow.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include <bit>

namespace crowdlens::graph {
namespace {

std::span<const NodeId> OutList(const RandomWalkIndex& index, NodeId node) {
  const Adjacency& out = index.out();
  return out.neighbors.subspan(out.offsets[node], out.degree(node));
}

bool Contains(std::span<const NodeId> sorted, NodeId node) { return std::binary_search(sorted.begin(), sorted.end(), node); }

// Size of the intersection of two ascending lists (duplicates counted once).
uint32_t SharedCount(std::span<const NodeId> first, std::span<const NodeId> second) {
  uint32_t shared = 0;
  size_t left = 0;
  size_t right = 0;
  NodeId last_counted = 0;
  bool counted_any = false;
  while (left < first.size() && right < second.size()) {
    if (first[left] < second[right]) {
      ++left;
    } else if (second[right] < first[left]) {
      ++right;
    } else {
      if (!counted_any || first[left] != last_counted) ++shared;
      last_counted = first[left];
      counted_any = true;
      ++left;
      ++right;
    }
  }
  return shared;
}

// For every node of the bipartite graph (by its dense id there): how many of
// the seed's follows follow it. Walks the follows' out-lists once.
std::vector<uint32_t> CountMutualFollows(const RandomWalkIndex& index, std::span<const NodeId> seed_follows,
                                         std::span<const uint64_t> bipartite_labels) {
  std::vector<uint32_t> mutual(bipartite_labels.size(), 0);
  NodeId previous_follow = 0;
  bool first = true;
  for (NodeId follow : seed_follows) {
    if (!first && follow == previous_follow) continue;  // a multigraph's repeated edge
    previous_follow = follow;
    first = false;
    NodeId previous_target = 0;
    bool first_target = true;
    for (NodeId target : OutList(index, follow)) {
      if (!first_target && target == previous_target) continue;
      previous_target = target;
      first_target = false;
      auto found = std::lower_bound(bipartite_labels.begin(), bipartite_labels.end(), uint64_t{target});
      if (found != bipartite_labels.end() && *found == target) ++mutual[found - bipartite_labels.begin()];
    }
  }
  return mutual;
}

}  // namespace

SalsaOptions CircleBipartite::salsa_options() const {
  return SalsaOptions{.use_weights = false, .hubs = hubs, .restart = restart};
}

// The cut graph's arrays, owned.
struct CutStorage : GraphStorage {
  std::vector<EdgeIndex> offsets;
  std::vector<NodeId> sources;
  std::vector<float> out_weight;
  std::vector<uint64_t> labels;
};

CircleBipartite BuildCircleBipartite(const RandomWalkIndex& index, std::span<const VisitShare> circle) {
  // Laid out directly from the index's sorted out-lists, no sort: a bitmap over
  // the big graph's ids marks the nodes (so dense ids follow ascending labels,
  // as GraphBuilder's would), then one counting pass places the edges. A
  // follow graph is simple: a repeated edge counts once and self-follows drop.
  const NodeId big_count = index.node_count();
  std::vector<uint64_t> marked((static_cast<size_t>(big_count) + 63) / 64, 0);
  auto mark = [&](NodeId node) { marked[node >> 6] |= uint64_t{1} << (node & 63); };
  for (const VisitShare& member : circle) {
    mark(member.node);
    for (NodeId target : OutList(index, member.node)) mark(target);
  }
  auto storage = std::make_unique<CutStorage>();
  // A marked node's dense id is its rank among the marked: marks in earlier words, then in its own.
  std::vector<NodeId> marks_before(marked.size(), 0);
  for (size_t word = 0; word < marked.size(); ++word) {
    marks_before[word] = static_cast<NodeId>(storage->labels.size());
    for (uint64_t bits = marked[word]; bits != 0; bits &= bits - 1) {
      storage->labels.push_back(word * 64 + static_cast<uint64_t>(std::countr_zero(bits)));
    }
  }
  auto local_of = [&](NodeId node) {
    const uint64_t below = marked[node >> 6] & ((uint64_t{1} << (node & 63)) - 1);
    return static_cast<NodeId>(marks_before[node >> 6] + static_cast<NodeId>(std::popcount(below)));
  };
  const NodeId node_count = static_cast<NodeId>(storage->labels.size());
  // Each member's distinct targets other than itself, as local ids, in list order.
  auto for_each_edge = [&](auto&& visit) {
    for (const VisitShare& member : circle) {
      const NodeId source = local_of(member.node);
      bool first = true;
      NodeId previous = 0;
      for (NodeId target : OutList(index, member.node)) {
        if ((!first && target == previous) || target == member.node) continue;
        first = false;
        previous = target;
        visit(source, local_of(target));
      }
    }
  };
  storage->offsets.assign(static_cast<size_t>(node_count) + 1, 0);
  storage->out_weight.assign(node_count, 0.0f);
  for_each_edge([&](NodeId source, NodeId target) {
    ++storage->offsets[target + 1];
    storage->out_weight[source] += 1.0f;
  });
  for (NodeId node = 0; node < node_count; ++node) storage->offsets[node + 1] += storage->offsets[node];
  storage->sources.resize(storage->offsets[node_count]);
  std::vector<EdgeIndex> next(storage->offsets.begin(), storage->offsets.end() - 1);
  for_each_edge([&](NodeId source, NodeId target) { storage->sources[next[target]++] = source; });
  // Sources ascending within each in-list, as Adjacency promises.
  for (NodeId node = 0; node < node_count; ++node) {
    std::sort(storage->sources.begin() + static_cast<int64_t>(storage->offsets[node]),
              storage->sources.begin() + static_cast<int64_t>(storage->offsets[node + 1]));
  }
  Adjacency in{.offsets = storage->offsets, .neighbors = storage->sources, .weights = {}};
  std::span<const float> out_weight = storage->out_weight;
  std::span<const uint64_t> labels = storage->labels;
  CircleBipartite bipartite{.graph = Graph(node_count, in, out_weight, labels, std::move(storage))};
  bipartite.restart.assign(node_count, 0.0);
  for (const VisitShare& member : circle) {
    const NodeId local = local_of(member.node);
    bipartite.hubs.push_back(local);
    bipartite.restart[local] = member.share;
  }
  return bipartite;
}

Result<WhoToFollowResult> WhoToFollow(const Graph& graph, const RandomWalkIndex& index, NodeId seed,
                                      const WhoToFollowOptions& options) {
  if (index.node_count() != graph.node_count()) {
    return InvalidArgument("the random-walk index was built over another graph");
  }
  if (seed >= graph.node_count()) {
    return InvalidArgument(fmt::format("node {} is not in a graph of {} nodes", seed, graph.node_count()));
  }
  WhoToFollowResult result;
  std::span<const NodeId> seed_follows = OutList(index, seed);
  result.seed_follows = static_cast<uint32_t>(seed_follows.size());
  MonteCarloOptions circle_options = options.circle;
  circle_options.include_seed = false;
  if (circle_options.threads == 0) circle_options.threads = options.threads;
  Result<MonteCarloResult> circle = MonteCarloPageRank(index, seed, circle_options);
  if (!circle.ok()) return circle.status();
  result.circle = std::move(circle).value();
  if (result.circle.top.empty()) return result;  // the seed follows no one: no circle to ask

  CircleBipartite bipartite = BuildCircleBipartite(index, result.circle.top);
  SalsaOptions salsa_options = bipartite.salsa_options();
  salsa_options.restart_probability = options.restart_probability;
  salsa_options.max_iterations = options.salsa_max_iterations;
  salsa_options.tolerance = options.salsa_tolerance;
  salsa_options.threads = options.threads;
  if (Status valid = ValidateSalsaOptions(bipartite.graph, salsa_options); !valid.ok()) return valid;
  SalsaResult salsa = Salsa(bipartite.graph, salsa_options);
  result.salsa_iterations = salsa.iterations;
  result.salsa_converged = salsa.converged;
  result.bipartite_edges = bipartite.graph.edge_count();

  const Graph& cut = bipartite.graph;
  std::span<const uint64_t> labels = cut.labels();
  std::vector<uint32_t> mutual = CountMutualFollows(index, seed_follows, labels);
  auto suggestible = [&](NodeId node) { return node != seed && !Contains(seed_follows, node); };

  for (NodeId local = 0; local < cut.node_count(); ++local) {
    if (cut.in().degree(local) > 0) ++result.authorities;
    const NodeId node = static_cast<NodeId>(labels[local]);
    if (!(salsa.authority_scores[local] > 0) || !suggestible(node)) continue;
    result.interested_in.push_back({.node = node,
                                    .score = salsa.authority_scores[local],
                                    .circle_followers = static_cast<uint32_t>(cut.in().degree(local)),
                                    .mutual_follows = mutual[local]});
  }
  for (size_t position = 0; position < result.circle.top.size(); ++position) {
    const VisitShare& member = result.circle.top[position];
    const NodeId local = bipartite.hubs[position];
    // A member that follows no one gets restart mass only: nothing to be similar in.
    if (!(cut.out_weight()[local] > 0) || !(salsa.hub_scores[local] > 0) || !suggestible(member.node)) continue;
    result.similar_to.push_back({.node = member.node,
                                 .score = salsa.hub_scores[local],
                                 .circle_rank = static_cast<uint32_t>(position + 1),
                                 .circle_share = member.share,
                                 .shared_follows = SharedCount(OutList(index, member.node), seed_follows),
                                 .mutual_follows = mutual[local]});
  }
  std::sort(result.interested_in.begin(), result.interested_in.end(),
            [](const FollowCandidate& first, const FollowCandidate& second) {
              return first.score != second.score ? first.score > second.score : first.node < second.node;
            });
  std::sort(result.similar_to.begin(), result.similar_to.end(),
            [](const SimilarAccount& first, const SimilarAccount& second) {
              return first.score != second.score ? first.score > second.score : first.node < second.node;
            });
  return result;
}

double KeyAccountWeight(const KeyAccount& key_account) {
  const double followers = static_cast<double>(std::max<int64_t>(0, key_account.followers));
  const double following = static_cast<double>(std::max<int64_t>(0, key_account.following));
  return std::log2(2 + followers) / std::log2(2 + following);
}

Result<std::vector<KeyAccountCandidate>> MineKeyAccountFollows(const RandomWalkIndex& index,
                                                               std::span<const KeyAccount> key_accounts,
                                                               const KeyAccountOptions& options) {
  const NodeId node_count = index.node_count();
  if (options.seed != KeyAccountOptions::kNoSeed && options.seed >= node_count) {
    return InvalidArgument(fmt::format("node {} is not in a graph of {} nodes", options.seed, node_count));
  }
  std::vector<NodeId> key_nodes;
  for (const KeyAccount& key_account : key_accounts) {
    if (key_account.node >= node_count) {
      return InvalidArgument(fmt::format("key account node {} is not in a graph of {} nodes", key_account.node,
                                         node_count));
    }
    key_nodes.push_back(key_account.node);
  }
  std::sort(key_nodes.begin(), key_nodes.end());
  std::span<const NodeId> seed_follows;
  if (options.seed != KeyAccountOptions::kNoSeed) seed_follows = OutList(index, options.seed);

  // One entry per (candidate, key account) follow, then grouped by candidate.
  struct Vote {
    NodeId node;
    uint32_t key_index;
  };
  std::vector<Vote> votes;
  for (uint32_t key_index = 0; key_index < key_accounts.size(); ++key_index) {
    for (NodeId target : OutList(index, key_accounts[key_index].node)) {
      if (target == options.seed || Contains(key_nodes, target) || Contains(seed_follows, target)) continue;
      votes.push_back({target, key_index});
    }
  }
  std::sort(votes.begin(), votes.end(), [](const Vote& first, const Vote& second) {
    return first.node != second.node ? first.node < second.node : first.key_index < second.key_index;
  });
  votes.erase(std::unique(votes.begin(), votes.end(),
                          [](const Vote& first, const Vote& second) {
                            return first.node == second.node && first.key_index == second.key_index;
                          }),
              votes.end());

  std::vector<double> weights;
  for (const KeyAccount& key_account : key_accounts) weights.push_back(KeyAccountWeight(key_account));
  std::vector<KeyAccountCandidate> candidates;
  for (size_t begin = 0; begin < votes.size();) {
    size_t end = begin;
    KeyAccountCandidate candidate{.node = votes[begin].node};
    while (end < votes.size() && votes[end].node == candidate.node) {
      candidate.score += weights[votes[end].key_index];
      candidate.followed_by.push_back(votes[end].key_index);
      ++end;
    }
    std::stable_sort(candidate.followed_by.begin(), candidate.followed_by.end(),
                     [&](uint32_t first, uint32_t second) { return weights[first] > weights[second]; });
    candidates.push_back(std::move(candidate));
    begin = end;
  }
  // Mutual follows only for the candidates: walk the seed's follows' out-lists once.
  if (!seed_follows.empty() && !candidates.empty()) {
    std::vector<uint64_t> candidate_nodes;
    for (const KeyAccountCandidate& candidate : candidates) candidate_nodes.push_back(candidate.node);
    std::vector<uint32_t> mutual = CountMutualFollows(index, seed_follows, candidate_nodes);
    for (size_t position = 0; position < candidates.size(); ++position)
      candidates[position].mutual_follows = mutual[position];
  }
  std::sort(candidates.begin(), candidates.end(), [](const KeyAccountCandidate& first, const KeyAccountCandidate& second) {
    if (first.score != second.score) return first.score > second.score;
    if (first.followed_by.size() != second.followed_by.size())
      return first.followed_by.size() > second.followed_by.size();
    return first.node < second.node;
  });
  return candidates;
}

}  // namespace crowdlens::graph
