#include "graph/salsa.h"

#include <fmt/format.h>

#include <atomic>
#include <cmath>

#include "graph/components.h"
#include "graph/pagerank.h"

namespace crowdlens::graph {
namespace {

// The bipartite graph SALSA walks: which nodes are hubs, and each side's weights.
struct Sides {
  std::vector<uint8_t> is_hub;
  std::vector<double> hub_weight;        // per node, its out-weight as a hub (0: not on the left side)
  std::vector<double> authority_weight;  // per node, its in-weight from hubs (0: not on the right side)
};

Sides MakeSides(const Graph& graph, const SalsaOptions& options, bool use_weights, int threads) {
  const NodeId node_count = graph.node_count();
  Sides sides;
  sides.is_hub.assign(node_count, options.hubs.empty() ? 1 : 0);
  for (NodeId hub : options.hubs) sides.is_hub[hub] = 1;
  sides.hub_weight.assign(node_count, 0.0);
  sides.authority_weight.assign(node_count, 0.0);
  std::span<const NodeId> sources = graph.in_sources();
#pragma omp parallel for schedule(dynamic, 1024) num_threads(threads)
  for (int64_t target = 0; target < static_cast<int64_t>(node_count); ++target) {
    double arriving = 0;
    for (EdgeIndex edge : graph.in_edges(static_cast<NodeId>(target))) {
      if (!sides.is_hub[sources[edge]]) continue;
      double weight = use_weights ? graph.in_weight(edge) : 1.0;
      arriving += weight;
      std::atomic_ref<double>(sides.hub_weight[sources[edge]]).fetch_add(weight, std::memory_order_relaxed);
    }
    sides.authority_weight[target] = arriving;
  }
  return sides;
}

// Lempel and Moran's closed form: components of the bipartite graph (hub v is
// element v, authority v is element node_count + v), then degree shares.
SalsaResult ClosedFormSalsa(const Graph& graph, const Sides& sides, bool use_weights, int threads) {
  const NodeId node_count = graph.node_count();
  ConcurrentDisjointSets sets(2 * static_cast<size_t>(node_count));
  std::span<const NodeId> sources = graph.in_sources();
#pragma omp parallel for schedule(dynamic, 1024) num_threads(threads)
  for (int64_t target = 0; target < static_cast<int64_t>(node_count); ++target) {
    for (EdgeIndex edge : graph.in_edges(static_cast<NodeId>(target))) {
      NodeId source = sources[edge];
      if (!sides.is_hub[source] || (use_weights && !(graph.in_weight(edge) > 0))) continue;
      sets.Union(source, node_count + static_cast<uint64_t>(target));
    }
  }
  // Per component (indexed by its root): hubs, authorities and their weights.
  const size_t elements = 2 * static_cast<size_t>(node_count);
  std::vector<double> hub_count(elements, 0.0), authority_count(elements, 0.0);
  std::vector<double> hub_total(elements, 0.0), authority_total(elements, 0.0);
  std::vector<uint64_t> hub_root(node_count), authority_root(node_count);
  double all_hubs = 0;
  double all_authorities = 0;
  for (NodeId node = 0; node < node_count; ++node) {
    if (sides.hub_weight[node] > 0) {
      hub_root[node] = sets.Find(node);
      hub_count[hub_root[node]] += 1;
      hub_total[hub_root[node]] += sides.hub_weight[node];
      all_hubs += 1;
    }
    if (sides.authority_weight[node] > 0) {
      authority_root[node] = sets.Find(node_count + static_cast<uint64_t>(node));
      authority_count[authority_root[node]] += 1;
      authority_total[authority_root[node]] += sides.authority_weight[node];
      all_authorities += 1;
    }
  }
  SalsaResult result;
  result.hub_scores.assign(node_count, 0.0);
  result.authority_scores.assign(node_count, 0.0);
  for (NodeId node = 0; node < node_count; ++node) {
    if (sides.hub_weight[node] > 0) {
      uint64_t root = hub_root[node];
      result.hub_scores[node] = hub_count[root] / all_hubs * sides.hub_weight[node] / hub_total[root];
    }
    if (sides.authority_weight[node] > 0) {
      uint64_t root = authority_root[node];
      result.authority_scores[node] =
          authority_count[root] / all_authorities * sides.authority_weight[node] / authority_total[root];
    }
  }
  result.converged = true;
  return result;
}

// F: hub mass forwards to authorities, pulled over in-edges. `hub_share` is h / hub_weight (0 off the left side).
void Forward(const Graph& graph, const std::vector<NodeId>& blocks, const std::vector<double>& hub_share,
             bool use_weights, int threads, std::vector<double>& authority_mass) {
  const NodeId* sources = graph.in_sources().data();
  const int64_t block_count = static_cast<int64_t>(blocks.size() - 1);
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
  for (int64_t block = 0; block < block_count; ++block) {
    for (NodeId target = blocks[block]; target < blocks[block + 1]; ++target) {
      double arriving = 0;
      for (EdgeIndex edge : graph.in_edges(target)) {
        arriving += hub_share[sources[edge]] * (use_weights ? graph.in_weight(edge) : 1.0);
      }
      authority_mass[target] = arriving;
    }
  }
}

}  // namespace

Status ValidateSalsaOptions(const Graph& graph, const SalsaOptions& options) {
  const NodeId node_count = graph.node_count();
  std::vector<uint8_t> is_hub(node_count, options.hubs.empty() ? 1 : 0);
  for (NodeId hub : options.hubs) {
    if (hub >= node_count)
      return InvalidArgument(fmt::format("hub {} is not a node of a {}-node graph", hub, node_count));
    is_hub[hub] = 1;
  }
  if (!(options.restart_probability >= 0 && options.restart_probability < 1)) {
    return InvalidArgument(
        fmt::format("the restart probability must be in [0, 1), not {}", options.restart_probability));
  }
  if (options.max_iterations < 1) return InvalidArgument("SALSA needs at least one iteration");
  if (!(options.tolerance >= 0)) return InvalidArgument("the tolerance must be 0 or more");
  if (options.restart.empty()) return Status::Ok();
  if (options.restart.size() != node_count) {
    return InvalidArgument(
        fmt::format("the restart vector has {} entries for a graph of {} nodes", options.restart.size(), node_count));
  }
  double total = 0;
  for (NodeId node = 0; node < node_count; ++node) {
    double weight = options.restart[node];
    if (!(weight >= 0) || !std::isfinite(weight))
      return InvalidArgument("restart weights must be finite and non-negative");
    if (weight > 0 && !is_hub[node]) {
      return InvalidArgument(fmt::format("node {} has a restart weight but is not one of the hubs", node));
    }
    total += weight;
  }
  if (!(total > 0)) return InvalidArgument("the restart vector puts no weight on any hub");
  return Status::Ok();
}

SalsaResult Salsa(const Graph& graph, const SalsaOptions& options) {
  const NodeId node_count = graph.node_count();
  const int threads = KernelThreads(options.threads, graph.edge_count() + graph.node_count());
  const bool use_weights = options.use_weights && graph.weighted();
  Sides sides = MakeSides(graph, options, use_weights, threads);
  if (options.restart.empty()) return ClosedFormSalsa(graph, sides, use_weights, threads);

  SalsaResult result;
  std::vector<double> restart(options.restart.begin(), options.restart.end());
  double restart_total = 0;
  for (double weight : restart) restart_total += weight;
  for (double& weight : restart) weight /= restart_total;

  OutAdjacency out(graph);
  const std::vector<NodeId> in_blocks = EdgeBalancedBlocks(graph.in(), static_cast<size_t>(threads) * 32);
  const std::vector<NodeId> out_blocks = EdgeBalancedBlocks(out.view(), static_cast<size_t>(threads) * 32);
  const double alpha = options.restart_probability;
  std::vector<double>& hubs = result.hub_scores;
  hubs = restart;
  std::vector<double> hub_share(node_count), authority_mass(node_count), authority_share(node_count);
  auto share_hub_mass = [&] {  // h / hub_weight, and the mass of hubs with nowhere to go
    double dangling = 0;
    for (NodeId node = 0; node < node_count; ++node) {
      hub_share[node] = sides.hub_weight[node] > 0 ? hubs[node] / sides.hub_weight[node] : 0.0;
      if (sides.hub_weight[node] == 0) dangling += hubs[node];
    }
    return dangling;
  };
  const int64_t out_block_count = static_cast<int64_t>(out_blocks.size() - 1);
  for (int iteration = 0; iteration < options.max_iterations; ++iteration) {
    const double dangling = share_hub_mass();
    Forward(graph, in_blocks, hub_share, use_weights, threads, authority_mass);
    for (NodeId node = 0; node < node_count; ++node) {
      authority_share[node] =
          sides.authority_weight[node] > 0 ? authority_mass[node] / sides.authority_weight[node] : 0.0;
    }
    // B: authority mass back to the hubs, pulled over each hub's out-edges.
    double change = 0;
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads) reduction(+ : change)
    for (int64_t block = 0; block < out_block_count; ++block) {
      for (NodeId hub = out_blocks[block]; hub < out_blocks[block + 1]; ++hub) {
        double returning = 0;
        if (sides.is_hub[hub]) {
          for (EdgeIndex edge : out.edges(hub)) {
            returning += authority_share[out.targets()[edge]] * (use_weights ? out.weight(edge) : 1.0);
          }
        }
        double score = alpha * restart[hub] + (1 - alpha) * (returning + dangling * restart[hub]);
        change += std::abs(score - hubs[hub]);
        hubs[hub] = score;
      }
    }
    result.iterations = iteration + 1;
    result.l1_change = change;
    if (options.tolerance > 0 && change < options.tolerance) {
      result.converged = true;
      break;
    }
  }
  share_hub_mass();
  Forward(graph, in_blocks, hub_share, use_weights, threads, authority_mass);
  double authority_total = 0;
  for (double mass : authority_mass) authority_total += mass;
  result.authority_scores.assign(node_count, 0.0);
  if (authority_total > 0) {
    for (NodeId node = 0; node < node_count; ++node)
      result.authority_scores[node] = authority_mass[node] / authority_total;
  }
  return result;
}

