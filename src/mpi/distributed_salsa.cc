#include "mpi/distributed_salsa.h"

#include <cmath>
#include <functional>

#include "mpi/bipartite_components.h"

namespace crowdlens::mpi {
namespace {

// The local entries of `numerator` divided by `denominator`'s (0 where the denominator is 0).
Vector Shares(const Grid& grid, Index length, const std::vector<double>& numerator, const Vector& denominator) {
  const double* local_denominator = denominator.GetLocArr();
  const Index first = LocalPart(denominator).first;
  return MakeVector(grid, length, [&](Index node) {
    const Index offset = node - first;
    return local_denominator[offset] > 0 ? numerator[offset] / local_denominator[offset] : 0.0;
  });
}

// The personalised power iteration; fills result's iteration fields and returns this rank's hub scores.
std::vector<double> IterateHubs(const Matrix& edges, const Matrix& transposed, const Vector& hub_weight,
                                const Vector& authority_weight, const std::vector<double>& restart,
                                const graph::SalsaOptions& options, const Grid& grid, DistributedSalsaResult& result) {
  const Index node_count = edges.getnrow();
  const LocalSpan local = LocalPart(hub_weight);
  const double* local_hub_weight = hub_weight.GetLocArr();
  const double alpha = options.restart_probability;
  std::vector<double> hubs = restart;
  for (int iteration = 0; iteration < options.max_iterations; ++iteration) {
    double dangling = 0;  // the mass of hubs with nowhere to go
    for (Index offset = 0; offset < local.count; ++offset) {
      if (local_hub_weight[offset] == 0) dangling += hubs[offset];
    }
    SumOverRanks(grid, std::span<double>(&dangling, 1));
    const Vector authority_mass = combblas::SpMV<combblas::PlusTimesSRing<double, double>>(
        edges, Shares(grid, node_count, hubs, hub_weight));
    const std::vector<double> local_mass(authority_mass.GetLocArr(),
                                         authority_mass.GetLocArr() + authority_mass.LocArrSize());
    const Vector returning = combblas::SpMV<combblas::PlusTimesSRing<double, double>>(
        transposed, Shares(grid, node_count, local_mass, authority_weight));
    const double* local_returning = returning.GetLocArr();
    double change = 0;
    for (Index offset = 0; offset < local.count; ++offset) {
      const double score =
          alpha * restart[offset] + (1 - alpha) * (local_returning[offset] + dangling * restart[offset]);
      change += std::abs(score - hubs[offset]);
      hubs[offset] = score;
    }
    SumOverRanks(grid, std::span<double>(&change, 1));
    result.iterations = iteration + 1;
    result.l1_change = change;
    if (options.tolerance > 0 && change < options.tolerance) {
      result.converged = true;
      break;
    }
  }
  return hubs;
}

}  // namespace

Result<DistributedSalsaResult> DistributedSalsa(const graph::Graph& graph, const graph::SalsaOptions& options,
                                                const Grid& grid) {
  if (Status valid = graph::ValidateSalsaOptions(graph, options); !valid.ok()) return valid;
  DistributedSalsaResult result;
  const Index node_count = graph.node_count();
  if (node_count == 0) {
    result.converged = true;
    return result;
  }
  if (Status gatherable = CheckGatherable(node_count); !gatherable.ok()) return gatherable;
  double start = MPI_Wtime();
  std::vector<uint8_t> is_hub;
  if (!options.hubs.empty()) {
    is_hub.assign(node_count, 0);
    for (graph::NodeId hub : options.hubs) is_hub[hub] = 1;
  }
  const Matrix edges = DistributeEdges(graph, {.use_weights = options.use_weights, .sources = is_hub}, grid);
  Matrix transposed(edges);
  transposed.Transpose();
  result.distribute_seconds = MPI_Wtime() - start;
  start = MPI_Wtime();

  const Vector hub_weight = edges.Reduce(combblas::Column, std::plus<double>(), 0.0);
  const Vector authority_weight = edges.Reduce(combblas::Row, std::plus<double>(), 0.0);
  const LocalSpan local = LocalPart(hub_weight);
  const double* local_hub_weight = hub_weight.GetLocArr();
  const double* local_authority_weight = authority_weight.GetLocArr();
  std::vector<double> hubs(local.count, 0.0), authorities(local.count, 0.0);

  if (options.restart.empty()) {
    const BipartiteLabels labels = LabelBipartiteComponents(edges, transposed, grid);
    result.label_rounds = labels.rounds;
    const std::span<const double> hub_weights(local_hub_weight, local.count);
    const std::span<const double> authority_weights(local_authority_weight, local.count);
    const std::vector<ComponentShare> hub_components = ComponentTotals(grid, labels.hub_label, hub_weights);
    const std::vector<ComponentShare> authority_components =
        ComponentTotals(grid, labels.authority_label, authority_weights);
    // [0]: nodes that are hubs (out-weight > 0), [1]: nodes that are authorities.
    double side_counts[2] = {0, 0};
    for (Index offset = 0; offset < local.count; ++offset) {
      if (hub_weights[offset] > 0) side_counts[0] += 1;
      if (authority_weights[offset] > 0) side_counts[1] += 1;
    }
    SumOverRanks(grid, side_counts);
    for (Index offset = 0; offset < local.count; ++offset) {
      if (hub_weights[offset] > 0) {
        const ComponentShare& component = hub_components[offset];
        hubs[offset] = component.count / side_counts[0] * hub_weights[offset] / component.total;
      }
      if (authority_weights[offset] > 0) {
        const ComponentShare& component = authority_components[offset];
        authorities[offset] = component.count / side_counts[1] * authority_weights[offset] / component.total;
      }
    }
    result.converged = true;
  } else {
    double restart_total = 0;
    for (double weight : options.restart) restart_total += weight;
    std::vector<double> restart(local.count);
    for (Index offset = 0; offset < local.count; ++offset) {
      restart[offset] = options.restart[local.first + offset] / restart_total;
    }
    hubs = IterateHubs(edges, transposed, hub_weight, authority_weight, restart, options, grid, result);
    const Vector authority_mass = combblas::SpMV<combblas::PlusTimesSRing<double, double>>(
        edges, Shares(grid, node_count, hubs, hub_weight));
    double authority_total = 0;
    for (Index offset = 0; offset < local.count; ++offset) authority_total += authority_mass.GetLocArr()[offset];
    SumOverRanks(grid, std::span<double>(&authority_total, 1));
    if (authority_total > 0) {
      for (Index offset = 0; offset < local.count; ++offset) {
        authorities[offset] = authority_mass.GetLocArr()[offset] / authority_total;
      }
    }
  }
  const Vector hub_scores = MakeVector(grid, node_count, [&](Index node) { return hubs[node - local.first]; });
  const Vector authority_scores =
      MakeVector(grid, node_count, [&](Index node) { return authorities[node - local.first]; });
  result.kernel_seconds = MPI_Wtime() - start;
  result.hub_scores = GatherToRoot(grid, hub_scores, 0);
  result.authority_scores = GatherToRoot(grid, authority_scores, 0);
  return result;
}

}  // namespace crowdlens::mpi
