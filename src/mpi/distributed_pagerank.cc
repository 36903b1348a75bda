#include "mpi/distributed_pagerank.h"

#include <cmath>
#include <functional>

namespace crowdlens::mpi {

Result<DistributedPageRankResult> DistributedPageRank(const graph::Graph& graph, const graph::PageRankOptions& options,
                                                      const Grid& grid) {
  if (Status valid = graph::ValidatePageRankOptions(graph, options); !valid.ok()) return valid;
  DistributedPageRankResult result;
  const Index node_count = graph.node_count();
  if (node_count == 0) {
    result.converged = true;
    return result;
  }
  if (Status gatherable = CheckGatherable(node_count); !gatherable.ok()) return gatherable;
  double start = MPI_Wtime();
  const Matrix edges = DistributeEdges(graph, {.use_weights = options.use_weights}, grid);
  result.distribute_seconds = MPI_Wtime() - start;
  start = MPI_Wtime();

  const Vector out_weight = edges.Reduce(combblas::Column, std::plus<double>(), 0.0);
  const LocalSpan local = LocalPart(out_weight);
  const double* local_out = out_weight.GetLocArr();
  std::vector<double> inverse_out(local.count);
  for (Index offset = 0; offset < local.count; ++offset) {
    inverse_out[offset] = local_out[offset] > 0 ? 1.0 / local_out[offset] : 0.0;
  }
  // The teleport distribution of this rank's nodes.
  const double uniform = 1.0 / static_cast<double>(node_count);
  std::vector<double> teleport(local.count, uniform);
  if (!options.personalization.empty()) {
    double total = 0;
    for (double weight : options.personalization) total += weight;
    for (Index offset = 0; offset < local.count; ++offset) {
      teleport[offset] = options.personalization[local.first + offset] / total;
    }
  }

  std::vector<double> scores(local.count, uniform);
  Vector contribution(grid, node_count, 0.0);
  double dangling_mass = 0;
  for (Index offset = 0; offset < local.count; ++offset) {
    contribution.SetLocalElement(offset, scores[offset] * inverse_out[offset]);
    if (inverse_out[offset] == 0) dangling_mass += scores[offset];
  }
  SumOverRanks(grid, std::span<double>(&dangling_mass, 1));

  const double damping = options.damping;
  for (int iteration = 0; iteration < options.max_iterations; ++iteration) {
    const double arriving = (1.0 - damping) + damping * dangling_mass;
    const Vector pulled = combblas::SpMV<combblas::PlusTimesSRing<double, double>>(edges, contribution);
    const double* local_pulled = pulled.GetLocArr();
    // [0]: the L1 change, [1]: the dangling mass of the new scores.
    double sums[2] = {0, 0};
    for (Index offset = 0; offset < local.count; ++offset) {
      const double score = arriving * teleport[offset] + damping * local_pulled[offset];
      sums[0] += std::abs(score - scores[offset]);
      scores[offset] = score;
      contribution.SetLocalElement(offset, score * inverse_out[offset]);
      if (inverse_out[offset] == 0) sums[1] += score;
    }
    SumOverRanks(grid, sums);
    dangling_mass = sums[1];
    result.iterations = iteration + 1;
    result.l1_change = sums[0];
    if (options.tolerance > 0 && sums[0] < options.tolerance) {
      result.converged = true;
      break;
    }
  }
  // As the serial kernel does: hand back a probability vector.
  double total = 0;
  for (double score : scores) total += score;
  SumOverRanks(grid, std::span<double>(&total, 1));
  Vector final_scores = MakeVector(grid, node_count, [&](Index node) {
    const double score = scores[node - local.first];
    return total > 0 ? score / total : score;
  });
  result.kernel_seconds = MPI_Wtime() - start;
  result.scores = GatherToRoot(grid, final_scores, 0);
  return result;
}

}  // namespace crowdlens::mpi