Status VerifySalsa(const Graph& graph, const SalsaOptions& options, const SalsaResult& result, double tolerance) {
  const NodeId node_count = graph.node_count();
  if (result.hub_scores.size() != node_count || result.authority_scores.size() != node_count) {
    return DataError(fmt::format("SALSA returned {} hub and {} authority scores for {} nodes", result.hub_scores.size(),
                                 result.authority_scores.size(), node_count));
  }
  const bool use_weights = options.use_weights && graph.weighted();
  std::vector<bool> is_hub(node_count, options.hubs.empty());
  for (NodeId hub : options.hubs) is_hub[hub] = true;
  // Weights of the bipartite graph, recounted edge by edge.
  std::vector<double> hub_weight(node_count, 0.0), authority_weight(node_count, 0.0);
  for (NodeId target = 0; target < node_count; ++target) {
    for (EdgeIndex edge : graph.in_edges(target)) {
      NodeId source = graph.in_sources()[edge];
      if (!is_hub[source]) continue;
      double weight = use_weights ? graph.in_weight(edge) : 1.0;
      hub_weight[source] += weight;
      authority_weight[target] += weight;
    }
  }
  auto edge_weight = [&](EdgeIndex edge) { return use_weights ? static_cast<double>(graph.in_weight(edge)) : 1.0; };
  auto forward = [&](const std::vector<double>& hubs) {
    std::vector<double> authorities(node_count, 0.0);
    for (NodeId target = 0; target < node_count; ++target) {
      for (EdgeIndex edge : graph.in_edges(target)) {
        NodeId source = graph.in_sources()[edge];
        if (is_hub[source] && hub_weight[source] > 0)
          authorities[target] += hubs[source] * edge_weight(edge) / hub_weight[source];
      }
    }
    return authorities;
  };
  auto backward = [&](const std::vector<double>& authorities) {
    std::vector<double> hubs(node_count, 0.0);
    for (NodeId target = 0; target < node_count; ++target) {
      for (EdgeIndex edge : graph.in_edges(target)) {
        NodeId source = graph.in_sources()[edge];
        if (is_hub[source] && authority_weight[target] > 0) {
          hubs[source] += authorities[target] * edge_weight(edge) / authority_weight[target];
        }
      }
    }
    return hubs;
  };
  auto l1 = [](const std::vector<double>& first, const std::vector<double>& second) {
    double distance = 0;
    for (size_t index = 0; index < first.size(); ++index) distance += std::abs(first[index] - second[index]);
    return distance;
  };
  for (const std::vector<double>* scores : {&result.hub_scores, &result.authority_scores}) {
    double total = 0;
    for (double score : *scores) {
      if (!(score >= 0)) return DataError("a SALSA score is negative or undefined");
      total += score;
    }
    if (node_count > 0 && std::abs(total - 1) > tolerance && total != 0) {
      return DataError(fmt::format("SALSA scores sum to {}, not 1", total));
    }
  }
  if (options.restart.empty()) {
    double hub_residual = l1(backward(forward(result.hub_scores)), result.hub_scores);
    double authority_residual = l1(forward(backward(result.authority_scores)), result.authority_scores);
    if (hub_residual > tolerance || authority_residual > tolerance) {
      return DataError(fmt::format("SALSA scores are not stationary: L1 residual {:.3g} (hubs), {:.3g} (authorities)",
                                   hub_residual, authority_residual));
    }
    return Status::Ok();
  }
  double restart_total = 0;
  for (double weight : options.restart) restart_total += weight;
  double dangling = 0;
  for (NodeId node = 0; node < node_count; ++node) {
    if (hub_weight[node] == 0) dangling += result.hub_scores[node];
  }
  std::vector<double> returning = backward(forward(result.hub_scores));
  const double alpha = options.restart_probability;
  double hub_residual = 0;
  for (NodeId node = 0; node < node_count; ++node) {
    double restart = options.restart[node] / restart_total;
    double image = alpha * restart + (1 - alpha) * (returning[node] + dangling * restart);
    hub_residual += std::abs(image - result.hub_scores[node]);
  }
  std::vector<double> authorities = forward(result.hub_scores);
  double authority_total = 0;
  for (double mass : authorities) authority_total += mass;
  if (authority_total > 0) {
    for (double& mass : authorities) mass /= authority_total;
  }
  double authority_residual = l1(authorities, result.authority_scores);
  if (hub_residual > tolerance || authority_residual > tolerance) {
    return DataError(
        fmt::format("personalised SALSA scores are not stationary: L1 residual {:.3g} (hubs), {:.3g} (authorities)",
                    hub_residual, authority_residual));
  }
  return Status::Ok();
}

}  // namespace crowdlens::graph
